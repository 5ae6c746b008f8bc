#pragma once

#include "gateway/streamevent.h"
#include "model/turn.h"

#include <QCoreApplication>
#include <QImage>

// A normalized event after the stream worker handled its bytes: images are already in the store
// (or failed to get there) and the event no longer carries them.
struct ProcessedEvent
{
    StreamEvent event;
    ImageAsset asset; // for ImagePartial / ImageFinal: where the bytes went, or why they did not
    QImage decoded; // the same image decoded at full size, so the view need not read the file
    bool textCut = false; // TextDelta: the stream worker dropped text past maxTextLength
};

using ProcessedEvents = QList<ProcessedEvent>;
Q_DECLARE_METATYPE(ProcessedEvent)

// Applies processed events to a turn. Pure: no I/O, no signals, so every rule is unit-tested.
// The rules that keep the designer's work: an error never removes text or images that arrived,
// a late partial never replaces a final image, and a turn that failed stays failed.
class TurnAssembler
{
    Q_DECLARE_TR_FUNCTIONS(TurnAssembler)

public:
    // The answer text a turn keeps, in characters; what passes it is dropped with a warning on
    // the turn. Above what any model writes in one answer (some 128k tokens), it bounds what a
    // runaway model or a broken relay can push into memory, the history and the view: one 20 MB
    // text event froze the window for minutes.
    static constexpr qsizetype maxTextLength = StreamEvent::maxAnswerLength;
    // The first `room` characters of `text`, less half a character at the end.
    static QStringView keptText(QStringView text, qsizetype room);

    static void apply(Turn &turn, const ProcessedEvent &processed);

    // The stream ended: with an error (message), a cancel, or normally.
    static void finishFailed(Turn &turn, const QString &message);
    static void finishCancelled(Turn &turn);
    static void finishInterruptedImages(Turn &turn); // pending images of an ended turn
    // A turn read back from history: nothing is running for it any more, so an image still
    // "downloading" (Easel quit mid-download) or still pending says so and can be retried.
    static void settleStored(Turn &turn);
};
