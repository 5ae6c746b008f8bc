#pragma once

#include <QBrush>
#include <QPointF>
#include <QRectF>
#include <QSize>

// Where an image sits in a view, and the rules every Easel image view follows: fit to the view by
// default (fitting shrinks, it never blows pixels up), zoom about a point between 2 % and 3200 %,
// a smaller image is centred, a larger one cannot be dragged past its edges. A plain value, so the
// single-image viewer and the panes of the image pair view share the same arithmetic.
//
// The scale counts device pixels: 100 % is one image pixel per pixel of the screen, and fitting
// never blows an image's pixels up on the screen either. Counted in logical pixels, 100 % on a
// high-DPI screen (device pixel ratio 2) drew every image pixel over 2 x 2 screen pixels, smoothed:
// the 1-pixel detail a designer zooms in to check was washed out. Positions and sizes (view size,
// origin, imageRect(), anchors) stay in the widget's logical pixels.
class ImageViewport
{
public:
    static constexpr qreal minZoom = 0.02;
    static constexpr qreal maxZoom = 32.0;
    static constexpr qreal zoomStep = 1.25;
    static constexpr int margin = 16; // around a fitted image

    // A new image is fitted.
    void setImageSize(QSize size);
    QSize imageSize() const { return m_imageSize; }
    // Keeps the offset (clamped) when zoomed, so the view does not jump as a window grows.
    void setViewSize(QSize size);
    QSize viewSize() const { return m_viewSize; }
    // The widget's devicePixelRatioF(); 1 unless told.
    void setDevicePixelRatio(qreal ratio);
    qreal devicePixelRatio() const { return m_ratio; }

    bool fits() const { return m_fit; }
    // 1.0 is 100 %: device pixels per image pixel. In fit mode this is the scale that fits the
    // view.
    qreal scale() const { return m_fit ? fitScale() : m_scale; }
    // Logical (view) pixels per image pixel: what positions in the view are computed with.
    qreal viewScale() const { return scale() / m_ratio; }
    // The image's top-left corner in view coordinates.
    QPointF origin() const;
    // Where the whole image is drawn, in view coordinates.
    QRectF imageRect() const;
    // The part of the image the view shows, in image pixels.
    QRectF visibleImageRect() const;
    // The image point at the centre of the view.
    QPointF centre() const;

    void fit();
    // Zooms to `scale` keeping the image point under `anchor` (view coordinates) in place.
    void zoomTo(qreal scale, QPointF anchor);
    // Moves the image by `delta` view pixels; nothing happens while it fits.
    void panBy(QPointF delta);
    // Shows `imagePoint` at the centre of the view at `scale`, clamped like a drag.
    void showAt(qreal scale, QPointF imagePoint);

    // Grey squares behind transparent pixels.
    static QBrush checkerboard();

private:
    qreal fitScale() const;
    void clampOffset();

    QSize m_imageSize;
    QSize m_viewSize;
    qreal m_ratio = 1.0;
    bool m_fit = true;
    qreal m_scale = 1.0;
    QPointF m_offset;
};
