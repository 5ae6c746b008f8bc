#include "keyboardshortcutsdialog.h"
#include "toplevelwindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// "&File" → "File", "Save Image As…" stays as it is.
QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    return text;
}

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts())
        keys.append(sequence.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

// Keys handled by the widgets themselves rather than by actions of the window.
QList<KeyboardShortcutsDialog::Entry> widgetKeys()
{
    const auto native = [](const QKeySequence &keys) {
        return keys.toString(QKeySequence::NativeText);
    };
    const QString composer = KeyboardShortcutsDialog::tr("Composer");
    const QString conversation = KeyboardShortcutsDialog::tr("Conversation");
    const QString viewer = KeyboardShortcutsDialog::tr("Image viewer");
    const QString mask = KeyboardShortcutsDialog::tr("Mask editor");
    const QString conversations = KeyboardShortcutsDialog::tr("Conversations");
    const QString library = KeyboardShortcutsDialog::tr("Library");
    const QString windows = KeyboardShortcutsDialog::tr("Library, Compare");
    return {
        // Enter, as the composer's own hint says ("Ctrl+Enter to send"); Return works the same.
        { composer, KeyboardShortcutsDialog::tr("Send the prompt"),
          native(QKeySequence(Qt::CTRL | Qt::Key_Enter)) },
        { composer, KeyboardShortcutsDialog::tr("New line"), native(QKeySequence(Qt::Key_Enter)) },
        { composer, KeyboardShortcutsDialog::tr("Stop the running turn"),
          native(QKeySequence(Qt::Key_Escape)) },
        { conversation, KeyboardShortcutsDialog::tr("Previous or next turn"),
          native(QKeySequence(Qt::Key_Up)) + QStringLiteral(", ")
              + native(QKeySequence(Qt::Key_Down)) },
        { conversation, KeyboardShortcutsDialog::tr("A screen up or down"),
          native(QKeySequence(Qt::Key_PageUp)) + QStringLiteral(", ")
              + native(QKeySequence(Qt::Key_PageDown)) },
        { conversation, KeyboardShortcutsDialog::tr("First or last turn"),
          native(QKeySequence(Qt::Key_Home)) + QStringLiteral(", ")
              + native(QKeySequence(Qt::Key_End)) },
        { conversation, KeyboardShortcutsDialog::tr("Select the previous or next image"),
          native(QKeySequence(Qt::Key_Left)) + QStringLiteral(", ")
              + native(QKeySequence(Qt::Key_Right)) },
        { conversation, KeyboardShortcutsDialog::tr("Open the selected image"),
          native(QKeySequence(Qt::Key_Enter)) },
        { conversation, KeyboardShortcutsDialog::tr("Menu of the selected image"),
          native(QKeySequence(Qt::Key_Menu)) + QStringLiteral(", ")
              + native(QKeySequence(Qt::SHIFT | Qt::Key_F10)) },
        { conversations, KeyboardShortcutsDialog::tr("Open the selected conversation"),
          native(QKeySequence(Qt::Key_Enter)) },
        { conversations, KeyboardShortcutsDialog::tr("Rename the selected conversation"),
          native(QKeySequence(Qt::Key_F2)) },
        { conversations, KeyboardShortcutsDialog::tr("Delete the selected conversation"),
          native(QKeySequence(QKeySequence::Delete)) },
        { conversations, KeyboardShortcutsDialog::tr("Clear the search"),
          native(QKeySequence(Qt::Key_Escape)) },
        { library, KeyboardShortcutsDialog::tr("Show the selected image large"),
          native(QKeySequence(Qt::Key_Space)) },
        { library, KeyboardShortcutsDialog::tr("Open the selected image's conversation"),
          native(QKeySequence(Qt::Key_Enter)) },
        { windows, KeyboardShortcutsDialog::tr("Close the window"),
          native(QKeySequence(Qt::CTRL | Qt::Key_W)) + QStringLiteral(", ")
              + native(QKeySequence(Qt::Key_Escape)) },
        { viewer, KeyboardShortcutsDialog::tr("Zoom in or out"),
          KeyboardShortcutsDialog::tr("+, −, wheel") },
        { viewer, KeyboardShortcutsDialog::tr("Pan"),
          KeyboardShortcutsDialog::tr("drag, Shift+wheel") },
        { viewer, KeyboardShortcutsDialog::tr("Previous or next image"),
          native(QKeySequence(Qt::Key_Left)) + QStringLiteral(", ")
              + native(QKeySequence(Qt::Key_Right)) },
        { viewer, KeyboardShortcutsDialog::tr("Save or copy the image shown"),
          native(QKeySequence(QKeySequence::Save)) + QStringLiteral(", ")
              + native(QKeySequence(QKeySequence::Copy)) },
        { viewer, KeyboardShortcutsDialog::tr("Fit to window / actual size"),
          QStringLiteral("0, 1") },
        { viewer, KeyboardShortcutsDialog::tr("Full screen"), native(QKeySequence(Qt::Key_F11)) },
        { viewer, KeyboardShortcutsDialog::tr("Leave full screen, then close"),
          native(QKeySequence(Qt::Key_Escape)) },
        { mask, KeyboardShortcutsDialog::tr("Brush / eraser"), QStringLiteral("B, E") },
        { mask, KeyboardShortcutsDialog::tr("Smaller or larger brush"), QStringLiteral("[, ]") },
        { mask, KeyboardShortcutsDialog::tr("Undo"), native(QKeySequence(QKeySequence::Undo)) },
        { mask, KeyboardShortcutsDialog::tr("Redo"), native(QKeySequence(QKeySequence::Redo)) },
        { mask, KeyboardShortcutsDialog::tr("Invert the mask"),
          native(QKeySequence(Qt::CTRL | Qt::Key_I)) },
    };
}

} // namespace

