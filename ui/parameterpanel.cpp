#include "parameterpanel.h"

#include "viewpalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

const QString customSizeData = QStringLiteral("custom");

// (shown text, value) pairs; the first one is the default a stale or unknown value falls back to.
using Choices = QList<QPair<QString, QString>>;

QComboBox *makeCombo(QWidget *parent, const QString &objectName, const QString &accessibleName,
                     const QString &toolTip, const Choices &choices)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    combo->setToolTip(toolTip);
    for (const auto &choice : choices)
        combo->addItem(choice.first, choice.second);
    return combo;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

QLabel *makeNote(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

// A row whose field is a control with notes stacked under it; hidden notes take no room. A layout,
// not a box widget: the label's buddy must be the control itself and its sibling, or screen
// readers on Linux, which name a combo box by its value, hear "Auto, combo box" with no label
// (found by QA on AT-SPI).
void addStackedRow(QFormLayout *form, QWidget *parent, const QString &text,
                   const QList<QWidget *> &widgets)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(widgets.constFirst());
    auto *layout = new QVBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    for (QWidget *widget : widgets)
        layout->addWidget(widget);
    form->addRow(label, layout);
}

bool isGptImage1Mini(const QString &model)
{
    return model.section(QLatin1Char('/'), -1).startsWith(QLatin1String("gpt-image-1-mini"));
}

bool isGptImage2(const QString &model)
{
    return model.section(QLatin1Char('/'), -1).startsWith(QLatin1String("gpt-image-2"));
}

void setColour(QWidget *widget, const QColor &colour)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    widget->setPalette(palette);
}

} // namespace

ParameterPanel::ParameterPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("parameterPanel"));
    setAccessibleName(tr("Image settings"));
    buildControls();
    buildLayout();
    connectControls();
    setParams(ImageParams());
    applyColours();
}

ParameterPanel::~ParameterPanel()
{
    // QWidget's destructor hides the children, and a focused line edit then reports
    // editingFinished to a panel that is already half destroyed.
    m_customSize->disconnect(this);
    m_model->lineEdit()->disconnect(this);
}

