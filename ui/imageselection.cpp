#include "imageselection.h"

#include "chat/conversationmodel.h"
#include "conversationview.h"
#include "viewpalette.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {

constexpr qreal penWidth = 2.5;
constexpr qreal radius = 10;

bool isViewable(const ImageAsset &image)
{
    return (image.state == ImageAsset::State::Final || image.state == ImageAsset::State::Partial)
        && !image.filePath.isEmpty();
}

} // namespace

ImageSelection::ImageSelection(ConversationView *view)
    : QObject(view)
    , m_view(view)
{
}

ImageRef ImageSelection::current() const
{
    if (isPicked())
        return m_picked;
    const QList<ImageRef> images = viewableImages();
    return images.isEmpty() ? ImageRef() : images.last();
}

bool ImageSelection::isPicked() const
{
    const auto *conversation = qobject_cast<const ConversationModel *>(m_view->model());
    if (m_picked.isNull() || !conversation)
        return false;
    const std::optional<ImageAsset> image = conversation->findImage(m_picked);
    return image && isViewable(*image);
}

void ImageSelection::pick(const ImageRef &image)
{
    const QRect before = isPicked() ? outline(m_picked) : QRect();
    m_picked = image;
    const QRect after = isPicked() ? outline(m_picked) : QRect();
    m_view->viewport()->update(before.adjusted(-4, -4, 4, 4));
    m_view->viewport()->update(after.adjusted(-4, -4, 4, 4));
    Q_EMIT changed(current());
}

bool ImageSelection::step(int steps)
{
    const QList<ImageRef> images = viewableImages();
    if (images.isEmpty() || steps == 0)
        return false;
    const qsizetype at = images.indexOf(current());
    const qsizetype to
        = std::clamp<qsizetype>(at < 0 ? images.size() - 1 : at + steps, 0, images.size() - 1);
    if (isPicked() && to == at)
        return false;
    const ImageRef target = images.at(to);
    const auto *conversation = qobject_cast<const ConversationModel *>(m_view->model());
    const QModelIndex row
        = m_view->model()->index(conversation->rowOfTurn(target.turnId), 0, m_view->rootIndex());
    m_view->setCurrentIndex(row);
    m_view->scrollTo(row);
    pick(target);
    return true;
}

void ImageSelection::paint(QPainter *painter) const
{
    if (!isPicked())
        return;
    const QRect rect = outline(m_picked);
    if (!rect.isValid() || !rect.intersects(m_view->viewport()->rect()))
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(ViewPalette::accent(m_view->palette()), penWidth));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->restore();
}

QList<ImageRef> ImageSelection::viewableImages() const
{
    QList<ImageRef> images;
    const auto *conversation = qobject_cast<const ConversationModel *>(m_view->model());
    if (!conversation)
        return images;
    for (const Turn &turn : conversation->turns()) {
        for (const ImageAsset &image : turn.images) {
            if (isViewable(image))
                images.append({ turn.id, image.itemId });
        }
    }
    return images;
}

QRect ImageSelection::outline(const ImageRef &image) const
{
    const auto *conversation = qobject_cast<const ConversationModel *>(m_view->model());
    const int row = conversation ? conversation->rowOfTurn(image.turnId) : -1;
    if (row < 0)
        return {};
    const QModelIndex index = m_view->model()->index(row, 0, m_view->rootIndex());
    const QList<ImageAsset> &images = conversation->turnAt(row).images;
    for (int i = 0; i < images.size(); ++i) {
        if (images.at(i).itemId == image.itemId)
            return m_view->imageRect(index, i).adjusted(-4, -4, 4, 4);
    }
    return {};
}
