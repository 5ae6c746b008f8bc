#pragma once

#include "model/imageasset.h"
#include "net/imagefetcher.h"
#include "store/imagestore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QThreadPool>

class QNetworkAccessManager;

// The images of a conversation that came as links, being downloaded: one ImageFetcher per image,
// keyed by turn id and item id because a download may outlive the stream of its turn. The bytes
// take the path of streamed images (ImageStore::put with the pixel decode beside it), off the GUI
// thread. It reports; the chat session decides what the turn shows.
class ImageDownloads : public QObject
{
    Q_OBJECT
public:
    // Progress is reported at most this often per image: each report repaints a row.
    static constexpr int progressIntervalMs = 150;

    ImageDownloads(QNetworkAccessManager *network, const QString &imageRoot,
                   QObject *parent = nullptr);
    ~ImageDownloads() override;

    void setTimeouts(ImageFetcher::Timeouts timeouts) { m_timeouts = timeouts; }
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    // The pixels handed over with a finished download fit this (StreamWorker::setDecodeBox).
    void setDecodeBox(QSize devicePixels) { m_decodeBox = devicePixels; }

    // Starts downloading `url` for image `itemId` of turn `turnId`. False when that image is
    // already downloading. Nothing is reported from inside this call.
    bool start(const QString &turnId, const QString &itemId, const QString &url);
    bool isDownloading(const QString &turnId, const QString &itemId) const;
    int count() const { return int(m_downloads.size()); }
    // Stops every download; none of them reports anything more.
    void cancelAll();

Q_SIGNALS:
    void progress(const QString &turnId, const QString &itemId, qint64 bytesReceived,
                  qint64 bytesTotal);
    // `result` is Final (hash, file, type, pixel size, byte size) or Failed (a plain error), with
    // its sourceUrl either way. `decoded` holds the pixels at full size when they could be read.
    void finished(const QString &turnId, const QString &itemId, const ImageAsset &result,
                  const QImage &decoded);

private:
    struct Download
    {
        QString turnId;
        QString itemId;
        QString url;
        QPointer<ImageFetcher> fetcher;
        QElapsedTimer sinceProgress;
    };

    static QString keyFor(const QString &turnId, const QString &itemId);
    void onFetched(const QString &key, const QByteArray &bytes, const QString &error);
    void report(const QString &key, const ImageAsset &result, const QImage &decoded);

    QNetworkAccessManager *m_network;
    ImageStore m_store;
    ImageFetcher::Timeouts m_timeouts;
    qint64 m_maxBytes = ImageFetcher::defaultMaxBytes;
    QSize m_decodeBox; // empty: full size
    QHash<QString, Download> m_downloads;
    // Storing and decoding run here, not on the global pool that the decode itself uses.
    // Declared last so it is destroyed first: its destructor waits for running tasks.
    QThreadPool m_pool;
};
