#pragma once

#include "benchoptions.h"
#include "figurereport.h"

#include <QList>

class HistoryFixture;
struct Turn;

// Frame times while the generated 1,000-image conversation (HistoryFixture) is scrolled end to
// end in a shown ConversationView, one mouse-wheel notch at a time:
//   scroll_frames: the median frame (target <= 8 ms);
//   scroll_frames_p99: the 99th percentile frame (target <= 16 ms).
// A frame is the GUI thread's work from what caused it to the end of the viewport paint that
// showed it: a scroll step from the scroll bar's new value, through the view's scroll and lazy
// layout, to the paint; an image decoded off the thread from its delivery to the paint of its
// row. Each step waits until the images it brought into view are decoded and painted (the pace
// of a designer reading while scrolling, at which the decodes keep up), so every frame draws what
// a settled screen shows. Baseline: the same turns without their images, scrolled the same way.
class ScrollFramesBench
{
public:
    ScrollFramesBench(const BenchOptions &options, const HistoryFixture *history);

    QList<FigureReport> run();

private:
    struct Pass
    {
        Samples frames; // every frame, in ms
        Samples scrollFrames;
        Samples arrivalFrames;
        Samples commandMs; // the scroll bar's setValue alone: scroll and lazy layout
        Samples paintMs; // the viewport paints alone
        int steps = 0;
        int stepPx = 0;
        int otherPaints = 0; // paints with no scroll step or delivery before them
        int unsettledSteps = 0; // steps whose images were not all painted within the wait
        double contentPx = 0;
        double seconds = 0;
        QString error;
    };
    Pass scroll(const QList<Turn> &turns);

    BenchOptions m_options;
    const HistoryFixture *m_history;
};
