// Every provider of the brief, in every API flavour it speaks, driven through the real window:
// a prompt typed in the composer goes to a loopback fake that answers in that gateway's shape
// (the documented fixtures of tests/fixtures/gateways, image hosts mapped onto the fake), and the
// image must appear inline, stored by content hash, with usage and the right cost label.
#include "chat/chatsession.h"
#include "chat/providerprofile.h"
#include "conversationview.h"
#include "fakes/fakegateway.h"
#include "mainwindow.h"
#include "store/settings.h"
#include "turnlayout.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray servedPng()
{
    QImage image(320, 200, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb(40 + x / 2, 60 + y / 2, 150));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// An OpenAI-shaped Responses stream with the image inline as base64 and usage without a cost.
QByteArray openAiStream(const QByteArray &png)
{
    auto event = [](const QByteArray &type, QJsonObject data) -> QByteArray {
        data.insert(QStringLiteral("type"), QString::fromLatin1(type));
        return "event: " + type + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact)
            + "\n\n";
    };
    const QJsonObject item { { "id", "ig_1" },
                             { "type", "image_generation_call" },
                             { "status", "completed" },
                             { "size", "1024x1024" },
                             { "quality", "low" },
                             { "output_format", "png" },
                             { "result", QString::fromLatin1(png.toBase64()) } };
    return QByteArray()
        + event("response.created",
                { { "response", QJsonObject { { "id", "resp_1" }, { "status", "in_progress" } } } })
        + event("response.output_item.done", { { "output_index", 0 }, { "item", item } })
        + event("response.output_text.delta",
                { { "item_id", "msg_1" }, { "output_index", 1 }, { "delta", "Here it is." } })
        + event("response.completed",
                { { "response",
                    QJsonObject {
                        { "id", "resp_1" },
                        { "status", "completed" },
                        { "usage",
                          QJsonObject { { "input_tokens", 120 }, { "output_tokens", 40 } } } } } });
}

} // namespace

class TestGatewaysInWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void promptShowsImage_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("flavour");
        QTest::addColumn<QString>("fixture"); // "" = the OpenAI-shaped stream built here
        QTest::addColumn<QString>("basis");
        QTest::addColumn<bool>("linked"); // the image comes as a URL to download

        QTest::newRow("openai responses") << "openai"
                                          << "responses"
                                          << ""
                                          << "estimated" << false;
        QTest::newRow("aistats responses") << "aistats"
                                           << "responses"
                                           << "aistats-responses.sse"
                                           << "estimated" << true;
        QTest::newRow("aistats chat") << "aistats"
                                      << "chat"
                                      << "openrouter-chat-server-tool.sse"
                                      << "billed" << true;
        QTest::newRow("openrouter responses") << "openrouter"
                                              << "responses"
                                              << "openrouter-responses-image-item.sse"
                                              << "billed" << true;
        QTest::newRow("openrouter chat") << "openrouter"
                                         << "chat"
                                         << "openrouter-chat-server-tool.sse"
                                         << "billed" << true;
        QTest::newRow("openrouter image-chat") << "openrouter"
                                               << "image-chat"
                                               << "openrouter-image-model.sse"
                                               << "billed" << false;
        QTest::newRow("modelgates responses") << "modelgates"
                                              << "responses"
                                              << "openrouter-responses-image-item.sse"
                                              << "billed" << true;
        QTest::newRow("modelgates chat") << "modelgates"
                                         << "chat"
                                         << "modelgates-chat.sse"
                                         << "billed" << true;
        QTest::newRow("custom responses") << "custom"
                                          << "responses"
                                          << ""
                                          << "estimated" << false;
        QTest::newRow("custom chat") << "custom"
                                     << "chat"
                                     << "modelgates-chat.sse"
                                     << "billed" << true;
        QTest::newRow("custom image-chat") << "custom"
                                           << "image-chat"
                                           << "openrouter-image-model.sse"
                                           << "billed" << false;
    }

    void promptShowsImage()
    {
        QFETCH(QString, provider);
        QFETCH(QString, flavour);
        QFETCH(QString, fixture);
        QFETCH(QString, basis);
        QFETCH(bool, linked);

        QTemporaryDir dir;
        FakeGateway fake;
        QVERIFY(fake.listen());
        const QByteArray png = servedPng();
        // Anything that is not the API endpoint is an image host serving the picture.
        fake.setFallback(FakeResponse::text(200, "application/octet-stream", png));

        ProviderProfile profile = ProviderProfile::builtIn(provider);
        QCOMPARE(profile.id, provider);
        QVERIFY(ApiFlavours::fromName(flavour, &profile.flavour));
        QVERIFY2(profile.supports(profile.flavour),
                 "the built-in profile does not list this flavour");
        profile.baseUrl = fake.url(QStringLiteral("/v1"));
        profile.apiKey = QStringLiteral("test-key-%1").arg(provider);

        QByteArray stream;
        if (fixture.isEmpty()) {
            stream = openAiStream(png);
        } else {
            stream
                = readFile(QStringLiteral(EASEL_SOURCE_DIR "/tests/fixtures/gateways/") + fixture);
            QVERIFY(!stream.isEmpty());
            // The documented image hosts become paths on the fake (http is allowed on loopback).
            const QByteArray host = fake.url(QStringLiteral("/img/")).toString().toUtf8();
            for (const char *documented :
                 { "https://images.openrouter.ai/", "https://cdn.phaseo.app/",
                   "https://modelgates.ai/images/" })
                stream.replace(documented, host);
            if (provider == QLatin1String("modelgates"))
                stream.replace("openrouter:image_generation", "modelgates:image_generation");
        }
        QList<QByteArray> chunks;
        for (const QByteArray &part : stream.split('\n'))
            chunks.append(part + '\n'); // line by line, as a slow gateway would send it
        fake.setRoute("/v1/" + ApiFlavours::endpointPath(profile.flavour).toUtf8(),
                      FakeResponse::sse(chunks));

        ChatSession::Options options;
        options.imageRoot = dir.path() + QStringLiteral("/images");
        options.previewRoot = dir.path() + QStringLiteral("/previews");
        ChatSession session(profile, options);
        Settings settings(dir.path() + QStringLiteral("/settings.ini"));
        MainWindow window(&session, &settings);
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *prompt = window.findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QVERIFY(prompt);
        QTest::keyClicks(prompt, QStringLiteral("A lighthouse at dusk"));
        QSignalSpy finished(&session, &ChatSession::turnFinished);
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(session.model()->turnAt(0).finalImageCount(), 1, 10000);

        const Turn turn = session.model()->turnAt(0);
        QVERIFY2(turn.status == Turn::Status::Done, qPrintable(turn.errorMessage));
        QCOMPARE(turn.images.size(), 1); // an image in an item and in a link is shown once
        const ImageAsset image = turn.images.constFirst();
        const QByteArray stored = readFile(image.filePath);
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(stored, QCryptographicHash::Sha256).toHex()),
                 image.hash);
        QVERIFY(image.filePath.contains(image.hash));
        if (linked) {
            QCOMPARE(stored, png); // downloaded, exactly as served
            QVERIFY(!image.sourceUrl.isEmpty());
            // A Markdown image link to the picture shown inline is not shown again; a bare link
            // stays readable text.
            const QString shown = TurnLayout::displayedText(turn);
            QVERIFY2(!shown.contains(QStringLiteral("](") + image.sourceUrl), qPrintable(shown));
        }

        const QString usage = TurnLayout::usageText(turn);
        QVERIFY2(usage.contains(basis), qPrintable(usage));
        QVERIFY2(usage.contains(QStringLiteral("1 image")), qPrintable(usage));

        // The key went to the API endpoint, and never to an image host.
        bool apiCalled = false;
        for (const HttpRequest &request : fake.requests()) {
            if (request.path.startsWith("/v1/")) {
                apiCalled = true;
                QCOMPARE(request.header("Authorization"), "Bearer " + profile.apiKey.toUtf8());
                const QJsonObject body = QJsonDocument::fromJson(request.body).object();
                QVERIFY(body.contains(QStringLiteral("model")));
            } else {
                QVERIFY2(!request.hasHeader("Authorization"), request.path.constData());
            }
        }
        QVERIFY(apiCalled);

        QTest::qWait(150); // let the decoded image land before the picture is taken
        const QString name = QStringLiteral("%1-%2").arg(provider, flavour);
        window.grab().save(QDir::tempPath() + QStringLiteral("/easel-gateway-%1.png").arg(name));
    }
};

QTEST_MAIN(TestGatewaysInWindow)
#include "tst_gatewaysinwindow.moc"
