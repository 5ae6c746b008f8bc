// Ctrl+C and SIGTERM against the real easel binary (`easel generate` / `easel compare`), with the
// fake gateway holding some answers open so that the signal lands while cells are in flight. The
// child can be given a pseudo-terminal as stdin and controlling terminal (the cost gate then asks,
// and a Ctrl+C typed there signals it as a shell would), or a stderr pipe of the test's own that
// the test fills, so that the child blocks on its next line exactly where the test wants it:
// nothing here waits a fixed time for something to have happened.
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "store/historystore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

const char *const providerVariables[]
    = { "OPENAI_API_KEY",       "OPENAI_BASE_URL",      "AI_STATS_API_KEY",   "AI_STATS_BASE_URL",
        "OPENROUTER_API_KEY",   "OPENROUTER_BASE_URL",  "MODELGATES_API_KEY", "MODELGATES_BASE_URL",
        "EASEL_CUSTOM_API_KEY", "EASEL_CUSTOM_BASE_URL" };

constexpr int patience = 60000; // ms: generous, for a loaded machine; passing runs take far less
constexpr char filler = '\0'; // what the test fills the child's stderr pipe with

struct Result
{
    bool ended = false; // within the time allowed
    bool exitedNormally = false; // false: ended by a signal
    int exitCode = -1; // the exit code, or the signal's number
    QString out;
    QString err;
    QStringList outLines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    QString lastErrLine() const { return err.trimmed().split(QLatin1Char('\n')).constLast(); }
    bool endedBy(int number) const { return !exitedNormally && exitCode == number; }
    QString describe() const
    {
        return (exitedNormally ? QStringLiteral("exited with %1")
                               : QStringLiteral("ended by signal %1"))
                   .arg(exitCode)
            + QStringLiteral("; stderr: ") + err;
    }
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList imageFiles(const QString &dir)
{
    return QDir(dir).entryList({ "*.png", "*.jpg", "*.webp" }, QDir::Files, QDir::Name);
}

QStringList csvRecords(const QByteArray &csv)
{
    QStringList records = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
    if (!records.isEmpty() && records.constLast().isEmpty())
        records.removeLast();
    return records;
}

// An images-endpoint stream (wire-formats B.4) with one final image of `png`'s bytes; `held`:
// the head goes out, the image waits for FakeGateway::release().
FakeResponse imagesStream(const QByteArray &png, bool held = false)
{
    QJsonObject completed { { "size", "1024x1024" },
                            { "quality", "low" },
                            { "output_format", "png" },
                            { "b64_json", QString::fromLatin1(png.toBase64()) } };
    completed.insert("usage", QJsonObject { { "input_tokens", 12 }, { "output_tokens", 272 } });
    FakeResponse response
        = FakeResponse::sse({ TestPayloads::sse("image_generation.completed", completed) });
    response.chunks.first().waitForRelease = held;
    return response;
}

// The statuses of the cells of the one run kept in the history under `dataDir`, in cell order.
QStringList storedStatuses(const QString &dataDir)
{
    HistoryStore history(dataDir + QStringLiteral("/history.sqlite"));
    if (!history.open().result().ok)
        return { QStringLiteral("no history") };
    const QList<ConversationSummary> runs = history.conversations().result();
    if (runs.size() != 1)
        return { QStringLiteral("%1 runs").arg(runs.size()) };
    QMap<int, QString> statuses;
    for (const Turn &turn : history.turns(runs.constFirst().id).result())
        statuses.insert(turn.compareCell, Turn::statusName(turn.status));
    return statuses.values();
}

// A signal mask of /proc/<pid>/status ("SigCgt", "SigPnd", "ShdPnd"): bit n-1 is signal n.
quint64 signalMask(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().toULongLong(nullptr, 16);
    }
    return 0;
}

bool hasSignal(quint64 mask, int number)
{
    return mask & (quint64(1) << (number - 1));
}

// Whether the main thread of `pid` sits in a write() to its stderr (/proc/<pid>/syscall: the
// system call's number, then its arguments), i.e. is blocked on the full pipe.
bool blockedOnStderr(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/syscall").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> fields = file.readAll().trimmed().split(' ');
    bool isNumber = false;
    const long call = fields.value(0).toLong(&isNumber);
    return isNumber && (call == SYS_write || call == SYS_writev) && fields.value(1) == "0x2";
}

