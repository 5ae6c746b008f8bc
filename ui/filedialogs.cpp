#include "filedialogs.h"

#include <QFileDialog>

QString FileDialogs::s_nextSaveFileName;
bool FileDialogs::s_hasNextAnswer = false;

QString FileDialogs::getSaveFileName(QWidget *parent, const QString &caption,
                                     const QString &suggestedPath, const QString &filter)
{
    if (s_hasNextAnswer) {
        s_hasNextAnswer = false;
        return s_nextSaveFileName;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

void FileDialogs::setNextSaveFileName(const QString &path)
{
    s_nextSaveFileName = path;
    s_hasNextAnswer = true;
}
