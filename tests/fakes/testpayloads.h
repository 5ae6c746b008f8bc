#pragma once

// Small payloads the network tests script their fake gateways with.

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSize>

namespace TestPayloads {

// One Responses SSE event as the wire frames it: `event: <type>` and the JSON, which repeats the
// type.
inline QByteArray sse(const QByteArray &type, QJsonObject data)
{
    data.insert(QStringLiteral("type"), QString::fromLatin1(type));
    return "event: " + type + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact)
        + "\n\n";
}

// A real, flat-coloured PNG of the given size.
inline QByteArray pngBytes(QSize size = QSize(64, 48), QColor colour = QColor(30, 140, 90))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace TestPayloads
