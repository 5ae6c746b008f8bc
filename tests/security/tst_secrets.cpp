// Issue #7, section 5: the API key stays a secret. In-process and end to end over loopback HTTP,
// through the real MainWindow, ChatSession, HistoryStore, exporters, ImageSaver and Settings >
// Providers: the key goes in the Authorization header of API calls to the base URL's origin and
// nowhere else (not to an image host, not across a redirect), and it appears in no log message,
// turn, status bar, history file, export, saved image or settings file, even when a gateway
// repeats it in an error (OpenAI does: "Incorrect API key provided: …").
// The real easel binary (CLI output, crash output) is tested in tst_secretsprocess.cpp.
#include "chat/chatsession.h"
#include "chat/imagedownloads.h"
#include "chat/providerregistry.h"
#include "conversationsdock.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "filedialogs.h"
#include "imagesaver.h"
#include "mainwindow.h"
#include "security/secretscan.h"
#include "store/historystore.h"
#include "store/imagemetadata.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMimeData>
#include <QMutex>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include "providersdialog.h"

namespace {

using SecretScan::apiKey;
using TestPayloads::sse;

// Every message of the run, whatever its type and thread: the logs a user could see.
QMutex s_lock;
QStringList s_messages;
QtMessageHandler s_previous = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&s_lock);
        s_messages << message;
    }
    if (s_previous)
        s_previous(type, context, message);
}

QStringList messagesHoldingKey()
{
    QMutexLocker locker(&s_lock);
    QStringList leaks;
    for (const QString &message : std::as_const(s_messages)) {
        if (SecretScan::holdsKey(message))
            leaks << message;
    }
    return leaks;
}

QByteArray withKey(QByteArray text)
{
    return text.replace("KEY", apiKey().toUtf8());
}

QByteArray created()
{
    return sse("response.created",
               { { "response", QJsonObject { { "id", "resp_s" }, { "status", "in_progress" } } } });
}

QByteArray textDelta(const QString &text)
{
    return sse("response.output_text.delta",
               { { "item_id", "msg_1" }, { "output_index", 2 }, { "delta", text } });
}

// An image_generation_call item whose result is `result`: base64 bytes or a link.
QByteArray imageItem(const QString &itemId, const QString &result, int outputIndex)
{
    return sse("response.output_item.done",
               { { "output_index", outputIndex },
                 { "item",
                   QJsonObject { { "id", itemId },
                                 { "type", "image_generation_call" },
                                 { "status", "completed" },
                                 { "size", "1024x1024" },
                                 { "quality", "low" },
                                 { "result", result } } } });
}

QByteArray completed()
{
    return sse("response.completed",
               { { "response",
                   QJsonObject {
                       { "id", "resp_s" },
                       { "status", "completed" },
                       { "usage",
                         QJsonObject { { "input_tokens", 100 }, { "output_tokens", 50 } } } } } });
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString joined(const QStringList &lines)
{
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void keyGoesOnlyToTheBaseUrl_data();
    void keyGoesOnlyToTheBaseUrl();
    void errorAnswersNeverRepeatTheKey_data();
    void errorAnswersNeverRepeatTheKey();
    void historyHoldsNoKey();
    void exportsHoldNoKey_data();
    void exportsHoldNoKey();
    void savedImagesHoldNoKey_data();
    void savedImagesHoldNoKey();
    void connectionTestKeepsTheKey_data();
    void connectionTestKeepsTheKey();
    void withoutKeychainNoKeyIsWritten();

private:
    // Origins of the two fakes: "api" is the base URL's, "images" is another host name
    // (localhost) and "images-ip" the same address on another port.
    QString resolve(QString text) const;
    Turn runTurn(const QString &prompt, const FakeResponse &answer);
    // A turn with text, a base64 image and a linked image on the other host, then one that the
    // gateway refuses with the key repeated in its error.
    void runGoodAndRefusedTurns();
    void verifyKeyWentOnlyToTheApi() const;
    void verifyNothingStoredHoldsKey();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_api;
    std::unique_ptr<FakeGateway> m_images;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QByteArray m_png;
    QByteArray m_linkedPng;
};

void TestSecrets::initTestCase()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    for (const char *name : { "EASEL_CUSTOM_API_KEY", "EASEL_CUSTOM_BASE_URL", "OPENAI_API_KEY",
                              "OPENAI_BASE_URL", "OPENROUTER_API_KEY", "OPENROUTER_BASE_URL" })
        qunsetenv(name);
    // Debug output too: a key must not show up even with the app's qDebug() turned on.
    QLoggingCategory::setFilterRules(QStringLiteral("default.debug=true\nqt.qpa.*=false"));
    s_previous = qInstallMessageHandler(captureMessage);
}

