#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QSize>
#include <QString>
#include <QStringList>

// Writes the events of an OpenAI Responses stream with the image_generation tool, framed as the
// wire sends them (`event: <type>\ndata: <json>\n\n`, wire-formats A.5), in the order of the
// recorded fixture vercel-openai-image-generation-tool.1.chunks.txt: created, in_progress, a
// reasoning item, the image call with its partial images and final item, the message with its
// deltas, completed with usage.
class ResponsesStreamWriter
{
public:
    struct Image
    {
        QByteArray bytes; // the encoded file
        QString format; // png, jpeg, webp (the output_format field)
        QSize size;
    };

    explicit ResponsesStreamWriter(const QString &tag = QStringLiteral("bench"));

    QString imageItemId() const { return m_imageItemId; }

    QByteArray created();
    QByteArray inProgress();
    QByteArray reasoningItem(); // output_item.added and .done of a reasoning item
    QByteArray imageItemAdded(); // output_item.added, image_generation_call.in_progress/generating
    QByteArray partialImage(int index, const Image &image);
    // image_generation_call.completed (no payload) then output_item.done with the base64 result.
    QByteArray imageItemDone(const Image &image);
    // The assistant message: added, content_part.added, one output_text.delta per piece, then
    // the .done events.
    QByteArray message(const QStringList &deltas);
    // response.completed with usage and tool_usage. The real API repeats every output item there,
    // the base64 `result` included; `repeatImageResult` false leaves the result out.
    QByteArray completed(bool repeatImageResult);

    static QByteArray frame(const QString &type, const QJsonObject &fields);

private:
    QByteArray event(const QString &type, QJsonObject fields);
    QJsonObject response(const QString &status, const QJsonArray &output) const;
    QJsonObject imageItem(const Image *image, bool withResult) const;
    QJsonObject messageItem(const QString &status) const;

    QString m_responseId;
    QString m_reasoningItemId;
    QString m_imageItemId;
    QString m_messageItemId;
    int m_sequence = 0;
    Image m_finalImage; // kept for completed()
    QString m_text;
};
