#include "fakes/fakegateway.h"
#include "net/gatewayjob.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// GatewayJob over real loopback HTTP against the scriptable fake gateway.
class TestGatewayJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendsThePostAsGiven();
    void streamsChunksAsTheyArrive();
    void cancelMidStreamKeepsWhatArrived();
    void cancelBeforeStartFinishesOnce();
    void cancelFromADataReceiver();
    void idleTimeoutOnStall();
    void idleTimeoutWhileWaitingForHeaders();
    void connectTimeout();
    void connectionRefused();
    void hostNotFound();
    void tlsFailureIsReportedNotIgnored();
    void untrustedCertificateFails();
    void droppedMidStream_data();
    void droppedMidStream();
    void httpErrors_data();
    void httpErrors();
    void unauthorizedWithChallenge();
    void errorBodyIsCapped();
    void redirectsAreNotFollowed();
    void keyNeverGoesOverPlainHttpToAnotherHost();
    void fakeCountsRequestsInFlight();
    void fakeServesRoutes();

private:
    GatewayJob *makeJob(GatewayJob::Timeouts timeouts = {});
    QNetworkRequest request(const QString &path = QStringLiteral("/v1/responses")) const;
    QByteArray joined(const QSignalSpy &spy) const;

    QNetworkAccessManager *m_manager = nullptr;
    FakeGateway *m_gateway = nullptr;
};

void TestGatewayJob::init()
{
    m_manager = new QNetworkAccessManager(this);
    m_gateway = new FakeGateway(this);
    QVERIFY(m_gateway->listen());
}

void TestGatewayJob::cleanup()
{
    delete m_gateway;
    delete m_manager;
}

GatewayJob *TestGatewayJob::makeJob(GatewayJob::Timeouts timeouts)
{
    auto *job = new GatewayJob(m_manager, QStringLiteral("OpenAI"), m_manager);
    job->setTimeouts(timeouts);
    return job;
}

QNetworkRequest TestGatewayJob::request(const QString &path) const
{
    QNetworkRequest request(m_gateway->url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer sk-test");
    return request;
}

QByteArray TestGatewayJob::joined(const QSignalSpy &spy) const
{
    QByteArray all;
    for (const QList<QVariant> &arguments : spy)
        all += arguments.at(0).toByteArray();
    return all;
}

void TestGatewayJob::keyNeverGoesOverPlainHttpToAnotherHost()
{
    // Found by QA: "Authorization: Bearer …" went over plain http to a host on the network.
    // 192.0.2.1 is TEST-NET-1: nothing answers there, so only a refusal finishes the job at once
    // (connecting would wait out the minute's connect timeout, or fail with another message).
    GatewayJob *job = makeJob({ 60000, 60000 });
    QSignalSpy finished(job, &GatewayJob::finished);
    QNetworkRequest remote(QUrl(QStringLiteral("http://192.0.2.1:9/v1/responses")));
    remote.setRawHeader("Authorization", "Bearer sk-test");
    job->start(remote, "{}");
    QCOMPARE(finished.count(), 0); // said from the event loop, like every other end
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 2000);
    QCOMPARE(job->status(), GatewayJob::Status::TransportError);
    QVERIFY2(job->errorMessage().contains(QLatin1String("plain http on 192.0.2.1")),
             qPrintable(job->errorMessage()));
    QVERIFY(!job->errorMessage().contains(QLatin1String("sk-test")));

    // On this computer plain http is fine, key or not (the fake listens on 127.0.0.1).
    m_gateway->enqueue(FakeResponse::json(200, R"({"ok":true})"));
    const QNetworkRequest local = request();
    QCOMPARE(local.url().scheme(), QStringLiteral("http"));
    GatewayJob *localJob = makeJob();
    QSignalSpy localFinished(localJob, &GatewayJob::finished);
    localJob->start(local, "{}");
    QTRY_COMPARE(localFinished.count(), 1);
    QCOMPARE(localJob->status(), GatewayJob::Status::Succeeded);
    QCOMPARE(m_gateway->requests().constLast().header("authorization"),
             QByteArray("Bearer sk-test"));
}

