#include "demo/demogateway.h"
#include "gateway/responsesdecoder.h"
#include "gateway/responsesrequest.h"
#include "gateway/sseparser.h"
#include "net/gatewayjob.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

// One request to the demo as the app makes it: GatewayJob -> SseParser -> ResponsesDecoder.
struct Exchange
{
    std::unique_ptr<GatewayJob> job;
    SseParser parser;
    ResponsesDecoder decoder;
    QByteArray body;
    StreamEvents events;
    QList<int> emissionOfEvent; // which dataReceived emission produced each event
    int emissions = 0;
    bool finished = false;

    QList<StreamEvent> ofKind(StreamEvent::Kind kind) const
    {
        QList<StreamEvent> out;
        for (const StreamEvent &event : events) {
            if (event.kind == kind)
                out << event;
        }
        return out;
    }
};

QImage decode(const QByteArray &bytes, QByteArray *format = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    if (format)
        *format = reader.format();
    return reader.read();
}

} // namespace

class TestDemoGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void streamsLikeTheResponsesApi_data();
    void streamsLikeTheResponsesApi();
    void streamIsIncremental();
    void nonStreamingGivesTheSameImage();
    void textOnlyWithoutTheTool();
    void malformedJsonIs400();
    void invalidToolSettingIs400();
    void unknownPathIs404();
    void survivesACancelledClient();
    void requestInPiecesOverARawSocket();
    void servesConcurrentRequests();

private:
    std::unique_ptr<Exchange> post(const QByteArray &body,
                                   const QString &path = QStringLiteral("/responses"));
    bool waitFor(Exchange &exchange, int timeoutMs = 30000);
    static QByteArray requestBody(const ImageParams &params, bool stream, const QString &prompt,
                                  const QString &toolType = QStringLiteral("image_generation"));

    QNetworkAccessManager *m_manager = nullptr;
    DemoGateway *m_demo = nullptr;
};

void TestDemoGateway::initTestCase()
{
    qRegisterMetaType<StreamEvent>();
}

void TestDemoGateway::init()
{
    m_manager = new QNetworkAccessManager(this);
    m_demo = new DemoGateway(this);
    m_demo->setPacing(0);
    QVERIFY2(m_demo->start(), qPrintable(m_demo->errorString()));
    QCOMPARE(m_demo->baseUrl().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_demo->baseUrl().path(), QStringLiteral("/v1"));
}

void TestDemoGateway::cleanup()
{
    delete m_demo;
    delete m_manager;
}

QByteArray TestDemoGateway::requestBody(const ImageParams &params, bool stream,
                                        const QString &prompt, const QString &toolType)
{
    ResponsesRequest request;
    request.chatModel = QStringLiteral("gpt-5");
    request.prompt = prompt;
    request.params = params;
    request.stream = stream;
    request.toolType = toolType;
    request.nestToolParameters = toolType != QLatin1String("image_generation");
    return ResponsesRequestBuilder::body(request);
}

