#include "detailsdialog.h"
#include "imageviewer.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

class TestImageViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsOffTheGuiThreadAndTitles_data();
    void loadsOffTheGuiThreadAndTitles();
    void failuresAreShown_data();
    void failuresAreShown();
    void zoomsWithKeysWheelAndButtons();
    void escapeCloses();
    void stepsThroughASequence();
    void savesAndCopiesTheImageShown();
    void detailsShowEverything();
    void detailsHighlightDifferences_data();
    void detailsHighlightDifferences();

private:
    QTemporaryDir m_dir;
    QString m_pngPath;
    QString m_jpegPath;
};

void TestImageViewer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QImage image(QSize(1536, 1024), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setBrush(QColor(220, 80, 60));
    painter.drawEllipse(QRect(300, 100, 900, 800));
    painter.end();
    m_pngPath = m_dir.filePath(QStringLiteral("transparent.png"));
    QVERIFY(image.save(m_pngPath, "png"));
    m_jpegPath = m_dir.filePath(QStringLiteral("photo.jpg"));
    QVERIFY(image.convertToFormat(QImage::Format_RGB32).scaled(640, 480).save(m_jpegPath, "jpeg"));
}

void TestImageViewer::loadsOffTheGuiThreadAndTitles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("title");
    QTest::newRow("png") << m_pngPath << QSize(1536, 1024)
                         << QStringLiteral("transparent.png — 1536 × 1024 PNG");
    QTest::newRow("jpeg") << m_jpegPath << QSize(640, 480)
                          << QStringLiteral("photo.jpg — 640 × 480 JPEG");
}

void TestImageViewer::loadsOffTheGuiThreadAndTitles()
{
    QFETCH(QString, path);
    QFETCH(QSize, size);
    QFETCH(QString, title);

    ImageViewer viewer;
    QCOMPARE(viewer.objectName(), QStringLiteral("imageViewer"));
    QSignalSpy loaded(&viewer, &ImageViewer::loaded);
    viewer.resize(800, 600);
    viewer.show();
    viewer.openFile(path);
    QVERIFY(!viewer.isLoaded()); // openFile returns before the decode is done
    QVERIFY(loaded.wait(5000));
    QVERIFY(viewer.isLoaded());
    QCOMPARE(viewer.imageSize(), size);
    QCOMPARE(viewer.windowTitle(), title);
    QVERIFY(viewer.fitsToWindow());
    QVERIFY(viewer.zoom() <= 1.0);

    // Named by what it shows rather than by its file (a content hash in Easel's store), before
    // and after loading (found by QA).
    const QString details = title.section(QStringLiteral(" — "), 1);
    viewer.setSubject(QStringLiteral("a lighthouse at dusk"));
    QCOMPARE(viewer.windowTitle(), QStringLiteral("a lighthouse at dusk — ") + details);
    viewer.openFile(path);
    viewer.setSubject(QStringLiteral("low, gpt-image-1.5 — Compare"));
    QCOMPARE(viewer.windowTitle(), QStringLiteral("low, gpt-image-1.5 — Compare"));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(viewer.windowTitle(), QStringLiteral("low, gpt-image-1.5 — Compare — ") + details);
}

void TestImageViewer::failuresAreShown_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << QStringLiteral("nothing.png") << QByteArray()
                             << QStringLiteral("The image file is missing");
    QTest::newRow("not an image") << QStringLiteral("notes.png") << QByteArray("plain words")
                                  << QStringLiteral("The image file is damaged or not an image");
}

void TestImageViewer::failuresAreShown()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);

    const QString path = m_dir.filePath(name);
    if (!bytes.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    ImageViewer viewer;
    QSignalSpy failed(&viewer, &ImageViewer::loadFailed);
    viewer.openFile(path);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.at(0).at(0).toString(), message);
    QCOMPARE(viewer.errorMessage(), message);
    QVERIFY(!viewer.isLoaded());
    QVERIFY(!viewer.findChild<QToolButton *>(QStringLiteral("zoomInButton"))->isEnabled());
}

