// The offline demo's direct image endpoint, POST /v1/images/generations, over real loopback HTTP:
// the body and the stream as OpenAI's Images API sends them (wire-formats B.4), and the app's
// ImagesDecoder reading both, so the demo and the decoder agree. Errors: tst_demoimageserrors.
#include "demoimagesclient.h"
#include "gateway/imagesdecoder.h"
#include "gateway/imagesrequest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>

using namespace DemoImagesClient;

namespace {

// The request body with `stream` set or cleared.
QByteArray withStream(const QByteArray &body, bool stream)
{
    QJsonObject object = QJsonDocument::fromJson(body).object();
    object.insert(QStringLiteral("stream"), stream);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Q_DECLARE_METATYPE(GatewayRequest)

class TestDemoImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wholeAnswer_data();
    void wholeAnswer();
    void streamedAnswer_data();
    void streamedAnswer();
    void streamIsPaced();
    void acceptsTheAppsRequests_data();
    void acceptsTheAppsRequests();
    void survivesACancelledStream();

private:
    std::unique_ptr<Exchange> send(const QByteArray &body)
    {
        return DemoImagesClient::send(m_manager, *m_demo, body);
    }

    QNetworkAccessManager *m_manager = nullptr;
    DemoGateway *m_demo = nullptr;
};

void TestDemoImages::init()
{
    m_manager = new QNetworkAccessManager(this);
    m_demo = new DemoGateway(this);
    m_demo->setPacing(0);
    QVERIFY2(m_demo->start(), qPrintable(m_demo->errorString()));
}

void TestDemoImages::cleanup()
{
    delete m_demo;
    delete m_manager;
}

void TestDemoImages::wholeAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("n");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<bool>("alpha");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<qint64>("tokensPerImage"); // wire-formats B.3, by hand

    QTest::newRow("n=2, gpt-image-1.5 low 1024x1536 png")
        << QByteArray(R"({"model":"gpt-image-1.5","prompt":"a red fox in a snowy forest",
                          "n":2,"size":"1024x1536","quality":"low"})")
        << 2 << QSize(1024, 1536) << QByteArray("png") << false << "low" << qint64(408);
    QTest::newRow("gpt-image-2 medium 1536x1024 jpeg 60")
        << QByteArray(R"({"model":"gpt-image-2","prompt":"night harbour","size":"1536x1024",
                          "quality":"medium","output_format":"jpeg","output_compression":60})")
        << 1 << QSize(1536, 1024) << QByteArray("jpeg") << false << "medium" << qint64(1372);
    QTest::newRow("transparent png, compression ignored, size and quality auto")
        << QByteArray(R"({"model":"gpt-image-1","prompt":"a crystal emblem",
                          "background":"transparent","output_compression":50})")
        << 1 << QSize(1024, 1024) << QByteArray("png") << true << "medium" << qint64(1056);
    QTest::newRow("n=3, gpt-image-2 low, response_format b64_json, moderation low")
        << QByteArray(R"({"model":"gpt-image-2","prompt":"three moons","n":3,"quality":"low",
                          "size":"1024x1024","response_format":"b64_json","moderation":"low",
                          "user":"designer-1"})")
        << 3 << QSize(1024, 1024) << QByteArray("png") << false << "low" << qint64(196);
    QTest::newRow("gpt-image-1-mini webp")
        << QByteArray(R"({"model":"gpt-image-1-mini","prompt":"desert dunes","quality":"high",
                          "size":"1536x1024","output_format":"webp","output_compression":80})")
        << 1 << QSize(1536, 1024) << QByteArray("webp") << false << "high" << qint64(6208);
    QTest::newRow("gpt-image-2 aspect ratio 16:9 with size auto")
        << QByteArray(R"({"model":"gpt-image-2","prompt":"wide valley","quality":"low",
                          "aspect_ratio":"16:9"})")
        << 1 << QSize(1360, 768) << QByteArray("png") << false << "low" << qint64(110);
}

