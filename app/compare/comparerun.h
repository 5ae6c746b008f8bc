#pragma once

#include "chat/turnrunner.h"
#include "comparespec.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class ImageDownloads;

// Runs the cells of a compare spec, at most `concurrency` at a time, each as its own turn: through
// the provider's direct image endpoint when it has one, otherwise through the image tool forced
// with tool_choice. A cell that fails says why and leaves the others running; cancel() stops the
// running cells and the queued ones never start. Linked images are downloaded and a cell counts
// as finished only once they are in the store. It knows nothing about widgets or history.
class CompareRun : public QObject
{
    Q_OBJECT
public:
    // The profile (with its key) for a provider id; an empty id when unknown.
    using ProviderLookup = std::function<ProviderProfile(const QString &providerId)>;

    enum class CellState { Queued, Running, Finished };

    struct Cell
    {
        CompareCell cell;
        CellState state = CellState::Queued;
        ApiFlavour route = ApiFlavour::Images; // how it was (or will be) sent
        Turn turn; // the request and everything that came back; status tells how it ended
    };

    static constexpr int defaultConcurrency = 3;

    CompareRun(const TurnRunner::Context &context, ProviderLookup providers,
               QObject *parent = nullptr);
    ~CompareRun() override;

    // Starts the cells of `spec` (validated by the caller). Once per run.
    void start(const CompareSpec &spec, int concurrency = defaultConcurrency);
    void cancel();

    const CompareSpec &spec() const { return m_spec; }
    const QList<Cell> &cells() const { return m_cells; }
    const Cell &cell(int index) const { return m_cells.at(index); }
    int concurrency() const { return m_concurrency; }
    int runningCount() const;
    int finishedCount() const;
    int failedCount() const; // finished without a final image: failed, cancelled or empty
    bool isFinished() const { return m_started && finishedCount() == m_cells.size(); }
    bool wasCancelled() const { return m_cancelled; }
    double totalCostUsd() const; // of the finished cells, as priced (billed, estimated or demo)

    // How a cell goes to its provider: Images when it has a direct image endpoint.
    static ApiFlavour routeFor(const ProviderProfile &provider);
    // The request of a cell as it will be sent on `route`.
    static GatewayRequest requestFor(const CompareCell &cell, const ProviderProfile &provider,
                                     ApiFlavour route, int imagesPerCell);

Q_SIGNALS:
    void cellChanged(int index); // progress, previews, images, the end of a cell
    void finished(); // every cell finished (done, failed or cancelled)

private:
    void startMore(); // fills the pool from the queue
    void startCell(int index);
    void onRunnerChanged(int index);
    void onRunnerFinished(int index);
    void onDownloaded(const QString &turnId, const QString &itemId, const ImageAsset &result);
    void finishCellIfSettled(int index);
    int indexOfTurn(const QString &turnId) const;

    TurnRunner::Context m_context;
    ProviderLookup m_providers;
    ImageDownloads *m_downloads;
    CompareSpec m_spec;
    QList<Cell> m_cells;
    QList<QPointer<TurnRunner>> m_runners; // per cell, while it runs
    int m_concurrency = defaultConcurrency;
    bool m_started = false;
    bool m_cancelled = false;
};
