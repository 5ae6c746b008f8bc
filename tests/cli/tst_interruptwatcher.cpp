// InterruptWatcher in this process: real signals (raise() and kill()) through the real handler
// and pipe. What ends a process (the second signal) is checked in a fork()ed child.
#include "cli/interruptwatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <functional>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t ownHandlerCalls = 0;

void ownHandler(int)
{
    ownHandlerCalls = ownHandlerCalls + 1;
}

struct sigaction dispositionOf(int number)
{
    struct sigaction action = {};
    sigaction(number, nullptr, &action);
    return action;
}

void setDisposition(int number, void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    sigaction(number, &action, nullptr);
}

// Runs `body` in a fork()ed child and returns its wait() status. The child never returns into
// the test: it leaves with _exit(), or by a signal.
int inChild(const std::function<int()> &body)
{
    fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0)
        _exit(body());
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

} // namespace

class TestInterruptWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void reportsTheSignalOnce_data();
    void reportsTheSignalOnce();
    void installsWithRestart();
    void restoresThePreviousHandlers();
    void secondWatcherWatchesNothing();
    void secondSignalEndsTheProcess_data();
    void secondSignalEndsTheProcess();
    void ignoredSignalStaysIgnored();
    void endByEndsTheProcessByThatSignal_data();
    void endByEndsTheProcessByThatSignal();

private:
    struct sigaction m_savedInt = {};
    struct sigaction m_savedTerm = {};
};

void TestInterruptWatcher::init()
{
    // Qt Test catches fatal signals itself: its handlers come back after each test.
    m_savedInt = dispositionOf(SIGINT);
    m_savedTerm = dispositionOf(SIGTERM);
    // A test runner started as a background job ignores SIGINT, which the watcher then leaves
    // alone (see ignoredSignalStaysIgnored): here the signals are to be delivered.
    sigset_t watched;
    sigemptyset(&watched);
    for (int number : { SIGINT, SIGTERM }) {
        sigaddset(&watched, number);
        if (dispositionOf(number).sa_handler == SIG_IGN)
            setDisposition(number, SIG_DFL);
    }
    pthread_sigmask(SIG_UNBLOCK, &watched, nullptr);
}

void TestInterruptWatcher::cleanup()
{
    sigaction(SIGINT, &m_savedInt, nullptr);
    sigaction(SIGTERM, &m_savedTerm, nullptr);
}

void TestInterruptWatcher::reportsTheSignalOnce_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<bool>("fromKill"); // process-directed: any thread may run the handler
    QTest::newRow("raise SIGINT") << int(SIGINT) << false;
    QTest::newRow("raise SIGTERM") << int(SIGTERM) << false;
    QTest::newRow("kill SIGINT") << int(SIGINT) << true;
    QTest::newRow("kill SIGTERM") << int(SIGTERM) << true;
}

