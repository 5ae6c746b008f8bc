#pragma once

#include "model/imageasset.h"
#include "model/usage.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

// The ONE normalized event type. Every flavour decoder turns its gateway's wire events into these;
// nothing downstream of a decoder knows which gateway answered.
struct StreamEvent
{
    enum class Kind {
        Started,      // responseId, model
        TextDelta,    // text
        ImagePending, // itemId: an image is being generated (no pixels yet)
        ImagePartial, // itemId, partialIndex, imageBytes, report
        ImageFinal,   // itemId, imageBytes (or imageUrl), report
        Usage,        // usage (the latest report replaces earlier ones)
        Error,        // errorCode, message; the turn fails but keeps what arrived
        Done,         // the response finished normally (responseId)
    };

    Kind kind = Kind::Done;
    QString responseId;
    QString model;
    QString itemId;
    int partialIndex = -1;
    QString text;           // TextDelta: the delta
    QByteArray imageBytes;  // decoded from base64, exactly as generated
    QString imageUrl;       // ImageFinal delivered as a URL instead of bytes
    ImageReport report;
    Usage usage;
    QString errorCode;      // gateway code such as insufficient_quota, content_filter
    QString message;        // Error: a plain sentence for the designer

    static StreamEvent error(const QString &code, const QString &message);

    // The answer text a turn keeps, in characters (TurnAssembler cuts there). Decoders need not
    // hold or search more of a runaway answer than that.
    static constexpr qsizetype maxAnswerLength = 512 * 1024;
};

using StreamEvents = QList<StreamEvent>;

Q_DECLARE_METATYPE(StreamEvent)
