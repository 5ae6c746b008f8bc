#include "imagecache.h"

#include "fastpng.h"
#include "smoothscale.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImageIOHandler>
#include <QImageReader>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <mutex>

namespace {

// Whether the reader should scale as it reads (QImageReader::setScaledSize) rather than read the
// whole image, which is then scaled. libjpeg scales while it decodes, faster than decoding it all,
// and libwebp as it writes its output rows, as fast and in less memory. Qt's PNG reader (for the
// PNGs FastPng leaves to it) scales more slowly than a whole read and a smooth scale of the result
// (for a 1536x1024 PNG, 80-100 ms against 50-60 ms), but needs only a few rows of memory: very
// large images still take its path. Other readers scale a whole read themselves.
bool readerScalesBetter(const QByteArray &format, QSize fullSize)
{
    const qint64 wholeBytes = qint64(fullSize.width()) * fullSize.height() * 4;
    return format == "jpeg" || format == "webp" || wholeBytes > ImageCache::wholeReadLimitBytes;
}

// A reader asked to scale a palette image scales it as QImage::scaled() does, which ruins 1-bit
// ones (see smoothscale.h): those are read whole and scaled here.
bool isPalette(QImage::Format format)
{
    return format == QImage::Format_Mono || format == QImage::Format_MonoLSB
        || format == QImage::Format_Indexed8;
}

// The size a whole read of `fullSize` is scaled down to, to fit in `targetPixels` (keeping the
// aspect ratio); invalid when it is shown at its own size, never enlarged.
QSize shownSize(QSize fullSize, QSize targetPixels)
{
    if (!fullSize.isValid() || !targetPixels.isValid() || targetPixels.isEmpty())
        return {};
    const QSize scaled = fullSize.scaled(targetPixels, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
    if (scaled.width() < fullSize.width() && scaled.height() <= fullSize.height())
        return scaled;
    return {};
}

// The PNGs gateways send, through FastPng (half the time of QImageReader's). Null for any other
// file, with the device back where it was for QImageReader.
QImage decodeCommonPng(QIODevice *device, QSize targetPixels)
{
    if (device->isSequential())
        return {};
    const QSize fullSize = FastPng::size(device->peek(64));
    if (!fullSize.isValid() || fullSize.width() > ImageCache::maxSide
        || fullSize.height() > ImageCache::maxSide)
        return {}; // not such a PNG, or too large: QImageReader says which
    const QSize scaled = shownSize(fullSize, targetPixels);
    // FastPng holds the inflated rows beside the image, about twice the image's memory: a very
    // large image (far beyond what gateways send) takes QImageReader's row-by-row path instead.
    const qint64 limit = ImageCache::wholeReadLimitBytes;
    const qint64 start = device->pos();
    QByteArray read;
    QByteArrayView png;
    if (auto *buffer = qobject_cast<QBuffer *>(device); buffer && start == 0) {
        png = buffer->data(); // the stream's bytes, not copied again
    } else {
        read = device->readAll();
        png = read;
    }
    const QImage image = FastPng::decode(png, limit);
    if (image.isNull()) {
        device->seek(start);
        return {};
    }
    return scaled.isValid() ? smoothlyScaled(image, scaled) : image;
}

} // namespace

ImageCache::ImageCache(QObject *parent)
    : QObject(parent)
{
    m_cache.setMaxCost(defaultMaxBytes);
    // Two workers: decoding is CPU bound and the machine also has to keep streaming and painting.
    m_pool.setMaxThreadCount(std::clamp(QThread::idealThreadCount() / 2, 1, 2));
    m_pool.setObjectName(QStringLiteral("ImageCache decoder"));
}

ImageCache::~ImageCache()
{
    m_pool.clear(); // decodes not started yet are of no use to anyone now
    m_pool.waitForDone();
    // The watchers are children; deleting them now, before ~QObject, means no finished() signal
    // can reach a half-destroyed cache.
    qDeleteAll(m_pending);
    m_pending.clear();
}

QString ImageCache::keyFor(const QString &filePath, QSize targetPixels)
{
    if (!targetPixels.isValid() || targetPixels.isEmpty())
        return filePath + QStringLiteral("\n*");
    return filePath + QLatin1Char('\n') + QString::number(targetPixels.width()) + QLatin1Char('x')
        + QString::number(targetPixels.height());
}

QImage ImageCache::cached(const QString &filePath, QSize targetPixels) const
{
    if (const QImage *hit = m_cache.object(keyFor(filePath, targetPixels)))
        return *hit;
    return {};
}

QString ImageCache::reducedKeyFor(const QString &filePath)
{
    return filePath + QStringLiteral("\n~");
}

QImage ImageCache::fromEarlierDecode(const QString &filePath, QSize targetPixels)
{
    // A freshly generated image arrives decoded (the stream worker had its bytes in memory);
    // scaling it here is a few milliseconds, decoding the file again would be tens.
    if (!targetPixels.isValid() || targetPixels.isEmpty())
        return {};
    if (const QImage *full = m_cache.object(keyFor(filePath, QSize()))) {
        if (full->width() <= targetPixels.width() && full->height() <= targetPixels.height())
            return *full; // never enlarged
        return smoothlyScaled(*full, targetPixels, Qt::KeepAspectRatio);
    }
    const QImage *reduced = m_cache.object(reducedKeyFor(filePath));
    // A pixel of slack: the view and the decoder may round the same fit differently.
    if (!reduced || reduced->width() + 1 < targetPixels.width()
        || reduced->height() + 1 < targetPixels.height())
        return {}; // it would have to be enlarged: the file has more to give
    if (reduced->size() == targetPixels)
        return *reduced;
    return smoothlyScaled(*reduced, targetPixels, Qt::KeepAspectRatio);
}

QImage ImageCache::earlierDecode(const QString &filePath) const
{
    if (const QImage *full = m_cache.object(keyFor(filePath, QSize())))
        return *full;
    if (const QImage *reduced = m_cache.object(reducedKeyFor(filePath)))
        return *reduced;
    return {};
}

QImage ImageCache::image(const QString &filePath, QSize targetPixels)
{
    if (filePath.isEmpty())
        return {};
    const QString key = keyFor(filePath, targetPixels);
    if (const QImage *hit = m_cache.object(key))
        return *hit;
    if (m_pending.contains(key) || m_errors.contains(filePath))
        return {};
    if (QImage scaled = fromEarlierDecode(filePath, targetPixels); !scaled.isNull()) {
        insert(filePath, targetPixels, scaled);
        return scaled;
    }

    auto *watcher = new QFutureWatcher<Decoded>(this);
    m_pending.insert(key, watcher);
    // The watcher delivers finished() on this (the GUI) thread: the cache is only ever touched
    // here.
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, key, filePath, targetPixels] { finishDecode(key, filePath, targetPixels); });
    ++m_decodeCount;
    const auto hook = m_decodeHook;
    watcher->setFuture(QtConcurrent::run(&m_pool, [filePath, targetPixels, hook] {
        if (hook && *hook)
            (*hook)(filePath);
        return decode(filePath, targetPixels);
    }));
    return {};
}

