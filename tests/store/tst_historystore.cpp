#include "store/historydatabase.h"
#include "store/historyschema.h"
#include "store/historystore.h"
#include "store/imagestore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

template<typename T> T result(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

QByteArray pngBytes(int width, int height, bool noise = false)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    if (noise) {
        auto *random = QRandomGenerator::global();
        for (int y = 0; y < height; ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < width; ++x)
                line[x] = random->generate();
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

ImageAsset finalImage(const ImageStore::Stored &stored, const QString &itemId,
                      const QString &revised = {})
{
    ImageAsset image;
    image.itemId = itemId;
    image.state = ImageAsset::State::Final;
    image.hash = stored.hash;
    image.filePath = stored.filePath;
    image.mimeType = stored.mimeType;
    image.pixelSize = stored.pixelSize;
    image.byteSize = stored.byteSize;
    image.report.revisedPrompt = revised;
    image.report.quality = QStringLiteral("high");
    image.report.size
        = QStringLiteral("%1x%2").arg(stored.pixelSize.width()).arg(stored.pixelSize.height());
    image.report.outputFormat = QStringLiteral("png");
    return image;
}

Turn makeTurn(const QString &id, const QString &prompt, const QString &text,
              Turn::Status status = Turn::Status::Done)
{
    Turn turn;
    turn.id = id;
    turn.prompt = prompt;
    turn.providerId = QStringLiteral("openai");
    turn.chatModel = QStringLiteral("gpt-5");
    turn.text = text;
    turn.status = status;
    turn.startedAt = QDateTime::currentDateTime();
    turn.durationMs = status == Turn::Status::Done ? 1234 : -1;
    return turn;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensFreshWithCurrentSchema();
    void createsItsFolder();
    void conversationsCreateListRenameDeleteUndoPurge();
    void turnRoundTrip_data();
    void turnRoundTrip();
    void turnsKeepTheirOrder();
    void writesApplyInCallOrder();
    void searchFindsPromptsRevisedPromptsAndReplies_data();
    void searchFindsPromptsRevisedPromptsAndReplies();
    void libraryFilters_data();
    void libraryFilters();
    void favouritesSurviveLaterSaves();
    void runningTurnsBecomeInterruptedAtOpen();
    void corruptFileIsMovedAside();
    void upgradesVersion1();
    void keepsCompareRunsApart();
    void refusesNewerSchema();
    void saysWhyItCannotOpen();
    void neverStoresImageBytes();
    void workRunsOffTheCallingThread();
    void movedDataFolderKeepsItsImages();
    void writeAheadLogStaysSmall();
    void searchHitsComeInTurnOrderWithinAConversation();

private:
    std::unique_ptr<HistoryStore> openStore(HistoryStore::OpenResult *opened = nullptr);
    void fillLibrary(HistoryStore &store);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dbPath;
    std::unique_ptr<ImageStore> m_images;
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath(QStringLiteral("history.sqlite"));
    m_images = std::make_unique<ImageStore>(m_dir->filePath(QStringLiteral("images")));
}

void TestHistoryStore::cleanup()
{
    m_images.reset();
    m_dir.reset();
}

std::unique_ptr<HistoryStore> TestHistoryStore::openStore(HistoryStore::OpenResult *opened)
{
    auto store = std::make_unique<HistoryStore>(m_dbPath);
    const HistoryStore::OpenResult r = result(store->open());
    if (opened)
        *opened = r;
    return store;
}

void TestHistoryStore::opensFreshWithCurrentSchema()
{
    HistoryStore::OpenResult opened;
    auto store = openStore(&opened);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QCOMPARE(opened.schemaVersion, HistoryStore::currentSchemaVersion());
    QVERIFY(opened.movedAsideTo.isEmpty());
    QCOMPARE(opened.interruptedTurns, 0);
    QVERIFY(result(store->conversations()).isEmpty());

    // WAL journal, as the design asks (several readers while the worker writes).
    store.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "wal");
        db.setDatabaseName(m_dbPath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("wal"));
}

void TestHistoryStore::createsItsFolder()
{
    m_dbPath = m_dir->filePath(QStringLiteral("new/data/history.sqlite"));
    HistoryStore::OpenResult opened;
    auto store = openStore(&opened);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QVERIFY(QFile::exists(m_dbPath));
}

void TestHistoryStore::conversationsCreateListRenameDeleteUndoPurge()
{
    auto store = openStore();
    QSignalSpy changed(store.get(), &HistoryStore::conversationsChanged);

    ConversationSummary older;
    older.title = QStringLiteral("A lighthouse at dusk");
    older.providerId = QStringLiteral("openai");
    older.createdAt = QDateTime::currentDateTime().addDays(-1);
    const ConversationSummary a = result(store->createConversation(older));
    QVERIFY(!a.id.isEmpty());
    ConversationSummary newer;
    newer.title = QStringLiteral("Robot gardener");
    const ConversationSummary b = result(store->createConversation(newer));
    QVERIFY(a.id != b.id);

    QList<ConversationSummary> list = result(store->conversations());
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, b.id); // newest first
    QCOMPARE(list.at(1).title, older.title);
    QCOMPARE(list.at(1).providerId, QStringLiteral("openai"));

    QVERIFY(result(store->renameConversation(a.id, QStringLiteral("Lighthouse"))));
    QVERIFY(!result(store->renameConversation(QStringLiteral("nope"), QStringLiteral("x"))));
    QVERIFY(result(store->saveTurn(a.id, makeTurn("t1", "a lighthouse", "Here it is."))));
    list = result(store->conversations());
    QCOMPARE(list.at(0).id, a.id); // a new turn makes it the most recent
    QCOMPARE(list.at(0).title, QStringLiteral("Lighthouse"));
    QCOMPARE(list.at(0).turnCount, 1);

    QVERIFY(result(store->setConversationDeleted(a.id, true)));
    list = result(store->conversations());
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).id, b.id);
    QVERIFY(result(store->setConversationDeleted(a.id, false))); // undo
    QCOMPARE(result(store->conversations()).size(), 2);
    QCOMPARE(result(store->turns(a.id)).size(), 1);

    QVERIFY(result(store->setConversationDeleted(a.id, true)));
    QVERIFY(result(store->purgeDeletedConversations()));
    QVERIFY(!result(store->setConversationDeleted(a.id, false))); // gone for good
    QVERIFY(result(store->turns(a.id)).isEmpty());
    QVERIFY(result(store->search(QStringLiteral("lighthouse"))).isEmpty());
    QCOMPARE(result(store->conversations()).size(), 1);
    QTRY_VERIFY(changed.count() >= 8);
}

