#include "imageexporter.h"

#include "model/imageflatten.h"

#include "diskspace.h"
#include "filenametemplate.h"
#include "imagemetadata.h"
#include "model/turn.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>

namespace {

ImageExporter::Result failed(const QString &error)
{
    ImageExporter::Result r;
    r.error = error;
    return r;
}

QByteArray readStored(const ImageAsset &image, QString &error)
{
    if (image.filePath.isEmpty()) {
        error = ImageExporter::tr("This image has no stored file yet.");
        return {};
    }
    QFile file(image.filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        error = ImageExporter::tr("The stored image %1 cannot be read: %2.")
                    .arg(QDir::toNativeSeparators(image.filePath), file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

QString ImageExporter::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return QStringLiteral("png");
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return QStringLiteral("jpeg");
    if (suffix == QLatin1String("webp"))
        return QStringLiteral("webp");
    return {};
}

QString ImageExporter::extensionFor(const QString &format)
{
    return format == QLatin1String("jpeg") ? QStringLiteral("jpg") : format;
}

ImageExporter::Result ImageExporter::encode(const QByteArray &original, const QJsonObject &record,
                                            const QString &format, QByteArray &out,
                                            Record embedding)
{
    const QString sourceFormat = ImageMetadata::formatOf(original);
    QByteArray bytes = original;
    if (sourceFormat != format) {
        QBuffer input(&bytes);
        QImageReader reader(&input);
        QImage image = reader.read();
        if (image.isNull())
            return failed(ImageExporter::tr("The image cannot be decoded for conversion: %1.")
                              .arg(reader.errorString()));
        if (format == QLatin1String("jpeg") && image.hasAlphaChannel())
            image = flattenedOnWhite(image);
        QByteArray converted;
        QBuffer output(&converted);
        output.open(QIODevice::WriteOnly);
        QImageWriter writer(&output, format.toLatin1());
        if (format != QLatin1String("png"))
            writer.setQuality(92);
        if (!writer.write(image))
            return failed(ImageExporter::tr("The image cannot be converted to %1: %2.")
                              .arg(format.toUpper(), writer.errorString()));
        bytes = converted;
    }
    if (embedding == Record::LeftOut) {
        out = bytes;
        Result r;
        r.ok = true;
        return r;
    }
    const ImageMetadata::Embedded embedded = ImageMetadata::embed(bytes, record);
    if (!embedded.ok)
        return failed(embedded.error);
    out = embedded.bytes;
    Result r;
    r.ok = true;
    return r;
}

ImageExporter::Result ImageExporter::save(const QByteArray &original, const QJsonObject &record,
                                          const QString &targetPath, Record embedding)
{
    QString path = targetPath;
    QString format = formatForPath(path);
    if (format.isEmpty()) {
        // No image extension ("hero", "hero v1.2", a {prompt} with a dot in it): the image keeps
        // its own format and gets that extension after the name as given.
        format = ImageMetadata::formatOf(original);
        if (format.isEmpty())
            return failed(ImageExporter::tr("The stored image is not a PNG, JPEG or WebP file."));
        path += QLatin1Char('.') + extensionFor(format);
    }
    QByteArray bytes;
    Result r = encode(original, record, format, bytes, embedding);
    if (!r.ok)
        return r;

    // Through a temporary file renamed over the target at the end: a failure leaves a file that
    // was already there as it was, and no half-written one. Flushed before commit(): QSaveFile
    // (Qt 6.4) overlooks a failure of its last flush and would commit an empty file on a full disk.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush()
        || !file.commit())
        return failed(
            ImageExporter::tr("Cannot save %1: %2.")
                .arg(QDir::toNativeSeparators(path), DiskSpace::saveFailure(file, bytes.size())));
    r.ok = true;
    r.filePath = path;
    return r;
}

ImageExporter::Result ImageExporter::saveAsset(const Turn &turn, const ImageAsset &image,
                                               const QString &targetPath, Record embedding)
{
    QString error;
    const QByteArray original = readStored(image, error);
    if (!error.isEmpty())
        return failed(error);
    return save(original, ImageMetadata::describe(turn, image), targetPath, embedding);
}

ImageExporter::Result ImageExporter::withMetadata(const Turn &turn, const ImageAsset &image,
                                                  QByteArray &out, Record embedding)
{
    QString error;
    const QByteArray original = readStored(image, error);
    if (!error.isEmpty())
        return failed(error);
    return encode(original, ImageMetadata::describe(turn, image), ImageMetadata::formatOf(original),
                  out, embedding);
}

QString ImageExporter::fileNameFor(const Turn &turn, const ImageAsset &image, int n,
                                   const QString &pattern)
{
    FileNameTemplate::Fields fields;
    fields.when
        = turn.startedAt.isValid() ? turn.startedAt.toLocalTime() : QDateTime::currentDateTime();
    fields.model = turn.requested.imageModel;
    fields.quality = image.report.quality.isEmpty() ? turn.requested.quality : image.report.quality;
    fields.size = image.report.size.isEmpty() ? turn.requested.effectiveSize() : image.report.size;
    fields.n = n;
    QString format;
    if (image.mimeType == QLatin1String("image/jpeg"))
        format = QStringLiteral("jpeg");
    else if (image.mimeType == QLatin1String("image/webp"))
        format = QStringLiteral("webp");
    else
        format = QStringLiteral("png");
    fields.ext = extensionFor(format);
    fields.prompt = turn.prompt;
    fields.turnId = turn.id;
    fields.hash = image.hash;
    return FileNameTemplate::expand(FileNameTemplate::patternOrDefault(pattern), fields);
}

QString ImageExporter::uniquePath(const QString &path)
{
    if (!QFileInfo::exists(path))
        return path;
    const QFileInfo info(path);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString base = info.absolutePath() + QLatin1Char('/') + info.completeBaseName();
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1 (%2)%3").arg(base).arg(i).arg(suffix);
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
}

// Where `image` already is in the folder, byte for byte, under `path` or one of the "name (2)"
// names uniquePath() gives when a name is taken; empty when it is not there.
static QString alreadySavedAs(const Turn &turn, const ImageAsset &image, const QString &path,
                              ImageExporter::Record embedding)
{
    if (!QFileInfo::exists(path))
        return {};
    QByteArray bytes;
    if (!ImageExporter::withMetadata(turn, image, bytes, embedding).ok)
        return {};
    const QFileInfo info(path);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString base = info.absolutePath() + QLatin1Char('/') + info.completeBaseName();
    QString candidate = path;
    for (int i = 2; QFileInfo::exists(candidate); ++i) {
        QFile existing(candidate);
        if (existing.size() == bytes.size() && existing.open(QIODevice::ReadOnly)
            && existing.readAll() == bytes)
            return candidate;
        candidate = QStringLiteral("%1 (%2)%3").arg(base).arg(i).arg(suffix);
    }
    return {};
}

ImageExporter::BatchResult ImageExporter::saveAll(const QList<Turn> &turns, const QString &folder,
                                                  const QString &pattern, Record embedding)
{
    BatchResult batch;
    if (!QDir().mkpath(folder)) {
        batch.errors.append(ImageExporter::tr("The folder %1 cannot be created.")
                                .arg(QDir::toNativeSeparators(folder)));
        return batch;
    }
    for (const Turn &turn : turns) {
        int n = 0;
        for (const ImageAsset &image : turn.images) {
            if (image.state != ImageAsset::State::Final)
                continue;
            ++n;
            const QString named = QDir(folder).filePath(fileNameFor(turn, image, n, pattern));
            if (const QString saved = alreadySavedAs(turn, image, named, embedding);
                !saved.isEmpty()) {
                batch.unchanged.append(saved);
                continue;
            }
            const Result r = saveAsset(turn, image, uniquePath(named), embedding);
            if (r.ok)
                batch.files.append(r.filePath);
            else
                batch.errors.append(r.error);
        }
    }
    return batch;
}
