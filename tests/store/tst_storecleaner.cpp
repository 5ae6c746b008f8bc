// The clean-up of files nothing needs any more: image-store files whose conversations were
// purged, and old partial previews. Files are shared by hash, written before their row is saved,
// and perhaps used by a second Easel: only unreferenced AND old ones may go.
#include "store/historystore.h"
#include "store/imagestore.h"
#include "store/storecleaner.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

template<typename T> T result(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// A PNG of random pixels: every call gives other bytes, so another hash.
QByteArray uniquePng(int side = 16)
{
    QImage image(side, side, QImage::Format_RGB32);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            image.setPixel(x, y, QRandomGenerator::global()->generate());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool setAge(const QString &path, qint64 seconds)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(QDateTime::currentDateTime().addSecs(-seconds),
                            QFileDevice::FileModificationTime);
}

QDateTime modified(const QString &path)
{
    return QFileInfo(path).fileTime(QFileDevice::FileModificationTime);
}

ImageAsset asset(const ImageStore::Stored &stored, const QString &itemId,
                 ImageAsset::State state = ImageAsset::State::Final)
{
    ImageAsset image;
    image.itemId = itemId;
    image.state = state;
    image.hash = stored.hash;
    image.filePath = stored.filePath;
    image.mimeType = stored.mimeType;
    image.pixelSize = stored.pixelSize;
    image.byteSize = stored.byteSize;
    return image;
}

Turn turnWith(const QString &id, const QList<ImageAsset> &images,
              Turn::Status status = Turn::Status::Done)
{
    Turn turn;
    turn.id = id;
    turn.prompt = QStringLiteral("prompt of ") + id;
    turn.status = status;
    turn.startedAt = QDateTime::currentDateTime();
    turn.images = images;
    return turn;
}

constexpr qint64 hour = 60 * 60;
constexpr qint64 day = 24 * hour;

} // namespace

class TestStoreCleaner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sweepDeletesOnlyUnreferencedOldStoreFiles_data();
    void sweepDeletesOnlyUnreferencedOldStoreFiles();
    void sweepOfAMissingFolderIsEmpty();
    void purgeRemovesExactlyTheUnreferencedOldFiles();
    void previewsAreTrimmedByAge();
    void startUpPurgesConversationsDeletedInAnEarlierRun();
    void nothingIsDeletedWhenTheHistoryCannotBeRead();
    void reusedContentCountsAsYoung();
    void summaryCountsAndBytes();

private:
    std::unique_ptr<HistoryStore> openStore();
    QString conversation(HistoryStore &store, const QString &title);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_imageRoot;
    QString m_previewRoot;
    std::unique_ptr<ImageStore> m_images;
    std::unique_ptr<ImageStore> m_previews;
};

void TestStoreCleaner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_imageRoot = m_dir->filePath(QStringLiteral("data/images"));
    m_previewRoot = m_dir->filePath(QStringLiteral("cache/previews"));
    m_images = std::make_unique<ImageStore>(m_imageRoot);
    m_previews = std::make_unique<ImageStore>(m_previewRoot);
}

void TestStoreCleaner::cleanup()
{
    m_images.reset();
    m_previews.reset();
    m_dir.reset();
}

std::unique_ptr<HistoryStore> TestStoreCleaner::openStore()
{
    auto store
        = std::make_unique<HistoryStore>(m_dir->filePath(QStringLiteral("data/history.sqlite")));
    store->setFileFolders(m_imageRoot, m_previewRoot);
    const HistoryStore::OpenResult opened = result(store->open());
    if (!opened.ok)
        qWarning("%s", qPrintable(opened.error));
    return store;
}

QString TestStoreCleaner::conversation(HistoryStore &store, const QString &title)
{
    ConversationSummary summary;
    summary.title = title;
    return result(store.createConversation(summary)).id;
}