void TestDemoImages::wholeAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(int, n);
    QFETCH(QSize, size);
    QFETCH(QByteArray, format);
    QFETCH(bool, alpha);
    QFETCH(QString, quality);
    QFETCH(qint64, tokensPerImage);
    if (format == "webp" && !QImageReader::supportedImageFormats().contains("webp"))
        QSKIP("No webp plugin (qt6-image-formats-plugins) here");

    const auto exchange = send(body);
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->reply->error(), QNetworkReply::NoError);
    QCOMPARE(exchange->status(), 200);
    QVERIFY2(exchange->contentType().startsWith(QLatin1String("application/json")),
             qPrintable(exchange->contentType()));
    QVERIFY(exchange->reply->rawHeader("x-request-id").startsWith("req_"));

    const QJsonObject root = exchange->json();
    QSet<QString> keys;
    for (const QString &key : root.keys())
        keys << key;
    QCOMPARE(keys,
             (QSet<QString> { "created", "data", "background", "output_format", "size", "quality",
                              "usage" }));
    QVERIFY(
        qAbs(root.value(QLatin1String("created")).toInteger() - QDateTime::currentSecsSinceEpoch())
        < 120);
    QCOMPARE(root.value(QLatin1String("size")).toString(), sizeText(size));
    QCOMPARE(root.value(QLatin1String("quality")).toString(), quality);
    QCOMPARE(root.value(QLatin1String("output_format")).toString(), QString::fromLatin1(format));
    QCOMPARE(root.value(QLatin1String("background")).toString(),
             alpha ? QStringLiteral("transparent") : QStringLiteral("opaque"));

    const QJsonArray data = root.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), n);
    QList<QByteArray> images;
    for (const QJsonValue &entry : data) {
        QCOMPARE(entry.toObject().keys(), QStringList { "b64_json" });
        const QByteArray bytes = fromBase64(entry.toObject());
        QVERIFY(!bytes.isEmpty());
        QByteArray actualFormat;
        const QImage image = decodeImage(bytes, &actualFormat);
        QCOMPARE(image.size(), size);
        QCOMPARE(actualFormat, format);
        QCOMPARE(image.hasAlphaChannel(), alpha);
        if (alpha) {
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
            QCOMPARE(qAlpha(image.pixel(size.width() / 2, size.height() / 2)), 255);
        }
        QVERIFY2(!images.contains(bytes), "two of the n images are the same");
        images << bytes;
    }

    const QJsonObject usage = root.value(QLatin1String("usage")).toObject();
    const qint64 input = usage.value(QLatin1String("input_tokens")).toInteger();
    const qint64 output = usage.value(QLatin1String("output_tokens")).toInteger();
    QVERIFY(input > 0);
    QCOMPARE(output, n * tokensPerImage);
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInteger(), input + output);
    const QJsonObject inDetails = usage.value(QLatin1String("input_tokens_details")).toObject();
    QCOMPARE(inDetails.value(QLatin1String("text_tokens")).toInteger(), input);
    QCOMPARE(inDetails.value(QLatin1String("image_tokens")).toInteger(-1), 0);
    const QJsonObject outDetails = usage.value(QLatin1String("output_tokens_details")).toObject();
    QCOMPARE(outDetails.value(QLatin1String("image_tokens")).toInteger(), output);
    QCOMPARE(outDetails.value(QLatin1String("text_tokens")).toInteger(-1), 0);
    QVERIFY(usage.value(QLatin1String("cost")).isDouble());
    QCOMPARE(usage.value(QLatin1String("cost")).toDouble(-1), 0.0);

    // The app's decoder reads the same body into the same images and usage.
    ImagesDecoder decoder;
    const StreamEvents events = decoder.decodeResponseBody(exchange->body);
    QVERIFY(ofKind(events, StreamEvent::Kind::Error).isEmpty());
    QCOMPARE(events.first().kind, StreamEvent::Kind::Started);
    QCOMPARE(events.last().kind, StreamEvent::Kind::Done);
    const QList<StreamEvent> finals = ofKind(events, StreamEvent::Kind::ImageFinal);
    QCOMPARE(finals.size(), n);
    for (int i = 0; i < n; ++i) {
        QCOMPARE(finals.at(i).imageBytes, images.at(i));
        QCOMPARE(finals.at(i).itemId, QStringLiteral("images-%1").arg(i));
        QCOMPARE(finals.at(i).report.size, sizeText(size));
        QCOMPARE(finals.at(i).report.quality, quality);
        QCOMPARE(finals.at(i).report.outputFormat, QString::fromLatin1(format));
    }
    const QList<StreamEvent> reported = ofKind(events, StreamEvent::Kind::Usage);
    QCOMPARE(reported.size(), 1);
    QVERIFY(reported.first().usage.hasImageTokens);
    QCOMPARE(reported.first().usage.imageOutputTokens, n * tokensPerImage);
    QCOMPARE(reported.first().usage.imageInputTextTokens, input);
    QCOMPARE(reported.first().usage.billedCostUsd.value_or(-1), 0.0);
    QVERIFY(decoder.isFinished());
    QCOMPARE(m_demo->requestsServed(), 1);
}

