#include "conversationview.h"

#include "chat/conversationmodel.h"
#include "emptyconversationhint.h"
#include "image/imagecache.h"
#include "imageselection.h"
#include "lazyrowlayout.h"
#include "turndelegate.h"
#include "turnlayout.h"
#include "turnrevealer.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QCursor>
#include <QDrag>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>

#include <algorithm>
#include <memory>

namespace {

// Within this many pixels of the end counts as "at the bottom": a trackpad rarely lands exactly.
constexpr int bottomSlack = 8;
constexpr int wheelStep = 48;

bool canExport(const ImageAsset &image)
{
    return image.state == ImageAsset::State::Final && !image.filePath.isEmpty();
}

bool canView(const ImageAsset &image)
{
    return (image.state == ImageAsset::State::Final || image.state == ImageAsset::State::Partial)
        && !image.filePath.isEmpty();
}

} // namespace

ConversationView::ConversationView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new TurnDelegate(this))
    , m_rows(std::make_unique<LazyRowLayout>(this, [this] { QListView::doItemsLayout(); }))
{
    setObjectName(QStringLiteral("conversationView"));
    setAccessibleName(tr("Conversation"));
    // A description, not a tooltip: a tooltip would pop up over every image of the conversation.
    setAccessibleDescription(
        tr("The turns of this conversation. Up and Down move between turns, Left and Right "
           "between images; Enter opens the image, the menu key its actions."));
    setItemDelegate(m_delegate);
    setUniformItemSizes(false);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(NoSelection);
    setEditTriggers(NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setWordWrap(true);
    verticalScrollBar()->setSingleStep(wheelStep);

    m_ownCache = new ImageCache(this);
    setImageCache(m_ownCache);
    m_revealer = new TurnRevealer(this);
    m_selection = new ImageSelection(this);

    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &ConversationView::onRangeChanged);
}

ConversationView::~ConversationView() = default;

void ConversationView::setModel(QAbstractItemModel *model)
{
    m_delegate->invalidateAll();
    m_followBottom = true;
    m_rows->rememberAnchor();
    QListView::setModel(model);
    // A hidden view gets its real width with the resize event sent when it is shown; laying out
    // every turn now, at a width it will not have, would be wasted.
    if (isVisible())
        updateLayoutWidth();
}

void ConversationView::reset()
{
    m_delegate->invalidateAll();
    m_followBottom = true;
    m_rows->rememberAnchor();
    QListView::reset();
}

void ConversationView::doItemsLayout()
{
    m_rows->layout();
}

void ConversationView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    // Any scroll, by the user or by keyboard navigation, decides whether we keep following.
    m_followBottom = isAtBottom();
    m_rows->settle();
}

void ConversationView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    // The first scroll goes by estimated heights; once the rows around the target are exact
    // (settled by that scroll), the second one lands exactly.
    QListView::scrollTo(index, hint);
    m_rows->settle();
    QListView::scrollTo(index, hint);
}

QSize ConversationView::largestImagePixels() const
{
    return (QSizeF(TurnLayout::maxColumnWidth, m_delegate->imageHeightLimit())
            * viewport()->devicePixelRatioF())
        .toSize();
}

void ConversationView::setImageCache(ImageCache *cache)
{
    if (m_imageCache == cache)
        return;
    if (m_imageCache)
        disconnect(m_imageCache, nullptr, this, nullptr);
    m_imageCache = cache;
    m_delegate->setImageCache(cache);
    if (cache) {
        connect(cache, &ImageCache::imageReady, this, &ConversationView::onImageArrived);
        connect(cache, &ImageCache::imageFailed, this,
                [this](const QString &filePath) { onImageArrived(filePath); });
    }
    if (m_ownCache && cache != m_ownCache) {
        m_ownCache->deleteLater();
        m_ownCache = nullptr;
    }
    viewport()->update();
}

ImageCache *ConversationView::imageCache() const
{
    return m_imageCache;
}

bool ConversationView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - bottomSlack;
}

ReadingPlace ConversationView::readingPlace() const
{
    const auto *turns = qobject_cast<const ConversationModel *>(model());
    if (!turns || turns->rowCount() == 0 || isAtBottom())
        return {};
    // The first row under the top edge (the gap between two rows belongs to neither).
    QModelIndex top;
    for (int y = 0; !top.isValid() && y < viewport()->height(); y += 4)
        top = indexAt(QPoint(viewport()->width() / 2, y));
    if (!top.isValid())
        return {};
    return { turns->turnAt(top.row()).id, -visualRect(top).top() };
}

