#pragma once

#include "compare/compareestimate.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

// Whether a run may be sent, given its estimate: below the limit it goes; above it (or when part
// of the cost is unknown) it goes with --yes, or when the person at the terminal answers yes to
// "Continue? [y/N]"; otherwise it is refused (exit code 3) with a message naming --yes. Ctrl+C at
// the question stops it (Interrupted: the process ends by that signal). Nothing is sent before this has said
// Proceed. The terminal is reached through functions so that every branch is tested without one.
class InterruptWatcher;

class CostGate
{
    Q_DECLARE_TR_FUNCTIONS(CostGate)

public:
    enum class Decision { Proceed, Refused, Interrupted };

    struct Terminal
    {
        bool interactive = false; // stdin is a terminal: a person can answer
        std::function<QString()> readLine; // one answer; a null string at end of input
        // Asked after readLine(): a Ctrl+C ended the wait for the answer (or came before it).
        std::function<bool()> interrupted;
        std::function<void(const QString &text)> write; // to stderr, no newline added
    };

    static Decision decide(const CompareEstimate &estimate, bool yes, const Terminal &terminal);

    // "y" and "yes" in any case, spaces around allowed; anything else (or nothing) is no.
    static bool isYes(const QString &answer);
    // Why the run needs a confirmation, e.g. "The estimate, $2.10, is above the $1.00 limit."
    static QString reason(const CompareEstimate &estimate);
    // The real terminal: stdin's isatty, a line from stdin, stderr. With `interrupts`, the line
    // is awaited in an event loop that a Ctrl+C (or SIGTERM) ends.
    static Terminal standardTerminal(const InterruptWatcher *interrupts = nullptr);
};
