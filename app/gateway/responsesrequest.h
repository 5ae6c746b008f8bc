#pragma once

#include "gatewayrequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
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
    // The image tool forced (params.imageOnly), for Responses and Chat Completions alike. OpenAI
    // and OpenRouter name the tool in `tool_choice.type` ({"type":"image_generation"}; OpenRouter's
    // SDK calls its form ChatServerToolChoice, ModelGates clones it); AI Stats documents the bare
    // string ("tool_choice":"ai-stats:image_generation", wire-formats D.1), so its tool types
    // (ai-stats:, phaseo:) get that form.
    static QJsonValue forcedToolChoice(const QString &toolType);
};
