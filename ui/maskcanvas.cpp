#include "maskcanvas.h"

#include "viewpalette.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {

constexpr uchar painted = 255;
constexpr uchar kept = 0;
// Strong enough to see on a pale sky or a dark forest, light enough to see what is under it.
const QColor overlayColour(255, 0, 170);
constexpr qreal overlayOpacity = 0.45;

QImage emptyMask(QSize size)
{
    if (size.isEmpty())
        return {};
    QImage mask(size, QImage::Format_Alpha8);
    mask.fill(kept);
    return mask;
}

} // namespace

MaskCanvas::MaskCanvas(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("maskCanvas"));
    setAccessibleName(tr("Mask"));
    // A description, not a tooltip: a tooltip would pop up over the picture whenever the brush
    // rests.
    setAccessibleDescription(
        tr("Paint over what may change. The wheel zooms; middle-drag or Space+drag pans."));
    setMinimumSize(240, 180);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // the brush outline follows the pointer
    updateCursorShape();
}

void MaskCanvas::setImage(const QImage &image)
{
    m_image = image;
    m_mask = emptyMask(image.size());
    m_paintedPixels = 0;
    m_stroking = false;
    m_strokeBefore = {};
    viewport().setImageSize(image.size());
    setUndoSteps({});
    update();
    notifyView();
    Q_EMIT maskChanged();
}

bool MaskCanvas::setMask(const QImage &mask)
{
    if (m_image.isNull() || mask.isNull() || mask.size() != m_image.size())
        return false;
    const QImage source = mask.convertToFormat(QImage::Format_ARGB32);
    QImage converted(source.size(), QImage::Format_Alpha8);
    for (int y = 0; y < source.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        uchar *out = converted.scanLine(y);
        for (int x = 0; x < source.width(); ++x)
            out[x] = qAlpha(in[x]) < 128 ? painted : kept;
    }
    m_mask = converted;
    m_stroking = false;
    m_strokeBefore = {};
    setUndoSteps({}); // the mask handed in is where this session starts
    maskReplaced();
    return true;
}

QImage MaskCanvas::mask() const
{
    if (m_mask.isNull())
        return {};
    QImage out(m_mask.size(), QImage::Format_ARGB32);
    for (int y = 0; y < m_mask.height(); ++y) {
        const uchar *in = m_mask.constScanLine(y);
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < m_mask.width(); ++x)
            line[x] = in[x] >= 128 ? qRgba(0, 0, 0, 0) : qRgba(0, 0, 0, 255);
    }
    return out;
}

qsizetype MaskCanvas::paintedPixels() const
{
    if (m_paintedPixels >= 0)
        return m_paintedPixels;
    qsizetype count = 0;
    for (int y = 0; y < m_mask.height(); ++y) {
        const uchar *line = m_mask.constScanLine(y);
        count += std::count_if(line, line + m_mask.width(), [](uchar a) { return a >= 128; });
    }
    m_paintedPixels = count;
    return count;
}

qreal MaskCanvas::paintedFraction() const
{
    if (m_mask.isNull())
        return 0.0;
    return qreal(paintedPixels()) / (qreal(m_mask.width()) * m_mask.height());
}

void MaskCanvas::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    m_tool = tool;
    Q_EMIT toolChanged(tool);
}

void MaskCanvas::setBrushSize(int size)
{
    size = std::clamp(size, minBrushSize, maxBrushSize);
    if (size == m_brushSize)
        return;
    m_brushSize = size;
    updateBrushOutline(m_outlineCentre, m_outlineShown);
    Q_EMIT brushSizeChanged(size);
}

void MaskCanvas::clear()
{
    if (m_stroking)
        endStroke();
    if (m_mask.isNull() || isEmpty())
        return; // nothing to clear, and no undo step that would do nothing
    pushUndo(m_mask.rect(), m_mask);
    m_mask.fill(kept);
    maskReplaced();
}

