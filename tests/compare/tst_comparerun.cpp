// Compare runs over real loopback HTTP: cells through the direct image endpoint or the forced
// image tool, the concurrency bound (the fake gateway counts requests in flight), a failing cell
// beside finished ones, linked images downloaded before a cell counts as finished, and cancel.
#include "compare/comparehistory.h"
#include "compare/comparerun.h"
#include "fakes/fakegateway.h"
#include "fakes/imagesstream.h"
#include "fakes/testpayloads.h"
#include "pricing/costestimator.h"
#include "store/historystore.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

using TestPayloads::dataUrlBytes;
using TestPayloads::encoded;
using TestPayloads::imagesStream;

ProviderProfile profile(const QString &id, const QUrl &baseUrl, bool imagesEndpoint = true)
{
    ProviderProfile p = ProviderProfile::builtIn(QStringLiteral("openai"));
    p.id = id;
    p.displayName = QStringLiteral("Gateway ") + id;
    p.baseUrl = baseUrl;
    p.apiKey = QStringLiteral("test-key");
    p.keySource = ProviderProfile::KeySource::Environment;
    if (!imagesEndpoint)
        p.imagesPath.clear();
    return p;
}

CompareAxis axis(CompareAxis::Parameter parameter, const QStringList &values)
{
    CompareAxis a;
    a.parameter = parameter;
    a.values = values;
    return a;
}

// A Responses stream (wire-formats A.3) whose one image_generation_call carries `png`.
FakeResponse responsesStream(const QByteArray &png)
{
    const QList<QByteArray> events {
        TestPayloads::sse("response.created",
                          { { "response", QJsonObject { { "id", "resp_1" } } } }),
        TestPayloads::sse(
            "response.output_item.done",
            { { "item",
                QJsonObject { { "type", "image_generation_call" },
                              { "id", "ig_1" },
                              { "status", "completed" },
                              { "result", QString::fromLatin1(png.toBase64()) } } } }),
        TestPayloads::sse("response.completed",
                          { { "response",
                              QJsonObject { { "id", "resp_1" },
                                            { "status", "completed" },
                                            { "usage",
                                              QJsonObject { { "input_tokens", 50 },
                                                            { "output_tokens", 10 } } } } } })
    };
    return FakeResponse::sse(events);
}

// A mask the size of `size`: transparent in its left half, where the image may change.
QByteArray maskPng(QSize size)
{
    QImage mask(size, QImage::Format_ARGB32);
    mask.fill(Qt::black);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width() / 2; ++x)
            mask.setPixelColor(x, y, Qt::transparent);
    }
    return encoded(mask, "PNG");
}

// The content parts of the one input message of a Responses body.
QJsonArray inputContent(const QJsonObject &body)
{
    return body.value("input").toArray().at(0).toObject().value("content").toArray();
}

} // namespace

class TestCompareRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void routeAndRequest();
    void concurrencyBoundHolds_data();
    void concurrencyBoundHolds();
    void failingCellLeavesOthersDone();
    void forcedToolWithoutImageEndpoint();
    void linkedImageDownloadedBeforeCellFinishes();
    void cancelStopsRunningAndQueued();
    void unusableProviderFailsItsCellOnly();
    void storedInHistoryAndReadBack();
    void titleNamesThePrompts_data();
    void titleNamesThePrompts();
    void referencesRouteAndRequest();
    void referencesPreparedOnceAndSentInEveryCell();
    void maskedEditSentAndStored();
    void badReferencesFailEveryCell_data();
    void badReferencesFailEveryCell();
    void maskRefusedWithoutResponses();
    void cancelWhilePreparing();
    void referencesRefusedBeforeReading();

private:
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    CompareRun *makeRun(QList<ProviderProfile> providers);
    CompareSpec spec(const QString &providerId, const QList<CompareAxis> &axes) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<CostEstimator> m_estimator;
    std::unique_ptr<CompareRun> m_run;
};

void TestCompareRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fake = std::make_unique<FakeGateway>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_thread = std::make_unique<QThread>();
    m_thread->start();
    m_estimator = std::make_unique<CostEstimator>();
}

void TestCompareRun::cleanup()
{
    m_run.reset();
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_fake.reset();
}

CompareRun *TestCompareRun::makeRun(QList<ProviderProfile> providers)
{
    TurnRunner::Context context;
    context.network = m_network.get();
    context.streamThread = m_thread.get();
    context.estimator = m_estimator.get();
    context.imageRoot = m_dir->filePath("images");
    context.previewRoot = m_dir->filePath("previews");
    m_run = std::make_unique<CompareRun>(context, [providers](const QString &id) {
        for (const ProviderProfile &p : providers) {
            if (p.id == id)
                return p;
        }
        return ProviderProfile();
    });
    return m_run.get();
}

CompareSpec TestCompareRun::spec(const QString &providerId, const QList<CompareAxis> &axes) const
{
    CompareSpec s;
    s.providerId = providerId;
    s.prompt = QStringLiteral("a lighthouse at dusk");
    s.base.imageModel = QStringLiteral("gpt-image-1");
    s.base.partialImages = 1;
    s.axes = axes;
    return s;
}

