#include "gateway/chatcompletionsdecoder.h"
#include "gateway/imagelinks.h"
#include "gateway/imagesdecoder.h"
#include "gateway/responsesdecoder.h"
#include "streamharness.h"

#include <QImage>
#include <QTest>

using namespace StreamHarness;

namespace {

DecoderFactory factory(const QString &decoder)
{
    if (decoder == QLatin1String("chat"))
        return [] {
            return std::make_unique<ChatCompletionsDecoder>();
        };
    if (decoder == QLatin1String("images"))
        return [] {
            return std::make_unique<ImagesDecoder>();
        };
    return [] {
        return std::make_unique<ResponsesDecoder>();
    };
}

// A streamed fixture through every chunking (which must agree), or a JSON body whole.
StreamEvents decodeFixture(const QString &file, const QString &decoder)
{
    const QByteArray bytes = fixture(file);
    if (bytes.isEmpty())
        qFatal("fixture %s is missing or empty", qPrintable(file));
    if (file.endsWith(QLatin1String(".json")))
        return factory(decoder)()->decodeResponseBody(bytes);
    QString failure;
    const StreamEvents events = runAllChunkings(factory(decoder), bytes, &failure);
    if (!failure.isEmpty())
        qWarning("%s: chunkings disagree: %s", qPrintable(file), qPrintable(failure));
    return failure.isEmpty() ? events : StreamEvents {};
}

StreamEvent only(const StreamEvents &events, Kind kind)
{
    const QList<StreamEvent> matching = ofKind(events, kind);
    if (matching.size() != 1)
        qWarning("expected one %s event, got %lld", qPrintable(kindName(kind)),
                 qlonglong(matching.size()));
    return matching.value(0);
}

QSize pixelSize(const QByteArray &bytes)
{
    return QImage::fromData(bytes).size();
}

} // namespace

class TestGatewayFixtures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureInEveryChunking_data();
    void everyFixtureInEveryChunking();
    void openRouterChatServerTool();
    void openRouterImageModel();
    void openRouterResponsesShowsTheImageOnce();
    void aiStatsResponses();
    void aiStatsToolResultError();
    void aiStatsChatBody();
    void aiStatsErrorBodies_data();
    void aiStatsErrorBodies();
    void modelGatesBareUrl();
    void midStreamErrorChunk();
    void imagesBodies();
    void imagesStreams_data();
    void imagesStreams();
};

void TestGatewayFixtures::everyFixtureInEveryChunking_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QString>("expectedKinds");

    QTest::newRow("OpenRouter chat, server tool") << "openrouter-chat-server-tool.sse"
                                                  << "chat"
                                                  << "Started,TextDelta*3,ImageFinal,Usage,Done";
    QTest::newRow("OpenRouter image-output model") << "openrouter-image-model.sse"
                                                   << "chat"
                                                   << "Started,TextDelta,ImageFinal,Usage,Done";
    QTest::newRow("OpenRouter Responses image item")
        << "openrouter-responses-image-item.sse"
        << "responses"
        << "Started,ImagePending,ImageFinal,TextDelta*2,Usage,Done";
    QTest::newRow("AI Stats Responses") << "aistats-responses.sse"
                                        << "responses"
                                        << "Started,ImageFinal,TextDelta,Usage,Done";
    QTest::newRow("AI Stats tool error") << "aistats-responses-tool-error.sse"
                                         << "responses"
                                         << "Started,Error,TextDelta,Usage,Done";
    QTest::newRow("AI Stats chat body") << "aistats-chat.json"
                                        << "chat"
                                        << "Started,TextDelta,ImageFinal,Usage,Done";
    QTest::newRow("AI Stats error, chat") << "aistats-error.json"
                                          << "chat"
                                          << "Error";
    QTest::newRow("AI Stats error, responses") << "aistats-error.json"
                                               << "responses"
                                               << "Error";
    QTest::newRow("AI Stats legacy error") << "aistats-error-legacy.json"
                                           << "chat"
                                           << "Error";
    QTest::newRow("ModelGates chat") << "modelgates-chat.sse"
                                     << "chat"
                                     << "Started,TextDelta*2,ImageFinal,Usage,Done";
    QTest::newRow("mid-stream error chunk") << "openrouter-midstream-error.sse"
                                            << "chat"
                                            << "Started,TextDelta,Error";
    QTest::newRow("images b64_json body") << "images-generations-b64.json"
                                          << "images"
                                          << "Started,ImageFinal,Usage,Done";
    QTest::newRow("images url body") << "images-generations-url.json"
                                     << "images"
                                     << "Started,ImageFinal,Done";
    QTest::newRow("images stream") << "images-generations.sse"
                                   << "images"
                                   << "Started,ImagePartial,ImageFinal,Usage,Done";
    QTest::newRow("OpenRouter images stream") << "openrouter-images.sse"
                                              << "images"
                                              << "Started,ImagePartial,ImageFinal,Usage,Done";
}

