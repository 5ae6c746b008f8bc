#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSize>
#include <QString>

// What the offline demo needs from a Responses API request body: the prompt and the settings of
// the image tool. Parsing validates like the real API does, so a malformed request gets the same
// kind of 400 answer from the demo as from OpenAI.
struct DemoRequest
{
    QString model;
    QString prompt; // the text of the last user message
    bool stream = false;
    bool store = true;
    QJsonObject toolChoice; // echoed back; empty when absent

    bool hasImageTool = false;
    QString toolType
        = QStringLiteral("image_generation"); // as sent, e.g. "phaseo:image_generation"
    QString imageModel = QStringLiteral("gpt-image-2");
    QString requestedSize = QStringLiteral("auto");
    QSize size { 1024, 1024 }; // resolved: auto -> aspect ratio -> 1024x1024
    QString aspectRatio;
    QString quality = QStringLiteral("auto");
    QString background = QStringLiteral("auto");
    QString outputFormat = QStringLiteral("png");
    int outputCompression = 100;
    QString moderation = QStringLiteral("auto");
    int partialImages = 0;

    // When parsing failed: an OpenAI-style message and the offending parameter.
    QString error;
    QString errorParam;
    QString errorCode;

    bool isValid() const { return error.isEmpty(); }
    bool transparent() const { return background == QLatin1String("transparent"); }
    // "auto" resolves to medium, as the real tool reports it.
    QString resolvedQuality() const;
    QString sizeText() const;

    // The tool object as the real API echoes it in `response.tools`, defaults resolved.
    QJsonObject toolEcho() const;

    static DemoRequest fromJson(const QByteArray &body);
    // OpenAI's sentence for a body that is not a JSON object, with the parser's reason; both
    // endpoints answer it with a 400.
    static QString unparsableBodyMessage(const QJsonParseError &error);
    // Reads and checks the image settings (model, quality, size, aspect_ratio, background,
    // output_format, output_compression, moderation, partial_images) from an image tool object or
    // an images endpoint request. False with error, errorParam (paramPrefix + field) and errorCode
    // set when one is invalid.
    bool readImageSettings(const QJsonObject &settings, const QString &paramPrefix = {});
    // The picture size for a ratio such as "2:3" when the size is "auto": the long side is 1536
    // and the short side follows the ratio, rounded to a multiple of 16 (1:1 gives 1024x1024).
    static QSize sizeForAspectRatio(const QString &ratio);
};