void TestDemoImages::streamedAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("partials");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QByteArray>("format");

    QTest::newRow("one image, 2 previews")
        << QByteArray(R"({"model":"gpt-image-1.5","prompt":"a lighthouse at dusk","stream":true,
                          "partial_images":2,"quality":"low","size":"1536x1024"})")
        << 1 << 2 << QSize(1536, 1024) << QByteArray("png");
    QTest::newRow("n=2, 2 previews each")
        << QByteArray(R"({"model":"gpt-image-2","prompt":"twin towers of glass","stream":true,
                          "n":2,"partial_images":2,"quality":"low","size":"1024x1024"})")
        << 2 << 2 << QSize(1024, 1024) << QByteArray("png");
    QTest::newRow("n=2, no previews, jpeg")
        << QByteArray(R"({"model":"gpt-image-1","prompt":"coral reef","stream":true,"n":2,
                          "quality":"low","output_format":"jpeg","output_compression":70})")
        << 2 << 0 << QSize(1024, 1024) << QByteArray("jpeg");
    QTest::newRow("n=2 as easel generate asks, previews 0")
        << QByteArray(R"({"model":"gpt-image-1.5","prompt":"a lighthouse at dusk","n":2,
                          "stream":true,"partial_images":0,"quality":"low"})")
        << 2 << 0 << QSize(1024, 1024) << QByteArray("png");
    QTest::newRow("3 previews, portrait")
        << QByteArray(R"({"model":"gpt-image-1-mini","prompt":"tall pines","stream":true,
                          "partial_images":3,"quality":"low","size":"1024x1536"})")
        << 1 << 3 << QSize(1024, 1536) << QByteArray("png");
}

