#pragma once

#include "streamevent.h"

#include "model/imageasset.h"
#include "model/usage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>
#include <initializer_list>

// Internal to the gateway decoders: the JSON readings every flavour shares, kept in one place so
// that the Responses, Chat Completions and Images decoders read a field the same way.
namespace DecoderJson {

QString text(const QJsonObject &object, QLatin1String key);
// The first non-empty string among the keys (gateways disagree on camelCase and snake_case).
QString firstText(const QJsonObject &object, std::initializer_list<QLatin1String> keys);
// Gateways send error codes as strings (OpenAI) or numbers (OpenRouter).
QString code(const QJsonValue &value);
// A token count; a negative one reads as 0.
qint64 tokens(const QJsonObject &object, QLatin1String key, QLatin1String fallbackKey = {});
QJsonObject child(const QJsonObject &object, QLatin1String key, QLatin1String fallbackKey = {});

StreamEvent event(StreamEvent::Kind kind, const QString &itemId = {});
// The settings an image was made with, as gateways echo them: size, quality, background,
// output_format.
ImageReport reportedSettings(const QJsonObject &object);

// Parses a JSON object; on failure `problem` says why ("unterminated string at byte 12").
bool parseObject(const QByteArray &json, QJsonObject *object, QString *problem);

bool isHttpUrl(const QString &value);
// Strict base64: a payload shortened or damaged on the way (recorded fixtures contain "...")
// must be reported, not turned into a broken file.
bool decodeBase64(const QString &base64, QByteArray *bytes);
// Drops a `data:image/png;base64,` prefix; the MIME type is sniffed downstream anyway.
QString stripDataUrl(const QString &value);

// The gateway's own words, framed so a designer knows who said it: "The gateway refused the
// request: <message> (<code>)". Ends as a sentence whatever the gateway wrote.
QString failureSentence(const QString &errorCode, const QString &errorType, const QString &message);

// A gateway error object in any of the documented shapes, as one StreamEvent::error's parts:
// OpenAI/OpenRouter {"error":{"code","message","type","metadata"}} (OpenRouter's 403 lists
// moderation `metadata.reasons`), AI Stats {"error":"validation_error","error_type",
// "description","status_code"} and its older {"error":"<message>","reason":"<type>"}.
// `object` is the body or chunk holding "error"; returns false when it holds none.
bool gatewayError(const QJsonObject &object, QString *errorCode, QString *sentence);

// Token counts in either vocabulary (input/output or prompt/completion), cached and reasoning
// details, the gateway's `cost` (billed) and the server tool's image generation requests
// (`server_tool_use` or `server_tool_use_details`).
Usage usage(const QJsonObject &usageObject);

// A server tool's result as gateways feed it back ({"status":"error","error":…,"message":…}),
// given as an object or as a JSON text. Returns true with a plain reason when it reports an error.
bool toolResultError(const QJsonValue &value, QString *reason);
// "The gateway's image tool failed: <reason>." for such a result.
QString toolFailureSentence(const QString &reason);
// The same result as an object when `value` is one or is a JSON text of one; empty otherwise.
QJsonObject toolResult(const QJsonValue &value);
// The same for a string value the caller has converted already: an image item's `result` is
// usually the image's base64, megabytes that are worth converting only once.
QJsonObject toolResultInText(const QString &text);
// toolResultError() of a result already read.
bool toolResultError(const QJsonObject &result, QString *reason);

} // namespace DecoderJson
