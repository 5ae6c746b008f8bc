#pragma once

#include <QCoreApplication>

class QFont;
class QPainter;
class QPalette;
class QRect;
class QString;

// What an empty conversation view shows instead of a blank page: what to do to begin.
class EmptyConversationHint
{
    Q_DECLARE_TR_FUNCTIONS(ConversationView)

public:
    // Centred in `area`, in `font` (the title larger) and the palette's text colour; `note`,
    // when given, is a last paragraph (where the images come from, on the offline demo).
    static void paint(QPainter *painter, const QRect &area, const QFont &font,
                      const QPalette &palette, const QString &note = {});
};
