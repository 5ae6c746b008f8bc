#include "compareaxiseditor.h"

#include "flowlayout.h"
#include "palettetint.h"
#include "viewpalette.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

using Parameter = CompareAxis::Parameter;

QList<QPair<QString, QString>> words(const QStringList &values)
{
    QList<QPair<QString, QString>> out;
    for (const QString &value : values)
        out.append({ value, value });
    return out;
}

QString chipStyle(const QPalette &palette)
{
    // Rounded, outlined when off, filled with the accent when on: the look of a filter chip.
    return QStringLiteral("QToolButton { border: 1px solid %1; border-radius: 11px;"
                          " padding: 2px 10px; background: transparent; }"
                          "QToolButton:checked { background: %2; color: %3; border-color: %2; }")
        .arg(ViewPalette::hairline(palette).darker(130).name(),
             palette.color(QPalette::Highlight).name(),
             palette.color(QPalette::HighlightedText).name());
}

} // namespace

CompareAxisEditor::CompareAxisEditor(QWidget *parent)
    : QWidget(parent)
    , m_role(new QLabel(this))
    , m_parameterCombo(new QComboBox(this))
    , m_chipArea(new QWidget(this))
    , m_chipLayout(new FlowLayout(m_chipArea))
    , m_values(new QLineEdit(this))
    , m_prompts(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
{
    QFont roleFont = m_role->font();
    roleFont.setBold(true);
    m_role->setFont(roleFont);
    m_role->setMinimumWidth(64);

    m_parameterCombo->setObjectName(QStringLiteral("axisParameter"));
    m_parameterCombo->addItem(tr("No axis"), QString());
    for (Parameter parameter : CompareAxis::parameters())
        m_parameterCombo->addItem(CompareAxis::displayName(parameter),
                                  CompareAxis::name(parameter));
    m_parameterCombo->setAccessibleName(tr("Parameter to vary"));
    m_role->setBuddy(m_parameterCombo); // "Columns": the label a screen reader relates to it
    m_parameterCombo->setToolTip(tr("The setting this axis tries several values of; No axis "
                                    "leaves the row unused"));
    connect(m_parameterCombo, &QComboBox::activated, this, &CompareAxisEditor::onParameterPicked);

    m_values->setObjectName(QStringLiteral("axisValues"));
    m_values->setAccessibleName(tr("Values to try"));
    m_values->setToolTip(tr("The values this axis tries, separated by commas"));
    m_values->setClearButtonEnabled(true);
    connect(m_values, &QLineEdit::textChanged, this, [this] {
        if (!m_updating)
            Q_EMIT changed();
    });
    m_prompts->setObjectName(QStringLiteral("axisPrompts"));
    m_prompts->setAccessibleName(tr("Prompt variants"));
    m_prompts->setToolTip(tr("The prompts this axis tries, one per line"));
    m_prompts->setPlaceholderText(tr("One prompt variant per line"));
    m_prompts->setTabChangesFocus(true);
    m_prompts->setFixedHeight(m_prompts->fontMetrics().lineSpacing() * 5 + 12);
    connect(m_prompts, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            Q_EMIT changed();
    });

    m_problem->setObjectName(QStringLiteral("axisProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    PaletteTint::apply(m_problem, ViewPalette::error);
    m_problem->hide();

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_role);
    header->addWidget(m_parameterCombo, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_chipArea);
    layout->addWidget(m_values);
    layout->addWidget(m_prompts);
    layout->addWidget(m_problem);
    rebuildEditor({});
}

CompareAxisEditor::~CompareAxisEditor() = default;

void CompareAxisEditor::setImageModelChoices(const QStringList &models)
{
    if (models == m_imageModels)
        return;
    const QStringList chosen = m_parameter == Parameter::ImageModel ? axis().values : QStringList();
    m_imageModels = models;
    if (m_parameter == Parameter::ImageModel)
        rebuildEditor(chosen);
}

void CompareAxisEditor::setProviderChoices(const QList<QPair<QString, QString>> &idsAndNames)
{
    if (idsAndNames == m_providers)
        return;
    const QStringList chosen = m_parameter == Parameter::Provider ? axis().values : QStringList();
    m_providers = idsAndNames;
    if (m_parameter == Parameter::Provider)
        rebuildEditor(chosen);
}

void CompareAxisEditor::setParameter(std::optional<CompareAxis::Parameter> parameter)
{
    m_parameter = parameter;
    {
        const QSignalBlocker blocker(m_parameterCombo);
        m_parameterCombo->setCurrentIndex(
            parameter ? m_parameterCombo->findData(CompareAxis::name(*parameter)) : 0);
    }
    rebuildEditor(defaultValues());
    Q_EMIT changed();
}

void CompareAxisEditor::onParameterPicked(int index)
{
    const std::optional<Parameter> picked
        = CompareAxis::parameterFromName(m_parameterCombo->itemData(index).toString());
    if (picked == m_parameter)
        return;
    setParameter(picked);
}

CompareAxis CompareAxisEditor::axis() const
{
    CompareAxis result;
    if (!m_parameter)
        return result;
    result.parameter = *m_parameter;
    for (const QString &value : checkedValues() + typedValues())
        result.values.append(CompareAxis::normalizedValue(*m_parameter, value));
    return result;
}

void CompareAxisEditor::setAxis(const CompareAxis &axis)
{
    m_parameter = axis.parameter;
    {
        const QSignalBlocker blocker(m_parameterCombo);
        m_parameterCombo->setCurrentIndex(
            m_parameterCombo->findData(CompareAxis::name(axis.parameter)));
    }
    rebuildEditor(axis.values);
    Q_EMIT changed();
}

void CompareAxisEditor::setRole(const QString &role)
{
    m_role->setText(role);
    // Three rows have the same controls: the role tells a screen reader's user which row this is.
    m_parameterCombo->setAccessibleName(tr("%1: parameter to vary").arg(role));
    // AT-SPI names a combo box by its value; the description, read after it, says what it sets.
    m_parameterCombo->setAccessibleDescription(m_parameterCombo->accessibleName());
    m_values->setAccessibleName(tr("%1: values to try").arg(role));
    m_prompts->setAccessibleName(tr("%1: prompt variants").arg(role));
}

void CompareAxisEditor::setProblem(const QString &sentence)
{
    m_problemText = sentence;
    m_problem->setText(sentence);
    m_problem->setVisible(!sentence.isEmpty());
}

QToolButton *CompareAxisEditor::chip(const QString &value) const
{
    return m_chipArea->findChild<QToolButton *>(QStringLiteral("chip:") + value,
                                                Qt::FindDirectChildrenOnly);
}

QList<QPair<QString, QString>> CompareAxisEditor::chipChoices() const
{
    if (!m_parameter)
        return {};
    switch (*m_parameter) {
    case Parameter::Quality:
        return words({ "low", "medium", "high", "auto" });
    case Parameter::Background:
        return words({ "transparent", "opaque", "auto" });
    case Parameter::OutputFormat:
        return words({ "png", "jpeg", "webp" });
    case Parameter::Moderation:
        return words({ "auto", "low" });
    case Parameter::AspectRatio:
        return words({ "1:1", "3:2", "2:3", "4:3", "3:4", "16:9", "9:16" });
    case Parameter::ImageModel:
        return words(m_imageModels);
    case Parameter::Provider:
        return m_providers;
    case Parameter::Size:
    case Parameter::Compression:
    case Parameter::Prompt:
        break;
    }
    return {};
}

QStringList CompareAxisEditor::defaultValues() const
{
    if (!m_parameter)
        return {};
    // A row starts with the values people compare most, so it is never empty (and red) at once.
    switch (*m_parameter) {
    case Parameter::Quality:
        return { "low", "medium", "high" };
    case Parameter::Background:
        return { "transparent", "opaque" };
    case Parameter::OutputFormat:
        return { "png", "jpeg", "webp" };
    case Parameter::Moderation:
        return { "auto", "low" };
    case Parameter::AspectRatio:
        return { "1:1", "16:9" };
    case Parameter::ImageModel:
        return m_imageModels.mid(0, 2);
    case Parameter::Size:
        return { "1024x1024", "1536x1024" };
    case Parameter::Compression:
        return { "50", "80" };
    case Parameter::Provider: // a second provider costs money on another bill: chosen by hand
    case Parameter::Prompt:
        break;
    }
    return {};
}

bool CompareAxisEditor::takesTypedValues() const
{
    return m_parameter == Parameter::Size || m_parameter == Parameter::Compression
        || m_parameter == Parameter::ImageModel || m_parameter == Parameter::AspectRatio;
}

void CompareAxisEditor::rebuildEditor(const QStringList &checked)
{
    m_updating = true;
    qDeleteAll(m_chips);
    m_chips.clear();
    const QString style = chipStyle(palette());
    QStringList leftOver = checked;
    const QList<QPair<QString, QString>> choices = chipChoices();
    m_checkedOrder.clear();
    for (const QString &value : checked) {
        if (std::any_of(choices.cbegin(), choices.cend(),
                        [&value](const auto &choice) { return choice.first == value; }))
            m_checkedOrder.append(value);
    }
    for (const auto &[value, label] : choices) {
        addChip(value, label, style);
        leftOver.removeAll(value);
    }
    // A value without a chip (an unknown quality read from history) is shown as a chip of its
    // own when it cannot be typed, so that the row's problem names something visible.
    if (!takesTypedValues() && m_parameter != Parameter::Prompt) {
        for (const QString &value : std::as_const(leftOver)) {
            m_checkedOrder.append(value);
            addChip(value, value, style);
        }
        leftOver.clear();
    }
    m_chipArea->setVisible(!m_chips.isEmpty());

    const bool typed = takesTypedValues();
    m_values->setVisible(typed);
    if (m_parameter == Parameter::Size)
        m_values->setPlaceholderText(tr("Sizes, e.g. 1024x1024, 1536x1024"));
    else if (m_parameter == Parameter::Compression)
        m_values->setPlaceholderText(tr("Compressions from 0 to 100, e.g. 50, 80"));
    else if (m_parameter == Parameter::ImageModel)
        m_values->setPlaceholderText(tr("Other models, comma-separated"));
    else if (m_parameter == Parameter::AspectRatio)
        m_values->setPlaceholderText(tr("Other ratios, e.g. 21:9"));
    m_prompts->setVisible(m_parameter == Parameter::Prompt);
    if (m_parameter == Parameter::Prompt) {
        m_prompts->setPlainText(leftOver.join(QLatin1Char('\n')));
        m_values->clear();
    } else {
        setTypedValues(typed ? leftOver : QStringList());
        m_prompts->clear();
    }
    m_updating = false;
}

void CompareAxisEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The chips' sheets hold the palette's colours, and a widget with a sheet is told of no
    // palette change: made again from the new palette when the theme switches.
    if (event->type() == QEvent::PaletteChange) {
        const QString style = chipStyle(palette());
        for (QToolButton *chip : std::as_const(m_chips)) {
            if (chip->styleSheet() != style)
                chip->setStyleSheet(style);
        }
    }
}

