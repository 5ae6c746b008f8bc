#pragma once

#include "model/turn.h"

#include "image/imagecache.h"

#include "readingplace.h"

#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QMimeData;

class QMenu;
class LazyRowLayout;
class ImageSelection;
class TurnDelegate;
class TurnRevealer;

// The conversation: a virtualized list of turns, one row per turn, painted by TurnDelegate. Only
// the rows in view (and a margin around it) are laid out and painted; the others have an
// estimated height until they come near (LazyRowLayout), so opening a long conversation costs
// what one screen costs. Row heights are cached per turn and recomputed only for the row the
// model says changed, so a streaming answer costs one row per update. The view follows the
// bottom while the designer is there and stays put once they scroll up to look at something.
//
// Images come from an ImageCache at their display size; the view repaints only the rows that were
// waiting for an image when it is decoded. What to do with an image (save, copy, details, view,
// edit) is signalled; the window that owns the view decides. A click on a reference thumbnail
// opens it like an image; a click on an edit's Original tile scrolls to the turn it came from.
class ConversationView : public QListView
{
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);
    ~ConversationView() override;

    // Said under the empty conversation's hint ("" for nothing): on the offline demo, where its
    // images come from and how to get real ones (found by QA: a newcomer was not told).
    void setEmptyNote(const QString &note);
    QString emptyNote() const { return m_emptyNote; }
    void setModel(QAbstractItemModel *model) override;
    void reset() override;
    // Anchored: rows becoming exact above the viewport do not move what it shows.
    void doItemsLayout() override;
    // Lands on the row with its exact height and its neighbours', not on the estimate.
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

    // The view creates its own cache; a shared one can be given instead (not owned).
    void setImageCache(ImageCache *cache);
    ImageCache *imageCache() const;
    // The largest size, in device pixels, at which a turn shows an image (its height follows the
    // viewport's, TurnLayout::imageHeightFor()): a new image decoded to fit it serves every size
    // the view asks for (ChatSession::setImageDecodeBox, set again at each send).
    QSize largestImagePixels() const;
    TurnDelegate *turnDelegate() const { return m_delegate; }

    bool isAtBottom() const;
    // The turn at the top of the view and how far it is scrolled past; null at the end.
    ReadingPlace readingPlace() const;
    // Scrolls back to `place`. False, and nothing moves, when its turn is not in the conversation.
    bool restoreReadingPlace(const ReadingPlace &place);
    // Scrolls to the last turn and follows it as it grows: a prompt just sent is shown with its
    // previews, wherever the view had been scrolled to.
    void followNewTurn();
    // Whether the view will follow new content to the bottom.
    bool followsBottom() const { return m_followBottom; }

    // The image under `viewportPos` and the row it belongs to; a default ImageAsset (empty itemId,
    // state Pending, no file) and an invalid index when there is none.
    ImageAsset imageAt(const QPoint &viewportPos, QModelIndex *turnIndex = nullptr) const;
    // The rect of image `imageIndex` of a row, in viewport coordinates.
    QRect imageRect(const QModelIndex &index, int imageIndex) const;
    // The Retry button of a failed linked image, in viewport coordinates; null when it has none.
    QRect retryRect(const QModelIndex &index, int imageIndex) const;
    // The thumbnail of reference image `attachment` of a row, in viewport coordinates; null when
    // it has none (e.g. it is counted in the "+N" tile).
    QRect attachmentRect(const QModelIndex &index, int attachment) const;
    // The Original tile of an edit turn, in viewport coordinates; null when the turn edits nothing.
    QRect parentTileRect(const QModelIndex &index) const;

    // Scrolls to the turn holding `image` so that the image shows, and outlines that turn for a
    // moment. False, and nothing moves, when the image is no longer in the conversation.
    bool revealImage(const ImageRef &image);
    // The row revealImage() outlined, while the outline fades; invalid otherwise.
    QModelIndex highlightedRow() const;
    // The image the window's Save, Copy and full-screen keys act on (clicked, or walked to with
    // Left and Right).
    ImageSelection *imageSelection() const { return m_selection; }

    // Where the conversation's column is, in this view's coordinates (its height is 0): the
    // composer below lines up with it. columnChanged() says it moved or changed width, or that
    // images are shown at another height.
    QRect columnRect() const;

    // The context menu for a point of the viewport: image actions over an image, turn actions
    // elsewhere on a row; nullptr over empty space. The caller owns the menu. Public so that tests
    // can inspect and trigger the actions without a blocking exec().
    QMenu *createContextMenu(const QPoint &viewportPos);

    // What an image dragged out of the view carries. Without one the drag holds the stored file's
    // URL; the window gives a temporary copy with Easel's metadata embedded (ImageSaver).
    using DragDataProvider = std::function<QMimeData *(const Turn &, const ImageAsset &)>;
    void setDragDataProvider(DragDataProvider provider)
    {
        m_dragDataProvider = std::move(provider);
    }

Q_SIGNALS:
    void saveImageRequested(const ImageAsset &image, const Turn &turn);
    void saveTurnImagesRequested(const Turn &turn);
    void copyImageRequested(const ImageAsset &image);
    void detailsRequested(const Turn &turn, const ImageAsset &image);
    void viewImageRequested(const ImageAsset &image);
    void linkActivated(const QUrl &url);
    // The designer asked to download a failed linked image again (Retry on its card or menu).
    void retryImageRequested(const QString &turnId, const QString &itemId);
    // "Edit This Image" and "Edit with Mask…" on a final image: the window starts an edit of it.
    void editImageRequested(const ImageRef &image);
    void maskedEditRequested(const ImageRef &image);
    // The Original tile of an edit was clicked: the view has scrolled to `image` (the parent).
    void originalActivated(const ImageRef &image);
    void columnChanged();

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = {}) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void onImageArrived(const QString &filePath);
    void onRangeChanged(int minimum, int maximum);
    void updateLayoutWidth();
    void relayoutAll();
    int contentWidth() const;
    Turn turnAt(const QModelIndex &index) const;
    void startImageDrag(const ImageAsset &image);
    // The turn and image whose Retry button is under `viewportPos`; false when there is none.
    bool retryAt(const QPoint &viewportPos, QString *turnId, QString *itemId) const;
    // What a click at `viewportPos` opens among a turn's references: an attachment's index,
    // parentReference for a found Original tile, or noReference (also for an unreadable file).
    int referenceAt(const QPoint &viewportPos, QModelIndex *turnIndex) const;
    void activateReference(const QModelIndex &index, int reference);
    static constexpr int noReference = -1;
    static constexpr int parentReference = -2;

    TurnDelegate *m_delegate = nullptr;
    std::unique_ptr<LazyRowLayout> m_rows;
    QPointer<ImageCache> m_imageCache;
    DragDataProvider m_dragDataProvider;
    ImageCache *m_ownCache = nullptr;
    bool m_followBottom = true;
    // The image a press landed on: a release on the same image opens it, a move drags it out.
    QPersistentModelIndex m_pressIndex;
    QString m_pressItem; // file path of the pressed image
    QPoint m_pressPos;
    QString m_pressRetry; // "turn id/item id" of the Retry button a press landed on
    // The reference a press landed on: a release on the same one activates it.
    QPersistentModelIndex m_pressReferenceRow;
    int m_pressReference = noReference;
    TurnRevealer *m_revealer = nullptr;
    QString m_emptyNote;
    ImageSelection *m_selection = nullptr;
};
