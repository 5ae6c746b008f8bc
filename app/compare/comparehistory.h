#pragma once

#include "comparespec.h"
#include "model/turn.h"
#include "store/historytypes.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class CompareRun;
class HistoryStore;

// Keeps a compare run in the history as it progresses, like a conversation of its own kind: the
// spec in the conversation row, each cell a turn (Turn::compareCell) saved when it starts, when
// its images change and when it ends. Its images are then in the library like any other, and a
// run can be opened again from the history. Reading it back is fromStored().
class CompareHistory : public QObject
{
    Q_OBJECT
public:
    // A stored run: its spec and one turn per cell, in cell order; a cell that never started
    // (Easel quit first) comes back as cancelled with a sentence saying so.
    struct StoredRun
    {
        QString conversationId;
        CompareSpec spec;
        QList<Turn> cells;
    };

    // Starts saving `run` to `store`; create it before run->start(). Neither is owned.
    CompareHistory(HistoryStore *store, CompareRun *run, QObject *parent = nullptr);

    QString conversationId() const { return m_conversationId; }

    // "Compare · a lighthouse at dusk", the title the sidebar shows.
    static QString titleFor(const CompareSpec &spec);
    // The conversation row of a run (kind Compare, the spec as JSON).
    static ConversationSummary summaryFor(const CompareSpec &spec);
    // Rebuilds a run from its conversation row and turns. False with a plain sentence when the
    // row is not a compare run or its spec cannot be read.
    static bool fromStored(const ConversationSummary &summary, const QList<Turn> &turns,
                           StoredRun *run, QString *error);

private:
    void onCellChanged(int index);

    QPointer<HistoryStore> m_store;
    CompareRun *m_run;
    QString m_conversationId;
    QList<QString> m_savedSignatures; // per cell: its state when last saved
};
