#pragma once

#include "image/imagecache.h"
#include "turnlayout.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>

#include <optional>

// Paints one turn of the conversation: the prompt bubble and its reference thumbnails (painted by
// TurnReferencesPainter, like an edit's Original tile), the Markdown answer, the images (a
// placeholder, a preview or the final image, all in the same reserved rect), the progress or
// error line and the usage line.
//
// Layouts are cached per turn (by turn id, so inserting a row does not shift the cache) and are
// evicted only by invalidate() for the row that changed, or lazily when the width changes.
//
// sizeHint() does not lay a row out: it gives the exact size when the row has a current layout
// and otherwise an estimate (TurnLayout::Measure::Estimate, also cached), so that a view of a
// thousand turns measures them all at a small cost. The view lays out exactly the rows it is
// about to show (layoutFor()) and lays its rows out again when their height changed.
class TurnDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TurnDelegate(QObject *parent = nullptr);

    void setImageCache(ImageCache *cache);
    ImageCache *imageCache() const { return m_imageCache; }

    // Whether the current row is marked: only once the keyboard is used to move through turns,
    // so a click or the initial current row does not leave a stray highlight.
    void setFocusVisible(bool visible) { m_focusVisible = visible; }
    bool isFocusVisible() const { return m_focusVisible; }

    // The row width the layouts are computed for (the view's content width).
    void setLayoutWidth(int width);
    int layoutWidth() const { return m_layoutWidth; }
    // How tall images are shown (TurnLayout::imageHeightFor() the viewport's height).
    void setImageHeightLimit(int pixels);
    int imageHeightLimit() const { return m_imageHeightLimit; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The layout of a row, computed when missing or made for another width or font.
    TurnLayout layoutFor(const QModelIndex &index, const QFont &font) const;
    // Whether the row has an exact layout for the current width and `font`.
    bool hasLayout(const QModelIndex &index, const QFont &font) const;
    // The row's size: exact when it has a layout, estimated otherwise.
    QSize sizeFor(const QModelIndex &index, const QFont &font) const;
    // The cached size of a row, invalid when it has no current layout.
    QSize cachedSize(const QModelIndex &index) const;

    // The height the view laid a row out with, -1 when unknown. QListView keeps only positions,
    // and its visualRect() asks sizeHint() again, so the heights sizeHint() gives are noted while
    // the view says a layout is under way: a row laid out with an estimate is then known to need
    // another layout once it has its exact height.
    void setRecordingLayout(bool recording);
    int laidOutHeight(const QModelIndex &index) const;
    void invalidate(const QModelIndex &index);
    void invalidateAll();

    // Rows painted while one of their images was still decoding, by file path. The view repaints
    // exactly these rows when the image is ready; the entry is consumed.
    QList<QPersistentModelIndex> takeRowsWaitingFor(const QString &filePath);

    // Test seam: how many layouts were computed, and how many are cached; the same for estimates.
    int layoutCount() const { return m_layoutCount; }
    int cachedLayoutCount() const { return int(m_layouts.size()); }
    int estimateCount() const { return m_estimateCount; }

    static QString rowKey(const QModelIndex &index);

private:
    void paintPrompt(QPainter *painter, const TurnLayout &layout, const QPalette &palette) const;
    // Whether a cached layout still fits: the width, the font and the edited image's parent.
    bool isCurrent(const TurnLayout &layout, const QFont &font, const ImageAsset *parent) const;
    void paintImage(QPainter *painter, const TurnLayout::ImageSlot &slot, const ImageAsset &image,
                    const QModelIndex &index, const QPalette &palette, const QFont &font) const;
    void paintPlaceholder(QPainter *painter, const QRect &rect, const QString &label,
                          const QPalette &palette, const QFont &font) const;
    void paintFailed(QPainter *painter, const QRect &rect, const QString &reason,
                     const QPalette &palette, const QFont &font) const;
    // A linked image that could not be downloaded: the reason, the link and a Retry button.
    void paintFailedLink(QPainter *painter, const TurnLayout::ImageSlot &slot,
                         const ImageAsset &image, const QPalette &palette, const QFont &font) const;
    void paintDownloading(QPainter *painter, const QRect &rect, const ImageAsset &image,
                          const QPalette &palette, const QFont &font) const;
    QImage imageFor(const ImageAsset &image, QSize targetPixels, const QModelIndex &index,
                    QString *error) const;
    int effectiveWidth() const { return m_layoutWidth > 0 ? m_layoutWidth : 640; }

    struct Estimate
    {
        int width = 0;
        int imageHeightLimit = 0;
        QFont font;
        QSize size;
        std::optional<ImageAsset> parent; // an edit's parent as it was measured
    };

    QPointer<ImageCache> m_imageCache;
    int m_layoutWidth = 0;
    int m_imageHeightLimit = TurnLayout::maxImageHeight;
    bool m_focusVisible = false;
    mutable QHash<QString, TurnLayout> m_layouts;
    // Layouts of rows that changed, until the row is laid out again (TurnLayout's `previous`).
    mutable QHash<QString, TurnLayout> m_invalidated;
    static constexpr qsizetype maxInvalidatedKept = 8;
    mutable int m_layoutCount = 0;
    // Rows without a layout: their estimated size, dropped once they are laid out.
    mutable QHash<QString, Estimate> m_estimates;
    mutable int m_estimateCount = 0;
    bool m_recording = false;
    mutable QHash<QString, int> m_laidOut; // row key -> height given during the last layout
    mutable QHash<QString, QList<QPersistentModelIndex>> m_waiting;
    // The last picture shown for each image item, so that a new preview or the final image
    // replaces it in place once decoded instead of flashing a placeholder in between. Only items
    // that are not final yet are kept.
    mutable QHash<QString, QImage> m_lastShown;
};