void TestCompareRun::routeAndRequest()
{
    const ProviderProfile direct = profile("a", m_fake->url("/v1"));
    const ProviderProfile toolOnly = profile("b", m_fake->url("/v1"), false);
    QCOMPARE(CompareRun::routeFor(direct), ApiFlavour::Images);
    QCOMPARE(CompareRun::routeFor(toolOnly), ApiFlavour::Responses);

    CompareCell cell;
    cell.prompt = QStringLiteral("  a fox  ");
    cell.params.imageModel = QStringLiteral("gpt-image-1");
    const GatewayRequest images = CompareRun::requestFor(cell, direct, ApiFlavour::Images, 4);
    QCOMPARE(images.prompt, QStringLiteral("a fox"));
    QCOMPARE(images.imageCount, 4);
    QVERIFY(images.chatModel.isEmpty());
    QVERIFY(!images.params.imageOnly);

    // A gateway gets the model in its own naming.
    ProviderProfile gateway = ProviderProfile::builtIn(QStringLiteral("openrouter"));
    QCOMPARE(CompareRun::requestFor(cell, gateway, ApiFlavour::Images, 1).params.imageModel,
             QStringLiteral("openai/gpt-image-1"));
    CompareCell prefixed = cell;
    prefixed.params.imageModel = QStringLiteral("openai/gpt-image-1.5");
    QCOMPARE(CompareRun::requestFor(prefixed, direct, ApiFlavour::Images, 1).params.imageModel,
             QStringLiteral("gpt-image-1.5"));

    const GatewayRequest tool = CompareRun::requestFor(cell, toolOnly, ApiFlavour::Responses, 4);
    QCOMPARE(tool.chatModel, toolOnly.chatModel);
    QVERIFY(tool.params.imageOnly); // tool_choice forces the image tool
    QVERIFY(!tool.store);
    QCOMPARE(tool.imageCount, 1);
}

void TestCompareRun::concurrencyBoundHolds_data()
{
    QTest::addColumn<int>("cells");
    QTest::addColumn<int>("concurrency");
    QTest::newRow("7 cells, 3 at a time") << 7 << 3;
    QTest::newRow("4 cells, 1 at a time") << 4 << 1;
    QTest::newRow("2 cells, room for 5") << 2 << 5;
}

void TestCompareRun::concurrencyBoundHolds()
{
    QFETCH(int, cells);
    QFETCH(int, concurrency);
    m_fake->setRoute("/v1/images/generations", imagesStream(Qt::darkCyan, true));
    CompareRun *run = makeRun({ profile("a", m_fake->url("/v1")) });
    QStringList prompts;
    for (int i = 0; i < cells; ++i)
        prompts << QStringLiteral("variant %1").arg(i);
    QSignalSpy finished(run, &CompareRun::finished);
    run->start(spec("a", { axis(CompareAxis::Parameter::Prompt, prompts) }), concurrency);

    const int expectedWidth = std::min(cells, concurrency);
    // Each round: the pool fills up to the bound, every request waits at its final image, then
    // all of them are let go and the next ones start.
    while (finished.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(m_fake->heldConnections() > 0 || !finished.isEmpty(), 10000);
        if (!finished.isEmpty())
            break;
        const int finishedBefore = run->finishedCount();
        const int expectedNow = std::min(expectedWidth, cells - finishedBefore);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->heldConnections(), expectedNow, 10000);
        QCOMPARE(run->runningCount(), expectedNow);
        QCOMPARE(m_fake->inFlight(), expectedNow);
        m_fake->release();
        QTRY_VERIFY_WITH_TIMEOUT(run->finishedCount() >= finishedBefore + expectedNow, 10000);
    }
    QCOMPARE(m_fake->maxInFlight(), expectedWidth);
    QCOMPARE(m_fake->requestsFor("/v1/images/generations").size(), cells);
    QCOMPARE(run->finishedCount(), cells);
    QCOMPARE(run->failedCount(), 0);
    for (const CompareRun::Cell &cell : run->cells()) {
        QCOMPARE(cell.turn.status, Turn::Status::Done);
        QCOMPARE(cell.turn.finalImageCount(), 1);
        QVERIFY(QFile::exists(cell.turn.images.constFirst().filePath));
        QCOMPARE(cell.turn.usage.imageOutputTokens,
                 272); // all of an image call is the image model's
        QCOMPARE(cell.turn.cost.basis, Cost::Basis::Estimated);
        QVERIFY(cell.turn.cost.usd > 0);
        QVERIFY(cell.turn.durationMs >= 0);
    }
    // Each request carried its own cell's prompt, once.
    QStringList sent;
    for (const HttpRequest &request : m_fake->requestsFor("/v1/images/generations"))
        sent << QJsonDocument::fromJson(request.body).object().value("prompt").toString();
    sent.sort();
    prompts.sort();
    QCOMPARE(sent, prompts);
}

