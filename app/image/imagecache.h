#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

template<typename T> class QFutureWatcher;
class QIODevice;

// Decoded images at the size they are shown, under a memory bound. The view asks for an image at
// its display size in device pixels; a miss returns a null image and starts one decode on a worker
// thread (never on the GUI thread), and imageReady() tells the view to repaint the rows showing
// that file. Files that cannot be decoded are remembered so they are not retried on every paint.
class ImageCache : public QObject
{
    Q_OBJECT
public:
    // The result of decoding one file; `error` is a plain sentence when `image` is null.
    struct Decoded
    {
        QImage image;
        QString error;
    };

    static constexpr qint64 defaultMaxBytes = 128LL * 1024 * 1024;
    // Bound for one decoded image, against decompression bombs (a few KB of PNG can claim
    // gigabytes of pixels). Also passed to QImageReader::setAllocationLimit.
    static constexpr int allocationLimitMb = 256;
    static constexpr int maxSide = 16384;
    // Up to this many bytes of pixels, an image shown smaller is read whole and then scaled.
    static constexpr qint64 wholeReadLimitBytes = 64LL * 1024 * 1024;

    explicit ImageCache(QObject *parent = nullptr);
    ~ImageCache() override;

    // The decoded image if it is cached at this size; otherwise a null image, and one asynchronous
    // decode is scheduled (unless one is already running or the file is known to be unreadable).
    // An invalid or empty target means "full size".
    QImage image(const QString &filePath, QSize targetPixels);
    // Like image() but never schedules a decode.
    QImage cached(const QString &filePath, QSize targetPixels) const;
    // The insertDecoded() image of this file, whole or reduced; null when there is none.
    QImage earlierDecode(const QString &filePath) const;
    // For images decoded elsewhere (e.g. a preview the stream already had in memory).
    void insert(const QString &filePath, QSize targetPixels, const QImage &image);
    // For an image decoded elsewhere at the file's size (`filePixels`) or smaller, for a size not
    // yet asked for: the stream decodes a new image no larger than the conversation shows it. It
    // then serves every size it covers, scaled down where needed; a whole-size decode serves any.
    void insertDecoded(const QString &filePath, const QImage &image, QSize filePixels);

    bool isPending(const QString &filePath, QSize targetPixels) const;
    int pendingCount() const { return int(m_pending.size()); }
    // Empty unless decoding this file failed.
    QString errorFor(const QString &filePath) const { return m_errors.value(filePath); }
    // Drops every cached size and the remembered error of one file (e.g. it was rewritten).
    void forget(const QString &filePath);
    void clear();

    void setMaxBytes(qint64 bytes);
    qint64 maxBytes() const { return m_cache.maxCost(); }
    qint64 usedBytes() const { return m_cache.totalCost(); }
    int count() const { return int(m_cache.count()); }

    // Decodes synchronously on the calling thread: reads the header, refuses oversized images,
    // scales to fit `targetPixels` (keeping the aspect ratio, never enlarging) and applies the
    // EXIF orientation. Used by the worker threads and by the image viewer.
    static Decoded decode(const QString &filePath, QSize targetPixels);
    static Decoded decode(QIODevice *device, QSize targetPixels);

    // Test seam: how many decodes were started, and a hook run on the decoding thread.
    int decodeCount() const { return m_decodeCount.load(); }
    void setDecodeHook(std::function<void(const QString &filePath)> hook);

Q_SIGNALS:
    void imageReady(const QString &filePath);
    void imageFailed(const QString &filePath, const QString &message);

private:
    static QString keyFor(const QString &filePath, QSize targetPixels);
    static QString reducedKeyFor(const QString &filePath); // insertDecoded(), smaller than the file
    void keep(const QString &filePath, const QString &key, const QImage &image);
    // An image for `targetPixels` made from an insertDecoded() one, or null.
    QImage fromEarlierDecode(const QString &filePath, QSize targetPixels);
    void finishDecode(const QString &key, const QString &filePath, QSize targetPixels);

    QCache<QString, QImage> m_cache;
    QHash<QString, QFutureWatcher<Decoded> *> m_pending; // by key: one decode per path and size
    QHash<QString, QString> m_errors; // by path
    std::shared_ptr<std::function<void(const QString &)>> m_decodeHook;
    std::atomic<int> m_decodeCount = 0;
    // Declared last so it is destroyed first: its destructor waits for running decodes, which
    // only touch their own copies of the arguments.
    QThreadPool m_pool;
};
