#include "turndelegate.h"

#include "chat/conversationmodel.h"
#include "focusring.h"
#include "image/imagecache.h"
#include "imagedrawing.h"
#include "model/turntext.h"
#include "turnreferencespainter.h"
#include "viewpalette.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QToolTip>

#include <algorithm>
#include <optional>

namespace {

// The pixel budget of remembered previews: a few items at display size, never the whole chat.
constexpr int maxLastShown = 24;

QString itemKey(const QString &rowKey, const ImageAsset &image, int index)
{
    return rowKey + QLatin1Char('/')
        + (image.itemId.isEmpty() ? QString::number(index) : image.itemId);
}

void drawDocument(QPainter *painter, QTextDocument *document, const QRect &rect,
                  const QPalette &palette)
{
    painter->save();
    painter->translate(rect.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.clip = QRectF(0, 0, rect.width(), rect.height());
    document->documentLayout()->draw(painter, context);
    painter->restore();
}

// The image an edit turn edits, as the conversation has it now; nothing when the turn edits
// nothing or its parent is no longer in the conversation.
std::optional<ImageAsset> parentOf(const QModelIndex &index, const Turn &turn)
{
    if (turn.editOf.isNull())
        return std::nullopt;
    const auto *model = qobject_cast<const ConversationModel *>(index.model());
    return model ? model->findImage(turn.editOf) : std::nullopt;
}

const ImageAsset *pointerTo(const std::optional<ImageAsset> &image)
{
    return image ? &*image : nullptr;
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

TurnDelegate::TurnDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void TurnDelegate::setImageCache(ImageCache *cache)
{
    m_imageCache = cache;
    m_waiting.clear();
}

void TurnDelegate::setLayoutWidth(int width)
{
    // Layouts made for the old width are not dropped here: layoutFor() replaces each one when its
    // row is next asked for, and rows never asked for cost nothing.
    m_layoutWidth = width;
}

void TurnDelegate::setImageHeightLimit(int pixels)
{
    m_imageHeightLimit = pixels; // as for the width: each layout is replaced when next asked for
}

QString TurnDelegate::rowKey(const QModelIndex &index)
{
    const QString id = index.data(ConversationModel::TurnRole).value<Turn>().id;
    return id.isEmpty() ? QStringLiteral("#") + QString::number(index.row()) : id;
}

TurnLayout TurnDelegate::layoutFor(const QModelIndex &index, const QFont &font) const
{
    const Turn turn = index.data(ConversationModel::TurnRole).value<Turn>();
    const QString key
        = turn.id.isEmpty() ? QStringLiteral("#") + QString::number(index.row()) : turn.id;
    const int width = effectiveWidth();
    const std::optional<ImageAsset> parent = parentOf(index, turn);
    const auto it = m_layouts.constFind(key);
    if (it != m_layouts.constEnd() && isCurrent(*it, font, pointerTo(parent)))
        return *it;
    ++m_layoutCount;
    // The row's last layout, current or invalidated, lends what is still valid of it.
    const TurnLayout previous = it != m_layouts.constEnd() ? *it : m_invalidated.take(key);
    TurnLayout layout(turn, width, font, TurnLayout::Measure::Exact, pointerTo(parent),
                      previous.isValid() ? &previous : nullptr, m_imageHeightLimit);
    m_layouts.insert(key, layout);
    m_estimates.remove(key);
    return layout;
}

bool TurnDelegate::hasLayout(const QModelIndex &index, const QFont &font) const
{
    const Turn turn = index.data(ConversationModel::TurnRole).value<Turn>();
    const auto it = m_layouts.constFind(
        turn.id.isEmpty() ? QStringLiteral("#") + QString::number(index.row()) : turn.id);
    return it != m_layouts.constEnd() && isCurrent(*it, font, pointerTo(parentOf(index, turn)));
}

bool TurnDelegate::isCurrent(const TurnLayout &layout, const QFont &font,
                             const ImageAsset *parent) const
{
    return layout.width() == effectiveWidth() && layout.imageHeightLimit() == m_imageHeightLimit
        && layout.bodyFont() == font && layout.hasParent(parent);
}

QSize TurnDelegate::sizeFor(const QModelIndex &index, const QFont &font) const
{
    const Turn turn = index.data(ConversationModel::TurnRole).value<Turn>();
    const QString key
        = turn.id.isEmpty() ? QStringLiteral("#") + QString::number(index.row()) : turn.id;
    const int width = effectiveWidth();
    const std::optional<ImageAsset> parent = parentOf(index, turn);
    QSize size;
    if (const auto it = m_layouts.constFind(key);
        it != m_layouts.constEnd() && isCurrent(*it, font, pointerTo(parent))) {
        size = it->size();
    } else if (const auto estimate = m_estimates.constFind(key); estimate != m_estimates.constEnd()
               && estimate->width == width && estimate->imageHeightLimit == m_imageHeightLimit
               && estimate->font == font && estimate->parent == parent) {
        size = estimate->size;
    } else {
        ++m_estimateCount;
        size = TurnLayout(turn, width, font, TurnLayout::Measure::Estimate, pointerTo(parent),
                          nullptr, m_imageHeightLimit)
                   .size();
        m_estimates.insert(key, { width, m_imageHeightLimit, font, size, parent });
    }
    if (m_recording)
        m_laidOut.insert(key, size.height());
    return size;
}

void TurnDelegate::setRecordingLayout(bool recording)
{
    if (recording && !m_recording)
        m_laidOut.clear(); // rows removed since the last layout are not kept
    m_recording = recording;
}

int TurnDelegate::laidOutHeight(const QModelIndex &index) const
{
    return m_laidOut.value(rowKey(index), -1);
}

QSize TurnDelegate::cachedSize(const QModelIndex &index) const
{
    const auto it = m_layouts.constFind(rowKey(index));
    if (it == m_layouts.constEnd() || it->width() != m_layoutWidth
        || it->imageHeightLimit() != m_imageHeightLimit)
        return {};
    return it->size();
}

void TurnDelegate::invalidate(const QModelIndex &index)
{
    const QString key = rowKey(index);
    if (const auto it = m_layouts.constFind(key); it != m_layouts.constEnd()) {
        // Kept aside for the row's next layout; a handful at most (the rows changing now, such as
        // the running turn), as rows invalidated but never shown again would pile up otherwise.
        if (m_invalidated.size() >= maxInvalidatedKept)
            m_invalidated.clear();
        m_invalidated.insert(key, *it);
        m_layouts.erase(it);
    }
    m_estimates.remove(key);
}

void TurnDelegate::invalidateAll()
{
    m_layouts.clear();
    m_invalidated.clear();
    m_estimates.clear();
    m_lastShown.clear();
}

QList<QPersistentModelIndex> TurnDelegate::takeRowsWaitingFor(const QString &filePath)
{
    return m_waiting.take(filePath);
}

QSize TurnDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return sizeFor(index, option.font);
}

void TurnDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const Turn turn = index.data(ConversationModel::TurnRole).value<Turn>();
    const TurnLayout layout = layoutFor(index, option.font);
    const QPalette &palette = option.palette;

    painter->save();
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                            | QPainter::SmoothPixmapTransform);
    painter->translate(option.rect.topLeft());