void TestCompareRun::failingCellLeavesOthersDone()
{
    m_fake->setRoute("/good/v1/images/generations", imagesStream(Qt::darkGreen));
    m_fake->setRoute("/bad/v1/images/generations",
                     FakeResponse::json(500,
                                        R"({"error":{"message":"The engine caught fire",)"
                                        R"("type":"server_error"}})"));
    CompareRun *run = makeRun(
        { profile("good", m_fake->url("/good/v1")), profile("bad", m_fake->url("/bad/v1")) });
    QSignalSpy finished(run, &CompareRun::finished);
    run->start(spec("good",
                    { axis(CompareAxis::Parameter::Provider, { "good", "bad" }),
                      axis(CompareAxis::Parameter::Quality, { "low", "high" }) }),
               2);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(run->cells().size(), 4);
    QCOMPARE(run->failedCount(), 2);
    for (const CompareRun::Cell &cell : run->cells()) {
        const bool good = cell.cell.providerId == QLatin1String("good");
        QCOMPARE(cell.state, CompareRun::CellState::Finished);
        QCOMPARE(cell.turn.status, good ? Turn::Status::Done : Turn::Status::Failed);
        if (!good) {
            QVERIFY2(cell.turn.errorMessage.contains("engine caught fire"),
                     qPrintable(cell.turn.errorMessage));
            QVERIFY(cell.turn.images.isEmpty());
        }
    }
    // The quality axis reached the wire.
    const QList<HttpRequest> good = m_fake->requestsFor("/good/v1/images/generations");
    QCOMPARE(good.size(), 2);
    QSet<QString> qualities;
    for (const HttpRequest &request : good)
        qualities << QJsonDocument::fromJson(request.body).object().value("quality").toString();
    QCOMPARE(qualities, (QSet<QString> { "low", "high" }));
}

void TestCompareRun::forcedToolWithoutImageEndpoint()
{
    m_fake->setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes({ 40, 30 }, Qt::red)));
    CompareRun *run = makeRun({ profile("t", m_fake->url("/v1"), false) });
    QSignalSpy finished(run, &CompareRun::finished);
    run->start(spec("t", {}));
    QVERIFY(finished.wait(20000));
    QCOMPARE(run->cells().size(), 1);
    const CompareRun::Cell &cell = run->cell(0);
    QCOMPARE(cell.route, ApiFlavour::Responses);
    QCOMPARE(cell.turn.status, Turn::Status::Done);
    QCOMPARE(cell.turn.finalImageCount(), 1);
    QVERIFY(m_fake->requestsFor("/v1/images/generations").isEmpty());
    const QJsonObject body
        = QJsonDocument::fromJson(m_fake->requestsFor("/v1/responses").constFirst().body).object();
    QCOMPARE(body.value("tool_choice").toObject().value("type").toString(),
             QStringLiteral("image_generation"));
    QCOMPARE(body.value("store").toBool(true), false);
}

void TestCompareRun::linkedImageDownloadedBeforeCellFinishes()
{
    const QByteArray png = TestPayloads::pngBytes({ 50, 50 }, Qt::blue);
    FakeResponse image = FakeResponse::text(200, "image/png", png);
    image.headDelayMs = 300; // the stream ends well before the download does
    m_fake->setRoute("/files/cell.png", image);
    const QJsonObject completed { { "url", m_fake->url("/files/cell.png").toString() },
                                  { "size", "50x50" },
                                  { "output_format", "png" } };
    m_fake->setRoute(
        "/v1/images/generations",
        FakeResponse::sse({ TestPayloads::sse("image_generation.completed", completed) }));
    CompareRun *run = makeRun({ profile("a", m_fake->url("/v1")) });
    QSignalSpy finished(run, &CompareRun::finished);
    run->start(spec("a", {}));
    QVERIFY(finished.wait(20000));
    const CompareRun::Cell &cell = run->cell(0);
    QCOMPARE(cell.turn.status, Turn::Status::Done);
    QCOMPARE(cell.turn.images.size(), 1);
    const ImageAsset &asset = cell.turn.images.constFirst();
    QCOMPARE(asset.state, ImageAsset::State::Final);
    QFile file(asset.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), png);
    // The image host never saw the key.
    QVERIFY(!m_fake->requestsFor("/files/cell.png").constFirst().hasHeader("Authorization"));
}

void TestCompareRun::cancelStopsRunningAndQueued()
{
    m_fake->setRoute("/v1/images/generations", imagesStream(Qt::darkYellow, true));
    CompareRun *run = makeRun({ profile("a", m_fake->url("/v1")) });
    QSignalSpy finished(run, &CompareRun::finished);
    run->start(spec("a", { axis(CompareAxis::Parameter::Quality, { "low", "medium", "high" }) }),
               2);
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->heldConnections(), 2, 10000);
    // The gateway holds each request after its preview; the preview reaches the cell a little
    // later (it is stored and decoded on the way). Cancelled once it is there, the cell keeps it.
    // (Cancelling at the hold alone raced with that, and lost under the sanitizers' -j2 load.)
    QTRY_VERIFY_WITH_TIMEOUT(!run->cell(0).turn.images.isEmpty(), 10000);
    run->cancel();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QVERIFY(run->wasCancelled());
    QCOMPARE(run->finishedCount(), 3);
    QCOMPARE(run->failedCount(), 3);
    QCOMPARE(run->cell(0).turn.status, Turn::Status::Cancelled);
    QCOMPARE(run->cell(1).turn.status, Turn::Status::Cancelled);
    // The third never went out.
    QCOMPARE(run->cell(2).turn.status, Turn::Status::Cancelled);
    QVERIFY(run->cell(2).turn.errorMessage.contains("cancelled"));
    QCOMPARE(m_fake->requestsFor("/v1/images/generations").size(), 2);
    // The previews that arrived before the cancel are kept.
    QVERIFY(!run->cell(0).turn.images.isEmpty());
}

