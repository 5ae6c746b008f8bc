#include "comparegridmodel.h"

#include <QDateTime>
#include <QLocale>

namespace {

QString seconds(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 10000)
        return QStringLiteral("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    if (ms < 60000)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 min %2 s").arg(ms / 60000).arg((ms % 60000) / 1000);
}

QString costText(const Cost &cost)
{
    if (cost.basis == Cost::Basis::Demo)
        return CompareGridModel::tr("free");
    // As the chat shows it (four decimals below a dollar), an estimate marked as one: cells of
    // one grid are compared by eye (found by QA: "$0.0503" beside "$0.20", "estimated" unsaid).
    return cost.compact();
}

const ImageAsset *shownImage(const Turn &turn)
{
    for (const ImageAsset &image : turn.images) {
        if (image.state == ImageAsset::State::Final && !image.filePath.isEmpty())
            return &image;
    }
    for (const ImageAsset &image : turn.images) {
        if (image.state == ImageAsset::State::Partial && !image.filePath.isEmpty())
            return &image;
    }
    return nullptr;
}

} // namespace

CompareGridModel::CompareGridModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CompareGridModel::setSpec(const CompareSpec &spec)
{
    beginResetModel();
    if (m_run)
        m_run->disconnect(this);
    m_run = nullptr;
    m_stored.clear();
    m_spec = spec;
    m_cells = spec.cells();
    m_panel = std::clamp(m_panel, 0, panelCount() - 1);
    endResetModel();
}

void CompareGridModel::setRun(CompareRun *run)
{
    beginResetModel();
    if (m_run)
        m_run->disconnect(this);
    m_run = run;
    m_stored.clear();
    if (run) {
        m_spec = run->spec();
        m_cells.clear();
        connect(run, &CompareRun::cellChanged, this, &CompareGridModel::onCellChanged);
    }
    m_panel = std::clamp(m_panel, 0, panelCount() - 1);
    endResetModel();
}

void CompareGridModel::setCells(const CompareSpec &spec, const QList<CompareRun::Cell> &cells)
{
    beginResetModel();
    if (m_run)
        m_run->disconnect(this);
    m_run = nullptr;
    m_spec = spec;
    m_cells = spec.cells();
    m_stored = cells;
    m_panel = std::clamp(m_panel, 0, panelCount() - 1);
    endResetModel();
}

const CompareRun::Cell *CompareGridModel::cellAt(int cellIndex) const
{
    if (m_run)
        return cellIndex >= 0 && cellIndex < m_run->cells().size() ? &m_run->cell(cellIndex)
                                                                   : nullptr;
    return cellIndex >= 0 && cellIndex < m_stored.size() ? &m_stored.at(cellIndex) : nullptr;
}

void CompareGridModel::setProviderNames(const QHash<QString, QString> &names)
{
    m_providerNames = names;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, std::max(0, columnCount() - 1));
    Q_EMIT headerDataChanged(Qt::Vertical, 0, std::max(0, rowCount() - 1));
}

void CompareGridModel::setPanel(int panel)
{
    panel = std::clamp(panel, 0, panelCount() - 1);
    if (panel == m_panel)
        return;
    beginResetModel();
    m_panel = panel;
    endResetModel();
}

int CompareGridModel::panelOf(int cellIndex) const
{
    const int perPanel = m_spec.extent(0) * m_spec.extent(1);
    return perPanel > 0 ? cellIndex / perPanel : 0;
}

QModelIndex CompareGridModel::indexOfCell(int cellIndex) const
{
    if (cellIndex < 0 || cellIndex >= m_spec.cellCount() || panelOf(cellIndex) != m_panel)
        return {};
    const int columns = m_spec.extent(0);
    const int inPanel = cellIndex % (columns * m_spec.extent(1));
    return index(inPanel / columns, inPanel % columns);
}

int CompareGridModel::cellIndexAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    // Axis 0 varies fastest (CompareSpec::cells): c0 + n0 * (c1 + n1 * c2).
    return index.column() + m_spec.extent(0) * (index.row() + m_spec.extent(1) * m_panel);
}

void CompareGridModel::refreshRunning()
{
    if (!m_run)
        return;
    const QList<CompareRun::Cell> &cells = m_run->cells();
    for (int i = 0; i < cells.size(); ++i) {
        if (cells.at(i).state == CompareRun::CellState::Running)
            onCellChanged(i);
    }
}

int CompareGridModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_spec.extent(1);
}

int CompareGridModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_spec.extent(0);
}

CompareGridModel::Phase CompareGridModel::phaseOf(const CompareRun::Cell &cell)
{
    switch (cell.state) {
    case CompareRun::CellState::Queued:
        return Phase::Queued;
    case CompareRun::CellState::Running:
        return Phase::Running;
    case CompareRun::CellState::Finished:
        break;
    }
    // Cancelled, with the images that came before the stop if any (they are shown).
    if (cell.turn.status == Turn::Status::Cancelled)
        return Phase::Cancelled;
    if (cell.turn.status == Turn::Status::Done && cell.turn.finalImageCount() > 0)
        return Phase::Done;
    return Phase::Failed;
}

