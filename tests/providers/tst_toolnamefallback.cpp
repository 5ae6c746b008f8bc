// The one retry Easel makes: AI Stats builds disagree on the image tool's name
// (ai-stats:image_generation or phaseo:image_generation) and refuse the other one with a 400
// before doing anything. ChatSession then resends the same turn once with the other name and
// remembers the one that worked. Run end to end over loopback HTTP against the fake gateway.
#include "chat/chatsession.h"
#include "chat/providerregistry.h"
#include "fakes/fakegateway.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString oldName = QStringLiteral("ai-stats:image_generation");
const QString newName = QStringLiteral("phaseo:image_generation");

QByteArray sse(const QByteArray &type, QJsonObject data)
{
    data.insert(QStringLiteral("type"), QString::fromLatin1(type));
    return "event: " + type + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact)
        + "\n\n";
}

// A short, complete Responses stream: some text, then response.completed with usage.
FakeResponse goodStream(const QString &text = QStringLiteral("Here is your lighthouse."))
{
    return FakeResponse::sse(
        { sse("response.created",
              { { "response", QJsonObject { { "id", "resp_1" }, { "status", "in_progress" } } } }),
          sse("response.output_text.delta",
              { { "item_id", "msg_1" }, { "output_index", 0 }, { "delta", text } }),
          sse("response.completed",
              { { "response",
                  QJsonObject {
                      { "id", "resp_1" },
                      { "status", "completed" },
                      { "usage",
                        QJsonObject { { "input_tokens", 10 }, { "output_tokens", 20 } } } } } }) });
}

