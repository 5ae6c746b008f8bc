#include "providersdialog.h"

#include "chat/connectiontest.h"
#include "chat/providerregistry.h"
#include "messageboxes.h"
#include "palettetint.h"
#include "store/secretstore.h"
#include "viewpalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <type_traits>

namespace {

constexpr qint64 megabyte = 1024 * 1024;

// The per-image limit as the spin box shows it: whole megabytes within its range.
int shownMegabytes(qint64 bytes)
{
    return int(qBound(qint64(1), (bytes + megabyte / 2) / megabyte, qint64(500)));
}

QLabel *noteLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

QComboBox *editableCombo(QWidget *parent, const QString &objectName)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->setMinimumContentsLength(24);
    return combo;
}

} // namespace

ProvidersDialog::ProvidersDialog(ProviderRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_test(new ConnectionTest(this))
{
    setObjectName(QStringLiteral("providersDialog"));
    setWindowTitle(tr("Providers"));
    buildUi();
    connect(m_test, &ConnectionTest::finished, this, [this](bool ok, const QString &message) {
        m_testButton->setEnabled(true);
        m_testResult->setText(message);
        m_testResult->setToolTip(ok ? QString() : message);
    });
    connect(m_registry, &ProviderRegistry::keyChanged, this, [this](const QString &id) {
        if (id == m_currentId)
            refreshKeyStatus();
    });
    fillList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    // Tall enough for the fields and some five lines of messages under them: a window too short
    // for its layout squeezes the rows, and a message coming would then move them.
    resize(860, qMax(600, sizeHint().height() + fontMetrics().lineSpacing() * 5));
}

ProvidersDialog::~ProvidersDialog() = default;

void ProvidersDialog::buildUi()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("providerList"));
    m_list->setAccessibleName(tr("Providers"));
    m_list->setToolTip(tr("The gateways Easel can send prompts to: pick one to edit it"));
    m_list->setMinimumWidth(200);

    const auto button
        = [this](const QString &text, const QString &objectName, const QString &toolTip) {
              auto *b = new QPushButton(text, this);
              b->setObjectName(objectName);
              b->setToolTip(toolTip);
              b->setAutoDefault(false);
              return b;
          };
    m_duplicate = button(tr("Duplicate"), QStringLiteral("duplicateButton"),
                         tr("A copy of this profile, e.g. with another model or base URL"));
    m_addCustom = button(tr("Add Custom…"), QStringLiteral("addCustomButton"),
                         tr("A profile for any OpenAI-compatible base URL"));
    m_remove = button(tr("Remove"), QStringLiteral("removeButton"),
                      tr("Removes this profile and forgets its key in the keychain"));
    m_reset = button(tr("Reset"), QStringLiteral("resetButton"),
                     tr("Back to the built-in settings (the stored key stays)"));
    auto *listButtons = new QGridLayout;
    listButtons->addWidget(m_duplicate, 0, 0);
    listButtons->addWidget(m_addCustom, 0, 1);
    listButtons->addWidget(m_remove, 1, 0);
    listButtons->addWidget(m_reset, 1, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setToolTip(tr("The name shown in the toolbar's provider list"));
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setAccessibleName(tr("Base URL"));
    m_baseUrl->setToolTip(tr("The address of the gateway's API, usually ending in /v1. The API key "
                             "is only ever sent to this host."));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://…/v1"));
    m_baseUrlNote = noteLabel(this, QStringLiteral("baseUrlNote"));
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setAccessibleName(tr("API key"));
    m_apiKey->setToolTip(tr("Kept in the system keychain, never in the settings file. Leave it "
                            "empty to keep the stored key."));
    m_forgetKey = button(tr("Forget Key"), QStringLiteral("forgetKeyButton"),
                         tr("Removes the stored key from the keychain"));
    m_keyStatus = noteLabel(this, QStringLiteral("keyStatusLabel"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_apiKey, 1);
    keyRow->addWidget(m_forgetKey);

    m_chatModel = editableCombo(this, QStringLiteral("chatModelEdit"));
    m_chatModel->setToolTip(tr("The model that reads the prompt and calls the image tool"));
    m_imageModel = editableCombo(this, QStringLiteral("imageModelEdit"));
    m_imageModel->setToolTip(tr("The model that draws the images with this provider, unless the "
                                "Image settings pick another"));
    m_flavour = new QComboBox(this);
    m_flavour->setObjectName(QStringLiteral("flavourCombo"));
    m_flavour->setToolTip(tr("Which of the gateway's APIs Easel speaks"));
    m_toolType = editableCombo(this, QStringLiteral("toolTypeEdit"));
    m_toolType->addItems(
        { QStringLiteral("image_generation"), QStringLiteral("openrouter:image_generation"),
          QStringLiteral("ai-stats:image_generation"), QStringLiteral("phaseo:image_generation"),
          QStringLiteral("modelgates:image_generation") });
    m_toolType->setToolTip(tr("The \"type\" of the image tool in the request"));
    m_nestParameters = new QCheckBox(tr("Tool settings inside \"parameters\""), this);
    m_nestParameters->setObjectName(QStringLiteral("nestParametersCheck"));
    m_nestParameters->setToolTip(
        tr("Gateways' tools take the image settings in a \"parameters\" object; OpenAI's tool "
           "takes them directly"));
    m_imagesPath = editableCombo(this, QStringLiteral("imagesPathEdit"));
    m_imagesPath->addItems(
        { QString(), QStringLiteral("images/generations"), QStringLiteral("images") });
    m_imagesPath->setPlaceholderText(tr("none: compare uses the image tool"));
    m_imagesPath->setToolTip(
        tr("The direct image endpoint below the base URL, used by Compare and \"easel generate\". "
           "Empty when the gateway has none: the image tool is forced instead."));
    m_headers = new QPlainTextEdit(this);
    m_headers->setObjectName(QStringLiteral("headersEdit"));
    m_headers->setPlaceholderText(QStringLiteral("X-Title: Easel"));
    m_headers->setToolTip(tr("Sent with every request to this provider, one \"Name: value\" per "
                             "line. Kept in the settings file: no secrets here."));
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 4 + 12);
    m_headers->setTabChangesFocus(true);

    m_maxInputImages = new QSpinBox(this);
    m_maxInputImages->setObjectName(QStringLiteral("maxInputImagesSpin"));
    m_maxInputImages->setRange(1, 100);
    m_maxInputImages->setToolTip(
        tr("How many images the provider takes with one prompt, the edited image included. "
           "Easel refuses a turn with more before sending it."));
    m_maxInputImageMb = new QSpinBox(this);
    m_maxInputImageMb->setObjectName(QStringLiteral("maxInputImageMbSpin"));
    m_maxInputImageMb->setRange(1, 500);
    m_maxInputImageMb->setSuffix(tr(" MB"));
    m_maxInputImageMb->setToolTip(
        tr("The largest one reference image may be as sent. Larger images are re-encoded or "
           "scaled down until they fit."));

    m_testButton = button(tr("Test Connection"), QStringLiteral("testButton"),
                          tr("Asks the provider for its list of models (GET /models)"));
    m_testResult = noteLabel(this, QStringLiteral("testResultLabel"));
    auto *testRow = new QHBoxLayout;
    // An answer of several lines grows down from the button's top, not around its middle; its
    // first line stays level with the button's text.
    m_testResult->setContentsMargins(
        0, qMax(0, (m_testButton->sizeHint().height() - m_testResult->fontMetrics().height()) / 2),
        0, 0);
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1, Qt::AlignTop);

    m_error = noteLabel(this, QStringLiteral("errorLabel"));
    // A red that reads on the light or the dark window, and follows a theme switch.
    PaletteTint::apply(m_error, ViewPalette::error);

    // A note sits under its field in the same row, so that it wraps at the field's width.
    const auto withNote = [](auto *field, QLabel *note) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        if constexpr (std::is_base_of_v<QLayout, std::remove_pointer_t<decltype(field)>>)
            box->addLayout(field);
        else
            box->addWidget(field);
        box->addWidget(note);
        return box;
    };
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Base URL"), withNote(m_baseUrl, m_baseUrlNote));
    form->addRow(tr("API key"), withNote(keyRow, m_keyStatus));
    form->addRow(tr("Chat model"), m_chatModel);
    form->addRow(tr("Image model"), m_imageModel);
    form->addRow(tr("API"), m_flavour);
    form->addRow(tr("Image tool"), m_toolType);
    form->addRow(QString(), m_nestParameters);
    form->addRow(tr("Image endpoint"), m_imagesPath);
    form->addRow(tr("Extra headers"), m_headers);
    form->addRow(tr("Reference images per turn"), m_maxInputImages);
    form->addRow(tr("Largest reference image"), m_maxInputImageMb);
    form->addRow(QString(), testRow);
    form->addRow(QString(), m_error);

    // The fields sit at the top; the room under them is where a test's answer and an error grow,
    // so that they never move a field (QA).
    auto *formColumn = new QVBoxLayout;
    formColumn->addLayout(form);
    formColumn->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addLayout(left);
    top->addLayout(formColumn, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Close, this);
    m_apply = buttons->button(QDialogButtonBox::Apply);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    connect(m_apply, &QPushButton::clicked, this, &ProvidersDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProvidersDialog::onRowChanged);
    connect(m_duplicate, &QPushButton::clicked, this, &ProvidersDialog::duplicateCurrent);
    connect(m_addCustom, &QPushButton::clicked, this, &ProvidersDialog::addCustom);
    connect(m_remove, &QPushButton::clicked, this, &ProvidersDialog::removeCurrent);
    connect(m_reset, &QPushButton::clicked, this, &ProvidersDialog::resetCurrent);
    connect(m_forgetKey, &QPushButton::clicked, this, &ProvidersDialog::forgetKey);
    connect(m_testButton, &QPushButton::clicked, this, &ProvidersDialog::testConnection);
    for (QLineEdit *edit : { m_name, m_baseUrl, m_apiKey })
        connect(edit, &QLineEdit::textEdited, this, &ProvidersDialog::markDirty);
    // A test's answer is about the address, key and headers it was sent with: edited, it goes.
    for (QLineEdit *edit : { m_baseUrl, m_apiKey })
        connect(edit, &QLineEdit::textEdited, this, &ProvidersDialog::dropTestResult);
    connect(m_headers, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            dropTestResult();
    });
    for (QComboBox *combo : { m_chatModel, m_imageModel, m_flavour, m_toolType, m_imagesPath })
        connect(combo, &QComboBox::currentTextChanged, this, &ProvidersDialog::markDirty);
    connect(m_nestParameters, &QCheckBox::toggled, this, &ProvidersDialog::markDirty);
    connect(m_headers, &QPlainTextEdit::textChanged, this, &ProvidersDialog::markDirty);
    for (QSpinBox *spin : { m_maxInputImages, m_maxInputImageMb })
        connect(spin, &QSpinBox::valueChanged, this, &ProvidersDialog::markDirty);
}

