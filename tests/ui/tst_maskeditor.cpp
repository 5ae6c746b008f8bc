#include "maskcanvas.h"
#include "maskeditordialog.h"
#include "messageboxes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <climits>
#include <cmath>

namespace {

constexpr QSize canvasSize(800, 600);
constexpr int markerSide = 40;
const QColor markerColour(0, 255, 0);

// Grey with a green square on whole pixels about the image's centre: where the square shows in a
// grab of the canvas tells, without the canvas's own arithmetic, where that point is displayed.
QPointF markerCentre(QSize size)
{
    return QPointF(size.width() / 2, size.height() / 2);
}

QImage markedImage(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(128, 128, 128));
    QPainter painter(&image);
    const QPoint centre = markerCentre(size).toPoint();
    painter.fillRect(
        QRect(centre - QPoint(markerSide / 2, markerSide / 2), QSize(markerSide, markerSide)),
        markerColour);
    return image;
}

// Where the marker shows in a grab.
QRectF markerBox(const QImage &shot)
{
    int left = INT_MAX, top = INT_MAX, right = INT_MIN, bottom = INT_MIN;
    for (int y = 0; y < shot.height(); ++y) {
        for (int x = 0; x < shot.width(); ++x) {
            const QRgb c = shot.pixel(x, y);
            if (qGreen(c) > 200 && qRed(c) < 60 && qBlue(c) < 60) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    }
    if (left == INT_MAX)
        return {};
    // In widget (logical) pixels, whatever the device pixel ratio the test runs at.
    const qreal ratio = shot.devicePixelRatio();
    return QRectF(QPointF(left, top) / ratio, QPointF(right + 1, bottom + 1) / ratio);
}

void sendMove(QWidget *widget, QPoint at, Qt::MouseButtons buttons)
{
    // QTest::mouseMove carries no buttons in Qt 6; a drag needs the event built by hand.
    QMouseEvent move(QEvent::MouseMove, QPointF(at), widget->mapToGlobal(QPointF(at)), Qt::NoButton,
                     buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &move);
}

void drag(QWidget *widget, const QList<QPoint> &points, Qt::MouseButton button = Qt::LeftButton)
{
    QTest::mousePress(widget, button, Qt::NoModifier, points.first());
    for (qsizetype i = 1; i < points.size(); ++i)
        sendMove(widget, points.at(i), button);
    QTest::mouseRelease(widget, button, Qt::NoModifier, points.last());
}

qreal distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const qreal length2 = QPointF::dotProduct(ab, ab);
    const qreal t
        = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

int alphaAt(const QImage &mask, QPointF imagePoint)
{
    return qAlpha(mask.pixel(int(std::floor(imagePoint.x())), int(std::floor(imagePoint.y()))));
}

QRect paintedBounds(const QImage &mask, qsizetype *count = nullptr)
{
    QRect bounds;
    qsizetype n = 0;
    for (int y = 0; y < mask.height(); ++y) {
        for (int x = 0; x < mask.width(); ++x) {
            if (qAlpha(mask.pixel(x, y)) == 0) {
                bounds |= QRect(x, y, 1, 1);
                ++n;
            }
        }
    }
    if (count)
        *count = n;
    return bounds;
}

// A mask that is transparent (may change) over the left `fraction` of its width.
QImage leftPartMask(QSize size, qreal fraction)
{
    QImage mask(size, QImage::Format_ARGB32);
    mask.fill(qRgba(0, 0, 0, 255));
    QPainter painter(&mask);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.fillRect(QRect(0, 0, qRound(size.width() * fraction), size.height()), Qt::transparent);
    return mask;
}

} // namespace

class TestMaskEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void strokeLandsWhereTheImageIsShown_data();
    void strokeLandsWhereTheImageIsShown();
    void dabCoversBrushSizeInImagePixels_data();
    void dabCoversBrushSizeInImagePixels();
    void eraserRestores();
    void clearEmptiesAndUndoes();
    void invert();
    void undoGoesBackStrokeByStroke();
    void redoPutsBackWhatUndoTook();
    void undoKeepsAtMostTwentySteps();
    void undoMemoryIsBounded();
    void setMask_data();
    void setMask();
    void paintedFractionCountsPixels();
    void wheelZoomsAboutThePointer_data();
    void wheelZoomsAboutThePointer();
    void pansWithoutPainting_data();
    void pansWithoutPainting();

    void dialogUseMaskWaitsForPaint();
    void dialogControlsAreNamed_data();
    void dialogControlsAreNamed();
    void dialogCanvasIsDescribed();
    void dialogShortcuts();
    void dialogExistingMask_data();
    void dialogExistingMask();
    void statusText_data();
    void statusText();
    void saveMaskWritesPng();
    void saveMaskFailsPlainly_data();
    void saveMaskFailsPlainly();
    void escapeAsksBeforeStrokesAreLost();

private:
    // A shown canvas of a known size.
    struct Shown
    {
        MaskCanvas canvas;
        explicit Shown(const QImage &image)
        {
            canvas.resize(canvasSize);
            canvas.setImage(image);
            canvas.show();
        }
    };
};