void TestSecrets::cleanupTestCase()
{
    qInstallMessageHandler(s_previous);
    QLoggingCategory::setFilterRules(QString());
}

void TestSecrets::init()
{
    {
        QMutexLocker locker(&s_lock);
        s_messages.clear();
    }
    m_png = TestPayloads::pngBytes(QSize(64, 48), QColor(200, 90, 30));
    m_linkedPng = TestPayloads::pngBytes(QSize(48, 64), QColor(40, 60, 200));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_api = std::make_unique<FakeGateway>();
    m_images = std::make_unique<FakeGateway>();
    QVERIFY(m_api->listen());
    QVERIFY(m_images->listen());
    for (FakeGateway *fake : { m_api.get(), m_images.get() })
        fake->setRoute("/files/a.png", FakeResponse::text(200, "image/png", m_linkedPng));

    ProviderProfile profile = ProviderProfile::builtIn(QStringLiteral("custom"));
    profile.baseUrl = m_api->url(QStringLiteral("/v1"));
    profile.apiKey = apiKey();
    profile.keySource = ProviderProfile::KeySource::Environment;
    profile.chatModel = QStringLiteral("gpt-5-mini");

    const QString data = m_dir->filePath(QStringLiteral("data"));
    m_settings = std::make_unique<Settings>(data + QStringLiteral("/settings.ini"));
    m_store = std::make_unique<HistoryStore>(data + QStringLiteral("/history.sqlite"));
    ChatSession::Options options;
    options.imageRoot = data + QStringLiteral("/images");
    options.previewRoot = data + QStringLiteral("/cache/previews");
    options.timeouts.idleMs = 5000;
    m_store->setFileFolders(options.imageRoot, options.previewRoot);
    QVERIFY(m_store->open().result().ok);
    m_session = std::make_unique<ChatSession>(profile, options);
    m_session->imageDownloads()->setTimeouts({ 5000, 5000 });
    m_session->setHistory(m_store.get());
    m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setHistoryStore(m_store.get());
}

void TestSecrets::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_store.reset();
    m_settings.reset();
    // Last, so that what the teardown says is checked too.
    const QStringList leaks = messagesHoldingKey();
    QVERIFY2(leaks.isEmpty(), qPrintable(joined(leaks)));
    m_images.reset();
    m_api.reset();
    m_dir.reset();
}

QString TestSecrets::resolve(QString text) const
{
    const QString api = QStringLiteral("http://127.0.0.1:%1").arg(m_api->port());
    text.replace(QLatin1String("{images-ip}"),
                 QStringLiteral("http://127.0.0.1:%1").arg(m_images->port()));
    text.replace(QLatin1String("{images}"),
                 QStringLiteral("http://localhost:%1").arg(m_images->port()));
    return text.replace(QLatin1String("{api}"), api);
}

Turn TestSecrets::runTurn(const QString &prompt, const FakeResponse &answer)
{
    m_api->setRoute("/v1/responses", answer);
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    if (!m_session->send(prompt, {}, ImageParams()) || !finished.wait(15000))
        return {};
    // Linked images may land after the stream: wait until none is pending (the caller checks
    // the images it expects).
    const bool settled = QTest::qWaitFor(
        [this] {
            for (const ImageAsset &image : m_session->model()->turns().constLast().images) {
                if (image.state == ImageAsset::State::Pending)
                    return false;
            }
            return true;
        },
        15000);
    Q_UNUSED(settled)
    return m_session->model()->turns().constLast();
}