void ProvidersDialog::fillList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString &id : m_registry->ids()) {
        const ProviderProfile p = m_registry->stored(id);
        if (p.isDemo)
            continue; // nothing to set up
        auto *item = new QListWidgetItem(p.displayName, m_list);
        item->setData(Qt::UserRole, id);
        item->setToolTip(p.isBuiltIn ? tr("Built in (%1)").arg(id)
                                     : tr("Your profile %1, based on %2").arg(id, p.basedOn));
        if (id == m_currentId)
            m_list->setCurrentItem(item);
    }
}

void ProvidersDialog::selectProfile(const QString &id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == id) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void ProvidersDialog::onRowChanged(int row)
{
    const QString id = row >= 0 ? m_list->item(row)->data(Qt::UserRole).toString() : QString();
    if (id == m_currentId)
        return;
    if (m_dirty && !m_currentId.isEmpty() && !apply()) {
        // Keep the profile with the problem on screen, so the reason stays next to it.
        const QSignalBlocker blocker(m_list);
        selectProfile(m_currentId);
        return;
    }
    showProfile(id);
}

void ProvidersDialog::showProfile(const QString &id)
{
    m_filling = true;
    m_currentId = id;
    m_test->cancel();
    const ProviderProfile p = m_registry->stored(id);
    m_name->setText(p.displayName);
    m_baseUrl->setText(p.baseUrl.toString());
    const QString baseOverride = p.baseUrlVariable.isEmpty()
        ? QString()
        : qEnvironmentVariable(qPrintable(p.baseUrlVariable)).trimmed();
    m_baseUrlNote->setText(
        baseOverride.isEmpty()
            ? QString()
            : tr("%1 overrides this for this run: %2").arg(p.baseUrlVariable, baseOverride));
    m_baseUrlNote->setVisible(!baseOverride.isEmpty());
    m_apiKey->clear();
    m_chatModel->clear();
    m_chatModel->addItems(p.chatModelChoices);
    m_chatModel->setCurrentText(p.chatModel);
    m_imageModel->clear();
    m_imageModel->addItems(p.imageModelChoices);
    m_imageModel->setCurrentText(p.imageModel);
    m_flavour->clear();
    for (ApiFlavour f : p.flavours)
        m_flavour->addItem(ApiFlavours::displayName(f), ApiFlavours::name(f));
    m_flavour->setCurrentIndex(m_flavour->findData(ApiFlavours::name(p.flavour)));
    m_flavour->setEnabled(p.flavours.size() > 1);
    m_toolType->setCurrentText(p.toolType);
    m_nestParameters->setChecked(p.nestToolParameters);
    m_imagesPath->setCurrentText(p.imagesPath);
    m_headers->setPlainText(ProviderProfile::headersToText(p.extraHeaders));
    m_maxInputImages->setValue(p.maxInputImages);
    m_maxInputImageMb->setValue(shownMegabytes(p.maxInputImageBytes));
    m_testResult->clear();
    m_error->clear();
    m_remove->setEnabled(!p.isBuiltIn);
    m_reset->setEnabled(p.isBuiltIn);
    m_duplicate->setEnabled(!id.isEmpty());
    refreshKeyStatus();
    m_dirty = false;
    m_filling = false;
}

