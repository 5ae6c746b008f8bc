#include "storecleaner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringList>

namespace {

bool isHex(QStringView text)
{
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
              || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// <two hex digits>/<sha256 hex><anything>: what ImageStore writes (and what a write cut short
// may leave beside it), nothing else.
bool isStoreFile(const QString &folderName, const QString &fileName)
{
    return folderName.size() == 2 && fileName.size() >= 64 && fileName.startsWith(folderName)
        && isHex(QStringView(fileName).left(64));
}

} // namespace

QString StoreCleaner::Report::summary() const
{
    if (!ran)
        return StoreCleaner::tr("Nothing was cleaned up: the history could not be read.");
    QStringList parts;
    if (conversationsPurged > 0)
        parts << (conversationsPurged == 1
                      ? StoreCleaner::tr("1 deleted conversation")
                      : StoreCleaner::tr("%1 deleted conversations").arg(conversationsPurged));
    if (images.filesDeleted > 0)
        parts << (images.filesDeleted == 1
                      ? StoreCleaner::tr("1 unused image")
                      : StoreCleaner::tr("%1 unused images").arg(images.filesDeleted));
    if (previews.filesDeleted > 0)
        parts << (previews.filesDeleted == 1
                      ? StoreCleaner::tr("1 old preview")
                      : StoreCleaner::tr("%1 old previews").arg(previews.filesDeleted));
    QString text = parts.isEmpty()
        ? StoreCleaner::tr("Nothing to clean up.")
        : StoreCleaner::tr("Freed %1: %2.")
              .arg(QLocale::c().formattedDataSize(bytesFreed(), 1,
                                                  QLocale::DataSizeTraditionalFormat),
                   parts.join(QStringLiteral(", ")));
    const int failures = images.failures + previews.failures;
    if (failures > 0)
        text += StoreCleaner::tr(" %1 file(s) could not be deleted and are left for the next time.")
                    .arg(failures);
    return text;
}

StoreCleaner::Sweep StoreCleaner::sweep(const QString &root, const QSet<QString> &keep,
                                        const QDateTime &olderThan)
{
    Sweep result;
    if (root.isEmpty())
        return result;
    const QDir rootDir(root);
    const QStringList folders = rootDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : folders) {
        if (folder.size() != 2)
            continue;
        QDirIterator files(rootDir.filePath(folder), QDir::Files | QDir::Hidden | QDir::System);
        while (files.hasNext()) {
            // Stated now, not from the listing: a file written or reused since then is young.
            const QFileInfo info(files.next());
            if (!isStoreFile(folder, info.fileName()) || keep.contains(info.fileName()))
                continue;
            const QDateTime modified = info.fileTime(QFileDevice::FileModificationTime);
            if (!modified.isValid() || modified >= olderThan)
                continue;
            const qint64 size = info.size();
            if (QFile::remove(info.filePath())) {
                ++result.filesDeleted;
                result.bytesFreed += size;
            } else {
                ++result.failures;
                qInfo("Clean-up: %s could not be deleted; it is left for the next time.",
                      qPrintable(QDir::toNativeSeparators(info.filePath())));
            }
        }
    }
    return result;
}
