#pragma once

#include <QCoreApplication>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

class QWidget;

// File dialogs behind a seam: a test sets the next answer so GUI tests never block on a modal.
class FileDialogs
{
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)

public:
    // With `defaultSuffix` ("png"), a name typed without one of the filter's extensions gets
    // the extension of the file type chosen in the dialog (the default suffix until another is
    // picked): "hero v1.2" becomes "hero v1.2.png". When that makes the name of a file already
    // there, the designer is asked before it is replaced, as the dialog asks for the name typed.
    static QString getSaveFileName(QWidget *parent, const QString &caption,
                                   const QString &suggestedPath, const QString &filter,
                                   const QString &defaultSuffix = {});
    // "" = the next dialog is cancelled. `nameFilter`: the file type picked in it.
    static void setNextSaveFileName(const QString &path, const QString &nameFilter = {});
    // Where the last save went (any of the save dialogs), while that folder exists; else
    // startFolder(). A designer saving a series keeps it together.
    static QString saveFolder(QStandardPaths::StandardLocation fallback
                              = QStandardPaths::PicturesLocation);
    // The folder of the last save, as kept between runs (Settings::saveFolder); "" if none yet.
    static QString lastSaveFolder() { return s_lastSaveFolder; }
    static void setLastSaveFolder(const QString &folder) { s_lastSaveFolder = folder; }
    // `path` with an extension the filter lists ("PNG image (*.png);;…"), else with `suffix`.
    static QString withListedSuffix(const QString &path, const QString &filter,
                                    const QString &suffix);
    static QString getExistingDirectory(QWidget *parent, const QString &caption,
                                        const QString &suggestedPath);
    static void setNextDirectory(const QString &path); // "" = the next dialog is cancelled
    static QStringList getOpenFileNames(QWidget *parent, const QString &caption,
                                        const QString &suggestedPath, const QString &filter);
    static void setNextOpenFileNames(const QStringList &paths); // {} = the next dialog is cancelled
    // Asks for reference images (PNG, JPEG, WebP, GIF; any file on request) for every place that
    // takes them. It opens in the folder images were last chosen from, by whichever caller (a
    // designer's references usually live together), else in Pictures. Empty: cancelled.
    static QStringList getOpenImageFileNames(QWidget *parent, const QString &caption);
    // Where a dialog opens: the user's Pictures (or Documents) folder when it exists, else the
    // home folder. A fresh account often has no ~/Pictures, and a dialog shown on a folder that
    // is not there opens somewhere arbitrary.
    static QString startFolder(QStandardPaths::StandardLocation location
                               = QStandardPaths::PicturesLocation);
    // Where the last dialog was asked to open (tests check it, as the answer is set for them).
    static QString lastSuggestedPath() { return s_lastSuggestedPath; }

private:
    static QString finishSaveName(QWidget *parent, const QString &path, const QString &filter,
                                  const QString &suffix, bool *declined);
    static QString s_nextSaveFileName;
    static QString s_nextSaveFilter;
    static QString s_lastSaveFolder;
    static bool s_hasNextAnswer;
    static QString s_nextDirectory;
    static bool s_hasNextDirectory;
    static QStringList s_nextOpenFileNames;
    static bool s_hasNextOpenFileNames;
    static QString s_lastImageFolder;
    static QString s_lastSuggestedPath;
};
