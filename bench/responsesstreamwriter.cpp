#include "responsesstreamwriter.h"

#include <QJsonDocument>

namespace {

const QString revisedPrompt = QStringLiteral(
    "Create a high-resolution concept painting of a lighthouse on a basalt cliff at dusk: wide "
    "cinematic composition, storm clouds parting over a turquoise sea, warm light from the lamp "
    "room, seabirds for scale, richly detailed, painterly rendering, 3:2 aspect ratio.");

} // namespace

ResponsesStreamWriter::ResponsesStreamWriter(const QString &tag)
    : m_responseId(QStringLiteral("resp_") + tag + QStringLiteral("0df93c0bb83a72f20068c979db"))
    , m_reasoningItemId(QStringLiteral("rs_") + tag + QStringLiteral("0df93c0bb83a72f20068c979"))
    , m_imageItemId(QStringLiteral("ig_") + tag + QStringLiteral("0df93c0bb83a72f20068c979f5"))
    , m_messageItemId(QStringLiteral("msg_") + tag + QStringLiteral("0df93c0bb83a72f20068c97a"))
{
}

QByteArray ResponsesStreamWriter::frame(const QString &type, const QJsonObject &fields)
{
    return QByteArrayLiteral("event: ") + type.toUtf8() + QByteArrayLiteral("\ndata: ")
        + QJsonDocument(fields).toJson(QJsonDocument::Compact) + QByteArrayLiteral("\n\n");
}

QByteArray ResponsesStreamWriter::event(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("sequence_number"), m_sequence++);
    return frame(type, fields);
}

QJsonObject ResponsesStreamWriter::response(const QString &status, const QJsonArray &output) const
{
    const QJsonObject tool { { QStringLiteral("type"), QStringLiteral("image_generation") },
                             { QStringLiteral("background"), QStringLiteral("auto") },
                             { QStringLiteral("moderation"), QStringLiteral("auto") },
                             { QStringLiteral("n"), 1 },
                             { QStringLiteral("output_compression"), 100 },
                             { QStringLiteral("output_format"), QStringLiteral("png") },
                             { QStringLiteral("quality"), QStringLiteral("high") },
                             { QStringLiteral("size"), QStringLiteral("1536x1024") },
                             { QStringLiteral("partial_images"), 3 } };
    QJsonObject object { { QStringLiteral("id"), m_responseId },
                         { QStringLiteral("object"), QStringLiteral("response") },
                         { QStringLiteral("created_at"), 1758034395 },
                         { QStringLiteral("status"), status },
                         { QStringLiteral("background"), false },
                         { QStringLiteral("error"), QJsonValue::Null },
                         { QStringLiteral("incomplete_details"), QJsonValue::Null },
                         { QStringLiteral("instructions"), QJsonValue::Null },
                         { QStringLiteral("model"), QStringLiteral("gpt-5-2025-08-07") },
                         { QStringLiteral("output"), output },
                         { QStringLiteral("parallel_tool_calls"), true },
                         { QStringLiteral("previous_response_id"), QJsonValue::Null },
                         { QStringLiteral("reasoning"),
                           QJsonObject { { QStringLiteral("effort"), QStringLiteral("medium") },
                                         { QStringLiteral("summary"), QJsonValue::Null } } },
                         { QStringLiteral("service_tier"), QStringLiteral("auto") },
                         { QStringLiteral("store"), true },
                         { QStringLiteral("temperature"), 1 },
                         { QStringLiteral("tool_choice"), QStringLiteral("auto") },
                         { QStringLiteral("tools"), QJsonArray { tool } },
                         { QStringLiteral("top_p"), 1 },
                         { QStringLiteral("truncation"), QStringLiteral("disabled") },
                         { QStringLiteral("usage"), QJsonValue::Null },
                         { QStringLiteral("metadata"), QJsonObject() } };
    return object;
}

