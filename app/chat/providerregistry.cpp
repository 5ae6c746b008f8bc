#include "providerregistry.h"

#include "store/secretstore.h"
#include "store/settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

const QString demoId = QStringLiteral("demo");

bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,63}$"));
    return pattern.match(id).hasMatch();
}

// A user's profile made from `base`: same gateway, own id, own keychain entry. The key variable
// is kept (a copy of OpenRouter still works with OPENROUTER_API_KEY); the base URL variable is
// not, because a copy usually exists to point somewhere else.
ProviderProfile userProfileFrom(const ProviderProfile &base)
{
    ProviderProfile p = base;
    p.isBuiltIn = false;
    p.basedOn = base.isBuiltIn ? base.id : base.basedOn;
    p.baseUrlVariable.clear();
    p.apiKey.clear();
    p.keySource = ProviderProfile::KeySource::None;
    return p;
}

// Where a request to `url` goes: scheme, host and port.
QString originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(port);
}

// EASEL_CUSTOM_2_API_KEY for the profile "custom-2".
QString ownKeyVariable(const QString &id)
{
    QString name = id.toUpper();
    for (QChar &c : name) {
        if (!(c >= u'A' && c <= u'Z') && !(c >= u'0' && c <= u'9'))
            c = u'_';
    }
    return QStringLiteral("EASEL_%1_API_KEY").arg(name);
}

} // namespace

ProviderRegistry::ProviderRegistry(Settings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    m_keyTimeout.setSingleShot(true);
    connect(&m_keyTimeout, &QTimer::timeout, this, &ProviderRegistry::finishKeyLoading);
    load();
}

ProviderRegistry::~ProviderRegistry() = default;

void ProviderRegistry::setDemoBaseUrl(const QUrl &baseUrl)
{
    m_demoBaseUrl = baseUrl;
    Q_EMIT profilesChanged();
}

QStringList ProviderRegistry::ids() const
{
    QStringList out;
    for (const ProviderProfile &p : m_profiles)
        out << p.id;
    if (m_demoBaseUrl.isValid())
        out << demoId;
    return out;
}

int ProviderRegistry::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return int(i);
    }
    return -1;
}

bool ProviderRegistry::isBuiltIn(const QString &id) const
{
    const int index = indexOf(id);
    return id == demoId || (index >= 0 && m_profiles.at(index).isBuiltIn);
}

ProviderProfile ProviderRegistry::stored(const QString &id) const
{
    if (id == demoId && m_demoBaseUrl.isValid())
        return ProviderProfile::demo(m_demoBaseUrl);
    const int index = indexOf(id);
    return index >= 0 ? m_profiles.at(index) : ProviderProfile();
}

// A user's profile shares the key variable of the profile it was made from only while both send
// to the same server: a copy of OpenRouter still works with OPENROUTER_API_KEY, but a copy edited
// to point at another gateway must not carry that key there, nor must a second custom endpoint
// receive EASEL_CUSTOM_API_KEY (found by QA). Otherwise the profile has a variable of its own.
QString ProviderRegistry::keyVariableFor(const ProviderProfile &userProfile) const
{
    ProviderProfile base = stored(userProfile.basedOn);
    base.applyEnvironment();
    const bool sameServer = !userProfile.baseUrl.host().isEmpty()
        && originOf(userProfile.baseUrl) == originOf(base.baseUrl);
    return sameServer && !base.keyVariable.isEmpty() ? base.keyVariable
                                                     : ownKeyVariable(userProfile.id);
}

ProviderProfile ProviderRegistry::profile(const QString &id) const
{
    ProviderProfile p = stored(id);
    if (p.id.isEmpty() || p.isDemo)
        return p;
    if (!p.isBuiltIn)
        p.keyVariable = keyVariableFor(p);
    p.applyEnvironment(); // the run's environment wins over what is stored
    if (p.keySource != ProviderProfile::KeySource::Environment && m_keys.contains(id)) {
        p.apiKey = m_keys.value(id);
        p.keySource = ProviderProfile::KeySource::Keychain;
    }
    return p;
}

QList<ProviderProfile> ProviderRegistry::profiles() const
{
    QList<ProviderProfile> out;
    for (const QString &id : ids())
        out << profile(id);
    return out;
}

