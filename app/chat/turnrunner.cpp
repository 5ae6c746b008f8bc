#include "turnrunner.h"

#include "image/imagecache.h"
#include "pricing/costestimator.h"
#include "streamworker.h"

#include "net/errormessage.h"

#include <QNetworkRequest>
#include <QThread>

namespace {

// A gateway may repeat the key in a stream's error event or a failed image's message, as it does
// in HTTP error bodies (which GatewayJob masks): what the turn says is shown, saved, exported.
void maskKey(Turn &turn, const QString &key)
{
    turn.errorMessage = ErrorMessage::withoutSecret(turn.errorMessage, key);
    for (ImageAsset &image : turn.images)
        image.error = ErrorMessage::withoutSecret(image.error, key);
}

} // namespace

TurnRunner::TurnRunner(const Context &context, const ProviderProfile &provider, ApiFlavour flavour,
                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_provider(provider)
    , m_flavour(flavour)
{
    qRegisterMetaType<ProcessedEvents>();
}

TurnRunner::~TurnRunner()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
    if (m_worker) {
        m_worker->disconnect(this);
        // The worker lives on the stream thread: deleted there while that thread runs, here once
        // it has stopped (the owner shuts it down before its runners go).
        if (m_worker->thread() && m_worker->thread()->isRunning())
            m_worker->deleteLater();
        else
            delete m_worker;
    }
}

void TurnRunner::start(const Turn &turn, const GatewayRequest &request)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_turn = turn;
    m_request = request;
    m_clock.start();
    startRequest();
}

void TurnRunner::cancel()
{
    if (m_job)
        m_job->cancel();
}

void TurnRunner::changeTurn(const std::function<void(Turn &)> &change)
{
    change(m_turn);
    Q_EMIT changed();
}

void TurnRunner::startRequest()
{
    m_worker
        = new StreamWorker(m_context.imageRoot, m_context.previewRoot, m_flavour, m_request.stream);
    m_worker->setDecodeBox(m_context.decodeBox);
    m_worker->moveToThread(m_context.streamThread);
    connect(m_worker, &StreamWorker::processed, this, &TurnRunner::onProcessed);
    connect(m_worker, &StreamWorker::closed, this, &TurnRunner::onWorkerClosed);

    QNetworkRequest networkRequest(m_provider.endpoint(m_provider.endpointPath(m_flavour)));
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                             QStringLiteral("application/json"));
    networkRequest.setRawHeader("Accept",
                                m_request.stream ? "text/event-stream" : "application/json");
    // The key goes only to the configured base URL's host: this request is built from it alone.
    if (m_provider.hasKey())
        networkRequest.setRawHeader("Authorization", "Bearer " + m_provider.apiKey.toUtf8());
    for (const auto &[name, value] : std::as_const(m_provider.extraHeaders))
        networkRequest.setRawHeader(name, value);

    m_job = new GatewayJob(m_context.network, m_provider.displayName, this);
    m_job->setTimeouts(m_context.timeouts);
    m_job->setKeyPlace(m_provider.keyPlace());
    connect(m_job, &GatewayJob::dataReceived, m_worker, &StreamWorker::feed);
    connect(m_job, &GatewayJob::finished, this, &TurnRunner::onJobFinished);
    m_job->start(networkRequest, ApiFlavours::requestBody(m_flavour, m_request));
}

bool TurnRunner::retryWithOtherToolType()
{
    // The one retry Easel makes. AI Stats renamed its image tool (ai-stats: -> phaseo:) and a
    // build refuses the name it does not know with a 400 before doing any work, so nothing was
    // billed: the same turn goes once more with the other name. Direct image calls carry no tool.
    if (m_flavour == ApiFlavour::Images || m_toolTypeRetried || !m_job
        || m_job->status() != GatewayJob::Status::HttpError)
        return false;
    const QString other = ProviderProfile::alternateToolType(m_request.toolType);
    if (other.isEmpty()
        || !ProviderProfile::refusesToolType(m_job->httpStatus(), m_job->errorBody()))
        return false;
    m_toolTypeRetried = true;
    m_request.toolType = other;
    m_job->disconnect(this);
    m_job->deleteLater();
    m_job = nullptr;
    m_worker->disconnect(this);
    m_worker->deleteLater(); // it was fed nothing: an error body never reaches the worker
    m_worker = nullptr;
    startRequest();
    return true;
}