bool ConversationView::restoreReadingPlace(const ReadingPlace &place)
{
    const auto *turns = qobject_cast<const ConversationModel *>(model());
    const int row = turns && !place.isNull() ? turns->rowOfTurn(place.turnId) : -1;
    if (row < 0)
        return false;
    const QModelIndex index = turns->index(row, 0);
    scrollTo(index, PositionAtTop); // exact: the rows around it are laid out on the way
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + place.offset);
    m_followBottom = isAtBottom();
    return true;
}

void ConversationView::followNewTurn()
{
    m_followBottom = true;
    const int rows = model() ? model()->rowCount() : 0;
    if (rows > 0)
        scrollTo(model()->index(rows - 1, 0), PositionAtBottom);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_followBottom = true; // the scroll above may have judged otherwise on its way
}

void ConversationView::onRangeChanged(int minimum, int maximum)
{
    Q_UNUSED(minimum)
    if (m_followBottom)
        verticalScrollBar()->setValue(maximum);
}

void ConversationView::onImageArrived(const QString &filePath)
{
    // Only the rows that painted a placeholder for this file: the rect was reserved, so no
    // relayout, and rows that were not in view have nothing to repaint.
    const QList<QPersistentModelIndex> rows = m_delegate->takeRowsWaitingFor(filePath);
    for (const QPersistentModelIndex &row : rows) {
        if (row.isValid())
            update(QModelIndex(row));
    }
}

int ConversationView::contentWidth() const
{
    // The same width whether the scroll bar shows or not, so that its appearing cannot change row
    // heights, which could make it disappear again.
    const int extent
        = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, verticalScrollBar());
    return std::max(contentsRect().width() - extent, 160);
}

void ConversationView::updateLayoutWidth()
{
    const int width = contentWidth();
    // A taller window shows images taller (TurnLayout::imageHeightFor()).
    const int imageHeight = TurnLayout::imageHeightFor(viewport()->height());
    if (width == m_delegate->layoutWidth() && imageHeight == m_delegate->imageHeightLimit())
        return;
    m_delegate->setLayoutWidth(width);
    m_delegate->setImageHeightLimit(imageHeight);
    relayoutAll();
    Q_EMIT columnChanged();
}

QRect ConversationView::columnRect() const
{
    // The rows are laid out contentWidth() wide from the viewport's left edge.
    return TurnLayout::column(contentWidth()).translated(viewport()->geometry().topLeft());
}

void ConversationView::relayoutAll()
{
    // At once rather than on the next event loop pass, so no frame paints new row contents into
    // old row rects.
    scheduleDelayedItemsLayout();
    executeDelayedItemsLayout();
}

void ConversationView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                   const QList<int> &roles)
{
    bool heightChanged = false;
    if (topLeft.isValid() && bottomRight.isValid() && model()) {
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
            const QModelIndex index = model()->index(row, 0, rootIndex());
            m_delegate->invalidate(index);
            // Against the height the view laid the row out with, which may have been estimated.
            if (m_delegate->layoutFor(index, font()).size().height()
                != m_delegate->laidOutHeight(index))
                heightChanged = true;
        }
    }
    QListView::dataChanged(topLeft, bottomRight, roles);
    if (heightChanged)
        relayoutAll();
}

void ConversationView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    if (model() && parent == rootIndex()) {
        for (int row = start; row <= end; ++row)
            m_delegate->invalidate(model()->index(row, 0, parent));
    }
    QListView::rowsAboutToBeRemoved(parent, start, end);
}

void ConversationView::updateGeometries()
{
    QListView::updateGeometries();
    // QListView derives the step from the item height; turns are tall, so keep a wheel notch small.
    verticalScrollBar()->setSingleStep(wheelStep);
}

void ConversationView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    updateLayoutWidth();
    // QListView puts off the layout after a resize (word wrap); done now, it is anchored, and a
    // taller viewport shows its new rows exact.
    executeDelayedItemsLayout();
    m_rows->settle();
}

void ConversationView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange: // text metrics, hence every row height, may have changed
        m_delegate->invalidateAll();
        if (isVisible()) {
            m_delegate->setLayoutWidth(contentWidth());
            relayoutAll();
        } else {
            scheduleDelayedItemsLayout(); // done when shown
        }
        break;
    default:
        break;
    }
}