    // Keyboard navigation: the current row gets a faint card behind it and a ring round it,
    // only while focused from the keyboard.
    if (m_focusVisible && (option.state & QStyle::State_HasFocus)) {
        const QRect card = layout.columnRect().adjusted(-14, 4, 14, -6);
        painter->setPen(Qt::NoPen);
        painter->setBrush(ViewPalette::focusFill(palette));
        painter->drawRoundedRect(card, 14, 14);
        paintFocusRing(painter, card, palette, 14);
    }

    paintPrompt(painter, layout, palette);
    // Reference thumbnails and an edit's Original tile, decoded like the turn's own images.
    const TurnReferencesPainter references(
        painter, palette, layout.smallFont(),
        [this, &index](const QString &filePath, QSize targetPixels, QString *error) {
            ImageAsset file;
            file.filePath = filePath;
            return imageFor(file, targetPixels, index, error);
        });
    references.paintThumbnails(layout, turn);
    references.paintParent(layout, turn);

    if (!layout.headerRect().isNull()) {
        const QRect header = layout.headerRect();
        const int dot = 8;
        painter->setPen(Qt::NoPen);
        painter->setBrush(ViewPalette::accent(palette));
        painter->drawEllipse(QRectF(header.left(), header.center().y() - dot / 2.0 + 1, dot, dot));
        painter->setFont(layout.labelFont());
        painter->setPen(ViewPalette::secondaryText(palette));
        const QRect textRect = header.adjusted(dot + 8, 0, 0, 0);
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(TurnLayout::headerText(turn),
                                                            Qt::ElideRight, textRect.width()));
    }

    if (QTextDocument *text = layout.textDocument())
        drawDocument(painter, text, layout.textRect(), palette);

    for (const TurnLayout::ImageSlot &slot : layout.images())
        paintImage(painter, slot, turn.images.at(slot.index), index, palette, layout.smallFont());

    if (!layout.statusRect().isNull()) {
        const QString status = TurnLayout::statusText(turn, QDateTime::currentDateTime());
        QColor color = ViewPalette::progress(palette);
        if (TurnLayout::statusTone(turn) == TurnLayout::Tone::Error)
            color = ViewPalette::error(palette);
        else if (TurnLayout::statusTone(turn) == TurnLayout::Tone::Warning)
            color = ViewPalette::warning(palette);
        else if (TurnLayout::statusTone(turn) == TurnLayout::Tone::Neutral)
            color = ViewPalette::secondaryText(palette);
        QFont font = layout.smallFont();
        font.setWeight(QFont::Medium);
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(
            layout.statusRect(), Qt::AlignLeft | Qt::AlignVCenter,
            painter->fontMetrics().elidedText(status, Qt::ElideRight, layout.statusRect().width()));
    }

    if (!layout.usageRect().isNull()) {
        painter->setFont(layout.smallFont());
        painter->setPen(ViewPalette::secondaryText(palette));
        painter->drawText(layout.usageRect(), Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(TurnLayout::usageText(turn),
                                                            Qt::ElideRight,
                                                            layout.usageRect().width()));
    }
    painter->restore();
}

