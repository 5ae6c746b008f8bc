#pragma once

#include "cost.h"
#include "imageasset.h"
#include "imageparams.h"
#include "usage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// A reference image sent with a prompt (input_image part).
struct Attachment
{
    QString filePath;
    QString mimeType;
    bool operator==(const Attachment &other) const = default;
};

// One image of one turn of the same conversation: what an edit turn edits (its parent in the
// image's lineage).
struct ImageRef
{
    QString turnId;
    QString itemId; // ImageAsset::itemId
    bool isNull() const { return turnId.isEmpty(); }
    bool operator==(const ImageRef &other) const = default;
};

// One exchange: the designer's prompt and everything the gateway answered to it.
struct Turn
{
    Q_DECLARE_TR_FUNCTIONS(Turn)

public:
    enum class Status { Pending, Streaming, Done, Failed, Cancelled, Interrupted };

    QString id; // local uuid
    QString prompt;
    QList<Attachment> attachments;
    // An edit of an earlier image ("Edit this image"): the parent it was made from. Null for a
    // turn that edits nothing; branching is several turns with the same parent.
    ImageRef editOf;
    // A PNG the size of the edited image (the parent, or else the first attachment), transparent
    // where the image may change; sent as input_image_mask. Empty: no mask.
    QString maskPath;
    QString providerId;
    QString chatModel;
    ImageParams requested;

    QString responseId; // gateway response id, for previous_response_id on the next turn
    // The gateway took the request (a 2xx answer began): from then on the work may be billed,
    // even when nothing but keep-alive comments arrived before the turn was stopped.
    bool accepted = false;
    QString text; // assistant text (Markdown)
    QList<ImageAsset> images;
    Usage usage;
    Cost cost;

    Status status = Status::Pending;
    QString errorMessage; // plain sentence for the designer when Failed (or a warning when Done)
    QDateTime startedAt;
    qint64 durationMs = -1; // -1 while running
    // In a stored compare run: the index of the cell this turn is (CompareSpec::cells()); -1 in a
    // conversation.
    int compareCell = -1;

    static QString statusName(Status status);
    static QString statusText(Status status); // statusName translated, for display
    static Status statusFromName(const QString &name);
    bool isRunning() const { return status == Status::Pending || status == Status::Streaming; }
    int finalImageCount() const;
    // Whether the gateway may bill this turn whatever Easel knows of its cost: it finished, or
    // had accepted the request or begun answering (a response id, text, a preview) before it
    // was stopped or failed.
    bool mayBeBilled() const;

    QJsonObject toJson() const;
    static Turn fromJson(const QJsonObject &object);
};

Q_DECLARE_METATYPE(ImageRef)
Q_DECLARE_METATYPE(Turn)
