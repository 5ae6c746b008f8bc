#include "providerprofile.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace {

QStringList prefixed(const QString &vendor, const QStringList &models)
{
    QStringList out;
    for (const QString &model : models)
        out << vendor + QLatin1Char('/') + model;
    return out;
}

QStringList openAiImageModels()
{
    return { QStringLiteral("gpt-image-1.5"), QStringLiteral("gpt-image-2"),
             QStringLiteral("gpt-image-1"), QStringLiteral("gpt-image-1-mini") };
}

// A gateway's profile: Responses plus what the table of issue #3 lists, vendor-prefixed model
// ids, and the tool's fields nested in "parameters". Reference images keep OpenAI's limits (the
// struct's defaults): the gateways route to the same OpenAI image models and document no limits
// of their own.
ProviderProfile gateway(const QString &id, const QString &name, const QString &baseUrl,
                        const QString &variablePrefix, const QString &toolType,
                        const QList<ApiFlavour> &flavours)
{
    ProviderProfile p;
    p.id = id;
    p.displayName = name;
    p.baseUrl = QUrl(baseUrl);
    p.keyVariable = variablePrefix + QStringLiteral("_API_KEY");
    p.baseUrlVariable = variablePrefix + QStringLiteral("_BASE_URL");
    p.chatModel = QStringLiteral("openai/gpt-5-mini");
    p.imageModel = QStringLiteral("openai/gpt-image-1.5");
    p.toolType = toolType;
    p.nestToolParameters = true;
    p.flavours = flavours;
    p.chatModelChoices = prefixed(QStringLiteral("openai"), ProviderProfile::chatModels());
    p.imageModelChoices = prefixed(QStringLiteral("openai"), openAiImageModels());
    p.isBuiltIn = true;
    return p;
}

bool isTokenChar(QChar c)
{
    return (c.isLetterOrNumber() && c.unicode() < 128)
        || QStringLiteral("!#$%&'*+-.^_`|~").contains(c);
}

// A header that carries a secret by its name: "api-key", "X-Api-Key", "x-auth-token",
// "Cookie". Judged word by word, so that "x-portkey-config" or "X-Title" pass.
bool isCredentialName(const QString &name)
{
    static const QStringList secretWords
        = { QStringLiteral("key"),         QStringLiteral("apikey"),
            QStringLiteral("token"),       QStringLiteral("secret"),
            QStringLiteral("password"),    QStringLiteral("auth"),
            QStringLiteral("cookie"),      QStringLiteral("credential"),
            QStringLiteral("credentials"), QStringLiteral("proxy-authorization") };
    static const QRegularExpression separators(QStringLiteral("[-_.]+"));
    const QString lower = name.toLower();
    if (secretWords.contains(lower))
        return true;
    const QStringList words = lower.split(separators, Qt::SkipEmptyParts);
    return std::any_of(words.cbegin(), words.cend(),
                       [](const QString &word) { return secretWords.contains(word); });
}

} // namespace

QUrl ProviderProfile::endpoint(const QString &path) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QLatin1Char('/') + path);
    return url;
}

QString ProviderProfile::endpointPath(ApiFlavour flavour) const
{
    return flavour == ApiFlavour::Images ? imagesPath : ApiFlavours::endpointPath(flavour);
}

ReferenceLimits ProviderProfile::referenceLimits(const QString &imageModel) const
{
    ReferenceLimits limits;
    if (!displayName.isEmpty())
        limits.providerName = displayName;
    limits.maxCount = qMax(1, maxInputImages);
    limits.maxImageBytes = qMax<qint64>(1, maxInputImageBytes);
    // OpenAI's Responses API takes at most 50 MB of input images per request; no gateway
    // documents another figure.
    limits.maxTotalBytes = 50LL * 1024 * 1024;
    limits.maxEdge = ReferenceLimits::maxEdgeFor(imageModel);
    return limits;
}

QString ProviderProfile::flavourNames() const
{
    QStringList names;
    for (ApiFlavour f : flavours)
        names << ApiFlavours::name(f);
    return names.join(QStringLiteral(", "));
}

QString ProviderProfile::inOwnNaming(const QString &model, const QString &fallback) const
{
    const QString trimmed = model.trimmed();
    if (trimmed.isEmpty())
        return fallback;
    const QString openAiPrefix = QStringLiteral("openai/");
    if (usesVendorPrefixes())
        return trimmed.contains(QLatin1Char('/')) ? trimmed : openAiPrefix + trimmed;
    if (trimmed.startsWith(openAiPrefix))
        return trimmed.mid(openAiPrefix.size());
    return trimmed.contains(QLatin1Char('/')) ? fallback : trimmed;
}

