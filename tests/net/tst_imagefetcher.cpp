// ImageFetcher over real loopback HTTP against the scriptable fake gateway: the scheme, redirect,
// size and type rules, that no credential of the gateway reaches an image host, and cancel.
#include "fakes/fakegateway.h"
#include "net/imagefetcher.h"

#include <QAuthenticator>
#include <QBuffer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

Q_DECLARE_METATYPE(FakeResponse)

namespace {

QByteArray encoded(const char *format, QSize size = QSize(40, 30))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(200, 120, 40));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        qFatal("Could not encode a test image as %s", format);
    return bytes;
}

// Qt has no GIF writer: a 1x1 GIF89a.
QByteArray gifBytes()
{
    return QByteArray::fromBase64("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
}

const QByteArray pngSignature("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

} // namespace

class TestImageFetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void schemeRules_data();
    void schemeRules();
    void redirectRules_data();
    void redirectRules();
    void sniffsTypeFromBytesNotHeaders_data();
    void sniffsTypeFromBytesNotHeaders();
    void refusesWhatIsNotAnImage_data();
    void refusesWhatIsNotAnImage();
    void emptyBodyIsRefused();
    void capEnforcedWhileReading();
    void capEnforcedFromContentLength();
    void redirectChain_data();
    void redirectChain();
    void refusedRedirectTargets_data();
    void refusedRedirectTargets();
    void redirectWithoutLocation();
    void refusedUrlFinishesAsynchronously();
    void noCredentialReachesTheImageHost();
    void httpErrorNamesTheHost_data();
    void httpErrorNamesTheHost();
    void truncatedBody();
    void connectionRefusedNamesTheHost();
    void idleTimeout();
    void reportsProgress();
    void cancelStopsTheDownload();

private:
    ImageFetcher *fetch(const QUrl &url, qint64 maxBytes = ImageFetcher::defaultMaxBytes,
                        ImageFetcher::Timeouts timeouts = { 5000, 5000 });
    static bool waitFinished(ImageFetcher *fetcher, int timeoutMs = 10000);

    QNetworkAccessManager *m_manager = nullptr;
    FakeGateway *m_gateway = nullptr;
};

void TestImageFetcher::init()
{
    m_manager = new QNetworkAccessManager(this);
    m_gateway = new FakeGateway(this);
    QVERIFY(m_gateway->listen());
}

void TestImageFetcher::cleanup()
{
    delete m_gateway;
    delete m_manager;
}

ImageFetcher *TestImageFetcher::fetch(const QUrl &url, qint64 maxBytes,
                                      ImageFetcher::Timeouts timeouts)
{
    auto *fetcher = new ImageFetcher(m_manager, m_manager);
    fetcher->setMaxBytes(maxBytes);
    fetcher->setTimeouts(timeouts);
    fetcher->start(url);
    return fetcher;
}

bool TestImageFetcher::waitFinished(ImageFetcher *fetcher, int timeoutMs)
{
    if (fetcher->isFinished())
        return true;
    QSignalSpy spy(fetcher, &ImageFetcher::finished);
    return spy.wait(timeoutMs);
}