Turn ConversationView::turnAt(const QModelIndex &index) const
{
    return index.data(ConversationModel::TurnRole).value<Turn>();
}

ImageAsset ConversationView::imageAt(const QPoint &viewportPos, QModelIndex *turnIndex) const
{
    if (turnIndex)
        *turnIndex = {};
    const QModelIndex index = indexAt(viewportPos);
    if (!index.isValid())
        return {};
    const TurnLayout layout = m_delegate->layoutFor(index, font());
    const int imageIndex = layout.imageIndexAt(viewportPos - visualRect(index).topLeft());
    const Turn turn = turnAt(index);
    if (imageIndex < 0 || imageIndex >= turn.images.size())
        return {};
    if (turnIndex)
        *turnIndex = index;
    return turn.images.at(imageIndex);
}

QRect ConversationView::imageRect(const QModelIndex &index, int imageIndex) const
{
    if (!index.isValid())
        return {};
    const TurnLayout layout = m_delegate->layoutFor(index, font());
    for (const TurnLayout::ImageSlot &slot : layout.images()) {
        if (slot.index == imageIndex)
            return slot.rect.translated(visualRect(index).topLeft());
    }
    return {};
}

QRect ConversationView::retryRect(const QModelIndex &index, int imageIndex) const
{
    if (!index.isValid())
        return {};
    const TurnLayout layout = m_delegate->layoutFor(index, font());
    for (const TurnLayout::ImageSlot &slot : layout.images()) {
        if (slot.index == imageIndex && !slot.retry.isNull())
            return slot.retry.translated(visualRect(index).topLeft());
    }
    return {};
}

bool ConversationView::retryAt(const QPoint &viewportPos, QString *turnId, QString *itemId) const
{
    const QModelIndex index = indexAt(viewportPos);
    if (!index.isValid())
        return false;
    const TurnLayout layout = m_delegate->layoutFor(index, font());
    const int imageIndex = layout.retryIndexAt(viewportPos - visualRect(index).topLeft());
    const Turn turn = turnAt(index);
    if (imageIndex < 0 || imageIndex >= turn.images.size())
        return false;
    *turnId = turn.id;
    *itemId = turn.images.at(imageIndex).itemId;
    return true;
}

QRect ConversationView::attachmentRect(const QModelIndex &index, int attachment) const
{
    if (!index.isValid())
        return {};
    const TurnLayout layout = m_delegate->layoutFor(index, font());
    for (const TurnLayout::Thumbnail &thumbnail : layout.thumbnails()) {
        if (thumbnail.index == attachment)
            return thumbnail.rect.translated(visualRect(index).topLeft());
    }
    return {};
}

QRect ConversationView::parentTileRect(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const QRect tile = m_delegate->layoutFor(index, font()).parentTileRect();
    return tile.isNull() ? QRect() : tile.translated(visualRect(index).topLeft());
}

int ConversationView::referenceAt(const QPoint &viewportPos, QModelIndex *turnIndex) const
{
    const QModelIndex index = indexAt(viewportPos);
    *turnIndex = index;
    if (!index.isValid())
        return noReference;
    const TurnLayout layout = m_delegate->layoutFor(index, font());
    const QPoint point = viewportPos - visualRect(index).topLeft();
    if (layout.parentTileAt(point))
        return layout.parentState() == TurnLayout::Parent::Found ? parentReference : noReference;
    const int attachment = layout.attachmentIndexAt(point);
    if (attachment < 0)
        return noReference;
    const QString path = turnAt(index).attachments.value(attachment).filePath;
    const bool unreadable = m_imageCache && !m_imageCache->errorFor(path).isEmpty();
    return path.isEmpty() || unreadable ? noReference : attachment;
}

void ConversationView::activateReference(const QModelIndex &index, int reference)
{
    const Turn turn = turnAt(index);
    if (reference == parentReference) {
        if (revealImage(turn.editOf))
            Q_EMIT originalActivated(turn.editOf);
        return;
    }
    if (reference < 0 || reference >= turn.attachments.size())
        return;
    // The viewer takes any image file: a reference image opens like a generated one.
    ImageAsset file;
    file.state = ImageAsset::State::Final;
    file.filePath = turn.attachments.at(reference).filePath;
    file.mimeType = turn.attachments.at(reference).mimeType;
    Q_EMIT viewImageRequested(file);
}

bool ConversationView::revealImage(const ImageRef &image)
{
    return m_revealer->reveal(image);
}

