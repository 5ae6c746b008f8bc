#include "imagepairview.h"
#include "imageviewport.h"

#include <QApplication>
#include <QFile>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using Side = ImagePairView::Side;
using Mode = ImagePairView::Mode;

// The canvas of the image pair dialog (ui/imagepairview.*), driven through real events on its
// panes and checked on the pixels it paints.
class TestImagePairView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void zoomAndPanMoveBothPanes_data();
    void zoomAndPanMoveBothPanes();
    void zoomSurvivesAChangeOfMode();
    void sliderPaintsALeftAndBRight_data();
    void sliderPaintsALeftAndBRight();
    void dividerFollowsTheMouse();
    void differenceOfPixels_data();
    void differenceOfPixels();
    void differenceScalesBToA();
    void largeDifferenceIsComputedOffTheGuiThread();
    void unreadableFileShowsWhyInItsPane_data();
    void unreadableFileShowsWhyInItsPane();
    void transparentPixelsShowTheCheckerboard();

private:
    static QImage solid(QSize size, const QColor &colour);
    static QImage pattern(QSize size, int seed);
    static void wheel(QWidget *widget, QPointF at, int delta);
    static void mouse(QWidget *widget, QEvent::Type type, QPointF at);
    static QColor pixel(QWidget *widget, QPointF at);
    void showView(ImagePairView &view);

    QTemporaryDir m_dir;
    QString m_goodPath;
};

QImage TestImagePairView::solid(QSize size, const QColor &colour)
{
    QImage image(size, colour.alpha() == 255 ? QImage::Format_RGB32 : QImage::Format_ARGB32);
    image.fill(colour);
    return image;
}

// A picture with structure, so a change of zoom or pan changes what is seen.
QImage TestImagePairView::pattern(QSize size, int seed)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, size.width(), size.height());
    gradient.setColorAt(0, QColor::fromHsv((seed * 70) % 360, 200, 220));
    gradient.setColorAt(1, QColor::fromHsv((seed * 70 + 150) % 360, 200, 120));
    painter.fillRect(image.rect(), gradient);
    painter.setPen(QPen(Qt::white, 6));
    for (int x = 0; x < size.width(); x += 100)
        painter.drawLine(x, 0, x + seed * 20, size.height());
    return image;
}

