#include "imageasset.h"

namespace {

QString stateName(ImageAsset::State state)
{
    switch (state) {
    case ImageAsset::State::Pending:
        return QStringLiteral("pending");
    case ImageAsset::State::Partial:
        return QStringLiteral("partial");
    case ImageAsset::State::Final:
        return QStringLiteral("final");
    case ImageAsset::State::Failed:
        break;
    }
    return QStringLiteral("failed");
}

ImageAsset::State stateFromName(const QString &name)
{
    if (name == QLatin1String("pending"))
        return ImageAsset::State::Pending;
    if (name == QLatin1String("partial"))
        return ImageAsset::State::Partial;
    if (name == QLatin1String("final"))
        return ImageAsset::State::Final;
    return ImageAsset::State::Failed;
}

void insertIfSet(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

} // namespace

QJsonObject ImageReport::toJson() const
{
    QJsonObject o;
    insertIfSet(o, "size", size);
    insertIfSet(o, "quality", quality);
    insertIfSet(o, "background", background);
    insertIfSet(o, "output_format", outputFormat);
    insertIfSet(o, "action", action);
    insertIfSet(o, "revised_prompt", revisedPrompt);
    return o;
}

ImageReport ImageReport::fromJson(const QJsonObject &o)
{
    ImageReport r;
    r.size = o.value(QLatin1String("size")).toString();
    r.quality = o.value(QLatin1String("quality")).toString();
    r.background = o.value(QLatin1String("background")).toString();
    r.outputFormat = o.value(QLatin1String("output_format")).toString();
    r.action = o.value(QLatin1String("action")).toString();
    r.revisedPrompt = o.value(QLatin1String("revised_prompt")).toString();
    return r;
}

QJsonObject ImageAsset::toJson() const
{
    QJsonObject o { { QStringLiteral("state"), stateName(state) } };
    insertIfSet(o, "item_id", itemId);
    if (state == State::Partial)
        o.insert(QStringLiteral("partial_index"), partialIndex);
    insertIfSet(o, "hash", hash);
    insertIfSet(o, "file", filePath);
    insertIfSet(o, "mime_type", mimeType);
    if (pixelSize.isValid()) {
        o.insert(QStringLiteral("width"), pixelSize.width());
        o.insert(QStringLiteral("height"), pixelSize.height());
    }
    if (byteSize > 0)
        o.insert(QStringLiteral("bytes"), byteSize);
    const QJsonObject r = report.toJson();
    if (!r.isEmpty())
        o.insert(QStringLiteral("report"), r);
    insertIfSet(o, "source_url", sourceUrl);
    insertIfSet(o, "error", error);
    return o;
}

ImageAsset ImageAsset::fromJson(const QJsonObject &o)
{
    ImageAsset a;
    a.state = stateFromName(o.value(QLatin1String("state")).toString());
    a.itemId = o.value(QLatin1String("item_id")).toString();
    a.partialIndex = o.value(QLatin1String("partial_index")).toInt(-1);
    a.hash = o.value(QLatin1String("hash")).toString();
    a.filePath = o.value(QLatin1String("file")).toString();
    a.mimeType = o.value(QLatin1String("mime_type")).toString();
    if (o.contains(QLatin1String("width")))
        a.pixelSize = QSize(o.value(QLatin1String("width")).toInt(),
                            o.value(QLatin1String("height")).toInt());
    a.byteSize = o.value(QLatin1String("bytes")).toInteger();
    a.report = ImageReport::fromJson(o.value(QLatin1String("report")).toObject());
    a.sourceUrl = o.value(QLatin1String("source_url")).toString();
    a.error = o.value(QLatin1String("error")).toString();
    return a;
}