void TestGatewayFixtures::everyFixtureInEveryChunking()
{
    QFETCH(QString, file);
    QFETCH(QString, decoder);
    QFETCH(QString, expectedKinds);
    const StreamEvents events = decodeFixture(file, decoder);
    QCOMPARE(kinds(events), expectedKinds);
    for (const StreamEvent &e : events) {
        if (e.kind == Kind::Error) {
            QVERIFY(!e.message.isEmpty());
            QVERIFY2(e.message.endsWith(QLatin1Char('.')) || e.message.endsWith(QLatin1Char(')')),
                     qPrintable(e.message));
        }
    }
}

void TestGatewayFixtures::openRouterChatServerTool()
{
    const StreamEvents events = decodeFixture("openrouter-chat-server-tool.sse", "chat");
    QCOMPARE(events.first().responseId, QStringLiteral("gen-or-chat-1"));
    QCOMPARE(events.first().model, QStringLiteral("openai/gpt-5.2"));
    const QString url = QStringLiteral("https://images.openrouter.ai/gen/3f9a1c7e");
    // The link was split across two deltas; it is read from the complete message.
    QVERIFY(allText(events).contains(QStringLiteral("![Generated image](") + url + ')'));
    const StreamEvent image = only(events, Kind::ImageFinal);
    QCOMPARE(image.imageUrl, url);
    QCOMPARE(image.itemId, QStringLiteral("link-img-0"));
    QVERIFY(image.imageBytes.isEmpty());
    const Usage usage = only(events, Kind::Usage).usage;
    QCOMPARE(usage.inputTokens, 194);
    QCOMPARE(usage.outputTokens, 58);
    QCOMPARE(usage.cachedInputTokens, 64);
    QCOMPARE(usage.reasoningTokens, 12);
    QVERIFY(usage.billedCostUsd.has_value());
    QCOMPARE(*usage.billedCostUsd, 0.0452);
    QCOMPARE(events.last().responseId, QStringLiteral("gen-or-chat-1"));
}

void TestGatewayFixtures::openRouterImageModel()
{
    const StreamEvents events = decodeFixture("openrouter-image-model.sse", "chat");
    const StreamEvent image = only(events, Kind::ImageFinal);
    QCOMPARE(image.itemId, QStringLiteral("chat-img-0"));
    QVERIFY(image.imageUrl.isEmpty());
    QCOMPARE(pixelSize(image.imageBytes), QSize(2, 3));
    QCOMPARE(allText(events), QStringLiteral("I've generated a beautiful sunset image for you."));
    const Usage usage = only(events, Kind::Usage).usage;
    QCOMPARE(usage.outputTokens, 1299);
    QCOMPARE(*usage.billedCostUsd, 0.0387);
}