void TestCompareRun::unusableProviderFailsItsCellOnly()
{
    m_fake->setRoute("/v1/images/generations", imagesStream(Qt::gray));
    ProviderProfile keyless = profile("nokey", m_fake->url("/v1"));
    keyless.apiKey.clear();
    keyless.keyVariable = QStringLiteral("NOKEY_API_KEY");
    CompareRun *run = makeRun({ profile("a", m_fake->url("/v1")), keyless });
    QSignalSpy finished(run, &CompareRun::finished);
    run->start(spec("a", { axis(CompareAxis::Parameter::Provider, { "nokey", "a" }) }));
    QVERIFY(finished.wait(20000));
    QCOMPARE(run->cell(0).turn.status, Turn::Status::Failed);
    QVERIFY2(run->cell(0).turn.errorMessage.contains("NOKEY_API_KEY"),
             qPrintable(run->cell(0).turn.errorMessage));
    QCOMPARE(run->cell(1).turn.status, Turn::Status::Done);
    QCOMPARE(m_fake->requestsFor("/v1/images/generations").size(), 1);
}

void TestCompareRun::storedInHistoryAndReadBack()
{
    HistoryStore store(m_dir->filePath("history.sqlite"));
    QVERIFY(store.open().result().ok);
    m_fake->setRoute("/v1/images/generations", imagesStream(Qt::darkMagenta));
    m_fake->setRoute("/bad/v1/images/generations",
                     FakeResponse::json(400, R"({"error":{"message":"Bad size"}})"));
    CompareRun *run
        = makeRun({ profile("a", m_fake->url("/v1")), profile("bad", m_fake->url("/bad/v1")) });
    CompareHistory history(&store, run);
    QSignalSpy finished(run, &CompareRun::finished);
    const CompareSpec asked = spec("a",
                                   { axis(CompareAxis::Parameter::Quality, { "low", "high" }),
                                     axis(CompareAxis::Parameter::Provider, { "a", "bad" }) });
    run->start(asked, 2);
    QVERIFY(finished.wait(20000));
    QVERIFY(!history.conversationId().isEmpty());

    const QList<ConversationSummary> conversations = store.conversations().result();
    QCOMPARE(conversations.size(), 1);
    const ConversationSummary &summary = conversations.constFirst();
    QCOMPARE(summary.id, history.conversationId());
    QCOMPARE(summary.kind, ConversationSummary::Kind::Compare);
    QCOMPARE(summary.title, QStringLiteral("Compare \u00b7 a lighthouse at dusk"));
    QCOMPARE(summary.turnCount, 4);
    QCOMPARE(summary.imageCount, 2);

    CompareHistory::StoredRun stored;
    QString error;
    QVERIFY2(CompareHistory::fromStored(summary, store.turns(summary.id).result(), &stored, &error),
             qPrintable(error));
    QCOMPARE(stored.spec, asked);
    QCOMPARE(stored.cells.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const Turn &cell = stored.cells.at(i);
        QCOMPARE(cell.compareCell, i);
        QCOMPARE(cell.id, run->cell(i).turn.id);
        QCOMPARE(cell.status, run->cell(i).turn.status);
        QCOMPARE(cell.finalImageCount(), run->cell(i).turn.finalImageCount());
        QCOMPARE(cell.errorMessage, run->cell(i).turn.errorMessage);
    }
    // Cells 0 and 1 went to "a" (quality low, high), 2 and 3 to the failing one.
    QCOMPARE(stored.cells.at(1).status, Turn::Status::Done);
    QCOMPARE(stored.cells.at(3).status, Turn::Status::Failed);
    QVERIFY(stored.cells.at(3).errorMessage.contains("Bad size"));

    // A chat is refused by fromStored with a sentence.
    ConversationSummary chat = summary;
    chat.kind = ConversationSummary::Kind::Chat;
    QVERIFY(!CompareHistory::fromStored(chat, {}, &stored, &error));
    QVERIFY(error.contains("not a comparison"));
}

QString TestCompareRun::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCompareRun::titleNamesThePrompts_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QStringList>("promptAxis"); // empty: no prompt axis
    QTest::addColumn<bool>("qualityAxis");
    QTest::addColumn<QString>("title");
    QTest::newRow("the prompt") << "a lighthouse at dusk" << QStringList() << true
                                << "Compare · a lighthouse at dusk";
    QTest::newRow("a long prompt") << QString(60, u'x') << QStringList() << true
                                   << "Compare · " + QString(49, u'x') + QChar(0x2026);
    // Found by QA: a run whose prompts all come from its axis was titled "Compare · ".
    QTest::newRow("only a prompt axis")
        << "" << QStringList { "a fox", "a wolf" } << true << "Compare · a fox / a wolf";
    QTest::newRow("no prompt at all") << "" << QStringList() << true << "Compare";
    // Found by QA: `easel generate` (one cell, no axes) was listed as "Compare · a fox".
    QTest::newRow("no axes: the prompt alone") << "a fox" << QStringList() << false << "a fox";
}

