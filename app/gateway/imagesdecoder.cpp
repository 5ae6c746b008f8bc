#include "imagesdecoder.h"

#include "decoderjson.h"
#include "imagesresponse.h"

using namespace DecoderJson;

StreamEvents ImagesDecoder::decode(const SseEvent &sse)
{
    StreamEvents out;
    if (sse.data.isEmpty() || m_finished)
        return out;
    if (sse.isDoneMarker()) {
        done(out);
        return out;
    }
    QJsonObject object;
    QString problem;
    if (!parseObject(sse.data, &object, &problem)) {
        out.append(StreamEvent::error(QStringLiteral("malformed_event"),
                                      tr("The gateway sent a malformed event (%1).").arg(problem)));
        return out;
    }
    QString type = text(object, QLatin1String("type"));
    if (type.isEmpty())
        type = QString::fromUtf8(sse.event);
    // The edits endpoint streams the same events under image_edit.*.
    if (type.endsWith(QLatin1String(".partial_image"))) {
        partialImage(object, out);
    } else if (type.endsWith(QLatin1String(".completed"))) {
        completedImage(object, out);
    } else if (type == QLatin1String("error") || object.contains(QLatin1String("error"))) {
        QString code;
        QString sentence;
        if (!gatewayError(object, &code, &sentence)) {
            code = DecoderJson::code(object.value(QLatin1String("code")));
            sentence = failureSentence(code, {}, text(object, QLatin1String("message")));
        }
        failure(code, sentence, out);
    }
    return out;
}

StreamEvents ImagesDecoder::decodeResponseBody(const QByteArray &json)
{
    StreamEvents out;
    QJsonObject body;
    QString problem;
    if (!parseObject(json, &body, &problem)) {
        failure(QStringLiteral("malformed_response"),
                tr("The gateway sent a malformed response (%1).").arg(problem), out);
        return out;
    }
    const ImagesResponse response = ImagesResponse::fromJson(body);
    if (!response.errorMessage.isEmpty()) {
        failure(response.errorCode, response.errorMessage, out);
        return out;
    }
    started(out);
    for (const ImagesResponse::Image &image : response.images) {
        const QString itemId = currentItemId();
        ++m_completed;
        if (!image.error.isEmpty()) {
            StreamEvent error
                = StreamEvent::error(QStringLiteral("invalid_image_data"), image.error);
            error.itemId = itemId;
            out.append(error);
            continue;
        }
        StreamEvent e = event(StreamEvent::Kind::ImageFinal, itemId);
        e.imageBytes = image.bytes;
        e.imageUrl = image.url;
        e.report = response.report;
        e.report.revisedPrompt = image.revisedPrompt;
        out.append(e);
    }
    if (response.hasUsage) {
        StreamEvent e = event(StreamEvent::Kind::Usage);
        e.usage = response.usage;
        out.append(e);
    }
    if (response.images.isEmpty()) {
        failure(QStringLiteral("no_image"), tr("The gateway answered without any image."), out);
        return out;
    }
    done(out);
    return out;
}

StreamEvents ImagesDecoder::finish()
{
    StreamEvents out;
    if (m_finished)
        return out;
    if (m_completed > 0) {
        done(out); // OpenAI's image stream simply ends after the last completed event
        return out;
    }
    failure(QStringLiteral("stream_truncated"),
            tr("The response stopped before it was complete: the connection closed "
               "before any image was finished."),
            out);
    return out;
}

void ImagesDecoder::started(StreamEvents &out)
{
    if (m_started)
        return;
    m_started = true;
    out.append(event(StreamEvent::Kind::Started));
}

void ImagesDecoder::partialImage(const QJsonObject &object, StreamEvents &out)
{
    started(out);
    StreamEvent partial = event(StreamEvent::Kind::ImagePartial, currentItemId());
    // An undecodable preview is skipped: the completed image carries the verdict.
    if (!decodeBase64(stripDataUrl(text(object, QLatin1String("b64_json"))), &partial.imageBytes))
        return;
    partial.partialIndex = object.value(QLatin1String("partial_image_index")).toInt(0);
    partial.report = ImagesResponse::reportOf(object);
    out.append(partial);
}

void ImagesDecoder::completedImage(const QJsonObject &object, StreamEvents &out)
{
    started(out);
    const QString itemId = currentItemId();
    ++m_completed;
    const ImagesResponse::Image image = ImagesResponse::image(object);
    if (!image.error.isEmpty()) {
        StreamEvent error = StreamEvent::error(QStringLiteral("invalid_image_data"), image.error);
        error.itemId = itemId;
        out.append(error);
    } else {
        StreamEvent e = event(StreamEvent::Kind::ImageFinal, itemId);
        e.imageBytes = image.bytes;
        e.imageUrl = image.url;
        e.report = ImagesResponse::reportOf(object);
        out.append(e);
    }
    const QJsonValue usage = object.value(QLatin1String("usage"));
    if (usage.isObject()) {
        m_usage += ImagesResponse::usageOf(usage.toObject());
        StreamEvent e = event(StreamEvent::Kind::Usage);
        e.usage = m_usage; // a Usage event replaces the one before: send the running total
        out.append(e);
    }
}

void ImagesDecoder::done(StreamEvents &out)
{
    if (m_finished)
        return;
    if (m_completed == 0) {
        failure(QStringLiteral("no_image"), tr("The gateway finished without sending an image."),
                out);
        return;
    }
    m_finished = true;
    out.append(event(StreamEvent::Kind::Done));
}

void ImagesDecoder::failure(const QString &code, const QString &message, StreamEvents &out)
{
    m_finished = true;
    if (m_failureReported)
        return;
    m_failureReported = true;
    out.append(StreamEvent::error(code, message));
}

QString ImagesDecoder::currentItemId() const
{
    return QStringLiteral("images-") + QString::number(m_completed);
}
