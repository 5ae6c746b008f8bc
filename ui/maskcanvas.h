#pragma once

#include "imageviewport.h"

#include <QImage>
#include <QList>
#include <QWidget>

// An image with a mask painted over it: where the designer paints, the image may change when it is
// edited; the rest is kept. The mask lives at the image's full resolution whatever the zoom, and is
// shown as a translucent magenta wash that reads on any picture. Brush and eraser strokes are
// continuous (round-capped segments between mouse positions), the brush size is in image pixels,
// the wheel zooms about the cursor (ImageViewport's rules, as in the viewer and the pair view),
// middle-drag or Space+drag pans, and the last strokes can be undone.
class MaskCanvas : public QWidget
{
    Q_OBJECT
public:
    enum class Tool { Brush, Eraser };
    Q_ENUM(Tool)

    static constexpr int minBrushSize = 1;
    static constexpr int maxBrushSize = 512;
    static constexpr int defaultBrushSize = 64;
    // Undo keeps the pixels a step changed (its bounding box), never whole copies per stroke, and
    // forgets the oldest steps past either limit: a clear of a 4K mask alone is 8 MB.
    static constexpr int maxUndoSteps = 20;
    static constexpr qsizetype maxUndoBytes = qsizetype(64) * 1024 * 1024;

    explicit MaskCanvas(QWidget *parent = nullptr);

    // A new image starts with an empty mask, fitted, with nothing to undo.
    void setImage(const QImage &image);
    QImage image() const { return m_image; }

    // An earlier mask of exactly the image's size: transparent (alpha < 128) where the image may
    // change. Anything else is refused and the mask stays as it was. Forgets the undo steps.
    bool setMask(const QImage &mask);
    // Format_ARGB32 of the image's size: alpha 0 (transparent black) where the image may change,
    // opaque black elsewhere, as OpenAI's input_image_mask expects. Null without an image.
    QImage mask() const;
    // Nothing painted: such a mask would edit nothing.
    bool isEmpty() const { return paintedPixels() == 0; }
    // The share of the image that may change, 0 to 1.
    qreal paintedFraction() const;

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);
    // In image pixels, clamped to 1–512.
    int brushSize() const { return m_brushSize; }
    void setBrushSize(int size);

    bool canUndo() const { return !m_undo.isEmpty(); }
    // What undo took back can be done again until the next edit.
    bool canRedo() const { return !m_redo.isEmpty(); }

    // 1.0 is 100 %, one image pixel per screen (device) pixel. In fit mode, the scale that fits
    // the widget.
    qreal zoom() const { return viewport().scale(); }
    bool fitsToWindow() const { return viewport().fits(); }
    // Zooms to `scale` keeping the image point under `anchor` (widget coordinates) in place.
    void zoomAt(qreal scale, QPointF anchor);
    // Widget (logical) coordinates to image pixels and back: at 100 % on a screen with a device
    // pixel ratio of 2, an image pixel is half a logical pixel.
    QPointF mapToImage(QPointF widgetPoint) const;
    QPointF mapFromImage(QPointF imagePoint) const;

public Q_SLOTS:
    void clear();
    void invert();
    void undo();
    void redo();
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();

Q_SIGNALS:
    // After a stroke ends and after clear(), invert(), undo(), redo() and setMask(); not during a
    // stroke.
    void maskChanged();
    void toolChanged(MaskCanvas::Tool tool);
    void brushSizeChanged(int size);
    void undoAvailableChanged(bool available);
    void redoAvailableChanged(bool available);
    // Zoom or pan changed.
    void viewChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    struct UndoStep
    {
        QRect rect; // in image pixels
        QImage before; // the mask's pixels in `rect` before the step
    };

    ImageViewport &viewport() const;
    qsizetype paintedPixels() const;
    void paintSegment(QPointF from, QPointF to);
    void endStroke();
    // A new edit: its undo step, and nothing left to redo. Redo itself keeps the redo steps.
    void pushUndo(const QRect &rect, const QImage &before, bool keepRedo = false);
    void setUndoSteps(QList<UndoStep> steps);
    void setRedoSteps(QList<UndoStep> steps);
    // Puts `step`'s pixels back into the mask and returns the pixels they replaced.
    UndoStep swapIn(const UndoStep &step);
    void maskReplaced();
    void updateCursorShape();
    void updateBrushOutline(QPointF newPosition, bool shown);
    QRectF brushOutlineRect(QPointF centre) const;
    QRect widgetRectOf(const QRect &imageRect) const;
    void notifyView();

    QImage m_image;
    // Format_Alpha8 of the image's size, 255 where painted and 0 elsewhere: a quarter of the
    // memory of ARGB32 and directly usable as the overlay's alpha.
    QImage m_mask;
    mutable qsizetype m_paintedPixels = 0; // -1 until counted again
    mutable ImageViewport m_viewport;

    Tool m_tool = Tool::Brush;
    int m_brushSize = defaultBrushSize;

    bool m_stroking = false;
    QPointF m_lastImagePoint;
    QImage m_strokeBefore; // the mask as the stroke began (shared until the first dab detaches)
    QRect m_strokeRect; // what the stroke touched, in image pixels

    bool m_panning = false;
    bool m_spaceHeld = false;
    QPointF m_panFrom;

    bool m_outlineShown = false;
    QPointF m_outlineCentre; // widget coordinates

    QList<UndoStep> m_undo;
    qsizetype m_undoBytes = 0;
    QList<UndoStep> m_redo; // newest last; `before` holds the pixels redo puts back
};
