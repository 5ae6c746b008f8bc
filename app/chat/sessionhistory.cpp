#include "sessionhistory.h"

#include "chatsession.h"
#include "store/historystore.h"
#include "store/settings.h"

#include <QDir>
#include <QFutureWatcher>

SessionHistory::SessionHistory(HistoryStore *store, ChatSession *session, Settings *settings,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_session(session)
    , m_settings(settings)
{
    connect(session, &ChatSession::conversationChanged, this, [this](const QString &id) {
        m_settings->setValue(Settings::lastConversation, id);
        m_settings->sync(); // a crash right after must still reopen it
    });
}

QString SessionHistory::noticeFor(bool ok, const QString &error, const QString &movedAsideTo)
{
    if (!movedAsideTo.isEmpty())
        return tr("The history database was damaged: it was moved aside to %1 and "
                  "a new, empty history was started.")
            .arg(QDir::toNativeSeparators(movedAsideTo));
    if (!ok)
        return tr("History is off for this run: %1").arg(error);
    return {};
}

void SessionHistory::restoreLast(const std::function<void()> &done)
{
    const QString id = m_settings->value(Settings::lastConversation);
    if (!m_store || !m_session || id.isEmpty()) {
        if (m_session)
            m_session->setHistory(m_store);
        done();
        return;
    }
    // Listed first: a conversation deleted (or purged) since is not brought back.
    auto *listed = new QFutureWatcher<QList<ConversationSummary>>(this);
    auto *read = new QFutureWatcher<QList<Turn>>(this);
    connect(read, &QFutureWatcherBase::finished, this, [this, listed, read, id, done] {
        bool exists = false;
        for (const ConversationSummary &c : listed->result()) // a chat, never a compare run
            exists = exists || (c.id == id && c.kind == ConversationSummary::Kind::Chat);
        if (m_session) {
            m_session->setHistory(m_store, exists ? id : QString());
            if (exists)
                m_session->loadConversation(id, read->result());
        }
        listed->deleteLater();
        read->deleteLater();
        done();
    });
    listed->setFuture(m_store->conversations());
    read->setFuture(m_store->turns(id)); // queued after the list: it finishes last
}