// The easel binary as a child, driven step by step (see the file's comment).
class EaselChild
{
public:
    enum class Stdin { Closed, Terminal };
    enum class Stderr { Read, OwnPipe, OwnPipeFull };
    // InShellLoop: bash runs Easel twice in a for loop, in a process group of its own, as a
    // designer's script would; signalGroup() is then Ctrl+C at that terminal.
    enum class Launch { Direct, InShellLoop };

    explicit EaselChild(const QString &home)
        : m_home(home)
    {
    }
    ~EaselChild()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
        for (int fd : { m_master, m_slave, m_errRead, m_errWrite, m_errFill }) {
            if (fd >= 0)
                close(fd);
        }
    }

    bool start(const QStringList &arguments, const QHash<QString, QString> &environment,
               Stdin in = Stdin::Closed, Stderr err = Stderr::Read, Launch launch = Launch::Direct)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : providerVariables)
            env.remove(QString::fromLatin1(name));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("EASEL_NO_KEYCHAIN"), QStringLiteral("1"));
        for (const char *name : { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME" })
            env.insert(QString::fromLatin1(name), m_home + QLatin1Char('/') + QLatin1String(name));
        // Without one Qt warns on stderr at start, before the child's own lines.
        const QString runtime = m_home + QStringLiteral("/runtime");
        if (!QDir().mkpath(runtime)
            || !QFile::setPermissions(runtime,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return false;
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        if (err == Stderr::OwnPipeFull) // nothing at all before the child's own lines
            env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=false"));
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            env.insert(it.key(), it.value());
        m_process.setProcessEnvironment(env);

        if (in == Stdin::Terminal && !openTerminal())
            return false;
        if (err != Stderr::Read && !openErrPipe())
            return false;
        if (err == Stderr::OwnPipeFull && !fillErr())
            return false;
        const int slave = m_slave;
        const int errWrite = m_errWrite;
        const bool ownGroup = launch == Launch::InShellLoop;
        m_process.setChildProcessModifier([slave, errWrite, ownGroup] {
            if (ownGroup)
                setpgid(0, 0);
            // Whatever the test runner was started with (a background job ignores SIGINT), the
            // child starts with the usual dispositions and nothing blocked.
            ::signal(SIGINT, SIG_DFL);
            ::signal(SIGTERM, SIG_DFL);
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, nullptr);
            if (slave >= 0) { // a session of its own, with the terminal as its controlling one
                setsid();
                ioctl(slave, TIOCSCTTY, 0);
                dup2(slave, STDIN_FILENO);
            }
            if (errWrite >= 0)
                dup2(errWrite, STDERR_FILENO);
        });
        if (launch == Launch::InShellLoop)
            m_process.start(QStringLiteral("bash"),
                            QStringList { QStringLiteral("-c"),
                                          QStringLiteral("for run in 1 2; do \"$0\" \"$@\"; done; "
                                                         "echo 'the loop went on'"),
                                          QStringLiteral(EASEL_BINARY) }
                                + arguments);
        else
            m_process.start(QStringLiteral(EASEL_BINARY), arguments);
        if (!m_process.waitForStarted(patience))
            return false;
        if (in == Stdin::Closed)
            m_process.closeWriteChannel(); // a pipe at its end, not a terminal
        closeFd(m_slave);
        closeFd(m_errWrite); // the child's copy is its stderr; the test fills through m_errFill
        return true;
    }

    qint64 pid() const { return m_process.processId(); }
    void signal(int number) const { ::kill(pid_t(pid()), number); }
    void signalGroup(int number) const { ::kill(-pid_t(pid()), number); }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    bool type(const QByteArray &keys) const
    {
        return write(m_master, keys.constData(), keys.size()) == keys.size();
    }

    // Fills the stderr pipe so that the child's next line blocks it, until release().
    bool fillErr()
    {
        char bytes[4096];
        memset(bytes, filler, sizeof bytes);
        while (write(m_errFill, bytes, sizeof bytes) > 0) { }
        while (write(m_errFill, bytes, 1) > 0) { // to the last byte: no line fits
        }
        m_holding = errno == EAGAIN;
        return m_holding;
    }
    void release() { m_holding = false; }

    // Runs the event loop (the fake gateway answers meanwhile) until `condition`; reads the
    // child's stderr unless it is being held full.
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs = patience)
    {
        QElapsedTimer clock;
        clock.start();
        while (!condition()) {
            if (clock.elapsed() > timeoutMs)
                return false;
            QTest::qWait(10);
            drainErr();
        }
        return true;
    }
    QString err()
    {
        drainErr();
        if (m_errRead < 0)
            m_err += m_process.readAllStandardError();
        QByteArray text = m_err;
        return QString::fromLocal8Bit(text.replace(filler, QByteArray()));
    }

    Result finish(int timeoutMs = patience)
    {
        Result result;
        result.ended = waitUntil([this] { return !running(); }, timeoutMs);
        if (!result.ended) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
        release();
        if (m_errRead >= 0) // the child has gone: everything it wrote is in the pipe
            closeFd(m_errFill);
        result.exitedNormally = m_process.exitStatus() == QProcess::NormalExit;
        result.exitCode = m_process.exitCode();
        result.out = QString::fromLocal8Bit(m_process.readAllStandardOutput());
        result.err = err();
        return result;
    }

private:
    bool openTerminal()
    {
        m_master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (m_master < 0 || grantpt(m_master) != 0 || unlockpt(m_master) != 0)
            return false;
        const char *name = ptsname(m_master);
        m_slave = name ? open(name, O_RDWR | O_NOCTTY | O_CLOEXEC) : -1;
        return m_slave >= 0;
    }
    bool openErrPipe()
    {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0)
            return false;
        m_errRead = fds[0];
        m_errWrite = fds[1];
        fcntl(m_errRead, F_SETFL, O_NONBLOCK);
        fcntl(m_errRead, F_SETPIPE_SZ, 4096); // one page: quick to fill
        // The child's stderr must block when full, so the test's non-blocking writes go through
        // an open file description of their own.
        m_errFill = open(QStringLiteral("/proc/self/fd/%1").arg(m_errWrite).toLatin1().constData(),
                         O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        return m_errFill >= 0;
    }
    void drainErr()
    {
        if (m_errRead < 0 || m_holding)
            return;
        char bytes[4096];
        ssize_t count = 0;
        while ((count = read(m_errRead, bytes, sizeof bytes)) > 0)
            m_err.append(bytes, count);
    }
    static void closeFd(int &fd)
    {
        if (fd >= 0)
            close(fd);
        fd = -1;
    }

    QString m_home;
    QProcess m_process;
    int m_master = -1;
    int m_slave = -1;
    int m_errRead = -1;
    int m_errWrite = -1;
    int m_errFill = -1;
    bool m_holding = false;
    QByteArray m_err;
};

} // namespace

