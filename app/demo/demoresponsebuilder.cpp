#include "demo/demoresponsebuilder.h"

#include "demo/demoeditpainter.h"
#include "demo/demoimagepainter.h"
#include "demo/demorenderer.h"
#include "demo/demousage.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace {

QString randomId(const char *prefix)
{
    const quint64 value = QRandomGenerator::global()->generate64();
    return QLatin1String(prefix) + QStringLiteral("demo") + QString::number(value, 16);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

DemoResponseBuilder::DemoResponseBuilder(const DemoRequest &request)
    : m_request(request)
    , m_responseId(randomId("resp_"))
    , m_imageItemId(randomId("ig_"))
    , m_messageItemId(randomId("msg_"))
    , m_createdAt(QDateTime::currentSecsSinceEpoch())
{
}

QString DemoResponseBuilder::assistantText() const
{
    QString prompt = m_request.prompt.simplified();
    if (prompt.size() > 80) {
        qsizetype cut = 79;
        if (prompt.at(cut - 1).isHighSurrogate())
            --cut; // never half of an emoji
        prompt = prompt.left(cut).trimmed() + QChar(0x2026);
    }
    if (!m_request.hasImageTool) {
        return QStringLiteral("The offline demo only draws when the image generation tool is on. "
                              "Add an API key in the environment for real answers.");
    }
    if (m_request.edit) {
        const QString what = m_request.editsPreviousResponse
            ? QStringLiteral("Here is a demo edit of the previous picture for \u201c")
            : QStringLiteral("Here is a demo edit of your image for \u201c");
        return what + prompt
            + (m_request.hasMask ? QStringLiteral("\u201d, changed only inside the mask. ")
                                 : QStringLiteral("\u201d. "))
            + QStringLiteral("The offline demo draws locally; add an API key in the environment "
                             "for real edits.");
    }
    return QStringLiteral("Here is a demo rendering of \u201c") + prompt
        + QStringLiteral("\u201d. The offline demo draws locally; add an API key in the "
                         "environment for real images.");
}

QStringList DemoResponseBuilder::assistantDeltas() const
{
    static const QRegularExpression word(QStringLiteral("\\S+\\s*"));
    QStringList deltas;
    const QString text = assistantText();
    for (auto it = word.globalMatch(text); it.hasNext();)
        deltas << it.next().captured();
    return deltas;
}

QString DemoResponseBuilder::revisedPrompt() const
{
    return m_request.edit ? DemoEditPainter::describe(m_request.prompt, m_request.hasMask)
                          : DemoImagePainter::describe(m_request.prompt);
}

qint64 DemoResponseBuilder::inputImageTokens() const
{
    return DemoUsage::imageInputTokens(m_request.inputImageSizes);
}

QJsonObject DemoResponseBuilder::usage() const
{
    // The mainline model sees the input images too.
    const qint64 input = 24 + DemoUsage::textTokens(m_request.prompt) + inputImageTokens();
    const qint64 output = 8 + DemoUsage::textTokens(assistantText());
    return QJsonObject {
        { QStringLiteral("input_tokens"), input },
        { QStringLiteral("input_tokens_details"),
          QJsonObject { { QStringLiteral("cached_tokens"), 0 } } },
        { QStringLiteral("output_tokens"), output },
        { QStringLiteral("output_tokens_details"),
          QJsonObject { { QStringLiteral("reasoning_tokens"), 0 } } },
        { QStringLiteral("total_tokens"), input + output },
        { QStringLiteral("cost"), 0 }, // nothing is billed: the pictures are drawn locally
    };
}

QJsonObject DemoResponseBuilder::toolUsage() const
{
    const qint64 input = 10 + DemoUsage::textTokens(revisedPrompt());
    const qint64 output = DemoUsage::imageOutputTokens(m_request.imageModel,
                                                       m_request.resolvedQuality(), m_request.size);
    return QJsonObject { { QStringLiteral("image_gen"),
                           DemoUsage::imageGenUsage(input, output, inputImageTokens()) },
                         { QStringLiteral("web_search"),
                           QJsonObject { { QStringLiteral("num_requests"), 0 } } } };
}

QJsonObject DemoResponseBuilder::response(const QString &status, const QJsonArray &output) const
{
    const bool completed = status == QLatin1String("completed");
    QJsonArray tools;
    if (m_request.hasImageTool)
        tools.append(m_request.toolEcho());
    QJsonObject object {
        { QStringLiteral("id"), m_responseId },
        { QStringLiteral("object"), QStringLiteral("response") },
        { QStringLiteral("created_at"), m_createdAt },
        { QStringLiteral("status"), status },
        { QStringLiteral("background"), false },
        { QStringLiteral("error"), QJsonValue::Null },
        { QStringLiteral("incomplete_details"), QJsonValue::Null },
        { QStringLiteral("instructions"), QJsonValue::Null },
        { QStringLiteral("max_output_tokens"), QJsonValue::Null },
        { QStringLiteral("model"), m_request.model },
        { QStringLiteral("output"), output },
        { QStringLiteral("parallel_tool_calls"), true },
        { QStringLiteral("previous_response_id"), orNull(m_request.previousResponseId) },
        { QStringLiteral("store"), m_request.store },
        { QStringLiteral("temperature"), 1 },
        { QStringLiteral("text"),
          QJsonObject { { QStringLiteral("format"),
                          QJsonObject { { QStringLiteral("type"), QStringLiteral("text") } } } } },
        { QStringLiteral("tool_choice"),
          m_request.toolChoice.isEmpty() ? QJsonValue(QStringLiteral("auto"))
                                         : QJsonValue(m_request.toolChoice) },
        { QStringLiteral("tools"), tools },
        { QStringLiteral("top_p"), 1 },
        { QStringLiteral("truncation"), QStringLiteral("disabled") },
        { QStringLiteral("usage"), completed ? QJsonValue(usage()) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("user"), QJsonValue::Null },
        { QStringLiteral("metadata"), QJsonObject() },
    };
    if (completed && m_request.hasImageTool)
        object.insert(QStringLiteral("tool_usage"), toolUsage());
    return object;
}

QJsonObject DemoResponseBuilder::imageItem(const DemoRenderedImage *image) const
{
    if (!image) {
        return QJsonObject { { QStringLiteral("id"), m_imageItemId },
                             { QStringLiteral("type"), QStringLiteral("image_generation_call") },
                             { QStringLiteral("status"), QStringLiteral("in_progress") } };
    }
    return QJsonObject {
        { QStringLiteral("id"), m_imageItemId },
        { QStringLiteral("type"), QStringLiteral("image_generation_call") },
        { QStringLiteral("status"), QStringLiteral("completed") },
        { QStringLiteral("action"),
          m_request.edit ? QStringLiteral("edit") : QStringLiteral("generate") },
        { QStringLiteral("background"), m_request.background },
        { QStringLiteral("output_format"), image->format },
        { QStringLiteral("quality"), m_request.resolvedQuality() },
        { QStringLiteral("result"), QString::fromLatin1(image->bytes.toBase64()) },
        { QStringLiteral("revised_prompt"), revisedPrompt() },
        { QStringLiteral("size"), m_request.sizeText() },
    };
}

QJsonObject DemoResponseBuilder::partialImageFields(const DemoRenderedImage &image) const
{
    return QJsonObject {
        { QStringLiteral("output_index"), imageOutputIndex() },
        { QStringLiteral("item_id"), m_imageItemId },
        { QStringLiteral("partial_image_index"), image.partialIndex },
        { QStringLiteral("partial_image_b64"), QString::fromLatin1(image.bytes.toBase64()) },
        { QStringLiteral("size"), m_request.sizeText() },
        { QStringLiteral("quality"), m_request.resolvedQuality() },
        { QStringLiteral("background"), m_request.background },
        { QStringLiteral("output_format"), image.format },
    };
}

QJsonObject DemoResponseBuilder::messageItem(const QString &status, const QString &text) const
{
    QJsonArray content;
    if (status == QLatin1String("completed")) {
        content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("output_text") },
                                     { QStringLiteral("annotations"), QJsonArray() },
                                     { QStringLiteral("logprobs"), QJsonArray() },
                                     { QStringLiteral("text"), text } });
    }
    return QJsonObject { { QStringLiteral("id"), m_messageItemId },
                         { QStringLiteral("type"), QStringLiteral("message") },
                         { QStringLiteral("status"), status },
                         { QStringLiteral("content"), content },
                         { QStringLiteral("role"), QStringLiteral("assistant") } };
}

QByteArray DemoResponseBuilder::event(const QString &type, const QJsonObject &fields)
{
    // "type" and "sequence_number" lead, as on the real wire (QJsonObject would sort them).
    QByteArray typeJson = QJsonDocument(QJsonArray { type }).toJson(QJsonDocument::Compact);
    typeJson = typeJson.mid(1, typeJson.size() - 2); // ["x"] -> "x", escaped as JSON
    QByteArray data
        = "{\"type\":" + typeJson + ",\"sequence_number\":" + QByteArray::number(m_sequence++);
    if (fields.isEmpty()) {
        data += '}';
    } else {
        data += ',';
        data += QJsonDocument(fields).toJson(QJsonDocument::Compact).mid(1);
    }
    return "event: " + type.toUtf8() + "\ndata: " + data + "\n\n";
}

QByteArray DemoResponseBuilder::errorBody(const QString &message, const QString &type,
                                          const QString &param, const QString &code)
{
    const QJsonObject error { { QStringLiteral("message"), message },
                              { QStringLiteral("type"), type },
                              { QStringLiteral("param"), orNull(param) },
                              { QStringLiteral("code"), orNull(code) } };
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), error } })
        .toJson(QJsonDocument::Compact);
}
