#pragma once

#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QRectF>

// Where keyboard focus is in Easel's own item views (the conversation, its list, the Library):
// a 2 px ring in the highlight colour just inside `rect` (in the highlighted text's colour on a
// selected item, which is filled with the highlight). Fusion's focus frame on an item is a faint
// line a tester could not find on a selected row, and a tinted card alone is barely there.
inline void paintFocusRing(QPainter *painter, const QRectF &rect, const QPalette &palette,
                           qreal radius = 6, bool selected = false)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(
        palette.color(QPalette::Active, selected ? QPalette::HighlightedText : QPalette::Highlight),
        2);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius);
    painter->restore();
}
