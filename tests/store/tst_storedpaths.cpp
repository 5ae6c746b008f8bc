// StoredPaths: a path the history kept from where the data folder used to be is found where the
// folder is now, for each of the folders a turn refers into; anything else is left alone, so that
// a file really gone is still reported missing.
#include "model/turn.h"
#include "store/storedpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool touch(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).path()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("x") == 1;
}

} // namespace

class TestStoredPaths : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_data = m_dir->filePath(QStringLiteral("now/data"));
        m_paths = StoredPaths(m_data + QStringLiteral("/images"),
                              m_dir->filePath(QStringLiteral("now/cache/previews")));
    }

    void findsEachFolderWhereItIsNow_data()
    {
        QTest::addColumn<QString>("old");
        QTest::addColumn<QString>("now");
        QTest::newRow("an image") << "/home/ann/.local/share/Easel/images/ab/abcd.png"
                                  << "now/data/images/ab/abcd.png";
        QTest::newRow("a pasted picture") << "/home/ann/.local/share/Easel/pasted/p-1.png"
                                          << "now/data/pasted/p-1.png";
        QTest::newRow("a mask") << "/home/ann/.local/share/Easel/masks/m-1.png"
                                << "now/data/masks/m-1.png";
        QTest::newRow("a preview") << "/home/ann/.cache/Easel/previews/t/1.png"
                                   << "now/cache/previews/t/1.png";
        // The data folder sat under a folder called images: the store's own is the last one.
        QTest::newRow("under another images folder")
            << "/mnt/images/backup/Easel/images/cd/cdef.jpg"
            << "now/data/images/cd/cdef.jpg";
    }

    void findsEachFolderWhereItIsNow()
    {
        QFETCH(QString, old);
        QFETCH(QString, now);
        const QString moved = m_dir->filePath(now);
        QVERIFY(!QFile::exists(old));
        QCOMPARE(m_paths.resolve(old), old); // not there yet: left alone
        QVERIFY(touch(moved));
        QCOMPARE(m_paths.resolve(old), moved);
    }

    void leavesOtherPathsAlone()
    {
        // In a folder in use: taken as it is, gone or not (no disk access for the common case).
        const QString inUse = m_data + QStringLiteral("/images/ab/gone.png");
        QCOMPARE(m_paths.resolve(inUse), inUse);
        // The designer's own file, there: as it is, even if a namesake sits in the store.
        const QString own = m_dir->filePath(QStringLiteral("sketches/images/ab/abcd.png"));
        QVERIFY(touch(own));
        QVERIFY(touch(m_data + QStringLiteral("/images/ab/abcd.png")));
        QCOMPARE(m_paths.resolve(own), own);
        // Gone, and in none of the folders: as it is, so that the turn says it is missing.
        QCOMPARE(m_paths.resolve(QStringLiteral("/home/ann/Pictures/ref.png")),
                 QStringLiteral("/home/ann/Pictures/ref.png"));
        QCOMPARE(m_paths.resolve(QString()), QString());
        // Without folders nothing is resolved.
        QCOMPARE(StoredPaths().resolve(QStringLiteral("/old/images/ab/abcd.png")),
                 QStringLiteral("/old/images/ab/abcd.png"));
    }

    void resolvesATurnsFiles()
    {
        QVERIFY(touch(m_data + QStringLiteral("/images/ab/abcd.png")));
        QVERIFY(touch(m_data + QStringLiteral("/pasted/p.png")));
        QVERIFY(touch(m_data + QStringLiteral("/masks/m.png")));
        Turn turn;
        ImageAsset image;
        image.filePath = QStringLiteral("/old/Easel/images/ab/abcd.png");
        turn.images.append(image);
        turn.attachments.append({ QStringLiteral("/old/Easel/pasted/p.png"), {} });
        turn.attachments.append({ QStringLiteral("/home/ann/Pictures/ref.png"), {} });
        turn.maskPath = QStringLiteral("/old/Easel/masks/m.png");
        m_paths.resolve(&turn);
        QCOMPARE(turn.images.constFirst().filePath, m_data + QStringLiteral("/images/ab/abcd.png"));
        QCOMPARE(turn.attachments.at(0).filePath, m_data + QStringLiteral("/pasted/p.png"));
        QCOMPARE(turn.attachments.at(1).filePath, QStringLiteral("/home/ann/Pictures/ref.png"));
        QCOMPARE(turn.maskPath, m_data + QStringLiteral("/masks/m.png"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    StoredPaths m_paths;
};

QTEST_GUILESS_MAIN(TestStoredPaths)
#include "tst_storedpaths.moc"
