#pragma once

#include "streamdecoder.h"

#include "model/usage.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// Turns an images endpoint's answer into normalized StreamEvents: a whole body (see
// ImagesResponse) or its stream, `image_generation.partial_image` previews then
// `image_generation.completed` with the image and usage (wire-formats B.4), which OpenRouter ends
// with `data: [DONE]` (C.2) and OpenAI does not. Images are keyed "images-0", "images-1", … in the
// order they complete; previews belong to the image that completes next.
class ImagesDecoder : public StreamDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ImagesDecoder)

public:
    StreamEvents decode(const SseEvent &event) override;
    StreamEvents decodeResponseBody(const QByteArray &json) override;
    // Done when at least one image completed, otherwise an Error.
    StreamEvents finish() override;
    bool isFinished() const override { return m_finished; }

private:
    void started(StreamEvents &out);
    void partialImage(const QJsonObject &object, StreamEvents &out);
    void completedImage(const QJsonObject &object, StreamEvents &out);
    void done(StreamEvents &out);
    void failure(const QString &code, const QString &message, StreamEvents &out);
    QString currentItemId() const;

    Usage m_usage; // summed over the completed images
    int m_completed = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_failureReported = false;
};
