// The offline demo's direct image endpoint refuses what OpenAI's Images API refuses, over real
// loopback HTTP: 400 with OpenAI's error shape for each invalid request (wire-formats A.6, B.4),
// 404 for other paths, 405 for other methods; and the app's ImagesDecoder reads those errors.
#include "demoimagesclient.h"
#include "gateway/imagesdecoder.h"

#include <QJsonArray>

using namespace DemoImagesClient;

class TestDemoImagesErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void invalidRequestIs400_data();
    void invalidRequestIs400();
    void otherPathsAndMethods();

private:
    std::unique_ptr<Exchange> send(const QByteArray &body,
                                   const QString &path = QStringLiteral("/images/generations"),
                                   const QByteArray &method = "POST")
    {
        return DemoImagesClient::send(m_manager, *m_demo, body, path, method);
    }

    QNetworkAccessManager *m_manager = nullptr;
    DemoGateway *m_demo = nullptr;
};

void TestDemoImagesErrors::init()
{
    m_manager = new QNetworkAccessManager(this);
    m_demo = new DemoGateway(this);
    m_demo->setPacing(0);
    QVERIFY2(m_demo->start(), qPrintable(m_demo->errorString()));
}

void TestDemoImagesErrors::cleanup()
{
    delete m_demo;
    delete m_manager;
}

void TestDemoImagesErrors::invalidRequestIs400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param"); // empty: null
    QTest::addColumn<QString>("code"); // empty: null
    QTest::addColumn<QString>("says");

    QTest::newRow("malformed JSON") << QByteArray(R"({"prompt": "x", )") << QString() << QString()
                                    << "could not parse the JSON body";
    QTest::newRow("not an object")
        << QByteArray(R"(["a fox"])") << QString() << QString() << "could not parse the JSON body";
    QTest::newRow("missing prompt") << QByteArray(R"({"model":"gpt-image-1","n":1})") << "prompt"
                                    << "missing_required_parameter"
                                    << "Missing required parameter: 'prompt'.";
    QTest::newRow("prompt null") << QByteArray(R"({"prompt":null})") << "prompt"
                                 << "missing_required_parameter"
                                 << "Missing required parameter: 'prompt'.";
    QTest::newRow("prompt not a string")
        << QByteArray(R"({"prompt":42})") << "prompt"
        << "invalid_type"
        << "Invalid type for 'prompt': expected a string, but got an integer";
    QTest::newRow("empty prompt") << QByteArray(R"({"prompt":""})") << "prompt"
                                  << "empty_string"
                                  << "Invalid 'prompt': empty string.";
    QTest::newRow("prompt too long")
        << QByteArray("{\"prompt\":\"" + QByteArray(32001, 'a') + "\"}") << "prompt"
        << "string_above_max_length"
        << "maximum length 32000, but got a string with length 32001";
    {
        // Counted in characters as the API counts them: 32,001 emoji are 64,002 UTF-16 units.
        QString emoji;
        for (int i = 0; i < 32001; ++i)
            emoji += QString::fromUcs4(U"\U0001F98A");
        QTest::newRow("prompt too long, in emoji")
            << ("{\"prompt\":\"" + emoji.toUtf8() + "\"}") << "prompt"
            << "string_above_max_length"
            << "maximum length 32000, but got a string with length 32001";
    }
    QTest::newRow("n = 0") << QByteArray(R"({"prompt":"x","n":0})") << "n"
                           << "integer_below_min_value"
                           << "Expected a value >= 1, but got 0";
    QTest::newRow("n = 11") << QByteArray(R"({"prompt":"x","n":11})") << "n"
                            << "integer_above_max_value"
                            << "Expected a value <= 10, but got 11";
    QTest::newRow("n decimal") << QByteArray(R"({"prompt":"x","n":1.5})") << "n"
                               << "invalid_type"
                               << "expected an integer, but got a decimal";
    QTest::newRow("n string") << QByteArray(R"({"prompt":"x","n":"2"})") << "n"
                              << "invalid_type"
                              << "expected an integer, but got a string";
    QTest::newRow("stream not a boolean")
        << QByteArray(R"({"prompt":"x","stream":"yes"})") << "stream"
        << "invalid_type"
        << "expected a boolean";
    QTest::newRow("unparsable size") << QByteArray(R"({"prompt":"x","size":"12x"})") << "size"
                                     << "invalid_value"
                                     << "Invalid value: '12x'.";
    QTest::newRow("size gpt-image-1 cannot make")
        << QByteArray(R"({"prompt":"x","model":"gpt-image-1","size":"512x512"})") << "size"
        << "invalid_value"
        << "only makes 1024x1024, 1024x1536 or 1536x1024";
    QTest::newRow("gpt-image-2 size not a multiple of 16")
        << QByteArray(R"({"prompt":"x","model":"gpt-image-2","size":"1000x1000"})") << "size"
        << "invalid_value"
        << "multiples of 16";
    QTest::newRow("size too large")
        << QByteArray(R"({"prompt":"x","model":"gpt-image-2","size":"4096x4096"})") << "size"
        << "invalid_value"
        << "Invalid value: '4096x4096'.";
    QTest::newRow("bad quality") << QByteArray(R"({"prompt":"x","quality":"ultra"})") << "quality"
                                 << "invalid_value"
                                 << "Invalid value: 'ultra'.";
    QTest::newRow("dall-e quality") << QByteArray(R"({"prompt":"x","quality":"hd"})") << "quality"
                                    << "invalid_value"
                                    << "Supported values are: 'low', 'medium', 'high' and 'auto'.";
    QTest::newRow("quality not a string")
        << QByteArray(R"({"prompt":"x","quality":3})") << "quality"
        << "invalid_type"
        << "expected a string";
    QTest::newRow("bad background")
        << QByteArray(R"({"prompt":"x","background":"clear"})") << "background"
        << "invalid_value"
        << "'clear'";
    QTest::newRow("bad output_format")
        << QByteArray(R"({"prompt":"x","output_format":"gif"})") << "output_format"
        << "invalid_value"
        << "'gif'";
    QTest::newRow("compression above 100")
        << QByteArray(R"({"prompt":"x","output_format":"jpeg","output_compression":101})")
        << "output_compression"
        << "invalid_value"
        << "expected 0 to 100";
    QTest::newRow("partial_images 4")
        << QByteArray(R"({"prompt":"x","stream":true,"partial_images":4})") << "partial_images"
        << "invalid_value"
        << "expected 0 to 3, got 4";
    QTest::newRow("bad moderation")
        << QByteArray(R"({"prompt":"x","moderation":"strict"})") << "moderation"
        << "invalid_value"
        << "'strict'";
    QTest::newRow("url response_format")
        << QByteArray(R"({"prompt":"x","response_format":"url"})") << "response_format"
        << "invalid_value"
        << "always return base64-encoded images";
    QTest::newRow("unknown model") << QByteArray(R"({"prompt":"x","model":"dall-e-3"})") << "model"
                                   << "invalid_value"
                                   << "Invalid value: 'dall-e-3'.";
    QTest::newRow("unknown parameter") << QByteArray(R"({"prompt":"x","seed":7})") << "seed"
                                       << "unknown_parameter"
                                       << "Unknown parameter: 'seed'.";
}

