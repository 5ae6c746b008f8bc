#include "comparerun.h"

#include "chat/imagedownloads.h"
#include "chat/turnassembler.h"

#include <QUuid>

#include <algorithm>

CompareRun::CompareRun(const TurnRunner::Context &context, ProviderLookup providers,
                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_providers(std::move(providers))
    , m_downloads(new ImageDownloads(context.network, context.imageRoot, this))
{
    connect(m_downloads, &ImageDownloads::finished, this,
            [this](const QString &turnId, const QString &itemId, const ImageAsset &result,
                   const QImage &) { onDownloaded(turnId, itemId, result); });
    connect(m_downloads, &ImageDownloads::progress, this,
            [this](const QString &turnId, const QString &itemId, qint64 received, qint64 total) {
                const int index = indexOfTurn(turnId);
                if (index < 0)
                    return;
                for (ImageAsset &image : m_cells[index].turn.images) {
                    if (image.itemId == itemId && image.state == ImageAsset::State::Pending) {
                        image.downloadedBytes = received;
                        image.downloadTotal = total;
                    }
                }
                Q_EMIT cellChanged(index);
            });
}

CompareRun::~CompareRun()
{
    m_downloads->cancelAll();
    for (const QPointer<TurnRunner> &runner : std::as_const(m_runners)) {
        if (runner)
            runner->disconnect(this);
    }
}

ApiFlavour CompareRun::routeFor(const ProviderProfile &provider)
{
    return provider.hasImagesEndpoint() ? ApiFlavour::Images : ApiFlavour::Responses;
}

GatewayRequest CompareRun::requestFor(const CompareCell &cell, const ProviderProfile &provider,
                                      ApiFlavour route, int imagesPerCell)
{
    GatewayRequest request;
    request.prompt = cell.prompt.trimmed();
    request.params = cell.params;
    // A provider axis sends one model name to gateways that name it differently
    // ("gpt-image-1" on OpenAI, "openai/gpt-image-1" on OpenRouter): each gets it in its naming.
    request.params.imageModel = provider.inOwnNaming(cell.params.imageModel, provider.imageModel);
    request.stream = true; // previews while the cell forms, and no timeout before the first byte
    request.toolType = provider.toolType;
    request.nestToolParameters = provider.nestToolParameters;
    if (route == ApiFlavour::Images) {
        request.imageCount = std::clamp(imagesPerCell, 1, 10);
    } else {
        // A chat model answers, but only to call the image tool: forced, and nothing kept on the
        // server (no follow-up turn will point at it).
        request.chatModel = cell.chatModel.isEmpty() ? provider.chatModel : cell.chatModel;
        request.params.imageOnly = true;
        request.store = false;
    }
    return request;
}

void CompareRun::start(const CompareSpec &spec, int concurrency)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_spec = spec;
    m_concurrency = std::max(1, concurrency);
    const QList<CompareCell> cells = spec.cells();
    for (const CompareCell &compareCell : cells) {
        Cell cell;
        cell.cell = compareCell;
        cell.turn.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        cell.turn.prompt = compareCell.prompt.trimmed();
        cell.turn.providerId = compareCell.providerId;
        cell.turn.requested = compareCell.params;
        m_cells.append(cell);
    }
    m_runners.resize(m_cells.size());
    startMore();
    if (isFinished()) // no cells, or none could be sent
        Q_EMIT finished();
}

void CompareRun::cancel()
{
    if (m_cancelled || isFinished())
        return;
    m_cancelled = true;
    // The queued cells first, so that no running cell's end starts one of them.
    for (int i = 0; i < m_cells.size(); ++i) {
        Cell &cell = m_cells[i];
        if (cell.state != CellState::Queued)
            continue;
        cell.state = CellState::Finished;
        cell.turn.status = Turn::Status::Cancelled;
        cell.turn.errorMessage = QStringLiteral("Not run: the comparison was cancelled.");
        cell.turn.durationMs = 0;
        Q_EMIT cellChanged(i);
    }
    for (const QPointer<TurnRunner> &runner : std::as_const(m_runners)) {
        if (runner)
            runner->cancel(); // its finished() ends the cell
    }
    // Images still downloading for cells whose stream had ended end as failed (with their link).
    m_downloads->cancelAll();
    for (int i = 0; i < m_cells.size(); ++i) {
        if (m_cells.at(i).state == CellState::Running && !m_runners.at(i)) {
            TurnAssembler::finishInterruptedImages(m_cells[i].turn);
            finishCellIfSettled(i);
        }
    }
    if (isFinished())
        Q_EMIT finished();
}

int CompareRun::runningCount() const
{
    return int(std::count_if(m_cells.cbegin(), m_cells.cend(),
                             [](const Cell &c) { return c.state == CellState::Running; }));
}

int CompareRun::finishedCount() const
{
    return int(std::count_if(m_cells.cbegin(), m_cells.cend(),
                             [](const Cell &c) { return c.state == CellState::Finished; }));
}

int CompareRun::failedCount() const
{
    return int(std::count_if(m_cells.cbegin(), m_cells.cend(), [](const Cell &c) {
        return c.state == CellState::Finished
            && (c.turn.status != Turn::Status::Done || c.turn.finalImageCount() == 0);
    }));
}

