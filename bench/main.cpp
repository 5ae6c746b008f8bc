// easel-bench: measures the speed targets of issues #2, #4 and #7 and prints them as one JSON
// object on stdout (progress on stderr). See bench/CMakeLists.txt for the options.

#include "benchoptions.h"
#include "guistallbench.h"
#include "historybench.h"
#include "historyfixture.h"
#include "machinefacts.h"
#include "paintlatencybench.h"
#include "scrollframesbench.h"
#include "ssedecodebench.h"
#include "startupbench.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    // The GUI figures paint a real window; offscreen keeps the program usable with no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("easel-bench"));

    BenchOptions options;
    QString error;
    bool listOnly = false;
    if (!BenchOptions::parse(QApplication::arguments(), &options, &error, &listOnly)) {
        std::fprintf(stderr, "easel-bench: %s\n", qPrintable(error));
        return 2;
    }
    if (listOnly) {
        std::printf("%s\n", qPrintable(BenchOptions::figureNames().join(u'\n')));
        return 0;
    }

    QList<FigureReport> figures;
    if (options.wants(QStringLiteral("sse_decode"))
        || options.wants(QStringLiteral("base64_decode")))
        figures += SseDecodeBench(options).run();
    if (options.wants(QStringLiteral("final_image_to_painted")))
        figures.append(PaintLatencyBench(options).run());
    if (options.wants(QStringLiteral("gui_stall")))
        figures.append(GuiStallBench(options).run());
    // The generated 1,000-turn history is made once and shared by the figures that use it.
    const auto wantsAny = [&](std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (options.wants(QLatin1String(name)))
                return true;
        }
        return false;
    };
    std::unique_ptr<HistoryFixture> history;
    if (wantsAny({ "history_open", "history_scroll_rss", "scroll_frames", "scroll_frames_p99",
                   "startup_history" }))
        history = std::make_unique<HistoryFixture>(options.repeats(1000, 120));
    // Start-up first: the launches should not pay for the pages this process fills later.
    if (wantsAny({ "startup_empty", "startup_history" }))
        figures += StartupBench(options, history.get()).run();
    if (wantsAny({ "history_open", "history_scroll_rss" }))
        figures += HistoryBench(options, history.get()).run();
    if (wantsAny({ "scroll_frames", "scroll_frames_p99" }))
        figures += ScrollFramesBench(options, history.get()).run();

    QJsonObject figureObject;
    bool measuredAll = true;
    for (const FigureReport &figure : std::as_const(figures)) {
        figureObject.insert(figure.name(), figure.toJson());
        if (figure.hasError()) {
            measuredAll = false;
            std::fprintf(stderr, "easel-bench: %s could not be measured: %s\n",
                         qPrintable(figure.name()),
                         qPrintable(figure.toJson().value(QStringLiteral("error")).toString()));
        }
    }
    const QJsonObject report { { QStringLiteral("program"), QStringLiteral("easel-bench") },
                               { QStringLiteral("quick"), options.quick },
                               { QStringLiteral("machine"), MachineFacts::collect() },
                               { QStringLiteral("figures"), figureObject } };
    const QByteArray json = QJsonDocument(report).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    // A quiet process at exit: the history's thread and the pool's decoders are done before
    // LeakSanitizer's exit check stops every thread (its tracer crashed once on a thread that
    // was ending under it).
    history.reset();
    QThreadPool::globalInstance()->waitForDone();
    // Missed targets are reported, not a failure; a figure that could not be measured is.
    return measuredAll ? 0 : 1;
}
