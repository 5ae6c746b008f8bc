#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <optional>

class QNetworkAccessManager;
class QNetworkRequest;
class QSslError;

// One POST to a gateway, from the first byte sent to the last byte received. The body of a 2xx
// answer is handed on chunk by chunk as it arrives (a stream may run for minutes); an error answer
// is collected and turned into one plain sentence. The job never retries: image generation is
// billed per call, so whether to try again is the designer's decision.
class GatewayJob : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        NotStarted,
        Running,
        Succeeded,
        Cancelled,
        HttpError,
        TransportError,
        TimedOut
    };
    Q_ENUM(Status)

    // connectMs bounds the time until the server has taken the request (TCP, TLS and sending the
    // body); idleMs bounds any silence after that, including the wait for the response headers,
    // because a non-streamed image can take minutes before its first byte. There is no total
    // timeout: a long stream that keeps sending is healthy.
    struct Timeouts
    {
        int connectMs = 30000;
        int idleMs = 300000;
    };

    // An error body is collected up to this size; the rest is dropped (the message needs little).
    static constexpr qint64 maxErrorBodyBytes = 1024 * 1024;

    GatewayJob(QNetworkAccessManager *manager, const QString &providerName,
               QObject *parent = nullptr);
    ~GatewayJob() override;

    void setTimeouts(Timeouts timeouts);
    // Where the designer changes the key, named by a 401's message (ProviderProfile::keyPlace).
    void setKeyPlace(const QString &keyPlace) { m_keyPlace = keyPlace; }
    Timeouts timeouts() const { return m_timeouts; }

    // Sends a POST. Redirects are not followed: an API call answered with a redirect is a wrong
    // base URL, and following it could carry the Authorization header to another host. An error
    // body that repeats the request's bearer token gets it masked (ErrorMessage::withoutSecret)
    // before errorBody() and errorMessage() see it.
    void start(const QNetworkRequest &request, const QByteArray &body);
    // Aborts the request. What already arrived was already emitted; nothing more is.
    void cancel();

    Status status() const { return m_status; }
    bool isFinished() const { return m_finishedEmitted; }
    int httpStatus() const { return m_httpStatus; } // 0 until the response headers arrived
    QString errorMessage() const { return m_errorMessage; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }
    QByteArray errorBody() const { return m_errorBody; } // body of a non-2xx answer, capped
    QString contentType() const { return m_contentType; }
    QString providerName() const { return m_providerName; }
    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    void dataReceived(const QByteArray &chunk); // 2xx only, as bytes arrive
    void finished(); // exactly once, whatever happened

private:
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onProgress();
    void onSslErrors(const QList<QSslError> &errors);
    void onConnectTimeout();
    void onIdleTimeout();
    void leaveConnectPhase();
    void readHeaders();
    QString transportMessage(QNetworkReply::NetworkError error) const;
    QString hostText() const;
    // Sets the final state, drops the reply and emits finished() (once).
    void finish(Status status, const QString &message);
    void releaseReply(bool abort);

    QNetworkAccessManager *m_manager = nullptr;
    QString m_providerName;
    QString m_keyPlace;
    Timeouts m_timeouts;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    bool m_connected = false;
    bool m_headersRead = false;
    bool m_finishedEmitted = false;

    Status m_status = Status::NotStarted;
    int m_httpStatus = 0;
    QString m_contentType;
    QString m_errorMessage;
    QString m_sslErrorText;
    std::optional<int> m_retryAfter;
    QByteArray m_errorBody;
    qint64 m_bytesReceived = 0;
    qint64 m_declaredLength = -1; // Content-Length of an uncompressed body; -1 when unknown
    // The bearer token this request carries, masked out of an error body that echoes it.
    QByteArray m_secret;
};
