#include "responsesdecoder.h"

#include "base64.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

QString text(const QJsonObject &object, QLatin1String key)
{
    return object.value(key).toString();
}

// Gateways send error codes as strings (OpenAI) or numbers (OpenRouter).
QString code(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

qint64 tokens(const QJsonObject &object, QLatin1String key, QLatin1String fallbackKey = {})
{
    QJsonValue value = object.value(key);
    if (value.isUndefined() && !fallbackKey.isEmpty())
        value = object.value(fallbackKey);
    return value.toInteger();
}

QJsonObject child(const QJsonObject &object, QLatin1String key, QLatin1String fallbackKey = {})
{
    QJsonValue value = object.value(key);
    if (!value.isObject() && !fallbackKey.isEmpty())
        value = object.value(fallbackKey);
    return value.toObject();
}

bool isImageItem(const QString &type)
{
    return type == QLatin1String("image_generation_call")
        || type.endsWith(QLatin1String(":image_generation"));
}

bool isUrl(const QString &value)
{
    return value.startsWith(QLatin1String("https://"))
        || value.startsWith(QLatin1String("http://"));
}

// Decodes standard base64 strictly: a payload shortened or damaged on the way (the recorded
// fixtures contain "..." inside the data) must be reported, not turned into a broken file.
bool decodeBase64(const QString &base64, QByteArray *bytes)
{
    if (base64.isEmpty())
        return false;
    return Base64::decode(base64, bytes) && !bytes->isEmpty();
}

// A `data:image/png;base64,` prefix is dropped; the MIME type is sniffed downstream anyway.
QString stripDataUrl(const QString &value)
{
    if (!value.startsWith(QLatin1String("data:")))
        return value;
    const qsizetype comma = value.indexOf(QLatin1Char(','));
    return comma < 0 ? QString() : value.mid(comma + 1);
}

ImageReport partialReport(const QJsonObject &object)
{
    ImageReport report;
    report.size = text(object, QLatin1String("size"));
    report.quality = text(object, QLatin1String("quality"));
    report.background = text(object, QLatin1String("background"));
    report.outputFormat = text(object, QLatin1String("output_format"));
    return report;
}

ImageReport finalReport(const QJsonObject &item)
{
    ImageReport report = partialReport(item);
    report.action = text(item, QLatin1String("action"));
    report.revisedPrompt = text(item, QLatin1String("revised_prompt"));
    if (report.revisedPrompt.isEmpty())
        report.revisedPrompt = text(item, QLatin1String("revisedPrompt"));
    return report;
}

StreamEvent event(StreamEvent::Kind kind, const QString &itemId = {})
{
    StreamEvent e;
    e.kind = kind;
    e.itemId = itemId;
    return e;
}

// The gateway's own words, framed so a designer knows who said it.
QString failureSentence(const QString &errorCode, const QString &errorType, const QString &message)
{
    const bool serverSide = errorCode == QLatin1String("server_error")
        || errorType == QLatin1String("server_error") || errorType == QLatin1String("api_error");
    const QString lead = serverSide ? QStringLiteral("The gateway failed while answering")
                                    : QStringLiteral("The gateway refused the request");
    if (message.isEmpty() && errorCode.isEmpty())
        return lead + QStringLiteral(" without giving a reason.");
    if (message.isEmpty())
        return lead + QStringLiteral(" (") + errorCode + QStringLiteral(").");
    if (errorCode.isEmpty())
        return lead + QStringLiteral(": ") + message;
    return lead + QStringLiteral(": ") + message + QStringLiteral(" (") + errorCode
        + QStringLiteral(")");
}

} // namespace