void ImageCache::finishDecode(const QString &key, const QString &filePath, QSize targetPixels)
{
    QFutureWatcher<Decoded> *watcher = m_pending.take(key);
    if (!watcher)
        return;
    const Decoded decoded = watcher->future().resultCount() > 0 ? watcher->result() : Decoded {};
    watcher->deleteLater();
    if (decoded.image.isNull()) {
        const QString message = decoded.error.isEmpty()
            ? tr("The image file is damaged or not an image")
            : decoded.error;
        m_errors.insert(filePath, message);
        Q_EMIT imageFailed(filePath, message);
        return;
    }
    insert(filePath, targetPixels, decoded.image);
    Q_EMIT imageReady(filePath);
}

void ImageCache::insert(const QString &filePath, QSize targetPixels, const QImage &image)
{
    keep(filePath, keyFor(filePath, targetPixels), image);
}

void ImageCache::insertDecoded(const QString &filePath, const QImage &image, QSize filePixels)
{
    // EXIF orientation may have turned the decoded image a quarter.
    const bool whole = image.size() == filePixels || image.size() == filePixels.transposed();
    keep(filePath, whole ? keyFor(filePath, QSize()) : reducedKeyFor(filePath), image);
}

void ImageCache::keep(const QString &filePath, const QString &key, const QImage &image)
{
    if (filePath.isEmpty() || image.isNull())
        return;
    m_errors.remove(filePath);
    // QCache refuses (and deletes) an object costing more than the whole budget, which would make
    // every paint decode the same image again; such an image is admitted and evicts the rest.
    const qint64 cost = std::min<qint64>(image.sizeInBytes(), m_cache.maxCost());
    m_cache.insert(key, new QImage(image), qsizetype(cost));
}