void TestHistoryStore::turnRoundTrip_data()
{
    QTest::addColumn<int>("shape");
    QTest::newRow("text only") << 0;
    QTest::newRow("final image, usage and cost") << 1;
    QTest::newRow("failed with a message") << 2;
    QTest::newRow("attachments and linked image pending") << 3;
    QTest::newRow("streaming with a partial preview") << 4;
}

void TestHistoryStore::turnRoundTrip()
{
    QFETCH(int, shape);
    auto store = openStore();
    const QString conversation = result(store->createConversation({})).id;
    Turn turn = makeTurn(QStringLiteral("turn-%1").arg(shape), QStringLiteral("a red fox"),
                         QStringLiteral("**Fox** in the snow"));
    turn.requested.quality = QStringLiteral("high");
    turn.requested.size = QStringLiteral("1024x1024");
    turn.responseId = QStringLiteral("resp_123");
    switch (shape) {
    case 1: {
        turn.images.append(
            finalImage(m_images->put(pngBytes(32, 24)), QStringLiteral("ig_1"), "A fox"));
        turn.usage.inputTokens = 120;
        turn.usage.outputTokens = 80;
        turn.usage.hasImageTokens = true;
        turn.usage.imageOutputTokens = 4160;
        turn.usage.billedCostUsd = 0.042;
        turn.cost = Cost { 0.042, Cost::Basis::Billed, {} };
        break;
    }
    case 2:
        turn.status = Turn::Status::Failed;
        turn.errorMessage = QStringLiteral("The gateway said 500.");
        break;
    case 3: {
        turn.attachments.append({ QStringLiteral("/tmp/ref.png"), QStringLiteral("image/png") });
        ImageAsset linked;
        linked.itemId = QStringLiteral("ig_2");
        linked.sourceUrl = QStringLiteral("https://example.com/i.png");
        turn.images.append(linked);
        break;
    }
    case 4: {
        turn.status = Turn::Status::Streaming;
        ImageAsset partial;
        partial.itemId = QStringLiteral("ig_3");
        partial.state = ImageAsset::State::Partial;
        partial.partialIndex = 1;
        partial.filePath = QStringLiteral("/cache/previews/p.png");
        turn.images.append(partial);
        break;
    }
    }
    QVERIFY(result(store->saveTurn(conversation, turn)));
    const QList<Turn> back = result(store->turns(conversation));
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).toJson(), turn.toJson());
    // And after a restart, too (a finished turn is not touched at open).
    store = openStore();
    if (!turn.isRunning())
        QCOMPARE(result(store->turns(conversation)).at(0).toJson(), turn.toJson());
}

