#include "scrollframesbench.h"

#include "benchclock.h"
#include "benchturn.h"
#include "historyfixture.h"
#include "historywindow.h"

#include "chat/chatsession.h"
#include "conversationview.h"
#include "image/imagecache.h"
#include "store/historystore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>

#include <cstdio>

namespace {

constexpr int settleTimeoutMs = 2000; // a step whose images take longer is counted, not waited on
constexpr int paintTimeoutMs = 2000;

// Opens a frame at what caused it and closes it at the end of the next viewport paint.
class FrameRecorder
{
public:
    enum class Cause { Scroll, Arrival };

    // A scroll step starts a frame of its own: an open delivery frame that painted nothing (its
    // row was no longer waiting) did no frame's work.
    void beginScroll(qint64 ns)
    {
        m_openNs = ns;
        m_cause = Cause::Scroll;
    }
    // A delivery inside an open frame is part of that frame's work.
    void beginArrival(qint64 ns)
    {
        if (m_openNs == 0) {
            m_openNs = ns;
            m_cause = Cause::Arrival;
        }
    }
    bool isOpen() const { return m_openNs != 0; }
    void painted(qint64 startNs, qint64 endNs, Samples *frames, Samples *scrollFrames,
                 Samples *arrivalFrames, Samples *paintMs, int *otherPaints)
    {
        paintMs->add(nsToMs(endNs - startNs));
        if (m_openNs == 0) {
            // Nothing this bench did asked for it: its work is at least the paint.
            ++*otherPaints;
            frames->add(nsToMs(endNs - startNs));
            return;
        }
        const double ms = nsToMs(endNs - m_openNs);
        frames->add(ms);
        (m_cause == Cause::Scroll ? scrollFrames : arrivalFrames)->add(ms);
        m_openNs = 0;
    }

private:
    qint64 m_openNs = 0;
    Cause m_cause = Cause::Scroll;
};

QJsonObject summary(const Samples &samples)
{
    return { { QStringLiteral("frames"), int(samples.count()) },
             { QStringLiteral("median_ms"), roundTo(samples.median(), 2) },
             { QStringLiteral("p90_ms"), roundTo(samples.percentile(90), 2) },
             { QStringLiteral("p99_ms"), roundTo(samples.percentile(99), 2) },
             { QStringLiteral("max_ms"), roundTo(samples.max(), 2) } };
}

} // namespace

ScrollFramesBench::ScrollFramesBench(const BenchOptions &options, const HistoryFixture *history)
    : m_options(options)
    , m_history(history)
{
}

ScrollFramesBench::Pass ScrollFramesBench::scroll(const QList<Turn> &turns)
{
    Pass pass;
    HistoryWindow window(m_history->dataDir());
    ConversationView *view = window.view.get();
    BenchTurn::waitUntil([&] { return window.clock->lastPaintEndNs() > 0; }, 2000);
    BenchTurn::idle(100);
    window.session->loadConversation(m_history->conversationId(), turns);
    QScrollBar *bar = view->verticalScrollBar();
    // The rows are laid out on the next pass of the event loop: until then the bar has no range.
    if (!BenchTurn::waitUntil([&] { return bar->maximum() > 0; }, 5000)) {
        pass.error = QStringLiteral("the conversation never got a scroll range");
        return pass;
    }
    // From the top, its images decoded: the first frames are steps, not the opening.
    bar->setValue(0);
    const qint64 top = benchNowNs();
    BenchTurn::waitUntil([&] { return window.settled(top); }, 5000);
    BenchTurn::idle(100);

    FrameRecorder recorder;
    window.clock->setOnPainted([&](qint64 start, qint64 end) {
        recorder.painted(start, end, &pass.frames, &pass.scrollFrames, &pass.arrivalFrames,
                         &pass.paintMs, &pass.otherPaints);
    });
    // Connected after the view's own slot, so the view has asked for its repaint; what it did
    // before (take the rows waiting for the file, update them) is microseconds.
    const QMetaObject::Connection delivered
        = QObject::connect(view->imageCache(), &ImageCache::imageReady, view,
                           [&] { recorder.beginArrival(benchNowNs()); });

    // One wheel notch, as QAbstractSlider scrolls it: wheelScrollLines() single steps.
    const int step = QApplication::wheelScrollLines() * bar->singleStep();
    pass.stepPx = step;
    QElapsedTimer elapsed;
    elapsed.start();
    while (bar->value() < bar->maximum() && pass.steps < 1000000) {
        const qint64 start = benchNowNs();
        recorder.beginScroll(start);
        bar->setValue(qMin(bar->value() + step, bar->maximum()));
        pass.commandMs.add(nsToMs(benchNowNs() - start));
        ++pass.steps;
        // The paint is a posted update request: run the queue, never sleep, until it is done.
        QElapsedTimer guard;
        guard.start();
        while (window.clock->lastPaintEndNs() < start && guard.elapsed() < paintTimeoutMs)
            QCoreApplication::processEvents();
        if (window.clock->lastPaintEndNs() < start) {
            pass.error = QStringLiteral("a scroll step was never painted (at %1 of %2 px)")
                             .arg(bar->value())
                             .arg(bar->maximum());
            break;
        }
        if (!BenchTurn::waitUntil([&] { return window.settled(start); }, settleTimeoutMs))
            ++pass.unsettledSteps;
    }
    pass.seconds = elapsed.elapsed() / 1000.0;
    pass.contentPx = bar->maximum() + bar->pageStep();
    QObject::disconnect(delivered);
    window.clock->setOnPainted({});
    if (pass.error.isEmpty() && pass.frames.isEmpty())
        pass.error = QStringLiteral("no frame was painted while scrolling");
    return pass;
}

