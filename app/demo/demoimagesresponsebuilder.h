#pragma once

#include "demo/demoimagesrequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

struct DemoRenderedImage;

// Writes the JSON of the demo's images endpoint the way OpenAI's Images API does (wire-formats
// B.4): the ImagesResponse body, and the stream's image_generation.partial_image and
// image_generation.completed events. It knows nothing about sockets or timing.
//
// Usage counts the prompt once and each image's output tokens: the body reports the sum, and in
// a stream each completed event reports its own image (the prompt on the first one only), so a
// client that adds up the completed events gets the body's figures. Nothing is billed: cost 0.
class DemoImagesResponseBuilder
{
public:
    explicit DemoImagesResponseBuilder(const DemoImagesRequest &request);

    QString requestId() const { return m_requestId; }
    qint64 createdAt() const { return m_createdAt; }

    // {"created","data":[{"b64_json"}…],"background","output_format","size","quality","usage"}
    QJsonObject body(const QList<DemoRenderedImage> &finals) const;
    // `event: image_generation.partial_image` / `…completed` with its data line.
    QByteArray partialImageEvent(const DemoRenderedImage &preview) const;
    QByteArray completedEvent(const DemoRenderedImage &image) const;
    // `event: error`, as the stream reports a failure after its head was sent.
    static QByteArray errorEvent(const QString &message);

    // The ImageGenUsage of `images` pictures, with the prompt's tokens when `withPrompt`.
    QJsonObject usage(int images, bool withPrompt) const;
    qint64 promptTokens() const;
    qint64 outputTokensPerImage() const;

private:
    // size, quality, background and output_format as the answer reports them.
    QJsonObject settingsFields(const QString &actualFormat) const;
    static QByteArray sseEvent(const QString &type, const QJsonObject &fields);

    DemoImagesRequest m_request;
    QString m_requestId;
    qint64 m_createdAt = 0;
};