void TestGatewayJob::sendsThePostAsGiven()
{
    m_gateway->enqueue(FakeResponse::json(200, R"({"ok":true})"));
    GatewayJob *job = makeJob();
    QSignalSpy data(job, &GatewayJob::dataReceived);
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), R"({"model":"gpt-5"})");
    QCOMPARE(job->status(), GatewayJob::Status::Running);
    QTRY_COMPARE(finished.count(), 1);

    QCOMPARE(job->status(), GatewayJob::Status::Succeeded);
    QCOMPARE(job->httpStatus(), 200);
    QVERIFY(job->errorMessage().isEmpty());
    QCOMPARE(joined(data), QByteArray(R"({"ok":true})"));
    QCOMPARE(m_gateway->requestCount(), 1);
    const HttpRequest received = m_gateway->requests().first();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.path, QByteArray("/v1/responses"));
    QCOMPARE(received.header("authorization"), QByteArray("Bearer sk-test"));
    QCOMPARE(received.body, QByteArray(R"({"model":"gpt-5"})"));
}

void TestGatewayJob::streamsChunksAsTheyArrive()
{
    FakeResponse response = FakeResponse::sse({ "event: a\ndata: 1\n\n" });
    response.addChunk("event: b\ndata: 2\n\n", 0, true); // withheld until release()
    response.addChunk("event: c\ndata: 3\n\n", 50);
    m_gateway->enqueue(response);

    GatewayJob *job = makeJob();
    QSignalSpy data(job, &GatewayJob::dataReceived);
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");

    // The first chunk is delivered while the server still withholds the rest of the body.
    QTRY_COMPARE(data.count(), 1);
    QCOMPARE(data.first().at(0).toByteArray(), QByteArray("event: a\ndata: 1\n\n"));
    QCOMPARE(m_gateway->heldConnections(), 1);
    QTest::qWait(100);
    QCOMPARE(data.count(), 1);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(job->status(), GatewayJob::Status::Running);

    m_gateway->release();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(data.count() >= 3); // the delayed third chunk came on its own
    QCOMPARE(joined(data),
             QByteArray("event: a\ndata: 1\n\nevent: b\ndata: 2\n\nevent: c\ndata: 3\n\n"));
    QCOMPARE(job->status(), GatewayJob::Status::Succeeded);
    QCOMPARE(job->contentType(), QStringLiteral("text/event-stream"));
}

void TestGatewayJob::cancelMidStreamKeepsWhatArrived()
{
    FakeResponse response = FakeResponse::sse({ "data: first\n\n" });
    response.addChunk("data: second\n\n", 0, true);
    m_gateway->enqueue(response);

    GatewayJob *job = makeJob();
    QSignalSpy data(job, &GatewayJob::dataReceived);
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE(data.count(), 1);

    job->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->status(), GatewayJob::Status::Cancelled);
    QVERIFY(!job->errorMessage().isEmpty());

    m_gateway->release(); // whatever the server still sends is not delivered
    job->cancel();
    QTest::qWait(150);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(joined(data), QByteArray("data: first\n\n"));
    QTRY_COMPARE(m_gateway->inFlight(), 0); // the connection was really closed
    QCOMPARE(m_gateway->requestCount(), 1);
}

void TestGatewayJob::cancelBeforeStartFinishesOnce()
{
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->cancel();
    job->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->status(), GatewayJob::Status::Cancelled);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("runs once")));
    job->start(request(), "{}");
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_gateway->requestCount(), 0);
}

void TestGatewayJob::cancelFromADataReceiver()
{
    // A decoder that finds a fatal error cancels while the job is still delivering.
    m_gateway->enqueue(FakeResponse::sse({ "data: 1\n\n", "data: 2\n\n", "data: 3\n\n" }, 30));
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    int received = 0;
    connect(job, &GatewayJob::dataReceived, job, [&] {
        ++received;
        job->cancel();
    });
    job->start(request(), "{}");
    QTRY_COMPARE(finished.count(), 1);
    QTest::qWait(150);
    QCOMPARE(received, 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->status(), GatewayJob::Status::Cancelled);
}

