#pragma once

#include "gateway/sseparser.h"
#include "gateway/streamdecoder.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStringList>

#include <functional>
#include <memory>

// Helpers shared by the gateway decoder tests: feeding a wire through SseParser + a decoder in any
// chunking, and describing the events so that two runs can be compared exactly.
namespace StreamHarness {

using Kind = StreamEvent::Kind;
using DecoderFactory = std::function<std::unique_ptr<StreamDecoder>()>;

inline QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Started:
        return QStringLiteral("Started");
    case Kind::TextDelta:
        return QStringLiteral("TextDelta");
    case Kind::ImagePending:
        return QStringLiteral("ImagePending");
    case Kind::ImagePartial:
        return QStringLiteral("ImagePartial");
    case Kind::ImageFinal:
        return QStringLiteral("ImageFinal");
    case Kind::Usage:
        return QStringLiteral("Usage");
    case Kind::Error:
        return QStringLiteral("Error");
    case Kind::Done:
        return QStringLiteral("Done");
    }
    return QStringLiteral("?");
}

// "Started,TextDelta*2,ImageFinal,Usage,Done": runs of text deltas folded.
inline QString kinds(const StreamEvents &events)
{
    QStringList names;
    int textRun = 0;
    auto flushText = [&] {
        if (textRun == 1)
            names << QStringLiteral("TextDelta");
        else if (textRun > 1)
            names << QStringLiteral("TextDelta*%1").arg(textRun);
        textRun = 0;
    };
    for (const StreamEvent &e : events) {
        if (e.kind == Kind::TextDelta) {
            ++textRun;
            continue;
        }
        flushText();
        names << kindName(e.kind);
    }
    flushText();
    return names.join(QLatin1Char(','));
}

// Everything an event carries, as one line (bytes by their hash).
inline QString describe(const StreamEvent &e)
{
    const QByteArray bytesHash = e.imageBytes.isEmpty()
        ? QByteArray()
        : QCryptographicHash::hash(e.imageBytes, QCryptographicHash::Sha256).toHex().left(16);
    return QStringList {
        kindName(e.kind),
        e.responseId,
        e.model,
        e.itemId,
        QString::number(e.partialIndex),
        e.text,
        QString::fromLatin1(bytesHash),
        e.imageUrl,
        QString::fromUtf8(QJsonDocument(e.report.toJson()).toJson(QJsonDocument::Compact)),
        QString::fromUtf8(QJsonDocument(e.usage.toJson()).toJson(QJsonDocument::Compact)),
        e.errorCode,
        e.message
    }
        .join(QLatin1Char('|'));
}

inline QStringList describeAll(const StreamEvents &events)
{
    QStringList lines;
    for (const StreamEvent &e : events)
        lines << describe(e);
    return lines;
}

inline QList<StreamEvent> ofKind(const StreamEvents &events, Kind kind)
{
    QList<StreamEvent> result;
    for (const StreamEvent &e : events) {
        if (e.kind == kind)
            result.append(e);
    }
    return result;
}

inline QString allText(const StreamEvents &events)
{
    QString text;
    for (const StreamEvent &e : ofKind(events, Kind::TextDelta))
        text += e.text;
    return text;
}

// Feeds `wire` in the given chunk sizes (cycled; empty = whole) through a fresh parser and
// decoder, ending with both finish() calls as the stream worker does.
inline StreamEvents run(StreamDecoder &decoder, const QByteArray &wire,
                        const QList<qsizetype> &chunkSizes = {})
{
    SseParser parser;
    StreamEvents events;
    QList<SseEvent> sse;
    qsizetype pos = 0;
    int chunk = 0;
    while (pos < wire.size()) {
        const qsizetype step = chunkSizes.isEmpty()
            ? wire.size()
            : std::max<qsizetype>(1, chunkSizes.at(chunk++ % chunkSizes.size()));
        const qsizetype size = std::min(step, wire.size() - pos);
        parser.feed(QByteArrayView(wire).sliced(pos, size), sse);
        pos += size;
        for (const SseEvent &e : std::as_const(sse))
            events += decoder.decode(e);
        sse.clear();
    }
    parser.finish(sse);
    for (const SseEvent &e : std::as_const(sse))
        events += decoder.decode(e);
    events += decoder.finish();
    return events;
}

// Random chunk sizes between 1 and `largest`, reproducible from the seed.
inline QList<qsizetype> randomChunking(quint32 seed, int largest = 97)
{
    QRandomGenerator random(seed);
    QList<qsizetype> sizes;
    for (int i = 0; i < 64; ++i)
        sizes << random.bounded(1, largest + 1);
    return sizes;
}

// The events of the wire fed whole; `failure` says which other chunking (one byte at a time, or
// one of several random ones) gave different events, empty when they all agree.
inline StreamEvents runAllChunkings(const DecoderFactory &makeDecoder, const QByteArray &wire,
                                    QString *failure)
{
    std::unique_ptr<StreamDecoder> whole = makeDecoder();
    const StreamEvents reference = run(*whole, wire);
    const QStringList expected = describeAll(reference);
    QList<QPair<QString, QList<qsizetype>>> chunkings { { QStringLiteral("byte by byte"), { 1 } },
                                                        { QStringLiteral("7 bytes"), { 7 } } };
    for (quint32 seed : { 1u, 2u, 3u, 42u, 2026u })
        chunkings.append({ QStringLiteral("random seed %1").arg(seed), randomChunking(seed) });
    for (const auto &[name, sizes] : std::as_const(chunkings)) {
        std::unique_ptr<StreamDecoder> decoder = makeDecoder();
        const QStringList got = describeAll(run(*decoder, wire, sizes));
        if (got != expected) {
            *failure = name + QStringLiteral(":\n  got      ") + got.join(QStringLiteral("\n  "))
                + QStringLiteral("\n  expected ") + expected.join(QStringLiteral("\n  "));
            return reference;
        }
    }
    failure->clear();
    return reference;
}

// A fixture written for these tests (tests/fixtures/gateways, in the repository).
inline QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(EASEL_SOURCE_DIR "/tests/fixtures/gateways/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// One SSE event of data-only framing; a JSON text over several lines becomes several data lines.
inline QByteArray sse(const QByteArray &json)
{
    QByteArray event;
    for (const QByteArray &line : json.split('\n'))
        event += "data: " + line + '\n';
    return event + '\n';
}

} // namespace StreamHarness
