// Bad input of every kind, end to end through ChatSession over real loopback HTTP against the
// scriptable fake gateway: each ends the turn with a specific message and loses nothing that
// already arrived, earlier turns included.
#include "chat/chatsession.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(FakeResponse)

namespace {

using TestPayloads::sse;

QByteArray pngBytes(QSize size = QSize(32, 24))
{
    return TestPayloads::pngBytes(size, Qt::darkCyan);
}

QByteArray created(const QString &id = QStringLiteral("resp_1"))
{
    return sse("response.created",
               { { "response", QJsonObject { { "id", id }, { "status", "in_progress" } } } });
}

QByteArray textDelta(const QString &text)
{
    return sse("response.output_text.delta",
               { { "item_id", "msg_1" }, { "output_index", 1 }, { "delta", text } });
}

QByteArray finalImage(const QByteArray &base64, const QString &itemId = QStringLiteral("ig_1"))
{
    return sse("response.output_item.done",
               { { "output_index", 0 },
                 { "item",
                   QJsonObject { { "id", itemId },
                                 { "type", "image_generation_call" },
                                 { "status", "completed" },
                                 { "result", QString::fromLatin1(base64) },
                                 { "size", "1024x1024" } } } });
}

QByteArray completed(const QString &id = QStringLiteral("resp_1"))
{
    return sse(
        "response.completed",
        { { "response",
            QJsonObject {
                { "id", id },
                { "status", "completed" },
                { "usage", QJsonObject { { "input_tokens", 10 }, { "output_tokens", 20 } } } } } });
}

} // namespace

class TestChatFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_fake.reset(new FakeGateway);
        QVERIFY(m_fake->listen());
        ProviderProfile profile;
        profile.id = QStringLiteral("openai");
        profile.displayName = QStringLiteral("OpenAI");
        profile.baseUrl = m_fake->url(QStringLiteral("/v1"));
        profile.apiKey = QStringLiteral("test-secret-key");
        profile.chatModel = QStringLiteral("gpt-5-mini");
        ChatSession::Options options;
        options.imageRoot = m_dir->path() + QStringLiteral("/images");
        options.previewRoot = m_dir->path() + QStringLiteral("/previews");
        options.timeouts.idleMs = 800;
        m_session.reset(new ChatSession(profile, options));
    }

    void cleanup()
    {
        m_session.reset();
        m_fake.reset();
    }

    void faultEndsTurnWithSpecificMessage_data()
    {
        QTest::addColumn<FakeResponse>("response");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("textKept");
        QTest::addColumn<int>("finalImagesKept");

        const QByteArray good = pngBytes().toBase64();
        QTest::newRow("401 json") << FakeResponse::json(
            401,
            R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})")
                                  << "rejected the API key"
                                  << "" << 0;
        QTest::newRow("429 retry-after")
            << FakeResponse::json(429, R"({"error":{"message":"Slow down"}})")
                   .withHeader("Retry-After", "21")
            << "21"
            << "" << 0;
        QTest::newRow("502 html body") << FakeResponse::text(
            502, "text/html", "<html><body><h1>Bad gateway</h1></body></html>")
                                       << "Bad gateway"
                                       << "" << 0;
        // A wrong base URL: a web server's page, 200 and all (found by QA: "the connection
        // closed before the gateway said it was finished").
        QTest::newRow("200 web page") << FakeResponse::text(
            200, "text/html",
            "\n<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>")
                                      << "web page instead of the event stream"
                                      << "" << 0;
        QTest::newRow("malformed json line") << FakeResponse::sse(
            { created(), textDelta(QStringLiteral("Half an answer")), finalImage(good),
              "event: response.output_text.delta\ndata: {\"type\":\"response.out\n\n",
              completed() }) << "malformed"
                                             << "Half an answer" << 1;
        QTest::newRow("truncated stream") << FakeResponse::sse(
            { created(), textDelta(QStringLiteral("Before the cut")), finalImage(good) })
                                          << "before it was complete"
                                          << "Before the cut" << 1;
        QTest::newRow("stalled stream")
            << FakeResponse::sse({ created(), textDelta(QStringLiteral("Then silence")),
                                   finalImage(good), completed() })
                   .stallAfter(created().size() + textDelta(QStringLiteral("Then silence")).size()
                               + finalImage(good).size())
            << "nothing"
            << "Then silence" << 1;
        QTest::newRow("gateway error event") << FakeResponse::sse(
            { created(), textDelta(QStringLiteral("Started")),
              sse("error",
                  { { "error",
                      QJsonObject { { "code", "insufficient_quota" },
                                    { "message", "You exceeded your current quota" } } } }),
              sse("response.failed",
                  { { "response",
                      QJsonObject {
                          { "status", "failed" },
                          { "error",
                            QJsonObject {
                                { "code", "insufficient_quota" },
                                { "message", "You exceeded your current quota" } } } } } }) })
                                             << "exceeded your current quota"
                                             << "Started" << 0;
    }

    // A rejected key is changed where it came from: a variable of the environment is not in
    // Settings (found by QA: "check Settings" sent designers without a keychain to a disabled
    // field).
    void rejectedKeyNamesWhereItIsChanged_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("environment") << int(ProviderProfile::KeySource::Environment)
                                     << "OpenAI rejected the API key: check OPENAI_API_KEY.";
        QTest::newRow("keychain") << int(ProviderProfile::KeySource::Keychain)
                                  << "OpenAI rejected the API key: check Settings > Providers.";
    }

    void rejectedKeyNamesWhereItIsChanged()
    {
        QFETCH(int, source);
        QFETCH(QString, expected);
        ProviderProfile profile = m_session->provider();
        profile.keyVariable = QStringLiteral("OPENAI_API_KEY");
        profile.keySource = ProviderProfile::KeySource(source);
        m_session->setProvider(profile);
        m_fake->enqueue(FakeResponse::json(401, R"({"error":{"message":"Incorrect API key"}})"));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QVERIFY(m_session->send(QStringLiteral("a fox"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        const QString message = m_session->model()->turnAt(0).errorMessage;
        QVERIFY2(message.startsWith(expected), qPrintable(message));
    }

    void faultEndsTurnWithSpecificMessage()
    {
        QFETCH(FakeResponse, response);
        QFETCH(QString, messagePart);
        QFETCH(QString, textKept);
        QFETCH(int, finalImagesKept);

        // An earlier, good turn that must survive whatever happens next.
        m_fake->enqueue(FakeResponse::sse(
            { created(QStringLiteral("resp_0")), textDelta(QStringLiteral("First")),
              finalImage(pngBytes().toBase64(), QStringLiteral("ig_0")),
              completed(QStringLiteral("resp_0")) }));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QVERIFY(m_session->send(QStringLiteral("first"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_session->model()->turnAt(0).status, Turn::Status::Done);

        m_fake->enqueue(response);
        QVERIFY(m_session->send(QStringLiteral("second"), {}, ImageParams()));
        QVERIFY(finished.wait(15000));

        const Turn failed = m_session->model()->turnAt(1);
        QCOMPARE(failed.status, Turn::Status::Failed);
        QVERIFY2(failed.errorMessage.contains(messagePart, Qt::CaseInsensitive),
                 qPrintable(failed.errorMessage));
        QCOMPARE(failed.text, textKept);
        QCOMPARE(failed.finalImageCount(), finalImagesKept);
        for (const ImageAsset &image : failed.images) {
            if (image.state == ImageAsset::State::Final)
                QVERIFY(QFile::exists(image.filePath));
        }

        const Turn first = m_session->model()->turnAt(0);
        QCOMPARE(first.status, Turn::Status::Done);
        QCOMPARE(first.text, QStringLiteral("First"));
        QCOMPARE(first.finalImageCount(), 1);
        QVERIFY(QFile::exists(first.images.constFirst().filePath));

        QCOMPARE(m_fake->requestCount(), 2); // no automatic retry, whatever failed
    }

    void wholeJsonAnswerToAStreamIsKept()
    {
        // Many OpenAI-compatible proxies ignore "stream": true and send the finished response
        // as one JSON object (found by QA: the image, made and billed, was thrown away).
        const QByteArray image = pngBytes(QSize(40, 30));
        const QJsonObject response {
            { "id", "resp_w" },
            { "object", "response" },
            { "status", "completed" },
            { "model", "gpt-5" },
            { "output",
              QJsonArray {
                  QJsonObject { { "type", "image_generation_call" },
                                { "id", "ig_w" },
                                { "status", "completed" },
                                { "result", QString::fromLatin1(image.toBase64()) } },
                  QJsonObject { { "type", "message" },
                                { "id", "msg_w" },
                                { "role", "assistant" },
                                { "content",
                                  QJsonArray { QJsonObject { { "type", "output_text" },
                                                             { "text", "Here it is" } } } } } } },
            { "usage", QJsonObject { { "input_tokens", 10 }, { "output_tokens", 20 } } }
        };
        m_fake->enqueue(FakeResponse::json(
            200, "  \r\n" + QJsonDocument(response).toJson(QJsonDocument::Indented)));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QVERIFY(m_session->send(QStringLiteral("a tidepool"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        const QJsonObject sent
            = QJsonDocument::fromJson(m_fake->requests().constFirst().body).object();
        QVERIFY(sent.value(QLatin1String("stream")).toBool()); // asked for a stream all the same

        const Turn turn = m_session->model()->turnAt(0);
        QVERIFY2(turn.status == Turn::Status::Done, qPrintable(turn.errorMessage));
        QCOMPARE(turn.responseId, QStringLiteral("resp_w"));
        QCOMPARE(turn.text, QStringLiteral("Here it is"));
        QCOMPARE(turn.finalImageCount(), 1);
        QFile stored(turn.images.constFirst().filePath);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), image);
        QCOMPARE(turn.usage.inputTokens, 10);
    }

    void stoppedAfterTheGatewayTookItMayBeBilled()
    {
        // Found by QA: a gateway that sends only keep-alive comments while it works (OpenRouter's
        // ": OPENROUTER PROCESSING"), stopped, was reported as free. It had taken the request.
        const QByteArray keepAlive = ": OPENROUTER PROCESSING\n\n";
        m_fake->enqueue(FakeResponse::sse({ keepAlive, keepAlive, completed() })
                            .stallAfter(2 * keepAlive.size()));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QVERIFY(m_session->send(QStringLiteral("a tidepool"), {}, ImageParams()));
        QTRY_COMPARE(m_fake->requestCount(), 1);
        QTest::qWait(250); // the 200 and the comments arrive (the idle timeout here is 800 ms)
        m_session->stop();
        QVERIFY(finished.wait(10000));
        const Turn stopped = m_session->model()->turnAt(0);
        QCOMPARE(stopped.status, Turn::Status::Cancelled);
        QVERIFY(stopped.text.isEmpty() && stopped.images.isEmpty() && stopped.responseId.isEmpty());
        QVERIFY(stopped.accepted);
        QVERIFY(stopped.mayBeBilled());
        QCOMPARE(m_session->model()->unpricedTurns(), 1);
        QVERIFY(Turn::fromJson(stopped.toJson()).accepted); // and so it is stored

        // Refused outright (a 429), it was never taken: nothing to bill.
        m_fake->enqueue(FakeResponse::json(429, R"({"error":{"message":"Slow down"}})"));
        QVERIFY(m_session->send(QStringLiteral("again"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        const Turn refused = m_session->model()->turnAt(1);
        QCOMPARE(refused.status, Turn::Status::Failed);
        QVERIFY(!refused.accepted);
        QVERIFY(!refused.mayBeBilled());
        QVERIFY(!Turn::fromJson(refused.toJson()).accepted);

        // A web page served with 200 is a wrong base URL, not a gateway that took the request.
        m_fake->enqueue(
            FakeResponse::html(200, "<!DOCTYPE html><html><body><h1>It works!</h1></body></html>"));
        QVERIFY(m_session->send(QStringLiteral("once more"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        const Turn webPage = m_session->model()->turnAt(2);
        QCOMPARE(webPage.status, Turn::Status::Failed);
        QVERIFY2(webPage.errorMessage.contains(QLatin1String("web page")),
                 qPrintable(webPage.errorMessage));
        QVERIFY(!webPage.mayBeBilled());
        QCOMPARE(m_session->model()->unpricedTurns(), 1); // the stopped one alone
    }

    void badImagesFailOnTheImage_data()
    {
        QTest::addColumn<QByteArray>("base64");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("invalid base64") << QByteArray("iVBORw0KGgo...shortened...AAAA") << "base64";
        QTest::newRow("not an image") << QByteArray("PGh0bWw+aGVsbG88L2h0bWw+") << "not a PNG";
        QTest::newRow("over 16384 px") << pngBytes(QSize(20000, 2)).toBase64() << "too large";
    }

    void badImagesFailOnTheImage()
    {
        QFETCH(QByteArray, base64);
        QFETCH(QString, messagePart);
        m_fake->enqueue(FakeResponse::sse(
            { created(), textDelta(QStringLiteral("Here")), finalImage(base64), completed() }));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QVERIFY(m_session->send(QStringLiteral("x"), {}, ImageParams()));
        QVERIFY(finished.wait(10000));
        const Turn turn = m_session->model()->turnAt(0);
        QCOMPARE(turn.text, QStringLiteral("Here"));
        QCOMPARE(turn.finalImageCount(), 0);
        const QString shown = turn.errorMessage + QLatin1Char(' ')
            + (turn.images.isEmpty() ? QString() : turn.images.constFirst().error);
        bool matched = false;
        for (const QString &part : messagePart.split(QLatin1Char('|')))
            matched = matched || shown.contains(part, Qt::CaseInsensitive);
        QVERIFY2(matched, qPrintable(shown));
    }

    void requestCarriesKeyModelAndPreviousResponse()
    {
        m_fake->enqueue(FakeResponse::sse(
            { created(QStringLiteral("resp_a")), completed(QStringLiteral("resp_a")) }));
        m_fake->enqueue(FakeResponse::sse(
            { created(QStringLiteral("resp_b")), completed(QStringLiteral("resp_b")) }));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        ImageParams params;
        params.quality = QStringLiteral("high");
        QVERIFY(m_session->send(QStringLiteral("a"), {}, params));
        QVERIFY(finished.wait(10000));
        QVERIFY(m_session->send(QStringLiteral("b"), {}, params));
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_fake->requestCount(), 2);
        const HttpRequest first = m_fake->requests().at(0);
        const HttpRequest second = m_fake->requests().at(1);
        QCOMPARE(first.path, QByteArray("/v1/responses"));
        QCOMPARE(first.header("Authorization"), QByteArray("Bearer test-secret-key"));
        const QJsonObject firstBody = QJsonDocument::fromJson(first.body).object();
        const QJsonObject secondBody = QJsonDocument::fromJson(second.body).object();
        QCOMPARE(firstBody.value(QStringLiteral("model")).toString(), QStringLiteral("gpt-5-mini"));
        QVERIFY(!firstBody.contains(QStringLiteral("previous_response_id")));
        QCOMPARE(secondBody.value(QStringLiteral("previous_response_id")).toString(),
                 QStringLiteral("resp_a"));
        QCOMPARE(firstBody.value(QStringLiteral("stream")).toBool(), true);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_fake;
    std::unique_ptr<ChatSession> m_session;
};

QTEST_GUILESS_MAIN(TestChatFaults)
#include "tst_chatfaults.moc"
