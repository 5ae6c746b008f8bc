#pragma once

#include <QStringList>
#include <QWidget>

class AttachmentStrip;
class ImageCache;
class QAction;
class QLabel;
class QPushButton;

// The reference images every cell of a comparison is sent with, in the Compare window's setup
// panel under the prompt: the composer's thumbnail strip (remove with ×), an "Add Reference
// Images…" button (Ctrl+Shift+A in the panel), and image files dropped anywhere on the panel.
// Files are checked as the composer checks them (ImageFileCheck) when they are added; what was
// refused, the notes of the last preparation ("chair.jpg scaled from …") or why the images
// could not be sent show in a line under the strip. A stored run's mask (from `easel compare
// --mask`) is kept with its one image and shown as a badge on it; none is drawn here.
//
// Object names, for tests: "compareReferences", "compareAddReferencesButton",
// "compareReferencesStatus", the strip's "attachmentStrip" and its tiles.
class CompareReferencePicker : public QWidget
{
    Q_OBJECT
public:
    explicit CompareReferencePicker(QWidget *parent = nullptr);

    QStringList files() const; // absolute paths, in the order added
    QString maskPath() const { return m_maskPath; }
    // Shows `files` (and their mask) as they are, unchecked: a stored run shows what it was sent
    // with, even a file that has gone since (its tile says so).
    void setFiles(const QStringList &files, const QString &maskPath = {});
    // Checks and appends `path`; false with the reason shown (and in `error`) when it cannot be
    // a reference image. A file already there changes nothing.
    bool addFile(const QString &path, QString *error = nullptr);
    void addFiles(const QStringList &paths);
    void removeAt(int index);
    // What the button does: asks for images (through FileDialogs) and adds each one chosen.
    void chooseFiles();

    // Drops of files anywhere on `area` (which holds this picker) add them, and Ctrl+Shift+A
    // while the focus is in it asks for images. The widgets in it that take drops of their own
    // (the prompt, the value lines) leave files to this picker.
    void takeDropsOn(QWidget *area);
    // While a run runs, nothing is added or removed (drops are ignored).
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    // The files as they are now: the first one that cannot be sent any more (gone, unreadable,
    // no longer an image) as a sentence, or "". Only headers are read.
    QString recheck() const;

    // The line under the strip: a note (secondary text), an error (in red), or nothing.
    void showNote(const QString &text);
    void showError(const QString &text);
    void clearStatus();
    QString statusText() const;

    void setImageCache(ImageCache *cache);
    AttachmentStrip *strip() const { return m_strip; }

Q_SIGNALS:
    void filesChanged();
    void refused(const QString &message); // a picked or dropped file that cannot be used

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool handleDrag(QEvent *event);
    QString tryAdd(const QString &path); // "" when added (or there already), else why not
    void showStatus(const QString &text, bool error);

    AttachmentStrip *m_strip;
    QPushButton *m_add;
    QAction *m_addAction;
    QLabel *m_status;
    QString m_maskPath;
    bool m_editable = true;
};
