// The docks' Close and Float buttons are sharp on a 2x screen (found by QA: Fusion draws them from
// 10-pixel bitmaps, blurred at 2x). Runs with QT_SCALE_FACTOR=2, and skips where the platform
// ignores it. Over Fusion, TitleBarStyle gives icons drawn at the device pixel size in the
// palette's text colour; over another style it changes nothing.
#include "titlebarstyle.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QPalette>
#include <QStyleFactory>
#include <QTest>

#include <cstdlib>

namespace {

constexpr QSize logicalSize(10, 10);

QImage drawn(const QIcon &icon, qreal dpr)
{
    return icon.pixmap(logicalSize, dpr).toImage().convertToFormat(QImage::Format_ARGB32);
}

} // namespace

class TestTitleBarStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("fusion")));
        QVERIFY(fusion);
        // Fusion's own: a small bitmap however many device pixels the button has, which the
        // button then scales up.
        const QPixmap blurred
            = fusion->standardIcon(QStyle::SP_TitleBarCloseButton).pixmap(logicalSize, 2.0);
        QVERIFY2(blurred.width() < 2 * logicalSize.width(),
                 qPrintable(QStringLiteral("%1 x %2").arg(blurred.width()).arg(blurred.height())));
    }

    void sharpOnTheDocksButtons()
    {
        QApplication::setStyle(new TitleBarStyle(QStyleFactory::create(QStringLiteral("fusion"))));
        QMainWindow window;
        auto *dock = new QDockWidget(QStringLiteral("Conversations"), &window);
        dock->setWidget(new QWidget);
        window.addDockWidget(Qt::LeftDockWidgetArea, dock);
        window.resize(400, 300);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const qreal dpr = window.devicePixelRatio();
        if (dpr < 2.0)
            QSKIP("This platform ignored QT_SCALE_FACTOR=2: nothing to tell sharp from blurred.");

        for (const char *name : { "qt_dockwidget_closebutton", "qt_dockwidget_floatbutton" }) {
            auto *button = dock->findChild<QAbstractButton *>(QLatin1String(name));
            QVERIFY2(button, name);
            const QPixmap pixmap = button->icon().pixmap(logicalSize, dpr);
            QCOMPARE(pixmap.size(), logicalSize * 2); // a device pixel each
            QCOMPARE(pixmap.deviceIndependentSize(), QSizeF(logicalSize));
        }
    }

    void crossInTheTextColour()
    {
        TitleBarStyle style(QStyleFactory::create(QStringLiteral("fusion")));
        const QIcon close = style.standardIcon(QStyle::SP_TitleBarCloseButton);
        for (const QColor text : { QColor(Qt::black), QColor(230, 230, 230) }) {
            QPalette palette = QApplication::palette();
            palette.setColor(QPalette::WindowText, text);
            QApplication::setPalette(palette);
            const QImage image = drawn(close, 2.0);
            QCOMPARE(image.size(), QSize(20, 20));
            const QColor centre = image.pixelColor(10, 10);
            QCOMPARE(centre.alpha(), 255);
            QCOMPARE(centre.rgb(), text.rgb());
            QCOMPARE(image.pixelColor(0, 0).alpha(), 0); // outside the cross
            QCOMPARE(image.pixelColor(10, 1).alpha(), 0);
            const QColor diagonal = image.pixelColor(7, 7);
            QVERIFY(diagonal.alpha() > 160);
            QVERIFY(std::abs(diagonal.red() - text.red()) <= 4); // antialiased: rounded
            QVERIFY(image.pixelColor(7, 10).alpha() < 60); // between the two lines
        }
        QApplication::setPalette(QPalette());
    }

    void otherStylesKeepTheirOwn()
    {
        std::unique_ptr<QStyle> windows(QStyleFactory::create(QStringLiteral("windows")));
        if (!windows)
            QSKIP("Qt's Windows style is not built here.");
        TitleBarStyle style(QStyleFactory::create(QStringLiteral("windows")));
        const QImage own = drawn(windows->standardIcon(QStyle::SP_TitleBarCloseButton), 1.0);
        QCOMPARE(drawn(style.standardIcon(QStyle::SP_TitleBarCloseButton), 1.0), own);
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestTitleBarStyle test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_titlebarstyle.moc"
