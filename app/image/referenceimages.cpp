#include "referenceimages.h"

#include "smoothscale.h"

#include "model/imagesniff.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace {

// Against decompression bombs: a few kilobytes of PNG can claim gigabytes of pixels. Sizes are
// read from the header and refused before anything is decoded.
constexpr qint64 maxPixels = 100LL * 1000 * 1000;
constexpr int maxSide = 20000;
// A file larger than this is not read into memory at all; no provider takes it anyway.
constexpr qint64 maxFileBytes = 512LL * 1024 * 1024;
constexpr int jpegQuality = 90;

QString sizeText(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

// "61.2 MB", "512.0 kB": binary units, one decimal, the same in every locale.
QString bytesText(qint64 bytes)
{
    constexpr double kB = 1024.0;
    constexpr double mB = 1024.0 * 1024.0;
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(bytes / mB, 0, 'f', 1);
    if (bytes >= 1024)
        return QStringLiteral("%1 kB").arg(bytes / kB, 0, 'f', 1);
    return QStringLiteral("%1 bytes").arg(bytes);
}

// The length of the data URL an encoded image becomes in the request body.
qint64 dataUrlLength(const PreparedImage &image)
{
    const qint64 base64 = 4 * ((qint64(image.bytes.size()) + 2) / 3);
    return QStringLiteral("data:%1;base64,").arg(image.mimeType).size() + base64;
}

QByteArray readerFormat(const QString &mimeType)
{
    if (mimeType == QLatin1String("image/png"))
        return "png";
    if (mimeType == QLatin1String("image/jpeg"))
        return "jpeg";
    if (mimeType == QLatin1String("image/webp"))
        return "webp";
    if (mimeType == QLatin1String("image/gif"))
        return "gif";
    return {};
}

QByteArray encode(const QImage &image, const QString &mimeType)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (mimeType == QLatin1String("image/jpeg")) {
        QImageWriter writer(&buffer, "jpeg");
        writer.setQuality(jpegQuality);
        // JPEG has no alpha; only opaque images come here, so dropping the channel loses nothing.
        if (!writer.write(image.convertToFormat(QImage::Format_RGB32)))
            return {};
    } else {
        QImageWriter writer(&buffer, "png");
        if (!writer.write(image))
            return {};
    }
    return out;
}

// One decoded file: the original bytes, their sniffed type and the upright image.
struct Decoded
{
    QByteArray bytes;
    QString mimeType; // as sniffed, GIF included
    QSize size; // upright (after the EXIF orientation)
    QImage image; // upright; smaller than `size` only when a full decode would not fit in memory
    QString error;
};

