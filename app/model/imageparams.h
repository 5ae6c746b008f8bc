#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QSize>
#include <QString>

// The image settings of the parameter panel, as the user chose them. "auto" (or an empty string
// for optional fields) means "not set": request builders leave such fields out of the request.
struct ImageParams
{
    Q_DECLARE_TR_FUNCTIONS(ImageParams)

public:
    QString imageModel = QStringLiteral("gpt-image-1.5");
    QString quality = QStringLiteral("auto"); // low, medium, high, auto
    QString size = QStringLiteral("auto"); // "WxH" or auto
    QString aspectRatio; // "" (none) or "W:H", e.g. "16:9"
    QString background = QStringLiteral("auto"); // transparent, opaque, auto
    QString outputFormat = QStringLiteral("png"); // png, jpeg, webp
    int outputCompression = 100; // 0-100, only meaningful for jpeg and webp
    QString moderation = QStringLiteral("auto"); // auto, low
    int partialImages = 2; // 0-3 previews while streaming
    QString action = QStringLiteral("auto"); // generate, edit, auto
    QString inputFidelity = QStringLiteral("auto"); // high, low, auto (= not sent)
    bool imageOnly = false; // force the image tool (tool_choice)

    // The size the request should carry: `size` when set, otherwise one derived from
    // `aspectRatio` for the model (see sizeForAspectRatio), otherwise "auto".
    QString effectiveSize() const;

    // A size for an aspect ratio such as "16:9". GPT image 1.x models only know three sizes, so the
    // nearest of those is chosen; gpt-image-2 takes any WxH with sides multiple of 16, so an exact
    // ratio around one megapixel is built. Returns an empty string for an unparsable ratio.
    static QString sizeForAspectRatio(const QString &model, const QString &ratio);

    // Checks a custom "WxH" against the model's rules. Returns an empty string when valid,
    // otherwise a plain sentence saying what is wrong.
    static QString validateSize(const QString &model, const QString &size);
    static QSize parseSize(const QString &size); // invalid QSize when not "WxH"

    bool compressionApplies() const;

    QJsonObject toJson() const;
    static ImageParams fromJson(const QJsonObject &object);

    bool operator==(const ImageParams &other) const = default;
};