void TestGatewayJob::idleTimeoutOnStall()
{
    FakeResponse response = FakeResponse::sse({ "data: hello\n\n", "data: never\n\n" });
    response.stallAfter(13);
    m_gateway->enqueue(response);

    GatewayJob *job = makeJob({ 30000, 300 });
    QSignalSpy data(job, &GatewayJob::dataReceived);
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);

    QCOMPARE(job->status(), GatewayJob::Status::TimedOut);
    QVERIFY2(job->errorMessage().contains(QStringLiteral("0.3 s")),
             qPrintable(job->errorMessage()));
    QVERIFY(job->errorMessage().contains(QStringLiteral("Nothing arrived from OpenAI")));
    QCOMPARE(joined(data), QByteArray("data: hello\n\n"));
    QTRY_COMPARE(m_gateway->openConnections(), 0);
}

void TestGatewayJob::idleTimeoutWhileWaitingForHeaders()
{
    m_gateway->enqueue(FakeResponse::silent());
    GatewayJob *job = makeJob({ 30000, 300 });
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(job->status(), GatewayJob::Status::TimedOut);
    QCOMPARE(job->httpStatus(), 0);
    QVERIFY2(job->errorMessage().contains(QStringLiteral("sent nothing back for 0.3 s")),
             qPrintable(job->errorMessage()));
}

void TestGatewayJob::connectTimeout()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend");
    // TCP connects, but the TLS handshake never gets an answer: the request is never sent, so
    // the connect phase runs out.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QNetworkRequest target(
        QUrl(QStringLiteral("https://127.0.0.1:%1/v1/responses").arg(silent.serverPort())));
    target.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    GatewayJob *job = makeJob({ 300, 300000 });
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(target, "{}");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(job->status(), GatewayJob::Status::TimedOut);
    QCOMPARE(job->errorMessage(),
             QStringLiteral("Could not reach 127.0.0.1:%1 within 0.3 s: the connection was not "
                            "established. Check the base URL and the network.")
                 .arg(silent.serverPort()));
}

void TestGatewayJob::connectionRefused()
{
    QTcpServer probe; // find a free port, then free it again so nothing listens there
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    QNetworkRequest target(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/responses").arg(port)));
    target.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(target, "{}");
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(job->status(), GatewayJob::Status::TransportError);
    QCOMPARE(job->errorMessage(),
             QStringLiteral("Could not connect to 127.0.0.1:%1: connection refused. Is the base "
                            "URL right?")
                 .arg(port));
}

void TestGatewayJob::hostNotFound()
{
    // .invalid never resolves (RFC 2606), online or offline.
    QNetworkRequest target(QUrl(QStringLiteral("http://easel-test.invalid/v1/responses")));
    target.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(target, "{}");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(job->status(), GatewayJob::Status::TransportError);
    QVERIFY2(job->errorMessage().contains(QStringLiteral("easel-test.invalid"))
                 && job->errorMessage().contains(QStringLiteral("DNS")),
             qPrintable(job->errorMessage()));
}

void TestGatewayJob::tlsFailureIsReportedNotIgnored()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend");
    // An https:// URL pointed at a plain-HTTP server: the handshake cannot succeed.
    QUrl url = m_gateway->url(QStringLiteral("/v1/responses"));
    url.setScheme(QStringLiteral("https"));
    QNetworkRequest target(url);
    target.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    GatewayJob *job = makeJob();
    QSignalSpy data(job, &GatewayJob::dataReceived);
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(target, "{}");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(job->status(), GatewayJob::Status::TransportError);
    QVERIFY2(job->errorMessage().contains(QStringLiteral("secure (TLS) connection to 127.0.0.1")),
             qPrintable(job->errorMessage()));
    QCOMPARE(data.count(), 0);
}

