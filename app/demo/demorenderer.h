#pragma once

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QSize>
#include <QString>

// One encoded picture of a demo response: a partial preview or the final image.
struct DemoRenderedImage
{
    int imageIndex = 0; // which of the request's n images
    int partialIndex = -1; // -1 for the final image
    QByteArray bytes; // encoded file bytes (empty if encoding failed)
    QString format; // the format actually written: png, jpeg or webp
};

struct DemoRenderSpec
{
    QString prompt;
    QSize size { 1024, 1024 };
    QString quality = QStringLiteral("medium");
    bool transparent = false;
    QString format = QStringLiteral("png");
    int compression = 100; // 0-100, for jpeg and webp
    int partialImages = 0; // previews of each image
    int count = 1; // images (`n`): image i is the painter's variant i
    // An edit: the picture to change (any size: it is scaled to cover `size` and centre-cropped)
    // and its mask (the same size as editImage, or null). A null editImage draws a new picture.
    QImage editImage;
    QImage editMask;
};

// Paints (DemoImagePainter, or DemoEditPainter for an edit) and encodes a demo response's
// pictures on the global thread pool, so that the demo
// server's event loop never waits for QPainter or an encoder. Image by image, the previews come
// first, in order, then the final image; each is a result of the future as soon as it is ready,
// and cancelling the future skips the pictures not started yet.
class DemoRenderer
{
public:
    static QFuture<DemoRenderedImage> start(const DemoRenderSpec &spec);

    // Encodes with QImageWriter. A format this Qt cannot write (webp without the image-formats
    // plugin) falls back to png; `actualFormat` tells which one was written.
    static QByteArray encode(const QImage &image, const QString &format, int compression,
                             QString *actualFormat);
    static bool canWrite(const QString &format);
};
