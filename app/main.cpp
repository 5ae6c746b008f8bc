#include "chat/chatsession.h"
#include "chat/launchoptions.h"
#include "demo/demogateway.h"
#include "mainwindow.h"
#include "store/imagestore.h"
#include "store/settings.h"

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <memory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Easel"));
    QApplication::setOrganizationName(QStringLiteral("Easel"));
    QApplication::setApplicationVersion(QStringLiteral(EASEL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("easel"));

    LaunchOptions options;
    QString error;
    if (!LaunchOptions::parse(QApplication::arguments(), &options, &error)) {
        fprintf(stderr, "easel: %s\nTry 'easel --help'.\n", qPrintable(error));
        return 2;
    }

    const QString dataDir = options.dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : QDir(options.dataDir).absolutePath();
    const QString cacheDir = options.dataDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        : dataDir + QStringLiteral("/cache");
    std::unique_ptr<Settings> settings = options.dataDir.isEmpty()
        ? std::make_unique<Settings>()
        : std::make_unique<Settings>(dataDir + QStringLiteral("/settings.ini"));

    const QString requested
        = options.provider.isEmpty() ? settings->value(Settings::provider) : options.provider;
    const ProviderProfile openAi = ProviderProfile::openAi();
    const LaunchOptions::Choice choice = LaunchOptions::chooseProvider(requested, openAi.hasKey());

    DemoGateway demo;
    ProviderProfile profile = openAi;
    if (choice.providerId == QLatin1String("demo")) {
        if (!demo.start()) {
            fprintf(stderr, "easel: the offline demo gateway could not listen on 127.0.0.1.\n");
            return 1;
        }
        profile = ProviderProfile::demo(demo.baseUrl());
    }
    const QString savedChatModel = settings->value(Settings::chatModel);
    if (!options.chatModel.isEmpty())
        profile.chatModel = options.chatModel;
    else if (!savedChatModel.isEmpty())
        profile.chatModel = savedChatModel;
    if (!options.imageModel.isEmpty()) {
        ImageParams params = settings->imageParamsValue();
        params.imageModel = options.imageModel;
        settings->setImageParams(params);
    }

    ChatSession::Options sessionOptions;
    sessionOptions.imageRoot = dataDir + QStringLiteral("/images");
    sessionOptions.previewRoot = cacheDir + QStringLiteral("/previews");
    ChatSession session(profile, sessionOptions);

    MainWindow window(&session, settings.get());
    window.show();
    if (!choice.notice.isEmpty())
        window.showNotice(choice.notice);
    return app.exec();
}
