#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QMainWindow;
class QTreeWidget;

// Help > Keyboard Shortcuts: every key of the studio in one list, grouped. The rows of the
// window's actions are read from the actions themselves (their menu, text and shortcut), so the
// list cannot drift from the keys; the keys a widget handles itself (Ctrl+Enter in the composer,
// the view's arrows, the viewer's and mask editor's keys) are a table in this class's source.
class KeyboardShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString group; // "File", "Composer", …
        QString description; // "New Conversation"
        QString keys; // as shown on this platform, e.g. "Ctrl+N"
    };

    // The window's actions that have a shortcut (menus first, in menu order, then actions added
    // to the window or its widgets), followed by the keys widgets handle themselves.
    static QList<Entry> entriesFor(const QMainWindow *window);

    explicit KeyboardShortcutsDialog(const QList<Entry> &entries, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

    // A property an action may carry to be listed under a group of its own ("Composer") rather
    // than under its window.
    static constexpr const char *shortcutGroupProperty = "shortcutGroup";

private:
    QTreeWidget *m_list;
};
