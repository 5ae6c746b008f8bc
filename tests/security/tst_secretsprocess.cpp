// Issue #7, section 5, with the real easel binary: the API key, given in the environment as a
// user gives it, appears in none of what a run leaves behind: stdout and stderr of `easel
// generate` and `easel compare` (with the app's debug output on), the images, grid.png and
// results.csv in --out, the history and settings under --data-dir, and the output of a crash
// (SIGSEGV, SIGABRT) mid-stream. Easel installs no crash handler, so stderr is all a crash says;
// a test that finds a key there catches a handler or a log added later. The key goes only to the
// base URL's fake, never to the other host a redirect points at.
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "security/secretscan.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace {

using SecretScan::apiKey;

const char *const providerVariables[]
    = { "OPENAI_API_KEY",       "OPENAI_BASE_URL",      "AI_STATS_API_KEY",   "AI_STATS_BASE_URL",
        "OPENROUTER_API_KEY",   "OPENROUTER_BASE_URL",  "MODELGATES_API_KEY", "MODELGATES_BASE_URL",
        "EASEL_CUSTOM_API_KEY", "EASEL_CUSTOM_BASE_URL" };

struct Outcome
{
    bool finished = false;
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray withKey(QByteArray text)
{
    return text.replace("KEY", apiKey().toUtf8());
}

// An images-endpoint stream (wire-formats B.4) with one final image.
FakeResponse imagesStream(const QByteArray &png)
{
    const QJsonObject completed { { "size", "1024x1024" },
                                  { "quality", "low" },
                                  { "output_format", "png" },
                                  { "b64_json", QString::fromLatin1(png.toBase64()) },
                                  { "usage",
                                    QJsonObject { { "input_tokens", 12 },
                                                  { "output_tokens", 272 },
                                                  { "total_tokens", 284 } } } };
    return FakeResponse::sse({ TestPayloads::sse("image_generation.completed", completed) });
}

FakeResponse refusal()
{
    return FakeResponse::json(
        401,
        withKey(R"({"error":{"message":"Incorrect API key provided: KEY. You can find your )"
                R"(API key at https://platform.openai.com/account/api-keys.","type":)"
                R"("invalid_request_error","code":"invalid_api_key"}})"));
}

// A stream that stops before its last chunk until released: the run is mid-stream.
FakeResponse heldStream(const QList<QByteArray> &events)
{
    FakeResponse response = FakeResponse::sse(events);
    response.addChunk(TestPayloads::sse("response.in_progress", {}), 0, true);
    return response;
}

QByteArray responsesImage(const QByteArray &png)
{
    return TestPayloads::sse(
        "response.output_item.done",
        { { "output_index", 0 },
          { "item",
            QJsonObject { { "id", "ig_c" },
                          { "type", "image_generation_call" },
                          { "status", "completed" },
                          { "result", QString::fromLatin1(png.toBase64()) } } } });
}

} // namespace

class TestSecretsProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cliRunKeepsTheKey_data();
    void cliRunKeepsTheKey();
    void crashOutputHoldsNoKey_data();
    void crashOutputHoldsNoKey();

private:
    // Starts easel with the key (and the base URL of the API fake) in the environment variables
    // of `provider`, its own XDG folders, and its working directory in the temporary folder.
    std::unique_ptr<QProcess> start(const QStringList &arguments, const QString &provider,
                                    bool window);
    // Waits (the fakes answering meanwhile) until the process ends, killing it after `timeoutMs`.
    Outcome finish(QProcess &process, int timeoutMs = 90000);
    void verifyKeyWentOnlyToTheApi() const;
    void verifyOutputHoldsNoKey(const Outcome &outcome) const;
    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_api;
    std::unique_ptr<FakeGateway> m_other;
};

void TestSecretsProcess::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(EASEL_BINARY)), EASEL_BINARY);
}

void TestSecretsProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(path(QStringLiteral("cwd"))));
    m_api = std::make_unique<FakeGateway>();
    m_other = std::make_unique<FakeGateway>();
    QVERIFY(m_api->listen());
    QVERIFY(m_other->listen());
    m_other->setFallback(imagesStream(TestPayloads::pngBytes()));
}

void TestSecretsProcess::cleanup()
{
    if (m_api)
        m_api->release();
    m_api.reset();
    m_other.reset();
    m_dir.reset();
}

