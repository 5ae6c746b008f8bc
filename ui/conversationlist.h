#pragma once

#include "conversationlistmodel.h"
#include "store/historytypes.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

class HistoryStore;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QTabBar;
class QStandardItemModel;
class QTextDocument;

// The conversations sidebar: every conversation newest first (title, date, "3 images · $0.12"),
// renamed in place (F2 or double-click), deleted with an undo bar that stays ~8 s, and a search
// field (Ctrl+F) whose hits show their snippet. Choosing a conversation or a hit emits
// conversationActivated(); a hit carries the turn to scroll to.
//
// With a HistoryStore it loads and follows the store (every call is asynchronous); without one it
// shows what setConversations() and showSearchResults() give it, which is how tests drive it.
class ConversationList : public QWidget
{
    Q_OBJECT
public:
    // SnippetHtmlRole: a hit's snippet as it is painted (snippetHtml()).
    enum HitRole { ConversationIdRole = Qt::UserRole + 1, TurnIdRole, SnippetHtmlRole };

    explicit ConversationList(QWidget *parent = nullptr);
    ~ConversationList() override;

    void setHistoryStore(HistoryStore *store); // not owned
    void refresh(); // reloads from the store

    void setConversations(const QList<ConversationSummary> &conversations);
    void showSearchResults(const QString &text, const QList<SearchHit> &hits);
    ConversationListModel *model() const { return m_model; }
    QStandardItemModel *hitModel() const { return m_hitModel; }

    // The conversation on screen: highlighted whenever it is listed. Emits nothing.
    void setCurrentConversation(const QString &id);
    QString currentConversationId() const;

    // Hides the conversation with an undo bar; once the bar has gone (or another deletion has
    // taken its place) the conversation is purged from the store for good.
    void deleteConversation(const QString &id);
    // Asked before each deletion (the menu's or the Delete key's): a sentence refuses it and is
    // emitted as deletionRefused(). By default every deletion goes ahead.
    void setDeletionCheck(std::function<QString(const QString &id)> check);
    void undoDelete(); // brings back the last deleted conversation while the bar shows
    bool isUndoBarVisible() const;
    void setUndoTimeout(int milliseconds) { m_undoTimer.setInterval(milliseconds); }

    // A search snippet (matched words between SearchHit::matchStart and matchEnd) as rich text:
    // the matched words bold, everything else escaped, so a prompt's own < > & « » show as typed.
    static QString snippetHtml(const QString &snippet);
    static QString snippetText(const QString &snippet); // the same as plain text, without marks
    // How far a one-line snippet laid out in `document` is scrolled left so that its first match
    // ends inside `width` (an ellipsis of `ellipsisWidth` then stands for the words before).
    static qreal snippetScroll(QTextDocument &document, int width, int ellipsisWidth);

    QAction *searchAction() const { return m_searchAction; } // Ctrl+F: focuses the search field
    // Ctrl+Z: undoDelete(), enabled while the undo bar shows (Edit > Undo Delete).
    QAction *undoAction() const { return m_undoAction; }

    // Which conversations the list shows: all, only chats or only comparisons (the tabs above
    // it). Emits shownChanged() when the designer picks another tab, not when set here.
    void setShown(ConversationListModel::Shown shown);
    ConversationListModel::Shown shown() const;

    // Wide enough for a title's first words, the search field and the undo bar: a window made
    // narrow squeezes the conversation instead of the sidebar.
    QSize minimumSizeHint() const override;
    void setSearchText(const QString &text); // and runs the search at once

Q_SIGNALS:
    void shownChanged(ConversationListModel::Shown shown);
    void conversationActivated(const QString &id, const QString &turnId);
    void conversationDeleted(const QString &id);
    void conversationRestored(const QString &id);
    void deletionRefused(const QString &reason);
    // Ctrl+F while the list is hidden (its dock closed): whoever holds it shows it.
    void revealRequested();
    // Only without a store: what the store would have been asked.
    void searchRequested(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();
    void refreshSearch(); // runs the search shown again, if one is
    void purgeLastDeleted(); // its undo is over
    void hideUndoBar(); // and its Undo Delete action
    void onRenameRequested(const QString &id, const QString &title);
    void activateHit(const QModelIndex &index);
    void fitUndoLabel(); // elides the bar's text to the label's width, so it never widens the dock

    QPointer<HistoryStore> m_store;
    ConversationListModel *m_model;
    QStandardItemModel *m_hitModel;
    QLineEdit *m_search;
    QTabBar *m_kinds;
    QStackedWidget *m_pages;
    QListView *m_list;
    QListView *m_hits;
    QWidget *m_undoBar;
    QLabel *m_undoLabel;
    QString m_undoText; // the bar's whole text; the label shows it elided to fit
    QAction *m_searchAction;
    QAction *m_undoAction;
    QTimer m_undoTimer;
    QTimer m_searchDelay;
    QString m_currentId; // the conversation on screen, highlighted when it is listed
    ConversationSummary m_lastDeleted;
    std::function<QString(const QString &id)> m_deletionCheck;
    quint64 m_loadGeneration = 0;
    quint64 m_searchGeneration = 0;
};
