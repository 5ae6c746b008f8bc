#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <optional>

// Turns what a gateway sent back with an HTTP error into one plain sentence for the designer.
// Kept apart from GatewayJob so that every body shape and status code can be tested without a
// network: gateways disagree on the shape of their error bodies (OpenAI and OpenRouter nest an
// object under "error", AI Stats puts a string there, proxies answer with HTML pages).
class ErrorMessage
{
    Q_DECLARE_TR_FUNCTIONS(ErrorMessage)

public:
    // The gateway's own message, whatever the body's shape: JSON {"error":{"message":…}},
    // {"error":"…","description":…}, {"error":"<message>","reason":…}, {"message":…}, {"detail":…},
    // plain text or an HTML page (tags stripped). Trimmed to a few hundred characters; empty when
    // the body says nothing useful.
    static QString fromBody(const QByteArray &body, const QString &contentType);

    // The sentence for an HTTP error status. `gatewayMessage` is appended when it adds something.
    // `keyPlace` names where the key is changed, for a 401 ("OPENAI_API_KEY"); "" says Settings.
    static QString forHttpStatus(int status, const QString &provider, const QString &gatewayMessage,
                                 std::optional<int> retryAfterSeconds = std::nullopt,
                                 const QString &keyPlace = {});

    // Retry-After is either a number of seconds or an HTTP date (RFC 9110 section 10.2.3).
    static std::optional<int> parseRetryAfter(const QByteArray &value,
                                              const QDateTime &now
                                              = QDateTime::currentDateTimeUtc());

    // "300 s", "0.3 s", "2 min": how long something took, for messages.
    static QString formatDuration(int milliseconds);

    // `text` with every copy of `secret` (the API key, which gateways echo back in "Incorrect API
    // key provided: …") replaced by "•••" and its last four characters, as OpenAI masks keys.
    // Applied to error bodies before they are parsed, so that eliding a long message cannot cut
    // a key in two and keep half of it. A secret shorter than minSecretLength is left alone: so
    // short a value (the demo's "demo") would mask ordinary words and protects nothing.
    static QString withoutSecret(const QString &text, const QString &secret);
    static QByteArray withoutSecret(const QByteArray &bytes, const QByteArray &secret);
    static constexpr int minSecretLength = 8;

    static constexpr int maxPlainLength = 300;
    static constexpr int maxJsonMessageLength = 1000;
};