double CompareRun::totalCostUsd() const
{
    double total = 0;
    for (const Cell &cell : m_cells) {
        if (cell.state == CellState::Finished && cell.turn.cost.usd > 0)
            total += cell.turn.cost.usd;
    }
    return total;
}

void CompareRun::startMore()
{
    for (int i = 0; i < m_cells.size() && runningCount() < m_concurrency && !m_cancelled; ++i) {
        if (m_cells.at(i).state == CellState::Queued)
            startCell(i);
    }
}

void CompareRun::startCell(int index)
{
    Cell &cell = m_cells[index];
    cell.state = CellState::Running;
    cell.turn.startedAt = QDateTime::currentDateTime();
    const ProviderProfile provider = m_providers(cell.cell.providerId);
    QString refusal;
    if (provider.id.isEmpty())
        refusal = QStringLiteral("There is no provider \"%1\".").arg(cell.cell.providerId);
    else if (!provider.isUsable())
        refusal = QStringLiteral("%1 has no API key: set %2 or add the key in Settings > "
                                 "Providers.")
                      .arg(provider.displayName, provider.keyVariable);
    if (!refusal.isEmpty()) {
        TurnAssembler::finishFailed(cell.turn, refusal);
        cell.turn.durationMs = 0;
        cell.state = CellState::Finished;
        Q_EMIT cellChanged(index);
        return; // the caller's loop starts the next one
    }

    cell.route = routeFor(provider);
    const GatewayRequest request
        = requestFor(cell.cell, provider, cell.route, m_spec.imagesPerCell);
    cell.turn.chatModel = request.chatModel; // empty on the image endpoint: no chat model answers
    cell.turn.requested = request.params; // as sent, in the provider's naming
    auto *runner = new TurnRunner(m_context, provider, cell.route, this);
    m_runners[index] = runner;
    connect(runner, &TurnRunner::changed, this, [this, index] { onRunnerChanged(index); });
    connect(runner, &TurnRunner::finished, this, [this, index] { onRunnerFinished(index); });
    connect(runner, &TurnRunner::imageLinked, this,
            [this, index](const QString &itemId, const QUrl &url) {
                m_downloads->start(m_cells.at(index).turn.id, itemId, url.toString());
            });
    runner->start(cell.turn, request);
    Q_EMIT cellChanged(index);
}

void CompareRun::onRunnerChanged(int index)
{
    TurnRunner *runner = m_runners.at(index);
    if (!runner)
        return;
    // Downloads may already have settled images of the running turn: keep what they set.
    const QList<ImageAsset> downloaded = m_cells.at(index).turn.images;
    m_cells[index].turn = runner->turn();
    for (ImageAsset &image : m_cells[index].turn.images) {
        for (const ImageAsset &known : downloaded) {
            if (known.itemId == image.itemId && image.state == ImageAsset::State::Pending
                && known.state != ImageAsset::State::Pending)
                image = known;
        }
    }
    Q_EMIT cellChanged(index);
}

void CompareRun::onRunnerFinished(int index)
{
    onRunnerChanged(index);
    TurnRunner *runner = m_runners.at(index);
    m_runners[index] = nullptr;
    runner->deleteLater();
    if (m_cancelled) {
        m_downloads->cancelAll();
        TurnAssembler::finishInterruptedImages(m_cells[index].turn);
    }
    finishCellIfSettled(index);
    startMore();
    if (isFinished())
        Q_EMIT finished();
}

void CompareRun::onDownloaded(const QString &turnId, const QString &itemId,
                              const ImageAsset &result)
{
    const int index = indexOfTurn(turnId);
    if (index < 0)
        return;
    Turn &turn = m_cells[index].turn;
    for (ImageAsset &image : turn.images) {
        if (image.itemId != itemId)
            continue;
        const ImageReport report = image.report; // what the gateway said about it stays
        image = result;
        image.itemId = itemId;
        image.report = report;
    }
    if (!m_runners.at(index)) { // the stream has ended: the cost follows the images
        TurnRunner::updateCost(turn, m_providers(turn.providerId), *m_context.estimator);
        finishCellIfSettled(index);
        if (isFinished())
            Q_EMIT finished();
    }
    Q_EMIT cellChanged(index);
}

void CompareRun::finishCellIfSettled(int index)
{
    Cell &cell = m_cells[index];
    if (cell.state != CellState::Running || m_runners.at(index))
        return;
    const bool downloading = std::any_of(
        cell.turn.images.cbegin(), cell.turn.images.cend(), [&cell, this](const ImageAsset &i) {
            return i.state == ImageAsset::State::Pending
                && m_downloads->isDownloading(cell.turn.id, i.itemId);
        });
    if (downloading)
        return;
    cell.state = CellState::Finished;
    Q_EMIT cellChanged(index);
}

int CompareRun::indexOfTurn(const QString &turnId) const
{
    for (int i = 0; i < m_cells.size(); ++i) {
        if (m_cells.at(i).turn.id == turnId)
            return i;
    }
    return -1;
}