void TestMaskEditor::initTestCase()
{
    // ctest runs this binary twice, the second time at a device pixel ratio of 2 (see
    // tests/ui_mask.cmake): painting must not depend on it.
    const QByteArray factor = qgetenv("QT_SCALE_FACTOR");
    if (!factor.isEmpty())
        QCOMPARE(qApp->devicePixelRatio(), factor.toDouble());
    qInfo("device pixel ratio %g", qApp->devicePixelRatio());
}

void TestMaskEditor::strokeLandsWhereTheImageIsShown_data()
{
    QTest::addColumn<QSize>("imageSize");
    QTest::addColumn<qreal>("zoom"); // 0 = fitted
    QTest::addColumn<int>("brush");
    QTest::newRow("odd size, fitted") << QSize(1023, 767) << 0.0 << 30;
    QTest::newRow("odd size, 25 %") << QSize(1023, 767) << 0.25 << 40;
    QTest::newRow("odd size, 300 %") << QSize(1023, 767) << 3.0 << 15;
    QTest::newRow("small odd size, 100 %") << QSize(333, 211) << 1.0 << 9;
    QTest::newRow("large, 25 %") << QSize(2049, 1537) << 0.25 << 64;
}

void TestMaskEditor::strokeLandsWhereTheImageIsShown()
{
    QFETCH(QSize, imageSize);
    QFETCH(qreal, zoom);
    QFETCH(int, brush);

    Shown shown(markedImage(imageSize));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QCOMPARE(canvas.size(), canvasSize);
    const QPointF widgetCentre = QRectF(canvas.rect()).center();
    if (zoom > 0) {
        canvas.zoomAt(zoom, widgetCentre);
        QCOMPARE(canvas.zoom(), zoom);
    } else {
        QVERIFY(canvas.fitsToWindow());
    }
    canvas.setBrushSize(brush);
    QVERIFY(canvas.isEmpty());

    // Where the image's centre is shown, and at what scale, read from the screen.
    const QRectF box = markerBox(canvas.grab().toImage());
    QVERIFY2(!box.isEmpty(), "the marker is not on the screen");
    // Zoom counts screen pixels per image pixel: 100 % is one image pixel per device pixel, so
    // at a device pixel ratio of 2 the marker takes half as many logical pixels.
    QVERIFY2(
        std::abs(box.width() - markerSide * canvas.zoom() / canvas.devicePixelRatioF()) <= 2.0,
        qPrintable(
            QStringLiteral("marker %1 px wide at zoom %2").arg(box.width()).arg(canvas.zoom())));
    const QPointF imageCentre = markerCentre(imageSize);
    const QPointF shownAt = canvas.mapFromImage(imageCentre);
    QVERIFY2(
        (shownAt - box.center()).manhattanLength() <= 2.0,
        qPrintable(QStringLiteral("the marker's centre is mapped to (%1, %2), shown at (%3, %4)")
                       .arg(shownAt.x())
                       .arg(shownAt.y())
                       .arg(box.center().x())
                       .arg(box.center().y())));

    // One drag through the marker's centre, with only its two ends reported: the stroke between
    // them must be continuous.
    const QPoint from = (box.center() - QPointF(60, 20)).toPoint();
    const QPoint to = (box.center() + QPointF(60, 20)).toPoint();
    QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
    drag(&canvas, { from, to });
    QCOMPARE(changed.size(), 1);

    const QImage mask = canvas.mask();
    QCOMPARE(mask.size(), imageSize);
    QCOMPARE(mask.format(), QImage::Format_ARGB32);
    QVERIFY(!canvas.isEmpty());
    QCOMPARE(alphaAt(mask, imageCentre), 0); // under the marker seen on the screen
    QCOMPARE(alphaAt(mask, QPointF(2, 2)), 255); // a far corner is kept

    // Exactly the pixels within the brush's radius of the stroke, and no others; the stroke read
    // twice: from the canvas's mapping (to the pixel), and from where the marker was seen (to
    // about a screen pixel, which the mapping cannot fudge).
    const QPointF a = canvas.mapToImage(from);
    const QPointF b = canvas.mapToImage(to);
    const qreal shownScale = canvas.zoom() / canvas.devicePixelRatioF(); // logical px per image px
    const QPointF seenA = imageCentre + (QPointF(from) - box.center()) / shownScale;
    const QPointF seenB = imageCentre + (QPointF(to) - box.center()) / shownScale;
    const qreal seenSlack = 1.0 + 1.5 / shownScale;
    const qreal radius = brush / 2.0;
    int inside = 0;
    for (int y = 0; y < mask.height(); ++y) {
        for (int x = 0; x < mask.width(); ++x) {
            const QRgb pixel = mask.pixel(x, y);
            QCOMPARE(pixel & 0x00ffffff, QRgb(0)); // black, transparent or opaque
            const QPointF centre(x + 0.5, y + 0.5);
            const qreal d = distanceToSegment(centre, a, b);
            const qreal seen = distanceToSegment(centre, seenA, seenB);
            const bool mustChange = d < radius - 1.0 || seen < radius - seenSlack;
            const bool mustKeep = d > radius + 1.0 || seen > radius + seenSlack;
            inside += mustChange;
            if (mustChange && qAlpha(pixel) != 0)
                QFAIL(
                    qPrintable(QStringLiteral("(%1, %2) inside the stroke is kept").arg(x).arg(y)));
            if (mustKeep && qAlpha(pixel) != 255)
                QFAIL(qPrintable(
                    QStringLiteral("(%1, %2) outside the stroke may change").arg(x).arg(y)));
        }
    }
    QVERIFY(inside > 0);
}