void TurnDelegate::paintPrompt(QPainter *painter, const TurnLayout &layout,
                               const QPalette &palette) const
{
    if (QTextDocument *prompt = layout.promptDocument()) {
        const qreal radius = TurnLayout::bubbleRadius;
        painter->setPen(Qt::NoPen);
        painter->setBrush(ViewPalette::bubbleFill(palette));
        painter->drawRoundedRect(QRectF(layout.promptBubbleRect()), radius, radius);
        drawDocument(painter, prompt, layout.promptTextRect(), palette);
    }
}

QImage TurnDelegate::imageFor(const ImageAsset &image, QSize targetPixels, const QModelIndex &index,
                              QString *error) const
{
    if (!m_imageCache || image.filePath.isEmpty())
        return {};
    const QImage decoded = m_imageCache->image(image.filePath, targetPixels);
    if (!decoded.isNull())
        return decoded;
    *error = m_imageCache->errorFor(image.filePath);
    if (error->isEmpty()) {
        QList<QPersistentModelIndex> &rows = m_waiting[image.filePath];
        const QPersistentModelIndex row(index);
        if (!rows.contains(row))
            rows.append(row);
    }
    return {};
}

void TurnDelegate::paintImage(QPainter *painter, const TurnLayout::ImageSlot &slot,
                              const ImageAsset &image, const QModelIndex &index,
                              const QPalette &palette, const QFont &font) const
{
    const QRect &rect = slot.rect;
    if (image.state == ImageAsset::State::Failed) {
        if (!slot.retry.isNull()) {
            paintFailedLink(painter, slot, image, palette, font);
            return;
        }
        paintFailed(painter, rect,
                    image.error.isEmpty() ? tr("The image could not be generated") : image.error,
                    palette, font);
        return;
    }
    if (image.state == ImageAsset::State::Pending) {
        if (!image.sourceUrl.isEmpty())
            paintDownloading(painter, rect, image, palette, font);
        else
            paintPlaceholder(painter, rect, tr("Generating…"), palette, font);
        return;
    }

    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QSize targetPixels = (QSizeF(rect.size()) * ratio).toSize();
    const QString key = itemKey(rowKey(index), image, int(rect.top()));
    QString error;
    const QImage decoded = imageFor(image, targetPixels, index, &error);
    const bool final = image.state == ImageAsset::State::Final;

    if (!decoded.isNull()) {
        ImageDrawing::drawRoundedImage(painter, rect, decoded, palette, TurnLayout::imageRadius);
        if (final) {
            m_lastShown.remove(key);
        } else {
            if (m_lastShown.size() >= maxLastShown)
                m_lastShown.clear();
            m_lastShown.insert(key, decoded);
        }
    } else if (final && !error.isEmpty()) {
        paintFailed(painter, rect, error, palette, font);
        return;
    } else if (const QImage previous = m_lastShown.value(key); !previous.isNull()) {
        ImageDrawing::drawRoundedImage(painter, rect, previous, palette,
                                       TurnLayout::imageRadius); // until the new one is decoded
    } else {
        paintPlaceholder(painter, rect, final ? tr("Loading…") : tr("Generating…"), palette, font);
    }

    if (!final) {
        // "Preview n": a dark pill reads on any picture, light or dark.
        QFont badgeFont = font;
        badgeFont.setWeight(QFont::DemiBold);
        const QFontMetrics metrics(badgeFont);
        const QString label = image.partialIndex >= 0 ? tr("Preview %1").arg(image.partialIndex + 1)
                                                      : tr("Preview");
        const QRect badge(rect.left() + 10, rect.top() + 10, metrics.horizontalAdvance(label) + 16,
                          metrics.height() + 6);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 150));
        painter->drawRoundedRect(QRectF(badge), badge.height() / 2.0, badge.height() / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(QColor(255, 255, 255, 235));
        painter->drawText(badge, Qt::AlignCenter, label);
    }
}

