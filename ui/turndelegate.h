#pragma once

#include "image/imagecache.h"
#include "turnlayout.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>

// Paints one turn of the conversation: the prompt bubble, the Markdown answer, the images (a
// placeholder, a preview or the final image, all in the same reserved rect), the progress or
// error line and the usage line.
//
// Layouts are cached per turn (by turn id, so inserting a row does not shift the cache) and are
// evicted only by invalidate() for the row that changed, or lazily when the width changes.
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

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The layout of a row, computed when missing or made for another width or font.
    TurnLayout layoutFor(const QModelIndex &index, const QFont &font) const;
    // The cached size of a row, invalid when it has no current layout.
    QSize cachedSize(const QModelIndex &index) const;
    void invalidate(const QModelIndex &index);
    void invalidateAll();

    // Rows painted while one of their images was still decoding, by file path. The view repaints
    // exactly these rows when the image is ready; the entry is consumed.
    QList<QPersistentModelIndex> takeRowsWaitingFor(const QString &filePath);

    // Test seam: how many layouts were computed, and how many are cached.
    int layoutCount() const { return m_layoutCount; }
    int cachedLayoutCount() const { return int(m_layouts.size()); }

    static QString rowKey(const QModelIndex &index);

private:
    void paintPrompt(QPainter *painter, const TurnLayout &layout, const Turn &turn,
                     const QPalette &palette) const;
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

    QPointer<ImageCache> m_imageCache;
    int m_layoutWidth = 0;
    bool m_focusVisible = false;
    mutable QHash<QString, TurnLayout> m_layouts;
    mutable int m_layoutCount = 0;
    mutable QHash<QString, QList<QPersistentModelIndex>> m_waiting;
    // The last picture shown for each image item, so that a new preview or the final image
    // replaces it in place once decoded instead of flashing a placeholder in between. Only items
    // that are not final yet are kept.
    mutable QHash<QString, QImage> m_lastShown;
};
