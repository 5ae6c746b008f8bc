#pragma once

#include "model/imageparams.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A reference image sent with the prompt (an input_image / image_url part, as a data URL).
struct InputImage
{
    QByteArray bytes;
    QString mimeType; // sniffed from the bytes when empty
};

// An earlier exchange of the conversation, for flavours without server-side state (Chat
// Completions resends the history; Responses points at it with previous_response_id).
struct HistoryMessage
{
    QString role; // "user" or "assistant"
    QString text;
};

// Everything one turn asks of a gateway, whatever its API flavour: each flavour's request
// builder turns it into that flavour's JSON.
struct GatewayRequest
{
    QString chatModel; // the mainline model, always sent as "model"
    QString prompt;
    QList<InputImage> images; // none: "input" is the plain prompt string
    // input_image_mask of an edit (a PNG the size of images.first(), transparent where the image
    // may change); no bytes: no mask. Flavours that cannot carry one refuse it (maskRefusal).
    InputImage mask;
    ImageParams params;
    QString previousResponseId; // sent when non-empty (Responses only)
    QList<HistoryMessage> history; // oldest first (Chat Completions flavours only)
    bool stream = true;
    bool store = true;
    QString toolType = QStringLiteral("image_generation");
    bool nestToolParameters = false; // gateways' tools carry their fields in a "parameters" object
    int imageCount = 1; // `n` of a direct image call (1-10); the chat flavours make one per turn
};

// Kept for the Responses builder's callers and tests.
using ResponsesRequest = GatewayRequest;
