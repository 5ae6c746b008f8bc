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
    Images, // POST /images/generations: the direct image endpoint (compare cells, easel generate)
};

namespace ApiFlavours {

QString name(ApiFlavour flavour); // "responses", "chat", "image-chat", "images"
QString displayName(ApiFlavour flavour); // "Responses", "Chat Completions", "Image-output chat", …
// The flavours a conversation can be held in (not Images, which has no chat): names() lists
// them and fromName() only knows them.
bool fromName(const QString &name, ApiFlavour *flavour);
QStringList names();

// "responses", "chat/completions", "images/generations" (a profile may put its image endpoint
// elsewhere: ProviderProfile::endpointPath).
QString endpointPath(ApiFlavour flavour);
QByteArray requestBody(ApiFlavour flavour, const GatewayRequest &request);
// Why `flavour` cannot carry what an edit asks for, as a sentence for the designer; empty when it
// can. Only the Responses tool takes input_image_mask; the direct image endpoint
// (images/generations) takes no input images at all.
QString editRefusal(ApiFlavour flavour, bool hasImages, bool hasMask);
std::unique_ptr<StreamDecoder> makeDecoder(ApiFlavour flavour);

} // namespace ApiFlavours
