#pragma once

#include "model/turn.h"

#include <QList>
#include <QWidget>

class AttachmentStrip;
class ImageCache;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// Where the designer writes the prompt. Ctrl+Enter sends; while a turn runs, Send becomes Stop.
// Reference images waiting to go with the prompt show as thumbnails above it.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void clear();
    void setBusy(bool busy);
    void setHint(const QString &hint); // e.g. the estimated price of the next image
    void focusEditor();

    // Attaches a reference image for the next prompt. Its type is told from the file's first
    // bytes (PNG, JPEG, WebP or GIF); anything else is refused: false, with a plain sentence in
    // `error` and attachmentRefused(). Attaching a file already attached changes nothing.
    bool addAttachment(const QString &filePath, QString *error = nullptr);
    QList<Attachment> attachments() const;
    void clearAttachments();
    void setImageCache(ImageCache *cache); // thumbnails share the view's decoded images

Q_SIGNALS:
    void sendRequested(const QString &prompt);
    void stopRequested();
    void attachmentsChanged();
    void attachmentRefused(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void requestSend();
    void updateSendEnabled();

    AttachmentStrip *m_attachments;
    QPlainTextEdit *m_editor;
    QPushButton *m_send;
    QPushButton *m_stop;
    QLabel *m_hint;
    bool m_busy = false;
};
