#include "autosavedialog.h"

#include "filedialogs.h"
#include "palettetint.h"
#include "store/datafolder.h"
#include "store/filenametemplate.h"
#include "store/imageexporter.h"
#include "store/settings.h"
#include "viewpalette.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

AutoSaveDialog::AutoSaveDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("autoSaveDialog"));
    setWindowTitle(tr("Saving"));
    setModal(false);

    m_embed = new QCheckBox(tr("Write the prompt and settings into saved images"), this);
    m_embed->setObjectName(QStringLiteral("embedSettingsCheck"));
    m_embed->setAccessibleName(tr("Write the prompt and settings into saved images"));
    m_embed->setToolTip(tr("Saved, copied and dragged images carry their prompt, models and "
                           "settings, which Easel and other apps can read."));
    // Why a designer would turn it off: the provider's signed provenance covers every byte of
    // the file (C2PA's data hash), so any added chunk makes it fail to verify.
    auto *embedNote = new QLabel(
        tr("Off: images are saved exactly as generated, so the Content Credentials (C2PA) some "
           "providers sign them with still verify. Converting to another format drops those "
           "either way."),
        this);
    embedNote->setObjectName(QStringLiteral("embedSettingsNote"));
    embedNote->setAccessibleName(tr("Why to save images as generated"));
    embedNote->setToolTip(tr("What saving images without Easel's settings keeps."));
    embedNote->setWordWrap(true);
    PaletteTint::apply(embedNote, ViewPalette::secondaryText);

    m_enabled = new QCheckBox(tr("Save every new image automatically"), this);
    m_enabled->setObjectName(QStringLiteral("autoSaveCheck"));
    m_enabled->setAccessibleName(tr("Auto-save every new image"));
    m_enabled->setToolTip(tr("After each turn, write its final images into the folder below."));

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("autoSaveFolderEdit"));
    m_folder->setAccessibleName(tr("Auto-save folder"));
    m_folder->setToolTip(tr("The folder new images are saved into; it is created when missing."));
    m_folder->setPlaceholderText(tr("Choose a folder"));
    m_choose = new QPushButton(tr("Choose…"), this);
    m_choose->setObjectName(QStringLiteral("autoSaveChooseButton"));
    m_choose->setAccessibleName(tr("Choose the auto-save folder"));
    m_choose->setToolTip(tr("Pick the auto-save folder."));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_choose);

    m_template = new QLineEdit(this);
    m_template->setObjectName(QStringLiteral("autoSaveTemplateEdit"));
    m_template->setAccessibleName(tr("File name template"));
    m_template->setToolTip(tr("How saved files are named; fields in braces are filled in."));
    m_template->setPlaceholderText(QString::fromLatin1(FileNameTemplate::defaultTemplate));

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("autoSavePreview"));
    m_preview->setAccessibleName(tr("File name preview"));
    m_preview->setToolTip(tr("The name the template gives a sample image."));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *legend
        = new QLabel(tr("{date} {time} {model} {quality} {size} {n} (image number) {ext} {prompt} "
                        "(its first words, up to %1 characters) {turn} {hash}")
                         .arg(FileNameTemplate::maxPromptLength),
                     this);
    legend->setObjectName(QStringLiteral("autoSaveLegend"));
    legend->setAccessibleName(tr("Template fields"));
    legend->setToolTip(tr("The fields a template can use."));
    legend->setWordWrap(true);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("autoSaveProblem"));
    m_problemLabel->setAccessibleName(tr("Auto-save problem"));
    m_problemLabel->setToolTip(tr("What must be fixed before OK."));
    // Red made from the palette, again on a theme switch: a fixed #c62828 reads on light grey
    // only, and a style sheet would freeze the label's whole palette.
    PaletteTint::apply(m_problemLabel, ViewPalette::error);
    m_problemLabel->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setAccessibleName(tr("OK"));
    ok->setToolTip(tr("Keep these saving settings."));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Close without changing the saving settings."));

    auto *form = new QFormLayout;
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("File names:"), m_template);
    form->addRow(tr("Preview:"), m_preview);
    form->addRow(QString(), legend);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_embed);
    // The note lines up with the box's text, as a box's explanation does.
    auto *noteRow = new QHBoxLayout;
    noteRow->setContentsMargins(
        style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, m_embed)
            + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, m_embed),
        0, 0, 0);
    noteRow->addWidget(embedNote);
    layout->addLayout(noteRow);
    layout->addSpacing(layout->spacing() * 2);
    layout->addWidget(m_enabled);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_embed->setChecked(m_settings->value(Settings::embedSettingsInImages));
    m_enabled->setChecked(m_settings->value(Settings::autoSaveEnabled));
    m_folder->setText(m_settings->value(Settings::autoSaveFolder));
    m_template->setText(
        FileNameTemplate::patternOrDefault(m_settings->value(Settings::autoSaveTemplate)));

    connect(m_enabled, &QCheckBox::toggled, this, &AutoSaveDialog::refresh);
    connect(m_folder, &QLineEdit::textChanged, this, &AutoSaveDialog::refresh);
    connect(m_template, &QLineEdit::textChanged, this, &AutoSaveDialog::refresh);
    connect(m_choose, &QPushButton::clicked, this, &AutoSaveDialog::chooseFolder);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AutoSaveDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AutoSaveDialog::reject);
    refresh();
}

