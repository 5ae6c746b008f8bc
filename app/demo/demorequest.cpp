#include "demo/demorequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cmath>

namespace {

// The text of one input item or content part list.
QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue &part : content.toArray()) {
        const QJsonObject object = part.toObject();
        const QString type = object.value(QLatin1String("type")).toString();
        if (type == QLatin1String("input_text") || type == QLatin1String("text")
            || type == QLatin1String("output_text"))
            parts << object.value(QLatin1String("text")).toString();
    }
    return parts.join(QLatin1Char('\n'));
}

bool isImagePart(const QString &type)
{
    return type == QLatin1String("input_image") || type == QLatin1String("image_url");
}

// The text of the last user message with text in `items` (the one being answered), and every
// image part of the user messages, in order. `listName` names the list in the images' parameter
// names ("input[0].content[1].image_url").
QString readMessages(const QJsonArray &items, const QString &listName,
                     QList<DemoRequest::ImageSource> *images)
{
    QString prompt;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject object = items.at(i).toObject();
        const QString role = object.value(QLatin1String("role")).toString();
        if (!role.isEmpty() && role != QLatin1String("user"))
            continue;
        const QJsonValue content = object.value(QLatin1String("content"));
        const QString text = textOf(content);
        if (!text.trimmed().isEmpty())
            prompt = text;
        const QJsonArray parts = content.toArray();
        for (qsizetype j = 0; j < parts.size(); ++j) {
            const QJsonObject part = parts.at(j).toObject();
            if (!isImagePart(part.value(QLatin1String("type")).toString()))
                continue;
            const QString at = QStringLiteral("%1[%2].content[%3]").arg(listName).arg(i).arg(j);
            const QString fileId = part.value(QLatin1String("file_id")).toString();
            const bool byFile = !part.contains(QLatin1String("image_url")) && !fileId.isEmpty();
            images->append(
                { part.value(QLatin1String("image_url")), byFile ? fileId : QString(),
                  at + (byFile ? QStringLiteral(".file_id") : QStringLiteral(".image_url")) });
        }
    }
    return prompt;
}

bool isImageTool(const QJsonObject &tool)
{
    const QString type = tool.value(QLatin1String("type")).toString();
    return type == QLatin1String("image_generation")
        || type.endsWith(QLatin1String(":image_generation"));
}

DemoRequest failed(DemoRequest request, const QString &message, const QString &param,
                   const QString &code = {})
{
    request.error = message;
    request.errorParam = param;
    request.errorCode = code;
    return request;
}

QString invalidValue(const QString &value, const QString &supported)
{
    return QStringLiteral("Invalid value: '%1'. Supported values are: %2.").arg(value, supported);
}

} // namespace

QString DemoRequest::resolvedQuality() const
{
    return quality == QLatin1String("auto") ? QStringLiteral("medium") : quality;
}

QString DemoRequest::sizeText() const
{
    return QString::number(size.width()) + QLatin1Char('x') + QString::number(size.height());
}

QSize DemoRequest::sizeForAspectRatio(const QString &ratio)
{
    const QStringList parts = ratio.split(QLatin1Char(':'));
    bool okWidth = false, okHeight = false;
    const double w = parts.size() == 2 ? parts.at(0).toDouble(&okWidth) : 0;
    const double h = parts.size() == 2 ? parts.at(1).toDouble(&okHeight) : 0;
    // "nan:1" and "inf:inf" parse as numbers; rounding a NaN side to int is undefined behaviour
    // (found with fuzz_demorequest), so only finite ratios count.
    if (!okWidth || !okHeight || !std::isfinite(w) || !std::isfinite(h) || w <= 0 || h <= 0
        || w / h > 3 || h / w > 3)
        return {};
    if (qFuzzyCompare(w, h))
        return { 1024, 1024 };
    const auto shortSide = [](double value) {
        return qMax(16, int(qRound(value / 16.0)) * 16);
    };
    if (w > h)
        return { 1536, shortSide(1536 * h / w) };
    return { shortSide(1536 * w / h), 1536 };
}

