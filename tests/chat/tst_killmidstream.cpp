// The real easel binary, killed with SIGKILL while the fake gateway streams: the turn it was
// running must be in the history with its prompt, the text so far and the image already
// received, and show as interrupted after the next open.
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "store/historystore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

using TestPayloads::sse;

QByteArray pngBytes()
{
    return TestPayloads::pngBytes(QSize(64, 48), Qt::darkYellow);
}

// Rows of `table` in the database, read-only from this process (-1 when it cannot be read yet).
int rowsIn(const QString &path, const QString &table)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "peek");
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000"));
        if (QFile::exists(path) && db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && query.next())
                count = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return count;
}

} // namespace

class TestKillMidStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedMidStreamKeepsWhatArrived()
    {
        QVERIFY2(QFile::exists(QStringLiteral(EASEL_BINARY)), EASEL_BINARY);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FakeGateway fake;
        QVERIFY(fake.listen());
        const QByteArray png = pngBytes();
        FakeResponse response = FakeResponse::sse(
            { sse("response.created",
                  { { "response",
                      QJsonObject { { "id", "resp_k" }, { "status", "in_progress" } } } }),
              sse("response.output_text.delta",
                  { { "item_id", "msg_1" }, { "output_index", 1 }, { "delta", "Sketching" } }),
              sse("response.output_item.done",
                  { { "output_index", 0 },
                    { "item",
                      QJsonObject { { "id", "ig_k" },
                                    { "type", "image_generation_call" },
                                    { "status", "completed" },
                                    { "result", QString::fromLatin1(png.toBase64()) },
                                    { "size", "1024x1024" } } } }) },
            20);
        response.stallAfter(response.bodySize()); // and never completes
        fake.setFallback(response);

        QProcess easel;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("EASEL_NO_KEYCHAIN"), QStringLiteral("1"));
        env.insert(QStringLiteral("EASEL_CUSTOM_BASE_URL"),
                   fake.url(QStringLiteral("/v1")).toString());
        env.insert(QStringLiteral("EASEL_CUSTOM_API_KEY"), QStringLiteral("test-key"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
        easel.setProcessEnvironment(env);
        easel.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        const QString prompt = QStringLiteral("a lighthouse keeper's cat, ink and wash");
        easel.start(QStringLiteral(EASEL_BINARY),
                    { QStringLiteral("--data-dir"), dataDir, QStringLiteral("--provider"),
                      QStringLiteral("custom"), QStringLiteral("--send-prompt"), prompt });
        QVERIFY2(easel.waitForStarted(10000), qPrintable(easel.errorString()));

        // The fake has served the image once the child has saved its row.
        const QString dbPath = dataDir + QStringLiteral("/history.sqlite");
        QElapsedTimer clock;
        clock.start();
        while (rowsIn(dbPath, QStringLiteral("images")) < 1 && clock.elapsed() < 30000
               && easel.state() == QProcess::Running)
            QTest::qWait(50);
        QCOMPARE(easel.state(), QProcess::Running);
        QVERIFY2(fake.requestCount() >= 1, "easel never called the gateway");
        QCOMPARE(rowsIn(dbPath, QStringLiteral("images")), 1);

        easel.kill(); // SIGKILL: nothing gets to run in the child
        QVERIFY(easel.waitForFinished(10000));
        QCOMPARE(easel.exitStatus(), QProcess::CrashExit);

        HistoryStore store(dbPath);
        QFuture<HistoryStore::OpenResult> opening = store.open();
        opening.waitForFinished();
        const HistoryStore::OpenResult opened = opening.result();
        QVERIFY2(opened.ok, qPrintable(opened.error));
        QVERIFY(opened.movedAsideTo.isEmpty());
        QCOMPARE(opened.interruptedTurns, 1);
        QFuture<QList<ConversationSummary>> listing = store.conversations();
        listing.waitForFinished();
        QCOMPARE(listing.result().size(), 1);
        QCOMPARE(listing.result().at(0).title, prompt);
        QFuture<QList<Turn>> reading = store.turns(listing.result().at(0).id);
        reading.waitForFinished();
        const QList<Turn> turns = reading.result();
        QCOMPARE(turns.size(), 1);
        const Turn &turn = turns.at(0);
        QCOMPARE(turn.prompt, prompt);
        QCOMPARE(turn.text, QStringLiteral("Sketching"));
        QCOMPARE(turn.status, Turn::Status::Interrupted);
        QCOMPARE(turn.finalImageCount(), 1);
        const ImageAsset &image = turn.images.at(0);
        QFile file(image.filePath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(image.filePath));
        const QByteArray stored = file.readAll();
        QCOMPARE(stored, png);
        QCOMPARE(image.hash,
                 QString::fromLatin1(
                     QCryptographicHash::hash(stored, QCryptographicHash::Sha256).toHex()));
    }
};

QTEST_GUILESS_MAIN(TestKillMidStream)
#include "tst_killmidstream.moc"