void TestGatewayFixtures::openRouterResponsesShowsTheImageOnce()
{
    const StreamEvents events = decodeFixture("openrouter-responses-image-item.sse", "responses");
    const QString url = QStringLiteral("https://images.openrouter.ai/gen/ig_tmp_abc123.png");
    QCOMPARE(only(events, Kind::ImagePending).itemId, QStringLiteral("ig_tmp_abc123"));
    const StreamEvent image = only(events, Kind::ImageFinal);
    QCOMPARE(image.itemId, QStringLiteral("ig_tmp_abc123"));
    QCOMPARE(image.imageUrl, url);
    QCOMPARE(image.report.revisedPrompt,
             QStringLiteral("A tall striped lighthouse at dusk, warm light"));
    // The text keeps its link; the view strips it because the image is shown inline.
    const QString text = allText(events);
    QVERIFY(text.contains(url));
    QCOMPARE(ImageLinks::stripImageLinks(text, { url }), QStringLiteral("Your lighthouse: "));
    const Usage usage = only(events, Kind::Usage).usage;
    QCOMPARE(usage.inputTokens, 310);
    QCOMPARE(usage.reasoningTokens, 40);
    QCOMPARE(*usage.billedCostUsd, 0.1342);
}

void TestGatewayFixtures::aiStatsResponses()
{
    const StreamEvents events = decodeFixture("aistats-responses.sse", "responses");
    const StreamEvent image = only(events, Kind::ImageFinal);
    QCOMPARE(image.itemId, QStringLiteral("fco_ais_1"));
    QCOMPARE(image.imageUrl, QStringLiteral("https://cdn.phaseo.app/generated/concept_77.png"));
    const Usage usage = only(events, Kind::Usage).usage;
    QCOMPARE(usage.inputTokens, 105);
    QCOMPARE(usage.outputTokens, 250);
    QCOMPARE(usage.imageGenerationRequests, 1);
    QVERIFY(!usage.billedCostUsd.has_value()); // AI Stats reports no cost here: estimated
}

void TestGatewayFixtures::aiStatsToolResultError()
{
    const StreamEvents events = decodeFixture("aistats-responses-tool-error.sse", "responses");
    const StreamEvent error = only(events, Kind::Error);
    QCOMPARE(error.errorCode, QStringLiteral("image_generation_failed"));
    QCOMPARE(error.message,
             QStringLiteral("The gateway's image tool failed: The image model rejected the "
                            "prompt."));
    QCOMPARE(allText(events), QStringLiteral("Sorry, the image could not be made."));
    QCOMPARE(only(events, Kind::Usage).usage.imageGenerationRequests, 1);
}

void TestGatewayFixtures::aiStatsChatBody()
{
    const StreamEvents events = decodeFixture("aistats-chat.json", "chat");
    QCOMPARE(events.first().responseId, QStringLiteral("chatcmpl-ais-3"));
    QCOMPARE(only(events, Kind::ImageFinal).imageUrl,
             QStringLiteral("https://cdn.phaseo.app/generated/concept_78.webp"));
    const Usage usage = only(events, Kind::Usage).usage;
    QCOMPARE(usage.inputTokens, 120);
    QCOMPARE(usage.outputTokens, 260);
    QCOMPARE(usage.imageGenerationRequests, 1);
    QCOMPARE(events.last().kind, Kind::Done);
}

void TestGatewayFixtures::aiStatsErrorBodies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QString newer = QStringLiteral("The gateway refused the request: Unknown tool type "
                                         "ai-stats:image_generation (validation_error)");
    const QString older = QStringLiteral("The gateway refused the request: Your wallet balance is "
                                         "too low for this request (insufficient_balance)");
    for (const char *decoder : { "chat", "responses", "images" }) {
        QTest::addRow("newer shape, %s", decoder)
            << "aistats-error.json" << decoder << "validation_error" << newer;
        QTest::addRow("older shape, %s", decoder)
            << "aistats-error-legacy.json" << decoder << "insufficient_balance" << older;
    }
}

void TestGatewayFixtures::aiStatsErrorBodies()
{
    QFETCH(QString, file);
    QFETCH(QString, decoder);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const StreamEvents events = decodeFixture(file, decoder);
    QCOMPARE(kinds(events), QStringLiteral("Error"));
    QCOMPARE(events.first().errorCode, code);
    QCOMPARE(events.first().message, message);
}

void TestGatewayFixtures::modelGatesBareUrl()
{
    const StreamEvents events = decodeFixture("modelgates-chat.sse", "chat");
    // The sentence's full stop is not part of the URL.
    QCOMPARE(only(events, Kind::ImageFinal).imageUrl,
             QStringLiteral("https://modelgates.ai/images/tmp/a81f.png"));
    const Usage usage = only(events, Kind::Usage).usage;
    QCOMPARE(usage.cachedInputTokens, 16);
    QCOMPARE(*usage.billedCostUsd, 0.051);
}

