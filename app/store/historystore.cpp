#include "historystore.h"

#include "historydatabase.h"
#include "historyschema.h"

#include <QPromise>
#include <QThread>

#include <memory>

// Lives on the worker thread. It creates the database (and so the connection) there on first use
// and drops it there when the store closes.
class HistoryStore::Worker : public QObject
{
public:
    explicit Worker(const QString &path)
        : m_path(path)
    {
        setObjectName(QStringLiteral("easel-history"));
    }

    HistoryDatabase &database()
    {
        if (!m_database)
            m_database = std::make_unique<HistoryDatabase>(m_path);
        return *m_database;
    }
    void close() { m_database.reset(); }

private:
    QString m_path;
    std::unique_ptr<HistoryDatabase> m_database;
};

HistoryStore::HistoryStore(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_worker(new Worker(databasePath))
    , m_thread(new QThread(this))
{
    qRegisterMetaType<ConversationSummary>();
    qRegisterMetaType<LibraryImage>();
    qRegisterMetaType<StoreCleaner::Report>();
    m_thread->setObjectName(QStringLiteral("easel-history"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

HistoryStore::~HistoryStore()
{
    // Queued behind every write already asked for: they all land before the connection closes.
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->close();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_worker; // its thread has stopped
}

int HistoryStore::currentSchemaVersion()
{
    return HistorySchema::currentVersion();
}

template<typename T, typename Work>
QFuture<T> HistoryStore::post(Work work, bool changesConversations)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, promise, work = std::move(work), changesConversations]() mutable {
            T result = work(worker->database());
            promise->addResult(std::move(result));
            promise->finish();
            // Queued to the store's thread; dropped if the store is gone by then.
            if (changesConversations)
                QMetaObject::invokeMethod(
                    this, [this] { Q_EMIT conversationsChanged(); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<HistoryStore::OpenResult> HistoryStore::open()
{
    return post<OpenResult>([](HistoryDatabase &db) { return db.open(); }, true);
}

QFuture<QList<ConversationSummary>> HistoryStore::conversations()
{
    return post<QList<ConversationSummary>>([](HistoryDatabase &db) { return db.conversations(); },
                                            false);
}

QFuture<ConversationSummary>
HistoryStore::createConversation(const ConversationSummary &conversation)
{
    return post<ConversationSummary>(
        [conversation](HistoryDatabase &db) { return db.createConversation(conversation); }, true);
}

QFuture<bool> HistoryStore::renameConversation(const QString &id, const QString &title)
{
    return post<bool>([id, title](HistoryDatabase &db) { return db.renameConversation(id, title); },
                      true);
}

QFuture<bool> HistoryStore::setConversationDeleted(const QString &id, bool deleted)
{
    return post<bool>(
        [id, deleted](HistoryDatabase &db) { return db.setConversationDeleted(id, deleted); },
        true);
}

void HistoryStore::setFileFolders(const QString &imageRoot, const QString &previewRoot)
{
    m_imageRoot = imageRoot;
    m_previewRoot = previewRoot;
    m_paths = StoredPaths(imageRoot, previewRoot);
}

StoreCleaner::Report HistoryStore::purgeAndSweep(HistoryDatabase &db, const QString &id,
                                                 const QString &imageRoot,
                                                 const QString &previewRoot)
{
    StoreCleaner::Report report;
    report.conversationsPurged = db.purgeDeleted(id);
    QSet<QString> inUse;
    // Read after the purge and in the same task: no save can come between the two.
    if (report.conversationsPurged < 0 || !db.referencedFileNames(&inUse))
        return report; // not knowing what is in use, nothing is deleted
    report.ran = true;
    const QDateTime now = QDateTime::currentDateTime();
    report.images
        = StoreCleaner::sweep(imageRoot, inUse, now.addSecs(-StoreCleaner::imageGraceSeconds));
    report.previews
        = StoreCleaner::sweep(previewRoot, inUse, now.addSecs(-StoreCleaner::previewMaxAgeSeconds));
    qInfo("History clean-up: %s", qPrintable(report.summary()));
    return report;
}

void HistoryStore::reportCleanup(const StoreCleaner::Report &report)
{
    // Queued to the store's thread; dropped if the store is gone by then.
    QMetaObject::invokeMethod(
        this,
        [this, report] {
            m_lastCleanup = report;
            Q_EMIT cleanedUp(report);
        },
        Qt::QueuedConnection);
}

QFuture<bool> HistoryStore::purgeDeletedConversations()
{
    return purgeConversation({});
}

QFuture<bool> HistoryStore::purgeConversation(const QString &id)
{
    return post<bool>(
        [this, id, images = m_imageRoot, previews = m_previewRoot](HistoryDatabase &db) {
            if (images.isEmpty() && previews.isEmpty())
                return db.purgeDeleted(id) >= 0;
            const StoreCleaner::Report report = purgeAndSweep(db, id, images, previews);
            reportCleanup(report);
            return report.conversationsPurged >= 0;
        },
        true);
}

QFuture<StoreCleaner::Report> HistoryStore::cleanUp()
{
    return post<StoreCleaner::Report>(
        [this, images = m_imageRoot, previews = m_previewRoot](HistoryDatabase &db) {
            const StoreCleaner::Report report = purgeAndSweep(db, {}, images, previews);
            reportCleanup(report);
            return report;
        },
        true);
}

QFuture<QList<Turn>> HistoryStore::turns(const QString &conversationId)
{
    return post<QList<Turn>>(
        [conversationId, paths = m_paths](HistoryDatabase &db) {
            QList<Turn> turns = db.turns(conversationId);
            for (Turn &turn : turns)
                paths.resolve(&turn);
            return turns;
        },
        false);
}

QFuture<bool> HistoryStore::saveTurn(const QString &conversationId, const Turn &turn)
{
    // The sidebar's counts change when a turn ends; the saves of a running turn (several a
    // second) do not make it list the conversations again.
    return post<bool>(
        [conversationId, turn](HistoryDatabase &db) { return db.saveTurn(conversationId, turn); },
        !turn.isRunning());
}

QFuture<QList<SearchHit>> HistoryStore::search(const QString &text, int limit)
{
    return post<QList<SearchHit>>(
        [text, limit](HistoryDatabase &db) { return db.search(text, limit); }, false);
}

QFuture<QList<LibraryImage>> HistoryStore::libraryImages(const LibraryFilter &filter, int offset,
                                                         int limit)
{
    return post<QList<LibraryImage>>(
        [filter, offset, limit, paths = m_paths](HistoryDatabase &db) {
            QList<LibraryImage> images = db.libraryImages(filter, offset, limit);
            for (LibraryImage &image : images)
                image.filePath = paths.resolve(image.filePath);
            return images;
        },
        false);
}

QFuture<int> HistoryStore::libraryImageCount(const LibraryFilter &filter)
{
    return post<int>([filter](HistoryDatabase &db) { return db.libraryImageCount(filter); }, false);
}

QFuture<bool> HistoryStore::setFavourite(const QString &imageHash, bool favourite)
{
    return post<bool>([imageHash, favourite](
                          HistoryDatabase &db) { return db.setFavourite(imageHash, favourite); },
                      false);
}

QFuture<QThread *> HistoryStore::threadOfWork()
{
    return post<QThread *>([](HistoryDatabase &) { return QThread::currentThread(); }, false);
}