void TestDemoImages::streamedAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(int, n);
    QFETCH(int, partials);
    QFETCH(QSize, size);
    QFETCH(QByteArray, format);

    const auto exchange = send(body);
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->reply->error(), QNetworkReply::NoError);
    QCOMPARE(exchange->status(), 200);
    QVERIFY2(exchange->contentType().startsWith(QLatin1String("text/event-stream")),
             qPrintable(exchange->contentType()));
    const QByteArray firstType
        = partials > 0 ? "image_generation.partial_image" : "image_generation.completed";
    const QByteArray head = "event: " + firstType + "\ndata: {\"type\":\"" + firstType + "\",";
    QVERIFY(exchange->body.startsWith(head));
    QVERIFY2(!exchange->body.contains("[DONE]"), "OpenAI's image stream has no [DONE]");
    QVERIFY(!exchange->body.contains("sequence_number"));
    QVERIFY(exchange->body.endsWith("}\n\n"));

    // The event order: image by image, its previews, then its completed event.
    QList<QByteArray> expected;
    for (int image = 0; image < n; ++image) {
        for (int k = 0; k < partials; ++k)
            expected << "image_generation.partial_image";
        expected << "image_generation.completed";
    }
    QList<QByteArray> names;
    for (const SseEvent &event : exchange->events)
        names << event.event;
    QCOMPARE(names, expected);

    QList<QByteArray> finalBytes;
    QList<QByteArray> previewBytes;
    qint64 outputTokens = 0;
    qint64 createdAt = -1;
    int previewIndex = 0;
    for (const SseEvent &event : exchange->events) {
        const QJsonObject object = QJsonDocument::fromJson(event.data).object();
        QCOMPARE(object.value(QLatin1String("type")).toString(), QString::fromLatin1(event.event));
        QCOMPARE(object.value(QLatin1String("size")).toString(), sizeText(size));
        QCOMPARE(object.value(QLatin1String("quality")).toString(), QStringLiteral("low"));
        QCOMPARE(object.value(QLatin1String("background")).toString(), QStringLiteral("opaque"));
        QCOMPARE(object.value(QLatin1String("output_format")).toString(),
                 QString::fromLatin1(format));
        if (createdAt < 0)
            createdAt = object.value(QLatin1String("created_at")).toInteger();
        QVERIFY(createdAt > 0);
        QCOMPARE(object.value(QLatin1String("created_at")).toInteger(), createdAt);
        const QByteArray bytes = fromBase64(object);
        QByteArray actualFormat;
        QCOMPARE(decodeImage(bytes, &actualFormat).size(), size);
        QCOMPARE(actualFormat, format);
        if (event.event == "image_generation.partial_image") {
            QCOMPARE(object.value(QLatin1String("partial_image_index")).toInt(-1), previewIndex);
            QVERIFY(!object.contains(QLatin1String("usage")));
            previewIndex = (previewIndex + 1) % partials;
            previewBytes << bytes;
        } else {
            QVERIFY(!object.contains(QLatin1String("partial_image_index")));
            const QJsonObject usage = object.value(QLatin1String("usage")).toObject();
            QVERIFY(usage.contains(QLatin1String("output_tokens_details")));
            QCOMPARE(usage.value(QLatin1String("cost")).toDouble(-1), 0.0);
            outputTokens += usage.value(QLatin1String("output_tokens")).toInteger();
            QVERIFY(!finalBytes.contains(bytes));
            finalBytes << bytes;
        }
    }
    QCOMPARE(finalBytes.size(), n);
    for (const QByteArray &preview : previewBytes)
        QVERIFY2(!finalBytes.contains(preview), "a preview is the final picture");

    // The app's decoder turns the stream into previews and images, keyed per image.
    ImagesDecoder decoder;
    StreamEvents events;
    for (const SseEvent &event : exchange->events)
        events << decoder.decode(event);
    QVERIFY(!decoder.isFinished()); // the stream just ends: the end of the bytes finishes it
    events << decoder.finish();
    QVERIFY(ofKind(events, StreamEvent::Kind::Error).isEmpty());
    QCOMPARE(events.first().kind, StreamEvent::Kind::Started);
    QCOMPARE(events.last().kind, StreamEvent::Kind::Done);
    const QList<StreamEvent> previews = ofKind(events, StreamEvent::Kind::ImagePartial);
    const QList<StreamEvent> finals = ofKind(events, StreamEvent::Kind::ImageFinal);
    QCOMPARE(previews.size(), n * partials);
    QCOMPARE(finals.size(), n);
    for (int i = 0; i < previews.size(); ++i) {
        QCOMPARE(previews.at(i).itemId, QStringLiteral("images-%1").arg(i / partials));
        QCOMPARE(previews.at(i).partialIndex, i % partials);
        QCOMPARE(previews.at(i).imageBytes, previewBytes.at(i));
    }
    for (int i = 0; i < n; ++i) {
        QCOMPARE(finals.at(i).itemId, QStringLiteral("images-%1").arg(i));
        QCOMPARE(finals.at(i).imageBytes, finalBytes.at(i));
        QCOMPARE(finals.at(i).report.size, sizeText(size));
    }
    const Usage streamedUsage = ofKind(events, StreamEvent::Kind::Usage).last().usage;
    QCOMPARE(streamedUsage.imageOutputTokens, outputTokens);

    // The same request without streaming: the same pictures and, added up, the same usage.
    const auto whole = send(withStream(body, false));
    QVERIFY(waitFor(*whole));
    QCOMPARE(whole->status(), 200);
    ImagesDecoder wholeDecoder;
    const StreamEvents wholeEvents = wholeDecoder.decodeResponseBody(whole->body);
    const QList<StreamEvent> wholeFinals = ofKind(wholeEvents, StreamEvent::Kind::ImageFinal);
    QCOMPARE(wholeFinals.size(), n);
    for (int i = 0; i < n; ++i)
        QCOMPARE(wholeFinals.at(i).imageBytes, finalBytes.at(i));
    QCOMPARE(ofKind(wholeEvents, StreamEvent::Kind::Usage).last().usage, streamedUsage);
    QCOMPARE(m_demo->requestsServed(), 2);
}

