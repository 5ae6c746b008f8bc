#pragma once

#include "clioptions.h"

#include <QCoreApplication>
#include <QString>

class OutputWriter;
class BatchRunner;
class InterruptWatcher;

// `easel generate` and `easel compare`: the whole run without a window. In order: the options
// are checked (exit 2), the provider is chosen as the window chooses it (the offline demo when
// there is no key, said on stderr), the --image/--mask files are read and checked against the
// provider's limits (exit 2; what was scaled down is said on stderr), --out is prepared (exit 4),
// the estimate is printed and the cost gate consulted (exit 3), the cells run with progress on
// stderr, then the images (exact bytes), grid.png and results.csv are written, their paths
// printed on stdout, and the total cost printed last (exit 1 when any cell failed).
// Ctrl+C or SIGTERM (InterruptWatcher) before anything was sent stops with nothing sent; during
// the run it cancels the cells still running, and the files, the history and the total are
// written for what finished. Either way the process then ends by that signal (a shell reports
// 130 for Ctrl+C, 143 for SIGTERM, and stops a script's loop); a second signal ends it at once.
class CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliCommand)

public:
    // True when argv[1] names one of these commands; the program's main() then hands over.
    static bool isCommand(const char *argument);
    // Parses, makes the application object and runs the command in argv[1]; the exit code.
    static int main(int argc, char *argv[]);

private:
    explicit CliCommand(const CliOptions &options);
    // `interrupts` is consulted before each step that would send something and stops the run.
    int exec(const InterruptWatcher &interrupts);
    // Copies each cell's final images into --out and, for compare, writes grid.png and
    // results.csv. False when a file could not be written (already said on stderr).
    bool writeResults(const BatchRunner &batch, const OutputWriter &writer);
    int usageError(const QString &message) const;
    int stoppedBeforeSending() const; // says so; the exit code
    void say(const QString &line) const; // stderr
    void print(const QString &line) const; // stdout

    CliOptions m_options;
};
