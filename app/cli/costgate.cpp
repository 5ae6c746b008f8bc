#include "costgate.h"

#include "interruptwatcher.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <QTextStream>

#include <io.h>
#define EASEL_ISATTY(fd) _isatty(fd)
#define EASEL_FILENO(f) _fileno(f)
#else
#include <QEventLoop>
#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>
#define EASEL_ISATTY(fd) isatty(fd)
#define EASEL_FILENO(f) fileno(f)
#endif

namespace {

#ifdef Q_OS_WIN
QString readTerminalLine(const InterruptWatcher *)
{
    QTextStream in(stdin);
    return in.readLine();
}
#else
// One line from the terminal, awaited in an event loop: a blocking read would sit out a Ctrl+C
// (the watcher's handler restarts it), where this ends the wait. A null string at end of input
// and when interrupted; the caller asks the watcher which it was.
QString readTerminalLine(const InterruptWatcher *interrupts)
{
    if (interrupts && interrupts->isInterrupted())
        return {};
    QByteArray line;
    QEventLoop loop;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &loop, [&line, &loop] {
        char buffer[256];
        const ssize_t count = read(STDIN_FILENO, buffer, sizeof buffer);
        if (count < 0 && (errno == EINTR || errno == EAGAIN))
            return; // nothing after all: wait on
        if (count > 0)
            line.append(buffer, count);
        if (count <= 0 || line.contains('\n')) // a terminal gives a line per read
            loop.quit();
    });
    if (interrupts)
        QObject::connect(interrupts, &InterruptWatcher::interrupted, &loop, &QEventLoop::quit);
    loop.exec();
    if (line.isEmpty() || (interrupts && interrupts->isInterrupted()))
        return {};
    const qsizetype newline = line.indexOf('\n');
    if (newline >= 0)
        line.truncate(newline);
    if (line.endsWith('\r'))
        line.chop(1);
    const QString answer = QString::fromLocal8Bit(line);
    return answer.isNull() ? QString(QLatin1String("")) : answer; // an empty line is an answer
}
#endif

} // namespace

bool CostGate::isYes(const QString &answer)
{
    const QString word = answer.trimmed().toLower();
    return word == QLatin1String("y") || word == QLatin1String("yes");
}

QString CostGate::reason(const CompareEstimate &estimate)
{
    QString text;
    if (estimate.exceedsLimit)
        text = tr("The estimate, %1, is above the %2 limit.")
                   .arg(CompareEstimate::formatUsd(estimate.usd),
                        CompareEstimate::formatUsd(estimate.limitUsd));
    if (estimate.isLowerBound()) {
        if (!text.isEmpty())
            text += QLatin1Char(' ');
        text += tr("Part of the cost is unknown (no price for %1), so it could be "
                   "above the %2 limit.")
                    .arg(estimate.unpricedModels.join(QStringLiteral(", ")),
                         CompareEstimate::formatUsd(estimate.limitUsd));
    }
    return text;
}

CostGate::Decision CostGate::decide(const CompareEstimate &estimate, bool yes,
                                    const Terminal &terminal)
{
    if (!estimate.needsConfirmation() || yes)
        return Decision::Proceed;
    const QString why = reason(estimate);
    if (!terminal.interactive || !terminal.readLine) {
        if (terminal.write)
            terminal.write(why
                           + tr(" Nothing was sent. Run again with --yes to accept the cost, or "
                                "raise --cost-limit.\n"));
        return Decision::Refused;
    }
    if (terminal.write)
        // The answer is read as y or yes (isYes) in every language: a translation keeps [y/N].
        terminal.write(why + tr(" Continue? [y/N] "));
    const QString answer = terminal.readLine();
    if (terminal.interrupted && terminal.interrupted()) {
        // Even after a "y": a Ctrl+C means no. The caller says that nothing was sent, on the
        // line after the question (where the terminal echoed ^C).
        if (terminal.write)
            terminal.write(QStringLiteral("\n"));
        return Decision::Interrupted;
    }
    if (isYes(answer))
        return Decision::Proceed;
    if (terminal.write) {
        // At end of input the cursor is still on the question's line.
        terminal.write((answer.isNull() ? QStringLiteral("\n") : QString())
                       + tr("Not run: nothing was sent.\n"));
    }
    return Decision::Refused;
}

CostGate::Terminal CostGate::standardTerminal(const InterruptWatcher *interrupts)
{
    Terminal terminal;
    terminal.interactive = EASEL_ISATTY(EASEL_FILENO(stdin)) != 0;
    terminal.readLine = [interrupts] {
        return readTerminalLine(interrupts);
    };
    terminal.interrupted = [interrupts] {
        return interrupts && interrupts->isInterrupted();
    };
    terminal.write = [](const QString &text) {
        fputs(text.toLocal8Bit().constData(), stderr);
        fflush(stderr);
    };
    return terminal;
}
