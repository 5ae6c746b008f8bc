#include "net/errormessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace {

QString elide(const QString &text, int maxLength)
{
    if (text.size() <= maxLength)
        return text;
    return text.left(maxLength - 1).trimmed() + QChar(0x2026);
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray head = body.left(256).toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
        || head.contains("<head") || head.contains("<title");
}

QString decodeEntities(QString text)
{
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        bool ok = false;
        const uint code = match.captured(2).toUInt(&ok, match.captured(1).isEmpty() ? 10 : 16);
        if (ok && code > 0 && code < 0x110000)
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    out.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&quot;"), QLatin1String("\""));
    out.replace(QLatin1String("&#39;"), QLatin1String("'"));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

QString stripHtml(const QString &html)
{
    static const QRegularExpression invisible(
        QStringLiteral("<(script|style|head)\\b[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression title(QStringLiteral("<title\\b[^>]*>(.*?)</title\\s*>"),
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));

    // A proxy's error page usually says everything in its <title> and repeats it in an <h1>;
    // the body alone reads better than both, but an empty body still has the title.
    const QString titleText = title.match(html).captured(1);
    QString text = html;
    text.remove(comment);
    text.remove(invisible);
    text.replace(tag, QStringLiteral(" "));
    text = decodeEntities(text).simplified();
    if (text.isEmpty())
        text = decodeEntities(titleText).simplified();
    return text;
}

// Whether `text` reads as text: no NUL, and hardly any control characters or invalid UTF-8.
bool isReadableText(const QString &text)
{
    qsizetype bad = 0;
    for (const QChar c : text) {
        if (c.isNull())
            return false;
        if ((c.unicode() < 0x20 && !c.isSpace()) || c == QChar::ReplacementCharacter)
            ++bad;
    }
    return bad * 20 <= text.size();
}

QString stringField(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString().trimmed() : QString();
}

// OpenRouter wraps the upstream provider's error in metadata.raw (often JSON itself) and lists
// moderation reasons in metadata.reasons; both say more than the wrapper's "Provider returned
// error".
QString metadataDetails(const QJsonObject &error)
{
    const QJsonObject metadata = error.value(QLatin1String("metadata")).toObject();
    QStringList details;
    const QJsonValue raw = metadata.value(QLatin1String("raw"));
    if (raw.isString()) {
        const QString inner = ErrorMessage::fromBody(raw.toString().toUtf8(), QString());
        const QString provider = stringField(metadata, "provider_name");
        if (!inner.isEmpty())
            details << (provider.isEmpty() ? inner : provider + QStringLiteral(": ") + inner);
    }
    QStringList reasons;
    for (const QJsonValue &reason : metadata.value(QLatin1String("reasons")).toArray()) {
        if (reason.isString())
            reasons << reason.toString();
    }
    if (!reasons.isEmpty())
        details << ErrorMessage::tr("reasons: %1").arg(reasons.join(QStringLiteral(", ")));
    return details.join(QStringLiteral("; "));
}

QString fromErrorObject(const QJsonObject &error)
{
    QString message = stringField(error, "message");
    if (message.isEmpty())
        message = stringField(error, "code");
    if (message.isEmpty())
        message = stringField(error, "type");
    const QString details = metadataDetails(error);
    if (!details.isEmpty() && !message.contains(details))
        message = message.isEmpty() ? details : message + QStringLiteral(" (") + details + ')';
    return message;
}

QString fromJsonObject(const QJsonObject &object)
{
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject())
        return fromErrorObject(error.toObject());

    QString described = stringField(object, "description");
    if (described.isEmpty())
        described = stringField(object, "message");
    if (described.isEmpty())
        described = stringField(object, "error_description");
    if (described.isEmpty()) {
        const QJsonValue detail = object.value(QLatin1String("detail"));
        if (detail.isString())
            described = detail.toString().trimmed();
        else if (detail.isArray()) // FastAPI validation errors: [{"loc":…,"msg":…}]
            described = stringField(detail.toArray().first().toObject(), "msg");
    }

    if (error.isString()) {
        const QString code = error.toString().trimmed();
        // AI Stats has two shapes: the older puts the human sentence in "error" (with a "reason"
        // code beside it), the newer puts a code such as validation_error there and the sentence
        // in "description". A value with spaces is the sentence.
        if (code.contains(QLatin1Char(' ')) || described.isEmpty()) {
            return code;
        }
        return described;
    }
    return described;
}

} // namespace

QString ErrorMessage::fromBody(const QByteArray &body, const QString &contentType)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};

    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
        if (parseError.error == QJsonParseError::NoError) {
            QJsonObject object = document.object();
            if (document.isArray()) // some gateways wrap the error object in a list
                object = document.array().first().toObject();
            QString message = fromJsonObject(object).simplified();
            if (message.isEmpty()) {
                message = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
                if (object.isEmpty())
                    return {};
                return elide(message, maxPlainLength);
            }
            return elide(message, maxJsonMessageLength);
        }
    }

    const QString text = QString::fromUtf8(trimmed);
    if (!isReadableText(text))
        return {}; // binary: nothing in it a designer could read
    if (contentType.contains(QLatin1String("html"), Qt::CaseInsensitive) || looksLikeHtml(trimmed))
        return elide(stripHtml(text), maxPlainLength);
    return elide(text.simplified(), maxPlainLength);
}