void TestHistoryStore::turnsKeepTheirOrder()
{
    auto store = openStore();
    const QString c = result(store->createConversation({})).id;
    const QString other = result(store->createConversation({})).id;
    for (const char *id : { "first", "second", "third" })
        store->saveTurn(c, makeTurn(QString::fromLatin1(id), QString::fromLatin1(id), {}));
    store->saveTurn(other, makeTurn(QStringLiteral("elsewhere"), QStringLiteral("x"), {}));
    // Saving an earlier turn again (a late download) does not move it.
    store->saveTurn(c, makeTurn(QStringLiteral("first"), QStringLiteral("first"), "later"));
    const QList<Turn> turns = result(store->turns(c));
    QStringList ids;
    for (const Turn &t : turns)
        ids.append(t.id);
    QCOMPARE(ids, QStringList({ "first", "second", "third" }));
    QCOMPARE(turns.at(0).text, QStringLiteral("later"));
}

void TestHistoryStore::writesApplyInCallOrder()
{
    auto store = openStore();
    const QString c = result(store->createConversation({})).id;
    Turn turn
        = makeTurn(QStringLiteral("growing"), QStringLiteral("p"), {}, Turn::Status::Streaming);
    QFuture<bool> last;
    for (int i = 0; i < 200; ++i) {
        turn.text += QStringLiteral("w%1 ").arg(i);
        last = store->saveTurn(c, turn); // not waited for: they queue
    }
    QVERIFY(result(last));
    QCOMPARE(result(store->turns(c)).at(0).text, turn.text);
}

void TestHistoryStore::searchFindsPromptsRevisedPromptsAndReplies_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("turns");
    QTest::addColumn<QString>("snippetHas");
    QTest::newRow("prompt word") << "lighthouse" << QStringList { "t1" } << "«lighthouse»";
    QTest::newRow("reply word") << "teal" << QStringList { "t2" } << "«teal»";
    QTest::newRow("revised prompt") << "cinematic" << QStringList { "t1" } << "«cinematic»";
    QTest::newRow("prefix") << "lightho" << QStringList { "t1" } << "«lighthouse»";
    QTest::newRow("all words must match") << "robot lighthouse" << QStringList {} << "";
    QTest::newRow("FTS syntax taken literally")
        << "\"robot\" ( *: -" << QStringList { "t2" } << "«robot»";
    QTest::newRow("deleted conversations are not searched") << "hidden" << QStringList {} << "";
    QTest::newRow("blank") << "   " << QStringList {} << "";
    // The reply of t2 holds "éléphant" with combining accents (e + U+0301), as text pasted from
    // some sources does; that same text, composed or plain, finds it.
    const QString decomposed = QStringLiteral("e\u0301le\u0301phant");
    QTest::newRow("decomposed accents") << decomposed << QStringList { "t2" } << "phant»";
    QTest::newRow("composed accents")
        << QStringLiteral("éléphant") << QStringList { "t2" } << "phant»";
    QTest::newRow("no accents") << "elephant" << QStringList { "t2" } << "phant»";
}

void TestHistoryStore::searchFindsPromptsRevisedPromptsAndReplies()
{
    QFETCH(QString, query);
    QFETCH(QStringList, turns);
    QFETCH(QString, snippetHas);
    auto store = openStore();
    ConversationSummary summary;
    summary.title = QStringLiteral("Coast");
    const QString c = result(store->createConversation(summary)).id;
    Turn t1 = makeTurn(QStringLiteral("t1"), QStringLiteral("a lighthouse on a cliff"),
                       QStringLiteral("Here you go."));
    t1.images.append(finalImage(m_images->put(pngBytes(8, 8)), QStringLiteral("ig_1"),
                                QStringLiteral("A cinematic wide shot of a lighthouse")));
    store->saveTurn(c, t1);
    store->saveTurn(
        c,
        makeTurn(QStringLiteral("t2"), QStringLiteral("a robot gardener"),
                 QStringLiteral("A teal robot tends roses by an e\u0301le\u0301phant.")));
    const QString gone = result(store->createConversation({})).id;
    store->saveTurn(gone, makeTurn(QStringLiteral("t3"), QStringLiteral("hidden thing"), {}));
    store->setConversationDeleted(gone, true);

    const QList<SearchHit> hits = result(store->search(query));
    QStringList found;
    for (const SearchHit &hit : hits)
        found.append(hit.turnId);
    QCOMPARE(found, turns);
    if (!hits.isEmpty()) {
        // The marks are control characters (no prompt holds them); « » here only to read well.
        QString snippet = hits.at(0).snippet;
        snippet.replace(QChar(SearchHit::matchStart), QStringLiteral("\u00ab"))
            .replace(QChar(SearchHit::matchEnd), QStringLiteral("\u00bb"));
        QVERIFY2(snippet.contains(snippetHas, Qt::CaseInsensitive), qPrintable(snippet));
        QCOMPARE(hits.at(0).conversationId, c);
        QCOMPARE(hits.at(0).conversationTitle, QStringLiteral("Coast"));
        QVERIFY(hits.at(0).when.isValid());
    }
}

