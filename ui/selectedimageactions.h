#pragma once

#include "model/imageasset.h"
#include "model/turn.h"

#include <QObject>

class ConversationModel;
class ConversationView;
class QAction;

// The window's keys for the image selected in the conversation (ImageSelection: the one clicked,
// or the newest): Save Image As… (Ctrl+S), Copy Image (Ctrl+C) and View Image Full Screen (F11).
// With no image to act on, each says so in statusMessage() instead of doing nothing.
class SelectedImageActions : public QObject
{
    Q_OBJECT
public:
    SelectedImageActions(ConversationView *view, const ConversationModel *model, QObject *parent);

    QAction *saveAction() const { return m_save; }
    QAction *copyAction() const { return m_copy; }
    QAction *fullScreenAction() const { return m_fullScreen; }

Q_SIGNALS:
    void saveRequested(const ImageAsset &image, const Turn &turn);
    void copyRequested(const ImageAsset &image);
    void fullScreenRequested(const ImageAsset &image);
    void statusMessage(const QString &message, int timeoutMs);

private:
    // The selected image and its turn; false, with a message that there is none to `verb`.
    bool selected(const QString &verb, Turn *turn, ImageAsset *image);

    ConversationView *m_view;
    const ConversationModel *m_model;
    QAction *m_save;
    QAction *m_copy;
    QAction *m_fullScreen;
};
