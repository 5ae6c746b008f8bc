#pragma once

#include <QString>
#include <QStringList>

class QWidget;

// File dialogs behind a seam: a test sets the next answer so GUI tests never block on a modal.
class FileDialogs
{
public:
    static QString getSaveFileName(QWidget *parent, const QString &caption,
                                   const QString &suggestedPath, const QString &filter);
    static void setNextSaveFileName(const QString &path); // "" = the next dialog is cancelled
    static QString getExistingDirectory(QWidget *parent, const QString &caption,
                                        const QString &suggestedPath);
    static void setNextDirectory(const QString &path); // "" = the next dialog is cancelled
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption,
                                        const QString &suggestedPath, const QString &filter);
    static void setNextOpenFileNames(const QStringList &paths); // {} = the next dialog is cancelled

private:
    static QString s_nextSaveFileName;
    static bool s_hasNextAnswer;
    static QString s_nextDirectory;
    static bool s_hasNextDirectory;
    static QStringList s_nextOpenFileNames;
    static bool s_hasNextOpenFileNames;
};