void TestHistoryStore::fillLibrary(HistoryStore &store)
{
    ConversationSummary one;
    one.title = QStringLiteral("One");
    const QString c1 = result(store.createConversation(one)).id;
    const QString c2 = result(store.createConversation({})).id;

    Turn a = makeTurn(QStringLiteral("a"), QStringLiteral("a castle"), {});
    a.requested.imageModel = QStringLiteral("gpt-image-1");
    a.images.append(finalImage(m_images->put(pngBytes(10, 10)), QStringLiteral("ig_a"),
                               QStringLiteral("A gothic castle")));
    a.images.last().report.quality = QStringLiteral("low");
    a.images.last().report.outputFormat = QStringLiteral("jpeg");
    Turn b = makeTurn(QStringLiteral("b"), QStringLiteral("a forest"), {});
    b.requested.imageModel = QStringLiteral("gpt-image-1.5");
    b.images.append(finalImage(m_images->put(pngBytes(12, 12)), QStringLiteral("ig_b1")));
    b.images.append(finalImage(m_images->put(pngBytes(14, 14)), QStringLiteral("ig_b2")));
    ImageAsset failed;
    failed.itemId = QStringLiteral("ig_b3");
    failed.state = ImageAsset::State::Failed;
    b.images.append(failed); // not in the library: it has no bytes
    Turn c = makeTurn(QStringLiteral("c"), QStringLiteral("a desert"), {});
    c.images.append(finalImage(m_images->put(pngBytes(16, 8)), QStringLiteral("ig_c")));
    QVERIFY(result(store.saveTurn(c1, a)));
    QVERIFY(result(store.saveTurn(c1, b)));
    QVERIFY(result(store.saveTurn(c2, c)));
    QVERIFY(result(store.setFavourite(b.images.at(1).hash, true)));
    QVERIFY(!result(store.setFavourite(QStringLiteral("0000"), true)));
}

// A data folder moved (or restored under another user name) keeps its files under the same names:
// the turns and the Library find them where the folder is now, not "missing" (the rows remember
// the old absolute paths). A reference picture from elsewhere keeps its path.
void TestHistoryStore::movedDataFolderKeepsItsImages()
{
    QTemporaryDir outside;
    QVERIFY(outside.isValid());
    const QString ownPicture = outside.filePath(QStringLiteral("my-sketch.png"));
    {
        QFile file(ownPicture);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pngBytes(4, 4));
    }
    const QString folder = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/masks")));
    const QString mask = folder + QStringLiteral("/masks/mask-1.png");
    {
        QFile file(mask);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pngBytes(8, 8));
    }
    ImageStore images(folder + QStringLiteral("/images"));
    QString conversation;
    QString stored; // the image's path as the history keeps it
    {
        HistoryStore store(folder + QStringLiteral("/history.sqlite"));
        store.setFileFolders(folder + QStringLiteral("/images"),
                             folder + QStringLiteral("/previews"));
        QVERIFY(result(store.open()).ok);
        conversation = result(store.createConversation({})).id;
        Turn turn = makeTurn(QStringLiteral("t"), QStringLiteral("a harbour at dawn"), {});
        turn.images.append(finalImage(images.put(pngBytes(10, 10)), QStringLiteral("ig_1")));
        turn.attachments.append({ ownPicture, QStringLiteral("image/png") });
        turn.maskPath = mask;
        QVERIFY(result(store.saveTurn(conversation, turn)));
        stored = turn.images.constFirst().filePath;
    }
    QVERIFY(stored.startsWith(folder));

    const QString moved = m_dir->filePath(QStringLiteral("restored/elsewhere"));
    QVERIFY(QDir().mkpath(QFileInfo(moved).path()));
    QVERIFY(QDir().rename(folder, moved));
    QVERIFY(!QFile::exists(stored));

    HistoryStore store(moved + QStringLiteral("/history.sqlite"));
    store.setFileFolders(moved + QStringLiteral("/images"), moved + QStringLiteral("/previews"));
    QVERIFY(result(store.open()).ok);
    const QList<Turn> turns = result(store.turns(conversation));
    QCOMPARE(turns.size(), 1);
    const QString image = turns.constFirst().images.constFirst().filePath;
    QVERIFY2(image.startsWith(moved + QStringLiteral("/images/")), qPrintable(image));
    QCOMPARE(QFileInfo(image).fileName(), QFileInfo(stored).fileName());
    QVERIFY(QFile::exists(image));
    QCOMPARE(turns.constFirst().maskPath, moved + QStringLiteral("/masks/mask-1.png"));
    QCOMPARE(turns.constFirst().attachments.constFirst().filePath, ownPicture);

    const QList<LibraryImage> library = result(store.libraryImages({}, 0, 10));
    QCOMPARE(library.size(), 1);
    QCOMPARE(library.constFirst().filePath, image);
}

