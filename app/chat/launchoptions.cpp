#include "launchoptions.h"

#include "net/keytransport.h"
#include "providerregistry.h"
#include "store/datafolder.h"
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

namespace {

// The window's command line: parse() reads it, answerText() prints its help.
struct LaunchParser
{
    LaunchParser()
    {
        parser.setApplicationDescription(
            LaunchOptions::tr("Easel: chat concept art into being.") + u'\n'
            + LaunchOptions::tr("Without a window: easel generate [options] and easel compare "
                                "[options] (see easel generate --help)."));
        // Not addHelpOption(): its --help-all would promise Qt's own options, which a help
        // printed without a display cannot list.
        parser.addOption(help);
        parser.addVersionOption();
        sendPrompt.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({ provider, api, model, imageModel, dataDir, sendPrompt });
    }

    QCommandLineParser parser;
    const QCommandLineOption help { { QStringLiteral("h"), QStringLiteral("help") },
                                    LaunchOptions::tr("Show this help.") };
    const QCommandLineOption provider {
        QStringLiteral("provider"),
        LaunchOptions::tr("Provider to use: %1, or the id of a profile made in Settings > "
                          "Providers.")
            .arg(ProviderProfile::knownIds().join(QStringLiteral(", "))),
        QStringLiteral("id")
    };
    const QCommandLineOption api {
        QStringLiteral("api"),
        LaunchOptions::tr("API flavour to speak: %1 (Responses, Chat Completions with the image "
                          "tool, or an image-output chat model).")
            .arg(ApiFlavours::names().join(QStringLiteral(", "))),
        QStringLiteral("flavour")
    };
    const QCommandLineOption model { QStringLiteral("model"),
                                     LaunchOptions::tr("Chat model, e.g. gpt-5-mini."),
                                     QStringLiteral("id") };
    const QCommandLineOption imageModel { QStringLiteral("image-model"),
                                          LaunchOptions::tr("Image model, e.g. gpt-image-1.5."),
                                          QStringLiteral("id") };
    const QCommandLineOption dataDir {
        QStringLiteral("data-dir"),
        LaunchOptions::tr("Keep images and settings in this folder instead of the standard ones."),
        QStringLiteral("dir")
    };
    // For tests and scripts, left out of --help: sends one prompt as soon as the window is up.
    QCommandLineOption sendPrompt {
        QStringLiteral("send-prompt"),
        LaunchOptions::tr("Send this prompt at start (tests, scripts)."), QStringLiteral("text")
    };
};

} // namespace

LaunchOptions::Answer LaunchOptions::answerAskedFor(int argc, const char *const *argv)
{
    Answer answer = Answer::None;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--")
            break; // what follows is not an option
        if (argument == "-h" || argument == "--help")
            return Answer::Help; // as in parse(), help wins over version
        if (argument == "-v" || argument == "--version")
            answer = Answer::Version;
    }
    return answer;
}

QString LaunchOptions::answerText(Answer answer)
{
    switch (answer) {
    case Answer::Help:
        return LaunchParser().parser.helpText();
    case Answer::Version:
        return QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion()
            + u'\n';
    case Answer::None:
        break;
    }
    return {};
}

QStringList LaunchOptions::windowlessCommands()
{
    return { QStringLiteral("generate"), QStringLiteral("compare") };
}

QString LaunchOptions::missingDisplay(int argc, const char *const *argv)
{
#if defined(Q_OS_LINUX)
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return {};
    for (int i = 1; i < argc; ++i) {
        if (QByteArrayView(argv[i]) == "-platform" || QByteArrayView(argv[i]) == "--platform")
            return {};
    }
    return tr("There is no display to open the window on: neither DISPLAY nor WAYLAND_DISPLAY is "
              "set. Without a window, easel generate and easel compare make images (see easel "
              "generate --help).");
#else
    Q_UNUSED(argc)
    Q_UNUSED(argv)
    return {};
#endif
}

bool LaunchOptions::parse(const QStringList &arguments, LaunchOptions *options, QString *error)
{
    LaunchParser launch;
    QCommandLineParser &parser = launch.parser;
    const bool parsed = parser.parse(arguments);
    if (!parsed || !parser.positionalArguments().isEmpty()) {
        // `easel --provider demo generate --prompt ...`: the command must come first, as the
        // window's parser knows none of its options.
        for (const QString &command : windowlessCommands()) {
            if (arguments.indexOf(command) > 0) {
                *error = tr("%1 goes first, before its options: easel %1 [options] (see easel %1 "
                            "--help).")
                             .arg(command);
                return false;
            }
        }
    }
    if (!parsed) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(launch.help)) {
        options->answer = Answer::Help;
        return true;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        options->answer = Answer::Version;
        return true;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }
    options->provider = parser.value(launch.provider).trimmed().toLower();
    options->api = parser.value(launch.api).trimmed().toLower();
    options->chatModel = parser.value(launch.model).trimmed();
    options->imageModel = parser.value(launch.imageModel).trimmed();
    options->dataDir = parser.value(launch.dataDir).trimmed();
    options->sendPrompt = parser.value(launch.sendPrompt).trimmed();
    if (const QString problem = DataFolder::problem(options->dataDir);
        !options->dataDir.isEmpty() && !problem.isEmpty()) {
        *error = QStringLiteral("--data-dir %1: %2").arg(options->dataDir, problem);
        return false;
    }

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
                && KeyTransport::refusal(candidate.baseUrl, candidate.displayName).isEmpty()
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
            // Short enough to fit the status bar beside the conversation's totals. Without a
            // keychain the key field is disabled: the environment is the one way in.
            choice.notice = registry.secrets() && registry.secrets()->available()
                ? tr("No API key found: this is the offline demo. Add a key "
                     "in Settings > Providers for real images.")
                : tr("No API key found: this is the offline demo. Set OPENAI_API_KEY (or "
                     "another provider's key variable) for real images.");
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
