#include "turn.h"

#include <QJsonArray>

QString Turn::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Streaming:
        return QStringLiteral("streaming");
    case Status::Done:
        return QStringLiteral("done");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::Interrupted:
        break;
    }
    return QStringLiteral("interrupted");
}

QString Turn::statusText(Status status)
{
    switch (status) {
    case Status::Pending:
        return tr("pending");
    case Status::Streaming:
        return tr("streaming");
    case Status::Done:
        return tr("done");
    case Status::Failed:
        return tr("failed");
    case Status::Cancelled:
        return tr("cancelled");
    case Status::Interrupted:
        break;
    }
    return tr("interrupted");
}

Turn::Status Turn::statusFromName(const QString &name)
{
    static const Status all[] = { Status::Pending, Status::Streaming, Status::Done,
                                  Status::Failed,  Status::Cancelled, Status::Interrupted };
    for (Status s : all) {
        if (statusName(s) == name)
            return s;
    }
    return Status::Interrupted;
}

int Turn::finalImageCount() const
{
    return int(std::count_if(images.cbegin(), images.cend(), [](const ImageAsset &image) {
        return image.state == ImageAsset::State::Final;
    }));
}

bool Turn::mayBeBilled() const
{
    if (isRunning())
        return false; // not yet: it is counted once it ends
    return status == Status::Done || accepted || !responseId.isEmpty() || !text.isEmpty()
        || !images.isEmpty();
}

QJsonObject Turn::toJson() const
{
    QJsonArray attachmentArray;
    for (const Attachment &a : attachments)
        attachmentArray.append(QJsonObject { { QStringLiteral("file"), a.filePath },
                                             { QStringLiteral("mime_type"), a.mimeType } });
    QJsonArray imageArray;
    for (const ImageAsset &image : images)
        imageArray.append(image.toJson());
    QJsonObject object {
        { QStringLiteral("id"), id },
        { QStringLiteral("prompt"), prompt },
        { QStringLiteral("attachments"), attachmentArray },
        { QStringLiteral("provider"), providerId },
        { QStringLiteral("chat_model"), chatModel },
        { QStringLiteral("requested"), requested.toJson() },
        { QStringLiteral("response_id"), responseId },
        { QStringLiteral("text"), text },
        { QStringLiteral("images"), imageArray },
        { QStringLiteral("usage"), usage.toJson() },
        { QStringLiteral("cost"), cost.toJson() },
        { QStringLiteral("status"), statusName(status) },
        { QStringLiteral("error"), errorMessage },
        { QStringLiteral("started_at"), startedAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("duration_ms"), durationMs },
    };
    if (compareCell >= 0)
        object.insert(QStringLiteral("compare_cell"), compareCell);
    if (accepted)
        object.insert(QStringLiteral("accepted"), true);
    if (!editOf.isNull())
        object.insert(QStringLiteral("edit_of"),
                      QJsonObject { { QStringLiteral("turn"), editOf.turnId },
                                    { QStringLiteral("item"), editOf.itemId } });
    if (!maskPath.isEmpty())
        object.insert(QStringLiteral("mask"), maskPath);
    return object;
}

Turn Turn::fromJson(const QJsonObject &o)
{
    Turn t;
    t.id = o.value(QLatin1String("id")).toString();
    t.prompt = o.value(QLatin1String("prompt")).toString();
    const QJsonArray attachmentArray = o.value(QLatin1String("attachments")).toArray();
    for (const QJsonValue &v : attachmentArray) {
        const QJsonObject a = v.toObject();
        t.attachments.append({ a.value(QLatin1String("file")).toString(),
                               a.value(QLatin1String("mime_type")).toString() });
    }
    t.providerId = o.value(QLatin1String("provider")).toString();
    t.chatModel = o.value(QLatin1String("chat_model")).toString();
    t.requested = ImageParams::fromJson(o.value(QLatin1String("requested")).toObject());
    t.responseId = o.value(QLatin1String("response_id")).toString();
    t.text = o.value(QLatin1String("text")).toString();
    const QJsonArray imageArray = o.value(QLatin1String("images")).toArray();
    for (const QJsonValue &v : imageArray)
        t.images.append(ImageAsset::fromJson(v.toObject()));
    t.usage = Usage::fromJson(o.value(QLatin1String("usage")).toObject());
    t.cost = Cost::fromJson(o.value(QLatin1String("cost")).toObject());
    t.status = statusFromName(o.value(QLatin1String("status")).toString());
    t.errorMessage = o.value(QLatin1String("error")).toString();
    t.startedAt
        = QDateTime::fromString(o.value(QLatin1String("started_at")).toString(), Qt::ISODateWithMs);
    t.durationMs = o.value(QLatin1String("duration_ms")).toInteger(-1);
    t.compareCell = o.value(QLatin1String("compare_cell")).toInt(-1);
    t.accepted = o.value(QLatin1String("accepted")).toBool();
    const QJsonObject editOf = o.value(QLatin1String("edit_of")).toObject();
    t.editOf = { editOf.value(QLatin1String("turn")).toString(),
                 editOf.value(QLatin1String("item")).toString() };
    t.maskPath = o.value(QLatin1String("mask")).toString();
    return t;
}
