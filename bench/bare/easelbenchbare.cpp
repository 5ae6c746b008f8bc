// easel-bench-bare: the baseline of easel-bench's start-up figures. A QApplication and one empty
// QWidget of the size given, shown, started by easel-bench exactly as it starts Easel. It prints
// "easel-first-paint <ns> <w>x<h>" on stderr when the window's first frame is painted, measured
// by the same FirstPaintReport (ui/) as Easel under EASEL_REPORT_FIRST_PAINT=1.
//
//   easel-bench-bare [WIDTH HEIGHT [--label]]
//
// With --label the window holds one line of text (a QLabel): what Qt's font set-up costs any
// window that shows text, a second baseline that tells Qt's share of Easel's start-up from Easel's.

#include "firstpaintreport.h"

#include <QApplication>
#include <QLabel>
#include <QWidget>

int main(int argc, char *argv[])
{
    FirstPaintReport::markMainReached();
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    const int width = arguments.value(1).toInt();
    const int height = arguments.value(2).toInt();
    QWidget window;
    window.resize(width > 0 ? width : 1280, height > 0 ? height : 860);
    if (arguments.contains(QLatin1String("--label")))
        (new QLabel(QStringLiteral("Easel"), &window))->move(20, 20);
    FirstPaintReport report(&window);
    window.show();
    return app.exec();
}
