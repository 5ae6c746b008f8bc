#pragma once

#include "model/turn.h"
#include "providerprofile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What one turn sends besides its prompt and settings, decided before anything is read from
// disk: the image files that go along (the edited image first when it is sent back), the mask,
// and the stored response the turn continues. Pure, so every case is unit-tested.
//
// An edit ("Edit this image") continues the response that made the image through
// previous_response_id when that response was stored by this provider (wire-formats A.8 way 1):
// the image is then already in the model's context and is not uploaded again. The image itself
// is sent back as an input_image (A.8 way 3) when the response cannot be referenced (store off,
// another provider, a chat flavour, a turn that did not finish), when its turn made several
// images (so the model knows which one), and always with a mask, which applies to the first
// input image. Continuing the parent's response, not the latest one, is what makes a branch: the
// later turns of the other branch are not in the edit's context.
struct TurnInputs
{
    Q_DECLARE_TR_FUNCTIONS(TurnInputs)

public:
    struct Ask
    {
        QList<Attachment> attachments; // in the composer's order
        ImageRef editOf; // null: no edit of a generated image
        QString maskPath; // "" : no mask
        // The file the mask was drawn on when it is an attachment (it is moved first); ignored
        // for an edit, whose mask is always on the edited image.
        QString maskedAttachment;
    };

    QList<Attachment> attachments; // as the turn records them (a masked attachment first)
    QStringList imageFiles; // sent as input images, in this order
    QString maskPath;
    QString previousResponseId;
    bool resendsEditedImage = false;
    QString refusal; // non-empty: nothing may be sent; a sentence for the designer

    static TurnInputs plan(const ProviderProfile &provider, bool store, const QList<Turn> &turns,
                           const Ask &ask);
    // The action the tool gets: an edit turn with the panel's "auto" becomes "edit" (the designer
    // said so by choosing "Edit this image"); any explicit choice of the panel is kept.
    static QString actionFor(const QString &panelAction, bool isEdit);
    // previous_response_id of an ordinary follow-up: the last finished turn's, when stored by
    // this provider through the Responses API.
    static QString lastResponseId(const ProviderProfile &provider, bool store,
                                  const QList<Turn> &turns);
};