// Reads, sniffs, checks and decodes `path`; `label` goes before the file name in messages ("the
// mask"). An image too large to decode in full under Qt's allocation limit, which will be scaled
// to `maxEdge` anyway, is decoded straight at that size (Qt's JPEG, PNG and WebP decoders shrink
// while decoding, so the full image is never held).
Decoded readImage(const QString &path, const QString &label, int maxEdge)
{
    Decoded d;
    const QString name = QFileInfo(path).fileName();
    // "photo.jpg", or "the mask mask.png"
    const QString who
        = (label.isEmpty() ? QString() : label + QLatin1Char(' ')) + (name.isEmpty() ? path : name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        d.error = ReferenceImages::tr("Easel cannot read %1: %2.").arg(who, file.errorString());
        return d;
    }
    if (file.size() > maxFileBytes) {
        d.error = ReferenceImages::tr("%1 is %2; Easel reads reference images of at most %3.")
                      .arg(who, bytesText(file.size()), bytesText(maxFileBytes));
        return d;
    }
    d.bytes = file.readAll();
    if (d.bytes.isEmpty()) {
        d.error = file.error() == QFileDevice::NoError
            ? ReferenceImages::tr("%1 is empty.").arg(who)
            : ReferenceImages::tr("Easel cannot read %1: %2.").arg(who, file.errorString());
        return d;
    }
    d.mimeType = ImageSniff::mimeType(d.bytes);
    if (d.mimeType.isEmpty()) {
        d.error = ReferenceImages::tr("%1 is not an image Easel can send (PNG, JPEG or WebP).")
                      .arg(name);
        return d;
    }

    QBuffer buffer(&d.bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, readerFormat(d.mimeType));
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    if (!stored.isValid() || stored.isEmpty()) {
        d.error = ReferenceImages::tr("%1 is damaged: Easel cannot read the size of the image.")
                      .arg(name);
        return d;
    }
    if (stored.width() > maxSide || stored.height() > maxSide
        || qint64(stored.width()) * stored.height() > maxPixels) {
        d.error = ReferenceImages::tr("%1 claims to be %2 pixels; Easel takes images of at most %3 "
                                      "megapixels and %4 pixels a side.")
                      .arg(name, sizeText(stored))
                      .arg(maxPixels / 1000000)
                      .arg(maxSide);
        return d;
    }
    const bool quarterTurn = reader.transformation() & QImageIOHandler::TransformationRotate90;
    d.size = quarterTurn ? stored.transposed() : stored;

    // Qt refuses to allocate more than its allocation limit (128 MB by default) for one image.
    // When the full image would not fit but is scaled down anyway, decode it at the scaled size;
    // everything else is decoded in full and scaled smoothly by the caller.
    const qint64 fullBytes = qint64(stored.width()) * stored.height() * 4;
    const qint64 allowed = qint64(QImageReader::allocationLimit()) * 1024 * 1024;
    const QSize target = ReferenceImages::scaledSize(d.size, maxEdge);
    const bool reduceWhileDecoding = allowed > 0 && fullBytes > allowed && target != d.size;
    if (reduceWhileDecoding)
        reader.setScaledSize(quarterTurn ? target.transposed() : target);

    if (!reader.read(&d.image) || d.image.isNull()) {
        d.error = allowed > 0 && fullBytes > allowed
            ? ReferenceImages::tr("%1 (%2 pixels) is too large to decode; save it smaller first.")
                  .arg(name, sizeText(d.size))
            : ReferenceImages::tr("%1 is damaged or incomplete: Easel cannot decode it.").arg(name);
        d.image = QImage();
        return d;
    }
    return d;
}

// Fits `out` under the byte limit: opaque images as JPEG, others as PNG, then halving the size
// until it fits, each step noted. `source` is the image `out` was made from (at out->size or
// larger); `original` says that out->bytes are still the file's own.
bool fitBytes(PreparedImage *out, const QImage &source, bool original, const QString &name,
              const ReferenceLimits &limits, QStringList *notes, QString *error)
{
    if (out->bytes.size() <= limits.maxImageBytes)
        return true;
    const QString limitText = bytesText(limits.maxImageBytes);
    const bool opaque = !source.hasAlphaChannel();
    const QString format = opaque ? QStringLiteral("image/jpeg") : QStringLiteral("image/png");
    const auto at = [&source](QSize size) {
        return source.size() == size ? source : smoothlyScaled(source, size);
    };
    // A camera's JPEG is often larger than the same picture at quality 90; a PNG re-encoded as
    // PNG is not worth trying.
    if (out->mimeType != format || (opaque && original)) {
        const QByteArray again = encode(at(out->size), format);
        if (!again.isEmpty() && (out->mimeType != format || again.size() < out->bytes.size())) {
            out->bytes = again;
            out->mimeType = format;
            *notes << ReferenceImages::tr("%1 re-encoded as %2 to fit %3's limit of %4 per image")
                          .arg(name, opaque ? QStringLiteral("JPEG") : QStringLiteral("PNG"),
                               limits.providerName, limitText);
        }
    }
    while (out->bytes.size() > limits.maxImageBytes) {
        if (out->size.width() <= 1 && out->size.height() <= 1) {
            *error = ReferenceImages::tr("%1 cannot be made small enough for %2's limit of %3 per "
                                         "image.")
                         .arg(name, limits.providerName, limitText);
            return false;
        }
        const QSize half(qMax(1, out->size.width() / 2), qMax(1, out->size.height() / 2));
        // Always from `source`, so that the steps do not blur one another.
        out->bytes = encode(at(half), format);
        out->mimeType = format;
        if (out->bytes.isEmpty()) {
            *error = ReferenceImages::tr("Easel could not encode %1.").arg(name);
            return false;
        }
        *notes << ReferenceImages::tr("%1 scaled from %2 to %3 to fit %4's limit of %5 per image")
                      .arg(name, sizeText(out->size), sizeText(half), limits.providerName,
                           limitText);
        out->size = half;
    }
    return true;
}