void TurnDelegate::paintPlaceholder(QPainter *painter, const QRect &rect, const QString &label,
                                    const QPalette &palette, const QFont &font) const
{
    const qreal radius = TurnLayout::imageRadius;
    painter->setPen(QPen(ViewPalette::hairline(palette), 1));
    painter->setBrush(ViewPalette::cardFill(palette));
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    const QFontMetrics metrics(font);
    const bool roomForGlyph = rect.height() > 40 + metrics.height() + 8;
    const QColor color = ViewPalette::secondaryText(palette);
    QPointF center = QRectF(rect).center();
    if (roomForGlyph) {
        ImageDrawing::drawPictureGlyph(painter, center - QPointF(0, metrics.height() / 2.0 + 4),
                                       color);
        center.ry() += 14;
    }
    painter->setFont(font);
    painter->setPen(color);
    QRectF textRect(0, 0, rect.width() - 16, metrics.height());
    textRect.moveCenter(center);
    painter->drawText(textRect, Qt::AlignCenter,
                      metrics.elidedText(label, Qt::ElideRight, int(textRect.width())));
}

void TurnDelegate::paintFailed(QPainter *painter, const QRect &rect, const QString &reason,
                               const QPalette &palette, const QFont &font) const
{
    const QColor error = ViewPalette::error(palette);
    const qreal radius = TurnLayout::imageRadius;
    painter->setPen(QPen(ViewPalette::mix(palette.color(QPalette::Base), error, 0.35), 1));
    painter->setBrush(ViewPalette::mix(palette.color(QPalette::Base), error, 0.07));
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    // A round "!" badge, then a title and the reason beside it.
    const int badge = 24;
    const QRectF badgeRect(rect.left() + 16, rect.center().y() - badge / 2.0, badge, badge);
    painter->setPen(Qt::NoPen);
    painter->setBrush(error);
    painter->drawEllipse(badgeRect);
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Base));
    painter->drawText(badgeRect, Qt::AlignCenter, QStringLiteral("!"));

    const int textLeft = int(badgeRect.right()) + 12;
    const QRect textArea(textLeft, rect.top() + 12, rect.right() - textLeft - 12,
                         rect.height() - 24);
    QFont title = font;
    title.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(title);
    const QFontMetrics metrics(font);
    // The reason takes the lines it needs, up to what the card holds; the block is centred.
    const int maxReasonHeight
        = std::max(textArea.height() - titleMetrics.height() - 2, metrics.lineSpacing());
    const int reasonHeight = std::min(
        metrics.boundingRect(QRect(0, 0, textArea.width(), 10000), Qt::TextWordWrap, reason)
            .height(),
        maxReasonHeight);
    const int used = titleMetrics.height() + 2 + reasonHeight;
    const int top = textArea.top() + std::max(0, (textArea.height() - used) / 2);
    painter->setFont(title);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRect(textLeft, top, textArea.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, tr("Image not available"));
    painter->setFont(font);
    painter->setPen(ViewPalette::secondaryText(palette));
    const QRect reasonRect(textLeft, top + titleMetrics.height() + 2, textArea.width(),
                           reasonHeight);
    painter->drawText(reasonRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, reason);
}

