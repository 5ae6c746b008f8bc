#include "attachmentstrip.h"

#include "flowlayout.h"
#include "image/imagecache.h"
#include "imagedrawing.h"

#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QStyle>
#include <QToolButton>
#include <QtMath>

#include <algorithm>

namespace {

constexpr int removeSide = 18;
constexpr int tileSide = AttachmentStrip::thumbnailSide + removeSide / 3;

} // namespace

AttachmentStrip::AttachmentStrip(QWidget *parent)
    : QWidget(parent)
    , m_layout(new FlowLayout(this, 6))
{
    setObjectName(QStringLiteral("attachmentStrip"));
    setAccessibleName(tr("Reference images"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    hide();
}

void AttachmentStrip::setImageCache(ImageCache *cache)
{
    if (m_cache)
        m_cache->disconnect(this);
    m_cache = cache;
    if (!cache)
        return;
    connect(cache, &ImageCache::imageReady, this, &AttachmentStrip::refreshPath);
    connect(cache, &ImageCache::imageFailed, this,
            [this](const QString &filePath) { refreshPath(filePath); });
    for (Tile &tile : m_tiles)
        refresh(tile);
}

ImageCache *AttachmentStrip::cache()
{
    if (!m_cache)
        setImageCache(new ImageCache(this));
    return m_cache;
}

QSize AttachmentStrip::targetPixels() const
{
    const int side = qCeil(thumbnailSide * devicePixelRatioF());
    return QSize(side, side);
}

QList<Attachment> AttachmentStrip::attachments() const
{
    QList<Attachment> result;
    result.reserve(m_tiles.size());
    for (const Tile &tile : m_tiles)
        result.append(tile.attachment);
    return result;
}

bool AttachmentStrip::contains(const QString &filePath) const
{
    for (const Tile &tile : m_tiles) {
        if (tile.attachment.filePath == filePath)
            return true;
    }
    return false;
}

QString AttachmentStrip::errorAt(int index) const
{
    return index >= 0 && index < m_tiles.size() ? m_tiles.at(index).error : QString();
}

bool AttachmentStrip::isThumbnailReady(int index) const
{
    return index >= 0 && index < m_tiles.size() && m_tiles.at(index).ready;
}

bool AttachmentStrip::add(const Attachment &attachment)
{
    if (attachment.filePath.isEmpty() || contains(attachment.filePath))
        return false;
    // A file that failed before may have been repaired since; the cache would not try again.
    if (!cache()->errorFor(attachment.filePath).isEmpty())
        cache()->forget(attachment.filePath);

    const QString name = QFileInfo(attachment.filePath).fileName();
    Tile tile;
    tile.attachment = attachment;
    tile.frame = new QWidget(this);
    tile.frame->setObjectName(QStringLiteral("attachmentTile"));
    tile.frame->setFixedSize(tileSide, tileSide);
    tile.frame->setAccessibleName(tr("Reference image %1").arg(name));

    tile.thumbnail = new QLabel(tile.frame);
    tile.thumbnail->setObjectName(QStringLiteral("attachmentThumbnail"));
    tile.thumbnail->setGeometry(0, tileSide - thumbnailSide, thumbnailSide, thumbnailSide);
    tile.thumbnail->setAlignment(Qt::AlignCenter);

    // Over the thumbnail's top-right corner, as in most chat composers.
    auto *remove = new QToolButton(tile.frame);
    remove->setObjectName(QStringLiteral("removeAttachmentButton"));
    remove->setText(QStringLiteral("×"));
    remove->setGeometry(tileSide - removeSide, 0, removeSide, removeSide);
    remove->setToolTip(tr("Remove %1").arg(name));
    remove->setAccessibleName(tr("Remove %1").arg(name));
    remove->setCursor(Qt::ArrowCursor);
    remove->setVisible(m_removable);
    QWidget *frame = tile.frame;
    connect(remove, &QToolButton::clicked, this, [this, frame] { removeFrame(frame); });

    // Which attachment a mask belongs to: a small label over the thumbnail's bottom edge.
    tile.maskBadge = new QLabel(tr("Mask"), tile.frame);
    tile.maskBadge->setObjectName(QStringLiteral("attachmentMaskBadge"));
    tile.maskBadge->setAlignment(Qt::AlignCenter);
    tile.maskBadge->setAutoFillBackground(true);
    tile.maskBadge->setBackgroundRole(QPalette::Highlight);
    tile.maskBadge->setForegroundRole(QPalette::HighlightedText);
    const int badgeHeight = tile.maskBadge->fontMetrics().height();
    tile.maskBadge->setGeometry(0, tileSide - badgeHeight, thumbnailSide, badgeHeight);
    tile.maskBadge->hide();
    tile.frame->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tile.frame, &QWidget::customContextMenuRequested, this,
            [this, frame](const QPoint &pos) { showTileMenu(frame, pos); });

    m_layout->addWidget(tile.frame);
    tile.frame->show(); // a child created after its parent was shown stays hidden otherwise
    m_tiles.append(tile);
    refresh(m_tiles.last());
    updateVisibility();
    Q_EMIT attachmentsChanged();
    return true;
}

void AttachmentStrip::setMaskedFile(const QString &filePath, const QString &summary)
{
    m_maskedFile = filePath;
    for (Tile &tile : m_tiles) {
        const bool masked = !filePath.isEmpty() && tile.attachment.filePath == filePath;
        tile.maskBadge->setVisible(masked);
        tile.maskBadge->setToolTip(masked ? tr("Mask: %1").arg(summary) : QString());
    }
}

void AttachmentStrip::setRemovable(bool removable)
{
    m_removable = removable;
    for (const Tile &tile : std::as_const(m_tiles)) {
        auto *remove
            = tile.frame->findChild<QToolButton *>(QStringLiteral("removeAttachmentButton"));
        if (remove)
            remove->setVisible(removable);
    }
}

void AttachmentStrip::showTileMenu(QWidget *frame, const QPoint &pos)
{
    const auto tile = std::find_if(m_tiles.cbegin(), m_tiles.cend(),
                                   [frame](const Tile &t) { return t.frame == frame; });
    if (tile == m_tiles.cend())
        return;
    const QString file = tile->attachment.filePath;
    const bool masked = file == m_maskedFile;
    QMenu menu(this);
    menu.setToolTipsVisible(true); // why Draw Mask… is off, when it is (QA)
    if (m_maskDrawingOffered) {
        QAction *draw = menu.addAction(masked ? tr("Edit Mask…") : tr("Draw Mask…"), this,
                                       [this, file] { Q_EMIT maskRequested(file); });
        draw->setEnabled(m_maskingEnabled);
        if (!m_maskingEnabled)
            draw->setToolTip(tr("While an image is being edited, only it can have a mask"));
    }
    if (masked && m_removable)
        menu.addAction(tr("Remove Mask"), this, &AttachmentStrip::maskRemoved);
    if (m_removable) {
        if (!menu.isEmpty())
            menu.addSeparator();
        menu.addAction(tr("Remove"), this, [this, frame] { removeFrame(frame); });
    }
    if (!menu.isEmpty())
        menu.exec(frame->mapToGlobal(pos));
}

void AttachmentStrip::removeFrame(QWidget *frame)
{
    for (int i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles.at(i).frame == frame) {
            removeAt(i);
            return;
        }
    }
}

