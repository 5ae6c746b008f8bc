#pragma once

#include "maskeditordialog.h"
#include "model/turn.h"

#include <QObject>

#include <QPointer>
#include <QString>
#include <functional>

class ChatSession;
class Composer;
class QImage;
class QWidget;

// "Edit This Image" and masks, between the conversation view, the composer and the mask editor:
// picking an image makes it the composer's edit target; drawing a mask reads the image off the
// GUI thread, opens the editor and keeps the result as a PNG in the mask folder, where the turn
// that sends it records its path. Kept out of MainWindow so the window only connects signals.
class EditingController : public QObject
{
    Q_OBJECT
public:
    EditingController(ChatSession *session, Composer *composer, QWidget *window);

    // Where masks are written (beside the image store, so turns keep valid paths).
    void setMaskFolder(const QString &folder) { m_maskFolder = folder; }

    // The next turn edits `image` of the shown conversation. False (and a status message) when
    // the image is not there or not finished.
    bool editImage(const ImageRef &image);
    // The same, then the mask editor opens on it. Cancel there gives back the edit target the
    // composer had before: "Edit with Mask…" then Cancel edits nothing.
    void editImageWithMask(const ImageRef &image);
    // Opens the mask editor on `imageFile` (an edit target or an attachment), starting from
    // `existingMask` when there is one.
    void openMaskEditor(const QString &imageFile, const QString &existingMask);

    MaskEditorDialog *maskEditor() const { return m_dialog; } // the open one, for tests

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    void maskEditorOpened(MaskEditorDialog *dialog);

private:
    void showEditor(const QString &imageFile, const QImage &image, const QImage &mask);
    void acceptMask(const QString &imageFile, const QImage &mask, const QString &summary);
    void undoTargetChange(); // runs and forgets m_undoTarget

    ChatSession *m_session;
    Composer *m_composer;
    QWidget *m_window;
    QString m_maskFolder;
    QPointer<MaskEditorDialog> m_dialog;
    std::function<void()> m_undoTarget; // set by editImageWithMask until its editor closes
    int m_brushSize = 0; // the mask editor's last, for the next one; 0 before the first
};
