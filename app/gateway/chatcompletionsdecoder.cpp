#include "chatcompletionsdecoder.h"

#include "decoderjson.h"

#include <QJsonArray>

using namespace DecoderJson;

namespace {

// The one choice Easel asks for (n is never sent, so it is index 0).
QJsonObject firstChoice(const QJsonObject &object)
{
    const QJsonArray choices = object.value(QLatin1String("choices")).toArray();
    for (const QJsonValue &choice : choices) {
        if (choice.toObject().value(QLatin1String("index")).toInt(0) == 0)
            return choice.toObject();
    }
    return {};
}

// `images[]` entries are {"type":"image_url","image_url":{"url":…}} (C.2); compatible endpoints
// also write "image_url" as a plain string, a bare "url", or OpenAI's "b64_json".
QString imageSource(const QJsonObject &entry)
{
    const QJsonValue imageUrl = entry.value(QLatin1String("image_url"));
    QString source = imageUrl.isObject() ? text(imageUrl.toObject(), QLatin1String("url"))
                                         : imageUrl.toString();
    if (source.isEmpty())
        source = firstText(entry, { QLatin1String("url"), QLatin1String("imageUrl") });
    if (source.isEmpty())
        source = firstText(entry, { QLatin1String("b64_json"), QLatin1String("imageB64") });
    return source;
}

} // namespace

StreamEvents ChatCompletionsDecoder::decode(const SseEvent &sse)
{
    StreamEvents out;
    if (sse.data.isEmpty() || m_doneMarkerSeen)
        return out;
    if (sse.isDoneMarker()) {
        m_doneMarkerSeen = true;
        done(out);
        return out;
    }
    QJsonObject object;
    QString problem;
    if (!parseObject(sse.data, &object, &problem)) {
        out.append(StreamEvent::error(QStringLiteral("malformed_event"),
                                      tr("The gateway sent a malformed chunk (%1).").arg(problem)));
        return out;
    }
    chunk(object, out);
    return out;
}

StreamEvents ChatCompletionsDecoder::decodeResponseBody(const QByteArray &json)
{
    StreamEvents out;
    QJsonObject object;
    QString problem;
    if (!parseObject(json, &object, &problem)) {
        m_finished = true;
        out.append(
            StreamEvent::error(QStringLiteral("malformed_response"),
                               tr("The gateway sent a malformed response (%1).").arg(problem)));
        return out;
    }
    const bool hasError
        = object.contains(QLatin1String("error")) && !object.value(QLatin1String("error")).isNull();
    if (!hasError && !object.value(QLatin1String("choices")).isArray()) {
        failure(QStringLiteral("malformed_response"),
                tr("The gateway's answer holds no message (it has no choices)."), out);
        return out;
    }
    chunk(object, out);
    m_doneMarkerSeen = true;
    done(out);
    return out;
}

StreamEvents ChatCompletionsDecoder::finish()
{
    StreamEvents out;
    if (m_finished)
        return out;
    if (m_finishReasonSeen) {
        // The message was finished; only the closing [DONE] is missing.
        done(out);
        return out;
    }
    failure(QStringLiteral("stream_truncated"),
            tr("The response stopped before it was complete: the connection closed "
               "before the gateway said it was finished."),
            out);
    return out;
}

void ChatCompletionsDecoder::chunk(const QJsonObject &object, StreamEvents &out)
{
    if (object.contains(QLatin1String("id")) || object.contains(QLatin1String("choices")))
        started(object, out);

    // A mid-stream error arrives on HTTP 200 as a chunk with "error" and finish_reason "error"
    // (C.4); a non-streaming error body has the same key.
    QString errorCode;
    QString sentence;
    if (gatewayError(object, &errorCode, &sentence))
        failure(errorCode, sentence, out);

    const QJsonObject choice = firstChoice(object);
    const QJsonValue delta = choice.value(QLatin1String("delta"));
    message(delta.isObject() ? delta.toObject() : choice.value(QLatin1String("message")).toObject(),
            out);
    const QString reason = text(choice, QLatin1String("finish_reason"));
    if (!reason.isEmpty())
        finishReason(reason, out);

    const QJsonValue usageValue = object.value(QLatin1String("usage"));
    if (usageValue.isObject()) {
        StreamEvent e = event(StreamEvent::Kind::Usage);
        e.usage = usage(usageValue.toObject());
        out.append(e);
    }
}

void ChatCompletionsDecoder::started(const QJsonObject &object, StreamEvents &out)
{
    if (m_started)
        return;
    m_started = true;
    m_responseId = text(object, QLatin1String("id"));
    StreamEvent e = event(StreamEvent::Kind::Started);
    e.responseId = m_responseId;
    e.model = text(object, QLatin1String("model"));
    out.append(e);
}

void ChatCompletionsDecoder::message(const QJsonObject &message, StreamEvents &out)
{
    if (message.isEmpty())
        return;
    if (text(message, QLatin1String("role")) == QLatin1String("tool")) {
        toolMessage(message, out);
        return;
    }
    content(message.value(QLatin1String("content")), out);
    appendText(text(message, QLatin1String("refusal")), out);
    for (const QJsonValue &entry : message.value(QLatin1String("images")).toArray())
        image(imageSource(entry.toObject()), out);
}

