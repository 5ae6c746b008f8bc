#include "chat/launchoptions.h"
#include "chat/providerprofile.h"
#include "chat/providerregistry.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const environmentVariables[]
    = { "OPENAI_API_KEY",       "OPENAI_BASE_URL",      "AI_STATS_API_KEY",   "AI_STATS_BASE_URL",
        "OPENROUTER_API_KEY",   "OPENROUTER_BASE_URL",  "MODELGATES_API_KEY", "MODELGATES_BASE_URL",
        "EASEL_CUSTOM_API_KEY", "EASEL_CUSTOM_BASE_URL" };

// `arguments` as main() receives them: argc and argv.
class CommandLine
{
public:
    explicit CommandLine(const QStringList &arguments)
    {
        for (const QString &argument : arguments)
            m_bytes.push_back(argument.toLocal8Bit());
        for (const QByteArray &argument : m_bytes)
            m_argv.push_back(argument.constData());
    }
    int argc() const { return int(m_argv.size()); }
    const char *const *argv() const { return m_argv.data(); }

private:
    std::vector<QByteArray> m_bytes;
    std::vector<const char *> m_argv;
};

} // namespace

class TestLaunchOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("EASEL_NO_KEYCHAIN", "1"); }

    void init()
    {
        for (const char *name : environmentVariables)
            qunsetenv(name);
        m_dir.reset(new QTemporaryDir);
        m_settings.reset(new Settings(m_dir->path() + QStringLiteral("/settings.ini")));
        m_secrets.reset(new SecretStore);
        m_registry.reset(new ProviderRegistry(m_settings.get(), m_secrets.get()));
        m_registry->setDemoBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/v1")));
        // A profile of the user's own, known only through the settings.
        ProviderProfile mine = m_registry->stored(m_registry->addCustom());
        mine.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:4000/v1"));
        QVERIFY(m_registry->save(mine));
    }

    void cleanup()
    {
        m_registry.reset();
        m_secrets.reset();
        m_settings.reset();
        for (const char *name : environmentVariables)
            qunsetenv(name);
    }

    void parses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("ok"); // after parse() and validate()
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("imageModel");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("nothing") << QStringList { "easel" } << true << ""
                                 << ""
                                 << ""
                                 << ""
                                 << "";
        QTest::newRow("all") << QStringList { "easel", "--provider",    "OpenAI",     "--model",
                                              "gpt-5", "--image-model", "gpt-image-2" }
                             << true << "openai"
                             << ""
                             << "gpt-5"
                             << "gpt-image-2"
                             << "";
        QTest::newRow("equals form") << QStringList { "easel", "--provider=demo" } << true << "demo"
                                     << ""
                                     << ""
                                     << ""
                                     << "";
        QTest::newRow("gateway and flavour")
            << QStringList { "easel", "--provider", "openrouter", "--api", "image-chat" } << true
            << "openrouter"
            << "image-chat"
            << ""
            << ""
            << "";
        QTest::newRow("aistats chat")
            << QStringList { "easel", "--provider", "aistats", "--api", "CHAT" } << true
            << "aistats"
            << "chat"
            << ""
            << ""
            << "";
        QTest::newRow("flavour alone")
            << QStringList { "easel", "--api", "responses" } << true << ""
            << "responses"
            << ""
            << ""
            << "";
        QTest::newRow("the user's profile")
            << QStringList { "easel", "--provider", "custom-2", "--api", "chat" } << true
            << "custom-2"
            << "chat"
            << ""
            << ""
            << "";
        QTest::newRow("unknown provider")
            << QStringList { "easel", "--provider", "acme" } << false << ""
            << ""
            << ""
            << ""
            << "Unknown provider \"acme\"";
        QTest::newRow("unknown flavour")
            << QStringList { "easel", "--provider", "openrouter", "--api", "completions" } << false
            << ""
            << ""
            << ""
            << ""
            << "Unknown API flavour \"completions\"";
        QTest::newRow("openai speaks responses only")
            << QStringList { "easel", "--provider", "openai", "--api", "chat" } << false << ""
            << ""
            << ""
            << ""
            << "OpenAI does not speak the Chat Completions API";
        QTest::newRow("aistats has no image chat")
            << QStringList { "easel", "--provider", "aistats", "--api", "image-chat" } << false
            << ""
            << ""
            << ""
            << ""
            << "It speaks: responses, chat.";
        QTest::newRow("modelgates has no image chat")
            << QStringList { "easel", "--provider", "modelgates", "--api", "image-chat" } << false
            << ""
            << ""
            << ""
            << ""
            << "ModelGates does not speak";
        QTest::newRow("demo speaks responses")
            << QStringList { "easel", "--provider", "demo", "--api", "chat" } << false << ""
            << ""
            << ""
            << ""
            << "Offline demo does not speak";
        QTest::newRow("missing api value") << QStringList { "easel", "--api" } << false << ""
                                           << ""
                                           << ""
                                           << ""
                                           << "api";
        QTest::newRow("unknown flag") << QStringList { "easel", "--colour" } << false << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "colour";
        QTest::newRow("missing value") << QStringList { "easel", "--model" } << false << ""
                                       << ""
                                       << ""
                                       << ""
                                       << "model";
        // This test's own binary: a file where a folder is wanted.
        const QString aFile = QCoreApplication::applicationFilePath();
        QTest::newRow("--data-dir a file")
            << QStringList { "easel", "--data-dir", aFile } << false << ""
            << ""
            << ""
            << ""
            << "--data-dir " + aFile + ": this is a file, not a folder.";
        QTest::newRow("--data-dir under a file")
            << QStringList { "easel", "--data-dir", aFile + "/data" } << false << ""
            << ""
            << ""
            << "" << aFile + " is a file, so no folder can be made in it.";
        QTest::newRow("--data-dir to be made")
            << QStringList { "easel", "--data-dir", QDir::tempPath() + "/easel-new/data" } << true
            << ""
            << ""
            << ""
            << ""
            << "";
        QTest::newRow("a command after options")
            << QStringList { "easel", "--provider", "demo", "generate", "--prompt", "a fox" }
            << false << ""
            << ""
            << ""
            << ""
            << "generate goes first, before its options: easel generate [options]";
        QTest::newRow("a command after a known option")
            << QStringList { "easel", "--model", "m", "compare" } << false << ""
            << ""
            << ""
            << ""
            << "compare goes first";
        QTest::newRow("stray argument") << QStringList { "easel", "hello" } << false << ""
                                        << ""
                                        << ""
                                        << ""
                                        << "hello";
    }

    void parses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, ok);
        QFETCH(QString, provider);
        QFETCH(QString, api);
        QFETCH(QString, model);
        QFETCH(QString, imageModel);
        QFETCH(QString, errorPart);
        LaunchOptions options;
        QString error;
        const bool valid = LaunchOptions::parse(arguments, &options, &error)
            && options.validate(*m_registry, &error);
        QCOMPARE(valid, ok);
        if (!ok) {
            QVERIFY2(error.contains(errorPart), qPrintable(error));
            return;
        }
        QCOMPARE(options.provider, provider);
        QCOMPARE(options.api, api);
        QCOMPARE(options.chatModel, model);
        QCOMPARE(options.imageModel, imageModel);
    }

    void refusesBuiltInFlavoursBeforeReadingSettings()
    {
        // The refusal needs no registry: it comes out of parse() itself.
        LaunchOptions options;
        QString error;
        QVERIFY(!LaunchOptions::parse({ "easel", "--provider", "openai", "--api", "image-chat" },
                                      &options, &error));
        QVERIFY2(error.contains(QLatin1String("It speaks: responses.")), qPrintable(error));
    }

    // --help and --version, however written: found by parse() after the window's application
    // exists, and by answerAskedFor() on the raw command line before it (without a display).
    void answersHelpAndVersion_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("parsed"); // LaunchOptions::Answer
        QTest::addColumn<int>("asked"); // what the raw command line shows

        const int none = int(LaunchOptions::Answer::None);
        const int help = int(LaunchOptions::Answer::Help);
        const int version = int(LaunchOptions::Answer::Version);
        QTest::newRow("--help") << QStringList { "easel", "--help" } << help << help;
        QTest::newRow("-h") << QStringList { "easel", "-h" } << help << help;
        QTest::newRow("--version") << QStringList { "easel", "--version" } << version << version;
        QTest::newRow("-v after options")
            << QStringList { "easel", "--provider", "demo", "-v" } << version << version;
        QTest::newRow("help wins") << QStringList { "easel", "-v", "--help" } << help << help;
        QTest::newRow("compacted -vh: only the parser sees it")
            << QStringList { "easel", "-vh" } << help << none;
        QTest::newRow("after --, not an option")
            << QStringList { "easel", "--", "--help" } << none << none;
        QTest::newRow("none") << QStringList { "easel", "--model", "m" } << none << none;
    }

    void answersHelpAndVersion()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, parsed);
        QFETCH(int, asked);
        LaunchOptions options;
        QString error;
        const bool ok = LaunchOptions::parse(arguments, &options, &error);
        // "--" ends the options: the "--help" after it is an argument the window refuses.
        QCOMPARE(ok, !arguments.contains(QLatin1String("--")));
        QCOMPARE(int(options.answer), parsed);

        const CommandLine argv(arguments);
        QCOMPARE(int(LaunchOptions::answerAskedFor(argv.argc(), argv.argv())), asked);
    }

    void helpListsTheOptionsAndTheCommands()
    {
        // Simplified: the parser wraps its lines at 80 columns.
        const QString help = LaunchOptions::answerText(LaunchOptions::Answer::Help).simplified();
        for (const char *flag : { "--help", "--version", "--provider", "--api", "--model",
                                  "--image-model", "--data-dir", "easel generate [options]",
                                  "easel compare [options]", "easel generate --help" })
            QVERIFY2(help.contains(QLatin1String(flag)), flag);
        QVERIFY2(!help.contains(QLatin1String("--send-prompt")), qPrintable(help));
        // Qt's --help-all would promise options this help cannot list.
        QVERIFY2(!help.contains(QLatin1String("--help-all")), qPrintable(help));

        QCoreApplication::setApplicationName(QStringLiteral("Easel"));
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        QCOMPARE(LaunchOptions::answerText(LaunchOptions::Answer::Version),
                 QStringLiteral("Easel 9.8.7\n"));
        QVERIFY(LaunchOptions::answerText(LaunchOptions::Answer::None).isEmpty());
    }

    // Without a display, Qt would abort blaming the installation: the window says what is missing.
    void namesAMissingDisplay_data()
    {
        QTest::addColumn<QByteArray>("platform"); // QT_QPA_PLATFORM
        QTest::addColumn<QByteArray>("display");
        QTest::addColumn<QByteArray>("wayland");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("missing");
        const QStringList plain { "easel" };
        QTest::newRow("nothing set")
            << QByteArray() << QByteArray() << QByteArray() << plain << true;
        QTest::newRow("DISPLAY") << QByteArray() << QByteArray(":0") << QByteArray() << plain
                                 << false;
        QTest::newRow("WAYLAND_DISPLAY")
            << QByteArray() << QByteArray() << QByteArray("wayland-0") << plain << false;
        QTest::newRow("QT_QPA_PLATFORM")
            << QByteArray("offscreen") << QByteArray() << QByteArray() << plain << false;
        QTest::newRow("-platform") << QByteArray() << QByteArray() << QByteArray()
                                   << QStringList { "easel", "-platform", "offscreen" } << false;
    }

    void namesAMissingDisplay()
    {
        QFETCH(QByteArray, platform);
        QFETCH(QByteArray, display);
        QFETCH(QByteArray, wayland);
        QFETCH(QStringList, arguments);
        QFETCH(bool, missing);
        const QByteArray saved = qgetenv("QT_QPA_PLATFORM");
        const auto set = [](const char *name, const QByteArray &value) {
            if (value.isEmpty())
                qunsetenv(name);
            else
                qputenv(name, value);
        };
        set("QT_QPA_PLATFORM", platform);
        set("DISPLAY", display);
        set("WAYLAND_DISPLAY", wayland);
        const CommandLine argv(arguments);
        const QString sentence = LaunchOptions::missingDisplay(argv.argc(), argv.argv());
        set("QT_QPA_PLATFORM", saved);
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
#if defined(Q_OS_LINUX)
        QCOMPARE(!sentence.isEmpty(), missing);
        if (missing)
            QVERIFY2(sentence.contains(QLatin1String("neither DISPLAY nor WAYLAND_DISPLAY")),
                     qPrintable(sentence));
#else
        QVERIFY(sentence.isEmpty());
#endif
    }

    void choosesProvider_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("keyVariable"); // set for the run
        QTest::addColumn<QString>("savedProvider");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<bool>("hasNotice");
        QTest::addColumn<QString>("flavour");

        const QStringList plain { "easel" };
        QTest::newRow("auto with openai key") << plain << QByteArray("OPENAI_API_KEY") << ""
                                              << "openai" << false << "responses";
        QTest::newRow("auto with only an openrouter key")
            << plain << QByteArray("OPENROUTER_API_KEY") << ""
            << "openrouter" << false << "responses";
        QTest::newRow("auto without key") << plain << QByteArray() << ""
                                          << "demo" << true << "responses";
        QTest::newRow("auto chat skips openai")
            << QStringList { "easel", "--api", "chat" } << QByteArray("OPENAI_API_KEY") << ""
            << "demo" << true << "responses";
        QTest::newRow("auto chat finds openrouter")
            << QStringList { "easel", "--api", "chat" } << QByteArray("OPENROUTER_API_KEY") << ""
            << "openrouter" << false << "chat";
        QTest::newRow("openai without key")
            << QStringList { "easel", "--provider", "openai" } << QByteArray() << ""
            << "demo" << true << "responses";
        QTest::newRow("demo with key")
            << QStringList { "easel", "--provider", "demo" } << QByteArray("OPENAI_API_KEY") << ""
            << "demo" << false << "responses";
        QTest::newRow("openai with key")
            << QStringList { "easel", "--provider", "openai" } << QByteArray("OPENAI_API_KEY") << ""
            << "openai" << false << "responses";
        QTest::newRow("aistats chat with key")
            << QStringList { "easel", "--provider", "aistats", "--api", "chat" }
            << QByteArray("AI_STATS_API_KEY") << ""
            << "aistats" << false << "chat";
        QTest::newRow("modelgates chat without key")
            << QStringList { "easel", "--provider", "modelgates", "--api", "chat" } << QByteArray()
            << ""
            << "demo" << true << "responses";
        QTest::newRow("saved provider wins over auto")
            << plain << QByteArray("MODELGATES_API_KEY") << "modelgates"
            << "modelgates" << false << "responses";
        QTest::newRow("saved provider without key")
            << plain << QByteArray("OPENAI_API_KEY") << "openrouter"
            << "demo" << true << "responses";
        QTest::newRow("command line wins over saved")
            << QStringList { "easel", "--provider", "openai" } << QByteArray("OPENAI_API_KEY")
            << "openrouter"
            << "openai" << false << "responses";
        QTest::newRow("stale saved provider") << plain << QByteArray("OPENAI_API_KEY") << "gone"
                                              << "openai" << false << "responses";
        QTest::newRow("local endpoint needs no key")
            << QStringList { "easel", "--provider", "custom-2", "--api", "image-chat" }
            << QByteArray() << ""
            << "custom-2" << false << "image-chat";
        QTest::newRow("custom without base url")
            << QStringList { "easel", "--provider", "custom" } << QByteArray() << ""
            << "demo" << true << "responses";
    }

    void choosesProvider()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, keyVariable);
        QFETCH(QString, savedProvider);
        QFETCH(QString, chosen);
        QFETCH(bool, hasNotice);
        QFETCH(QString, flavour);
        if (!keyVariable.isEmpty())
            qputenv(keyVariable.constData(), "sk-launch-test");
        LaunchOptions options;
        QString error;
        QVERIFY2(LaunchOptions::parse(arguments, &options, &error), qPrintable(error));
        QVERIFY2(options.validate(*m_registry, &error), qPrintable(error));
        const LaunchOptions::Choice choice = options.choose(*m_registry, savedProvider);
        QCOMPARE(choice.providerId, chosen);
        QCOMPARE(choice.profile.id, chosen);
        QCOMPARE(!choice.notice.isEmpty(), hasNotice);
        QCOMPARE(ApiFlavours::name(choice.profile.flavour), flavour);
        QVERIFY(choice.profile.isUsable());
    }

    void noticeNamesTheMissingVariable()
    {
        LaunchOptions options;
        QString error;
        QVERIFY(LaunchOptions::parse({ "easel", "--provider", "aistats" }, &options, &error));
        const LaunchOptions::Choice choice = options.choose(*m_registry);
        QCOMPARE(choice.providerId, QStringLiteral("demo"));
        QVERIFY2(choice.notice.contains(QLatin1String("AI_STATS_API_KEY")),
                 qPrintable(choice.notice));
        QVERIFY2(choice.notice.contains(QLatin1String("no keychain service")),
                 qPrintable(choice.notice));

        // With no provider asked for and no key anywhere: the one way in, without a keychain,
        // is the environment (found by QA: it sent people to a key field they could not use).
        LaunchOptions automatic;
        QVERIFY(LaunchOptions::parse({ "easel" }, &automatic, &error));
        const LaunchOptions::Choice demo = automatic.choose(*m_registry);
        QCOMPARE(demo.providerId, QStringLiteral("demo"));
        QVERIFY2(demo.notice.contains(QLatin1String("Set OPENAI_API_KEY")),
                 qPrintable(demo.notice));
    }

    void modelsFollowTheCommandLineThenTheSavedChoice_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("savedProvider");
        QTest::addColumn<QString>("savedModel");
        QTest::addColumn<QString>("model");
        QTest::newRow("default") << QStringList { "easel", "--provider", "openrouter" } << ""
                                 << ""
                                 << "openai/gpt-5-mini";
        QTest::newRow("command line")
            << QStringList { "easel", "--provider", "openrouter", "--model", "anthropic/claude-x" }
            << "openrouter"
            << "openai/gpt-5"
            << "anthropic/claude-x";
        QTest::newRow("saved for this provider") << QStringList { "easel" } << "openrouter"
                                                 << "openai/gpt-5"
                                                 << "openai/gpt-5";
        QTest::newRow("saved before providers, renamed")
            << QStringList { "easel", "--provider", "openrouter" } << ""
            << "gpt-5"
            << "openai/gpt-5";
        QTest::newRow("saved for another provider")
            << QStringList { "easel", "--provider", "openrouter" } << "openai"
            << "gpt-4o"
            << "openai/gpt-5-mini";
    }

    void modelsFollowTheCommandLineThenTheSavedChoice()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, savedProvider);
        QFETCH(QString, savedModel);
        QFETCH(QString, model);
        qputenv("OPENROUTER_API_KEY", "sk-or-test");
        LaunchOptions options;
        QString error;
        QVERIFY(LaunchOptions::parse(arguments, &options, &error));
        const LaunchOptions::Choice choice = options.choose(*m_registry, savedProvider, savedModel);
        QCOMPARE(choice.providerId, QStringLiteral("openrouter"));
        QCOMPARE(choice.profile.chatModel, model);
    }

    void demoNotOffered()
    {
        ProviderRegistry withoutDemo(m_settings.get(), m_secrets.get());
        LaunchOptions options;
        const LaunchOptions::Choice choice = options.choose(withoutDemo);
        QCOMPARE(choice.providerId, QStringLiteral("demo"));
        QVERIFY(choice.profile.id.isEmpty()); // main reports that the demo could not start
    }

    void openAiProfileReadsEnvironment()
    {
        qputenv("OPENAI_API_KEY", " test-key-123 ");
        qputenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1/");
        const ProviderProfile profile = ProviderProfile::openAi();
        QCOMPARE(profile.apiKey, QStringLiteral("test-key-123"));
        QCOMPARE(profile.endpoint(QStringLiteral("responses")).toString(),
                 QStringLiteral("http://127.0.0.1:9/v1/responses"));
        qunsetenv("OPENAI_BASE_URL");
        qunsetenv("OPENAI_API_KEY");
        const ProviderProfile fallback = ProviderProfile::openAi();
        QVERIFY(!fallback.hasKey());
        QCOMPARE(fallback.endpoint(QStringLiteral("responses")).toString(),
                 QStringLiteral("https://api.openai.com/v1/responses"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProviderRegistry> m_registry;
};

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