void TestDemoImagesErrors::invalidRequestIs400()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    QFETCH(QString, code);
    QFETCH(QString, says);

    const auto exchange = send(body);
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->status(), 400);
    QVERIFY(exchange->contentType().startsWith(QLatin1String("application/json")));
    const QJsonObject root = exchange->json();
    QCOMPARE(root.keys(), QStringList { "error" });
    const QJsonObject error = root.value(QLatin1String("error")).toObject();
    QCOMPARE(error.keys(), (QStringList { "code", "message", "param", "type" }));
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(says), qPrintable(message));
    if (param.isEmpty())
        QVERIFY(error.value(QLatin1String("param")).isNull());
    else
        QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    if (code.isEmpty())
        QVERIFY(error.value(QLatin1String("code")).isNull());
    else
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);

    // The decoder gives the designer the demo's sentence, not a crash or a blank.
    ImagesDecoder decoder;
    const QList<StreamEvent> errors
        = ofKind(decoder.decodeResponseBody(exchange->body), StreamEvent::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(says), qPrintable(errors.first().message));
    QCOMPARE(m_demo->requestsServed(), 1);
}

void TestDemoImagesErrors::otherPathsAndMethods()
{
    // Another image path is still a plain 404.
    const auto edits = send(R"({"prompt":"x"})", QStringLiteral("/images/edits"));
    QVERIFY(waitFor(*edits));
    QCOMPARE(edits->status(), 404);
    const QJsonObject error = edits->json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("unknown_url"));
    QVERIFY2(error.value(QLatin1String("message"))
                 .toString()
                 .contains(QStringLiteral("POST /v1/images/edits")),
             qPrintable(error.value(QLatin1String("message")).toString()));

    const auto get = send({}, QStringLiteral("/images/generations"), "GET");
    QVERIFY(waitFor(*get));
    QCOMPARE(get->status(), 405);

    // Without the /v1 prefix and with a trailing slash, as base URLs are sometimes written.
    QUrl url = m_demo->baseUrl();
    url.setPath(QStringLiteral("/images/generations/"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_manager->post(request, R"({"prompt":"x","quality":"low"})");
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 60000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll())
                 .object()
                 .value(QLatin1String("data"))
                 .toArray()
                 .size(),
             1);
    reply->deleteLater();
}

QTEST_MAIN(TestDemoImagesErrors)
#include "tst_demoimageserrors.moc"