// A day of turns, each saved several times while it streams, must not grow the write-ahead log
// without end: SQLite folds it back into the database as it goes, so it stays near its 4 MB
// auto-checkpoint size (QA: 0.85 MB a turn, 30 MB after 33 turns, folded back only at quit).
void TestHistoryStore::writeAheadLogStaysSmall()
{
    auto store = openStore();
    const QString conversation = result(store->createConversation({})).id;
    // Some 60 KB of answer per save, as a long reply with its markdown.
    const QString text
        = QString(QStringLiteral("a long answer, with **markdown** and more words. "))
              .repeated(1200);
    for (int t = 0; t < 60; ++t) {
        Turn turn = makeTurn(QStringLiteral("turn-%1").arg(t), QStringLiteral("prompt %1").arg(t),
                             {}, Turn::Status::Streaming);
        for (int save = 0; save < 4; ++save) {
            turn.text = text.left(text.size() * (save + 1) / 4);
            if (save == 3)
                turn.status = Turn::Status::Done;
            store->saveTurn(conversation, turn);
        }
        // The window reads between saves: the sidebar's list, the turns on a switch.
        if (t % 10 == 0) {
            result(store->conversations());
            result(store->turns(conversation));
            result(store->search(QStringLiteral("answer")));
        }
    }
    result(store->conversations()); // every save is done
    const qint64 wal = QFileInfo(m_dbPath + QStringLiteral("-wal")).size();
    QVERIFY2(wal < 12 * 1024 * 1024,
             qPrintable(QStringLiteral("the WAL is %1 MB").arg(wal / 1048576.0)));
}

// The conversation with the best match comes first; within a conversation its hits come in the
// order of its turns, not of their scores (QA: 32 hits of one conversation in no useful order).
void TestHistoryStore::searchHitsComeInTurnOrderWithinAConversation()
{
    auto store = openStore();
    const QString older = result(store->createConversation({})).id;
    const QString best = result(store->createConversation({})).id;
    const QDateTime start = QDateTime::currentDateTime().addDays(-1);
    // Scores rise with the word's count: a, c, b in score order, a, b, c in turn order.
    const char *const prompts[] = { "a fox", "a fox fox fox by a fox", "a fox fox" };
    for (int i = 0; i < 3; ++i) {
        Turn turn
            = makeTurn(QStringLiteral("older-%1").arg(i), QString::fromLatin1(prompts[i]), {});
        turn.startedAt = start.addSecs(60 * i);
        QVERIFY(result(store->saveTurn(older, turn)));
    }
    Turn top = makeTurn(QStringLiteral("best"), QStringLiteral("fox fox fox fox fox fox fox"), {});
    top.startedAt = start.addSecs(600);
    QVERIFY(result(store->saveTurn(best, top)));

    QStringList found;
    for (const SearchHit &hit : result(store->search(QStringLiteral("fox"))))
        found.append(hit.turnId);
    QCOMPARE(found, QStringList({ "best", "older-0", "older-1", "older-2" }));
}

void TestHistoryStore::libraryFilters_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("items");
    // Newest first: c was saved last.
    QTest::newRow("none") << ""
                          << "" << QStringList { "ig_c", "ig_b2", "ig_b1", "ig_a" };
    QTest::newRow("model") << "model"
                           << "gpt-image-1" << QStringList { "ig_a" };
    QTest::newRow("quality") << "quality"
                             << "low" << QStringList { "ig_a" };
    QTest::newRow("format") << "format"
                            << "jpeg" << QStringList { "ig_a" };
    QTest::newRow("size") << "size"
                          << "16x8" << QStringList { "ig_c" };
    QTest::newRow("favourites") << "favourites"
                                << "" << QStringList { "ig_b2" };
    QTest::newRow("text in prompt") << "text"
                                    << "forest" << QStringList { "ig_b2", "ig_b1" };
    QTest::newRow("text in revised prompt") << "text"
                                            << "gothic" << QStringList { "ig_a" };
    QTest::newRow("date today") << "today"
                                << "" << QStringList { "ig_c", "ig_b2", "ig_b1", "ig_a" };
    QTest::newRow("date tomorrow on") << "tomorrow"
                                      << "" << QStringList {};
    QTest::newRow("conversation") << "conversation"
                                  << "" << QStringList { "ig_c" };
    QTest::newRow("page") << "page"
                          << "" << QStringList { "ig_b1", "ig_a" };
}

