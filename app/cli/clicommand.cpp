#include "clicommand.h"

#include "chat/translations.h"

#include "batchrunner.h"
#include "cliexitcode.h"
#include "costgate.h"
#include "interruptwatcher.h"
#include "outputwriter.h"

#include "chat/launchoptions.h"
#include "chat/providerregistry.h"
#include "compare/comparehistory.h"
#include "compare/comparepreflight.h"
#include "compare/compareresultscsv.h"
#include "compare/contactsheet.h"
#include "demo/demogateway.h"
#include "pricing/costestimator.h"
#include "store/historystore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QBuffer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QThread>

#include <cstdio>
#include <memory>

namespace {

// Stops and joins the stream thread on every way out of exec(), after the runners are gone.
struct ThreadStopper
{
    QThread &thread;
    ~ThreadStopper()
    {
        thread.quit();
        thread.wait();
    }
};

} // namespace

bool CliCommand::isCommand(const char *argument)
{
    return argument && CliOptions::isCommand(QString::fromLocal8Bit(argument));
}

int CliCommand::main(int argc, char *argv[])
{
    // Read before the application object strips the arguments Qt knows (-platform, -style...),
    // which may well be the text of a prompt here.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    CliOptions options;
    QString error;
    switch (CliOptions::parse(arguments, &options, &error)) {
    case CliOptions::Outcome::Help:
        fputs(CliOptions::helpText(options.command).toLocal8Bit().constData(), stdout);
        fflush(stdout);
        return int(CliExitCode::Success);
    case CliOptions::Outcome::Error: {
        const QString command = arguments.value(1);
        const QString message = tr("easel %1: %2\nTry 'easel %1 --help'.").arg(command, error);
        fputs((message + QLatin1Char('\n')).toLocal8Bit().constData(), stderr);
        return int(CliExitCode::Usage);
    }
    case CliOptions::Outcome::Run:
        break;
    }
    // grid.png has labels, labels need fonts, and fonts need a QGuiApplication. The offscreen
    // platform gives one without any display: no X server, no Wayland, nothing to set.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    int status = 0;
    int endingSignal = 0;
    {
        QGuiApplication app(argc, argv);
        Translations::install(&app);
        QGuiApplication::setApplicationName(QStringLiteral("Easel"));
        QGuiApplication::setOrganizationName(QStringLiteral("Easel"));
        // Before the run and outliving it: from here a Ctrl+C (or SIGTERM) stops the run and
        // keeps what finished; a second one, even while the threads are being joined, quits at
        // once.
        InterruptWatcher interrupts;
        status = CliCommand(options).exec(interrupts);
        if (status == int(CliExitCode::Interrupted))
            endingSignal = interrupts.caughtSignal();
    } // the files, the history and the threads are closed, the previous handlers back
    // Stopped by a signal: the process ends by it, so that a shell running Easel in a loop stops
    // the loop too (it reports 130 for Ctrl+C, 143 for SIGTERM).
    if (endingSignal != 0)
        InterruptWatcher::endBy(endingSignal);
    return status;
}

CliCommand::CliCommand(const CliOptions &options)
    : m_options(options)
{
}

void CliCommand::say(const QString &line) const
{
    fputs((line + QLatin1Char('\n')).toLocal8Bit().constData(), stderr);
    fflush(stderr);
}

void CliCommand::print(const QString &line) const
{
    fputs((line + QLatin1Char('\n')).toLocal8Bit().constData(), stdout);
    fflush(stdout);
}

int CliCommand::usageError(const QString &message) const
{
    const QString command = CliOptions::commandName(m_options.command);
    say(tr("easel %1: %2\nTry 'easel %1 --help'.").arg(command, message));
    return int(CliExitCode::Usage);
}

int CliCommand::stoppedBeforeSending() const
{
    say(tr("Stopped: nothing was sent."));
    return int(CliExitCode::Interrupted);
}

