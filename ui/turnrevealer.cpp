#include "turnrevealer.h"

#include "chat/conversationmodel.h"
#include "conversationview.h"
#include "turndelegate.h"
#include "viewpalette.h"

#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace {

constexpr qreal penWidth = 2.5;
constexpr qreal radius = 14;

} // namespace

TurnRevealer::TurnRevealer(ConversationView *view)
    : QObject(view)
    , m_view(view)
{
    m_fade.setDuration(durationMs);
    m_fade.setStartValue(1.0);
    m_fade.setEndValue(0.0);
    // Stays bright for most of its time, then fades quickly.
    m_fade.setEasingCurve(QEasingCurve::InCubic);
    connect(&m_fade, &QVariantAnimation::valueChanged, this, &TurnRevealer::repaint);
    connect(&m_fade, &QVariantAnimation::finished, this, [this] {
        m_row = QPersistentModelIndex();
        repaint();
    });
}

bool TurnRevealer::reveal(const ImageRef &image)
{
    const auto *conversation = qobject_cast<const ConversationModel *>(m_view->model());
    if (!conversation || !conversation->findImage(image))
        return false;
    const int row = conversation->rowOfTurn(image.turnId);
    const QModelIndex index = m_view->model()->index(row, 0, m_view->rootIndex());
    m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
    // A tall turn: bring its image up into view, not only its prompt.
    const QList<ImageAsset> &images = conversation->turnAt(row).images;
    for (int i = 0; i < images.size(); ++i) {
        const QRect picture = m_view->imageRect(index, i);
        if (images.at(i).itemId != image.itemId || !picture.isValid())
            continue;
        const int below = picture.bottom() + TurnLayout::gap - m_view->viewport()->height();
        QScrollBar *bar = m_view->verticalScrollBar();
        if (below > 0)
            bar->setValue(bar->value() + std::min(below, std::max(picture.top(), 0)));
        break;
    }
    m_fade.stop();
    m_row = index;
    m_fade.start();
    repaint();
    return true;
}

QModelIndex TurnRevealer::highlightedRow() const
{
    return m_fade.state() == QAbstractAnimation::Running ? QModelIndex(m_row) : QModelIndex();
}

qreal TurnRevealer::opacity() const
{
    return highlightedRow().isValid() ? m_fade.currentValue().toReal() : 0.0;
}

QRect TurnRevealer::outline(const QModelIndex &index) const
{
    // Where the keyboard's focus card goes: around the turn's column.
    return m_view->turnDelegate()
        ->layoutFor(index, m_view->font())
        .columnRect()
        .adjusted(-14, 4, 14, -6)
        .translated(m_view->visualRect(index).topLeft());
}

void TurnRevealer::repaint()
{
    const int margin = int(penWidth) + 2;
    if (!m_painted.isNull())
        m_view->viewport()->update(m_painted.adjusted(-margin, -margin, margin, margin));
    const QModelIndex index = highlightedRow();
    m_painted = index.isValid() ? outline(index) : QRect();
    if (!m_painted.isNull())
        m_view->viewport()->update(m_painted.adjusted(-margin, -margin, margin, margin));
}

void TurnRevealer::paint(QPainter *painter) const
{
    const QModelIndex index = highlightedRow();
    if (!index.isValid())
        return;
    QColor color = ViewPalette::accent(m_view->palette());
    color.setAlphaF(float(color.alphaF() * opacity()));
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, penWidth));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(outline(index)), radius, radius);
    painter->restore();
}