void TestImageFetcher::schemeRules_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("https") << "https://cdn.example.com/img/a.png" << true << "";
    QTest::newRow("https upper case") << "HTTPS://CDN.EXAMPLE.COM/a.png" << true << "";
    QTest::newRow("https with port and query")
        << "https://files.example.com:8443/a.png?sig=abc&exp=1" << true << "";
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080/a.png" << true << "";
    QTest::newRow("http 127.8.9.10") << "http://127.8.9.10/a.png" << true << "";
    QTest::newRow("http localhost") << "http://localhost:9000/a.png" << true << "";
    QTest::newRow("http LOCALHOST") << "http://LOCALHOST/a.png" << true << "";
    QTest::newRow("http ::1") << "http://[::1]:9000/a.png" << true << "";
    QTest::newRow("http public host") << "http://cdn.example.com/a.png" << false << "plain http";
    QTest::newRow("http private 10/8") << "http://10.0.0.1/a.png" << false << "plain http";
    QTest::newRow("http private 192.168") << "http://192.168.1.20/a.png" << false << "plain http";
    QTest::newRow("http 0.0.0.0") << "http://0.0.0.0/a.png" << false << "plain http";
    QTest::newRow("http localhost as a subdomain")
        << "http://localhost.example.com/a.png" << false << "plain http";
    QTest::newRow("http 127.0.0.1 as a subdomain")
        << "http://127.0.0.1.example.com/a.png" << false << "plain http";
    QTest::newRow("file") << "file:///etc/passwd" << false << "file: scheme";
    QTest::newRow("ftp") << "ftp://ftp.example.com/a.png" << false << "ftp: scheme";
    QTest::newRow("javascript") << "javascript:alert(1)" << false << "javascript: scheme";
    QTest::newRow("data") << "data:image/png;base64,iVBORw0KGgo=" << false << "data: URL";
    QTest::newRow("gopher") << "gopher://example.com/1" << false << "gopher: scheme";
    QTest::newRow("empty") << "" << false << "not a web address";
    QTest::newRow("relative") << "/img/a.png" << false << "not a web address";
    QTest::newRow("https without host") << "https:///a.png" << false << "names no server";
}

void TestImageFetcher::schemeRules()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QFETCH(QString, messagePart);
    const QString refusal = ImageFetcher::refusalFor(QUrl(url));
    QCOMPARE(refusal.isEmpty(), allowed);
    if (!allowed)
        QVERIFY2(refusal.contains(messagePart), qPrintable(refusal));
}

void TestImageFetcher::redirectRules_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("https to https") << "https://a.example.com/x"
                                    << "https://b.example.org/y.png" << true;
    QTest::newRow("loopback to loopback") << "http://127.0.0.1:9/x"
                                          << "http://localhost:9/y" << true;
    QTest::newRow("loopback to https") << "http://127.0.0.1:9/x"
                                       << "https://cdn.example.com/y" << true;
    QTest::newRow("https to plain http") << "https://a.example.com/x"
                                         << "http://b.example.com/y.png" << false;
    QTest::newRow("https to this computer") << "https://a.example.com/x"
                                            << "http://127.0.0.1:8080/admin" << false;
    QTest::newRow("https to https on this computer") << "https://a.example.com/x"
                                                     << "https://localhost/secret" << false;
    QTest::newRow("to file") << "https://a.example.com/x"
                             << "file:///etc/passwd" << false;
    QTest::newRow("to ftp") << "https://a.example.com/x"
                            << "ftp://a.example.com/y" << false;
}

void TestImageFetcher::redirectRules()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    const QString refusal = ImageFetcher::redirectRefusalFor(QUrl(from), QUrl(to));
    QVERIFY2(refusal.isEmpty() == allowed, qPrintable(refusal));
    if (!allowed)
        QVERIFY2(refusal.contains(QUrl(from).host()), qPrintable(refusal));
}

void TestImageFetcher::sniffsTypeFromBytesNotHeaders_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("mimeType");

    QTest::newRow("png served as text/html")
        << encoded("PNG") << QByteArray("text/html") << "image/png";
    QTest::newRow("jpeg served as image/png")
        << encoded("JPEG") << QByteArray("image/png") << "image/jpeg";
    QTest::newRow("webp served as application/json")
        << encoded("WEBP") << QByteArray("application/json") << "image/webp";
    QTest::newRow("gif served as text/plain")
        << gifBytes() << QByteArray("text/plain") << "image/gif";
}

