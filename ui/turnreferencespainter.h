#pragma once

#include "turnlayout.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QPalette>
#include <QPoint>
#include <QSize>
#include <QString>

#include <functional>

class ImageCache;
class QPainter;

// Paints what a turn refers to, in the rects TurnLayout gave: the reference images sent with the
// prompt as rounded thumbnails (a neutral tile while decoding or when the file cannot be read, a
// "+N" tile for the rest) and, for an edit, the Original tile with its label and the arrow to the
// result. A "mask" badge marks the image the turn's mask applies to: the Original, or else the
// first reference image.
//
// The pixels come from an ImageSource (the delegate's, which asks the shared ImageCache and
// notes the row as waiting), so thumbnails are decoded off the GUI thread like every image.
class TurnReferencesPainter
{
    Q_DECLARE_TR_FUNCTIONS(TurnReferencesPainter)

public:
    // The decoded picture of a file at `targetPixels`, or a null image while it decodes (the row
    // is repainted when it is ready) or when it cannot be decoded (`error` then says why).
    using ImageSource
        = std::function<QImage(const QString &filePath, QSize targetPixels, QString *error)>;

    TurnReferencesPainter(QPainter *painter, const QPalette &palette, const QFont &font,
                          ImageSource source);

    void paintThumbnails(const TurnLayout &layout, const Turn &turn) const;
    void paintParent(const TurnLayout &layout, const Turn &turn) const;

    // The size thumbnails are decoded at: enough to fill a square tile from a picture up to three
    // times as wide as high.
    static QSize thumbnailPixels(qreal devicePixelRatio);
    // The tooltip for `point` (row coordinates) over a thumbnail, the "+N" tile or the Original
    // tile; empty elsewhere. `cache` (may be null) tells why a file could not be shown.
    static QString toolTipAt(const TurnLayout &layout, const Turn &turn, QPoint point,
                             const ImageCache *cache);
    static QString parentLabel();
    static QString missingParentText();

private:
    // The decoded picture, or a neutral card while it decodes or when it cannot be read; with
    // `explain` the card says which (a thumbnail is too small: its tooltip says it).
    void paintPicture(const QRect &rect, const QString &filePath, QSize targetPixels, qreal radius,
                      Qt::AspectRatioMode mode, bool explain) const;
    // The empty card: the background of placeholders and of the "+N" tile.
    void paintFrame(const QRect &rect, qreal radius) const;
    // A placeholder card: the picture glyph when there is room, and `text` when `withText`.
    void paintCard(const QRect &rect, qreal radius, const QString &text, bool withText) const;
    void paintBadge(const QRect &rect, const QString &label) const;
    qreal pixelRatio() const;

    QPainter *m_painter;
    QPalette m_palette;
    QFont m_font;
    ImageSource m_source;
};