QString CompareGridModel::caption(const CompareRun::Cell &cell, qint64 nowMs)
{
    const Turn &turn = cell.turn;
    switch (phaseOf(cell)) {
    case Phase::NotRun:
        return tr("Not run");
    case Phase::Queued:
        return tr("Queued");
    case Phase::Running: {
        const qint64 elapsed
            = turn.startedAt.isValid() ? nowMs - turn.startedAt.toMSecsSinceEpoch() : 0;
        return tr("Generating… %1 s").arg(std::max<qint64>(0, elapsed / 1000));
    }
    case Phase::Done:
        return costText(turn.cost) + QStringLiteral(" · ") + seconds(turn.durationMs);
    case Phase::Failed:
        return turn.durationMs > 0 ? tr("Failed · %1").arg(seconds(turn.durationMs)) : tr("Failed");
    case Phase::Cancelled:
        if (const int images = turn.finalImageCount(); images > 0)
            return tr("Cancelled · %n image(s)", nullptr, images) + QStringLiteral(" · ")
                + seconds(turn.durationMs);
        return tr("Cancelled");
    }
    return {};
}

QVariant CompareGridModel::data(const QModelIndex &index, int role) const
{
    const int cellIndex = cellIndexAt(index);
    if (cellIndex < 0 || cellIndex >= m_spec.cellCount())
        return {};
    if (role == CellIndexRole)
        return cellIndex;
    const CompareRun::Cell *shown = cellAt(cellIndex);
    if (!shown) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("Not run");
        case PhaseRole:
            return int(Phase::NotRun);
        case Qt::ToolTipRole:
            return m_cells.value(cellIndex).label();
        default:
            return {};
        }
    }
    const CompareRun::Cell &cell = *shown;
    const ImageAsset *image = shownImage(cell.turn);
    switch (role) {
    case Qt::DisplayRole:
        return caption(cell, QDateTime::currentMSecsSinceEpoch());
    case Qt::ToolTipRole:
        return toolTip(cellIndex);
    case PhaseRole:
        return int(phaseOf(cell));
    case ImagePathRole:
        return image ? image->filePath : QString();
    case ImageSizeRole:
        return image ? image->pixelSize : QSize();
    case IsPreviewRole:
        return image && image->state == ImageAsset::State::Partial;
    case MoreImagesRole:
        return std::max(0, cell.turn.finalImageCount() - 1);
    case ErrorRole: {
        const Phase phase = phaseOf(cell);
        if (phase == Phase::Failed && cell.turn.errorMessage.isEmpty())
            return tr("No image came back.");
        return phase == Phase::Done && cell.turn.finalImageCount() > 0 ? QString()
                                                                       : cell.turn.errorMessage;
    }
    case ElapsedRole:
        if (cell.turn.durationMs >= 0)
            return cell.turn.durationMs;
        return cell.turn.startedAt.isValid()
            ? QDateTime::currentMSecsSinceEpoch() - cell.turn.startedAt.toMSecsSinceEpoch()
            : qint64(0);
    default:
        return {};
    }
}

QString CompareGridModel::toolTip(int cellIndex) const
{
    const CompareRun::Cell &cell = *cellAt(cellIndex);
    const Turn &turn = cell.turn;
    QStringList lines;
    if (!cell.cell.label().isEmpty())
        lines << cell.cell.label();
    const ImageParams &p = cell.cell.params;
    lines << tr("Asked: %1, quality %2, size %3, %4")
                 .arg(p.imageModel, p.quality, p.effectiveSize(), p.outputFormat);
    for (const ImageAsset &image : turn.images) {
        if (image.state != ImageAsset::State::Final)
            continue;
        if (!image.report.size.isEmpty() || !image.report.quality.isEmpty())
            lines << tr("Made: quality %1, size %2")
                         .arg(image.report.quality.isEmpty() ? tr("not said")
                                                             : image.report.quality,
                              image.report.size.isEmpty() ? tr("not said") : image.report.size);
        if (!image.report.revisedPrompt.isEmpty())
            lines << tr("Revised prompt: %1").arg(image.report.revisedPrompt);
        break;
    }
    if (cell.state == CompareRun::CellState::Finished) {
        const Usage &u = turn.usage;
        const qint64 tokens = u.inputTokens + u.outputTokens + u.imageInputTextTokens
            + u.imageInputImageTokens + u.imageOutputTokens;
        lines << tr("%1 · %2 tokens · %3")
                     .arg(turn.cost.formatted(), QLocale().toString(tokens),
                          seconds(turn.durationMs));
    }
    if (!turn.errorMessage.isEmpty())
        lines << turn.errorMessage;
    return lines.join(QLatin1Char('\n'));
}

QVariant CompareGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const int axis = orientation == Qt::Horizontal ? 0 : 1;
    if (axis >= m_spec.axes.size())
        return {};
    const CompareAxis &compareAxis = m_spec.axes.at(axis);
    const QString value = compareAxis.values.value(section);
    if (role == Qt::ToolTipRole)
        return QString(compareAxis.displayName() + QStringLiteral(": ") + value);
    if (compareAxis.parameter == CompareAxis::Parameter::Provider)
        return m_providerNames.value(value, value); // the name the designer knows
    if (compareAxis.parameter == CompareAxis::Parameter::Prompt && value.size() > 60)
        return QString(value.left(58).trimmed() + QStringLiteral("…")); // in full in the tool tip
    return value;
}

void CompareGridModel::onCellChanged(int cellIndex)
{
    const QModelIndex index = indexOfCell(cellIndex);
    if (index.isValid())
        Q_EMIT dataChanged(index, index);
}