void TestImageFetcher::sniffsTypeFromBytesNotHeaders()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, mimeType);
    m_gateway->setRoute("/img/a", FakeResponse::text(200, contentType, bytes));

    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/a")));
    QSignalSpy finished(fetcher, &ImageFetcher::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QVERIFY2(fetcher->status() == ImageFetcher::Status::Succeeded,
             qPrintable(fetcher->errorMessage()));
    QCOMPARE(finished.at(0).at(0).toByteArray(), bytes);
    QVERIFY(finished.at(0).at(1).toString().isEmpty());
    QCOMPARE(fetcher->bytes(), bytes);
    QCOMPARE(fetcher->mimeType(), mimeType);
}

void TestImageFetcher::refusesWhatIsNotAnImage_data()
{
    QTest::addColumn<FakeResponse>("response");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("html page") << FakeResponse::html() << "returned a web page, not an image";
    QTest::newRow("html labelled image/png")
        << FakeResponse::text(200, "image/png", "<html><body>Expired</body></html>")
        << "returned a web page, not an image";
    QTest::newRow("html after a BOM and blank lines")
        << FakeResponse::text(200, "image/jpeg", "\xef\xbb\xbf\n\n  <!doctype html><p>no</p>")
        << "returned a web page, not an image";
    QTest::newRow("plain text") << FakeResponse::text(200, "image/png",
                                                      "Access denied for this object, sorry.")
                                << "returned a web page, not an image";
    QTest::newRow("json error") << FakeResponse::json(200, R"({"error":"signature expired"})")
                                << "returned a web page, not an image";
    QTest::newRow("svg") << FakeResponse::text(200, "image/svg+xml",
                                               "<?xml version=\"1.0\"?><svg "
                                               "xmlns=\"http://www.w3.org/2000/svg\"/>")
                         << "SVG";
    QTest::newRow("other binary") << FakeResponse::text(200, "image/png",
                                                        QByteArray("\x00\x01\x02\x03PK\x03\x04zip"
                                                                   "pedstuff",
                                                                   20))
                                  << "not a PNG, JPEG, WebP or GIF";
    QTest::newRow("short text") << FakeResponse::text(200, "image/png", "nope")
                                << "returned a web page, not an image";
}

void TestImageFetcher::refusesWhatIsNotAnImage()
{
    QFETCH(FakeResponse, response);
    QFETCH(QString, messagePart);
    m_gateway->setRoute("/img/a", response);
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/a")));
    QSignalSpy finished(fetcher, &ImageFetcher::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    const QString message = finished.at(0).at(1).toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1")), qPrintable(message));
    QVERIFY(finished.at(0).at(0).toByteArray().isEmpty());
}

void TestImageFetcher::emptyBodyIsRefused()
{
    m_gateway->setRoute("/img/empty", FakeResponse::text(200, "image/png", {}));
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/empty")));
    QVERIFY(waitFinished(fetcher));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("empty answer")),
             qPrintable(fetcher->errorMessage()));
    QVERIFY(fetcher->errorMessage().contains(QStringLiteral("127.0.0.1")));
}

void TestImageFetcher::capEnforcedWhileReading()
{
    // No length announced, and the body holds after 192 KB until released: a fetcher that does
    // not count while reading would wait there, not fail.
    constexpr qint64 cap = 64 * 1024;
    FakeResponse response
        = FakeResponse::bulk(400 * 1024, pngSignature, "image/png", FakeResponse::Framing::Chunked);
    response.chunks[3].waitForRelease = true;
    m_gateway->setRoute("/img/big", response);

    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/big")), cap);
    QVERIFY(waitFinished(fetcher, 5000));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("larger than the 64")),
             qPrintable(fetcher->errorMessage()));
    QVERIFY(fetcher->bytes().isEmpty());
    QVERIFY(fetcher->bytesReceived() > cap);
    QVERIFY(fetcher->bytesReceived() <= 192 * 1024);
}

