#include "demo/demoimagepainter.h"
#include "demo/demoimagesrequest.h"
#include "demo/demoimagesresponsebuilder.h"
#include "demo/demorenderer.h"
#include "demo/demorequest.h"
#include "demo/demoresponsebuilder.h"
#include "demo/demousage.h"
#include "demo/httprequestreader.h"

#include <QBuffer>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

// The offline demo's pieces without a socket: the HTTP request reader, the request parser, the
// painter, the encoder, the Responses event framing and the images endpoint's request and answer.
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
    void imagesRequestParsing_data();
    void imagesRequestParsing();

    void painterIsDeterministic();
    void painterHonoursSizeAndAlpha();
    void previewsDifferFromTheFinal();
    void qualitySetsDetail();
    void variantsDifferButRepeat();
    void rendererPaintsEveryImage();
    void imageOutputTokens_data();
    void imageOutputTokens();
    void encodeFormats_data();
    void encodeFormats();

    void eventFraming();
    void longPromptCutBetweenCharacters();
    void deltasRebuildTheText();
    void imagesEventFraming();
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
        // Blank lines before the request line are ignored, not taken for the end of the head
        // (found by fuzz_httprequestreader).
        QTest::addRow("leading blank lines, crlf, %d bytes a read", size)
            << "\r\n\r\n\r" + crlf << size;
        QTest::addRow("leading blank lines, lf, %d bytes a read", size) << "\n\n" + lf << size;
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
    // Found with fuzz_demorequest: a NaN side was rounded to int (undefined behaviour).
    QTest::newRow("a ratio that is no number") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","aspect_ratio":"nan:1"}]})")
                                               << QSize(1024, 1024) << "png"
                                               << "opaque"
                                               << "auto" << 0;
    QTest::newRow("an infinite ratio") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","aspect_ratio":"inf:inf"}]})")
                                       << QSize(1024, 1024) << "png"
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
    QTest::newRow("bad moderation") << QByteArray(
        R"({"model":"m","input":"x","tools":[{"type":"image_generation","moderation":"none"}]})")
                                    << "tools[0].moderation";
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

void TestDemoParts::imagesRequestParsing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("background");
    QTest::addColumn<int>("partials");

    QTest::newRow("defaults") << QByteArray(R"({"prompt":"a fox"})") << 1 << "gpt-image-2"
                              << QSize(1024, 1024) << "png"
                              << "opaque" << 0;
    QTest::newRow("everything") << QByteArray(
        R"({"prompt":"a fox","model":"gpt-image-1.5","n":4,"size":"1536x1024","quality":"high",
            "output_format":"webp","output_compression":70,"background":"transparent",
            "moderation":"low","stream":true,"partial_images":3,"response_format":"b64_json",
            "user":"u","style":"vivid"})")
                                << 4 << "gpt-image-1.5" << QSize(1536, 1024) << "webp"
                                << "transparent" << 3;
    QTest::newRow("previews only when streaming")
        << QByteArray(R"({"prompt":"a fox","partial_images":2})") << 1 << "gpt-image-2"
        << QSize(1024, 1024) << "png"
        << "opaque" << 0;
    QTest::newRow("ratio picks a GPT image 1 size")
        << QByteArray(R"({"prompt":"a fox","model":"gpt-image-1","aspect_ratio":"16:9"})") << 1
        << "gpt-image-1" << QSize(1536, 1024) << "png"
        << "opaque" << 0;
    QTest::newRow("a ratio that is no number keeps the default size")
        << QByteArray(R"({"prompt":"a fox","model":"gpt-image-2","aspect_ratio":"nan:1"})") << 1
        << "gpt-image-2" << QSize(1024, 1024) << "png"
        << "opaque" << 0;
    QTest::newRow("gateway model id, jpeg cannot be transparent")
        << QByteArray(R"({"prompt":"a fox","model":"openai/gpt-image-2","n":10,
                          "output_format":"jpeg","background":"transparent"})")
        << 10 << "openai/gpt-image-2" << QSize(1024, 1024) << "jpeg"
        << "opaque" << 0;
}

