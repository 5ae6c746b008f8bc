#include "chatsession.h"

#include "gateway/apiflavour.h"
#include "image/imagecache.h"
#include "image/referenceimages.h"
#include "imagedownloads.h"
#include "pricing/costestimator.h"
#include "pricing/pricebook.h"
#include "store/historystore.h"
#include "turnrunner.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QThread>
#include <QUuid>

#include <algorithm>

namespace {

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
    if (m_runner)
        m_runner->disconnect(this);
    m_streamThread->quit();
    m_streamThread->wait();
    delete m_runner; // its worker's thread has stopped, so the worker is deleted with it
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

void ChatSession::setImageDecodeBox(QSize devicePixels)
{
    m_decodeBox = devicePixels;
    m_downloads->setDecodeBox(devicePixels);
}

bool ChatSession::send(const QString &prompt, const QList<Attachment> &attachments,
                       const ImageParams &params, const ImageRef &editOf, const QString &maskPath,
                       const QString &maskedAttachment)
{
    m_refusal.clear();
    if (isBusy()) {
        m_refusal = tr("A turn is still running: stop it first.");
        return false;
    }
    if (prompt.trimmed().isEmpty()) {
        m_refusal = tr("Type a prompt first.");
        return false;
    }
    if (const int wait = retryWaitSeconds(); wait > 0) {
        // Found by QA: "try again in 37 s" was shown, and Send went at once into another 429.
        m_refusal
            = tr("%1 asked to wait before the next request: try again in %n s.", nullptr, wait)
                  .arg(m_provider.displayName);
        return false;
    }
    const TurnInputs inputs = TurnInputs::plan(m_provider, m_options.store, m_model->turns(),
                                               { attachments, editOf, maskPath, maskedAttachment });
    QString refusal = inputs.refusal;
    if (refusal.isEmpty())
        refusal = ApiFlavours::editRefusal(m_provider.flavour, !inputs.imageFiles.isEmpty(),
                                           !inputs.maskPath.isEmpty());
    if (!refusal.isEmpty()) {
        m_refusal = refusal;
        return false;
    }

    GatewayRequest request;
    request.chatModel = m_provider.chatModel;
    request.prompt = prompt.trimmed();
    request.params = params;
    request.params.action = TurnInputs::actionFor(params.action, !editOf.isNull());
    if (m_provider.flavour == ApiFlavour::Responses) {
        request.previousResponseId = inputs.previousResponseId;
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
    m_turn.attachments = inputs.attachments;
    m_turn.editOf = editOf;
    m_turn.maskPath = inputs.maskPath;
    m_turn.providerId = m_provider.id;
    m_turn.chatModel = m_provider.chatModel;
    m_turn.requested = request.params;
    m_turn.startedAt = QDateTime::currentDateTime();
    m_turnId = m_turn.id;

    m_model->appendTurn(m_turn);
    persist(m_turn); // the prompt is kept even if Easel dies before the first byte
    Q_EMIT busyChanged(true);
    m_ticker.start();

    if (inputs.imageFiles.isEmpty()) {
        startRunner(request);
        return true;
    }
    // Reading, checking and scaling the images happens on the thread pool: a 40 MB photo must
    // not stall typing. The turn shows "Preparing…" until then; stop() abandons it.
    m_preparing = new QFutureWatcher<PreparedReferences>(this);
    connect(m_preparing, &QFutureWatcher<PreparedReferences>::finished, this,
            [this, request, watcher = m_preparing]() mutable {
                watcher->deleteLater();
                if (watcher != m_preparing)
                    return; // stopped, or another conversation loaded meanwhile
                m_preparing = nullptr;
                onReferencesPrepared(request, watcher->result());
            });
    m_preparing->setFuture(ReferenceImages::prepareAsync(
        inputs.imageFiles, inputs.maskPath, m_provider.referenceLimits(params.imageModel)));
    return true;
}

void ChatSession::onReferencesPrepared(GatewayRequest request, const PreparedReferences &prepared)
{
    if (!prepared.ok()) {
        // Nothing was sent: the turn shows why, and the designer can try again.
        const QString turnId = m_turnId;
        finishWithoutRunner(prepared.error);
        Q_EMIT referencesRefused(turnId);
        return;
    }
    for (const PreparedImage &image : prepared.images)
        request.images.append({ image.bytes, image.mimeType });
    if (!prepared.mask.isNull())
        request.mask = { prepared.mask.bytes, prepared.mask.mimeType };
    if (!prepared.notes.isEmpty())
        Q_EMIT referencesNoted(prepared.notes.join(QStringLiteral("; ")));
    startRunner(request);
}

void ChatSession::finishWithoutRunner(const QString &error)
{
    if (error.isEmpty())
        TurnAssembler::finishCancelled(m_turn);
    else
        TurnAssembler::finishFailed(m_turn, error);
    m_turn.durationMs = 0;
    m_ticker.stop();
    const QString finishedId = m_turnId;
    publish();
    m_turnId.clear();
    Q_EMIT busyChanged(false);
    Q_EMIT turnFinished(finishedId);
}

void ChatSession::startRunner(const GatewayRequest &request)
{
    TurnRunner::Context context;
    context.network = m_network;
    context.streamThread = m_streamThread;
    context.estimator = m_estimator;
    context.imageRoot = m_options.imageRoot;
    context.previewRoot = m_options.previewRoot;
    context.timeouts = m_options.timeouts;
    context.imageCache = m_imageCache;
    context.decodeBox = m_decodeBox;
    m_runner = new TurnRunner(context, m_provider, m_provider.flavour, this);
    connect(m_runner, &TurnRunner::changed, this, &ChatSession::onRunnerChanged);
    connect(m_runner, &TurnRunner::finished, this, &ChatSession::onRunnerFinished);
    connect(m_runner, &TurnRunner::imageLinked, this,
            [this, turnId = m_turn.id](const QString &itemId, const QUrl &url) {
                m_downloads->start(turnId, itemId, url.toString());
            });
    connect(m_runner, &TurnRunner::toolTypeLearned, this, [this](const QString &toolType) {
        // The other name was accepted: later turns start with it (and the registry keeps it).
        m_provider.toolType = toolType;
        Q_EMIT toolTypeLearned(m_provider.id, toolType);
    });
    m_runner->start(m_turn, request);
}

void ChatSession::stop()
{
    if (m_runner) {
        m_runner->cancel();
    } else if (m_preparing) {
        m_preparing = nullptr; // its result is dropped when it arrives
        finishWithoutRunner({});
    }
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
    if (m_preparing) {
        m_preparing = nullptr;
        m_turnId.clear();
        m_ticker.stop();
        Q_EMIT busyChanged(false);
    }
    if (m_runner) { // its late events must not land in the conversation shown next
        m_runner->disconnect(this);
        m_runner->cancel();
        m_runner->deleteLater();
        m_runner = nullptr;
        m_turnId.clear();
        m_ticker.stop();
        Q_EMIT busyChanged(false);
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
    const bool running = !m_turnId.isEmpty() && turn.id == m_turnId;
    if (running) {
        m_saveTimer.stop();
        m_savedSignature = saveSignature(turn);
    }
    if (!turn.id.isEmpty() && turn.id == m_turnHome.turnId) {
        m_history->saveTurn(m_turnHome.conversationId, turn);
        return;
    }
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
    if (running)
        m_turnHome = { turn.id, m_conversationId };
    m_history->saveTurn(m_conversationId, turn);
}

void ChatSession::onRunnerChanged()
{
    if (sender() != m_runner)
        return;
    m_turn = m_runner->turn();
    publish();
}

void ChatSession::onRunnerFinished()
{
    if (sender() != m_runner)
        return;
    m_turn = m_runner->turn();
    if (const int wait = m_runner->retryAfterSeconds(); wait > 0)
        m_retryAfter.insert(m_provider.id, QDateTime::currentDateTimeUtc().addSecs(wait));
    else
        m_retryAfter.remove(m_provider.id);
    m_ticker.stop();
    m_runner->deleteLater();
    m_runner = nullptr;
    const QString finishedId = m_turnId;
    m_turnId.clear();
    publish();
    Q_EMIT busyChanged(false);
    Q_EMIT turnFinished(finishedId);
}

int ChatSession::retryWaitSeconds() const
{
    const QDateTime until = m_retryAfter.value(m_provider.id);
    if (!until.isValid())
        return 0;
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(until);
    return ms > 0 ? int((ms + 999) / 1000) : 0;
}

void ChatSession::tick()
{
    if (m_runner)
        publish();
}

void ChatSession::publish()
{
    m_model->updateTurn(m_turn);
    persist(m_turn);
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
    Turn turn = running ? m_runner->turn() : m_model->turnAt(row);
    const auto image = std::find_if(turn.images.begin(), turn.images.end(),
                                    [&itemId](const ImageAsset &i) { return i.itemId == itemId; });
    if (image == turn.images.end())
        return false;
    change(*image);
    if (running) {
        // The cost is computed when the stream ends; the runner's changed() publishes it.
        m_runner->changeTurn([&turn](Turn &running) { running = turn; });
    } else {
        // The stream ended: its cost follows the images that arrived since.
        TurnRunner::updateCost(turn, m_provider, *m_estimator);
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
        m_imageCache->insertDecoded(result.filePath, decoded, result.pixelSize);
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