QString AutoSaveDialog::previewFor(const QString &pattern)
{
    // A fixed sample so the preview shows only what the pattern changes (the clock aside).
    FileNameTemplate::Fields sample;
    sample.when = QDateTime::currentDateTime();
    sample.model = QStringLiteral("gpt-image-1");
    sample.quality = QStringLiteral("high");
    sample.size = QStringLiteral("1024x1024");
    sample.n = 1;
    sample.ext = QStringLiteral("png");
    sample.prompt = QStringLiteral("a lighthouse on a cliff at dusk, watercolor");
    sample.turnId = QStringLiteral("3");
    sample.hash = QStringLiteral("9f86d081884c");
    const QString p = FileNameTemplate::patternOrDefault(pattern);
    // As the save will name it: a pattern without an image extension gets the image's own.
    const QString name = FileNameTemplate::expand(p, sample);
    return ImageExporter::formatForPath(name).isEmpty() ? name + QStringLiteral(".png") : name;
}

QString AutoSaveDialog::folderProblem(const QString &folder)
{
    const QString path = folder.trimmed();
    if (path.isEmpty())
        return tr("Choose a folder to save into.");
    if (QDir::isRelativePath(path))
        return tr("Use a full folder path.");
    // The folder itself, or the nearest existing parent it would be created under, must be a
    // writable folder: checked without creating anything, since Cancel must leave no trace.
    const DataFolder::Check found = DataFolder::check(path);
    const QString where = QDir::toNativeSeparators(found.where);
    switch (found.verdict) {
    case DataFolder::Check::Usable:
        return QString();
    case DataFolder::Check::IsFile:
    case DataFolder::Check::UnderFile:
        return tr("%1 is a file, not a folder: the folder cannot be created.").arg(where);
    case DataFolder::Check::NotWritable:
    case DataFolder::Check::UnderUnwritable:
        return tr("The folder %1 is not writable.").arg(where);
    }
    return QString();
}

void AutoSaveDialog::chooseFolder()
{
    const QString start = m_folder->text().trimmed().isEmpty() ? FileDialogs::startFolder()
                                                               : m_folder->text().trimmed();
    const QString chosen = FileDialogs::getExistingDirectory(this, tr("Auto-save Folder"), start);
    if (!chosen.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(chosen));
}

void AutoSaveDialog::refresh()
{
    m_preview->setText(previewFor(m_template->text()));
    m_problem = m_enabled->isChecked() ? folderProblem(m_folder->text()) : QString();
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
    fitHeightToText();
}

void AutoSaveDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitHeightToText();
}

void AutoSaveDialog::fitHeightToText()
{
    // A window's layout gives it a minimum height that leaves out how tall its word-wrapped
    // labels grow at the window's width, so a narrow dialog cut lines off the field list and the
    // folder's problem (found by QA). The minimum height follows the width instead; raising it
    // makes the window taller at once.
    QLayout *box = layout();
    if (!box)
        return;
    box->activate();
    const int needed = box->totalHeightForWidth(width());
    if (needed > 0 && needed != minimumHeight())
        setMinimumHeight(needed);
}

void AutoSaveDialog::accept()
{
    refresh();
    if (!m_problem.isEmpty())
        return;
    m_settings->setValue(Settings::embedSettingsInImages, m_embed->isChecked());
    m_settings->setValue(Settings::autoSaveEnabled, m_enabled->isChecked());
    m_settings->setValue(Settings::autoSaveFolder,
                         QDir::fromNativeSeparators(m_folder->text().trimmed()));
    // The default is stored as "" so that it follows Easel's default when that changes; a pattern
    // of the designer's own is kept as written.
    const QString pattern = m_template->text().trimmed();
    m_settings->setValue(Settings::autoSaveTemplate,
                         FileNameTemplate::patternOrDefault(pattern)
                                 == QLatin1String(FileNameTemplate::defaultTemplate)
                             ? QString()
                             : pattern);
    m_settings->sync();
    QDialog::accept();
}
