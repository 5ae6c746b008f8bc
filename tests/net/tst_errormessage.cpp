#include "net/errormessage.h"

#include <QTest>
#include <QTimeZone>

// The plain sentences made from gateway error bodies and statuses, without a network.
class TestErrorMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromBody_data();
    void fromBody();
    void longBodiesAreTrimmed();
    void forHttpStatus_data();
    void forHttpStatus();
    void retryAfter_data();
    void retryAfter();
    void formatDuration_data();
    void formatDuration();
};

void TestErrorMessage::fromBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");

    QTest::newRow("openai") << QByteArray(
        R"({"error":{"message":"Hosted tool 'image_generation' is not supported with gpt-4.o.","type":"invalid_request_error","param":"tools","code":null}})")
                            << "application/json"
                            << "Hosted tool 'image_generation' is not supported with gpt-4.o.";
    QTest::newRow("openrouter code int")
        << QByteArray(R"({"error":{"code":402,"message":"Insufficient credits","metadata":{}}})")
        << "application/json"
        << "Insufficient credits";
    QTest::newRow("openrouter raw upstream") << QByteArray(
        R"({"error":{"code":400,"message":"Provider returned error","metadata":{"raw":"{\"error\":{\"message\":\"Invalid size\"}}","provider_name":"OpenAI"}}})")
                                             << "application/json"
                                             << "Provider returned error (OpenAI: Invalid size)";
    QTest::newRow("openrouter moderation") << QByteArray(
        R"({"error":{"code":403,"message":"Input was flagged","metadata":{"reasons":["violence","gore"]}}})")
                                           << "application/json"
                                           << "Input was flagged (reasons: violence, gore)";
    QTest::newRow("error object without message")
        << QByteArray(R"({"error":{"code":"insufficient_quota"}})") << "application/json"
        << "insufficient_quota";
    QTest::newRow("ai stats newer") << QByteArray(
        R"({"generation_id":"G-abc123","status_code":401,"error":"validation_error","error_type":"user","description":"Input validation failed","details":[]})")
                                    << "application/json"
                                    << "Input validation failed";
    QTest::newRow("ai stats older") << QByteArray(
        R"({"generation_id":"G-1","status_code":429,"error":"Too many requests, slow down","reason":"rate_limit_error"})")
                                    << "application/json"
                                    << "Too many requests, slow down";
    QTest::newRow("error code only")
        << QByteArray(R"({"error":"authentication_error"})") << "application/json"
        << "authentication_error";
    QTest::newRow("top-level message")
        << QByteArray(R"({"message":"Model not found"})") << "application/json"
        << "Model not found";
    QTest::newRow("fastapi detail")
        << QByteArray(R"({"detail":[{"loc":["body"],"msg":"field required"}]})")
        << "application/json"
        << "field required";
    QTest::newRow("json list") << QByteArray(R"([{"error":{"message":"Quota exceeded"}}])")
                               << "application/json"
                               << "Quota exceeded";
    QTest::newRow("plain text") << QByteArray(
        "  upstream connect error or disconnect/reset before headers \n")
                                << "text/plain"
                                << "upstream connect error or disconnect/reset before headers";
    QTest::newRow("html page") << QByteArray(
        "<html><head><title>502 Bad Gateway</title><style>h1{color:red}</style></head>"
        "<body><h1>502 Bad Gateway</h1><hr><center>nginx/1.25 &amp; friends</center></body></html>")
                               << "text/html"
                               << "502 Bad Gateway nginx/1.25 & friends";
    QTest::newRow("html without content type")
        << QByteArray("<!DOCTYPE html><html><body><p>Service&nbsp;Unavailable</p></body></html>")
        << QString() << "Service Unavailable";
    QTest::newRow("html title only")
        << QByteArray("<html><head><title>Forbidden</title></head><body></body></html>")
        << "text/html"
        << "Forbidden";
    QTest::newRow("empty") << QByteArray() << "application/json" << QString();
    QTest::newRow("whitespace") << QByteArray(" \r\n ") << "text/plain" << QString();
    QTest::newRow("empty object") << QByteArray("{}") << "application/json" << QString();
    QTest::newRow("unknown json") << QByteArray(R"({"status":"bad"})") << "application/json"
                                  << R"({"status":"bad"})";
    QTest::newRow("broken json shown as text")
        << QByteArray(R"({"error": {"message": "cut)") << "application/json"
        << R"({"error": {"message": "cut)";
}

void TestErrorMessage::fromBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QCOMPARE(ErrorMessage::fromBody(body, contentType), expected);
}

