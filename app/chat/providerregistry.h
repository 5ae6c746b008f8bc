#pragma once

#include "providerprofile.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class SecretStore;
class Settings;

// Every provider profile Easel knows, as the rest of the app sees them: the built-in table
// (ProviderProfile::builtIns) with the user's edits, the user's duplicated and custom profiles,
// and the offline demo when one runs. The edits are kept in Settings (never a key); the keys come
// from the environment of the run (which wins) or from the OS keychain through SecretStore, and
// are held in memory only.
class ProviderRegistry : public QObject
{
    Q_OBJECT
public:
    ProviderRegistry(Settings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~ProviderRegistry() override;

    // Offers the offline demo gateway (a running DemoGateway's base URL) among the profiles.
    void setDemoBaseUrl(const QUrl &baseUrl);

    // Built-ins in table order, then the user's profiles, then the demo when offered.
    QStringList ids() const;
    bool contains(const QString &id) const { return ids().contains(id); }
    bool isBuiltIn(const QString &id) const;
    // As edited in Settings > Providers: no environment, no key.
    ProviderProfile stored(const QString &id) const;
    // Ready to use: the environment of the run applied, the key filled in. Empty id if unknown.
    ProviderProfile profile(const QString &id) const;
    QList<ProviderProfile> profiles() const;

    // Edits, persisted at once. save() refuses (with a plain sentence) what cannot work: an
    // unknown id, a base URL that is not http(s), an empty model or tool type, a flavour the
    // gateway does not speak.
    bool save(const ProviderProfile &profile, QString *error = nullptr);
    QString duplicate(const QString &id); // the new profile's id, "" if `id` is unknown
    QString addCustom(); // a new OpenAI-compatible profile
    bool remove(const QString &id); // the user's profiles only; also forgets its stored key
    bool reset(const QString &id); // built-ins only: back to the table
    // The server tool name that a gateway accepted (see ChatSession::toolTypeLearned).
    void rememberToolType(const QString &id, const QString &toolType);

    SecretStore *secrets() const { return m_secrets; }
    // Reads every profile's key from the keychain; keysLoaded() follows once, when all have
    // answered or after `timeoutMs`, whichever comes first (a key arriving later is still kept).
    void loadKeys(int timeoutMs = 5000);
    bool areKeysLoaded() const { return m_keysLoaded; }
    bool hasStoredKey(const QString &id) const { return m_keys.contains(id); }
    // Stores `key` in the keychain (an empty key removes it). `done` gets "" or a plain error.
    void setApiKey(const QString &id, const QString &key,
                   const std::function<void(const QString &error)> &done);
    // Where the key of `id` comes from, in a sentence for the settings dialog.
    QString keyStatus(const QString &id) const;

Q_SIGNALS:
    void profilesChanged();
    void keysLoaded();
    void keyChanged(const QString &id);

private:
    void load();
    void persist();
    int indexOf(const QString &id) const;
    QString keyVariableFor(const ProviderProfile &userProfile) const;
    QString uniqueId(const QString &stem) const;
    void finishKeyLoading();

    Settings *m_settings;
    SecretStore *m_secrets; // not owned; outlives the registry
    QList<ProviderProfile> m_profiles; // built-ins (edited) then the user's; no keys
    QUrl m_demoBaseUrl;
    QHash<QString, QString> m_keys; // from the keychain, in memory only
    int m_pendingReads = 0;
    bool m_keysLoaded = false;
    QTimer m_keyTimeout;
};
