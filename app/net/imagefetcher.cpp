#include "net/imagefetcher.h"

#include "model/imagesniff.h"
#include "net/errormessage.h"
#include "net/keytransport.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslError>

namespace {

// Links in messages: scheme, host and path are what a person recognises; the query of a signed
// gateway link is long noise (and a credential of sorts), a data: URL can be megabytes.
QString shortUrl(const QUrl &url)
{
    constexpr qsizetype maxLength = 100;
    QString text
        = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (text.isEmpty())
        text = url.toString();
    if (text.size() > maxLength)
        text = text.left(maxLength - 1) + QChar(0x2026);
    return text;
}

QString sizeText(qint64 bytes)
{
    return QLocale(QLocale::English)
        .formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

enum class BodyKind { Image, WebPage, Svg, Binary };

// What a body that is not one of the four image types looks like, from its first bytes.
BodyKind classify(const QByteArray &bytes)
{
    if (!ImageSniff::mimeType(bytes).isEmpty())
        return BodyKind::Image;
    QByteArrayView head = QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 1024));
    if (head.startsWith("\xef\xbb\xbf"))
        head = head.sliced(3);
    const QByteArray lower = head.trimmed().toByteArray().toLower();
    if (lower.contains("<svg"))
        return BodyKind::Svg;
    if (lower.startsWith('<'))
        return BodyKind::WebPage; // HTML, XML: an error page, a login page, a CDN notice
    for (const char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            return BodyKind::Binary;
    }
    return BodyKind::WebPage; // plain text or JSON: what a server says instead of an image
}

} // namespace

ImageFetcher::ImageFetcher(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
    m_connectTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(tr("Could not reach %1 within %2 to download the image.")
                 .arg(hostText(), ErrorMessage::formatDuration(m_timeouts.connectMs)));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        fail(tr("%1 sent nothing for %2, so the image download was stopped.")
                 .arg(hostText(), ErrorMessage::formatDuration(m_timeouts.idleMs)));
    });
}

ImageFetcher::~ImageFetcher()
{
    releaseReply();
}

bool ImageFetcher::isLoopbackHost(const QString &host)
{
    return KeyTransport::isLoopbackHost(host);
}

QString ImageFetcher::refusalReason(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.scheme().isEmpty())
        return tr("it is not a web address");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https") || scheme == QLatin1String("http")) {
        if (url.host().isEmpty())
            return tr("it names no server");
        if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
            return tr("it uses plain http, and Easel downloads images only over https "
                      "(http only from this computer)");
        return {};
    }
    if (scheme == QLatin1String("data"))
        return tr("it is a data: URL, which is decoded where it arrives, not "
                  "downloaded");
    return tr("it uses the %1: scheme, and Easel downloads images only over https").arg(scheme);
}

QString ImageFetcher::refusalFor(const QUrl &url)
{
    const QString reason = refusalReason(url);
    if (reason.isEmpty())
        return {};
    return tr("The image link %1 cannot be downloaded: %2.").arg(shortUrl(url), reason);
}

QString ImageFetcher::redirectRefusalFor(const QUrl &from, const QUrl &to)
{
    const QString reason = refusalReason(to);
    if (!reason.isEmpty())
        return tr("%1 redirected the image download to %2, which Easel does not "
                  "follow: %3.")
            .arg(from.host(), shortUrl(to), reason);
    // A server on the internet must not be able to point Easel at services on this computer.
    if (!isLoopbackHost(from.host()) && isLoopbackHost(to.host()))
        return tr("%1 redirected the image download to this computer (%2), which "
                  "Easel does not follow.")
            .arg(from.host(), to.host());
    return {};
}

void ImageFetcher::start(const QUrl &url)
{
    if (m_status != Status::NotStarted) {
        qWarning("ImageFetcher::start: a fetcher runs once; create a new one for a new download");
        return;
    }
    m_status = Status::Running;
    m_url = url;
    m_current = url;
    const QString refusal = refusalFor(url);
    if (!refusal.isEmpty()) {
        // Asynchronous like every other outcome, so callers can rely on one order of events.
        QMetaObject::invokeMethod(
            this, [this, refusal] { fail(refusal); }, Qt::QueuedConnection);
        return;
    }
    get(url);
}

void ImageFetcher::cancel()
{
    if (m_finishedEmitted)
        return;
    finish(Status::Cancelled, tr("The image download was cancelled."));
}

