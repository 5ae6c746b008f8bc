#pragma once

#include "benchoptions.h"
#include "figurereport.h"

#include <QList>
#include <QSize>

class HistoryFixture;

// Start-up to first painted window, as a user feels it: separate processes launched from this one.
// Easel (`easel --data-dir DIR`, under EASEL_REPORT_FIRST_PAINT=1, the keychain off) and a bare
// QApplication with one empty QWidget of the same size (easel-bench-bare) are started the same
// way, on the same platform, one after the other in each run; both print the monotonic clock at
// the end of their first painted frame, and the figure is the time from just before
// QProcess::start to then. The page cache is warm: one launch of each is made first and dropped.
//   startup_empty: Easel with an empty history / the bare window (target <= 1.5x);
//   startup_history: Easel reopening the generated 1,000-turn conversation (HistoryFixture) at
//     start / the bare window (target <= 1.5x); the first frame painted after the conversation
//     was restored is reported as a detail.
// Each figure is the median over runs of the ratio within a run. The same bare window holding one
// QLabel is launched too, as a second baseline outside the target: Qt's font set-up, which the
// empty QWidget never does and any window showing text pays.
// Each program also stamps the clock as main() begins, which splits every launch in two: before
// main(), the kernel and the dynamic loader with the program's libraries (most of the bare
// window's time); after it, what the program does. Both halves are details of the figures.
class StartupBench
{
public:
    // `history` may be null when only startup_empty is wanted.
    StartupBench(const BenchOptions &options, const HistoryFixture *history);

    QList<FigureReport> run();

private:
    struct Launch
    {
        double firstPaintMs = -1;
        double mainMs = -1; // launch -> main() began
        double restoredPaintMs = -1; // only when asked for
        QSize windowSize;
        QString error;
    };
    Launch launch(const QString &program, const QStringList &arguments, bool waitRestored) const;

    BenchOptions m_options;
    const HistoryFixture *m_history;
};