void TestStoreCleaner::sweepDeletesOnlyUnreferencedOldStoreFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("ageSeconds");
    QTest::addColumn<bool>("referenced");
    QTest::addColumn<bool>("deleted");
    QTest::newRow("unreferenced, two hours old") << "image" << 2 * hour << false << true;
    QTest::newRow("unreferenced, a minute old") << "image" << qint64(60) << false << false;
    QTest::newRow("unreferenced, just under the hour") << "image" << hour - 120 << false << false;
    QTest::newRow("referenced, a year old") << "image" << 365 * day << true << false;
    QTest::newRow("leftover of a write cut short") << "partial write" << 2 * hour << false << true;
    QTest::newRow("not a store name") << "notes" << 365 * day << false << false;
    QTest::newRow("outside the hash folders") << "in root" << 365 * day << false << false;
}

void TestStoreCleaner::sweepDeletesOnlyUnreferencedOldStoreFiles()
{
    QFETCH(QString, kind);
    QFETCH(qint64, ageSeconds);
    QFETCH(bool, referenced);
    QFETCH(bool, deleted);
    const ImageStore::Stored stored = m_images->put(uniquePng());
    QVERIFY2(stored.ok, qPrintable(stored.error));
    QString path = stored.filePath;
    if (kind != QLatin1String("image")) {
        const QString folder = QFileInfo(stored.filePath).absolutePath();
        if (kind == QLatin1String("partial write"))
            path = stored.filePath + QStringLiteral(".aB3xYz");
        else if (kind == QLatin1String("notes"))
            path = folder + QStringLiteral("/notes.txt");
        else
            path = m_imageRoot + QLatin1Char('/') + QFileInfo(stored.filePath).fileName();
        QVERIFY(QFile::copy(stored.filePath, path));
        QVERIFY(QFile::remove(stored.filePath));
    }
    QVERIFY(setAge(path, ageSeconds));
    const qint64 size = QFileInfo(path).size();
    QSet<QString> keep { QStringLiteral("unrelated.png") };
    if (referenced)
        keep.insert(QFileInfo(path).fileName());

    const StoreCleaner::Sweep sweep = StoreCleaner::sweep(
        m_imageRoot, keep, QDateTime::currentDateTime().addSecs(-StoreCleaner::imageGraceSeconds));
    QCOMPARE(QFile::exists(path), !deleted);
    QCOMPARE(sweep.filesDeleted, deleted ? 1 : 0);
    QCOMPARE(sweep.bytesFreed, deleted ? size : 0);
    QCOMPARE(sweep.failures, 0);
}

void TestStoreCleaner::sweepOfAMissingFolderIsEmpty()
{
    const StoreCleaner::Sweep sweep = StoreCleaner::sweep(m_dir->filePath(QStringLiteral("none")),
                                                          {}, QDateTime::currentDateTime());
    QCOMPARE(sweep.filesDeleted, 0);
    QCOMPARE(sweep.failures, 0);
}