PreparedImage prepareImage(const QString &path, const ReferenceLimits &limits, QStringList *notes,
                           QString *error)
{
    PreparedImage out;
    out.sourcePath = path;
    const QString name = QFileInfo(path).fileName();
    Decoded d = readImage(path, QString(), limits.maxEdge);
    if (!d.error.isEmpty()) {
        *error = d.error;
        return {};
    }
    out.originalSize = d.size;
    out.size = ReferenceImages::scaledSize(d.size, limits.maxEdge);
    const bool gif = d.mimeType == QLatin1String("image/gif");
    bool original = false;

    if (out.size == d.size && !gif) {
        // Nothing to change: the file's own bytes, unless they are too large.
        out.bytes = d.bytes;
        out.mimeType = d.mimeType;
        original = true;
    } else {
        const bool lossless
            = d.image.hasAlphaChannel() || gif || d.mimeType == QLatin1String("image/png");
        out.mimeType = lossless ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
        if (d.image.size() != out.size)
            d.image = smoothlyScaled(d.image, out.size);
        out.bytes = encode(d.image, out.mimeType);
        if (out.bytes.isEmpty()) {
            *error = ReferenceImages::tr("Easel could not encode %1.").arg(name);
            return {};
        }
        if (out.size != d.size)
            *notes << ReferenceImages::tr("%1 scaled from %2 to %3")
                          .arg(name, sizeText(d.size), sizeText(out.size));
    }
    if (!fitBytes(&out, d.image, original, name, limits, notes, error))
        return {};
    return out;
}

PreparedImage prepareMask(const QString &path, const PreparedImage &edited,
                          const ReferenceLimits &limits, QStringList *notes, QString *error)
{
    PreparedImage mask;
    mask.sourcePath = path;
    const QString name = QFileInfo(path).fileName();
    // The mask is scaled to the edited image, whose size is at most maxEdge: decode for that.
    Decoded d = readImage(path, ReferenceImages::tr("the mask"), limits.maxEdge);
    if (!d.error.isEmpty()) {
        *error = d.error;
        return {};
    }
    if (!d.image.hasAlphaChannel()) {
        *error
            = ReferenceImages::tr("The mask has no transparency: transparent pixels mark where the "
                                  "image may change.");
        return {};
    }
    mask.originalSize = d.size;
    const QSize imageSize = edited.originalSize;
    if (d.size != imageSize) {
        const double maskRatio = double(d.size.width()) / d.size.height();
        const double imageRatio = double(imageSize.width()) / imageSize.height();
        if (std::abs(maskRatio - imageRatio) > 0.01 * imageRatio) {
            *error = ReferenceImages::tr("The mask is %1 but the image it edits is %2.")
                         .arg(sizeText(d.size), sizeText(imageSize));
            return {};
        }
    }
    mask.size = edited.size;
    QImage image = d.image.convertToFormat(QImage::Format_ARGB32);
    if (image.size() != mask.size) {
        image = smoothlyScaled(image, mask.size);
        *notes << ReferenceImages::tr("%1 scaled from %2 to %3 to match %4")
                      .arg(name, sizeText(d.size), sizeText(mask.size),
                           QFileInfo(edited.sourcePath).fileName());
    }
    mask.mimeType = QStringLiteral("image/png");
    mask.bytes = encode(image, mask.mimeType);
    if (mask.bytes.isEmpty()) {
        *error = ReferenceImages::tr("Easel could not encode the mask %1.").arg(name);
        return {};
    }
    if (mask.bytes.size() > limits.maxImageBytes) {
        *error
            = ReferenceImages::tr("The mask comes to %1 as a PNG; %2 accepts at most %3 per image.")
                  .arg(bytesText(mask.bytes.size()), limits.providerName,
                       bytesText(limits.maxImageBytes));
        return {};
    }
    return mask;
}

} // namespace

