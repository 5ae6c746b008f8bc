#include "secretstore.h"

#include <QFileInfo>
#include <QMetaObject>
#include <qt6keychain/keychain.h>

namespace {

// The key of the probe entry: read only, never written, so a probe leaves nothing behind.
const QString probeKey = QStringLiteral("easel-keychain-probe");

QString keyFor(const QString &providerId)
{
    return QStringLiteral("api-key/") + providerId;
}

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && !defined(Q_OS_ANDROID)
// QtKeychain talks to the Secret Service or KWallet over the D-Bus session bus. Without one, Qt
// would try to autolaunch a bus under X11; saying "no keychain" at once is both quicker and
// quieter.
bool sessionBusReachable()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtimeDir.isEmpty() && QFileInfo::exists(runtimeDir + QStringLiteral("/bus"));
}
#else
bool sessionBusReachable()
{
    return true;
}
#endif

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
    if (disabledByEnvironment()) {
        m_available = false;
        m_reason = tr("The keychain is turned off (EASEL_NO_KEYCHAIN=1).");
    } else if (!sessionBusReachable()) {
        m_available = false;
        m_reason = tr("No keychain service: there is no D-Bus session bus, so no "
                      "Secret Service or KWallet to keep keys in.");
    }
}

SecretStore::~SecretStore() = default;

bool SecretStore::disabledByEnvironment()
{
    return qEnvironmentVariable("EASEL_NO_KEYCHAIN").trimmed() == QLatin1String("1");
}

void SecretStore::read(const QString &providerId, Callback callback)
{
    run(Operation::Read, keyFor(providerId), {}, std::move(callback));
}

void SecretStore::write(const QString &providerId, const QString &secret, Callback callback)
{
    run(Operation::Write, keyFor(providerId), secret, std::move(callback));
}

void SecretStore::remove(const QString &providerId, Callback callback)
{
    run(Operation::Remove, keyFor(providerId), {}, std::move(callback));
}

void SecretStore::probe(Callback callback)
{
    run(Operation::Read, probeKey, {}, [callback](const Result &result) {
        Result answer = result;
        answer.secret.clear();
        answer.ok = result.ok || result.notFound;
        answer.notFound = false;
        if (callback)
            callback(answer);
    });
}

void SecretStore::answerLater(Callback callback, const Result &result)
{
    QMetaObject::invokeMethod(
        this,
        [callback, result] {
            if (callback)
                callback(result);
        },
        Qt::QueuedConnection);
}

void SecretStore::markUnavailable(const QString &reason)
{
    const bool changed = m_available;
    m_available = false;
    m_reason = reason;
    if (changed)
        Q_EMIT availabilityChanged(false);
}

void SecretStore::run(Operation operation, const QString &key, const QString &secret,
                      Callback callback)
{
    if (!m_available) {
        Result result;
        result.error = m_reason;
        answerLater(std::move(callback), result);
        return;
    }

    const QString service = QLatin1String(serviceName);
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(service, this);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(service, this);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(service, this);
        break;
    }
    // Never the plain-text QSettings fallback QtKeychain offers: a key stays out of files.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, operation, callback](QKeychain::Job *finished) {
            Result result;
            switch (finished->error()) {
            case QKeychain::NoError:
                result.ok = true;
                if (operation == Operation::Read)
                    result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                m_confirmed = true;
                break;
            case QKeychain::EntryNotFound:
                // Removing what is not there leaves the wanted state.
                result.ok = operation == Operation::Remove;
                result.notFound = operation == Operation::Read;
                m_confirmed = true;
                break;
            case QKeychain::AccessDeniedByUser:
            case QKeychain::AccessDenied:
                result.error = tr("The keychain refused access to the key.");
                break;
            case QKeychain::CouldNotDeleteEntry:
                result.error
                    = tr("The keychain could not delete the key: %1").arg(finished->errorString());
                break;
            case QKeychain::NoBackendAvailable:
            case QKeychain::NotImplemented:
            case QKeychain::OtherError:
                // Until the keychain has answered once, a vague failure means there is none
                // (QtKeychain says "Unknown error" when no Secret Service is on the bus).
                if (finished->error() == QKeychain::OtherError && m_confirmed) {
                    result.error = tr("The keychain failed: %1").arg(finished->errorString());
                    break;
                }
                markUnavailable(tr("No keychain service answered: no Secret Service or "
                                   "KWallet on the session bus (QtKeychain: %1).")
                                    .arg(finished->errorString().left(200)));
                result.error = m_reason;
                break;
            }
            if (callback)
                callback(result);
        });
    job->start();
}
