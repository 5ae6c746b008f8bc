#include "net/gatewayjob.h"

#include "net/errormessage.h"
#include "net/keytransport.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslError>

GatewayJob::GatewayJob(QNetworkAccessManager *manager, const QString &providerName, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_providerName(providerName.isEmpty() ? tr("The gateway") : providerName)
{
    m_connectTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &GatewayJob::onConnectTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, &GatewayJob::onIdleTimeout);
}

GatewayJob::~GatewayJob()
{
    releaseReply(true);
}

void GatewayJob::setTimeouts(Timeouts timeouts)
{
    m_timeouts = timeouts;
}

void GatewayJob::start(const QNetworkRequest &request, const QByteArray &body)
{
    if (m_status != Status::NotStarted) {
        qWarning("GatewayJob::start: a job runs once; create a new job for a new request");
        return;
    }
    m_status = Status::Running;
    m_url = request.url();
    const QByteArray authorization = request.rawHeader("Authorization");
    if (authorization.startsWith("Bearer "))
        m_secret = authorization.mid(7).trimmed();
    if (!authorization.isEmpty()) {
        // The last line of defence, whatever path built the request: a key never leaves
        // unencrypted for another computer. Nothing is sent; the caller hears it as any failure.
        if (const QString refusal = KeyTransport::refusal(m_url, m_providerName);
            !refusal.isEmpty()) {
            QMetaObject::invokeMethod(
                this, [this, refusal] { finish(Status::TransportError, refusal); },
                Qt::QueuedConnection);
            return;
        }
    }

    QNetworkRequest post(request);
    post.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_manager->post(post, body);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &GatewayJob::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &GatewayJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &GatewayJob::onReplyFinished);
    connect(reply, &QNetworkReply::requestSent, this, &GatewayJob::leaveConnectPhase);
    connect(reply, &QNetworkReply::uploadProgress, this, &GatewayJob::onProgress);
    connect(reply, &QNetworkReply::downloadProgress, this, &GatewayJob::onProgress);
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, &GatewayJob::onSslErrors);
    // A finished TLS handshake also proves the connection (HTTP/2 reports progress differently).
    connect(reply, &QNetworkReply::encrypted, this, &GatewayJob::leaveConnectPhase);
#endif
    m_connectTimer.start(m_timeouts.connectMs);
}

void GatewayJob::cancel()
{
    if (m_finishedEmitted)
        return;
    finish(Status::Cancelled, tr("The request was cancelled."));
}

void GatewayJob::leaveConnectPhase()
{
    if (m_finishedEmitted)
        return;
    m_connected = true;
    m_connectTimer.stop();
    m_idleTimer.start(m_timeouts.idleMs); // every sign of life restarts the silence count
}

void GatewayJob::onProgress()
{
    leaveConnectPhase();
}

void GatewayJob::onMetaDataChanged()
{
    leaveConnectPhase();
    readHeaders();
}

void GatewayJob::readHeaders()
{
    if (m_headersRead || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersRead = true;
    m_httpStatus = status.toInt();
    m_contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    // Qt hands over a compressed body decompressed, so its Content-Length cannot be checked.
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && m_reply->rawHeader("Content-Encoding").isEmpty())
        m_declaredLength = length.toLongLong();
    if (m_httpStatus < 200 || m_httpStatus >= 300)
        m_retryAfter = ErrorMessage::parseRetryAfter(m_reply->rawHeader("Retry-After"));
}

void GatewayJob::onReadyRead()
{
    if (!m_reply || m_finishedEmitted)
        return;
    leaveConnectPhase();
    readHeaders();
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    m_bytesReceived += chunk.size();
    if (m_httpStatus >= 200 && m_httpStatus < 300) {
        Q_EMIT dataReceived(chunk);
        return;
    }
    const qint64 room = maxErrorBodyBytes - m_errorBody.size();
    if (room > 0)
        m_errorBody.append(chunk.left(room));
}

