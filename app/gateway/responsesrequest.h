#pragma once

#include "gatewayrequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Builds the JSON body of a Responses call with the image generation tool enabled.
class ResponsesRequestBuilder
{
public:
    static QJsonObject build(const ResponsesRequest &request);
    static QByteArray body(const ResponsesRequest &request);

    // The tool's settings: only what the designer moved away from the server defaults, plus the
    // image model, which is always explicit because the server's default has changed over time.
    static QJsonObject toolParameters(const ImageParams &params, bool stream, bool gatewayTool);
    static QString dataUrl(const InputImage &image);
};
