#include "gateway/sseparser.h"
#include "recordedstream.h"

#include <QRandomGenerator>
#include <QTest>

Q_DECLARE_METATYPE(SseEvent)

namespace {

// A readable form of a list of events, so that a failing comparison shows what differed.
QByteArray describe(const QList<SseEvent> &events)
{
    QByteArray text;
    for (const SseEvent &e : events) {
        QByteArray data = e.data;
        if (data.size() > 200)
            data = data.left(100) + "...(" + QByteArray::number(data.size()) + " bytes)";
        text += "[event=" + e.event + " id=" + e.id + " data=" + data.replace('\n', "\\n") + "]\n";
    }
    return text;
}

QList<SseEvent> parseWhole(const QByteArray &stream)
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed(stream, events);
    parser.finish(events);
    return events;
}

QList<SseEvent> parseByteByByte(const QByteArray &stream)
{
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype i = 0; i < stream.size(); ++i)
        parser.feed(QByteArrayView(stream).sliced(i, 1), events);
    parser.finish(events);
    return events;
}

QList<SseEvent> parseRandomChunks(const QByteArray &stream, quint32 seed, int maxChunk)
{
    QRandomGenerator random(seed);
    SseParser parser;
    QList<SseEvent> events;
    qsizetype pos = 0;
    while (pos < stream.size()) {
        const qsizetype length
            = std::min<qsizetype>(random.bounded(0, maxChunk + 1), stream.size() - pos);
        parser.feed(QByteArrayView(stream).sliced(pos, length), events); // 0 bytes too
        pos += length;
    }
    parser.finish(events);
    return events;
}

SseEvent ev(const QByteArray &data, const QByteArray &event = {}, const QByteArray &id = {})
{
    return SseEvent { event, data, id };
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void crLfSplitAcrossChunks();
    void crAtChunkEndFollowedByOtherByte();
    void eventsAreDeliveredWhenTheirBlankLineArrives();
    void bufferedBytes();
    void resetDropsPendingState();
    void doneMarker();
    void hugeEventInChunks();
    void recordedStreams_data();
    void recordedStreams();
};

