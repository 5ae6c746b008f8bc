#include "demo/demoimagepainter.h"
#include "imagepairdialog.h"
#include "pairdifferencespanel.h"

#include <QAbstractButton>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Side = ImagePairView::Side;
using Mode = ImagePairView::Mode;

// The image pair dialog (ui/imagepairdialog.*) as a compare window or the conversation opens it:
// two turns, one image index each.
class TestImagePairDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keysSwitchModes_data();
    void keysSwitchModes();
    void buttonsSwitchModesAndZoom();
    void listsWhatDiffers();
    void imageThatCannotBeShown_data();
    void imageThatCannotBeShown();
    void notesDifferentPixelSizes();
    void screenshotsOfEachMode();

private:
    Turn turnFor(const QString &path, const QString &quality, double usd) const;
    static bool waitForLoads(ImagePairDialog &dialog);

    QTemporaryDir m_dir;
    QString m_highPath;
    QString m_lowPath;
    QString m_widePath;
    QString m_transparentPath;
};

void TestImagePairDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString prompt = QStringLiteral("a lighthouse on a cliff at sunset, ocean waves");
    m_highPath = m_dir.filePath(QStringLiteral("high.png"));
    m_lowPath = m_dir.filePath(QStringLiteral("low.png"));
    m_widePath = m_dir.filePath(QStringLiteral("wide.png"));
    m_transparentPath = m_dir.filePath(QStringLiteral("badge.png"));
    QVERIFY(DemoImagePainter::paint(prompt, QSize(1024, 1024), QStringLiteral("high"), false, 1.0)
                .save(m_highPath, "png"));
    QVERIFY(DemoImagePainter::paint(prompt, QSize(1024, 1024), QStringLiteral("low"), false, 1.0)
                .save(m_lowPath, "png"));
    QVERIFY(DemoImagePainter::paint(prompt, QSize(1536, 1024), QStringLiteral("high"), false, 1.0)
                .save(m_widePath, "png"));
    QVERIFY(DemoImagePainter::paint(prompt, QSize(1024, 1024), QStringLiteral("high"), true, 1.0)
                .save(m_transparentPath, "png"));
}

Turn TestImagePairDialog::turnFor(const QString &path, const QString &quality, double usd) const
{
    Turn turn;
    turn.id = QStringLiteral("turn-") + quality;
    turn.prompt = QStringLiteral("a lighthouse on a cliff at sunset, ocean waves");
    turn.providerId = QStringLiteral("demo");
    turn.chatModel = QStringLiteral("demo-chat");
    turn.requested.imageModel = QStringLiteral("gpt-image-1");
    turn.requested.quality = quality;
    turn.requested.size = QStringLiteral("1024x1024");
    turn.usage.inputTokens = 52;
    turn.usage.outputTokens = 18;
    turn.cost = Cost { usd, Cost::Basis::Demo, {} };
    turn.durationMs = 12'400;
    turn.status = Turn::Status::Done;
    ImageAsset image;
    image.itemId = QStringLiteral("ig_1");
    image.state = ImageAsset::State::Final;
    image.filePath = path;
    image.pixelSize = QSize(1024, 1024);
    image.byteSize = 1'048'576;
    image.report.size = QStringLiteral("1024x1024");
    image.report.outputFormat = QStringLiteral("png");
    image.report.revisedPrompt
        = QStringLiteral("A lighthouse on a cliff at sunset, waves below, warm light");
    turn.images << image;
    return turn;
}

bool TestImagePairDialog::waitForLoads(ImagePairDialog &dialog)
{
    return QTest::qWaitFor([&] { return !dialog.view()->isLoading(); }, 10000);
}