void TestGatewayJob::untrustedCertificateFails()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("This Qt has no TLS backend");
    // A throwaway self-signed certificate, made now rather than kept in the repository.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("The openssl command is needed to make a self-signed test certificate");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess process;
    process.start(openssl,
                  { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                    QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem")),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=easel-test.localhost") });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    QSslServer server;
    server.setSslConfiguration(configuration);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    QNetworkRequest target(
        QUrl(QStringLiteral("https://127.0.0.1:%1/v1/responses").arg(server.serverPort())));
    target.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(target, "{}");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(job->status(), GatewayJob::Status::TransportError);
    QVERIFY2(
        job->errorMessage().contains(QStringLiteral("self-signed"))
            && job->errorMessage().contains(QStringLiteral("does not skip certificate checks")),
        qPrintable(job->errorMessage()));
}

void TestGatewayJob::droppedMidStream_data()
{
    QTest::addColumn<bool>("reset");
    QTest::addColumn<bool>("chunked");
    QTest::newRow("close, content-length") << false << false;
    QTest::newRow("close, chunked") << false << true;
    QTest::newRow("reset, content-length") << true << false;
    QTest::newRow("reset, chunked") << true << true;
}

void TestGatewayJob::droppedMidStream()
{
    QFETCH(bool, reset);
    QFETCH(bool, chunked);
    // Ten bytes go out; the rest is held until the client has them, then the connection drops
    // (a reset destroys bytes still unread, so the drop must follow the client's read).
    FakeResponse response
        = chunked ? FakeResponse::sse({ "data: 1234" }) : FakeResponse::json(200, R"({"output":)");
    response.addChunk("[1,2,3,4,5,6]}\n\n", 0, true);
    if (reset)
        response.resetAfter(10);
    else
        response.closeAfter(10);
    m_gateway->enqueue(response);

    GatewayJob *job = makeJob();
    QSignalSpy data(job, &GatewayJob::dataReceived);
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE(data.count(), 1);
    QCOMPARE(m_gateway->heldConnections(), 1);
    m_gateway->release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);

    // Qt 6.4 sometimes reports a FIN or a reset between two chunks of a chunked body as a
    // complete response: when its channel reads the reply after the socket is already
    // unconnected and empty, a reply still reading data is declared done
    // (QHttpNetworkConnectionChannel::_q_receiveReply), whatever its framing. How often depends
    // on timing: 8 runs in 20 of the FIN row here, once in CI for the reset row, never in 40
    // local runs of it. The job cannot tell, as Qt hides the chunk framing. What arrived is
    // still exactly what was sent, and a turn reading such a stream says it stopped before it
    // was complete (tst_windowfaults, "reset mid-stream"). A body with a Content-Length is
    // always caught: the job counts its bytes.
    const bool qtCalledItComplete = chunked && job->status() == GatewayJob::Status::Succeeded;
    if (!qtCalledItComplete) {
        QCOMPARE(job->status(), GatewayJob::Status::TransportError);
        QCOMPARE(job->errorMessage(),
                 QStringLiteral(
                     "The connection to OpenAI was closed before the response finished."));
    }
    QCOMPARE(job->httpStatus(), 200);
    QCOMPARE(joined(data).size(), 10);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_gateway->requestCount(), 1); // no retry
}

