#pragma once

#include "model/turn.h"

#include <QList>
#include <QWidget>

#include <memory>

class AttachmentStrip;
class EditTargetBar;
class InlineNotice;
class PastedImageWriter;
class ImageCache;
class QAction;
class QDragEnterEvent;
class QDragMoveEvent;
class QDropEvent;
class QImage;
class QLabel;
class QMimeData;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

// Where the designer writes the prompt. Ctrl+Enter sends; while a turn runs, Send becomes Stop.
// Reference images waiting to go with the prompt show as thumbnails above it. They come in three
// ways: the Attach button (Ctrl+Shift+A), files dropped anywhere on the composer, and a paste
// into the prompt of image files or of a bitmap (saved as PNG off the GUI thread; Send waits for
// it). A drop of local files is always the composer's, so the main window's "restore
// these settings" drop never fires here; a file that is not an image is refused by name, in a
// notice above the prompt that lists every refusal of the last attach, drop or paste.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);
    ~Composer() override;

    QString text() const;
    void setText(const QString &text);
    // Puts back a prompt that was not sent, selected: what is typed next replaces it rather than
    // being appended to it unseen (found by QA: "please fail this onefake four…" was sent).
    void giveBackText(const QString &text);
    void clear();
    void setBusy(bool busy);
    void setHint(const QString &hint); // e.g. the estimated price of the next image
    // Lines the prompt and its buttons up with the conversation's column above: `left` and
    // `right` pixels in from this widget's sides (never less than its own margin).
    void setColumnInsets(int left, int right);
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;
    void focusEditor();

    // Attaches a reference image for the next prompt. Its type is told from the file's first
    // bytes (PNG, JPEG, WebP or GIF); anything else is refused: false, with a plain sentence in
    // `error` and attachmentRefused(). Attaching a file already attached changes nothing.
    // Where pasted bitmaps are written. A sent turn keeps their paths, so the window gives a
    // folder that lasts (beside the image store); without one they go to a temporary folder
    // that is removed with the composer.
    void setPasteFolder(const QString &folder);
    // A pasted bitmap is still being written; it is attached when it is.
    bool isAttaching() const;
    bool addAttachment(const QString &filePath, QString *error = nullptr);
    QList<Attachment> attachments() const;
    void clearAttachments();
    void setImageCache(ImageCache *cache); // thumbnails share the view's decoded images
    // Asks for image files (through FileDialogs) and attaches each one chosen.
    void chooseAttachments();

    // The next turn edits `image` (a generated image at `filePath`), shown above the prompt;
    // `label` says which one. Replaces an earlier target and drops any mask.
    void setEditTarget(const ImageRef &image, const QString &filePath, const QString &label);
    void clearEditTarget();
    ImageRef editTarget() const { return m_editTarget; }
    QString editTargetFile() const { return m_editFile; }
    QString editTargetLabel() const { return m_editLabel; }
    // Shown beside the edit target, e.g. that the result will have another shape.
    void setEditNote(const QString &note);

    // The mask of the next turn, drawn on `imageFile`: the edited image or one attachment.
    // `summary` is shown beside it ("12% may change"). Removing that attachment or the edit
    // target drops the mask.
    void setMask(const QString &maskPath, const QString &imageFile, const QString &summary);
    void clearMask();
    QString maskPath() const { return m_maskPath; }
    QString maskedFile() const { return m_maskedFile; }
    QString maskSummary() const { return m_maskSummary; }
    // Everything that goes with the prompt is gone: attachments, edit target, mask, and the
    // notice of refused files.
    void clearInputs();
    // What the refusal notice says ("" when hidden).
    QString notice() const;
    // Why the prompt was not sent, above it (found by QA: said only in the status bar, across
    // the window, and gone in seconds). It stays until dismissed, a send, or the next attach.
    void showSendRefusal(const QString &why);

Q_SIGNALS:
    void sendRequested(const QString &prompt);
    void stopRequested();
    void attachmentsChanged();
    void editTargetChanged(); // set or cleared
    void attachmentRefused(const QString &message);
    // The designer wants to draw (or redraw) the mask of `imageFile`; `existingMask` is the
    // current one, or "".
    void maskRequested(const QString &imageFile, const QString &existingMask);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    static constexpr int sideMargin = 12;
    int m_columnInsetsExtra = 0; // the insets applied beyond sideMargin, both sides together
    // What setColumnInsets() asked for; applied as far as the composer's width allows.
    int m_wantedLeftInset = 0;
    int m_wantedRightInset = 0;
    void applyColumnInsets();
    int m_hintExtraHeight = 0; // the wrapped hint's lines beyond its minimum, at its width
    void requestSend();
    // A new attach, drop or paste begins: the refusals of the last one are forgotten.
    void beginAttaching();
    void refuse(const QString &problem);
    void updateSendEnabled();
    // Drag and drop: true when the event was the composer's (it carries local files).
    bool handleDrag(QEvent *event);
    // Paste: true when `data` held image files or a bitmap, now attached.
    bool canPasteAttachment(const QMimeData *data) const;
    bool pasteAttachment(const QMimeData *data);
    // `file`, or a copy of it in the paste folder when it lives in the temporary folder.
    QString keptCopyOf(const QString &file);
    void updateHint();

    void onAttachmentsChanged();
    static QString placeholder(bool editing); // the prompt's, with or without an edit target

    EditTargetBar *m_editBar;
    AttachmentStrip *m_attachments;
    QPlainTextEdit *m_editor;
    QPushButton *m_send;
    QPushButton *m_stop;
    QToolButton *m_attach;
    QAction *m_attachAction;
    QLabel *m_hint;
    InlineNotice *m_notice;
    QStringList m_refusals; // of the current attach, drop or paste
    QString m_hintText; // given by the window; a paste being written says so instead
    PastedImageWriter *m_pastes;
    ImageRef m_editTarget;
    QString m_editFile;
    QString m_editLabel;
    QString m_maskPath;
    QString m_maskedFile;
    QString m_maskSummary;
    bool m_busy = false;
};
