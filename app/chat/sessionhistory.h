#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class ChatSession;
class HistoryStore;
class Settings;

// Ties the window's ChatSession to the history at start-up: reopens the conversation shown when
// Easel last ran (when it still exists) and keeps that choice in the settings as it changes.
// It keeps main.cpp thin and is tested without a window.
class SessionHistory : public QObject
{
    Q_OBJECT
public:
    SessionHistory(HistoryStore *store, ChatSession *session, Settings *settings,
                   QObject *parent = nullptr);

    // Reads the last conversation off the GUI thread, shows it in the session, then calls
    // `done` (on this object's thread). With none, or one deleted since, the session starts a
    // new conversation with its first turn.
    void restoreLast(const std::function<void()> &done);

    // A plain sentence for the window after HistoryStore::open(), or "" when there is nothing
    // to say.
    static QString noticeFor(bool ok, const QString &error, const QString &movedAsideTo);

private:
    QPointer<HistoryStore> m_store;
    QPointer<ChatSession> m_session;
    Settings *m_settings;
};
