#pragma once

#include "gatewayrequest.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

// Builds the JSON body of POST /chat/completions for the two chat flavours.
//
// ChatCompletions (a gateway's server-side image tool, wire-formats C.1 and D): `model`,
// `messages` (the history, then the prompt, with image_url parts for attached images), `tools`
// with the gateway's tool type and its parameters (model, quality, size, aspect_ratio, background,
// output_format, output_compression, moderation: only those set away from auto, the image model
// always), nested in "parameters" or flat on the tool object, and `stream`.
//
// ImageChat (an image-output model, C.2): the image model IS the chat model; `modalities` and
// `image_config` (aspect_ratio, image_size) replace the tool.
//
// `stream_options.include_usage` is not sent: OpenRouter and ModelGates always report usage in
// the last chunk and document the option as deprecated with no effect (C.3, D.3).
class ChatCompletionsRequestBuilder
{
public:
    static QJsonObject buildToolChat(const GatewayRequest &request);
    static QJsonObject buildImageChat(const GatewayRequest &request);

    // OpenRouter's image_config.image_size values; anything else is not sent.
    static bool isImageSize(const QString &size);

private:
    static QJsonArray messages(const GatewayRequest &request);
};