void TestSecrets::runGoodAndRefusedTurns()
{
    const QString link = resolve(QStringLiteral("{images}/files/a.png"));
    const Turn good
        = runTurn(QStringLiteral("a lighthouse at dusk"),
                  FakeResponse::sse(
                      { created(), textDelta(QStringLiteral("Here it is.")),
                        imageItem(QStringLiteral("ig_0"), QString::fromLatin1(m_png.toBase64()), 0),
                        imageItem(QStringLiteral("ig_1"), link, 1), completed() }));
    QCOMPARE(good.status, Turn::Status::Done);
    QCOMPARE(good.finalImageCount(), 2);
    const Turn refused
        = runTurn(QStringLiteral("the same lighthouse at night"),
                  FakeResponse::json(
                      401,
                      withKey(R"({"error":{"message":"Incorrect API key provided: KEY. You )"
                              R"(can find your API key at https://platform.openai.com.",)"
                              R"("type":"invalid_request_error","code":"invalid_api_key"}})")));
    QCOMPARE(refused.status, Turn::Status::Failed);
    QVERIFY2(refused.errorMessage.contains(QLatin1String("rejected the API key")),
             qPrintable(refused.errorMessage));
}

void TestSecrets::verifyKeyWentOnlyToTheApi() const
{
    const QByteArray bearer = "Bearer " + apiKey().toUtf8();
    int apiCalls = 0;
    for (const HttpRequest &request : m_api->requests()) {
        const bool imageDownload
            = request.path.startsWith("/files/") || request.path.startsWith("/r/");
        if (!imageDownload) {
            ++apiCalls;
            QCOMPARE(request.header("Authorization"), bearer);
        } else { // an image link on the API's own host is still an image download
            QVERIFY2(!request.hasHeader("Authorization"), request.target.constData());
        }
        QVERIFY2(SecretScan::formsIn(request.target + request.body).isEmpty(),
                 request.target.constData());
        for (const auto &[name, value] : request.headers) {
            if (name.compare("Authorization", Qt::CaseInsensitive) != 0)
                QVERIFY2(SecretScan::formsIn(value).isEmpty(), name.constData());
        }
    }
    QVERIFY(apiCalls >= 1);
    for (const HttpRequest &request : m_images->requests()) {
        QVERIFY2(!request.hasHeader("Authorization"), request.target.constData());
        QVERIFY2(!request.hasHeader("Cookie"), request.target.constData());
        QByteArray everything = request.target + request.body;
        for (const auto &[name, value] : request.headers)
            everything += name + ": " + value + '\n';
        QVERIFY2(SecretScan::formsIn(everything).isEmpty(), everything.constData());
    }
}

void TestSecrets::verifyNothingStoredHoldsKey()
{
    // The history's queue runs in order: once this read answers, every save before it is done.
    if (!m_session->conversationId().isEmpty())
        QVERIFY(!m_store->turns(m_session->conversationId()).result().isEmpty());
    m_settings->sync();
    const QStringList leaks = SecretScan::filesHoldingKey(m_dir->path());
    QVERIFY2(leaks.isEmpty(), qPrintable(joined(leaks)));
}

void TestSecrets::keyGoesOnlyToTheBaseUrl_data()
{
    QTest::addColumn<QString>("link"); // an image the turn delivers as a link ("" for none)
    QTest::addColumn<QString>("apiRedirect"); // where the API call is redirected ("" for not)
    QTest::addColumn<int>("imageHostRequests");

    QTest::newRow("text and a base64 image") << QString() << QString() << 0;
    QTest::newRow("linked image on another host name") << "{images}/files/a.png" << QString() << 1;
    QTest::newRow("linked image on another port") << "{images-ip}/files/a.png" << QString() << 1;
    QTest::newRow("linked image on the API's origin") << "{api}/files/a.png" << QString() << 0;
    QTest::newRow("linked image redirected to another host") << "{api}/r/1" << QString() << 1;
    QTest::newRow("API call redirected to another host")
        << QString() << "{images}/v1/responses" << 0;
    QTest::newRow("API call redirected to another port")
        << QString() << "{images-ip}/v1/responses" << 0;
    QTest::newRow("API call redirected within its origin")
        << QString() << "{api}/v2/responses" << 0;
}