void ProviderProfile::applyEnvironment()
{
    if (!baseUrlVariable.isEmpty()) {
        const QString base = qEnvironmentVariable(qPrintable(baseUrlVariable)).trimmed();
        if (!base.isEmpty())
            baseUrl = QUrl(base);
    }
    if (!keyVariable.isEmpty()) {
        const QString key = qEnvironmentVariable(qPrintable(keyVariable)).trimmed();
        if (!key.isEmpty()) {
            apiKey = key;
            keySource = KeySource::Environment;
        }
    }
}

QString ProviderProfile::keyPlace() const
{
    if (keySource == KeySource::Environment && !keyVariable.isEmpty())
        return keyVariable;
    if (keySource == KeySource::None && !keyVariable.isEmpty())
        return tr("Settings > Providers or %1").arg(keyVariable);
    return tr("Settings > Providers");
}

QJsonObject ProviderProfile::toJson() const
{
    QJsonArray headers;
    for (const auto &[name, value] : extraHeaders)
        headers.append(QJsonObject { { QStringLiteral("name"), QString::fromLatin1(name) },
                                     { QStringLiteral("value"), QString::fromUtf8(value) } });
    QJsonObject object { { QStringLiteral("id"), id },
                         { QStringLiteral("displayName"), displayName },
                         { QStringLiteral("baseUrl"), baseUrl.toString() },
                         { QStringLiteral("chatModel"), chatModel },
                         { QStringLiteral("imageModel"), imageModel },
                         { QStringLiteral("toolType"), toolType },
                         { QStringLiteral("imagesPath"), imagesPath },
                         { QStringLiteral("nestToolParameters"), nestToolParameters },
                         { QStringLiteral("flavour"), ApiFlavours::name(flavour) },
                         { QStringLiteral("extraHeaders"), headers },
                         { QStringLiteral("keyRequired"), keyRequired },
                         { QStringLiteral("max_input_images"), maxInputImages },
                         // Bytes fit a double exactly far beyond any sensible limit.
                         { QStringLiteral("max_input_image_bytes"), double(maxInputImageBytes) } };
    if (!basedOn.isEmpty())
        object.insert(QStringLiteral("basedOn"), basedOn);
    return object;
}

ProviderProfile ProviderProfile::fromJson(const ProviderProfile &base, const QJsonObject &object)
{
    ProviderProfile p = base;
    const auto text = [&object](const char *name, QString *target) {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isString())
            *target = value.toString().trimmed();
    };
    text("id", &p.id);
    text("displayName", &p.displayName);
    text("chatModel", &p.chatModel);
    text("imageModel", &p.imageModel);
    text("toolType", &p.toolType);
    text("imagesPath", &p.imagesPath);
    text("basedOn", &p.basedOn);
    if (object.value(QLatin1String("baseUrl")).isString())
        p.baseUrl = QUrl(object.value(QLatin1String("baseUrl")).toString().trimmed());
    if (object.value(QLatin1String("nestToolParameters")).isBool())
        p.nestToolParameters = object.value(QLatin1String("nestToolParameters")).toBool();
    if (object.value(QLatin1String("keyRequired")).isBool())
        p.keyRequired = object.value(QLatin1String("keyRequired")).toBool();
    // Limits below 1 would refuse every image: such a stored value is damage, not a choice.
    const QJsonValue images = object.value(QLatin1String("max_input_images"));
    if (images.isDouble() && images.toDouble() >= 1 && images.toDouble() <= 100)
        p.maxInputImages = qRound(images.toDouble());
    const QJsonValue imageBytes = object.value(QLatin1String("max_input_image_bytes"));
    if (imageBytes.isDouble() && imageBytes.toDouble() >= 1 && imageBytes.toDouble() < 1e15)
        p.maxInputImageBytes = qint64(imageBytes.toDouble());
    ApiFlavour flavour;
    if (ApiFlavours::fromName(object.value(QLatin1String("flavour")).toString(), &flavour)
        && p.supports(flavour))
        p.flavour = flavour;
    if (object.value(QLatin1String("extraHeaders")).isArray()) {
        p.extraHeaders.clear();
        for (const QJsonValue &entry : object.value(QLatin1String("extraHeaders")).toArray()) {
            const QString name = entry.toObject().value(QLatin1String("name")).toString();
            const QString value = entry.toObject().value(QLatin1String("value")).toString();
            if (!name.isEmpty()
                && name.compare(QLatin1String("authorization"), Qt::CaseInsensitive))
                p.extraHeaders.append({ name.toLatin1(), value.toUtf8() });
        }
    }
    if (p.toolType.isEmpty())
        p.toolType = base.toolType;
    return p;
}

