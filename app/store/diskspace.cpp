#include "diskspace.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QStorageInfo>

namespace {

// Room for the file system's own bookkeeping (a block, an inode) beside the bytes themselves.
constexpr qint64 slackBytes = 4096;

QStorageInfo volumeOf(const QString &path)
{
    QFileInfo info(QDir::cleanPath(QDir(path).absolutePath()));
    while (!info.exists() && !info.isRoot() && info.absolutePath() != info.absoluteFilePath())
        info = QFileInfo(info.absolutePath());
    return QStorageInfo(info.absoluteFilePath());
}

} // namespace

bool DiskSpace::tooFullFor(const QString &path, qint64 bytes)
{
    const QStorageInfo volume = volumeOf(path);
    return volume.isValid() && volume.isReady() && volume.bytesAvailable() >= 0
        && volume.bytesAvailable() < bytes + slackBytes;
}

QString DiskSpace::reason(const QString &path, qint64 bytes, const QString &systemError)
{
    if (!tooFullFor(path, bytes))
        return systemError;
    const QLocale locale = QLocale::c();
    return tr("the disk is full (%1 free, %2 needed)")
        .arg(locale.formattedDataSize(qMax<qint64>(0, volumeOf(path).bytesAvailable()), 1,
                                      QLocale::DataSizeTraditionalFormat),
             locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat));
}

QString DiskSpace::saveFailure(QSaveFile &file, qint64 bytes)
{
    const QString systemError = file.errorString();
    file.cancelWriting();
    file.commit(); // after cancelWriting(), only removes the temporary file
    return reason(file.fileName(), bytes, systemError);
}