std::unique_ptr<Exchange> TestDemoGateway::post(const QByteArray &body, const QString &path)
{
    auto exchange = std::make_unique<Exchange>();
    exchange->job = std::make_unique<GatewayJob>(m_manager, QStringLiteral("Demo"));
    Exchange *x = exchange.get();
    QObject::connect(x->job.get(), &GatewayJob::dataReceived, x->job.get(),
                     [x](const QByteArray &chunk) {
                         ++x->emissions;
                         x->body += chunk;
                         QList<SseEvent> sse;
                         x->parser.feed(chunk, sse);
                         for (const SseEvent &event : sse) {
                             for (const StreamEvent &decoded : x->decoder.decode(event)) {
                                 x->events << decoded;
                                 x->emissionOfEvent << x->emissions;
                             }
                         }
                     });
    QObject::connect(x->job.get(), &GatewayJob::finished, x->job.get(),
                     [x] { x->finished = true; });

    QUrl url = m_demo->baseUrl();
    url.setPath(url.path() + path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    x->job->start(request, body);
    return exchange;
}

bool TestDemoGateway::waitFor(Exchange &exchange, int timeoutMs)
{
    const bool done = QTest::qWaitFor([&] { return exchange.finished; }, timeoutMs);
    if (done && exchange.job->status() == GatewayJob::Status::Succeeded && exchange.emissions > 0) {
        QList<SseEvent> rest;
        exchange.parser.finish(rest);
        for (const SseEvent &event : rest)
            exchange.events << exchange.decoder.decode(event);
    }
    return done;
}

void TestDemoGateway::streamsLikeTheResponsesApi_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("partials");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<bool>("alpha");

    ImageParams params;
    params.size = QStringLiteral("1536x1024");
    params.partialImages = 2;
    params.quality = QStringLiteral("low");
    QTest::newRow("1536x1024 png, 2 previews")
        << requestBody(params, true, QStringLiteral("a red fox in a snowy forest at sunset")) << 2
        << QSize(1536, 1024) << QByteArray("png") << false;

    params = ImageParams();
    params.partialImages = 0;
    params.background = QStringLiteral("transparent");
    params.quality = QStringLiteral("low");
    QTest::newRow("transparent png, no preview")
        << requestBody(params, true, QStringLiteral("a crystal emblem")) << 0 << QSize(1024, 1024)
        << QByteArray("png") << true;

    params = ImageParams();
    params.outputFormat = QStringLiteral("jpeg");
    params.outputCompression = 70;
    params.partialImages = 1;
    params.size = QStringLiteral("1024x1024");
    QTest::newRow("jpeg, 1 preview") << requestBody(params, true, QStringLiteral("night harbour"))
                                     << 1 << QSize(1024, 1024) << QByteArray("jpeg") << false;

    params = ImageParams();
    params.aspectRatio = QStringLiteral("2:3");
    params.partialImages = 3;
    params.quality = QStringLiteral("low");
    params.outputFormat = QStringLiteral("webp");
    QTest::newRow("aspect ratio 2:3 with size auto, gateway tool, webp, 3 previews")
        << requestBody(params, true, QStringLiteral("tall lighthouse"),
                       QStringLiteral("phaseo:image_generation"))
        << 3 << QSize(1024, 1536) << QByteArray("webp") << false;

    QTest::newRow("raw aspect ratio request") << QByteArray(
        R"({"model":"gpt-5","input":[{"role":"user","content":[{"type":"input_text","text":"portrait of a desert"}]}],"stream":true,
                         "tools":[{"type":"ai-stats:image_generation","parameters":{"size":"auto","aspect_ratio":"2:3","partial_images":1,"quality":"low"}}]})")
                                              << 1 << QSize(1024, 1536) << QByteArray("png")
                                              << false;
}

void TestDemoGateway::streamsLikeTheResponsesApi()
{
    QFETCH(QByteArray, body);
    QFETCH(int, partials);
    QFETCH(QSize, size);
    QFETCH(QByteArray, format);
    QFETCH(bool, alpha);
    if (format == "webp" && !QImageReader::supportedImageFormats().contains("webp"))
        QSKIP("No webp plugin (qt6-image-formats-plugins) here");

    const auto exchange = post(body);
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->job->status(), GatewayJob::Status::Succeeded);
    QVERIFY(exchange->job->contentType().startsWith(QLatin1String("text/event-stream")));
    QVERIFY(
        exchange->body.startsWith("event: response.created\ndata: {\"type\":\"response.created\""));

    QVERIFY(exchange->ofKind(StreamEvent::Kind::Error).isEmpty());
    QCOMPARE(exchange->events.first().kind, StreamEvent::Kind::Started);
    QCOMPARE(exchange->events.last().kind, StreamEvent::Kind::Done);
    QVERIFY(exchange->decoder.isFinished());

    const QList<StreamEvent> previews = exchange->ofKind(StreamEvent::Kind::ImagePartial);
    QCOMPARE(previews.size(), partials);
    for (int i = 0; i < previews.size(); ++i) {
        QCOMPARE(previews.at(i).partialIndex, i);
        QCOMPARE(decode(previews.at(i).imageBytes).size(), size);
    }

    const QList<StreamEvent> finals = exchange->ofKind(StreamEvent::Kind::ImageFinal);
    QCOMPARE(finals.size(), 1);
    QByteArray actualFormat;
    const QImage image = decode(finals.first().imageBytes, &actualFormat);
    QCOMPARE(image.size(), size);
    QCOMPARE(actualFormat, format);
    QCOMPARE(finals.first().report.outputFormat, QString::fromLatin1(format));
    QCOMPARE(finals.first().report.size,
             QStringLiteral("%1x%2").arg(size.width()).arg(size.height()));
    QVERIFY(!finals.first().report.revisedPrompt.isEmpty());
    for (const StreamEvent &preview : previews)
        QCOMPARE(preview.itemId, finals.first().itemId);
    QCOMPARE(image.hasAlphaChannel(), alpha);
    if (alpha) {
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(image.pixel(size.width() / 2, size.height() / 2)), 255);
    }

    QString text;
    for (const StreamEvent &delta : exchange->ofKind(StreamEvent::Kind::TextDelta))
        text += delta.text;
    QVERIFY2(text.startsWith(QLatin1String("Here is a demo rendering of")), qPrintable(text));

    const QList<StreamEvent> usage = exchange->ofKind(StreamEvent::Kind::Usage);
    QVERIFY(!usage.isEmpty());
    const Usage reported = usage.last().usage;
    QVERIFY(reported.inputTokens > 0);
    QVERIFY(reported.outputTokens > 0);
    QVERIFY(reported.hasImageTokens);
    QVERIFY(reported.imageOutputTokens > 0);
    QCOMPARE(reported.billedCostUsd.value_or(-1), 0.0);
    QCOMPARE(m_demo->requestsServed(), 1);
}

