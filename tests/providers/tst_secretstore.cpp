// SecretStore: API keys in the OS keychain. The round trip runs where a Secret Service (or
// another keychain) answers on the session bus and is skipped, with the reason, where not; ctest
// sets EASEL_NO_KEYCHAIN=1, so under ctest only the switched-off behaviour is checked.
#include "store/secretstore.h"

#include <QTest>
#include <QUuid>

namespace {

// Runs one call and waits for its answer, checking that the answer never comes from inside the
// call itself (callers rely on that to finish their own bookkeeping first).
template<typename Call> SecretStore::Result answerOf(Call call, bool *synchronous)
{
    bool answered = false;
    SecretStore::Result result;
    call([&](const SecretStore::Result &r) {
        answered = true;
        result = r;
    });
    *synchronous = answered;
    if (!QTest::qWaitFor([&answered] { return answered; }, 30000))
        result.error = QStringLiteral("no answer within 30 s");
    return result;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_originalSwitch = qgetenv("EASEL_NO_KEYCHAIN"); }

    void cleanup()
    {
        if (m_originalSwitch.isNull())
            qunsetenv("EASEL_NO_KEYCHAIN");
        else
            qputenv("EASEL_NO_KEYCHAIN", m_originalSwitch);
    }

    void switchedOffByTheEnvironment_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::newRow("read") << "read";
        QTest::newRow("write") << "write";
        QTest::newRow("remove") << "remove";
        QTest::newRow("probe") << "probe";
    }

    void switchedOffByTheEnvironment()
    {
        QFETCH(QString, operation);
        qputenv("EASEL_NO_KEYCHAIN", "1");
        QVERIFY(SecretStore::disabledByEnvironment());
        SecretStore store;
        QVERIFY(!store.available());
        QVERIFY2(store.unavailableReason().contains(QLatin1String("EASEL_NO_KEYCHAIN=1")),
                 qPrintable(store.unavailableReason()));
        bool synchronous = true;
        const SecretStore::Result result = answerOf(
            [&](SecretStore::Callback done) {
                if (operation == QLatin1String("read"))
                    store.read(QStringLiteral("openai"), done);
                else if (operation == QLatin1String("write"))
                    store.write(QStringLiteral("openai"), QStringLiteral("sk-never-stored"), done);
                else if (operation == QLatin1String("remove"))
                    store.remove(QStringLiteral("openai"), done);
                else
                    store.probe(done);
            },
            &synchronous);
        QVERIFY(!synchronous);
        QVERIFY(!result.ok);
        QVERIFY(!result.notFound);
        QVERIFY(result.secret.isEmpty());
        QCOMPARE(result.error, store.unavailableReason());
    }

    void onlyOneMeansOff_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("off");
        QTest::newRow("1") << QByteArray("1") << true;
        QTest::newRow("1 padded") << QByteArray(" 1 ") << true;
        QTest::newRow("0") << QByteArray("0") << false;
        QTest::newRow("empty") << QByteArray("") << false;
    }

    void onlyOneMeansOff()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, off);
        qputenv("EASEL_NO_KEYCHAIN", value);
        QCOMPARE(SecretStore::disabledByEnvironment(), off);
    }

    void roundTrip()
    {
        if (m_originalSwitch.trimmed() == "1")
            QSKIP("EASEL_NO_KEYCHAIN=1 turns the keychain off (ctest sets it for every test); run "
                  "this test directly in a desktop session with a Secret Service to check it.");
        qunsetenv("EASEL_NO_KEYCHAIN");
        SecretStore store;
        bool synchronous = true;
        const SecretStore::Result probe
            = answerOf([&](SecretStore::Callback done) { store.probe(done); }, &synchronous);
        if (!probe.ok || !store.available())
            QSKIP(qPrintable(QStringLiteral("Skipped: %1")
                                 .arg(store.unavailableReason().isEmpty()
                                          ? probe.error
                                          : store.unavailableReason())));

        const QString id
            = QStringLiteral("easel-test-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString secret
            = QStringLiteral("sk-test-") + QUuid::createUuid().toString(QUuid::Id128);
        SecretStore::Result r = answerOf(
            [&](SecretStore::Callback done) { store.write(id, secret, done); }, &synchronous);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!synchronous);
        r = answerOf([&](SecretStore::Callback done) { store.read(id, done); }, &synchronous);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.secret, secret);
        r = answerOf([&](SecretStore::Callback done) { store.remove(id, done); }, &synchronous);
        QVERIFY2(r.ok, qPrintable(r.error));
        r = answerOf([&](SecretStore::Callback done) { store.read(id, done); }, &synchronous);
        QVERIFY(!r.ok);
        QVERIFY(r.notFound);
        QVERIFY(r.secret.isEmpty());
        // Removing what is not there is not an error.
        r = answerOf([&](SecretStore::Callback done) { store.remove(id, done); }, &synchronous);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(store.available());
    }

private:
    QByteArray m_originalSwitch;
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