StreamEvents ResponsesDecoder::decode(const SseEvent &sse)
{
    StreamEvents out;
    // The Responses stream has no [DONE] marker, but a gateway relaying it may add one.
    if (sse.data.isEmpty() || sse.isDoneMarker())
        return out;

    const QString eventName = QString::fromUtf8(sse.event);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(sse.data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString where = eventName.isEmpty()
            ? QStringLiteral("an event")
            : QStringLiteral("a ") + eventName + QStringLiteral(" event");
        const QString what = parseError.error != QJsonParseError::NoError
            ? parseError.errorString() + QStringLiteral(" at byte ")
                + QString::number(parseError.offset)
            : QStringLiteral("not a JSON object");
        out.append(StreamEvent::error(QStringLiteral("malformed_event"),
                                      QStringLiteral("The gateway sent a malformed event (") + what
                                          + QStringLiteral(" in ") + where
                                          + QStringLiteral(")."))); // one error per bad event
        return out;
    }

    const QJsonObject object = document.object();
    QString type = text(object, QLatin1String("type"));
    if (type.isEmpty())
        type = eventName;
    decodeObject(object, type, out);
    return out;
}

StreamEvents ResponsesDecoder::decodeResponseBody(const QByteArray &json)
{
    StreamEvents out;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString what = parseError.error != QJsonParseError::NoError
            ? parseError.errorString() + QStringLiteral(" at byte ")
                + QString::number(parseError.offset)
            : QStringLiteral("not a JSON object");
        out.append(StreamEvent::error(QStringLiteral("malformed_response"),
                                      QStringLiteral("The gateway sent a malformed response (")
                                          + what + QStringLiteral(").")));
        return out;
    }

    const QJsonObject response = document.object();
    // An HTTP error body: {"error":{"message","type","code"}}, with no response around it.
    if (response.value(QLatin1String("error")).isObject()
        && !response.contains(QLatin1String("output"))) {
        errorEvent(response, out);
        return out;
    }

    started(response, out);
    const QString status = text(response, QLatin1String("status"));
    if (status == QLatin1String("failed")) {
        failed(response, out);
    } else if (status == QLatin1String("incomplete")) {
        incomplete(response, out);
    } else if (status == QLatin1String("in_progress") || status == QLatin1String("queued")) {
        outputItems(response, out);
        m_finished = true;
        terminalFailure(QStringLiteral("not_finished"),
                        QStringLiteral("The gateway answered before the response was finished "
                                       "(status ")
                            + status + QStringLiteral(")."),
                        out);
    } else {
        completed(response, out);
    }
    return out;
}

StreamEvents ResponsesDecoder::finish()
{
    StreamEvents out;
    if (m_finished)
        return out;
    m_finished = true;
    out.append(StreamEvent::error(
        QStringLiteral("stream_truncated"),
        QStringLiteral("The response stopped before it was complete: the connection closed "
                       "before the gateway said it was finished.")));
    return out;
}

void ResponsesDecoder::decodeObject(const QJsonObject &object, const QString &type,
                                    StreamEvents &out)
{
    const QJsonObject response = object.value(QLatin1String("response")).toObject();
    if (type == QLatin1String("response.output_text.delta")
        || type == QLatin1String("response.refusal.delta")) {
        textDelta(object, out);
    } else if (type == QLatin1String("response.image_generation_call.partial_image")) {
        partialImage(object, out);
    } else if (type == QLatin1String("response.output_item.added")) {
        itemAdded(object.value(QLatin1String("item")).toObject(), out);
    } else if (type == QLatin1String("response.output_item.done")) {
        itemDone(object.value(QLatin1String("item")).toObject(),
                 object.value(QLatin1String("output_index")).toInt(-1), out);
    } else if (type == QLatin1String("response.created")
               || type == QLatin1String("response.in_progress")
               || type == QLatin1String("response.queued")) {
        started(response, out);
    } else if (type == QLatin1String("response.completed")) {
        completed(response, out);
    } else if (type == QLatin1String("response.failed")) {
        failed(response, out);
    } else if (type == QLatin1String("response.incomplete")) {
        incomplete(response, out);
    } else if (type == QLatin1String("error")) {
        errorEvent(object, out);
    }
    // Everything else (reasoning summaries, content_part.*, in_progress/generating/completed
    // markers of the image call, web search...) carries nothing Easel shows.
}