void MaskCanvas::invert()
{
    if (m_stroking)
        endStroke();
    if (m_mask.isNull())
        return;
    pushUndo(m_mask.rect(), m_mask);
    for (int y = 0; y < m_mask.height(); ++y) {
        uchar *line = m_mask.scanLine(y);
        for (int x = 0; x < m_mask.width(); ++x)
            line[x] = line[x] >= 128 ? kept : painted;
    }
    maskReplaced();
}

void MaskCanvas::undo()
{
    if (m_undo.isEmpty() || m_stroking)
        return;
    const UndoStep step = m_undo.takeLast();
    m_undoBytes -= step.before.sizeInBytes();
    QList<UndoStep> redo = m_redo;
    redo.append(swapIn(step));
    if (m_undo.isEmpty())
        Q_EMIT undoAvailableChanged(false);
    setRedoSteps(std::move(redo));
    maskReplaced();
}

void MaskCanvas::redo()
{
    if (m_redo.isEmpty() || m_stroking)
        return;
    QList<UndoStep> redo = m_redo;
    const UndoStep step = redo.takeLast();
    const UndoStep undone = swapIn(step);
    pushUndo(undone.rect, undone.before, true);
    setRedoSteps(std::move(redo));
    maskReplaced();
}

MaskCanvas::UndoStep MaskCanvas::swapIn(const UndoStep &step)
{
    UndoStep replaced { step.rect, m_mask.copy(step.rect) };
    QPainter painter(&m_mask);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.drawImage(step.rect.topLeft(), step.before);
    painter.end();
    return replaced;
}

void MaskCanvas::pushUndo(const QRect &rect, const QImage &before, bool keepRedo)
{
    // `before` is either the whole mask or already cut to `rect`.
    UndoStep step { rect, before.size() == rect.size() ? before : before.copy(rect) };
    m_undoBytes += step.before.sizeInBytes();
    const bool wasEmpty = m_undo.isEmpty();
    m_undo.append(std::move(step));
    // The newest step always stays, even when it alone is over the byte budget.
    while (m_undo.size() > 1 && (m_undo.size() > maxUndoSteps || m_undoBytes > maxUndoBytes))
        m_undoBytes -= m_undo.takeFirst().before.sizeInBytes();
    if (wasEmpty)
        Q_EMIT undoAvailableChanged(true);
    if (!keepRedo)
        setRedoSteps({});
}

void MaskCanvas::setRedoSteps(QList<UndoStep> steps)
{
    const bool had = canRedo();
    m_redo = std::move(steps);
    if (had != canRedo())
        Q_EMIT redoAvailableChanged(canRedo());
}

void MaskCanvas::setUndoSteps(QList<UndoStep> steps)
{
    const bool had = canUndo();
    m_undo = std::move(steps);
    m_undoBytes = 0;
    for (const UndoStep &step : std::as_const(m_undo))
        m_undoBytes += step.before.sizeInBytes();
    if (had != canUndo())
        Q_EMIT undoAvailableChanged(canUndo());
    setRedoSteps({});
}

void MaskCanvas::maskReplaced()
{
    m_paintedPixels = -1;
    update();
    Q_EMIT maskChanged();
}

// --- painting the mask ---------------------------------------------------------------------------

