#include "emptyconversationhint.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>
#include <QRect>
#include <QString>

void EmptyConversationHint::paint(QPainter *painter, const QRect &area, const QFont &font,
                                  const QPalette &palette, const QString &note)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QFont title = font;
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(title);
    const QFontMetrics bodyMetrics(font);
    // The note wraps within a readable measure, never wider than the view.
    const int measure = qMin(area.width() - 40, bodyMetrics.averageCharWidth() * 64);
    const QRect noteBox = note.isEmpty()
        ? QRect()
        : bodyMetrics.boundingRect(QRect(0, 0, measure, 10000), Qt::AlignCenter | Qt::TextWordWrap,
                                   note);
    const int noteHeight = note.isEmpty() ? 0 : 14 + noteBox.height();
    const int blockHeight = titleMetrics.height() + 10 + bodyMetrics.lineSpacing() * 2 + noteHeight;
    int y = area.center().y() - blockHeight / 2;

    QColor muted = palette.color(QPalette::Text);
    muted.setAlphaF(0.55f);
    painter->setFont(title);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRect(area.left(), y, area.width(), titleMetrics.height()), Qt::AlignCenter,
                      tr("What shall we draw today?"));
    y += titleMetrics.height() + 10;
    painter->setFont(font);
    painter->setPen(muted);
    painter->drawText(QRect(area.left(), y, area.width(), bodyMetrics.lineSpacing()),
                      Qt::AlignCenter, tr("Describe an image below and press Ctrl+Enter."));
    y += bodyMetrics.lineSpacing();
    painter->drawText(QRect(area.left(), y, area.width(), bodyMetrics.lineSpacing()),
                      Qt::AlignCenter,
                      tr("Image settings are on the right; every turn shows what it cost."));
    if (note.isEmpty())
        return;
    y += bodyMetrics.lineSpacing() + 14;
    painter->drawText(QRect(area.center().x() - measure / 2, y, measure, noteBox.height()),
                      Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, note);
}