class TestCliInterrupt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void signalMidRunKeepsWhatFinished_data();
    void signalMidRunKeepsWhatFinished();
    void generateStoppedMidRun();
    void secondSignalQuitsAtOnce();
    void ctrlCStopsTheScriptsLoop();
    void signalBeforeSendingSendsNothing();
    void costQuestionOnTerminal_data();
    void costQuestionOnTerminal();

private:
    QString path(const QString &relative) const { return m_dir->filePath(relative); }
    QHash<QString, QString> gateway(const FakeGateway &fake) const
    {
        return { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } };
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliInterrupt::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY2(QFile::exists(QStringLiteral(EASEL_BINARY)), EASEL_BINARY);
}

void TestCliInterrupt::signalMidRunKeepsWhatFinished_data()
{
    QTest::addColumn<int>("number");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestCliInterrupt::signalMidRunKeepsWhatFinished()
{
    QFETCH(int, number);
    FakeGateway fake;
    QVERIFY(fake.listen());
    const QByteArray red = TestPayloads::pngBytes({ 64, 48 }, Qt::darkRed);
    // One cell at a time: the first finishes, the second is held in flight, two wait.
    fake.enqueue(imagesStream(red));
    fake.enqueue(imagesStream(TestPayloads::pngBytes({ 64, 48 }, Qt::darkBlue), true));
    const QString out = path(QStringLiteral("out"));
    const QString data = path(QStringLiteral("data"));
    EaselChild child(path(QStringLiteral("home")));
    QVERIFY(child.start({ "compare", "--provider", "custom", "--axis",
                          "prompt=a red fox|a blue fox|a green fox|a grey fox", "--concurrency",
                          "1", "--yes", "--out", out, "--data-dir", data },
                        gateway(fake)));
    QVERIFY2(child.waitUntil([&fake] { return fake.heldConnections() == 1; }),
             qPrintable(child.err()));
    child.signal(number);
    const Result result = child.finish();
    QVERIFY(result.ended);
    // Cleaned up, then ended by the same signal: a shell's loop around it stops too.
    QVERIFY2(result.endedBy(number), qPrintable(result.describe()));
    QCOMPARE(fake.requestCount(), 2); // the waiting cells were never sent

    // The finished cell's image, exactly as sent, and the sheet and table of the whole run.
    QCOMPARE(imageFiles(out), QStringList({ "01_a-red-fox.png", "grid.png" }));
    QCOMPARE(readAll(out + QStringLiteral("/01_a-red-fox.png")), red);
    QImage grid;
    QVERIFY(grid.load(out + QStringLiteral("/grid.png")));
    const QStringList records = csvRecords(readAll(out + QStringLiteral("/results.csv")));
    QCOMPARE(records.size(), 5);
    QVERIFY2(records.at(1).contains(QLatin1String(",done,"))
                 && records.at(1).endsWith(QLatin1String("01_a-red-fox.png")),
             qPrintable(records.at(1)));
    for (int row = 2; row <= 4; ++row)
        QVERIFY2(records.at(row).contains(QLatin1String(",cancelled,")),
                 qPrintable(records.at(row)));
    QCOMPARE(
        result.outLines(),
        QStringList({ out + QStringLiteral("/01_a-red-fox.png"),
                      out + QStringLiteral("/results.csv"), out + QStringLiteral("/grid.png") }));

    QVERIFY2(result.err.contains(QLatin1String("Stopping: ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("prompt=a blue fox: cancelled")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("[4/4] ")), qPrintable(result.err));
    QVERIFY2(result.lastErrLine().startsWith(QLatin1String("Total: $"))
                 && result.lastErrLine().endsWith(
                     QLatin1String(", 1 image in 4 cells; 3 of 4 cancelled.")),
             qPrintable(result.err));
    // Kept in the history as at any other end.
    QCOMPARE(storedStatuses(data), QStringList({ "done", "cancelled", "cancelled", "cancelled" }));
}

void TestCliInterrupt::generateStoppedMidRun()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.enqueue(imagesStream(TestPayloads::pngBytes(), true));
    const QString out = path(QStringLiteral("out"));
    EaselChild child(path(QStringLiteral("home")));
    QVERIFY(child.start({ "generate", "--provider", "custom", "--prompt", "a fox", "--out", out,
                          "--data-dir", path(QStringLiteral("data")) },
                        gateway(fake)));
    QVERIFY2(child.waitUntil([&fake] { return fake.heldConnections() == 1; }),
             qPrintable(child.err()));
    child.signal(SIGINT);
    const Result result = child.finish();
    QVERIFY(result.ended);
    QVERIFY2(result.endedBy(SIGINT), qPrintable(result.describe()));
    QVERIFY(imageFiles(out).isEmpty());
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.lastErrLine().endsWith(QLatin1String(", 0 images; 1 of 1 cancelled.")),
             qPrintable(result.err));
    QCOMPARE(storedStatuses(path(QStringLiteral("data"))), QStringList { "cancelled" });
}

void TestCliInterrupt::secondSignalQuitsAtOnce()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.enqueue(imagesStream(TestPayloads::pngBytes(), true));
    EaselChild child(path(QStringLiteral("home")));
    QVERIFY(child.start({ "compare", "--provider", "custom", "--axis", "prompt=a fox|a cat",
                          "--concurrency", "1", "--yes", "--out", path(QStringLiteral("out")),
                          "--data-dir", path(QStringLiteral("data")) },
                        gateway(fake), EaselChild::Stdin::Closed, EaselChild::Stderr::OwnPipe));
    QVERIFY2(child.waitUntil([&fake] { return fake.heldConnections() == 1; }),
             qPrintable(child.err()));
    // Its stderr full, the child cannot get past its next line: the first SIGINT's clean stop
    // (which says "Stopping: ...") cannot end it, only the second signal can.
    QVERIFY(child.fillErr());
    child.signal(SIGINT);
    const qint64 pid = child.pid();
    QVERIFY(child.waitUntil([pid] {
        return !hasSignal(signalMask(pid, "ShdPnd") | signalMask(pid, "SigPnd"), SIGINT);
    })); // delivered: the next one is a second one, not merged with it
    QVERIFY(child.running());
    child.signal(SIGINT);
    const Result result = child.finish(patience / 2);
    QVERIFY2(result.ended, "still running after the second SIGINT");
    QVERIFY2(result.endedBy(SIGINT), qPrintable(result.describe()));
    QCOMPARE(fake.requestCount(), 1);
}

void TestCliInterrupt::ctrlCStopsTheScriptsLoop()
{
    if (QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty())
        QSKIP("bash is needed to run the script.");
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.enqueue(imagesStream(TestPayloads::pngBytes(), true)); // held until the test lets go
    fake.setFallback(imagesStream(TestPayloads::pngBytes()));
    EaselChild child(path(QStringLiteral("home")));
    QVERIFY(child.start({ "generate", "--provider", "custom", "--prompt", "a fox", "--out",
                          path(QStringLiteral("out")), "--data-dir", path(QStringLiteral("data")) },
                        gateway(fake), EaselChild::Stdin::Closed, EaselChild::Stderr::Read,
                        EaselChild::Launch::InShellLoop));
    QVERIFY2(child.waitUntil([&fake] { return fake.heldConnections() == 1; }),
             qPrintable(child.err()));
    // Ctrl+C at the terminal: the shell and Easel both get it. bash goes on with the loop when
    // its child exits, whatever the code; it stops only when the child died by SIGINT.
    child.signalGroup(SIGINT);
    const Result result = child.finish();
    QVERIFY(result.ended);
    QVERIFY2(!result.out.contains(QLatin1String("the loop went on")),
             qPrintable(result.describe()));
    QVERIFY2(result.endedBy(SIGINT), qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QLatin1String("1 of 1 cancelled")), qPrintable(result.err));
    QCOMPARE(fake.requestCount(), 1); // the second run never started
}

