#include "gateway/imagelinks.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUrl>

class TestImageLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void find_data();
    void find();
    void scanPositions();
    void stripImageLinks_data();
    void stripImageLinks();
    void allowedUrls_data();
    void allowedUrls();
    void hostileTextTakesLinearTime_data();
    void hostileTextTakesLinearTime();
};

void TestImageLinks::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("urls");

    const QString u = QStringLiteral("https://images.openrouter.ai/gen/abc");
    QTest::newRow("markdown") << "Here:\n\n![Generated image](" + u + ")\n\nEnjoy"
                              << QStringList { u };
    QTest::newRow("angle brackets")
        << "![a](<https://h.example/a b.png>)" << QStringList { "https://h.example/a b.png" };
    QTest::newRow("double-quoted title") << R"(![a](https://h.example/a.png "A title"))"
                                         << QStringList { "https://h.example/a.png" };
    QTest::newRow("single-quoted title")
        << "![a](https://h.example/a.png 'A title')" << QStringList { "https://h.example/a.png" };
    QTest::newRow("parenthesised title")
        << "![a](https://h.example/a.png (A title))" << QStringList { "https://h.example/a.png" };
    QTest::newRow("balanced parentheses in the URL")
        << "![a](https://h.example/img_(1).png)" << QStringList { "https://h.example/img_(1).png" };
    QTest::newRow("brackets in the alt text")
        << "![a [b] c](https://h.example/x.png)" << QStringList { "https://h.example/x.png" };
    QTest::newRow("escaped bracket in the alt text")
        << R"(![a \] c](https://h.example/x.png))" << QStringList { "https://h.example/x.png" };
    QTest::newRow("markdown needs no extension")
        << "![x](https://h.example/render?id=7)" << QStringList { "https://h.example/render?id=7" };
    QTest::newRow("data URL in markdown") << "![x](data:image/png;base64,iVBORw0KGgo=)"
                                          << QStringList { "data:image/png;base64,iVBORw0KGgo=" };
    QTest::newRow("data URL that is not an image")
        << "![x](data:text/html;base64,PGI+)" << QStringList {};
    QTest::newRow("bare image URL") << "See https://h.example/path/cat.PNG now"
                                    << QStringList { "https://h.example/path/cat.PNG" };
    QTest::newRow("bare URL ends before punctuation")
        << "It is at https://h.example/a.webp. And https://h.example/b.gif, "
           "https://h.example/c.jpeg!"
        << QStringList { "https://h.example/a.webp", "https://h.example/b.gif",
                         "https://h.example/c.jpeg" };
    QTest::newRow("bare URL with a query") << "https://h.example/a.jpg?sig=1&x=2"
                                           << QStringList { "https://h.example/a.jpg?sig=1&x=2" };
    QTest::newRow("bare URL in parentheses")
        << "(see https://h.example/a.png)" << QStringList { "https://h.example/a.png" };
    QTest::newRow("bare URL in a plain link")
        << "[download](https://h.example/a.png)" << QStringList { "https://h.example/a.png" };
    QTest::newRow("bold bare URL")
        << "**https://h.example/a.png**" << QStringList { "https://h.example/a.png" };
    QTest::newRow("known image host without extension")
        << "https://images.openrouter.ai/gen/3f9a1c7e"
        << QStringList { "https://images.openrouter.ai/gen/3f9a1c7e" };
    QTest::newRow("web page is not an image")
        << "Docs: https://openrouter.ai/docs/guides and https://h.example/page.html"
        << QStringList {};
    QTest::newRow("javascript: is refused") << "![x](javascript:alert(1))" << QStringList {};
    QTest::newRow("file: is refused")
        << "![x](file:///etc/passwd.png) file:///tmp/a.png" << QStringList {};
    QTest::newRow("http on the network is refused")
        << "![x](http://h.example/a.png) and http://h.example/b.png" << QStringList {};
    QTest::newRow("http on loopback is allowed")
        << "![x](http://127.0.0.1:8080/a.png) http://localhost/b.png http://[::1]:9/c.png"
        << QStringList { "http://127.0.0.1:8080/a.png", "http://localhost/b.png",
                         "http://[::1]:9/c.png" };
    QTest::newRow("a loopback look-alike is not loopback")
        << "http://127.0.0.1.example.com/a.png http://localhost.example/a.png" << QStringList {};
    QTest::newRow("same URL twice, once") << "![a](https://h.example/a.png) https://h.example/a.png"
                                          << QStringList { "https://h.example/a.png" };
    QTest::newRow("unclosed markdown is not a link but its URL is")
        << "![a](https://h.example/a.png" << QStringList { "https://h.example/a.png" };
    QTest::newRow("half a link at a paragraph break")
        << "![a\n\nb](https://h.example/page)" << QStringList {};
    QTest::newRow("URL glued to a word is not taken")
        << "xhttps://h.example/a.png" << QStringList {};
    QTest::newRow("no host") << "https:///a.png" << QStringList {};
    QTest::newRow("empty") << QString() << QStringList {};
    // Constructs that never close, then a link (the scanner's index must not lose it).
    QTest::newRow("unclosed bracket before a link")
        << "![x ![y](https://h.example/y.png)" << QStringList { "https://h.example/y.png" };
    QTest::newRow("unclosed links before a link")
        << "![a](![b](<x ![c](https://h.example/c.png 'no close ![d](https://h.example/d.png)"
        << QStringList { "https://h.example/c.png", "https://h.example/d.png" }; // c: a bare URL
    QTest::newRow("escaped parenthesis in the URL")
        << R"(![a](https://h.example/a\).png) ![b](https://h.example/b\(.png))"
        << QStringList { "https://h.example/a).png", "https://h.example/b(.png" };
}

