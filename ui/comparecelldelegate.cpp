#include "comparecelldelegate.h"

#include "comparegridmodel.h"
#include "image/imagecache.h"
#include "viewpalette.h"

#include <QPainter>
#include <QPainterPath>

namespace {

// The box an image of `pixelSize` takes inside `box`, centred, aspect kept; the placeholder uses
// it too, so nothing jumps when the pixels arrive.
QRect fitted(const QSize &pixelSize, const QRect &box)
{
    if (!pixelSize.isValid() || pixelSize.isEmpty())
        return box;
    const QSize size = pixelSize.scaled(box.size(), Qt::KeepAspectRatio);
    return QRect(box.center() - QPoint(size.width() / 2, size.height() / 2), size);
}

const QBrush &checkerboard()
{
    static const QBrush brush = [] {
        QPixmap tile(16, 16);
        tile.fill(QColor(0xf2, 0xf2, 0xf2));
        QPainter painter(&tile);
        painter.fillRect(0, 0, 8, 8, QColor(0xd6, 0xd6, 0xd6));
        painter.fillRect(8, 8, 8, 8, QColor(0xd6, 0xd6, 0xd6));
        return QBrush(tile);
    }();
    return brush;
}

void drawBadge(QPainter *painter, const QRect &box, const QString &text, bool topLeft,
               const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
    const QFontMetrics metrics(small);
    const QSize size(metrics.horizontalAdvance(text) + 12, metrics.height() + 4);
    const QPoint corner
        = topLeft ? box.topLeft() + QPoint(6, 6) : box.topRight() + QPoint(-6 - size.width(), 6);
    const QRect badge(corner, size);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 140));
    painter->drawRoundedRect(badge, size.height() / 2.0, size.height() / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(small);
    painter->drawText(badge, Qt::AlignCenter, text);
}

} // namespace

CompareCellDelegate::CompareCellDelegate(ImageCache *cache, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_cache(cache)
{
}

int CompareCellDelegate::captionHeight(const QFont &font) const
{
    return QFontMetrics(font).height() + 8;
}

QSize CompareCellDelegate::cellSize(const QFont &font) const
{
    return { m_side + 2 * margin, m_side + captionHeight(font) + 2 * margin };
}

QRect CompareCellDelegate::imageBox(const QRect &cellRect, const QFont &font) const
{
    const QRect inner = cellRect.adjusted(margin, margin, -margin, -margin);
    return QRect(inner.left(), inner.top(), inner.width(),
                 std::max(8, inner.height() - captionHeight(font)));
}

QSize CompareCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.font);
}

void CompareCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    using Phase = CompareGridModel::Phase;
    const QPalette &palette = option.palette;
    const auto phase = Phase(index.data(CompareGridModel::PhaseRole).toInt());
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    painter->setPen(selected ? QPen(ViewPalette::accent(palette), 2)
                             : QPen(ViewPalette::hairline(palette), 1));
    painter->setBrush(selected ? ViewPalette::focusFill(palette) : ViewPalette::cardFill(palette));
    painter->drawRoundedRect(QRectF(cell).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QRect box = imageBox(option.rect, option.font);
    const QString path = index.data(CompareGridModel::ImagePathRole).toString();
    const QRect target = fitted(index.data(CompareGridModel::ImageSizeRole).toSize(), box);
    bool drewImage = false;
    if (!path.isEmpty() && m_cache) {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QImage image = m_cache->image(path, (QSizeF(target.size()) * ratio).toSize());
        if (!image.isNull()) {
            const QRect placed = fitted(image.size(), target);
            if (image.hasAlphaChannel())
                painter->fillRect(placed, checkerboard());
            painter->drawImage(placed, image);
            drewImage = true;
            if (index.data(CompareGridModel::IsPreviewRole).toBool())
                drawBadge(painter, placed, tr("preview"), true, option.font);
            const int more = index.data(CompareGridModel::MoreImagesRole).toInt();
            if (more > 0)
                drawBadge(painter, placed, QStringLiteral("+%1").arg(more), false, option.font);
        }
    }
    if (!drewImage) {
        const QString error = index.data(CompareGridModel::ErrorRole).toString();
        QColor fill = palette.color(QPalette::Mid);
        fill.setAlphaF(phase == Phase::NotRun ? 0.12f : 0.25f);
        painter->setBrush(fill);
        if (phase == Phase::NotRun) {
            painter->setPen(QPen(ViewPalette::hairline(palette).darker(120), 1, Qt::DashLine));
        } else {
            painter->setPen(Qt::NoPen);
        }
        painter->drawRoundedRect(target, 4, 4);
        QString text;
        QColor colour = ViewPalette::secondaryText(palette);
        if (phase == Phase::Failed) {
            text = error;
            colour = ViewPalette::error(palette);
        } else if (phase == Phase::Cancelled) {
            text = error.isEmpty() ? tr("Cancelled") : error;
        } else if (phase == Phase::Running || phase == Phase::Queued) {
            text = index.data(Qt::DisplayRole).toString(); // "Generating… 12 s", "Queued"
        }
        if (!text.isEmpty()) {
            painter->setPen(colour);
            painter->setFont(option.font);
            painter->drawText(target.adjusted(10, 10, -10, -10), Qt::AlignCenter | Qt::TextWordWrap,
                              text);
        }
    }

    const QRect captionRect(box.left() + 2, box.bottom() + 4, box.width() - 4,
                            captionHeight(option.font) - 4);
    painter->setFont(option.font);
    painter->setPen(phase == Phase::Failed ? ViewPalette::error(palette)
                                           : ViewPalette::secondaryText(palette));
    // Before the first preview the state is written in the box; under it would say it twice.
    const bool stateInBox = !drewImage && (phase == Phase::Running || phase == Phase::Queued);
    const QString caption = stateInBox ? QString() : index.data(Qt::DisplayRole).toString();
    painter->drawText(
        captionRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(option.font).elidedText(caption, Qt::ElideRight, captionRect.width()));
    painter->restore();
}