void TestCompareRun::titleNamesThePrompts()
{
    QFETCH(QString, prompt);
    QFETCH(QStringList, promptAxis);
    QFETCH(bool, qualityAxis);
    QFETCH(QString, title);
    CompareSpec spec;
    spec.prompt = prompt;
    if (qualityAxis) {
        CompareAxis quality;
        quality.parameter = CompareAxis::Parameter::Quality;
        quality.values = { QStringLiteral("low"), QStringLiteral("high") };
        spec.axes << quality;
    }
    if (!promptAxis.isEmpty()) {
        CompareAxis prompts;
        prompts.parameter = CompareAxis::Parameter::Prompt;
        prompts.values = promptAxis;
        spec.axes << prompts;
    }
    QCOMPARE(CompareHistory::titleFor(spec), title);
}

void TestCompareRun::referencesRouteAndRequest()
{
    const ProviderProfile direct = profile("a", m_fake->url("/v1"));
    const ProviderProfile toolOnly = profile("b", m_fake->url("/v1"), false);
    ProviderProfile chatOnly = profile("c", m_fake->url("/v1"));
    chatOnly.flavours = { ApiFlavour::ChatCompletions };
    chatOnly.flavour = ApiFlavour::ChatCompletions;
    // The direct image endpoint takes no input images: the image tool does.
    QCOMPARE(CompareRun::routeFor(direct, true), ApiFlavour::Responses);
    QCOMPARE(CompareRun::routeFor(toolOnly, true), ApiFlavour::Responses);
    QCOMPARE(CompareRun::routeFor(chatOnly, true), ApiFlavour::ChatCompletions);
    QCOMPARE(CompareRun::routeFor(chatOnly), ApiFlavour::Images);

    CompareCell cell;
    cell.prompt = QStringLiteral("a fox");
    cell.params.imageModel = QStringLiteral("gpt-image-1");
    PreparedReferences references;
    references.images.append({ "/in/a.png", "png-bytes", "image/png", { 4, 3 }, { 4, 3 } });
    references.images.append({ "/in/b.jpg", "jpeg-bytes", "image/jpeg", { 4, 3 }, { 8, 6 } });
    GatewayRequest request
        = CompareRun::requestFor(cell, direct, ApiFlavour::Responses, 1, references);
    QCOMPARE(request.images.size(), 2);
    QCOMPARE(request.images.at(0).bytes, QByteArray("png-bytes"));
    QCOMPARE(request.images.at(0).mimeType, QStringLiteral("image/png"));
    QCOMPARE(request.images.at(1).bytes, QByteArray("jpeg-bytes"));
    QCOMPARE(request.images.at(1).mimeType, QStringLiteral("image/jpeg"));
    QVERIFY(request.mask.bytes.isEmpty());
    QCOMPARE(request.params.action, cell.params.action);

    references.images.removeLast();
    references.mask = { "/in/m.png", "mask-bytes", "image/png", { 4, 3 }, { 4, 3 } };
    request = CompareRun::requestFor(cell, direct, ApiFlavour::Responses, 1, references);
    QCOMPARE(request.images.size(), 1);
    QCOMPARE(request.mask.bytes, QByteArray("mask-bytes"));
    QCOMPARE(request.mask.mimeType, QStringLiteral("image/png"));
    QCOMPARE(request.params.action, QStringLiteral("edit"));

    // Without references, nothing changes.
    request = CompareRun::requestFor(cell, direct, ApiFlavour::Images, 2);
    QVERIFY(request.images.isEmpty());
    QVERIFY(request.mask.bytes.isEmpty());
}

