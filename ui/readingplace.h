#pragma once

#include <QString>

// Where the designer is reading a conversation: the turn at the top of the view and how many
// pixels of it are scrolled past. Null when the view is at the end, where a conversation opens
// anyway (found by QA: a long conversation reopened at its newest turn, not where it was read).
struct ReadingPlace
{
    QString turnId;
    int offset = 0; // pixels of the turn above the view's top

    bool isNull() const { return turnId.isEmpty(); }
};