void ParameterPanel::buildControls()
{
    m_model = makeCombo(this, QStringLiteral("imageModelCombo"), tr("Image model"),
                        tr("The model that draws the image. Type any name your gateway knows, "
                           "e.g. openai/gpt-image-1."),
                        {});
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    // Suggestions in a list, never written into the field: inline completion turned a typed
    // "gpt-image-1" + Return into gpt-image-1.5, another model at another price.
    m_model->completer()->setCompletionMode(QCompleter::PopupCompletion);
    setModels({ QStringLiteral("gpt-image-1.5"), QStringLiteral("gpt-image-2"),
                QStringLiteral("gpt-image-1"), QStringLiteral("gpt-image-1-mini") });

    m_quality = makeCombo(this, QStringLiteral("qualityCombo"), tr("Quality"),
                          tr("Higher quality takes longer and costs more. Auto lets the model "
                             "choose; the price estimate then assumes high."),
                          { { tr("Auto"), QStringLiteral("auto") },
                            { tr("Low"), QStringLiteral("low") },
                            { tr("Medium"), QStringLiteral("medium") },
                            { tr("High"), QStringLiteral("high") } });

    m_size = makeCombo(this, QStringLiteral("sizeCombo"), tr("Size"),
                       tr("Pixel size of the image. Auto lets the model choose, or follows the "
                          "aspect ratio when one is set."),
                       { { tr("Auto"), QStringLiteral("auto") },
                         { tr("1024 × 1024  square"), QStringLiteral("1024x1024") },
                         { tr("1024 × 1536  portrait"), QStringLiteral("1024x1536") },
                         { tr("1536 × 1024  landscape"), QStringLiteral("1536x1024") },
                         { tr("Custom…"), customSizeData } });
    m_customSize = new QLineEdit(this);
    m_customSize->setObjectName(QStringLiteral("customSizeEdit"));
    m_customSize->setAccessibleName(tr("Custom size"));
    m_customSize->setPlaceholderText(tr("width x height, e.g. 2048x1152"));
    m_customSize->setToolTip(tr("Width x height in pixels. gpt-image-2 takes sides that are "
                                "multiples of 16, up to 3840x2160, ratio 1:3 to 3:1."));
    m_customSize->setClearButtonEnabled(true);
    m_customSize->hide();
    m_customSizeError = makeNote(this, QStringLiteral("customSizeError"));
    m_customSizeError->setAccessibleName(tr("Custom size problem"));

    m_aspectRatio = makeCombo(this, QStringLiteral("aspectRatioCombo"), tr("Aspect ratio"),
                              tr("Shape of the image when the size is Auto: the nearest size the "
                                 "model supports is requested."),
                              { { tr("None"), QString() } });
    for (const char *ratio : { "1:1", "3:2", "2:3", "16:9", "9:16", "4:3", "3:4", "21:9" })
        m_aspectRatio->addItem(QLatin1String(ratio), QLatin1String(ratio));
    // Always shown, saying what the ratio does now: it used to appear only with a ratio, and
    // push every control below it down a line, under the pointer (found by QA).
    m_effectiveSize = makeNote(this, QStringLiteral("effectiveSizeLabel"));
    m_effectiveSize->show();

    m_background = makeCombo(this, QStringLiteral("backgroundCombo"), tr("Background"),
                             tr("Transparent needs PNG or WebP output."),
                             { { tr("Auto"), QStringLiteral("auto") },
                               { tr("Opaque"), QStringLiteral("opaque") },
                               { tr("Transparent"), QStringLiteral("transparent") } });
    m_backgroundWarning = makeNote(this, QStringLiteral("backgroundWarning"));

    m_format = makeCombo(this, QStringLiteral("formatCombo"), tr("Output format"),
                         tr("File format of the image. PNG is lossless; JPEG and WebP are smaller "
                            "and take a compression level."),
                         { { tr("PNG"), QStringLiteral("png") },
                           { tr("JPEG"), QStringLiteral("jpeg") },
                           { tr("WebP"), QStringLiteral("webp") } });

    m_compressionSlider = new QSlider(Qt::Horizontal, this);
    m_compressionSlider->setObjectName(QStringLiteral("compressionSlider"));
    m_compressionSlider->setAccessibleName(tr("Compression"));
    m_compressionSlider->setToolTip(tr("Compression level for JPEG and WebP, 0-100 (100 keeps "
                                       "the most detail)."));
    m_compressionSlider->setRange(0, 100);
    m_compressionSlider->setPageStep(10);
    // Applied on release, not on every pixel of a drag: one change, one signal.
    m_compressionSlider->setTracking(false);
    m_compressionSpin = new QSpinBox(this);
    m_compressionSpin->setObjectName(QStringLiteral("compressionSpin"));
    m_compressionSpin->setAccessibleName(tr("Compression level"));
    m_compressionSpin->setToolTip(m_compressionSlider->toolTip());
    m_compressionSpin->setRange(0, 100);
    m_compressionSpin->setKeyboardTracking(false);

    // Made in the order the rows are shown, which is the order Tab takes: an explicit
    // setTabOrder() over these compound controls (editable combo, spin boxes) broke the window's
    // focus chain, and Tab looped inside the panel (found by QA).
    m_action = makeCombo(this, QStringLiteral("actionCombo"), tr("Action"),
                         tr("Generate a new image, edit the image in the conversation, or let "
                            "the model decide."),
                         { { tr("Auto"), QStringLiteral("auto") },
                           { tr("Generate"), QStringLiteral("generate") },
                           { tr("Edit"), QStringLiteral("edit") } });

    m_inputFidelity = makeCombo(this, QStringLiteral("inputFidelityCombo"), tr("Input fidelity"),
                                tr("How closely an edit keeps faces and logos of the input "
                                   "image. High costs more input tokens."),
                                { { tr("Auto"), QStringLiteral("auto") },
                                  { tr("Low"), QStringLiteral("low") },
                                  { tr("High"), QStringLiteral("high") } });

    m_moderation = makeCombo(
        this, QStringLiteral("moderationCombo"), tr("Moderation"),
        tr("How strictly the gateway filters content. Low is less "
           "restrictive."),
        { { tr("Auto"), QStringLiteral("auto") }, { tr("Low"), QStringLiteral("low") } });

    m_partialImages = new QSpinBox(this);
    m_partialImages->setObjectName(QStringLiteral("partialImagesSpin"));
    m_partialImages->setAccessibleName(tr("Partial previews"));
    m_partialImages->setToolTip(tr("Rough previews shown while the image forms (0-3). Each one "
                                   "adds some output tokens."));
    m_partialImages->setRange(0, 3);
    m_partialImages->setKeyboardTracking(false);

    m_imageOnly = new QCheckBox(tr("Image only"), this);
    m_imageOnly->setObjectName(QStringLiteral("imageOnlyCheck"));
    m_imageOnly->setAccessibleName(tr("Image only"));
    m_imageOnly->setToolTip(tr("Always make an image: the chat model must call the image tool "
                               "instead of answering in words."));

    m_costPreview = new QLabel(this);
    m_costPreview->setObjectName(QStringLiteral("costPreviewLabel"));
    m_costPreview->setAccessibleName(tr("Estimated price per image"));
    m_costPreview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_costPreview->setText(tr("–"));
}