void TestSecrets::keyGoesOnlyToTheBaseUrl()
{
    QFETCH(QString, link);
    QFETCH(QString, apiRedirect);
    QFETCH(int, imageHostRequests);
    m_api->addRedirectChain("/r", 2, resolve(QStringLiteral("{images}/files/a.png")).toUtf8());
    for (FakeGateway *fake : { m_api.get(), m_images.get() }) {
        fake->setRoute("/v1/responses", FakeResponse::json(500, R"({"error":"wrong host"})"));
        fake->setRoute("/v2/responses", FakeResponse::json(500, R"({"error":"wrong path"})"));
    }

    QList<QByteArray> events { created(), textDelta(QStringLiteral("Here it is.")),
                               imageItem(QStringLiteral("ig_0"),
                                         QString::fromLatin1(m_png.toBase64()), 0) };
    if (!link.isEmpty())
        events << imageItem(QStringLiteral("ig_1"), resolve(link), 1);
    events << completed();
    const FakeResponse answer = apiRedirect.isEmpty()
        ? FakeResponse::sse(events)
        : FakeResponse::redirect(resolve(apiRedirect).toUtf8(), 307);
    const Turn turn = runTurn(QStringLiteral("a lighthouse at dusk"), answer);

    if (apiRedirect.isEmpty()) {
        QCOMPARE(turn.status, Turn::Status::Done);
        QCOMPARE(turn.finalImageCount(), link.isEmpty() ? 1 : 2);
    } else {
        QCOMPARE(turn.status, Turn::Status::Failed);
        QVERIFY2(turn.errorMessage.contains(QLatin1String("redirect")),
                 qPrintable(turn.errorMessage));
        QCOMPARE(m_api->requestsFor("/v1/responses").size(), 1); // never followed
        QVERIFY(m_api->requestsFor("/v2/responses").isEmpty());
    }
    QCOMPARE(m_images->requestCount(), imageHostRequests);
    verifyKeyWentOnlyToTheApi();
    QVERIFY(!SecretScan::holdsKey(turn.text + turn.errorMessage));
    QVERIFY(!SecretScan::holdsKey(m_window->statusBar()->currentMessage()));
    verifyNothingStoredHoldsKey();
}

void TestSecrets::errorAnswersNeverRepeatTheKey_data()
{
    QTest::addColumn<int>("status"); // 200: `body` is a stream of events, one a line
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body"); // "KEY" stands for the key
    QTest::addColumn<QString>("expected");

    QTest::newRow("401, OpenAI's JSON")
        << 401 << QByteArray("application/json")
        << QByteArray(R"({"error":{"message":"Incorrect API key provided: KEY. You can find your )"
                      R"(API key at https://platform.openai.com/account/api-keys.","type":)"
                      R"("invalid_request_error","param":null,"code":"invalid_api_key"}})")
        << QStringLiteral("Incorrect API key provided: \u2022\u2022\u20224f1e.");
    QTest::newRow("401, plain text")
        << 401 << QByteArray("text/plain") << QByteArray("Invalid bearer token KEY")
        << QStringLiteral("rejected the API key");
    QTest::newRow("403, HTML page")
        << 403 << QByteArray("text/html")
        << QByteArray("<html><head><title>Forbidden</title></head><body><p>The key KEY may not "
                      "use this model.</p></body></html>")
        << QStringLiteral("refused the request (403)");
    QTest::newRow("400, AI Stats' string error")
        << 400 << QByteArray("application/json")
        << QByteArray(R"({"error":"Invalid API key KEY for this endpoint","reason":"auth"})")
        << QStringLiteral("rejected the request (400)");
    // The message is elided at 1000 characters, in the middle of the key: masking the key after
    // eliding would keep its first half.
    QTest::newRow("429, key where a long message is cut")
        << 429 << QByteArray("application/json")
        << QByteArray(R"({"error":{"message":")") + QByteArray(975, 'x') + " KEY" + R"("}})"
        << QStringLiteral("rate limiting");
    QTest::newRow("stream error event")
        << 200 << QByteArray()
        << QByteArray(R"({"type":"error","error":{"type":"invalid_request_error","code":)"
                      R"("invalid_api_key","message":"Incorrect API key provided: KEY."}})")
        << QStringLiteral("Incorrect API key provided: \u2022\u2022\u20224f1e.");
    QTest::newRow("stream response.failed")
        << 200 << QByteArray()
        << QByteArray(R"({"type":"response.failed","response":{"id":"resp_s","status":"failed",)"
                      R"("error":{"code":"invalid_api_key","message":"Bad key KEY"}}})")
        << QStringLiteral("Bad key \u2022\u2022\u20224f1e");
}