void ProviderRegistry::load()
{
    m_profiles = ProviderProfile::builtIns();
    const QJsonDocument document
        = QJsonDocument::fromJson(m_settings->value(Settings::providerProfiles));
    const QJsonArray stored = document.object().value(QLatin1String("profiles")).toArray();
    for (const QJsonValue &value : stored) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(QLatin1String("id")).toString().trimmed();
        if (!isValidId(id) || id == demoId)
            continue;
        const int index = indexOf(id);
        if (index >= 0 && m_profiles.at(index).isBuiltIn) {
            ProviderProfile edited
                = ProviderProfile::fromJson(ProviderProfile::builtIn(id), object);
            edited.id = id;
            edited.basedOn.clear();
            m_profiles[index] = edited;
        } else if (index < 0) {
            ProviderProfile base
                = ProviderProfile::builtIn(object.value(QLatin1String("basedOn")).toString());
            if (base.id.isEmpty())
                base = ProviderProfile::builtIn(QStringLiteral("custom"));
            ProviderProfile own = ProviderProfile::fromJson(userProfileFrom(base), object);
            own.id = id;
            own.basedOn = base.id;
            m_profiles.append(own);
        }
    }
}

void ProviderRegistry::persist()
{
    QJsonArray out;
    for (const ProviderProfile &p : std::as_const(m_profiles)) {
        const QJsonObject full = p.toJson();
        if (!p.isBuiltIn) {
            out.append(full);
            continue;
        }
        // A built-in keeps only what the user changed, so later releases can update the rest.
        const QJsonObject defaults = ProviderProfile::builtIn(p.id).toJson();
        QJsonObject changes { { QStringLiteral("id"), p.id } };
        for (auto it = full.begin(); it != full.end(); ++it) {
            if (defaults.value(it.key()) != it.value())
                changes.insert(it.key(), it.value());
        }
        if (changes.size() > 1)
            out.append(changes);
    }
    const QJsonObject root { { QStringLiteral("version"), 1 },
                             { QStringLiteral("profiles"), out } };
    m_settings->setValue(Settings::providerProfiles,
                         QJsonDocument(root).toJson(QJsonDocument::Compact));
    m_settings->sync();
}

bool ProviderRegistry::save(const ProviderProfile &profile, QString *error)
{
    QString problem;
    const int index = indexOf(profile.id);
    const QUrl base = profile.baseUrl;
    if (index < 0) {
        problem = tr("There is no provider \"%1\" to save.").arg(profile.id);
    } else if (const QString baseProblem = ProviderProfile::baseUrlProblem(base);
               !baseProblem.isEmpty()) {
        problem = baseProblem;
    } else if (profile.chatModel.trimmed().isEmpty()) {
        problem = tr("Enter a default chat model.");
    } else if (profile.toolType.trimmed().isEmpty()) {
        problem = tr("Enter the image tool's type, e.g. image_generation.");
    } else if (!m_profiles.at(index).supports(profile.flavour)) {
        problem
            = tr("%1 does not speak the %2 API; it speaks: %3.")
                  .arg(m_profiles.at(index).displayName, ApiFlavours::displayName(profile.flavour),
                       m_profiles.at(index).flavourNames());
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }

    // Only the editable fields: what the table fixes (variables, flavours, origin) stays.
    ProviderProfile &target = m_profiles[index];
    const QString name = profile.displayName.trimmed();
    target.displayName = name.isEmpty() ? target.id : name;
    target.baseUrl = base;
    target.chatModel = profile.chatModel.trimmed();
    target.imageModel = profile.imageModel.trimmed();
    target.toolType = profile.toolType.trimmed();
    target.nestToolParameters = profile.nestToolParameters;
    target.imagesPath = profile.imagesPath.trimmed();
    target.flavour = profile.flavour;
    target.extraHeaders = profile.extraHeaders;
    target.maxInputImages = qMax(1, profile.maxInputImages);
    target.maxInputImageBytes = qMax<qint64>(1, profile.maxInputImageBytes);
    persist();
    Q_EMIT profilesChanged();
    return true;
}