QString ProviderProfile::baseUrlProblem(const QUrl &baseUrl)
{
    if (baseUrl.isEmpty())
        return tr("Enter a base URL first, e.g. https://openrouter.ai/api/v1.");
    const QString scheme = baseUrl.scheme().toLower();
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return tr("The base URL must be a full https:// address (http:// for a local server), "
                  "e.g. https://openrouter.ai/api/v1.");
    return {};
}

QString ProviderProfile::headersToText(const HeaderList &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers)
        lines << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value);
    return lines.join(QLatin1Char('\n'));
}

bool ProviderProfile::headersFromText(const QString &text, HeaderList *headers, QString *error,
                                      const QString &keyHome)
{
    const QString home = keyHome.isEmpty() ? tr("the key field (kept in the keychain)") : keyHome;
    HeaderList parsed;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString name = colon > 0 ? line.left(colon).trimmed() : QString();
        const QString value = colon > 0 ? line.mid(colon + 1).trimmed() : QString();
        const bool nameOk = !name.isEmpty() && std::all_of(name.begin(), name.end(), isTokenChar);
        if (!nameOk) {
            *error = tr("Header line %1 is not of the form \"Name: value\".").arg(i + 1);
            return false;
        }
        if (name.compare(QLatin1String("authorization"), Qt::CaseInsensitive) == 0) {
            *error = tr("The API key goes in %1, not in the headers: headers are kept in plain "
                        "text in the settings file.")
                         .arg(home);
            return false;
        }
        if (isCredentialName(name)) {
            // Found by QA: "api-key: sk-…" was kept in plain text in settings.ini and shown
            // unmasked when the gateway repeated it in an error.
            *error = tr("Header %1 looks like a key or token, and headers are kept in plain text "
                        "in the settings file. Put the key in %2: Easel sends it as "
                        "\"Authorization: Bearer\", which OpenAI-compatible gateways accept.")
                         .arg(name, home);
            return false;
        }
        if (std::any_of(value.begin(), value.end(), [](QChar c) { return c.unicode() < 32; })) {
            *error = tr("Header %1 has a control character in its value.").arg(name);
            return false;
        }
        parsed.append({ name.toLatin1(), value.toUtf8() });
    }
    *headers = parsed;
    return true;
}

QString ProviderProfile::alternateToolType(const QString &toolType)
{
    static const QString older = QStringLiteral("ai-stats:image_generation");
    static const QString newer = QStringLiteral("phaseo:image_generation");
    if (toolType == older)
        return newer;
    if (toolType == newer)
        return older;
    return {};
}

bool ProviderProfile::refusesToolType(int httpStatus, const QByteArray &errorBody)
{
    if (httpStatus != 400)
        return false;
    const QString body = QString::fromUtf8(errorBody).toLower();
    if (body.contains(QLatin1String("ai-stats:image_generation"))
        || body.contains(QLatin1String("phaseo:image_generation")))
        return true;
    static const QRegularExpression invalidToolType(
        QStringLiteral("tool[ _]?type.{0,40}(invalid|unknown|unsupported|not supported|not "
                       "allowed)|(invalid|unknown|unsupported) tool[ _]?type"));
    return invalidToolType.match(body).hasMatch();
}

