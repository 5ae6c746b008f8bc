#include "historybench.h"

#include "benchclock.h"
#include "benchturn.h"
#include "historyfixture.h"
#include "historywindow.h"

#include "chat/chatsession.h"
#include "conversationview.h"
#include "image/imagecache.h"
#include "store/historystore.h"

#include <QFile>
#include <QFutureWatcher>
#include <QScrollBar>

namespace {

QList<Turn> loadTurns(HistoryStore *store, const QString &id)
{
    return store->turns(id).result();
}

} // namespace

HistoryBench::HistoryBench(const BenchOptions &options, const HistoryFixture *history)
    : m_options(options)
    , m_history(history)
{
}

double HistoryBench::residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) // "VmRSS:   123456 kB"
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

QList<FigureReport> HistoryBench::run()
{
    FigureReport open(QStringLiteral("history_open"), QStringLiteral("ms"),
                      QStringLiteral("from asking the history store for a conversation of 1,000 "
                                     "turns with 1,000 images to its last screen painted in the "
                                     "ConversationView with every visible image decoded"));
    open.setTarget(FigureReport::Direction::AtMost, 150.0);
    FigureReport rss(QStringLiteral("history_scroll_rss"), QStringLiteral("MB"),
                     QStringLiteral("resident memory (VmRSS) after scrolling that conversation "
                                    "end to end, each screen's images decoded"));
    rss.setTarget(FigureReport::Direction::AtMost, 300.0);

    const auto fail = [&](const QString &error) {
        open.setError(error);
        rss.setError(error);
        return QList<FigureReport> { open, rss };
    };
    if (!m_history->error().isEmpty())
        return fail(m_history->error());
    HistoryStore &store = *m_history->store();
    const HistoryGenerator::Result &generated = m_history->generated();
    const QString dir = m_history->dataDir();

    // history_open: a fresh window and cache each run, the database warm as after start-up.
    Samples openMs;
    Samples readMs;
    Samples loadMs;
    Samples paintMs;
    const int runs = m_options.repeats(7, 2);
    for (int run = 0; run < runs; ++run) {
        HistoryWindow window(dir);
        BenchTurn::waitUntil([&] { return window.clock->lastPaintEndNs() > 0; }, 2000);
        BenchTurn::idle(50);
        const qint64 start = benchNowNs();
        QList<Turn> turns;
        bool loaded = false;
        QFutureWatcher<QList<Turn>> watcher;
        qint64 readNs = 0;
        qint64 modelNs = 0;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, [&] {
            readNs = benchNowNs();
            turns = watcher.result();
            window.session->loadConversation(generated.conversationId, turns);
            window.view->scrollToBottom();
            modelNs = benchNowNs();
            loaded = true;
        });
        watcher.setFuture(store.turns(generated.conversationId));
        if (!BenchTurn::waitUntil([&] { return loaded && window.settled(start); }, 10000))
            return fail(QStringLiteral("the conversation's last screen never settled (%1 rows, %2 "
                                       "decodes pending)")
                            .arg(window.session->model()->rowCount())
                            .arg(window.view->imageCache()->pendingCount()));
        if (!window.view->isAtBottom())
            return fail(QStringLiteral("the view did not open at the last screen"));
        openMs.add(nsToMs(window.clock->lastPaintEndNs() - start));
        // Where the time went: the store's read, the model and the view's layout, the decodes
        // and paint of the last screen.
        readMs.add(nsToMs(readNs - start));
        loadMs.add(nsToMs(modelNs - readNs));
        paintMs.add(nsToMs(window.clock->lastPaintEndNs() - modelNs));
    }
    open.setValue(openMs);
    open.setDetail(QStringLiteral("store_read_ms"), roundTo(readMs.median(), 2));
    open.setDetail(QStringLiteral("model_and_layout_ms"), roundTo(loadMs.median(), 2));
    open.setDetail(QStringLiteral("decode_and_paint_ms"), roundTo(paintMs.median(), 2));
    open.setDetail(QStringLiteral("turns"), generated.turns);
    open.setDetail(QStringLiteral("images"), generated.images);
    open.setDetail(QStringLiteral("image_megabytes"), roundTo(generated.imageBytes / 1048576.0, 1));
    open.setDetail(QStringLiteral("generation_s"), roundTo(m_history->generationS(), 1));

    // history_scroll_rss: the empty window first, then the conversation scrolled end to end.
    HistoryWindow window(dir);
    BenchTurn::waitUntil([&] { return window.clock->lastPaintEndNs() > 0; }, 2000);
    BenchTurn::idle(100);
    const double emptyMb = residentMb();
    window.session->loadConversation(generated.conversationId,
                                     loadTurns(&store, generated.conversationId));
    QScrollBar *bar = window.view->verticalScrollBar();
    // The rows are laid out on the next pass of the event loop: until then the bar has no range.
    BenchTurn::waitUntil([&] { return bar->maximum() > 0; }, 5000);
    bar->setValue(0);
    int screens = 0;
    double peakMb = residentMb();
    for (int guard = 0; guard < 100000; ++guard) {
        const qint64 since = benchNowNs();
        BenchTurn::waitUntil([&] { return window.settled(since); }, 3000);
        peakMb = qMax(peakMb, residentMb());
        ++screens;
        if (bar->value() >= bar->maximum())
            break;
        bar->setValue(bar->value() + bar->pageStep());
    }
    BenchTurn::idle(100);
    const double afterMb = residentMb();
    if (emptyMb < 0 || afterMb < 0)
        return fail(QStringLiteral("/proc/self/status has no VmRSS on this system"));
    rss.setValue(roundTo(afterMb, 1));
    rss.addBaseline(QStringLiteral("empty_window"), roundTo(emptyMb, 1), QStringLiteral("MB"),
                    QStringLiteral("the same process and window before the conversation is "
                                   "opened (the generated history's turns already saved)"));
    rss.setDetail(QStringLiteral("peak_while_scrolling_mb"), roundTo(peakMb, 1));
    rss.setDetail(QStringLiteral("screens_scrolled"), screens);
    rss.setDetail(QStringLiteral("image_cache_mb"),
                  roundTo(window.view->imageCache()->usedBytes() / 1048576.0, 1));
    rss.setDetail(QStringLiteral("turns"), generated.turns);
    return { open, rss };
}