void TurnRunner::onProcessed(const ProcessedEvents &events)
{
    if (sender() != m_worker)
        return; // a late batch of a request replaced by the retry
    for (const ProcessedEvent &event : events) {
        if (m_context.imageCache && !event.decoded.isNull() && !event.asset.filePath.isEmpty())
            m_context.imageCache->insertDecoded(event.asset.filePath, event.decoded,
                                                event.asset.pixelSize);
        TurnAssembler::apply(m_turn, event);
        if (event.event.kind == StreamEvent::Kind::Error
            && event.event.errorCode == StreamWorker::webPageErrorCode)
            m_answeredWithWebPage = true;
        if (event.event.kind == StreamEvent::Kind::ImageFinal
            && event.asset.state == ImageAsset::State::Pending && !event.asset.sourceUrl.isEmpty())
            Q_EMIT imageLinked(event.event.itemId, QUrl(event.asset.sourceUrl));
    }
    maskKey(m_turn, m_provider.apiKey);
    Q_EMIT changed();
}

void TurnRunner::onJobFinished()
{
    if (retryWithOtherToolType())
        return;
    StreamWorker *worker = m_worker;
    const bool complete = m_job && m_job->status() == GatewayJob::Status::Succeeded;
    QMetaObject::invokeMethod(
        worker, [worker, complete] { worker->close(complete); }, Qt::QueuedConnection);
}

void TurnRunner::onWorkerClosed()
{
    if (sender() != m_worker)
        return;
    GatewayJob *job = m_job;
    if (m_toolTypeRetried && job->httpStatus() / 100 == 2
        && m_provider.toolType != m_request.toolType)
        Q_EMIT toolTypeLearned(m_request.toolType);
    // Taken by the gateway: stopped after this, the turn may be billed even with nothing shown
    // (found by QA: a stream of keep-alive comments, stopped, was reported as free). A web page
    // served with 200 is a wrong base URL, not a gateway that took the request.
    if (job->httpStatus() / 100 == 2 && !m_answeredWithWebPage)
        m_turn.accepted = true;
    if (job->status() == GatewayJob::Status::HttpError)
        m_retryAfterSeconds = job->retryAfterSeconds().value_or(0);
    switch (job->status()) {
    case GatewayJob::Status::Succeeded:
        if (m_turn.isRunning())
            TurnAssembler::finishFailed(m_turn,
                                        tr("The response ended without saying it was complete."));
        break;
    case GatewayJob::Status::Cancelled:
        TurnAssembler::finishCancelled(m_turn);
        break;
    default:
        TurnAssembler::finishFailed(m_turn, job->errorMessage());
        break;
    }
    maskKey(m_turn, m_provider.apiKey);
    m_turn.durationMs = m_clock.elapsed();
    updateCost(m_turn, m_provider, *m_context.estimator);

    job->deleteLater();
    m_job = nullptr;
    m_worker->deleteLater();
    m_worker = nullptr;
    const QString toolType = m_request.toolType;
    m_request = GatewayRequest(); // drops the attachments' bytes
    m_request.toolType = toolType;
    Q_EMIT finished();
}

void TurnRunner::updateCost(Turn &turn, const ProviderProfile &provider,
                            const CostEstimator &estimator)
{
    if (provider.isDemo) {
        turn.cost = Cost { 0.0, Cost::Basis::Demo, tr("The offline demo gateway is free.") };
        return;
    }
    QList<ImageReport> reports;
    for (const ImageAsset &image : std::as_const(turn.images)) {
        if (image.state == ImageAsset::State::Final)
            reports.append(image.report);
    }
    turn.cost = estimator.turnCost(turn.usage, turn.chatModel, turn.requested.imageModel, reports,
                                   turn.requested);
}
