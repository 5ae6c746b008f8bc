#pragma once

#include <QPointer>
#include <QStyledItemDelegate>

class ImageCache;

// Paints one cell of the compare grid: the image (or its newest preview) fitted into a box of
// the cell's size, over a checkerboard when it has transparency, with its caption underneath
// ("Queued", "Generating… 12 s", "$0.011 · 8.2 s") and the cell's own error in red in place of
// the image. Images come from the shared ImageCache at the box's size in device pixels, decoded
// off the GUI thread; until then a placeholder of the image's aspect holds the place.
class CompareCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int margin = 6;

    explicit CompareCellDelegate(ImageCache *cache, QObject *parent = nullptr);

    void setCellSide(int side) { m_side = side; } // the image box, logical pixels
    int cellSide() const { return m_side; }
    int captionHeight(const QFont &font) const;
    // The whole cell for a box of cellSide(), margins included.
    QSize cellSize(const QFont &font) const;
    // Where the image box of a cell painted in `cellRect` is.
    QRect imageBox(const QRect &cellRect, const QFont &font) const;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    QPointer<ImageCache> m_cache;
    int m_side = 220;
};