void AttachmentStrip::removeAt(int index)
{
    if (index < 0 || index >= m_tiles.size())
        return;
    QWidget *frame = m_tiles.takeAt(index).frame;
    m_layout->removeWidget(frame);
    frame->hide();
    frame->deleteLater(); // its remove button may be the one emitting clicked()
    updateVisibility();
    Q_EMIT attachmentsChanged();
}

void AttachmentStrip::clear()
{
    if (m_tiles.isEmpty())
        return;
    while (!m_tiles.isEmpty()) {
        QWidget *frame = m_tiles.takeLast().frame;
        m_layout->removeWidget(frame);
        frame->hide();
        frame->deleteLater();
    }
    updateVisibility();
    Q_EMIT attachmentsChanged();
}

void AttachmentStrip::refreshPath(const QString &filePath)
{
    for (Tile &tile : m_tiles) {
        if (tile.attachment.filePath == filePath)
            refresh(tile);
    }
}

void AttachmentStrip::refresh(Tile &tile)
{
    // A miss schedules one decode at thumbnail size on a worker thread; imageReady or imageFailed
    // brings us back here.
    const QImage image = cache()->image(tile.attachment.filePath, targetPixels());
    const QString name = QFileInfo(tile.attachment.filePath).fileName();
    tile.error.clear();
    tile.ready = !image.isNull();
    if (tile.ready) {
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        tile.thumbnail->setPixmap(pixmap);
    } else {
        tile.error = cache()->errorFor(tile.attachment.filePath);
        tile.thumbnail->setPixmap(placeholder(!tile.error.isEmpty()));
    }
    const QString tip
        = tile.error.isEmpty() ? name : tr("%1\nNo preview: %2").arg(name, tile.error);
    tile.thumbnail->setToolTip(tip);
    tile.frame->setToolTip(tip);
}

QPixmap AttachmentStrip::placeholder(bool failed) const
{
    QPixmap pixmap = ImageDrawing::placeholderTile(thumbnailSide, devicePixelRatioF(), palette());
    if (failed) {
        // The same warning sign the rest of the desktop uses for "something is wrong here".
        QPainter painter(&pixmap);
        const int side = thumbnailSide / 2;
        const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
        icon.paint(&painter,
                   QRect((thumbnailSide - side) / 2, (thumbnailSide - side) / 2, side, side));
    }
    return pixmap;
}

void AttachmentStrip::updateVisibility()
{
    setVisible(!m_tiles.isEmpty());
}
