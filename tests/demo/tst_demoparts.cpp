#include "demo/demoimagepainter.h"
#include "demo/demorenderer.h"
#include "demo/demorequest.h"
#include "demo/demoresponsebuilder.h"
#include "demo/httprequestreader.h"

#include <QBuffer>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The offline demo's pieces without a socket: the HTTP request reader, the request parser, the
// painter, the encoder and the Responses event framing.
class TestDemoParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerAtAnySplit_data();
    void readerAtAnySplit();
    void readerRejects_data();
    void readerRejects();
    void readerWaitsForTheBody();

    void requestParsing_data();
    void requestParsing();
    void requestErrors_data();
    void requestErrors();
    void promptFromMessageList();

    void painterIsDeterministic();
    void painterHonoursSizeAndAlpha();
    void previewsDifferFromTheFinal();
    void qualitySetsDetail();
    void encodeFormats_data();
    void encodeFormats();

    void eventFraming();
    void deltasRebuildTheText();
};

void TestDemoParts::readerAtAnySplit_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("pieceSize");
    const QByteArray crlf = "POST /v1/responses?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\ncontent-length: 11\r\n\r\n"
                            "{\"a\":\"b c\"}";
    QByteArray lf = crlf;
    lf.replace("\r\n", "\n");
    for (int size : { 1, 2, 3, 7, 1000 }) {
        QTest::addRow("crlf, %d bytes a read", size) << crlf << size;
        QTest::addRow("lf, %d bytes a read", size) << lf << size;
    }
}

void TestDemoParts::readerAtAnySplit()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, pieceSize);
    HttpRequestReader reader;
    HttpRequestReader::State state = HttpRequestReader::State::Incomplete;
    for (qsizetype at = 0; at < raw.size(); at += pieceSize) {
        QCOMPARE(state, HttpRequestReader::State::Incomplete);
        state = reader.feed(
            QByteArrayView(raw).sliced(at, qMin<qsizetype>(pieceSize, raw.size() - at)));
    }
    QCOMPARE(state, HttpRequestReader::State::Complete);
    const HttpRequest request = reader.takeRequest();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/v1/responses?x=1"));
    QCOMPARE(request.path, QByteArray("/v1/responses"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.header("CONTENT-LENGTH"), QByteArray("11"));
    QCOMPARE(request.body, QByteArray("{\"a\":\"b c\"}"));
}

void TestDemoParts::readerRejects_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("tls client hello")
        << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) << 400;
    QTest::newRow("no target") << QByteArray("GET\r\n\r\n") << 400;
    QTest::newRow("bad version") << QByteArray("GET / SPDY/3\r\n\r\n") << 505;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nbroken\r\n\r\n") << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: ten\r\n\r\n")
                                << 400;
    QTest::newRow("chunked body") << QByteArray(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                  << 411;
    QTest::newRow("too large") << QByteArray(
        "POST / HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n")
                               << 413;
    QTest::newRow("endless head") << "GET / HTTP/1.1\r\nX: " + QByteArray(70 * 1024, 'a') << 431;
}

void TestDemoParts::readerRejects()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    HttpRequestReader reader;
    QCOMPARE(reader.feed(raw), HttpRequestReader::State::Failed);
    QCOMPARE(reader.errorStatus(), status);
    QVERIFY(!reader.errorMessage().isEmpty());
    QCOMPARE(reader.feed("more"), HttpRequestReader::State::Failed);
}

void TestDemoParts::readerWaitsForTheBody()
{
    HttpRequestReader reader;
    QCOMPARE(reader.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nab"),
             HttpRequestReader::State::Incomplete);
    QVERIFY(reader.headComplete());
    QVERIFY(reader.expectsContinue());
    QCOMPARE(reader.feed("cdEXTRA"), HttpRequestReader::State::Complete);
    QCOMPARE(reader.takeRequest().body, QByteArray("abcd"));
}

void TestDemoParts::requestParsing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("background");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<int>("partials");

    QTest::newRow("openai flat") << QByteArray(
        R"({"model":"gpt-5","input":"a fox","stream":true,"tools":[{"type":"image_generation","size":"1536x1024","output_format":"webp","quality":"high","background":"opaque","partial_images":2}]})")
                                 << QSize(1536, 1024) << "webp"
                                 << "opaque"
                                 << "high" << 2;
    QTest::newRow("ai stats parameters") << QByteArray(
        R"({"model":"openai/gpt-5-nano","input":"a fox","stream":true,"tools":[{"type":"phaseo:image_generation","parameters":{"aspect_ratio":"2:3","size":"auto","background":"transparent","output_format":"png"}}]})")
                                         << QSize(1024, 1536) << "png"
                                         << "transparent"
                                         << "auto" << 0;
    QTest::newRow("16:9") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"openrouter:image_generation","aspect_ratio":"16:9"}]})")
                          << QSize(1536, 864) << "png"
                          << "opaque"
                          << "auto" << 0;
    QTest::newRow("defaults") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation"}]})")
                              << QSize(1024, 1024) << "png"
                              << "opaque"
                              << "auto" << 0;
    QTest::newRow("jpeg cannot be transparent") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","output_format":"jpeg","background":"transparent"}]})")
                                                << QSize(1024, 1024) << "jpeg"
                                                << "opaque"
                                                << "auto" << 0;
    QTest::newRow("previews only when streaming") << QByteArray(
        R"({"model":"m","input":"x","stream":false,"tools":[{"type":"image_generation","partial_images":3}]})")
                                                  << QSize(1024, 1024) << "png"
                                                  << "opaque"
                                                  << "auto" << 0;
}

