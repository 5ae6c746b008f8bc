#pragma once

#include <QObject>
#include <QString>
#include <functional>

// API keys in the OS keychain (Secret Service, KWallet, macOS Keychain, Windows Credential
// Manager) through QtKeychain: service "Easel", one entry per provider id. Never a plain-text
// fallback: a key is either in the keychain or in the environment, never in a file, and this
// class never logs one.
//
// Every call answers through its callback, always later from the event loop (never from inside
// the call), on the thread that made it. When there is no keychain service (no Secret Service on
// D-Bus, for example) available() turns false with a plain reason and the caller falls back to the
// environment. EASEL_NO_KEYCHAIN=1 turns the keychain off entirely: no D-Bus call at all (tests).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false; // read: found; write/remove: done (removing a missing entry is ok)
        bool notFound = false; // read: there is no entry for this id
        QString secret; // read only
        QString error; // a plain sentence when !ok && !notFound
    };
    using Callback = std::function<void(const Result &)>;

    static constexpr const char *serviceName = "Easel";

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // False once the keychain is known to be missing (or turned off); true until then.
    bool available() const { return m_available; }
    // Why the keychain is not used, e.g. "No keychain service is running (no Secret Service on
    // D-Bus)." Empty while available.
    QString unavailableReason() const { return m_reason; }
    static bool disabledByEnvironment(); // EASEL_NO_KEYCHAIN=1

    void read(const QString &providerId, Callback callback);
    void write(const QString &providerId, const QString &secret, Callback callback);
    void remove(const QString &providerId, Callback callback);
    // Finds out whether a keychain service answers, without reading a real entry.
    void probe(Callback callback);

Q_SIGNALS:
    void availabilityChanged(bool available);

private:
    enum class Operation { Read, Write, Remove };
    void run(Operation operation, const QString &key, const QString &secret, Callback callback);
    void answerLater(Callback callback, const Result &result);
    void markUnavailable(const QString &reason);

    bool m_available = true;
    bool m_confirmed = false; // the keychain has answered at least once
    QString m_reason;
};
