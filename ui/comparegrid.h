#pragma once

#include "compare/comparerun.h"

#include <QHash>
#include <QList>
#include <QWidget>

class CompareCellDelegate;
class CompareGridModel;
class ImageCache;
class QLabel;
class QTabBar;
class QTableView;

// The labelled grid of a compare run: the values of axis 0 head the columns, those of axis 1 the
// rows, and a tab per value of axis 2 picks the panel. A table view, so only the cells in sight
// are painted however many there are. A plain click on a cell asks for it to be opened; Ctrl or
// Shift+click selects several (the window compares two); the context menu is the window's.
//
// Object names, for tests: "compareGridView", "comparePanels" (the tabs), "compareAxisLegend".
class CompareGrid : public QWidget
{
    Q_OBJECT
public:
    static constexpr int minimumCellSide = 96;
    static constexpr int maximumCellSide = 640;

    explicit CompareGrid(ImageCache *cache, QWidget *parent = nullptr); // cache not owned
    ~CompareGrid() override;

    CompareGridModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTabBar *panelTabs() const { return m_tabs; }

    void setSpec(const CompareSpec &spec); // the shape of the next run, nothing run
    void setRun(CompareRun *run); // not owned
    void setCells(const CompareSpec &spec, const QList<CompareRun::Cell> &cells); // a stored run
    void setProviderNames(const QHash<QString, QString> &names);

    int cellSide() const;
    // The image box in logical pixels, clamped. Turns fitting off: the designer chose a size.
    void setCellSide(int side);
    // A side at which the current panel fits the view (within the limits above).
    int fittingCellSide() const;
    // The largest size, in device pixels, at which a cell shows its image (the largest side): a
    // new image decoded to fit it serves every cell size (TurnRunner::Context::decodeBox).
    QSize largestImagePixels() const;
    // On (the default), the cells follow the size of the view and the number of cells.
    void setFitsCells(bool fits);
    bool fitsCells() const { return m_fits; }

    QList<int> selectedCells() const; // cell indices, ascending
    void selectCell(int cellIndex, bool add = false); // shows its panel
    void showPanel(int panel);
    // The rectangle of a cell in the view's viewport; null when it is on another panel.
    QRect cellRect(int cellIndex) const;

    void refreshRunning(); // repaints the elapsed time of the running cells

Q_SIGNALS:
    void cellClicked(int cellIndex); // a plain click (or Enter) on a cell
    void cellContextMenuRequested(int cellIndex, const QPoint &globalPos);
    void selectionChanged();
    void cellSideChanged(int side);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onModelReset();
    void applyCellSide();
    void resizeCells(int side);
    void fit();
    void updateRowHeaderWidth();
    void updateLegend();

    CompareGridModel *m_model;
    CompareCellDelegate *m_delegate;
    QTableView *m_view;
    QTabBar *m_tabs;
    QLabel *m_legend;
    int m_pressedCell = -1;
    bool m_fits = true;
};