void TestCompareRun::referencesPreparedOnceAndSentInEveryCell()
{
    // A small PNG sent as it is, and a wide JPEG larger than gpt-image-1 takes (2048 pixels).
    const QByteArray png = TestPayloads::pngBytes({ 64, 48 }, Qt::darkBlue);
    QImage wide(3000, 100, QImage::Format_RGB32);
    wide.fill(Qt::darkRed);
    const QByteArray jpeg = encoded(wide, "JPEG");
    const QString a = writeFile("a.png", png);
    const QString b = writeFile("wide.jpg", jpeg);

    m_fake->setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes({ 40, 30 }, Qt::red)));
    m_fake->setRoute("/v1/images/generations", imagesStream(Qt::gray));
    CompareRun *run = makeRun({ profile("a", m_fake->url("/v1")) });
    QSignalSpy prepared(run, &CompareRun::referencesPrepared);
    QSignalSpy finished(run, &CompareRun::finished);
    CompareSpec asked = spec("a",
                             { axis(CompareAxis::Parameter::Quality, { "low", "high" }),
                               axis(CompareAxis::Parameter::OutputFormat, { "png", "webp" }) });
    asked.referenceImages = { a, b };
    run->start(asked, 2);
    QVERIFY(run->isPreparingReferences());
    QCOMPARE(run->runningCount(), 0); // nothing goes out before the images are ready
    QVERIFY(finished.wait(20000));

    QCOMPARE(prepared.count(), 1);
    QVERIFY(!run->isPreparingReferences());
    const CompareRun::References &references = run->references();
    QVERIFY2(references.ok(), qPrintable(references.error));
    QCOMPARE(references.limits.size(), 1); // one provider, one image model: prepared once
    QCOMPARE(references.prepared.size(), 1);
    QCOMPARE(references.notes, QStringList { "wide.jpg scaled from 3000x100 to 2048x68" });

    QCOMPARE(run->failedCount(), 0);
    QVERIFY(m_fake->requestsFor("/v1/images/generations").isEmpty());
    const QList<HttpRequest> sent = m_fake->requestsFor("/v1/responses");
    QCOMPARE(sent.size(), 4);
    for (const HttpRequest &request : sent) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QJsonArray content = inputContent(body);
        QCOMPARE(content.size(), 3);
        QCOMPARE(content.at(0).toObject().value("type").toString(), QStringLiteral("input_text"));
        QCOMPARE(content.at(0).toObject().value("text").toString(), asked.prompt);
        QString mimeType;
        QCOMPARE(content.at(1).toObject().value("type").toString(), QStringLiteral("input_image"));
        QCOMPARE(dataUrlBytes(content.at(1).toObject().value("image_url").toString(), &mimeType),
                 png);
        QCOMPARE(mimeType, QStringLiteral("image/png"));
        const QByteArray scaled
            = dataUrlBytes(content.at(2).toObject().value("image_url").toString(), &mimeType);
        QCOMPARE(scaled, references.prepared.constFirst().images.at(1).bytes);
        QImage image;
        QVERIFY(image.loadFromData(scaled));
        QCOMPARE(image.size(), QSize(2048, 68));
        // No mask: the tool is not told to edit.
        const QJsonObject tool = body.value("tools").toArray().at(0).toObject();
        QVERIFY(!tool.contains("input_image_mask"));
        QVERIFY(!tool.contains("action"));
    }
    for (const CompareRun::Cell &cell : run->cells()) {
        QCOMPARE(cell.route, ApiFlavour::Responses);
        QCOMPARE(cell.turn.status, Turn::Status::Done);
        QCOMPARE(cell.turn.attachments,
                 (QList<Attachment> { { a, "image/png" }, { b, "image/jpeg" } }));
        QVERIFY(cell.turn.maskPath.isEmpty());
    }

    // Two providers with their own limits: prepared once for each, not once per cell.
    m_run.reset();
    m_fake->setRoute("/b/v1/responses", responsesStream(TestPayloads::pngBytes()));
    ProviderProfile other = profile("b", m_fake->url("/b/v1"));
    other.maxInputImages = 4;
    run = makeRun({ profile("a", m_fake->url("/v1")), other });
    QSignalSpy finishedAgain(run, &CompareRun::finished);
    asked.axes = { axis(CompareAxis::Parameter::Provider, { "a", "b" }),
                   axis(CompareAxis::Parameter::Quality, { "low", "high" }) };
    run->start(asked, 4);
    QVERIFY(finishedAgain.wait(20000));
    QCOMPARE(run->references().limits.size(), 2);
    QCOMPARE(run->references().limits.at(1).maxCount, 4);
    QCOMPARE(run->references().notes.size(), 1); // the same note from both, said once
    QCOMPARE(run->failedCount(), 0);
    QCOMPARE(m_fake->requestsFor("/b/v1/responses").size(), 2);
    for (const HttpRequest &request : m_fake->requestsFor("/b/v1/responses"))
        QCOMPARE(inputContent(QJsonDocument::fromJson(request.body).object()).size(), 3);
}

void TestCompareRun::maskedEditSentAndStored()
{
    const QByteArray png = TestPayloads::pngBytes({ 64, 48 }, Qt::darkGreen);
    const QString image = writeFile("photo.png", png);
    const QString mask = writeFile("mask.png", maskPng({ 64, 48 }));
    HistoryStore store(m_dir->filePath("history.sqlite"));
    QVERIFY(store.open().result().ok);
    m_fake->setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes({ 64, 48 })));
    CompareRun *run = makeRun({ profile("a", m_fake->url("/v1")) });
    CompareHistory history(&store, run);
    QSignalSpy finished(run, &CompareRun::finished);
    CompareSpec asked = spec(
        "a", { axis(CompareAxis::Parameter::ImageModel, { "gpt-image-1", "gpt-image-1.5" }) });
    asked.referenceImages = { image };
    asked.maskPath = mask;
    run->start(asked);
    QVERIFY(finished.wait(20000));
    QCOMPARE(run->failedCount(), 0);

    const QList<HttpRequest> sent = m_fake->requestsFor("/v1/responses");
    QCOMPARE(sent.size(), 2);
    QImage maskImage;
    QVERIFY(maskImage.load(mask));
    for (const HttpRequest &request : sent) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QJsonArray content = inputContent(body);
        QCOMPARE(content.size(), 2);
        QCOMPARE(dataUrlBytes(content.at(1).toObject().value("image_url").toString()), png);
        const QJsonObject tool = body.value("tools").toArray().at(0).toObject();
        QCOMPARE(tool.value("action").toString(), QStringLiteral("edit"));
        QString mimeType;
        const QByteArray sentMask = dataUrlBytes(
            tool.value("input_image_mask").toObject().value("image_url").toString(), &mimeType);
        QCOMPARE(mimeType, QStringLiteral("image/png"));
        QImage decoded;
        QVERIFY(decoded.loadFromData(sentMask, "PNG"));
        QCOMPARE(decoded.convertToFormat(QImage::Format_ARGB32),
                 maskImage.convertToFormat(QImage::Format_ARGB32));
    }

    // Each cell's turn in the history keeps what it was sent with, and the spec keeps both.
    const ConversationSummary summary = store.conversations().result().constFirst();
    CompareHistory::StoredRun stored;
    QString error;
    QVERIFY2(CompareHistory::fromStored(summary, store.turns(summary.id).result(), &stored, &error),
             qPrintable(error));
    QCOMPARE(stored.spec, asked);
    QCOMPARE(stored.cells.size(), 2);
    for (const Turn &cell : stored.cells) {
        QCOMPARE(cell.attachments, (QList<Attachment> { { image, "image/png" } }));
        QCOMPARE(cell.maskPath, mask);
    }
}

