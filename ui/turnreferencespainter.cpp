#include "turnreferencespainter.h"

#include "image/imagecache.h"
#include "imagedrawing.h"
#include "viewpalette.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {

// The glyph is 30 x 22; it shows above a card's text only when both fit.
constexpr int glyphHeight = 22;

} // namespace

TurnReferencesPainter::TurnReferencesPainter(QPainter *painter, const QPalette &palette,
                                             const QFont &font, ImageSource source)
    : m_painter(painter)
    , m_palette(palette)
    , m_font(font)
    , m_source(std::move(source))
{
}

qreal TurnReferencesPainter::pixelRatio() const
{
    return m_painter->device() ? m_painter->device()->devicePixelRatioF() : 1.0;
}

QSize TurnReferencesPainter::thumbnailPixels(qreal devicePixelRatio)
{
    const int side = int(std::ceil(TurnLayout::thumbnailSide * devicePixelRatio)) * 3;
    return { side, side };
}

QString TurnReferencesPainter::parentLabel()
{
    return tr("Original");
}

QString TurnReferencesPainter::missingParentText()
{
    return tr("Original no longer in this conversation");
}

void TurnReferencesPainter::paintThumbnails(const TurnLayout &layout, const Turn &turn) const
{
    // The mask is the size of the edited image: the parent, or else the first reference image.
    const bool maskOnFirst = turn.editOf.isNull() && !turn.maskPath.isEmpty();
    const QSize target = thumbnailPixels(pixelRatio());
    for (const TurnLayout::Thumbnail &thumbnail : layout.thumbnails()) {
        paintPicture(thumbnail.rect, turn.attachments.at(thumbnail.index).filePath, target,
                     TurnLayout::thumbnailRadius, Qt::KeepAspectRatioByExpanding, false);
        if (maskOnFirst && thumbnail.index == 0)
            paintBadge(thumbnail.rect, tr("mask"));
    }
    const QRect more = layout.moreThumbnailsRect();
    if (more.isNull())
        return;
    paintFrame(more, TurnLayout::thumbnailRadius);
    QFont bold = m_font;
    bold.setWeight(QFont::DemiBold);
    m_painter->setFont(bold);
    m_painter->setPen(ViewPalette::secondaryText(m_palette));
    m_painter->drawText(more, Qt::AlignCenter,
                        QStringLiteral("+%1").arg(layout.moreThumbnailsCount()));
}

void TurnReferencesPainter::paintParent(const TurnLayout &layout, const Turn &turn) const
{
    const QRect tile = layout.parentTileRect();
    if (layout.parentState() == TurnLayout::Parent::None || tile.isNull())
        return;
    const ImageAsset &parent = layout.parentImage();
    const qreal radius = TurnLayout::imageRadius;
    if (layout.parentState() == TurnLayout::Parent::Missing) {
        paintCard(tile, radius, missingParentText(), true);
    } else if (parent.filePath.isEmpty()) {
        paintCard(tile, radius,
                  parent.state == ImageAsset::State::Failed ? tr("The original could not be shown")
                                                            : tr("The original is not ready"),
                  true);
    } else {
        paintPicture(tile, parent.filePath, (QSizeF(tile.size()) * pixelRatio()).toSize(), radius,
                     Qt::KeepAspectRatio, true);
    }
    if (!turn.maskPath.isEmpty())
        paintBadge(tile, tr("mask"));

    m_painter->setFont(m_font);
    m_painter->setPen(ViewPalette::secondaryText(m_palette));
    m_painter->drawText(layout.parentLabelRect(), Qt::AlignHCenter | Qt::AlignVCenter,
                        parentLabel());

    // The arrow from the original to what became of it; none while there is nothing to point at.
    if (turn.images.isEmpty() && !turn.isRunning())
        return;
    const QRectF arrow = QRectF(layout.arrowRect()).adjusted(8, 0, -8, 0);
    const qreal y = std::round(arrow.center().y()) + 0.5;
    m_painter->setPen(QPen(ViewPalette::secondaryText(m_palette), 1.6, Qt::SolidLine, Qt::RoundCap,
                           Qt::RoundJoin));
    m_painter->setBrush(Qt::NoBrush);
    m_painter->drawLine(QPointF(arrow.left(), y), QPointF(arrow.right(), y));
    m_painter->drawPolyline(QPolygonF { QPointF(arrow.right() - 6, y - 5),
                                        QPointF(arrow.right(), y),
                                        QPointF(arrow.right() - 6, y + 5) });
}

