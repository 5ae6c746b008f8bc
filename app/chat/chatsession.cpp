#include "chatsession.h"

#include "gateway/apiflavour.h"
#include "image/imagecache.h"
#include "imagedownloads.h"
#include "pricing/costestimator.h"
#include "pricing/pricebook.h"
#include "store/historystore.h"
#include "streamworker.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QThread>
#include <QUuid>

#include <algorithm>

namespace {

InputImage readAttachment(const Attachment &attachment, QString *error)
{
    QFile file(attachment.filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Could not read the attached image %1: %2.")
                     .arg(attachment.filePath, file.errorString());
        return {};
    }
    return { file.readAll(), attachment.mimeType };
}

// What makes a save of the running turn urgent: its status and its images' states.
QString saveSignature(const Turn &turn)
{
    QString signature = Turn::statusName(turn.status);
    for (const ImageAsset &image : turn.images)
        signature
            += QStringLiteral("|%1:%2:%3").arg(image.itemId).arg(int(image.state)).arg(image.hash);
    return signature;
}

} // namespace

ChatSession::ChatSession(const ProviderProfile &provider, const Options &options, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_options(options)
    , m_model(new ConversationModel(this))
    , m_network(new QNetworkAccessManager(this))
    , m_streamThread(new QThread(this))
    , m_estimator(new CostEstimator(PriceBook::builtIn()))
{
    qRegisterMetaType<ProcessedEvents>();
    m_streamThread->setObjectName(QStringLiteral("easel-stream"));
    m_streamThread->start();
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ChatSession::tick);
    m_downloads = new ImageDownloads(m_network, m_options.imageRoot, this);
    connect(m_downloads, &ImageDownloads::progress, this, &ChatSession::onImageDownloadProgress);
    connect(m_downloads, &ImageDownloads::finished, this, &ChatSession::onImageDownloaded);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(250);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] {
        if (!m_turnId.isEmpty())
            saveNow(m_turn);
    });
}

ChatSession::~ChatSession()
{
    if (m_saveTimer.isActive() && !m_turnId.isEmpty())
        saveNow(m_turn); // the last text deltas
    m_downloads->cancelAll(); // before the network manager goes: none may report to a dying session
    if (m_job)
        m_job->disconnect(this);
    m_streamThread->quit();
    m_streamThread->wait();
    delete m_worker; // its thread has stopped, so deleting it here is safe
    delete m_estimator;
}

void ChatSession::setProvider(const ProviderProfile &provider)
{
    m_provider = provider;
}

void ChatSession::setChatModel(const QString &chatModel)
{
    m_provider.chatModel = chatModel;
}

QString ChatSession::previousResponseId() const
{
    // Follow-up turns point at the last answered one so the model keeps its context (and can
    // edit the image it made). Only stored responses can be referenced.
    if (!m_options.store)
        return {};
    const QList<Turn> &turns = m_model->turns();
    for (qsizetype i = turns.size() - 1; i >= 0; --i) {
        const Turn &turn = turns.at(i);
        if (turn.status == Turn::Status::Done && !turn.responseId.isEmpty())
            return turn.providerId == m_provider.id ? turn.responseId : QString();
    }
    return {};
}

