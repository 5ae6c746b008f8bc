#include "composer.h"

#include "attachmentstrip.h"
#include "edittargetbar.h"
#include "filedialogs.h"
#include "imagefilecheck.h"
#include "inlinenotice.h"
#include "keyboardshortcutsdialog.h"
#include "palettetint.h"
#include "pastedimagewriter.h"
#include "store/imageexporter.h"
#include "viewpalette.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include <functional>

namespace {

// The prompt editor, with a say in what a paste inserts: QPlainTextEdit asks these two for Ctrl+V,
// Shift+Insert and the context menu's Paste alike, so every way of pasting an image attaches it.
class PromptEdit final : public QPlainTextEdit
{
public:
    using Test = std::function<bool(const QMimeData *)>;

    PromptEdit(QWidget *parent, Test canAttach, Test attach)
        : QPlainTextEdit(parent)
        , m_canAttach(std::move(canAttach))
        , m_attach(std::move(attach))
    {
    }

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override
    {
        return m_canAttach(source) || QPlainTextEdit::canInsertFromMimeData(source);
    }
    void insertFromMimeData(const QMimeData *source) override
    {
        if (!m_attach(source))
            QPlainTextEdit::insertFromMimeData(source);
    }

private:
    Test m_canAttach;
    Test m_attach;
};

} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_editBar(new EditTargetBar(this))
    , m_attachments(new AttachmentStrip(this))
    , m_editor(new PromptEdit(
          this, [this](const QMimeData *data) { return canPasteAttachment(data); },
          [this](const QMimeData *data) { return pasteAttachment(data); }))
    , m_send(new QPushButton(tr("Send"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_attach(new QToolButton(this))
    , m_attachAction(new QAction(tr("Attach image…"), this))
    , m_hint(new QLabel(this))
    , m_notice(new InlineNotice(this))
    , m_pastes(new PastedImageWriter(this))
{
    setObjectName(QStringLiteral("composer"));
    // Dropped files are attached wherever they land on the composer (strip, margins, buttons);
    // the editor's own drops are taken in eventFilter before its text control sees them.
    setAcceptDrops(true);
    m_editor->setObjectName(QStringLiteral("promptEdit"));
    m_editor->setPlaceholderText(placeholder(false));
    m_editor->setAccessibleName(tr("Prompt"));
    m_editor->setToolTip(tr("Describe the image. Ctrl+Enter sends it."));
    m_editor->setTabChangesFocus(true);
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * 4 + 16);
    m_editor->installEventFilter(this);
    m_hint->installEventFilter(this);
    m_editor->viewport()->installEventFilter(this); // where a real drag over the text arrives

    m_send->setObjectName(QStringLiteral("sendButton"));
    // Not a default button: in Fusion its frame is the focus frame, so focus on Send could not
    // be seen (found by QA). In a main window Return never pressed it anyway.
    m_send->setAccessibleName(tr("Send"));
    m_send->setToolTip(tr("Send the prompt (Ctrl+Enter)"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setAccessibleName(tr("Stop"));
    m_stop->setToolTip(tr("Stop the running turn (Esc); what arrived is kept"));
    m_stop->hide();

    // An action rather than the button's own shortcut, so Ctrl+Shift+A works only while focus is
    // in the composer and leaves the rest of the window's keys alone.
    m_attachAction->setObjectName(QStringLiteral("attachAction"));
    m_attachAction->setProperty(KeyboardShortcutsDialog::shortcutGroupProperty, tr("Composer"));
    m_attachAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attachAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_attachAction->setToolTip(
        tr("Attach reference images for the next prompt (Ctrl+Shift+A); you can also drop or "
           "paste them"));
    addAction(m_attachAction);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setDefaultAction(m_attachAction);
    m_attach->setAccessibleName(tr("Attach image"));
    m_attach->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_attach->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_notice->setObjectName(QStringLiteral("attachmentNotice"));
    connect(m_notice, &InlineNotice::dismissed, this, [this] { m_refusals.clear(); });

    m_hint->setObjectName(QStringLiteral("composerHint"));
    // Wrapped, so a longer hint (an edit's "+ the reference image's input") takes a second line
    // rather than widening the window's middle and squeezing the sidebar (found by QA).
    m_hint->setWordWrap(true);
    // Read, not a placeholder: the PlaceholderText role (Text at half opacity in Fusion's light
    // palette) gives 3.9:1 on the window, under the 4.5 text needs; the secondary grey keeps it.
    PaletteTint::apply(m_hint, ViewPalette::secondaryText);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_attach);
    buttons->addStretch();

    auto *row = new QHBoxLayout;
    row->addWidget(m_editor, 1);
    row->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(sideMargin, 6, sideMargin, 8);
    layout->setSpacing(4);
    layout->addWidget(m_editBar);
    layout->addWidget(m_attachments);
    layout->addWidget(m_notice);
    layout->addLayout(row);
    layout->addWidget(m_hint);

    connect(m_send, &QPushButton::clicked, this, &Composer::requestSend);
    connect(m_stop, &QPushButton::clicked, this, &Composer::stopRequested);
    connect(m_attachAction, &QAction::triggered, this, &Composer::chooseAttachments);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &Composer::updateSendEnabled);
    connect(m_pastes, &PastedImageWriter::written, this,
            [this](const QString &path) { addAttachment(path); });
    connect(m_pastes, &PastedImageWriter::failed, this, &Composer::refuse);
    connect(m_pastes, &PastedImageWriter::busyChanged, this, [this] {
        updateHint();
        updateSendEnabled();
    });
    connect(m_attachments, &AttachmentStrip::attachmentsChanged, this,
            &Composer::onAttachmentsChanged);
    connect(m_attachments, &AttachmentStrip::maskRequested, this, [this](const QString &file) {
        Q_EMIT maskRequested(file, file == m_maskedFile ? m_maskPath : QString());
    });
    connect(m_attachments, &AttachmentStrip::maskRemoved, this, &Composer::clearMask);
    connect(m_editBar, &EditTargetBar::maskRequested, this, [this] {
        Q_EMIT maskRequested(m_editFile, m_maskedFile == m_editFile ? m_maskPath : QString());
    });
    connect(m_editBar, &EditTargetBar::maskRemoved, this, &Composer::clearMask);
    connect(m_editBar, &EditTargetBar::cancelled, this, &Composer::clearEditTarget);
    updateSendEnabled();
}

Composer::~Composer() = default;

QString Composer::placeholder(bool editing)
{
    return editing ? tr("Describe the change…  (Ctrl+Enter to send)")
                   : tr("Describe the image you want…  (Ctrl+Enter to send)");
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

void Composer::giveBackText(const QString &text)
{
    m_editor->setPlainText(text);
    m_editor->selectAll();
}

void Composer::clear()
{
    m_editor->clear();
}

void Composer::setBusy(bool busy)
{
    // Space on Send used to hide the focused button and hand focus to the next in the chain,
    // "Attach image…", where a second Space opened a file dialog (found by QA). Focus goes to
    // Stop, in Send's place, and when the turn ends back to the prompt, ready for the next one.
    const bool buttonFocused = m_send->hasFocus() || m_stop->hasFocus();
    m_busy = busy;
    QPushButton *shown = busy ? m_stop : m_send;
    shown->show();
    if (buttonFocused)
        (busy ? static_cast<QWidget *>(m_stop) : m_editor)->setFocus(Qt::OtherFocusReason);
    (busy ? m_send : m_stop)->hide();
    updateSendEnabled();
}

void Composer::setColumnInsets(int left, int right)
{
    m_wantedLeftInset = left;
    m_wantedRightInset = right;
    applyColumnInsets();
}

void Composer::applyColumnInsets()
{
    // The insets come out of the room beyond the composer's own minimum: on a window narrowed
    // faster than the column follows, they give way rather than squeeze the prompt and its
    // buttons over each other (QA: "tach image" drawn across the prompt).
    const int wantedLeft = std::max(m_wantedLeftInset, sideMargin) - sideMargin;
    const int wantedRight = std::max(m_wantedRightInset, sideMargin) - sideMargin;
    const int room = std::max(0, width() - minimumSizeHint().width());
    int left = wantedLeft;
    int right = wantedRight;
    if (wantedLeft + wantedRight > room) {
        left = int(qint64(wantedLeft) * room / (wantedLeft + wantedRight));
        right = room - left;
    }
    QMargins margins = layout()->contentsMargins();
    margins.setLeft(sideMargin + left);
    margins.setRight(sideMargin + right);
    if (margins == layout()->contentsMargins())
        return;
    m_columnInsetsExtra = left + right;
    layout()->setContentsMargins(margins);
}

void Composer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyColumnInsets();
}

QSize Composer::minimumSizeHint() const
{
    // The insets come out of room the window has to spare and shrink with it: they must not stop
    // the window from getting narrower again.
    QSize size = QWidget::minimumSizeHint();
    size.rwidth() -= m_columnInsetsExtra;
    if (!m_hint->isHidden())
        size.rheight() += m_hintExtraHeight;
    return size;
}

QSize Composer::sizeHint() const
{
    QSize size = QWidget::sizeHint();
    size.rwidth() -= m_columnInsetsExtra;
    return size;
}

void Composer::setHint(const QString &hint)
{
    m_hintText = hint;
    updateHint();
}

void Composer::updateHint()
{
    // The hint's short parts hold together when it wraps, so that "1536 × 1024" or "High
    // quality" is never cut in two on a narrow window (QA); a long one (a price with its
    // reference images) may still wrap inside, or it would hold the composer wide.
    constexpr qsizetype longestUnbroken = 24;
    QStringList parts = m_hintText.split(QStringLiteral(" · "));
    for (QString &part : parts) {
        if (part.size() <= longestUnbroken)
            part.replace(u' ', QChar::Nbsp);
    }
    m_hint->setText(isAttaching() ? tr("Attaching the pasted image…")
                                  : parts.join(QStringLiteral(" · ")));
}

void Composer::setPasteFolder(const QString &folder)
{
    m_pastes->setFolder(folder);
}

bool Composer::isAttaching() const
{
    return m_pastes->isBusy();
}

void Composer::focusEditor()
{
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool Composer::addAttachment(const QString &filePath, QString *error)
{
    const QFileInfo info(filePath);
    const QString name = info.fileName().isEmpty() ? filePath : info.fileName();
    // Only the header is read here; the bytes are read when the prompt is sent.
    QString reason;
    const QString mimeType = ImageFileCheck::mimeType(filePath, &reason);
    if (mimeType.isEmpty()) {
        const QString problem = tr("%1 cannot be attached: %2.").arg(name, reason);
        if (error)
            *error = problem;
        refuse(problem);
        return false;
    }
    m_attachments->add({ info.absoluteFilePath(), mimeType });
    return true;
}

QList<Attachment> Composer::attachments() const
{
    return m_attachments->attachments();
}

void Composer::clearAttachments()
{
    m_attachments->clear();
}

void Composer::setImageCache(ImageCache *cache)
{
    m_attachments->setImageCache(cache);
    m_editBar->setImageCache(cache);
}

void Composer::onAttachmentsChanged()
{
    if (!m_maskedFile.isEmpty() && m_maskedFile != m_editFile
        && !m_attachments->contains(m_maskedFile))
        clearMask(); // its image was removed
    Q_EMIT attachmentsChanged();
}

void Composer::setEditTarget(const ImageRef &image, const QString &filePath, const QString &label)
{
    clearMask();
    m_editTarget = image;
    m_editFile = filePath;
    m_editLabel = label;
    m_editBar->setTarget(filePath, label);
    m_editor->setPlaceholderText(placeholder(true));
    // While an image is edited its mask is the only one a turn can carry (it applies to the
    // first input image, which is the edited one).
    m_attachments->setMaskingEnabled(false);
    Q_EMIT editTargetChanged();
}

void Composer::setEditNote(const QString &note)
{
    m_editBar->setNote(note);
}

void Composer::clearEditTarget()
{
    if (m_editTarget.isNull())
        return;
    if (m_maskedFile == m_editFile)
        clearMask();
    m_editTarget = {};
    m_editFile.clear();
    m_editLabel.clear();
    m_editBar->clearTarget();
    m_editor->setPlaceholderText(placeholder(false));
    m_attachments->setMaskingEnabled(true);
    Q_EMIT editTargetChanged();
}

void Composer::setMask(const QString &maskPath, const QString &imageFile, const QString &summary)
{
    m_maskPath = maskPath;
    m_maskedFile = imageFile;
    m_maskSummary = summary;
    const bool onEdit = !m_editFile.isEmpty() && imageFile == m_editFile;
    m_editBar->setMaskSummary(onEdit ? summary : QString());
    m_attachments->setMaskedFile(onEdit ? QString() : imageFile, summary);
}

void Composer::clearMask()
{
    m_maskPath.clear();
    m_maskedFile.clear();
    m_maskSummary.clear();
    m_editBar->setMaskSummary({});
    m_attachments->setMaskedFile({}, {});
}

void Composer::clearInputs()
{
    clearEditTarget();
    clearMask();
    m_attachments->clear();
    beginAttaching();
}

QString Composer::notice() const
{
    return m_notice->text();
}

void Composer::showSendRefusal(const QString &why)
{
    m_refusals.clear();
    m_notice->setText(why);
}

void Composer::beginAttaching()
{
    m_refusals.clear();
    m_notice->dismiss();
}

void Composer::refuse(const QString &problem)
{
    // A drop of a whole folder's worth of files must not push the prompt off the window: the
    // first few are named, the rest counted.
    constexpr int shown = 3;
    m_refusals << problem;
    QStringList lines = m_refusals.mid(0, shown);
    if (m_refusals.size() > shown)
        lines << tr("%n more file(s) cannot be attached either.", nullptr,
                    int(m_refusals.size() - shown));
    m_notice->setText(lines.join(u'\n'));
    Q_EMIT attachmentRefused(problem);
}

void Composer::chooseAttachments()
{
    const QStringList files
        = FileDialogs::getOpenImageFileNames(this, tr("Attach Reference Images"));
    if (files.isEmpty())
        return; // cancelled
    beginAttaching();
    for (const QString &file : files)
        addAttachment(file);
    focusEditor();
}

bool Composer::canPasteAttachment(const QMimeData *data) const
{
    return !ImageFileCheck::localImageFiles(data).isEmpty()
        || (data && data->hasImage() && !data->hasText());
}

bool Composer::pasteAttachment(const QMimeData *data)
{
    // Copied image files come first: the file's own bytes go out, not a re-encoded copy (the main
    // window's Copy Image puts both the pixels and the file's URL on the clipboard).
    const QStringList files = ImageFileCheck::localImageFiles(data);
    if (!files.isEmpty() || (data && data->hasImage() && !data->hasText()))
        beginAttaching();
    if (!files.isEmpty()) {
        for (const QString &file : files)
            addAttachment(keptCopyOf(file));
        return true;
    }
    // Office suites put a picture of copied text beside the text itself; the text is what the
    // designer meant. A browser's Copy Image carries no plain text.
    if (!data || !data->hasImage() || data->hasText())
        return false;
    const QImage image = qvariant_cast<QImage>(data->imageData());
    if (image.isNull())
        refuse(tr("The pasted image cannot be attached: the clipboard's image cannot be read."));
    else
        m_pastes->write(image); // attached once written
    return true;
}

QString Composer::keptCopyOf(const QString &file)
{
    // A sent turn keeps its references' paths. A file in the temporary folder (Easel's own Copy
    // Image, a browser's drag) is gone after a restart, so it is copied beside the pasted images
    // first (found by QA: a copied and pasted image was a grey tile in the next session).
    const QString temp = QDir(QDir::tempPath()).canonicalPath() + u'/';
    const QFileInfo info(file);
    const QString pasteFolder = m_pastes->folder();
    if (pasteFolder.isEmpty() || !info.canonicalFilePath().startsWith(temp)
        || info.canonicalPath() == QDir(pasteFolder).canonicalPath())
        return file;
    const QDir folder(pasteFolder);
    const QString copy = ImageExporter::uniquePath(folder.filePath(info.fileName()));
    if (!folder.mkpath(QStringLiteral(".")) || !QFile::copy(file, copy))
        return file; // attached as it is: better than refused
    return copy;
}

bool Composer::handleDrag(QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
        return !ImageFileCheck::acceptLocalFiles(static_cast<QDropEvent *>(event)).isEmpty();
    case QEvent::Drop: {
        const QStringList files
            = ImageFileCheck::acceptLocalFiles(static_cast<QDropEvent *>(event));
        if (!files.isEmpty())
            beginAttaching();
        for (const QString &file : files)
            addAttachment(keptCopyOf(file));
        return !files.isEmpty();
    }
    default:
        return false;
    }
}

void Composer::dragEnterEvent(QDragEnterEvent *event)
{
    if (!handleDrag(event))
        QWidget::dragEnterEvent(event);
}

void Composer::dragMoveEvent(QDragMoveEvent *event)
{
    if (!handleDrag(event))
        QWidget::dragMoveEvent(event);
}

void Composer::dropEvent(QDropEvent *event)
{
    if (!handleDrag(event))
        QWidget::dropEvent(event);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_hint && event->type() == QEvent::Resize) {
        // The wrapped hint's lines at its new width: the composer's minimum height follows,
        // or a short window would paint the hint over the prompt (QA).
        const int extra = std::max(
            0, m_hint->heightForWidth(m_hint->width()) - m_hint->minimumSizeHint().height());
        if (extra != m_hintExtraHeight) {
            m_hintExtraHeight = extra;
            updateGeometry();
        }
    }
    if ((watched == m_editor || watched == m_editor->viewport()) && handleDrag(event))
        return true;
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && (key->modifiers() & Qt::ControlModifier)) {
            requestSend();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::requestSend()
{
    const QString prompt = m_editor->toPlainText().trimmed();
    if (m_busy || isAttaching() || prompt.isEmpty())
        return; // a paste still being written would be left out of the turn
    Q_EMIT sendRequested(prompt);
}

void Composer::updateSendEnabled()
{
    m_send->setEnabled(!m_busy && !isAttaching() && !m_editor->toPlainText().trimmed().isEmpty());
}