void TurnDelegate::paintDownloading(QPainter *painter, const QRect &rect, const ImageAsset &image,
                                    const QPalette &palette, const QFont &font) const
{
    paintPlaceholder(painter, rect, TurnLayout::downloadText(image), palette, font);
    if (image.downloadTotal <= 0 || image.downloadedBytes < 0)
        return;
    // A thin bar along the bottom of the card once the size is known.
    const qreal fraction
        = std::clamp(double(image.downloadedBytes) / double(image.downloadTotal), 0.0, 1.0);
    const QRectF track(rect.left() + 24, rect.bottom() - 18, rect.width() - 48, 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(ViewPalette::hairline(palette));
    painter->drawRoundedRect(track, 2, 2);
    painter->setBrush(ViewPalette::accent(palette));
    painter->drawRoundedRect(QRectF(track.topLeft(), QSizeF(track.width() * fraction, 4)), 2, 2);
}

void TurnDelegate::paintFailedLink(QPainter *painter, const TurnLayout::ImageSlot &slot,
                                   const ImageAsset &image, const QPalette &palette,
                                   const QFont &font) const
{
    const QRect &rect = slot.rect;
    const QColor error = ViewPalette::error(palette);
    const qreal radius = TurnLayout::imageRadius;
    painter->setPen(QPen(ViewPalette::mix(palette.color(QPalette::Base), error, 0.35), 1));
    painter->setBrush(ViewPalette::mix(palette.color(QPalette::Base), error, 0.07));
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    const int badge = 24;
    const QRectF badgeRect(rect.left() + 16, rect.top() + 14, badge, badge);
    painter->setPen(Qt::NoPen);
    painter->setBrush(error);
    painter->drawEllipse(badgeRect);
    QFont bold = font;
    bold.setWeight(QFont::Bold);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Base));
    painter->drawText(badgeRect, Qt::AlignCenter, QStringLiteral("!"));

    // Title beside the badge (left of the Retry button), the reason below it, the link last.
    QFont title = font;
    title.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(title);
    const QFontMetrics metrics(font);
    const int textLeft = int(badgeRect.right()) + 12;
    const int textRight = rect.right() - 14;
    const QRect titleRect(textLeft, slot.retry.center().y() - titleMetrics.height() / 2,
                          slot.retry.left() - 8 - textLeft, titleMetrics.height());
    painter->setFont(title);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(tr("Image not downloaded"), Qt::ElideRight, titleRect.width()));

    const QRect linkRect(textLeft, rect.bottom() - 10 - metrics.height(), textRight - textLeft,
                         metrics.height());
    const QRect reasonRect(textLeft, slot.retry.bottom() + 4, textRight - textLeft,
                           linkRect.top() - 2 - slot.retry.bottom() - 4);
    const QString reason
        = image.error.isEmpty() ? tr("The image could not be downloaded.") : image.error;
    painter->setFont(font);
    painter->setPen(ViewPalette::secondaryText(palette));
    painter->save();
    painter->setClipRect(reasonRect);
    painter->drawText(reasonRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, reason);
    painter->restore();
    QColor linkColor = ViewPalette::secondaryText(palette);
    linkColor.setAlphaF(linkColor.alphaF() * 0.8f);
    painter->setPen(linkColor);
    painter->drawText(linkRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(image.sourceUrl, Qt::ElideMiddle, linkRect.width()));

    // The Retry button: an outlined pill in the accent colour, like a link.
    const QColor accent = ViewPalette::accent(palette);
    QFont buttonFont = font;
    buttonFont.setWeight(QFont::DemiBold);
    painter->setPen(QPen(accent, 1.2));
    painter->setBrush(ViewPalette::mix(palette.color(QPalette::Base), accent, 0.08));
    const QRectF button = QRectF(slot.retry).adjusted(0.5, 0.5, -0.5, -0.5);
    painter->drawRoundedRect(button, button.height() / 2, button.height() / 2);
    painter->setFont(buttonFont);
    painter->setPen(accent);
    painter->drawText(slot.retry, Qt::AlignCenter, tr("Retry"));
}