void TestImageFetcher::capEnforcedFromContentLength()
{
    // The body stalls after its headers: only the announced length can end this download quickly.
    constexpr qint64 cap = 64 * 1024;
    m_gateway->setRoute("/img/big",
                        FakeResponse::bulk(200 * 1024, pngSignature, "image/png").stallAfter(0));
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/big")), cap);
    QVERIFY(waitFinished(fetcher, 4000));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("is 200")),
             qPrintable(fetcher->errorMessage()));
    QCOMPARE(fetcher->bytesReceived(), 0);

    // Exactly at the cap is fine.
    const QByteArray atCap = encoded("PNG") + QByteArray(cap - encoded("PNG").size(), '\0');
    m_gateway->setRoute("/img/exact", FakeResponse::text(200, "image/png", atCap));
    ImageFetcher *exact = fetch(m_gateway->url(QStringLiteral("/img/exact")), cap);
    QVERIFY(waitFinished(exact));
    QVERIFY2(exact->status() == ImageFetcher::Status::Succeeded, qPrintable(exact->errorMessage()));
    QCOMPARE(exact->bytes().size(), cap);
}

void TestImageFetcher::redirectChain_data()
{
    QTest::addColumn<int>("hops");
    QTest::addColumn<bool>("succeeds");
    for (int hops = 0; hops <= 6; ++hops)
        QTest::addRow("%d redirects", hops) << hops << (hops <= ImageFetcher::maxRedirects);
}

void TestImageFetcher::redirectChain()
{
    QFETCH(int, hops);
    QFETCH(bool, succeeds);
    const QByteArray png = encoded("PNG");
    m_gateway->setRoute("/img/final.png", FakeResponse::text(200, "image/png", png));
    const QByteArray first = m_gateway->addRedirectChain("/hop", hops, "/img/final.png");

    ImageFetcher *fetcher = fetch(m_gateway->url(QString::fromLatin1(first)));
    QVERIFY(waitFinished(fetcher));
    if (succeeds) {
        QVERIFY2(fetcher->status() == ImageFetcher::Status::Succeeded,
                 qPrintable(fetcher->errorMessage()));
        QCOMPARE(fetcher->bytes(), png);
        QCOMPARE(fetcher->redirectCount(), hops);
        QCOMPARE(fetcher->currentUrl().path(), QStringLiteral("/img/final.png"));
        QCOMPARE(m_gateway->requestCount(), hops + 1);
    } else {
        QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
        QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("redirected more than 5 times")),
                 qPrintable(fetcher->errorMessage()));
        QCOMPARE(fetcher->redirectCount(), ImageFetcher::maxRedirects);
        QVERIFY(m_gateway->requestsFor("/img/final.png").isEmpty());
        QCOMPARE(m_gateway->requestCount(), ImageFetcher::maxRedirects + 1);
    }
}

void TestImageFetcher::refusedRedirectTargets_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("plain http elsewhere")
        << QByteArray("http://images.example.com/a.png") << "plain http";
    QTest::newRow("file") << QByteArray("file:///etc/passwd") << "file: scheme";
    QTest::newRow("ftp") << QByteArray("ftp://ftp.example.com/a.png") << "ftp: scheme";
    QTest::newRow("javascript") << QByteArray("javascript:alert(document.cookie)")
                                << "javascript: scheme";
    QTest::newRow("data") << QByteArray("data:image/png;base64,iVBORw0KGgo=") << "data: URL";
}

void TestImageFetcher::refusedRedirectTargets()
{
    QFETCH(QByteArray, location);
    QFETCH(QString, messagePart);
    m_gateway->setRoute("/img/moved", FakeResponse::redirect(location, 301));
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/moved")));
    QVERIFY(waitFinished(fetcher));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    const QString message = fetcher->errorMessage();
    QVERIFY2(message.contains(QStringLiteral("redirected the image download to")),
             qPrintable(message));
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("127.0.0.1")));
    QCOMPARE(m_gateway->requestCount(), 1); // nothing was followed
    QCOMPARE(fetcher->redirectCount(), 0);
}