void TestCliInterrupt::signalBeforeSendingSendsNothing()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setFallback(imagesStream(TestPayloads::pngBytes()));
    const QString out = path(QStringLiteral("out"));
    const QString data = path(QStringLiteral("data"));
    // The stderr pipe is full from the start: the child blocks on its first line ("Provider:"),
    // before the estimate, so the signal is caught after the keys were read and before anything
    // could be sent: the check before sending is what stops it.
    EaselChild child(path(QStringLiteral("home")));
    QVERIFY(child.start({ "compare", "--provider", "custom", "--prompt", "a fox", "--axis",
                          "quality=low,high", "--yes", "--out", out, "--data-dir", data },
                        gateway(fake), EaselChild::Stdin::Closed, EaselChild::Stderr::OwnPipeFull));
    const qint64 pid = child.pid();
    if (!QFile::exists(QStringLiteral("/proc/%1/syscall").arg(pid)))
        QSKIP("/proc/<pid>/syscall is needed to see where the child waits.");
    QVERIFY2(child.waitUntil([pid] { return blockedOnStderr(pid); }),
             "the child never blocked on its stderr");
    const quint64 caught = signalMask(pid, "SigCgt");
    QVERIFY2(hasSignal(caught, SIGINT) && hasSignal(caught, SIGTERM),
             "the handlers are not installed");
    child.signal(SIGINT);
    // Delivered (to the blocked main thread, which Linux picks) before the child may go on.
    QVERIFY(child.waitUntil([pid] {
        return !hasSignal(signalMask(pid, "ShdPnd") | signalMask(pid, "SigPnd"), SIGINT);
    }));
    child.release();
    const Result result = child.finish();
    QVERIFY(result.ended);
    QVERIFY2(result.endedBy(SIGINT), qPrintable(result.describe()));
    QCOMPARE(fake.requestCount(), 0);
    QVERIFY2(result.err.contains(QLatin1String("Estimate: 2 images")), qPrintable(result.err));
    QVERIFY2(result.lastErrLine() == QLatin1String("Stopped: nothing was sent."),
             qPrintable(result.err));
    QVERIFY2(!result.err.contains(QLatin1String("Sent ")), qPrintable(result.err));
    QVERIFY(imageFiles(out).isEmpty());
    QVERIFY(result.out.isEmpty());
    QCOMPARE(storedStatuses(data), QStringList { "0 runs" });
}