bool TurnDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                             const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!event || !view || event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const TurnLayout layout = layoutFor(index, option.font);
    const QPoint point = event->pos() - option.rect.topLeft();
    const int imageIndex = layout.imageIndexAt(point);
    const Turn turn = index.data(ConversationModel::TurnRole).value<Turn>();
    if (const QString tip = TurnReferencesPainter::toolTipAt(layout, turn, point, m_imageCache);
        !tip.isEmpty()) {
        QToolTip::showText(event->globalPos(), tip, view->viewport());
        return true;
    }
    // The status line is cut to the row's width; the part to act on ("You can find your API
    // key at …", a rate limit's details) is often in what was cut (found by QA).
    if (layout.statusRect().contains(point)) {
        const QString status = TurnLayout::statusText(turn, QDateTime::currentDateTime());
        QFont font = layout.smallFont(); // as paint() draws it
        font.setWeight(QFont::Medium);
        if (QFontMetrics(font).horizontalAdvance(status) > layout.statusRect().width()) {
            // As rich text, so that the tip wraps instead of running across the screen.
            QToolTip::showText(
                event->globalPos(), QStringLiteral("<p>%1</p>").arg(status.toHtmlEscaped()),
                view->viewport(), layout.statusRect().translated(option.rect.topLeft()));
            return true;
        }
    }
    if (imageIndex < 0 || imageIndex >= turn.images.size()) {
        QToolTip::hideText();
        return true; // the row's text is its own tooltip; Qt's default would repeat it
    }
    const ImageAsset &image = turn.images.at(imageIndex);
    QStringList facts;
    if (image.pixelSize.isValid())
        facts << TurnText::pixelSize(image.pixelSize);
    if (!image.mimeType.isEmpty())
        facts << image.mimeType.section(QLatin1Char('/'), 1).toUpper();
    if (image.byteSize > 0)
        facts << formatBytes(image.byteSize);
    QString tip = facts.join(QStringLiteral(" · "));
    if (image.state == ImageAsset::State::Final)
        tip += QStringLiteral("\n") + tr("Click to view · right-click for more");
    else if (image.state == ImageAsset::State::Failed)
        tip = image.error;
    if (!image.sourceUrl.isEmpty() && image.state != ImageAsset::State::Final) {
        tip += QStringLiteral("\n") + image.sourceUrl;
        if (layout.retryIndexAt(event->pos() - option.rect.topLeft()) == imageIndex)
            tip = tr("Download the image again");
    }
    QToolTip::showText(event->globalPos(), tip.trimmed(), view->viewport());
    return true;
}
