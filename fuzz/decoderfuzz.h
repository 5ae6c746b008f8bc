#pragma once

#include "fuzzsupport.h"

#include "gateway/sseparser.h"
#include "gateway/streamdecoder.h"

#include <memory>

// One fuzz input drives a fresh decoder three ways:
//  1. as a response stream: bytes in network-sized pieces through SseParser, each event to the
//     decoder, then SseParser::finish and StreamDecoder::finish, as StreamWorker does;
//  2. as a whole non-streamed body (decodeResponseBody), as StreamWorker does without streaming;
//  3. each line as the data of one event, so that JSON seeds reach the per-event code directly
//     (recorded streams are stored as one JSON event per line).
// Whatever comes in, every Error the designer sees must say something and no count is negative.
namespace DecoderFuzz {

using namespace FuzzSupport;

inline void checkEvents(const StreamEvents &events)
{
    for (const StreamEvent &e : events) {
        if (e.kind == StreamEvent::Kind::Error)
            check(!e.message.trimmed().isEmpty(), "an Error event without a message", e.errorCode);
        if (e.kind == StreamEvent::Kind::Usage) {
            // Cost estimation subtracts and multiplies these: a count below zero is no count.
            const Usage &u = e.usage;
            for (const qint64 count :
                 { u.inputTokens, u.cachedInputTokens, u.outputTokens, u.reasoningTokens,
                   u.imageInputTextTokens, u.imageInputImageTokens, u.imageOutputTokens,
                   u.imageGenerationRequests })
                check(count >= 0, "a negative token count", QString::number(count));
        }
    }
}

template<typename Decoder> int run(const uint8_t *data, size_t size)
{
    const QByteArray input = bytes(data, size);

    {
        Decoder decoder;
        SseParser parser;
        Chunker chunker(input);
        QList<SseEvent> sse;
        qsizetype pos = 0;
        while (pos < input.size()) {
            const qsizetype piece = std::min(chunker.next(), input.size() - pos);
            parser.feed(QByteArrayView(input).sliced(pos, piece), sse);
            pos += piece;
            for (const SseEvent &event : std::as_const(sse))
                checkEvents(decoder.decode(event));
            sse.clear();
        }
        parser.finish(sse);
        for (const SseEvent &event : std::as_const(sse))
            checkEvents(decoder.decode(event));
        checkEvents(decoder.finish());
    }
    {
        Decoder decoder;
        // A copy: the stream worker hands over a QByteArray it owns, NUL-terminated.
        checkEvents(decoder.decodeResponseBody(QByteArray(input.constData(), input.size())));
    }
    {
        Decoder decoder;
        for (const QByteArray &line : input.split('\n')) {
            SseEvent event;
            event.data = line;
            checkEvents(decoder.decode(event));
        }
        checkEvents(decoder.finish());
    }
    return 0;
}

} // namespace DecoderFuzz