void ParameterPanel::buildLayout()
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(12, 8, 12, 12);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    addHeader(form, tr("Model"), true);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Price"), m_costPreview);

    addHeader(form, tr("Image"));
    form->addRow(tr("Quality"), m_quality);
    addStackedRow(form, this, tr("Size"), { m_size, m_customSize, m_customSizeError });
    addStackedRow(form, this, tr("Aspect ratio"), { m_aspectRatio, m_effectiveSize });
    addStackedRow(form, this, tr("Background"), { m_background, m_backgroundWarning });

    addHeader(form, tr("Output"));
    form->addRow(tr("Format"), m_format);
    auto *compression = new QWidget(this);
    auto *compressionLayout = new QHBoxLayout(compression);
    compressionLayout->setContentsMargins(0, 0, 0, 0);
    compressionLayout->addWidget(m_compressionSlider, 1);
    compressionLayout->addWidget(m_compressionSpin);
    compression->setFocusProxy(m_compressionSlider);
    form->addRow(tr("Compression"), compression);

    addHeader(form, tr("Generation"));
    form->addRow(tr("Action"), m_action);
    form->addRow(tr("Input fidelity"), m_inputFidelity);
    form->addRow(tr("Moderation"), m_moderation);
    form->addRow(tr("Previews"), m_partialImages);
    form->addRow(static_cast<QWidget *>(nullptr), m_imageOnly);
}

void ParameterPanel::addHeader(QFormLayout *form, const QString &title, bool first)
{
    auto *header = new QLabel(title.toUpper(), this);
    header->setObjectName(QStringLiteral("sectionHeader"));
    QFont font = header->font();
    font.setBold(true);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setLetterSpacing(QFont::PercentageSpacing, 106);
    header->setFont(font);
    header->setContentsMargins(0, first ? 0 : 10, 0, 0);
    header->setAccessibleName(title);
    form->addRow(header);
    m_headers.append(header);
}

void ParameterPanel::connectControls()
{
    const auto commitOnIndex = [this](QComboBox *combo) {
        connect(combo, &QComboBox::currentIndexChanged, this, &ParameterPanel::commit);
    };
    commitOnIndex(m_model);
    // A typed model name counts once it is confirmed (Enter or leaving the field).
    connect(m_model->lineEdit(), &QLineEdit::editingFinished, this, &ParameterPanel::commit);
    commitOnIndex(m_quality);
    connect(m_size, &QComboBox::currentIndexChanged, this, &ParameterPanel::onSizeChosen);
    connect(m_customSize, &QLineEdit::textChanged, this, &ParameterPanel::validateCustomSize);
    connect(m_customSize, &QLineEdit::editingFinished, this, &ParameterPanel::commit);
    commitOnIndex(m_aspectRatio);
    commitOnIndex(m_background);
    commitOnIndex(m_format);
    connect(m_compressionSlider, &QSlider::sliderMoved, this,
            &ParameterPanel::onCompressionSliderMoved);
    connect(m_compressionSlider, &QSlider::valueChanged, this, [this](int value) {
        onCompressionSliderMoved(value);
        commit();
    });
    connect(m_compressionSpin, &QSpinBox::valueChanged, this,
            &ParameterPanel::onCompressionSpinChanged);
    commitOnIndex(m_moderation);
    connect(m_partialImages, &QSpinBox::valueChanged, this, &ParameterPanel::commit);
    commitOnIndex(m_action);
    commitOnIndex(m_inputFidelity);
    connect(m_imageOnly, &QCheckBox::toggled, this, &ParameterPanel::commit);
}

void ParameterPanel::setModels(const QStringList &imageModels)
{
    const QString current = m_model->currentText();
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_model->clear();
    m_model->addItems(imageModels);
    const int index = m_model->findText(current);
    if (index >= 0)
        m_model->setCurrentIndex(index);
    else
        m_model->setEditText(current);
    m_updating = wasUpdating;
}

