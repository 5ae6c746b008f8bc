#pragma once

#include "gatewayrequest.h"

#include <QByteArray>
#include <QJsonObject>

// Builds the body of a direct image call (POST /images/generations, wire-formats B.4; AI Stats
// D.2; OpenRouter's /images, C.2): the image model, the prompt, how many images and the same
// settings the image tool takes, under the same names. There is no chat model and no history:
// one prompt, `request.imageCount` pictures.
class ImagesRequestBuilder
{
public:
    static QJsonObject build(const GatewayRequest &request);
    static QByteArray body(const GatewayRequest &request);
};
