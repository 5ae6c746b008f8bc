#pragma once

#include "model/turn.h"

#include <QObject>
#include <QPersistentModelIndex>
#include <QRect>
#include <QVariantAnimation>

class ConversationView;
class QPainter;

// Takes a ConversationView to an image of one of its turns (an edit's Original: the parent it
// was made from) and outlines that turn for a moment, fading, so the eye finds where the view
// jumped. The scroll goes through the view's scrollTo(), so the rows around the target are laid
// out exactly before it lands.
class TurnRevealer : public QObject
{
    Q_OBJECT
public:
    static constexpr int durationMs = 1200;

    explicit TurnRevealer(ConversationView *view);

    // Scrolls so that `image` shows, its turn's top never above the viewport's, and starts the
    // outline. False, and nothing moves, when the image is not in the view's conversation.
    bool reveal(const ImageRef &image);
    // The outlined row while its outline shows; invalid once it has faded.
    QModelIndex highlightedRow() const;
    qreal opacity() const;
    // Draws the outline at its current opacity (from the view's paintEvent, on its viewport).
    void paint(QPainter *painter) const;

private:
    QRect outline(const QModelIndex &index) const;
    void repaint();

    ConversationView *m_view;
    QPersistentModelIndex m_row;
    QVariantAnimation m_fade;
    QRect m_painted; // where the outline was last drawn, to clear it when it moves or ends
};
