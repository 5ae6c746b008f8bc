#include "sseparser.h"

#include <algorithm>
#include <cstring>

namespace {
constexpr qsizetype kKeptCapacity = 256 * 1024;

// The first CR or LF in [from, end), or end. memchr is vectorised: an image event is one line of
// megabytes, which a byte-by-byte search crossed at a fraction of the speed.
const char *findLineEnd(const char *from, const char *end)
{
    const auto *lf = static_cast<const char *>(std::memchr(from, '\n', size_t(end - from)));
    const char *limit = lf ? lf : end;
    const auto *cr = static_cast<const char *>(std::memchr(from, '\r', size_t(limit - from)));
    return cr ? cr : limit;
}

} // namespace

void SseParser::feed(QByteArrayView chunk, QList<SseEvent> &out)
{
    if (chunk.isEmpty())
        return;
    m_buffer.append(chunk.data(), chunk.size());

    const char *const begin = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    for (;;) {
        if (m_skipLeadingLf) {
            if (m_lineStart >= size)
                break;
            m_skipLeadingLf = false;
            if (begin[m_lineStart] == '\n') {
                ++m_lineStart;
                m_scanPos = std::max(m_scanPos, m_lineStart);
            }
        }
        const char *const end = begin + size;
        const char *const lineEnd = findLineEnd(begin + m_scanPos, end);
        if (lineEnd == end) {
            m_scanPos = size;
            break;
        }
        const qsizetype endPos = lineEnd - begin;
        processLine(QByteArrayView(begin + m_lineStart, endPos - m_lineStart), out);
        qsizetype next = endPos + 1;
        if (*lineEnd == '\r') {
            if (next < size) {
                if (begin[next] == '\n')
                    ++next;
            } else {
                // The LF of a CRLF pair may be the first byte of the next chunk.
                m_skipLeadingLf = true;
            }
        }
        m_lineStart = next;
        m_scanPos = next;
    }
    compact();
}

void SseParser::finish(QList<SseEvent> &out)
{
    if (m_lineStart < m_buffer.size())
        processLine(QByteArrayView(m_buffer).sliced(m_lineStart), out);
    // Unlike the HTML spec, which drops an unterminated event, a gateway that closes the connection
    // right after its last data line still meant to send that event.
    dispatch(out);
    reset();
}

void SseParser::reset()
{
    m_buffer.clear();
    m_lineStart = 0;
    m_scanPos = 0;
    m_skipLeadingLf = false;
    m_eventName.clear();
    m_data.clear();
    m_lastEventId.clear();
    m_hasData = false;
}

qsizetype SseParser::bufferedBytes() const
{
    return m_buffer.size() - m_lineStart + m_data.size();
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // a comment, e.g. OpenRouter's ": OPENROUTER PROCESSING" keep-alive

    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
    }

    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value.data(), value.size());
        m_hasData = true;
    } else if (field == "event") {
        m_eventName = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    }
    // "retry" and unknown fields are ignored: reconnection is not done by the parser.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (m_hasData) {
        SseEvent event;
        event.event = std::move(m_eventName);
        event.data = std::move(m_data);
        event.id = m_lastEventId;
        out.append(std::move(event));
    }
    m_eventName.clear();
    m_data.clear();
    m_hasData = false;
}

void SseParser::compact()
{
    // Dropping the consumed prefix costs a move of the rest; doing it only when the prefix is the
    // larger part keeps the total work linear.
    if (m_lineStart == 0)
        return;
    if (m_lineStart >= m_buffer.size()) {
        // Keep a modest allocation for the next events, but give back the room a huge one took.
        if (m_buffer.capacity() > kKeptCapacity)
            m_buffer.clear();
        else
            m_buffer.resize(0);
    } else if (m_lineStart > m_buffer.size() / 2) {
        m_buffer.remove(0, m_lineStart);
    } else {
        return;
    }
    m_scanPos -= m_lineStart;
    m_lineStart = 0;
}