std::unique_ptr<QProcess> TestSecretsProcess::start(const QStringList &arguments,
                                                    const QString &provider, bool window)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : providerVariables)
        env.remove(QString::fromLatin1(name));
    env.remove(QStringLiteral("DISPLAY"));
    // A sanitized build's runtime catches SIGSEGV, reports it and exits normally; the crash rows
    // are about the crash itself and what it prints, so the signal is left to the system.
    for (const QString variable :
         { QStringLiteral("ASAN_OPTIONS"), QStringLiteral("UBSAN_OPTIONS") }) {
        const QString options = env.value(variable);
        env.insert(variable,
                   options + (options.isEmpty() ? QString() : QStringLiteral(":"))
                       + QStringLiteral("handle_segv=0:handle_abort=0"));
    }
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    if (window)
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    else
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the CLI picks offscreen itself
    // The app's own qDebug() output on: it goes to stderr, which is checked.
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               QStringLiteral("default.debug=true;qt.qpa.*=false"));
    env.insert(QStringLiteral("EASEL_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("share")));
    const QString prefix = provider == QLatin1String("openai") ? QStringLiteral("OPENAI")
                                                               : QStringLiteral("EASEL_CUSTOM");
    env.insert(prefix + QStringLiteral("_API_KEY"), apiKey());
    env.insert(prefix + QStringLiteral("_BASE_URL"), m_api->url(QStringLiteral("/v1")).toString());
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(path(QStringLiteral("cwd")));
    // A core file is the process's memory, the key included, and is the system's doing, not
    // Easel's output: none is written, whatever the machine's limits, so that the working
    // directory shows only what Easel itself writes.
    process->setChildProcessModifier([] {
        const rlimit none { 0, 0 };
        setrlimit(RLIMIT_CORE, &none);
    });
    process->start(QStringLiteral(EASEL_BINARY), arguments);
    return process;
}

Outcome TestSecretsProcess::finish(QProcess &process, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs)
        QTest::qWait(20);
    Outcome outcome;
    outcome.finished = process.state() == QProcess::NotRunning;
    if (!outcome.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    outcome.exitStatus = process.exitStatus();
    outcome.exitCode = process.exitCode();
    outcome.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    outcome.err = QString::fromLocal8Bit(process.readAllStandardError());
    return outcome;
}

void TestSecretsProcess::verifyKeyWentOnlyToTheApi() const
{
    const QByteArray bearer = "Bearer " + apiKey().toUtf8();
    QVERIFY(m_api->requestCount() >= 1);
    for (const HttpRequest &request : m_api->requests())
        QCOMPARE(request.header("Authorization"), bearer);
    for (const HttpRequest &request : m_other->requests())
        QVERIFY2(!request.hasHeader("Authorization"), request.target.constData());
}

void TestSecretsProcess::verifyOutputHoldsNoKey(const Outcome &outcome) const
{
    QVERIFY2(!SecretScan::holdsKey(outcome.out), qPrintable(outcome.out));
    QVERIFY2(!SecretScan::holdsKey(outcome.err), qPrintable(outcome.err));
    // Everything the run wrote: --out, --data-dir, the XDG folders, the working directory.
    const QStringList leaks = SecretScan::filesHoldingKey(m_dir->path());
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
}

void TestSecretsProcess::cliRunKeepsTheKey_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("answers"); // ok, refused, or compare (ok, refused, redirected)
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expectedFiles");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("generate, EASEL_CUSTOM_API_KEY")
        << "custom"
        << "ok" << 0 << QStringList { "image-1.png" } << QString();
    QTest::newRow("generate, OPENAI_API_KEY")
        << "openai"
        << "ok" << 0 << QStringList { "image-1.png" } << QString();
    QTest::newRow("generate, key repeated in a 401")
        << "custom"
        << "refused" << 1 << QStringList()
        << QStringLiteral("Incorrect API key provided: \u2022\u2022\u20224f1e.");
    QTest::newRow("compare: done, refused, redirected to another host")
        << "openai"
        << "compare" << 1 << QStringList { "01_a-red-fox.png", "grid.png", "results.csv" }
        << QStringLiteral("Incorrect API key provided: \u2022\u2022\u20224f1e.");
}

