#include "comparegrid.h"

#include "compare/comparespec.h"
#include "comparecelldelegate.h"
#include "comparegridmodel.h"
#include "image/imagecache.h"
#include "palettetint.h"
#include "viewpalette.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

CompareGrid::CompareGrid(ImageCache *cache, QWidget *parent)
    : QWidget(parent)
    , m_model(new CompareGridModel(this))
    , m_delegate(new CompareCellDelegate(cache, this))
    , m_view(new QTableView(this))
    , m_tabs(new QTabBar(this))
    , m_legend(new QLabel(this))
{
    m_legend->setObjectName(QStringLiteral("compareAxisLegend"));
    PaletteTint::apply(m_legend, ViewPalette::secondaryText); // follows a theme switch

    m_tabs->setObjectName(QStringLiteral("comparePanels"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->hide();
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int panel) {
        if (panel >= 0)
            m_model->setPanel(panel);
    });

    m_view->setObjectName(QStringLiteral("compareGridView"));
    m_view->setAccessibleName(tr("Compare grid"));
    m_view->setToolTip(tr("One cell per combination of the axes: a click or Enter opens its image, "
                          "Ctrl+click picks two to compare, right-click for more"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setShowGrid(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true);
    m_view->setCornerButtonEnabled(false);
    // One Tab stop: the arrow keys walk the cells, Tab leaves the grid (found by QA: Tab visited
    // every cell on the way to the next control).
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(true);
    for (QHeaderView *header : { m_view->horizontalHeader(), m_view->verticalHeader() }) {
        header->setSectionResizeMode(QHeaderView::Fixed);
        header->setHighlightSections(false);
        header->setSectionsClickable(false);
        header->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    }
    QFont headerFont = m_view->horizontalHeader()->font();
    headerFont.setBold(true);
    m_view->horizontalHeader()->setFont(headerFont);
    m_view->verticalHeader()->setFont(headerFont);
    m_view->horizontalHeader()->setMinimumHeight(m_view->fontMetrics().height() + 14);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int cell = m_model->cellIndexAt(m_view->indexAt(pos));
        if (cell < 0)
            return;
        if (!m_view->selectionModel()->isSelected(m_view->indexAt(pos)))
            selectCell(cell);
        Q_EMIT cellContextMenuRequested(cell, m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &CompareGrid::onModelReset);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CompareGrid::selectionChanged);
    if (cache) {
        // A decoded image: repaint what is in sight (a screenful of cells at most).
        connect(cache, &ImageCache::imageReady, m_view->viewport(),
                [this] { m_view->viewport()->update(); });
        connect(cache, &ImageCache::imageFailed, m_view->viewport(),
                [this] { m_view->viewport()->update(); });
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_legend);
    layout->addWidget(m_tabs);
    layout->addWidget(m_view, 1);
    applyCellSide();
}

CompareGrid::~CompareGrid() = default;

void CompareGrid::setSpec(const CompareSpec &spec)
{
    m_model->setSpec(spec);
}

void CompareGrid::setRun(CompareRun *run)
{
    m_model->setRun(run);
}

void CompareGrid::setCells(const CompareSpec &spec, const QList<CompareRun::Cell> &cells)
{
    m_model->setCells(spec, cells);
}

void CompareGrid::setProviderNames(const QHash<QString, QString> &names)
{
    m_model->setProviderNames(names);
    updateRowHeaderWidth();
    updateLegend();
}

int CompareGrid::cellSide() const
{
    return m_delegate->cellSide();
}

QSize CompareGrid::largestImagePixels() const
{
    const qreal side = maximumCellSide * m_view->viewport()->devicePixelRatioF();
    return QSizeF(side, side).toSize();
}

void CompareGrid::setCellSide(int side)
{
    m_fits = false;
    resizeCells(side);
}

void CompareGrid::setFitsCells(bool fits)
{
    m_fits = fits;
    fit();
}

void CompareGrid::resizeCells(int side)
{
    side = std::clamp(side, minimumCellSide, maximumCellSide);
    if (side == m_delegate->cellSide())
        return;
    m_delegate->setCellSide(side);
    applyCellSide();
    Q_EMIT cellSideChanged(side);
}

void CompareGrid::fit()
{
    if (m_fits)
        resizeCells(fittingCellSide());
}

void CompareGrid::updateRowHeaderWidth()
{
    // Room for the longest row label and some air; longer labels wrap.
    QHeaderView *header = m_view->verticalHeader();
    const QFontMetrics metrics(header->font());
    int widest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        widest = std::max(
            widest, metrics.horizontalAdvance(m_model->headerData(row, Qt::Vertical).toString()));
    header->setFixedWidth(std::clamp(widest + 32, 72, 220));
}

int CompareGrid::fittingCellSide() const
{
    const int columns = std::max(1, m_model->columnCount());
    const int rows = std::max(1, m_model->rowCount());
    const QHeaderView *top = m_view->horizontalHeader();
    const QHeaderView *left = m_view->verticalHeader();
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_view);
    const int width = m_view->width() - (left->isHidden() ? 0 : left->width()) - scrollBar - 2;
    const int height = m_view->height() - (top->isHidden() ? 0 : top->sizeHint().height()) - 2;
    const int chrome = 2 * CompareCellDelegate::margin;
    const int byWidth = width / columns - chrome;
    const int byHeight = height / rows - chrome - m_delegate->captionHeight(m_view->font());
    return std::clamp(std::min(byWidth, byHeight), 120, 360);
}