void TestCompareRun::badReferencesFailEveryCell_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("maxInputImages");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("mask without transparency")
        << "opaque mask" << 16 << "The mask has no transparency";
    QTest::newRow("mask of another size")
        << "square mask" << 16 << "The mask is 40x40 but the image it edits is 64x48";
    QTest::newRow("image gone") << "missing image" << 16 << "gone.png";
    QTest::newRow("not an image") << "text" << 16 << "is not an image";
    QTest::newRow("more images than the provider takes")
        << "two images" << 1 << "takes at most 1 reference image";
}

void TestCompareRun::badReferencesFailEveryCell()
{
    QFETCH(QString, problem);
    QFETCH(int, maxInputImages);
    QFETCH(QString, errorPart);
    const QString image = writeFile("photo.png", TestPayloads::pngBytes({ 64, 48 }));
    CompareSpec asked = spec("a", { axis(CompareAxis::Parameter::Quality, { "low", "high" }) });
    asked.referenceImages = { image };
    if (problem == QLatin1String("opaque mask")) {
        asked.maskPath = writeFile("mask.png", TestPayloads::pngBytes({ 64, 48 }, Qt::black));
    } else if (problem == QLatin1String("square mask")) {
        asked.maskPath = writeFile("mask.png", maskPng({ 40, 40 }));
    } else if (problem == QLatin1String("missing image")) {
        asked.referenceImages = { m_dir->filePath("gone.png") };
    } else if (problem == QLatin1String("text")) {
        asked.referenceImages = { writeFile("notes.png", "a fox, watercolour") };
    } else {
        asked.referenceImages << image;
    }
    m_fake->setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes()));
    m_fake->setRoute("/v1/images/generations", imagesStream(Qt::gray));
    ProviderProfile provider = profile("a", m_fake->url("/v1"));
    provider.maxInputImages = maxInputImages;
    CompareRun *run = makeRun({ provider });
    QSignalSpy finished(run, &CompareRun::finished);
    QSignalSpy changed(run, &CompareRun::cellChanged);
    run->start(asked, 2);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!run->references().ok());
    QVERIFY2(run->references().error.contains(errorPart), qPrintable(run->references().error));
    QCOMPARE(run->failedCount(), 2);
    for (const CompareRun::Cell &cell : run->cells()) {
        QCOMPARE(cell.state, CompareRun::CellState::Finished);
        QCOMPARE(cell.turn.status, Turn::Status::Failed);
        QCOMPARE(cell.turn.errorMessage, run->references().error);
        QCOMPARE(cell.turn.durationMs, 0);
    }
    QVERIFY(changed.count() >= 2);
    QTest::qWait(50);
    QCOMPARE(m_fake->requestCount(), 0); // nothing was sent
}

void TestCompareRun::maskRefusedWithoutResponses()
{
    const QString image = writeFile("photo.png", TestPayloads::pngBytes({ 64, 48 }));
    ProviderProfile chatOnly = profile("c", m_fake->url("/v1"));
    chatOnly.flavours = { ApiFlavour::ChatCompletions };
    chatOnly.flavour = ApiFlavour::ChatCompletions;
    CompareRun *run = makeRun({ chatOnly });
    QSignalSpy finished(run, &CompareRun::finished);
    CompareSpec asked = spec("c", {});
    asked.referenceImages = { image };
    asked.maskPath = writeFile("mask.png", maskPng({ 64, 48 }));
    run->start(asked);
    QVERIFY(finished.wait(20000));
    const CompareRun::Cell &cell = run->cell(0);
    QCOMPARE(cell.route, ApiFlavour::ChatCompletions);
    QCOMPARE(cell.turn.status, Turn::Status::Failed);
    QCOMPARE(cell.turn.errorMessage,
             ApiFlavours::editRefusal(ApiFlavour::ChatCompletions, true, true));
    QVERIFY(!cell.turn.errorMessage.isEmpty());
    QCOMPARE(m_fake->requestCount(), 0);
}