QModelIndex ConversationView::highlightedRow() const
{
    return m_revealer->highlightedRow();
}

QMenu *ConversationView::createContextMenu(const QPoint &viewportPos)
{
    QModelIndex index;
    const ImageAsset image = imageAt(viewportPos, &index);
    if (!index.isValid())
        index = indexAt(viewportPos);
    if (!index.isValid())
        return nullptr;
    const Turn turn = turnAt(index);

    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("conversationContextMenu"));
    menu->setToolTipsVisible(true); // a disabled action says why
    // A file gone from the disk (deleted, or on a drive not mounted) can be neither edited,
    // saved nor copied: its actions say so instead of failing when chosen (QA).
    const bool fileThere = canExport(image) && QFileInfo::exists(image.filePath);
    const auto needsTheFile = [fileThere](QAction *action) {
        action->setEnabled(fileThere);
        if (!fileThere)
            action->setToolTip(tr("The image file is missing"));
    };
    const bool onImage = !image.itemId.isEmpty() || !image.filePath.isEmpty()
        || image.state != ImageAsset::State::Pending;
    if (onImage && image.state == ImageAsset::State::Failed && !image.sourceUrl.isEmpty()) {
        const QString turnId = turn.id;
        const QString itemId = image.itemId;
        QAction *retry = menu->addAction(tr("Retry Download"), this, [this, turnId, itemId] {
            Q_EMIT retryImageRequested(turnId, itemId);
        });
        retry->setObjectName(QStringLiteral("retryDownloadAction"));
        menu->addSeparator();
    }
    if (onImage && canExport(image)) {
        const ImageRef ref { turn.id, image.itemId };
        QAction *edit = menu->addAction(tr("Edit This Image"), this,
                                        [this, ref] { Q_EMIT editImageRequested(ref); });
        edit->setObjectName(QStringLiteral("editImageAction"));
        QAction *masked = menu->addAction(tr("Edit with Mask…"), this,
                                          [this, ref] { Q_EMIT maskedEditRequested(ref); });
        masked->setObjectName(QStringLiteral("maskedEditAction"));
        needsTheFile(edit);
        needsTheFile(masked);
        menu->addSeparator();
    }
    if (onImage) {
        QAction *save = menu->addAction(
            tr("Save As…"), this, [this, image, turn] { Q_EMIT saveImageRequested(image, turn); });
        save->setObjectName(QStringLiteral("saveImageAction"));
        // The window's keys for the same, shown beside them (QA).
        save->setShortcut(QKeySequence::Save);
        save->setShortcutVisibleInContextMenu(true);
        save->setEnabled(canExport(image));
        if (canExport(image))
            needsTheFile(save);
        QAction *copy = menu->addAction(tr("Copy Image"), this,
                                        [this, image] { Q_EMIT copyImageRequested(image); });
        copy->setObjectName(QStringLiteral("copyImageAction"));
        copy->setShortcut(QKeySequence::Copy);
        copy->setShortcutVisibleInContextMenu(true);
        copy->setEnabled(canExport(image));
        if (canExport(image))
            needsTheFile(copy);
        // Only where there is more than the one image Save As saves (QA).
        if (turn.finalImageCount() > 1) {
            QAction *saveTurn
                = menu->addAction(tr("Save All Images of This Turn…"), this,
                                  [this, turn] { Q_EMIT saveTurnImagesRequested(turn); });
            saveTurn->setObjectName(QStringLiteral("saveTurnImagesAction"));
        }
    }
    // On the image too: "what prompt made this?" is asked pointing at it (found by QA).
    QAction *copyPrompt = menu->addAction(
        tr("Copy Prompt"), this, [turn] { QApplication::clipboard()->setText(turn.prompt); });
    copyPrompt->setObjectName(QStringLiteral("copyPromptAction"));
    copyPrompt->setEnabled(!turn.prompt.isEmpty());
    if (onImage) {
        menu->addSeparator();
    } else {
        QAction *copyText = menu->addAction(
            tr("Copy Answer"), this, [turn] { QApplication::clipboard()->setText(turn.text); });
        copyText->setObjectName(QStringLiteral("copyTextAction"));
        copyText->setEnabled(!turn.text.isEmpty());
        menu->addSeparator();
    }
    QAction *details = menu->addAction(
        tr("Show Details"), this, [this, image, turn] { Q_EMIT detailsRequested(turn, image); });
    details->setObjectName(QStringLiteral("showDetailsAction"));
    return menu;
}

