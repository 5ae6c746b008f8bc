#include "composer.h"

#include "attachmentstrip.h"
#include "model/imagesniff.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_attachments(new AttachmentStrip(this))
    , m_editor(new QPlainTextEdit(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("composer"));
    m_editor->setObjectName(QStringLiteral("promptEdit"));
    m_editor->setPlaceholderText(tr("Describe the image you want…  (Ctrl+Enter to send)"));
    m_editor->setAccessibleName(tr("Prompt"));
    m_editor->setToolTip(tr("Describe the image. Ctrl+Enter sends it."));
    m_editor->setTabChangesFocus(true);
    m_editor->setFixedHeight(m_editor->fontMetrics().lineSpacing() * 4 + 16);
    m_editor->installEventFilter(this);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_send->setAccessibleName(tr("Send"));
    m_send->setToolTip(tr("Send the prompt (Ctrl+Enter)"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setAccessibleName(tr("Stop"));
    m_stop->setToolTip(tr("Stop the running turn (Esc); what arrived is kept"));
    m_stop->hide();

    m_hint->setObjectName(QStringLiteral("composerHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    buttons->addStretch();

    auto *row = new QHBoxLayout;
    row->addWidget(m_editor, 1);
    row->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 8);
    layout->setSpacing(4);
    layout->addWidget(m_attachments);
    layout->addLayout(row);
    layout->addWidget(m_hint);

    connect(m_send, &QPushButton::clicked, this, &Composer::requestSend);
    connect(m_stop, &QPushButton::clicked, this, &Composer::stopRequested);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &Composer::updateSendEnabled);
    connect(m_attachments, &AttachmentStrip::attachmentsChanged, this,
            &Composer::attachmentsChanged);
    updateSendEnabled();
}

QString Composer::text() const
{
    return m_editor->toPlainText();
}

void Composer::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

void Composer::clear()
{
    m_editor->clear();
}

void Composer::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setVisible(!busy);
    m_stop->setVisible(busy);
    updateSendEnabled();
}

void Composer::setHint(const QString &hint)
{
    m_hint->setText(hint);
}

void Composer::focusEditor()
{
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool Composer::addAttachment(const QString &filePath, QString *error)
{
    const QFileInfo info(filePath);
    const QString name = info.fileName().isEmpty() ? filePath : info.fileName();
    QString problem;
    QString mimeType;
    if (!info.exists()) {
        problem = tr("%1 cannot be attached: the file does not exist.").arg(name);
    } else if (!info.isFile()) {
        problem = tr("%1 cannot be attached: it is not a file.").arg(name);
    } else {
        // Only the header is read here; the bytes are read when the prompt is sent.
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            problem = tr("%1 cannot be attached: %2.").arg(name, file.errorString());
        } else {
            mimeType = ImageSniff::mimeType(file.read(ImageSniff::bytesNeeded));
            if (mimeType.isEmpty())
                problem = tr("%1 cannot be attached: it is not a PNG, JPEG, WebP or GIF image.")
                              .arg(name);
        }
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        Q_EMIT attachmentRefused(problem);
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
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
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
    if (m_busy || prompt.isEmpty())
        return;
    Q_EMIT sendRequested(prompt);
}

void Composer::updateSendEnabled()
{
    m_send->setEnabled(!m_busy && !m_editor->toPlainText().trimmed().isEmpty());
}