void TurnReferencesPainter::paintPicture(const QRect &rect, const QString &filePath,
                                         QSize targetPixels, qreal radius, Qt::AspectRatioMode mode,
                                         bool explain) const
{
    QString error;
    const QImage image = filePath.isEmpty() ? QImage() : m_source(filePath, targetPixels, &error);
    if (!image.isNull()) {
        ImageDrawing::drawRoundedImage(m_painter, QRectF(rect), image, m_palette, radius, mode);
        return;
    }
    // A neutral tile: while decoding, and for a file that cannot be read (the tooltip says why).
    paintCard(rect, radius, error.isEmpty() ? tr("Loading…") : error, explain);
}

void TurnReferencesPainter::paintFrame(const QRect &rect, qreal radius) const
{
    m_painter->setPen(QPen(ViewPalette::hairline(m_palette), 1));
    m_painter->setBrush(ViewPalette::cardFill(m_palette));
    m_painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
}

void TurnReferencesPainter::paintCard(const QRect &rect, qreal radius, const QString &text,
                                      bool withText) const
{
    paintFrame(rect, radius);

    const QColor color = ViewPalette::secondaryText(m_palette);
    const QFontMetrics metrics(m_font);
    const QRect textArea = rect.adjusted(8, 8, -8, -8);
    const int textHeight = withText && !text.isEmpty()
        ? std::min(
            metrics.boundingRect(textArea, Qt::TextWordWrap | Qt::AlignCenter, text).height(),
            textArea.height())
        : 0;
    const bool glyph = textArea.height() >= glyphHeight + (textHeight > 0 ? 6 + textHeight : 0);
    const int blockHeight
        = (glyph ? glyphHeight : 0) + (glyph && textHeight > 0 ? 6 : 0) + textHeight;
    const int top = textArea.top() + (textArea.height() - blockHeight) / 2;
    if (glyph)
        ImageDrawing::drawPictureGlyph(
            m_painter, QPointF(QRectF(rect).center().x(), top + glyphHeight / 2.0), color);
    if (textHeight == 0)
        return;
    const QRect textRect(textArea.left(), top + blockHeight - textHeight, textArea.width(),
                         textHeight);
    m_painter->setFont(m_font);
    m_painter->setPen(color);
    m_painter->save();
    m_painter->setClipRect(textRect);
    m_painter->drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap, text);
    m_painter->restore();
}

void TurnReferencesPainter::paintBadge(const QRect &rect, const QString &label) const
{
    // A dark pill in the bottom-left corner reads on any picture, like the "Preview" badge.
    QFont font = m_font;
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    const QFontMetrics metrics(font);
    const QRect badge(rect.left() + 4, rect.bottom() - 3 - metrics.height() - 2,
                      std::min(metrics.horizontalAdvance(label) + 10, rect.width() - 8),
                      metrics.height() + 2);
    m_painter->setPen(Qt::NoPen);
    m_painter->setBrush(QColor(0, 0, 0, 160));
    m_painter->drawRoundedRect(QRectF(badge), badge.height() / 2.0, badge.height() / 2.0);
    m_painter->setFont(font);
    m_painter->setPen(QColor(255, 255, 255, 235));
    m_painter->drawText(badge, Qt::AlignCenter, label);
}

QString TurnReferencesPainter::toolTipAt(const TurnLayout &layout, const Turn &turn, QPoint point,
                                         const ImageCache *cache)
{
    const auto errorFor = [cache](const QString &path) {
        return cache ? cache->errorFor(path) : QString();
    };
    const int index = layout.attachmentIndexAt(point);
    if (index >= 0 && index < turn.attachments.size()) {
        const QString path = turn.attachments.at(index).filePath;
        QStringList lines { QFileInfo(path).fileName() };
        const QString error = errorFor(path);
        lines << (error.isEmpty() ? tr("Reference image · click to view") : error);
        if (index == 0 && turn.editOf.isNull() && !turn.maskPath.isEmpty())
            lines << tr("Edited with a mask: only its transparent area could change");
        return lines.join(QLatin1Char('\n'));
    }
    if (layout.moreThumbnailsRect().contains(point)) {
        const int count = layout.moreThumbnailsCount();
        QStringList lines { count == 1 ? tr("1 more reference image:")
                                       : tr("%1 more reference images:").arg(count) };
        for (qsizetype i = std::max<qsizetype>(turn.attachments.size() - count, 0);
             i < turn.attachments.size(); ++i)
            lines << QFileInfo(turn.attachments.at(i).filePath).fileName();
        return lines.join(QLatin1Char('\n'));
    }
    if (!layout.parentTileAt(point))
        return {};
    if (layout.parentState() == TurnLayout::Parent::Missing)
        return tr("The image this turn edited is no longer in this conversation.");
    QStringList lines { tr("The image this turn edits · click to show it in the conversation") };
    if (!turn.maskPath.isEmpty())
        lines << tr("Edited with a mask: only its transparent area could change");
    if (const QString error = errorFor(layout.parentImage().filePath); !error.isEmpty())
        lines << error;
    return lines.join(QLatin1Char('\n'));
}