void TestMaskEditor::dabCoversBrushSizeInImagePixels_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<int>("brush");
    QTest::newRow("40 px at 50 %") << 0.5 << 40;
    QTest::newRow("40 px at 200 %") << 2.0 << 40;
    QTest::newRow("7 px at 300 %") << 3.0 << 7;
    QTest::newRow("512 px at 25 %") << 0.25 << 512;
    QTest::newRow("1 px at 100 %") << 1.0 << 1;
    QTest::newRow("2 px at 100 %") << 1.0 << 2;
}

void TestMaskEditor::dabCoversBrushSizeInImagePixels()
{
    QFETCH(qreal, zoom);
    QFETCH(int, brush);

    Shown shown(markedImage(QSize(1024, 1024)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.zoomAt(zoom, QRectF(canvas.rect()).center());
    canvas.setBrushSize(brush);
    QCOMPARE(canvas.brushSize(), brush);

    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, QPoint(400, 300));
    qsizetype count = 0;
    const QRect bounds = paintedBounds(canvas.mask(), &count);
    // The same disc in the image whatever the zoom: `brush` image pixels across.
    QVERIFY2(std::abs(bounds.width() - brush) <= 1 && std::abs(bounds.height() - brush) <= 1,
             qPrintable(QStringLiteral("%1 × %2").arg(bounds.width()).arg(bounds.height())));
    // Centred on the image point shown under the click: the canvas's centre shows the marker's.
    const QPointF middle = QRectF(bounds).center();
    const QPointF expected = markerCentre(QSize(1024, 1024));
    QVERIFY2((middle - expected).manhattanLength() <= 1.0 + 1.0 / zoom,
             qPrintable(QStringLiteral("(%1, %2)").arg(middle.x()).arg(middle.y())));
    const qreal area = M_PI * brush * brush / 4.0;
    QVERIFY2(std::abs(count - area) <= M_PI * brush + 2,
             qPrintable(QStringLiteral("%1 pixels for a disc of %2").arg(count).arg(area)));
    QCOMPARE(canvas.paintedFraction(), qreal(count) / (1024.0 * 1024.0));
}

void TestMaskEditor::eraserRestores()
{
    Shown shown(markedImage(QSize(400, 300))); // shown at 100 %
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QCOMPARE(canvas.zoom(), 1.0);
    const QPoint left = canvas.mapFromImage(QPointF(100.5, 150.5)).toPoint();
    const QPoint middle = canvas.mapFromImage(QPointF(200.5, 150.5)).toPoint();
    const QPoint right = canvas.mapFromImage(QPointF(300.5, 150.5)).toPoint();
    canvas.setBrushSize(30);
    drag(&canvas, { left, middle, right });
    QCOMPARE(alphaAt(canvas.mask(), { 200, 150 }), 0);

    QSignalSpy toolChanged(&canvas, &MaskCanvas::toolChanged);
    canvas.setTool(MaskCanvas::Tool::Eraser);
    QCOMPARE(toolChanged.size(), 1);
    canvas.setBrushSize(20);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, middle);
    QImage mask = canvas.mask();
    QCOMPARE(alphaAt(mask, { 200, 150 }), 255); // erased back to kept
    QCOMPARE(alphaAt(mask, { 110, 150 }), 0); // the rest of the stroke stays
    QCOMPARE(alphaAt(mask, { 290, 150 }), 0);

    canvas.setBrushSize(60);
    drag(&canvas, { left, right });
    QVERIFY(canvas.isEmpty());
    QCOMPARE(canvas.paintedFraction(), 0.0);

    // Erasing where nothing is painted changes nothing and leaves nothing to undo.
    canvas.undo();
    canvas.undo();
    canvas.undo();
    QVERIFY(!canvas.canUndo());
    QVERIFY(canvas.isEmpty());
    QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, middle);
    QCOMPARE(changed.size(), 0);
    QVERIFY(!canvas.canUndo());
}

