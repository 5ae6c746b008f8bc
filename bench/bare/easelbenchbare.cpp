// easel-bench-bare: the baseline of easel-bench's start-up figures. A QApplication and one empty
// QWidget of the size given, shown, started by easel-bench exactly as it starts Easel. It prints
// "easel-first-paint <ns> <w>x<h>" on stderr when the window's first frame is painted, measured the
// same way as desktop/main.cpp does under EASEL_REPORT_FIRST_PAINT=1 (keep the two alike).
//
//   easel-bench-bare [WIDTH HEIGHT [--label]]
//
// With --label the window holds one line of text (a QLabel): what Qt's font set-up costs any
// window that shows text, a second baseline that tells Qt's share of Easel's start-up from Easel's.

#include <QApplication>
#include <QLabel>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>

namespace {

class FirstPaintReport : public QObject
{
public:
    explicit FirstPaintReport(QWidget *window)
        : m_window(window)
    {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_dispatching || !watched->isWidgetType()
            || static_cast<QWidget *>(watched)->window() != m_window)
            return false;
        if (m_frameStartNs == 0) {
            m_frameStartNs = nowNs();
            QTimer::singleShot(0, this, [this] { reportFrame(); });
        }
        m_dispatching = true;
        QCoreApplication::sendEvent(watched, event);
        m_dispatching = false;
        m_frameEndNs = nowNs();
        return true;
    }

private:
    static qint64 nowNs()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
    void reportFrame()
    {
        std::fprintf(stderr, "easel-first-paint %lld %dx%d\n", m_frameEndNs, m_window->width(),
                     m_window->height());
        std::fflush(stderr);
        qApp->removeEventFilter(this);
    }

    QWidget *m_window;
    bool m_dispatching = false;
    qint64 m_frameStartNs = 0;
    qint64 m_frameEndNs = 0;
};

} // namespace

int main(int argc, char *argv[])
{
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
