#pragma once

#include "historytypes.h"
#include "model/turn.h"
#include "storecleaner.h"
#include "storedpaths.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

class HistoryDatabase;
class QThread;

// The conversation history: SQLite (WAL) through QtSql, on ONE worker thread that owns the
// connection; every call returns a QFuture so the GUI thread never waits on the disk. Turns are
// stored as they progress (prompt, text, image references, usage, cost, status); image bytes
// live in the content-addressed ImageStore, never in the database. Versioned schema with tested
// upgrades; a corrupt database is moved aside under a dated name and a fresh one is created.
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    struct OpenResult
    {
        bool ok = false;
        QString error; // plain sentence when !ok
        QString movedAsideTo; // non-empty when a corrupt database was moved aside
        int schemaVersion = 0;
        int interruptedTurns = 0; // turns left running by a quit or a crash, now "interrupted"
    };

    explicit HistoryStore(const QString &databasePath, QObject *parent = nullptr);
    ~HistoryStore() override; // finishes queued writes, then closes

    static int currentSchemaVersion();
    QString databasePath() const { return m_path; }

    QFuture<OpenResult> open();

    QFuture<QList<ConversationSummary>> conversations(); // newest first, deleted ones excluded
    QFuture<ConversationSummary> createConversation(const ConversationSummary &conversation);
    QFuture<bool> renameConversation(const QString &id, const QString &title);
    // Deleting hides the conversation (undo brings it back); purge removes it for good, then
    // sweeps the files no conversation needs any more (see cleanUp()).
    QFuture<bool> setConversationDeleted(const QString &id, bool deleted);
    QFuture<bool> purgeDeletedConversations(); // every deleted one
    QFuture<bool> purgeConversation(const QString &id); // only when it is marked deleted

    // Where the image store and the partial-preview cache are, for the sweeps; without them a
    // purge touches the database only. Set before the first purge or clean-up.
    void setFileFolders(const QString &imageRoot, const QString &previewRoot);
    // Purges every deleted conversation (left by an earlier run), then deletes the image files no
    // stored turn refers to that are older than an hour, and the previews older than a week that
    // no stopped turn still shows. Run at start-up, on the worker thread; cleanedUp() tells what
    // it freed (also logged). A file that cannot be deleted waits for the next clean-up.
    QFuture<StoreCleaner::Report> cleanUp();
    StoreCleaner::Report lastCleanup() const { return m_lastCleanup; }

    QFuture<QList<Turn>> turns(const QString &conversationId); // oldest first
    // Inserts or replaces the turn (by Turn::id) and its image rows; updates the FTS index and
    // the conversation's updated time and totals. Writes are applied in call order.
    QFuture<bool> saveTurn(const QString &conversationId, const Turn &turn);

    // Every word of `text` must match (as a prefix) a prompt, a revised prompt or a reply; best
    // first. SearchHit::snippet is plain text with the matched words between
    // SearchHit::matchStart and SearchHit::matchEnd.
    QFuture<QList<SearchHit>> search(const QString &text, int limit = 50);
    QFuture<QList<LibraryImage>> libraryImages(const LibraryFilter &filter, int offset, int limit);
    // How many images `filter` selects in all (the Library says it before the last page loads);
    // -1 when they cannot be counted.
    QFuture<int> libraryImageCount(const LibraryFilter &filter);
    QFuture<bool> setFavourite(const QString &imageHash, bool favourite);

    // The thread that owns the connection and runs every call, and (for tests) the thread a call
    // actually ran on: the GUI thread never touches the database.
    QThread *workerThread() const { return m_thread; }
    QFuture<QThread *> threadOfWork();

Q_SIGNALS:
    void conversationsChanged();
    void cleanedUp(const StoreCleaner::Report &report);

private:
    class Worker;
    // Queues `work` (a callable taking HistoryDatabase &) on the worker thread; calls run one at
    // a time in the order they were made.
    template<typename T, typename Work> QFuture<T> post(Work work, bool changesConversations);

    // A purge of `id` ("" = every deleted conversation) and the sweeps, on the worker thread.
    static StoreCleaner::Report purgeAndSweep(HistoryDatabase &db, const QString &id,
                                              const QString &imageRoot, const QString &previewRoot);
    void reportCleanup(const StoreCleaner::Report &report);

    QString m_path;
    QString m_imageRoot;
    QString m_previewRoot;
    StoredPaths m_paths; // the read turns' and images' paths, as the folders now are
    StoreCleaner::Report m_lastCleanup;
    Worker *m_worker;
    QThread *m_thread;
};
