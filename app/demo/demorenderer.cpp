#include "demo/demorenderer.h"

#include "demo/demoeditpainter.h"
#include "demo/demoimagedecoder.h"
#include "demo/demoimagepainter.h"
#include "model/imageflatten.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPromise>
#include <QThreadPool>

#include <memory>

bool DemoRenderer::canWrite(const QString &format)
{
    return QImageWriter::supportedImageFormats().contains(format.toLatin1());
}

QByteArray DemoRenderer::encode(const QImage &image, const QString &format, int compression,
                                QString *actualFormat)
{
    QString written = format == QLatin1String("jpg") ? QStringLiteral("jpeg") : format;
    if (!canWrite(written))
        written = QStringLiteral("png");
    QImage source = image;
    if (written == QLatin1String("jpeg"))
        source = flattenedOnWhite(image);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, written.toLatin1());
    if (written != QLatin1String("png"))
        writer.setQuality(qBound(0, compression, 100));
    if (!writer.write(source))
        bytes.clear();
    if (actualFormat)
        *actualFormat = written;
    return bytes;
}

QFuture<DemoRenderedImage> DemoRenderer::start(const DemoRenderSpec &spec)
{
    auto promise = std::make_shared<QPromise<DemoRenderedImage>>();
    QFuture<DemoRenderedImage> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, spec] {
        // An edit scales its input (and mask) once; every preview and the final use them.
        const QImage editBase = DemoImageDecoder::cover(spec.editImage, spec.size);
        const QImage editMask = DemoImageDecoder::cover(spec.editMask, spec.size);
        const int previews = qMax(0, spec.partialImages);
        for (int image = 0; image < qMax(1, spec.count); ++image) {
            for (int index = 0; index <= previews; ++index) {
                if (promise->isCanceled())
                    break;
                const bool final = index == previews;
                // Previews grow towards the final picture: with two, they are 1/3 and 2/3 done.
                const double completeness = final ? 1.0 : double(index + 1) / (previews + 1);
                const QImage picture = editBase.isNull()
                    ? DemoImagePainter::paint(spec.prompt, spec.size, spec.quality,
                                              spec.transparent, completeness, quint32(image))
                    : DemoEditPainter::paint(editBase, editMask, spec.prompt, spec.quality,
                                             spec.transparent, completeness);
                DemoRenderedImage rendered;
                rendered.imageIndex = image;
                rendered.partialIndex = final ? -1 : index;
                rendered.bytes = encode(picture, spec.format, spec.compression, &rendered.format);
                promise->addResult(rendered);
            }
        }
        promise->finish();
    });
    return future;
}