bool ImageCache::isPending(const QString &filePath, QSize targetPixels) const
{
    return m_pending.contains(keyFor(filePath, targetPixels));
}

void ImageCache::forget(const QString &filePath)
{
    m_errors.remove(filePath);
    const QString prefix = filePath + QLatin1Char('\n');
    const QList<QString> keys = m_cache.keys();
    for (const QString &key : keys) {
        if (key.startsWith(prefix))
            m_cache.remove(key);
    }
}

void ImageCache::clear()
{
    m_cache.clear();
    m_errors.clear();
}

void ImageCache::setMaxBytes(qint64 bytes)
{
    m_cache.setMaxCost(qsizetype(std::max<qint64>(bytes, 1)));
}

void ImageCache::setDecodeHook(std::function<void(const QString &)> hook)
{
    // Shared so that a decode already running keeps the hook it started with.
    m_decodeHook = std::make_shared<std::function<void(const QString &)>>(std::move(hook));
}

ImageCache::Decoded ImageCache::decode(const QString &filePath, QSize targetPixels)
{
    Decoded result;
    const QFileInfo info(filePath);
    if (filePath.isEmpty() || !info.exists() || !info.isFile()) {
        result.error = tr("The image file is missing");
        return result;
    }

    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("The image file cannot be read: %1").arg(file.errorString());
        return result;
    }
    return decode(&file, targetPixels);
}

ImageCache::Decoded ImageCache::decode(QIODevice *device, QSize targetPixels)
{
    // The limit is process-wide; set it once, race-free, from whichever thread decodes first.
    static std::once_flag limitSet;
    std::call_once(limitSet, [] { QImageReader::setAllocationLimit(allocationLimitMb); });

    Decoded result;
    if (QImage png = decodeCommonPng(device, targetPixels); !png.isNull()) {
        result.image = std::move(png);
        return result;
    }
    QImageReader reader(device);
    reader.setDecideFormatFromContent(true); // the bytes, not the name, say what the file is
    reader.setAutoTransform(true);
    const QSize fullSize = reader.size();
    if (!reader.canRead()) {
        result.error = tr("The image file is damaged or not an image");
        return result;
    }
    if (fullSize.isValid()) {
        const qint64 bytes = qint64(fullSize.width()) * fullSize.height() * 4;
        if (fullSize.width() > maxSide || fullSize.height() > maxSide
            || bytes > qint64(allocationLimitMb) * 1024 * 1024) {
            result.error = tr("The image is too large to display (%1 × %2 pixels)")
                               .arg(fullSize.width())
                               .arg(fullSize.height());
            return result;
        }
    }

    QSize scaleAfterReading; // in the orientation read() returns, after the EXIF rotation
    if (fullSize.isValid() && targetPixels.isValid() && !targetPixels.isEmpty()) {
        // The scaled size applies before the EXIF rotation, so fit the target in that orientation.
        const bool quarterTurn = reader.transformation() & QImageIOHandler::TransformationRotate90;
        const QSize target = quarterTurn ? targetPixels.transposed() : targetPixels;
        if (const QSize scaled = shownSize(fullSize, target); scaled.isValid()) {
            if (readerScalesBetter(reader.format(), fullSize) && !isPalette(reader.imageFormat()))
                reader.setScaledSize(scaled);
            else
                scaleAfterReading = quarterTurn ? scaled.transposed() : scaled;
        }
    }

    QImage image = reader.read();
    if (image.isNull()) {
        result.error = tr("The image file is damaged or not an image");
        return result;
    }
    if (scaleAfterReading.isValid() && image.size() != scaleAfterReading)
        image = smoothlyScaled(image, scaleAfterReading);
    result.image = std::move(image);
    return result;
}
