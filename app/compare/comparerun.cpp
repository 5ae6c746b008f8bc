#include "comparerun.h"

#include "chat/imagedownloads.h"
#include "chat/turnassembler.h"
#include "model/imagesniff.h"

#include <QFile>
#include <QFutureWatcher>
#include <QHash>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

// A reference image as the cell's turn keeps it: the file and its type (from its first bytes, as
// the composer takes it), so that the window can show what the cell was sent with.
Attachment attachmentFor(const QString &path)
{
    QFile file(path);
    QString mimeType;
    if (file.open(QIODevice::ReadOnly))
        mimeType = ImageSniff::mimeType(file.read(ImageSniff::bytesNeeded));
    return { path, mimeType };
}

// A cell with the provider it names. Cells whose provider the lookup does not know are left out
// (the run refuses them on its own); each provider is looked up once, however many cells name it.
struct CellWithProvider
{
    CompareCell cell;
    ProviderProfile provider;
};

QList<CellWithProvider> cellsWithKnownProviders(const CompareSpec &spec,
                                                const CompareRun::ProviderLookup &providers)
{
    QList<CellWithProvider> result;
    QHash<QString, ProviderProfile> known;
    for (const CompareCell &cell : spec.cells()) {
        auto found = known.constFind(cell.providerId);
        if (found == known.cend())
            found = known.insert(cell.providerId, providers(cell.providerId));
        if (!found->id.isEmpty())
            result.append({ cell, *found });
    }
    return result;
}

} // namespace

const PreparedReferences *CompareRun::References::find(const ReferenceLimits &forLimits) const
{
    for (qsizetype i = 0; i < limits.size() && i < prepared.size(); ++i) {
        if (sameLimits(limits.at(i), forLimits))
            return &prepared.at(i);
    }
    return nullptr;
}

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

ApiFlavour CompareRun::routeFor(const ProviderProfile &provider, bool withReferences)
{
    if (!withReferences)
        return provider.hasImagesEndpoint() ? ApiFlavour::Images : ApiFlavour::Responses;
    // Only the image tool takes input images (and only the Responses tool a mask): a provider
    // that does not speak Responses gets them in its own flavour, whose refusal then says why.
    if (provider.supports(ApiFlavour::Responses))
        return ApiFlavour::Responses;
    return provider.flavour;
}

bool CompareRun::sameLimits(const ReferenceLimits &a, const ReferenceLimits &b)
{
    return a.providerName == b.providerName && a.maxCount == b.maxCount
        && a.maxImageBytes == b.maxImageBytes && a.maxTotalBytes == b.maxTotalBytes
        && a.maxEdge == b.maxEdge;
}

QList<ReferenceLimits> CompareRun::referenceLimitsFor(const CompareSpec &spec,
                                                      const ProviderLookup &providers)
{
    QList<ReferenceLimits> result;
    if (spec.referenceImages.isEmpty() || !providers)
        return result;
    for (const auto &[cell, provider] : cellsWithKnownProviders(spec, providers)) {
        const ReferenceLimits limits = provider.referenceLimits(cell.params.imageModel);
        const bool seen
            = std::any_of(result.cbegin(), result.cend(), [&limits](const ReferenceLimits &other) {
                  return sameLimits(limits, other);
              });
        if (!seen)
            result.append(limits);
    }
    return result;
}

QString CompareRun::referencesRefusal(const CompareSpec &spec, const ProviderLookup &providers)
{
    if (spec.referenceImages.isEmpty() || !providers)
        return {};
    const qsizetype count = spec.referenceImages.size();
    const QList<CellWithProvider> cells = cellsWithKnownProviders(spec, providers);
    int refused = 0;
    QString routeRefusal;
    for (const auto &[cell, provider] : cells) {
        const ReferenceLimits limits = provider.referenceLimits(cell.params.imageModel);
        if (count > limits.maxCount)
            return tr("%1 takes at most %n reference image(s) per cell; %2 are added. Remove %3 "
                      "to run.",
                      nullptr, limits.maxCount)
                .arg(limits.providerName)
                .arg(count)
                .arg(count - limits.maxCount);
        const ApiFlavour route = routeFor(provider, true);
        const QString refusal = ApiFlavours::editRefusal(route, true, !spec.maskPath.isEmpty());
        if (refusal.isEmpty())
            continue;
        ++refused;
        if (!routeRefusal.isEmpty())
            continue;
        routeRefusal = route == ApiFlavour::Images
            ? tr("%1 sends only to its direct image endpoint, which takes no reference images: "
                 "remove them, or choose a provider that speaks the Responses API.")
                  .arg(provider.displayName)
            : tr("%1: %2").arg(provider.displayName, refusal);
    }
    return !cells.isEmpty() && refused == cells.size() ? routeRefusal : QString();
}

