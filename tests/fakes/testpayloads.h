#pragma once

// Small payloads the network tests script their fake gateways with, and what the tests read back
// from the requests (input images) or hand to widgets (image files, a file manager's drop).

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QRegularExpression>
#include <QSize>
#include <QStringList>
#include <QUrl>

namespace TestPayloads {

// One Responses SSE event as the wire frames it: `event: <type>` and the JSON, which repeats the
// type.
inline QByteArray sse(const QByteArray &type, QJsonObject data)
{
    data.insert(QStringLiteral("type"), QString::fromLatin1(type));
    return "event: " + type + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact)
        + "\n\n";
}

// `image` encoded as `format` ("PNG", "JPEG", "WEBP").
inline QByteArray encoded(const QImage &image, const char *format = "PNG")
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A real, flat-coloured image of the given size, encoded as `format`.
inline QByteArray imageBytes(QSize size, QColor colour, const char *format)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    return encoded(image, format);
}

// A real, flat-coloured PNG of the given size.
inline QByteArray pngBytes(QSize size = QSize(64, 48), QColor colour = QColor(30, 140, 90))
{
    return imageBytes(size, colour, "PNG");
}

// Writes `bytes` to `path` (replacing it); false when it cannot.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The bytes of a base64 data URL, and its media type in *mimeType; empty when it is not one.
inline QByteArray dataUrlBytes(const QString &url, QString *mimeType = nullptr)
{
    static const QRegularExpression pattern(QStringLiteral("^data:([a-z/]+);base64,(.*)$"));
    const QRegularExpressionMatch match = pattern.match(url);
    if (!match.hasMatch())
        return {};
    if (mimeType)
        *mimeType = match.captured(1);
    return QByteArray::fromBase64(match.captured(2).toLatin1(),
                                  QByteArray::AbortOnBase64DecodingErrors);
}

// The image_url of every input_image part of a Responses request body, in order.
inline QStringList inputImageUrls(const QJsonObject &body)
{
    QStringList urls;
    for (const QJsonValue &message : body.value(QLatin1String("input")).toArray()) {
        for (const QJsonValue &part :
             message.toObject().value(QLatin1String("content")).toArray()) {
            const QJsonObject object = part.toObject();
            if (object.value(QLatin1String("type")).toString() == QLatin1String("input_image"))
                urls << object.value(QLatin1String("image_url")).toString();
        }
    }
    return urls;
}

// A drag of `urls` (and `text`, which a file manager's drag carries too) entering `target` at
// `at` and dropped there, as real QDragEnterEvent and QDropEvent. True when the drop was
// accepted as a copy (never a move: the file manager must keep the file).
inline bool dropFiles(QObject *target, QPoint at, const QList<QUrl> &urls, const QString &text = {})
{
    QMimeData data;
    data.setUrls(urls);
    if (!text.isEmpty())
        data.setText(text);
    QDragEnterEvent enter(at, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton,
                          Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction | Qt::MoveAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted() && drop.dropAction() == Qt::CopyAction;
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
