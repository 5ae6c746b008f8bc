#include "demo/demoimagesrequest.h"

#include "model/imageparams.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace {

// What OpenAI's request validation calls the JSON type it got instead.
QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return value.toDouble() == std::floor(value.toDouble()) ? QStringLiteral("an integer")
                                                                : QStringLiteral("a decimal");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == std::floor(value.toDouble())
        && std::abs(value.toDouble()) < 1e9;
}

} // namespace

DemoImagesRequest DemoImagesRequest::fromJson(const QByteArray &body)
{
    DemoImagesRequest request;
    DemoRequest &s = request.settings;
    s.hasImageTool = true;
    const auto fail = [&](const QString &message, const QString &param, const QString &code) {
        s.error = message;
        s.errorParam = param;
        s.errorCode = code;
        return request;
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return fail(DemoRequest::unparsableBodyMessage(parseError), {}, {});
    }
    const QJsonObject root = document.object();

    // OpenAI refuses fields it does not know rather than ignoring them. aspect_ratio is the
    // demo's extension, as on gateways' image endpoints (wire-formats D.2) and the demo's tool;
    // style (dall-e-3) and user are taken and have no effect.
    static const QStringList known
        = QStringLiteral("prompt model n quality size style output_format "
                         "background moderation stream user partial_images "
                         "aspect_ratio response_format output_compression")
              .split(QLatin1Char(' '));
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(QStringLiteral("Unknown parameter: '%1'.").arg(it.key()), it.key(),
                        QStringLiteral("unknown_parameter"));
    }

    const QJsonValue prompt = root.value(QLatin1String("prompt"));
    if (prompt.isUndefined() || prompt.isNull())
        return fail(QStringLiteral("Missing required parameter: 'prompt'."),
                    QStringLiteral("prompt"), QStringLiteral("missing_required_parameter"));
    if (!prompt.isString())
        return fail(QStringLiteral("Invalid type for 'prompt': expected a string, but got %1 "
                                   "instead.")
                        .arg(typeName(prompt)),
                    QStringLiteral("prompt"), QStringLiteral("invalid_type"));
    s.prompt = prompt.toString();
    if (s.prompt.isEmpty())
        return fail(QStringLiteral("Invalid 'prompt': empty string. Expected a string with "
                                   "minimum length 1, but got an empty string instead."),
                    QStringLiteral("prompt"), QStringLiteral("empty_string"));
    // Characters, as the API counts them: an emoji is one, not two UTF-16 units.
    if (const qsizetype length = QStringView(s.prompt).toUcs4().size(); length > maxPromptLength)
        return fail(QStringLiteral("Invalid 'prompt': string too long. Expected a string with "
                                   "maximum length %1, but got a string with length %2 instead.")
                        .arg(maxPromptLength)
                        .arg(length),
                    QStringLiteral("prompt"), QStringLiteral("string_above_max_length"));

    // Every other field: a wrong JSON type is refused before its value is looked at.
    static const QStringList textFields
        = QStringLiteral("model quality size style output_format background moderation user "
                         "aspect_ratio response_format")
              .split(QLatin1Char(' '));
    for (const QString &field : textFields) {
        const QJsonValue value = root.value(field);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return fail(QStringLiteral("Invalid type for '%1': expected a string, but got %2 "
                                       "instead.")
                            .arg(field, typeName(value)),
                        field, QStringLiteral("invalid_type"));
    }
    for (const char *field : { "n", "partial_images", "output_compression" }) {
        const QJsonValue value = root.value(QLatin1String(field));
        if (!value.isUndefined() && !value.isNull() && !isInteger(value))
            return fail(QStringLiteral("Invalid type for '%1': expected an integer, but got %2 "
                                       "instead.")
                            .arg(QLatin1String(field), typeName(value)),
                        QLatin1String(field), QStringLiteral("invalid_type"));
    }
    const QJsonValue stream = root.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return fail(QStringLiteral("Invalid type for 'stream': expected a boolean, but got %1 "
                                   "instead.")
                        .arg(typeName(stream)),
                    QStringLiteral("stream"), QStringLiteral("invalid_type"));
    s.stream = stream.toBool(false);

    request.n = root.value(QLatin1String("n")).toInt(1);
    if (request.n < 1)
        return fail(QStringLiteral("Invalid 'n': integer below minimum value. Expected a value "
                                   ">= 1, but got %1 instead.")
                        .arg(request.n),
                    QStringLiteral("n"), QStringLiteral("integer_below_min_value"));
    if (request.n > maxImages)
        return fail(QStringLiteral("Invalid 'n': integer above maximum value. Expected a value "
                                   "<= %1, but got %2 instead.")
                        .arg(maxImages)
                        .arg(request.n),
                    QStringLiteral("n"), QStringLiteral("integer_above_max_value"));

    if (!s.readImageSettings(root))
        return request;
    s.model = s.imageModel;
    if (!s.imageModel.section(QLatin1Char('/'), -1).startsWith(QLatin1String("gpt-image-")))
        return fail(QStringLiteral("Invalid value: '%1'. The offline demo draws like the GPT "
                                   "image models: 'gpt-image-1', 'gpt-image-1-mini', "
                                   "'gpt-image-1.5' and 'gpt-image-2'.")
                        .arg(s.imageModel),
                    QStringLiteral("model"), QStringLiteral("invalid_value"));
    // The GPT image models know fewer sizes than the demo's tool path draws, and a ratio picks
    // one of them.
    if (s.requestedSize == QLatin1String("auto") && !s.aspectRatio.isEmpty()) {
        const QSize fromRatio
            = ImageParams::parseSize(ImageParams::sizeForAspectRatio(s.imageModel, s.aspectRatio));
        if (fromRatio.isValid())
            s.size = fromRatio;
    }
    const QString sizeProblem = ImageParams::validateSize(s.imageModel, s.requestedSize);
    if (!sizeProblem.isEmpty())
        return fail(QStringLiteral("Invalid value: '%1'. %2").arg(s.requestedSize, sizeProblem),
                    QStringLiteral("size"), QStringLiteral("invalid_value"));

    const QString format = root.value(QLatin1String("response_format")).toString();
    if (!format.isEmpty() && format != QLatin1String("b64_json")) {
        return fail(format == QLatin1String("url")
                        ? QStringLiteral("Invalid value: 'url'. The GPT image models always "
                                         "return base64-encoded images: send 'b64_json' or leave "
                                         "'response_format' out.")
                        : QStringLiteral("Invalid value: '%1'. Supported values are: 'url' and "
                                         "'b64_json'.")
                              .arg(format),
                    QStringLiteral("response_format"), QStringLiteral("invalid_value"));
    }
    if (!s.stream)
        s.partialImages = 0; // previews exist only in streams
    return request;
}
