// DataFolder::problem: which --data-dir folders are refused before anything is opened in them,
// with which sentence, and that the check itself makes nothing.
#include "store/datafolder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestDataFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QFile file(path(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }

    void cleanup()
    {
        // A folder made read-only below must be writable again for QTemporaryDir to remove it.
        QFile::setPermissions(path(QStringLiteral("locked")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_dir.reset();
    }

    void judgesTheFolder_data()
    {
        QTest::addColumn<QString>("relative"); // under the temporary folder
        QTest::addColumn<QString>("problemPart"); // "" = accepted

        QTest::newRow("an existing folder") << ""
                                            << "";
        QTest::newRow("a folder to be made") << "new"
                                             << "";
        QTest::newRow("several levels to be made") << "new/deeper/still"
                                                   << "";
        QTest::newRow("a file") << "a-file"
                                << "this is a file, not a folder.";
        QTest::newRow("under a file") << "a-file/data"
                                      << "a-file is a file, so no folder";
        QTest::newRow("deep under a file") << "a-file/x/y"
                                           << "a-file is a file, so no folder";
        QTest::newRow("with .. back out") << "new/../a-file"
                                          << "this is a file";
    }

    void judgesTheFolder()
    {
        QFETCH(QString, relative);
        QFETCH(QString, problemPart);
        const QString given = relative.isEmpty() ? m_dir->path() : path(relative);
        const QString problem = DataFolder::problem(given);
        if (problemPart.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(problemPart), qPrintable(problem));
        QVERIFY2(!QFileInfo::exists(path(QStringLiteral("new"))), "the check made a folder");
    }

    void relativePathsAreTakenFromTheCurrentFolder()
    {
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir->path()));
        const QString inFile = DataFolder::problem(QStringLiteral("a-file/data"));
        const QString fresh = DataFolder::problem(QStringLiteral("fresh"));
        QVERIFY(QDir::setCurrent(before));
        QVERIFY2(inFile.contains(QLatin1String("is a file")), qPrintable(inFile));
        QVERIFY2(fresh.isEmpty(), qPrintable(fresh));
    }

    void refusesFoldersThatCannotBeWritten()
    {
        // Root may write any folder whatever its mode; a process's own /proc folder is one that
        // even root cannot.
        QString locked = path(QStringLiteral("locked"));
        if (::geteuid() == 0) {
            locked = QStringLiteral("/proc/1");
            if (QFileInfo(locked).isWritable())
                QSKIP("Running as root, and /proc/1 is writable here: no read-only folder.");
        } else {
            QVERIFY(QDir().mkpath(locked));
            QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        }
        QVERIFY2(DataFolder::problem(locked).contains(QLatin1String("cannot be written")),
                 qPrintable(DataFolder::problem(locked)));
        const QString inside = DataFolder::problem(locked + QStringLiteral("/data"));
        QVERIFY2(inside.contains(locked + QStringLiteral(" cannot be written, so the folder")),
                 qPrintable(inside));
    }

private:
    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestDataFolder)
#include "tst_datafolder.moc"
