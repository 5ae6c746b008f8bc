#pragma once

#include "benchoptions.h"
#include "figurereport.h"

#include <QList>

class HistoryFixture;

// The figures of issue #4, section 2, on a generated history of 1,000 turns with 1,000 images
// (HistoryFixture: HistoryGenerator through the real HistoryStore and ImageStore):
//   history_open: from asking the store for the conversation to the last screen painted in a
//     shown ConversationView with every visible image decoded (target <= 150 ms);
//   history_scroll_rss: resident memory (VmRSS) after scrolling that conversation end to end,
//     waiting at each screen for its images (target < 300 MB); baseline: the same empty window.
class HistoryBench
{
public:
    HistoryBench(const BenchOptions &options, const HistoryFixture *history);

    QList<FigureReport> run();

    static double residentMb(); // VmRSS of this process, -1 when /proc is not there

private:
    BenchOptions m_options;
    const HistoryFixture *m_history;
};
