#include "helpmenu.h"

#include "keyboardshortcutsdialog.h"
#include "pricing/pricebook.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QMainWindow>
#include <QMessageBox>
#include <QUrl>

HelpMenu::HelpMenu(QMainWindow *window, const QString &dataFolder)
    : QMenu(tr("&Help"), window)
    , m_window(window)
    , m_dataFolder(dataFolder)
{
    setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = addAction(tr("&Keyboard Shortcuts"), this, &HelpMenu::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    QAction *folder = addAction(tr("Open &Data Folder"), this, &HelpMenu::openDataFolder);
    folder->setObjectName(QStringLiteral("openDataFolderAction"));
    folder->setToolTip(tr("Show the folder with the history, images and masks: %1")
                           .arg(QDir::toNativeSeparators(dataFolder)));
    addSeparator();
    QAction *about = addAction(tr("&About Easel"), this, &HelpMenu::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void HelpMenu::showShortcuts()
{
    // Built each time from the window's actions, so the keys listed are the keys in force.
    auto *dialog = m_window->findChild<KeyboardShortcutsDialog *>();
    if (!dialog) {
        dialog
            = new KeyboardShortcutsDialog(KeyboardShortcutsDialog::entriesFor(m_window), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void HelpMenu::openDataFolder()
{
    const QString shown = QDir::toNativeSeparators(m_dataFolder);
    if (!QDir().mkpath(m_dataFolder)) {
        Q_EMIT statusMessage(
            tr("The data folder %1 does not exist and could not be created.").arg(shown), 10000);
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m_dataFolder))) {
        // No file manager registered (a bare desktop): the path is still worth having.
        Q_EMIT statusMessage(tr("No file manager could open the data folder; it is %1").arg(shown),
                             15000);
    }
}

void HelpMenu::showAbout()
{
    QMessageBox::about(m_window, tr("About Easel"),
                       tr("<h3>Easel %1</h3><p>Chat concept art into being.</p>"
                          "<p>Qt %2 · price book of %3</p><p>Data folder: %4</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                PriceBook::builtIn().date(),
                                QDir::toNativeSeparators(m_dataFolder).toHtmlEscaped()));
}