void TestInterruptWatcher::reportsTheSignalOnce()
{
    QFETCH(int, number);
    QFETCH(bool, fromKill);
    InterruptWatcher watcher;
    QVERIFY(watcher.isActive());
    QVERIFY(!watcher.isInterrupted());
    QCOMPARE(watcher.caughtSignal(), 0);
    QSignalSpy spy(&watcher, &InterruptWatcher::interrupted);
    QVERIFY(spy.isValid());
    QCOMPARE(fromKill ? kill(getpid(), number) : raise(number), 0);
    // Caught at once (the handler has run, or runs on another thread), reported by the loop.
    QTRY_VERIFY_WITH_TIMEOUT(watcher.isInterrupted(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
    QCOMPARE(spy.at(0).at(0).toInt(), number);
    QCOMPARE(watcher.caughtSignal(), number);
    // The pipe is drained: more turns of the event loop report nothing more.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
}

void TestInterruptWatcher::installsWithRestart()
{
    InterruptWatcher watcher;
    for (int number : { SIGINT, SIGTERM }) {
        const struct sigaction action = dispositionOf(number);
        const struct sigaction before = number == SIGINT ? m_savedInt : m_savedTerm;
        QVERIFY(action.sa_handler != SIG_DFL && action.sa_handler != SIG_IGN);
        QVERIFY(action.sa_handler != before.sa_handler);
        QVERIFY(action.sa_handler == dispositionOf(SIGINT).sa_handler); // one handler for both
        // A read() the signal lands in (the cost gate's, a socket's) carries on.
        QVERIFY(action.sa_flags & SA_RESTART);
        QVERIFY(!(action.sa_flags & SA_RESETHAND)); // the second one is handled too
    }
}

void TestInterruptWatcher::restoresThePreviousHandlers()
{
    setDisposition(SIGINT, &ownHandler);
    setDisposition(SIGTERM, &ownHandler);
    ownHandlerCalls = 0;
    {
        InterruptWatcher watcher;
        QVERIFY(watcher.isActive());
        QVERIFY(dispositionOf(SIGINT).sa_handler != &ownHandler);
        QVERIFY(dispositionOf(SIGTERM).sa_handler != &ownHandler);
        QSignalSpy spy(&watcher, &InterruptWatcher::interrupted);
        raise(SIGTERM);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
        QCOMPARE(int(ownHandlerCalls), 0); // the watcher's handler, not the one before
    }
    QVERIFY(dispositionOf(SIGINT).sa_handler == &ownHandler);
    QVERIFY(dispositionOf(SIGTERM).sa_handler == &ownHandler);
    raise(SIGINT);
    raise(SIGTERM);
    QCOMPARE(int(ownHandlerCalls), 2);

    // A new watcher starts afresh: its first signal is a first one again, not a second.
    InterruptWatcher again;
    QVERIFY(!again.isInterrupted());
    QSignalSpy spy(&again, &InterruptWatcher::interrupted);
    raise(SIGINT);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 30000);
    QCOMPARE(spy.at(0).at(0).toInt(), int(SIGINT));
}

void TestInterruptWatcher::secondWatcherWatchesNothing()
{
    setDisposition(SIGINT, &ownHandler);
    InterruptWatcher first;
    const struct sigaction installed = dispositionOf(SIGINT);
    {
        QTest::ignoreMessage(QtWarningMsg,
                             "InterruptWatcher: another watcher is active; this one watches "
                             "nothing.");
        InterruptWatcher second;
        QVERIFY(!second.isActive());
    }
    // The second one's end did not take the first one's handler away.
    QVERIFY(dispositionOf(SIGINT).sa_handler == installed.sa_handler);
    QVERIFY(first.isActive());
}

void TestInterruptWatcher::secondSignalEndsTheProcess_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("second");
    QTest::newRow("SIGINT twice") << int(SIGINT) << int(SIGINT);
    QTest::newRow("SIGTERM twice") << int(SIGTERM) << int(SIGTERM);
    QTest::newRow("SIGINT, then SIGTERM") << int(SIGINT) << int(SIGTERM);
}

void TestInterruptWatcher::secondSignalEndsTheProcess()
{
    QFETCH(int, first);
    QFETCH(int, second);
    const int status = inChild([first, second] {
        InterruptWatcher watcher;
        if (!watcher.isActive())
            return 10;
        raise(first);
        if (!watcher.isInterrupted())
            return 11; // the first one is not caught
        raise(second);
        return 12; // still alive: the second one was caught like the first
    });
    QVERIFY2(WIFSIGNALED(status),
             qPrintable(QStringLiteral("the child exited with %1").arg(WEXITSTATUS(status))));
    QCOMPARE(WTERMSIG(status), second);
}

void TestInterruptWatcher::ignoredSignalStaysIgnored()
{
    // A script's background job starts with SIGINT ignored; the Ctrl+C meant for the
    // foreground must not stop it.
    const int status = inChild([] {
        setDisposition(SIGINT, SIG_IGN);
        InterruptWatcher watcher;
        if (dispositionOf(SIGINT).sa_handler != SIG_IGN)
            return 10;
        raise(SIGINT);
        raise(SIGINT);
        if (watcher.isInterrupted())
            return 11;
        // SIGTERM is still watched.
        raise(SIGTERM);
        return watcher.isInterrupted() ? 0 : 12;
    });
    QVERIFY2(WIFEXITED(status), qPrintable(QStringLiteral("signal %1").arg(WTERMSIG(status))));
    QCOMPARE(WEXITSTATUS(status), 0);
}

void TestInterruptWatcher::endByEndsTheProcessByThatSignal_data()
{
    QTest::addColumn<int>("number");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestInterruptWatcher::endByEndsTheProcessByThatSignal()
{
    QFETCH(int, number);
    // As `easel generate` ends: the watcher caught the signal and is gone, its handlers with it
    // (here the child's own handler, as a library might have left one), and the signal is
    // blocked, as it may be on a thread that ends the program.
    const int status = inChild([number] {
        setDisposition(number, &ownHandler);
        int caught = 0;
        {
            InterruptWatcher watcher;
            raise(number);
            caught = watcher.caughtSignal();
        }
        if (caught != number)
            return 10;
        sigset_t blocked;
        sigemptyset(&blocked);
        sigaddset(&blocked, number);
        pthread_sigmask(SIG_BLOCK, &blocked, nullptr);
        InterruptWatcher::endBy(caught);
        return 11; // still alive
    });
    QVERIFY2(WIFSIGNALED(status),
             qPrintable(QStringLiteral("the child exited with %1").arg(WEXITSTATUS(status))));
    QCOMPARE(WTERMSIG(status), number);
}

QTEST_GUILESS_MAIN(TestInterruptWatcher)
#include "tst_interruptwatcher.moc"