QJsonObject ResponsesStreamWriter::imageItem(const Image *image, bool withResult) const
{
    QJsonObject item { { QStringLiteral("id"), m_imageItemId },
                       { QStringLiteral("type"), QStringLiteral("image_generation_call") } };
    if (!image) {
        item.insert(QStringLiteral("status"), QStringLiteral("in_progress"));
        return item;
    }
    item.insert(QStringLiteral("status"), QStringLiteral("completed"));
    item.insert(QStringLiteral("action"), QStringLiteral("generate"));
    item.insert(QStringLiteral("background"), QStringLiteral("opaque"));
    item.insert(QStringLiteral("output_format"), image->format);
    item.insert(QStringLiteral("quality"), QStringLiteral("high"));
    item.insert(QStringLiteral("revised_prompt"), revisedPrompt);
    item.insert(QStringLiteral("size"),
                QStringLiteral("%1x%2").arg(image->size.width()).arg(image->size.height()));
    if (withResult)
        item.insert(QStringLiteral("result"), QString::fromLatin1(image->bytes.toBase64()));
    return item;
}

QJsonObject ResponsesStreamWriter::messageItem(const QString &status) const
{
    QJsonArray content;
    if (status == QLatin1String("completed")) {
        content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("output_text") },
                                     { QStringLiteral("annotations"), QJsonArray() },
                                     { QStringLiteral("logprobs"), QJsonArray() },
                                     { QStringLiteral("text"), m_text } });
    }
    return { { QStringLiteral("id"), m_messageItemId },
             { QStringLiteral("type"), QStringLiteral("message") },
             { QStringLiteral("status"), status },
             { QStringLiteral("content"), content },
             { QStringLiteral("role"), QStringLiteral("assistant") } };
}

QByteArray ResponsesStreamWriter::created()
{
    return event(QStringLiteral("response.created"),
                 { { QStringLiteral("response"), response(QStringLiteral("in_progress"), {}) } });
}

QByteArray ResponsesStreamWriter::inProgress()
{
    return event(QStringLiteral("response.in_progress"),
                 { { QStringLiteral("response"), response(QStringLiteral("in_progress"), {}) } });
}

QByteArray ResponsesStreamWriter::reasoningItem()
{
    const QJsonObject item { { QStringLiteral("id"), m_reasoningItemId },
                             { QStringLiteral("type"), QStringLiteral("reasoning") },
                             { QStringLiteral("summary"), QJsonArray() } };
    return event(QStringLiteral("response.output_item.added"),
                 { { QStringLiteral("output_index"), 0 }, { QStringLiteral("item"), item } })
        + event(QStringLiteral("response.output_item.done"),
                { { QStringLiteral("output_index"), 0 }, { QStringLiteral("item"), item } });
}

QByteArray ResponsesStreamWriter::imageItemAdded()
{
    const QJsonObject marker { { QStringLiteral("output_index"), 1 },
                               { QStringLiteral("item_id"), m_imageItemId } };
    return event(QStringLiteral("response.output_item.added"),
                 { { QStringLiteral("output_index"), 1 },
                   { QStringLiteral("item"), imageItem(nullptr, false) } })
        + event(QStringLiteral("response.image_generation_call.in_progress"), marker)
        + event(QStringLiteral("response.image_generation_call.generating"), marker);
}

QByteArray ResponsesStreamWriter::partialImage(int index, const Image &image)
{
    return event(
        QStringLiteral("response.image_generation_call.partial_image"),
        { { QStringLiteral("output_index"), 1 },
          { QStringLiteral("item_id"), m_imageItemId },
          { QStringLiteral("partial_image_index"), index },
          { QStringLiteral("partial_image_b64"), QString::fromLatin1(image.bytes.toBase64()) },
          { QStringLiteral("size"),
            QStringLiteral("%1x%2").arg(image.size.width()).arg(image.size.height()) },
          { QStringLiteral("quality"), QStringLiteral("high") },
          { QStringLiteral("background"), QStringLiteral("opaque") },
          { QStringLiteral("output_format"), image.format } });
}