void TestCliInterrupt::costQuestionOnTerminal_data()
{
    QTest::addColumn<QByteArray>("keys"); // typed at the question
    QTest::addColumn<int>("number"); // or a signal sent instead
    QTest::addColumn<int>("exitCode"); // when it exits
    QTest::addColumn<int>("endingSignal"); // when a signal ends it instead
    QTest::addColumn<int>("requests");
    QTest::addColumn<QString>("lastLinePart");

    QTest::newRow("Ctrl+C") << QByteArray("\x03") << 0 << -1 << int(SIGINT) << 0
                            << "Stopped: nothing was sent.";
    QTest::newRow("SIGTERM") << QByteArray() << int(SIGTERM) << -1 << int(SIGTERM) << 0
                             << "Stopped: nothing was sent.";
    QTest::newRow("y") << QByteArray("y\n") << 0 << 0 << 0 << 2 << "2 images in 2 cells.";
    QTest::newRow("n") << QByteArray("n\n") << 0 << 3 << 0 << 0 << "Not run: nothing was sent.";
    // An empty line is an answer (no), not the end of input: no line break is added before.
    QTest::newRow("Enter") << QByteArray("\n") << 0 << 3 << 0 << 0
                           << "Continue? [y/N] Not run: nothing was sent.";
    QTest::newRow("Ctrl+D") << QByteArray("\x04") << 0 << 3 << 0 << 0
                            << "Not run: nothing was sent.";
}

