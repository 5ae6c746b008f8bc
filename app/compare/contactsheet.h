#pragma once

#include "comparecell.h"
#include "comparespec.h"
#include "model/turn.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

class QPainter;

// grid.png of a compare run: the prompt at the top, then per panel (axis 2 value) a title, the
// column headers (axis 0 values), the row headers (axis 1 values) and one box per cell with the
// cell's first final image fitted into it (transparent images over a checkerboard) and a caption
// (seconds, cost). A failed, cancelled or unreadable cell is a box with its message instead.
//
// QtGui only (QImage, QPainter), so `easel compare` draws it without a window. The layout is
// fixed in pixels (not points) so that the sheet looks the same on any screen and its geometry
// can be asserted: the constants below are the whole of it.
//
// Images are read from their files with QImageReader at the size of the box: the header is
// checked first (a hostile file claiming a huge size is refused before any decode) and only the
// scaled image is kept. A file that cannot be read becomes a "could not read" box, never a crash.
class ContactSheet
{
    Q_DECLARE_TR_FUNCTIONS(ContactSheet)

public:
    static constexpr int defaultCellSize = 256;
    static constexpr int minimumCellSize = 64;
    static constexpr int margin = 24;
    static constexpr int gap = 12; // between cells
    static constexpr int headerHeight = 80; // the prompt (up to three lines) and the axis legend
    static constexpr int columnHeaderHeight = 44; // with at least one axis
    static constexpr int rowHeaderWidth = 140; // with at least two axes
    static constexpr int panelTitleHeight = 36; // with three axes
    static constexpr int panelGap = 24;
    static constexpr int captionHeight = 34; // under each cell box
    // Images larger than this (in either side, or in pixels) are not decoded at all.
    static constexpr int maxImageSide = 16384;
    static constexpr qint64 maxImagePixels = qint64(100) * 1000 * 1000;
    // A sheet that would be larger is drawn with smaller cells, down to minimumCellSize.
    static constexpr qint64 maxSheetPixels = qint64(40) * 1000 * 1000;

    // `turns` is indexed like `cells`; a cell without a turn is drawn as "not run".
    ContactSheet(const CompareSpec &spec, const QList<CompareCell> &cells,
                 const QList<Turn> &turns);

    // The side of a cell box, clamped to [minimumCellSize, 1024]. cellSize() is the size used,
    // which is smaller than the one asked for when the sheet would pass maxSheetPixels.
    void setCellSize(int pixels);
    int cellSize() const;

    QSize size() const; // of the rendered image
    QRect cellRect(int cellIndex) const; // the image box of a cell; null for an unknown index
    QRect captionRect(int cellIndex) const;

    // The sheet, white background; a null image when it could not be allocated.
    QImage render() const;
    // Renders and writes a PNG atomically; false with a plain sentence on failure.
    bool save(const QString &path, QString *error) const;

    static bool savePng(const QImage &image, const QString &path, QString *error);
    // Reads the image at `path` scaled to fit `box`, aspect kept. A null image with a plain
    // sentence in *error when the file is missing, corrupt or too large.
    static QImage readScaled(const QString &path, const QSize &box, QString *error);

private:
    int columns() const { return m_spec.extent(0); }
    int rows() const { return m_spec.extent(1); }
    int panels() const { return m_spec.extent(2); }
    int rowHeader() const { return m_spec.axes.size() >= 2 ? rowHeaderWidth : 0; }
    int columnHeader() const { return m_spec.axes.isEmpty() ? 0 : columnHeaderHeight; }
    int panelTitle() const { return m_spec.axes.size() >= 3 ? panelTitleHeight : 0; }
    QSize sizeFor(int cellSize) const;
    int panelHeight(int cellSize) const;
    int panelTop(int panel) const;
    QRect cellRectAt(int column, int row, int panel) const;

    void drawHeader(QPainter &painter) const;
    void drawPanelLabels(QPainter &painter, int panel) const;
    void drawCell(QPainter &painter, const CompareCell &cell, const Turn *turn) const;

    CompareSpec m_spec;
    QList<CompareCell> m_cells;
    QList<Turn> m_turns;
    int m_requestedCellSize = defaultCellSize;
};