void TestGatewayJob::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QStringList>("expected");

    const QByteArray json = "application/json";
    QTest::newRow("401 openai")
        << 401 << json
        << QByteArray(
               R"({"error":{"message":"Incorrect API key provided: sk-te***st.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})")
        << QByteArray()
        << QStringList { "OpenAI rejected the API key: check Settings.",
                         "Incorrect API key provided" };
    QTest::newRow("401 ai stats")
        << 401 << json
        << QByteArray(
               R"({"generation_id":"G-1","status_code":401,"error":"authentication_error","error_type":"user","description":"Invalid key"})")
        << QByteArray() << QStringList { "rejected the API key", "Invalid key" };
    QTest::newRow("401 empty") << 401 << json << QByteArray() << QByteArray()
                               << QStringList { "OpenAI rejected the API key: check Settings." };
    QTest::newRow("402 openrouter")
        << 402 << json
        << QByteArray(
               R"({"error":{"code":402,"message":"Insufficient credits. Add more using https://openrouter.ai/credits"}})")
        << QByteArray()
        << QStringList { "OpenAI says the account is out of credits: Insufficient credits" };
    QTest::newRow("402 ai stats older")
        << 402 << json
        << QByteArray(
               R"({"generation_id":"G-2","status_code":402,"error":"Wallet balance too low","reason":"payment_required"})")
        << QByteArray() << QStringList { "out of credits: Wallet balance too low" };
    QTest::newRow("403 moderation")
        << 403 << json
        << QByteArray(
               R"({"error":{"code":403,"message":"Input was flagged by moderation","metadata":{"reasons":["violence"]}}})")
        << QByteArray() << QStringList { "refused", "flagged by moderation", "violence" };
    QTest::newRow("404 plain text")
        << 404 << QByteArray("text/plain") << QByteArray("404 page not found\n") << QByteArray()
        << QStringList { "endpoint or the model", "base URL", "404 page not found" };
    QTest::newRow("429 retry-after")
        << 429 << json
        << QByteArray(
               R"({"error":{"message":"Rate limit reached for gpt-image-1","type":"requests"}})")
        << QByteArray("17")
        << QStringList { "OpenAI is rate limiting requests; try again in 17 s.",
                         "Rate limit reached" };
    QTest::newRow("500 empty") << 500 << json << QByteArray() << QByteArray()
                               << QStringList { "OpenAI had a server error (500)" };
    QTest::newRow("502 html")
        << 502 << QByteArray("text/html")
        << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad "
                      "Gateway</h1><p>upstream <b>timed out</b></p></body></html>")
        << QByteArray()
        << QStringList { "OpenAI had a server error (502): Bad Gateway upstream timed out" };
    QTest::newRow("503 ai stats")
        << 503 << json
        << QByteArray(
               R"({"generation_id":"G-3","status_code":503,"error":"provider_error","description":"All providers are overloaded"})")
        << QByteArray("5")
        << QStringList { "OpenAI had a server error (503): All providers are overloaded" };
}

void TestGatewayJob::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QStringList, expected);

    FakeResponse response = FakeResponse::text(status, contentType, body);
    if (!retryAfter.isEmpty())
        response.withHeader("Retry-After", retryAfter);
    m_gateway->enqueue(response);

    GatewayJob *job = makeJob();
    QSignalSpy data(job, &GatewayJob::dataReceived);
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE(finished.count(), 1);

    QCOMPARE(job->status(), GatewayJob::Status::HttpError);
    QCOMPARE(job->httpStatus(), status);
    QCOMPARE(job->errorBody(), body);
    QCOMPARE(data.count(), 0); // an error body is not stream data
    for (const QString &part : expected)
        QVERIFY2(job->errorMessage().contains(part), qPrintable(job->errorMessage()));
    if (!retryAfter.isEmpty())
        QCOMPARE(job->retryAfterSeconds().value_or(-1), retryAfter.toInt());
    else
        QVERIFY(!job->retryAfterSeconds().has_value());

    QTest::qWait(200); // a retry, if there were one, would have reached the server by now
    QCOMPARE(m_gateway->requestCount(), 1);
    QCOMPARE(finished.count(), 1);
}

void TestGatewayJob::unauthorizedWithChallenge()
{
    // A 401 with a WWW-Authenticate challenge makes Qt ask for credentials; with none given the
    // body must still be read and turned into the message.
    FakeResponse response = FakeResponse::json(401, R"({"error":{"message":"Invalid token"}})");
    response.withHeader("WWW-Authenticate", "Bearer realm=\"api\"");
    m_gateway->enqueue(response);
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(job->status(), GatewayJob::Status::HttpError);
    QCOMPARE(job->httpStatus(), 401);
    QVERIFY2(job->errorMessage().contains(QStringLiteral("Invalid token")),
             qPrintable(job->errorMessage()));
    QCOMPARE(m_gateway->requestCount(), 1);
}

