#include "imagesresponse.h"

#include "decoderjson.h"

#include <QJsonArray>

using namespace DecoderJson;

ImagesResponse ImagesResponse::fromJson(const QJsonObject &body)
{
    ImagesResponse response;
    if (gatewayError(body, &response.errorCode, &response.errorMessage))
        return response;
    response.report = reportOf(body);
    for (const QJsonValue &entry : body.value(QLatin1String("data")).toArray())
        response.images.append(image(entry.toObject()));
    const QJsonValue usage = body.value(QLatin1String("usage"));
    if (usage.isObject()) {
        response.hasUsage = true;
        response.usage = usageOf(usage.toObject());
    }
    return response;
}

ImagesResponse::Image ImagesResponse::image(const QJsonObject &entry)
{
    Image image;
    image.revisedPrompt = text(entry, QLatin1String("revised_prompt"));
    const QString base64 = text(entry, QLatin1String("b64_json"));
    const QString url = text(entry, QLatin1String("url"));
    if (!base64.isEmpty() && decodeBase64(stripDataUrl(base64), &image.bytes))
        return image;
    if (!url.isEmpty()) {
        image.url = url;
        return image;
    }
    image.error = base64.isEmpty()
        ? tr("The gateway sent an image entry without an image.")
        : tr("The generated image arrived damaged: its base64 data is not valid, so "
             "it cannot be shown.");
    return image;
}

ImageReport ImagesResponse::reportOf(const QJsonObject &object)
{
    ImageReport report = reportedSettings(object);
    report.revisedPrompt = text(object, QLatin1String("revised_prompt"));
    return report;
}

Usage ImagesResponse::usageOf(const QJsonObject &u)
{
    // The billed cost and the token totals read as everywhere else, then moved to the image
    // model's side: there is no chat model on this endpoint.
    const Usage read = DecoderJson::usage(u);
    Usage usage;
    usage.billedCostUsd = read.billedCostUsd;
    usage.hasImageTokens = true;
    const QJsonObject inputDetails = child(u, QLatin1String("input_tokens_details"));
    if (inputDetails.contains(QLatin1String("text_tokens"))
        || inputDetails.contains(QLatin1String("image_tokens"))) {
        usage.imageInputTextTokens = tokens(inputDetails, QLatin1String("text_tokens"));
        usage.imageInputImageTokens = tokens(inputDetails, QLatin1String("image_tokens"));
    } else {
        usage.imageInputTextTokens = read.inputTokens;
    }
    usage.imageOutputTokens = read.outputTokens;
    return usage;
}
