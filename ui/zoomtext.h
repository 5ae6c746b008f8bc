#pragma once

#include <QCoreApplication>
#include <QFontMetrics>

// A zoom as the image windows write it: "68%", as their "100%" button does (found by QA: the
// viewer showed "100%" on the button and "68 %" beside it).
inline QString zoomText(qreal zoom)
{
    return QCoreApplication::translate("ZoomText", "%1%").arg(qRound(zoom * 100));
}

// The width a zoom label keeps from 1% to 3200%, so that the buttons beside it stay put.
inline int zoomTextWidth(const QFontMetrics &metrics)
{
    return metrics.horizontalAdvance(zoomText(32.0));
}
