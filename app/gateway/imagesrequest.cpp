#include "imagesrequest.h"

#include "responsesrequest.h"

#include <QJsonDocument>

#include <algorithm>

QJsonObject ImagesRequestBuilder::build(const GatewayRequest &request)
{
    // The image endpoints share the tool's field names and rules (only what differs from the
    // server defaults; compression only for jpeg and webp), so the tool's builder is the source.
    QJsonObject body = ResponsesRequestBuilder::toolParameters(request.params, request.stream,
                                                               request.nestToolParameters);
    // Generation only: edits (action, input_fidelity) go to /images/edits, which Easel does not
    // call; the tool's fields that the endpoint does not know are left out.
    body.remove(QStringLiteral("action"));
    body.remove(QStringLiteral("input_fidelity"));
    body.insert(QStringLiteral("prompt"), request.prompt);
    if (request.imageCount > 1)
        body.insert(QStringLiteral("n"), std::clamp(request.imageCount, 1, 10));
    if (request.stream)
        body.insert(QStringLiteral("stream"), true);
    else
        body.remove(QStringLiteral("partial_images")); // previews exist only in a stream
    return body;
}

QByteArray ImagesRequestBuilder::body(const GatewayRequest &request)
{
    return QJsonDocument(build(request)).toJson(QJsonDocument::Compact);
}