bool ChatSession::send(const QString &prompt, const QList<Attachment> &attachments,
                       const ImageParams &params)
{
    m_refusal.clear();
    if (isBusy()) {
        m_refusal = QStringLiteral("A turn is still running: stop it first.");
        return false;
    }
    if (prompt.trimmed().isEmpty()) {
        m_refusal = QStringLiteral("Type a prompt first.");
        return false;
    }

    GatewayRequest request;
    request.chatModel = m_provider.chatModel;
    request.prompt = prompt.trimmed();
    request.params = params;
    if (m_provider.flavour == ApiFlavour::Responses) {
        request.previousResponseId = previousResponseId();
    } else {
        for (const Turn &earlier : m_model->turns()) {
            if (earlier.status != Turn::Status::Done)
                continue;
            request.history.append({ QStringLiteral("user"), earlier.prompt });
            if (!earlier.text.isEmpty())
                request.history.append({ QStringLiteral("assistant"), earlier.text });
        }
    }
    request.stream = true;
    request.store = m_options.store;
    request.toolType = m_provider.toolType;
    request.nestToolParameters = m_provider.nestToolParameters;

    m_turn = Turn();
    m_turn.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_turn.prompt = request.prompt;
    m_turn.attachments = attachments;
    m_turn.providerId = m_provider.id;
    m_turn.chatModel = m_provider.chatModel;
    m_turn.requested = params;
    m_turn.startedAt = QDateTime::currentDateTime();
    m_turnId = m_turn.id;
    m_clock.start();

    for (const Attachment &attachment : attachments) {
        QString error;
        const InputImage image = readAttachment(attachment, &error);
        if (!error.isEmpty()) {
            // Nothing was sent: the turn shows why, and the designer can try again.
            TurnAssembler::finishFailed(m_turn, error);
            m_turn.durationMs = 0;
            m_model->appendTurn(m_turn);
            persist(m_turn);
            m_turnId.clear();
            Q_EMIT turnFinished(m_turn.id);
            return true;
        }
        request.images.append(image);
    }

    m_model->appendTurn(m_turn);
    persist(m_turn); // the prompt is kept even if Easel dies before the first byte

    m_request = request;
    m_toolTypeRetried = false;
    startRequest();

    m_ticker.start();
    Q_EMIT busyChanged(true);
    return true;
}

void ChatSession::startRequest()
{
    m_worker = new StreamWorker(m_options.imageRoot, m_options.previewRoot, m_provider.flavour,
                                m_request.stream);
    m_worker->moveToThread(m_streamThread);
    connect(m_worker, &StreamWorker::processed, this, &ChatSession::onProcessed);
    connect(m_worker, &StreamWorker::closed, this, &ChatSession::onWorkerClosed);

    QNetworkRequest networkRequest(
        m_provider.endpoint(ApiFlavours::endpointPath(m_provider.flavour)));
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                             QStringLiteral("application/json"));
    networkRequest.setRawHeader("Accept",
                                m_request.stream ? "text/event-stream" : "application/json");
    // The key goes only to the configured base URL's host: this request is built from it alone.
    if (m_provider.hasKey())
        networkRequest.setRawHeader("Authorization", "Bearer " + m_provider.apiKey.toUtf8());
    for (const auto &[name, value] : std::as_const(m_provider.extraHeaders))
        networkRequest.setRawHeader(name, value);

    m_job = new GatewayJob(m_network, m_provider.displayName, this);
    m_job->setTimeouts(m_options.timeouts);
    StreamWorker *worker = m_worker;
    connect(m_job, &GatewayJob::dataReceived, worker, &StreamWorker::feed);
    connect(m_job, &GatewayJob::finished, this, &ChatSession::onJobFinished);
    m_job->start(networkRequest, ApiFlavours::requestBody(m_provider.flavour, m_request));
}

bool ChatSession::retryWithOtherToolType()
{
    // The one retry Easel makes. AI Stats renamed its image tool (ai-stats: -> phaseo:) and a
    // build refuses the name it does not know with a 400 before doing any work, so nothing was
    // billed: the same turn goes once more with the other name.
    if (m_toolTypeRetried || !m_job || m_job->status() != GatewayJob::Status::HttpError)
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
    m_worker->deleteLater(); // it was fed nothing: an error body never reaches the worker
    m_worker = nullptr;
    startRequest();
    return true;
}

void ChatSession::stop()
{
    if (m_job)
        m_job->cancel();
}

void ChatSession::clear()
{
    stop();
    m_downloads->cancelAll();
    m_model->clear();
    if (!m_conversationId.isEmpty()) {
        m_conversationId.clear(); // the next turn starts a new conversation
        Q_EMIT conversationChanged(m_conversationId);
    }
}

