// ChatSession saving its turns to the history as they progress, over real loopback HTTP against
// the scriptable fake gateway, and showing a stored conversation again.
#include "chat/chatsession.h"
#include "chat/sessionhistory.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "store/historystore.h"
#include "store/settings.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using TestPayloads::sse;

QByteArray pngBytes()
{
    return TestPayloads::pngBytes(QSize(40, 30), Qt::darkMagenta);
}

template<typename T> T result(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

QByteArray created()
{
    return sse("response.created",
               { { "response", QJsonObject { { "id", "resp_1" }, { "status", "in_progress" } } } });
}

QByteArray textDelta(const QString &text)
{
    return sse("response.output_text.delta",
               { { "item_id", "msg_1" }, { "output_index", 1 }, { "delta", text } });
}

QByteArray finalImage(const QByteArray &bytes)
{
    return sse("response.output_item.done",
               { { "output_index", 0 },
                 { "item",
                   QJsonObject { { "id", "ig_1" },
                                 { "type", "image_generation_call" },
                                 { "status", "completed" },
                                 { "result", QString::fromLatin1(bytes.toBase64()) },
                                 { "size", "1024x1024" } } } });
}

QByteArray completed()
{
    return sse(
        "response.completed",
        { { "response",
            QJsonObject {
                { "id", "resp_1" },
                { "status", "completed" },
                { "usage", QJsonObject { { "input_tokens", 10 }, { "output_tokens", 20 } } } } } });
}

} // namespace

class TestChatHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_fake.reset(new FakeGateway);
        QVERIFY(m_fake->listen());
        m_store.reset(new HistoryStore(m_dir->filePath(QStringLiteral("history.sqlite"))));
        QVERIFY(result(m_store->open()).ok);
        ProviderProfile profile;
        profile.id = QStringLiteral("openai");
        profile.displayName = QStringLiteral("OpenAI");
        profile.baseUrl = m_fake->url(QStringLiteral("/v1"));
        profile.apiKey = QStringLiteral("test-secret-key");
        profile.chatModel = QStringLiteral("gpt-5-mini");
        ChatSession::Options options;
        options.imageRoot = m_dir->path() + QStringLiteral("/images");
        options.previewRoot = m_dir->path() + QStringLiteral("/previews");
        m_session.reset(new ChatSession(profile, options));
        m_session->setHistory(m_store.get());
    }

    void cleanup()
    {
        m_session.reset();
        m_store.reset();
        m_fake.reset();
    }

    void savesTheTurnAsItStreams()
    {
        const QByteArray png = pngBytes();
        FakeResponse response
            = FakeResponse::sse({ created(), textDelta(QStringLiteral("Sketching ")),
                                  finalImage(png), textDelta(QStringLiteral("the fox")) },
                                20);
        response.stallAfter(response.bodySize()); // then silence, the stream still open
        m_fake->enqueue(response);
        QSignalSpy conversation(m_session.get(), &ChatSession::conversationChanged);
        const QString prompt = QStringLiteral("  a red fox in deep snow, watercolour  ");
        QVERIFY(m_session->send(prompt, {}, ImageParams()));

        // The prompt is there before any byte comes back.
        QCOMPARE(conversation.count(), 1);
        const QString id = m_session->conversationId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(conversation.at(0).at(0).toString(), id);
        QList<Turn> turns = result(m_store->turns(id));
        QCOMPARE(turns.size(), 1);
        QCOMPARE(turns.at(0).prompt, prompt.trimmed());
        QVERIFY(turns.at(0).isRunning());
        const QList<ConversationSummary> list = result(m_store->conversations());
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).title, QStringLiteral("a red fox in deep snow, watercolour"));
        QCOMPARE(list.at(0).providerId, QStringLiteral("openai"));

        // While the stream stalls, the text so far and the image are saved.
        QTRY_VERIFY_WITH_TIMEOUT(
            result(m_store->turns(id)).at(0).text == QStringLiteral("Sketching the fox"), 5000);
        turns = result(m_store->turns(id));
        QCOMPARE(turns.at(0).status, Turn::Status::Streaming);
        QCOMPARE(turns.at(0).finalImageCount(), 1);
        const ImageAsset image = turns.at(0).images.at(0);
        QFile file(image.filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), png);
        QCOMPARE(
            image.hash,
            QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()));

        // Stopping it saves the end at once.
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        m_session->stop();
        QVERIFY(finished.wait(5000));
        QCOMPARE(result(m_store->turns(id)).at(0).status, Turn::Status::Cancelled);
        QCOMPARE(result(m_store->turns(id)).at(0).toJson(), m_session->model()->turnAt(0).toJson());
    }

    // A session cleared while its turn runs (a deleted conversation): the turn ends as stopped in
    // the conversation it was sent in, and no other conversation is made for its last saves.
    void clearedWhileRunningKeepsTheTurnWhereItWas()
    {
        FakeResponse response = FakeResponse::sse(
            { created(), textDelta(QStringLiteral("Sketching ")), finalImage(pngBytes()) }, 10);
        response.stallAfter(response.bodySize());
        m_fake->enqueue(response);
        QVERIFY(m_session->send(QStringLiteral("a silver fish"), {}, ImageParams()));
        const QString id = m_session->conversationId();
        QTRY_VERIFY_WITH_TIMEOUT(result(m_store->turns(id)).at(0).finalImageCount() == 1, 5000);

        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        m_session->clear();
        QVERIFY(m_session->conversationId().isEmpty());
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QTest::qWait(300); // past the save throttle: nothing more is to come
        const QList<ConversationSummary> list = result(m_store->conversations());
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).id, id);
        const QList<Turn> turns = result(m_store->turns(id));
        QCOMPARE(turns.size(), 1);
        QCOMPARE(turns.at(0).status, Turn::Status::Cancelled);
        QCOMPARE(turns.at(0).finalImageCount(), 1);
        QVERIFY(m_session->conversationId().isEmpty());
        QCOMPARE(m_session->model()->rowCount(), 0);

        // The next prompt starts the new conversation.
        m_fake->enqueue(
            FakeResponse::sse({ created(), textDelta(QStringLiteral("ok")), completed() }));
        QSignalSpy next(m_session.get(), &ChatSession::turnFinished);
        QVERIFY(m_session->send(QStringLiteral("a golden carp"), {}, ImageParams()));
        QVERIFY(next.wait(5000));
        const QString second = m_session->conversationId();
        QVERIFY(!second.isEmpty() && second != id);
        QCOMPARE(result(m_store->conversations()).size(), 2);
        QCOMPARE(result(m_store->turns(second)).size(), 1);
        QCOMPARE(result(m_store->turns(id)).size(), 1);
    }

    void textDeltasAreThrottled()
    {
        // 30 deltas 20 ms apart: about 600 ms of streaming. Mid-stream, the saved text lags the
        // shown one by at most one throttle period, and it is never saved per delta.
        QList<QByteArray> events { created() };
        for (int i = 0; i < 30; ++i)
            events.append(textDelta(QStringLiteral("w%1 ").arg(i)));
        events.append(completed());
        m_fake->enqueue(FakeResponse::sse(events, 20));
        QVERIFY(m_session->send(QStringLiteral("words"), {}, ImageParams()));
        const QString id = m_session->conversationId();
        QSet<QString> savedTexts;
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        while (finished.isEmpty()) {
            QTest::qWait(15);
            savedTexts.insert(result(m_store->turns(id)).at(0).text);
            QVERIFY(QTest::currentTestFailed() == false);
            if (savedTexts.size() > 40)
                break;
        }
        QCOMPARE(finished.count(), 1);
        // Distinct saved texts mid-stream: one per 250 ms or so, far fewer than 30 deltas.
        QVERIFY2(savedTexts.size() >= 2 && savedTexts.size() <= 8,
                 qPrintable(QString::number(savedTexts.size())));
        const Turn saved = result(m_store->turns(id)).at(0);
        QCOMPARE(saved.status, Turn::Status::Done);
        QVERIFY(saved.text.endsWith(QStringLiteral("w29 ")));
        QCOMPARE(saved.usage.outputTokens, 20);
    }

    void loadsAStoredConversationAndContinuesIt()
    {
        ConversationSummary summary;
        summary.title = QStringLiteral("Stored");
        const QString id = result(m_store->createConversation(summary)).id;
        Turn old;
        old.id = QStringLiteral("old-turn");
        old.prompt = QStringLiteral("a castle");
        old.providerId = QStringLiteral("openai");
        old.responseId = QStringLiteral("resp_old");
        old.text = QStringLiteral("A castle.");
        old.status = Turn::Status::Done;
        old.startedAt = QDateTime::currentDateTime();
        QVERIFY(result(m_store->saveTurn(id, old)));

        QSignalSpy conversation(m_session.get(), &ChatSession::conversationChanged);
        m_session->loadConversation(id, result(m_store->turns(id)));
        QCOMPARE(conversation.count(), 1);
        QCOMPARE(m_session->conversationId(), id);
        QCOMPARE(m_session->model()->rowCount(), 1);
        QCOMPARE(m_session->model()->turnAt(0).text, old.text);

        m_fake->enqueue(FakeResponse::sse(
            { created(), textDelta(QStringLiteral("Now at night.")), completed() }));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QVERIFY(m_session->send(QStringLiteral("now at night"), {}, ImageParams()));
        QVERIFY(finished.wait(5000));
        // The model got the earlier turn, and the new one joined the same conversation.
        const QJsonObject body = QJsonDocument::fromJson(m_fake->requests().last().body).object();
        QCOMPARE(body.value(QStringLiteral("previous_response_id")).toString(),
                 QStringLiteral("resp_old"));
        const QList<Turn> turns = result(m_store->turns(id));
        QCOMPARE(turns.size(), 2);
        QCOMPARE(turns.at(1).text, QStringLiteral("Now at night."));
        QCOMPARE(result(m_store->conversations()).size(), 1);

        // clear() starts a new conversation with the next turn.
        m_session->clear();
        QCOMPARE(m_session->conversationId(), QString());
        m_fake->enqueue(FakeResponse::sse({ created(), completed() }));
        QVERIFY(m_session->send(QStringLiteral("something else"), {}, ImageParams()));
        QVERIFY(finished.wait(5000));
        QCOMPARE(result(m_store->conversations()).size(), 2);
    }

    void startUpReopensTheLastConversation_data()
    {
        QTest::addColumn<bool>("deletedSince");
        QTest::newRow("still there") << false;
        QTest::newRow("deleted since") << true;
    }

    void startUpReopensTheLastConversation()
    {
        QFETCH(bool, deletedSince);
        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        ConversationSummary summary;
        summary.title = QStringLiteral("Yesterday");
        const QString id = result(m_store->createConversation(summary)).id;
        Turn old;
        old.id = QStringLiteral("t");
        old.prompt = QStringLiteral("a barn owl");
        old.text = QStringLiteral("An owl.");
        old.status = Turn::Status::Done;
        QVERIFY(result(m_store->saveTurn(id, old)));
        if (deletedSince)
            QVERIFY(result(m_store->setConversationDeleted(id, true)));
        settings.setValue(Settings::lastConversation, id);

        m_session->setHistory(nullptr);
        SessionHistory history(m_store.get(), m_session.get(), &settings);
        bool done = false;
        history.restoreLast([&done] { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(m_session->model()->rowCount(), deletedSince ? 0 : 1);
        QCOMPARE(m_session->conversationId(), deletedSince ? QString() : id);

        // The first turn of a new conversation is remembered for the next start.
        m_fake->enqueue(FakeResponse::sse({ created(), completed() }));
        m_session->clear();
        QVERIFY(m_session->send(QStringLiteral("a new one"), {}, ImageParams()));
        QVERIFY(!m_session->conversationId().isEmpty());
        QVERIFY(m_session->conversationId() != id);
        QCOMPARE(settings.value(Settings::lastConversation), m_session->conversationId());
        QVERIFY(QTest::qWaitFor([this] { return !m_session->isBusy(); }, 5000));
    }

    void startUpNotices_data()
    {
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("movedAside");
        QTest::addColumn<QString>("noticeHas");
        QTest::newRow("fine") << true << ""
                              << ""
                              << "";
        QTest::newRow("moved aside") << true << ""
                                     << "/d/history.corrupt-20260101-000000.sqlite"
                                     << "history.corrupt-20260101-000000.sqlite";
        QTest::newRow("failed") << false << "The history was written by a newer Easel."
                                << ""
                                << "newer Easel";
    }

    void startUpNotices()
    {
        QFETCH(bool, ok);
        QFETCH(QString, error);
        QFETCH(QString, movedAside);
        QFETCH(QString, noticeHas);
        const QString notice = SessionHistory::noticeFor(ok, error, movedAside);
        if (noticeHas.isEmpty())
            QVERIFY(notice.isEmpty());
        else
            QVERIFY2(notice.contains(noticeHas), qPrintable(notice));
    }

    void titleFromPrompt_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("title");
        QTest::newRow("short") << "  a fox \n in snow "
                               << "a fox in snow";
        QTest::newRow("long, cut at a word")
            << "a very long prompt about a lighthouse on a cliff at dusk with gulls and foam"
            << QStringLiteral("a very long prompt about a lighthouse on a cliff at dusk\u2026");
        QTest::newRow("one long word")
            << QString(80, QLatin1Char('x')) << QString(60, QLatin1Char('x')) + QChar(0x2026);
    }

    void titleFromPrompt()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, title);
        QCOMPARE(ChatSession::titleFromPrompt(prompt), title);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_fake;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<ChatSession> m_session;
};

QTEST_GUILESS_MAIN(TestChatHistory)
#include "tst_chathistory.moc"
