#include "demo/demoimagesresponsebuilder.h"

#include "demo/demorenderer.h"
#include "demo/demousage.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

DemoImagesResponseBuilder::DemoImagesResponseBuilder(const DemoImagesRequest &request)
    : m_request(request)
    , m_requestId(QStringLiteral("req_demo")
                  + QString::number(QRandomGenerator::global()->generate64(), 16))
    , m_createdAt(QDateTime::currentSecsSinceEpoch())
{
}

qint64 DemoImagesResponseBuilder::promptTokens() const
{
    // About what the real endpoint counts for a prompt: its text plus a little framing.
    return 10 + DemoUsage::textTokens(m_request.settings.prompt);
}

qint64 DemoImagesResponseBuilder::outputTokensPerImage() const
{
    const DemoRequest &s = m_request.settings;
    return DemoUsage::imageOutputTokens(s.imageModel, s.resolvedQuality(), s.size);
}

QJsonObject DemoImagesResponseBuilder::usage(int images, bool withPrompt) const
{
    QJsonObject object = DemoUsage::imageGenUsage(withPrompt ? promptTokens() : 0,
                                                  images * outputTokensPerImage());
    object.insert(QStringLiteral("cost"), 0); // nothing is billed: the pictures are drawn locally
    return object;
}

QJsonObject DemoImagesResponseBuilder::settingsFields(const QString &actualFormat) const
{
    const DemoRequest &s = m_request.settings;
    return QJsonObject {
        { QStringLiteral("background"), s.background },
        { QStringLiteral("output_format"), actualFormat.isEmpty() ? s.outputFormat : actualFormat },
        { QStringLiteral("quality"), s.resolvedQuality() },
        { QStringLiteral("size"), s.sizeText() },
    };
}

QJsonObject DemoImagesResponseBuilder::body(const QList<DemoRenderedImage> &finals) const
{
    QJsonArray data;
    for (const DemoRenderedImage &image : finals)
        data.append(QJsonObject {
            { QStringLiteral("b64_json"), QString::fromLatin1(image.bytes.toBase64()) } });
    QJsonObject object = settingsFields(finals.isEmpty() ? QString() : finals.constFirst().format);
    object.insert(QStringLiteral("created"), m_createdAt);
    object.insert(QStringLiteral("data"), data);
    object.insert(QStringLiteral("usage"), usage(int(finals.size()), true));
    return object;
}

QByteArray DemoImagesResponseBuilder::partialImageEvent(const DemoRenderedImage &preview) const
{
    QJsonObject fields = settingsFields(preview.format);
    fields.insert(QStringLiteral("b64_json"), QString::fromLatin1(preview.bytes.toBase64()));
    fields.insert(QStringLiteral("partial_image_index"), preview.partialIndex);
    fields.insert(QStringLiteral("created_at"), m_createdAt);
    return sseEvent(QStringLiteral("image_generation.partial_image"), fields);
}

QByteArray DemoImagesResponseBuilder::completedEvent(const DemoRenderedImage &image) const
{
    QJsonObject fields = settingsFields(image.format);
    fields.insert(QStringLiteral("b64_json"), QString::fromLatin1(image.bytes.toBase64()));
    fields.insert(QStringLiteral("created_at"), m_createdAt);
    fields.insert(QStringLiteral("usage"), usage(1, image.imageIndex == 0));
    return sseEvent(QStringLiteral("image_generation.completed"), fields);
}

QByteArray DemoImagesResponseBuilder::errorEvent(const QString &message)
{
    const QJsonObject error { { QStringLiteral("type"), QStringLiteral("server_error") },
                              { QStringLiteral("code"), QStringLiteral("server_error") },
                              { QStringLiteral("message"), message },
                              { QStringLiteral("param"), QJsonValue::Null } };
    return sseEvent(QStringLiteral("error"), { { QStringLiteral("error"), error } });
}

QByteArray DemoImagesResponseBuilder::sseEvent(const QString &type, const QJsonObject &fields)
{
    // "type" leads, as on the real wire (QJsonObject would sort it among the other keys); this
    // stream has no sequence_number.
    QByteArray typeJson = QJsonDocument(QJsonArray { type }).toJson(QJsonDocument::Compact);
    typeJson = typeJson.mid(1, typeJson.size() - 2); // ["x"] -> "x", escaped as JSON
    QByteArray data = "{\"type\":" + typeJson;
    if (fields.isEmpty()) {
        data += '}';
    } else {
        data += ',';
        data += QJsonDocument(fields).toJson(QJsonDocument::Compact).mid(1);
    }
    return "event: " + type.toUtf8() + "\ndata: " + data + "\n\n";
}
