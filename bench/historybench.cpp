#include "historybench.h"

#include "benchclock.h"
#include "benchturn.h"
#include "historygenerator.h"

#include "chat/chatsession.h"
#include "conversationview.h"
#include "image/imagecache.h"
#include "store/historystore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QPaintEvent>
#include <QScrollBar>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// Stamps the end of every paint of a viewport (the paint is dispatched inside the filter so that
// the stamp comes after the delegate drew).
class PaintClock : public QObject
{
public:
    explicit PaintClock(QWidget *viewport)
        : m_viewport(viewport)
    {
        viewport->installEventFilter(this);
    }
    ~PaintClock() override { m_viewport->removeEventFilter(this); }
    qint64 lastPaintEndNs() const { return m_lastPaintEndNs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_viewport || event->type() != QEvent::Paint || m_dispatching)
            return false;
        m_dispatching = true;
        QCoreApplication::sendEvent(watched, event);
        m_dispatching = false;
        m_lastPaintEndNs = benchNowNs();
        return true;
    }

private:
    QWidget *m_viewport;
    bool m_dispatching = false;
    qint64 m_lastPaintEndNs = 0;
};

// A window as Easel shows a conversation: the session's model in a ConversationView with its
// own bounded ImageCache, at a laptop window's conversation size.
struct Window
{
    std::unique_ptr<ChatSession> session;
    std::unique_ptr<ConversationView> view;
    std::unique_ptr<PaintClock> clock;
    qint64 lastDeliveredNs = 0;

    explicit Window(const QString &dir)
    {
        ChatSession::Options options;
        options.imageRoot = dir + QStringLiteral("/images");
        options.previewRoot = dir + QStringLiteral("/previews");
        ProviderProfile provider
            = ProviderProfile::demo(QUrl(QStringLiteral("http://127.0.0.1:9")));
        session = std::make_unique<ChatSession>(provider, options);
        view = std::make_unique<ConversationView>();
        view->setModel(session->model());
        session->setImageCache(view->imageCache());
        view->resize(1100, 900);
        view->show();
        clock = std::make_unique<PaintClock>(view->viewport());
        QObject::connect(view->imageCache(), &ImageCache::imageReady, view.get(),
                         [this] { lastDeliveredNs = benchNowNs(); });
    }
    ~Window() { clock.reset(); }

    // Every image the view asked for is decoded and the viewport painted after the last arrived.
    bool settled(qint64 sinceNs) const
    {
        return view->imageCache()->pendingCount() == 0 && clock->lastPaintEndNs() > sinceNs
            && clock->lastPaintEndNs() > lastDeliveredNs;
    }
};

QList<Turn> loadTurns(HistoryStore *store, const QString &id)
{
    return store->turns(id).result();
}

} // namespace

HistoryBench::HistoryBench(const BenchOptions &options)
    : m_options(options)
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

    const int turnCount = m_options.repeats(1000, 120);
    const auto fail = [&](const QString &error) {
        open.setError(error);
        rss.setError(error);
        return QList<FigureReport> { open, rss };
    };

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary folder"));
    HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
    const HistoryStore::OpenResult opened = store.open().result();
    if (!opened.ok)
        return fail(QStringLiteral("the history store did not open: ") + opened.error);

    std::fprintf(stderr, "history: generating %d turns with images...\n", turnCount);
    QElapsedTimer generation;
    generation.start();
    const HistoryGenerator::Result generated
        = HistoryGenerator::fill(&store, dir.filePath(QStringLiteral("images")), turnCount);
    if (!generated.error.isEmpty())
        return fail(generated.error);
    if (loadTurns(&store, generated.conversationId).size() != turnCount)
        return fail(
            QStringLiteral("the store did not give back the %1 turns saved").arg(turnCount));
    const double generationS = generation.elapsed() / 1000.0;
#if defined(__GLIBC__)
    malloc_trim(0); // what the generator freed goes back before the window is measured
#endif

    // history_open: a fresh window and cache each run, the database warm as after start-up.
    Samples openMs;
    Samples readMs;
    Samples loadMs;
    Samples paintMs;
    const int runs = m_options.repeats(7, 2);
    for (int run = 0; run < runs; ++run) {
        Window window(dir.path());
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
    open.setDetail(QStringLiteral("generation_s"), roundTo(generationS, 1));

    // history_scroll_rss: the empty window first, then the conversation scrolled end to end.
    Window window(dir.path());
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
