#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

// What a provider and an image model accept as reference images of one turn. The provider's
// figures come from its profile (ProviderProfile::maxInputImages / maxInputImageBytes), the
// longest side from the image model (forModel).
struct ReferenceLimits
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceLimits)

public:
    QString providerName = tr("The provider"); // for messages: "OpenAI takes at most…"
    int maxCount = 16; // input images per turn, the edited image included
    qint64 maxImageBytes = 50LL * 1024 * 1024; // one image as sent (encoded, before base64)
    qint64 maxTotalBytes = 50LL * 1024 * 1024; // all images and the mask, as base64 in the body
    int maxEdge = 2048; // the longest side the model looks at; larger images are scaled down

    // The longest side `imageModel` takes: gpt-image-2 models work up to 3840 pixels, the others
    // (and unknown models) are given at most 2048.
    static int maxEdgeFor(const QString &imageModel);
    // "OpenAI takes at most 16 reference images per turn; this turn has 17. Remove 1." when
    // `count` is over maxCount, else "".
    QString countProblem(qsizetype count) const;
};

// One reference image as it will be sent.
struct PreparedImage
{
    QString sourcePath;
    QByteArray bytes; // the file's own bytes when nothing had to change, else a new encoding
    QString mimeType; // image/png, image/jpeg, image/webp (sniffed, never from the file name)
    QSize size; // as sent
    QSize originalSize; // as read
    bool wasScaled() const { return size != originalSize; }
    bool isNull() const { return bytes.isEmpty(); }
};

struct PreparedReferences
{
    QList<PreparedImage> images; // in the order given
    PreparedImage mask; // null when none was given; a PNG the size of images.first()
    QString error; // non-empty: nothing may be sent, and this sentence says why
    // Said to the designer beside the turn: "photo.jpg scaled from 6000x4000 to 2048x1365".
    QStringList notes;
    bool ok() const { return error.isEmpty(); }
};

// Reads reference images (and an edit's mask) from disk, checks them against the limits and
// scales down what is larger than the model takes, keeping the aspect ratio. Everything here may
// run on any thread; prepareAsync runs it on the global thread pool so the GUI never reads or
// decodes a file.
class ReferenceImages
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceImages)

public:
    static PreparedReferences prepare(const QStringList &files, const QString &maskPath,
                                      const ReferenceLimits &limits);
    static QFuture<PreparedReferences>
    prepareAsync(const QStringList &files, const QString &maskPath, const ReferenceLimits &limits);

    // The scaling rule: `original` unchanged when its longest side is at most `maxEdge`,
    // otherwise scaled so that the longest side is `maxEdge`, the aspect ratio kept (sides
    // rounded, never below 1).
    static QSize scaledSize(QSize original, int maxEdge);
};
