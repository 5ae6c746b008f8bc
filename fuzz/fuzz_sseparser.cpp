// SseParser: any bytes, split anywhere. The events must not depend on how the stream was cut
// (whole, byte by byte, random pieces) and must match a plain line-by-line reading of the spec.

#include "fuzzsupport.h"

#include "gateway/sseparser.h"

#include <QList>

namespace {

using namespace FuzzSupport;

// The spec's algorithm written the obvious way, with the parser's one documented deviation: an
// event with data but no closing blank line is still dispatched at the end of the stream.
QList<SseEvent> reference(const QByteArray &stream)
{
    QList<SseEvent> out;
    QByteArray eventName, data, lastId;
    bool hasData = false;
    const auto dispatch = [&] {
        if (hasData)
            out.append({ eventName, data, lastId });
        eventName.clear();
        data.clear();
        hasData = false;
    };
    const auto process = [&](const QByteArray &line) {
        if (line.isEmpty())
            return dispatch();
        if (line.startsWith(':'))
            return;
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            if (hasData)
                data.append('\n');
            data.append(value);
            hasData = true;
        } else if (field == "event") {
            eventName = value;
        } else if (field == "id" && !value.contains('\0')) {
            lastId = value;
        }
    };
    qsizetype start = 0;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        if (stream.at(i) != '\n' && stream.at(i) != '\r')
            continue;
        process(stream.mid(start, i - start));
        if (stream.at(i) == '\r' && i + 1 < stream.size() && stream.at(i + 1) == '\n')
            ++i;
        start = i + 1;
    }
    if (start < stream.size())
        process(stream.mid(start));
    dispatch();
    return out;
}

QList<SseEvent> parseInPieces(SseParser &parser, const QByteArray &stream, Chunker *chunker,
                              qsizetype fixedSize)
{
    QList<SseEvent> out;
    qsizetype pos = 0;
    while (pos < stream.size()) {
        const qsizetype step = chunker ? chunker->next() : fixedSize;
        const qsizetype size = std::min(step, stream.size() - pos);
        parser.feed(QByteArrayView(stream).sliced(pos, size), out);
        pos += size;
        check(parser.bufferedBytes() >= 0, "bufferedBytes() is negative");
        check(parser.bufferedBytes() <= pos, "bufferedBytes() exceeds the bytes fed");
    }
    parser.finish(out);
    check(parser.bufferedBytes() == 0, "bytes still buffered after finish()");
    return out;
}

QString describe(const QList<SseEvent> &events)
{
    QStringList lines;
    for (const SseEvent &e : events)
        lines << QString::fromLatin1(
            QByteArray(e.event + '|' + e.data + '|' + e.id).toPercentEncoding());
    return lines.join(QLatin1Char(' '));
}

void expectSame(const QList<SseEvent> &got, const QList<SseEvent> &expected, const char *what)
{
    if (got != expected)
        fail(what, QStringLiteral("got [%1] expected [%2]").arg(describe(got), describe(expected)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray stream = bytes(data, size);
    const QList<SseEvent> expected = reference(stream);

    SseParser parser;
    const QList<SseEvent> whole = parseInPieces(parser, stream, nullptr, stream.size() + 1);
    expectSame(whole, expected, "whole stream differs from the spec reading");
    for (const SseEvent &e : whole) {
        check(!e.event.contains('\n') && !e.event.contains('\r'), "line break in event name");
        check(!e.id.contains('\n') && !e.id.contains('\r') && !e.id.contains('\0'), "bad id");
        check(!e.data.contains('\r'), "CR in event data");
    }

    // The same parser after finish() (which resets it), fed byte by byte: CRLF split apart.
    expectSame(parseInPieces(parser, stream, nullptr, 1), expected, "byte-by-byte differs");

    SseParser fresh;
    Chunker chunker(stream);
    expectSame(parseInPieces(fresh, stream, &chunker, 0), expected, "random pieces differ");
    return 0;
}
