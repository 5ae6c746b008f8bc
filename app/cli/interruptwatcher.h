#pragma once

#include <QObject>

class QSocketNotifier;

// Turns Ctrl+C (SIGINT) and SIGTERM into a Qt signal on the thread that made the watcher, so that
// `easel generate` and `easel compare` can stop a run as the window's Stop does and still write
// what finished. A signal handler may do almost nothing safely, so this one only write()s a byte
// to a pipe (the self-pipe pattern); a QSocketNotifier on the pipe's other end emits
// interrupted() from the event loop. The second signal does not wait for that: the handler
// restores the default action and raises the signal again, so a second Ctrl+C quits at once,
// whatever the first one is still waiting for.
//
// A signal that was ignored when the watcher was made (SIG_IGN: a background job of a script)
// stays ignored. One watcher at a time; its destruction puts the previous handlers back. On
// systems without POSIX signals it does nothing (isActive() is false).
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    // The handlers are installed: false without POSIX signals, when the pipe cannot be made or
    // while another watcher exists.
    bool isActive() const { return m_active; }
    // A signal was caught, even one that interrupted() has not reported yet because the event
    // loop has not run since: what has not started yet must not start.
    bool isInterrupted() const;
    // The first signal caught (SIGINT or SIGTERM), 0 while none was.
    int caughtSignal() const;

    // Ends the process by `signalNumber` with its default action. A program that a signal
    // stopped should end by that signal once it has cleaned up: a shell tells "the user pressed
    // Ctrl+C" from "the command failed" by it alone, and stops a script's loop only for the first
    // (bash goes on with the next command when the child exits with any code, 130 included).
    // Returns only when the signal could not end the process (no POSIX signals, an unknown
    // number).
    static void endBy(int signalNumber);

Q_SIGNALS:
    // The first SIGINT or SIGTERM, once, from the event loop.
    void interrupted(int signalNumber);

private:
    void onPipeReadable();

    bool m_active = false;
    bool m_reported = false;
    int m_readFd = -1;
    int m_writeFd = -1;
    QSocketNotifier *m_notifier = nullptr;
    struct Previous;
    Previous *m_previous = nullptr; // the dispositions to restore
};