void TestGatewayJob::errorBodyIsCapped()
{
    const QByteArray huge(3 * 1024 * 1024, 'x');
    m_gateway->enqueue(FakeResponse::text(500, "text/plain", huge));
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(job->status(), GatewayJob::Status::HttpError);
    QCOMPARE(job->errorBody().size(), GatewayJob::maxErrorBodyBytes);
    QVERIFY(job->errorMessage().size() < 500);
}

void TestGatewayJob::redirectsAreNotFollowed()
{
    FakeResponse redirect = FakeResponse::text(302, "text/plain", "moved");
    redirect.withHeader("Location", m_gateway->url(QStringLiteral("/elsewhere")).toEncoded());
    m_gateway->enqueue(redirect);
    m_gateway->setRoute("/elsewhere", FakeResponse::json(200, "{}"));

    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(job->status(), GatewayJob::Status::HttpError);
    QCOMPARE(job->httpStatus(), 302);
    QVERIFY2(job->errorMessage().contains(QStringLiteral("redirected")),
             qPrintable(job->errorMessage()));
    // It says where to, so that the base URL can be corrected.
    QVERIFY2(job->errorMessage().endsWith(
                 QStringLiteral("It pointed to %1.")
                     .arg(m_gateway->url(QStringLiteral("/elsewhere")).toString())),
             qPrintable(job->errorMessage()));
    QTest::qWait(100);
    QCOMPARE(m_gateway->requestCount(), 1); // the Authorization header went nowhere else
}

void TestGatewayJob::fakeCountsRequestsInFlight()
{
    for (int i = 0; i < 3; ++i) {
        FakeResponse response = FakeResponse::sse({ "data: start\n\n" });
        response.addChunk("data: end\n\n", 0, true);
        m_gateway->enqueue(response);
    }
    QList<GatewayJob *> jobs;
    for (int i = 0; i < 3; ++i) {
        jobs << makeJob();
        jobs.last()->start(request(), QByteArray::number(i));
    }
    QTRY_COMPARE(m_gateway->heldConnections(), 3);
    QCOMPARE(m_gateway->inFlight(), 3);
    QCOMPARE(m_gateway->maxInFlight(), 3);

    m_gateway->release();
    for (GatewayJob *job : jobs)
        QTRY_VERIFY(job->isFinished());
    QTRY_COMPARE(m_gateway->inFlight(), 0);
    QCOMPARE(m_gateway->maxInFlight(), 3);
    QCOMPARE(m_gateway->requestCount(), 3);
    for (GatewayJob *job : jobs)
        QCOMPARE(job->status(), GatewayJob::Status::Succeeded);
}

void TestGatewayJob::fakeServesRoutes()
{
    const QByteArray png("\x89PNG\r\n\x1a\nfake", 12);
    m_gateway->setRoute("/images/cat.png", FakeResponse::text(200, "image/png", png));
    for (int i = 0; i < 2; ++i) { // a route answers every time
        QNetworkReply *reply
            = m_manager->get(QNetworkRequest(m_gateway->url(QStringLiteral("/images/cat.png"))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->readAll(), png);
        reply->deleteLater();
    }
    QCOMPARE(m_gateway->requests().last().method, QByteArray("GET"));
    QCOMPARE(m_gateway->requests().last().path, QByteArray("/images/cat.png"));

    // Nothing scripted: the fallback says so instead of hanging.
    GatewayJob *job = makeJob();
    QSignalSpy finished(job, &GatewayJob::finished);
    job->start(request(), "{}");
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(job->httpStatus(), 500);
    QVERIFY(job->errorMessage().contains(QStringLiteral("no scripted response")));
}

QTEST_GUILESS_MAIN(TestGatewayJob)
#include "tst_gatewayjob.moc"