void ProvidersDialog::refreshKeyStatus()
{
    const bool keychain = m_registry->secrets() && m_registry->secrets()->available();
    const bool stored = m_registry->hasStoredKey(m_currentId);
    m_keyStatus->setText(m_registry->keyStatus(m_currentId));
    if (!keychain && m_registry->secrets())
        m_keyStatus->setToolTip(m_registry->secrets()->unavailableReason());
    m_apiKey->setEnabled(keychain);
    m_apiKey->setPlaceholderText(!keychain ? tr("No keychain service")
                                     : stored ? tr("•••••••• stored in keychain (type to replace)")
                                              : tr("Paste the API key"));
    m_forgetKey->setEnabled(keychain && stored);
}

void ProvidersDialog::dropTestResult()
{
    m_test->cancel();
    m_testButton->setEnabled(true);
    m_testResult->clear();
    m_testResult->setToolTip(QString());
}

void ProvidersDialog::markDirty()
{
    if (!m_filling)
        m_dirty = true;
}

void ProvidersDialog::showError(const QString &message)
{
    m_error->setText(message);
}

ProviderProfile ProvidersDialog::formProfile(bool *ok) const
{
    ProviderProfile p = m_registry->stored(m_currentId);
    p.displayName = m_name->text().trimmed();
    p.baseUrl = QUrl(m_baseUrl->text().trimmed());
    p.chatModel = m_chatModel->currentText().trimmed();
    p.imageModel = m_imageModel->currentText().trimmed();
    ApiFlavour flavour;
    if (ApiFlavours::fromName(m_flavour->currentData().toString(), &flavour))
        p.flavour = flavour;
    p.toolType = m_toolType->currentText().trimmed();
    p.nestToolParameters = m_nestParameters->isChecked();
    p.imagesPath = m_imagesPath->currentText().trimmed();
    while (p.imagesPath.startsWith(QLatin1Char('/')))
        p.imagesPath.remove(0, 1);
    p.maxInputImages = m_maxInputImages->value();
    // A limit the spin box cannot show exactly (edited in the settings file) stays as it was
    // unless the designer changed the field.
    if (shownMegabytes(p.maxInputImageBytes) != m_maxInputImageMb->value())
        p.maxInputImageBytes = qint64(m_maxInputImageMb->value()) * megabyte;
    QString error;
    const QString keyVariable = m_registry->profile(m_currentId).keyVariable;
    const bool keychain = m_registry->secrets() && m_registry->secrets()->available();
    const QString keyHome = keychain || keyVariable.isEmpty()
        ? QString()
        : tr("%1 (no keychain service runs here)").arg(keyVariable);
    *ok = ProviderProfile::headersFromText(m_headers->toPlainText(), &p.extraHeaders, &error,
                                           keyHome);
    if (!*ok)
        const_cast<ProvidersDialog *>(this)->showError(error);
    return p;
}