void TestHistoryStore::libraryFilters()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QStringList, items);
    auto store = openStore();
    fillLibrary(*store);
    LibraryFilter filter;
    int offset = 0;
    if (field == QLatin1String("model"))
        filter.imageModel = value;
    else if (field == QLatin1String("quality"))
        filter.quality = value;
    else if (field == QLatin1String("format"))
        filter.format = value;
    else if (field == QLatin1String("size"))
        filter.size = value;
    else if (field == QLatin1String("favourites"))
        filter.favouritesOnly = true;
    else if (field == QLatin1String("text"))
        filter.text = value;
    else if (field == QLatin1String("today"))
        filter.from = filter.to = QDate::currentDate();
    else if (field == QLatin1String("tomorrow"))
        filter.from = QDate::currentDate().addDays(1);
    else if (field == QLatin1String("conversation"))
        filter.conversationId = result(store->conversations()).at(0).id; // c2: c saved last
    else if (field == QLatin1String("page"))
        offset = 2;

    const QList<LibraryImage> images = result(store->libraryImages(filter, offset, 50));
    QStringList found;
    for (const LibraryImage &image : images)
        found.append(image.itemId);
    QCOMPARE(found, items);
    // The count is of every image the filter selects, whatever page is asked.
    QCOMPARE(result(store->libraryImageCount(filter)), int(items.size()) + offset);
    for (const LibraryImage &image : images) {
        QVERIFY(QFile::exists(image.filePath));
        QVERIFY(!image.conversationId.isEmpty());
        QCOMPARE(image.mimeType, QStringLiteral("image/png"));
        QVERIFY(image.pixelSize.isValid());
        QVERIFY(image.byteSize > 0);
        QCOMPARE(image.providerId, QStringLiteral("openai"));
        QCOMPARE(image.favourite, image.itemId == QLatin1String("ig_b2"));
    }
}

void TestHistoryStore::favouritesSurviveLaterSaves()
{
    auto store = openStore();
    const QString c = result(store->createConversation({})).id;
    Turn turn = makeTurn(QStringLiteral("t"), QStringLiteral("p"), {});
    turn.images.append(finalImage(m_images->put(pngBytes(9, 9)), QStringLiteral("ig")));
    store->saveTurn(c, turn);
    QVERIFY(result(store->setFavourite(turn.images.at(0).hash, true)));
    turn.text = QStringLiteral("saved again");
    store->saveTurn(c, turn);
    LibraryFilter favourites;
    favourites.favouritesOnly = true;
    QCOMPARE(result(store->libraryImages(favourites, 0, 10)).size(), 1);
    QCOMPARE(result(store->conversations()).at(0).imageCount, 1);
}

void TestHistoryStore::runningTurnsBecomeInterruptedAtOpen()
{
    QString c;
    {
        auto store = openStore();
        c = result(store->createConversation({})).id;
        Turn streaming = makeTurn(QStringLiteral("s"), QStringLiteral("a ship"),
                                  QStringLiteral("Sketching the hull"), Turn::Status::Streaming);
        streaming.images.append(
            finalImage(m_images->put(pngBytes(20, 20)), QStringLiteral("ig_s")));
        store->saveTurn(c, streaming);
        store->saveTurn(
            c, makeTurn(QStringLiteral("p"), QStringLiteral("x"), {}, Turn::Status::Pending));
        store->saveTurn(c, makeTurn(QStringLiteral("d"), QStringLiteral("y"), "done"));
    } // the store closes with the turns still "running", as a crash leaves them
    HistoryStore::OpenResult opened;
    auto store = openStore(&opened);
    QVERIFY(opened.ok);
    QCOMPARE(opened.interruptedTurns, 2);
    const QList<Turn> turns = result(store->turns(c));
    QCOMPARE(turns.size(), 3);
    QCOMPARE(turns.at(0).status, Turn::Status::Interrupted);
    QCOMPARE(turns.at(0).text, QStringLiteral("Sketching the hull"));
    QCOMPARE(turns.at(0).finalImageCount(), 1);
    QVERIFY(!turns.at(0).errorMessage.isEmpty());
    QCOMPARE(turns.at(1).status, Turn::Status::Interrupted);
    QCOMPARE(turns.at(2).status, Turn::Status::Done);
    store = openStore(&opened);
    QCOMPARE(opened.interruptedTurns, 0); // once only
}

void TestHistoryStore::corruptFileIsMovedAside()
{
    const QByteArray garbage = QByteArray("this is not a database\n").repeated(500);
    {
        QFile file(m_dbPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    HistoryStore::OpenResult opened;
    auto store = openStore(&opened);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QVERIFY(!opened.movedAsideTo.isEmpty());
    const QRegularExpression name(QStringLiteral("/history\\.corrupt-\\d{8}-\\d{6}\\.sqlite$"));
    QVERIFY2(name.match(opened.movedAsideTo).hasMatch(), qPrintable(opened.movedAsideTo));
    QFile aside(opened.movedAsideTo);
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), garbage); // kept as it was, for whoever wants to rescue it
    // The fresh database works.
    const QString c = result(store->createConversation({})).id;
    QVERIFY(result(store->saveTurn(c, makeTurn(QStringLiteral("t"), QStringLiteral("p"), {}))));
    QCOMPARE(HistoryDatabase::corruptName(QStringLiteral("/d/history.sqlite"),
                                          QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7))),
             QStringLiteral("/d/history.corrupt-20260304-050607.sqlite"));
}