void TestDemoGateway::streamIsIncremental()
{
    // With pacing, previews reach the client in earlier reads than the end of the stream.
    m_demo->setPacing(40);
    ImageParams params;
    params.partialImages = 2;
    params.quality = QStringLiteral("low");
    params.size = QStringLiteral("1024x1024");
    const auto exchange = post(requestBody(params, true, QStringLiteral("slow dawn")));
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->job->status(), GatewayJob::Status::Succeeded);
    int firstPreview = -1, done = -1;
    for (int i = 0; i < exchange->events.size(); ++i) {
        if (exchange->events.at(i).kind == StreamEvent::Kind::ImagePartial && firstPreview < 0)
            firstPreview = exchange->emissionOfEvent.at(i);
        if (exchange->events.at(i).kind == StreamEvent::Kind::Done)
            done = exchange->emissionOfEvent.at(i);
    }
    QVERIFY(firstPreview > 0);
    QVERIFY2(firstPreview < done, "the previews arrived together with the end of the stream");
}

void TestDemoGateway::nonStreamingGivesTheSameImage()
{
    ImageParams params;
    params.size = QStringLiteral("1536x1024");
    params.quality = QStringLiteral("low");
    params.partialImages = 1;
    const QString prompt = QStringLiteral("a blue ocean with a floating island");

    const auto streamed = post(requestBody(params, true, prompt));
    QVERIFY(waitFor(*streamed));
    const QList<StreamEvent> streamedFinal = streamed->ofKind(StreamEvent::Kind::ImageFinal);
    QCOMPARE(streamedFinal.size(), 1);

    const auto whole = post(requestBody(params, false, prompt));
    QVERIFY(waitFor(*whole));
    QCOMPARE(whole->job->status(), GatewayJob::Status::Succeeded);
    QVERIFY(whole->job->contentType().startsWith(QLatin1String("application/json")));
    QVERIFY(QJsonDocument::fromJson(whole->body).isObject());
    ResponsesDecoder decoder;
    StreamEvents events = decoder.decodeResponseBody(whole->body);
    QList<StreamEvent> finals;
    bool usage = false, done = false;
    for (const StreamEvent &event : events) {
        QVERIFY2(event.kind != StreamEvent::Kind::Error, qPrintable(event.message));
        QVERIFY(event.kind != StreamEvent::Kind::ImagePartial);
        if (event.kind == StreamEvent::Kind::ImageFinal)
            finals << event;
        usage = usage || event.kind == StreamEvent::Kind::Usage;
        done = done || event.kind == StreamEvent::Kind::Done;
    }
    QCOMPARE(finals.size(), 1);
    QVERIFY(usage);
    QVERIFY(done);
    QCOMPARE(finals.first().imageBytes, streamedFinal.first().imageBytes);
    QCOMPARE(decode(finals.first().imageBytes).size(), QSize(1536, 1024));
}

void TestDemoGateway::textOnlyWithoutTheTool()
{
    const auto exchange = post(R"({"model":"gpt-5","input":"hello","stream":true})");
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->job->status(), GatewayJob::Status::Succeeded);
    QVERIFY(exchange->ofKind(StreamEvent::Kind::ImageFinal).isEmpty());
    QVERIFY(!exchange->ofKind(StreamEvent::Kind::TextDelta).isEmpty());
    QCOMPARE(exchange->events.last().kind, StreamEvent::Kind::Done);
}

void TestDemoGateway::malformedJsonIs400()
{
    const auto exchange = post("{\"model\": \"gpt-5\", \"input\": ");
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->job->status(), GatewayJob::Status::HttpError);
    QCOMPARE(exchange->job->httpStatus(), 400);
    const QJsonObject error = QJsonDocument::fromJson(exchange->job->errorBody())
                                  .object()
                                  .value(QLatin1String("error"))
                                  .toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    QVERIFY2(
        exchange->job->errorMessage().contains(QStringLiteral("could not parse the JSON body")),
        qPrintable(exchange->job->errorMessage()));
    QVERIFY(
        exchange->job->errorMessage().startsWith(QLatin1String("Demo rejected the request (400)")));
}

