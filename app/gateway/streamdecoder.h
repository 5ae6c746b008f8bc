#pragma once

#include "sseparser.h"
#include "streamevent.h"

#include <QByteArray>

// Turns one API flavour's wire events into normalized StreamEvents. One decoder per response; it
// keeps what it needs to deliver every image and text exactly once.
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;

    // One SSE event of a streaming response.
    virtual StreamEvents decode(const SseEvent &event) = 0;
    // A whole non-streaming JSON response, through the same rules.
    virtual StreamEvents decodeResponseBody(const QByteArray &json) = 0;
    // End of the byte stream: an Error when no terminal event came.
    virtual StreamEvents finish() = 0;
    // A terminal event (completed, failed, [DONE] where the flavour ends that way) was seen.
    virtual bool isFinished() const = 0;
};
