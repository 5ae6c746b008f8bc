#include "costgate.h"

#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define EASEL_ISATTY(fd) _isatty(fd)
#define EASEL_FILENO(f) _fileno(f)
#else
#include <unistd.h>
#define EASEL_ISATTY(fd) isatty(fd)
#define EASEL_FILENO(f) fileno(f)
#endif

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
    if (isYes(answer))
        return Decision::Proceed;
    if (terminal.write) {
        // At end of input the cursor is still on the question's line.
        terminal.write((answer.isNull() ? QStringLiteral("\n") : QString())
                       + tr("Not run: nothing was sent.\n"));
    }
    return Decision::Refused;
}

CostGate::Terminal CostGate::standardTerminal()
{
    Terminal terminal;
    terminal.interactive = EASEL_ISATTY(EASEL_FILENO(stdin)) != 0;
    terminal.readLine = [] {
        QTextStream in(stdin);
        return in.readLine();
    };
    terminal.write = [](const QString &text) {
        fputs(text.toLocal8Bit().constData(), stderr);
        fflush(stderr);
    };
    return terminal;
}
