#include "comparewindow.h"

#include "chat/providerregistry.h"
#include "compare/compareestimate.h"
#include "comparecellactions.h"
#include "compareexporter.h"
#include "comparegrid.h"
#include "comparegridmodel.h"
#include "comparereferencepicker.h"
#include "comparesetuppanel.h"
#include "image/imagecache.h"
#include "imagesaver.h"
#include "imageviewer.h"
#include "messageboxes.h"
#include "pricing/costestimator.h"
#include "store/historystore.h"
#include "store/settings.h"
#include "toplevelwindow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QThread>
#include <QVBoxLayout>

CompareWindow::CompareWindow(const TurnRunner::Context &context, ProviderRegistry *registry,
                             Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_registry(registry)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("compareWindow"));
    setWindowTitle(tr("Compare — Easel"));
    resizeToFitScreen(this, QSize(1480, 920));
    addCloseAction(this);

    if (!m_context.network)
        m_context.network = new QNetworkAccessManager(this);
    if (!m_context.estimator) {
        m_ownEstimator = std::make_unique<CostEstimator>();
        m_context.estimator = m_ownEstimator.get();
    }
    if (!m_context.streamThread) {
        m_ownThread = std::make_unique<QThread>();
        m_ownThread->setObjectName(QStringLiteral("easel-compare-stream"));
        m_ownThread->start();
        m_context.streamThread = m_ownThread.get();
    }
    if (!m_context.imageCache)
        m_context.imageCache = new ImageCache(this);

    m_setup = new CompareSetupPanel(registry, m_context.estimator, settings, this);
    m_setup->setImageCache(m_context.imageCache);
    m_grid = new CompareGrid(m_context.imageCache, this);
    m_saver = new ImageSaver(this, settings);
    m_exporter = new CompareExporter(this);
    m_actions = new CompareCellActions(this, m_saver,
                                       [this](int cellIndex) { return cellAt(cellIndex); });
    m_progress = new QLabel(this);
    m_compareTwo = new QPushButton(tr("Compare These Two"), this);
    m_exportGrid = new QPushButton(tr("Export Grid…"), this);
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_cellSize = new QSlider(Qt::Horizontal, this);

    auto *setupScroll = new QScrollArea(this);
    setupScroll->setWidget(m_setup);
    setupScroll->setWidgetResizable(true);
    setupScroll->setFrameShape(QFrame::NoFrame);
    setupScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setupScroll->setMinimumWidth(340);
    setupScroll->setFocusPolicy(Qt::NoFocus); // an invisible Tab stop otherwise (found by QA)

    auto *results = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(12, 12, 12, 6);
    resultsLayout->setSpacing(8);
    buildResultsBar(results);
    resultsLayout->addWidget(m_grid, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("compareSplitter"));
    splitter->addWidget(setupScroll);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 380, 1100 });
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    if (m_registry) {
        connect(m_registry, &ProviderRegistry::profilesChanged, m_setup,
                &CompareSetupPanel::refreshProviders);
        QHash<QString, QString> names;
        for (const QString &id : m_registry->ids())
            names.insert(id, m_registry->stored(id).displayName);
        m_grid->setProviderNames(names);
    }
    connect(m_setup, &CompareSetupPanel::runRequested, this, &CompareWindow::startRun);
    connect(m_setup, &CompareSetupPanel::cancelRequested, this, &CompareWindow::cancelRun);
    connect(m_setup->references(), &CompareReferencePicker::refused, statusBar(),
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_setup, &CompareSetupPanel::specChanged, this, [this] {
        // Until there are results, the grid shows the shape the next run will have.
        if (!m_run && m_storedCells.isEmpty())
            m_grid->setSpec(m_setup->spec());
        else
            updateProgress();
    });
    connect(m_grid, &CompareGrid::cellClicked, this, &CompareWindow::openCell);
    connect(m_grid, &CompareGrid::cellContextMenuRequested, this, &CompareWindow::showCellMenu);
    connect(m_grid, &CompareGrid::selectionChanged, this, &CompareWindow::updateActions);
    connect(m_saver, &ImageSaver::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_exporter, &CompareExporter::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_actions, &CompareCellActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_actions, &CompareCellActions::useSettingsRequested, this,
            &CompareWindow::useSettingsRequested);
    connect(m_actions, &CompareCellActions::continueInChatRequested, this,
            &CompareWindow::continueInChatRequested);
    connect(m_actions, &CompareCellActions::pairRequested, this, &CompareWindow::pairRequested);
    connect(m_exporter, &CompareExporter::exported, this, &CompareWindow::exported);
    connect(m_exporter, &CompareExporter::exportFailed, this, &CompareWindow::exportFailed);
    connect(m_exporter, &CompareExporter::drawingChanged, this, &CompareWindow::updateActions);

    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, m_grid, &CompareGrid::refreshRunning);
    m_grid->setSpec(m_setup->spec());
    updateProgress();
    updateActions();
}

