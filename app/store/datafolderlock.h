#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

// One Easel per data folder. Two windows on the same folder write the same settings and history
// over each other (found by QA: nothing warned). The lock is a file in the folder, held while
// Easel runs; one left by a process that died is taken over.
class DataFolderLock
{
    Q_DECLARE_TR_FUNCTIONS(DataFolderLock)

public:
    // Takes the lock of `folder` (made when missing). "" when taken, otherwise a whole sentence
    // for the designer: which process holds it, or why the lock cannot be made.
    QString take(const QString &folder);
    bool isHeld() const { return m_lock && m_lock->isLocked(); }

private:
    std::unique_ptr<QLockFile> m_lock;
};