void TestImageViewer::zoomsWithKeysWheelAndButtons()
{
    ImageViewer viewer;
    QSignalSpy loaded(&viewer, &ImageViewer::loaded);
    viewer.resize(800, 600);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.openFile(m_pngPath);
    QVERIFY(loaded.wait(5000));
    const qreal fit = viewer.zoom();
    QVERIFY(fit < 0.6); // 1536 px wide in an 800 px window

    QTest::keyClick(&viewer, Qt::Key_1);
    QVERIFY(!viewer.fitsToWindow());
    QCOMPARE(viewer.zoom(), 1.0);
    auto *label = viewer.findChild<QLabel *>(QStringLiteral("zoomLabel"));
    // Written as the button beside it is (found by QA: "100%" on it, "68 %" here).
    QCOMPARE(label->text(), QStringLiteral("100%"));
    QCOMPARE(label->text(),
             viewer.findChild<QAbstractButton *>(QStringLiteral("actualSizeButton"))->text());

    QTest::keyClick(&viewer, Qt::Key_Plus);
    QCOMPARE(viewer.zoom(), 1.25);
    QCOMPARE(label->text(), QStringLiteral("125%"));
    QTest::keyClick(&viewer, Qt::Key_Minus);
    QTest::keyClick(&viewer, Qt::Key_Minus);
    QCOMPARE(viewer.zoom(), 0.8);

    // The wheel zooms, with or without Ctrl, as in the mask editor; Shift+wheel pans.
    QWidget *canvas = viewer.findChild<QWidget *>(QStringLiteral("imageCanvas"));
    QVERIFY(canvas);
    const QPointF center = QRectF(canvas->rect()).center();
    const auto wheel = [&](Qt::KeyboardModifiers modifiers) {
        QWheelEvent event(center, canvas->mapToGlobal(center), {}, QPoint(0, 120), Qt::NoButton,
                          modifiers, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &event);
    };
    wheel(Qt::ControlModifier);
    QCOMPARE(viewer.zoom(), 1.0);
    wheel(Qt::ShiftModifier);
    QCOMPARE(viewer.zoom(), 1.0);
    wheel(Qt::NoModifier);
    QCOMPARE(viewer.zoom(), 1.25);
    QCOMPARE(canvas->cursor().shape(), Qt::OpenHandCursor); // a drag pans

    viewer.findChild<QToolButton *>(QStringLiteral("fitButton"))->click();
    QVERIFY(viewer.fitsToWindow());
    QCOMPARE(viewer.zoom(), fit);
    // Fitted, nothing can be dragged, so no hand; the wheel zooms from here too (QA: it did
    // nothing at Fit).
    QCOMPARE(canvas->cursor().shape(), Qt::ArrowCursor);
    wheel(Qt::NoModifier);
    QVERIFY(viewer.zoom() > fit);
    QTest::keyClick(&viewer, Qt::Key_0);
    QVERIFY(viewer.fitsToWindow());
    viewer.findChild<QToolButton *>(QStringLiteral("zoomInButton"))->click();
    QVERIFY(viewer.zoom() > fit);
    QTest::keyClick(&viewer, Qt::Key_0);
    QVERIFY(viewer.fitsToWindow());

    // Transparent pixels sit on a checkerboard: a corner of the picture (outside the disc) shows
    // the grey squares, not the dark backdrop.
    QTest::keyClick(&viewer, Qt::Key_1);
    const QImage shot = viewer.grab().toImage();
    QVERIFY(shot.save(QStringLiteral("/tmp/easel-viewer.png")));
    const QPoint corner = canvas->mapTo(&viewer, QPoint(2, 2)) * shot.devicePixelRatio();
    const QColor checker = shot.pixelColor(corner);
    QVERIFY2(checker.lightness() > 120 && checker.saturation() < 20, qPrintable(checker.name()));
}

void TestImageViewer::escapeCloses()
{
    ImageViewer viewer;
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QVERIFY(viewer.isVisible());
    QTest::keyClick(&viewer, Qt::Key_Escape);
    QVERIFY(!viewer.isVisible());
}

