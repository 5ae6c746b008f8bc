#include "selectedimageactions.h"

#include "chat/conversationmodel.h"
#include "conversationview.h"
#include "imageselection.h"

#include <QAction>

SelectedImageActions::SelectedImageActions(ConversationView *view, const ConversationModel *model,
                                           QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_model(model)
    , m_save(new QAction(tr("&Save Image As…"), this))
    , m_copy(new QAction(tr("&Copy Image"), this))
    , m_fullScreen(new QAction(tr("View Image &Full Screen"), this))
{
    m_save->setObjectName(QStringLiteral("saveSelectedImageAction"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the selected image, or the newest one, with its settings"));
    connect(m_save, &QAction::triggered, this, [this] {
        Turn turn;
        ImageAsset image;
        if (selected(tr("save"), &turn, &image))
            Q_EMIT saveRequested(image, turn);
    });

    m_copy->setObjectName(QStringLiteral("copySelectedImageAction"));
    // Text fields keep Ctrl+C for their own selection: they take the key before the window does.
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setToolTip(tr("Copy the selected image, or the newest one"));
    connect(m_copy, &QAction::triggered, this, [this] {
        Turn turn;
        ImageAsset image;
        if (selected(tr("copy"), &turn, &image))
            Q_EMIT copyRequested(image);
    });

    m_fullScreen->setObjectName(QStringLiteral("fullScreenImageAction"));
    m_fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    m_fullScreen->setToolTip(tr("Show the selected image, or the newest one, on the whole screen"));
    connect(m_fullScreen, &QAction::triggered, this, [this] {
        Turn turn;
        ImageAsset image;
        if (selected(tr("show"), &turn, &image))
            Q_EMIT fullScreenRequested(image);
    });
}

bool SelectedImageActions::selected(const QString &verb, Turn *turn, ImageAsset *image)
{
    const ImageRef current = m_view->imageSelection()->current();
    const int row = current.isNull() ? -1 : m_model->rowOfTurn(current.turnId);
    const std::optional<ImageAsset> found = m_model->findImage(current);
    if (row < 0 || !found) {
        Q_EMIT statusMessage(tr("There is no image to %1 in this conversation yet.").arg(verb),
                             5000);
        return false;
    }
    *turn = m_model->turnAt(row);
    *image = *found;
    return true;
}