QString ErrorMessage::forHttpStatus(int status, const QString &provider,
                                    const QString &gatewayMessage,
                                    std::optional<int> retryAfterSeconds, const QString &keyPlace)
{
    const QString code = QString::number(status);
    // Appends the gateway's words after a sentence that already ends with a full stop.
    const auto withSaid = [&](const QString &sentence) -> QString {
        if (gatewayMessage.isEmpty())
            return sentence;
        return sentence + QLatin1Char(' ') + tr("The gateway said: %1").arg(gatewayMessage);
    };
    // Sentences that end with a colon take the gateway's words, or a fallback.
    const auto withColon = [&](const QString &head, const QString &fallback) -> QString {
        return head + QStringLiteral(": ") + (gatewayMessage.isEmpty() ? fallback : gatewayMessage);
    };

    switch (status) {
    case 400:
    case 422:
        return withColon(tr("%1 rejected the request (%2)").arg(provider, code),
                         tr("no reason given."));
    case 401:
        return withSaid(keyPlace.isEmpty()
                            ? tr("%1 rejected the API key: check Settings.").arg(provider)
                            : tr("%1 rejected the API key: check %2.").arg(provider, keyPlace));
    case 402:
        return withColon(tr("%1 says the account is out of credits").arg(provider),
                         tr("add credits and try again."));
    case 403:
        return withColon(tr("%1 refused the request (403)").arg(provider),
                         tr("this is usually moderation, or the key may not use this model."));
    case 404:
        return withSaid(tr("%1 could not find the endpoint or the model (404): check the base URL "
                           "and the model name.")
                            .arg(provider));
    case 408:
        return withSaid(tr("%1 gave up waiting for the request (408); try again.").arg(provider));
    case 413:
        return withSaid(
            tr("The request was too large for %1 (413): attach fewer or smaller images.")
                .arg(provider));
    case 429: {
        const QString when = retryAfterSeconds ? tr("try again in %1 s.").arg(*retryAfterSeconds)
                                               : tr("try again in a moment.");
        return withSaid(tr("%1 is rate limiting requests; %2").arg(provider, when));
    }
    case 500:
    case 502:
    case 503:
    case 504: {
        const QString head = tr("%1 had a server error (%2)").arg(provider, code);
        if (!retryAfterSeconds)
            return withColon(head, tr("try again in a moment."));
        const int seconds = *retryAfterSeconds;
        if (gatewayMessage.isEmpty())
            return head + QStringLiteral(": ") + tr("try again in %1 s.").arg(seconds);
        // The server said when it takes requests again (Retry-After): its words must not hide it.
        const bool ended = gatewayMessage.endsWith(QLatin1Char('.'))
            || gatewayMessage.endsWith(QLatin1Char('!')) || gatewayMessage.endsWith(QChar(0x2026));
        return head + QStringLiteral(": ") + gatewayMessage
            + (ended ? QStringLiteral(" ") : QStringLiteral(". "))
            + tr("Try again in %1 s.").arg(seconds);
    }
    default:
        break;
    }
    if (status >= 300 && status < 400) {
        return withSaid(tr("%1 redirected the request (%2); Easel does not follow redirects for "
                           "API calls, so check the base URL.")
                            .arg(provider, code));
    }
    if (status >= 400 && status < 500) {
        return withColon(tr("%1 rejected the request (%2)").arg(provider, code),
                         tr("no reason given."));
    }
    return withColon(tr("%1 answered with an unexpected HTTP status (%2)").arg(provider, code),
                     tr("no details given."));
}

std::optional<int> ErrorMessage::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(qMin<qint64>(seconds, 86400)));

    const QString text = QString::fromLatin1(trimmed);
    QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid()) {
        // IMF-fixdate ends in "GMT", which not every Qt version accepts as an RFC 2822 zone.
        QString withoutZone = text;
        withoutZone.remove(QRegularExpression(QStringLiteral("\\s+(GMT|UTC)$")));
        date = QLocale::c().toDateTime(withoutZone, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        date.setTimeZone(QTimeZone::utc());
    }
    if (!date.isValid())
        return std::nullopt;
    const qint64 millis = now.msecsTo(date);
    if (millis <= 0)
        return 0;
    return int(qMin<qint64>((millis + 999) / 1000, 86400));
}

QString ErrorMessage::formatDuration(int milliseconds)
{
    if (milliseconds < 10000 && milliseconds % 1000 != 0)
        return QString::number(milliseconds / 1000.0, 'f', 1) + QStringLiteral(" s");
    if (milliseconds >= 120000 && milliseconds % 60000 == 0)
        return QString::number(milliseconds / 60000) + QStringLiteral(" min");
    return QString::number((milliseconds + 500) / 1000) + QStringLiteral(" s");
}

QString ErrorMessage::withoutSecret(const QString &text, const QString &secret)
{
    if (secret.size() < minSecretLength || !text.contains(secret))
        return text;
    const QString mask = QStringLiteral("\u2022\u2022\u2022") + secret.right(4);
    QString out = text;
    return out.replace(secret, mask);
}

QByteArray ErrorMessage::withoutSecret(const QByteArray &bytes, const QByteArray &secret)
{
    if (secret.size() < minSecretLength || !bytes.contains(secret))
        return bytes;
    QByteArray mask("\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"); // "•••" in UTF-8
    mask.append(secret.right(4));
    QByteArray out = bytes;
    return out.replace(secret, mask);
}
