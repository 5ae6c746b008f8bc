#pragma once

#include "model/cost.h"

#include <QDate>
#include <QDateTime>
#include <QMetaType>
#include <QSize>
#include <QString>

// One conversation as the sidebar lists it: a chat, or a stored compare run (its cells are its
// turns, each with Turn::compareCell set, and `compareSpec` says what was compared).
struct ConversationSummary
{
    enum class Kind { Chat, Compare };

    QString id;
    Kind kind = Kind::Chat;
    QByteArray compareSpec; // CompareSpec::toJson() as compact JSON; empty for a chat
    QString title; // from the first prompt, editable
    QString providerId;
    QString chatModel;
    QString imageModel;
    QDateTime createdAt;
    QDateTime updatedAt;
    int turnCount = 0;
    int imageCount = 0;
    Cost totalCost;
};

// One final image as the library grid shows it, with what it was made from.
struct LibraryImage
{
    QString hash;
    QString filePath;
    QString mimeType;
    QSize pixelSize;
    qint64 byteSize = 0;
    QString conversationId;
    QString conversationTitle;
    QString turnId;
    QString itemId;
    QString prompt;
    QString revisedPrompt;
    QString providerId;
    QString imageModel;
    QString quality; // actual when reported, else requested
    QString size;
    QString format;
    QDateTime createdAt;
    bool favourite = false;
};

// What the library shows; empty fields do not filter.
struct LibraryFilter
{
    QString imageModel;
    QString quality;
    QString size;
    QString format;
    QString conversationId;
    QDate from;
    QDate to;
    bool favouritesOnly = false;
    QString text; // full-text over prompts and revised prompts
};

// A full-text search result: the turn it found and a snippet with the match.
struct SearchHit
{
    // The marks around each matched word in `snippet`: control characters, which typed text
    // does not hold, so that a prompt's own « », < > or & are never taken for a match or markup.
    static constexpr char16_t matchStart = u'\x02';
    static constexpr char16_t matchEnd = u'\x03';

    QString conversationId;
    QString conversationTitle;
    QString turnId;
    QString snippet;
    QDateTime when;
};

Q_DECLARE_METATYPE(ConversationSummary)
Q_DECLARE_METATYPE(LibraryImage)