void ConversationView::contextMenuEvent(QContextMenuEvent *event)
{
    QPoint pos = viewport()->mapFrom(this, event->pos());
    if (event->reason() == QContextMenuEvent::Keyboard && currentIndex().isValid()) {
        // From the keyboard: the current turn's first image, or the turn itself.
        const QRect image = imageRect(currentIndex(), 0);
        pos = image.isValid() ? image.center()
                              : visualRect(currentIndex()).topLeft() + QPoint(40, 20);
    }
    QModelIndex imageRow;
    if (const ImageAsset image = imageAt(pos, &imageRow); canView(image))
        m_selection->pick({ turnAt(imageRow).id, image.itemId }); // what the menu acts on
    std::unique_ptr<QMenu> menu(createContextMenu(pos));
    if (!menu)
        return;
    menu->exec(viewport()->mapToGlobal(pos));
    event->accept();
}

void ConversationView::mousePressEvent(QMouseEvent *event)
{
    if (m_delegate->isFocusVisible()) {
        m_delegate->setFocusVisible(false);
        viewport()->update();
    }
    m_pressIndex = QPersistentModelIndex();
    m_pressItem.clear();
    m_pressRetry.clear();
    m_pressReferenceRow = QPersistentModelIndex();
    m_pressReference = noReference;
    if (event->button() == Qt::LeftButton) {
        QModelIndex referenceRow;
        m_pressReference = referenceAt(event->position().toPoint(), &referenceRow);
        m_pressReferenceRow = referenceRow;
        QString turnId;
        QString itemId;
        if (retryAt(event->position().toPoint(), &turnId, &itemId))
            m_pressRetry = turnId + QLatin1Char('/') + itemId;
        QModelIndex index;
        const ImageAsset image = imageAt(event->position().toPoint(), &index);
        if (canView(image)) {
            m_selection->pick({ turnAt(index).id, image.itemId });
            m_pressIndex = index;
            m_pressItem = image.filePath;
            m_pressPos = event->position().toPoint();
        }
    }
    // QAbstractItemView scrolls a pressed row into view once no double-click can come: a turn
    // is taller than the viewport, so a click or a right-click on the part in sight moved the
    // page under the pointer and its menu (QA). Keys still scroll to the row they reach.
    setAutoScroll(false);
    QListView::mousePressEvent(event);
    setAutoScroll(true);
}

void ConversationView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressIndex.isValid() && (event->buttons() & Qt::LeftButton)
        && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        const ImageAsset image = imageAt(m_pressPos);
        m_pressIndex = QPersistentModelIndex();
        m_pressItem.clear();
        if (canExport(image)) {
            startImageDrag(image);
            return;
        }
    }
    if (event->buttons() == Qt::NoButton) {
        QModelIndex index;
        QString turnId;
        QString itemId;
        const bool overImage = canView(imageAt(pos, &index)) || retryAt(pos, &turnId, &itemId)
            || referenceAt(pos, &index) != noReference;
        bool overLink = false;
        if (!overImage && (index = indexAt(pos)).isValid()) {
            const TurnLayout layout = m_delegate->layoutFor(index, font());
            overLink = !layout.anchorAt(pos - visualRect(index).topLeft()).isEmpty();
        }
        if (overImage || overLink)
            viewport()->setCursor(Qt::PointingHandCursor);
        else
            viewport()->unsetCursor();
    }
    QListView::mouseMoveEvent(event);
}

void ConversationView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    QString turnId;
    QString itemId;
    if (event->button() == Qt::LeftButton && !m_pressRetry.isEmpty()
        && retryAt(pos, &turnId, &itemId) && m_pressRetry == turnId + QLatin1Char('/') + itemId) {
        // Released on the Retry button it was pressed on: a button click.
        Q_EMIT retryImageRequested(turnId, itemId);
    } else if (event->button() == Qt::LeftButton && m_pressReference != noReference) {
        QModelIndex index;
        if (referenceAt(pos, &index) == m_pressReference && index == m_pressReferenceRow)
            activateReference(index, m_pressReference);
    } else if (event->button() == Qt::LeftButton) {
        if (m_pressIndex.isValid()) {
            const ImageAsset image = imageAt(pos);
            if (canView(image) && image.filePath == m_pressItem)
                Q_EMIT viewImageRequested(image);
        } else if (const QModelIndex index = indexAt(pos); index.isValid()) {
            const TurnLayout layout = m_delegate->layoutFor(index, font());
            const QString anchor = layout.anchorAt(pos - visualRect(index).topLeft());
            if (!anchor.isEmpty())
                Q_EMIT linkActivated(QUrl(anchor));
        }
    }
    m_pressIndex = QPersistentModelIndex();
    m_pressItem.clear();
    m_pressRetry.clear();
    m_pressReference = noReference;
    QListView::mouseReleaseEvent(event);
}