void TestImagePairView::wheel(QWidget *widget, QPointF at, int delta)
{
    QWheelEvent event(at, widget->mapToGlobal(at), {}, QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

void TestImagePairView::mouse(QWidget *widget, QEvent::Type type, QPointF at)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    const Qt::MouseButtons held = type == QEvent::MouseButtonRelease
        ? Qt::MouseButtons()
        : Qt::MouseButtons(Qt::LeftButton);
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, held, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

QColor TestImagePairView::pixel(QWidget *widget, QPointF at)
{
    const QImage shot = widget->grab().toImage();
    return shot.pixelColor((at * shot.devicePixelRatio()).toPoint());
}

void TestImagePairView::showView(ImagePairView &view)
{
    view.resize(1002, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
}

void TestImagePairView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_goodPath = m_dir.filePath(QStringLiteral("good.png"));
    QVERIFY(pattern(QSize(1536, 1024), 1).save(m_goodPath, "png"));
}

void TestImagePairView::zoomAndPanMoveBothPanes_data()
{
    QTest::addColumn<QString>("pane");
    QTest::addColumn<bool>("drag");
    QTest::newRow("wheel on A") << QStringLiteral("paneA") << false;
    QTest::newRow("wheel on B") << QStringLiteral("paneB") << false;
    QTest::newRow("wheel and drag on A") << QStringLiteral("paneA") << true;
    QTest::newRow("wheel and drag on B") << QStringLiteral("paneB") << true;
}

void TestImagePairView::zoomAndPanMoveBothPanes()
{
    QFETCH(QString, pane);
    QFETCH(bool, drag);

    ImagePairView view;
    showView(view);
    view.setImages(pattern(QSize(2000, 1200), 1), pattern(QSize(2000, 1200), 2));
    QWidget *source = view.findChild<QWidget *>(pane);
    QVERIFY(source && source->isVisible());
    QCOMPARE(view.findChild<QWidget *>(QStringLiteral("paneA"))->size(),
             view.findChild<QWidget *>(QStringLiteral("paneB"))->size());
    QVERIFY(view.fitsToWindow());
    QCOMPARE(view.visibleImageRect(Side::A), QRectF(0, 0, 2000, 1200));
    QCOMPARE(view.visibleImageRect(Side::A), view.visibleImageRect(Side::B));

    // The wheel zooms about the cursor: the picture's point under it stays under it.
    const Side side = pane == QLatin1String("paneA") ? Side::A : Side::B;
    const QPointF cursor(200, 330);
    auto imagePointAt = [&](QPointF at) {
        const QRectF shown = view.imageRectInPane(side);
        return (at - shown.topLeft()) * (2000.0 / shown.width());
    };
    const QPointF under = imagePointAt(cursor);
    const qreal fitted = view.zoom();
    QSignalSpy changed(&view, &ImagePairView::viewChanged);
    wheel(source, cursor, 6 * 120); // far enough for the picture to overflow the pane both ways
    QVERIFY(!changed.isEmpty());
    QVERIFY(!view.fitsToWindow());
    QCOMPARE(view.zoom(), fitted * std::pow(ImageViewport::zoomStep, 6));
    QVERIFY((imagePointAt(cursor) - under).manhattanLength() < 0.01);
    QRectF expected = view.visibleImageRect(Side::A);
    QVERIFY(expected.width() < 1200);

    if (drag) {
        mouse(source, QEvent::MouseButtonPress, QPointF(300, 300));
        mouse(source, QEvent::MouseMove, QPointF(240, 260));
        mouse(source, QEvent::MouseButtonRelease, QPointF(240, 260));
        const QRectF dragged = view.visibleImageRect(Side::A);
        QVERIFY(dragged.x() > expected.x());
        QVERIFY(dragged.y() > expected.y());
        expected = dragged;
    }
    // The other pane shows exactly the same part of the picture, drawn at the same place.
    QCOMPARE(view.visibleImageRect(Side::B), expected);
    QCOMPARE(view.visibleImageRect(Side::A), expected);
    QCOMPARE(view.imageRectInPane(Side::A), view.imageRectInPane(Side::B));

    view.fitToWindow();
    QVERIFY(view.fitsToWindow());
    QCOMPARE(view.visibleImageRect(Side::B), QRectF(0, 0, 2000, 1200));
}

void TestImagePairView::zoomSurvivesAChangeOfMode()
{
    ImagePairView view;
    showView(view);
    view.setImages(pattern(QSize(2000, 1200), 1), pattern(QSize(2000, 1200), 2));
    view.showActualSize();
    QCOMPARE(view.zoom(), 1.0);
    QWidget *paneA = view.findChild<QWidget *>(QStringLiteral("paneA"));
    mouse(paneA, QEvent::MouseButtonPress, QPointF(200, 200));
    mouse(paneA, QEvent::MouseMove, QPointF(100, 150));
    mouse(paneA, QEvent::MouseButtonRelease, QPointF(100, 150));
    QCOMPARE(view.visibleImageRect(Side::A).center(), QPointF(1100, 650));
    const QPointF centre = view.visibleImageRect(Side::A).center();

    QSignalSpy modes(&view, &ImagePairView::modeChanged);
    view.setMode(Mode::Slider);
    QCOMPARE(modes.size(), 1);
    QVERIFY(!view.findChild<QWidget *>(QStringLiteral("paneA"))->isVisible());
    QWidget *overlay = view.findChild<QWidget *>(QStringLiteral("overlayPane"));
    QVERIFY(overlay->isVisible());
    QCOMPARE(overlay->size(), view.size());
    QCOMPARE(view.zoom(), 1.0);
    // The wider pane shows more of the picture around the same point.
    const QRectF shown = view.overlayImageRect();
    const QPointF overlayCentre = (QRectF(overlay->rect()).center() - shown.topLeft());
    QVERIFY((overlayCentre - centre).manhattanLength() < 0.5);

    wheel(overlay, QPointF(500, 300), -120);
    QCOMPARE(view.zoom(), 0.8);
    view.setMode(Mode::SideBySide);
    QCOMPARE(view.zoom(), 0.8);
}

void TestImagePairView::sliderPaintsALeftAndBRight_data()
{
    QTest::addColumn<qreal>("position");
    QTest::newRow("30 %") << 0.3;
    QTest::newRow("70 %") << 0.7;
}

void TestImagePairView::sliderPaintsALeftAndBRight()
{
    QFETCH(qreal, position);

    ImagePairView view;
    showView(view);
    view.setImages(solid(QSize(2000, 1200), Qt::red), solid(QSize(2000, 1200), Qt::blue));
    view.setMode(Mode::Slider);
    QSignalSpy moved(&view, &ImagePairView::sliderMoved);
    view.setSliderPosition(position);
    QCOMPARE(moved.size(), 1);
    QWidget *overlay = view.findChild<QWidget *>(QStringLiteral("overlayPane"));
    const QRectF image = view.overlayImageRect();
    QVERIFY(image.width() > 900); // fitted: the picture spans nearly the whole pane
    const qreal divider = overlay->width() * position;
    const qreal y = image.center().y() + 100; // below the divider's grip

    const QImage shot = overlay->grab().toImage();
    auto at = [&](qreal x) {
        return shot.pixelColor(QPointF(x, y).toPoint());
    };
    for (qreal x : { image.left() + 4, divider - 20, divider - 4 })
        QCOMPARE(at(x), QColor(Qt::red));
    for (qreal x : { divider + 4, divider + 20, image.right() - 4 })
        QCOMPARE(at(x), QColor(Qt::blue));
    QVERIFY(shot.save(QStringLiteral("/tmp/pair-test-slider.png")));
}

void TestImagePairView::dividerFollowsTheMouse()
{
    ImagePairView view;
    showView(view);
    view.setImages(solid(QSize(2000, 1200), Qt::red), solid(QSize(2000, 1200), Qt::blue));
    view.setMode(Mode::Slider);
    QWidget *overlay = view.findChild<QWidget *>(QStringLiteral("overlayPane"));
    const qreal half = overlay->width() / 2.0;
    mouse(overlay, QEvent::MouseButtonPress, QPointF(half + 5, 300));
    mouse(overlay, QEvent::MouseMove, QPointF(overlay->width() * 0.25, 310));
    mouse(overlay, QEvent::MouseButtonRelease, QPointF(overlay->width() * 0.25, 310));
    QCOMPARE(view.sliderPosition(), 0.25);
    QVERIFY(view.fitsToWindow()); // dragging the divider is not a pan

    // Far from the divider a drag pans (once zoomed) and leaves the divider alone.
    view.showActualSize();
    const QRectF before = view.overlayImageRect();
    mouse(overlay, QEvent::MouseButtonPress, QPointF(700, 300));
    mouse(overlay, QEvent::MouseMove, QPointF(650, 300));
    mouse(overlay, QEvent::MouseButtonRelease, QPointF(650, 300));
    QCOMPARE(view.sliderPosition(), 0.25);
    QCOMPARE(view.overlayImageRect().x(), before.x() - 50);
}

void TestImagePairView::differenceOfPixels_data()
{
    QTest::addColumn<QColor>("a");
    QTest::addColumn<QColor>("b");
    QTest::addColumn<int>("gain");
    QTest::addColumn<QColor>("expected");

    QTest::newRow("identical") << QColor(90, 140, 200) << QColor(90, 140, 200) << 1
                               << QColor(0, 0, 0);
    QTest::newRow("identical, amplified")
        << QColor(90, 140, 200) << QColor(90, 140, 200) << 4 << QColor(0, 0, 0);
    QTest::newRow("red vs blue") << QColor(Qt::red) << QColor(Qt::blue) << 1 << QColor(255, 0, 255);
    QTest::newRow("blue vs red") << QColor(Qt::blue) << QColor(Qt::red) << 1 << QColor(255, 0, 255);
    QTest::newRow("subtle") << QColor(100, 100, 100) << QColor(104, 99, 100) << 1
                            << QColor(4, 1, 0);
    QTest::newRow("subtle, amplified")
        << QColor(100, 100, 100) << QColor(104, 99, 100) << 4 << QColor(16, 4, 0);
    QTest::newRow("amplified clips")
        << QColor(0, 0, 0) << QColor(100, 0, 0) << 4 << QColor(255, 0, 0);
    QTest::newRow("clear in both")
        << QColor(0, 0, 0, 0) << QColor(0, 0, 0, 0) << 1 << QColor(0, 0, 0, 0);
    QTest::newRow("same half-clear")
        << QColor(200, 0, 0, 128) << QColor(200, 0, 0, 128) << 1 << QColor(0, 0, 0);
    QTest::newRow("opaque vs clear")
        << QColor(Qt::black) << QColor(0, 0, 0, 0) << 1 << QColor(255, 255, 255);
}

void TestImagePairView::differenceOfPixels()
{
    QFETCH(QColor, a);
    QFETCH(QColor, b);
    QFETCH(int, gain);
    QFETCH(QColor, expected);

    const QImage difference
        = ImagePairView::difference(solid(QSize(64, 48), a), solid(QSize(64, 48), b), gain);
    QCOMPARE(difference.size(), QSize(64, 48));
    for (QPoint point : { QPoint(0, 0), QPoint(31, 20), QPoint(63, 47) }) {
        const QColor actual = difference.pixelColor(point);
        QCOMPARE(actual.alpha(), expected.alpha());
        if (expected.alpha() > 0)
            QCOMPARE(actual.rgb(), expected.rgb());
    }
}

void TestImagePairView::differenceScalesBToA()
{
    const QImage difference
        = ImagePairView::difference(solid(QSize(40, 20), Qt::red), solid(QSize(120, 80), Qt::blue));
    QCOMPARE(difference.size(), QSize(40, 20));
    QCOMPARE(difference.pixelColor(20, 10), QColor(255, 0, 255));
    QVERIFY(ImagePairView::difference(QImage(), solid(QSize(4, 4), Qt::red)).isNull());
}

void TestImagePairView::largeDifferenceIsComputedOffTheGuiThread()
{
    ImagePairView view;
    showView(view);
    view.setImages(solid(QSize(1024, 1024), QColor(100, 100, 100)),
                   solid(QSize(1024, 1024), QColor(110, 100, 100)));
    QVERIFY(view.differenceImage().isNull()); // nothing is computed before it is asked for

    QSignalSpy ready(&view, &ImagePairView::differenceReady);
    view.setMode(Mode::Difference);
    QVERIFY(view.isComputingDifference());
    QVERIFY(view.differenceImage().isNull());
    QVERIFY(ready.wait(10000));
    QCOMPARE(view.differenceImage().pixelColor(512, 512), QColor(10, 0, 0));
    QWidget *overlay = view.findChild<QWidget *>(QStringLiteral("overlayPane"));
    const QPointF centre = view.overlayImageRect().center() + QPointF(0, 100);
    QCOMPARE(pixel(overlay, centre), QColor(10, 0, 0));

    view.setAmplified(true);
    QVERIFY(view.isComputingDifference());
    QVERIFY(ready.wait(10000));
    QCOMPARE(pixel(overlay, centre), QColor(40, 0, 0));
    // Both amplifications are kept: going back needs no new computation.
    view.setAmplified(false);
    QVERIFY(!view.isComputingDifference());
    QCOMPARE(pixel(overlay, centre), QColor(10, 0, 0));

    // Small images are done at once, with no "Computing…" flash.
    view.setImages(solid(QSize(64, 64), Qt::red), solid(QSize(64, 64), Qt::blue));
    QVERIFY(!view.isComputingDifference());
    QCOMPARE(view.differenceImage().pixelColor(3, 3), QColor(255, 0, 255));
}

void TestImagePairView::unreadableFileShowsWhyInItsPane_data()
{
    QTest::addColumn<bool>("badIsA");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("B missing") << false << QStringLiteral("nothing.png") << QByteArray()
                               << QStringLiteral("The image file is missing");
    QTest::newRow("B not an image")
        << false << QStringLiteral("notes.png") << QByteArray("plain words")
        << QStringLiteral("The image file is damaged or not an image");
    QTest::newRow("A missing") << true << QStringLiteral("gone.png") << QByteArray()
                               << QStringLiteral("The image file is missing");
}

void TestImagePairView::unreadableFileShowsWhyInItsPane()
{
    QFETCH(bool, badIsA);
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);

    const QString badPath = m_dir.filePath(name);
    if (!bytes.isNull()) {
        QFile file(badPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const Side bad = badIsA ? Side::A : Side::B;
    const Side good = badIsA ? Side::B : Side::A;

    ImagePairView view;
    showView(view);
    QSignalSpy loaded(&view, &ImagePairView::loaded);
    QSignalSpy failed(&view, &ImagePairView::loadFailed);
    if (badIsA)
        view.openFiles(badPath, m_goodPath);
    else
        view.openFiles(m_goodPath, badPath);
    QVERIFY(view.isLoading()); // decoding happens on worker threads
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 10000);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<Side>(), bad);
    QCOMPARE(failed.at(0).at(1).toString(), reason);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).value<Side>(), good);
    QCOMPARE(view.errorMessage(bad), reason);
    QVERIFY(view.errorMessage(good).isEmpty());
    QCOMPARE(view.imageSize(good), QSize(1536, 1024));

    const QString letter = badIsA ? QStringLiteral("A") : QStringLiteral("B");
    const QString message = QStringLiteral("Could not read image %1.\n%2").arg(letter, reason);
    QCOMPARE(view.paneMessage(bad), message);
    QVERIFY(view.paneMessage(good).isEmpty());
    QWidget *badPane
        = view.findChild<QWidget *>(badIsA ? QStringLiteral("paneA") : QStringLiteral("paneB"));
    QWidget *goodPane
        = view.findChild<QWidget *>(badIsA ? QStringLiteral("paneB") : QStringLiteral("paneA"));
    QCOMPARE(badPane->accessibleDescription(), message);
    QCOMPARE(goodPane->accessibleDescription(), QStringLiteral("1536 × 1024"));

    // The pane that has its image still zooms and pans; the other keeps its message.
    wheel(goodPane, QPointF(100, 100), 240);
    QVERIFY(!view.fitsToWindow());
    QVERIFY(view.visibleImageRect(good).width() < 1536);
    const QImage goodShot = goodPane->grab().toImage();
    int coloured = 0;
    for (int x = 40; x < goodPane->width(); x += 40)
        coloured += goodShot.pixelColor(x, goodPane->height() / 2).saturation() > 60 ? 1 : 0;
    QVERIFY(coloured > 3);
    for (Mode mode : { Mode::Slider, Mode::Difference }) {
        view.setMode(mode);
        QVERIFY(!view.findChild<QWidget *>(QStringLiteral("overlayPane"))->grab().isNull());
    }
    QVERIFY(view.differenceImage().isNull());
    QVERIFY(!view.isComputingDifference());
}