void TestSecrets::errorAnswersNeverRepeatTheKey()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);

    FakeResponse answer;
    if (status == 200) {
        const QJsonObject event = QJsonDocument::fromJson(withKey(body)).object();
        QVERIFY(!event.isEmpty());
        answer = FakeResponse::sse(
            { created(), sse(event.value("type").toString().toLatin1(), event) });
    } else {
        answer = FakeResponse::text(status, contentType, withKey(body));
    }
    const Turn turn = runTurn(QStringLiteral("a lighthouse at dusk"), answer);

    QCOMPARE(turn.status, Turn::Status::Failed);
    QVERIFY2(turn.errorMessage.contains(expected), qPrintable(turn.errorMessage));
    QVERIFY2(!SecretScan::holdsKey(turn.errorMessage), qPrintable(turn.errorMessage));
    // What the window says about it.
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), turn.errorMessage);
    verifyKeyWentOnlyToTheApi();
    verifyNothingStoredHoldsKey();
    // And what a later run reads back from the history.
    const QList<Turn> stored = m_store->turns(m_session->conversationId()).result();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().errorMessage, turn.errorMessage);
}

void TestSecrets::historyHoldsNoKey()
{
    runGoodAndRefusedTurns();
    if (QTest::currentTestFailed())
        return;
    const QString data = m_dir->filePath(QStringLiteral("data"));
    const QString database = data + QStringLiteral("/history.sqlite");
    verifyNothingStoredHoldsKey();
    // Every byte of the database and its journal, while it is open (the WAL holds the newest
    // pages) and after it closed (checkpointed into the main file).
    QVERIFY(QFile::exists(database));
    QVERIFY2(QFile::exists(database + QStringLiteral("-wal")), "expected a write-ahead log");
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        const QByteArray bytes = fileBytes(database + suffix);
        QVERIFY2(SecretScan::formsIn(bytes).isEmpty(), qPrintable(database + suffix));
    }
    // The history holds both turns, the refusal's (masked) message included.
    QCOMPARE(fileBytes(database + QStringLiteral("-wal")).contains("rejected the API key")
                 || fileBytes(database).contains("rejected the API key"),
             true);
    m_window.reset();
    m_session.reset();
    m_store.reset();
    m_settings.reset();
    QVERIFY(QFile::exists(database));
    QVERIFY(SecretScan::fileCount(data + QStringLiteral("/images")) >= 2); // the two images
    const QStringList leaks = SecretScan::filesHoldingKey(m_dir->path());
    QVERIFY2(leaks.isEmpty(), qPrintable(joined(leaks)));
}

void TestSecrets::exportsHoldNoKey_data()
{
    QTest::addColumn<bool>("html");
    QTest::newRow("Markdown and images") << false;
    QTest::newRow("self-contained HTML") << true;
}

void TestSecrets::exportsHoldNoKey()
{
    QFETCH(bool, html);
    runGoodAndRefusedTurns();
    if (QTest::currentTestFailed())
        return;
    const QString out = m_dir->filePath(QStringLiteral("export"));
    const QString path = out + (html ? QStringLiteral("/run.html") : QStringLiteral("/run.md"));
    ConversationsDock *dock = m_window->conversationsDock();
    QVERIFY(dock);
    QSignalSpy notices(dock, &ConversationsDock::notice);
    FileDialogs::setNextSaveFileName(path);
    dock->exportConversation(m_session->conversationId(), html);
    QTRY_COMPARE_WITH_TIMEOUT(notices.size(), 1, 10000);
    const QString notice = notices.constFirst().constFirst().toString();
    QVERIFY2(notice.startsWith(QLatin1String("Exported")), qPrintable(notice));
    QVERIFY(!SecretScan::holdsKey(notice));

    const QByteArray document = fileBytes(path);
    QVERIFY(document.contains("a lighthouse at dusk"));
    QVERIFY(document.contains("rejected the API key")); // the refused turn is in it
    QCOMPARE(SecretScan::fileCount(out), html ? 1 : 3); // Markdown: the document and two images
    const QStringList leaks = SecretScan::filesHoldingKey(out);
    QVERIFY2(leaks.isEmpty(), qPrintable(joined(leaks)));
}

void TestSecrets::savedImagesHoldNoKey_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("files");
    QTest::newRow("Save As, PNG as received") << "png" << 1;
    QTest::newRow("Save As, converted to JPEG") << "jpg" << 1;
    QTest::newRow("Save As, converted to WebP") << "webp" << 1;
    QTest::newRow("Save All of the conversation") << "all" << 2;
    QTest::newRow("auto-save") << "auto" << 0; // 0: the images final when the turn ended
    QTest::newRow("the copy a drag carries") << "drag" << 1;
}