bool ProvidersDialog::apply()
{
    if (m_currentId.isEmpty())
        return true;
    if (m_dirty) {
        bool ok = false;
        const ProviderProfile p = formProfile(&ok);
        QString error;
        if (!ok)
            return false;
        if (!m_registry->save(p, &error)) {
            showError(error);
            return false;
        }
        if (QListWidgetItem *item = m_list->currentItem())
            item->setText(m_registry->stored(m_currentId).displayName);
    }
    m_dirty = false;
    m_error->clear();
    const QString key = m_apiKey->text().trimmed();
    if (!key.isEmpty()) {
        m_apiKey->clear();
        m_keyStatus->setText(tr("Saving to the keychain…"));
        const QPointer<ProvidersDialog> self(this);
        const QString id = m_currentId;
        m_registry->setApiKey(id, key, [self, id](const QString &error) {
            if (!self || self->m_currentId != id)
                return;
            self->refreshKeyStatus();
            if (!error.isEmpty())
                self->showError(error);
        });
    }
    return true;
}

void ProvidersDialog::done(int result)
{
    if (m_dirty) {
        // Beside an Apply button, Close reads as "leave it": closing used to apply the edits
        // without a word (found by QA). It asks.
        switch (MessageBoxes::askAboutChanges(
            this, tr("Unapplied Changes"),
            tr("Apply the changes to %1 before closing?").arg(m_name->text().trimmed()))) {
        case MessageBoxes::Changes::Cancel:
            return;
        case MessageBoxes::Changes::Discard:
            m_dirty = false; // the registry still holds what was applied last
            break;
        case MessageBoxes::Changes::Apply:
            if (!apply())
                return; // the reason is shown; the dialog stays to fix it
            break;
        }
    }
    QDialog::done(result);
}

