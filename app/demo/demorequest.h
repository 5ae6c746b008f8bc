#pragma once

#include <QByteArray>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QList>
#include <QSize>
#include <QString>

// What the offline demo needs from a Responses API request body: the prompt, the settings of the
// image tool and what an edit carries (input images, a mask, the response it continues). Parsing
// validates like the real API does, so a malformed request gets the same kind of 400 answer from
// the demo as from OpenAI.
struct DemoRequest
{
    // Where one picture of the request is, as sent: decoded later (DemoEditInput), off the
    // server's thread.
    struct ImageSource
    {
        QJsonValue imageUrl; // a data URL string, or {"url": …}
        QString fileId; // the demo keeps no files: refused
        QString param; // where it is, for messages: "input[0].content[1].image_url"
    };

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
    QString requestedBackground = QStringLiteral("auto"); // as sent; `background` is resolved
    QString action = QStringLiteral("auto"); // generate, edit or auto

    // Editing, as sent: input images in order, the tool's input_image_mask and
    // previous_response_id. Image parts are Responses' input_image and, as relaying clients send
    // them, Chat Completions' {"type":"image_url","image_url":{"url":…}}.
    QList<ImageSource> imageSources;
    bool hasMask = false;
    ImageSource maskSource;
    QString previousResponseId;

    // Editing, resolved by DemoEditInput: the decoded pictures (the first is the one edited; it
    // may come from the remembered previous response), their sizes (kept when the pictures go
    // to the renderer) and whether this answer is an edit of inputImages.first().
    QList<QImage> inputImages;
    QList<QSize> inputImageSizes;
    QImage mask;
    bool edit = false;
    bool editsPreviousResponse = false;

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
    // Sets the error fields; always false, for `return request.fail(…)`.
    bool fail(const QString &message, const QString &param, const QString &code = {});
    // OpenAI's sentence for a body that is not a JSON object, with the parser's reason; both
    // endpoints answer it with a 400.
    static QString unparsableBodyMessage(const QJsonParseError &error);
    // Reads and checks the image settings (model, quality, size, aspect_ratio, background,
    // output_format, output_compression, moderation, partial_images) from an image tool object or
    // an images endpoint request. False with error, errorParam (paramPrefix + field) and errorCode
    // set when one is invalid.
    bool readImageSettings(const QJsonObject &settings, const QString &paramPrefix = {});
    // Finds the image tool in `tools` (flat or with "parameters", any vendor prefix) and reads
    // its settings, action and input_image_mask. False with the error fields set.
    bool readTools(const QJsonArray &tools);
    // The picture size for a ratio such as "2:3" when the size is "auto": the long side is 1536
    // and the short side follows the ratio, rounded to a multiple of 16 (1:1 gives 1024x1024).
    static QSize sizeForAspectRatio(const QString &ratio);
};
