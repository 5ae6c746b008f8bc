#pragma once

#include "gateway/deliveredimages.h"
#include "gateway/streamdecoder.h"
#include "gateway/streamevent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

// Turns the events of an OpenAI-style Responses API stream (and the body of a non-streaming
// response) into normalized StreamEvents. One decoder serves one response: it remembers which
// items it already delivered, because `response.completed` repeats every item of the stream.
//
// Gateways speak it too (wire-formats C.1, D): image items of type `*:image_generation` with
// camelCase `imageUrl`/`imageB64`, `result` as a URL or base64 and `revisedPrompt`; AI Stats'
// tool results relayed as `function_call_output` items; tool failures ({"status":"error"}) as one
// Error; both usage vocabularies with the gateway's `cost` and server tool counters. Image links in
// the assistant's text are read from each complete message and delivered when the response ends,
// unless an item already delivered the same image.
//
// Bad input never throws or crashes: a malformed event or an undecodable image becomes an Error
// event and decoding goes on, so text and images already delivered stay valid.
class ResponsesDecoder : public StreamDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ResponsesDecoder)

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
    void toolOutputDone(const QJsonObject &item, const QString &key, StreamEvents &out);
    void partialImage(const QJsonObject &object, StreamEvents &out);
    void textDelta(const QJsonObject &object, StreamEvents &out);
    // The images linked in the text of finished messages, not delivered by an item: sent when the
    // response ends, after every item had its chance to deliver the same image first.
    void deliverLinkedImages(bool responseCompleted, StreamEvents &out);
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
    QHash<QString, QString> m_deltaText; // their text so far, read for links once complete
    DeliveredImages m_images;
};
