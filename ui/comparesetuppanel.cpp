#include "comparesetuppanel.h"

#include "chat/providerregistry.h"
#include "compare/comparepreflight.h"
#include "compare/comparerun.h"
#include "compareaxiseditor.h"
#include "comparereferencepicker.h"
#include "palettetint.h"
#include "parameterpanel.h"
#include "pricing/costestimator.h"
#include "store/settings.h"
#include "viewpalette.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <utility>

namespace {

QLabel *sectionHeader(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.05);
    label->setFont(font);
    return label;
}

QFrame *hairline(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    PaletteTint::apply(line, ViewPalette::hairline);
    return line;
}

// Made from the palette again when the theme switches (PaletteTint), not fixed at creation.
void tint(QLabel *label, PaletteTint::Colour colour)
{
    PaletteTint::apply(label, std::move(colour));
}

QColor windowText(const QPalette &palette)
{
    return palette.color(QPalette::WindowText);
}

} // namespace

CompareSetupPanel::CompareSetupPanel(ProviderRegistry *registry, const CostEstimator *estimator,
                                     Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_estimator(estimator)
    , m_settings(settings)
    , m_prompt(new QPlainTextEdit(this))
    , m_references(new CompareReferencePicker(this))
    , m_provider(new QComboBox(this))
    , m_imagesPerCell(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_costLimit(new QDoubleSpinBox(this))
    , m_baseSummary(new QLabel(this))
    , m_problemLabel(new QLabel(this))
    , m_estimateLabel(new QLabel(this))
{
    m_prompt->setObjectName(QStringLiteral("comparePrompt"));
    m_prompt->setAccessibleName(tr("Prompt"));
    m_prompt->setToolTip(tr("The prompt every cell is made from, unless an axis varies it"));
    m_prompt->setPlaceholderText(tr("The prompt every cell is made from"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setFixedHeight(m_prompt->fontMetrics().lineSpacing() * 4 + 14);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &CompareSetupPanel::refresh);
    connect(m_references, &CompareReferencePicker::filesChanged, this, &CompareSetupPanel::refresh);

    m_provider->setObjectName(QStringLiteral("compareProvider"));
    m_provider->setAccessibleName(tr("Provider"));
    m_provider->setToolTip(tr("Where every cell is sent, unless an axis varies the provider"));
    connect(m_provider, &QComboBox::activated, this, [this] {
        updateRows();
        updateBaseSummary();
        refresh();
    });
    m_imagesPerCell->setObjectName(QStringLiteral("compareImagesPerCell"));
    m_imagesPerCell->setRange(1, CompareSpec::maxImagesPerCell);
    m_imagesPerCell->setAccessibleName(tr("Images per cell"));
    m_imagesPerCell->setToolTip(tr("How many images each cell asks for: more show how much the "
                                   "results vary, and each one is paid for"));
    connect(m_imagesPerCell, &QSpinBox::valueChanged, this, &CompareSetupPanel::refresh);

    // The two run settings are the designer's, kept between runs (and shared with the command
    // line's defaults).
    m_concurrency->setObjectName(QStringLiteral("compareConcurrency"));
    m_concurrency->setRange(1, 16);
    m_concurrency->setAccessibleName(tr("Cells at once"));
    m_concurrency->setToolTip(tr("How many cells are sent at the same time"));
    m_concurrency->setValue(m_settings ? m_settings->value(Settings::compareConcurrency)
                                       : Settings::compareConcurrency.defaultValue);
    connect(m_concurrency, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_settings)
            m_settings->setValue(Settings::compareConcurrency, value);
    });
    m_costLimit->setObjectName(QStringLiteral("compareCostLimit"));
    m_costLimit->setRange(0.0, 1000.0);
    m_costLimit->setDecimals(2);
    m_costLimit->setSingleStep(0.5);
    m_costLimit->setPrefix(QStringLiteral("$"));
    m_costLimit->setAccessibleName(tr("Ask before running above"));
    m_costLimit->setToolTip(tr("A run estimated above this asks before anything is sent"));
    m_costLimit->setValue(costLimitUsd());
    connect(m_costLimit, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_settings)
            m_settings->setValue(Settings::compareCostLimit, value);
        refresh(); // the estimate line says whether the run is above it
    });

    m_baseSummary->setObjectName(QStringLiteral("compareBaseSettings"));
    m_baseSummary->setWordWrap(true);
    m_baseSummary->setToolTip(tr("From the Image settings panel. An axis overrides the parameter "
                                 "it varies."));
    tint(m_baseSummary, ViewPalette::secondaryText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    layout->addWidget(sectionHeader(tr("Prompt"), this));
    layout->addWidget(m_prompt);
    layout->addWidget(m_references);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 4, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Provider"), m_provider);
    form->addRow(tr("Images per cell"), m_imagesPerCell);
    form->addRow(tr("Cells at once"), m_concurrency);
    form->addRow(tr("Ask above"), m_costLimit);
    layout->addLayout(form);
    layout->addWidget(m_baseSummary);
    layout->addWidget(hairline(this));
    layout->addWidget(sectionHeader(tr("Axes"), this));
    for (int row = 0; row < CompareSpec::maxAxes; ++row) {
        auto *editor = new CompareAxisEditor(this);
        editor->setObjectName(QStringLiteral("axisEditor%1").arg(row));
        connect(editor, &CompareAxisEditor::changed, this, [this, row] { onEditorChanged(row); });
        m_editors.append(editor);
        layout->addWidget(editor);
    }
    layout->addStretch(1);
    layout->addWidget(hairline(this));

    m_problemLabel->setObjectName(QStringLiteral("compareProblem"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tint(m_problemLabel, ViewPalette::error);
    m_problemLabel->hide();
    m_estimateLabel->setObjectName(QStringLiteral("compareEstimate"));
    m_estimateLabel->setWordWrap(true);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_estimateLabel);

    // Made after the axes: Tab follows the order widgets are made in, and the buttons come last
    // on screen (found by QA: Tab went from "Ask above" to Run, then to the axes).
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("compareRunButton"));
    // Not a default button: its frame hid focus, and Space on an unseen Run started a paid run
    // (found by QA). Ctrl+Enter runs from anywhere in the window.
    m_run->setToolTip(tr("Send every cell (Ctrl+Enter)"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_cancel->setObjectName(QStringLiteral("compareCancelButton"));
    m_cancel->setToolTip(tr("Stop the cells that have not finished"));
    m_cancel->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, &CompareSetupPanel::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &CompareSetupPanel::cancelRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_run);
    layout->addLayout(buttons);
    m_references->takeDropsOn(this); // once every field that takes drops of its own is made

    refreshProviders();
    updateRows();
    updateBaseSummary();
    restoreAxes();
    refresh();
}

void CompareSetupPanel::restoreAxes()
{
    const auto done = qScopeGuard([this] { m_restoring = false; });
    if (!m_settings)
        return;
    const QByteArray kept = m_settings->value(Settings::compareAxes);
    if (kept.isEmpty())
        return;
    QList<CompareAxis> axes;
    const QJsonDocument document = QJsonDocument::fromJson(kept);
    for (const QJsonValue &value : document.array()) {
        CompareAxis axis;
        QString error;
        if (CompareAxis::fromJson(value.toObject(), &axis, &error))
            axes.append(axis);
        else // a convenience, not data: set up what can be, and say why in the log
            qWarning("Compare: a kept axis is left out: %s", qPrintable(error));
    }
    setAxes(axes.mid(0, CompareSpec::maxAxes));
}

void CompareSetupPanel::keepAxes()
{
    if (!m_settings || m_restoring)
        return;
    QJsonArray axes;
    for (const CompareAxis &axis : spec().axes)
        axes.append(axis.toJson());
    const QByteArray json = QJsonDocument(axes).toJson(QJsonDocument::Compact);
    if (json != m_settings->value(Settings::compareAxes))
        m_settings->setValue(Settings::compareAxes, json);
}

CompareSetupPanel::~CompareSetupPanel() = default;

QString CompareSetupPanel::prompt() const
{
    return m_prompt->toPlainText();
}

void CompareSetupPanel::setPrompt(const QString &prompt)
{
    m_prompt->setPlainText(prompt);
}

QString CompareSetupPanel::providerId() const
{
    return m_provider->currentData().toString();
}

void CompareSetupPanel::setProviderId(const QString &id)
{
    const int index = m_provider->findData(id);
    if (index >= 0)
        m_provider->setCurrentIndex(index);
    updateRows();
    updateBaseSummary();
    refresh();
}

void CompareSetupPanel::setChatModel(const QString &providerId, const QString &chatModel)
{
    m_chatModelProvider = providerId;
    m_chatModel = chatModel;
    refresh();
}

void CompareSetupPanel::setBaseParams(const ImageParams &params)
{
    m_base = params;
    m_base.imageOnly = false; // the run forces the image tool itself where it needs to
    updateBaseSummary();
    refresh();
}

void CompareSetupPanel::setImagesPerCell(int count)
{
    m_imagesPerCell->setValue(count);
}

void CompareSetupPanel::setAxes(const QList<CompareAxis> &axes)
{
    m_packing = true;
    for (int row = 0; row < m_editors.size(); ++row) {
        if (row < axes.size())
            m_editors.at(row)->setAxis(axes.at(row));
        else
            m_editors.at(row)->setParameter(std::nullopt);
    }
    m_packing = false;
    updateRows();
    refresh();
}

void CompareSetupPanel::setSpec(const CompareSpec &spec)
{
    setPrompt(spec.prompt);
    setProviderId(spec.providerId);
    setChatModel(spec.providerId, spec.chatModel);
    setBaseParams(spec.base);
    setImagesPerCell(spec.imagesPerCell);
    setAxes(spec.axes.mid(0, CompareSpec::maxAxes));
    m_references->setFiles(spec.referenceImages, spec.maskPath);
}

void CompareSetupPanel::setImageCache(ImageCache *cache)
{
    m_references->setImageCache(cache);
}

void CompareSetupPanel::refreshProviders()
{
    const QString current = providerId();
    const QSignalBlocker blocker(m_provider);
    m_provider->clear();
    QList<QPair<QString, QString>> choices;
    const QStringList ids = m_registry ? m_registry->ids() : QStringList();
    for (const QString &id : ids) {
        const ProviderProfile profile = m_registry->profile(id);
        QString name = profile.displayName;
        if (!profile.isUsable())
            name += profile.baseUrl.isEmpty() ? tr(" (no base URL)") : tr(" (no key)");
        m_provider->addItem(name, id);
        choices.append({ id, profile.displayName });
    }
    const int index = m_provider->findData(current);
    m_provider->setCurrentIndex(index >= 0 ? index : 0);
    for (CompareAxisEditor *editor : std::as_const(m_editors))
        editor->setProviderChoices(choices);
    updateRows();
    refresh();
}

QStringList CompareSetupPanel::imageModelChoices() const
{
    const ProviderProfile profile
        = m_registry ? m_registry->stored(providerId()) : ProviderProfile();
    if (!profile.imageModelChoices.isEmpty())
        return profile.imageModelChoices;
    return ProviderProfile::builtIn(QStringLiteral("openai")).imageModelChoices;
}

void CompareSetupPanel::updateRows()
{
    static const char *const roles[]
        = { QT_TR_NOOP("Columns"), QT_TR_NOOP("Rows"), QT_TR_NOOP("Panels") };
    const QStringList models = imageModelChoices();
    bool offered = false; // one empty row after the used ones
    for (int row = 0; row < m_editors.size(); ++row) {
        CompareAxisEditor *editor = m_editors.at(row);
        editor->setImageModelChoices(models);
        editor->setRole(tr(roles[row]));
        const bool visible = editor->hasAxis() || !offered;
        if (!editor->hasAxis())
            offered = true;
        editor->setVisible(visible);
        editor->setEnabled(!m_running);
        // Each parameter once: what another row varies cannot be picked here.
        auto *items = qobject_cast<QStandardItemModel *>(editor->parameterCombo()->model());
        for (int i = 1; items && i < items->rowCount(); ++i) {
            const auto parameter
                = CompareAxis::parameterFromName(editor->parameterCombo()->itemData(i).toString());
            bool usedElsewhere = false;
            for (int other = 0; other < m_editors.size(); ++other) {
                if (other != row && m_editors.at(other)->parameter() == parameter)
                    usedElsewhere = true;
            }
            items->item(i)->setEnabled(!usedElsewhere);
        }
    }
}

void CompareSetupPanel::onEditorChanged(int row)
{
    if (m_packing)
        return;
    // A cleared row: the rows below move up, so axis 0 is always the columns.
    if (!m_editors.at(row)->hasAxis()) {
        m_packing = true;
        for (int i = row; i + 1 < m_editors.size(); ++i) {
            CompareAxisEditor *next = m_editors.at(i + 1);
            if (next->hasAxis())
                m_editors.at(i)->setAxis(next->axis());
            else
                m_editors.at(i)->setParameter(std::nullopt);
        }
        m_editors.constLast()->setParameter(std::nullopt);
        m_packing = false;
    }
    updateRows();
    refresh();
}

void CompareSetupPanel::updateBaseSummary()
{
    const ImageParams &p = m_base;
    // Worded as the composer's hint and the Image settings panel word them.
    QStringList parts { p.imageModel, ParameterPanel::summary(p), p.outputFormat.toUpper() };
    if (p.background != QLatin1String("auto"))
        parts << tr("%1 background").arg(p.background);
    if (p.compressionApplies() && p.outputCompression < 100)
        parts << tr("compression %1").arg(p.outputCompression);
    m_baseSummary->setText(tr("Base settings: %1").arg(parts.join(QStringLiteral(" · "))));
}

CompareSpec CompareSetupPanel::spec() const
{
    CompareSpec spec;
    spec.providerId = providerId();
    spec.prompt = prompt();
    spec.base = m_base;
    spec.imagesPerCell = m_imagesPerCell->value();
    spec.referenceImages = m_references->files();
    spec.maskPath = m_references->maskPath();
    for (const CompareAxisEditor *editor : m_editors) {
        if (editor->hasAxis())
            spec.axes.append(editor->axis());
    }
    const bool providerAxis = std::any_of(spec.axes.cbegin(), spec.axes.cend(), [](const auto &a) {
        return a.parameter == CompareAxis::Parameter::Provider;
    });
    // The toolbar's chat model is named for its own provider; other providers use their default.
    if (!providerAxis && spec.providerId == m_chatModelProvider)
        spec.chatModel = m_chatModel;
    return spec;
}

double CompareSetupPanel::costLimitUsd() const
{
    return m_settings ? m_settings->value(Settings::compareCostLimit)
                      : Settings::compareCostLimit.defaultValue;
}

CompareEstimate CompareSetupPanel::estimate() const
{
    const CompareSpec current = spec();
    const ProviderRegistry *registry = m_registry;
    const ComparePreflight preflight(*m_estimator, [registry](const QString &id) {
        return registry && registry->stored(id).isDemo;
    });
    return preflight.estimate(current, costLimitUsd());
}

void CompareSetupPanel::setRunning(bool running)
{
    m_running = running;
    m_prompt->setReadOnly(running);
    m_provider->setEnabled(!running);
    m_imagesPerCell->setEnabled(!running);
    m_concurrency->setEnabled(!running);
    m_references->setEditable(!running);
    m_cancel->setEnabled(running);
    updateRows();
    refresh();
}

void CompareSetupPanel::refresh()
{
    const CompareSpec current = spec();
    const QStringList ids = m_registry ? m_registry->ids() : QStringList();
    m_problem = current.validate(ids);
    if (m_problem.isEmpty() && m_registry) {
        // Found without reading a file: too many images for a provider, or no route for them.
        const QPointer<ProviderRegistry> registry = m_registry;
        m_problem = CompareRun::referencesRefusal(current, [registry](const QString &id) {
            return registry ? registry->profile(id) : ProviderProfile();
        });
    }
    // A row shows its own problem; what belongs to no single row shows above Run.
    bool rowProblem = false;
    for (CompareAxisEditor *editor : std::as_const(m_editors)) {
        const QString problem = editor->hasAxis() ? editor->axis().validate() : QString();
        editor->setProblem(problem);
        rowProblem = rowProblem || !problem.isEmpty();
    }
    const bool general = !m_problem.isEmpty() && !rowProblem;
    m_problemLabel->setText(general ? m_problem : QString());
    m_problemLabel->setVisible(general);
    if (m_problem.isEmpty()) {
        const CompareEstimate figure = estimate();
        QString text = figure.summary();
        if (figure.exceedsLimit)
            text += QLatin1Char(' ')
                + tr("That is above your limit of %1: Run asks first.")
                      .arg(CompareEstimate::formatUsd(figure.limitUsd));
        m_estimateLabel->setText(text);
    } else {
        const int images = current.imageCount();
        m_estimateLabel->setText(images == 1 ? tr("1 image once this is fixed.")
                                             : tr("%1 images once this is fixed.").arg(images));
    }
    tint(m_estimateLabel, m_problem.isEmpty() ? windowText : ViewPalette::secondaryText);
    m_run->setEnabled(!m_running && m_problem.isEmpty());
    keepAxes();
    Q_EMIT specChanged();
}
