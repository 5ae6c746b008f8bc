#include "responsesdecoder.h"

#include "decoderjson.h"

#include <QJsonArray>

using namespace DecoderJson;

namespace {

bool isImageItem(const QString &type)
{
    return type == QLatin1String("image_generation_call")
        || type.endsWith(QLatin1String(":image_generation"));
}

ImageReport finalReport(const QJsonObject &item)
{
    ImageReport report = reportedSettings(item);
    report.action = text(item, QLatin1String("action"));
    // Gateway items name it in camelCase (C.1); without one, the prompt the model gave the tool
    // (`prompt`, or AI Stats' `description`) is the prompt the image was made from.
    report.revisedPrompt
        = firstText(item,
                    { QLatin1String("revised_prompt"), QLatin1String("revisedPrompt"),
                      QLatin1String("prompt"), QLatin1String("description") });
    return report;
}

} // namespace

StreamEvents ResponsesDecoder::decode(const SseEvent &sse)
{
    StreamEvents out;
    // The Responses stream has no [DONE] marker, but a gateway relaying it may add one.
    if (sse.data.isEmpty() || sse.isDoneMarker())
        return out;

    const QString eventName = QString::fromUtf8(sse.event);
    QJsonObject object;
    QString problem;
    if (!parseObject(sse.data, &object, &problem)) {
        const QString sentence = eventName.isEmpty()
            ? tr("The gateway sent a malformed event (%1 in an event).").arg(problem)
            : tr("The gateway sent a malformed event (%1 in a %2 event).").arg(problem, eventName);
        out.append(StreamEvent::error(QStringLiteral("malformed_event"),
                                      sentence)); // one error per bad event
        return out;
    }

    QString type = text(object, QLatin1String("type"));
    if (type.isEmpty())
        type = eventName;
    decodeObject(object, type, out);
    return out;
}