void TestDemoParts::requestParsing()
{
    QFETCH(QByteArray, json);
    QFETCH(QSize, size);
    QFETCH(QString, format);
    QFETCH(QString, background);
    QFETCH(QString, quality);
    QFETCH(int, partials);
    const DemoRequest request = DemoRequest::fromJson(json);
    QVERIFY2(request.isValid(), qPrintable(request.error));
    QVERIFY(request.hasImageTool);
    QCOMPARE(request.prompt.isEmpty(), false);
    QCOMPARE(request.size, size);
    QCOMPARE(request.outputFormat, format);
    QCOMPARE(request.background, background);
    QCOMPARE(request.quality, quality);
    QCOMPARE(request.partialImages, partials);
}

void TestDemoParts::requestErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("param");
    QTest::newRow("not json") << QByteArray("{model: gpt") << QString();
    QTest::newRow("array") << QByteArray("[1,2]") << QString();
    QTest::newRow("no model") << QByteArray(R"({"input":"x"})") << "model";
    QTest::newRow("no input") << QByteArray(R"({"model":"m"})") << "input";
    QTest::newRow("empty prompt") << QByteArray(
        R"({"model":"m","input":[{"role":"user","content":[]}]})")
                                  << "input";
    QTest::newRow("bad size") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","size":"huge"}]})")
                              << "tools[0].size";
    QTest::newRow("size too big") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","size":"8000x8000"}]})")
                                  << "tools[0].size";
    QTest::newRow("bad quality") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","quality":"ultra"}]})")
                                 << "tools[0].quality";
    QTest::newRow("bad format") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","output_format":"gif"}]})")
                                << "tools[0].output_format";
    QTest::newRow("too many partials") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"web_search"},{"type":"image_generation","partial_images":4}]})")
                                       << "tools[1].partial_images";
}

void TestDemoParts::requestErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, param);
    const DemoRequest request = DemoRequest::fromJson(json);
    QVERIFY(!request.isValid());
    QCOMPARE(request.errorParam, param);
    const QJsonObject error
        = QJsonDocument::fromJson(
              DemoResponseBuilder::errorBody(request.error, QStringLiteral("invalid_request_error"),
                                             request.errorParam))
              .object()
              .value(QLatin1String("error"))
              .toObject();
    QCOMPARE(error.value(QLatin1String("message")).toString(), request.error);
    QCOMPARE(error.value(QLatin1String("param")).isNull(), param.isEmpty());
}

void TestDemoParts::promptFromMessageList()
{
    const DemoRequest request = DemoRequest::fromJson(R"({"model":"m","input":[
        {"role":"user","content":"first idea"},
        {"role":"assistant","content":[{"type":"output_text","text":"Here it is."}]},
        {"type":"image_generation_call","id":"ig_1","status":"completed","result":"AAAA"},
        {"role":"user","content":[{"type":"input_text","text":"now at night"},
                                  {"type":"input_image","image_url":"data:image/png;base64,AAAA"}]}]})");
    QVERIFY2(request.isValid(), qPrintable(request.error));
    QCOMPARE(request.prompt, QStringLiteral("now at night"));
    QVERIFY(!request.hasImageTool);
}

void TestDemoParts::painterIsDeterministic()
{
    const QString prompt = QStringLiteral("a red fox in a snowy forest at sunset");
    const QImage a
        = DemoImagePainter::paint(prompt, QSize(320, 200), QStringLiteral("medium"), false, 1.0);
    const QImage b
        = DemoImagePainter::paint(prompt, QSize(320, 200), QStringLiteral("medium"), false, 1.0);
    const QImage other
        = DemoImagePainter::paint(QStringLiteral("a blue ocean at night"), QSize(320, 200),
                                  QStringLiteral("medium"), false, 1.0);
    QCOMPARE(a, b);
    QVERIFY(a != other);
    QCOMPARE(DemoImagePainter::seedFor(QStringLiteral("Fox ")),
             DemoImagePainter::seedFor(QStringLiteral("fox")));
    QVERIFY(DemoImagePainter::describe(prompt).contains(QStringLiteral("sunset")));
    QVERIFY(DemoImagePainter::describe(prompt).contains(QStringLiteral("forest")));
}