void ResponsesDecoder::started(const QJsonObject &response, StreamEvents &out)
{
    const QString id = text(response, QLatin1String("id"));
    if (!id.isEmpty())
        m_responseId = id;
    if (m_started)
        return;
    m_started = true;
    StreamEvent e = event(StreamEvent::Kind::Started);
    e.responseId = m_responseId;
    e.model = text(response, QLatin1String("model"));
    out.append(e);
}

void ResponsesDecoder::itemAdded(const QJsonObject &item, StreamEvents &out)
{
    if (!isImageItem(text(item, QLatin1String("type"))))
        return;
    const QString id = text(item, QLatin1String("id"));
    if (id.isEmpty() || m_pendingItems.contains(id) || m_deliveredItems.contains(id))
        return;
    m_pendingItems.insert(id);
    out.append(event(StreamEvent::Kind::ImagePending, id));
}

void ResponsesDecoder::itemDone(const QJsonObject &item, int outputIndex, StreamEvents &out)
{
    QString key = text(item, QLatin1String("id"));
    if (key.isEmpty())
        key = QStringLiteral("#") + QString::number(outputIndex);
    if (m_deliveredItems.contains(key))
        return; // response.completed repeats what output_item.done already delivered

    const QString type = text(item, QLatin1String("type"));
    if (isImageItem(type))
        imageItemDone(item, key, out);
    else if (type == QLatin1String("message"))
        messageItemDone(item, key, out);
}

void ResponsesDecoder::imageItemDone(const QJsonObject &item, const QString &key, StreamEvents &out)
{
    // OpenAI puts base64 in `result`; OpenRouter-style gateway items use camelCase `imageB64` and
    // `imageUrl`, and their `result` may be a URL. The item's `status` is not trusted: Azure sends
    // the finished image in an item still marked "generating".
    QString base64 = text(item, QLatin1String("imageB64"));
    QString url = text(item, QLatin1String("imageUrl"));
    const QString result = text(item, QLatin1String("result"));
    if (isUrl(result)) {
        if (url.isEmpty())
            url = result;
    } else if (base64.isEmpty()) {
        base64 = stripDataUrl(result);
    }

    StreamEvent image = event(StreamEvent::Kind::ImageFinal, key);
    image.report = finalReport(item);

    if (!base64.isEmpty()) {
        m_deliveredItems.insert(key);
        if (decodeBase64(base64, &image.imageBytes)) {
            out.append(image);
        } else if (!url.isEmpty()) {
            image.imageUrl = url;
            out.append(image);
        } else {
            StreamEvent error = StreamEvent::error(
                QStringLiteral("invalid_image_data"),
                QStringLiteral("The generated image %1 arrived damaged: its base64 data is not "
                               "valid, so it cannot be shown.")
                    .arg(key));
            error.itemId = key;
            out.append(error);
        }
        return;
    }
    if (!url.isEmpty()) {
        m_deliveredItems.insert(key);
        image.imageUrl = url;
        out.append(image);
        return;
    }
    if (text(item, QLatin1String("status")) == QLatin1String("failed")) {
        m_deliveredItems.insert(key);
        QString reason = text(item, QLatin1String("error"));
        if (reason.isEmpty())
            reason = text(item.value(QLatin1String("error")).toObject(), QLatin1String("message"));
        StreamEvent error = StreamEvent::error(
            QStringLiteral("image_generation_failed"),
            reason.isEmpty()
                ? QStringLiteral("The image %1 could not be generated.").arg(key)
                : QStringLiteral("The image %1 could not be generated: %2").arg(key, reason));
        error.itemId = key;
        out.append(error);
    }
    // No image and no failure: a later event (response.completed) may still carry it.
}

