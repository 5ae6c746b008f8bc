#pragma once

#include "model/turn.h"

#include <QObject>
#include <QRect>

class ConversationView;
class QPainter;

// The image of a conversation that Ctrl+S, Ctrl+C and F11 act on. The designer picks it by
// clicking an image (or opening its menu), or walks the conversation's images with Left and Right
// in the view; until then, and once the picked image has left the conversation, it is the newest
// image that can be shown. A picked image is outlined in the view so the keys' target is never a
// guess; the newest-image default is not, as it needs no outline to be found.
class ImageSelection : public QObject
{
    Q_OBJECT
public:
    explicit ImageSelection(ConversationView *view);

    // The image the keys act on, or a null ref when the conversation has no image to show.
    ImageRef current() const;
    // Whether the designer picked current() (it is outlined) rather than it being the default.
    bool isPicked() const;

    // Picks `image` (a null ref clears the pick); the outline moves with it.
    void pick(const ImageRef &image);
    // Picks the image `steps` images after (or before, when negative) current() in conversation
    // order, stopping at the ends, and scrolls it into view. False when there was nothing to move
    // to.
    bool step(int steps);

    // Outlines the picked image (from the view's paintEvent, on its viewport).
    void paint(QPainter *painter) const;

Q_SIGNALS:
    void changed(const ImageRef &current);

private:
    // Every image that can be shown, in conversation order.
    QList<ImageRef> viewableImages() const;
    QRect outline(const ImageRef &image) const;

    ConversationView *m_view;
    ImageRef m_picked;
};