void TestHistoryStore::upgradesVersion1()
{
    const qint64 created = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5)).toMSecsSinceEpoch();
    Turn old = makeTurn(QStringLiteral("old"), QStringLiteral("an old prompt"), "old reply");
    old.images.append(finalImage(m_images->put(pngBytes(5, 5)), QStringLiteral("ig_old")));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "v1");
        db.setDatabaseName(m_dbPath);
        QVERIFY(db.open());
        QString error;
        QVERIFY2(HistorySchema::createVersion1(db, &error), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO conversations (id, title, created_at,"
                                      " updated_at) VALUES ('c', 'Old one', %1, %1)")
                           .arg(created)));
        q.prepare(QStringLiteral("INSERT INTO turns (id, conversation_id, position, status,"
                                 " created_at, prompt, text, data) VALUES (?,?,?,?,?,?,?,?)"));
        for (const QVariant &v : QVariantList { old.id, "c", 0, "done", created, old.prompt,
                                                old.text, QJsonDocument(old.toJson()).toJson() })
            q.addBindValue(v);
        QVERIFY(q.exec());
        const ImageAsset &image = old.images.at(0);
        q.prepare(QStringLiteral("INSERT INTO images (turn_id, item_id, hash, file_path,"
                                 " mime_type) VALUES (?,?,?,?,?)"));
        for (const QVariant &v :
             QVariantList { old.id, image.itemId, image.hash, image.filePath, image.mimeType })
            q.addBindValue(v);
        QVERIFY(q.exec());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO turns_fts (rowid, prompt, revised, reply)"
                                      " VALUES (1, 'an old prompt', '', 'old reply')")));
        QCOMPARE(HistorySchema::versionOf(db, &error), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    HistoryStore::OpenResult opened;
    auto store = openStore(&opened);
    QVERIFY2(opened.ok, qPrintable(opened.error));
    QCOMPARE(opened.schemaVersion, 3);
    const QList<ConversationSummary> conversations = result(store->conversations());
    QCOMPARE(conversations.size(), 1);
    QCOMPARE(conversations.at(0).title, QStringLiteral("Old one"));
    // Version 3: what was there is a chat, with no compare spec.
    QCOMPARE(conversations.at(0).kind, ConversationSummary::Kind::Chat);
    QVERIFY(conversations.at(0).compareSpec.isEmpty());
    QCOMPARE(conversations.at(0).imageCount, 1);
    QCOMPARE(result(store->turns(QStringLiteral("c"))).at(0).toJson(), old.toJson());
    QCOMPARE(result(store->search(QStringLiteral("old"))).size(), 1);
    // The step's change: images got their time, back-filled from their turn.
    LibraryFilter day;
    day.from = day.to = QDate(2025, 1, 2);
    const QList<LibraryImage> images = result(store->libraryImages(day, 0, 10));
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.at(0).createdAt.toMSecsSinceEpoch(), created);
}

void TestHistoryStore::refusesNewerSchema()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "v99");
        db.setDatabaseName(m_dbPath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO meta VALUES ('schema_version', '99')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v99"));
    HistoryStore::OpenResult opened;
    auto store = openStore(&opened);
    QVERIFY(!opened.ok);
    QVERIFY2(opened.error.contains(QStringLiteral("newer Easel")), qPrintable(opened.error));
    QVERIFY(opened.movedAsideTo.isEmpty()); // not damaged: left alone
    QVERIFY(result(store->conversations()).isEmpty());
    QVERIFY(!result(store->saveTurn(QStringLiteral("c"), makeTurn("t", "p", {}))));
}

// Where the database cannot be: the sentence names the reason, and the store refuses its work
// instead of failing in it.
void TestHistoryStore::saysWhyItCannotOpen()
{
    const QString file = m_dir->filePath(QStringLiteral("a-file"));
    {
        QFile made(file);
        QVERIFY(made.open(QIODevice::WriteOnly));
    }
    HistoryStore underAFile(file + QStringLiteral("/data/history.sqlite"));
    HistoryStore::OpenResult opened = result(underAFile.open());
    QVERIFY(!opened.ok);
    QCOMPARE(opened.error,
             QStringLiteral("The history database %1/data/history.sqlite could not be opened: %1 "
                            "is a file, so no folder can be made in it.")
                 .arg(file));
    QVERIFY(!result(underAFile.saveTurn(QStringLiteral("c"), makeTurn("t", "p", {}))));

    // A folder where the database file should be: SQLite's reason, once.
    const QString folder = m_dir->filePath(QStringLiteral("a-folder.sqlite"));
    QVERIFY(QDir().mkpath(folder));
    HistoryStore onAFolder(folder);
    opened = result(onAFolder.open());
    QVERIFY(!opened.ok);
    QCOMPARE(opened.error,
             QStringLiteral("The history database %1 could not be opened: unable to open database "
                            "file.")
                 .arg(folder));
}

