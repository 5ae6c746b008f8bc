#include "decoderjson.h"

#include "base64.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>

namespace {

// The gateway's words as a sentence: a full stop unless they end in punctuation already.
QString asSentence(const QString &said)
{
    const QChar last = said.isEmpty() ? QChar() : said.back();
    const bool ended = last == QLatin1Char('.') || last == QLatin1Char('!')
        || last == QLatin1Char('?') || last == QLatin1Char(')');
    return ended ? said : said + QLatin1Char('.');
}

} // namespace

QString DecoderJson::text(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).toString();
}

QString DecoderJson::firstText(const QJsonObject &object, std::initializer_list<QLatin1String> keys)
{
    for (QLatin1String key : keys) {
        const QString value = object.value(key).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString DecoderJson::code(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

qint64 DecoderJson::tokens(const QJsonObject &object, QLatin1String key, QLatin1String fallbackKey)
{
    QJsonValue value = object.value(key);
    if (value.isUndefined() && !fallbackKey.isEmpty())
        value = object.value(fallbackKey);
    // A negative count is no count; kept, it would make cost estimation subtract past the
    // range of qint64 (cached tokens are taken from the input tokens).
    return std::max<qint64>(0, value.toInteger());
}

QJsonObject DecoderJson::child(const QJsonObject &object, QLatin1String key,
                               QLatin1String fallbackKey)
{
    QJsonValue value = object.value(key);
    if (!value.isObject() && !fallbackKey.isEmpty())
        value = object.value(fallbackKey);
    return value.toObject();
}

StreamEvent DecoderJson::event(StreamEvent::Kind kind, const QString &itemId)
{
    StreamEvent e;
    e.kind = kind;
    e.itemId = itemId;
    return e;
}

ImageReport DecoderJson::reportedSettings(const QJsonObject &object)
{
    ImageReport report;
    report.size = text(object, QLatin1String("size"));
    report.quality = text(object, QLatin1String("quality"));
    report.background = text(object, QLatin1String("background"));
    report.outputFormat = text(object, QLatin1String("output_format"));
    return report;
}

bool DecoderJson::parseObject(const QByteArray &json, QJsonObject *object, QString *problem)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = QCoreApplication::translate("DecoderJson", "%1 at byte %2")
                       .arg(parseError.errorString(), QString::number(parseError.offset));
        return false;
    }
    if (!document.isObject()) {
        *problem = QCoreApplication::translate("DecoderJson", "not a JSON object");
        return false;
    }
    *object = document.object();
    return true;
}

bool DecoderJson::isHttpUrl(const QString &value)
{
    return value.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
        || value.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

bool DecoderJson::decodeBase64(const QString &base64, QByteArray *bytes)
{
    if (base64.isEmpty())
        return false;
    return Base64::decode(base64, bytes) && !bytes->isEmpty();
}

QString DecoderJson::stripDataUrl(const QString &value)
{
    if (!value.startsWith(QLatin1String("data:")))
        return value;
    const qsizetype comma = value.indexOf(QLatin1Char(','));
    return comma < 0 ? QString() : value.mid(comma + 1);
}

QString DecoderJson::failureSentence(const QString &errorCode, const QString &errorType,
                                     const QString &message)
{
    bool numeric = false;
    const int status = errorCode.toInt(&numeric);
    const bool serverSide = errorCode == QLatin1String("server_error")
        || errorCode == QLatin1String("provider_error") || (numeric && status >= 500)
        || errorType == QLatin1String("server_error") || errorType == QLatin1String("api_error")
        || errorType == QLatin1String("provider_error");
    const QString said = message.trimmed();
    // Whole sentences, so that a translation can order them as its language wants.
    if (said.isEmpty() && errorCode.isEmpty()) {
        return serverSide
            ? QCoreApplication::translate(
                "DecoderJson", "The gateway failed while answering without giving a reason.")
            : QCoreApplication::translate("DecoderJson",
                                          "The gateway refused the request without giving a "
                                          "reason.");
    }
    if (said.isEmpty()) {
        return (serverSide ? QCoreApplication::translate("DecoderJson",
                                                         "The gateway failed while answering (%1).")
                           : QCoreApplication::translate("DecoderJson",
                                                         "The gateway refused the request (%1)."))
            .arg(errorCode);
    }
    if (errorCode.isEmpty()) {
        return (serverSide ? QCoreApplication::translate("DecoderJson",
                                                         "The gateway failed while answering: %1")
                           : QCoreApplication::translate("DecoderJson",
                                                         "The gateway refused the request: %1"))
            .arg(asSentence(said));
    }
    return (serverSide ? QCoreApplication::translate("DecoderJson",
                                                     "The gateway failed while answering: %1 (%2)")
                       : QCoreApplication::translate("DecoderJson",
                                                     "The gateway refused the request: %1 (%2)"))
        .arg(said, errorCode);
}

bool DecoderJson::gatewayError(const QJsonObject &object, QString *errorCode, QString *sentence)
{
    const QJsonValue error = object.value(QLatin1String("error"));
    QString codeText;
    QString type;
    QString message;
    QStringList reasons;
    if (error.isObject()) {
        const QJsonObject nested = error.toObject();
        codeText = code(nested.value(QLatin1String("code")));
        type = text(nested, QLatin1String("type"));
        message = text(nested, QLatin1String("message"));
        const QJsonObject metadata = nested.value(QLatin1String("metadata")).toObject();
        if (type.isEmpty())
            type = text(metadata, QLatin1String("error_type"));
        // OpenRouter's 403 (moderation) lists why the input was flagged.
        for (const QJsonValue &reason : metadata.value(QLatin1String("reasons")).toArray()) {
            if (!reason.toString().isEmpty())
                reasons.append(reason.toString());
        }
    } else if (error.isString()) {
        const QString said = error.toString();
        const QString description = text(object, QLatin1String("description"));
        const QString reason = text(object, QLatin1String("reason"));
        type = text(object, QLatin1String("error_type"));
        if (!description.isEmpty()) { // AI Stats: "error" is the code, "description" the words
            codeText = said;
            message = description;
        } else if (!reason.isEmpty()) { // AI Stats, older: "error" is the words
            codeText = reason;
            message = said;
        } else if (!said.contains(QLatin1Char(' '))) {
            codeText = said;
        } else {
            message = said;
        }
    } else {
        return false;
    }
    if (codeText.isEmpty())
        codeText = type;
    if (codeText.isEmpty())
        codeText = code(object.value(QLatin1String("status_code")));
    *errorCode = codeText;
    *sentence = failureSentence(codeText, type, message);
    if (!reasons.isEmpty()) {
        if (!sentence->endsWith(QLatin1Char('.')))
            sentence->append(QLatin1Char('.'));
        *sentence += QLatin1Char(' ')
            + QCoreApplication::translate("DecoderJson", "Reasons: %1.")
                  .arg(reasons.join(QStringLiteral(", ")));
    }
    return true;
}

Usage DecoderJson::usage(const QJsonObject &u)
{
    Usage usage;
    // Responses names first; Chat Completions names as a fallback (relaying gateways mix them).
    usage.inputTokens = tokens(u, QLatin1String("input_tokens"), QLatin1String("prompt_tokens"));
    usage.outputTokens
        = tokens(u, QLatin1String("output_tokens"), QLatin1String("completion_tokens"));
    usage.cachedInputTokens = tokens(
        child(u, QLatin1String("input_tokens_details"), QLatin1String("prompt_tokens_details")),
        QLatin1String("cached_tokens"));
    usage.reasoningTokens = tokens(child(u, QLatin1String("output_tokens_details"),
                                         QLatin1String("completion_tokens_details")),
                                   QLatin1String("reasoning_tokens"));
    const QJsonValue cost = u.value(QLatin1String("cost"));
    bool numeric = cost.isDouble();
    const double costValue = numeric ? cost.toDouble() : cost.toString().toDouble(&numeric);
    if (numeric)
        usage.billedCostUsd = costValue;
    // AI Stats names it server_tool_use, OpenRouter's spec server_tool_use_details; both may come
    // for the same calls, so the larger count is the count, not their sum.
    const QLatin1String requests("image_generation_requests");
    usage.imageGenerationRequests
        = std::max(tokens(child(u, QLatin1String("server_tool_use")), requests),
                   tokens(child(u, QLatin1String("server_tool_use_details")), requests));
    return usage;
}

QJsonObject DecoderJson::toolResult(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject();
    return value.isString() ? toolResultInText(value.toString()) : QJsonObject();
}

QJsonObject DecoderJson::toolResultInText(const QString &text)
{
    // Looked at before anything is copied: this is mostly a base64 image, not JSON.
    const auto first
        = std::find_if(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace(); });
    if (first == text.cend() || *first != QLatin1Char('{'))
        return {};
    QJsonObject object;
    QString problem;
    parseObject(text.toUtf8(), &object, &problem);
    return object;
}

bool DecoderJson::toolResultError(const QJsonValue &value, QString *reason)
{
    return toolResultError(toolResult(value), reason);
}

bool DecoderJson::toolResultError(const QJsonObject &result, QString *reason)
{
    if (text(result, QLatin1String("status")) != QLatin1String("error"))
        return false;
    const QJsonValue error = result.value(QLatin1String("error"));
    *reason = text(result, QLatin1String("message"));
    if (reason->isEmpty())
        *reason = error.isObject() ? text(error.toObject(), QLatin1String("message"))
                                   : error.toString();
    return true;
}

QString DecoderJson::toolFailureSentence(const QString &reason)
{
    const QString said = reason.trimmed();
    if (said.isEmpty())
        return QCoreApplication::translate(
            "DecoderJson", "The gateway's image tool failed without giving a reason.");
    return QCoreApplication::translate("DecoderJson", "The gateway's image tool failed: %1")
        .arg(asSentence(said));
}
