#include "interruptwatcher.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <iterator>
#include <pthread.h>
#include <unistd.h>
#endif

#ifdef Q_OS_UNIX

namespace {

constexpr int watchedSignals[] = { SIGINT, SIGTERM };
constexpr int watchedCount = int(std::size(watchedSignals));

// The whole state the handler touches: a lock-free counter and the pipe's write end. Nothing
// else is safe in a signal handler (no allocation, no locks, no Qt).
static_assert(std::atomic<int>::is_always_lock_free);
std::atomic<int> caughtCount { 0 };
std::atomic<int> firstCaught { 0 }; // the first signal's number
volatile std::sig_atomic_t pipeWriteFd = -1;
InterruptWatcher *activeWatcher = nullptr; // touched on the watcher's thread only

// Async-signal-safe: called from the handler too.
void restoreDefault(int number)
{
    struct sigaction fallback = {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(number, &fallback, nullptr);
}

void onSignal(int number)
{
    const int savedErrno = errno; // write() and raise() may change it under the interrupted code
    if (caughtCount.fetch_add(1) > 0) {
        // The second signal: the default action, which ends the process. The signal is blocked
        // while its own handler runs, so it lands as soon as this one returns.
        restoreDefault(number);
        raise(number);
    } else {
        firstCaught.store(number);
        if (const int fd = pipeWriteFd; fd >= 0) {
            const char byte = char(number);
            // Non-blocking; it cannot be full, as only the first signal writes.
            [[maybe_unused]] const ssize_t written = write(fd, &byte, 1);
        }
    }
    errno = savedErrno;
}

// O_CLOEXEC: a process started meanwhile does not inherit the pipe. O_NONBLOCK: the handler can
// never block on a full pipe, nor the notifier's slot on an empty one.
bool makePipe(int fds[2])
{
#ifdef Q_OS_LINUX
    return pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0;
#else
    if (pipe(fds) != 0)
        return false;
    for (int i = 0; i < 2; ++i) {
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    }
    return true;
#endif
}

bool isIgnored(const struct sigaction &action)
{
    return !(action.sa_flags & SA_SIGINFO) && action.sa_handler == SIG_IGN;
}

} // namespace

struct InterruptWatcher::Previous
{
    struct sigaction actions[watchedCount] = {};
    bool installed[watchedCount] {};
};

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    if (activeWatcher) {
        qWarning("InterruptWatcher: another watcher is active; this one watches nothing.");
        return;
    }
    int fds[2];
    if (!makePipe(fds)) {
        qWarning("InterruptWatcher: no pipe (%s); Ctrl+C ends the process at once.",
                 strerror(errno));
        return;
    }
    m_readFd = fds[0];
    m_writeFd = fds[1];
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptWatcher::onPipeReadable);
    caughtCount.store(0);
    firstCaught.store(0);
    pipeWriteFd = m_writeFd;

    m_previous = new Previous;
    struct sigaction action = {};
    action.sa_handler = &onSignal;
    sigemptyset(&action.sa_mask);
    // A read() or write() the signal lands in carries on instead of failing with EINTR.
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < watchedCount; ++i) {
        struct sigaction &previous = m_previous->actions[i];
        if (sigaction(watchedSignals[i], nullptr, &previous) != 0 || isIgnored(previous))
            continue; // ignored by whoever started us (a script's background job): left so
        m_previous->installed[i] = sigaction(watchedSignals[i], &action, nullptr) == 0;
    }
    activeWatcher = this;
    m_active = true;
}

InterruptWatcher::~InterruptWatcher()
{
    if (!m_active)
        return;
    for (int i = 0; i < watchedCount; ++i) {
        if (m_previous->installed[i])
            sigaction(watchedSignals[i], &m_previous->actions[i], nullptr);
    }
    pipeWriteFd = -1;
    delete m_notifier; // before its descriptor is closed
    close(m_readFd);
    close(m_writeFd);
    delete m_previous;
    activeWatcher = nullptr;
}

bool InterruptWatcher::isInterrupted() const
{
    return m_active && caughtCount.load() > 0;
}

int InterruptWatcher::caughtSignal() const
{
    return m_active ? firstCaught.load() : 0;
}

void InterruptWatcher::endBy(int signalNumber)
{
    if (signalNumber != SIGINT && signalNumber != SIGTERM)
        return;
    restoreDefault(signalNumber);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signalNumber);
    pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
    raise(signalNumber); // delivered before raise() returns: the process ends here
}

void InterruptWatcher::onPipeReadable()
{
    char bytes[16];
    int first = 0;
    ssize_t count = 0;
    while ((count = read(m_readFd, bytes, sizeof bytes)) > 0 || (count < 0 && errno == EINTR)) {
        if (count > 0 && first == 0)
            first = bytes[0];
    }
    if (first == 0 || m_reported)
        return;
    m_reported = true;
    Q_EMIT interrupted(first);
}

#else // no POSIX signals: Ctrl+C keeps its default action

struct InterruptWatcher::Previous
{
};

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
}

InterruptWatcher::~InterruptWatcher() = default;

bool InterruptWatcher::isInterrupted() const
{
    return false;
}

int InterruptWatcher::caughtSignal() const
{
    return 0;
}

void InterruptWatcher::endBy(int) { }

void InterruptWatcher::onPipeReadable() { }

#endif