int CliCommand::exec(const InterruptWatcher &interrupts)
{
    const QString command = CliOptions::commandName(m_options.command);
    // Where the window keeps its settings and images, or under --data-dir as the window does.
    const bool ownDataDir = !m_options.dataDir.isEmpty();
    const QString dataDir = ownDataDir
        ? QDir(m_options.dataDir).absolutePath()
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString cacheDir = ownDataDir
        ? dataDir + QStringLiteral("/cache")
        : QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    std::unique_ptr<Settings> settings = ownDataDir
        ? std::make_unique<Settings>(dataDir + QStringLiteral("/settings.ini"))
        : std::make_unique<Settings>();

    SecretStore secrets;
    ProviderRegistry registry(settings.get(), &secrets);
    DemoGateway demo;
    if (demo.start())
        registry.setDemoBaseUrl(demo.baseUrl());
    QStringList known = registry.ids();
    if (!known.contains(QStringLiteral("demo")))
        known.prepend(QStringLiteral("demo"));
    const QString providerProblem = m_options.checkProvider(known);
    if (!providerProblem.isEmpty())
        return usageError(providerProblem);

    // The keys: from the environment at once, from the keychain within its time-out.
    registry.loadKeys();
    if (!registry.areKeysLoaded()) {
        QEventLoop waiting;
        QObject::connect(&registry, &ProviderRegistry::keysLoaded, &waiting, &QEventLoop::quit);
        QObject::connect(&interrupts, &InterruptWatcher::interrupted, &waiting, &QEventLoop::quit);
        waiting.exec();
        if (interrupts.isInterrupted())
            return stoppedBeforeSending();
    }
    LaunchOptions launch;
    launch.provider = m_options.provider;
    launch.chatModel = m_options.chatModel;
    const LaunchOptions::Choice choice = launch.choose(
        registry, settings->value(Settings::provider), settings->value(Settings::chatModel));
    if (choice.profile.id.isEmpty()) {
        say(tr("easel %1: the offline demo gateway could not listen on 127.0.0.1: %2")
                .arg(command, demo.errorString()));
        return int(CliExitCode::Failed);
    }
    // A script that names a provider wants that provider's images: the demo stands in only when
    // none was named (the window's rule), never silently for a named one without a key.
    if (!m_options.provider.isEmpty() && choice.providerId != m_options.provider)
        return usageError(choice.notice + QLatin1Char(' ')
                          + tr("Nothing was sent; --provider demo runs offline."));
    if (!choice.notice.isEmpty())
        say(choice.notice);
    const CompareRun::ProviderLookup providers = [&registry, &choice](const QString &id) {
        return id == choice.providerId ? choice.profile : registry.profile(id);
    };

    const CompareSpec spec = m_options.toSpec(choice.providerId, choice.profile.imageModel);
    const QString problem = m_options.validate(spec, known);
    if (!problem.isEmpty())
        return usageError(problem);
    if (!m_options.hasAxis(CompareAxis::Parameter::Provider))
        say(tr("Provider: %1 (%2), image model %3.")
                .arg(choice.profile.displayName, choice.providerId, spec.base.imageModel));

    // The reference images are read, checked against the providers' limits and scaled here,
    // once, before anything is asked or sent: a mask without transparency or a photo over the
    // limit is the user's input to fix (exit 2). The cells then share what was prepared.
    std::optional<CompareRun::References> references;
    if (!spec.referenceImages.isEmpty()) {
        references
            = CompareRun::prepareReferences(spec, CompareRun::referenceLimitsFor(spec, providers));
        if (!references->ok())
            return usageError(references->error + QLatin1Char(' ') + tr("Nothing was sent."));
        for (const QString &note : std::as_const(references->notes))
            say(note);
    }

    OutputWriter writer(m_options.outDir);
    QString error;
    if (!writer.prepare(&error)) {
        say(tr("easel %1: %2 Nothing was sent.").arg(command, error));
        return int(CliExitCode::OutputNotWritable);
    }

    const CostEstimator estimator;
    const ComparePreflight preflight(
        estimator, [&providers](const QString &id) { return providers(id).isDemo; });
    const double limit
        = m_options.costLimitUsd.value_or(settings->value(Settings::compareCostLimit));
    const CompareEstimate estimate = preflight.estimate(spec, limit);
    say(tr("Estimate: %1").arg(estimate.summary()));
    switch (CostGate::decide(estimate, m_options.yes, CostGate::standardTerminal(&interrupts))) {
    case CostGate::Decision::Refused:
        return int(CliExitCode::Refused);
    case CostGate::Decision::Interrupted:
        return stoppedBeforeSending();
    case CostGate::Decision::Proceed:
        break;
    }

    QNetworkAccessManager network;
    QThread streamThread;
    streamThread.setObjectName(QStringLiteral("easel-stream"));
    streamThread.start();
    const ThreadStopper stopper { streamThread };
    TurnRunner::Context context;
    context.network = &network;
    context.streamThread = &streamThread;
    context.estimator = &estimator;
    context.imageRoot = dataDir + QStringLiteral("/images");
    context.previewRoot = cacheDir + QStringLiteral("/previews");

    BatchRunner batch(context, providers, [this](const QString &line) { say(line); });
    // Kept in the history like the window's runs (its images then show in the library). Without
    // a history the run still goes ahead: the files in --out are what was asked for.
    HistoryStore history(dataDir + QStringLiteral("/history.sqlite"));
    const HistoryStore::OpenResult opened = history.open().result();
    if (!opened.ok)
        say(tr("easel %1: the run is not kept in the history: %2").arg(command, opened.error));
    const CompareHistory keeper(opened.ok ? &history : nullptr, batch.compareRun());
    QEventLoop running;
    QObject::connect(&batch, &BatchRunner::finished, &running, &QEventLoop::quit);
    // As the window's Stop: the cells still running end as cancelled, and the run's end (the
    // files, the history, the total) follows as for any other.
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &batch, [this, &batch] {
        say(tr("Stopping: the requests still running are cancelled and what finished is "
               "written. Ctrl+C again quits at once."));
        batch.cancel();
    });
    // A Ctrl+C at any time since the estimate that was not asked about (the question was not
    // asked, or it was answered first): nothing has gone out, and nothing will.
    if (interrupts.isInterrupted())
        return stoppedBeforeSending();
    batch.start(spec,
                m_options.concurrency > 0 ? m_options.concurrency
                                          : settings->value(Settings::compareConcurrency),
                references);
    if (!batch.isFinished())
        running.exec();

    const bool written = writeResults(batch, writer);
    const CompareRun &run = batch.run();
    int images = 0;
    for (const CompareRun::Cell &cell : run.cells())
        images += cell.turn.finalImageCount();
    const Cost cost = BatchRunner::totalCost(run.cells());
    // Requests that made nothing report no cost, and gateways do not bill them.
    const QString costText
        = !cost.isKnown() && images == 0 ? Cost::formatUsd(0) : BatchRunner::costText(cost);
    QString total = images == 1 ? tr("Total: %1, 1 image").arg(costText)
                                : tr("Total: %1, %2 images").arg(costText, QString::number(images));
    if (m_options.command == CliOptions::Command::Compare)
        total += tr(" in %1 cells").arg(run.cells().size());
    const int cancelled = BatchRunner::cancelledCount(run.cells());
    const int failed = run.failedCount() - cancelled; // failedCount() counts the cancelled too
    if (failed > 0)
        total += tr("; %1 of %2 failed").arg(failed).arg(run.cells().size());
    if (cancelled > 0)
        total += tr("; %n of %1 cancelled", nullptr, cancelled).arg(run.cells().size());
    say(total + QLatin1Char('.'));

    // Stopped by a signal: that comes first for the script, whatever else happened.
    if (run.wasCancelled())
        return int(CliExitCode::Interrupted);
    if (!written)
        return int(CliExitCode::OutputNotWritable);
    return run.failedCount() > 0 ? int(CliExitCode::Failed) : int(CliExitCode::Success);
}