QJsonObject DemoRequest::toolEcho() const
{
    return QJsonObject {
        { QStringLiteral("type"), toolType },
        { QStringLiteral("model"), imageModel },
        { QStringLiteral("background"), background },
        { QStringLiteral("moderation"), moderation },
        { QStringLiteral("n"), 1 },
        { QStringLiteral("output_compression"), outputCompression },
        { QStringLiteral("output_format"), outputFormat },
        { QStringLiteral("partial_images"), partialImages },
        { QStringLiteral("quality"), quality },
        { QStringLiteral("size"), requestedSize },
    };
}

bool DemoRequest::readImageSettings(const QJsonObject &settings, const QString &paramPrefix)
{
    const auto text = [&](const char *key, const QString &fallback) {
        const QJsonValue value = settings.value(QLatin1String(key));
        return value.isString() ? value.toString() : fallback;
    };
    const auto fail = [&](const QString &message, const QString &param) {
        *this = failed(*this, message, paramPrefix + param, QStringLiteral("invalid_value"));
        return false;
    };

    imageModel = text("model", imageModel);
    quality = text("quality", quality);
    background = text("background", background);
    requestedBackground = background;
    outputFormat = text("output_format", outputFormat);
    moderation = text("moderation", moderation);
    requestedSize = text("size", requestedSize);
    aspectRatio = text("aspect_ratio", QString());
    outputCompression = settings.value(QLatin1String("output_compression")).toInt(100);
    partialImages = settings.value(QLatin1String("partial_images")).toInt(0);

    if (!QStringList { "low", "medium", "high", "auto" }.contains(quality))
        return fail(invalidValue(quality, "'low', 'medium', 'high' and 'auto'"), "quality");
    if (!QStringList { "transparent", "opaque", "auto" }.contains(background))
        return fail(invalidValue(background, "'transparent', 'opaque' and 'auto'"), "background");
    if (!QStringList { "png", "jpeg", "webp" }.contains(outputFormat))
        return fail(invalidValue(outputFormat, "'png', 'jpeg' and 'webp'"), "output_format");
    if (!QStringList { "low", "auto" }.contains(moderation))
        return fail(invalidValue(moderation, "'low' and 'auto'"), "moderation");
    // The real API checks compression even for png, where it then has no effect.
    if (outputCompression < 0 || outputCompression > 100)
        return fail(QStringLiteral("Invalid 'output_compression': expected 0 to 100."),
                    "output_compression");
    if (partialImages < 0 || partialImages > 3)
        return fail(
            QStringLiteral("Invalid 'partial_images': expected 0 to 3, got %1.").arg(partialImages),
            "partial_images");

    if (requestedSize == QLatin1String("auto")) {
        const QSize fromRatio = sizeForAspectRatio(aspectRatio);
        size = fromRatio.isValid() ? fromRatio : QSize(1024, 1024);
    } else {
        const QStringList sides = requestedSize.split(QLatin1Char('x'));
        bool okWidth = false, okHeight = false;
        const int width = sides.size() == 2 ? sides.at(0).toInt(&okWidth) : 0;
        const int height = sides.size() == 2 ? sides.at(1).toInt(&okHeight) : 0;
        if (!okWidth || !okHeight || width < 16 || height < 16 || width > 3840 || height > 3840
            || qint64(width) * height > 3840 * 2160)
            return fail(invalidValue(requestedSize,
                                     "'1024x1024', '1024x1536', '1536x1024', 'auto', or WxH up "
                                     "to 3840x2160"),
                        "size");
        size = QSize(width, height);
    }
    // JPEG has no alpha channel; the demo draws opaque instead of refusing.
    if (background == QLatin1String("auto")
        || (transparent() && outputFormat == QLatin1String("jpeg")))
        background = QStringLiteral("opaque");
    return true;
}