void CompareGrid::applyCellSide()
{
    const QSize cell = m_delegate->cellSize(m_view->font());
    m_view->horizontalHeader()->setDefaultSectionSize(cell.width());
    m_view->verticalHeader()->setDefaultSectionSize(cell.height());
    m_view->horizontalHeader()->setMinimumSectionSize(
        std::min(cell.width(), minimumCellSide)); // never clamps a cell
    m_view->verticalHeader()->setMinimumSectionSize(std::min(cell.height(), minimumCellSide));
    m_view->horizontalHeader()->resizeSections(QHeaderView::Fixed);
    m_view->verticalHeader()->resizeSections(QHeaderView::Fixed);
    m_view->viewport()->update();
}

QList<int> CompareGrid::selectedCells() const
{
    QList<int> cells;
    const QModelIndexList indexes = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : indexes)
        cells.append(m_model->cellIndexAt(index));
    std::sort(cells.begin(), cells.end());
    return cells;
}

void CompareGrid::selectCell(int cellIndex, bool add)
{
    showPanel(m_model->panelOf(cellIndex));
    const QModelIndex index = m_model->indexOfCell(cellIndex);
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(
        index, add ? QItemSelectionModel::Select : QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(index);
}

void CompareGrid::showPanel(int panel)
{
    if (panel != m_model->panel() && panel >= 0 && panel < m_tabs->count())
        m_tabs->setCurrentIndex(panel); // the model follows
}

QRect CompareGrid::cellRect(int cellIndex) const
{
    const QModelIndex index = m_model->indexOfCell(cellIndex);
    return index.isValid() ? m_view->visualRect(index) : QRect();
}

void CompareGrid::refreshRunning()
{
    m_model->refreshRunning();
}

void CompareGrid::onModelReset()
{
    const CompareSpec &spec = m_model->spec();
    m_view->horizontalHeader()->setVisible(!spec.axes.isEmpty());
    m_view->verticalHeader()->setVisible(spec.axes.size() >= 2);
    const int panels = m_model->panelCount();
    const bool hasPanels = spec.axes.size() >= 3;
    {
        const QSignalBlocker blocker(m_tabs);
        while (m_tabs->count() > 0)
            m_tabs->removeTab(0);
        if (hasPanels) {
            const CompareAxis &axis = spec.axes.at(2);
            for (int i = 0; i < panels; ++i)
                m_tabs->addTab(axis.values.value(i));
            m_tabs->setCurrentIndex(m_model->panel());
        }
    }
    m_tabs->setVisible(hasPanels);
    updateRowHeaderWidth();
    updateLegend();
    applyCellSide();
    fit();
}

void CompareGrid::updateLegend()
{
    const CompareSpec &spec = m_model->spec();
    static const char *const roles[]
        = { QT_TR_NOOP("Columns"), QT_TR_NOOP("Rows"), QT_TR_NOOP("Panels") };
    QStringList parts;
    for (int i = 0; i < spec.axes.size() && i < 3; ++i)
        parts << tr("%1: %2").arg(tr(roles[i]), spec.axes.at(i).displayName());
    m_legend->setText(parts.isEmpty() ? tr("One cell: no axes yet")
                                      : parts.join(QStringLiteral("   ·   ")));
}

bool CompareGrid::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseButtonPress) {
            auto *mouse = static_cast<QMouseEvent *>(event);
            m_pressedCell = mouse->button() == Qt::LeftButton
                ? m_model->cellIndexAt(m_view->indexAt(mouse->position().toPoint()))
                : -1;
        } else if (event->type() == QEvent::MouseButtonRelease) {
            auto *mouse = static_cast<QMouseEvent *>(event);
            const int cell = m_model->cellIndexAt(m_view->indexAt(mouse->position().toPoint()));
            const bool plain = !(mouse->modifiers()
                                 & (Qt::ControlModifier | Qt::ShiftModifier | Qt::MetaModifier));
            if (mouse->button() == Qt::LeftButton && plain && cell >= 0 && cell == m_pressedCell)
                Q_EMIT cellClicked(cell);
            m_pressedCell = -1;
        }
    } else if (watched == m_view && event->type() == QEvent::Resize) {
        fit(); // the tabs or the legend came or went, or the window was resized
    } else if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const int cell = m_model->cellIndexAt(m_view->currentIndex());
            if (cell >= 0) {
                Q_EMIT cellClicked(cell);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}