QString ProviderRegistry::uniqueId(const QString &stem) const
{
    const QStringList taken = ids();
    for (int n = 2;; ++n) {
        const QString candidate = stem + QLatin1Char('-') + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

QString ProviderRegistry::duplicate(const QString &id)
{
    const int index = indexOf(id);
    if (index < 0)
        return {};
    ProviderProfile copy = userProfileFrom(m_profiles.at(index));
    copy.id = uniqueId(copy.basedOn);
    copy.displayName = m_profiles.at(index).displayName + QStringLiteral(" (copy)");
    m_profiles.append(copy);
    persist();
    Q_EMIT profilesChanged();
    return copy.id;
}

QString ProviderRegistry::addCustom()
{
    ProviderProfile custom = userProfileFrom(ProviderProfile::builtIn(QStringLiteral("custom")));
    custom.id = uniqueId(QStringLiteral("custom"));
    custom.displayName = tr("Custom endpoint %1").arg(custom.id.section(QLatin1Char('-'), -1));
    m_profiles.append(custom);
    persist();
    Q_EMIT profilesChanged();
    return custom.id;
}

bool ProviderRegistry::remove(const QString &id)
{
    const int index = indexOf(id);
    if (index < 0 || m_profiles.at(index).isBuiltIn)
        return false;
    m_profiles.removeAt(index);
    persist();
    m_keys.remove(id);
    if (m_secrets && m_secrets->available())
        m_secrets->remove(id, {});
    Q_EMIT profilesChanged();
    return true;
}

bool ProviderRegistry::reset(const QString &id)
{
    const int index = indexOf(id);
    if (index < 0 || !m_profiles.at(index).isBuiltIn)
        return false;
    m_profiles[index] = ProviderProfile::builtIn(id);
    persist();
    Q_EMIT profilesChanged();
    return true;
}

void ProviderRegistry::rememberToolType(const QString &id, const QString &toolType)
{
    const int index = indexOf(id);
    if (index < 0 || toolType.trimmed().isEmpty() || m_profiles.at(index).toolType == toolType)
        return;
    m_profiles[index].toolType = toolType.trimmed();
    persist();
    Q_EMIT profilesChanged();
}

void ProviderRegistry::loadKeys(int timeoutMs)
{
    m_keysLoaded = false;
    m_pendingReads = int(m_profiles.size());
    if (!m_secrets || m_pendingReads == 0) {
        QMetaObject::invokeMethod(this, &ProviderRegistry::finishKeyLoading, Qt::QueuedConnection);
        return;
    }
    m_keyTimeout.start(timeoutMs);
    const QPointer<ProviderRegistry> self(this);
    for (const ProviderProfile &p : std::as_const(m_profiles)) {
        const QString id = p.id;
        m_secrets->read(id, [self, id](const SecretStore::Result &result) {
            if (!self)
                return;
            if (result.ok && !result.secret.isEmpty()) {
                self->m_keys.insert(id, result.secret);
                if (self->m_keysLoaded) // arrived after the time-out: still worth having
                    Q_EMIT self->keyChanged(id);
            }
            if (--self->m_pendingReads <= 0)
                self->finishKeyLoading();
        });
    }
}

void ProviderRegistry::finishKeyLoading()
{
    if (m_keysLoaded)
        return;
    m_keysLoaded = true;
    m_keyTimeout.stop();
    Q_EMIT keysLoaded();
}

void ProviderRegistry::setApiKey(const QString &id, const QString &key,
                                 const std::function<void(const QString &)> &done)
{
    const auto finish = [done](const QString &error) {
        if (done)
            done(error);
    };
    if (indexOf(id) < 0) {
        finish(tr("There is no provider \"%1\".").arg(id));
        return;
    }
    if (!m_secrets || !m_secrets->available()) {
        finish(m_secrets ? m_secrets->unavailableReason() : tr("No keychain service."));
        return;
    }
    const QString trimmed = key.trimmed();
    const QPointer<ProviderRegistry> self(this);
    const auto stored = [self, id, trimmed, finish](const SecretStore::Result &result) {
        if (!self)
            return;
        if (!result.ok) {
            finish(result.error);
            return;
        }
        if (trimmed.isEmpty())
            self->m_keys.remove(id);
        else
            self->m_keys.insert(id, trimmed);
        Q_EMIT self->keyChanged(id);
        finish({});
    };
    if (trimmed.isEmpty())
        m_secrets->remove(id, stored);
    else
        m_secrets->write(id, trimmed, stored);
}

QString ProviderRegistry::keyStatus(const QString &id) const
{
    const ProviderProfile p = profile(id);
    if (p.isDemo)
        return tr("The offline demo needs no key.");
    if (p.keySource == ProviderProfile::KeySource::Environment) {
        return m_keys.contains(id)
            ? tr("%1 from the environment is used for this run, not the key stored in "
                 "the keychain.")
                  .arg(p.keyVariable)
            : tr("%1 from the environment is used for this run.").arg(p.keyVariable);
    }
    if (!m_secrets || !m_secrets->available()) {
        return p.keyVariable.isEmpty()
            ? tr("No keychain service, so no key can be stored.")
            : tr("No keychain service: set %1 in the environment.").arg(p.keyVariable);
    }
    if (m_keys.contains(id))
        return tr("Stored in keychain.");
    return p.keyRequired ? tr("No key yet: a key typed here is stored in keychain.")
                         : tr("Optional for this endpoint; stored in keychain when set.");
}