void TestDemoGateway::invalidToolSettingIs400()
{
    const auto exchange = post(
        R"({"model":"gpt-5","input":"x","tools":[{"type":"image_generation","size":"12x"}]})");
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->job->httpStatus(), 400);
    const QJsonObject error = QJsonDocument::fromJson(exchange->job->errorBody())
                                  .object()
                                  .value(QLatin1String("error"))
                                  .toObject();
    QCOMPARE(error.value(QLatin1String("param")).toString(), QStringLiteral("tools[0].size"));
    QVERIFY(exchange->job->errorMessage().contains(QStringLiteral("'12x'")));
}

void TestDemoGateway::unknownPathIs404()
{
    const auto exchange = post("{}", QStringLiteral("/chat/completions"));
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->job->httpStatus(), 404);
    QVERIFY(QJsonDocument::fromJson(exchange->job->errorBody())
                .object()
                .contains(QLatin1String("error")));
    QVERIFY2(exchange->job->errorMessage().contains(QStringLiteral("/v1/chat/completions")),
             qPrintable(exchange->job->errorMessage()));
}

void TestDemoGateway::survivesACancelledClient()
{
    m_demo->setPacing(200);
    ImageParams params;
    params.partialImages = 3;
    params.quality = QStringLiteral("low");
    const auto cancelled = post(requestBody(params, true, QStringLiteral("to be cancelled")));
    QVERIFY(QTest::qWaitFor([&] { return cancelled->emissions > 0; }, 10000));
    cancelled->job->cancel();
    QCOMPARE(cancelled->job->status(), GatewayJob::Status::Cancelled);
    QVERIFY(cancelled->ofKind(StreamEvent::Kind::ImageFinal).isEmpty());

    m_demo->setPacing(0);
    const auto next = post(requestBody(params, true, QStringLiteral("after the cancel")));
    QVERIFY(waitFor(*next));
    QCOMPARE(next->job->status(), GatewayJob::Status::Succeeded);
    QCOMPARE(next->ofKind(StreamEvent::Kind::ImageFinal).size(), 1);
    QCOMPARE(m_demo->requestsServed(), 1); // the cancelled one was never completed
}

void TestDemoGateway::requestInPiecesOverARawSocket()
{
    // A slow client: the request arrives in small pieces, the body after a 100-continue.
    const QByteArray body
        = R"({"model":"gpt-5","input":"pieces","stream":true,"tools":[{"type":"image_generation","quality":"low","size":"256x256"}]})";
    const QByteArray head = "POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\nExpect: 100-continue\r\n"
                            "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_demo->port());
    QVERIFY(socket.waitForConnected(5000));
    for (qsizetype at = 0; at < head.size(); at += 9) {
        socket.write(head.mid(at, 9));
        QTest::qWait(5);
    }
    QVERIFY(QTest::qWaitFor([&] { return socket.bytesAvailable() > 0; }, 5000));
    QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    socket.write(body.left(20));
    QTest::qWait(20);
    socket.write(body.mid(20));

    QByteArray response;
    QVERIFY(QTest::qWaitFor(
        [&] {
            response += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        30000));
    response += socket.readAll();
    QVERIFY(response.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(response.contains("Transfer-Encoding: chunked\r\n"));
    QVERIFY(response.contains("event: response.completed\n"));
    QVERIFY(response.endsWith("\r\n0\r\n\r\n")); // the stream ends explicitly
}

void TestDemoGateway::servesConcurrentRequests()
{
    ImageParams params;
    params.partialImages = 1;
    params.quality = QStringLiteral("low");
    std::vector<std::unique_ptr<Exchange>> exchanges;
    for (int i = 0; i < 3; ++i)
        exchanges.push_back(post(requestBody(params, true, QStringLiteral("parallel %1").arg(i))));
    for (auto &exchange : exchanges) {
        QVERIFY(waitFor(*exchange));
        QCOMPARE(exchange->job->status(), GatewayJob::Status::Succeeded);
        QCOMPARE(exchange->ofKind(StreamEvent::Kind::ImageFinal).size(), 1);
    }
    QCOMPARE(m_demo->requestsServed(), 3);
}

QTEST_MAIN(TestDemoGateway)
#include "tst_demogateway.moc"
