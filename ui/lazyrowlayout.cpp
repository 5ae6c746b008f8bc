#include "lazyrowlayout.h"

#include "conversationview.h"
#include "turndelegate.h"

#include <QScopedValueRollback>
#include <QScrollBar>

#include <algorithm>

LazyRowLayout::LazyRowLayout(ConversationView *view, std::function<void()> relayout)
    : m_view(view)
    , m_relayout(std::move(relayout))
{
}

void LazyRowLayout::layout()
{
    if (m_busy) {
        relayout();
        return;
    }
    const QScopedValueRollback<bool> busy(m_busy, true);
    relayout();
    restoreAnchor();
    settleRows();
    rememberAnchor();
}

void LazyRowLayout::settle()
{
    if (m_busy)
        return;
    const QScopedValueRollback<bool> busy(m_busy, true);
    settleRows();
    rememberAnchor();
}

void LazyRowLayout::relayout()
{
    // QListView keeps where rows start, not the heights it used: the delegate notes them.
    TurnDelegate *delegate = m_view->turnDelegate();
    delegate->setRecordingLayout(true);
    m_relayout();
    delegate->setRecordingLayout(false);
}

void LazyRowLayout::rememberAnchor()
{
    m_pinBottom = m_view->followsBottom();
    m_topRow = QPersistentModelIndex();
    m_topOffset = 0;
    if (m_pinBottom || !m_view->model())
        return;
    const int first = rowsBetween(0, 0).first;
    if (first < 0)
        return;
    const QModelIndex index = m_view->model()->index(first, 0, m_view->rootIndex());
    m_topRow = index;
    m_topOffset = m_view->visualRect(index).top();
}

void LazyRowLayout::restoreAnchor() const
{
    QScrollBar *bar = m_view->verticalScrollBar();
    if (m_pinBottom) {
        bar->setValue(bar->maximum());
        return;
    }
    if (!m_topRow.isValid() || m_topRow.model() != m_view->model())
        return;
    const int moved = m_view->visualRect(m_topRow).top() - m_topOffset;
    if (moved != 0)
        bar->setValue(bar->value() + moved);
}

void LazyRowLayout::settleRows()
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return;
    const QFont font = m_view->font();
    const TurnDelegate *delegate = m_view->turnDelegate();
    for (int pass = 0; pass < maxPasses; ++pass) {
        const int height = m_view->viewport()->height();
        const int margin = height * marginScreens;
        const auto [first, last] = rowsBetween(-margin, height + margin);
        bool changed = false;
        for (int row = first; row >= 0 && row <= last; ++row) {
            const QModelIndex index = model->index(row, 0, m_view->rootIndex());
            const int exact = delegate->layoutFor(index, font).size().height();
            changed = changed || exact != delegate->laidOutHeight(index);
        }
        if (!changed)
            return;
        rememberAnchor();
        relayout();
        restoreAnchor();
    }
}

std::pair<int, int> LazyRowLayout::rowsBetween(int top, int bottom) const
{
    const QAbstractItemModel *model = m_view->model();
    const int rows = model ? model->rowCount(m_view->rootIndex()) : 0;
    if (rows == 0 || bottom < top)
        return { -1, -1 };
    // Only the rows' top edges are where the last layout put them: visualRect() sizes a row by
    // asking the delegate again, which may answer with a height the layout has not used yet.
    const auto topOf = [&](int row) {
        return m_view->visualRect(model->index(row, 0, m_view->rootIndex())).top();
    };
    // The last row starting at or above `y`, or -1 when all start below it (bisection: rows are
    // stacked top to bottom).
    const auto lastStartingAtOrAbove = [&](int y) {
        int low = 0;
        int high = rows;
        while (low < high) {
            const int middle = low + (high - low) / 2;
            if (topOf(middle) <= y)
                low = middle + 1;
            else
                high = middle;
        }
        return low - 1;
    };
    const int last = lastStartingAtOrAbove(bottom);
    if (last < 0)
        return { -1, -1 };
    return { std::max(lastStartingAtOrAbove(top), 0), last };
}