QList<FigureReport> ScrollFramesBench::run()
{
    FigureReport median(QStringLiteral("scroll_frames"), QStringLiteral("ms"),
                        QStringLiteral("median frame while scrolling the 1,000-image "
                                       "conversation end to end, a wheel notch a step: GUI-thread "
                                       "time from the scroll (or an image's delivery from its "
                                       "off-thread decode) to the end of the viewport paint"));
    median.setTarget(FigureReport::Direction::AtMost, 8.0);
    FigureReport p99(QStringLiteral("scroll_frames_p99"), QStringLiteral("ms"),
                     QStringLiteral("99th percentile of those frames"));
    p99.setTarget(FigureReport::Direction::AtMost, 16.0);
    const auto fail = [&](const QString &error) {
        median.setError(error);
        p99.setError(error);
        return QList<FigureReport> { median, p99 };
    };
    if (!m_history->error().isEmpty())
        return fail(m_history->error());

    const QList<Turn> turns = m_history->store()->turns(m_history->conversationId()).result();
    QList<Turn> textOnly = turns;
    for (Turn &turn : textOnly)
        turn.images.clear();

    std::fprintf(stderr, "scroll_frames: scrolling %lld turns with images...\n",
                 qint64(turns.size()));
    const Pass images = scroll(turns);
    if (!images.error.isEmpty())
        return fail(images.error);
    std::fprintf(stderr, "scroll_frames: median %.2f ms, p99 %.2f ms over %lld frames (%.1f s)\n",
                 images.frames.median(), images.frames.percentile(99),
                 qint64(images.frames.count()), images.seconds);
    std::fprintf(stderr, "scroll_frames: the same turns without images...\n");
    const Pass text = scroll(textOnly);
    if (!text.error.isEmpty())
        return fail(QStringLiteral("text-only baseline: ") + text.error);
    std::fprintf(stderr, "scroll_frames: text only: median %.2f ms, p99 %.2f ms\n",
                 text.frames.median(), text.frames.percentile(99));

    // The baseline is the same view scrolled the same way over the same turns without their
    // images: what the conversation's text, layout and painting cost on their own, so that the
    // difference is what images add (placeholders, deliveries, drawing the decoded pixels).
    const QString baselineWhat = QStringLiteral(
        "the same ConversationView and wheel-notch steps over the same 1,000 turns without their "
        "images: the text, layout and paint alone");
    median.setValue(images.frames.median());
    median.addBaseline(QStringLiteral("text_only_turns"), text.frames.median(),
                       QStringLiteral("ms"), baselineWhat);
    p99.setValue(images.frames.percentile(99));
    p99.addBaseline(QStringLiteral("text_only_turns"), text.frames.percentile(99),
                    QStringLiteral("ms"), baselineWhat);

    const auto details = [](const Pass &pass) {
        return QJsonObject {
            { QStringLiteral("all_frames"), summary(pass.frames) },
            { QStringLiteral("scroll_frames"), summary(pass.scrollFrames) },
            { QStringLiteral("image_delivery_frames"), summary(pass.arrivalFrames) },
            { QStringLiteral("other_paints"), pass.otherPaints },
            { QStringLiteral("frames_over_8ms"), int(pass.frames.countAbove(8.0)) },
            { QStringLiteral("frames_over_16ms"), int(pass.frames.countAbove(16.0)) },
            { QStringLiteral("scroll_command_median_ms"), roundTo(pass.commandMs.median(), 2) },
            { QStringLiteral("scroll_command_p99_ms"), roundTo(pass.commandMs.percentile(99), 2) },
            { QStringLiteral("paint_median_ms"), roundTo(pass.paintMs.median(), 2) },
            { QStringLiteral("paint_p99_ms"), roundTo(pass.paintMs.percentile(99), 2) },
            { QStringLiteral("steps"), pass.steps },
            { QStringLiteral("unsettled_steps"), pass.unsettledSteps },
            { QStringLiteral("content_px"), pass.contentPx },
            { QStringLiteral("seconds"), roundTo(pass.seconds, 1) }
        };
    };
    for (FigureReport *figure : { &median, &p99 }) {
        figure->setDetail(QStringLiteral("statistic"),
                          figure == &median ? QStringLiteral("median over frames")
                                            : QStringLiteral("p99 over frames"));
        figure->setDetail(QStringLiteral("turns"), int(turns.size()));
        figure->setDetail(QStringLiteral("view_size"), QStringLiteral("1100x900"));
    }
    median.setDetail(QStringLiteral("images_pass"), details(images));
    median.setDetail(QStringLiteral("text_only_pass"), details(text));
    p99.setDetail(QStringLiteral("step_px"), images.stepPx);
    return { median, p99 };
}
