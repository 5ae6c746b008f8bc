#include "providerswitcher.h"

#include "chat/chatsession.h"
#include "chat/conversationmodel.h"
#include "chat/providerregistry.h"
#include "net/keytransport.h"
#include "parameterpanel.h"
#include "store/settings.h"

#include <QActionGroup>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolBar>

#include <algorithm>
#include <functional>
#include <memory>

ProviderSwitcher::ProviderSwitcher(ChatSession *session, Settings *settings, ParameterPanel *panel,
                                   QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_panel(panel)
{
}

void ProviderSwitcher::addTo(QToolBar *bar)
{
    m_badge = new QLabel(tr("Provider"), bar);
    m_badge->setObjectName(QStringLiteral("providerBadge"));
    m_badge->setContentsMargins(8, 0, 6, 0);
    bar->addWidget(m_badge);
    m_providerCombo = new QComboBox(bar);
    m_providerCombo->setObjectName(QStringLiteral("providerCombo"));
    m_providerCombo->setAccessibleName(tr("Provider"));
    m_providerCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillProviderCombo();
    connect(m_providerCombo, &QComboBox::activated, this,
            [this](int index) { switchProvider(m_providerCombo->itemData(index).toString()); });
    m_badge->setBuddy(m_providerCombo); // screen readers name a combo box by its label
    bar->addWidget(m_providerCombo);
    bar->addSeparator();

    auto *modelLabel = new QLabel(tr("Chat model"), bar);
    modelLabel->setContentsMargins(0, 0, 6, 0);
    bar->addWidget(modelLabel);
    m_chatModel = new QComboBox(bar);
    modelLabel->setBuddy(m_chatModel);
    m_chatModel->setObjectName(QStringLiteral("chatModelCombo"));
    m_chatModel->setAccessibleName(tr("Chat model"));
    m_chatModel->setToolTip(tr("The model that reads the prompt and calls the image tool"));
    m_chatModel->setEditable(true);
    m_chatModel->addItems(m_session->provider().chatModelChoices.isEmpty()
                              ? ProviderProfile::chatModels()
                              : m_session->provider().chatModelChoices);
    m_chatModel->setCurrentText(m_session->provider().chatModel);
    m_chatModel->setMinimumContentsLength(12);
    connect(m_chatModel, &QComboBox::currentTextChanged, this, [this](const QString &model) {
        m_session->setChatModel(model.trimmed());
        m_settings->setValue(Settings::chatModel, model.trimmed());
    });
    bar->addWidget(m_chatModel);
}

void ProviderSwitcher::setRegistry(ProviderRegistry *registry)
{
    if (m_registry)
        m_registry->disconnect(this);
    m_registry = registry;
    fillProviderCombo();
    if (!registry)
        return;
    connect(registry, &ProviderRegistry::profilesChanged, this,
            &ProviderSwitcher::onProfilesChanged);
    connect(registry, &ProviderRegistry::keyChanged, this, [this](const QString &id) {
        if (id != m_session->provider().id)
            return;
        ProviderProfile current = m_session->provider();
        const ProviderProfile resolved = m_registry->profile(id);
        current.apiKey = resolved.apiKey;
        current.keySource = resolved.keySource;
        m_session->setProvider(current);
    });
    // The tool name a gateway accepted after refusing the other one is kept for later runs.
    connect(m_session, &ChatSession::toolTypeLearned, registry, &ProviderRegistry::rememberToolType,
            Qt::UniqueConnection);
}

void ProviderSwitcher::fillProviderCombo()
{
    if (!m_providerCombo)
        return; // not placed in a toolbar yet
    const QSignalBlocker blocker(m_providerCombo);
    m_providerCombo->clear();
    const ProviderProfile &current = m_session->provider();
    const QStringList ids = m_registry ? m_registry->ids() : QStringList();
    for (const QString &id : ids)
        m_providerCombo->addItem(m_registry->stored(id).displayName, id);
    if (m_providerCombo->findData(current.id) < 0)
        m_providerCombo->addItem(current.displayName, current.id);
    m_providerCombo->setCurrentIndex(m_providerCombo->findData(current.id));
    m_providerCombo->setToolTip(
        tr("Where prompts are sent: %1 (%2 API)")
            .arg(current.baseUrl.toDisplayString(), ApiFlavours::displayName(current.flavour)));
    m_providerCombo->setEnabled(m_providerCombo->count() > 1);
}

void ProviderSwitcher::switchProvider(const QString &id)
{
    if (!m_registry || id == m_session->provider().id)
        return;
    if (m_session->isBusy()) {
        fillProviderCombo(); // back to the one still answering
        Q_EMIT statusMessage(tr("Stop the running turn before switching provider."), 5000);
        return;
    }
    ProviderProfile next = m_registry->profile(id);
    if (next.id.isEmpty())
        return;
    // Keep the designer's chat model where the new provider can name it.
    next.chatModel = next.inOwnNaming(m_chatModel->currentText(), next.chatModel);
    m_session->setProvider(next);
    m_settings->setValue(Settings::provider, id);
    fillProviderCombo();
    applyProviderModels();
    m_settings->setValue(Settings::chatModel, m_session->provider().chatModel);
    if (!next.isUsable()) {
        Q_EMIT notice(next.baseUrl.isEmpty()
                          ? tr("%1 has no base URL yet: set it in Settings > Providers.")
                                .arg(next.displayName)
                          : m_registry->keyStatus(id));
    } else if (m_session->model()->totalImages() > 0) {
        // The next turn cannot continue the last provider's response, and sends no image of its
        // own accord (found by QA: "make the fox look at the viewer" went out with no fox).
        Q_EMIT statusMessage(tr("Now sending to %1 (%2 API). It does not see this "
                                "conversation's images: right-click one > Edit This Image to "
                                "work on it.")
                                 .arg(next.displayName, ApiFlavours::displayName(next.flavour)),
                             15000);
    } else {
        Q_EMIT statusMessage(tr("Now sending to %1 (%2 API).")
                                 .arg(next.displayName, ApiFlavours::displayName(next.flavour)),
                             5000);
    }
}

void ProviderSwitcher::applyProviderModels()
{
    const ProviderProfile &provider = m_session->provider();
    if (m_chatModel) {
        const QSignalBlocker blocker(m_chatModel);
        m_chatModel->clear();
        m_chatModel->addItems(provider.chatModelChoices.isEmpty() ? ProviderProfile::chatModels()
                                                                  : provider.chatModelChoices);
        m_chatModel->setCurrentText(provider.chatModel);
    }
    if (!provider.imageModelChoices.isEmpty())
        m_panel->setModels(provider.imageModelChoices);
    ImageParams params = m_panel->params();
    const QString imageModel = provider.inOwnNaming(params.imageModel, provider.imageModel);
    if (imageModel != params.imageModel) {
        params.imageModel = imageModel;
        m_panel->setParams(params);
        Q_EMIT imageParamsChanged();
    } else {
        Q_EMIT providerApplied();
    }
}

QString ProviderSwitcher::fallbackProviderId() const
{
    // As at start-up: the first provider that can answer, else the offline demo.
    QString demo;
    for (const QString &id : m_registry->ids()) {
        const ProviderProfile candidate = m_registry->profile(id);
        if (candidate.isDemo) {
            demo = id;
        } else if (candidate.hasKey() && candidate.isUsable()
                   && KeyTransport::refusal(candidate.baseUrl, candidate.displayName).isEmpty()) {
            return id;
        }
    }
    return demo;
}

void ProviderSwitcher::onProfilesChanged()
{
    const QString id = m_session->provider().id;
    if (!m_registry->contains(id)) {
        // Removed in Settings > Providers while in use (found by QA: prompts kept going to its
        // address, with its key). A running turn ends first; then the switch is made.
        if (m_session->isBusy()) {
            connect(m_session, &ChatSession::busyChanged, this,
                    &ProviderSwitcher::onProfilesChanged, Qt::UniqueConnection);
            return;
        }
        disconnect(m_session, &ChatSession::busyChanged, this,
                   &ProviderSwitcher::onProfilesChanged);
        const QString removed = m_session->provider().displayName;
        const QString next = fallbackProviderId();
        if (!next.isEmpty()) {
            switchProvider(next);
            Q_EMIT notice(tr("%1 was removed: prompts now go to %2.")
                              .arg(removed, m_session->provider().displayName));
            return;
        }
    }
    if (m_registry->contains(id) && !m_session->isBusy()) {
        // Edits made in Settings > Providers apply to this conversation from its next turn; the
        // chat model picked in the toolbar stays.
        ProviderProfile updated = m_registry->profile(id);
        updated.chatModel = m_session->provider().chatModel;
        m_session->setProvider(updated);
    }
    fillProviderCombo();
}

QMenu *ProviderSwitcher::createQuickMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("quickSwitchMenu"));
    menu->setTitle(tr("Switch Provider or Model"));
    // One exclusive group per section, checked where the designer is now.
    auto addSection = [menu](const QString &title, const QStringList &labels,
                             const QStringList &values, const QString &current,
                             const std::function<void(const QString &)> &choose) {
        menu->addSection(title);
        auto *group = new QActionGroup(menu);
        for (qsizetype i = 0; i < labels.size(); ++i) {
            QAction *action = menu->addAction(labels.at(i));
            action->setCheckable(true);
            action->setChecked(values.at(i) == current);
            action->setData(values.at(i));
            action->setActionGroup(group);
            const QString value = values.at(i);
            QObject::connect(action, &QAction::triggered, menu, [choose, value] { choose(value); });
        }
    };

    const ProviderProfile &provider = m_session->provider();
    QStringList providerIds = m_registry ? m_registry->ids() : QStringList();
    if (!providerIds.contains(provider.id))
        providerIds.append(provider.id);
    QStringList providerNames;
    for (const QString &id : providerIds) {
        providerNames.append(m_registry && m_registry->contains(id)
                                 ? m_registry->stored(id).displayName
                                 : provider.displayName);
    }
    addSection(tr("Provider"), providerNames, providerIds, provider.id,
               [this](const QString &id) { switchProvider(id); });

    QStringList chatModels = provider.chatModelChoices.isEmpty() ? ProviderProfile::chatModels()
                                                                 : provider.chatModelChoices;
    if (!chatModels.contains(provider.chatModel))
        chatModels.prepend(provider.chatModel);
    addSection(tr("Chat model"), chatModels, chatModels, provider.chatModel,
               [this](const QString &model) {
                   if (m_chatModel)
                       m_chatModel->setCurrentText(model); // saved by the picker
                   else
                       m_session->setChatModel(model);
               });

    const ImageParams params = m_panel->params();
    QStringList imageModels = m_panel->models();
    if (!imageModels.contains(params.imageModel))
        imageModels.prepend(params.imageModel);
    addSection(tr("Image model"), imageModels, imageModels, params.imageModel,
               [this](const QString &model) {
                   ImageParams changed = m_panel->params();
                   if (changed.imageModel == model)
                       return;
                   changed.imageModel = model;
                   m_panel->setParams(changed);
                   Q_EMIT imageParamsChanged(); // saved, and the cost preview follows
                   Q_EMIT statusMessage(tr("Images are now drawn by %1.").arg(model), 4000);
               });
    return menu;
}

void ProviderSwitcher::popUpQuickMenu(QWidget *parent)
{
    std::unique_ptr<QMenu> menu(createQuickMenu(parent));
    // The checked provider is where the keyboard starts.
    const QList<QAction *> actions = menu->actions();
    const auto current
        = std::find_if(actions.cbegin(), actions.cend(), [](QAction *a) { return a->isChecked(); });
    if (current != actions.cend())
        menu->setActiveAction(*current);
    const QPoint at = m_providerCombo && m_providerCombo->isVisible()
        ? m_providerCombo->mapToGlobal(QPoint(0, m_providerCombo->height()))
        : parent->mapToGlobal(parent->rect().center() - QPoint(menu->sizeHint().width() / 2, 0));
    menu->exec(at);
}
