#include "storedpaths.h"

#include "model/turn.h"

#include <QDir>
#include <QFileInfo>

StoredPaths::StoredPaths(const QString &imageRoot, const QString &previewRoot)
{
    const auto add = [this](const QString &folder) {
        if (folder.isEmpty())
            return;
        const QString path = QDir::cleanPath(QDir(folder).absolutePath());
        m_folders.append({ QFileInfo(path).fileName(), path + QLatin1Char('/') });
    };
    add(imageRoot);
    if (!imageRoot.isEmpty()) {
        // Where MainWindow keeps pasted pictures and masks: beside the image store.
        const QDir dataFolder = QFileInfo(QDir::cleanPath(QDir(imageRoot).absolutePath())).dir();
        add(dataFolder.filePath(QStringLiteral("pasted")));
        add(dataFolder.filePath(QStringLiteral("masks")));
    }
    add(previewRoot);
}

QString StoredPaths::resolve(const QString &stored) const
{
    if (m_folders.isEmpty() || stored.isEmpty())
        return stored;
    for (const Folder &folder : m_folders) {
        if (stored.startsWith(folder.path))
            return stored;
    }
    if (QFileInfo::exists(stored))
        return stored;
    const QString path = QDir::fromNativeSeparators(stored);
    for (const Folder &folder : m_folders) {
        // The last folder of that name in the path: the data folder itself may sit under one.
        const qsizetype at = path.lastIndexOf(QLatin1Char('/') + folder.name + QLatin1Char('/'));
        if (at < 0)
            continue;
        const QString moved = folder.path + path.mid(at + folder.name.size() + 2);
        if (QFileInfo::exists(moved))
            return moved;
    }
    return stored;
}

void StoredPaths::resolve(Turn *turn) const
{
    if (m_folders.isEmpty())
        return;
    for (ImageAsset &image : turn->images)
        image.filePath = resolve(image.filePath);
    for (Attachment &attachment : turn->attachments)
        attachment.filePath = resolve(attachment.filePath);
    turn->maskPath = resolve(turn->maskPath);
}