void TestSecretsProcess::cliRunKeepsTheKey()
{
    QFETCH(QString, provider);
    QFETCH(QString, answers);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expectedFiles);
    QFETCH(QString, expectedError);

    const QString out = path(QStringLiteral("out"));
    QStringList arguments;
    if (answers == QLatin1String("compare")) {
        // One request at a time, so the answers go to the cells in order.
        m_api->enqueue(imagesStream(TestPayloads::pngBytes()));
        m_api->enqueue(refusal());
        m_api->enqueue(FakeResponse::redirect(
            m_other->url(QStringLiteral("/v1/images/generations"))
                .toString()
                .replace(QLatin1String("127.0.0.1"), QLatin1String("localhost"))
                .toUtf8(),
            307));
        arguments << "compare"
                  << "--axis"
                  << "prompt=a red fox|a blue fox|a green fox"
                  << "--concurrency"
                  << "1";
    } else {
        m_api->setRoute("/v1/images/generations",
                        answers == QLatin1String("ok") ? imagesStream(TestPayloads::pngBytes())
                                                       : refusal());
        arguments << "generate"
                  << "--prompt"
                  << "a red fox";
    }
    arguments << "--provider" << provider << "--yes"
              << "--out" << out << "--data-dir" << path(QStringLiteral("data"));
    std::unique_ptr<QProcess> process = start(arguments, provider, false);
    QVERIFY2(process->waitForStarted(10000), qPrintable(process->errorString()));
    const Outcome outcome = finish(*process);

    QVERIFY(outcome.finished);
    QCOMPARE(outcome.exitStatus, QProcess::NormalExit);
    QVERIFY2(outcome.exitCode == exitCode, qPrintable(outcome.err));
    QVERIFY2(outcome.err.contains(expectedError), qPrintable(outcome.err));
    QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name), expectedFiles);
    if (answers == QLatin1String("compare")) {
        QFile csv(out + QStringLiteral("/results.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray records = csv.readAll();
        QVERIFY2(records.contains("rejected the API key"), records.constData());
        QVERIFY2(records.contains("redirect"), records.constData());
        QVERIFY(!QImage(out + QStringLiteral("/grid.png")).isNull());
        QCOMPARE(m_api->requestCount(), 3);
    }
    QCOMPARE(m_other->requestCount(), 0); // the redirect was not followed
    QVERIFY(QFile::exists(path(QStringLiteral("data/history.sqlite")))); // the run is kept
    verifyKeyWentOnlyToTheApi();
    verifyOutputHoldsNoKey(outcome);
}

void TestSecretsProcess::crashOutputHoldsNoKey_data()
{
    QTest::addColumn<bool>("window"); // the window (--send-prompt) or `easel generate`
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("refusedFirst"); // the window's turn was refused with the key echoed

    QTest::newRow("window, SIGSEGV mid-stream") << true << SIGSEGV << false;
    QTest::newRow("window, SIGABRT mid-stream") << true << SIGABRT << false;
    QTest::newRow("window, SIGSEGV after a refusal repeating the key") << true << SIGSEGV << true;
    QTest::newRow("generate, SIGSEGV mid-stream") << false << SIGSEGV << false;
    QTest::newRow("generate, SIGABRT mid-stream") << false << SIGABRT << false;
}

void TestSecretsProcess::crashOutputHoldsNoKey()
{
    QFETCH(bool, window);
    QFETCH(int, signalNumber);
    QFETCH(bool, refusedFirst);

    const QByteArray png = TestPayloads::pngBytes(QSize(64, 48), Qt::darkYellow);
    const QString data = path(QStringLiteral("data"));
    QStringList arguments;
    if (window) {
        m_api->setRoute(
            "/v1/responses",
            refusedFirst ? refusal()
                         : heldStream({ TestPayloads::sse(
                                            "response.created",
                                            { { "response", QJsonObject { { "id", "resp_c" } } } }),
                                        TestPayloads::sse("response.output_text.delta",
                                                          { { "item_id", "msg_1" },
                                                            { "output_index", 1 },
                                                            { "delta", "Sketching" } }),
                                        responsesImage(png) }));
        arguments << "--data-dir" << data << "--provider"
                  << "custom"
                  << "--send-prompt"
                  << "a lighthouse keeper's cat";
    } else {
        FakeResponse held = FakeResponse::sse({});
        held.addChunk(": still drawing\n\n", 0, true);
        m_api->setRoute("/v1/images/generations", held);
        arguments << "generate"
                  << "--provider"
                  << "custom"
                  << "--prompt"
                  << "a red fox"
                  << "--yes"
                  << "--out" << path(QStringLiteral("out")) << "--data-dir" << data;
    }
    std::unique_ptr<QProcess> process = start(arguments, QStringLiteral("custom"), window);
    QVERIFY2(process->waitForStarted(10000), qPrintable(process->errorString()));

    // Mid-stream: the request is in and its answer held (or, refused, answered a moment ago).
    if (refusedFirst)
        QTRY_VERIFY_WITH_TIMEOUT(m_api->requestCount() == 1, 30000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(m_api->heldConnections() == 1, 30000);
    QTest::qWait(700); // what arrived is handled (and saved) before the crash
    QCOMPARE(process->state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(process->processId()), signalNumber), 0);
    const Outcome outcome = finish(*process, 30000);

    QVERIFY(outcome.finished);
    QCOMPARE(outcome.exitStatus, QProcess::CrashExit);
    verifyKeyWentOnlyToTheApi();
    verifyOutputHoldsNoKey(outcome);
    QVERIFY(QFile::exists(data + QStringLiteral("/history.sqlite"))); // the run got that far
}

QTEST_GUILESS_MAIN(TestSecretsProcess)
#include "tst_secretsprocess.moc"
