#pragma once

#include <QMenu>

class QMainWindow;

// Help: Keyboard Shortcuts (F1), Open Data Folder (where the history, images and masks are
// kept), About (version, Qt, the price book's date).
class HelpMenu : public QMenu
{
    Q_OBJECT
public:
    HelpMenu(QMainWindow *window, const QString &dataFolder);

    QString dataFolder() const { return m_dataFolder; }

Q_SIGNALS:
    // Something the designer should read in the status bar (the folder could not be opened).
    void statusMessage(const QString &message, int timeoutMs);

private:
    void showShortcuts();
    void openDataFolder();
    void showAbout();

    QMainWindow *m_window;
    QString m_dataFolder;
};