void TestSecrets::savedImagesHoldNoKey()
{
    QFETCH(QString, how);
    QFETCH(int, files);
    const QString out = m_dir->filePath(QStringLiteral("saved"));
    QVERIFY(QDir().mkpath(out));
    if (how == QLatin1String("auto")) {
        m_settings->setValue(Settings::autoSaveEnabled, true);
        m_settings->setValue(Settings::autoSaveFolder, out);
    }
    auto *saver = m_window->findChild<ImageSaver *>();
    QVERIFY(saver);
    saver->setShowsMessageBoxes(false);
    QSignalSpy saved(saver, &ImageSaver::saved);
    runGoodAndRefusedTurns();
    if (QTest::currentTestFailed())
        return;
    const QList<Turn> turns = m_session->model()->turns();
    const Turn good = turns.constFirst();

    QStringList written;
    if (how == QLatin1String("auto")) {
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 10000);
        written = saved.constFirst().constFirst().toStringList();
    } else if (how == QLatin1String("all")) {
        FileDialogs::setNextDirectory(out);
        saver->saveConversation(turns);
        QCOMPARE(saved.size(), 1);
        written = saved.constFirst().constFirst().toStringList();
    } else if (how == QLatin1String("drag")) {
        std::unique_ptr<QMimeData> mime(saver->mimeDataFor(good, good.images.constLast()));
        QCOMPARE(mime->urls().size(), 1);
        written << mime->urls().constFirst().toLocalFile();
        QVERIFY2(!written.constFirst().startsWith(m_dir->filePath(QStringLiteral("data"))),
                 "the drag carries the stored file, not a copy with the metadata");
    } else {
        FileDialogs::setNextSaveFileName(out + QStringLiteral("/picked.") + how);
        saver->saveAs(good, good.images.constFirst());
        QCOMPARE(saved.size(), 1);
        written = saved.constFirst().constFirst().toStringList();
    }
    if (files > 0)
        QCOMPARE(written.size(), files);
    QVERIFY(!written.isEmpty());
    for (const QString &path : std::as_const(written)) {
        const QByteArray bytes = fileBytes(path);
        const ImageMetadata::Read record = ImageMetadata::read(bytes);
        QVERIFY2(record.ok && record.found, qPrintable(path + QStringLiteral(": ") + record.error));
        QCOMPARE(ImageMetadata::promptFrom(record.json), QStringLiteral("a lighthouse at dusk"));
        QVERIFY2(SecretScan::formsIn(bytes).isEmpty(), qPrintable(path));
        QVERIFY(!SecretScan::holdsKey(QString::fromUtf8(QJsonDocument(record.json).toJson())));
        // The standard fields other tools show were written (so the scan above covered them):
        // the prompt and "Easel", nothing more of the request.
        if (ImageMetadata::formatOf(bytes) == QLatin1String("png")) {
            QImageReader reader(path);
            QCOMPARE(reader.text(QStringLiteral("Description")),
                     QStringLiteral("a lighthouse at dusk"));
            QCOMPARE(reader.text(QStringLiteral("Software")), QStringLiteral("Easel"));
            for (const QString &key : reader.textKeys())
                QVERIFY2(!SecretScan::holdsKey(key + reader.text(key)), qPrintable(key));
        } else {
            QVERIFY2(bytes.contains("<rdf:li xml:lang=\"x-default\">a lighthouse at dusk<"),
                     qPrintable(path));
        }
    }
    const QStringList leaks = SecretScan::filesHoldingKey(m_dir->path());
    QVERIFY2(leaks.isEmpty(), qPrintable(joined(leaks)));
}

void TestSecrets::connectionTestKeepsTheKey_data()
{
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QString>("expected");
    QTest::newRow("connected") << "/v1"
                               << "Connected: 1 model";
    QTest::newRow("401 repeating the key") << "/echo/v1"
                                           << "Incorrect API key provided: \u2022\u2022\u20224f1e";
    QTest::newRow("redirect to another host") << "/moved/v1"
                                              << "does not follow redirects with the API key";
    QTest::newRow("redirect with the key in the Location") << "/leaky/v1"
                                                           << "\u2022\u2022\u20224f1e";
}