void TestMaskEditor::clearEmptiesAndUndoes()
{
    Shown shown(markedImage(QSize(300, 200)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
    canvas.clear(); // nothing to clear
    QCOMPARE(changed.size(), 0);
    QVERIFY(!canvas.canUndo());

    canvas.setBrushSize(50);
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier,
                      canvas.mapFromImage(QPointF(150, 100)).toPoint());
    const QImage painted = canvas.mask();
    QVERIFY(!canvas.isEmpty());
    changed.clear();
    canvas.clear();
    QCOMPARE(changed.size(), 1);
    QVERIFY(canvas.isEmpty());
    QCOMPARE(canvas.paintedFraction(), 0.0);
    QImage opaque(QSize(300, 200), QImage::Format_ARGB32);
    opaque.fill(qRgba(0, 0, 0, 255));
    QCOMPARE(canvas.mask(), opaque);

    canvas.undo();
    QCOMPARE(canvas.mask(), painted);
}

void TestMaskEditor::invert()
{
    Shown shown(markedImage(QSize(301, 201)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));

    // An empty mask inverted: the whole image may change.
    canvas.invert();
    QImage transparent(QSize(301, 201), QImage::Format_ARGB32);
    transparent.fill(qRgba(0, 0, 0, 0));
    QCOMPARE(canvas.mask(), transparent);
    QCOMPARE(canvas.paintedFraction(), 1.0);
    QVERIFY(!canvas.isEmpty());
    canvas.invert();
    QVERIFY(canvas.isEmpty());

    canvas.setBrushSize(40);
    drag(&canvas,
         { canvas.mapFromImage(QPointF(50, 50)).toPoint(),
           canvas.mapFromImage(QPointF(250, 150)).toPoint() });
    const QImage original = canvas.mask();
    const qreal fraction = canvas.paintedFraction();
    QVERIFY(fraction > 0.0 && fraction < 1.0);
    canvas.invert();
    QVERIFY(canvas.mask() != original);
    QCOMPARE(alphaAt(canvas.mask(), { 150, 100 }), 255);
    QCOMPARE(alphaAt(canvas.mask(), { 5, 195 }), 0);
    QVERIFY(std::abs(canvas.paintedFraction() - (1.0 - fraction)) < 1e-9);
    canvas.invert();
    QCOMPARE(canvas.mask(), original);
}

namespace {

// Three vertical strokes side by side on a 400x300 image: the mask before and after each one.
QList<QImage> paintThreeStrokes(MaskCanvas &canvas)
{
    QList<QImage> states { canvas.mask() };
    for (int i = 0; i < 3; ++i) {
        drag(&canvas,
             { canvas.mapFromImage(QPointF(50 + 100 * i, 50)).toPoint(),
               canvas.mapFromImage(QPointF(80 + 100 * i, 250)).toPoint() });
        states << canvas.mask();
    }
    return states;
}

} // namespace

void TestMaskEditor::undoGoesBackStrokeByStroke()
{
    Shown shown(markedImage(QSize(400, 300)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QSignalSpy available(&canvas, &MaskCanvas::undoAvailableChanged);
    canvas.setBrushSize(24);

    QList<QImage> states = paintThreeStrokes(canvas);
    for (int i = 1; i < states.size(); ++i)
        QVERIFY(states.at(i) != states.at(i - 1));
    QCOMPARE(available.size(), 1);
    QCOMPARE(available.at(0).at(0).toBool(), true);

    QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
    for (int i = 2; i >= 0; --i) {
        QVERIFY(canvas.canUndo());
        canvas.undo();
        QCOMPARE(canvas.mask(), states.at(i));
    }
    QCOMPARE(changed.size(), 3);
    QVERIFY(!canvas.canUndo());
    QVERIFY(canvas.isEmpty());
    QCOMPARE(available.size(), 2);
    QCOMPARE(available.at(1).at(0).toBool(), false);
    canvas.undo(); // nothing left: no change
    QCOMPARE(changed.size(), 3);
}

void TestMaskEditor::redoPutsBackWhatUndoTook()
{
    // Found by QA: an undo too many lost the stroke for good.
    Shown shown(markedImage(QSize(400, 300)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setBrushSize(24);
    QList<QImage> states = paintThreeStrokes(canvas);
    canvas.invert();
    states << canvas.mask();
    QVERIFY(!canvas.canRedo());
    QSignalSpy redoable(&canvas, &MaskCanvas::redoAvailableChanged);

    for (int i = 3; i >= 0; --i) {
        canvas.undo();
        QCOMPARE(canvas.mask(), states.at(i));
    }
    QVERIFY(canvas.canRedo());
    QCOMPARE(redoable.size(), 1);
    QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
    for (int i = 1; i <= 4; ++i) {
        canvas.redo();
        QCOMPARE(canvas.mask(), states.at(i)); // the invert too, whole-mask steps as strokes
    }
    QCOMPARE(changed.size(), 4);
    QVERIFY(!canvas.canRedo());
    QCOMPARE(redoable.size(), 2);
    canvas.redo(); // nothing left: no change
    QCOMPARE(changed.size(), 4);

    // Undo and redo again, as often as liked; a new stroke ends what can be redone.
    canvas.undo();
    canvas.undo();
    canvas.redo();
    QCOMPARE(canvas.mask(), states.at(3));
    QVERIFY(canvas.canRedo());
    drag(&canvas,
         { canvas.mapFromImage(QPointF(200, 20)).toPoint(),
           canvas.mapFromImage(QPointF(220, 40)).toPoint() });
    QVERIFY(!canvas.canRedo());
    canvas.undo();
    QCOMPARE(canvas.mask(), states.at(3));
    // A mask handed in starts afresh: nothing to undo or redo.
    canvas.undo();
    QVERIFY(canvas.canRedo());
    QVERIFY(canvas.setMask(canvas.mask()));
    QVERIFY(!canvas.canRedo());
    QVERIFY(!canvas.canUndo());
}

void TestMaskEditor::undoKeepsAtMostTwentySteps()
{
    Shown shown(markedImage(QSize(500, 100)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setBrushSize(10);
    QList<QImage> states { canvas.mask() };
    for (int i = 0; i < 25; ++i) {
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier,
                          canvas.mapFromImage(QPointF(10 + 19 * i, 50)).toPoint());
        states << canvas.mask();
    }
    int undone = 0;
    while (canvas.canUndo()) {
        canvas.undo();
        ++undone;
    }
    QCOMPARE(undone, MaskCanvas::maxUndoSteps);
    QCOMPARE(canvas.mask(), states.at(25 - MaskCanvas::maxUndoSteps));
}

void TestMaskEditor::undoMemoryIsBounded()
{
    // Each invert of a 4K mask keeps its 8 MB; past the byte budget the oldest steps go.
    const QSize size(3840, 2160);
    MaskCanvas canvas;
    canvas.setImage(QImage(size, QImage::Format_RGB32));
    const int inverts = 10;
    for (int i = 0; i < inverts; ++i)
        canvas.invert();
    const qsizetype stepBytes = qsizetype(size.width()) * size.height();
    const int expected = int(std::min<qsizetype>(MaskCanvas::maxUndoBytes / stepBytes, inverts));
    QVERIFY(expected < inverts);
    int undone = 0;
    while (canvas.canUndo()) {
        canvas.undo();
        ++undone;
    }
    QCOMPARE(undone, expected);
    // After `inverts - expected` inverts the mask is all painted or all kept.
    QCOMPARE(canvas.isEmpty(), (inverts - expected) % 2 == 0);
}

void TestMaskEditor::setMask_data()
{
    QTest::addColumn<QImage>("mask");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qreal>("fraction");
    const QSize size(201, 101);
    QTest::newRow("same size") << leftPartMask(size, 0.5) << true << 101.0 / 201.0;
    QTest::newRow("one pixel wider") << leftPartMask(QSize(202, 101), 0.5) << false << 0.0;
    QTest::newRow("smaller") << leftPartMask(QSize(100, 50), 0.5) << false << 0.0;
    QTest::newRow("null") << QImage() << false << 0.0;
    QImage noAlpha(size, QImage::Format_RGB32);
    noAlpha.fill(Qt::black);
    QTest::newRow("no alpha: all kept") << noAlpha << true << 0.0;
}

void TestMaskEditor::setMask()
{
    QFETCH(QImage, mask);
    QFETCH(bool, accepted);
    QFETCH(qreal, fraction);

    MaskCanvas canvas;
    QVERIFY(!canvas.setMask(mask)); // no image yet
    canvas.setImage(markedImage(QSize(201, 101)));
    canvas.invert(); // something to tell "unchanged" from "replaced"
    const QImage before = canvas.mask();
    QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);

    QCOMPARE(canvas.setMask(mask), accepted);
    if (!accepted) {
        QCOMPARE(canvas.mask(), before);
        QCOMPARE(changed.size(), 0);
        QVERIFY(canvas.canUndo());
        return;
    }
    QCOMPARE(changed.size(), 1);
    QVERIFY(!canvas.canUndo()); // the mask handed in is where editing starts
    QCOMPARE(canvas.paintedFraction(), fraction);
    QCOMPARE(canvas.mask().size(), mask.size());
    const QImage reference = mask.convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(canvas.mask(), reference);
}

void TestMaskEditor::paintedFractionCountsPixels()
{
    MaskCanvas canvas;
    QCOMPARE(canvas.paintedFraction(), 0.0);
    QVERIFY(canvas.isEmpty());
    QVERIFY(canvas.mask().isNull());
    canvas.setImage(markedImage(QSize(400, 100)));
    QVERIFY(canvas.setMask(leftPartMask(QSize(400, 100), 0.25)));
    QCOMPARE(canvas.paintedFraction(), 0.25);
    QCOMPARE(MaskEditorDialog::statusText(canvas.paintedFraction()),
             QStringLiteral("25% may change"));
    // A new image starts over.
    canvas.setImage(markedImage(QSize(40, 30)));
    QVERIFY(canvas.isEmpty());
    QCOMPARE(canvas.mask().size(), QSize(40, 30));
}

void TestMaskEditor::wheelZoomsAboutThePointer_data()
{
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    QTest::addColumn<int>("delta");
    QTest::newRow("wheel up") << Qt::KeyboardModifiers() << 120;
    QTest::newRow("Ctrl+wheel up") << Qt::KeyboardModifiers(Qt::ControlModifier) << 120;
    QTest::newRow("two notches down, from 100 %") << Qt::KeyboardModifiers() << -240;
}

void TestMaskEditor::wheelZoomsAboutThePointer()
{
    QFETCH(Qt::KeyboardModifiers, modifiers);
    QFETCH(int, delta);

    Shown shown(markedImage(QSize(1023, 767)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    if (delta < 0)
        canvas.actualSize();
    const qreal before = canvas.zoom();
    const QPointF pointer(200, 150);
    const QPointF under = canvas.mapToImage(pointer);
    QSignalSpy view(&canvas, &MaskCanvas::viewChanged);
    QWheelEvent wheel(pointer, canvas.mapToGlobal(pointer), {}, QPoint(0, delta), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(&canvas, &wheel);
    QVERIFY(qFuzzyCompare(canvas.zoom(), before * std::pow(ImageViewport::zoomStep, delta / 120)));
    QVERIFY(!view.isEmpty());
    // Shown larger than the canvas (zoom counts device pixels): the point under the pointer stays.
    if (canvas.zoom() / canvas.devicePixelRatioF() > 0.8)
        QVERIFY((canvas.mapToImage(pointer) - under).manhattanLength() < 1e-6);
    QVERIFY(canvas.isEmpty());
}

void TestMaskEditor::pansWithoutPainting_data()
{
    QTest::addColumn<bool>("space");
    QTest::newRow("middle-drag") << false;
    QTest::newRow("Space+drag") << true;
}

void TestMaskEditor::pansWithoutPainting()
{
    QFETCH(bool, space);

    Shown shown(markedImage(QSize(1023, 767)));
    MaskCanvas &canvas = shown.canvas;
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.zoomAt(3.0, QRectF(canvas.rect()).center());
    const QPointF imagePoint(511.5, 383.5);
    const QPointF before = canvas.mapFromImage(imagePoint);
    const QPoint start(400, 300);
    const QPoint end(350, 270);
    if (space) {
        QTest::keyPress(&canvas, Qt::Key_Space);
        drag(&canvas, { start, QPoint(380, 290), end }, Qt::LeftButton);
        QTest::keyRelease(&canvas, Qt::Key_Space);
    } else {
        drag(&canvas, { start, QPoint(380, 290), end }, Qt::MiddleButton);
    }
    QCOMPARE(canvas.mapFromImage(imagePoint), before + QPointF(end - start));
    QVERIFY(canvas.isEmpty());
    QVERIFY(!canvas.canUndo());

    // Without Space, the left button paints again.
    QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, start);
    QVERIFY(!canvas.isEmpty());
}

// --- the dialog ----------------------------------------------------------------------------------

void TestMaskEditor::dialogUseMaskWaitsForPaint()
{
    MaskEditorDialog dialog(markedImage(QSize(640, 480)));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Mask — choose what may change"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *use = dialog.findChild<QPushButton *>(QStringLiteral("useMaskButton"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("hintLabel"));
    auto *clear = dialog.findChild<QToolButton *>(QStringLiteral("clearButton"));
    QVERIFY(use && status && hint && clear);
    QCOMPARE(hint->text(), QStringLiteral("Paint over what may change; the rest is kept."));
    QVERIFY(!use->isEnabled());
    QVERIFY(use->toolTip().contains(QLatin1String("empty mask would change nothing")));
    QCOMPARE(status->text(), QStringLiteral("Nothing painted yet"));
    QVERIFY(!clear->isEnabled());

    MaskCanvas *canvas = dialog.canvas();
    canvas->setBrushSize(120);
    drag(canvas,
         { canvas->mapFromImage(QPointF(100, 100)).toPoint(),
           canvas->mapFromImage(QPointF(500, 380)).toPoint() });
    QVERIFY(use->isEnabled());
    QVERIFY(!use->toolTip().contains(QLatin1String("empty")));
    QVERIFY(
        QRegularExpression(QStringLiteral("^\\d+% may change$")).match(status->text()).hasMatch());
    QCOMPARE(status->text(), MaskEditorDialog::statusText(canvas->paintedFraction()));
    QVERIFY(clear->isEnabled());

    clear->click();
    QVERIFY(!use->isEnabled());
    QCOMPARE(status->text(), QStringLiteral("Nothing painted yet"));

    dialog.findChild<QToolButton *>(QStringLiteral("undoButton"))->click();
    QVERIFY(use->isEnabled());
    const QImage expected = canvas->mask();
    use->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.mask(), expected);
    QCOMPARE(dialog.mask().size(), QSize(640, 480));
}

void TestMaskEditor::dialogControlsAreNamed_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         { "brushButton", "eraserButton", "brushSizeSlider", "brushSizeSpin", "undoButton",
           "redoButton", "clearButton", "invertButton", "zoomOutButton", "zoomLabel",
           "zoomInButton", "fitButton", "actualSizeButton", "hintLabel", "statusLabel",
           "useMaskButton", "cancelButton" })
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestMaskEditor::dialogControlsAreNamed()
{
    QFETCH(QString, name);
    MaskEditorDialog dialog(markedImage(QSize(64, 64)));
    auto *widget = dialog.findChild<QWidget *>(name);
    QVERIFY2(widget, qPrintable(name));
    QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(name));
    QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(name));
}

void TestMaskEditor::dialogCanvasIsDescribed()
{
    MaskEditorDialog dialog(markedImage(QSize(64, 64)));
    auto *canvas = dialog.findChild<MaskCanvas *>(QStringLiteral("maskCanvas"));
    QCOMPARE(canvas, dialog.canvas());
    QVERIFY(!canvas->accessibleName().isEmpty());
    QVERIFY(canvas->accessibleDescription().contains(QLatin1String("Paint over what may change")));
    QVERIFY(canvas->toolTip().isEmpty()); // no tooltip popping up over the picture
}

void TestMaskEditor::dialogShortcuts()
{
    MaskEditorDialog dialog(markedImage(QSize(640, 480)));
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    MaskCanvas *canvas = dialog.canvas();
    auto *slider = dialog.findChild<QSlider *>(QStringLiteral("brushSizeSlider"));
    auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("brushSizeSpin"));
    QVERIFY(slider && spin);
    QCOMPARE(slider->value(), canvas->brushSize());
    QCOMPARE(spin->value(), canvas->brushSize());

    QTest::keyClick(canvas, Qt::Key_E);
    QCOMPARE(canvas->tool(), MaskCanvas::Tool::Eraser);
    QVERIFY(dialog.findChild<QToolButton *>(QStringLiteral("eraserButton"))->isChecked());
    QTest::keyClick(canvas, Qt::Key_B);
    QCOMPARE(canvas->tool(), MaskCanvas::Tool::Brush);
    QVERIFY(dialog.findChild<QToolButton *>(QStringLiteral("brushButton"))->isChecked());

    canvas->setBrushSize(64);
    QTest::keyClick(canvas, Qt::Key_BracketRight);
    QCOMPARE(canvas->brushSize(), 80);
    QCOMPARE(slider->value(), 80);
    QCOMPARE(spin->value(), 80);
    QTest::keyClick(canvas, Qt::Key_BracketLeft);
    QTest::keyClick(canvas, Qt::Key_BracketLeft);
    QCOMPARE(canvas->brushSize(), 51);
    canvas->setBrushSize(1);
    QTest::keyClick(canvas, Qt::Key_BracketLeft); // not below 1
    QCOMPARE(canvas->brushSize(), 1);
    QTest::keyClick(canvas, Qt::Key_BracketRight); // and a small brush still grows
    QCOMPARE(canvas->brushSize(), 2);
    spin->setValue(100);
    QCOMPARE(canvas->brushSize(), 100);
    QCOMPARE(slider->value(), 100);
    slider->setValue(600);
    QCOMPARE(canvas->brushSize(), MaskCanvas::maxBrushSize);

    QTest::keyClick(canvas, Qt::Key_I, Qt::ControlModifier);
    QCOMPARE(canvas->paintedFraction(), 1.0);
    auto *redoButton = dialog.findChild<QToolButton *>(QStringLiteral("redoButton"));
    QVERIFY(redoButton && !redoButton->isEnabled());
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(canvas->isEmpty());
    QVERIFY(!canvas->canUndo());
    QVERIFY(redoButton->isEnabled());
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(canvas->paintedFraction(), 1.0);
    QVERIFY(!redoButton->isEnabled());
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(canvas, Qt::Key_Y, Qt::ControlModifier); // Ctrl+Y too (found by QA)
    QCOMPARE(canvas->paintedFraction(), 1.0);
    QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(canvas->isEmpty());

    QTest::keyClick(canvas, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(canvas->zoom(), 1.0);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("zoomLabel"))->text(),
             QStringLiteral("100%"));
    QTest::keyClick(canvas, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(canvas->zoom(), ImageViewport::zoomStep);
    QTest::keyClick(canvas, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(canvas->fitsToWindow());

    QTest::keyClick(canvas, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
}

void TestMaskEditor::dialogExistingMask_data()
{
    QTest::addColumn<QSize>("maskSize");
    QTest::addColumn<bool>("kept");
    QTest::newRow("same size") << QSize(320, 240) << true;
    QTest::newRow("another size") << QSize(240, 320) << false;
}

void TestMaskEditor::dialogExistingMask()
{
    QFETCH(QSize, maskSize);
    QFETCH(bool, kept);
    const QImage existing = leftPartMask(maskSize, 0.5);
    MaskEditorDialog dialog(markedImage(QSize(320, 240)), existing);
    auto *use = dialog.findChild<QPushButton *>(QStringLiteral("useMaskButton"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("hintLabel"));
    QCOMPARE(use->isEnabled(), kept);
    QCOMPARE(dialog.mask().size(), QSize(320, 240));
    if (kept) {
        QCOMPARE(dialog.mask(), existing);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text(),
                 QStringLiteral("50% may change"));
    } else {
        QVERIFY(dialog.canvas()->isEmpty());
        QVERIFY2(hint->text().startsWith(
                     QStringLiteral("The earlier mask is 240 × 320, not 320 × 240 like the image, "
                                    "and was left out.")),
                 qPrintable(hint->text()));
    }
}

void TestMaskEditor::statusText_data()
{
    QTest::addColumn<qreal>("fraction");
    QTest::addColumn<QString>("text");
    QTest::newRow("nothing") << 0.0 << QStringLiteral("Nothing painted yet");
    QTest::newRow("a speck") << 0.001 << QStringLiteral("<1% may change");
    QTest::newRow("12 %") << 0.12 << QStringLiteral("12% may change");
    QTest::newRow("half") << 0.5 << QStringLiteral("50% may change");
    QTest::newRow("almost all") << 0.998 << QStringLiteral("99% may change");
    QTest::newRow("all") << 1.0 << QStringLiteral("100% may change");
}

void TestMaskEditor::statusText()
{
    QFETCH(qreal, fraction);
    QFETCH(QString, text);
    QCOMPARE(MaskEditorDialog::statusText(fraction), text);
}

void TestMaskEditor::saveMaskWritesPng()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("nested/masks"));
    MaskCanvas canvas;
    canvas.setImage(markedImage(QSize(1023, 767)));
    QVERIFY(canvas.setMask(leftPartMask(QSize(1023, 767), 0.3)));
    const QImage mask = canvas.mask();

    QString error;
    const QString path = MaskEditorDialog::saveMask(mask, folder, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(folder).absoluteFilePath());
    QVERIFY2(
        QRegularExpression(QStringLiteral("^mask-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.png$"))
            .match(QFileInfo(path).fileName())
            .hasMatch(),
        qPrintable(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(8).startsWith("\x89PNG"));
    file.close();

    const QImage back(path);
    QCOMPARE(back.size(), QSize(1023, 767));
    QVERIFY(back.hasAlphaChannel());
    QCOMPARE(back.convertToFormat(QImage::Format_ARGB32), mask);

    const QString second = MaskEditorDialog::saveMask(mask, folder, &error);
    QVERIFY(!second.isEmpty());
    QVERIFY(second != path);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2); // no temporary files left behind
}

void TestMaskEditor::saveMaskFailsPlainly_data()
{
    QTest::addColumn<QString>("folder"); // relative to a temporary directory unless absolute
    QTest::addColumn<bool>("nullMask");
    QTest::addColumn<QString>("message");
    QTest::newRow("a file in the way") << QStringLiteral("notes.txt") << false
                                       << QStringLiteral("Could not save the mask to %1: that is "
                                                         "a file, not a folder.");
    QTest::newRow("below a file") << QStringLiteral("notes.txt/masks") << false
                                  << QStringLiteral("Could not save the mask to %1: the folder "
                                                    "could not be created.");
    // /proc takes no new files, even from root (the tests may run as root, where permissions
    // alone cannot make a folder unwritable).
    if (QFileInfo(QStringLiteral("/proc/self")).exists()) {
        QTest::newRow("an unwritable folder")
            << QStringLiteral("/proc") << false << QStringLiteral("Could not save the mask to %1/");
        QTest::newRow("cannot be created") << QStringLiteral("/proc/easel-masks") << false
                                           << QStringLiteral("Could not save the mask to %1: the "
                                                             "folder could not be created.");
    }
    QTest::newRow("no mask") << QStringLiteral("masks") << true
                             << QStringLiteral("Could not save the mask: there is no mask to "
                                               "save.");
}

void TestMaskEditor::saveMaskFailsPlainly()
{
    QFETCH(QString, folder);
    QFETCH(bool, nullMask);
    QFETCH(QString, message);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile notes(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a folder");
    notes.close();
    const QString target = QDir::isAbsolutePath(folder) ? folder : dir.filePath(folder);

    const QImage mask = nullMask ? QImage() : leftPartMask(QSize(64, 64), 0.5);
    QString error;
    QCOMPARE(MaskEditorDialog::saveMask(mask, target, &error), QString());
    const QString expected = message.contains(QLatin1String("%1"))
        ? message.arg(QDir::toNativeSeparators(target))
        : message;
    QVERIFY2(error.startsWith(expected), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1String("\n")), qPrintable(error));
    if (expected.endsWith(QLatin1Char('/'))) {
        // The system's reason follows the file's path, in one sentence.
        QVERIFY2(QRegularExpression(QStringLiteral("mask-[0-9a-f-]+\\.png: .+\\.$"))
                     .match(error)
                     .hasMatch(),
                 qPrintable(error));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList { QStringLiteral("notes.txt") });
    // No error pointer: still no crash, still no file.
    QCOMPARE(MaskEditorDialog::saveMask(mask, target, nullptr), QString());
}

void TestMaskEditor::escapeAsksBeforeStrokesAreLost()
{
    // Found by QA: one stray Esc threw away minutes of masking without a word.
    MaskEditorDialog dialog(markedImage(QSize(320, 240)));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    MaskCanvas *canvas = dialog.canvas();
    canvas->setFocus();
    const int asked = MessageBoxes::questionsAsked();
    QTest::keyClick(canvas, Qt::Key_Escape); // nothing painted: closes without a question
    QCOMPARE(MessageBoxes::questionsAsked(), asked);
    QVERIFY(!dialog.isVisible());

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_I, Qt::ControlModifier); // a step that can be undone
    QVERIFY(canvas->canUndo());
    MessageBoxes::setNextAnswer(false);
    QTest::keyClick(canvas, Qt::Key_Escape);
    QCOMPARE(MessageBoxes::questionsAsked(), asked + 1);
    // The question is in the box, not only in its title (QA).
    QCOMPARE(MessageBoxes::lastQuestion(), QStringLiteral("Discard the strokes painted here?"));
    QVERIFY(dialog.isVisible()); // kept, with its strokes
    QCOMPARE(canvas->paintedFraction(), 1.0);
    MessageBoxes::setNextAnswer(true);
    dialog.close(); // the window's close button asks too
    QVERIFY(!dialog.isVisible());
    QCOMPARE(MessageBoxes::questionsAsked(), asked + 2);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    // Reopened on a mask already used, the question says that mask stays (QA: "will be lost"
    // overstated it).
    QImage earlier(320, 240, QImage::Format_ARGB32);
    earlier.fill(Qt::transparent);
    MaskEditorDialog again(markedImage(QSize(320, 240)), earlier);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    again.canvas()->setFocus();
    QTest::keyClick(again.canvas(), Qt::Key_I, Qt::ControlModifier);
    MessageBoxes::setNextAnswer(true);
    QTest::keyClick(again.canvas(), Qt::Key_Escape);
    QVERIFY2(
        MessageBoxes::lastQuestion().contains(QLatin1String("The mask you used before is kept")),
        qPrintable(MessageBoxes::lastQuestion()));
}

QTEST_MAIN(TestMaskEditor)
#include "tst_maskeditor.moc"
