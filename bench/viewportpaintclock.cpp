#include "viewportpaintclock.h"

#include "benchclock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

ViewportPaintClock::ViewportPaintClock(QWidget *viewport)
    : m_viewport(viewport)
{
    viewport->installEventFilter(this);
}

ViewportPaintClock::~ViewportPaintClock()
{
    m_viewport->removeEventFilter(this);
}

bool ViewportPaintClock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_viewport || event->type() != QEvent::Paint || m_dispatching)
        return false;
    const qint64 start = benchNowNs();
    m_dispatching = true;
    QCoreApplication::sendEvent(watched, event);
    m_dispatching = false;
    m_lastPaintEndNs = benchNowNs();
    ++m_paints;
    if (m_onPainted)
        m_onPainted(start, m_lastPaintEndNs);
    return true;
}