void TestSseParser::parse_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<SseEvent>>("expected");

    const QByteArray json = R"({"type":"response.created","n":1})";
    QTest::newRow("LF, named event")
        << QByteArray("event: response.created\ndata: " + json + "\n\n")
        << QList<SseEvent> { ev(json, "response.created") };
    QTest::newRow("CRLF") << QByteArray(
        "event: a\r\ndata: one\r\n\r\nevent: b\r\ndata: two\r\n\r\n")
                          << QList<SseEvent> { ev("one", "a"), ev("two", "b") };
    QTest::newRow("CR") << QByteArray("event: a\rdata: one\r\rdata: two\r\r")
                        << QList<SseEvent> { ev("one", "a"), ev("two") };
    QTest::newRow("mixed line ends")
        << QByteArray("data: a\r\ndata: b\rdata: c\n\r\n") << QList<SseEvent> { ev("a\nb\nc") };
    QTest::newRow("multi-line data") << QByteArray("data: first\ndata:second\ndata:  third\n\n")
                                     << QList<SseEvent> { ev("first\nsecond\n third") };
    QTest::newRow("comments") << QByteArray(": OPENROUTER PROCESSING\n\ndata: x\n\n: keep-alive\n"
                                            "data: y\n:\n\n")
                              << QList<SseEvent> { ev("x"), ev("y") };
    QTest::newRow("[DONE]") << QByteArray("data: {\"a\":1}\n\ndata: [DONE]\n\n")
                            << QList<SseEvent> { ev("{\"a\":1}"), ev("[DONE]") };
    QTest::newRow("event without data is not dispatched")
        << QByteArray("event: ping\n\nevent: real\ndata: z\n\n")
        << QList<SseEvent> { ev("z", "real") };
    QTest::newRow("event name does not leak into the next event")
        << QByteArray("event: first\ndata: 1\n\ndata: 2\n\n")
        << QList<SseEvent> { ev("1", "first"), ev("2") };
    QTest::newRow("field without colon")
        << QByteArray("data\n\nevent\ndata: q\n\n") << QList<SseEvent> { ev(""), ev("q") };
    QTest::newRow("empty data field is an event")
        << QByteArray("data:\n\n") << QList<SseEvent> { ev("") };
    QTest::newRow("two empty data lines")
        << QByteArray("data\ndata\n\n") << QList<SseEvent> { ev("\n") };
    QTest::newRow("colon inside the value")
        << QByteArray("data: {\"k\":\"v: w\"}\n\n") << QList<SseEvent> { ev("{\"k\":\"v: w\"}") };
    QTest::newRow("no space after colon, only one space removed")
        << QByteArray("data:tight\n\ndata:   wide\n\n")
        << QList<SseEvent> { ev("tight"), ev("  wide") };
    QTest::newRow("id persists across events")
        << QByteArray("id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n")
        << QList<SseEvent> { ev("a", {}, "7"), ev("b", {}, "7"), ev("c") };
    QTest::newRow("unknown fields and retry are ignored")
        << QByteArray("retry: 1000\nfoo: bar\ndata: a\nDATA: b\n\n") << QList<SseEvent> { ev("a") };
    QTest::newRow("blank lines alone dispatch nothing")
        << QByteArray("\n\n\r\n\r\r") << QList<SseEvent> {};
    QTest::newRow("last event without blank line (finish)")
        << QByteArray("data: a\n\ndata: tail\n") << QList<SseEvent> { ev("a"), ev("tail") };
    QTest::newRow("last line without line end (finish)")
        << QByteArray("event: e\ndata: tail") << QList<SseEvent> { ev("tail", "e") };
    QTest::newRow("unterminated comment at end")
        << QByteArray("data: a\n\n: bye") << QList<SseEvent> { ev("a") };
    QTest::newRow("utf-8 passes through")
        << QByteArray("data: Gr\xC3\xBC\xC3\x9F\x65 \xE2\x9C\x93\n\n")
        << QList<SseEvent> { ev("Gr\xC3\xBC\xC3\x9F\x65 \xE2\x9C\x93") };
    QTest::newRow("empty stream") << QByteArray() << QList<SseEvent> {};
}

void TestSseParser::parse()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);

    QCOMPARE(describe(parseWhole(stream)), describe(expected));
    QCOMPARE(describe(parseByteByByte(stream)), describe(expected));
    for (quint32 seed = 1; seed <= 20; ++seed)
        QCOMPARE(describe(parseRandomChunks(stream, seed, 7)), describe(expected));
    QCOMPARE(parseWhole(stream), expected); // the fields themselves, not only their description
}

void TestSseParser::crLfSplitAcrossChunks()
{
    // If the LF that completes "\r" were taken as a second line end, it would be a blank line and
    // "a" would be dispatched on its own.
    SseParser parser;
    QList<SseEvent> events;
    parser.feed("data: a\r", events);
    parser.feed("\ndata: b\r", events);
    parser.feed("\n\r", events);
    parser.feed("\n", events);
    QCOMPARE(describe(events), describe({ ev("a\nb") }));
}

void TestSseParser::crAtChunkEndFollowedByOtherByte()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed("data: a\r", events);
    QVERIFY(events.isEmpty());
    parser.feed("\r", events); // a second CR is a blank line, not part of a CRLF
    QCOMPARE(describe(events), describe({ ev("a") }));
    parser.feed("data: b\r", events);
    parser.feed("", events); // an empty chunk changes nothing
    parser.feed("data: c\r\r", events);
    QCOMPARE(describe(events), describe({ ev("a"), ev("b\nc") }));
}

void TestSseParser::eventsAreDeliveredWhenTheirBlankLineArrives()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed("event: x\ndata: 1\n", events);
    QCOMPARE(events.size(), 0);
    parser.feed("\nevent: y\ndata: 2\n\nda", events);
    QCOMPARE(describe(events), describe({ ev("1", "x"), ev("2", "y") }));
    parser.feed("ta: 3\n\n", events);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.last().data, QByteArray("3"));
}

