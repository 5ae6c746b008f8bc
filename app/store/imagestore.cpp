#include "imagestore.h"

#include "model/imagesniff.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
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
        result.error = QStringLiteral("The gateway sent an empty image.");
        return result;
    }
    result.mimeType = sniffMimeType(bytes);
    if (result.mimeType.isEmpty()) {
        result.error = QStringLiteral(
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
            = QStringLiteral("The image from the gateway is damaged: its size cannot be read.");
        return result;
    }
    const QSize s = result.pixelSize;
    if (s.width() > maxSide || s.height() > maxSide
        || qint64(s.width()) * s.height() * 4 > maxDecodedBytes) {
        result.error
            = QStringLiteral("The image is %1x%2 pixels, too large to show safely (limit %3 px a "
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
    if (QFileInfo::exists(result.filePath)) {
        result.ok = true; // same content, already kept
        return result;
    }
    if (!QDir().mkpath(QFileInfo(result.filePath).absolutePath())) {
        result.error = QStringLiteral("Could not create the image folder %1.")
                           .arg(QFileInfo(result.filePath).absolutePath());
        return result;
    }
    QSaveFile file(result.filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        result.error = QStringLiteral("Could not save the image to %1: %2.")
                           .arg(result.filePath, file.errorString());
        return result;
    }
    result.ok = true;
    return result;
}