void TestImagePairView::transparentPixelsShowTheCheckerboard()
{
    ImagePairView view;
    showView(view);
    view.setImages(solid(QSize(400, 300), QColor(0, 0, 0, 0)), solid(QSize(400, 300), Qt::blue));
    auto isChecker = [](const QColor &colour) {
        return colour.lightness() > 120 && colour.saturation() < 20;
    };
    QWidget *paneA = view.findChild<QWidget *>(QStringLiteral("paneA"));
    const QRectF shownA = view.imageRectInPane(Side::A);
    const QColor sideBySide = pixel(paneA, shownA.center() + QPointF(0, 60));
    QVERIFY2(isChecker(sideBySide), qPrintable(sideBySide.name()));

    view.setMode(Mode::Slider);
    QWidget *overlay = view.findChild<QWidget *>(QStringLiteral("overlayPane"));
    const QRectF shown = view.overlayImageRect();
    const QColor left = pixel(overlay, QPointF(shown.left() + 20, shown.center().y() + 60));
    QVERIFY2(isChecker(left), qPrintable(left.name()));
    const QColor right = pixel(overlay, QPointF(shown.right() - 20, shown.center().y() + 60));
    QCOMPARE(right, QColor(Qt::blue));

    // Clear against opaque: every pixel differs, drawn opaque.
    view.setMode(Mode::Difference);
    const QColor difference = pixel(overlay, shown.center() + QPointF(0, 60));
    QCOMPARE(difference, QColor(255, 255, 255));
}

QTEST_MAIN(TestImagePairView)
#include "tst_imagepairview.moc"