// Left/Right and Page Up/Down step through the conversation's images, with their titles; the
// ends stay where they are.
void TestImageViewer::stepsThroughASequence()
{
    ImageViewer viewer(m_jpegPath);
    QSignalSpy loaded(&viewer, &ImageViewer::loaded);
    viewer.setSequence(
        { { m_pngPath, QStringLiteral("A red disc") }, { m_jpegPath, QStringLiteral("A photo") } });
    viewer.setSubject(QStringLiteral("A photo"));
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    // The first load may end while the window is being exposed: counted, not waited for.
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    auto *previous = viewer.findChild<QAction *>(QStringLiteral("previousImageAction"));
    auto *next = viewer.findChild<QAction *>(QStringLiteral("nextImageAction"));
    QVERIFY(previous && next);
    QVERIFY(previous->isEnabled());
    QVERIFY(!next->isEnabled()); // the last one

    QTest::keyClick(&viewer, Qt::Key_Left);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 5000);
    QCOMPARE(viewer.filePath(), m_pngPath);
    QCOMPARE(viewer.imageSize(), QSize(1536, 1024));
    QVERIFY(viewer.windowTitle().startsWith(QLatin1String("A red disc")));
    QVERIFY(!previous->isEnabled());
    QTest::keyClick(&viewer, Qt::Key_Left); // the first: stays
    QCOMPARE(viewer.filePath(), m_pngPath);
    QTest::keyClick(&viewer, Qt::Key_PageDown);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 5000);
    QCOMPARE(viewer.filePath(), m_jpegPath);
    QVERIFY(viewer.windowTitle().startsWith(QLatin1String("A photo")));
}

// Offered by the window that opened it, Ctrl+S and Ctrl+C ask for the image shown; not offered,
// they are not there.
void TestImageViewer::savesAndCopiesTheImageShown()
{
    ImageViewer viewer(m_pngPath);
    QSignalSpy loaded(&viewer, &ImageViewer::loaded);
    QSignalSpy saves(&viewer, &ImageViewer::saveRequested);
    QSignalSpy copies(&viewer, &ImageViewer::copyRequested);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    auto *save = viewer.findChild<QAction *>(QStringLiteral("saveImageAction"));
    QVERIFY(save && !save->isVisible() && !save->isEnabled());
    QTest::keySequence(&viewer, QKeySequence::Save);
    QCOMPARE(saves.count(), 0);

    viewer.offerSaveAndCopy(true);
    QVERIFY(save->isEnabled());
    QTest::keySequence(&viewer, QKeySequence::Save);
    QTest::keySequence(&viewer, QKeySequence::Copy);
    QCOMPARE(saves.count(), 1);
    QCOMPARE(saves.constFirst().constFirst().toString(), m_pngPath);
    QCOMPARE(copies.count(), 1);
    QCOMPARE(copies.constFirst().constFirst().toString(), m_pngPath);
}

