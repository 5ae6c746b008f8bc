#include "datafolder.h"

#include <QDir>
#include <QFileInfo>

QString DataFolder::problem(const QString &path)
{
    const QFileInfo given(QDir(path).absolutePath());
    if (given.exists()) {
        if (!given.isDir())
            return tr("this is a file, not a folder.");
        if (!given.isWritable())
            return tr("this folder cannot be written.");
        return {};
    }
    // Not there yet: what stands nearest above it decides whether it can be made.
    QFileInfo above(given.absolutePath());
    while (!above.exists() && !above.isRoot())
        above.setFile(above.absolutePath());
    if (!above.isDir())
        return tr("%1 is a file, so no folder can be made in it.")
            .arg(QDir::toNativeSeparators(above.absoluteFilePath()));
    if (!above.isWritable())
        return tr("%1 cannot be written, so the folder cannot be made.")
            .arg(QDir::toNativeSeparators(above.absoluteFilePath()));
    return {};
}