QByteArray ResponsesStreamWriter::imageItemDone(const Image &image)
{
    m_finalImage = image;
    return event(QStringLiteral("response.image_generation_call.completed"),
                 { { QStringLiteral("output_index"), 1 },
                   { QStringLiteral("item_id"), m_imageItemId } })
        + event(QStringLiteral("response.output_item.done"),
                { { QStringLiteral("output_index"), 1 },
                  { QStringLiteral("item"), imageItem(&image, true) } });
}

QByteArray ResponsesStreamWriter::message(const QStringList &deltas)
{
    m_text = deltas.join(QString());
    const QJsonObject emptyPart { { QStringLiteral("type"), QStringLiteral("output_text") },
                                  { QStringLiteral("annotations"), QJsonArray() },
                                  { QStringLiteral("logprobs"), QJsonArray() },
                                  { QStringLiteral("text"), QString() } };
    QJsonObject donePart = emptyPart;
    donePart.insert(QStringLiteral("text"), m_text);
    const auto where = [this](QJsonObject fields) {
        fields.insert(QStringLiteral("item_id"), m_messageItemId);
        fields.insert(QStringLiteral("output_index"), 2);
        fields.insert(QStringLiteral("content_index"), 0);
        return fields;
    };

    QByteArray bytes
        = event(QStringLiteral("response.output_item.added"),
                { { QStringLiteral("output_index"), 2 },
                  { QStringLiteral("item"), messageItem(QStringLiteral("in_progress")) } });
    bytes += event(QStringLiteral("response.content_part.added"),
                   where({ { QStringLiteral("part"), emptyPart } }));
    for (const QString &delta : deltas) {
        bytes += event(QStringLiteral("response.output_text.delta"),
                       where({ { QStringLiteral("delta"), delta },
                               { QStringLiteral("logprobs"), QJsonArray() },
                               { QStringLiteral("obfuscation"), QStringLiteral("Xk3pQ") } }));
    }
    bytes += event(QStringLiteral("response.output_text.done"),
                   where({ { QStringLiteral("text"), m_text },
                           { QStringLiteral("logprobs"), QJsonArray() } }));
    bytes += event(QStringLiteral("response.content_part.done"),
                   where({ { QStringLiteral("part"), donePart } }));
    bytes += event(QStringLiteral("response.output_item.done"),
                   { { QStringLiteral("output_index"), 2 },
                     { QStringLiteral("item"), messageItem(QStringLiteral("completed")) } });
    return bytes;
}

QByteArray ResponsesStreamWriter::completed(bool repeatImageResult)
{
    const QJsonObject reasoning { { QStringLiteral("id"), m_reasoningItemId },
                                  { QStringLiteral("type"), QStringLiteral("reasoning") },
                                  { QStringLiteral("summary"), QJsonArray() } };
    const QJsonArray output { reasoning, imageItem(&m_finalImage, repeatImageResult),
                              messageItem(QStringLiteral("completed")) };
    QJsonObject finished = response(QStringLiteral("completed"), output);
    finished.insert(QStringLiteral("usage"),
                    QJsonObject { { QStringLiteral("input_tokens"), 2941 },
                                  { QStringLiteral("input_tokens_details"),
                                    QJsonObject { { QStringLiteral("cached_tokens"), 1920 } } },
                                  { QStringLiteral("output_tokens"), 1249 },
                                  { QStringLiteral("output_tokens_details"),
                                    QJsonObject { { QStringLiteral("reasoning_tokens"), 1024 } } },
                                  { QStringLiteral("total_tokens"), 4190 } });
    finished.insert(QStringLiteral("tool_usage"),
                    QJsonObject { { QStringLiteral("image_gen"),
                                    QJsonObject { { QStringLiteral("input_tokens"), 71 },
                                                  { QStringLiteral("output_tokens"), 6240 },
                                                  { QStringLiteral("total_tokens"), 6311 } } } });
    return event(QStringLiteral("response.completed"),
                 { { QStringLiteral("response"), finished } });
}