QStringList ParameterPanel::models() const
{
    QStringList names;
    for (int i = 0; i < m_model->count(); ++i)
        names.append(m_model->itemText(i));
    return names;
}

void ParameterPanel::setParams(const ImageParams &params)
{
    m_updating = true;
    const int model = m_model->findText(params.imageModel);
    if (model >= 0)
        m_model->setCurrentIndex(model);
    else
        m_model->setEditText(params.imageModel);
    selectData(m_quality, params.quality);

    const int size = m_size->findData(params.size.isEmpty() ? QStringLiteral("auto") : params.size);
    if (size >= 0 && size != m_size->findData(customSizeData)) {
        m_size->setCurrentIndex(size);
    } else {
        m_size->setCurrentIndex(m_size->findData(customSizeData));
        m_customSize->setText(params.size);
    }
    selectData(m_aspectRatio, params.aspectRatio);
    selectData(m_background, params.background);
    selectData(m_format, params.outputFormat);
    m_compressionSpin->setValue(params.outputCompression);
    m_compressionSlider->setValue(params.outputCompression);
    selectData(m_moderation, params.moderation);
    m_partialImages->setValue(params.partialImages);
    selectData(m_action, params.action);
    selectData(m_inputFidelity, params.inputFidelity);
    m_imageOnly->setChecked(params.imageOnly);
    m_updating = false;

    // A stored custom size that this model rejects falls back to auto (and says why).
    m_params = readControls(params);
    refreshDependentState();
}

void ParameterPanel::setCostPreview(const Cost &perImage)
{
    QString text;
    switch (perImage.basis) {
    case Cost::Basis::Unknown:
        text = tr("unknown");
        break;
    case Cost::Basis::Estimated:
        text = tr("≈ %1 per image").arg(Cost::formatUsd(perImage.usd));
        break;
    case Cost::Basis::Billed:
    case Cost::Basis::Demo:
        text = tr("%1 per image (%2)")
                   .arg(Cost::formatUsd(perImage.usd), Cost::basisText(perImage.basis));
        break;
    }
    m_costPreview->setText(text);
    const QString tip = perImage.note.isEmpty()
        ? tr("Estimated from the price book for the settings above.")
        : perImage.note;
    m_costPreview->setToolTip(tip);
    m_costPreview->setAccessibleDescription(tip);
}

bool ParameterPanel::customSizeChosen() const
{
    return m_size->currentData().toString() == customSizeData;
}

ImageParams ParameterPanel::readControls(const ImageParams &previous) const
{
    ImageParams p;
    const QString model = m_model->currentText().trimmed();
    p.imageModel = model.isEmpty() ? previous.imageModel : model;
    p.quality = m_quality->currentData().toString();
    if (customSizeChosen()) {
        const QString typed = m_customSize->text().trimmed();
        if (ImageParams::validateSize(p.imageModel, typed).isEmpty()) {
            const QSize parsed = ImageParams::parseSize(typed);
            p.size = parsed.isValid()
                ? QStringLiteral("%1x%2").arg(parsed.width()).arg(parsed.height())
                : QStringLiteral("auto");
        } else if (ImageParams::validateSize(p.imageModel, previous.size).isEmpty()) {
            p.size = previous.size.isEmpty() ? QStringLiteral("auto") : previous.size;
        } else {
            p.size = QStringLiteral("auto");
        }
    } else {
        p.size = m_size->currentData().toString();
    }
    p.aspectRatio = m_aspectRatio->currentData().toString();
    p.background = m_background->currentData().toString();
    p.outputFormat = m_format->currentData().toString();
    p.outputCompression = m_compressionSpin->value();
    p.moderation = m_moderation->currentData().toString();
    p.partialImages = m_partialImages->value();
    p.action = m_action->currentData().toString();
    p.inputFidelity = m_inputFidelity->currentData().toString();
    p.imageOnly = m_imageOnly->isChecked();
    return p;
}

void ParameterPanel::commit()
{
    if (m_updating)
        return;
    const ImageParams next = readControls(m_params);
    const bool changed = next != m_params;
    m_params = next;
    refreshDependentState();
    if (changed)
        Q_EMIT paramsChanged(m_params);
}