void TestCompareRun::cancelWhilePreparing()
{
    const QString image = writeFile("photo.png", TestPayloads::pngBytes({ 64, 48 }));
    m_fake->setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes()));
    CompareRun *run = makeRun({ profile("a", m_fake->url("/v1")) });
    QSignalSpy finished(run, &CompareRun::finished);
    QSignalSpy prepared(run, &CompareRun::referencesPrepared);
    CompareSpec asked = spec("a", { axis(CompareAxis::Parameter::Quality, { "low", "high" }) });
    asked.referenceImages = { image };
    run->start(asked);
    QVERIFY(run->isPreparingReferences()); // its end comes through the event loop
    run->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(run->failedCount(), 2);
    QCOMPARE(run->cell(0).turn.status, Turn::Status::Cancelled);
    QVERIFY(prepared.wait(20000));
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(run->cell(1).turn.status, Turn::Status::Cancelled);
    QCOMPARE(m_fake->requestCount(), 0);
}

void TestCompareRun::referencesRefusedBeforeReading()
{
    // Nothing is read: the files need not exist for these refusals.
    const ProviderProfile direct = profile("a", m_fake->url("/v1"));
    ProviderProfile few = profile("f", m_fake->url("/f/v1"));
    few.maxInputImages = 2;
    ProviderProfile imagesOnly = profile("i", m_fake->url("/i/v1"));
    imagesOnly.flavours = { ApiFlavour::Images };
    imagesOnly.flavour = ApiFlavour::Images;
    ProviderProfile chatOnly = profile("c", m_fake->url("/c/v1"));
    chatOnly.flavours = { ApiFlavour::ChatCompletions };
    chatOnly.flavour = ApiFlavour::ChatCompletions;
    const CompareRun::ProviderLookup providers = [&](const QString &id) {
        for (const ProviderProfile &p : { direct, few, imagesOnly, chatOnly }) {
            if (p.id == id)
                return p;
        }
        return ProviderProfile();
    };
    const QStringList three { "/in/a.png", "/in/b.png", "/in/c.png" };

    CompareSpec asked = spec("a", { axis(CompareAxis::Parameter::Quality, { "low", "high" }) });
    QCOMPARE(CompareRun::referencesRefusal(asked, providers), QString()); // none given
    asked.referenceImages = three;
    QCOMPARE(CompareRun::referencesRefusal(asked, providers), QString());

    asked.providerId = QStringLiteral("f");
    QCOMPARE(CompareRun::referencesRefusal(asked, providers),
             QStringLiteral("Gateway f takes at most 2 reference image(s) per cell; 3 are added. "
                            "Remove 1 to run."));
    asked.referenceImages = three.mid(0, 2);
    QCOMPARE(CompareRun::referencesRefusal(asked, providers), QString());

    asked.providerId = QStringLiteral("i");
    QCOMPARE(CompareRun::referencesRefusal(asked, providers),
             QStringLiteral("Gateway i sends only to its direct image endpoint, which takes no "
                            "reference images: remove them, or choose a provider that speaks "
                            "the Responses API."));
    asked.providerId = QStringLiteral("c");
    QCOMPARE(CompareRun::referencesRefusal(asked, providers), QString()); // chat takes images
    asked.referenceImages = three.mid(0, 1);
    asked.maskPath = QStringLiteral("/in/mask.png");
    QCOMPARE(CompareRun::referencesRefusal(asked, providers),
             QStringLiteral("Gateway c: ")
                 + ApiFlavours::editRefusal(ApiFlavour::ChatCompletions, true, true));
    asked.maskPath.clear();
    asked.providerId = QStringLiteral("nobody"); // validate() names an unknown provider
    QCOMPARE(CompareRun::referencesRefusal(asked, providers), QString());

    // Only some cells cannot carry them: the run goes ahead and those cells fail with the
    // reason, as `easel compare` does; the others are sent with the images.
    asked.providerId = QStringLiteral("a");
    asked.axes = { axis(CompareAxis::Parameter::Provider, { "a", "i" }) };
    asked.referenceImages = { writeFile("photo.png", TestPayloads::pngBytes({ 64, 48 })) };
    QCOMPARE(CompareRun::referencesRefusal(asked, providers), QString());
    m_fake->setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes()));
    CompareRun *run = makeRun({ direct, imagesOnly });
    QSignalSpy finished(run, &CompareRun::finished);
    run->start(asked);
    QVERIFY(finished.wait(20000));
    QCOMPARE(run->cell(0).turn.status, Turn::Status::Done);
    QCOMPARE(run->cell(1).turn.status, Turn::Status::Failed);
    QCOMPARE(run->cell(1).turn.errorMessage,
             ApiFlavours::editRefusal(ApiFlavour::Images, true, false));
    QCOMPARE(m_fake->requestCount(), 1);
    QCOMPARE(m_fake->requestsFor("/i/v1/images/generations").size(), 0);
}

QTEST_GUILESS_MAIN(TestCompareRun)
#include "tst_comparerun.moc"