void TestImageFetcher::redirectWithoutLocation()
{
    FakeResponse response;
    response.status = 302;
    m_gateway->setRoute("/img/nowhere", response);
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/nowhere")));
    QVERIFY(waitFinished(fetcher));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("not where to")),
             qPrintable(fetcher->errorMessage()));
}

void TestImageFetcher::refusedUrlFinishesAsynchronously()
{
    auto *fetcher = new ImageFetcher(m_manager, m_manager);
    QSignalSpy finished(fetcher, &ImageFetcher::finished);
    fetcher->start(QUrl(QStringLiteral("http://cdn.example.com/a.png")));
    QCOMPARE(finished.count(), 0); // not from inside start()
    QVERIFY(finished.wait(2000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY(fetcher->errorMessage().contains(QStringLiteral("plain http")));
    QCOMPARE(m_gateway->requestCount(), 0);
}

void TestImageFetcher::noCredentialReachesTheImageHost()
{
    // The same manager first talks to the gateway the way a session does: a Bearer key, a cookie
    // the gateway sets, and HTTP authentication QNAM would cache for the host. The image host here
    // is the same host and port, the worst case.
    int challenges = 0;
    connect(m_manager, &QNetworkAccessManager::authenticationRequired, this,
            [&challenges](QNetworkReply *, QAuthenticator *authenticator) {
                ++challenges;
                authenticator->setUser(QStringLiteral("designer"));
                authenticator->setPassword(QStringLiteral("hunter2"));
            });
    m_gateway->enqueue(FakeResponse::json(401, R"({"error":"auth"})")
                           .withHeader("WWW-Authenticate", "Basic realm=\"gateway\""));
    m_gateway->enqueue(FakeResponse::json(200, R"({"ok":true})")
                           .withHeader("Set-Cookie", "session=gateway-cookie; Path=/"));
    QNetworkRequest gatewayRequest(m_gateway->url(QStringLiteral("/v1/responses")));
    gatewayRequest.setRawHeader("Authorization", "Bearer sk-secret-gateway-key");
    gatewayRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                             QStringLiteral("application/json"));
    QNetworkReply *reply = m_manager->post(gatewayRequest, QByteArray("{}"));
    QSignalSpy replyDone(reply, &QNetworkReply::finished);
    QVERIFY(replyDone.wait(5000));
    reply->deleteLater();
    QCOMPARE(m_gateway->requestsFor("/v1/responses").size(), 2);
    QVERIFY(m_gateway->requestsFor("/v1/responses").last().hasHeader("Authorization"));

    const QByteArray png = encoded("PNG");
    m_gateway->setRoute("/v1/files/a.png", FakeResponse::text(200, "image/png", png));
    m_gateway->setRoute("/v1/files/moved", FakeResponse::redirect("/v1/files/a.png"));
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/v1/files/moved")));
    QVERIFY(waitFinished(fetcher));
    QVERIFY2(fetcher->status() == ImageFetcher::Status::Succeeded,
             qPrintable(fetcher->errorMessage()));

    const QList<HttpRequest> imageRequests
        = m_gateway->requestsFor("/v1/files/moved") + m_gateway->requestsFor("/v1/files/a.png");
    QCOMPARE(imageRequests.size(), 2);
    for (const HttpRequest &request : imageRequests) {
        QVERIFY2(!request.hasHeader("Authorization"), request.header("Authorization").constData());
        QVERIFY2(!request.hasHeader("Cookie"), request.header("Cookie").constData());
        QCOMPARE(request.method, QByteArray("GET"));
    }
    QCOMPARE(challenges, 1);
}

void TestImageFetcher::httpErrorNamesTheHost_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("404") << 404 << "HTTP 404 Not Found). The link may have expired.";
    QTest::newRow("403") << 403 << "The link may have expired.";
    QTest::newRow("500") << 500 << "try again later";
    QTest::newRow("429") << 429 << "HTTP 429";
}