void TestImageViewer::detailsShowEverything()
{
    Turn turn;
    turn.id = QStringLiteral("turn-1");
    turn.prompt = QStringLiteral("A lighthouse at dusk");
    turn.providerId = QStringLiteral("openai");
    turn.chatModel = QStringLiteral("gpt-5");
    turn.responseId = QStringLiteral("resp_abc123");
    turn.status = Turn::Status::Done;
    turn.usage.inputTokens = 1889;
    turn.usage.outputTokens = 1434;
    turn.cost.usd = 0.0421;
    turn.cost.basis = Cost::Basis::Estimated;
    turn.cost.note = QStringLiteral("no billed cost from this gateway");
    ImageAsset image;
    image.itemId = QStringLiteral("ig_42");
    image.state = ImageAsset::State::Final;
    image.hash = QStringLiteral("e3b0c44298fc1c149afbf4c8996fb924");
    image.filePath = QStringLiteral("/images/e3/e3b0.png");
    image.pixelSize = QSize(1536, 1024);
    image.byteSize = 2'345'678;
    image.report.revisedPrompt = QStringLiteral("A tall lighthouse on a cliff at dusk");
    image.report.size = QStringLiteral("1536x1024");
    image.report.quality = QStringLiteral("high");
    turn.requested.size = QStringLiteral("1024x1024");
    turn.requested.quality = QStringLiteral("high");
    turn.images << image;
    // An edit through a mask names what it edited and the mask (QA).
    turn.editOf = { QStringLiteral("turn-0"), QStringLiteral("ig_7") };
    turn.maskPath = QStringLiteral("/data/masks/mask-1.png");

    DetailsDialog dialog(turn, image);
    const QString text = dialog.plainText();
    for (const QString &expected :
         { turn.prompt, image.report.revisedPrompt, turn.responseId, image.itemId, image.hash,
           image.filePath, QStringLiteral("1536 × 1024"), QStringLiteral("2,345,678"),
           QStringLiteral("1,889"), QStringLiteral("$0.0421 estimated"), turn.cost.note,
           QStringLiteral("gpt-image-1.5"), QStringLiteral("OpenAI (openai)"),
           QStringLiteral("ig_7 of turn turn-0"), turn.maskPath }) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    // A turn the gateway refused outright expects no charge; one it took and lost may be billed.
    Turn refused;
    refused.prompt = QStringLiteral("A fox");
    refused.providerId = QStringLiteral("my-gateway"); // a user's profile: its id as it is
    refused.status = Turn::Status::Failed;
    refused.errorMessage = QStringLiteral("OpenAI rejected the API key (401).");
    const QString refusedText = DetailsDialog(refused).plainText();
    QVERIFY2(refusedText.contains(QLatin1String("none expected")), qPrintable(refusedText));
    QVERIFY(refusedText.contains(QLatin1String("my-gateway")));
    refused.accepted = true;
    const QString takenText = DetailsDialog(refused).plainText();
    QVERIFY2(!takenText.contains(QLatin1String("none expected")), qPrintable(takenText));
    QVERIFY(takenText.contains(QLatin1String("unknown")));
    auto *browser = dialog.findChild<QTextBrowser *>(QStringLiteral("detailsText"));
    QVERIFY(browser && browser->isReadOnly());
    QVERIFY(browser->textInteractionFlags() & Qt::TextSelectableByMouse);
    dialog.resize(640, 900);
    QVERIFY(dialog.grab().save(QStringLiteral("/tmp/easel-details.png")));
}

void TestImageViewer::detailsHighlightDifferences_data()
{
    QTest::addColumn<QString>("requestedSize");
    QTest::addColumn<QString>("requestedQuality");
    QTest::addColumn<QString>("actualSize");
    QTest::addColumn<QString>("actualQuality");
    QTest::addColumn<QStringList>("differing");

    QTest::newRow("as requested") << QStringLiteral("1024x1024") << QStringLiteral("high")
                                  << QStringLiteral("1024x1024") << QStringLiteral("high")
                                  << QStringList();
    QTest::newRow("auto resolved is no difference")
        << QStringLiteral("auto") << QStringLiteral("auto") << QStringLiteral("1536x1024")
        << QStringLiteral("medium") << QStringList();
    QTest::newRow("size ignored") << QStringLiteral("1024x1024") << QStringLiteral("high")
                                  << QStringLiteral("1536x1024") << QStringLiteral("high")
                                  << QStringList { QStringLiteral("Size") };
    QTest::newRow("both changed") << QStringLiteral("1024x1536") << QStringLiteral("low")
                                  << QStringLiteral("1024x1024") << QStringLiteral("medium")
                                  << QStringList { QStringLiteral("Size"),
                                                   QStringLiteral("Quality") };
}

void TestImageViewer::detailsHighlightDifferences()
{
    QFETCH(QString, requestedSize);
    QFETCH(QString, requestedQuality);
    QFETCH(QString, actualSize);
    QFETCH(QString, actualQuality);
    QFETCH(QStringList, differing);

    Turn turn;
    turn.requested.size = requestedSize;
    turn.requested.quality = requestedQuality;
    ImageAsset image;
    image.itemId = QStringLiteral("ig");
    image.report.size = actualSize;
    image.report.quality = actualQuality;
    turn.images << image;
    DetailsDialog dialog(turn, image);
    QCOMPARE(dialog.differingParameters(), differing);
    QVERIFY(dialog.plainText().contains(actualSize));
}

QTEST_MAIN(TestImageViewer)
#include "tst_imageviewer.moc"
