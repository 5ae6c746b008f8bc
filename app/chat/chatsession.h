#pragma once

#include "conversationmodel.h"
#include "image/imagecache.h"
#include "net/gatewayjob.h"
#include "providerprofile.h"
#include "turnassembler.h"
#include "turninputs.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QThread;
class ImageDownloads;
class CostEstimator;
class HistoryStore;
class TurnRunner;
struct PreparedReferences;
template<typename T> class QFutureWatcher;

// The controller of one conversation: send(prompt, params) runs one turn through the path of the
// design card (request builder -> TurnRunner: network job, stream worker, assembler -> model
// row), saves it as it progresses and downloads its linked images. It knows nothing about widgets.
class ChatSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString imageRoot; // content-addressed store of final images
        QString previewRoot; // partial previews (cache location)
        GatewayJob::Timeouts timeouts;
        bool store = true; // ask the gateway to keep responses (previous_response_id needs it)
    };

    ChatSession(const ProviderProfile &provider, const Options &options, QObject *parent = nullptr);
    ~ChatSession() override;

    ConversationModel *model() const { return m_model; }
    const ProviderProfile &provider() const { return m_provider; }
    const Options &options() const { return m_options; } // e.g. for a compare run's image roots
    void setProvider(const ProviderProfile &provider);
    void setChatModel(const QString &chatModel);
    // Images decoded while streaming are handed to this cache, so the view shows them without
    // reading the file back. Optional.
    void setImageCache(ImageCache *cache) { m_imageCache = cache; }
    // ...decoded no larger than this, in device pixels: the largest size the view shows an image
    // at. Empty (the default): at full size. Applies to the turns and downloads started after it.
    void setImageDecodeBox(QSize devicePixels);

    // Busy from send() until the turn ends: while its reference images are prepared, then while
    // its request runs.
    bool isBusy() const { return !m_runner.isNull() || m_preparing; }
    QString runningTurnId() const { return m_turnId; }

    // Starts a turn. Returns false (and says why in lastRefusal()) when one is already running,
    // the prompt is empty, or what goes with it cannot be sent (TurnInputs::plan: too many
    // images, an edited image that is gone, a mask on a flavour that cannot carry one). `editOf`
    // makes the turn an edit of that image ("Edit this image"); `maskPath` limits the change to
    // its transparent pixels, on the edited image or else on the attachment `maskedAttachment`.
    // Files that cannot be read or exceed the provider's limits end the accepted turn as failed,
    // with the reason, before anything is sent.
    bool send(const QString &prompt, const QList<Attachment> &attachments,
              const ImageParams &params, const ImageRef &editOf = {}, const QString &maskPath = {},
              const QString &maskedAttachment = {});
    void stop();
    void clear(); // a new, empty conversation
    QString lastRefusal() const { return m_refusal; }
    // Seconds the current provider asked to be left alone for (Retry-After on its last refusal);
    // 0 when none. send() refuses meanwhile: a request sooner is refused again, and may count.
    int retryWaitSeconds() const;

    // Downloads again a linked image whose download failed (or was never finished), e.g. from
    // the image card's Retry action. The turn need not be the running one.
    Q_INVOKABLE void retryImage(const QString &turnId, const QString &itemId);
    // Images that came as links, being downloaded (timeouts and the size cap can be set there).
    ImageDownloads *imageDownloads() const { return m_downloads; }

    // Saves the turns of this conversation to `store` as they progress: the prompt at once, the
    // text at most every 250 ms, status changes, images and the end immediately, so a quit or a
    // crash mid-stream loses nothing already received. With an empty `conversationId` a new
    // conversation is created when the first turn is sent (its title is the prompt).
    void setHistory(HistoryStore *store, const QString &conversationId = {});
    QString conversationId() const { return m_conversationId; }
    // Shows a stored conversation; the next turn continues it (the model gets the turns).
    void loadConversation(const QString &id, const QList<Turn> &turns);
    static QString titleFromPrompt(const QString &prompt); // trimmed to about 60 characters

Q_SIGNALS:
    void busyChanged(bool busy);
    void turnFinished(const QString &turnId);
    // A gateway accepted the other name of its image tool after refusing the profile's one (see
    // retryWithOtherToolType); ProviderRegistry::rememberToolType keeps it for later runs.
    void toolTypeLearned(const QString &providerId, const QString &toolType);
    // The conversation being shown and saved changed: created by a first turn, loaded, or ""
    // after clear().
    void conversationChanged(const QString &conversationId);
    // Reference images were changed to fit the model, e.g. "photo.jpg scaled from 6000x4000 to
    // 2048x1365": for the status bar.
    void referencesNoted(const QString &note);
    // The turn's reference images could not be read or decoded, so nothing was sent: the turn
    // has failed (after turnFinished) and says which files and why.
    void referencesRefused(const QString &turnId);

private:
    void onRunnerChanged();
    void onRunnerFinished();
    void tick();
    void publish(); // pushes m_turn into the model (one row's dataChanged)
    void startRunner(const GatewayRequest &request);
    void onReferencesPrepared(GatewayRequest request, const PreparedReferences &prepared);
    // Ends the current turn before any request went out: failed with `error`, or stopped.
    void finishWithoutRunner(const QString &error);
    void onImageDownloadProgress(const QString &turnId, const QString &itemId, qint64 received,
                                 qint64 total);
    void onImageDownloaded(const QString &turnId, const QString &itemId, const ImageAsset &result,
                           const QImage &decoded);
    // Changes image `itemId` of a turn, running or finished, and shows the change. False when
    // there is no such turn or image.
    bool updateImage(const QString &turnId, const QString &itemId,
                     const std::function<void(ImageAsset &)> &change, bool save = true);
    void persist(const Turn &turn); // to the history, throttled while the turn streams
    void saveNow(const Turn &turn);

    ProviderProfile m_provider;
    Options m_options;
    ConversationModel *m_model;
    QNetworkAccessManager *m_network;
    QThread *m_streamThread;
    const CostEstimator *m_estimator;
    QPointer<ImageCache> m_imageCache;
    QSize m_decodeBox;
    ImageDownloads *m_downloads = nullptr;

    QPointer<TurnRunner> m_runner; // the running turn's, until it finishes
    // The running turn's reference images being read and scaled, before m_runner exists.
    QFutureWatcher<PreparedReferences> *m_preparing = nullptr;
    Turn m_turn; // the running turn, as last published
    QString m_turnId;
    // The conversation the latest turn sent was first saved in: its later saves go there, even
    // once the session has started another (clear() while the turn stops).
    struct TurnHome
    {
        QString turnId;
        QString conversationId;
    } m_turnHome;
    QTimer m_ticker; // repaints the running row once a second for its elapsed time
    QString m_refusal;
    QHash<QString, QDateTime> m_retryAfter; // per provider id: not before this time

    QPointer<HistoryStore> m_history;
    QString m_conversationId;
    QTimer m_saveTimer; // text deltas of the running turn: one save per 250 ms at most
    QString m_savedSignature; // status and images of the running turn when last saved
};
