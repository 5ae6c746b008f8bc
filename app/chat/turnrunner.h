#pragma once

#include "gateway/apiflavour.h"
#include "gateway/gatewayrequest.h"
#include "net/gatewayjob.h"
#include "providerprofile.h"
#include "turnassembler.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QThread;
class CostEstimator;
class ImageCache;
class StreamWorker;

// Runs one request of one turn from the first byte sent to the last event applied: the network
// job, the stream worker on the stream thread, the assembler, the one tool-name retry AI Stats
// needs, and the cost at the end. The chat session runs one at a time; a compare run several side
// by side. It knows nothing of conversations, history or downloads: a final image that came as a
// link is announced (imageLinked) and its owner fetches it.
class TurnRunner : public QObject
{
    Q_OBJECT
public:
    // What runners share; everything must outlive them.
    struct Context
    {
        QNetworkAccessManager *network = nullptr;
        QThread *streamThread = nullptr; // where the stream workers live
        const CostEstimator *estimator = nullptr;
        QString imageRoot; // content-addressed store of final images
        QString previewRoot; // partial previews
        GatewayJob::Timeouts timeouts;
        QPointer<ImageCache> imageCache; // optional: images decoded while streaming go there
        QSize decodeBox; // and are decoded no larger than this (device pixels); empty: full size
    };

    TurnRunner(const Context &context, const ProviderProfile &provider, ApiFlavour flavour,
               QObject *parent = nullptr);
    ~TurnRunner() override;

    // Sends `request` for `turn` (its id, prompt and requested parameters already set). Once.
    void start(const Turn &turn, const GatewayRequest &request);
    void cancel();

    bool isRunning() const { return !m_job.isNull(); }
    const Turn &turn() const { return m_turn; }
    // Changes the running turn from outside, e.g. a linked image's download progress; changed()
    // follows.
    void changeTurn(const std::function<void(Turn &)> &change);

    // The tool type the request finally went with (differs from the profile's after a retry).
    QString toolType() const { return m_request.toolType; }
    // How long the gateway asked to be left alone (Retry-After on a refusal); 0 when it did not.
    int retryAfterSeconds() const { return m_retryAfterSeconds; }

    // The cost of a turn from its usage and final images: free on the demo, the gateway's bill
    // when it sent one, otherwise the price book's estimate.
    static void updateCost(Turn &turn, const ProviderProfile &provider,
                           const CostEstimator &estimator);

Q_SIGNALS:
    void changed(); // turn() moved on: events applied, or changeTurn()
    // A final image came as a link and waits (state Pending) to be downloaded.
    void imageLinked(const QString &itemId, const QUrl &url);
    // The gateway accepted the other name of its image tool after refusing the profile's one.
    void toolTypeLearned(const QString &toolType);
    void finished(); // once; turn() is final (status, duration, cost)

private:
    void startRequest();
    bool retryWithOtherToolType();
    void onProcessed(const ProcessedEvents &events);
    void onJobFinished();
    void onWorkerClosed();

    Context m_context;
    ProviderProfile m_provider;
    ApiFlavour m_flavour;
    QPointer<GatewayJob> m_job;
    StreamWorker *m_worker = nullptr;
    GatewayRequest m_request; // kept for the tool-name retry; dropped at the end
    bool m_toolTypeRetried = false;
    bool m_started = false;
    bool m_answeredWithWebPage = false; // by a web server, not a gateway: nothing was billed
    int m_retryAfterSeconds = 0;
    Turn m_turn;
    QElapsedTimer m_clock;
};
