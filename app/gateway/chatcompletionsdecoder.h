#pragma once

#include "deliveredimages.h"
#include "streamdecoder.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Turns a Chat Completions answer (OpenRouter, ModelGates, AI Stats and compatible endpoints,
// with a server-side image tool or from an image-output model) into normalized StreamEvents.
//
// The stream is bare `data:` chunks ending with `data: [DONE]` (wire-formats C.4); keep-alive
// comments are dropped by the SSE parser. Text comes in `choices[0].delta.content`, images in
// `delta.images[]` / `message.images[]` as data URLs or https URLs (C.2) and as image links in
// the text, which are read once the message is complete (C.1). Usage rides in the last chunk, in
// either token vocabulary, with the gateway's `cost` (C.3, D.2). A chunk carrying `error` on HTTP
// 200 ends the turn with the gateway's message (C.4). One decoder serves one response.
class ChatCompletionsDecoder : public StreamDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ChatCompletionsDecoder)

public:
    StreamEvents decode(const SseEvent &event) override;
    // A whole non-streaming answer (`choices[0].message`) or an error body.
    StreamEvents decodeResponseBody(const QByteArray &json) override;
    // End of the byte stream: Done when the message was finished (finish_reason or [DONE]),
    // otherwise an Error saying the answer was cut off.
    StreamEvents finish() override;
    bool isFinished() const override { return m_finished; }

private:
    void chunk(const QJsonObject &object, StreamEvents &out);
    void started(const QJsonObject &object, StreamEvents &out);
    void message(const QJsonObject &message, StreamEvents &out);
    void content(const QJsonValue &content, StreamEvents &out);
    void appendText(const QString &text, StreamEvents &out);
    void image(const QString &source, StreamEvents &out); // a URL, data URL or raw base64
    void toolMessage(const QJsonObject &message, StreamEvents &out);
    void finishReason(const QString &reason, StreamEvents &out);
    void messageEnded(StreamEvents &out);
    void done(StreamEvents &out);
    void failure(const QString &code, const QString &message, StreamEvents &out);

    QString m_responseId;
    QString m_text; // the message so far, read for image links once it is complete
    DeliveredImages m_images;
    int m_nextImageId = 0;
    bool m_started = false;
    bool m_messageEnded = false;
    bool m_finishReasonSeen = false;
    bool m_finished = false; // [DONE], or a failure that ends the answer
    bool m_doneMarkerSeen = false;
    bool m_failureReported = false;
};