void TestDemoImages::streamIsPaced()
{
    // With pacing, the previews reach the client in earlier reads than the last image, and the
    // answer takes at least the paced pauses.
    const int pacing = 40;
    m_demo->setPacing(pacing);
    QElapsedTimer timer;
    timer.start();
    const auto exchange = send(R"({"model":"gpt-image-1.5","prompt":"slow dawn","stream":true,
                                   "n":2,"partial_images":2,"quality":"low","size":"1024x1024"})");
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->status(), 200);
    QCOMPARE(exchange->events.size(), 6);
    // Pauses before steps 2 to 6: preview (2p), completed (p), preview (2p), preview (2p),
    // completed (p).
    QVERIFY2(timer.elapsed() >= 8 * pacing, qPrintable(QString::number(timer.elapsed())));
    const int firstPreview = exchange->readOfEvent.first();
    const int lastCompleted = exchange->readOfEvent.last();
    QCOMPARE(exchange->events.first().event, QByteArray("image_generation.partial_image"));
    QCOMPARE(exchange->events.last().event, QByteArray("image_generation.completed"));
    QVERIFY2(firstPreview < lastCompleted, "the previews arrived together with the last image");
    QVERIFY(exchange->readOfEvent.at(2) < lastCompleted); // the first image came before the second
}

void TestDemoImages::acceptsTheAppsRequests_data()
{
    // What the app's own builder sends for a compare cell or `easel generate` must be a request
    // the demo takes, or the Compare view would fail offline.
    QTest::addColumn<GatewayRequest>("request");
    QTest::addColumn<QSize>("size");

    GatewayRequest request;
    request.prompt = QStringLiteral("a quiet harbour at dawn");
    request.params.quality = QStringLiteral("low");
    request.imageCount = 2;
    QTest::newRow("panel defaults, n=2, streamed") << request << QSize(1024, 1024);

    request.stream = false;
    request.imageCount = 1;
    request.params.imageModel = QStringLiteral("gpt-image-2");
    request.params.aspectRatio = QStringLiteral("16:9");
    request.params.outputFormat = QStringLiteral("jpeg");
    request.params.outputCompression = 70;
    request.params.moderation = QStringLiteral("low");
    QTest::newRow("gpt-image-2 16:9 jpeg, whole") << request << QSize(1360, 768);

    request = GatewayRequest();
    request.prompt = QStringLiteral("a crystal emblem");
    request.params.imageModel = QStringLiteral("gpt-image-1-mini");
    request.params.quality = QStringLiteral("low");
    request.params.size = QStringLiteral("1024x1536");
    request.params.background = QStringLiteral("transparent");
    request.params.partialImages = 0;
    request.imageCount = 3;
    QTest::newRow("transparent portrait, n=3, no previews") << request << QSize(1024, 1536);
}

void TestDemoImages::acceptsTheAppsRequests()
{
    QFETCH(GatewayRequest, request);
    QFETCH(QSize, size);
    const auto exchange = send(ImagesRequestBuilder::body(request));
    QVERIFY(waitFor(*exchange));
    QVERIFY2(exchange->status() == 200, exchange->body.constData());

    ImagesDecoder decoder;
    StreamEvents events;
    if (request.stream) {
        for (const SseEvent &event : exchange->events)
            events << decoder.decode(event);
        events << decoder.finish();
    } else {
        events = decoder.decodeResponseBody(exchange->body);
    }
    QVERIFY(ofKind(events, StreamEvent::Kind::Error).isEmpty());
    QCOMPARE(events.last().kind, StreamEvent::Kind::Done);
    const QList<StreamEvent> finals = ofKind(events, StreamEvent::Kind::ImageFinal);
    QCOMPARE(finals.size(), request.imageCount);
    for (const StreamEvent &final : finals)
        QCOMPARE(decodeImage(final.imageBytes).size(), size);
    QCOMPARE(ofKind(events, StreamEvent::Kind::ImagePartial).size(),
             request.stream ? request.imageCount * request.params.partialImages : 0);
}

void TestDemoImages::survivesACancelledStream()
{
    m_demo->setPacing(200);
    const QByteArray body = R"({"model":"gpt-image-2","prompt":"to be cancelled","stream":true,
                                "n":3,"partial_images":3,"quality":"low","size":"512x512"})";
    const auto cancelled = send(body);
    QVERIFY(QTest::qWaitFor([&] { return !cancelled->events.isEmpty(); }, 20000));
    cancelled->reply->abort();
    QVERIFY(cancelled->finished);

    m_demo->setPacing(0);
    const auto next = send(body);
    QVERIFY(waitFor(*next));
    QCOMPARE(next->status(), 200);
    QCOMPARE(next->events.size(), 12);
    QCOMPARE(m_demo->requestsServed(), 1); // the cancelled one was never completed
}

QTEST_MAIN(TestDemoImages)
#include "tst_demoimages.moc"