void MaskCanvas::paintSegment(QPointF from, QPointF to)
{
    const qreal radius = m_brushSize / 2.0;
    const QRect touched = QRectF(from, to)
                              .normalized()
                              .adjusted(-radius - 2, -radius - 2, radius + 2, radius + 2)
                              .toAlignedRect()
        & m_mask.rect();
    if (touched.isEmpty())
        return;

    // Aliased on purpose: the mask that is sent is two-valued, so what the designer sees painted
    // is exactly what may change, with no half-transparent fringe to be guessed at.
    QPainter painter(&m_mask);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    const QColor ink = m_tool == Tool::Brush ? QColor(0, 0, 0, painted) : QColor(0, 0, 0, kept);
    if (m_brushSize <= 2) {
        // A one- or two-pixel disc can fall between pixel centres and fill nothing; the pixel
        // under the pointer is always meant.
        painter.fillRect(QRect(QPoint(int(std::floor(to.x())), int(std::floor(to.y()))),
                               QSize(m_brushSize, m_brushSize)),
                         ink);
    }
    if (from == to) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawEllipse(to, radius, radius);
    } else {
        painter.setPen(QPen(ink, m_brushSize, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawLine(from, to);
    }
    painter.end();

    m_strokeRect |= touched;
    m_paintedPixels = -1;
    update(widgetRectOf(touched));
}

void MaskCanvas::endStroke()
{
    m_stroking = false;
    const QRect rect = m_strokeRect;
    const QImage before = m_strokeBefore;
    m_strokeBefore = {};
    m_strokeRect = {};
    if (rect.isEmpty() || before.isNull())
        return;
    // An eraser over nothing changes nothing and leaves no step behind.
    if (before.copy(rect) == m_mask.copy(rect))
        return;
    pushUndo(rect, before);
    Q_EMIT maskChanged();
}

// --- view ----------------------------------------------------------------------------------------

ImageViewport &MaskCanvas::viewport() const
{
    // The size can change while the widget is hidden, with no resize event.
    m_viewport.setViewSize(size());
    m_viewport.setDevicePixelRatio(devicePixelRatioF()); // 100 % is actual screen pixels
    return m_viewport;
}

QPointF MaskCanvas::mapToImage(QPointF widgetPoint) const
{
    return (widgetPoint - viewport().origin()) / viewport().viewScale();
}

QPointF MaskCanvas::mapFromImage(QPointF imagePoint) const
{
    return viewport().origin() + imagePoint * viewport().viewScale();
}

QRect MaskCanvas::widgetRectOf(const QRect &imageRect) const
{
    return QRectF(mapFromImage(imageRect.topLeft()),
                  mapFromImage(imageRect.bottomRight() + QPoint(1, 1)))
        .toAlignedRect()
        .adjusted(-1, -1, 1, 1);
}

void MaskCanvas::zoomAt(qreal scale, QPointF anchor)
{
    if (m_image.isNull())
        return;
    viewport().zoomTo(scale, anchor);
    update();
    notifyView();
}

void MaskCanvas::zoomIn()
{
    zoomAt(zoom() * ImageViewport::zoomStep, QRectF(rect()).center());
}

void MaskCanvas::zoomOut()
{
    zoomAt(zoom() / ImageViewport::zoomStep, QRectF(rect()).center());
}

void MaskCanvas::fitToWindow()
{
    viewport().fit();
    update();
    notifyView();
}

void MaskCanvas::actualSize()
{
    zoomAt(1.0, QRectF(rect()).center());
}

void MaskCanvas::notifyView()
{
    Q_EMIT viewChanged();
}

void MaskCanvas::resizeEvent(QResizeEvent *)
{
    viewport();
    notifyView(); // a fitted image changes scale with the widget
}

// --- drawing -------------------------------------------------------------------------------------

QRectF MaskCanvas::brushOutlineRect(QPointF centre) const
{
    const qreal radius = std::max(m_brushSize * viewport().viewScale() / 2.0, 3.0);
    return QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius))
        .adjusted(-3, -3, 3, 3);
}

void MaskCanvas::updateBrushOutline(QPointF newPosition, bool shown)
{
    if (m_outlineShown)
        update(brushOutlineRect(m_outlineCentre).toAlignedRect());
    m_outlineCentre = newPosition;
    m_outlineShown = shown;
    if (m_outlineShown)
        update(brushOutlineRect(m_outlineCentre).toAlignedRect());
}