void ImageFetcher::get(const QUrl &url)
{
    QUrl target = url;
    target.setUserInfo({}); // credentials in a link are not sent either
    target.setFragment({});
    m_current = target;
    m_headersRead = false;
    m_typeChecked = false;
    m_httpStatus = 0;
    m_total = -1;
    m_received = 0;
    m_body.clear();
    m_sslErrorText.clear();

    // A fresh request built from the URL alone: nothing of the gateway request (its Authorization
    // header, its extra headers) can leak, and QNAM is told not to add credentials or cookies it
    // holds for this host on its own.
    QNetworkRequest request(target);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("Accept", "image/png,image/jpeg,image/webp,image/gif;q=0.9,*/*;q=0.1");

    m_reply = m_manager->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &ImageFetcher::onMetaDataChanged);
    connect(reply, &QNetworkReply::readyRead, this, &ImageFetcher::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ImageFetcher::onReplyFinished);
    connect(reply, &QNetworkReply::requestSent, this, &ImageFetcher::leaveConnectPhase);
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, &ImageFetcher::onSslErrors);
    connect(reply, &QNetworkReply::encrypted, this, &ImageFetcher::leaveConnectPhase);
#endif
    m_idleTimer.stop();
    m_connectTimer.start(m_timeouts.connectMs);
}

void ImageFetcher::leaveConnectPhase()
{
    if (m_finishedEmitted)
        return;
    m_connectTimer.stop();
    m_idleTimer.start(m_timeouts.idleMs); // every sign of life restarts the silence count
}

void ImageFetcher::onMetaDataChanged()
{
    leaveConnectPhase();
    readHeaders();
}

bool ImageFetcher::readHeaders()
{
    if (!m_reply || m_finishedEmitted)
        return false;
    if (m_headersRead)
        return true;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return true; // not yet
    m_headersRead = true;
    m_httpStatus = status.toInt();
    if (m_httpStatus >= 300 && m_httpStatus < 400) {
        followRedirect();
        return false;
    }
    if (m_httpStatus < 200 || m_httpStatus >= 300) {
        fail(httpStatusMessage());
        return false;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid()) {
        m_total = length.toLongLong();
        if (m_total > m_maxBytes) {
            fail(tr("The image at %1 is %2, more than the %3 Easel downloads.")
                     .arg(hostText(), sizeText(m_total), sizeText(m_maxBytes)));
            return false;
        }
        m_body.reserve(m_total);
    }
    Q_EMIT progress(0, m_total);
    return true;
}

void ImageFetcher::followRedirect()
{
    const QByteArray location = m_reply->rawHeader("Location").trimmed();
    if (location.isEmpty()) {
        fail(tr("%1 answered the image download with a redirect (HTTP %2) that says "
                "not where to.")
                 .arg(hostText())
                 .arg(m_httpStatus));
        return;
    }
    const QUrl target = m_current.resolved(QUrl(QString::fromUtf8(location), QUrl::TolerantMode));
    if (m_redirects >= maxRedirects) {
        fail(tr("The image link was redirected more than %1 times (the last time by "
                "%2), so the download was stopped.")
                 .arg(maxRedirects)
                 .arg(hostText()));
        return;
    }
    const QString refusal = redirectRefusalFor(m_current, target);
    if (!refusal.isEmpty()) {
        fail(refusal);
        return;
    }
    ++m_redirects;
    releaseReply();
    get(target);
}

void ImageFetcher::onReadyRead()
{
    if (!m_reply || m_finishedEmitted)
        return;
    leaveConnectPhase();
    if (!readHeaders() || !m_headersRead)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    m_received += chunk.size();
    if (m_received > m_maxBytes) {
        fail(tr("The image at %1 is larger than the %2 Easel downloads, so the "
                "download was stopped.")
                 .arg(hostText(), sizeText(m_maxBytes)));
        return;
    }
    m_body.append(chunk);
    // Decided as soon as the first bytes show it: a web page is not worth reading to its end.
    if (!m_typeChecked && m_body.size() >= ImageSniff::bytesNeeded) {
        m_typeChecked = true;
        if (ImageSniff::mimeType(m_body).isEmpty()) {
            fail(notAnImageMessage());
            return;
        }
    }
    Q_EMIT progress(m_received, m_total);
}

