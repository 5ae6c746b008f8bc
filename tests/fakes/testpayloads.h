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

// A finished Responses stream with one generated image: response.created, the
// image_generation_call item with `png` as its result, response.completed with a little usage.
inline QByteArray imageAnswer(const QString &responseId, const QString &itemId,
                              const QByteArray &png, const QString &size)
{
    return sse("response.created",
               { { "response",
                   QJsonObject { { "id", responseId }, { "status", "in_progress" } } } })
        + sse("response.output_item.done",
              { { "output_index", 0 },
                { "item",
                  QJsonObject { { "id", itemId },
                                { "type", "image_generation_call" },
                                { "status", "completed" },
                                { "result", QString::fromLatin1(png.toBase64()) },
                                { "size", size } } } })
        + sse("response.completed",
              { { "response",
                  QJsonObject {
                      { "id", responseId },
                      { "status", "completed" },
                      { "usage",
                        QJsonObject { { "input_tokens", 10 }, { "output_tokens", 20 } } } } } });
}

} // namespace TestPayloads
