#pragma once

#include "readingplace.h"
#include "store/historytypes.h"

#include <QDockWidget>
#include <QHash>
#include <QPointer>

class ChatSession;
class ConversationList;
class ConversationView;
class HistoryStore;
class QMenu;

// The "Conversations" dock: the sidebar (ConversationList) wired to the session and the store.
// Choosing a conversation loads its turns from the store into the session and shows where it
// was read when it was left in this run, or its last screen, or the turn a search hit named;
// deleting the conversation on screen starts a new one; the row of the conversation on screen stays
// highlighted. Its context menu exports a conversation as Markdown (with an images/ folder) or as
// one HTML file.
class ConversationsDock : public QDockWidget
{
    Q_OBJECT
public:
    ConversationsDock(ChatSession *session, ConversationView *view, QWidget *parent = nullptr);

    void setHistoryStore(HistoryStore *store); // not owned
    ConversationList *list() const { return m_list; }

    // Loads a stored conversation (unless it is already on screen) and scrolls to `turnId`, or
    // to the end when it is empty. Asynchronous: conversationOpened() tells when it is shown.
    void openConversation(const QString &id, const QString &turnId = {});
    // Remembers where the conversation on screen is being read, for when it is opened again in
    // this run. Opening another one does it; the window calls it before a new conversation.
    void keepReadingPlace();
    // Writes a stored conversation out; `html` picks one HTML file over Markdown + images/.
    void exportConversation(const QString &id, bool html);
    // The file name an export suggests, without extension: the title in any script, less the
    // characters a file name cannot hold; "conversation" when nothing is left.
    static QString exportBaseName(const QString &title);

    QMenu *createContextMenu(const QPoint &listViewportPos); // caller owns it; nullptr off rows

Q_SIGNALS:
    void conversationOpened(const QString &id, const QString &turnId);
    // A stored compare run was chosen: it opens in the Compare window, not in the chat.
    void compareRunRequested(const ConversationSummary &run);
    void notice(const QString &message); // a plain sentence for the status bar
    // A refusal because a turn is running: the window takes it back when the turn ends.
    void busyRefusal(const QString &message);

private:
    void scrollToTurn(const QString &turnId);

    ChatSession *m_session;
    ConversationView *m_view;
    ConversationList *m_list;
    QPointer<HistoryStore> m_history;
    quint64 m_openGeneration = 0;
    // The conversation that was on screen when it was deleted: its undo opens it again, if the
    // designer has not begun anything else meanwhile.
    QString m_deletedOnScreen;
    // Where each conversation left this run was being read: it opens there again.
    QHash<QString, ReadingPlace> m_readingPlaces;
};