void ProvidersDialog::duplicateCurrent()
{
    if (!apply())
        return;
    const QString id = m_registry->duplicate(m_currentId);
    fillList();
    selectProfile(id);
}

void ProvidersDialog::addCustom()
{
    if (!apply())
        return;
    const QString id = m_registry->addCustom();
    fillList();
    selectProfile(id);
    m_baseUrl->setFocus();
}

void ProvidersDialog::removeCurrent()
{
    const int row = m_list->currentRow();
    if (!m_registry->remove(m_currentId))
        return;
    m_dirty = false;
    m_currentId.clear();
    fillList();
    m_list->setCurrentRow(qMin(row, m_list->count() - 1));
}

void ProvidersDialog::resetCurrent()
{
    const QString id = m_currentId;
    if (!m_registry->reset(id))
        return;
    if (QListWidgetItem *item = m_list->currentItem())
        item->setText(m_registry->stored(id).displayName);
    showProfile(id);
}

void ProvidersDialog::forgetKey()
{
    const QPointer<ProvidersDialog> self(this);
    m_registry->setApiKey(m_currentId, QString(), [self](const QString &error) {
        if (!self)
            return;
        self->refreshKeyStatus();
        if (!error.isEmpty())
            self->showError(error);
    });
}

void ProvidersDialog::testConnection()
{
    bool ok = false;
    ProviderProfile p = formProfile(&ok);
    if (!ok)
        return;
    // The key the run would send: a freshly typed one, else the environment's or the stored one.
    const QString typed = m_apiKey->text().trimmed();
    const ProviderProfile run = m_registry->profile(m_currentId); // with the environment's say
    p.apiKey = typed.isEmpty() ? run.apiKey : typed;
    p.keySource = typed.isEmpty() ? run.keySource : ProviderProfile::KeySource::Keychain;
    p.keyVariable = run.keyVariable; // a 401 names where the key is changed
    // The address the run sends to: a base URL variable overrides the field for this run, as
    // the note under it says (found by QA: the test tried the field's address, the prompts
    // went to the variable's).
    if (!p.baseUrlVariable.isEmpty()
        && !qEnvironmentVariable(qPrintable(p.baseUrlVariable)).trimmed().isEmpty())
        p.baseUrl = run.baseUrl;
    m_error->clear();
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Testing…"));
    m_test->start(p);
}
