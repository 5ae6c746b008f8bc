#pragma once

#include "gateway/apiflavour.h"
#include "gateway/sseparser.h"
#include "store/imagestore.h"
#include "turnassembler.h"

#include <QObject>

// Turns the bytes of one response into processed events, off the GUI thread: SSE parsing, JSON
// decoding, base64 decoding, hashing and writing images to the store all happen here, so the GUI
// thread never stalls on a multi-megabyte image event. One worker per turn; it lives on the
// session's stream thread and is fed through queued calls, which keeps the bytes in order.
class StreamWorker : public QObject
{
    Q_OBJECT
public:
    // The error code of a streamed request answered with a web page (a wrong base URL): no
    // gateway took the request, so nothing is billed.
    static constexpr QLatin1String webPageErrorCode { "not_an_event_stream" };

    StreamWorker(const QString &imageRoot, const QString &previewRoot, ApiFlavour flavour,
                 bool streaming);

    // Images are decoded no larger than this (device pixels, the aspect kept): the largest size
    // the conversation shows one at. Empty (the default): at full size. Set it before feeding.
    void setDecodeBox(QSize devicePixels) { m_decodeBox = devicePixels; }

    // Writes `bytes` to `store` and, when the header shows a sane image, decodes its pixels (to fit
    // `decodeBox`, or at full size when it is empty) into `decoded` at the same time. Blocks: call
    // it off the GUI thread. Shared with the download of linked images, so streamed and
    // downloaded images take one path.
    static ImageStore::Stored storeAndDecode(const ImageStore &store, const QByteArray &bytes,
                                             QImage *decoded, QSize decodeBox = {});

public Q_SLOTS:
    void feed(const QByteArray &chunk);
    // The transfer ended. `complete` is true when the server finished the body normally: then a
    // stream without its final event is an error; otherwise the caller reports the reason itself.
    void close(bool complete);

Q_SIGNALS:
    void processed(const ProcessedEvents &events);
    void closed();

private:
    // What a streamed request's answer turned out to be, told from its first bytes: many
    // OpenAI-compatible proxies ignore "stream": true and answer with the whole response as JSON
    // (found by QA: an image made and billed was thrown away), and a wrong base URL answers with
    // a web page.
    enum class Answer { Unknown, EventStream, WholeJson, WebPage };
    // Classifies the answer once its first byte that is not white space has arrived.
    void sniff(const QByteArray &chunk);
    void handle(const StreamEvents &events);
    void capText(ProcessedEvent &processed);
    ImageAsset storeImage(const StreamEvent &event, QImage *decoded);

    ImageStore m_images;
    ImageStore m_previews;
    bool m_streaming;
    QSize m_decodeBox;
    SseParser m_parser;
    std::unique_ptr<StreamDecoder> m_decoder;
    QByteArray m_body; // a non-streaming answer is decoded once it is whole
    Answer m_answer = Answer::Unknown;
    QByteArray m_head; // the white space before the first telling byte
    QList<SseEvent> m_pending;
    int m_linkedImages = 0; // names linked images that came without an item id
    qsizetype m_textLength = 0; // answer text passed on so far, at most the turn's cap
};