bool CliCommand::writeResults(const BatchRunner &batch, const OutputWriter &writer)
{
    const CompareRun &run = batch.run();
    const CompareSpec &spec = run.spec();
    const int cellCount = int(run.cells().size());
    QList<CompareCell> cells;
    QList<Turn> turns;
    QList<QStringList> files;
    bool ok = true;
    QString error;
    for (const CompareRun::Cell &cell : run.cells()) {
        cells << cell.cell;
        turns << cell.turn;
        QStringList names;
        int number = 0;
        for (const ImageAsset &image : cell.turn.images) {
            if (image.state != ImageAsset::State::Final || image.filePath.isEmpty())
                continue;
            ++number;
            const QString name
                = OutputWriter::imageBaseName(cell.cell, cellCount, number, spec.imagesPerCell)
                + QLatin1Char('.') + QFileInfo(image.filePath).suffix();
            const QString path = writer.copy(image.filePath, name, &error);
            if (path.isEmpty()) {
                say(QStringLiteral("easel: ") + error);
                ok = false;
                continue;
            }
            print(path);
            names << QFileInfo(path).fileName();
        }
        files << names;
    }
    if (m_options.command != CliOptions::Command::Compare)
        return ok;

    const QByteArray csv = CompareResultsCsv::toCsv(spec, cells, turns, files);
    const QString csvPath = writer.write(csv, QStringLiteral("results.csv"), &error);
    if (csvPath.isEmpty()) {
        say(QStringLiteral("easel: ") + error);
        ok = false;
    } else {
        print(csvPath);
    }

    const QImage sheet = ContactSheet(spec, cells, turns).render();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter encoder(&buffer, "png");
    if (sheet.isNull() || !encoder.write(sheet)) {
        say(tr("easel: grid.png could not be drawn: %1")
                .arg(sheet.isNull() ? tr("the sheet is too large for memory.")
                                    : encoder.errorString()));
        return false;
    }
    const QString gridPath = writer.write(png, QStringLiteral("grid.png"), &error);
    if (gridPath.isEmpty()) {
        say(QStringLiteral("easel: ") + error);
        return false;
    }
    print(gridPath);
    return ok;
}
