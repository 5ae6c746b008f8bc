#pragma once

#include <QByteArray>
#include <QString>

// The type of an image told from its first bytes, never from a header or a file name. Header-only
// so that the image store (easel_store) and the URL fetcher (easel_net) share one implementation
// without depending on each other.
class ImageSniff
{
public:
    // Enough leading bytes to tell PNG, JPEG, WebP and GIF apart (WebP needs "RIFF....WEBP").
    static constexpr qsizetype bytesNeeded = 12;

    // "image/png", "image/jpeg", "image/webp" or "image/gif"; empty for anything else.
    static QString mimeType(const QByteArray &bytes)
    {
        if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
            return QStringLiteral("image/png");
        if (bytes.startsWith("\xff\xd8\xff"))
            return QStringLiteral("image/jpeg");
        if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
            return QStringLiteral("image/webp");
        if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
            return QStringLiteral("image/gif");
        return {};
    }
};
