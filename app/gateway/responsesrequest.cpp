#include "responsesrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {

bool isSet(const QString &value)
{
    return !value.isEmpty() && value != QLatin1String("auto");
}

QString sniffMimeType(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG"))
        return QStringLiteral("image/png");
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (bytes.startsWith("GIF8"))
        return QStringLiteral("image/gif");
    return QStringLiteral("image/png");
}

} // namespace

QJsonObject ResponsesRequestBuilder::toolParameters(const ImageParams &params, bool stream,
                                                    bool gatewayTool)
{
    QJsonObject tool;
    if (!params.imageModel.isEmpty())
        tool.insert(QStringLiteral("model"), params.imageModel);
    if (isSet(params.quality))
        tool.insert(QStringLiteral("quality"), params.quality);
    const QString size = params.effectiveSize();
    if (isSet(size))
        tool.insert(QStringLiteral("size"), size);
    // Gateways may route to image models that think in ratios rather than pixel sizes (OpenRouter's
    // and AI Stats' tools accept aspect_ratio); OpenAI's own tool rejects unknown fields.
    if (gatewayTool && !params.aspectRatio.isEmpty())
        tool.insert(QStringLiteral("aspect_ratio"), params.aspectRatio);
    if (!params.outputFormat.isEmpty() && params.outputFormat != QLatin1String("png"))
        tool.insert(QStringLiteral("output_format"), params.outputFormat);
    if (params.compressionApplies() && params.outputCompression != 100)
        tool.insert(QStringLiteral("output_compression"),
                    std::clamp(params.outputCompression, 0, 100));
    if (isSet(params.background))
        tool.insert(QStringLiteral("background"), params.background);
    if (isSet(params.moderation))
        tool.insert(QStringLiteral("moderation"), params.moderation);
    // The designer's value is sent as chosen, 0 included: every preview adds output tokens to the
    // bill, so forcing 1 (the workaround from a 2025 report of streams rejected with 0, see
    // wire-formats A.2) would charge for previews nobody asked for. The panel's default is 2.
    if (stream)
        tool.insert(QStringLiteral("partial_images"), std::clamp(params.partialImages, 0, 3));
    if (isSet(params.action))
        tool.insert(QStringLiteral("action"), params.action);
    if (isSet(params.inputFidelity))
        tool.insert(QStringLiteral("input_fidelity"), params.inputFidelity);
    return tool;
}

QString ResponsesRequestBuilder::dataUrl(const InputImage &image)
{
    const QString mime = image.mimeType.isEmpty() ? sniffMimeType(image.bytes) : image.mimeType;
    return QLatin1String("data:") + mime + QLatin1String(";base64,")
        + QLatin1String(image.bytes.toBase64());
}

QJsonValue ResponsesRequestBuilder::forcedToolChoice(const QString &toolType)
{
    if (toolType.startsWith(QLatin1String("ai-stats:"))
        || toolType.startsWith(QLatin1String("phaseo:")))
        return toolType;
    return QJsonObject { { QStringLiteral("type"), toolType } };
}

QJsonObject ResponsesRequestBuilder::build(const ResponsesRequest &request)
{
    QJsonObject body;
    body.insert(QStringLiteral("model"), request.chatModel);

    if (request.images.isEmpty()) {
        body.insert(QStringLiteral("input"), request.prompt);
    } else {
        QJsonArray content;
        if (!request.prompt.isEmpty())
            content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("input_text") },
                                         { QStringLiteral("text"), request.prompt } });
        for (const InputImage &image : request.images)
            content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("input_image") },
                                         { QStringLiteral("image_url"), dataUrl(image) } });
        const QJsonObject message { { QStringLiteral("role"), QStringLiteral("user") },
                                    { QStringLiteral("content"), content } };
        body.insert(QStringLiteral("input"), QJsonArray { message });
    }

    const bool gatewayTool = request.toolType != QLatin1String("image_generation");
    QJsonObject parameters = toolParameters(request.params, request.stream, gatewayTool);
    if (!request.mask.bytes.isEmpty()) {
        // The mask applies to the first input image (A.2); a masked edit is always an edit.
        parameters.insert(QStringLiteral("input_image_mask"),
                          QJsonObject { { QStringLiteral("image_url"), dataUrl(request.mask) } });
        parameters.insert(QStringLiteral("action"), QStringLiteral("edit"));
    }
    QJsonObject tool;
    if (request.nestToolParameters) {
        tool.insert(QStringLiteral("parameters"), parameters);
    } else {
        tool = parameters;
    }
    tool.insert(QStringLiteral("type"), request.toolType);
    body.insert(QStringLiteral("tools"), QJsonArray { tool });

    if (request.params.imageOnly)
        body.insert(QStringLiteral("tool_choice"), forcedToolChoice(request.toolType));
    else
        body.insert(QStringLiteral("tool_choice"), QStringLiteral("auto"));

    body.insert(QStringLiteral("stream"), request.stream);
    body.insert(QStringLiteral("store"), request.store);
    if (!request.previousResponseId.isEmpty())
        body.insert(QStringLiteral("previous_response_id"), request.previousResponseId);
    return body;
}

QByteArray ResponsesRequestBuilder::body(const ResponsesRequest &request)
{
    return QJsonDocument(build(request)).toJson(QJsonDocument::Compact);
}
