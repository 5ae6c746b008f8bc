#include "imagedownloads.h"

#include "streamworker.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace {

struct StoreResult
{
    ImageStore::Stored stored;
    QImage decoded;
};

} // namespace

ImageDownloads::ImageDownloads(QNetworkAccessManager *network, const QString &imageRoot,
                               QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_store(imageRoot)
{
    m_pool.setMaxThreadCount(2);
}

ImageDownloads::~ImageDownloads()
{
    cancelAll();
}

QString ImageDownloads::keyFor(const QString &turnId, const QString &itemId)
{
    return turnId + QLatin1Char('\n') + itemId;
}

bool ImageDownloads::isDownloading(const QString &turnId, const QString &itemId) const
{
    return m_downloads.contains(keyFor(turnId, itemId));
}

bool ImageDownloads::start(const QString &turnId, const QString &itemId, const QString &url)
{
    const QString key = keyFor(turnId, itemId);
    if (m_downloads.contains(key))
        return false;
    auto *fetcher = new ImageFetcher(m_network, this);
    fetcher->setTimeouts(m_timeouts);
    fetcher->setMaxBytes(m_maxBytes);
    Download &download = m_downloads[key];
    download.turnId = turnId;
    download.itemId = itemId;
    download.url = url;
    download.fetcher = fetcher;
    connect(fetcher, &ImageFetcher::progress, this, [this, key](qint64 received, qint64 total) {
        const auto it = m_downloads.find(key);
        if (it == m_downloads.end())
            return;
        const bool done = total >= 0 && received >= total;
        if (it->sinceProgress.isValid() && !done
            && it->sinceProgress.elapsed() < progressIntervalMs)
            return;
        it->sinceProgress.start();
        Q_EMIT progress(it->turnId, it->itemId, received, total);
    });
    connect(fetcher, &ImageFetcher::finished, this,
            [this, key](const QByteArray &bytes, const QString &error) {
                onFetched(key, bytes, error);
            });
    // A link is only text: QUrl's tolerant parsing also takes the unescaped spaces and brackets
    // found in Markdown links.
    fetcher->start(QUrl(url, QUrl::TolerantMode));
    return true;
}

void ImageDownloads::onFetched(const QString &key, const QByteArray &bytes, const QString &error)
{
    const auto it = m_downloads.find(key);
    if (it == m_downloads.end())
        return;
    if (it->fetcher)
        it->fetcher->deleteLater();
    it->fetcher = nullptr;
    if (!error.isEmpty()) {
        ImageAsset failed;
        failed.state = ImageAsset::State::Failed;
        failed.sourceUrl = it->url;
        failed.error = error;
        report(key, failed, {});
        return;
    }
    auto *watcher = new QFutureWatcher<StoreResult>(this);
    connect(watcher, &QFutureWatcher<StoreResult>::finished, this, [this, key, watcher] {
        watcher->deleteLater();
        const StoreResult result = watcher->result();
        const auto it = m_downloads.constFind(key);
        if (it == m_downloads.cend())
            return; // cancelled meanwhile
        ImageAsset asset;
        asset.sourceUrl = it->url;
        if (!result.stored.ok) {
            asset.state = ImageAsset::State::Failed;
            asset.error = result.stored.error;
        } else {
            asset.state = ImageAsset::State::Final;
            asset.hash = result.stored.hash;
            asset.filePath = result.stored.filePath;
            asset.mimeType = result.stored.mimeType;
            asset.pixelSize = result.stored.pixelSize;
            asset.byteSize = result.stored.byteSize;
        }
        report(key, asset, result.decoded);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [store = m_store, bytes, box = m_decodeBox] {
        StoreResult result;
        result.stored = StreamWorker::storeAndDecode(store, bytes, &result.decoded, box);
        return result;
    }));
}

void ImageDownloads::report(const QString &key, const ImageAsset &result, const QImage &decoded)
{
    const Download download = m_downloads.take(key);
    Q_EMIT finished(download.turnId, download.itemId, result, decoded);
}

void ImageDownloads::cancelAll()
{
    const QHash<QString, Download> downloads = std::exchange(m_downloads, {});
    for (const Download &download : downloads) {
        if (download.fetcher) {
            download.fetcher->disconnect(this);
            download.fetcher->cancel();
            download.fetcher->deleteLater();
        }
    }
    // A store still running finds its key gone and reports nothing.
}