void GatewayJob::onReplyFinished()
{
    if (!m_reply || m_finishedEmitted)
        return;
    onReadyRead(); // whatever is still buffered belongs to the answer
    if (!m_reply || m_finishedEmitted)
        return; // a dataReceived() receiver cancelled the job
    readHeaders();

    const QNetworkReply::NetworkError error = m_reply->error();
    if (m_httpStatus >= 200 && m_httpStatus < 300) {
        // Qt 6.4 may report a connection closed partway through a body as a finished reply
        // (a race in its HTTP channel), so a body short of its declared length is checked here.
        const bool cutShort = m_declaredLength >= 0 && m_bytesReceived < m_declaredLength;
        if (error == QNetworkReply::NoError && !cutShort) {
            finish(Status::Succeeded, {});
        } else {
            finish(Status::TransportError,
                   tr("The connection to %1 was closed before the response finished.")
                       .arg(m_providerName));
        }
        return;
    }
    if (m_httpStatus > 0) {
        // OpenAI answers a wrong key with "Incorrect API key provided: <the key>": it must reach
        // neither the turn, the history nor a log.
        m_errorBody = ErrorMessage::withoutSecret(m_errorBody, m_secret);
        const QString said = ErrorMessage::fromBody(m_errorBody, m_contentType);
        QString message = ErrorMessage::forHttpStatus(m_httpStatus, m_providerName, said,
                                                      m_retryAfter, m_keyPlace);
        // Where a redirect pointed tells which base URL was meant (found by QA: it was left out).
        const QByteArray location = m_reply ? m_reply->rawHeader("Location") : QByteArray();
        if (m_httpStatus / 100 == 3 && !location.isEmpty()) {
            message += u' '
                + tr("It pointed to %1.")
                      .arg(ErrorMessage::withoutSecret(QString::fromUtf8(location.left(500)),
                                                       QString::fromUtf8(m_secret)));
        }
        finish(Status::HttpError, message);
        return;
    }
    if (error == QNetworkReply::OperationCanceledError) {
        // Someone else aborted the reply (the manager was destroyed, for example).
        finish(Status::Cancelled, tr("The request was cancelled."));
        return;
    }
    finish(error == QNetworkReply::TimeoutError ? Status::TimedOut : Status::TransportError,
           transportMessage(error));
}

void GatewayJob::onSslErrors(const QList<QSslError> &errors)
{
    // Deliberately not ignored: a certificate problem fails the request. The text is kept for
    // the message, because the reply's own error string only says "SSL handshake failed".
    QStringList texts;
    for (const QSslError &error : errors)
        texts << error.errorString();
    m_sslErrorText = texts.join(QStringLiteral("; "));
}

void GatewayJob::onConnectTimeout()
{
    finish(Status::TimedOut,
           tr("Could not reach %1 within %2: the connection was not established. Check "
              "the base URL and the network.")
               .arg(hostText(), ErrorMessage::formatDuration(m_timeouts.connectMs)));
}

void GatewayJob::onIdleTimeout()
{
    const QString duration = ErrorMessage::formatDuration(m_timeouts.idleMs);
    if (!m_headersRead) {
        finish(Status::TimedOut,
               tr("%1 took the request but sent nothing back for %2, so it was "
                  "stopped.")
                   .arg(m_providerName, duration));
        return;
    }
    finish(Status::TimedOut,
           tr("Nothing arrived from %1 for %2, so the request was stopped; what "
              "arrived before is kept.")
               .arg(m_providerName, duration));
}

QString GatewayJob::hostText() const
{
    const QString host = m_url.host().isEmpty() ? m_url.toString() : m_url.host();
    return m_url.port() == -1 ? host : host + ':' + QString::number(m_url.port());
}

QString GatewayJob::transportMessage(QNetworkReply::NetworkError error) const
{
    const QString detail = m_reply ? m_reply->errorString() : QString();
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("Could not connect to %1: connection refused. Is the base URL right?")
            .arg(hostText());
    case QNetworkReply::HostNotFoundError:
        return tr("Could not find the server %1: the name does not resolve (DNS). "
                  "Check the base URL and the network connection.")
            .arg(hostText());
    case QNetworkReply::SslHandshakeFailedError:
        if (m_sslErrorText.isEmpty()) { // no certificate problem: the handshake itself failed
            return tr("The secure (TLS) connection to %1 failed (%2). The server may "
                      "not speak HTTPS at this address; check the base URL.")
                .arg(hostText(), detail);
        }
        return tr("The secure (TLS) connection to %1 failed: %2. Easel does not skip "
                  "certificate checks; check the base URL, the system clock, or a "
                  "proxy that intercepts HTTPS.")
            .arg(hostText(), m_sslErrorText);
    case QNetworkReply::RemoteHostClosedError:
        return tr("%1 closed the connection before answering.").arg(hostText());
    case QNetworkReply::TimeoutError:
        return tr("The connection to %1 timed out.").arg(hostText());
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return tr("The network is not available: %1").arg(detail);
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return tr("Could not get through the network proxy: %1").arg(detail);
    case QNetworkReply::ProtocolUnknownError:
        return tr("The base URL %1 does not start with http:// or https://.").arg(m_url.toString());
    default:
        break;
    }
    return tr("The request to %1 failed: %2").arg(m_providerName, detail);
}

void GatewayJob::finish(Status status, const QString &message)
{
    if (m_finishedEmitted)
        return;
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_status = status;
    m_errorMessage = message;
    releaseReply(status == Status::Cancelled || status == Status::TimedOut);
    m_finishedEmitted = true;
    Q_EMIT finished();
}

void GatewayJob::releaseReply(bool abort)
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    if (abort && reply->isRunning())
        reply->abort();
    reply->deleteLater();
}