QList<ProviderProfile> ProviderProfile::builtIns()
{
    using F = ApiFlavour;
    ProviderProfile openai;
    openai.id = QStringLiteral("openai");
    openai.displayName = QStringLiteral("OpenAI");
    openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    openai.keyVariable = QStringLiteral("OPENAI_API_KEY");
    openai.baseUrlVariable = QStringLiteral("OPENAI_BASE_URL");
    openai.chatModel = QStringLiteral("gpt-5-mini");
    openai.imageModel = QStringLiteral("gpt-image-1.5");
    openai.chatModelChoices = chatModels();
    openai.imageModelChoices = openAiImageModels();
    openai.imagesPath = QStringLiteral("images/generations");
    openai.isBuiltIn = true;
    // OpenAI's image edit reference: "each image should be a png, webp, or jpg file less than
    // 50MB. You can provide up to 16 images"; the Responses API takes up to 50 MB of image input
    // per request (ReferenceLimits::maxTotalBytes).
    openai.maxInputImages = 16;
    openai.maxInputImageBytes = 50LL * 1024 * 1024;

    ProviderProfile aistats = gateway(
        QStringLiteral("aistats"), QStringLiteral("AI Stats"),
        QStringLiteral("https://api.phaseo.app/v1"), QStringLiteral("AI_STATS"),
        QStringLiteral("ai-stats:image_generation"), { F::Responses, F::ChatCompletions });
    // Its documented default image model.
    aistats.imageModel = QStringLiteral("openai/gpt-image-2");
    aistats.imagesPath = QStringLiteral("images/generations"); // wire-formats D.1

    ProviderProfile openrouter
        = gateway(QStringLiteral("openrouter"), QStringLiteral("OpenRouter"),
                  QStringLiteral("https://openrouter.ai/api/v1"), QStringLiteral("OPENROUTER"),
                  QStringLiteral("openrouter:image_generation"),
                  { F::Responses, F::ChatCompletions, F::ImageChat });
    // OpenRouter attributes requests to an app by these; they carry no secret. Easel has no
    // public home page yet, hence the reserved .invalid name: edit it per profile.
    openrouter.extraHeaders
        = { { "HTTP-Referer", "https://easel.invalid" }, { "X-Title", "Easel" } };
    openrouter.imagesPath = QStringLiteral("images"); // the newer dedicated endpoint, C.2
    openrouter.chatModelChoices << QStringLiteral("google/gemini-2.5-flash-image")
                                << QStringLiteral("openai/gpt-5-image");

    const ProviderProfile modelgates = gateway(
        QStringLiteral("modelgates"), QStringLiteral("ModelGates"),
        QStringLiteral("https://modelgates.ai/api/v1"), QStringLiteral("MODELGATES"),
        QStringLiteral("modelgates:image_generation"), { F::Responses, F::ChatCompletions });

    // Any OpenAI-compatible endpoint (a proxy, LiteLLM, a local server): OpenAI's tool and
    // naming, every flavour, and a key only when the server wants one.
    ProviderProfile custom = openai;
    custom.id = QStringLiteral("custom");
    custom.displayName = tr("Custom endpoint");
    custom.baseUrl = QUrl();
    custom.keyVariable = QStringLiteral("EASEL_CUSTOM_API_KEY");
    custom.baseUrlVariable = QStringLiteral("EASEL_CUSTOM_BASE_URL");
    custom.flavours = { F::Responses, F::ChatCompletions, F::ImageChat };
    custom.keyRequired = false;

    return { openai, aistats, openrouter, modelgates, custom };
}

ProviderProfile ProviderProfile::builtIn(const QString &id)
{
    for (const ProviderProfile &p : builtIns()) {
        if (p.id == id)
            return p;
    }
    return {};
}

ProviderProfile ProviderProfile::openAi()
{
    ProviderProfile p = builtIn(QStringLiteral("openai"));
    p.applyEnvironment();
    return p;
}

ProviderProfile ProviderProfile::demo(const QUrl &baseUrl)
{
    ProviderProfile p;
    p.id = QStringLiteral("demo");
    p.displayName = tr("Offline demo");
    p.baseUrl = baseUrl;
    p.apiKey = QStringLiteral("demo"); // the demo gateway accepts anything; never a real key
    p.keySource = KeySource::Fixed;
    p.chatModel = QStringLiteral("gpt-5-mini");
    p.imageModel = QStringLiteral("gpt-image-1.5");
    p.chatModelChoices = chatModels();
    p.imageModelChoices = openAiImageModels();
    p.imagesPath = QStringLiteral("images/generations");
    p.isBuiltIn = true;
    p.keyRequired = false;
    p.isDemo = true;
    // Reference images: OpenAI's limits (the struct's defaults), so that an edit tried offline
    // meets the same refusals as a real one.
    return p;
}

QStringList ProviderProfile::knownIds()
{
    QStringList ids { QStringLiteral("demo") };
    for (const ProviderProfile &p : builtIns())
        ids << p.id;
    return ids;
}

QStringList ProviderProfile::chatModels()
{
    return { QStringLiteral("gpt-5"),        QStringLiteral("gpt-5-mini"),
             QStringLiteral("gpt-5-nano"),   QStringLiteral("gpt-4.1"),
             QStringLiteral("gpt-4.1-mini"), QStringLiteral("gpt-4o") };
}