CompareWindow::~CompareWindow()
{
    // The run's turn runners hand their streams back to the stream thread: they go first.
    delete m_run.data();
    if (m_ownThread) {
        m_ownThread->quit();
        m_ownThread->wait();
    }
}

void CompareWindow::buildResultsBar(QWidget *results)
{
    m_progress->setObjectName(QStringLiteral("compareProgress"));
    QFont font = m_progress->font();
    font.setBold(true);
    m_progress->setFont(font);

    m_compareTwo->setObjectName(QStringLiteral("compareTwoButton"));
    m_compareTwo->setToolTip(tr("Select two cells with Ctrl+click to see them side by side"));
    connect(m_compareTwo, &QPushButton::clicked, this, [this] {
        const QList<int> cells = m_grid->selectedCells();
        if (cells.size() == 2)
            compareCells(cells.at(0), cells.at(1));
    });
    m_exportGrid->setObjectName(QStringLiteral("exportGridButton"));
    m_exportGrid->setToolTip(tr("Save the grid as one PNG contact sheet with its labels"));
    connect(m_exportGrid, &QPushButton::clicked, this, &CompareWindow::exportGrid);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportCsv->setToolTip(tr("Save one row per cell: axis values, settings, time, tokens, "
                               "cost, file"));
    connect(m_exportCsv, &QPushButton::clicked, this, &CompareWindow::exportCsv);

    m_cellSize->setObjectName(QStringLiteral("compareCellSize"));
    m_cellSize->setRange(CompareGrid::minimumCellSide, CompareGrid::maximumCellSide);
    m_cellSize->setValue(m_grid->cellSide());
    m_cellSize->setFixedWidth(140);
    m_cellSize->setToolTip(tr("How large the grid's cells are shown on screen"));
    m_cellSize->setAccessibleName(tr("Cell size"));
    connect(m_cellSize, &QSlider::valueChanged, m_grid, &CompareGrid::setCellSide);
    connect(m_grid, &CompareGrid::cellSideChanged, m_cellSize, [this](int side) {
        const QSignalBlocker blocker(m_cellSize); // fitting is not the designer's choice
        m_cellSize->setValue(side);
    });

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_progress, 1);
    auto *sizeLabel = new QLabel(tr("Size"), results);
    bar->addWidget(sizeLabel);
    bar->addWidget(m_cellSize);
    bar->addSpacing(12);
    bar->addWidget(m_compareTwo);
    bar->addWidget(m_exportGrid);
    bar->addWidget(m_exportCsv);
    static_cast<QVBoxLayout *>(results->layout())->addLayout(bar);
}

void CompareWindow::prepare(const QString &prompt, const QString &providerId,
                            const QString &chatModel, const ImageParams &params)
{
    if (isRunning())
        return;
    if (!prompt.trimmed().isEmpty())
        m_setup->setPrompt(prompt);
    m_setup->setProviderId(providerId);
    m_setup->setChatModel(providerId, chatModel);
    m_setup->setBaseParams(params);
}

namespace {

struct Tally
{
    int done = 0; // finished with their images
    int failed = 0;
    int cancelled = 0; // with or without the images that came before the stop
    double usd = 0;
    bool allFree = true;
};

// As CompareRun counts them, for a live run and a stored one alike.
Tally tally(const QList<CompareRun::Cell> &cells)
{
    Tally t;
    for (const CompareRun::Cell &cell : cells) {
        if (cell.state != CompareRun::CellState::Finished)
            continue;
        const bool made = cell.turn.status == Turn::Status::Done && cell.turn.finalImageCount() > 0;
        if (made)
            ++t.done;
        else if (cell.turn.status == Turn::Status::Cancelled)
            ++t.cancelled;
        else
            ++t.failed;
        if (cell.turn.cost.usd > 0)
            t.usd += cell.turn.cost.usd;
        if (made && cell.turn.cost.basis != Cost::Basis::Demo)
            t.allFree = false;
    }
    return t;
}

} // namespace

