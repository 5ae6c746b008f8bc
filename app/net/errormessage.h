#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

// Turns what a gateway sent back with an HTTP error into one plain sentence for the designer.
// Kept apart from GatewayJob so that every body shape and status code can be tested without a
// network: gateways disagree on the shape of their error bodies (OpenAI and OpenRouter nest an
// object under "error", AI Stats puts a string there, proxies answer with HTML pages).
class ErrorMessage
{
public:
    // The gateway's own message, whatever the body's shape: JSON {"error":{"message":…}},
    // {"error":"…","description":…}, {"error":"<message>","reason":…}, {"message":…}, {"detail":…},
    // plain text or an HTML page (tags stripped). Trimmed to a few hundred characters; empty when
    // the body says nothing useful.
    static QString fromBody(const QByteArray &body, const QString &contentType);

    // The sentence for an HTTP error status. `gatewayMessage` is appended when it adds something.
    static QString forHttpStatus(int status, const QString &provider, const QString &gatewayMessage,
                                 std::optional<int> retryAfterSeconds = std::nullopt);

    // Retry-After is either a number of seconds or an HTTP date (RFC 9110 section 10.2.3).
    static std::optional<int> parseRetryAfter(const QByteArray &value,
                                              const QDateTime &now
                                              = QDateTime::currentDateTimeUtc());

    // "300 s", "0.3 s", "2 min": how long something took, for messages.
    static QString formatDuration(int milliseconds);

    static constexpr int maxPlainLength = 300;
    static constexpr int maxJsonMessageLength = 1000;
};
