#pragma once

#include "turn.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QSize>
#include <QString>

// The words the conversation shows under a turn, in one place: the view paints them
// (TurnLayout) and the conversation model hands them to screen readers
// (ConversationModel's accessible description), so both say the same thing.
class TurnText
{
    Q_DECLARE_TR_FUNCTIONS(TurnText)

public:
    // The line under a running or ended turn: "Generating… 12 s", the error, "Stopped", ...
    // Empty when there is nothing to say. Without a valid `now` a running turn says only
    // "Generating…".
    static QString statusLine(const Turn &turn, const QDateTime &now);
    // "in 1,889 · out 1,434 (reasoning 1,280) · image 196 tokens · 1 image · $0.04 estimated ·
    // 38.2 s"; empty while the turn runs.
    static QString usageLine(const Turn &turn);
    // "1024 × 1024".
    static QString pixelSize(const QSize &size);
    // "12 s", "12.3 s" (with tenths), "2 min 05 s".
    static QString duration(qint64 ms, bool tenths);
    // The locale numbers are written in: the system's, but with group separators even in the
    // "C" locale of a bare environment, where token counts would otherwise run together.
    static QLocale numberLocale();
};
