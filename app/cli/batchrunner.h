#pragma once

#include "compare/comparerun.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

// Runs a compare spec for the command line: a CompareRun in the event loop, with one progress
// line per cell on stderr when it is sent and when it ends, e.g.
//   [3/9] quality=high, image-model=gpt-image-1: done in 12.4 s, $0.167 (estimated)
//   [4/9] quality=low, image-model=gpt-image-1.5: failed: The gateway answered 500 ...
// The count is of the cells finished so far, so the lines read as a progress bar in a log.
class BatchRunner : public QObject
{
    Q_OBJECT
public:
    using LineSink = std::function<void(const QString &line)>;

    BatchRunner(const TurnRunner::Context &context, CompareRun::ProviderLookup providers,
                LineSink progress, QObject *parent = nullptr);

    // `prepared`: the spec's reference images, already prepared (CompareRun::start).
    void start(const CompareSpec &spec, int concurrency,
               const std::optional<CompareRun::References> &prepared = std::nullopt);
    // Stops the run as the compare window's Stop does (CompareRun::cancel): the running cells are
    // cancelled, the queued ones never start, the finished ones keep their images; finished()
    // follows once the running ones have ended.
    void cancel() { m_run->cancel(); }
    const CompareRun &run() const { return *m_run; }
    CompareRun *compareRun() const { return m_run; } // to keep it in the history
    bool isFinished() const { return m_run->isFinished(); }

    // "quality=high, image-model=gpt-image-1", or for a run without axes its image model.
    static QString cellLabel(const CompareSpec &spec, const CompareCell &cell);
    // The line for a cell that has ended (see above): done, done with fewer images than asked,
    // cancelled or failed with the turn's own message.
    static QString finishedLine(int finished, int total, const QString &label, const Turn &turn,
                                int imagesAsked);
    // "$0.167 (estimated)", "$0.00 (demo)", "cost unknown".
    static QString costText(const Cost &cost);
    // The cost of the finished cells together, with the weakest basis among them.
    static Cost totalCost(const QList<CompareRun::Cell> &cells);
    // The cells that ended cancelled: the running ones a cancel stopped and the queued ones it
    // left unsent.
    static int cancelledCount(const QList<CompareRun::Cell> &cells);

Q_SIGNALS:
    void finished();

private:
    void onCellChanged(int index);

    CompareRun *m_run;
    LineSink m_progress;
    QList<bool> m_announced; // per cell: its "sent" line is out
    QList<bool> m_reported; // per cell: its end line is out
    int m_reportedCount = 0;
};