void TestSecrets::connectionTestKeepsTheKey()
{
    QFETCH(QString, basePath);
    QFETCH(QString, expected);
    m_api->setRoute("/v1/models", FakeResponse::json(200, R"({"data":[{"id":"gpt-5-mini"}]})"));
    m_api->setRoute(
        "/echo/v1/models",
        FakeResponse::json(401,
                           withKey(R"({"error":{"message":"Incorrect API key provided: KEY"}})")));
    m_api->setRoute("/moved/v1/models",
                    FakeResponse::redirect(resolve(QStringLiteral("{images}/v1/models")).toUtf8()));
    m_api->setRoute("/leaky/v1/models",
                    FakeResponse::redirect(resolve(QStringLiteral("{images}/v1/models?key=KEY"))
                                               .toUtf8()
                                               .replace("KEY", apiKey().toUtf8())));
    m_images->setRoute("/v1/models", FakeResponse::json(200, R"({"data":[]})"));

    // The key as a run has it: from the environment (there is no keychain here).
    qputenv("EASEL_CUSTOM_API_KEY", apiKey().toUtf8());
    const auto unset = qScopeGuard([] { qunsetenv("EASEL_CUSTOM_API_KEY"); });
    SecretStore secrets;
    ProviderRegistry registry(m_settings.get(), &secrets);
    ProvidersDialog dialog(&registry);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.selectProfile(QStringLiteral("custom"));
    auto *baseUrl = dialog.findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testButton"));
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResultLabel"));
    QVERIFY(baseUrl && test && result);
    baseUrl->selectAll();
    QTest::keyClicks(baseUrl, m_api->url(basePath).toString());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled(), 10000);

    QVERIFY2(result->text().contains(expected), qPrintable(result->text()));
    QVERIFY2(!SecretScan::holdsKey(result->text()), qPrintable(result->text()));
    QCOMPARE(m_api->requestCount(), 1);
    QCOMPARE(m_images->requestCount(), 0); // a redirect is never followed with the key
    verifyKeyWentOnlyToTheApi();
    QVERIFY(dialog.apply());
    verifyNothingStoredHoldsKey();
}

// tst_providerregistry (editsAndCopiesPersistWithoutKeys) and tst_providersdialog
// (keyFieldWithoutKeychain, applySavesTheEditsNeverTheKey) cover the fields; this is the key
// itself handed to every way in while there is no keychain.
void TestSecrets::withoutKeychainNoKeyIsWritten()
{
    SecretStore secrets;
    QVERIFY(!secrets.available());
    ProviderRegistry registry(m_settings.get(), &secrets);
    QString error = QStringLiteral("not answered");
    registry.setApiKey(QStringLiteral("openrouter"), apiKey(),
                       [&error](const QString &answer) { error = answer; });
    QTRY_VERIFY(error != QLatin1String("not answered"));
    QVERIFY2(error.contains(QLatin1String("EASEL_NO_KEYCHAIN")), qPrintable(error));
    QVERIFY(!registry.hasStoredKey(QStringLiteral("openrouter")));
    QVERIFY(registry.profile(QStringLiteral("openrouter")).apiKey.isEmpty());

    // The dialog's key field is disabled then; a key put there anyway goes nowhere.
    ProvidersDialog dialog(&registry);
    dialog.show();
    dialog.selectProfile(QStringLiteral("openrouter"));
    auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    QVERIFY(key);
    QVERIFY(!key->isEnabled());
    key->setText(apiKey());
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    QVERIFY(name);
    QTest::keyClicks(name, QStringLiteral(" (edited)")); // something to save with it
    QVERIFY(dialog.apply());
    QTRY_VERIFY(key->text().isEmpty());
    QVERIFY(registry.profile(QStringLiteral("openrouter")).apiKey.isEmpty());

    // A key from the environment is used, and kept out of what is saved: edits, copies, a custom
    // profile, the tool name learned.
    qputenv("OPENROUTER_API_KEY", apiKey().toUtf8());
    const auto unset = qScopeGuard([] { qunsetenv("OPENROUTER_API_KEY"); });
    const QString copy = registry.duplicate(QStringLiteral("openrouter"));
    QCOMPARE(registry.profile(copy).apiKey, apiKey());
    ProviderProfile edited = registry.stored(copy);
    edited.chatModel = QStringLiteral("openai/gpt-5");
    QVERIFY(registry.save(edited, &error));
    registry.rememberToolType(copy, QStringLiteral("openrouter:image_generation"));
    registry.addCustom();
    m_settings->sync();
    QVERIFY(
        fileBytes(m_dir->filePath(QStringLiteral("data/settings.ini"))).contains(copy.toUtf8()));
    verifyNothingStoredHoldsKey();
}

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
