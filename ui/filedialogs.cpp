#include "filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

QString FileDialogs::s_nextSaveFileName;
bool FileDialogs::s_hasNextAnswer = false;
QString FileDialogs::s_nextDirectory;
bool FileDialogs::s_hasNextDirectory = false;
QStringList FileDialogs::s_nextOpenFileNames;
bool FileDialogs::s_hasNextOpenFileNames = false;
QString FileDialogs::s_lastImageFolder;
QString FileDialogs::s_lastSuggestedPath;

QString FileDialogs::getSaveFileName(QWidget *parent, const QString &caption,
                                     const QString &suggestedPath, const QString &filter,
                                     const QString &defaultSuffix)
{
    s_lastSuggestedPath = suggestedPath;
    if (s_hasNextAnswer) {
        s_hasNextAnswer = false;
        const QString path = s_nextSaveFileName;
        // As the dialog does with its default suffix.
        if (!path.isEmpty() && !defaultSuffix.isEmpty() && QFileInfo(path).suffix().isEmpty())
            return path + u'.' + defaultSuffix;
        return path;
    }
    if (defaultSuffix.isEmpty())
        return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
    QFileDialog dialog(parent, caption, QFileInfo(suggestedPath).absolutePath(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(defaultSuffix);
    dialog.selectFile(suggestedPath);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles().value(0) : QString();
}

void FileDialogs::setNextSaveFileName(const QString &path)
{
    s_nextSaveFileName = path;
    s_hasNextAnswer = true;
}

QString FileDialogs::getExistingDirectory(QWidget *parent, const QString &caption,
                                          const QString &suggestedPath)
{
    s_lastSuggestedPath = suggestedPath;
    if (s_hasNextDirectory) {
        s_hasNextDirectory = false;
        return s_nextDirectory;
    }
    return QFileDialog::getExistingDirectory(parent, caption, suggestedPath);
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
