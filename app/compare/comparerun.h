#pragma once

#include "chat/turnrunner.h"
#include "comparespec.h"
#include "image/referenceimages.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class ImageDownloads;

// Runs the cells of a compare spec, at most `concurrency` at a time, each as its own turn: through
// the provider's direct image endpoint when it has one, otherwise through the image tool forced
// with tool_choice. A cell that fails says why and leaves the others running; cancel() stops the
// running cells and the queued ones never start. Linked images are downloaded and a cell counts
// as finished only once they are in the store. It knows nothing about widgets or history.
// A spec with reference images (and perhaps a mask) has them read, checked and scaled once,
// before any cell starts, off the GUI thread; every cell then goes through the image tool with
// them, and if they cannot be sent every cell fails with the reason and nothing goes out.
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

    // The spec's reference images as prepared for the cells: once for each different set of
    // limits among the cells' providers and image models (usually one).
    struct References
    {
        QList<ReferenceLimits> limits;
        QList<PreparedReferences> prepared; // one per entry of limits
        QString error; // the first preparation's error: no cell may be sent
        QStringList notes; // every preparation's notes, each once ("a.jpg scaled from ...")
        bool ok() const { return error.isEmpty(); }
        // What was prepared for `forLimits`, or nullptr.
        const PreparedReferences *find(const ReferenceLimits &forLimits) const;
    };

    static constexpr int defaultConcurrency = 3;

    CompareRun(const TurnRunner::Context &context, ProviderLookup providers,
               QObject *parent = nullptr);
    ~CompareRun() override;

    // Starts the cells of `spec` (validated by the caller). Once per run. With reference images
    // in the spec, the cells wait until they are prepared (referencesPrepared()), unless
    // `prepared` gives them already (prepareReferences() with referenceLimitsFor() of the same
    // spec and providers: the command line does, to refuse a bad file before asking about cost).
    void start(const CompareSpec &spec, int concurrency = defaultConcurrency,
               const std::optional<References> &prepared = std::nullopt);
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
    // The prepared reference images; empty until referencesPrepared() (and for a spec without).
    const References &references() const { return m_references; }
    bool isPreparingReferences() const { return m_preparing != nullptr; }

    // How a cell goes to its provider: Images when it has a direct image endpoint, otherwise the
    // image tool of the Responses API. With reference images never Images, which takes none:
    // Responses, or the provider's own flavour when it does not speak Responses.
    static ApiFlavour routeFor(const ProviderProfile &provider, bool withReferences = false);
    // The request of a cell as it will be sent on `route`, with `references`' images and mask.
    static GatewayRequest requestFor(const CompareCell &cell, const ProviderProfile &provider,
                                     ApiFlavour route, int imagesPerCell,
                                     const PreparedReferences &references = {});

    // The different limits the cells of `spec` send their reference images under, in cell
    // order; cells of unknown providers are left out (they fail anyway).
    static QList<ReferenceLimits> referenceLimitsFor(const CompareSpec &spec,
                                                     const ProviderLookup &providers);
    // Reads and checks the spec's reference images for each of `limits`, here and now (any
    // thread). Empty when the spec has none.
    static References prepareReferences(const CompareSpec &spec,
                                        const QList<ReferenceLimits> &limits);
    static bool sameLimits(const ReferenceLimits &a, const ReferenceLimits &b);
    // Why the spec's reference images cannot go out at all, found without reading them: more
    // images than a cell's provider takes (every cell would fail), or no cell with a route that
    // carries them (the direct image endpoint takes none; a mask only goes through Responses).
    // "" when they can; when only some cells' routes refuse them, those cells fail with the
    // reason once the run starts and the others run. Cells of unknown providers are left out.
    static QString referencesRefusal(const CompareSpec &spec, const ProviderLookup &providers);

Q_SIGNALS:
    void cellChanged(int index); // progress, previews, images, the end of a cell
    void finished(); // every cell finished (done, failed or cancelled)
    // The reference images are read: references() has their notes, or the error every cell
    // failed with.
    void referencesPrepared();

private:
    void startMore(); // fills the pool from the queue
    void prepareReferencesAsync(const QList<ReferenceLimits> &limits);
    void onReferencesPrepared(const References &references);
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
    References m_references;
    QObject *m_preparing = nullptr; // watches the preparation while it runs; the cells wait
    int m_concurrency = defaultConcurrency;
    bool m_started = false;
    bool m_cancelled = false;
};