void TestStoreCleaner::purgeRemovesExactlyTheUnreferencedOldFiles()
{
    auto store = openStore();
    QSignalSpy cleaned(store.get(), &HistoryStore::cleanedUp);
    const ImageStore::Stored shared = m_images->put(uniquePng());
    const ImageStore::Stored onlyInDoomed = m_images->put(uniquePng());
    const ImageStore::Stored onlyInKept = m_images->put(uniquePng());
    const ImageStore::Stored onlyInPending = m_images->put(uniquePng());
    const ImageStore::Stored doomedButYoung = m_images->put(uniquePng());
    const ImageStore::Stored orphanOld = m_images->put(uniquePng()); // its row never came
    const ImageStore::Stored orphanYoung = m_images->put(uniquePng()); // a turn streaming now
    for (const auto *s : { &shared, &onlyInDoomed, &onlyInKept, &onlyInPending, &doomedButYoung,
                           &orphanOld, &orphanYoung })
        QVERIFY2(s->ok, qPrintable(s->error));

    const QString doomed = conversation(*store, QStringLiteral("Doomed"));
    const QString kept = conversation(*store, QStringLiteral("Kept"));
    const QString pending = conversation(*store, QStringLiteral("Deleted, undo still offered"));
    QVERIFY(result(store->saveTurn(doomed,
                                   turnWith(QStringLiteral("d1"),
                                            { asset(shared, QStringLiteral("ig_1")),
                                              asset(onlyInDoomed, QStringLiteral("ig_2")),
                                              asset(doomedButYoung, QStringLiteral("ig_3")) }))));
    QVERIFY(result(store->saveTurn(kept,
                                   turnWith(QStringLiteral("k1"),
                                            { asset(shared, QStringLiteral("ig_1")),
                                              asset(onlyInKept, QStringLiteral("ig_2")) }))));
    QVERIFY(result(store->saveTurn(
        pending,
        turnWith(QStringLiteral("p1"), { asset(onlyInPending, QStringLiteral("ig_1")) }))));
    for (const auto *s : { &shared, &onlyInDoomed, &onlyInKept, &onlyInPending, &orphanOld })
        QVERIFY(setAge(s->filePath, 3 * hour));
    QVERIFY(setAge(doomedButYoung.filePath, 10 * 60));

    QVERIFY(result(store->setConversationDeleted(doomed, true)));
    QVERIFY(result(store->setConversationDeleted(pending, true)));
    QVERIFY(result(store->purgeConversation(doomed)));

    QVERIFY(!QFile::exists(onlyInDoomed.filePath));
    QVERIFY(!QFile::exists(orphanOld.filePath));
    QVERIFY(QFile::exists(shared.filePath)); // the kept conversation still shows it
    QVERIFY(QFile::exists(onlyInKept.filePath));
    QVERIFY(QFile::exists(onlyInPending.filePath)); // its conversation can still come back
    QVERIFY(QFile::exists(doomedButYoung.filePath)); // unreferenced, but too young
    QVERIFY(QFile::exists(orphanYoung.filePath));
    QVERIFY(result(store->setConversationDeleted(pending, false))); // not purged with the other
    QCOMPARE(result(store->turns(pending)).size(), 1);
    QVERIFY(!result(store->setConversationDeleted(doomed, false))); // gone for good

    QTRY_COMPARE(cleaned.size(), 1);
    const auto report = cleaned.at(0).at(0).value<StoreCleaner::Report>();
    QVERIFY(report.ran);
    QCOMPARE(report.conversationsPurged, 1);
    QCOMPARE(report.images.filesDeleted, 2);
    QCOMPARE(report.images.bytesFreed, onlyInDoomed.byteSize + orphanOld.byteSize);
    QCOMPARE(report.images.failures, 0);
    QCOMPARE(store->lastCleanup().images.filesDeleted, 2);

    // Purging again finds nothing more to delete.
    QVERIFY(result(store->purgeDeletedConversations()));
    QTRY_COMPARE(cleaned.size(), 2);
    QCOMPARE(cleaned.at(1).at(0).value<StoreCleaner::Report>().images.filesDeleted, 0);
    QVERIFY(QFile::exists(shared.filePath));
}

void TestStoreCleaner::previewsAreTrimmedByAge()
{
    auto store = openStore();
    const ImageStore::Stored lastWeek = m_previews->put(uniquePng());
    const ImageStore::Stored yesterday = m_previews->put(uniquePng());
    const ImageStore::Stored keptByStoppedTurn = m_previews->put(uniquePng());
    const ImageStore::Stored finalImage = m_images->put(uniquePng());
    QVERIFY(setAge(lastWeek.filePath, 8 * day));
    QVERIFY(setAge(yesterday.filePath, 1 * day));
    QVERIFY(setAge(keptByStoppedTurn.filePath, 30 * day));
    QVERIFY(setAge(finalImage.filePath, 30 * day));
    // A stopped turn shows its last preview in place of the image that never came.
    const QString c = conversation(*store, QStringLiteral("Stopped"));
    QVERIFY(result(store->saveTurn(
        c,
        turnWith(QStringLiteral("s1"),
                 { asset(keptByStoppedTurn, QStringLiteral("ig_1"), ImageAsset::State::Partial),
                   asset(finalImage, QStringLiteral("ig_2")) },
                 Turn::Status::Cancelled))));

    const StoreCleaner::Report report = result(store->cleanUp());
    QVERIFY(report.ran);
    QVERIFY(!QFile::exists(lastWeek.filePath));
    QVERIFY(QFile::exists(yesterday.filePath));
    QVERIFY(QFile::exists(keptByStoppedTurn.filePath));
    QVERIFY(QFile::exists(finalImage.filePath));
    QCOMPARE(report.previews.filesDeleted, 1);
    QCOMPARE(report.previews.bytesFreed, lastWeek.byteSize);
    QCOMPARE(report.images.filesDeleted, 0);
}

