#include "chatcompletionsrequest.h"

#include "responsesrequest.h"

#include <QStringList>

QJsonObject ChatCompletionsRequestBuilder::buildToolChat(const GatewayRequest &request)
{
    QJsonObject body;
    body.insert(QStringLiteral("model"), request.chatModel);
    body.insert(QStringLiteral("messages"), messages(request));

    // The gateway passes every parameter but the model to its image API unchanged (C.1); the
    // OpenAI-only ones (partial previews, edit action, input fidelity) have no meaning there.
    QJsonObject parameters
        = ResponsesRequestBuilder::toolParameters(request.params, false, /*gatewayTool=*/true);
    parameters.remove(QStringLiteral("action"));
    parameters.remove(QStringLiteral("input_fidelity"));
    QJsonObject tool;
    if (request.nestToolParameters)
        tool.insert(QStringLiteral("parameters"), parameters);
    else
        tool = parameters;
    tool.insert(QStringLiteral("type"), request.toolType);
    body.insert(QStringLiteral("tools"), QJsonArray { tool });
    // Without imageOnly the model decides ("auto" is the default whenever tools are sent).
    if (request.params.imageOnly)
        body.insert(QStringLiteral("tool_choice"),
                    ResponsesRequestBuilder::forcedToolChoice(request.toolType));

    body.insert(QStringLiteral("stream"), request.stream);
    return body;
}

QJsonObject ChatCompletionsRequestBuilder::buildImageChat(const GatewayRequest &request)
{
    QJsonObject body;
    const QString imageModel
        = request.params.imageModel.isEmpty() ? request.chatModel : request.params.imageModel;
    body.insert(QStringLiteral("model"), imageModel);
    body.insert(QStringLiteral("messages"), messages(request));
    body.insert(QStringLiteral("modalities"),
                QJsonArray { QStringLiteral("image"), QStringLiteral("text") });

    QJsonObject imageConfig;
    if (!request.params.aspectRatio.isEmpty())
        imageConfig.insert(QStringLiteral("aspect_ratio"), request.params.aspectRatio);
    if (isImageSize(request.params.size))
        imageConfig.insert(QStringLiteral("image_size"), request.params.size.toUpper());
    if (!imageConfig.isEmpty())
        body.insert(QStringLiteral("image_config"), imageConfig);

    body.insert(QStringLiteral("stream"), request.stream);
    return body;
}

bool ChatCompletionsRequestBuilder::isImageSize(const QString &size)
{
    static const QStringList sizes { QStringLiteral("0.5K"), QStringLiteral("1K"),
                                     QStringLiteral("2K"), QStringLiteral("4K") };
    return sizes.contains(size, Qt::CaseInsensitive);
}

QJsonArray ChatCompletionsRequestBuilder::messages(const GatewayRequest &request)
{
    // Chat Completions keeps no state on the server: the earlier exchanges go along every time.
    QJsonArray messages;
    for (const HistoryMessage &earlier : request.history) {
        if (earlier.text.isEmpty())
            continue;
        messages.append(QJsonObject { { QStringLiteral("role"), earlier.role },
                                      { QStringLiteral("content"), earlier.text } });
    }

    QJsonValue content = request.prompt;
    if (!request.images.isEmpty()) {
        QJsonArray parts;
        if (!request.prompt.isEmpty())
            parts.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                       { QStringLiteral("text"), request.prompt } });
        for (const InputImage &image : request.images) {
            const QJsonObject url { { QStringLiteral("url"),
                                      ResponsesRequestBuilder::dataUrl(image) } };
            parts.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("image_url") },
                                       { QStringLiteral("image_url"), url } });
        }
        content = parts;
    }
    messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                  { QStringLiteral("content"), content } });
    return messages;
}
