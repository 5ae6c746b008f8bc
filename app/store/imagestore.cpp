#include "imagestore.h"

#include "diskspace.h"
#include "model/imagesniff.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

constexpr int maxSide = 16384;
constexpr qint64 maxDecodedBytes = qint64(256) * 1024 * 1024;

} // namespace

ImageStore::ImageStore(const QString &rootDirectory)
    : m_root(QDir(rootDirectory).absolutePath())
{
}

QString ImageStore::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/images");
}

QString ImageStore::sniffMimeType(const QByteArray &bytes)
{
    return ImageSniff::mimeType(bytes); // trust the bytes, never a header or a file name
}

QString ImageStore::extensionFor(const QString &mimeType)
{
    if (mimeType == QLatin1String("image/png"))
        return QStringLiteral("png");
    if (mimeType == QLatin1String("image/jpeg"))
        return QStringLiteral("jpg");
    if (mimeType == QLatin1String("image/webp"))
        return QStringLiteral("webp");
    if (mimeType == QLatin1String("image/gif"))
        return QStringLiteral("gif");
    return QStringLiteral("bin");
}

QString ImageStore::pathFor(const QString &hash, const QString &mimeType) const
{
    return m_root + QLatin1Char('/') + hash.left(2) + QLatin1Char('/') + hash + QLatin1Char('.')
        + extensionFor(mimeType);
}

ImageStore::Stored ImageStore::inspect(const QByteArray &bytes)
{
    Stored result;
    result.byteSize = bytes.size();
    if (bytes.isEmpty()) {
        result.error = ImageStore::tr("The gateway sent an empty image.");
        return result;
    }
    result.mimeType = sniffMimeType(bytes);
    if (result.mimeType.isEmpty()) {
        result.error = ImageStore::tr(
                           "The gateway sent %1 bytes that are not a PNG, JPEG, WebP or GIF image.")
                           .arg(bytes.size());
        return result;
    }

    // Read only the header: the size must be known (to reserve layout space) and sane before
    // anything tries to decode the pixels.
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    result.pixelSize = reader.size();
    if (!result.pixelSize.isValid() || result.pixelSize.isEmpty()) {
        result.error
            = ImageStore::tr("The image from the gateway is damaged: its size cannot be read.");
        return result;
    }
    const QSize s = result.pixelSize;
    if (s.width() > maxSide || s.height() > maxSide
        || qint64(s.width()) * s.height() * 4 > maxDecodedBytes) {
        result.error
            = ImageStore::tr("The image is %1x%2 pixels, too large to show safely (limit %3 px a "
                             "side and 256 MB decoded).")
                  .arg(s.width())
                  .arg(s.height())
                  .arg(maxSide);
        return result;
    }
    result.ok = true;
    return result;
}

ImageStore::Stored ImageStore::put(const QByteArray &bytes) const
{
    Stored result = inspect(bytes);
    if (!result.ok)
        return result;
    result.ok = false;
    result.hash
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    result.filePath = pathFor(result.hash, result.mimeType);
    // A file of another size under this name was cut short (a full disk, before flush() was
    // checked below): it is written again rather than trusted.
    if (QFileInfo(result.filePath).size() == bytes.size()) {
        // Same content, already kept. Its time is renewed: the clean-up spares young files, and
        // this one is about to be referenced again, perhaps after its last reference was purged.
        QFile existing(result.filePath);
        if (existing.open(QIODevice::ReadOnly))
            existing.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
        result.ok = true;
        return result;
    }
    const QString folder = QFileInfo(result.filePath).absolutePath();
    if (!QDir().mkpath(folder)) {
        result.error = ImageStore::tr("Could not create the image folder %1: %2.")
                           .arg(QDir::toNativeSeparators(folder),
                                DiskSpace::reason(folder, bytes.size(),
                                                  ImageStore::tr("it cannot be written")));
        return result;
    }
    // Flushed before commit(): QSaveFile (Qt 6.4) overlooks a failure of its last flush and
    // commits an empty file on a full disk. Not committed, it leaves nothing behind.
    QSaveFile file(result.filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush()
        || !file.commit()) {
        result.error = ImageStore::tr("Could not save the image to %1: %2.")
                           .arg(QDir::toNativeSeparators(result.filePath),
                                DiskSpace::saveFailure(file, bytes.size()));
        return result;
    }
    result.ok = true;
    return result;
}
