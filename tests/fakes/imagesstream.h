#pragma once

// A scripted images-endpoint answer the compare tests share.

#include "fakegateway.h"
#include "testpayloads.h"

#include <QColor>
#include <QJsonObject>

namespace TestPayloads {

// An images-endpoint stream (wire-formats B.4): one 32x24 preview, then the 64x48 image (or
// `finalSize`) of `colour` with its usage (272 output tokens, a low 1024² gpt-image-1 image).
// With `hold`, the stream pauses before the final image until FakeGateway::release().
inline FakeResponse imagesStream(QColor colour, bool hold = false, QSize finalSize = QSize(64, 48))
{
    const QJsonObject settings { { "size", "64x48" },
                                 { "quality", "low" },
                                 { "background", "opaque" },
                                 { "output_format", "png" } };
    QJsonObject partial = settings;
    partial.insert("b64_json", QString::fromLatin1(pngBytes({ 32, 24 }, colour).toBase64()));
    partial.insert("partial_image_index", 0);
    QJsonObject completed = settings;
    completed.insert("b64_json", QString::fromLatin1(pngBytes(finalSize, colour).toBase64()));
    completed.insert(
        "usage",
        QJsonObject { { "input_tokens", 12 },
                      { "output_tokens", 272 },
                      { "total_tokens", 284 },
                      { "input_tokens_details",
                        QJsonObject { { "text_tokens", 12 }, { "image_tokens", 0 } } } });
    FakeResponse response = FakeResponse::sse({ sse("image_generation.partial_image", partial) });
    response.addChunk(sse("image_generation.completed", completed), 0, hold);
    return response;
}

} // namespace TestPayloads