void TestImageFetcher::httpErrorNamesTheHost()
{
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    m_gateway->setRoute("/img/gone", FakeResponse::text(status, "text/html", "<h1>No</h1>"));
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/gone")));
    QVERIFY(waitFinished(fetcher));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    const QString message = fetcher->errorMessage();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(m_gateway->port())),
             qPrintable(message));
}

void TestImageFetcher::truncatedBody()
{
    const QByteArray png = encoded("PNG", QSize(300, 200));
    m_gateway->setRoute("/img/cut",
                        FakeResponse::text(200, "image/png", png).closeAfter(png.size() / 2));
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/cut")));
    QVERIFY(waitFinished(fetcher));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("before the image was complete")),
             qPrintable(fetcher->errorMessage()));
}

void TestImageFetcher::connectionRefusedNamesTheHost()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    ImageFetcher *fetcher = fetch(QUrl(QStringLiteral("http://127.0.0.1:%1/a.png").arg(port)));
    QVERIFY(waitFinished(fetcher));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(fetcher->errorMessage()));
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("refused")),
             qPrintable(fetcher->errorMessage()));
}

void TestImageFetcher::idleTimeout()
{
    const QByteArray png = encoded("PNG", QSize(300, 200));
    m_gateway->setRoute("/img/stall", FakeResponse::text(200, "image/png", png).stallAfter(100));
    ImageFetcher *fetcher = fetch(m_gateway->url(QStringLiteral("/img/stall")),
                                  ImageFetcher::defaultMaxBytes, { 5000, 300 });
    QVERIFY(waitFinished(fetcher, 5000));
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Failed);
    QVERIFY2(fetcher->errorMessage().contains(QStringLiteral("sent nothing for 0.3 s")),
             qPrintable(fetcher->errorMessage()));
}

void TestImageFetcher::reportsProgress()
{
    const QByteArray body = pngSignature + QByteArray(300 * 1024, 'p');
    m_gateway->setRoute("/img/slow", FakeResponse::bulk(body.size(), pngSignature, "image/png"));
    auto *fetcher = new ImageFetcher(m_manager, m_manager);
    QSignalSpy progress(fetcher, &ImageFetcher::progress);
    fetcher->start(m_gateway->url(QStringLiteral("/img/slow")));
    QVERIFY(waitFinished(fetcher));
    // The body is not an image past its signature; only the counting matters here.
    QVERIFY(progress.count() >= 2);
    qint64 last = -1;
    for (const QList<QVariant> &args : std::as_const(progress)) {
        QVERIFY(args.at(0).toLongLong() >= last);
        QCOMPARE(args.at(1).toLongLong(), qint64(body.size()));
        last = args.at(0).toLongLong();
    }
    QCOMPARE(last, qint64(body.size()));
}

void TestImageFetcher::cancelStopsTheDownload()
{
    FakeResponse response = FakeResponse::text(200, "image/png", encoded("PNG").left(100));
    response.framing = FakeResponse::Framing::Chunked;
    response.addChunk(encoded("PNG").mid(100), 0, true);
    m_gateway->setRoute("/img/held", response);

    auto *fetcher = new ImageFetcher(m_manager, m_manager);
    QSignalSpy finished(fetcher, &ImageFetcher::finished);
    QSignalSpy progress(fetcher, &ImageFetcher::progress);
    fetcher->start(m_gateway->url(QStringLiteral("/img/held")));
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() == 100,
                             5000);
    QCOMPARE(m_gateway->heldConnections(), 1);

    fetcher->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(fetcher->status(), ImageFetcher::Status::Cancelled);
    QVERIFY(finished.at(0).at(0).toByteArray().isEmpty());
    QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("cancelled")));
    fetcher->cancel(); // a second cancel says nothing more
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->openConnections(), 0, 5000); // the socket was closed
    m_gateway->release();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(TestImageFetcher)
#include "tst_imagefetcher.moc"
