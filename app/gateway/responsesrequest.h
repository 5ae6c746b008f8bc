#pragma once

#include "model/imageparams.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A reference image sent with the prompt, as a data URL input_image part.
struct InputImage
{
    QByteArray bytes;
    QString mimeType; // sniffed from the bytes when empty
};

// Everything one Responses API call (POST /responses) carries.
struct ResponsesRequest
{
    QString chatModel; // the mainline model, always sent as "model"
    QString prompt;
    QList<InputImage> images; // none: "input" is the plain prompt string
    ImageParams params;
    QString previousResponseId; // sent when non-empty
    bool stream = true;
    bool store = true;
    QString toolType = QStringLiteral("image_generation");
    bool nestToolParameters = false; // gateways' tools carry their fields in a "parameters" object
};

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