void TestCliInterrupt::costQuestionOnTerminal()
{
    QFETCH(QByteArray, keys);
    QFETCH(int, number);
    QFETCH(int, exitCode);
    QFETCH(int, endingSignal);
    QFETCH(int, requests);
    QFETCH(QString, lastLinePart);
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setFallback(imagesStream(TestPayloads::pngBytes()));
    const QString out = path(QStringLiteral("out"));
    EaselChild child(path(QStringLiteral("home")));
    QVERIFY(child.start({ "compare", "--provider", "custom", "--prompt", "a fox", "--axis",
                          "quality=low,high", "--cost-limit", "0.01", "--out", out, "--data-dir",
                          path(QStringLiteral("data")) },
                        gateway(fake), EaselChild::Stdin::Terminal));
    QVERIFY2(child.waitUntil(
                 [&child] { return child.err().contains(QLatin1String("Continue? [y/N] ")); }),
             qPrintable(child.err()));
    if (number != 0)
        child.signal(number);
    else
        QVERIFY(child.type(keys));
    const Result result = child.finish();
    QVERIFY(result.ended);
    if (endingSignal != 0)
        QVERIFY2(result.endedBy(endingSignal), qPrintable(result.describe()));
    else
        QVERIFY2(result.exitedNormally && result.exitCode == exitCode,
                 qPrintable(result.describe()));
    QCOMPARE(fake.requestCount(), requests);
    QVERIFY2(result.lastErrLine().contains(lastLinePart), qPrintable(result.err));
    if (endingSignal != 0) {
        QVERIFY2(!result.err.contains(QLatin1String("Not run")), qPrintable(result.err));
        QVERIFY(imageFiles(out).isEmpty());
        QVERIFY(result.out.isEmpty());
    }
}

QTEST_MAIN(TestCliInterrupt)
#include "tst_cliinterrupt.moc"