// AI Stats' newer error shape, naming the tool type it refused.
FakeResponse refusal(const QString &refusedName)
{
    const QJsonObject body { { "generation_id", "G-1" },
                             { "status_code", 400 },
                             { "error", "validation_error" },
                             { "error_type", "user" },
                             { "description",
                               QStringLiteral("Invalid tool type \"%1\"").arg(refusedName) } };
    return FakeResponse::json(400, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString toolTypeOf(const HttpRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    return body.value(QLatin1String("tools")).toArray().at(0).toObject().value("type").toString();
}

} // namespace

Q_DECLARE_METATYPE(FakeResponse)

class TestToolNameFallback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        m_fake.reset(new FakeGateway);
        QVERIFY(m_fake->listen());
    }

    void cleanup()
    {
        m_fake.reset();
        m_dir.reset();
    }

    void retriesOnceWithTheOtherName_data()
    {
        QTest::addColumn<QString>("startName");
        QTest::addColumn<QList<FakeResponse>>("answers");
        QTest::addColumn<QStringList>("sentNames");
        QTest::addColumn<int>("status"); // Turn::Status
        QTest::addColumn<QString>("learned"); // "" = nothing learned

        const int done = int(Turn::Status::Done);
        const int failed = int(Turn::Status::Failed);
        QTest::newRow("old name refused")
            << oldName << QList<FakeResponse> { refusal(oldName), goodStream() }
            << QStringList { oldName, newName } << done << newName;
        QTest::newRow("new name refused, older build")
            << newName << QList<FakeResponse> { refusal(newName), goodStream() }
            << QStringList { newName, oldName } << done << oldName;
        QTest::newRow("both refused: one retry only")
            << oldName << QList<FakeResponse> { refusal(oldName), refusal(newName), goodStream() }
            << QStringList { oldName, newName } << failed << "";
        QTest::newRow("a 400 about something else")
            << oldName
            << QList<FakeResponse> { FakeResponse::json(
                                         400, "{\"error\":\"Model openai/gpt-9 not found\"}"),
                                     goodStream() }
            << QStringList { oldName } << failed << "";
        QTest::newRow("server error naming the tool")
            << oldName
            << QList<FakeResponse> { FakeResponse::json(
                                         500, "{\"error\":\"ai-stats:image_generation crashed\"}"),
                                     goodStream() }
            << QStringList { oldName } << failed << "";
        QTest::newRow("other gateways have no other name")
            << QStringLiteral("openrouter:image_generation")
            << QList<FakeResponse> { refusal(QStringLiteral("openrouter:image_generation")),
                                     goodStream() }
            << QStringList { QStringLiteral("openrouter:image_generation") } << failed << "";
    }

    void retriesOnceWithTheOtherName()
    {
        QFETCH(QString, startName);
        QFETCH(QList<FakeResponse>, answers);
        QFETCH(QStringList, sentNames);
        QFETCH(int, status);
        QFETCH(QString, learned);
        for (const FakeResponse &answer : answers)
            m_fake->enqueue(answer);

        ChatSession session(profile(startName), options());
        QSignalSpy learnedSpy(&session, &ChatSession::toolTypeLearned);
        QSignalSpy finished(&session, &ChatSession::turnFinished);
        QSignalSpy rowsInserted(session.model(), &QAbstractItemModel::rowsInserted);
        QVERIFY(session.send(QStringLiteral("a lighthouse at dusk"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));

        QCOMPARE(m_fake->requestCount(), sentNames.size());
        QStringList sent;
        for (const HttpRequest &request : m_fake->requests())
            sent << toolTypeOf(request);
        QCOMPARE(sent, sentNames);
        // Everything but the tool's name is the same request.
        if (sent.size() == 2) {
            QByteArray first = m_fake->requests().at(0).body;
            first.replace(sent.at(0).toUtf8(), sent.at(1).toUtf8());
            QCOMPARE(m_fake->requests().at(1).body, first);
            QCOMPARE(m_fake->requests().at(1).header("Authorization"),
                     QByteArray("Bearer sk-aistats-test"));
        }

        QCOMPARE(rowsInserted.count(), 1); // the designer sees one turn
        QCOMPARE(session.model()->rowCount(), 1);
        const Turn turn = session.model()->turnAt(0);
        QCOMPARE(int(turn.status), status);
        if (status == int(Turn::Status::Done)) {
            QCOMPARE(turn.text, QStringLiteral("Here is your lighthouse."));
            QVERIFY(turn.errorMessage.isEmpty());
        } else {
            QVERIFY(!turn.errorMessage.isEmpty());
        }
        QCOMPARE(learnedSpy.count(), learned.isEmpty() ? 0 : 1);
        QCOMPARE(session.provider().toolType, learned.isEmpty() ? startName : learned);
        if (!learned.isEmpty())
            QCOMPARE(learnedSpy.constFirst().at(1).toString(), learned);
    }

    void theNextTurnStartsWithTheNameThatWorked()
    {
        const QString ini = m_dir->path() + QStringLiteral("/settings.ini");
        qputenv("EASEL_NO_KEYCHAIN", "1");
        Settings settings(ini);
        SecretStore secrets;
        ProviderRegistry registry(&settings, &secrets);
        ChatSession session(profile(oldName), options());
        connect(&session, &ChatSession::toolTypeLearned, &registry,
                &ProviderRegistry::rememberToolType);
        QSignalSpy finished(&session, &ChatSession::turnFinished);

        m_fake->enqueue(refusal(oldName));
        m_fake->enqueue(goodStream());
        QVERIFY(session.send(QStringLiteral("a lighthouse"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_fake->requestCount(), 2);
        QCOMPARE(session.model()->turnAt(0).status, Turn::Status::Done);

        m_fake->enqueue(goodStream(QStringLiteral("And another.")));
        QVERIFY(session.send(QStringLiteral("now at dawn"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_fake->requestCount(), 3); // straight to the name that worked
        QCOMPARE(toolTypeOf(m_fake->requests().at(2)), newName);
        QCOMPARE(session.model()->rowCount(), 2);
        QCOMPARE(session.model()->turnAt(1).status, Turn::Status::Done);

        // Later runs too: the registry kept it in the settings.
        QCOMPARE(registry.stored(QStringLiteral("aistats")).toolType, newName);
        Settings reread(ini);
        QCOMPARE(ProviderRegistry(&reread, &secrets).profile(QStringLiteral("aistats")).toolType,
                 newName);
    }

private:
    ProviderProfile profile(const QString &toolType) const
    {
        ProviderProfile p = ProviderProfile::builtIn(QStringLiteral("aistats"));
        p.baseUrl = m_fake->url(QStringLiteral("/v1"));
        p.apiKey = QStringLiteral("sk-aistats-test");
        p.toolType = toolType;
        return p;
    }

    ChatSession::Options options() const
    {
        ChatSession::Options o;
        o.imageRoot = m_dir->path() + QStringLiteral("/images");
        o.previewRoot = m_dir->path() + QStringLiteral("/previews");
        o.timeouts.idleMs = 5000;
        return o;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_fake;
};

QTEST_GUILESS_MAIN(TestToolNameFallback)
#include "tst_toolnamefallback.moc"