int ReferenceLimits::maxEdgeFor(const QString &imageModel)
{
    return imageModel.contains(QLatin1String("gpt-image-2"), Qt::CaseInsensitive) ? 3840 : 2048;
}

QSize ReferenceImages::scaledSize(QSize original, int maxEdge)
{
    const int longest = qMax(original.width(), original.height());
    if (original.isEmpty() || maxEdge <= 0 || longest <= maxEdge)
        return original;
    const double factor = double(maxEdge) / longest;
    const auto side = [factor, maxEdge, longest](int length) {
        return length == longest ? maxEdge : qBound(1, qRound(length * factor), maxEdge);
    };
    return { side(original.width()), side(original.height()) };
}

QString ReferenceLimits::countProblem(qsizetype count) const
{
    if (count <= maxCount)
        return {};
    return tr("%1 takes at most %2 reference images per turn; this turn has %3. "
              "Remove %4.")
        .arg(providerName)
        .arg(maxCount)
        .arg(count)
        .arg(count - maxCount);
}

PreparedReferences ReferenceImages::prepare(const QStringList &files, const QString &maskPath,
                                            const ReferenceLimits &limits)
{
    PreparedReferences result;
    result.error = limits.countProblem(files.size());
    if (!result.error.isEmpty())
        return result;
    if (!maskPath.isEmpty() && files.isEmpty()) {
        result.error = tr("A mask needs an image to edit: attach the image the mask "
                          "belongs to.");
        return result;
    }

    // Every file is checked before the answer: a designer told of one bad file at a time would
    // fix it only to be told of the next.
    QStringList problems;
    for (const QString &path : files) {
        QString problem;
        PreparedImage image = prepareImage(path, limits, &result.notes, &problem);
        if (problem.isEmpty())
            result.images << image;
        else
            problems << problem;
    }
    if (!problems.isEmpty()) {
        result.error = problems.join(u' ');
        result.images.clear();
        return result;
    }
    if (!maskPath.isEmpty()) {
        result.mask = prepareMask(maskPath, result.images.constFirst(), limits, &result.notes,
                                  &result.error);
        if (!result.ok()) {
            result.images.clear();
            result.mask = {};
            return result;
        }
    }

    qint64 total = 0;
    for (const PreparedImage &image : std::as_const(result.images))
        total += dataUrlLength(image);
    if (!result.mask.isNull())
        total += dataUrlLength(result.mask);
    if (total > limits.maxTotalBytes) {
        const qsizetype count = result.images.size();
        const QString sent = bytesText(total);
        const QString limit = bytesText(limits.maxTotalBytes);
        // Whole sentences: the verb agrees with what is counted.
        if (count == 1) {
            result.error = (result.mask.isNull()
                                ? tr("This image comes to %1 as sent; %2 accepts at most %3 per "
                                     "turn. Use a smaller file.")
                                : tr("This image and the mask come to %1 as sent; %2 accepts at "
                                     "most %3 per turn. Use a smaller file."))
                               .arg(sent, limits.providerName, limit);
        } else {
            result.error = (result.mask.isNull()
                                ? tr("These %1 images come to %2 as sent; %3 accepts at most %4 "
                                     "per turn. Remove one or use smaller files.")
                                : tr("These %1 images and the mask come to %2 as sent; %3 "
                                     "accepts at most %4 per turn. Remove one or use smaller "
                                     "files."))
                               .arg(QString::number(count), sent, limits.providerName, limit);
        }
        result.images.clear();
        result.mask = {};
    }
    return result;
}

QFuture<PreparedReferences> ReferenceImages::prepareAsync(const QStringList &files,
                                                          const QString &maskPath,
                                                          const ReferenceLimits &limits)
{
    return QtConcurrent::run(&ReferenceImages::prepare, files, maskPath, limits);
}