void TestDemoParts::painterHonoursSizeAndAlpha()
{
    const QImage opaque = DemoImagePainter::paint(QStringLiteral("x"), QSize(300, 120),
                                                  QStringLiteral("low"), false, 1.0);
    QCOMPARE(opaque.size(), QSize(300, 120));
    QCOMPARE(qAlpha(opaque.pixel(0, 0)), 255);
    QCOMPARE(qAlpha(opaque.pixel(150, 60)), 255);

    const QImage badge = DemoImagePainter::paint(QStringLiteral("x"), QSize(200, 200),
                                                 QStringLiteral("low"), true, 1.0);
    QCOMPARE(qAlpha(badge.pixel(2, 2)), 0); // outside the badge
    QCOMPARE(qAlpha(badge.pixel(100, 100)), 255); // inside it
    QVERIFY(DemoImagePainter::paint(QStringLiteral("x"), QSize(), QStringLiteral("low"), false, 1)
                .isNull());
}

void TestDemoParts::previewsDifferFromTheFinal()
{
    const QString prompt = QStringLiteral("misty mountains");
    const QSize size(240, 160);
    const QImage final
        = DemoImagePainter::paint(prompt, size, QStringLiteral("medium"), false, 1.0);
    const QImage early
        = DemoImagePainter::paint(prompt, size, QStringLiteral("medium"), false, 0.25);
    const QImage late
        = DemoImagePainter::paint(prompt, size, QStringLiteral("medium"), false, 0.75);
    QCOMPARE(early.size(), size);
    QVERIFY(early != final);
    QVERIFY(late != final);
    QVERIFY(early != late);
}

void TestDemoParts::qualitySetsDetail()
{
    // More detail means more distinct shapes: the encoded high-quality picture is larger.
    const QString prompt = QStringLiteral("night city forest");
    QString format;
    const QByteArray low = DemoRenderer::encode(
        DemoImagePainter::paint(prompt, QSize(512, 512), QStringLiteral("low"), false, 1),
        QStringLiteral("png"), 100, &format);
    const QByteArray high = DemoRenderer::encode(
        DemoImagePainter::paint(prompt, QSize(512, 512), QStringLiteral("high"), false, 1),
        QStringLiteral("png"), 100, &format);
    QVERIFY2(high.size() > low.size(),
             qPrintable(QStringLiteral("%1 vs %2").arg(high.size()).arg(low.size())));
}

void TestDemoParts::encodeFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("jpeg") << "jpeg" << QByteArray("\xff\xd8\xff");
    QTest::newRow("webp") << "webp" << QByteArray("RIFF");
}

void TestDemoParts::encodeFormats()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, magic);
    const QImage image = DemoImagePainter::paint(QStringLiteral("gold desert"), QSize(64, 48),
                                                 QStringLiteral("low"), true, 1);
    QString written;
    const QByteArray bytes = DemoRenderer::encode(image, format, 80, &written);
    if (!DemoRenderer::canWrite(format)) {
        QCOMPARE(written, QStringLiteral("png")); // the fallback says what it wrote
        QVERIFY(bytes.startsWith("\x89PNG"));
        QSKIP("This Qt cannot write the format; the png fallback was checked");
    }
    QCOMPARE(written, format);
    QVERIFY(bytes.startsWith(magic));
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    QCOMPARE(reader.size(), QSize(64, 48));
}

void TestDemoParts::eventFraming()
{
    DemoResponseBuilder builder(DemoRequest::fromJson(
        R"({"model":"gpt-5","input":"a fox","tools":[{"type":"image_generation"}]})"));
    const QByteArray first = builder.event(
        QStringLiteral("response.created"),
        { { QStringLiteral("response"), builder.response(QStringLiteral("in_progress")) } });
    const QByteArray second = builder.event(QStringLiteral("response.in_progress"));
    QVERIFY(first.startsWith(
        "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,"));
    QVERIFY(first.endsWith("}\n\n"));
    QCOMPARE(second,
             QByteArray("event: response.in_progress\ndata: "
                        "{\"type\":\"response.in_progress\",\"sequence_number\":1}\n\n"));
    const QByteArray json = first.mid(first.indexOf("data: ") + 6).trimmed();
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QCOMPARE(object.value(QLatin1String("response"))
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("in_progress"));

    const QJsonObject completed = builder.response(QStringLiteral("completed"));
    QCOMPARE(completed.value(QLatin1String("usage"))
                 .toObject()
                 .value(QLatin1String("cost"))
                 .toDouble(-1),
             0.0);
    QVERIFY(completed.value(QLatin1String("tool_usage"))
                .toObject()
                .value(QLatin1String("image_gen"))
                .toObject()
                .value(QLatin1String("output_tokens"))
                .toInt()
            > 0);
}

void TestDemoParts::deltasRebuildTheText()
{
    const DemoResponseBuilder builder(DemoRequest::fromJson(
        R"({"model":"m","input":"a quiet harbour at dawn","tools":[{"type":"image_generation"}]})"));
    const QStringList deltas = builder.assistantDeltas();
    QVERIFY(deltas.size() > 5);
    QCOMPARE(deltas.join(QString()), builder.assistantText());
    QVERIFY(builder.assistantText().contains(QStringLiteral("a quiet harbour at dawn")));
}

QTEST_MAIN(TestDemoParts)
#include "tst_demoparts.moc"
