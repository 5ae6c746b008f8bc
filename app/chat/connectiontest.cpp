#include "connectiontest.h"

#include "net/errormessage.h"
#include "net/keytransport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

ConnectionTest::ConnectionTest(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ConnectionTest::onTimeout);
}

ConnectionTest::~ConnectionTest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ConnectionTest::start(const ProviderProfile &profile, int timeoutMs)
{
    cancel();
    m_ok = false;
    m_message.clear();
    m_models = -1;
    m_providerName = profile.displayName.isEmpty() ? profile.id : profile.displayName;
    m_keyPlace = profile.keyPlace();
    m_timeoutMs = timeoutMs;
    m_secret = profile.apiKey;
    // The same sentence as Apply gives for the same address, and the same refusal as a send.
    QString message = ProviderProfile::baseUrlProblem(profile.baseUrl);
    if (message.isEmpty() && profile.hasKey())
        message = KeyTransport::refusal(profile.baseUrl, m_providerName);
    if (!message.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, message] { finish(false, message); }, Qt::QueuedConnection);
        return;
    }
    m_url = profile.endpoint(QStringLiteral("models"));
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    if (profile.hasKey())
        request.setRawHeader("Authorization", "Bearer " + profile.apiKey.toUtf8());
    for (const auto &[name, value] : profile.extraHeaders)
        request.setRawHeader(name, value);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &ConnectionTest::onFinished);
    m_timeout.start(timeoutMs);
}

void ConnectionTest::cancel()
{
    m_timeout.stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

QString ConnectionTest::hostText() const
{
    return m_url.port() == -1 ? m_url.host()
                              : m_url.host() + QLatin1Char(':') + QString::number(m_url.port());
}

void ConnectionTest::onTimeout()
{
    cancel();
    finish(false,
           tr("%1 did not answer within %2. Check the base URL and the network.")
               .arg(hostText(), ErrorMessage::formatDuration(m_timeoutMs)));
}

void ConnectionTest::onFinished()
{
    m_timeout.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A gateway that refuses the key may repeat it ("Incorrect API key provided: …"): masked
    // before the body is read, so that eliding a long message cannot keep half of it.
    const QByteArray body = ErrorMessage::withoutSecret(reply->readAll(), m_secret.toUtf8());

    if (status >= 300 && status < 400) {
        const QString target = QString::fromUtf8(reply->rawHeader("Location"));
        finish(false,
               target.isEmpty()
                   ? tr("%1 answered with a redirect: check the base URL. Easel does not follow "
                        "redirects with the API key.")
                         .arg(m_providerName)
                   : tr("%1 answered with a redirect to %2: check the base URL. Easel does not "
                        "follow redirects with the API key.")
                         .arg(m_providerName, target.left(200)));
        return;
    }
    if (status >= 400) {
        const QString contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        finish(false,
               ErrorMessage::forHttpStatus(
                   status, m_providerName, ErrorMessage::fromBody(body, contentType),
                   ErrorMessage::parseRetryAfter(reply->rawHeader("Retry-After")), m_keyPlace));
        return;
    }
    if (reply->error() != QNetworkReply::NoError || status == 0) {
        QString message;
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            message = tr("Could not connect to %1: connection refused. Is the base "
                         "URL right?")
                          .arg(hostText());
            break;
        case QNetworkReply::HostNotFoundError:
            message = tr("Could not find the server %1: the name does not resolve. "
                         "Check the base URL and the network connection.")
                          .arg(hostText());
            break;
        case QNetworkReply::SslHandshakeFailedError:
            message = tr("The secure (TLS) connection to %1 failed: %2.")
                          .arg(hostText(), reply->errorString());
            break;
        default:
            message = tr("Could not reach %1: %2.").arg(hostText(), reply->errorString());
            break;
        }
        finish(false, message);
        return;
    }

    // OpenAI and the gateways answer {"object":"list","data":[…]}; some servers a bare array.
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject() && document.object().value(QLatin1String("data")).isArray())
        m_models = int(document.object().value(QLatin1String("data")).toArray().size());
    else if (document.isArray())
        m_models = int(document.array().size());
    if (m_models < 0) {
        finish(true,
               tr("Connected, but %1 did not answer with a list of models.").arg(m_providerName));
        return;
    }
    finish(true,
           m_models == 1 ? tr("Connected: 1 model")
                         : tr("Connected: %1 models").arg(QLocale().toString(m_models)));
}

void ConnectionTest::finish(bool ok, const QString &message)
{
    m_ok = ok;
    m_message = ErrorMessage::withoutSecret(message, m_secret); // e.g. a redirect's Location
    Q_EMIT finished(ok, m_message);
}