void ChatSession::setHistory(HistoryStore *store, const QString &conversationId)
{
    m_history = store;
    m_conversationId = conversationId;
}

void ChatSession::loadConversation(const QString &id, const QList<Turn> &turns)
{
    if (m_job) { // its late events must not land in the conversation shown next
        m_job->disconnect(this);
        stop();
    }
    m_downloads->cancelAll();
    QList<Turn> settled = turns;
    for (Turn &turn : settled)
        TurnAssembler::settleStored(turn);
    m_model->setTurns(settled);
    m_conversationId = id;
    Q_EMIT conversationChanged(m_conversationId);
}

QString ChatSession::titleFromPrompt(const QString &prompt)
{
    const QString simple = prompt.simplified();
    if (simple.size() <= 60)
        return simple;
    const qsizetype cut = simple.lastIndexOf(QLatin1Char(' '), 60);
    return simple.left(cut > 30 ? cut : 60) + QChar(0x2026);
}

void ChatSession::persist(const Turn &turn)
{
    if (!m_history)
        return;
    const bool running = !m_turnId.isEmpty() && turn.id == m_turnId;
    if (!running) {
        saveNow(turn);
        return;
    }
    // Status and images are saved at once; a text delta alone waits for the timer.
    if (saveSignature(turn) != m_savedSignature)
        saveNow(turn);
    else if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void ChatSession::saveNow(const Turn &turn)
{
    if (!m_history)
        return;
    if (m_conversationId.isEmpty()) {
        ConversationSummary conversation;
        conversation.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        conversation.title = titleFromPrompt(turn.prompt);
        conversation.providerId = turn.providerId;
        conversation.chatModel = turn.chatModel;
        conversation.imageModel = turn.requested.imageModel;
        m_conversationId = conversation.id;
        m_history->createConversation(conversation); // queued before the turn's first save
        Q_EMIT conversationChanged(m_conversationId);
    }
    if (turn.id == m_turnId) {
        m_saveTimer.stop();
        m_savedSignature = saveSignature(turn);
    }
    m_history->saveTurn(m_conversationId, turn);
}

void ChatSession::onProcessed(const ProcessedEvents &events)
{
    if (sender() != m_worker)
        return; // a late batch of an earlier turn
    for (const ProcessedEvent &event : events) {
        if (m_imageCache && !event.decoded.isNull() && !event.asset.filePath.isEmpty())
            m_imageCache->insert(event.asset.filePath, QSize(), event.decoded);
        TurnAssembler::apply(m_turn, event);
        if (event.event.kind == StreamEvent::Kind::ImageFinal
            && event.asset.state == ImageAsset::State::Pending && !event.asset.sourceUrl.isEmpty())
            m_downloads->start(m_turn.id, event.event.itemId, event.asset.sourceUrl);
    }
    publish();
}

void ChatSession::onJobFinished()
{
    if (retryWithOtherToolType())
        return;
    StreamWorker *worker = m_worker;
    const bool complete = m_job && m_job->status() == GatewayJob::Status::Succeeded;
    QMetaObject::invokeMethod(
        worker, [worker, complete] { worker->close(complete); }, Qt::QueuedConnection);
}

void ChatSession::onWorkerClosed()
{
    if (sender() != m_worker)
        return;
    GatewayJob *job = m_job;
    if (m_toolTypeRetried && job->httpStatus() / 100 == 2
        && m_provider.toolType != m_request.toolType) {
        // The other name was accepted: later turns start with it (and the registry keeps it).
        m_provider.toolType = m_request.toolType;
        Q_EMIT toolTypeLearned(m_provider.id, m_request.toolType);
    }
    switch (job->status()) {
    case GatewayJob::Status::Succeeded:
        if (m_turn.isRunning())
            TurnAssembler::finishFailed(
                m_turn, QStringLiteral("The response ended without saying it was complete."));
        break;
    case GatewayJob::Status::Cancelled:
        TurnAssembler::finishCancelled(m_turn);
        break;
    default:
        TurnAssembler::finishFailed(m_turn, job->errorMessage());
        break;
    }
    m_turn.durationMs = m_clock.elapsed();

    updateCost(m_turn);

    m_ticker.stop();
    job->deleteLater();
    m_job = nullptr;
    m_worker->deleteLater();
    m_worker = nullptr;
    m_request = GatewayRequest(); // drops the attachments' bytes
    const QString finishedId = m_turnId;
    m_turnId.clear();
    publish();
    Q_EMIT busyChanged(false);
    Q_EMIT turnFinished(finishedId);
}

void ChatSession::tick()
{
    if (m_job)
        publish();
}

void ChatSession::publish()
{
    m_model->updateTurn(m_turn);
    persist(m_turn);
}

void ChatSession::updateCost(Turn &turn) const
{
    if (m_provider.isDemo) {
        turn.cost
            = Cost { 0.0, Cost::Basis::Demo, QStringLiteral("The offline demo gateway is free.") };
    } else {
        QList<ImageReport> reports;
        for (const ImageAsset &image : std::as_const(turn.images)) {
            if (image.state == ImageAsset::State::Final)
                reports.append(image.report);
        }
        turn.cost = m_estimator->turnCost(turn.usage, turn.chatModel, turn.requested.imageModel,
                                          reports, turn.requested);
    }
}

bool ChatSession::updateImage(const QString &turnId, const QString &itemId,
                              const std::function<void(ImageAsset &)> &change, bool save)
{
    // A download can land while its turn still streams (m_turn is the truth then, and publish()
    // shows it) or long after, when the model row is the only copy.
    const bool running = !m_turnId.isEmpty() && turnId == m_turnId;
    const int row = m_model->rowOfTurn(turnId);
    if (!running && row < 0)
        return false;
    Turn turn = running ? m_turn : m_model->turnAt(row);
    const auto image = std::find_if(turn.images.begin(), turn.images.end(),
                                    [&itemId](const ImageAsset &i) { return i.itemId == itemId; });
    if (image == turn.images.end())
        return false;
    change(*image);
    if (running) {
        m_turn = turn; // the cost is computed when the stream ends
        publish();
    } else {
        updateCost(turn); // the stream ended: its cost follows the images that arrived since
        m_model->updateTurn(turn);
        if (save)
            persist(turn);
    }
    return true;
}

void ChatSession::onImageDownloadProgress(const QString &turnId, const QString &itemId,
                                          qint64 received, qint64 total)
{
    // Progress is not persisted: no save for it (the finished download saves the turn).
    updateImage(
        turnId, itemId,
        [received, total](ImageAsset &image) {
            if (image.state != ImageAsset::State::Pending)
                return;
            image.downloadedBytes = received;
            image.downloadTotal = total;
        },
        false);
}

void ChatSession::onImageDownloaded(const QString &turnId, const QString &itemId,
                                    const ImageAsset &result, const QImage &decoded)
{
    if (m_imageCache && !decoded.isNull() && !result.filePath.isEmpty())
        m_imageCache->insert(result.filePath, QSize(), decoded);
    updateImage(turnId, itemId, [&result](ImageAsset &image) {
        const QString itemId = image.itemId;
        const ImageReport report = image.report; // what the gateway said about it stays
        image = result;
        image.itemId = itemId;
        image.report = report;
    });
}

void ChatSession::retryImage(const QString &turnId, const QString &itemId)
{
    if (m_downloads->isDownloading(turnId, itemId))
        return;
    QString url;
    updateImage(turnId, itemId, [&url](ImageAsset &image) {
        // Failed, or pending with no download behind it (a conversation reopened mid-download).
        if (image.sourceUrl.isEmpty()
            || (image.state != ImageAsset::State::Failed
                && image.state != ImageAsset::State::Pending))
            return;
        url = image.sourceUrl;
        image.state = ImageAsset::State::Pending;
        image.error.clear();
        image.downloadedBytes = -1;
        image.downloadTotal = -1;
    });
    if (!url.isEmpty())
        m_downloads->start(turnId, itemId, url);
}
