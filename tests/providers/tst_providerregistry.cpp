// The provider table of issue #3, the registry that merges it with the user's edits and the
// environment of the run, and the rules behind the tool-name fallback. No keychain here: the
// registry is run the way ctest runs everything, with EASEL_NO_KEYCHAIN=1.
#include "chat/providerregistry.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const environmentVariables[]
    = { "OPENAI_API_KEY",        "OPENAI_BASE_URL",        "AI_STATS_API_KEY",
        "AI_STATS_BASE_URL",     "OPENROUTER_API_KEY",     "OPENROUTER_BASE_URL",
        "MODELGATES_API_KEY",    "MODELGATES_BASE_URL",    "EASEL_CUSTOM_API_KEY",
        "EASEL_CUSTOM_BASE_URL", "EASEL_CUSTOM_2_API_KEY", "EASEL_OPENROUTER_2_API_KEY" };

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestProviderRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("EASEL_NO_KEYCHAIN", "1"); }

    void init()
    {
        for (const char *name : environmentVariables)
            qunsetenv(name);
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        m_settings.reset(new Settings(iniPath()));
        m_secrets.reset(new SecretStore);
        m_registry.reset(new ProviderRegistry(m_settings.get(), m_secrets.get()));
    }

    void cleanup()
    {
        m_registry.reset();
        m_secrets.reset();
        m_settings.reset();
        for (const char *name : environmentVariables)
            qunsetenv(name);
    }

    void builtInTable_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("keyVariable");
        QTest::addColumn<QString>("baseUrlVariable");
        QTest::addColumn<QString>("toolType");
        QTest::addColumn<bool>("nested");
        QTest::addColumn<QStringList>("flavours");
        QTest::addColumn<QString>("chatModel");
        QTest::addColumn<QString>("imageModel");

        QTest::newRow("openai") << "openai"
                                << "https://api.openai.com/v1"
                                << "OPENAI_API_KEY"
                                << "OPENAI_BASE_URL"
                                << "image_generation" << false << QStringList { "responses" }
                                << "gpt-5-mini"
                                << "gpt-image-1.5";
        QTest::newRow("aistats") << "aistats"
                                 << "https://api.phaseo.app/v1"
                                 << "AI_STATS_API_KEY"
                                 << "AI_STATS_BASE_URL"
                                 << "ai-stats:image_generation" << true
                                 << QStringList { "responses", "chat" } << "openai/gpt-5-mini"
                                 << "openai/gpt-image-2";
        QTest::newRow("openrouter")
            << "openrouter"
            << "https://openrouter.ai/api/v1"
            << "OPENROUTER_API_KEY"
            << "OPENROUTER_BASE_URL"
            << "openrouter:image_generation" << true
            << QStringList { "responses", "chat", "image-chat" } << "openai/gpt-5-mini"
            << "openai/gpt-image-1.5";
        QTest::newRow("modelgates") << "modelgates"
                                    << "https://modelgates.ai/api/v1"
                                    << "MODELGATES_API_KEY"
                                    << "MODELGATES_BASE_URL"
                                    << "modelgates:image_generation" << true
                                    << QStringList { "responses", "chat" } << "openai/gpt-5-mini"
                                    << "openai/gpt-image-1.5";
        QTest::newRow("custom") << "custom"
                                << ""
                                << "EASEL_CUSTOM_API_KEY"
                                << "EASEL_CUSTOM_BASE_URL"
                                << "image_generation" << false
                                << QStringList { "responses", "chat", "image-chat" } << "gpt-5-mini"
                                << "gpt-image-1.5";
    }

    void builtInTable()
    {
        QFETCH(QString, id);
        QFETCH(QString, baseUrl);
        QFETCH(QString, keyVariable);
        QFETCH(QString, baseUrlVariable);
        QFETCH(QString, toolType);
        QFETCH(bool, nested);
        QFETCH(QStringList, flavours);
        QFETCH(QString, chatModel);
        QFETCH(QString, imageModel);

        QVERIFY(m_registry->contains(id));
        QVERIFY(m_registry->isBuiltIn(id));
        const ProviderProfile p = m_registry->profile(id);
        QCOMPARE(p.id, id);
        QCOMPARE(p.baseUrl.toString(), baseUrl);
        QCOMPARE(p.keyVariable, keyVariable);
        QCOMPARE(p.baseUrlVariable, baseUrlVariable);
        QCOMPARE(p.toolType, toolType);
        QCOMPARE(p.nestToolParameters, nested);
        QCOMPARE(p.flavourNames(), flavours.join(QStringLiteral(", ")));
        QCOMPARE(p.flavour, ApiFlavour::Responses); // Responses everywhere by default
        QCOMPARE(p.chatModel, chatModel);
        QCOMPARE(p.imageModel, imageModel);
        QVERIFY(p.chatModelChoices.contains(chatModel));
        QVERIFY(!p.hasKey());
        QCOMPARE(p.keySource, ProviderProfile::KeySource::None);
        // Every model a picker offers is in the provider's own naming.
        for (const QString &model : p.imageModelChoices)
            QCOMPARE(model.contains(QLatin1Char('/')), p.usesVendorPrefixes());
    }

    void openRouterSendsAttributionHeaders()
    {
        const ProviderProfile p = m_registry->profile(QStringLiteral("openrouter"));
        QStringList names;
        for (const auto &[name, value] : p.extraHeaders)
            names << QString::fromLatin1(name);
        QCOMPARE(names, QStringList({ "HTTP-Referer", "X-Title" }));
        QVERIFY(m_registry->profile(QStringLiteral("openai")).extraHeaders.isEmpty());
    }

    void demoOnlyWhenOffered()
    {
        QVERIFY(!m_registry->contains(QStringLiteral("demo")));
        QSignalSpy changed(m_registry.get(), &ProviderRegistry::profilesChanged);
        m_registry->setDemoBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/v1")));
        QCOMPARE(changed.count(), 1);
        const ProviderProfile demo = m_registry->profile(QStringLiteral("demo"));
        QVERIFY(demo.isDemo);
        QVERIFY(demo.isUsable());
        QCOMPARE(m_registry->ids().constLast(), QStringLiteral("demo"));
    }

    void environmentOverridesForTheRun_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("keyVariable");
        QTest::addColumn<QByteArray>("baseVariable");
        QTest::newRow("openai") << "openai" << QByteArray("OPENAI_API_KEY")
                                << QByteArray("OPENAI_BASE_URL");
        QTest::newRow("aistats") << "aistats" << QByteArray("AI_STATS_API_KEY")
                                 << QByteArray("AI_STATS_BASE_URL");
        QTest::newRow("openrouter") << "openrouter" << QByteArray("OPENROUTER_API_KEY")
                                    << QByteArray("OPENROUTER_BASE_URL");
        QTest::newRow("modelgates") << "modelgates" << QByteArray("MODELGATES_API_KEY")
                                    << QByteArray("MODELGATES_BASE_URL");
        QTest::newRow("custom") << "custom" << QByteArray("EASEL_CUSTOM_API_KEY")
                                << QByteArray("EASEL_CUSTOM_BASE_URL");
    }

    void environmentOverridesForTheRun()
    {
        QFETCH(QString, id);
        QFETCH(QByteArray, keyVariable);
        QFETCH(QByteArray, baseVariable);
        qputenv(keyVariable.constData(), " sk-env-123 ");
        qputenv(baseVariable.constData(), "http://127.0.0.1:9/proxy/v1");
        const ProviderProfile p = m_registry->profile(id);
        QCOMPARE(p.apiKey, QStringLiteral("sk-env-123"));
        QCOMPARE(p.keySource, ProviderProfile::KeySource::Environment);
        QCOMPARE(p.endpoint(QStringLiteral("responses")).toString(),
                 QStringLiteral("http://127.0.0.1:9/proxy/v1/responses"));
        QVERIFY(p.isUsable());
        // Only for the run: what is stored is untouched, and other providers do not see it.
        QCOMPARE(m_registry->stored(id).apiKey, QString());
        QVERIFY(m_registry->stored(id).baseUrl.toString()
                != QLatin1String("http://127.0.0.1:9/proxy/v1"));
        for (const QString &other : m_registry->ids()) {
            if (other != id)
                QVERIFY2(!m_registry->profile(other).hasKey(), qPrintable(other));
        }
        QVERIFY(m_registry->keyStatus(id).contains(QString::fromLatin1(keyVariable)));
    }

    void editsAndCopiesPersistWithoutKeys()
    {
        const QByteArray secret = "or-test-secret-0123456789";
        qputenv("OPENROUTER_API_KEY", secret);

        ProviderProfile edited = m_registry->stored(QStringLiteral("openrouter"));
        edited.baseUrl = QUrl(QStringLiteral("https://proxy.example.com/openrouter/v1"));
        edited.chatModel = QStringLiteral("openai/gpt-5");
        edited.flavour = ApiFlavour::ChatCompletions;
        edited.extraHeaders = { { "X-Title", "Easel test" } };
        QString error;
        QVERIFY2(m_registry->save(edited, &error), qPrintable(error));

        const QString copyId = m_registry->duplicate(QStringLiteral("openrouter"));
        QCOMPARE(copyId, QStringLiteral("openrouter-2"));
        ProviderProfile copy = m_registry->stored(copyId);
        QVERIFY(!copy.isBuiltIn);
        QCOMPARE(copy.basedOn, QStringLiteral("openrouter"));
        QCOMPARE(copy.chatModel, QStringLiteral("openai/gpt-5")); // a copy of the edited one
        copy.imageModel = QStringLiteral("google/gemini-2.5-flash-image");
        copy.flavour = ApiFlavour::ImageChat;
        QVERIFY(m_registry->save(copy, &error));
        // The copy still finds the gateway's key variable, but not its base URL variable.
        QCOMPARE(m_registry->profile(copyId).apiKey, QString::fromLatin1(secret));
        QVERIFY(m_registry->profile(copyId).baseUrlVariable.isEmpty());

        const QString customId = m_registry->addCustom();
        ProviderProfile custom = m_registry->stored(customId);
        custom.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:4000/v1"));
        QVERIFY(m_registry->save(custom, &error));
        QVERIFY(m_registry->profile(customId).isUsable()); // a local server needs no key

        m_settings->sync();
        const QByteArray ini = fileBytes(iniPath());
        QVERIFY(ini.contains("proxy.example.com"));
        QVERIFY2(!ini.contains(secret), ini.constData());
        QVERIFY(!ini.contains("sk-or-v1"));

        // A later run reads the same profiles back.
        m_registry.reset();
        m_settings.reset(new Settings(iniPath()));
        ProviderRegistry again(m_settings.get(), m_secrets.get());
        const ProviderProfile router = again.stored(QStringLiteral("openrouter"));
        QCOMPARE(router.baseUrl.toString(),
                 QStringLiteral("https://proxy.example.com/openrouter/v1"));
        QCOMPARE(router.chatModel, QStringLiteral("openai/gpt-5"));
        QCOMPARE(router.flavour, ApiFlavour::ChatCompletions);
        QCOMPARE(router.extraHeaders.size(), 1);
        QCOMPARE(router.extraHeaders.constFirst().second, QByteArray("Easel test"));
        QCOMPARE(router.toolType, QStringLiteral("openrouter:image_generation")); // unchanged
        QVERIFY(router.isBuiltIn);
        const ProviderProfile copyAgain = again.stored(copyId);
        QCOMPARE(copyAgain.imageModel, QStringLiteral("google/gemini-2.5-flash-image"));
        QCOMPARE(copyAgain.flavour, ApiFlavour::ImageChat);
        QCOMPARE(copyAgain.toolType, QStringLiteral("openrouter:image_generation"));
        QCOMPARE(again.stored(customId).baseUrl.toString(),
                 QStringLiteral("http://127.0.0.1:4000/v1"));
        QCOMPARE(again.ids().mid(5), QStringList({ copyId, customId }));
    }

    // A key from the environment goes only to the server it was given for: a user's profile that
    // points elsewhere reads a variable named after itself (QA: a second custom endpoint received
    // EASEL_CUSTOM_API_KEY, meant for the first).
    void environmentKeysStayWithTheirServer()
    {
        qputenv("EASEL_CUSTOM_BASE_URL", "https://gateway-a.example.com/v1");
        qputenv("EASEL_CUSTOM_API_KEY", "sk-for-gateway-a");
        qputenv("OPENROUTER_API_KEY", "sk-or-for-openrouter");
        QString error;

        const QString secondId = m_registry->addCustom();
        QCOMPARE(secondId, QStringLiteral("custom-2"));
        ProviderProfile second = m_registry->stored(secondId);
        second.baseUrl = QUrl(QStringLiteral("https://gateway-b.example.com/v1"));
        QVERIFY2(m_registry->save(second, &error), qPrintable(error));
        QCOMPARE(m_registry->profile(secondId).keyVariable,
                 QStringLiteral("EASEL_CUSTOM_2_API_KEY"));
        QVERIFY(!m_registry->profile(secondId).hasKey());
        QVERIFY(m_registry->keyStatus(secondId).contains(QLatin1String("EASEL_CUSTOM_2_API_KEY")));
        qputenv("EASEL_CUSTOM_2_API_KEY", "sk-for-gateway-b");
        QCOMPARE(m_registry->profile(secondId).apiKey, QStringLiteral("sk-for-gateway-b"));
        QCOMPARE(m_registry->profile(QStringLiteral("custom")).apiKey,
                 QStringLiteral("sk-for-gateway-a"));

        // The same server as the built-in's (another port is another server): the key is shared.
        second.baseUrl = QUrl(QStringLiteral("https://gateway-a.example.com:443/other/v1"));
        QVERIFY(m_registry->save(second, &error));
        QCOMPARE(m_registry->profile(secondId).apiKey, QStringLiteral("sk-for-gateway-a"));
        second.baseUrl = QUrl(QStringLiteral("https://gateway-a.example.com:8443/v1"));
        QVERIFY(m_registry->save(second, &error));
        QCOMPARE(m_registry->profile(secondId).apiKey, QStringLiteral("sk-for-gateway-b"));

        // A copy of OpenRouter keeps OPENROUTER_API_KEY while it goes to OpenRouter.
        const QString copyId = m_registry->duplicate(QStringLiteral("openrouter"));
        QCOMPARE(m_registry->profile(copyId).apiKey, QStringLiteral("sk-or-for-openrouter"));
        ProviderProfile copy = m_registry->stored(copyId);
        copy.baseUrl = QUrl(QStringLiteral("https://other-gateway.example.net/api/v1"));
        QVERIFY(m_registry->save(copy, &error));
        QVERIFY(!m_registry->profile(copyId).hasKey());
        QCOMPARE(m_registry->profile(copyId).keyVariable,
                 QStringLiteral("EASEL_OPENROUTER_2_API_KEY"));
    }

    void referenceImageLimits_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("images");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("edge");
        QTest::addColumn<QString>("name");
        // The table's figures: OpenAI's documented limits, the gateways the same.
        QTest::newRow("openai as built")
            << "openai" << 16 << 50LL * 1024 * 1024 << "gpt-image-1.5" << 2048 << "OpenAI";
        QTest::newRow("aistats as built")
            << "aistats" << 16 << 50LL * 1024 * 1024 << "openai/gpt-image-2" << 3840 << "AI Stats";
        QTest::newRow("openrouter edited") << "openrouter" << 4 << 20LL * 1024 * 1024
                                           << "openai/gpt-image-1.5" << 2048 << "OpenRouter";
        QTest::newRow("modelgates edited") << "modelgates" << 1 << 5LL * 1024 * 1024
                                           << "openai/gpt-image-2" << 3840 << "ModelGates";
        QTest::newRow("custom edited")
            << "custom" << 100 << 500LL * 1024 * 1024 << "gpt-image-2" << 3840 << "Custom endpoint";
    }

    void referenceImageLimits()
    {
        QFETCH(QString, id);
        QFETCH(int, images);
        QFETCH(qint64, bytes);
        QFETCH(QString, model);
        QFETCH(int, edge);
        QFETCH(QString, name);
        const ProviderProfile builtIn = ProviderProfile::builtIn(id);
        QCOMPARE(builtIn.maxInputImages, 16);
        QCOMPARE(builtIn.maxInputImageBytes, 50LL * 1024 * 1024);
        const bool edited = images != 16 || bytes != builtIn.maxInputImageBytes;

        ProviderProfile p = m_registry->stored(id);
        p.maxInputImages = images;
        p.maxInputImageBytes = bytes;
        if (p.baseUrl.isEmpty()) // the custom endpoint has none until the designer gives one
            p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:4000/v1"));
        // toJson/fromJson carry them.
        const QJsonObject json = p.toJson();
        QCOMPARE(json.value(QLatin1String("max_input_images")).toInt(), images);
        QCOMPARE(qint64(json.value(QLatin1String("max_input_image_bytes")).toDouble()), bytes);
        const ProviderProfile back = ProviderProfile::fromJson(builtIn, json);
        QCOMPARE(back.maxInputImages, images);
        QCOMPARE(back.maxInputImageBytes, bytes);
        // An object without them keeps the base's.
        QCOMPARE(ProviderProfile::fromJson(back, QJsonObject()).maxInputImages, images);

        QString error;
        QVERIFY2(m_registry->save(p, &error), qPrintable(error));
        m_settings->sync();
        // A built-in keeps only what differs from the table.
        QCOMPARE(fileBytes(iniPath()).contains("max_input_images"), edited && images != 16);
        QCOMPARE(fileBytes(iniPath()).contains("max_input_image_bytes"),
                 edited && bytes != builtIn.maxInputImageBytes);

        // A later run reads them back, and a turn is checked against them.
        m_registry.reset();
        m_settings.reset(new Settings(iniPath()));
        ProviderRegistry again(m_settings.get(), m_secrets.get());
        const ProviderProfile read = again.stored(id);
        QCOMPARE(read.maxInputImages, images);
        QCOMPARE(read.maxInputImageBytes, bytes);
        const ReferenceLimits limits = read.referenceLimits(model);
        QCOMPARE(limits.providerName, name);
        QCOMPARE(limits.maxCount, images);
        QCOMPARE(limits.maxImageBytes, bytes);
        QCOMPARE(limits.maxTotalBytes, 50LL * 1024 * 1024);
        QCOMPARE(limits.maxEdge, edge);
    }

    void damagedReferenceImageLimitsAreIgnored_data()
    {
        QTest::addColumn<QJsonValue>("images");
        QTest::addColumn<QJsonValue>("bytes");
        QTest::newRow("zero") << QJsonValue(0) << QJsonValue(0);
        QTest::newRow("negative") << QJsonValue(-3) << QJsonValue(-1);
        QTest::newRow("text") << QJsonValue(QStringLiteral("many"))
                              << QJsonValue(QStringLiteral("big"));
        QTest::newRow("too many") << QJsonValue(5000) << QJsonValue(1e300);
    }

    void damagedReferenceImageLimitsAreIgnored()
    {
        QFETCH(QJsonValue, images);
        QFETCH(QJsonValue, bytes);
        const ProviderProfile base = ProviderProfile::builtIn(QStringLiteral("openai"));
        const ProviderProfile p = ProviderProfile::fromJson(
            base,
            QJsonObject { { QStringLiteral("max_input_images"), images },
                          { QStringLiteral("max_input_image_bytes"), bytes } });
        QCOMPARE(p.maxInputImages, 16);
        QCOMPARE(p.maxInputImageBytes, 50LL * 1024 * 1024);
    }

    void resetAndRemove()
    {
        ProviderProfile edited = m_registry->stored(QStringLiteral("modelgates"));
        edited.baseUrl = QUrl(QStringLiteral("https://elsewhere.example/v1"));
        QVERIFY(m_registry->save(edited));
        QVERIFY(!m_registry->remove(QStringLiteral("modelgates"))); // built-ins stay
        QVERIFY(m_registry->reset(QStringLiteral("modelgates")));
        QCOMPARE(m_registry->stored(QStringLiteral("modelgates")).baseUrl.toString(),
                 QStringLiteral("https://modelgates.ai/api/v1"));
        QVERIFY(!fileBytes(iniPath()).contains("elsewhere"));

        const QString copy = m_registry->duplicate(QStringLiteral("modelgates"));
        QVERIFY(!m_registry->reset(copy)); // only built-ins have a table to go back to
        QVERIFY(m_registry->remove(copy));
        QVERIFY(!m_registry->contains(copy));
        QVERIFY(!fileBytes(iniPath()).contains(copy.toUtf8()));
    }

    void saveRefusesWhatCannotWork_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("chatModel");
        QTest::addColumn<QString>("toolType");
        QTest::addColumn<QString>("flavour");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("ftp") << "openai"
                             << "ftp://api.example.com/v1"
                             << "gpt-5"
                             << "x"
                             << "responses"
                             << "base URL";
        QTest::newRow("no host") << "openai"
                                 << "https:///v1"
                                 << "gpt-5"
                                 << "x"
                                 << "responses"
                                 << "base URL";
        QTest::newRow("empty url") << "openai"
                                   << ""
                                   << "gpt-5"
                                   << "x"
                                   << "responses"
                                   << "base URL";
        QTest::newRow("no model") << "openai"
                                  << "https://a.example/v1"
                                  << " "
                                  << "x"
                                  << "responses"
                                  << "chat model";
        QTest::newRow("no tool") << "aistats"
                                 << "https://a.example/v1"
                                 << "m"
                                 << ""
                                 << "responses"
                                 << "tool";
        QTest::newRow("openai chat") << "openai"
                                     << "https://a.example/v1"
                                     << "m"
                                     << "x"
                                     << "chat"
                                     << "OpenAI does not speak the Chat Completions";
        QTest::newRow("aistats image chat") << "aistats"
                                            << "https://a.example/v1"
                                            << "m"
                                            << "x"
                                            << "image-chat"
                                            << "AI Stats does not speak";
        QTest::newRow("unknown") << "nobody"
                                 << "https://a.example/v1"
                                 << "m"
                                 << "x"
                                 << "responses"
                                 << "no provider";
    }

    void saveRefusesWhatCannotWork()
    {
        QFETCH(QString, id);
        QFETCH(QString, baseUrl);
        QFETCH(QString, chatModel);
        QFETCH(QString, toolType);
        QFETCH(QString, flavour);
        QFETCH(QString, errorPart);
        ProviderProfile p = m_registry->stored(id);
        p.id = id;
        p.baseUrl = QUrl(baseUrl);
        p.chatModel = chatModel;
        p.toolType = toolType;
        QVERIFY(ApiFlavours::fromName(flavour, &p.flavour));
        const ProviderProfile before = m_registry->stored(id);
        QString error;
        QVERIFY(!m_registry->save(p, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        QCOMPARE(m_registry->stored(id).baseUrl, before.baseUrl);
        QVERIFY(!fileBytes(iniPath()).contains("a.example"));
    }

    void remembersTheToolTypeThatWorked()
    {
        m_registry->rememberToolType(QStringLiteral("aistats"),
                                     QStringLiteral("phaseo:image_generation"));
        m_registry.reset();
        ProviderRegistry again(m_settings.get(), m_secrets.get());
        QCOMPARE(again.profile(QStringLiteral("aistats")).toolType,
                 QStringLiteral("phaseo:image_generation"));
        QVERIFY(again.reset(QStringLiteral("aistats")));
        QCOMPARE(again.profile(QStringLiteral("aistats")).toolType,
                 QStringLiteral("ai-stats:image_generation"));
    }

    void ignoresDamagedSettings()
    {
        m_settings->setValue(Settings::providerProfiles,
                             QByteArray("{\"profiles\":[{\"id\":\"../x\"},{\"id\":\"demo\"},"
                                        "{\"id\":\"openai\",\"flavour\":\"chat\","
                                        "\"baseUrl\":42},7,\"x\"]}"));
        ProviderRegistry damaged(m_settings.get(), m_secrets.get());
        QCOMPARE(damaged.ids(), m_registry->ids());
        const ProviderProfile openai = damaged.profile(QStringLiteral("openai"));
        QCOMPARE(openai.flavour, ApiFlavour::Responses); // OpenAI does not speak chat
        QCOMPARE(openai.baseUrl.toString(), QStringLiteral("https://api.openai.com/v1"));
        m_settings->setValue(Settings::providerProfiles, QByteArray("not json"));
        QCOMPARE(ProviderRegistry(m_settings.get(), m_secrets.get()).ids().size(), 5);
    }

    void withoutKeychainSaysWhichVariableToSet()
    {
        QVERIFY(!m_secrets->available());
        QCOMPARE(m_registry->keyStatus(QStringLiteral("aistats")),
                 QStringLiteral("No keychain service: set AI_STATS_API_KEY in the environment."));
        QSignalSpy loaded(m_registry.get(), &ProviderRegistry::keysLoaded);
        m_registry->loadKeys();
        QCOMPARE(loaded.count(), 0); // always answered later, from the event loop
        QVERIFY(loaded.wait(2000));
        QVERIFY(m_registry->areKeysLoaded());

        QString answer = QStringLiteral("not called");
        m_registry->setApiKey(QStringLiteral("aistats"), QStringLiteral("sk-typed"),
                              [&answer](const QString &error) { answer = error; });
        QTRY_VERIFY(answer != QLatin1String("not called"));
        QVERIFY2(answer.contains(QLatin1String("EASEL_NO_KEYCHAIN")), qPrintable(answer));
        QVERIFY(!m_registry->profile(QStringLiteral("aistats")).hasKey());
    }

    void translatesModelNames_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare to gateway") << "openrouter"
                                         << "gpt-image-2"
                                         << "openai/gpt-image-2";
        QTest::newRow("gateway stays") << "aistats"
                                       << "openai/gpt-image-1"
                                       << "openai/gpt-image-1";
        QTest::newRow("other vendor on gateway") << "openrouter"
                                                 << "google/gemini-2.5-flash-image"
                                                 << "google/gemini-2.5-flash-image";
        QTest::newRow("gateway to openai") << "openai"
                                           << "openai/gpt-image-1"
                                           << "gpt-image-1";
        QTest::newRow("other vendor on openai") << "openai"
                                                << "google/gemini-2.5-flash-image"
                                                << "gpt-image-1.5";
        QTest::newRow("empty") << "modelgates"
                               << ""
                               << "openai/gpt-image-1.5";
    }

    void translatesModelNames()
    {
        QFETCH(QString, id);
        QFETCH(QString, model);
        QFETCH(QString, expected);
        const ProviderProfile p = m_registry->profile(id);
        QCOMPARE(p.inOwnNaming(model, p.imageModel), expected);
    }

    void toolTypeRefusals_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("refused");
        QTest::newRow("names the old tool")
            << 400
            << QByteArray("{\"error\":\"validation_error\",\"description\":\"Invalid literal "
                          "value, expected \\\"phaseo:image_generation\\\"\"}")
            << true;
        QTest::newRow("names the new tool")
            << 400
            << QByteArray("{\"error\":{\"message\":\"Unknown tool phaseo:image_generation\"}}")
            << true;
        QTest::newRow("says tool type invalid")
            << 400 << QByteArray("{\"error\":\"Tool type is invalid\"}") << true;
        QTest::newRow("unsupported tool type")
            << 400 << QByteArray("unsupported tool_type in tools[0]") << true;
        QTest::newRow("another 400")
            << 400 << QByteArray("{\"error\":\"model not found\"}") << false;
        QTest::newRow("not a 400")
            << 500 << QByteArray("{\"error\":\"ai-stats:image_generation failed\"}") << false;
    }

    void toolTypeRefusals()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, refused);
        QCOMPARE(ProviderProfile::refusesToolType(status, body), refused);
    }

    void alternateToolTypes()
    {
        QCOMPARE(ProviderProfile::alternateToolType(QStringLiteral("ai-stats:image_generation")),
                 QStringLiteral("phaseo:image_generation"));
        QCOMPARE(ProviderProfile::alternateToolType(QStringLiteral("phaseo:image_generation")),
                 QStringLiteral("ai-stats:image_generation"));
        QCOMPARE(ProviderProfile::alternateToolType(QStringLiteral("openrouter:image_generation")),
                 QString());
        QCOMPARE(ProviderProfile::alternateToolType(QStringLiteral("image_generation")), QString());
    }

    void headerLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("two") << "HTTP-Referer: https://a.example\n\nX-Title:  Easel  " << true << 2
                             << "";
        QTest::newRow("empty") << "  \n" << true << 0 << "";
        QTest::newRow("value with colon") << "X-A: b:c" << true << 1 << "";
        QTest::newRow("no colon") << "X-Title Easel" << false << 0 << "line 1";
        QTest::newRow("space in name") << "X-Title\n X Y: z" << false << 0 << "line 1";
        QTest::newRow("authorization") << "authorization: Bearer sk-1" << false << 0 << "key field";
        // Keys by any other name are refused too: headers are kept in plain text (found by QA).
        QTest::newRow("azure api-key") << "api-key: sk-qa" << false << 0 << "looks like a key";
        QTest::newRow("x-api-key")
            << "X-Title: a\nX-Api-Key: sk-qa" << false << 0 << "X-Api-Key looks like a key";
        QTest::newRow("auth token") << "x-auth-token: t" << false << 0 << "looks like a key";
        QTest::newRow("cookie") << "Cookie: session=1" << false << 0 << "looks like a key";
        // Words that merely contain "key" or "auth" are not keys.
        QTest::newRow("portkey, organization, author")
            << "x-portkey-config: pc-1\nOpenAI-Organization: org-1\nX-Author: me" << true << 3
            << "";
    }

    void headerLines()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, count);
        QFETCH(QString, errorPart);
        HeaderList headers { { "Old", "1" } };
        QString error;
        QCOMPARE(ProviderProfile::headersFromText(text, &headers, &error), ok);
        if (!ok) {
            QVERIFY2(error.contains(errorPart, Qt::CaseInsensitive), qPrintable(error));
            QCOMPARE(headers.size(), 1); // untouched
            return;
        }
        QCOMPARE(headers.size(), count);
        if (count == 2) {
            QCOMPARE(headers.at(1).second, QByteArray("Easel"));
            QCOMPARE(ProviderProfile::headersToText(headers),
                     QStringLiteral("HTTP-Referer: https://a.example\nX-Title: Easel"));
        }
    }

private:
    QString iniPath() const { return m_dir->path() + QStringLiteral("/settings.ini"); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProviderRegistry> m_registry;
};

QTEST_GUILESS_MAIN(TestProviderRegistry)
#include "tst_providerregistry.moc"