void ChatCompletionsDecoder::content(const QJsonValue &content, StreamEvents &out)
{
    if (content.isString()) {
        appendText(content.toString(), out);
        return;
    }
    // Some compatible endpoints answer with content parts, images among them.
    for (const QJsonValue &partValue : content.toArray()) {
        const QJsonObject part = partValue.toObject();
        const QString type = text(part, QLatin1String("type"));
        if (type == QLatin1String("text") || type == QLatin1String("output_text"))
            appendText(text(part, QLatin1String("text")), out);
        else if (type == QLatin1String("image_url"))
            image(imageSource(part), out);
    }
}

void ChatCompletionsDecoder::appendText(const QString &text, StreamEvents &out)
{
    if (text.isEmpty())
        return;
    if (m_text.size() < StreamEvent::maxAnswerLength) // only what a turn keeps is searched
        m_text += QStringView(text).left(StreamEvent::maxAnswerLength - m_text.size());
    StreamEvent e = event(StreamEvent::Kind::TextDelta);
    e.text = text;
    out.append(e);
}

void ChatCompletionsDecoder::image(const QString &source, StreamEvents &out)
{
    const QString itemId = QStringLiteral("chat-img-") + QString::number(m_nextImageId);
    StreamEvent image = event(StreamEvent::Kind::ImageFinal, itemId);
    if (isHttpUrl(source)) {
        if (!m_images.addUrl(source))
            return; // the same image again (a final chunk may repeat the stream's images)
        image.imageUrl = source;
    } else if (source.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)
               || (!source.isEmpty() && !source.contains(QLatin1Char(':')))) {
        if (!decodeBase64(stripDataUrl(source), &image.imageBytes)) {
            ++m_nextImageId;
            StreamEvent error = StreamEvent::error(
                QStringLiteral("invalid_image_data"),
                tr("The generated image %1 arrived damaged: its base64 data is not "
                   "valid, so it cannot be shown.")
                    .arg(m_nextImageId));
            error.itemId = itemId;
            out.append(error);
            return;
        }
        if (!m_images.addBytes(image.imageBytes))
            return;
    } else {
        if (source.isEmpty())
            return; // an entry without an image (a placeholder some relays send) is no image
        ++m_nextImageId;
        StreamEvent error = StreamEvent::error(
            QStringLiteral("invalid_image_url"),
            tr("The gateway sent image %1 as a link Easel does not open (%2): only "
               "https links and data URLs are shown.")
                .arg(m_nextImageId)
                .arg(source.section(QLatin1Char(':'), 0, 0)));
        error.itemId = itemId;
        out.append(error);
        return;
    }
    ++m_nextImageId;
    out.append(image);
}

void ChatCompletionsDecoder::toolMessage(const QJsonObject &message, StreamEvents &out)
{
    // A server tool's result relayed to the client (AI Stats' shape, D.1): an error ends the turn
    // with the tool's reason; a success may carry the image itself.
    const QJsonValue result = message.value(QLatin1String("content"));
    QString reason;
    if (toolResultError(result, &reason)) {
        failure(QStringLiteral("image_generation_failed"), toolFailureSentence(reason), out);
        return;
    }
    const QJsonObject object = toolResult(result);
    const QString source = firstText(object,
                                     { QLatin1String("imageUrl"), QLatin1String("image_url"),
                                       QLatin1String("url"), QLatin1String("b64_json") });
    if (!source.isEmpty())
        image(source, out);
}

void ChatCompletionsDecoder::finishReason(const QString &reason, StreamEvents &out)
{
    m_finishReasonSeen = true;
    // The text of a message cut short may end in half a URL: it is not read for links then.
    if (reason == QLatin1String("error")) {
        failure(QStringLiteral("stream_error"),
                tr("The gateway reported an error while answering, without giving "
                   "a reason."),
                out);
    } else if (reason == QLatin1String("length")) {
        failure(QStringLiteral("max_output_tokens"),
                tr("The response was cut short because it reached the maximum number "
                   "of output tokens."),
                out);
    } else if (reason == QLatin1String("content_filter")) {
        failure(QStringLiteral("content_filter"),
                tr("The response was stopped by the gateway's content filter."), out);
    } else {
        messageEnded(out);
    }
}

void ChatCompletionsDecoder::messageEnded(StreamEvents &out)
{
    if (m_messageEnded || m_failureReported)
        return;
    m_messageEnded = true;
    m_images.collectLinks(m_text);
    for (StreamEvent &linked : m_images.takeLinkedImages())
        out.append(std::move(linked));
}

void ChatCompletionsDecoder::done(StreamEvents &out)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_failureReported)
        return;
    messageEnded(out);
    StreamEvent e = event(StreamEvent::Kind::Done);
    e.responseId = m_responseId;
    out.append(e);
}

void ChatCompletionsDecoder::failure(const QString &code, const QString &message, StreamEvents &out)
{
    m_finished = true;
    if (m_failureReported)
        return; // the error chunk's finish_reason "error" repeats its error
    m_failureReported = true;
    out.append(StreamEvent::error(code, message));
}
