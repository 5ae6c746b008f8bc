#include "launchoptions.h"

#include "providerprofile.h"

#include <QCommandLineParser>

bool LaunchOptions::parse(const QStringList &arguments, LaunchOptions *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Easel: chat concept art into being."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        QStringLiteral("Provider to use: %1.")
            .arg(ProviderProfile::knownIds().join(QStringLiteral(", "))),
        QStringLiteral("id"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Chat model, e.g. gpt-5-mini."),
                                   QStringLiteral("id"));
    const QCommandLineOption imageModel(QStringLiteral("image-model"),
                                        QStringLiteral("Image model, e.g. gpt-image-1.5."),
                                        QStringLiteral("id"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Keep images and settings in this folder instead of the standard ones."),
        QStringLiteral("dir"));
    parser.addOptions({ provider, model, imageModel, dataDir });
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("Unexpected argument: %1")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }
    options->provider = parser.value(provider).trimmed().toLower();
    if (!options->provider.isEmpty() && !ProviderProfile::knownIds().contains(options->provider)) {
        *error
            = QStringLiteral("Unknown provider \"%1\". Known providers: %2.")
                  .arg(options->provider, ProviderProfile::knownIds().join(QStringLiteral(", ")));
        return false;
    }
    options->chatModel = parser.value(model).trimmed();
    options->imageModel = parser.value(imageModel).trimmed();
    options->dataDir = parser.value(dataDir).trimmed();
    return true;
}

LaunchOptions::Choice LaunchOptions::chooseProvider(const QString &requested, bool openAiKeyPresent)
{
    if (requested == QLatin1String("demo"))
        return { QStringLiteral("demo"), {} };
    if (openAiKeyPresent)
        return { QStringLiteral("openai"), {} };
    if (requested == QLatin1String("openai"))
        return {
            QStringLiteral("demo"),
            QStringLiteral(
                "OPENAI_API_KEY is not set, so Easel uses its offline demo gateway. Set the key "
                "in the environment to generate real images.")
        };
    return { QStringLiteral("demo"),
             QStringLiteral("No API key found: Easel runs against its offline demo gateway. "
                            "Set OPENAI_API_KEY for real images.") };
}