void TestErrorMessage::longBodiesAreTrimmed()
{
    const QString plain
        = ErrorMessage::fromBody(QByteArray(5000, 'x'), QStringLiteral("text/plain"));
    QVERIFY(plain.size() <= ErrorMessage::maxPlainLength);
    QVERIFY(plain.endsWith(QChar(0x2026)));

    const QByteArray html = "<html><body>" + QByteArray(4000, 'y') + "</body></html>";
    QVERIFY(ErrorMessage::fromBody(html, QStringLiteral("text/html")).size()
            <= ErrorMessage::maxPlainLength);
}

void TestErrorMessage::forHttpStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<int>("retryAfter"); // -1: none
    QTest::addColumn<QStringList>("expectedParts");

    QTest::newRow("400") << 400 << "Bad size" << -1
                         << QStringList { "OpenAI rejected the request (400): Bad size" };
    QTest::newRow("401") << 401 << "Incorrect API key" << -1
                         << QStringList { "OpenAI rejected the API key: check Settings.",
                                          "Incorrect API key" };
    QTest::newRow("401 no body") << 401 << QString() << -1
                                 << QStringList { "OpenAI rejected the API key: check Settings." };
    QTest::newRow("402") << 402 << "Insufficient credits" << -1
                         << QStringList {
                                "OpenAI says the account is out of credits: Insufficient credits"
                            };
    QTest::newRow("403") << 403 << "Input was flagged" << -1
                         << QStringList { "refused", "Input was flagged" };
    QTest::newRow("404") << 404 << QString() << -1
                         << QStringList { "endpoint or the model", "base URL" };
    QTest::newRow("408") << 408 << QString() << -1 << QStringList { "(408)" };
    QTest::newRow("413") << 413 << QString() << -1 << QStringList { "too large", "(413)" };
    QTest::newRow("429 with retry")
        << 429 << "Slow down" << 17
        << QStringList { "OpenAI is rate limiting requests; try again in 17 s.", "Slow down" };
    QTest::newRow("429 without retry")
        << 429 << QString() << -1 << QStringList { "rate limiting", "in a moment" };
    QTest::newRow("500") << 500 << "boom" << -1
                         << QStringList { "OpenAI had a server error (500): boom" };
    QTest::newRow("503 no body") << 503 << QString() << 30
                                 << QStringList {
                                        "OpenAI had a server error (503): try again in 30 s."
                                    };
    QTest::newRow("302") << 302 << QString() << -1 << QStringList { "redirected", "base URL" };
    QTest::newRow("418") << 418 << "teapot" << -1 << QStringList { "(418): teapot" };
    QTest::newRow("599") << 599 << QString() << -1
                         << QStringList { "unexpected HTTP status (599)" };
}

void TestErrorMessage::forHttpStatus()
{
    QFETCH(int, status);
    QFETCH(QString, gateway);
    QFETCH(int, retryAfter);
    QFETCH(QStringList, expectedParts);
    const QString message = ErrorMessage::forHttpStatus(
        status, QStringLiteral("OpenAI"), gateway,
        retryAfter < 0 ? std::nullopt : std::optional<int>(retryAfter));
    for (const QString &part : expectedParts)
        QVERIFY2(message.contains(part), qPrintable(message));
}

void TestErrorMessage::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected"); // -1: none

    QTest::newRow("seconds") << QByteArray("17") << 17;
    QTest::newRow("padded") << QByteArray(" 5 ") << 5;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("http date") << QByteArray("Wed, 21 Oct 2015 07:28:40 GMT") << 40;
    QTest::newRow("date in the past") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << 0;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("negative") << QByteArray("-3") << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
}

void TestErrorMessage::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc());
    const std::optional<int> seconds = ErrorMessage::parseRetryAfter(value, now);
    QCOMPARE(seconds.value_or(-1), expected);
}

void TestErrorMessage::formatDuration_data()
{
    QTest::addColumn<int>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0.3 s") << 300 << "0.3 s";
    QTest::newRow("30 s") << 30000 << "30 s";
    QTest::newRow("90 s") << 90000 << "90 s";
    QTest::newRow("5 min") << 300000 << "5 min";
}

void TestErrorMessage::formatDuration()
{
    QFETCH(int, ms);
    QFETCH(QString, expected);
    QCOMPARE(ErrorMessage::formatDuration(ms), expected);
}

QTEST_GUILESS_MAIN(TestErrorMessage)
#include "tst_errormessage.moc"
