#pragma once

#include "gatewayrequest.h"
#include "streamdecoder.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

// The API shapes a gateway can be spoken to in. Everything flavour-specific is reached through
// here: the endpoint, the request body and the decoder.
enum class ApiFlavour {
    Responses, // POST /responses with the server-side image tool
    ChatCompletions, // POST /chat/completions with the server-side image tool
    ImageChat, // POST /chat/completions to an image-output model (modalities, image_config)
};

namespace ApiFlavours {

QString name(ApiFlavour flavour); // "responses", "chat", "image-chat"
QString displayName(ApiFlavour flavour); // "Responses", "Chat Completions", "Image-output chat"
bool fromName(const QString &name, ApiFlavour *flavour);
QStringList names();

QString endpointPath(ApiFlavour flavour); // "responses", "chat/completions"
QByteArray requestBody(ApiFlavour flavour, const GatewayRequest &request);
std::unique_ptr<StreamDecoder> makeDecoder(ApiFlavour flavour);

} // namespace ApiFlavours