void ResponsesDecoder::messageItemDone(const QJsonObject &item, const QString &key,
                                       StreamEvents &out)
{
    m_deliveredItems.insert(key);
    if (m_deltaItems.contains(key) || m_anonymousDeltaSeen)
        return; // its text already came as deltas

    QString fullText;
    const QJsonValue content = item.value(QLatin1String("content"));
    if (content.isString()) {
        fullText = content.toString();
    } else {
        const QJsonArray parts = content.toArray();
        for (const QJsonValue &partValue : parts) {
            const QJsonObject part = partValue.toObject();
            const QString partType = text(part, QLatin1String("type"));
            if (partType == QLatin1String("output_text"))
                fullText += text(part, QLatin1String("text"));
            else if (partType == QLatin1String("refusal"))
                fullText += text(part, QLatin1String("refusal"));
        }
    }
    if (fullText.isEmpty())
        return;
    StreamEvent delta = event(StreamEvent::Kind::TextDelta, key);
    delta.text = fullText;
    out.append(delta);
}

void ResponsesDecoder::partialImage(const QJsonObject &object, StreamEvents &out)
{
    QString key = text(object, QLatin1String("item_id"));
    if (key.isEmpty())
        key = QStringLiteral("#")
            + QString::number(object.value(QLatin1String("output_index")).toInt(-1));
    if (m_deliveredItems.contains(key))
        return; // a late preview must not replace the final image

    QString base64 = text(object, QLatin1String("partial_image_b64"));
    if (base64.isEmpty())
        base64 = text(object, QLatin1String("b64_json"));
    StreamEvent partial = event(StreamEvent::Kind::ImagePartial, key);
    // A preview that cannot be decoded is skipped rather than reported: the final image follows
    // and carries the verdict, so the turn is not failed for a preview alone.
    if (!decodeBase64(stripDataUrl(base64), &partial.imageBytes))
        return;
    partial.partialIndex = object.value(QLatin1String("partial_image_index")).toInt(0);
    partial.report = partialReport(object);
    out.append(partial);
}

void ResponsesDecoder::textDelta(const QJsonObject &object, StreamEvents &out)
{
    const QString delta = text(object, QLatin1String("delta"));
    if (delta.isEmpty())
        return;
    const QString itemId = text(object, QLatin1String("item_id"));
    if (itemId.isEmpty())
        m_anonymousDeltaSeen = true;
    else
        m_deltaItems.insert(itemId);
    StreamEvent e = event(StreamEvent::Kind::TextDelta, itemId);
    e.text = delta;
    out.append(e);
}

void ResponsesDecoder::outputItems(const QJsonObject &response, StreamEvents &out)
{
    const QJsonArray output = response.value(QLatin1String("output")).toArray();
    for (qsizetype i = 0; i < output.size(); ++i)
        itemDone(output.at(i).toObject(), int(i), out);
}

void ResponsesDecoder::usage(const QJsonObject &response, StreamEvents &out)
{
    const QJsonValue usageValue = response.value(QLatin1String("usage"));
    const QJsonObject imageGen
        = child(response.value(QLatin1String("tool_usage")).toObject(), QLatin1String("image_gen"));
    if (!usageValue.isObject() && imageGen.isEmpty())
        return;

    Usage u;
    const QJsonObject mainline = usageValue.toObject();
    // Responses names first; Chat Completions names as a fallback for relaying gateways.
    u.inputTokens = tokens(mainline, QLatin1String("input_tokens"), QLatin1String("prompt_tokens"));
    u.outputTokens
        = tokens(mainline, QLatin1String("output_tokens"), QLatin1String("completion_tokens"));
    u.cachedInputTokens = tokens(child(mainline, QLatin1String("input_tokens_details"),
                                       QLatin1String("prompt_tokens_details")),
                                 QLatin1String("cached_tokens"));
    u.reasoningTokens = tokens(child(mainline, QLatin1String("output_tokens_details"),
                                     QLatin1String("completion_tokens_details")),
                               QLatin1String("reasoning_tokens"));
    const QJsonValue cost = mainline.value(QLatin1String("cost"));
    if (cost.isDouble())
        u.billedCostUsd = cost.toDouble();

    // OpenAI reports the image tool's tokens outside `usage`; they are priced at image rates.
    if (!imageGen.isEmpty()) {
        u.hasImageTokens = true;
        const QJsonObject inputDetails = child(imageGen, QLatin1String("input_tokens_details"));
        if (inputDetails.isEmpty()) {
            u.imageInputTextTokens = tokens(imageGen, QLatin1String("input_tokens"));
        } else {
            u.imageInputTextTokens = tokens(inputDetails, QLatin1String("text_tokens"));
            u.imageInputImageTokens = tokens(inputDetails, QLatin1String("image_tokens"));
        }
        u.imageOutputTokens = tokens(imageGen, QLatin1String("output_tokens"));
    }

    StreamEvent e = event(StreamEvent::Kind::Usage);
    e.usage = u;
    out.append(e);
}

