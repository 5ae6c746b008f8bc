#include "filedialogs.h"

#include "messageboxes.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

QString FileDialogs::s_nextSaveFileName;
bool FileDialogs::s_hasNextAnswer = false;
QString FileDialogs::s_nextDirectory;
bool FileDialogs::s_hasNextDirectory = false;
QStringList FileDialogs::s_nextOpenFileNames;
bool FileDialogs::s_hasNextOpenFileNames = false;
QString FileDialogs::s_lastImageFolder;
QString FileDialogs::s_lastSuggestedPath;
QString FileDialogs::s_nextSaveFilter;
QString FileDialogs::s_lastSaveFolder;

namespace {

// "JPEG image (*.jpg *.jpeg)" -> {"jpg", "jpeg"}
QStringList extensionsOf(const QString &nameFilter)
{
    QStringList extensions;
    static const QRegularExpression pattern(QStringLiteral("\\*\\.([A-Za-z0-9]+)"));
    for (auto it = pattern.globalMatch(nameFilter); it.hasNext();)
        extensions << it.next().captured(1).toLower();
    return extensions;
}

} // namespace

QString FileDialogs::withListedSuffix(const QString &path, const QString &filter,
                                      const QString &suffix)
{
    if (path.isEmpty() || suffix.isEmpty()
        || extensionsOf(filter).contains(QFileInfo(path).suffix().toLower()))
        return path;
    return path + u'.' + suffix;
}

QString FileDialogs::finishSaveName(QWidget *parent, const QString &path, const QString &filter,
                                    const QString &suffix, bool *declined)
{
    const QString named = withListedSuffix(path, filter, suffix);
    *declined
        = named != path && QFileInfo::exists(named)
        && !MessageBoxes::confirm(
              parent, tr("Replace File?"),
              tr("%1 already exists. Replace it?").arg(QFileInfo(named).fileName()), tr("Replace"));
    if (*declined)
        return {};
    s_lastSaveFolder = QFileInfo(named).absolutePath();
    return named;
}

QString FileDialogs::getSaveFileName(QWidget *parent, const QString &caption,
                                     const QString &suggestedPath, const QString &filter,
                                     const QString &defaultSuffix)
{
    s_lastSuggestedPath = suggestedPath;
    bool declined = false;
    if (s_hasNextAnswer) {
        s_hasNextAnswer = false;
        const QString picked = extensionsOf(s_nextSaveFilter).value(0);
        const QString suffix = defaultSuffix.isEmpty() || picked.isEmpty() ? defaultSuffix : picked;
        return s_nextSaveFileName.isEmpty()
            ? QString()
            : finishSaveName(parent, s_nextSaveFileName, filter, suffix, &declined);
    }
    QFileDialog dialog(parent, caption, QFileInfo(suggestedPath).absolutePath(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(defaultSuffix);
    if (!defaultSuffix.isEmpty())
        QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog,
                         [&dialog](const QString &picked) {
                             if (const QString ext = extensionsOf(picked).value(0); !ext.isEmpty())
                                 dialog.setDefaultSuffix(ext);
                         });
    dialog.selectFile(suggestedPath);
    while (dialog.exec() == QDialog::Accepted) {
        const QString named = finishSaveName(&dialog, dialog.selectedFiles().value(0), filter,
                                             dialog.defaultSuffix(), &declined);
        if (!declined)
            return named;
        dialog.selectFile(
            withListedSuffix(dialog.selectedFiles().value(0), filter, dialog.defaultSuffix()));
    }
    return {};
}

void FileDialogs::setNextSaveFileName(const QString &path, const QString &nameFilter)
{
    s_nextSaveFileName = path;
    s_nextSaveFilter = nameFilter;
    s_hasNextAnswer = true;
}

QString FileDialogs::saveFolder(QStandardPaths::StandardLocation fallback)
{
    return !s_lastSaveFolder.isEmpty() && QFileInfo(s_lastSaveFolder).isDir()
        ? s_lastSaveFolder
        : startFolder(fallback);
}

QString FileDialogs::getExistingDirectory(QWidget *parent, const QString &caption,
                                          const QString &suggestedPath)
{
    s_lastSuggestedPath = suggestedPath;
    QString chosen;
    if (s_hasNextDirectory) {
        s_hasNextDirectory = false;
        chosen = s_nextDirectory;
    } else {
        chosen = QFileDialog::getExistingDirectory(parent, caption, suggestedPath);
    }
    if (!chosen.isEmpty())
        s_lastSaveFolder = chosen; // every folder asked for is one to save into
    return chosen;
}

void FileDialogs::setNextDirectory(const QString &path)
{
    s_nextDirectory = path;
    s_hasNextDirectory = true;
}

QStringList FileDialogs::getOpenFileNames(QWidget *parent, const QString &caption,
                                          const QString &suggestedPath, const QString &filter)
{
    s_lastSuggestedPath = suggestedPath;
    if (s_hasNextOpenFileNames) {
        s_hasNextOpenFileNames = false;
        return s_nextOpenFileNames;
    }
    return QFileDialog::getOpenFileNames(parent, caption, suggestedPath, filter);
}

void FileDialogs::setNextOpenFileNames(const QStringList &paths)
{
    s_nextOpenFileNames = paths;
    s_hasNextOpenFileNames = true;
}

QStringList FileDialogs::getOpenImageFileNames(QWidget *parent, const QString &caption)
{
    const QString start = s_lastImageFolder.isEmpty() ? startFolder() : s_lastImageFolder;
    const QStringList files = getOpenFileNames(
        parent, caption, start, tr("Images (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)"));
    if (!files.isEmpty())
        s_lastImageFolder = QFileInfo(files.first()).absolutePath();
    return files;
}

QString FileDialogs::startFolder(QStandardPaths::StandardLocation location)
{
    const QString folder = QStandardPaths::writableLocation(location);
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}