void CompareAxisEditor::addChip(const QString &value, const QString &label, const QString &style)
{
    auto *button = new QToolButton(m_chipArea);
    button->setObjectName(QStringLiteral("chip:") + value);
    button->setText(label);
    button->setToolTip(value == label ? QString() : value);
    button->setCheckable(true);
    button->setChecked(m_checkedOrder.contains(value));
    button->setStyleSheet(style);
    const int position = int(m_chips.size());
    connect(button, &QToolButton::toggled, this, [this, value, position](bool on) {
        m_checkedOrder.removeAll(value);
        if (on) {
            // Clicked on: among the checked values in the order of the chips, so that low,
            // medium, high stay in that order; an order set by setAxis() is kept otherwise.
            qsizetype at = m_checkedOrder.size();
            for (qsizetype i = 0; i < m_checkedOrder.size(); ++i) {
                const QToolButton *other = chip(m_checkedOrder.at(i));
                if (other && m_chips.indexOf(other) > position) {
                    at = i;
                    break;
                }
            }
            m_checkedOrder.insert(at, value);
        }
        if (!m_updating)
            Q_EMIT changed();
    });
    m_chipLayout->addWidget(button);
    m_chips.append(button);
}

QStringList CompareAxisEditor::checkedValues() const
{
    return m_checkedOrder; // in the order the columns (or rows) will have
}

QStringList CompareAxisEditor::typedValues() const
{
    QStringList values;
    if (m_parameter == Parameter::Prompt) {
        const QStringList lines = m_prompts->toPlainText().split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (!line.trimmed().isEmpty())
                values.append(line.trimmed());
        }
        return values;
    }
    if (!takesTypedValues())
        return values;
    // Blank pieces ("1024x1024, ") are skipped: they are what a list looks like while typed.
    const QStringList pieces = m_values->text().split(QLatin1Char(','));
    for (const QString &piece : pieces) {
        if (!piece.trimmed().isEmpty())
            values.append(piece.trimmed());
    }
    return values;
}

void CompareAxisEditor::setTypedValues(const QStringList &values)
{
    m_values->setText(values.join(QStringLiteral(", ")));
}