void TestHistoryStore::neverStoresImageBytes()
{
    const QByteArray bytes = pngBytes(1000, 800, true);
    QVERIFY(bytes.size() > 2 * 1000 * 1000);
    QString c;
    {
        auto store = openStore();
        c = result(store->createConversation({})).id;
        Turn turn = makeTurn(QStringLiteral("big"), QStringLiteral("noise"), {});
        turn.images.append(finalImage(m_images->put(bytes), QStringLiteral("ig_big")));
        QVERIFY(result(store->saveTurn(c, turn)));
        QCOMPARE(result(store->turns(c)).at(0).images.at(0).byteSize, qint64(bytes.size()));
    }
    // Neither the raw bytes nor their base64 are anywhere in the files (WAL included).
    QByteArray files;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
        QFile file(m_dbPath + suffix);
        if (file.open(QIODevice::ReadOnly))
            files += file.readAll();
    }
    QVERIFY(files.size() < 1000 * 1000);
    QVERIFY(!files.contains(bytes.mid(bytes.size() / 2, 64)));
    QVERIFY(!files.contains(bytes.mid(3000, 3000).toBase64().mid(4, 64)));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "sizes");
    db.setDatabaseName(m_dbPath);
    QVERIFY(db.open());
    QSqlQuery tables(db);
    QVERIFY(tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name IN ('conversations', 'turns', 'images')")));
    int checked = 0;
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        const QSqlRecord record = db.record(table);
        for (int i = 0; i < record.count(); ++i) {
            QSqlQuery longest(db);
            QVERIFY(longest.exec(QStringLiteral("SELECT coalesce(max(length(CAST(%1 AS BLOB))),"
                                                " 0) FROM %2")
                                     .arg(record.fieldName(i), table)));
            QVERIFY(longest.next());
            QVERIFY2(longest.value(0).toLongLong() < 64 * 1024,
                     qPrintable(table + QLatin1Char('.') + record.fieldName(i)));
            ++checked;
        }
    }
    QVERIFY(checked > 20);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("sizes"));
}

void TestHistoryStore::workRunsOffTheCallingThread()
{
    auto store = openStore();
    QThread *worker = result(store->threadOfWork());
    QVERIFY(worker != nullptr);
    QVERIFY(worker != QThread::currentThread());
    QCOMPARE(worker, store->workerThread());
    QCOMPARE(worker->objectName(), QStringLiteral("easel-history"));
}

void TestHistoryStore::keepsCompareRunsApart()
{
    auto store = openStore();
    ConversationSummary chat;
    chat.title = QStringLiteral("A chat");
    chat = result(store->createConversation(chat));
    ConversationSummary run;
    run.title = QStringLiteral("Compare \u00b7 lighthouses");
    run.kind = ConversationSummary::Kind::Compare;
    run.compareSpec = R"({"prompt":"lighthouses","axes":[]})";
    run = result(store->createConversation(run));
    QVERIFY(!chat.id.isEmpty() && !run.id.isEmpty());

    Turn cell = makeTurn(QStringLiteral("cell-1"), QStringLiteral("lighthouses"), "");
    cell.compareCell = 1;
    cell.images.append(finalImage(m_images->put(pngBytes(6, 4)), QStringLiteral("images-0")));
    QVERIFY(result(store->saveTurn(run.id, cell)));

    // Reopened: the kind and the spec come back, and the cell keeps its index.
    store.reset();
    store = openStore();
    const QList<ConversationSummary> all = result(store->conversations());
    QCOMPARE(all.size(), 2);
    const auto stored = std::find_if(
        all.cbegin(), all.cend(), [&run](const ConversationSummary &c) { return c.id == run.id; });
    QVERIFY(stored != all.cend());
    QCOMPARE(stored->kind, ConversationSummary::Kind::Compare);
    QCOMPARE(stored->compareSpec, run.compareSpec);
    const QList<Turn> turns = result(store->turns(run.id));
    QCOMPARE(turns.size(), 1);
    QCOMPARE(turns.at(0).compareCell, 1);
    QCOMPARE(result(store->turns(chat.id)).size(), 0);
    // Its images are in the library like any other.
    LibraryFilter everything;
    QCOMPARE(result(store->libraryImages(everything, 0, 10)).size(), 1);
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