void TestImageLinks::find()
{
    QFETCH(QString, text);
    QFETCH(QStringList, urls);
    QCOMPARE(ImageLinks::find(text), urls);
}

void TestImageLinks::scanPositions()
{
    const QString text
        = QStringLiteral("A ![x](https://h.example/a.png \"t\") and https://h.example/b.png.");
    const QList<ImageLinks::Link> links = ImageLinks::scan(text);
    QCOMPARE(links.size(), 2);
    QVERIFY(links.at(0).markdown);
    QCOMPARE(text.mid(links.at(0).start, links.at(0).length),
             QStringLiteral("![x](https://h.example/a.png \"t\")"));
    QVERIFY(!links.at(1).markdown);
    QCOMPARE(text.mid(links.at(1).start, links.at(1).length),
             QStringLiteral("https://h.example/b.png"));
}

void TestImageLinks::stripImageLinks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QString>("expected");

    const QString a = QStringLiteral("https://h.example/a.png");
    const QString b = QStringLiteral("https://h.example/b.png");
    QTest::newRow("a link on its own line, between paragraphs") << "Here it is:\n\n![a](" + a
            + ")\n\nEnjoy!" << QStringList { a } << "Here it is:\n\nEnjoy!";
    QTest::newRow("a link on the last line")
        << "Here it is:\n\n![a](" + a + ")" << QStringList { a } << "Here it is:";
    QTest::newRow("a link on the first line")
        << "![a](" + a + ")\n\nBelow." << QStringList { a } << "Below.";
    QTest::newRow("inline link keeps its sentence")
        << "Look: ![a](" + a + ") nice." << QStringList { a } << "Look:  nice.";
    QTest::newRow("only shown images go") << "![a](" + a + ")\n![b](" + b + ")\n"
                                          << QStringList { b } << "![a](" + a + ")\n";
    QTest::newRow("bare URLs stay") << "See " + a << QStringList { a } << "See " + a;
    QTest::newRow("nothing shown") << "![a](" + a + ")" << QStringList {} << "![a](" + a + ")";
    QTest::newRow("two links, same line")
        << "![a](" + a + ") ![b](" + b + ")" << QStringList { a, b } << QString();
    QTest::newRow("titled link") << "X\n![a](" + a + " \"title\")\nY" << QStringList { a }
                                 << "X\nY";
}

void TestImageLinks::stripImageLinks()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, shown);
    QFETCH(QString, expected);
    const QSet<QString> shownUrls(shown.cbegin(), shown.cend());
    QCOMPARE(ImageLinks::stripImageLinks(markdown, shownUrls), expected);
}

void TestImageLinks::allowedUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<bool>("image");

    QTest::newRow("https image") << "https://h.example/a.jpg" << true << true;
    QTest::newRow("https page") << "https://h.example/a" << true << false;
    QTest::newRow("HTTPS upper case") << "HTTPS://H.EXAMPLE/A.PNG" << true << true;
    QTest::newRow("http network") << "http://h.example/a.png" << false << true;
    QTest::newRow("http 127.5.6.7") << "http://127.5.6.7/a.png" << true << true;
    QTest::newRow("http 128.0.0.1") << "http://128.0.0.1/a.png" << false << true;
    QTest::newRow("http localhost") << "http://LOCALHOST:80/a" << true << false;
    QTest::newRow("ftp") << "ftp://h.example/a.png" << false << true;
    QTest::newRow("subdomain of a known host")
        << "https://eu.images.openrouter.ai/x" << true << true;
    QTest::newRow("known host as a suffix only")
        << "https://notimages.openrouter.ai/x" << true << false;
}

void TestImageLinks::allowedUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QFETCH(bool, image);
    QCOMPARE(ImageLinks::isAllowedUrl(url), allowed);
    QCOMPARE(ImageLinks::looksLikeImage(QUrl(url)), image);
}

void TestImageLinks::hostileTextTakesLinearTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("links");
    QTest::addColumn<int>("strippedSize"); // with a.png shown

    // Found with fuzz_imagelinks: each "![" was parsed by a scan to the end of the text, so these
    // 100 KB texts took seconds (the text is scanned on the stream thread and at every layout).
    const QString a = QStringLiteral("https://h.example/a.png");
    QTest::newRow("unclosed alt texts") << QStringLiteral("![").repeated(50000) << 0 << 100000;
    QTest::newRow("unclosed destinations")
        << QStringLiteral("![a](").repeated(20000) << 0 << 100000;
    // The URLs count as bare links.
    QTest::newRow("unclosed titles")
        << QString("![a](" + a + " \"").repeated(3000) << 3000 << 3000 * 30;
    QTest::newRow("shown links on one line")
        << QString("![a](" + a + ")").repeated(20000) << 20000 << 0;
}

void TestImageLinks::hostileTextTakesLinearTime()
{
    QFETCH(QString, text);
    QFETCH(int, links);
    QFETCH(int, strippedSize);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(ImageLinks::scan(text).size(), links);
    QCOMPARE(
        ImageLinks::stripImageLinks(text, { QStringLiteral("https://h.example/a.png") }).size(),
        strippedSize);
    // Milliseconds when linear; the quadratic scanner took seconds even in an optimized build.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed()) + " ms"));
}

QTEST_MAIN(TestImageLinks)
#include "tst_imagelinks.moc"
