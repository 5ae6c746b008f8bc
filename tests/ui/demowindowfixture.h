#pragma once

// The real main window, built offscreen against the offline demo gateway, with every window and
// dialog a designer meets one call away: shared by the tests that look at the whole program
// (tst_accessibility, tst_lookandfeel).
//
// setUp() makes a temporary data folder with a history store (so the Conversations dock and the
// Library exist) holding one extra conversation, starts the demo gateway, shows the window, sends
// two prompts (two turns with images) and fills the composer with all it can show: an attachment,
// the edit target and its mask. subject() then opens a window or dialog by name, in the state
// that shows the most controls.

#include <QString>
#include <QTest>

#include <memory>

class ChatSession;
class DemoGateway;
class HistoryStore;
class MainWindow;
class ProviderRegistry;
class QTemporaryDir;
class QWidget;
class SecretStore;
class Settings;

class DemoWindowFixture
{
public:
    DemoWindowFixture();
    ~DemoWindowFixture();

    // Fails the running test (QVERIFY) when something cannot be built: check
    // QTest::currentTestFailed() after it.
    void setUp();
    // Closes every window and dialog and frees all; setUp() may follow again.
    void tearDown();

    // Types `text` into the composer, sends it with Ctrl+Return and waits for the finished turn.
    void sendPrompt(const QString &text);

    // The window or dialog a key names, shown and in the state that shows the most controls;
    // nullptr when it cannot be opened. Keys: "main window", "image settings, custom size",
    // "composer", "conversations dock", "conversations dock, search results", "conversations
    // dock, undo bar", "library", "compare window" (after a run), "compare window, prompt axis",
    // "providers dialog", "providers dialog, custom", "auto-save dialog", "mask editor", "image
    // viewer", "image pair dialog", "image pair dialog, difference", "keyboard shortcuts dialog",
    // "details dialog".
    QWidget *subject(const QString &key);

    MainWindow *window() const { return m_window.get(); }
    ChatSession *session() const { return m_session.get(); }
    QString dataPath(const QString &name) const;

    // Shows a dialog the test owns (it deletes itself on close); nullptr when it never shows.
    template<typename T> static T *showOwned(T *dialog)
    {
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }

    // Keeps the offscreen platform's size-hint warnings out of the log, where they would bury
    // the problems a test lists.
    static void quietOffscreenWarnings();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<DemoGateway> m_demo;
    std::unique_ptr<HistoryStore> m_store; // outlives the session, which saves into it
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_extraConversation; // deleted for the dock's undo bar
    QString m_referencePath;
};
