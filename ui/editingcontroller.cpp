#include "editingcontroller.h"

#include "chat/chatsession.h"
#include "composer.h"
#include "maskcanvas.h"
#include "maskeditordialog.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QImage>
#include <QImageReader>
#include <QtConcurrent>

#include <algorithm>
#include <utility>

namespace {

// Generated images are at most 3840x2160; a reference photo may be bigger, but a mask is drawn
// at full resolution, so something absurd is refused rather than decoded.
constexpr qint64 maxMaskedPixels = 100'000'000;

struct LoadedForMask
{
    QImage image;
    QImage mask;
    QString error;
};

LoadedForMask loadForMask(const QString &imageFile, const QString &maskFile)
{
    LoadedForMask loaded;
    const QString name = QFileInfo(imageFile).fileName();
    QImageReader reader(imageFile);
    // Upright, as ReferenceImages reports sizes: the mask must match what it checks against.
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > maxMaskedPixels) {
        loaded.error = QObject::tr("%1 is %2x%3 pixels, too large to draw a mask on.")
                           .arg(name)
                           .arg(size.width())
                           .arg(size.height());
        return loaded;
    }
    loaded.image = reader.read();
    if (loaded.image.isNull()) {
        loaded.error = QObject::tr("Cannot draw a mask on %1: %2.").arg(name, reader.errorString());
        return loaded;
    }
    if (!maskFile.isEmpty()) {
        // A mask that no longer reads is simply not the starting point.
        const QImage mask(maskFile);
        if (mask.size() == loaded.image.size())
            loaded.mask = mask.convertToFormat(QImage::Format_ARGB32);
    }
    return loaded;
}

} // namespace

EditingController::EditingController(ChatSession *session, Composer *composer, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_composer(composer)
    , m_window(window)
{
}

bool EditingController::editImage(const ImageRef &image)
{
    const ConversationModel *model = m_session->model();
    const int row = model->rowOfTurn(image.turnId);
    if (row < 0) {
        Q_EMIT statusMessage(tr("That image is no longer in this conversation."), 6000);
        return false;
    }
    const Turn &turn = model->turnAt(row);
    const auto it
        = std::find_if(turn.images.cbegin(), turn.images.cend(),
                       [&image](const ImageAsset &i) { return i.itemId == image.itemId; });
    if (it == turn.images.cend() || it->state != ImageAsset::State::Final
        || it->filePath.isEmpty()) {
        Q_EMIT statusMessage(tr("That image has not finished arriving; it cannot be edited yet."),
                             6000);
        return false;
    }
    QString prompt = turn.prompt.simplified();
    if (prompt.size() > 40)
        prompt = prompt.left(39) + QChar(0x2026);
    QString label = tr("the image of “%1”").arg(prompt);
    if (turn.finalImageCount() > 1) {
        const qsizetype index = std::count_if(turn.images.cbegin(), it, [](const ImageAsset &i) {
            return i.state == ImageAsset::State::Final;
        });
        label = tr("image %1 of “%2”").arg(index + 1).arg(prompt);
    }
    m_composer->setEditTarget(image, it->filePath, label);
    m_composer->focusEditor();
    return true;
}

void EditingController::editImageWithMask(const ImageRef &image)
{
    const ImageRef before = m_composer->editTarget();
    const bool editorOpen = m_dialog && m_dialog->isVisible();
    if (!editImage(image))
        return;
    openMaskEditor(m_composer->editTargetFile(), {});
    if (editorOpen)
        return; // that editor is raised; its own Cancel undoes nothing here
    m_undoTarget = [this, before, image] {
        if (!(m_composer->editTarget() == image))
            return; // the designer has picked something else meanwhile
        if (before.isNull())
            m_composer->clearEditTarget();
        else if (!(before == image))
            editImage(before);
    };
}

void EditingController::undoTargetChange()
{
    if (const std::function<void()> undo = std::exchange(m_undoTarget, {}))
        undo();
}

void EditingController::openMaskEditor(const QString &imageFile, const QString &existingMask)
{
    if (m_dialog && m_dialog->isVisible()) { // a closed one is only waiting to be deleted
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_undoTarget = {}; // only editImageWithMask's own editor undoes its target
    // Reading a full-size image takes tens of milliseconds: never on the GUI thread.
    auto *watcher = new QFutureWatcher<LoadedForMask>(this);
    connect(watcher, &QFutureWatcher<LoadedForMask>::finished, this, [this, watcher, imageFile] {
        watcher->deleteLater();
        const LoadedForMask loaded = watcher->result();
        if (!loaded.error.isEmpty()) {
            Q_EMIT statusMessage(loaded.error, 8000);
            undoTargetChange();
            return;
        }
        showEditor(imageFile, loaded.image, loaded.mask);
    });
    watcher->setFuture(QtConcurrent::run(loadForMask, imageFile, existingMask));
}

void EditingController::showEditor(const QString &imageFile, const QImage &image,
                                   const QImage &mask)
{
    m_dialog = new MaskEditorDialog(image, mask, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The brush the designer sized last time, not the default again (found by QA).
    if (m_brushSize > 0)
        m_dialog->canvas()->setBrushSize(m_brushSize);
    connect(m_dialog, &QDialog::finished, this,
            [this, dialog = m_dialog] { m_brushSize = dialog->canvas()->brushSize(); });
    connect(m_dialog, &QDialog::accepted, this, [this, imageFile, dialog = m_dialog] {
        m_undoTarget = {};
        acceptMask(imageFile, dialog->mask(),
                   MaskEditorDialog::statusText(dialog->canvas()->paintedFraction()));
    });
    connect(m_dialog, &QDialog::rejected, this, &EditingController::undoTargetChange);
    m_dialog->open();
    Q_EMIT maskEditorOpened(m_dialog);
}

void EditingController::acceptMask(const QString &imageFile, const QImage &mask,
                                   const QString &summary)
{
    // The edit target or the attachment may have gone while the editor was open.
    const bool onEdit = imageFile == m_composer->editTargetFile();
    const QList<Attachment> attachments = m_composer->attachments(); // one copy: begin and end
    const bool onAttachment
        = std::any_of(attachments.cbegin(), attachments.cend(),
                      [&imageFile](const Attachment &a) { return a.filePath == imageFile; });
    if (!onEdit && !onAttachment) {
        Q_EMIT statusMessage(tr("The mask was not kept: its image is no longer in the composer."),
                             6000);
        return;
    }
    QString error;
    const QString path = MaskEditorDialog::saveMask(mask, m_maskFolder, &error);
    if (path.isEmpty()) {
        Q_EMIT statusMessage(error, 8000);
        return;
    }
    m_composer->setMask(path, imageFile, summary);
}