void TestImagePairDialog::keysSwitchModes_data()
{
    QTest::addColumn<Mode>("from");
    QTest::addColumn<int>("key");
    QTest::addColumn<Mode>("expected");
    QTest::addColumn<QString>("button");
    QTest::newRow("2: slider") << Mode::SideBySide << int(Qt::Key_2) << Mode::Slider
                               << QStringLiteral("sliderButton");
    QTest::newRow("3: difference") << Mode::SideBySide << int(Qt::Key_3) << Mode::Difference
                                   << QStringLiteral("differenceButton");
    QTest::newRow("1: side by side") << Mode::Difference << int(Qt::Key_1) << Mode::SideBySide
                                     << QStringLiteral("sideBySideButton");
    QTest::newRow("3 from slider")
        << Mode::Slider << int(Qt::Key_3) << Mode::Difference << QStringLiteral("differenceButton");
}

void TestImagePairDialog::keysSwitchModes()
{
    QFETCH(Mode, from);
    QFETCH(int, key);
    QFETCH(Mode, expected);
    QFETCH(QString, button);

    ImagePairDialog dialog(turnFor(m_highPath, QStringLiteral("high"), 0.17), 0,
                           turnFor(m_lowPath, QStringLiteral("low"), 0.011), 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setMode(from);
    QCOMPARE(dialog.mode(), from);
    QSignalSpy changed(dialog.view(), &ImagePairView::modeChanged);
    QTest::keyClick(&dialog, Qt::Key(key));
    QCOMPARE(dialog.mode(), expected);
    QCOMPARE(changed.size(), 1);
    auto *checked = dialog.findChild<QAbstractButton *>(button);
    QVERIFY(checked && checked->isChecked());
    auto *amplify = dialog.findChild<QAbstractButton *>(QStringLiteral("amplifyButton"));
    QCOMPARE(amplify->isVisible(), expected == Mode::Difference);
    // The key works with the focus in the picture, too.
    QWidget *pane = dialog.findChild<QWidget *>(
        expected == Mode::SideBySide ? QStringLiteral("paneA") : QStringLiteral("overlayPane"));
    QVERIFY(pane && pane->isVisible());
    QTest::keyClick(pane, Qt::Key(key == Qt::Key_1 ? Qt::Key_2 : Qt::Key_1));
    QVERIFY(dialog.mode() != expected);
}

void TestImagePairDialog::buttonsSwitchModesAndZoom()
{
    ImagePairDialog dialog(turnFor(m_highPath, QStringLiteral("high"), 0.17), 0,
                           turnFor(m_lowPath, QStringLiteral("low"), 0.011), 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForLoads(dialog));

    QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("sliderButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.mode(), Mode::Slider);
    QTest::keyClick(&dialog, Qt::Key_Left);
    QCOMPARE(dialog.view()->sliderPosition(), 0.45);

    auto *zoomLabel = dialog.findChild<QLabel *>(QStringLiteral("zoomLabel"));
    auto *fit = dialog.findChild<QAbstractButton *>(QStringLiteral("fitButton"));
    QVERIFY(fit->isChecked());
    QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("actualSizeButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.view()->zoom(), 1.0);
    QCOMPARE(zoomLabel->text(), QStringLiteral("100%"));
    QVERIFY(!fit->isChecked());
    QTest::keyClick(&dialog, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(dialog.view()->zoom(), 1.25);
    QTest::keyClick(&dialog, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(&dialog, Qt::Key_Minus);
    QCOMPARE(dialog.view()->zoom(), 0.8);
    QTest::keyClick(&dialog, Qt::Key_0);
    QVERIFY(dialog.view()->fitsToWindow());
    QVERIFY(fit->isChecked());
    QTest::keyClick(&dialog, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(dialog.view()->zoom(), 1.0);
    QCOMPARE(dialog.mode(), Mode::Slider); // Ctrl+1 is 100 %, not a mode

    QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("differenceButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.mode(), Mode::Difference);
    QCOMPARE(dialog.view()->zoom(), 1.0); // one zoom for every mode
    auto *amplify = dialog.findChild<QAbstractButton *>(QStringLiteral("amplifyButton"));
    QVERIFY(amplify->isVisible());
    QTest::mouseClick(amplify, Qt::LeftButton);
    QVERIFY(dialog.view()->isAmplified());
    QTest::keyClick(&dialog, Qt::Key_A);
    QVERIFY(!dialog.view()->isAmplified());
    dialog.view()->setAmplified(true); // the button follows the view, whoever changed it
    QVERIFY(amplify->isChecked());
}

void TestImagePairDialog::listsWhatDiffers()
{
    ImagePairDialog dialog(turnFor(m_highPath, QStringLiteral("high"), 0.17), 0,
                           turnFor(m_lowPath, QStringLiteral("low"), 0.011), 0,
                           QStringLiteral("quality=high"), QStringLiteral("quality=low"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForLoads(dialog));
    QVERIFY(dialog.view()->isLoaded(Side::A));
    QVERIFY(dialog.view()->isLoaded(Side::B));
    QCOMPARE(dialog.title(Side::A), QStringLiteral("quality=high"));
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("quality=low")));

    PairDifferencesPanel *panel = dialog.findChild<PairDifferencesPanel *>();
    QVERIFY(panel && panel->isVisible());
    QCOMPARE(panel->differingKeys(),
             (QStringList { QStringLiteral("requestedQuality"), QStringLiteral("cost") }));
    QWidget *cost = panel->findChild<QWidget *>(QStringLiteral("difference_cost"));
    QVERIFY(cost && cost->isVisible());
    QCOMPARE(cost->findChild<QLabel *>(QStringLiteral("valueA"))->text(),
             QStringLiteral("$0.17 demo"));
    QCOMPARE(cost->findChild<QLabel *>(QStringLiteral("valueB"))->text(),
             QStringLiteral("$0.011 demo"));
    QVERIFY(!panel->findChild<QLabel *>(QStringLiteral("pairNote"))->isVisible());

    // Without titles from the caller, the image model and quality name them.
    ImagePairDialog untitled(turnFor(m_highPath, QStringLiteral("high"), 0.17), 0,
                             turnFor(m_lowPath, QStringLiteral("auto"), 0.011), 0);
    QCOMPARE(untitled.title(Side::A), QStringLiteral("gpt-image-1, high"));
    QCOMPARE(untitled.title(Side::B), QStringLiteral("gpt-image-1"));
}

void TestImagePairDialog::imageThatCannotBeShown_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing file") << QStringLiteral("gone.png") << 0 << false
                                  << QStringLiteral("The image file is missing");
    QTest::newRow("no such image")
        << QString() << 1 << false << QStringLiteral("This turn has no image 2.");
    QTest::newRow("failed image") << QString() << 0 << true
                                  << QStringLiteral("The image link answered 404 Not Found.");
}

void TestImagePairDialog::imageThatCannotBeShown()
{
    QFETCH(QString, path);
    QFETCH(int, index);
    QFETCH(bool, failed);
    QFETCH(QString, reason);

    Turn broken
        = turnFor(path.isEmpty() ? m_lowPath : m_dir.filePath(path), QStringLiteral("low"), 0.011);
    if (failed) {
        broken.images[0].state = ImageAsset::State::Failed;
        broken.images[0].filePath.clear();
        broken.images[0].error = reason;
    }
    ImagePairDialog dialog(turnFor(m_highPath, QStringLiteral("high"), 0.17), 0, broken, index);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForLoads(dialog));
    QVERIFY(dialog.view()->isLoaded(Side::A));
    QCOMPARE(dialog.view()->errorMessage(Side::B), reason);
    QCOMPARE(dialog.findChild<QWidget *>(QStringLiteral("paneB"))->accessibleDescription(),
             QStringLiteral("Could not read image B.\n") + reason);
    // The image that is there still zooms, in every mode.
    QTest::keyClick(&dialog, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(dialog.view()->zoom(), 1.0);
    for (int key : { Qt::Key_2, Qt::Key_3 }) {
        QTest::keyClick(&dialog, Qt::Key(key));
        QVERIFY(!dialog.grab().isNull());
    }
    QVERIFY(dialog.differencesPanel()->differingKeys().contains(QStringLiteral("cost")));
    QVERIFY(dialog.grab().save(QStringLiteral("/tmp/pair-test-missing.png")));
}

void TestImagePairDialog::notesDifferentPixelSizes()
{
    Turn wide = turnFor(m_widePath, QStringLiteral("high"), 0.25);
    wide.images[0].pixelSize = QSize(1536, 1024);
    ImagePairDialog dialog(turnFor(m_highPath, QStringLiteral("high"), 0.17), 0, wide, 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(waitForLoads(dialog));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("pairNote"));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(),
             QStringLiteral(
                 "The images differ in size (A 1024 × 1024, B 1536 × 1024): B is laid over A's "
                 "area to compare them, and scaled to A's size for the difference."));
    QVERIFY(dialog.differencesPanel()->differingKeys().contains(QStringLiteral("pixelSize")));

    // Side by side, B keeps its shape inside A's square.
    const QRectF areaA = dialog.view()->imageRectInPane(Side::A);
    const QRectF areaB = dialog.view()->imageRectInPane(Side::B);
    QCOMPARE(areaB.width(), areaA.width());
    QCOMPARE(areaB.height(), areaA.height() * 1024.0 / 1536.0);
    QCOMPARE(areaB.center(), areaA.center());
    QSignalSpy ready(dialog.view(), &ImagePairView::differenceReady);
    QTest::keyClick(&dialog, Qt::Key_3);
    QVERIFY(ready.wait(10000));
    QCOMPARE(dialog.view()->differenceImage().size(), QSize(1024, 1024));
}

void TestImagePairDialog::screenshotsOfEachMode()
{
    struct Shot
    {
        QString pathB;
        Mode mode;
        bool amplified;
        QString file;
        bool expandSame = false;
    };
    const QList<Shot> shots {
        { m_lowPath, Mode::SideBySide, false, QStringLiteral("/tmp/pair-side-by-side.png") },
        { m_lowPath, Mode::Slider, false, QStringLiteral("/tmp/pair-slider.png") },
        { m_lowPath, Mode::Difference, false, QStringLiteral("/tmp/pair-difference.png") },
        { m_lowPath, Mode::Difference, true, QStringLiteral("/tmp/pair-difference-x4.png") },
        { m_transparentPath, Mode::Slider, false, QStringLiteral("/tmp/pair-transparent.png") },
        { m_widePath, Mode::SideBySide, false, QStringLiteral("/tmp/pair-sizes.png"), true },
    };
    for (const Shot &shot : shots) {
        Turn b = turnFor(shot.pathB, QStringLiteral("low"), 0.011);
        b.images[0].pixelSize = QImage(shot.pathB).size();
        b.images[0].report.revisedPrompt
            = QStringLiteral("A lighthouse on a rocky cliff at sunset with waves breaking below");
        b.durationMs = 6'100;
        ImagePairDialog dialog(turnFor(m_highPath, QStringLiteral("high"), 0.17), 0, b, 0,
                               QStringLiteral("quality=high, gpt-image-1"),
                               QStringLiteral("quality=low, gpt-image-1"));
        dialog.resize(1280, 820);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(waitForLoads(dialog));
        QSignalSpy ready(dialog.view(), &ImagePairView::differenceReady);
        dialog.setMode(shot.mode);
        dialog.view()->setAmplified(shot.amplified);
        dialog.differencesPanel()->setSameExpanded(shot.expandSame);
        if (shot.mode == Mode::Difference && dialog.view()->differenceImage().isNull())
            QVERIFY(ready.wait(10000));
        const QImage image = dialog.grab().toImage();
        QVERIFY(image.save(shot.file));
        QVERIFY(QFileInfo(shot.file).size() > 10'000);
    }
}

QTEST_MAIN(TestImagePairDialog)
#include "tst_imagepairdialog.moc"