void TestGatewayFixtures::midStreamErrorChunk()
{
    const StreamEvents events = decodeFixture("openrouter-midstream-error.sse", "chat");
    const StreamEvent error = only(events, Kind::Error);
    QCOMPARE(error.errorCode, QStringLiteral("server_error"));
    QCOMPARE(error.message,
             QStringLiteral("The gateway failed while answering: Provider disconnected "
                            "unexpectedly (server_error)"));
    QCOMPARE(allText(events), QStringLiteral("Let me draw")); // what arrived is kept
}

void TestGatewayFixtures::imagesBodies()
{
    const StreamEvents b64 = decodeFixture("images-generations-b64.json", "images");
    const StreamEvent image = only(b64, Kind::ImageFinal);
    QCOMPARE(image.itemId, QStringLiteral("images-0"));
    QCOMPARE(pixelSize(image.imageBytes), QSize(4, 4));
    QCOMPARE(image.report.size, QStringLiteral("1024x1024"));
    QCOMPARE(image.report.quality, QStringLiteral("high"));
    QCOMPARE(image.report.background, QStringLiteral("transparent"));
    QCOMPARE(image.report.outputFormat, QStringLiteral("png"));
    const Usage usage = only(b64, Kind::Usage).usage;
    QVERIFY(usage.hasImageTokens);
    QCOMPARE(usage.inputTokens, 0); // no chat model on this endpoint
    QCOMPARE(usage.imageInputTextTokens, 10);
    QCOMPARE(usage.imageInputImageTokens, 40);
    QCOMPARE(usage.imageOutputTokens, 50);

    const StreamEvents url = decodeFixture("images-generations-url.json", "images");
    const StreamEvent linked = only(url, Kind::ImageFinal);
    QVERIFY(linked.imageBytes.isEmpty());
    QVERIFY(linked.imageUrl.startsWith(
        "https://oaidalleapiprodscus.blob.core.windows.net/private/org-x/user-y/img-z.png?"));
    QCOMPARE(linked.report.revisedPrompt, QStringLiteral("A watercolor fox in the snow"));
}

void TestGatewayFixtures::imagesStreams_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("previewSize");
    QTest::addColumn<QSize>("finalSize");
    QTest::addColumn<qint64>("outputTokens");
    QTest::addColumn<double>("billed"); // -1: none

    QTest::newRow("OpenAI") << "images-generations.sse" << QSize(3, 2) << QSize(4, 4) << qint64(272)
                            << -1.0;
    QTest::newRow("OpenRouter") << "openrouter-images.sse" << QSize(2, 3) << QSize(3, 2)
                                << qint64(4175) << 0.04;
}

void TestGatewayFixtures::imagesStreams()
{
    QFETCH(QString, file);
    QFETCH(QSize, previewSize);
    QFETCH(QSize, finalSize);
    QFETCH(qint64, outputTokens);
    QFETCH(double, billed);
    const StreamEvents events = decodeFixture(file, "images");
    const StreamEvent preview = only(events, Kind::ImagePartial);
    const StreamEvent image = only(events, Kind::ImageFinal);
    QCOMPARE(preview.itemId, QStringLiteral("images-0"));
    QCOMPARE(image.itemId, preview.itemId);
    QCOMPARE(preview.partialIndex, 0);
    QCOMPARE(pixelSize(preview.imageBytes), previewSize);
    QCOMPARE(pixelSize(image.imageBytes), finalSize);
    const Usage usage = only(events, Kind::Usage).usage;
    QCOMPARE(usage.imageOutputTokens, outputTokens);
    QCOMPARE(usage.billedCostUsd.has_value(), billed >= 0);
    if (billed >= 0)
        QCOMPARE(*usage.billedCostUsd, billed);
}

QTEST_MAIN(TestGatewayFixtures)
#include "tst_gatewayfixtures.moc"
