#pragma once

#include "model/imageasset.h"
#include "model/usage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// What an images endpoint answered (POST /images/generations, wire-formats B.4; AI Stats D.2;
// OpenRouter's /images, C.2): `data[]` entries with `b64_json` or a temporary `url` and a
// `revised_prompt`, the settings used at the top level (size, quality, background,
// output_format), and usage. Every token there is the image model's, so the usage is reported as
// image tokens (text and image input, image output), with the gateway's `cost` as billed.
struct ImagesResponse
{
    Q_DECLARE_TR_FUNCTIONS(ImagesResponse)

public:
    struct Image
    {
        QByteArray bytes; // decoded from b64_json
        QString url; // or a link to fetch
        QString revisedPrompt;
        QString error; // why this entry cannot be shown (damaged base64, no image at all)
    };

    QList<Image> images;
    ImageReport report;
    bool hasUsage = false;
    Usage usage;
    QString errorCode; // an error body: the request failed
    QString errorMessage;

    static ImagesResponse fromJson(const QJsonObject &body);
    // One `data[]` entry, or a stream's image_generation.completed event (same field names).
    static Image image(const QJsonObject &entry);
    static ImageReport reportOf(const QJsonObject &object);
    static Usage usageOf(const QJsonObject &usageObject);
};