void CompareWindow::setHistoryStore(HistoryStore *store)
{
    m_history = store;
}

bool CompareWindow::showStoredRun(const CompareHistory::StoredRun &run)
{
    if (isRunning())
        return false;
    dropRun();
    m_storedSpec = run.spec;
    m_storedId = run.conversationId;
    m_storedCells.clear();
    const QList<CompareCell> cells = run.spec.cells();
    for (int i = 0; i < cells.size(); ++i) {
        CompareRun::Cell cell;
        cell.cell = cells.at(i);
        cell.state = CompareRun::CellState::Finished;
        cell.turn = run.cells.value(i);
        m_storedCells.append(cell);
    }
    m_setup->setSpec(run.spec); // ready to run again
    m_grid->setCells(m_storedSpec, m_storedCells);
    updateProgress();
    updateActions();
    return true;
}

void CompareWindow::dropRun()
{
    if (m_run)
        m_run->deleteLater();
    m_run = nullptr;
    m_storedCells.clear();
    m_storedSpec = CompareSpec();
    m_storedId.clear();
}

const CompareSpec &CompareWindow::shownSpec() const
{
    return m_run ? m_run->spec() : m_storedSpec;
}

QList<CompareRun::Cell> CompareWindow::shownCells() const
{
    return m_run ? m_run->cells() : m_storedCells;
}

const CompareRun::Cell *CompareWindow::cellAt(int cellIndex) const
{
    const QList<CompareRun::Cell> &cells = m_run ? m_run->cells() : m_storedCells;
    return cellIndex >= 0 && cellIndex < cells.size() ? &cells.at(cellIndex) : nullptr;
}

bool CompareWindow::isRunning() const
{
    return m_run && !m_run->isFinished();
}

bool CompareWindow::startRun()
{
    if (isRunning() || !m_setup->problem().isEmpty())
        return false;
    const CompareSpec spec = m_setup->spec();
    // A reference image moved or deleted since it was added is refused here, before the cost
    // question and without a run in the history; what only reading it shows (a damaged file)
    // is found when the run prepares the images, still before anything is sent.
    const QString gone = m_setup->references()->recheck();
    if (!gone.isEmpty()) {
        m_setup->references()->showError(gone);
        statusBar()->showMessage(gone);
        return false;
    }
    const CompareEstimate estimate = m_setup->estimate();
    if (estimate.needsConfirmation()) {
        QString question = estimate.summary();
        if (estimate.exceedsLimit)
            question += QLatin1Char('\n')
                + tr("That is above your limit of %1.")
                      .arg(CompareEstimate::formatUsd(estimate.limitUsd));
        question += QLatin1Char('\n') + tr("Run all %1 cells?").arg(estimate.cells);
        if (!MessageBoxes::confirm(this, tr("Run this comparison?"), question, tr("Run")))
            return false;
    }

    dropRun();
    // New images are decoded to fit the largest cell (on this screen), not at their full size.
    m_context.decodeBox = m_grid->largestImagePixels();
    ProviderRegistry *registry = m_registry;
    m_run = new CompareRun(
        m_context,
        [registry](const QString &id) {
            return registry ? registry->profile(id) : ProviderProfile();
        },
        this);
    connect(m_run, &CompareRun::cellChanged, this, [this] {
        updateProgress();
        updateActions();
    });
    connect(m_run, &CompareRun::finished, this, &CompareWindow::onRunFinished);
    connect(m_run, &CompareRun::referencesPrepared, this, [this, run = m_run.data()] {
        if (run == m_run) // not a dropped run's, whose deletion is still to come
            onReferencesPrepared();
    });
    if (m_history)
        new CompareHistory(m_history, m_run, m_run); // saves each cell as it changes
    m_setup->setRunning(true);
    Q_EMIT runStarted(m_run);
    const int concurrency = m_settings ? m_settings->value(Settings::compareConcurrency)
                                       : CompareRun::defaultConcurrency;
    // The grid is given the run once it has its cells; a run whose every cell is refused at
    // once (no key) finishes inside start(), and is reported once start() has returned.
    m_starting = true;
    m_run->start(spec, std::max(1, concurrency));
    m_starting = false;
    if (m_run->isPreparingReferences())
        m_setup->references()->showNote(tr("Preparing reference images…"));
    m_grid->setRun(m_run);
    if (m_run->isFinished()) {
        onRunFinished();
    } else {
        m_ticker.start();
        updateProgress();
        updateActions();
    }
    return true;
}

