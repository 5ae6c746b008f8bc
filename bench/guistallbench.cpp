#include "guistallbench.h"

#include "benchimages.h"
#include "benchturn.h"
#include "paintprobe.h"
#include "stallmeter.h"

#include <QJsonArray>

namespace {

constexpr int turnTimeoutMs = 60000;
constexpr int tailMs = 300; // after the last paint: late decodes and repaints count too
const QSize imageSize(1536, 1024);

// A turn paced like a fast real one: the previews and the final image a quarter second apart,
// then the message and completed (which repeats the final image's base64, as the API does).
SseScript scriptFor(const BenchImages &images, quint32 seed)
{
    ResponsesStreamWriter writer;
    SseScript script;
    script.append(
        { writer.created() + writer.inProgress() + writer.reasoningItem() + writer.imageItemAdded(),
          0, false, false });
    const double details[] = { 0.25, 0.5, 0.75 };
    for (int i = 0; i < 3; ++i) {
        const auto preview
            = images.make(imageSize, QStringLiteral("png"), seed + 1 + i, details[i]);
        script.append({ writer.partialImage(i, preview), 250, false, false });
    }
    const auto final = images.make(imageSize, QStringLiteral("png"), seed);
    script.append({ writer.imageItemDone(final), 250, false, true });
    QStringList deltas;
    for (const QString &word : QStringLiteral("Here is the lighthouse at dusk, with the storm "
                                              "opening over the sea.")
                                   .split(QLatin1Char(' ')))
        deltas.append(word + QLatin1Char(' '));
    script.append({ writer.message(deltas), 300, false, false });
    script.append({ writer.completed(true), 100, false, false });
    return script;
}

} // namespace

GuiStallBench::GuiStallBench(const BenchOptions &options)
    : m_options(options)
{
}

FigureReport GuiStallBench::run()
{
    FigureReport figure(QStringLiteral("gui_stall"), QStringLiteral("ms"),
                        QStringLiteral("longest GUI-thread stall (gap between ticks of a 1 ms "
                                       "precise timer, less 1 ms) while a turn with 3 partial "
                                       "1536x1024 PNGs and the final image streams in and is "
                                       "painted; median over runs"));
    figure.setTarget(FigureReport::Direction::AtMost, 16.0);
    qInfo("gui_stall: making the test images…");
    const BenchImages images;

    const int runs = m_options.repeats(5, 1);
    Samples stalls;
    Samples idleStalls;
    QJsonArray details;
    for (int run = 0; run < runs; ++run) {
        const SseScript script = scriptFor(images, 5000 + quint32(run) * 10);
        BenchTurn turn;
        if (!turn.setupError().isEmpty()) {
            figure.setError(turn.setupError());
            return figure;
        }
        ImageParams params;
        params.size = QStringLiteral("1536x1024");
        params.quality = QStringLiteral("high");
        params.partialImages = 3;

        StallMeter meter;
        meter.start();
        QString error;
        if (!turn.send(script, params, &error)) {
            figure.setError(error);
            return figure;
        }
        PaintProbe *probe = turn.probe();
        if (!BenchTurn::waitUntil([&] { return turn.isFinished() && probe->paintedNs() != 0; },
                                  turnTimeoutMs)) {
            figure.setError(QStringLiteral("the turn did not finish with its final image painted (")
                            + turn.describe() + QStringLiteral(")"));
            return figure;
        }
        BenchTurn::idle(tailMs);
        meter.stop();
        if (turn.turn().status != Turn::Status::Done) {
            figure.setError(QStringLiteral("the turn did not end as done (") + turn.describe()
                            + QStringLiteral(")"));
            return figure;
        }
        stalls.add(meter.longestStallMs());
        const double duration = meter.elapsedMs();

        // Baseline: the same meter, same duration, nothing happening.
        StallMeter idle;
        idle.start();
        BenchTurn::idle(int(duration));
        idle.stop();
        idleStalls.add(idle.longestStallMs());

        details.append(QJsonObject {
            { QStringLiteral("longest_stall_ms"), roundTo(meter.longestStallMs(), 2) },
            { QStringLiteral("at_ms"), roundTo(meter.longestStallAtMs(), 1) },
            { QStringLiteral("duration_ms"), roundTo(duration, 1) },
            { QStringLiteral("ticks"), meter.ticks() },
            { QStringLiteral("stalls_over_8ms"), meter.stallsOver(8.0) },
            { QStringLiteral("stalls_over_16ms"), meter.stallsOver(16.0) },
            { QStringLiteral("idle_longest_stall_ms"), roundTo(idle.longestStallMs(), 2) } });
        qInfo("gui_stall run %d: longest stall %.1f ms at %.0f ms of %.0f ms (idle: %.1f ms)",
              run + 1, meter.longestStallMs(), meter.longestStallAtMs(), duration,
              idle.longestStallMs());
    }
    figure.setValue(stalls);
    figure.addBaseline(QStringLiteral("idle_event_loop"), idleStalls.median(), QStringLiteral("ms"),
                       QStringLiteral("the same meter over an idle event loop for as long as the "
                                      "turn took"),
                       idleStalls);
    figure.setDetail(QStringLiteral("worst_run_ms"), roundTo(stalls.max(), 2));
    figure.setDetail(QStringLiteral("runs_detail"), details);
    return figure;
}
