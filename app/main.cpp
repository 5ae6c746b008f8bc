#include "chat/chatsession.h"
#include "chat/launchoptions.h"
#include "chat/providerregistry.h"
#include "demo/demogateway.h"
#include "mainwindow.h"
#include "store/imagestore.h"
#include "store/secretstore.h"
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

    SecretStore secrets;
    ProviderRegistry registry(settings.get(), &secrets);
    if (!options.validate(registry, &error)) {
        fprintf(stderr, "easel: %s\nTry 'easel --help'.\n", qPrintable(error));
        return 2;
    }
    // The demo is always offered, so that it can be picked in the window too.
    DemoGateway demo;
    if (demo.start())
        registry.setDemoBaseUrl(demo.baseUrl());

    if (!options.imageModel.isEmpty()) {
        ImageParams params = settings->imageParamsValue();
        params.imageModel = options.imageModel;
        settings->setImageParams(params);
    }

    ChatSession::Options sessionOptions;
    sessionOptions.imageRoot = dataDir + QStringLiteral("/images");
    sessionOptions.previewRoot = cacheDir + QStringLiteral("/previews");
    std::unique_ptr<ChatSession> session;
    std::unique_ptr<MainWindow> window;
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
        window->show();
        if (!choice.notice.isEmpty())
            window->showNotice(choice.notice);
    });
    registry.loadKeys();
    return app.exec();
}