CompareRun::References CompareRun::prepareReferences(const CompareSpec &spec,
                                                     const QList<ReferenceLimits> &limits)
{
    References references;
    if (spec.referenceImages.isEmpty())
        return references;
    for (const ReferenceLimits &forLimits : limits) {
        const PreparedReferences prepared
            = ReferenceImages::prepare(spec.referenceImages, spec.maskPath, forLimits);
        references.limits.append(forLimits);
        references.prepared.append(prepared);
        if (references.error.isEmpty() && !prepared.ok())
            references.error = prepared.error;
        for (const QString &note : prepared.notes) {
            if (!references.notes.contains(note))
                references.notes.append(note);
        }
    }
    return references;
}

GatewayRequest CompareRun::requestFor(const CompareCell &cell, const ProviderProfile &provider,
                                      ApiFlavour route, int imagesPerCell,
                                      const PreparedReferences &references)
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
    for (const PreparedImage &image : references.images)
        request.images.append({ image.bytes, image.mimeType });
    if (!references.mask.isNull()) {
        request.mask = { references.mask.bytes, references.mask.mimeType };
        request.params.action = QStringLiteral("edit"); // what the builder sends with a mask
    }
    return request;
}

void CompareRun::start(const CompareSpec &spec, int concurrency,
                       const std::optional<References> &prepared)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_spec = spec;
    m_concurrency = std::max(1, concurrency);
    QList<Attachment> attachments;
    for (const QString &path : spec.referenceImages)
        attachments.append(attachmentFor(path));
    const QList<CompareCell> cells = spec.cells();
    for (const CompareCell &compareCell : cells) {
        Cell cell;
        cell.cell = compareCell;
        cell.turn.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        cell.turn.prompt = compareCell.prompt.trimmed();
        cell.turn.attachments = attachments;
        cell.turn.maskPath = spec.maskPath;
        cell.turn.providerId = compareCell.providerId;
        cell.turn.requested = compareCell.params;
        m_cells.append(cell);
    }
    m_runners.resize(m_cells.size());
    if (!spec.referenceImages.isEmpty()) {
        if (prepared) {
            onReferencesPrepared(*prepared);
        } else {
            const QList<ReferenceLimits> limits = referenceLimitsFor(spec, m_providers);
            prepareReferencesAsync(limits);
        }
        return;
    }
    startMore();
    if (isFinished()) // no cells, or none could be sent
        Q_EMIT finished();
}

void CompareRun::prepareReferencesAsync(const QList<ReferenceLimits> &limits)
{
    // Reading and scaling a 40 MB photo must not stall the window: on the thread pool, once for
    // all the cells that share limits. The watcher goes with the run; a preparation still going
    // when the run is deleted finishes unwatched.
    auto *watcher = new QFutureWatcher<References>(this);
    m_preparing = watcher;
    connect(watcher, &QFutureWatcher<References>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_preparing != watcher)
            return;
        m_preparing = nullptr;
        onReferencesPrepared(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(
        [spec = m_spec, limits] { return CompareRun::prepareReferences(spec, limits); }));
}

void CompareRun::onReferencesPrepared(const References &references)
{
    m_references = references;
    Q_EMIT referencesPrepared();
    if (m_cancelled) // the queued cells ended with the cancel
        return;
    if (!references.ok()) {
        // The designer's files cannot be sent: no cell goes out, each says why.
        for (int i = 0; i < m_cells.size(); ++i) {
            Cell &cell = m_cells[i];
            if (cell.state != CellState::Queued)
                continue;
            TurnAssembler::finishFailed(cell.turn, references.error);
            cell.turn.startedAt = QDateTime::currentDateTime();
            cell.turn.durationMs = 0;
            cell.state = CellState::Finished;
            Q_EMIT cellChanged(i);
        }
    } else {
        startMore();
    }
    if (isFinished())
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
        cell.turn.errorMessage = tr("Not run: the comparison was cancelled.");
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
    const bool withReferences = !m_spec.referenceImages.isEmpty();
    cell.route = routeFor(provider, withReferences);
    const PreparedReferences *references = nullptr;
    QString refusal;
    if (provider.id.isEmpty())
        refusal = tr("There is no provider \"%1\".").arg(cell.cell.providerId);
    else if (!provider.isUsable())
        refusal = tr("%1 has no API key: set %2 or add the key in Settings > "
                     "Providers.")
                      .arg(provider.displayName, provider.keyVariable);
    if (refusal.isEmpty() && withReferences) {
        refusal = ApiFlavours::editRefusal(cell.route, true, !m_spec.maskPath.isEmpty());
        references = m_references.find(provider.referenceLimits(cell.cell.params.imageModel));
        if (refusal.isEmpty() && !references)
            refusal
                = tr("The reference images were not prepared for %1.").arg(provider.displayName);
    }
    if (!refusal.isEmpty()) {
        TurnAssembler::finishFailed(cell.turn, refusal);
        cell.turn.durationMs = 0;
        cell.state = CellState::Finished;
        Q_EMIT cellChanged(index);
        return; // the caller's loop starts the next one
    }

    const GatewayRequest request = requestFor(cell.cell, provider, cell.route, m_spec.imagesPerCell,
                                              references ? *references : PreparedReferences());
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