void ParameterPanel::refreshDependentState()
{
    const bool compression = m_params.compressionApplies();
    m_compressionSlider->setEnabled(compression);
    m_compressionSpin->setEnabled(compression);

    validateCustomSize();

    // The aspect ratio only decides the size while the size is auto.
    const bool autoSize = m_size->currentData().toString() == QLatin1String("auto");
    m_aspectRatio->setEnabled(autoSize);
    const QString effective = m_params.effectiveSize();
    const bool showEffective
        = autoSize && !m_params.aspectRatio.isEmpty() && effective != QLatin1String("auto");
    m_effectiveSize->setText(showEffective  ? tr("Requests %1").arg(shownSize(effective))
                                 : autoSize ? tr("Sets the size while Size is Auto")
                                            : tr("Used only when Size is Auto"));

    QStringList warnings;
    if (m_params.background == QLatin1String("transparent")) {
        if (m_params.outputFormat == QLatin1String("jpeg"))
            warnings << tr("JPEG has no alpha channel: the background will not be transparent. "
                           "Use PNG or WebP.");
        if (isGptImage2(m_params.imageModel))
            warnings << tr("Transparent backgrounds are a preview feature on gpt-image-2.");
    }
    m_backgroundWarning->setText(warnings.join(QLatin1Char('\n')));
    m_backgroundWarning->setVisible(!warnings.isEmpty());

    const bool fidelity = !isGptImage1Mini(m_params.imageModel);
    m_inputFidelity->setEnabled(fidelity);
    m_inputFidelity->setToolTip(fidelity ? tr("How closely an edit keeps faces and logos of the "
                                              "input image. High costs more input tokens.")
                                         : tr("gpt-image-1-mini does not support input "
                                              "fidelity."));
}

void ParameterPanel::onSizeChosen()
{
    const bool custom = customSizeChosen();
    if (custom && m_customSize->text().trimmed().isEmpty() && !m_updating) {
        // Start from the size the request would carry, so choosing Custom… changes nothing yet.
        const QString effective = m_params.effectiveSize();
        m_customSize->setText(
            ImageParams::parseSize(effective).isValid() ? effective : QStringLiteral("1024x1024"));
    }
    m_customSize->setVisible(custom);
    if (custom && !m_updating)
        m_customSize->setFocus(Qt::OtherFocusReason);
    commit();
}

void ParameterPanel::onCompressionSliderMoved(int value)
{
    const QSignalBlocker blocker(m_compressionSpin);
    m_compressionSpin->setValue(value);
}

void ParameterPanel::onCompressionSpinChanged(int value)
{
    {
        const QSignalBlocker blocker(m_compressionSlider);
        m_compressionSlider->setValue(value);
    }
    commit();
}

QString ParameterPanel::shownSize(const QString &size)
{
    // "1536 × 1024", as the Size list and the Library name sizes.
    return QString(size).replace(u'x', QStringLiteral(" × "));
}

QString ParameterPanel::summary() const
{
    return summary(m_params);
}

QString ParameterPanel::summary(const ImageParams &params)
{
    const QString size = params.effectiveSize();
    return tr("%1 quality · %2")
        .arg(qualityName(params.quality),
             size == QLatin1String("auto") ? tr("size Auto") : shownSize(size));
}

QString ParameterPanel::qualityName(const QString &quality)
{
    // The Quality list's own words.
    if (quality == QLatin1String("auto"))
        return tr("Auto");
    if (quality == QLatin1String("low"))
        return tr("Low");
    if (quality == QLatin1String("medium"))
        return tr("Medium");
    if (quality == QLatin1String("high"))
        return tr("High");
    return quality;
}

QString ParameterPanel::problem() const
{
    return customSizeChosen() ? m_customSizeError->text() : QString();
}

void ParameterPanel::validateCustomSize()
{
    const bool custom = customSizeChosen();
    m_customSize->setVisible(custom);
    const QString problem = custom ? ImageParams::validateSize(m_model->currentText().trimmed(),
                                                               m_customSize->text().trimmed())
                                   : QString();
    m_customSizeError->setText(problem);
    m_customSizeError->setVisible(!problem.isEmpty());
    m_customSize->setAccessibleDescription(problem);
}

void ParameterPanel::applyColours()
{
    const QPalette &base = palette();
    for (QLabel *header : std::as_const(m_headers))
        setColour(header, ViewPalette::secondaryText(base));
    setColour(m_effectiveSize, ViewPalette::secondaryText(base));
    setColour(m_customSizeError, ViewPalette::error(base));
    setColour(m_backgroundWarning, ViewPalette::warning(base));
}

void ParameterPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyColours();
}