void ImageFetcher::onReplyFinished()
{
    if (!m_reply || m_finishedEmitted)
        return;
    onReadyRead(); // whatever is still buffered belongs to the body
    if (!readHeaders())
        return; // the headers or the body ended the download
    const QNetworkReply::NetworkError error = m_reply->error();
    if (!m_headersRead) {
        fail(transportMessage(error));
        return;
    }
    if (error != QNetworkReply::NoError || (m_total >= 0 && m_received < m_total)) {
        fail(tr("The connection to %1 was closed before the image was complete (%2 "
                "received).")
                 .arg(hostText(), sizeText(m_received)));
        return;
    }
    if (m_body.isEmpty()) {
        fail(tr("The image link on %1 returned an empty answer, not an image.").arg(hostText()));
        return;
    }
    m_mimeType = ImageSniff::mimeType(m_body);
    if (m_mimeType.isEmpty()) {
        fail(notAnImageMessage());
        return;
    }
    succeed();
}

void ImageFetcher::onSslErrors(const QList<QSslError> &errors)
{
    // Deliberately not ignored: a certificate problem fails the download.
    QStringList texts;
    for (const QSslError &error : errors)
        texts << error.errorString();
    m_sslErrorText = texts.join(QStringLiteral("; "));
}

QString ImageFetcher::hostText() const
{
    const QString host = m_current.host().isEmpty() ? shortUrl(m_current) : m_current.host();
    return m_current.port() == -1 ? host
                                  : host + QLatin1Char(':') + QString::number(m_current.port());
}

QString ImageFetcher::httpStatusMessage() const
{
    const QString reason = m_reply
        ? m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()
        : QString();
    const QString status = reason.isEmpty()
        ? QString::number(m_httpStatus)
        : QStringLiteral("%1 %2").arg(m_httpStatus).arg(reason.trimmed());
    QString message = tr("%1 refused the image download (HTTP %2).").arg(hostText(), status);
    switch (m_httpStatus) {
    case 401:
    case 403:
    case 404:
    case 410:
        // Gateway image links are temporary: the most likely cause, and what to do about it.
        message += tr(" The link may have expired.");
        break;
    default:
        if (m_httpStatus >= 500)
            message += tr(" The server had a problem; try again later.");
        break;
    }
    return message;
}

QString ImageFetcher::notAnImageMessage() const
{
    switch (classify(m_body)) {
    case BodyKind::Svg:
        return tr("The image link on %1 returned an SVG drawing; Easel shows PNG, "
                  "JPEG, WebP and GIF images.")
            .arg(hostText());
    case BodyKind::WebPage:
        return tr("The image link returned a web page, not an image (from %1).").arg(hostText());
    case BodyKind::Binary:
    case BodyKind::Image:
        break;
    }
    return tr("The image link on %1 returned data that is not a PNG, JPEG, WebP or GIF "
              "image.")
        .arg(hostText());
}

QString ImageFetcher::transportMessage(QNetworkReply::NetworkError error) const
{
    const QString detail = m_reply ? m_reply->errorString() : QString();
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("Could not download the image: %1 refused the connection.").arg(hostText());
    case QNetworkReply::HostNotFoundError:
        return tr("Could not download the image: the server %1 was not found (DNS).")
            .arg(hostText());
    case QNetworkReply::SslHandshakeFailedError:
        return tr("Could not download the image: the secure (TLS) connection to %1 "
                  "failed (%2).")
            .arg(hostText(), m_sslErrorText.isEmpty() ? detail : m_sslErrorText);
    case QNetworkReply::RemoteHostClosedError:
        return tr("%1 closed the connection before sending the image.").arg(hostText());
    case QNetworkReply::TimeoutError:
        return tr("The connection to %1 timed out while downloading the image.").arg(hostText());
    default:
        break;
    }
    return tr("Could not download the image from %1: %2").arg(hostText(), detail);
}

void ImageFetcher::succeed()
{
    finish(Status::Succeeded, {});
}

void ImageFetcher::fail(const QString &message)
{
    finish(Status::Failed, message);
}

void ImageFetcher::finish(Status status, const QString &message)
{
    if (m_finishedEmitted)
        return;
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_status = status;
    m_errorMessage = message;
    if (status != Status::Succeeded) {
        m_body.clear();
        m_body.squeeze();
        m_mimeType.clear();
    }
    releaseReply();
    m_finishedEmitted = true;
    Q_EMIT finished(m_body, m_errorMessage);
}

void ImageFetcher::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    // Aborted from the event loop, not here: this often runs inside one of the reply's own
    // signals, and aborting a reply while it emits upsets its state machine.
    QTimer::singleShot(0, reply, [reply] {
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    });
}
