#pragma once

#include <QByteArray>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

// Downloads one image that a gateway delivered as a link. Gateway links are temporary, so each is
// fetched once and its bytes are then kept by content hash like any other image.
//
// The rules protect the designer's key and machine: https only (plain http only for this
// computer's loopback addresses), at most five redirects with every target checked by the same
// rules, a size cap enforced while reading (and up front when Content-Length announces more), the
// type told from the bytes and never from Content-Type, and a request built from the URL alone, so
// no Authorization header, cookie or cached credential ever reaches an image host. One fetcher
// downloads one URL, once: it never retries on its own (the designer has a Retry action).
class ImageFetcher : public QObject
{
    Q_OBJECT
public:
    enum class Status { NotStarted, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(Status)

    // connectMs bounds the time until a server has taken the request; idleMs bounds any silence
    // after that. Both apply to each hop of a redirect chain.
    struct Timeouts
    {
        int connectMs = 30000;
        int idleMs = 60000;
    };

    static constexpr qint64 defaultMaxBytes = 50LL * 1024 * 1024;
    static constexpr int maxRedirects = 5;

    explicit ImageFetcher(QNetworkAccessManager *manager, QObject *parent = nullptr);
    ~ImageFetcher() override;

    void setTimeouts(Timeouts timeouts) { m_timeouts = timeouts; }
    Timeouts timeouts() const { return m_timeouts; }
    // The largest body accepted; tests lower it.
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    qint64 maxBytes() const { return m_maxBytes; }

    // Why `url` may not be downloaded, as a plain sentence; empty when it may.
    static QString refusalFor(const QUrl &url);
    // Why a redirect from `from` to `to` may not be followed; empty when it may. The target must
    // pass refusalFor(), and a link elsewhere may not lead to this computer.
    static QString redirectRefusalFor(const QUrl &from, const QUrl &to);
    // localhost, 127.0.0.0/8 or ::1.
    static bool isLoopbackHost(const QString &host);

    // Starts the download; finished() follows, always asynchronously, even for a refused URL.
    void start(const QUrl &url);
    // Stops the download; finished() is emitted with a message saying so.
    void cancel();

    Status status() const { return m_status; }
    bool isFinished() const { return m_finishedEmitted; }
    QUrl url() const { return m_url; } // as given to start()
    QUrl currentUrl() const { return m_current; } // after the redirects followed so far
    int redirectCount() const { return m_redirects; }
    QByteArray bytes() const { return m_body; } // the image once Succeeded
    QString mimeType() const { return m_mimeType; } // sniffed from the bytes
    QString errorMessage() const { return m_errorMessage; }
    qint64 bytesReceived() const { return m_received; }
    qint64 bytesTotal() const { return m_total; } // -1 while unknown

Q_SIGNALS:
    void progress(qint64 bytesReceived, qint64 bytesTotal); // bytesTotal -1 when not announced
    // Exactly once: the image bytes and an empty message, or no bytes and a plain sentence that
    // names the host.
    void finished(const QByteArray &bytes, const QString &errorMessage);

private:
    // Why `url` is refused, as a clause ("it uses plain http, …"); empty when it is not.
    static QString refusalReason(const QUrl &url);
    void get(const QUrl &url);
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onSslErrors(const QList<QSslError> &errors);
    void leaveConnectPhase();
    // Reads the status line and headers once they are there. False when they ended the download
    // (an error status, a redirect that was followed or refused, a body announced too large).
    bool readHeaders();
    void followRedirect();
    QString hostText() const;
    QString transportMessage(QNetworkReply::NetworkError error) const;
    QString httpStatusMessage() const;
    QString notAnImageMessage() const;
    void succeed();
    void fail(const QString &message);
    void finish(Status status, const QString &message);
    void releaseReply();

    QNetworkAccessManager *m_manager = nullptr;
    Timeouts m_timeouts;
    qint64 m_maxBytes = defaultMaxBytes;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    QUrl m_current;
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    Status m_status = Status::NotStarted;
    int m_redirects = 0;
    int m_httpStatus = 0;
    bool m_headersRead = false;
    bool m_typeChecked = false;
    bool m_finishedEmitted = false;
    QByteArray m_body;
    qint64 m_received = 0;
    qint64 m_total = -1;
    QString m_mimeType;
    QString m_errorMessage;
    QString m_sslErrorText;
};
