#include "imageviewport.h"

#include <QPainter>
#include <QPixmap>

#include <algorithm>

void ImageViewport::setImageSize(QSize size)
{
    m_imageSize = size;
    m_fit = true;
}

void ImageViewport::setViewSize(QSize size)
{
    m_viewSize = size;
    if (!m_fit)
        clampOffset();
}

void ImageViewport::setDevicePixelRatio(qreal ratio)
{
    m_ratio = ratio > 0 ? ratio : 1.0;
    if (!m_fit)
        clampOffset();
}

QPointF ImageViewport::origin() const
{
    if (m_fit) {
        const QSizeF shown = QSizeF(m_imageSize) * viewScale();
        return { (m_viewSize.width() - shown.width()) / 2.0,
                 (m_viewSize.height() - shown.height()) / 2.0 };
    }
    return m_offset;
}

QRectF ImageViewport::imageRect() const
{
    return { origin(), QSizeF(m_imageSize) * viewScale() };
}

QRectF ImageViewport::visibleImageRect() const
{
    const qreal s = viewScale();
    const QRectF view(-origin() / s, QSizeF(m_viewSize) / s);
    return view.intersected(QRectF(QPointF(0, 0), QSizeF(m_imageSize)));
}

QPointF ImageViewport::centre() const
{
    return (QRectF(QPointF(0, 0), QSizeF(m_viewSize)).center() - origin()) / viewScale();
}

void ImageViewport::fit()
{
    m_fit = true;
}

void ImageViewport::zoomTo(qreal scale, QPointF anchor)
{
    if (m_imageSize.isEmpty())
        return;
    const qreal from = this->scale();
    const qreal to = std::clamp(scale, minZoom, maxZoom);
    const QPointF origin = this->origin();
    m_fit = false;
    m_scale = to;
    m_offset = anchor - (anchor - origin) * (to / from); // the ratio cancels out
    clampOffset();
}

void ImageViewport::panBy(QPointF delta)
{
    if (m_fit || m_imageSize.isEmpty())
        return;
    m_offset += delta;
    clampOffset();
}

void ImageViewport::showAt(qreal scale, QPointF imagePoint)
{
    if (m_imageSize.isEmpty())
        return;
    m_fit = false;
    m_scale = std::clamp(scale, minZoom, maxZoom);
    m_offset = QRectF(QPointF(0, 0), QSizeF(m_viewSize)).center() - imagePoint * viewScale();
    clampOffset();
}

qreal ImageViewport::fitScale() const
{
    if (m_imageSize.isEmpty())
        return 1.0;
    const QSizeF room = QSizeF(m_viewSize) - QSizeF(2 * margin, 2 * margin);
    const qreal scale = m_ratio
        * std::min(room.width() / m_imageSize.width(), room.height() / m_imageSize.height());
    return std::clamp(scale, minZoom, 1.0); // fitting shrinks, it never blows pixels up
}

void ImageViewport::clampOffset()
{
    const QSizeF shown = QSizeF(m_imageSize) * viewScale();
    auto clampAxis = [](qreal offset, qreal extent, qreal room) {
        if (extent <= room)
            return (room - extent) / 2.0;
        return std::clamp(offset, room - extent, 0.0);
    };
    m_offset.setX(clampAxis(m_offset.x(), shown.width(), m_viewSize.width()));
    m_offset.setY(clampAxis(m_offset.y(), shown.height(), m_viewSize.height()));
}

QBrush ImageViewport::checkerboard()
{
    static const QPixmap tile = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(QColor(0xcc, 0xcc, 0xcc));
        QPainter painter(&pixmap);
        painter.fillRect(0, 0, 8, 8, QColor(0x99, 0x99, 0x99));
        painter.fillRect(8, 8, 8, 8, QColor(0x99, 0x99, 0x99));
        return pixmap;
    }();
    return QBrush(tile);
}
