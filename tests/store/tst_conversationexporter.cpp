#include "store/conversationexporter.h"
#include "store/imagestore.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray encoded(const QSize &size, const char *format, QColor color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

ImageAsset storedImage(const ImageStore &store, const QByteArray &bytes, const QString &revised)
{
    const ImageStore::Stored stored = store.put(bytes);
    ImageAsset image;
    image.itemId = QStringLiteral("ig_") + stored.hash.left(6);
    image.state = ImageAsset::State::Final;
    image.hash = stored.hash;
    image.filePath = stored.filePath;
    image.mimeType = stored.mimeType;
    image.pixelSize = stored.pixelSize;
    image.byteSize = stored.byteSize;
    image.report.revisedPrompt = revised;
    image.report.quality = QStringLiteral("low");
    return image;
}

Turn baseTurn(const QString &prompt)
{
    Turn turn;
    turn.id = QStringLiteral("t1");
    turn.prompt = prompt;
    turn.providerId = QStringLiteral("openai");
    turn.chatModel = QStringLiteral("gpt-5");
    turn.requested.quality = QStringLiteral("low");
    turn.requested.size = QStringLiteral("1024x1024");
    turn.status = Turn::Status::Done;
    turn.startedAt = QDateTime(QDate(2026, 3, 4), QTime(9, 30));
    turn.durationMs = 12500;
    turn.usage.inputTokens = 120;
    turn.usage.outputTokens = 45;
    turn.cost.usd = 0.0123;
    turn.cost.basis = Cost::Basis::Estimated;
    return turn;
}

} // namespace

class TestConversationExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
        m_store.reset(new ImageStore(m_dir->filePath(QStringLiteral("store"))));
    }

    void exactMarkdown_data()
    {
        QTest::addColumn<QList<Turn>>("turns");
        QTest::addColumn<QString>("expected");

        const ImageAsset png = storedImage(*m_store, encoded({ 4, 2 }, "PNG", Qt::red),
                                           QStringLiteral("A red square, flat"));
        Turn withImage = baseTurn(QStringLiteral("a red square"));
        withImage.text = QStringLiteral("Here it is.");
        withImage.images << png;
        QTest::newRow("one turn, one image")
            << QList<Turn> { withImage }
            << QStringLiteral("# Squares\n"
                              "\n## Turn 1\n\n"
                              "*2026-03-04 09:30 · openai · gpt-5 · done · 12.5 s*\n\n"
                              "**Prompt**\n\n> a red square\n"
                              "\n**Reply**\n\nHere it is.\n"
                              "\n![Image 1](images/%1.png)\n"
                              "\n- Image: 4×2, PNG, %2 bytes, quality low\n"
                              "- Revised prompt: A red square, flat\n"
                              "\n- Parameters: model gpt-image-1.5, quality low, size 1024x1024, "
                              "background auto, format png, moderation auto, action auto\n"
                              "- Usage: 120 input, 45 output tokens\n"
                              "- Cost: $0.0123 estimated\n")
                   .arg(png.hash)
                   .arg(png.byteSize);

        Turn failed = baseTurn(QStringLiteral("two\nlines"));
        failed.status = Turn::Status::Failed;
        failed.durationMs = -1;
        failed.errorMessage = QStringLiteral("The gateway refused the request (HTTP 400).");
        failed.usage = Usage();
        failed.cost = Cost();
        QTest::newRow("failed turn, no images")
            << QList<Turn> { failed }
            << QStringLiteral("# Squares\n"
                              "\n## Turn 1\n\n"
                              "*2026-03-04 09:30 · openai · gpt-5 · failed*\n\n"
                              "**Prompt**\n\n> two\n> lines\n"
                              "\n**Note:** The gateway refused the request \\(HTTP 400\\).\n"
                              "\n- Parameters: model gpt-image-1.5, quality low, size "
                              "1024x1024, background auto, format png, moderation auto, "
                              "action auto\n"
                              "- Usage: not reported\n"
                              "- Cost: cost unknown\n");
    }

    void exactMarkdown()
    {
        QFETCH(QList<Turn>, turns);
        QFETCH(QString, expected);
        const QString actual = ConversationExporter::markdown(QStringLiteral("Squares"), turns);
        if (actual != expected)
            qWarning().noquote() << actual;
        QCOMPARE(actual, expected);
    }

    void writeMarkdownCopiesOriginalBytes_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("extension");
        QTest::newRow("png") << QStringLiteral("PNG") << QStringLiteral("png");
        QTest::newRow("jpeg") << QStringLiteral("JPEG") << QStringLiteral("jpg");
    }

    void writeMarkdownCopiesOriginalBytes()
    {
        QFETCH(QString, format);
        QFETCH(QString, extension);
        const QByteArray bytes = encoded({ 16, 9 }, format.toLatin1().constData(), Qt::blue);
        Turn turn = baseTurn(QStringLiteral("blue"));
        turn.images << storedImage(*m_store, bytes, {});
        const QString out = m_dir->filePath(QStringLiteral("export/blue.md"));
        const ConversationExporter::Result result
            = ConversationExporter::writeMarkdown(QStringLiteral("Blue"), { turn }, out);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.imagesExported, 1);
        QVERIFY(result.warnings.isEmpty());
        QFile copy(m_dir->filePath(
            QStringLiteral("export/images/%1.%2").arg(turn.images.first().hash, extension)));
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);
        QFile md(out);
        QVERIFY(md.open(QIODevice::ReadOnly));
        QVERIFY(
            QString::fromUtf8(md.readAll())
                .contains(
                    QStringLiteral("](images/%1.%2)").arg(turn.images.first().hash, extension)));
    }

    void missingImageIsANoteNotAFailure_data()
    {
        QTest::addColumn<bool>("html");
        QTest::newRow("markdown") << false;
        QTest::newRow("html") << true;
    }

    void missingImageIsANoteNotAFailure()
    {
        QFETCH(bool, html);
        Turn turn = baseTurn(QStringLiteral("two images"));
        turn.images << storedImage(*m_store, encoded({ 3, 3 }, "PNG", Qt::green), {});
        turn.images << storedImage(*m_store, encoded({ 5, 3 }, "PNG", Qt::yellow), {});
        QVERIFY(QFile::remove(turn.images.at(1).filePath));
        ImageAsset neverCame;
        neverCame.state = ImageAsset::State::Failed;
        neverCame.error = QStringLiteral("No image arrived for this call.");
        turn.images << neverCame;
        const QString out
            = m_dir->filePath(html ? QStringLiteral("x/out.html") : QStringLiteral("x/out.md"));
        const ConversationExporter::Result result = html
            ? ConversationExporter::writeHtml(QStringLiteral("T"), { turn }, out)
            : ConversationExporter::writeMarkdown(QStringLiteral("T"), { turn }, out);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.imagesExported, 1);
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.first().contains(QStringLiteral("image 2")));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("Image 2 is not included")));
        QVERIFY(!text.contains(QStringLiteral("Image 1 is not included")));
        // The image's own sentence, inside the note's: one full stop.
        QVERIFY2(text.contains(
                     QStringLiteral("Image 3 is not included: No image arrived for this call.")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("call..")), qPrintable(text));
    }

    void unwritableDestinationFails_data()
    {
        QTest::addColumn<bool>("html");
        QTest::newRow("markdown") << false;
        QTest::newRow("html") << true;
    }

    void unwritableDestinationFails()
    {
        QFETCH(bool, html);
        // A regular file where the folder should be: cannot be created, even as root.
        QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Turn turn = baseTurn(QStringLiteral("p"));
        turn.images << storedImage(*m_store, encoded({ 3, 3 }, "PNG", Qt::green), {});
        const QString out
            = m_dir->filePath(QStringLiteral("blocker/sub/out.") + (html ? "html" : "md"));
        const ConversationExporter::Result result = html
            ? ConversationExporter::writeHtml(QStringLiteral("T"), { turn }, out)
            : ConversationExporter::writeMarkdown(QStringLiteral("T"), { turn }, out);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(QStringLiteral("Could not")), qPrintable(result.error));
        QVERIFY(result.error.contains(m_dir->filePath(QStringLiteral("blocker"))));
    }

    void htmlInlinesEveryImage_data()
    {
        QTest::addColumn<QStringList>("formats");
        QTest::newRow("one png") << QStringList { QStringLiteral("PNG") };
        QTest::newRow("png and jpeg")
            << QStringList { QStringLiteral("PNG"), QStringLiteral("JPEG") };
        QTest::newRow("three") << QStringList { QStringLiteral("JPEG"), QStringLiteral("PNG"),
                                                QStringLiteral("PNG") };
    }

    void htmlInlinesEveryImage()
    {
        QFETCH(QStringList, formats);
        Turn turn = baseTurn(QStringLiteral("several"));
        QList<QByteArray> originals;
        for (int i = 0; i < formats.size(); ++i) {
            const QByteArray bytes = encoded({ 8 + i, 5 }, formats.at(i).toLatin1().constData(),
                                             QColor(40 * i, 90, 200));
            originals << bytes;
            turn.images << storedImage(*m_store, bytes, {});
        }
        const QString out = m_dir->filePath(QStringLiteral("page.html"));
        const ConversationExporter::Result result
            = ConversationExporter::writeHtml(QStringLiteral("Several"), { turn }, out);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.imagesExported, formats.size());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString doc = QString::fromUtf8(file.readAll());
        static const QRegularExpression dataUrl(
            QStringLiteral("src=\"data:(image/[a-z]+);base64,([A-Za-z0-9+/=]+)\""));
        QList<QByteArray> found;
        QStringList types;
        for (auto it = dataUrl.globalMatch(doc); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            types << m.captured(1);
            found << QByteArray::fromBase64(m.captured(2).toLatin1());
        }
        QCOMPARE(found, originals);
        for (int i = 0; i < formats.size(); ++i)
            QCOMPARE(types.at(i), turn.images.at(i).mimeType);
        QVERIFY(!doc.contains(QStringLiteral("src=\"file:")));
        QVERIFY(!doc.contains(m_dir->path()));
    }

    void hostileText_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("escapedMarkdown");
        QTest::newRow("script") << QStringLiteral("<script>alert(1)</script>")
                                << QStringLiteral("\\<script\\>alert\\(1\\)\\</script\\>");
        QTest::newRow("emphasis and links")
            << QStringLiteral("**bold** _it_ [x](http://e)")
            << QStringLiteral("\\*\\*bold\\*\\* \\_it\\_ \\[x\\]\\(http://e\\)");
        QTest::newRow("heading and list")
            << QStringLiteral("# H\n- item\n1. one") << QStringLiteral("\\# H\n\\- item\n1\\. one");
        QTest::newRow("image and entity") << QStringLiteral("![a](b) &lt; `code`")
                                          << QStringLiteral("\\!\\[a\\]\\(b\\) \\&lt; \\`code\\`");
        QTest::newRow("backslash and table")
            << QStringLiteral("a\\b | c") << QStringLiteral("a\\\\b \\| c");
    }

    void hostileText()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, escapedMarkdown);
        QCOMPARE(ConversationExporter::escapeMarkdown(prompt), escapedMarkdown);

        Turn turn = baseTurn(prompt);
        turn.text = QStringLiteral("Reply with <img src=x onerror=alert(1)> and `<b>code</b>`");
        turn.images << storedImage(*m_store, encoded({ 2, 2 }, "PNG", Qt::black), prompt);
        const QString md = ConversationExporter::markdown(prompt, { turn });
        QVERIFY(md.startsWith(QStringLiteral("# ") + escapedMarkdown + QLatin1Char('\n')));
        QVERIFY(md.contains(QStringLiteral("Reply with &lt;img src=x onerror=alert(1)> and "
                                           "`<b>code</b>`")));
        static const QRegularExpression rawScript(QStringLiteral("(?<!\\\\)<script"));
        QVERIFY(!md.contains(rawScript));

        const QString html = ConversationExporter::html(prompt, { turn });
        const QString escaped
            = prompt.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>\n"));
        // dir="auto": right-to-left prompts and replies read so in a browser (found by QA).
        QVERIFY(html.contains(QStringLiteral("<div class=\"prompt\" dir=\"auto\">") + escaped
                              + QStringLiteral("</div>")));
        QVERIFY(html.contains(QStringLiteral("<p dir=\"auto\">Reply with &lt;img")));
        QVERIFY(html.contains(QStringLiteral("<h1 dir=\"auto\">")));
        QVERIFY(html.contains(QStringLiteral("<title>") + prompt.toHtmlEscaped()
                              + QStringLiteral("</title>")));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<img src=x")));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ImageStore> m_store;
};

QTEST_GUILESS_MAIN(TestConversationExporter)
#include "tst_conversationexporter.moc"
