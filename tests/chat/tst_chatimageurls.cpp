// Images that a gateway delivers as links, end to end through ChatSession over real loopback HTTP:
// the Responses stream and the image host are the same fake gateway (the worst case for the
// Authorization header). The link is downloaded once, stored by content hash, shown, priced, and a
// failed download can be retried.
#include "chat/chatsession.h"
#include "chat/imagedownloads.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "pricing/costestimator.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using TestPayloads::pngBytes;
using TestPayloads::sse;

QByteArray created()
{
    return sse("response.created",
               { { "response", QJsonObject { { "id", "resp_1" }, { "status", "in_progress" } } } });
}

QByteArray textDelta(const QString &text)
{
    return sse("response.output_text.delta",
               { { "item_id", "msg_1" }, { "output_index", 1 }, { "delta", text } });
}

// An image item whose picture is a link: OpenAI's item shape with `result` as a URL, or a
// gateway's (OpenRouter, ModelGates) with camelCase `imageUrl`.
QByteArray linkedImage(const QString &url,
                       const QString &type = QStringLiteral("image_generation_call"))
{
    QJsonObject item { { "id", "ig_1" },
                       { "type", type },
                       { "status", "completed" },
                       { "size", "1024x1024" },
                       { "quality", "low" } };
    if (type == QLatin1String("image_generation_call"))
        item.insert(QStringLiteral("result"), url);
    else
        item.insert(QStringLiteral("imageUrl"), url);
    return sse("response.output_item.done", { { "output_index", 0 }, { "item", item } });
}