void TestDemoParts::imagesRequestParsing()
{
    QFETCH(QByteArray, json);
    QFETCH(int, n);
    QFETCH(QString, model);
    QFETCH(QSize, size);
    QFETCH(QString, format);
    QFETCH(QString, background);
    QFETCH(int, partials);
    const DemoImagesRequest request = DemoImagesRequest::fromJson(json);
    QVERIFY2(request.isValid(), qPrintable(request.settings.error));
    QCOMPARE(request.n, n);
    QCOMPARE(request.settings.prompt, QStringLiteral("a fox"));
    QCOMPARE(request.settings.imageModel, model);
    QCOMPARE(request.settings.size, size);
    QCOMPARE(request.settings.outputFormat, format);
    QCOMPARE(request.settings.background, background);
    QCOMPARE(request.settings.partialImages, partials);
    QVERIFY(request.settings.hasImageTool);
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

void TestDemoParts::variantsDifferButRepeat()
{
    // The n images of one request: each variant its own picture, the same one every time, and
    // variant 0 the picture of the Responses path.
    const QString prompt = QStringLiteral("a red fox in a snowy forest at sunset");
    const auto paint = [&](quint32 variant) {
        return DemoImagePainter::paint(prompt, QSize(160, 120), QStringLiteral("low"), false, 1.0,
                                       variant);
    };
    QCOMPARE(paint(0),
             DemoImagePainter::paint(prompt, QSize(160, 120), QStringLiteral("low"), false, 1.0));
    QVERIFY(paint(1) != paint(0));
    QVERIFY(paint(2) != paint(1));
    QVERIFY(paint(2) != paint(0));
    QCOMPARE(paint(1), paint(1));
}

void TestDemoParts::rendererPaintsEveryImage()
{
    DemoRenderSpec spec;
    spec.prompt = QStringLiteral("three harbours");
    spec.size = QSize(96, 64);
    spec.quality = QStringLiteral("low");
    spec.partialImages = 1;
    spec.count = 3;
    QFuture<DemoRenderedImage> future = DemoRenderer::start(spec);
    future.waitForFinished();
    const QList<DemoRenderedImage> results = future.results();
    QCOMPARE(results.size(), 6);
    QSet<QByteArray> finals;
    for (int i = 0; i < results.size(); ++i) {
        QCOMPARE(results.at(i).imageIndex, i / 2); // image by image
        QCOMPARE(results.at(i).partialIndex, i % 2 == 0 ? 0 : -1); // preview, then final
        QVERIFY(!results.at(i).bytes.isEmpty());
        if (results.at(i).partialIndex == -1)
            finals.insert(results.at(i).bytes);
    }
    QCOMPARE(finals.size(), 3);
}

void TestDemoParts::imageOutputTokens_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qint64>("tokens");
    // wire-formats B.3: the GPT image 1.x table and the gpt-image-2 formula's published checks.
    QTest::newRow("gpt-image-1 low square") << "gpt-image-1"
                                            << "low" << QSize(1024, 1024) << qint64(272);
    QTest::newRow("gpt-image-1-mini medium portrait")
        << "gpt-image-1-mini"
        << "medium" << QSize(1024, 1536) << qint64(1584);
    QTest::newRow("gpt-image-1.5 high landscape") << "gpt-image-1.5"
                                                  << "high" << QSize(1536, 1024) << qint64(6208);
    QTest::newRow("gpt-image-1 medium, other size by area")
        << "gpt-image-1"
        << "medium" << QSize(512, 512) << qint64(264);
    QTest::newRow("gpt-image-2 low square") << "gpt-image-2"
                                            << "low" << QSize(1024, 1024) << qint64(196);
    QTest::newRow("gpt-image-2 high square") << "gpt-image-2"
                                             << "high" << QSize(1024, 1024) << qint64(7024);
    QTest::newRow("gateway gpt-image-2 high landscape")
        << "openai/gpt-image-2"
        << "high" << QSize(1536, 1024) << qint64(5488);
    QTest::newRow("gateway gpt-image-1 high square") << "openai/gpt-image-1"
                                                     << "high" << QSize(1024, 1024) << qint64(4160);
    QTest::newRow("gpt-image-2 medium 16:9") << "gpt-image-2"
                                             << "medium" << QSize(1536, 864) << qint64(1078);
}