QList<KeyboardShortcutsDialog::Entry> KeyboardShortcutsDialog::entriesFor(const QMainWindow *window)
{
    QList<Entry> entries;
    QSet<const QAction *> listed;
    for (QAction *menuAction : window->menuBar()->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (QAction *action : menu->actions()) {
            if (action->shortcut().isEmpty() || action->isSeparator())
                continue;
            entries.append({ plain(menu->title()), plain(action->text()), keysOf(action) });
            listed.insert(action);
        }
    }
    // Actions that live on a widget (the conversation search, attaching images) are grouped by
    // the window they work in: the studio's own under "General", the Library's under "Library".
    const QList<QAction *> others = window->findChildren<QAction *>();
    for (const QAction *action : others) {
        // Closing a secondary window is listed once below, whether or not it was opened yet.
        if (listed.contains(action) || action->shortcut().isEmpty() || action->text().isEmpty()
            || action->objectName() == QLatin1String("closeWindowAction"))
            continue;
        const auto *owner = qobject_cast<const QWidget *>(action->parent());
        const QWidget *home = owner ? owner->window() : window;
        // An action that works only in one part of the window says which (the composer's
        // Ctrl+Shift+A is not a window-wide key).
        const QString group = action->property(shortcutGroupProperty).toString();
        entries.append({ !group.isEmpty() ? group
                             : home == window || home->windowTitle().isEmpty()
                             ? tr("General")
                             : home->windowTitle(),
                         plain(action->text()), keysOf(action) });
        listed.insert(action);
    }
    entries.append(widgetKeys());
    return entries;
}

KeyboardShortcutsDialog::KeyboardShortcutsDialog(const QList<Entry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list->setObjectName(QStringLiteral("shortcutList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setToolTip(tr("Every key of Easel, grouped by where it works"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({ tr("Action"), tr("Keys") });
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::StrongFocus);

    QHash<QString, QTreeWidgetItem *> groups; // in the order they first appear
    for (const Entry &entry : entries) {
        QTreeWidgetItem *&group = groups[entry.group];
        if (!group) {
            group = new QTreeWidgetItem(m_list, { entry.group });
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto *row = new QTreeWidgetItem(group, { entry.description, entry.keys });
        row->setFlags(Qt::ItemIsEnabled);
    }
    m_list->expandAll();
    m_list->header()->setStretchLastSection(true);
    m_list->resizeColumnToContents(0);
    m_list->setColumnWidth(0, m_list->columnWidth(0) + 24);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resizeToFitScreen(this, QSize(520, 620));
}
