#pragma once

#include "chat/providerregistry.h"

#include <QObject>
#include <QPointer>

class ChatSession;
class ParameterPanel;
class QComboBox;
class QLabel;
class QMenu;
class QWidget;
class QToolBar;
class Settings;

// The toolbar's provider and chat-model pickers: switching provider (never mid-turn), keeping
// the designer's models in the new provider's naming, and following edits made in Settings >
// Providers. Taken out of MainWindow, which only places the widgets and shows the messages.
class ProviderSwitcher : public QObject
{
    Q_OBJECT
public:
    ProviderSwitcher(ChatSession *session, Settings *settings, ParameterPanel *panel,
                     QObject *parent = nullptr);

    void addTo(QToolBar *bar); // "Provider [picker] | Chat model [picker]"
    void setRegistry(ProviderRegistry *registry);
    ProviderRegistry *registry() const { return m_registry; }

    void switchProvider(const QString &id);
    // The pickers' model lists and names follow the session's provider.
    void applyProviderModels();

    // Ctrl+K: one menu to switch provider, chat model or image model from the keyboard (arrows,
    // Enter), the current ones checked. Public, and separate from showing it, so that tests can
    // trigger its actions without a blocking exec(). The caller owns the menu.
    QMenu *createQuickMenu(QWidget *parent);
    // Shows that menu under the provider picker (or at the parent's centre without a toolbar).
    void popUpQuickMenu(QWidget *parent);

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void notice(const QString &notice); // something the designer must act on
    // The panel's image model was renamed for the provider (and saved by the window).
    void imageParamsChanged();
    void providerApplied(); // the cost preview follows the provider

private:
    void fillProviderCombo();
    void onProfilesChanged();
    // Where prompts go when the provider in use is removed: the first provider that can answer,
    // else the offline demo.
    QString fallbackProviderId() const;

    ChatSession *m_session;
    Settings *m_settings;
    ParameterPanel *m_panel;
    QPointer<ProviderRegistry> m_registry;
    QLabel *m_badge = nullptr;
    QComboBox *m_providerCombo = nullptr;
    QComboBox *m_chatModel = nullptr;
};
