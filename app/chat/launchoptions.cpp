#include "launchoptions.h"

#include "providerregistry.h"
#include "store/secretstore.h"

#include <QCommandLineParser>

namespace {

const QString demoId = QStringLiteral("demo");

QString unsupportedFlavour(const ProviderProfile &profile, ApiFlavour flavour)
{
    return LaunchOptions::tr("%1 does not speak the %2 API (--api %3). It speaks: %4.")
        .arg(profile.displayName, ApiFlavours::displayName(flavour), ApiFlavours::name(flavour),
             profile.flavourNames());
}

QString demoNotice(const ProviderProfile &wanted, bool keychainAvailable)
{
    if (wanted.baseUrl.isEmpty() || !wanted.baseUrl.isValid()) {
        if (wanted.baseUrlVariable.isEmpty()) {
            return LaunchOptions::tr("%1 has no base URL yet, so Easel uses its offline demo "
                                     "gateway. Set it in Settings > Providers.")
                .arg(wanted.displayName);
        }
        return LaunchOptions::tr("%1 has no base URL yet, so Easel uses its offline demo gateway. "
                                 "Set it in Settings > Providers or with %2 in the environment.")
            .arg(wanted.displayName, wanted.baseUrlVariable);
    }
    const QString where = keychainAvailable
        ? LaunchOptions::tr("Add the key in Settings > Providers or set %1 in the environment")
        : LaunchOptions::tr("There is no keychain service here, so set %1 in the environment");
    return LaunchOptions::tr("%1 is not set and no key for %2 is stored, so Easel uses its offline "
                             "demo gateway. %3 to generate real images.")
        .arg(wanted.keyVariable.isEmpty() ? LaunchOptions::tr("No API key") : wanted.keyVariable,
             wanted.displayName, where.arg(wanted.keyVariable));
}

} // namespace

bool LaunchOptions::parse(const QStringList &arguments, LaunchOptions *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Easel: chat concept art into being."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption provider(
        QStringLiteral("provider"),
        tr("Provider to use: %1, or the id of a profile made in Settings > Providers.")
            .arg(ProviderProfile::knownIds().join(QStringLiteral(", "))),
        QStringLiteral("id"));
    const QCommandLineOption api(
        QStringLiteral("api"),
        tr("API flavour to speak: %1 (Responses, Chat Completions with the image "
           "tool, or an image-output chat model).")
            .arg(ApiFlavours::names().join(QStringLiteral(", "))),
        QStringLiteral("flavour"));
    const QCommandLineOption model(QStringLiteral("model"), tr("Chat model, e.g. gpt-5-mini."),
                                   QStringLiteral("id"));
    const QCommandLineOption imageModel(QStringLiteral("image-model"),
                                        tr("Image model, e.g. gpt-image-1.5."),
                                        QStringLiteral("id"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        tr("Keep images and settings in this folder instead of the standard ones."),
        QStringLiteral("dir"));
    // For tests and scripts, left out of --help: sends one prompt as soon as the window is up.
    QCommandLineOption sendPrompt(QStringLiteral("send-prompt"),
                                  tr("Send this prompt at start (tests, scripts)."),
                                  QStringLiteral("text"));
    sendPrompt.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ provider, api, model, imageModel, dataDir, sendPrompt });
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }
    options->provider = parser.value(provider).trimmed().toLower();
    options->api = parser.value(api).trimmed().toLower();
    options->chatModel = parser.value(model).trimmed();
    options->imageModel = parser.value(imageModel).trimmed();
    options->dataDir = parser.value(dataDir).trimmed();
    options->sendPrompt = parser.value(sendPrompt).trimmed();

    ApiFlavour flavour = ApiFlavour::Responses;
    if (!options->api.isEmpty() && !ApiFlavours::fromName(options->api, &flavour)) {
        *error = tr("Unknown API flavour \"%1\". Choose one of: %2.")
                     .arg(options->api, ApiFlavours::names().join(QStringLiteral(", ")));
        return false;
    }
    // A built-in's flavours are known without the settings: refuse at once.
    const ProviderProfile builtIn = options->demoRequested()
        ? ProviderProfile::demo(QUrl())
        : ProviderProfile::builtIn(options->provider);
    if (!options->api.isEmpty() && !builtIn.id.isEmpty() && !builtIn.supports(flavour)) {
        *error = unsupportedFlavour(builtIn, flavour);
        return false;
    }
    return true;
}

bool LaunchOptions::validate(const ProviderRegistry &registry, QString *error) const
{
    QStringList known = registry.ids();
    if (!known.contains(demoId))
        known.prepend(demoId);
    if (!provider.isEmpty() && !known.contains(provider)) {
        *error = tr("Unknown provider \"%1\". Known providers: %2.")
                     .arg(provider, known.join(QStringLiteral(", ")));
        return false;
    }
    ApiFlavour flavour;
    if (api.isEmpty() || !ApiFlavours::fromName(api, &flavour) || provider.isEmpty())
        return true;
    const ProviderProfile profile
        = demoRequested() ? ProviderProfile::demo(QUrl()) : registry.stored(provider);
    if (!profile.supports(flavour)) {
        *error = unsupportedFlavour(profile, flavour);
        return false;
    }
    return true;
}

LaunchOptions::Choice LaunchOptions::choose(const ProviderRegistry &registry,
                                            const QString &savedProvider,
                                            const QString &savedChatModel) const
{
    ApiFlavour flavour = ApiFlavour::Responses;
    const bool flavourAsked = !api.isEmpty() && ApiFlavours::fromName(api, &flavour);
    QString requested = provider;
    if (requested.isEmpty() && registry.contains(savedProvider))
        requested = savedProvider;

    Choice choice;
    if (requested.isEmpty()) { // automatic: the first provider that can answer
        for (const QString &id : registry.ids()) {
            const ProviderProfile candidate = registry.profile(id);
            if (!candidate.isDemo && candidate.hasKey() && candidate.isUsable()
                && (!flavourAsked || candidate.supports(flavour))) {
                choice.profile = candidate;
                break;
            }
        }
        if (choice.profile.id.isEmpty() && flavourAsked) {
            choice.notice = tr("No provider with an API key speaks the %1 API, so "
                               "Easel runs against its offline "
                               "demo gateway. Set a key for a provider that does, or "
                               "pick one with --provider.")
                                .arg(ApiFlavours::displayName(flavour));
        } else if (choice.profile.id.isEmpty()) {
            // Short enough to fit the status bar beside the conversation's totals.
            choice.notice = tr("No API key found: this is the offline demo. Add a key "
                               "in Settings > Providers for real images.");
        }
    } else if (requested != demoId) {
        const ProviderProfile wanted = registry.profile(requested);
        if (wanted.isUsable())
            choice.profile = wanted;
        else
            choice.notice
                = demoNotice(wanted, registry.secrets() && registry.secrets()->available());
    }

    if (choice.profile.id.isEmpty()) {
        choice.profile = registry.profile(demoId); // empty when no demo gateway runs
        choice.providerId = demoId;
    } else {
        choice.providerId = choice.profile.id;
        if (flavourAsked && choice.profile.supports(flavour))
            choice.profile.flavour = flavour;
    }
    if (!chatModel.isEmpty()) {
        choice.profile.chatModel = chatModel;
    } else if (!savedChatModel.isEmpty()
               && (savedProvider.isEmpty() || savedProvider == choice.providerId)) {
        choice.profile.chatModel
            = choice.profile.inOwnNaming(savedChatModel, choice.profile.chatModel);
    }
    return choice;
}
