#include "startupbench.h"

#include "benchclock.h"
#include "historyfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr int launchTimeoutMs = 30000;

QString defaultProgram(const char *built, const QString &besideBench)
{
    // The path the build gave, else where a build tree puts it beside the bench.
    const QString path = QString::fromUtf8(built);
    if (!path.isEmpty() && QFileInfo(path).isExecutable())
        return path;
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(besideBench);
}

double ratio(double easel, double bare)
{
    return bare > 0 ? easel / bare : 0.0;
}

} // namespace

StartupBench::StartupBench(const BenchOptions &options, const HistoryFixture *history)
    : m_options(options)
    , m_history(history)
{
}

StartupBench::Launch StartupBench::launch(const QString &program, const QStringList &arguments,
                                          bool waitRestored) const
{
    Launch result;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QGuiApplication::platformName());
    environment.insert(QStringLiteral("EASEL_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    // No keychain: the bench machine has no D-Bus secret service, whose time-out would be
    // measured instead of Easel (a desktop's keychain answers in milliseconds).
    environment.insert(QStringLiteral("EASEL_NO_KEYCHAIN"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setReadChannel(QProcess::StandardError); // the report comes on stderr

    const qint64 startNs = benchNowNs();
    process.start(program, arguments);
    if (!process.waitForStarted(launchTimeoutMs)) {
        result.error = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return result;
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray output;
    qint64 firstNs = 0;
    qint64 mainNs = 0;
    qint64 restoredNs = 0;
    while (timer.elapsed() < launchTimeoutMs && (firstNs == 0 || (waitRestored && restoredNs == 0))
           && process.state() == QProcess::Running) {
        process.waitForReadyRead(50);
        output += process.readAllStandardError();
        for (const QByteArray &line : output.split('\n')) {
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.value(0) == "easel-first-paint" && firstNs == 0) {
                firstNs = fields.value(1).toLongLong();
                const QList<QByteArray> size = fields.value(2).split('x');
                result.windowSize = QSize(size.value(0).toInt(), size.value(1).toInt());
                mainNs = fields.value(3).toLongLong();
            } else if (fields.value(0) == "easel-restored-paint" && restoredNs == 0) {
                restoredNs = fields.value(1).toLongLong();
            }
        }
    }
    output += process.readAllStandardError();
    process.kill();
    process.waitForFinished(5000);
    if (firstNs == 0 || (waitRestored && restoredNs == 0)) {
        result.error = QStringLiteral("%1 %2 reported no %3 within %4 s (%5). Its stderr: %6")
                           .arg(QFileInfo(program).fileName(), arguments.join(u' '),
                                firstNs == 0 ? QStringLiteral("first paint")
                                             : QStringLiteral("restored conversation"))
                           .arg(launchTimeoutMs / 1000)
                           .arg(process.exitStatus() == QProcess::CrashExit
                                    ? QStringLiteral("it crashed")
                                    : QStringLiteral("exit %1").arg(process.exitCode()))
                           .arg(QString::fromUtf8(output.right(600)));
        return result;
    }
    result.firstPaintMs = nsToMs(firstNs - startNs);
    if (mainNs == 0) {
        result.error = QStringLiteral("%1 reported no main() stamp (FirstPaintReport::"
                                      "markMainReached)")
                           .arg(QFileInfo(program).fileName());
        return result;
    }
    result.mainMs = nsToMs(mainNs - startNs);
    if (waitRestored)
        result.restoredPaintMs = nsToMs(restoredNs - startNs);
    return result;
}

QList<FigureReport> StartupBench::run()
{
    const bool wantEmpty = m_options.wants(QStringLiteral("startup_empty"));
    const bool wantHistory = m_options.wants(QStringLiteral("startup_history")) && m_history;
    FigureReport empty(QStringLiteral("startup_empty"), QStringLiteral("x"),
                       QStringLiteral("process launch -> first painted window, Easel with an "
                                      "empty history over a bare QWidget window of the same size "
                                      "started the same way (median of the per-run ratios)"));
    FigureReport history(
        QStringLiteral("startup_history"), QStringLiteral("x"),
        QStringLiteral("process launch -> first painted window, Easel reopening a 1,000-turn "
                       "conversation with 1,000 images over the bare QWidget window (median of "
                       "the per-run ratios)"));
    for (FigureReport *figure : { &empty, &history })
        figure->setTarget(FigureReport::Direction::AtMost, 1.5);
    const auto figures = [&] {
        QList<FigureReport> list;
        if (wantEmpty)
            list.append(empty);
        if (wantHistory)
            list.append(history);
        return list;
    };
    const auto fail = [&](const QString &error) {
        empty.setError(error);
        history.setError(error);
        return figures();
    };
    if (wantHistory && !m_history->error().isEmpty())
        return fail(m_history->error());
    const QString easel = m_options.easelPath.isEmpty()
        ? defaultProgram(EASEL_BENCH_EASEL_PATH, QStringLiteral("../easel"))
        : m_options.easelPath;
    const QString bare = defaultProgram(EASEL_BENCH_BARE_PATH, QStringLiteral("easel-bench-bare"));
    for (const QString &program : { easel, bare }) {
        if (!QFileInfo(program).isExecutable())
            return fail(QStringLiteral("no program at %1 (build the easel and easel-bench-bare "
                                       "targets, or pass --easel PATH)")
                            .arg(program));
    }
    QTemporaryDir emptyDir;
    if (!emptyDir.isValid())
        return fail(QStringLiteral("no temporary folder"));
    const QStringList emptyArguments { QStringLiteral("--data-dir"), emptyDir.path() };
    const QStringList historyArguments { QStringLiteral("--data-dir"),
                                         wantHistory ? m_history->dataDir() : QString() };

    // One launch of each first, not counted: the binaries and libraries come into the page cache,
    // the empty history is created (later runs open it as a user's empty history), and Easel's
    // window size is learnt for the bare window.
    std::fprintf(stderr, "startup: warming up...\n");
    const Launch warmEasel = launch(easel, emptyArguments, false);
    if (!warmEasel.error.isEmpty())
        return fail(warmEasel.error);
    const QSize size = warmEasel.windowSize;
    const QStringList bareArguments { QString::number(size.width()),
                                      QString::number(size.height()) };
    const Launch warmBare = launch(bare, bareArguments, false);
    if (!warmBare.error.isEmpty())
        return fail(warmBare.error);
    const QStringList labelArguments = bareArguments + QStringList { QStringLiteral("--label") };
    const Launch warmLabel = launch(bare, labelArguments, false);
    if (!warmLabel.error.isEmpty())
        return fail(warmLabel.error);
    if (wantHistory) {
        const Launch warmHistory = launch(easel, historyArguments, true);
        if (!warmHistory.error.isEmpty())
            return fail(warmHistory.error);
    }

    Samples bareMs;
    Samples labelMs;
    Samples emptyMs;
    Samples historyMs;
    // launch -> main() of each
    Samples bareMainMs;
    Samples labelMainMs;
    Samples emptyMainMs;
    Samples historyMainMs;
    Samples restoredMs;
    Samples emptyRatio;
    Samples historyRatio;
    const int runs = m_options.repeats(7, 2);
    for (int run = 0; run < runs; ++run) {
        // In each run the bare window and Easel follow each other, so that a busy moment of the
        // machine weighs on both sides of the ratio.
        const Launch base = launch(bare, bareArguments, false);
        if (!base.error.isEmpty())
            return fail(base.error);
        bareMs.add(base.firstPaintMs);
        bareMainMs.add(base.mainMs);
        const Launch label = launch(bare, labelArguments, false);
        if (!label.error.isEmpty())
            return fail(label.error);
        labelMs.add(label.firstPaintMs);
        labelMainMs.add(label.mainMs);
        const Launch withEmpty = launch(easel, emptyArguments, false);
        if (!withEmpty.error.isEmpty())
            return fail(withEmpty.error);
        emptyMs.add(withEmpty.firstPaintMs);
        emptyMainMs.add(withEmpty.mainMs);
        emptyRatio.add(ratio(withEmpty.firstPaintMs, base.firstPaintMs));
        QString line = QStringLiteral("startup run %1: bare %2 ms (main() at %3; with a label %4 "
                                      "ms), empty history %5 ms (main() at %6)")
                           .arg(run + 1)
                           .arg(base.firstPaintMs, 0, 'f', 1)
                           .arg(base.mainMs, 0, 'f', 1)
                           .arg(label.firstPaintMs, 0, 'f', 1)
                           .arg(withEmpty.firstPaintMs, 0, 'f', 1)
                           .arg(withEmpty.mainMs, 0, 'f', 1);
        if (wantHistory) {
            const Launch withHistory = launch(easel, historyArguments, true);
            if (!withHistory.error.isEmpty())
                return fail(withHistory.error);
            historyMs.add(withHistory.firstPaintMs);
            historyMainMs.add(withHistory.mainMs);
            restoredMs.add(withHistory.restoredPaintMs);
            historyRatio.add(ratio(withHistory.firstPaintMs, base.firstPaintMs));
            line += QStringLiteral(", %1 turns %2 ms (conversation painted at %3 ms)")
                        .arg(m_history->generated().turns)
                        .arg(withHistory.firstPaintMs, 0, 'f', 1)
                        .arg(withHistory.restoredPaintMs, 0, 'f', 1);
        }
        std::fprintf(stderr, "%s\n", qPrintable(line));
    }

    const QString bareWhat = QStringLiteral("easel-bench-bare: QApplication and one empty %1x%2 "
                                            "QWidget, shown, launched the same "
                                            "way in the same runs: launch -> first painted frame")
                                 .arg(size.width())
                                 .arg(size.height());
    // The medians of each half, for Easel and both baselines: where the time goes.
    const auto split = [&](const Samples &easelMs, const Samples &easelMainMs) {
        const auto halves = [](const Samples &total, const Samples &toMain) {
            return QJsonObject { { QStringLiteral("launch_to_main_ms"),
                                   roundTo(toMain.median(), 1) },
                                 { QStringLiteral("main_to_first_paint_ms"),
                                   roundTo(total.median() - toMain.median(), 1) } };
        };
        return QJsonObject { { QStringLiteral("easel"), halves(easelMs, easelMainMs) },
                             { QStringLiteral("bare_qwidget"), halves(bareMs, bareMainMs) },
                             { QStringLiteral("bare_qwidget_with_label"),
                               halves(labelMs, labelMainMs) } };
    };
    const auto fill = [&](FigureReport *figure, const Samples &ratios, const Samples &easelMs,
                          const Samples &easelMainMs) {
        figure->setValue(ratios);
        figure->addBaseline(QStringLiteral("bare_qwidget"), bareMs.median(), QStringLiteral("ms"),
                            bareWhat, bareMs);
        // Not the target's baseline: the same bare window with one QLabel, i.e. with Qt's font
        // set-up, which any window showing text pays and the empty QWidget does not.
        figure->addBaseline(QStringLiteral("bare_qwidget_with_label"), labelMs.median(),
                            QStringLiteral("ms"),
                            QStringLiteral("the same bare window holding one QLabel: Qt's font "
                                           "set-up included (not the target's baseline)"),
                            labelMs);
        figure->setDetail(QStringLiteral("easel_ms"), roundTo(easelMs.median(), 1));
        figure->setDetail(QStringLiteral("ratio_to_bare_with_label"),
                          roundTo(ratio(easelMs.median(), labelMs.median()), 2));
        figure->setDetail(QStringLiteral("easel_ms_samples"), easelMs.toJson(1));
        figure->setDetail(QStringLiteral("split"), split(easelMs, easelMainMs));
        figure->setDetail(QStringLiteral("split_what"),
                          QStringLiteral("each launch split where main() begins: before it, the "
                                         "kernel and the dynamic loader with the program's "
                                         "libraries; after it, the program's own work up to its "
                                         "first painted frame (medians)"));
        figure->setDetail(QStringLiteral("window_size"),
                          QStringLiteral("%1x%2").arg(size.width()).arg(size.height()));
        figure->setDetail(QStringLiteral("platform"), QGuiApplication::platformName());
        figure->setDetail(QStringLiteral("keychain"),
                          QStringLiteral("off (EASEL_NO_KEYCHAIN=1): no secret service here"));
    };
    fill(&empty, emptyRatio, emptyMs, emptyMainMs);
    if (wantHistory) {
        fill(&history, historyRatio, historyMs, historyMainMs);
        history.setDetail(QStringLiteral("conversation_painted_ms"),
                          roundTo(restoredMs.median(), 1));
        history.setDetail(QStringLiteral("conversation_painted_what"),
                          QStringLiteral("launch -> end of the first frame painted after the "
                                         "last conversation was read and put in the window (its "
                                         "images then decode off the GUI thread)"));
        history.setDetail(QStringLiteral("turns"), m_history->generated().turns);
    }
    return figures();
}
