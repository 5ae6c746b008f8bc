#include "datafolderlock.h"

#include <QDir>

QString DataFolderLock::take(const QString &folder)
{
    const QString where = QDir::toNativeSeparators(folder);
    if (!QDir().mkpath(folder))
        return tr("Easel cannot use the data folder %1: it cannot be created.").arg(where);
    m_lock = std::make_unique<QLockFile>(QDir(folder).filePath(QStringLiteral("easel.lock")));
    m_lock->setStaleLockTime(0); // only a dead holder frees it, never the clock
    if (m_lock->tryLock(200))
        return {};
    const QLockFile::LockError error = m_lock->error();
    qint64 pid = 0;
    QString host;
    QString application;
    m_lock->getLockInfo(&pid, &host, &application);
    m_lock.reset();
    if (error == QLockFile::LockFailedError) {
        return tr("Easel is already open on the data folder %1 (process %2). Use that window: a "
                  "second one would write the same history and settings over each other.")
            .arg(where)
            .arg(pid);
    }
    return tr("Easel cannot lock the data folder %1, so it cannot tell whether another Easel "
              "is using it.")
        .arg(where);
}