void CompareWindow::cancelRun()
{
    if (isRunning())
        m_run->cancel();
}

void CompareWindow::onReferencesPrepared()
{
    CompareReferencePicker *picker = m_setup->references();
    const CompareRun::References &references = m_run->references();
    if (m_run->wasCancelled()) {
        picker->clearStatus(); // nothing was sent with them
    } else if (!references.ok()) {
        // Every cell fails with this, and nothing goes out: said where the images are.
        picker->showError(references.error);
        statusBar()->showMessage(references.error);
    } else if (!references.notes.isEmpty()) {
        const QString text
            = tr("Reference images: %1.").arg(references.notes.join(QStringLiteral("; ")));
        picker->showNote(text);
        statusBar()->showMessage(text);
    } else {
        picker->clearStatus();
    }
    updateProgress();
}

void CompareWindow::onRunFinished()
{
    if (m_starting)
        return; // startRun() reports it
    if (m_run->wasCancelled() && m_run->isPreparingReferences())
        m_setup->references()->clearStatus(); // cancelled before the images were ready
    m_ticker.stop();
    m_setup->setRunning(false);
    updateProgress();
    updateActions();
    Q_EMIT runFinished(m_run);
}

QString CompareWindow::progressText() const
{
    if (!m_run && m_storedCells.isEmpty())
        return tr("Nothing run yet: the grid shows the cells a run will make.");
    if (isRunning() && m_run->isPreparingReferences())
        return tr("Preparing reference images…");
    if (m_run && !m_run->references().ok())
        return tr("Nothing was sent: %1").arg(m_run->references().error);
    const QList<CompareRun::Cell> cells = shownCells();
    const Tally t = tally(cells);
    const QString cost = t.allFree ? tr("free") : CompareEstimate::formatUsd(t.usd);
    QString text = tr("%1 of %2 done").arg(t.done).arg(cells.size());
    text += QStringLiteral(" · ") + (isRunning() && !t.allFree ? tr("%1 so far").arg(cost) : cost);
    if (t.failed > 0)
        text += QStringLiteral(" · ") + tr("%1 failed").arg(t.failed);
    if (t.cancelled > 0)
        text += QStringLiteral(" · ") + tr("%1 cancelled").arg(t.cancelled);
    if (m_run && m_run->wasCancelled())
        text = tr("Cancelled: ") + text;
    if (!m_run)
        text = tr("From the history: ") + text;
    if (!isRunning() && m_setup->spec() != shownSpec())
        text += QStringLiteral(" · ") + tr("the setup has changed: Run makes a new grid");
    return text;
}

void CompareWindow::updateProgress()
{
    m_progress->setText(progressText());
}

void CompareWindow::updateActions()
{
    const bool results = m_run || !m_storedCells.isEmpty();
    m_compareTwo->setEnabled(results && m_grid->selectedCells().size() == 2);
    const QList<CompareRun::Cell> cells = shownCells();
    const bool anyImage
        = std::any_of(cells.cbegin(), cells.cend(),
                      [](const CompareRun::Cell &cell) { return cell.turn.finalImageCount() > 0; });
    m_exportGrid->setEnabled(anyImage && !isRunning() && !m_exporter->isDrawing());
    m_exportCsv->setEnabled(results && !isRunning());
}

ImageViewer *CompareWindow::openCell(int cellIndex)
{
    return m_actions->open(cellIndex);
}

void CompareWindow::compareCells(int first, int second)
{
    m_actions->comparePair(first, second);
}

QMenu *CompareWindow::createContextMenu(int cellIndex)
{
    return m_actions->createMenu(cellIndex, m_grid->selectedCells());
}

void CompareWindow::showCellMenu(int cellIndex, const QPoint &globalPos)
{
    QMenu *menu = createContextMenu(cellIndex);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

ImageViewer *CompareWindow::lastViewer() const
{
    return m_actions->lastViewer();
}

ImagePairDialog *CompareWindow::lastPairDialog() const
{
    return m_actions->lastPairDialog();
}

void CompareWindow::exportCsv()
{
    if (m_run || !m_storedCells.isEmpty())
        m_exporter->exportCsv(shownSpec(), shownCells());
}

void CompareWindow::exportGrid()
{
    if (m_run || !m_storedCells.isEmpty())
        m_exporter->exportGrid(shownSpec(), shownCells());
}

ImageCache *CompareWindow::imageCache() const
{
    return m_context.imageCache;
}
