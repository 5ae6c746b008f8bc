#include "flowlayout.h"

#include <QWidget>

FlowLayout::FlowLayout(QWidget *parent, int spacing)
    : QLayout(parent)
    , m_spacing(spacing)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, false);
}

int FlowLayout::doLayout(const QRect &rect, bool testOnly) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const auto expands = [](const QLayoutItem *item) {
        return bool(item->expandingDirections() & Qt::Horizontal);
    };
    // Places one line: an item that expands horizontally (a search field) takes the width the
    // line leaves, like a stretch in a QHBoxLayout; every item is centred in the line's height
    // (a check box beside combo boxes).
    const auto placeLine = [&](const QList<QLayoutItem *> &line, int y, int lineHeight) {
        int used = -m_spacing;
        int expanding = 0;
        for (const QLayoutItem *item : line) {
            used += item->sizeHint().width() + m_spacing;
            expanding += expands(item) ? 1 : 0;
        }
        const int spare = std::max(0, area.width() - used);
        int x = area.x();
        int given = 0;
        for (QLayoutItem *item : line) {
            QSize size = item->sizeHint();
            if (expands(item)) {
                const int extra = (spare - given) / expanding--;
                given += extra;
                size.setWidth(size.width() + extra);
            }
            item->setGeometry(QRect(QPoint(x, y + (lineHeight - size.height()) / 2), size));
            x += size.width() + m_spacing;
        }
    };

    QList<QLayoutItem *> line;
    int x = area.x();
    int y = area.y();
    int lineHeight = 0;
    for (QLayoutItem *item : m_items) {
        if (item->widget() && !item->widget()->isVisibleTo(parentWidget()))
            continue;
        const QSize hint = item->sizeHint();
        if (x + hint.width() > area.right() + 1 && !line.isEmpty()) {
            if (!testOnly)
                placeLine(line, y, lineHeight);
            line.clear();
            x = area.x();
            y += lineHeight + m_spacing;
            lineHeight = 0;
        }
        line.append(item);
        x += hint.width() + m_spacing;
        lineHeight = std::max(lineHeight, hint.height());
    }
    if (!testOnly && !line.isEmpty())
        placeLine(line, y, lineHeight);
    const QMargins margins = contentsMargins();
    return y + lineHeight - rect.y() + margins.bottom();
}
