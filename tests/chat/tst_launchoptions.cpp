#include "chat/launchoptions.h"
#include "chat/providerprofile.h"

#include <QTest>

class TestLaunchOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("imageModel");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("nothing") << QStringList { "easel" } << true << ""
                                 << ""
                                 << ""
                                 << "";
        QTest::newRow("all") << QStringList { "easel", "--provider",    "OpenAI",     "--model",
                                              "gpt-5", "--image-model", "gpt-image-2" }
                             << true << "openai"
                             << "gpt-5"
                             << "gpt-image-2"
                             << "";
        QTest::newRow("equals form") << QStringList { "easel", "--provider=demo" } << true << "demo"
                                     << ""
                                     << ""
                                     << "";
        QTest::newRow("unknown provider")
            << QStringList { "easel", "--provider", "acme" } << false << ""
            << ""
            << ""
            << "Unknown provider \"acme\"";
        QTest::newRow("unknown flag") << QStringList { "easel", "--colour" } << false << ""
                                      << ""
                                      << ""
                                      << "colour";
        QTest::newRow("missing value") << QStringList { "easel", "--model" } << false << ""
                                       << ""
                                       << ""
                                       << "model";
        QTest::newRow("stray argument") << QStringList { "easel", "hello" } << false << ""
                                        << ""
                                        << ""
                                        << "hello";
    }

    void parses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, ok);
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(QString, imageModel);
        QFETCH(QString, errorPart);
        LaunchOptions options;
        QString error;
        QCOMPARE(LaunchOptions::parse(arguments, &options, &error), ok);
        if (!ok) {
            QVERIFY2(error.contains(errorPart), qPrintable(error));
            return;
        }
        QCOMPARE(options.provider, provider);
        QCOMPARE(options.chatModel, model);
        QCOMPARE(options.imageModel, imageModel);
    }

    void choosesProvider_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<bool>("keyPresent");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<bool>("hasNotice");
        QTest::newRow("auto with key") << "" << true << "openai" << false;
        QTest::newRow("auto without key") << "" << false << "demo" << true;
        QTest::newRow("openai without key") << "openai" << false << "demo" << true;
        QTest::newRow("demo with key") << "demo" << true << "demo" << false;
        QTest::newRow("openai with key") << "openai" << true << "openai" << false;
    }

    void choosesProvider()
    {
        QFETCH(QString, requested);
        QFETCH(bool, keyPresent);
        QFETCH(QString, chosen);
        QFETCH(bool, hasNotice);
        const LaunchOptions::Choice choice = LaunchOptions::chooseProvider(requested, keyPresent);
        QCOMPARE(choice.providerId, chosen);
        QCOMPARE(!choice.notice.isEmpty(), hasNotice);
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
};

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
