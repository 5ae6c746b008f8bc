#pragma once

#include "viewpalette.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QRectF>
#include <QtMath>

// Drawing shared by the conversation view's painters and the composer's thumbnails: pictures with
// rounded corners, placeholder cards and their glyph.
namespace ImageDrawing {

// `image` drawn with rounded corners: a textured brush keeps the edge antialiased, which a clip
// path would not. KeepAspectRatio fits the picture inside `rect` (centred); KeepAspectRatio
// ByExpanding fills `rect` and crops what overflows, as thumbnails do.
inline void drawRoundedImage(QPainter *painter, const QRectF &rect, const QImage &image,
                             const QPalette &palette, qreal radius,
                             Qt::AspectRatioMode mode = Qt::KeepAspectRatio)
{
    const QSizeF fitted = QSizeF(image.size()).scaled(rect.size(), mode);
    QRectF target(QPointF(0, 0), fitted);
    target.moveCenter(rect.center());
    QTransform transform;
    transform.translate(target.left(), target.top());
    transform.scale(target.width() / image.width(), target.height() / image.height());
    QBrush brush(image);
    brush.setTransform(transform);
    const QRectF shape = mode == Qt::KeepAspectRatioByExpanding ? rect : target;
    painter->setPen(Qt::NoPen);
    painter->setBrush(brush);
    painter->drawRoundedRect(shape, radius, radius);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(ViewPalette::hairline(palette), 1));
    painter->drawRoundedRect(shape.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
}

// A small picture glyph (frame, hill, sun), 30 x 22 around `center`, for placeholder cards.
inline void drawPictureGlyph(QPainter *painter, const QPointF &center, const QColor &color)
{
    const QRectF frame(center.x() - 15, center.y() - 11, 30, 22);
    painter->setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(frame, 4, 4);
    QPainterPath hill;
    hill.moveTo(frame.left() + 4, frame.bottom() - 4);
    hill.lineTo(frame.left() + 12, frame.top() + 10);
    hill.lineTo(frame.left() + 18, frame.bottom() - 8);
    hill.lineTo(frame.left() + 21, frame.bottom() - 11);
    hill.lineTo(frame.right() - 4, frame.bottom() - 4);
    painter->drawPath(hill);
    painter->drawEllipse(QPointF(frame.right() - 8, frame.top() + 7), 2.2, 2.2);
}

// An empty rounded card `side` logical pixels square, drawn at `ratio`: what a small thumbnail
// shows while its picture decodes or when it cannot be shown.
inline QPixmap placeholderTile(int side, qreal ratio, const QPalette &palette, qreal radius = 6)
{
    QPixmap pixmap(QSize(qCeil(side * ratio), qCeil(side * ratio)));
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(ViewPalette::hairline(palette));
    painter.setBrush(ViewPalette::cardFill(palette));
    painter.drawRoundedRect(QRectF(0.5, 0.5, side - 1, side - 1), radius, radius);
    return pixmap;
}

} // namespace ImageDrawing