StreamEvents ResponsesDecoder::decodeResponseBody(const QByteArray &json)
{
    StreamEvents out;
    QJsonObject response;
    QString problem;
    if (!parseObject(json, &response, &problem)) {
        out.append(
            StreamEvent::error(QStringLiteral("malformed_response"),
                               tr("The gateway sent a malformed response (%1).").arg(problem)));
        return out;
    }

    // An error body with no response around it: {"error":{"message","type","code"}}, or AI
    // Stats' {"error":"validation_error","description":…} (D.2).
    const QJsonValue error = response.value(QLatin1String("error"));
    if ((error.isObject() || error.isString()) && !response.contains(QLatin1String("output"))) {
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
        terminalFailure(
            QStringLiteral("not_finished"),
            tr("The gateway answered before the response was finished (status %1).").arg(status),
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
    out.append(
        StreamEvent::error(QStringLiteral("stream_truncated"),
                           tr("The response stopped before it was complete: the connection closed "
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
    else if (type == QLatin1String("function_call_output"))
        toolOutputDone(item, key, out);
}

void ResponsesDecoder::imageItemDone(const QJsonObject &item, const QString &key, StreamEvents &out)
{
    // OpenAI puts base64 in `result`; gateway items use camelCase `imageB64` and `imageUrl` (C.1)
    // or the tool result's own names (`b64_json`, D.1), and their `result` may be a URL. The
    // item's `status` is not trusted: Azure sends the finished image in an item still marked
    // "generating".
    QString base64 = firstText(item, { QLatin1String("imageB64"), QLatin1String("b64_json") });
    QString url = firstText(item, { QLatin1String("imageUrl"), QLatin1String("image_url") });
    const QJsonValue resultValue = item.value(QLatin1String("result"));
    // Mostly the image's base64 (megabytes): converted once, and only looked at as a tool result.
    const QString result = resultValue.toString();
    QString reason;
    // A gateway may relay the tool's own result ({"status":"error",…}) in place of an image.
    const bool toolFailed
        = toolResultError(
              resultValue.isObject() ? resultValue.toObject() : toolResultInText(result), &reason)
        || toolResultError(item.value(QLatin1String("output")), &reason);
    if (isHttpUrl(result)) {
        if (url.isEmpty())
            url = result;
    } else if (base64.isEmpty() && !toolFailed) {
        base64 = stripDataUrl(result);
    }

    StreamEvent image = event(StreamEvent::Kind::ImageFinal, key);
    image.report = finalReport(item);

    if (!base64.isEmpty()) {
        m_deliveredItems.insert(key);
        if (decodeBase64(base64, &image.imageBytes)) {
            m_images.addBytes(image.imageBytes);
            out.append(image);
        } else if (!url.isEmpty()) {
            image.imageUrl = url;
            m_images.addUrl(url);
            out.append(image);
        } else {
            StreamEvent error = StreamEvent::error(
                QStringLiteral("invalid_image_data"),
                tr("The generated image %1 arrived damaged: its base64 data is not "
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
        m_images.addUrl(url);
        out.append(image);
        return;
    }
    const QString status = text(item, QLatin1String("status"));
    if (!toolFailed && status == QLatin1String("completed")
        && item.value(QLatin1String("result")).isString()) {
        // A finished call whose result is "" (not null): the gateway sent an empty image. The
        // image store names that where the image would have been, instead of "no image arrived".
        m_deliveredItems.insert(key);
        out.append(image);
        return;
    }
    if (toolFailed || status == QLatin1String("failed") || status == QLatin1String("error")) {
        m_deliveredItems.insert(key);
        const QJsonValue error = item.value(QLatin1String("error"));
        if (reason.isEmpty())
            reason = text(item, QLatin1String("message"));
        if (reason.isEmpty())
            reason = error.isObject() ? text(error.toObject(), QLatin1String("message"))
                                      : error.toString();
        StreamEvent failure = StreamEvent::error(
            QStringLiteral("image_generation_failed"),
            reason.isEmpty() ? tr("The image %1 could not be generated.").arg(key)
                             : tr("The image %1 could not be generated: %2").arg(key, reason));
        failure.itemId = key;
        out.append(failure);
    }
    // No image and no failure: a later event (response.completed) may still carry it.
}

void ResponsesDecoder::toolOutputDone(const QJsonObject &item, const QString &key,
                                      StreamEvents &out)
{
    // Gateways that run the image tool as a function (AI Stats, D.1) may show the client what the
    // function returned: {"status":"ok","imageUrl":…} or {"status":"error","message":…}.
    const QJsonValue output = item.value(QLatin1String("output"));
    QString reason;
    if (toolResultError(output, &reason)) {
        m_deliveredItems.insert(key);
        terminalFailure(QStringLiteral("image_generation_failed"), toolFailureSentence(reason),
                        out);
        return;
    }
    const QJsonObject result = toolResult(output);
    if (!firstText(result,
                   { QLatin1String("imageUrl"), QLatin1String("image_url"),
                     QLatin1String("imageB64"), QLatin1String("b64_json") })
             .isEmpty())
        imageItemDone(result, key, out);
}

void ResponsesDecoder::messageItemDone(const QJsonObject &item, const QString &key,
                                       StreamEvents &out)
{
    m_deliveredItems.insert(key);
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

    const bool streamed = m_deltaItems.contains(key) || m_anonymousDeltaSeen;
    QString streamedText = m_deltaText.take(key);
    if (streamedText.isEmpty() && m_anonymousDeltaSeen)
        streamedText = m_deltaText.take(QString());
    // The message is complete now: its image links can be read (they are delivered at the end
    // of the response, once every image item has had its chance to deliver the same image).
    m_images.collectLinks(fullText.isEmpty() ? streamedText : fullText);
    if (streamed || fullText.isEmpty())
        return; // its text already came as deltas

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
    partial.report = reportedSettings(object);
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
    QString &streamed = m_deltaText[itemId];
    if (streamed.size() < StreamEvent::maxAnswerLength) // only what a turn keeps is searched
        streamed += QStringView(delta).left(StreamEvent::maxAnswerLength - streamed.size());
    StreamEvent e = event(StreamEvent::Kind::TextDelta, itemId);
    e.text = delta;
    out.append(e);
}

void ResponsesDecoder::deliverLinkedImages(bool responseCompleted, StreamEvents &out)
{
    // A completed response completes its messages, even those whose output_item.done never came;
    // a failed one leaves them partial, and half a URL is no link.
    if (responseCompleted) {
        for (const QString &streamed : std::as_const(m_deltaText))
            m_images.collectLinks(streamed);
    }
    m_deltaText.clear();
    out.append(m_images.takeLinkedImages());
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

    // Either token vocabulary, the gateway's billed cost and its server tool counters (C.3, D.2).
    Usage u = DecoderJson::usage(usageValue.toObject());

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
    deliverLinkedImages(true, out);
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
    deliverLinkedImages(false, out);
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
    deliverLinkedImages(false, out);
    usage(response, out);
    m_finished = true;
    const QString reason
        = text(child(response, QLatin1String("incomplete_details")), QLatin1String("reason"));
    QString sentence;
    if (reason == QLatin1String("max_output_tokens"))
        sentence = tr("The response was cut short because it reached the maximum "
                      "number of output tokens.");
    else if (reason == QLatin1String("content_filter"))
        sentence = tr("The response was stopped by the gateway's content filter.");
    else if (!reason.isEmpty())
        sentence = tr("The response ended before it was complete (%1).").arg(reason);
    else
        sentence = tr("The response ended before it was complete, without a reason.");
    terminalFailure(reason.isEmpty() ? QStringLiteral("incomplete") : reason, sentence, out);
}

void ResponsesDecoder::errorEvent(const QJsonObject &object, StreamEvents &out)
{
    // The wire's nested {error: {type, code, message}} (or a gateway's own error shape), else the
    // spec's flat {code, message}, whose "type" is the event type.
    QString errorCode;
    QString sentence;
    if (!gatewayError(object, &errorCode, &sentence)) {
        errorCode = code(object.value(QLatin1String("code")));
        sentence = failureSentence(errorCode, {}, text(object, QLatin1String("message")));
    }
    m_finished = true;
    deliverLinkedImages(false, out);
    terminalFailure(errorCode, sentence, out);
}

void ResponsesDecoder::terminalFailure(const QString &errorCode, const QString &message,
                                       StreamEvents &out)
{
    if (m_failureReported)
        return;
    m_failureReported = true;
    out.append(StreamEvent::error(errorCode, message));
}
