#include "firstframe.h"
#include "startupwarmup.h"

#include <QElapsedTimer>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

// The start-up steps that keep work off the first frame. What they save is measured by
// easel-bench (startup_empty, startup_history); here, that they do what they say.
class TestStartup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workWaitsForTheFirstFrame();
    void workRunsOnceThoughTheWindowPaintsAgain();
    void windowThatNeverPaintsFallsBack();
    void destroyedWindowRunsNothing();
    void warmupBesideTheGuiThreadUsingTheSame();
};

namespace {

// Counts a widget's paint events, seen before the first-frame watcher sees them.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

void TestStartup::workWaitsForTheFirstFrame()
{
    QWidget window;
    window.resize(300, 200);
    PaintCounter counter;
    window.installEventFilter(&counter);
    int paintsWhenCalled = -1;
    afterFirstFrame(
        &window, [&] { paintsWhenCalled = counter.paints; }, 60000);
    QTest::qWait(50);
    QCOMPARE(paintsWhenCalled, -1); // not shown, not painted: nothing yet
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(paintsWhenCalled != -1, 5000);
    QVERIFY(paintsWhenCalled >= 1);
}

void TestStartup::workRunsOnceThoughTheWindowPaintsAgain()
{
    QWidget window;
    window.resize(300, 200);
    int calls = 0;
    afterFirstFrame(
        &window, [&] { ++calls; }, 200);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 5000);
    window.repaint();
    window.resize(320, 220);
    window.repaint();
    QTest::qWait(400); // past the fallback, which must not call again
    QCOMPARE(calls, 1);
}

void TestStartup::windowThatNeverPaintsFallsBack()
{
    QWidget window; // never shown: as on another desktop, or minimized
    int calls = 0;
    QElapsedTimer clock;
    clock.start();
    afterFirstFrame(
        &window, [&] { ++calls; }, 100);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 5000);
    QVERIFY(clock.elapsed() >= 100);
    QTest::qWait(150);
    QCOMPARE(calls, 1);
}

void TestStartup::destroyedWindowRunsNothing()
{
    int calls = 0;
    {
        QWidget window;
        afterFirstFrame(
            &window, [&] { ++calls; }, 50);
        window.show();
    }
    QTest::qWait(200);
    QCOMPARE(calls, 0);
}

void TestStartup::warmupBesideTheGuiThreadUsingTheSame()
{
    // The GUI thread lays out text and reads images while the warm-up threads load the same font
    // database and plugins (the sanitizer build watches this); both end with what they need.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("red.png"));
    QImage rendered(200, 40, QImage::Format_ARGB32_Premultiplied);
    {
        const StartupWarmup warmup;
        QLabel label(QStringLiteral("Easel"));
        label.resize(200, 40);
        rendered.fill(Qt::white);
        label.render(&rendered, QPoint(), QRegion(), QWidget::DrawChildren); // text only
        QImage png(8, 8, QImage::Format_RGB32);
        png.fill(Qt::red);
        QVERIFY(png.save(file));
    }
    QImageReader reader(file);
    QCOMPARE(reader.read().pixelColor(3, 3), QColor(Qt::red));
    QVERIFY(!QImageReader::supportedImageFormats().isEmpty());
    bool drewText = false;
    for (int y = 0; y < rendered.height() && !drewText; ++y) {
        for (int x = 0; x < rendered.width() && !drewText; ++x)
            drewText = rendered.pixelColor(x, y) != QColor(Qt::white);
    }
    QVERIFY(drewText);
}

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
