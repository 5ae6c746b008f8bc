// One Easel per data folder: the lock is taken, refused to a second holder with a sentence that
// names the folder and the holder, freed when its holder ends, and made in a folder not there yet.
#include "store/datafolderlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestDataFolderLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secondHolderIsRefusedByName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("not/yet/there"));
        DataFolderLock first;
        QCOMPARE(first.take(folder), QString());
        QVERIFY(first.isHeld());
        QVERIFY(QFile::exists(folder + QStringLiteral("/easel.lock")));

        DataFolderLock second;
        const QString refusal = second.take(folder);
        QVERIFY2(refusal.contains(QDir::toNativeSeparators(folder)), qPrintable(refusal));
        QVERIFY2(refusal.contains(QString::number(QCoreApplication::applicationPid())),
                 qPrintable(refusal));
        QVERIFY2(refusal.startsWith(QLatin1String("Easel is already open")), qPrintable(refusal));
        QVERIFY(!second.isHeld());
    }

    void freedWhenItsHolderEnds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            DataFolderLock first;
            QCOMPARE(first.take(dir.path()), QString());
        }
        DataFolderLock next;
        QCOMPARE(next.take(dir.path()), QString());
    }

    void deadHoldersLockIsTakenOver()
    {
        // Left by an Easel that crashed: a process id that is not running.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile stale(dir.filePath(QStringLiteral("easel.lock")));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("2147483646\neasel\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        stale.close();
        DataFolderLock lock;
        QCOMPARE(lock.take(dir.path()), QString());
    }

    void folderThatCannotBeMadeSaysSo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        DataFolderLock lock;
        const QString refusal = lock.take(dir.filePath(QStringLiteral("a-file/data")));
        QVERIFY2(refusal.contains(QLatin1String("cannot be created")), qPrintable(refusal));
        QVERIFY(!lock.isHeld());
    }
};

QTEST_GUILESS_MAIN(TestDataFolderLock)
#include "tst_datafolderlock.moc"
