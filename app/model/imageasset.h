#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QSize>
#include <QString>

// What the gateway said about an image it generated: the parameters it actually used (which can
// differ from the requested ones, e.g. size "auto" resolved to 1536x1024) and the revised prompt.
struct ImageReport
{
    QString size;
    QString quality;
    QString background;
    QString outputFormat;
    QString action;
    QString revisedPrompt;

    QJsonObject toJson() const;
    static ImageReport fromJson(const QJsonObject &object);
    bool operator==(const ImageReport &other) const = default;
};

// One image of a turn as the conversation keeps it: a reference into the content-addressed store,
// never the bytes or base64 themselves. A partial preview and its final image share the item id.
struct ImageAsset
{
    enum class State { Pending, Partial, Final, Failed };

    QString itemId; // gateway item id (ig_...), keys partial previews to their final image
    State state = State::Pending;
    int partialIndex = -1; // index of the preview shown while state == Partial
    QString hash; // sha256 hex of the stored bytes
    QString filePath; // absolute path in the image store
    QString mimeType; // sniffed from the bytes: image/png, image/jpeg, image/webp, image/gif
    QSize pixelSize; // read from the header; reserves space before the pixels load
    qint64 byteSize = 0;
    ImageReport report;
    QString sourceUrl; // when the image came as a URL
    QString error; // why this image could not be shown (state == Failed)
    // While a linked image downloads (Pending with a sourceUrl): bytes so far and the announced
    // size, -1 when unknown. Progress only: not persisted.
    qint64 downloadedBytes = -1;
    qint64 downloadTotal = -1;

    QJsonObject toJson() const;
    static ImageAsset fromJson(const QJsonObject &object);
    bool operator==(const ImageAsset &other) const = default;
};

Q_DECLARE_METATYPE(ImageAsset)
