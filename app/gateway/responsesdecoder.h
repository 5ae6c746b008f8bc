#pragma once

#include "gateway/streamdecoder.h"
#include "gateway/streamevent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

// Turns the events of an OpenAI-style Responses API stream (and the body of a non-streaming
// response) into normalized StreamEvents. One decoder serves one response: it remembers which
// items it already delivered, because `response.completed` repeats every item of the stream.
//
// Bad input never throws or crashes: a malformed event or an undecodable image becomes an Error
// event and decoding goes on, so text and images already delivered stay valid.
class ResponsesDecoder : public StreamDecoder
{
public:
    StreamEvents decode(const SseEvent &event) override;
    // A whole non-streaming response (or an HTTP error body such as {"error":{...}}).
    StreamEvents decodeResponseBody(const QByteArray &json) override;
    // End of the byte stream: an Error when no terminal event arrived.
    StreamEvents finish() override;
    // A terminal event (completed, failed, incomplete or error) was seen.
    bool isFinished() const override { return m_finished; }

private:
    void decodeObject(const QJsonObject &object, const QString &type, StreamEvents &out);
    void started(const QJsonObject &response, StreamEvents &out);
    void itemAdded(const QJsonObject &item, StreamEvents &out);
    void itemDone(const QJsonObject &item, int outputIndex, StreamEvents &out);
    void imageItemDone(const QJsonObject &item, const QString &key, StreamEvents &out);
    void messageItemDone(const QJsonObject &item, const QString &key, StreamEvents &out);
    void partialImage(const QJsonObject &object, StreamEvents &out);
    void textDelta(const QJsonObject &object, StreamEvents &out);
    void outputItems(const QJsonObject &response, StreamEvents &out);
    void usage(const QJsonObject &response, StreamEvents &out);
    void completed(const QJsonObject &response, StreamEvents &out);
    void failed(const QJsonObject &response, StreamEvents &out);
    void incomplete(const QJsonObject &response, StreamEvents &out);
    void errorEvent(const QJsonObject &object, StreamEvents &out);
    // Reports the failure that ends the response; a second one (an `error` event is followed by
    // `response.failed` for the same cause) is dropped.
    void terminalFailure(const QString &code, const QString &message, StreamEvents &out);

    QString m_responseId;
    bool m_started = false;
    bool m_finished = false;
    bool m_failureReported = false;
    bool m_anonymousDeltaSeen = false;
    QSet<QString> m_pendingItems; // ImagePending sent
    QSet<QString> m_deliveredItems; // final image, its error, or message text sent
    QSet<QString> m_deltaItems; // message items whose text came as deltas
};
