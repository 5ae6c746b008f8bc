#pragma once

#include "historystore.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

// The synchronous half of HistoryStore: one QSQLITE connection and every statement Easel runs on
// it. It is created, used and destroyed on the store's worker thread only (QtSql connections
// belong to the thread that opened them).
class HistoryDatabase
{
    Q_DECLARE_TR_FUNCTIONS(HistoryDatabase)

public:
    explicit HistoryDatabase(const QString &path);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    HistoryStore::OpenResult open();
    bool isOpen() const { return m_open; }

    QList<ConversationSummary> conversations();
    ConversationSummary createConversation(const ConversationSummary &conversation);
    bool renameConversation(const QString &id, const QString &title);
    bool setConversationDeleted(const QString &id, bool deleted);
    bool purgeDeletedConversations();
    // Purges the deleted conversation `id` ("" = every deleted one): the number purged, -1 when
    // the purge failed. A conversation not marked deleted is never purged.
    int purgeDeleted(const QString &id);
    // The names (not paths: the data folder may have moved) of every file the history refers to:
    // final images, previews kept by stopped turns, attachments, in every conversation still
    // stored (deleted ones waiting for their undo included). False when they cannot be read, and
    // then nothing may be deleted.
    bool referencedFileNames(QSet<QString> *names);

    QList<Turn> turns(const QString &conversationId);
    bool saveTurn(const QString &conversationId, const Turn &turn);

    QList<SearchHit> search(const QString &text, int limit);
    QList<LibraryImage> libraryImages(const LibraryFilter &filter, int offset, int limit);
    int libraryImageCount(const LibraryFilter &filter); // -1 when it cannot be counted
    bool setFavourite(const QString &imageHash, bool favourite);

    // A user's words as an FTS5 query: every word must appear (as a prefix), and characters
    // that mean something to FTS5 are taken literally. Empty when there is no word.
    static QString ftsQuery(const QString &text);
    // The name a corrupt file is moved to: history.corrupt-YYYYMMDD-HHMMSS.sqlite next to it.
    static QString corruptName(const QString &path, const QDateTime &when);

private:
    // The images a filter selects: the FROM and WHERE of the Library's queries, its values
    // appended to `values`.
    static QString libraryFromWhere(const LibraryFilter &filter, QVariantList *values);
    bool openConnection(QString *error);
    void closeConnection();
    bool isHealthy(QString *reason);
    QString moveAside(QString *error);
    int markInterrupted();
    void logError(const char *what, const QString &error) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    bool m_open = false;
};