void ResponsesDecoder::completed(const QJsonObject &response, StreamEvents &out)
{
    if (m_finished && !m_failureReported)
        return; // a repeated completion
    started(response, out);
    outputItems(response, out);
    usage(response, out);
    m_finished = true;
    StreamEvent done = event(StreamEvent::Kind::Done);
    done.responseId = m_responseId;
    out.append(done);
}

void ResponsesDecoder::failed(const QJsonObject &response, StreamEvents &out)
{
    started(response, out);
    outputItems(response, out); // images made before the failure were billed: keep them
    usage(response, out);
    m_finished = true;
    const QJsonObject error = response.value(QLatin1String("error")).toObject();
    terminalFailure(code(error.value(QLatin1String("code"))),
                    failureSentence(code(error.value(QLatin1String("code"))),
                                    text(error, QLatin1String("type")),
                                    text(error, QLatin1String("message"))),
                    out);
}

void ResponsesDecoder::incomplete(const QJsonObject &response, StreamEvents &out)
{
    started(response, out);
    outputItems(response, out);
    usage(response, out);
    m_finished = true;
    const QString reason
        = text(child(response, QLatin1String("incomplete_details")), QLatin1String("reason"));
    QString sentence;
    if (reason == QLatin1String("max_output_tokens"))
        sentence = QStringLiteral("The response was cut short because it reached the maximum "
                                  "number of output tokens.");
    else if (reason == QLatin1String("content_filter"))
        sentence = QStringLiteral("The response was stopped by the gateway's content filter.");
    else if (!reason.isEmpty())
        sentence = QStringLiteral("The response ended before it was complete (%1).").arg(reason);
    else
        sentence = QStringLiteral("The response ended before it was complete, without a reason.");
    terminalFailure(reason.isEmpty() ? QStringLiteral("incomplete") : reason, sentence, out);
}

void ResponsesDecoder::errorEvent(const QJsonObject &object, StreamEvents &out)
{
    // The spec's flat {code, message} and the wire's nested {error: {type, code, message}}.
    const QJsonValue nested = object.value(QLatin1String("error"));
    const QJsonObject error = nested.isObject() ? nested.toObject() : object;
    QString errorCode = code(error.value(QLatin1String("code")));
    QString errorType = text(error, QLatin1String("type"));
    if (errorType == QLatin1String("error"))
        errorType.clear(); // the flat shape's "type" is the event type
    if (errorCode.isEmpty())
        errorCode = errorType;
    m_finished = true;
    terminalFailure(errorCode,
                    failureSentence(errorCode, errorType, text(error, QLatin1String("message"))),
                    out);
}

void ResponsesDecoder::terminalFailure(const QString &errorCode, const QString &message,
                                       StreamEvents &out)
{
    if (m_failureReported)
        return;
    m_failureReported = true;
    out.append(StreamEvent::error(errorCode, message));
}