QByteArray completed()
{
    return sse("response.completed",
               { { "response",
                   QJsonObject {
                       { "id", "resp_1" },
                       { "status", "completed" },
                       { "usage",
                         QJsonObject { { "input_tokens", 100 }, { "output_tokens", 50 } } } } } });
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestChatImageUrls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void linkedImageIsDownloadedAndStored_data();
    void linkedImageIsDownloadedAndStored();
    void imagesAreHandedOverAtTheLargestShownSize_data();
    void imagesAreHandedOverAtTheLargestShownSize();
    void failedDownloadShowsTheLinkThenRetry();
    void refusedLinkFailsWithoutNetwork();
    void progressReachesTheModel();
    void clearCancelsDownloads();
    void sessionDestroyedMidDownload();

private:
    bool sendAndFinish(const QList<QByteArray> &events, int delayMs = 0);
    Turn lastTurn() const { return m_session->model()->turns().last(); }
    ImageAsset lastImage() const
    {
        const Turn turn = lastTurn();
        return turn.images.isEmpty() ? ImageAsset() : turn.images.first();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_fake;
    std::unique_ptr<ImageCache> m_cache;
    std::unique_ptr<ChatSession> m_session;
};

void TestChatImageUrls::init()
{
    m_dir.reset(new QTemporaryDir);
    m_fake.reset(new FakeGateway);
    QVERIFY(m_fake->listen());
    ProviderProfile profile;
    profile.id = QStringLiteral("openrouter");
    profile.displayName = QStringLiteral("OpenRouter");
    profile.baseUrl = m_fake->url(QStringLiteral("/v1"));
    profile.apiKey = QStringLiteral("sk-or-secret-key");
    profile.chatModel = QStringLiteral("gpt-5-mini");
    ChatSession::Options options;
    options.imageRoot = m_dir->path() + QStringLiteral("/images");
    options.previewRoot = m_dir->path() + QStringLiteral("/previews");
    options.timeouts.idleMs = 3000;
    m_session.reset(new ChatSession(profile, options));
    m_session->imageDownloads()->setTimeouts({ 3000, 3000 });
    m_cache.reset(new ImageCache);
    m_session->setImageCache(m_cache.get());
}

void TestChatImageUrls::cleanup()
{
    m_session.reset();
    m_cache.reset();
    m_fake.reset();
    m_dir.reset();
}

bool TestChatImageUrls::sendAndFinish(const QList<QByteArray> &events, int delayMs)
{
    m_fake->setRoute("/v1/responses", FakeResponse::sse(events, delayMs));
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    if (!m_session->send(QStringLiteral("a lighthouse at dusk"), {}, ImageParams()))
        return false;
    return finished.wait(10000);
}

void TestChatImageUrls::linkedImageIsDownloadedAndStored_data()
{
    QTest::addColumn<QString>("itemType");
    QTest::addColumn<bool>("landsAfterTheStream");
    QTest::addColumn<bool>("redirected");

    QTest::newRow("result link, lands during the stream")
        << "image_generation_call" << false << false;
    QTest::newRow("imageUrl link, lands after the stream")
        << "openrouter:image_generation" << true << false;
    QTest::newRow("redirected link") << "modelgates:image_generation" << true << true;
}

void TestChatImageUrls::linkedImageIsDownloadedAndStored()
{
    QFETCH(QString, itemType);
    QFETCH(bool, landsAfterTheStream);
    QFETCH(bool, redirected);

    const QByteArray png = pngBytes();
    // Served with a misleading type: the bytes decide.
    FakeResponse image = FakeResponse::text(200, "application/octet-stream", png);
    if (landsAfterTheStream)
        image.headDelayMs = 600;
    m_fake->setRoute("/files/img-1.png", image);
    QString path = QStringLiteral("/files/img-1.png");
    if (redirected)
        path = QString::fromLatin1(m_fake->addRedirectChain("/r", 3, "/files/img-1.png"));
    const QString url = m_fake->url(path).toString();

    // A pause before the stream's end lets a quick download land while the turn still streams.
    QVERIFY(sendAndFinish({ created(), textDelta(QStringLiteral("Here it is.")),
                            linkedImage(url, itemType), completed() },
                          landsAfterTheStream ? 0 : 500));
    const Turn atEnd = lastTurn();
    QCOMPARE(atEnd.status, Turn::Status::Done);
    QCOMPARE(atEnd.images.size(), 1);
    QCOMPARE(atEnd.images.first().sourceUrl, url);
    if (landsAfterTheStream) {
        QCOMPARE(atEnd.images.first().state, ImageAsset::State::Pending); // not "no image arrived"
        QVERIFY(m_session->imageDownloads()->isDownloading(atEnd.id, QStringLiteral("ig_1")));
    } else {
        QCOMPARE(atEnd.images.first().state, ImageAsset::State::Final);
    }

    QTRY_COMPARE_WITH_TIMEOUT(lastImage().state, ImageAsset::State::Final, 10000);
    const Turn turn = lastTurn();
    const ImageAsset asset = turn.images.first();
    QCOMPARE(turn.status, Turn::Status::Done);
    QCOMPARE(asset.itemId, QStringLiteral("ig_1"));
    QCOMPARE(asset.sourceUrl, url);
    QCOMPARE(asset.hash, sha256(png));
    QCOMPARE(asset.mimeType, QStringLiteral("image/png"));
    QCOMPARE(asset.byteSize, qint64(png.size()));
    QCOMPARE(asset.pixelSize, QSize(64, 48));
    QCOMPARE(asset.report.quality, QStringLiteral("low")); // what the gateway said is kept
    QVERIFY(asset.error.isEmpty());
    QVERIFY(asset.filePath.startsWith(m_dir->path() + QStringLiteral("/images/")));
    QVERIFY(asset.filePath.endsWith(sha256(png) + QStringLiteral(".png")));
    QCOMPARE(readFile(asset.filePath), png);
    QCOMPARE(turn.finalImageCount(), 1);
    QCOMPARE(m_session->imageDownloads()->count(), 0);
    // Decoded off the GUI thread and handed over, so the view need not read the file back.
    QCOMPARE(m_cache->cached(asset.filePath, QSize()).size(), QSize(64, 48));

    // The cost counts the image like a streamed one, whenever the download landed.
    const Cost expected = CostEstimator().turnCost(
        turn.usage, turn.chatModel, turn.requested.imageModel, { asset.report }, turn.requested);
    QCOMPARE(turn.cost, expected);
    const Cost withoutImage = CostEstimator().turnCost(
        turn.usage, turn.chatModel, turn.requested.imageModel, {}, turn.requested);
    QVERIFY(turn.cost.usd > withoutImage.usd);
    if (landsAfterTheStream)
        QCOMPARE(atEnd.cost, withoutImage); // recomputed when the image landed

    // The key went to the gateway, and never to the image host (same host and port here).
    const QList<HttpRequest> gateway = m_fake->requestsFor("/v1/responses");
    QCOMPARE(gateway.size(), 1);
    QCOMPARE(gateway.first().header("Authorization"), QByteArray("Bearer sk-or-secret-key"));
    int imageRequests = 0;
    for (const HttpRequest &request : m_fake->requests()) {
        if (request.path == "/v1/responses")
            continue;
        ++imageRequests;
        QVERIFY2(!request.hasHeader("Authorization"), request.target.constData());
        QCOMPARE(request.method, QByteArray("GET"));
    }
    QCOMPARE(imageRequests, redirected ? 4 : 1); // downloaded once
}

void TestChatImageUrls::imagesAreHandedOverAtTheLargestShownSize_data()
{
    QTest::addColumn<bool>("linked");
    QTest::newRow("streamed as base64") << false;
    QTest::newRow("downloaded from a link") << true;
}

void TestChatImageUrls::imagesAreHandedOverAtTheLargestShownSize()
{
    QFETCH(bool, linked);
    // The view shows images at most 32x32 device pixels here: the 64x48 image is decoded to
    // 32x24 off the GUI thread, stored whole, and the view's size needs no decode of the file.
    m_session->setImageDecodeBox(QSize(32, 32));
    const QByteArray png = pngBytes(QSize(64, 48));
    if (linked) {
        m_fake->setRoute("/files/img-1.png", FakeResponse::text(200, "image/png", png));
        const QString url = m_fake->url(QStringLiteral("/files/img-1.png")).toString();
        QVERIFY(sendAndFinish({ created(), linkedImage(url), completed() }));
    } else {
        QVERIFY(sendAndFinish(
            { TestPayloads::imageAnswer("resp_1", "ig_1", png, QStringLiteral("1024x1024")) }));
    }
    QTRY_COMPARE_WITH_TIMEOUT(lastImage().state, ImageAsset::State::Final, 10000);
    const ImageAsset asset = lastImage();
    QCOMPARE(asset.pixelSize, QSize(64, 48));
    QCOMPARE(readFile(asset.filePath), png);

    QCOMPARE(m_cache->earlierDecode(asset.filePath).size(), QSize(32, 24));
    QVERIFY(m_cache->cached(asset.filePath, QSize()).isNull()); // no whole-size copy in memory
    QCOMPARE(m_cache->image(asset.filePath, QSize(32, 24)).size(), QSize(32, 24));
    QCOMPARE(m_cache->image(asset.filePath, QSize(16, 12)).size(), QSize(16, 12));
    QCOMPARE(m_cache->decodeCount(), 0);
}

void TestChatImageUrls::failedDownloadShowsTheLinkThenRetry()
{
    m_fake->setRoute("/files/late.png", FakeResponse::text(404, "text/html", "<h1>Not found</h1>"));
    const QString url = m_fake->url(QStringLiteral("/files/late.png")).toString();
    QVERIFY(sendAndFinish({ created(), linkedImage(url), completed() }));

    QTRY_COMPARE_WITH_TIMEOUT(lastImage().state, ImageAsset::State::Failed, 10000);
    const Turn failedTurn = lastTurn();
    const ImageAsset failed = failedTurn.images.first();
    QCOMPARE(failedTurn.status, Turn::Status::Done); // the answer itself was fine
    QCOMPARE(failed.sourceUrl, url);
    QVERIFY2(failed.error.contains(QStringLiteral("HTTP 404")), qPrintable(failed.error));
    QVERIFY2(failed.error.contains(QStringLiteral("127.0.0.1:%1").arg(m_fake->port())),
             qPrintable(failed.error));
    QVERIFY(failed.filePath.isEmpty());
    QCOMPARE(failedTurn.finalImageCount(), 0);
    const Cost withoutImage = failedTurn.cost;

    // The link works again (or never did: retrying is the designer's call, never automatic).
    const QByteArray png = pngBytes(QSize(20, 30));
    m_fake->setRoute("/files/late.png", FakeResponse::text(200, "text/plain", png));
    QTest::qWait(100);
    QCOMPARE(m_fake->requestsFor("/files/late.png").size(), 1);

    m_session->retryImage(failedTurn.id, QStringLiteral("ig_1"));
    QCOMPARE(lastImage().state, ImageAsset::State::Pending);
    QVERIFY(lastImage().error.isEmpty());
    QCOMPARE(lastImage().sourceUrl, url);
    m_session->retryImage(failedTurn.id, QStringLiteral("ig_1")); // already downloading: ignored

    QTRY_COMPARE_WITH_TIMEOUT(lastImage().state, ImageAsset::State::Final, 10000);
    const ImageAsset asset = lastImage();
    QCOMPARE(asset.hash, sha256(png));
    QCOMPARE(readFile(asset.filePath), png);
    QCOMPARE(asset.sourceUrl, url);
    QCOMPARE(lastTurn().finalImageCount(), 1);
    QVERIFY(lastTurn().cost.usd > withoutImage.usd);
    QCOMPARE(m_fake->requestsFor("/files/late.png").size(), 2);

    // Retrying a final image, or an image that does not exist, does nothing.
    m_session->retryImage(failedTurn.id, QStringLiteral("ig_1"));
    m_session->retryImage(failedTurn.id, QStringLiteral("ig_nope"));
    m_session->retryImage(QStringLiteral("no-such-turn"), QStringLiteral("ig_1"));
    QCOMPARE(m_session->imageDownloads()->count(), 0);
    QCOMPARE(lastImage().state, ImageAsset::State::Final);
}

void TestChatImageUrls::refusedLinkFailsWithoutNetwork()
{
    QVERIFY(
        sendAndFinish({ created(), linkedImage(QStringLiteral("http://images.example.com/a.png")),
                        completed() }));
    QTRY_COMPARE_WITH_TIMEOUT(lastImage().state, ImageAsset::State::Failed, 5000);
    QVERIFY2(lastImage().error.contains(QStringLiteral("plain http")),
             qPrintable(lastImage().error));
    QCOMPARE(lastImage().sourceUrl, QStringLiteral("http://images.example.com/a.png"));
    QCOMPARE(m_fake->requestCount(), 1); // only the gateway
}

void TestChatImageUrls::progressReachesTheModel()
{
    const QByteArray png = pngBytes(QSize(400, 300));
    const qsizetype third = png.size() / 3;
    FakeResponse image = FakeResponse::text(200, "image/png", png.left(third));
    image.addChunk(png.mid(third, third), 250).addChunk(png.mid(2 * third), 250);
    m_fake->setRoute("/files/slow.png", image);

    QList<ImageAsset> seen;
    connect(m_session->model(), &ConversationModel::dataChanged, this, [this, &seen] {
        if (!lastTurn().images.isEmpty())
            seen.append(lastImage());
    });
    QVERIFY(sendAndFinish({ created(),
                            linkedImage(m_fake->url(QStringLiteral("/files/slow.png")).toString()),
                            completed() }));
    QTRY_COMPARE_WITH_TIMEOUT(lastImage().state, ImageAsset::State::Final, 10000);

    qint64 lastReceived = -1;
    int partway = 0;
    for (const ImageAsset &asset : std::as_const(seen)) {
        if (asset.state != ImageAsset::State::Pending || asset.downloadedBytes < 0)
            continue;
        QCOMPARE(asset.downloadTotal, qint64(png.size()));
        QVERIFY(asset.downloadedBytes >= lastReceived);
        lastReceived = asset.downloadedBytes;
        if (asset.downloadedBytes > 0 && asset.downloadedBytes < png.size())
            ++partway;
    }
    QVERIFY2(partway >= 1, "no progress between the first and the last byte reached the model");
}

void TestChatImageUrls::clearCancelsDownloads()
{
    FakeResponse held = FakeResponse::text(200, "image/png", pngBytes().left(50));
    held.framing = FakeResponse::Framing::Chunked;
    held.addChunk(pngBytes().mid(50), 0, true);
    m_fake->setRoute("/files/held.png", held);
    QVERIFY(sendAndFinish({ created(),
                            linkedImage(m_fake->url(QStringLiteral("/files/held.png")).toString()),
                            completed() }));
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->heldConnections(), 1, 5000);
    QCOMPARE(m_session->imageDownloads()->count(), 1);

    m_session->clear();
    QCOMPARE(m_session->imageDownloads()->count(), 0);
    QCOMPARE(m_session->model()->rowCount(), 0);
    // Qt may keep an idle connection it opened ahead of the download in its pool; only the
    // socket that carried the download has to be closed.
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->requestConnections(), 0, 5000);
    m_fake->release();
    QTest::qWait(100);
    QCOMPARE(m_session->model()->rowCount(), 0);
}

void TestChatImageUrls::sessionDestroyedMidDownload()
{
    FakeResponse held = FakeResponse::text(200, "image/png", pngBytes().left(50));
    held.framing = FakeResponse::Framing::Chunked;
    held.addChunk(pngBytes().mid(50), 0, true);
    m_fake->setRoute("/files/held.png", held);
    QVERIFY(sendAndFinish({ created(),
                            linkedImage(m_fake->url(QStringLiteral("/files/held.png")).toString()),
                            completed() }));
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->heldConnections(), 1, 5000);
    m_session.reset(); // must not crash nor report into the dead session
    m_fake->release();
    QTest::qWait(100);
}

QTEST_MAIN(TestChatImageUrls)
#include "tst_chatimageurls.moc"