void TestDemoParts::imageOutputTokens()
{
    QFETCH(QString, model);
    QFETCH(QString, quality);
    QFETCH(QSize, size);
    QFETCH(qint64, tokens);
    QCOMPARE(DemoUsage::imageOutputTokens(model, quality, size), tokens);
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

void TestDemoParts::longPromptCutBetweenCharacters()
{
    // An emoji (two UTF-16 units) where the quoted prompt is cut: it goes whole, not halved.
    const QString prompt = QString(78, u'a') + QString::fromUcs4(U"\U0001F98A") + QString(20, u'b');
    QJsonObject request { { "model", "m" }, { "input", prompt } };
    request.insert("tools", QJsonArray { QJsonObject { { "type", "image_generation" } } });
    const DemoResponseBuilder builder(
        DemoRequest::fromJson(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    const QString text = builder.assistantText();
    QVERIFY(text.contains(QString(78, u'a') + QChar(0x2026)));
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate())
            QVERIFY(i + 1 < text.size() && text.at(i + 1).isLowSurrogate());
        else
            QVERIFY2(!text.at(i).isLowSurrogate(), qPrintable(QString::number(i)));
    }
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

void TestDemoParts::imagesEventFraming()
{
    const DemoImagesRequest request = DemoImagesRequest::fromJson(
        R"({"prompt":"a fox","model":"gpt-image-1","n":2,"quality":"low","stream":true})");
    QVERIFY2(request.isValid(), qPrintable(request.settings.error));
    const DemoImagesResponseBuilder builder(request);
    DemoRenderedImage image;
    image.imageIndex = 1;
    image.partialIndex = 0;
    image.bytes = "\x89PNG";
    image.format = QStringLiteral("png");

    const QByteArray partial = builder.partialImageEvent(image);
    QVERIFY(partial.startsWith("event: image_generation.partial_image\ndata: "
                               "{\"type\":\"image_generation.partial_image\","));
    QVERIFY(partial.endsWith("}\n\n"));
    const QJsonObject fields
        = QJsonDocument::fromJson(partial.mid(partial.indexOf("data: ") + 6)).object();
    QCOMPARE(fields.keys(),
             (QStringList { "b64_json", "background", "created_at", "output_format",
                            "partial_image_index", "quality", "size", "type" }));
    QCOMPARE(fields.value(QLatin1String("b64_json")).toString(), QStringLiteral("iVBORw=="));
    QCOMPARE(fields.value(QLatin1String("partial_image_index")).toInt(-1), 0);
    QCOMPARE(fields.value(QLatin1String("created_at")).toInteger(), builder.createdAt());

    // The prompt's tokens are counted once: on the first image's completed event.
    image.partialIndex = -1;
    const auto usageOf = [](const QByteArray &event) {
        return QJsonDocument::fromJson(event.mid(event.indexOf("data: ") + 6))
            .object()
            .value(QLatin1String("usage"))
            .toObject();
    };
    const QJsonObject second = usageOf(builder.completedEvent(image));
    image.imageIndex = 0;
    const QJsonObject first = usageOf(builder.completedEvent(image));
    QCOMPARE(first.value(QLatin1String("output_tokens")).toInteger(), 272);
    QCOMPARE(second.value(QLatin1String("output_tokens")).toInteger(), 272);
    QCOMPARE(first.value(QLatin1String("input_tokens")).toInteger(), builder.promptTokens());
    QCOMPARE(second.value(QLatin1String("input_tokens")).toInteger(-1), 0);
    QCOMPARE(builder.usage(2, true).value(QLatin1String("total_tokens")).toInteger(),
             builder.promptTokens() + 2 * 272);

    const QByteArray error = DemoImagesResponseBuilder::errorEvent(QStringLiteral("broke"));
    QVERIFY(error.startsWith("event: error\ndata: {\"type\":\"error\",\"error\":{"));
}

QTEST_MAIN(TestDemoParts)
#include "tst_demoparts.moc"