void MaskCanvas::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(),
                     ViewPalette::mix(palette().color(QPalette::Window), QColor(0, 0, 0), 0.72));
    if (m_image.isNull())
        return;

    const QRectF target = viewport().imageRect();
    const bool smooth = zoom() < 2.0; // past 200 % the pixels are what is being painted
    if (m_image.hasAlphaChannel())
        painter.fillRect(target.intersected(QRectF(event->rect())), ImageViewport::checkerboard());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, smooth);
    painter.drawImage(target, m_image);

    // The mask's alpha tinted in one colour: drawn into a layer the size of the repainted area,
    // coloured with SourceIn, then laid over the image at a fixed opacity.
    const QRect area = event->rect() & target.toAlignedRect();
    if (!area.isEmpty() && !m_mask.isNull()) {
        const qreal ratio = devicePixelRatioF();
        QImage layer(area.size() * ratio, QImage::Format_ARGB32_Premultiplied);
        layer.setDevicePixelRatio(ratio);
        layer.fill(Qt::transparent);
        QPainter tint(&layer);
        tint.translate(-area.topLeft());
        tint.setRenderHint(QPainter::SmoothPixmapTransform, smooth);
        tint.drawImage(target, m_mask);
        tint.setCompositionMode(QPainter::CompositionMode_SourceIn);
        tint.fillRect(area, overlayColour);
        tint.end();
        painter.setOpacity(overlayOpacity);
        painter.drawImage(area.topLeft(), layer);
        painter.setOpacity(1.0);
    }

    if (m_outlineShown && !m_panning && !m_spaceHeld) {
        // Two rings, dark and light, so the outline shows on any image.
        const qreal radius = std::max(m_brushSize * viewport().viewScale() / 2.0, 1.5);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 200), 1.0));
        painter.drawEllipse(m_outlineCentre, radius + 1.0, radius + 1.0);
        painter.setPen(QPen(QColor(255, 255, 255, 230), 1.0));
        painter.drawEllipse(m_outlineCentre, radius, radius);
    }
}

void MaskCanvas::updateCursorShape()
{
    if (m_panning)
        setCursor(Qt::ClosedHandCursor);
    else if (m_spaceHeld)
        setCursor(Qt::OpenHandCursor);
    else
        setCursor(Qt::CrossCursor);
}

// --- input ---------------------------------------------------------------------------------------

void MaskCanvas::wheelEvent(QWheelEvent *event)
{
    // Plain and Ctrl+wheel both zoom about the pointer: a mask is painted up close, and panning
    // has the middle button and Space.
    const qreal notches = event->angleDelta().y() / 120.0;
    if (notches != 0.0 && !m_image.isNull()) {
        zoomAt(zoom() * std::pow(ImageViewport::zoomStep, notches), event->position());
        updateBrushOutline(event->position(), true);
    }
    event->accept();
}

void MaskCanvas::mousePressEvent(QMouseEvent *event)
{
    if (m_stroking || m_panning || m_mask.isNull()) {
        event->accept();
        return;
    }
    const bool pan
        = event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld);
    if (pan) {
        m_panning = true;
        m_panFrom = event->position();
        updateCursorShape();
        update();
    } else if (event->button() == Qt::LeftButton) {
        m_stroking = true;
        m_strokeBefore = m_mask; // shared: the first dab pays for the copy, once per stroke
        m_strokeRect = {};
        m_lastImagePoint = mapToImage(event->position());
        paintSegment(m_lastImagePoint, m_lastImagePoint);
    }
    event->accept();
}

void MaskCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        viewport().panBy(event->position() - m_panFrom);
        m_panFrom = event->position();
        update();
        notifyView();
    } else if (m_stroking) {
        const QPointF point = mapToImage(event->position());
        if (point != m_lastImagePoint)
            paintSegment(m_lastImagePoint, point);
        m_lastImagePoint = point;
    }
    updateBrushOutline(event->position(), true);
    event->accept();
}

void MaskCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        updateCursorShape();
        update();
    } else if (m_stroking && event->button() == Qt::LeftButton) {
        const QPointF point = mapToImage(event->position());
        if (point != m_lastImagePoint)
            paintSegment(m_lastImagePoint, point);
        endStroke();
    }
    event->accept();
}

void MaskCanvas::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            updateCursorShape();
            update();
        }
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event); // everything else is the dialog's
}

void MaskCanvas::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = false;
            updateCursorShape();
            update();
        }
        event->accept();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void MaskCanvas::leaveEvent(QEvent *event)
{
    updateBrushOutline(m_outlineCentre, false);
    QWidget::leaveEvent(event);
}

void MaskCanvas::focusOutEvent(QFocusEvent *event)
{
    // A Space released in another window would otherwise leave the canvas stuck in pan mode.
    m_spaceHeld = false;
    updateCursorShape();
    QWidget::focusOutEvent(event);
}
