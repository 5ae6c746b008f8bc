#pragma once

#include <QByteArray>
#include <QImage>
#include <QJsonValue>
#include <QSize>
#include <QString>

// Reads the pictures a request to the offline demo carries inline: an `image_url` value (a data
// URL string, or {"url": …}) -> bytes -> QImage. The demo is offline, so it fetches nothing; and
// the bytes come from anyone who can reach the port, so the decoder checks the size the header
// announces before it decodes and caps what the reader may allocate. Every refusal is a sentence
// with the parameter it belongs to and an OpenAI error code, ready for a 400.
class DemoImageDecoder
{
public:
    // Larger pictures are refused before they are decoded.
    static constexpr qint64 maxPixels = 100'000'000;

    struct Problem
    {
        QString message;
        QString code; // invalid_image_url, invalid_base64_image, invalid_image, image_too_large…

        bool isNull() const { return message.isEmpty(); }
    };

    // An image_url value (string or object with "url"); `param` names it in the messages.
    static QImage fromImageUrl(const QJsonValue &imageUrl, const QString &param, Problem *problem);
    // "data:image/png;base64,…" (or percent-encoded data) -> the picture.
    static QImage fromDataUrl(const QString &url, const QString &param, Problem *problem);
    // Encoded file bytes (PNG, JPEG, WebP or GIF) -> the picture.
    static QImage decode(const QByteArray &bytes, const QString &param, Problem *problem);

    // The picture scaled to cover `size` (keeping its aspect ratio) and cropped around its
    // centre, as Format_ARGB32; returned as it is (converted only) when it has that size already,
    // so its pixels stay exactly the same.
    static QImage cover(const QImage &image, QSize size);
};
