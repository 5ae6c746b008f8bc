#include "chat/chatsession.h"
#include "chat/launchoptions.h"
#include "chat/providerregistry.h"
#include "chat/sessionhistory.h"
#include "chat/translations.h"
#include "cli/clicommand.h"
#include "demo/demogateway.h"
#include "firstframe.h"
#include "firstpaintreport.h"
#include "mainwindow.h"
#include "startupwarmup.h"
#include "store/datafolderlock.h"
#include "store/historystore.h"
#include "store/imagestore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "titlebarstyle.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

namespace {

// The installed theme's icon (packaging/ puts it in hicolor), else the PNGs built in.
QIcon windowIcon()
{
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64, 128, 256 })
        icon.addFile(QStringLiteral(":/icons/easel-%1.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("easel"), icon);
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Easel"));
    QCoreApplication::setOrganizationName(QStringLiteral("Easel"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EASEL_VERSION));
}

int refuseArguments(const QString &error)
{
    fprintf(stderr, "easel: %s\n%s\n", qPrintable(error),
            qPrintable(QCoreApplication::translate("main", "Try 'easel --help'.")));
    return 2;
}

int printAnswer(LaunchOptions::Answer answer)
{
    fputs(qPrintable(LaunchOptions::answerText(answer)), stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    FirstPaintReport::markMainReached(); // for easel-bench's start-up figures
    // `easel generate` and `easel compare` run without a window (and without a display).
    if (argc > 1 && CliCommand::isCommand(argv[1]))
        return CliCommand::main(argc, argv);
    // `easel --help` and `--version` answer on the terminal, without a display; so do bad
    // arguments, and the lack of a display itself.
    const LaunchOptions::Answer answer = LaunchOptions::answerAskedFor(argc, argv);
    const QString noDisplay = LaunchOptions::missingDisplay(argc, argv);
    if (answer != LaunchOptions::Answer::None || !noDisplay.isEmpty()) {
        QCoreApplication app(argc, argv);
        nameApplication();
        Translations::install(&app);
        if (answer != LaunchOptions::Answer::None)
            return printAnswer(answer);
        LaunchOptions options;
        QString error;
        if (!LaunchOptions::parse(QCoreApplication::arguments(), &options, &error))
            return refuseArguments(error);
        if (options.answer != LaunchOptions::Answer::None)
            return printAnswer(options.answer);
        // Asked again, now that the translators are in.
        fprintf(stderr, "easel: %s\n", qPrintable(LaunchOptions::missingDisplay(argc, argv)));
        return 1;
    }

    QApplication app(argc, argv);
    // Fonts and image plugins load on their own threads while the window is built below.
    const StartupWarmup warmup;
    nameApplication();
    QApplication::setDesktopFileName(QStringLiteral("easel"));
    // Over the desktop's style (or -style): sharp dock buttons at 2x where that is Fusion.
    QApplication::setStyle(new TitleBarStyle);
    Translations::install(&app);
    LaunchOptions options;
    QString error;
    if (!LaunchOptions::parse(QApplication::arguments(), &options, &error))
        return refuseArguments(error);
    if (options.answer != LaunchOptions::Answer::None) // a compacted form, such as -vh
        return printAnswer(options.answer);

    const QString dataDir = options.dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : QDir(options.dataDir).absolutePath();
    const QString cacheDir = options.dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        : dataDir + QStringLiteral("/cache");
    // One Easel per data folder: a second would write the same history and settings.
    DataFolderLock dataLock;
    if (const QString refusal = dataLock.take(dataDir); !refusal.isEmpty()) {
        fprintf(stderr, "easel: %s\n", qPrintable(refusal));
        if (QGuiApplication::platformName() != QLatin1String("offscreen"))
            QMessageBox::information(nullptr, QCoreApplication::translate("main", "Easel"),
                                     refusal);
        return 1;
    }
    std::unique_ptr<Settings> settings = options.dataDir.isEmpty()
        ? std::make_unique<Settings>()
        : std::make_unique<Settings>(dataDir + QStringLiteral("/settings.ini"));

    SecretStore secrets;
    ProviderRegistry registry(settings.get(), &secrets);
    if (!options.validate(registry, &error))
        return refuseArguments(error);
    // The demo is always offered, so that it can be picked in the window too.
    DemoGateway demo;
    if (demo.start())
        registry.setDemoBaseUrl(demo.baseUrl());

    if (!options.imageModel.isEmpty()) {
        ImageParams params = settings->imageParamsValue();
        params.imageModel = options.imageModel;
        settings->setImageParams(params);
    }

    // Opened (on its own thread) while the keychain answers; corrupt files are moved aside.
    ChatSession::Options sessionOptions;
    sessionOptions.imageRoot = dataDir + QStringLiteral("/images");
    sessionOptions.previewRoot = cacheDir + QStringLiteral("/previews");
    HistoryStore history(dataDir + QStringLiteral("/history.sqlite"));
    history.setFileFolders(sessionOptions.imageRoot, sessionOptions.previewRoot);
    QFuture<HistoryStore::OpenResult> historyOpened = history.open();
    std::unique_ptr<ChatSession> session;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<SessionHistory> sessionHistory;
    std::unique_ptr<FirstPaintReport> firstPaint;
    // The window opens once the keychain has told which keys it holds (a few milliseconds, at
    // most the registry's time-out).
    QObject::connect(&registry, &ProviderRegistry::keysLoaded, &app, [&] {
        if (session)
            return;
        const LaunchOptions::Choice choice = options.choose(
            registry, settings->value(Settings::provider), settings->value(Settings::chatModel));
        if (choice.profile.id.isEmpty()) {
            fprintf(stderr, "easel: the offline demo gateway could not listen on 127.0.0.1: %s\n",
                    qPrintable(demo.errorString()));
            QApplication::exit(1);
            return;
        }
        session = std::make_unique<ChatSession>(choice.profile, sessionOptions);
        window = std::make_unique<MainWindow>(session.get(), settings.get());
        window->setProviderRegistry(&registry);
        if (qEnvironmentVariableIntValue("EASEL_REPORT_FIRST_PAINT") == 1)
            firstPaint = std::make_unique<FirstPaintReport>(window.get());
        window->show();
        if (!choice.notice.isEmpty())
            window->showNotice(choice.notice);

        const HistoryStore::OpenResult opened
            = historyOpened.result(); // usually done: waits otherwise
        const QString historyNotice
            = SessionHistory::noticeFor(opened.ok, opened.error, opened.movedAsideTo);
        if (!historyNotice.isEmpty())
            window->showNotice(historyNotice);
        sessionHistory = std::make_unique<SessionHistory>(opened.ok ? &history : nullptr,
                                                          session.get(), settings.get());
        if (opened.ok)
            window->setHistoryStore(&history); // the Conversations dock
        // Nothing here shows in the first frame: the window icon (the first icon read from a
        // file, some 6 ms) and the last conversation (read on the history's thread, which
        // would compete with that frame for the cores) wait for it.
        afterFirstFrame(window.get(), [&, historyOk = opened.ok] {
            QApplication::setWindowIcon(windowIcon());
            sessionHistory->restoreLast([&, historyOk] {
                window->restoreReadingPlace();
                if (firstPaint)
                    firstPaint->markRestored();
                if (!options.sendPrompt.isEmpty()) // --send-prompt, for tests and scripts
                    session->send(options.sendPrompt, {}, settings->imageParamsValue());
                // Conversations deleted in an earlier run, unused image files and old previews
                // go, on the history's thread, once the last conversation is on screen.
                if (historyOk)
                    history.cleanUp();
            });
        });
    });
    registry.loadKeys();
    const int status = app.exec();
    // The session's last saves are queued before the history closes (it finishes them).
    sessionHistory.reset();
    firstPaint.reset();
    window.reset();
    session.reset();
    return status;
}