void TestSseParser::bufferedBytes()
{
    SseParser parser;
    QList<SseEvent> events;
    QCOMPARE(parser.bufferedBytes(), 0);
    parser.feed("data: 12345", events);
    QCOMPARE(parser.bufferedBytes(), 11); // an unfinished line
    parser.feed("\n", events);
    QCOMPARE(parser.bufferedBytes(), 5); // the collected data
    parser.feed("\n", events);
    QCOMPARE(events.size(), 1);
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestSseParser::resetDropsPendingState()
{
    SseParser parser;
    QList<SseEvent> events;
    parser.feed("id: 1\nevent: old\ndata: stale\npartial line", events);
    parser.reset();
    QCOMPARE(parser.bufferedBytes(), 0);
    parser.feed("data: fresh\n\n", events);
    QCOMPARE(describe(events), describe({ ev("fresh") }));
}

void TestSseParser::doneMarker()
{
    const QList<SseEvent> events = parseWhole("data: [DONE]\n\ndata: [DONE] \n\ndata: {}\n\n");
    QCOMPARE(events.size(), 3);
    QVERIFY(events.at(0).isDoneMarker());
    QVERIFY(!events.at(1).isDoneMarker());
    QVERIFY(!events.at(2).isDoneMarker());
}

void TestSseParser::hugeEventInChunks()
{
    // 5 MB of data in one event, delivered in 16 KB chunks; checks correctness and that the
    // pending buffer does not keep consumed bytes around (timing is the benchmark's job).
    QByteArray payload(5 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(42);
    static const char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (char &c : payload)
        c = alphabet[random.bounded(64)];
    const QByteArray stream = "event: big\ndata: " + payload + "\n\nevent: after\ndata: small\n\n";

    SseParser parser;
    QList<SseEvent> events;
    const qsizetype chunk = 16 * 1024;
    qsizetype maxBuffered = 0;
    for (qsizetype pos = 0; pos < stream.size(); pos += chunk) {
        parser.feed(QByteArrayView(stream).sliced(pos, std::min(chunk, stream.size() - pos)),
                    events);
        maxBuffered = std::max(maxBuffered, parser.bufferedBytes());
    }
    parser.finish(events);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).event, QByteArray("big"));
    QCOMPARE(events.at(0).data.size(), payload.size());
    QVERIFY(events.at(0).data == payload);
    QCOMPARE(events.at(1).data, QByteArray("small"));
    QVERIFY2(maxBuffered <= payload.size() + 2 * chunk,
             QByteArray::number(maxBuffered).constData());
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestSseParser::recordedStreams_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("eventCount");
    QTest::newRow("openai image stream")
        << "vercel-openai-image-generation-tool.1.chunks.txt" << 16;
    QTest::newRow("azure image stream") << "vercel-azure-image-generation-tool.1.chunks.txt" << 41;
    QTest::newRow("openai error stream") << "vercel-openai-error.1.chunks.txt" << 4;
}

void TestSseParser::recordedStreams()
{
    EASEL_REQUIRE_FIXTURES();
    QFETCH(QString, file);
    QFETCH(int, eventCount);

    const QByteArray recorded = RecordedStream::read(file);
    QVERIFY2(!recorded.isEmpty(), qPrintable(file));
    const QByteArray stream = RecordedStream::frameAsSse(recorded);

    const QList<SseEvent> whole = parseWhole(stream);
    QCOMPARE(whole.size(), eventCount);
    // Every event is the recorded line, named after its JSON "type".
    const QList<QByteArray> lines = recorded.trimmed().split('\n');
    QCOMPARE(lines.size(), eventCount);
    for (int i = 0; i < eventCount; ++i) {
        QCOMPARE(whole.at(i).data, lines.at(i));
        const QByteArray typeField = "\"type\":\"" + whole.at(i).event + '"';
        QVERIFY(lines.at(i).contains(typeField));
    }

    QVERIFY(parseByteByByte(stream) == whole);
    QVERIFY(parseRandomChunks(stream, 7, 4096) == whole);
    QByteArray crlf = stream;
    crlf.replace("\n", "\r\n");
    QVERIFY(parseByteByByte(crlf) == whole);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
