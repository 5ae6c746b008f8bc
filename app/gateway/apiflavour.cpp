#include "apiflavour.h"

#include "chatcompletionsdecoder.h"
#include "chatcompletionsrequest.h"
#include "imagesdecoder.h"
#include "imagesrequest.h"
#include "responsesdecoder.h"
#include "responsesrequest.h"

#include <QCoreApplication>
#include <QJsonDocument>

QString ApiFlavours::name(ApiFlavour flavour)
{
    switch (flavour) {
    case ApiFlavour::Responses:
        return QStringLiteral("responses");
    case ApiFlavour::ChatCompletions:
        return QStringLiteral("chat");
    case ApiFlavour::Images:
        return QStringLiteral("images");
    case ApiFlavour::ImageChat:
        break;
    }
    return QStringLiteral("image-chat");
}

QString ApiFlavours::displayName(ApiFlavour flavour)
{
    switch (flavour) {
    case ApiFlavour::Responses:
        return QCoreApplication::translate("ApiFlavours", "Responses");
    case ApiFlavour::ChatCompletions:
        return QCoreApplication::translate("ApiFlavours", "Chat Completions");
    case ApiFlavour::Images:
        return QCoreApplication::translate("ApiFlavours", "Images API");
    case ApiFlavour::ImageChat:
        break;
    }
    return QCoreApplication::translate("ApiFlavours", "Image-output chat");
}

bool ApiFlavours::fromName(const QString &name, ApiFlavour *flavour)
{
    for (ApiFlavour candidate :
         { ApiFlavour::Responses, ApiFlavour::ChatCompletions, ApiFlavour::ImageChat }) {
        if (ApiFlavours::name(candidate) == name.trimmed().toLower()) {
            *flavour = candidate;
            return true;
        }
    }
    return false;
}

QStringList ApiFlavours::names()
{
    return { name(ApiFlavour::Responses), name(ApiFlavour::ChatCompletions),
             name(ApiFlavour::ImageChat) };
}

QString ApiFlavours::endpointPath(ApiFlavour flavour)
{
    switch (flavour) {
    case ApiFlavour::Responses:
        return QStringLiteral("responses");
    case ApiFlavour::Images:
        return QStringLiteral("images/generations");
    case ApiFlavour::ChatCompletions:
    case ApiFlavour::ImageChat:
        break;
    }
    return QStringLiteral("chat/completions");
}

QByteArray ApiFlavours::requestBody(ApiFlavour flavour, const GatewayRequest &request)
{
    switch (flavour) {
    case ApiFlavour::Responses:
        return ResponsesRequestBuilder::body(request);
    case ApiFlavour::ChatCompletions:
        return QJsonDocument(ChatCompletionsRequestBuilder::buildToolChat(request))
            .toJson(QJsonDocument::Compact);
    case ApiFlavour::Images:
        return ImagesRequestBuilder::body(request);
    case ApiFlavour::ImageChat:
        break;
    }
    return QJsonDocument(ChatCompletionsRequestBuilder::buildImageChat(request))
        .toJson(QJsonDocument::Compact);
}

QString ApiFlavours::editRefusal(ApiFlavour flavour, bool hasImages, bool hasMask)
{
    if (flavour == ApiFlavour::Images && (hasImages || hasMask))
        return QCoreApplication::translate(
            "ApiFlavours",
            "The direct image endpoint cannot take reference images; use the "
            "Responses API for this turn.");
    if (hasMask && flavour != ApiFlavour::Responses)
        return QCoreApplication::translate(
                   "ApiFlavours",
                   "A mask can only be sent through the Responses API; this provider "
                   "is set to %1 (Settings > Providers).")
            .arg(displayName(flavour));
    return {};
}

std::unique_ptr<StreamDecoder> ApiFlavours::makeDecoder(ApiFlavour flavour)
{
    switch (flavour) {
    case ApiFlavour::Responses:
        return std::make_unique<ResponsesDecoder>();
    case ApiFlavour::Images:
        return std::make_unique<ImagesDecoder>();
    case ApiFlavour::ChatCompletions:
    case ApiFlavour::ImageChat:
        break;
    }
    // Both chat flavours answer in the same chunks; only where the images sit differs.
    return std::make_unique<ChatCompletionsDecoder>();
}
