#pragma once

#include "demo/demorequest.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

struct DemoRenderedImage;

// Writes the JSON of one demo response the way OpenAI's Responses API does (wire-formats A.3-A.5):
// the response object, the image_generation_call and message items, usage with tool_usage, and the
// SSE framing with a running sequence_number. It knows nothing about sockets or timing.
class DemoResponseBuilder
{
public:
    explicit DemoResponseBuilder(const DemoRequest &request);

    QString responseId() const { return m_responseId; }
    QString imageItemId() const { return m_imageItemId; }
    QString messageItemId() const { return m_messageItemId; }
    int imageOutputIndex() const { return 0; }
    int messageOutputIndex() const { return m_request.hasImageTool ? 1 : 0; }

    // status: in_progress or completed; usage is only reported once completed.
    QJsonObject response(const QString &status, const QJsonArray &output = {}) const;
    // Without an image: the in_progress item of output_item.added.
    QJsonObject imageItem(const DemoRenderedImage *image) const;
    QJsonObject partialImageFields(const DemoRenderedImage &image) const;
    QJsonObject messageItem(const QString &status, const QString &text) const;
    QJsonObject usage() const;
    QJsonObject toolUsage() const;
    // What the request's input images count (an edit's picture and references).
    qint64 inputImageTokens() const;

    QString assistantText() const;
    // The assistant text cut into the pieces output_text.delta events carry (a word and the
    // space after it), so that the pieces joined give the text back exactly.
    QStringList assistantDeltas() const;
    QString revisedPrompt() const;

    // `event: <type>\ndata: {"type":…,"sequence_number":n,…}\n\n`
    QByteArray event(const QString &type, const QJsonObject &fields = {});

    // {"error":{"message":…,"type":…,"param":…,"code":…}} as OpenAI sends it.
    static QByteArray errorBody(const QString &message, const QString &type,
                                const QString &param = {}, const QString &code = {});

private:
    DemoRequest m_request;
    QString m_responseId;
    QString m_imageItemId;
    QString m_messageItemId;
    qint64 m_createdAt = 0;
    int m_sequence = 0;
};
