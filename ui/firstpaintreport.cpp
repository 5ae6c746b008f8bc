#include "firstpaintreport.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <cstdio>

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Written once by the main thread before any other thread exists, read after.
qint64 mainReachedNs = 0;

} // namespace

void FirstPaintReport::markMainReached()
{
    mainReachedNs = nowNs();
}

FirstPaintReport::FirstPaintReport(QWidget *window)
    : m_window(window)
{
    QCoreApplication::instance()->installEventFilter(this);
}

FirstPaintReport::~FirstPaintReport()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

void FirstPaintReport::markRestored()
{
    m_restoredNs = nowNs();
}

bool FirstPaintReport::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Paint || m_dispatching || !watched->isWidgetType()
        || static_cast<QWidget *>(watched)->window() != m_window)
        return false;
    // Delivered here so that the stamp is the end of the paint; the frame ends with the last
    // widget painted before the event loop runs again.
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

void FirstPaintReport::reportFrame()
{
    if (!m_firstReported) {
        std::fprintf(stderr, "easel-first-paint %lld %dx%d %lld\n",
                     static_cast<long long>(m_frameEndNs), m_window->width(), m_window->height(),
                     static_cast<long long>(mainReachedNs));
        m_firstReported = true;
    }
    if (m_restoredNs != 0 && m_frameStartNs > m_restoredNs) {
        std::fprintf(stderr, "easel-restored-paint %lld\n", static_cast<long long>(m_frameEndNs));
        m_restoredNs = 0;
    }
    std::fflush(stderr);
    m_frameStartNs = 0;
}
