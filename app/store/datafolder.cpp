#include "datafolder.h"

#include <QDir>
#include <QFileInfo>

DataFolder::Check DataFolder::check(const QString &path)
{
    const QFileInfo given(QDir::cleanPath(QDir(path).absolutePath()));
    if (given.exists()) {
        if (!given.isDir())
            return { Check::IsFile, given.absoluteFilePath() };
        if (!given.isWritable())
            return { Check::NotWritable, given.absoluteFilePath() };
        return { Check::Usable, given.absoluteFilePath() };
    }
    // Not there yet: what stands nearest above it decides whether it can be made.
    QFileInfo above(given.absolutePath());
    while (!above.exists() && !above.isRoot())
        above.setFile(above.absolutePath());
    if (!above.isDir())
        return { Check::UnderFile, above.absoluteFilePath() };
    if (!above.isWritable())
        return { Check::UnderUnwritable, above.absoluteFilePath() };
    return { Check::Usable, given.absoluteFilePath() };
}

QString DataFolder::problem(const QString &path)
{
    const Check found = check(path);
    const QString where = QDir::toNativeSeparators(found.where);
    switch (found.verdict) {
    case Check::Usable:
        return {};
    case Check::IsFile:
        return tr("this is a file, not a folder.");
    case Check::NotWritable:
        return tr("this folder cannot be written.");
    case Check::UnderFile:
        return tr("%1 is a file, so no folder can be made in it.").arg(where);
    case Check::UnderUnwritable:
        return tr("%1 cannot be written, so the folder cannot be made.").arg(where);
    }
    return {};
}