void ConversationView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // The first click of the pair already opened the image; the second must not open another.
    if (canView(imageAt(event->position().toPoint()))) {
        m_pressIndex = QPersistentModelIndex();
        m_pressItem.clear();
        event->accept();
        return;
    }
    QListView::mouseDoubleClickEvent(event);
}

void ConversationView::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) {
        // The menu key of keyboards that have none (QA), as on Windows and in GTK.
        QContextMenuEvent menu(QContextMenuEvent::Keyboard, QPoint(), QCursor::pos());
        contextMenuEvent(&menu);
        event->accept();
        return;
    }
    if (event->modifiers() == Qt::NoModifier
        && (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right)) {
        // Left and Right walk the conversation's images, Up and Down its turns.
        m_selection->step(event->key() == Qt::Key_Left ? -1 : 1);
        event->accept();
        return;
    }
    if (enter && m_selection->isPicked()) {
        const auto *conversation = qobject_cast<const ConversationModel *>(model());
        if (const auto image = conversation->findImage(m_selection->current())) {
            Q_EMIT viewImageRequested(*image);
            event->accept();
            return;
        }
    }
    if (enter && currentIndex().isValid()) {
        const Turn turn = turnAt(currentIndex());
        const auto it = std::find_if(turn.images.cbegin(), turn.images.cend(), canView);
        if (it != turn.images.cend()) {
            Q_EMIT viewImageRequested(*it);
            event->accept();
            return;
        }
    }
    const QModelIndex before = currentIndex();
    QListView::keyPressEvent(event);
    if (currentIndex() != before && !m_delegate->isFocusVisible()) {
        m_delegate->setFocusVisible(true);
        viewport()->update();
    }
}

void ConversationView::focusInEvent(QFocusEvent *event)
{
    QListView::focusInEvent(event);
    const Qt::FocusReason reason = event->reason();
    if (!model()
        || (reason != Qt::TabFocusReason && reason != Qt::BacktabFocusReason
            && reason != Qt::ShortcutFocusReason))
        return;
    // Arrived from the keyboard: show at once where the keys act (found by QA: Tab landed here
    // with nothing changing on screen), on a turn in sight, not the first one far above.
    const QRect visible = viewport()->rect();
    if (!currentIndex().isValid() || !visualRect(currentIndex()).intersects(visible)) {
        QModelIndex row = indexAt(QPoint(visible.center().x(), visible.bottom() - 1));
        if (!row.isValid())
            row = model()->index(model()->rowCount() - 1, 0);
        if (row.isValid())
            selectionModel()->setCurrentIndex(row, QItemSelectionModel::NoUpdate);
    }
    if (currentIndex().isValid() && !m_delegate->isFocusVisible()) {
        m_delegate->setFocusVisible(true);
        viewport()->update();
    }
}

void ConversationView::startImageDrag(const ImageAsset &image)
{
    QModelIndex index;
    imageAt(m_pressPos, &index);
    QMimeData *mime = nullptr;
    if (m_dragDataProvider && index.isValid())
        mime = m_dragDataProvider(turnAt(index), image);
    if (!mime) {
        mime = new QMimeData;
        mime->setUrls({ QUrl::fromLocalFile(image.filePath) });
    }
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    if (m_imageCache) {
        const QImage picture = m_imageCache->image(image.filePath, QSize(160, 160));
        if (!picture.isNull())
            drag->setPixmap(QPixmap::fromImage(picture));
    }
    drag->exec(Qt::CopyAction);
}

void ConversationView::setEmptyNote(const QString &note)
{
    if (note == m_emptyNote)
        return;
    m_emptyNote = note;
    viewport()->update();
}

void ConversationView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    QPainter painter(viewport());
    if (model() && model()->rowCount() > 0) {
        m_selection->paint(&painter);
        m_revealer->paint(&painter); // nothing once the outline has faded
    } else // an empty conversation says what to do instead of showing a blank page
        EmptyConversationHint::paint(&painter, viewport()->rect(), font(), palette(), m_emptyNote);
}