QString DemoRequest::unparsableBodyMessage(const QJsonParseError &error)
{
    return QStringLiteral("We could not parse the JSON body of your request. (The offline demo "
                          "expects a JSON object; %1 at offset %2.)")
        .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                     : QStringLiteral("the body is not an object"))
        .arg(error.offset);
}

DemoRequest DemoRequest::fromJson(const QByteArray &body)
{
    DemoRequest request;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return failed(request, unparsableBodyMessage(parseError), {});
    }
    const QJsonObject root = document.object();

    request.model = root.value(QLatin1String("model")).toString();
    if (request.model.isEmpty())
        return failed(request, QStringLiteral("Missing required parameter: 'model'."),
                      QStringLiteral("model"), QStringLiteral("missing_required_parameter"));
    const QJsonValue input = root.value(QLatin1String("input"));
    if (!input.isString() && !input.isArray())
        return failed(request, QStringLiteral("Missing required parameter: 'input'."),
                      QStringLiteral("input"), QStringLiteral("missing_required_parameter"));
    request.prompt = input.isString()
        ? input.toString().trimmed()
        : readMessages(input.toArray(), QStringLiteral("input"), &request.imageSources).trimmed();
    if (request.prompt.isEmpty())
        return failed(request,
                      QStringLiteral("The offline demo needs some text in 'input' to draw."),
                      QStringLiteral("input"));
    request.stream = root.value(QLatin1String("stream")).toBool(false);
    request.store = root.value(QLatin1String("store")).toBool(true);
    request.toolChoice = root.value(QLatin1String("tool_choice")).toObject();
    request.previousResponseId = root.value(QLatin1String("previous_response_id")).toString();
    if (!request.readTools(root.value(QLatin1String("tools")).toArray()))
        return request;
    if (!request.stream)
        request.partialImages = 0; // previews exist only in streams
    return request;
}

bool DemoRequest::fail(const QString &message, const QString &param, const QString &code)
{
    *this = failed(*this, message, param, code);
    return false;
}

bool DemoRequest::readTools(const QJsonArray &tools)
{
    for (int index = 0; index < tools.size(); ++index) {
        QJsonObject tool = tools.at(index).toObject();
        if (!isImageTool(tool))
            continue;
        hasImageTool = true;
        toolType = tool.value(QLatin1String("type")).toString();
        // AI Stats and OpenRouter nest the settings in "parameters"; those win over flat ones.
        const QJsonObject parameters = tool.value(QLatin1String("parameters")).toObject();
        for (auto it = parameters.begin(); it != parameters.end(); ++it)
            tool.insert(it.key(), it.value());
        const QString prefix = QStringLiteral("tools[%1].").arg(index);
        if (!readImageSettings(tool, prefix))
            return false;

        const QJsonValue actionValue = tool.value(QLatin1String("action"));
        action = actionValue.isString() ? actionValue.toString() : QStringLiteral("auto");
        if (!QStringList { "generate", "edit", "auto" }.contains(action))
            return fail(invalidValue(action, "'generate', 'edit' and 'auto'"),
                        prefix + QStringLiteral("action"), QStringLiteral("invalid_value"));
        const QJsonValue mask = tool.value(QLatin1String("input_image_mask"));
        if (!mask.isUndefined() && !mask.isNull()) {
            // {"image_url": data URL} or {"file_id": …} (A.2); a bare string is taken as the URL.
            const QJsonObject object = mask.toObject();
            hasMask = true;
            maskSource.param = prefix + QStringLiteral("input_image_mask");
            maskSource.imageUrl = mask.isString() ? mask : object.value(QLatin1String("image_url"));
            if (!object.contains(QLatin1String("image_url")))
                maskSource.fileId = object.value(QLatin1String("file_id")).toString();
        }
        break;
    }
    return true;
}
