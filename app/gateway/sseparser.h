#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// One dispatched Server-Sent Event. `event` is empty when the stream gave no `event:` field (the
// HTML spec would call it "message"; decoders fall back to the JSON "type" instead).
struct SseEvent
{
    QByteArray event;
    QByteArray data; // the data lines joined with '\n'
    QByteArray id; // the last event id seen on the stream (it persists across events, per spec)

    bool isDoneMarker() const { return data == "[DONE]"; }
    bool operator==(const SseEvent &other) const = default;
};

// Incremental parser for text/event-stream (HTML Living Standard, "Server-sent events").
// Bytes can arrive split anywhere, including inside a CRLF pair. Each byte is scanned once and the
// pending buffer is compacted only when its consumed prefix outweighs the rest, so a stream is
// parsed in time linear in its length even when one event is many megabytes.
class SseParser
{
public:
    // Appends the events completed by `chunk` to `out`.
    void feed(QByteArrayView chunk, QList<SseEvent> &out);
    // End of stream: processes an unterminated last line and dispatches an event that had data but
    // no closing blank line. The parser is reset afterwards.
    void finish(QList<SseEvent> &out);
    void reset();
    // Bytes held for events not dispatched yet: the unparsed tail plus the data collected so far.
    qsizetype bufferedBytes() const;

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);
    void compact();

    QByteArray m_buffer;
    qsizetype m_lineStart = 0; // first byte of the line being collected
    qsizetype m_scanPos = 0; // bytes before this were already searched for a line end
    bool m_skipLeadingLf
        = false; // the last chunk ended with CR: an LF next completes that line end

    QByteArray m_eventName;
    QByteArray m_data;
    QByteArray m_lastEventId;
    bool m_hasData = false;
};
