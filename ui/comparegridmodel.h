#pragma once

#include "compare/comparerun.h"
#include "compare/comparespec.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

// The cells of one panel of a compare run as a table: columns are the values of axis 0, rows
// those of axis 1, and setPanel() picks the value of axis 2. Before a run it shows the spec
// (every cell "not run"), so the designer sees the grid take shape while editing the axes.
// The delegate reads the roles below; nothing here paints.
class CompareGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Phase { NotRun, Queued, Running, Done, Failed, Cancelled };
    Q_ENUM(Phase)

    enum Role {
        CellIndexRole = Qt::UserRole + 1, // int: the index in CompareSpec::cells()
        PhaseRole, // Phase, as int
        ImagePathRole, // the first final image, else the newest preview; "" when none
        ImageSizeRole, // QSize of that image (reserved before it is decoded)
        IsPreviewRole, // bool: a partial preview, not the final image
        MoreImagesRole, // int: final images beyond the first
        ErrorRole, // the cell's own message (failed, cancelled, or a warning)
        ElapsedRole, // qint64 ms: so far while running, the duration when finished
    };

    explicit CompareGridModel(QObject *parent = nullptr);

    // Shows `spec` with nothing run; forgets any run.
    void setSpec(const CompareSpec &spec);
    // Shows `run` (not owned) and follows its cellChanged(). The spec is the run's.
    void setRun(CompareRun *run);
    // Shows finished cells that are not running, e.g. a run read back from the history.
    void setCells(const CompareSpec &spec, const QList<CompareRun::Cell> &cells);
    CompareRun *run() const { return m_run; }
    const CompareSpec &spec() const { return m_spec; }

    // Display names of provider ids, for the headers of a provider axis.
    void setProviderNames(const QHash<QString, QString> &names);

    int panelCount() const { return m_spec.extent(2); }
    int panel() const { return m_panel; }
    void setPanel(int panel);

    // Where cell `cellIndex` is: its panel, and its index in this model when that panel is shown.
    int panelOf(int cellIndex) const;
    QModelIndex indexOfCell(int cellIndex) const; // invalid when on another panel
    int cellIndexAt(const QModelIndex &index) const; // -1 when invalid
    // Repaints the running cells (their elapsed time), e.g. once a second.
    void refreshRunning();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static Phase phaseOf(const CompareRun::Cell &cell);
    // "Queued", "Generating… 12 s", "$0.011 · 8.2 s", "Failed · 1.3 s": the caption under a cell.
    static QString caption(const CompareRun::Cell &cell, qint64 nowMs);

private:
    void onCellChanged(int cellIndex);
    const CompareRun::Cell *cellAt(int cellIndex) const; // the run's or the stored; or null
    QString toolTip(int cellIndex) const;

    CompareSpec m_spec;
    QList<CompareCell> m_cells; // of the spec, while nothing is shown
    QList<CompareRun::Cell> m_stored; // setCells()
    QPointer<CompareRun> m_run;
    QHash<QString, QString> m_providerNames;
    int m_panel = 0;
};
