#pragma once

#include <QPersistentModelIndex>

#include <functional>
#include <utility>

class ConversationView;

// Keeps the layout work of a ConversationView proportional to what it shows. The delegate gives
// every row an estimated height (cheap: no text document); this class lays out exactly the rows
// within a margin of the viewport and lays the view out again while any of them changed height.
// Through every such relayout it anchors the viewport, so that nothing on screen moves when rows
// above it become exact: the bottom stays pinned while the view follows it, otherwise the top
// visible row keeps its place. Scrolling the whole conversation thus ends with exact heights.
class LazyRowLayout
{
public:
    // Rows this many viewport heights above and below the viewport are laid out exactly too, so
    // a scroll of up to a page shows rows that already have their final height.
    static constexpr int marginScreens = 1;
    // Each pass lays out the rows a relayout brought near; a few passes always settle.
    static constexpr int maxPasses = 6;

    // `relayout` is QListView's own layout of every row (not the view's override, which calls
    // layout() here).
    LazyRowLayout(ConversationView *view, std::function<void()> relayout);

    // The view's layout of every row: anchored, then settled. A layout asked for from inside
    // one of these (QListView runs pending layouts when asked where a row is) only lays out.
    void layout();
    // After a scroll or resize: lays out exactly the rows that came near the viewport and
    // relayouts, anchored, while any changed height. Does nothing from inside layout().
    void settle();
    // Remembers what the viewport shows: the bottom when the view follows it, otherwise the row
    // at the top of the viewport and where it starts.
    void rememberAnchor();

private:
    void relayout();
    void restoreAnchor() const;
    // Lays out exactly the rows near the viewport; relayouts, anchored, while any changed height.
    void settleRows();
    // The first and last row of those laid out over viewport y coordinates `top` to `bottom`
    // (bisection over the rows' positions); {-1, -1} when none starts at or above `bottom`.
    // The first is the row that covers `top`, or the last row when they all end above it.
    std::pair<int, int> rowsBetween(int top, int bottom) const;

    ConversationView *m_view;
    std::function<void()> m_relayout;
    bool m_busy = false; // inside layout() or settle()
    bool m_pinBottom = true;
    QPersistentModelIndex m_topRow;
    int m_topOffset = 0; // m_topRow's top edge in viewport coordinates
};