void TestStoreCleaner::startUpPurgesConversationsDeletedInAnEarlierRun()
{
    ImageStore::Stored image;
    QString gone;
    QString stays;
    {
        auto store = openStore();
        image = m_images->put(uniquePng());
        gone = conversation(*store, QStringLiteral("Deleted, Easel quit during the undo"));
        stays = conversation(*store, QStringLiteral("Stays"));
        QVERIFY(result(
            store->saveTurn(gone, turnWith(QStringLiteral("g1"), { asset(image, "ig_1") }))));
        QVERIFY(result(store->setConversationDeleted(gone, true)));
    } // quit
    QVERIFY(setAge(image.filePath, 2 * hour));

    auto store = openStore();
    QSignalSpy cleaned(store.get(), &HistoryStore::cleanedUp);
    const StoreCleaner::Report report = result(store->cleanUp());
    QCOMPARE(report.conversationsPurged, 1);
    QCOMPARE(report.images.filesDeleted, 1);
    QVERIFY(!QFile::exists(image.filePath));
    QVERIFY(!result(store->setConversationDeleted(gone, false)));
    QCOMPARE(result(store->conversations()).size(), 1);
    QCOMPARE(result(store->conversations()).first().id, stays);
    QTRY_COMPARE(cleaned.size(), 1);
    QVERIFY2(report.summary().contains(QStringLiteral("1 deleted conversation")),
             qPrintable(report.summary()));
}

void TestStoreCleaner::nothingIsDeletedWhenTheHistoryCannotBeRead()
{
    const ImageStore::Stored image = m_images->put(uniquePng());
    QVERIFY(setAge(image.filePath, 30 * day));
    // A store that never opened knows of no reference at all: that must not mean "unused".
    HistoryStore store(m_dir->filePath(QStringLiteral("data/history.sqlite")));
    store.setFileFolders(m_imageRoot, m_previewRoot);
    const StoreCleaner::Report report = result(store.cleanUp());
    QVERIFY(!report.ran);
    QCOMPARE(report.images.filesDeleted, 0);
    QVERIFY(QFile::exists(image.filePath));
}

void TestStoreCleaner::reusedContentCountsAsYoung()
{
    // The same bytes arrive again after the file's last reference was purged: put() finds the
    // file and reuses it, so it must not look old to a clean-up running before the row is saved.
    const QByteArray bytes = uniquePng();
    const ImageStore::Stored first = m_images->put(bytes);
    QVERIFY(setAge(first.filePath, 5 * hour));
    QVERIFY(modified(first.filePath) < QDateTime::currentDateTime().addSecs(-4 * hour));
    const ImageStore::Stored again = m_images->put(bytes);
    QVERIFY(again.ok);
    QCOMPARE(again.filePath, first.filePath);
    QVERIFY(modified(first.filePath) > QDateTime::currentDateTime().addSecs(-60));
    const StoreCleaner::Sweep sweep = StoreCleaner::sweep(
        m_imageRoot, {}, QDateTime::currentDateTime().addSecs(-StoreCleaner::imageGraceSeconds));
    QCOMPARE(sweep.filesDeleted, 0);
    QVERIFY(QFile::exists(first.filePath));
}

void TestStoreCleaner::summaryCountsAndBytes()
{
    StoreCleaner::Report report;
    QVERIFY(report.summary().contains(QStringLiteral("could not be read")));
    report.ran = true;
    QCOMPARE(report.summary(), QStringLiteral("Nothing to clean up."));
    report.conversationsPurged = 2;
    report.images = { 3, 3 * 1024 * 1024, 0 };
    report.previews = { 1, 512 * 1024, 1 };
    QCOMPARE(report.bytesFreed(), qint64(3.5 * 1024 * 1024));
    QCOMPARE(report.summary(),
             QStringLiteral("Freed 3.5 MB: 2 deleted conversations, 3 unused images, 1 old "
                            "preview. 1 file(s) could not be deleted and are left for the next "
                            "time."));
}

QTEST_GUILESS_MAIN(TestStoreCleaner)
#include "tst_storecleaner.moc"
