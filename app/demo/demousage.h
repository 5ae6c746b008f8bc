#pragma once

#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>

// The token counts the offline demo reports, in the range a real call would: text at the usual
// four characters a token, and output image tokens as the named image model reports them
// (wire-formats B.3). Shared by the Responses answer (tool_usage.image_gen) and the images
// endpoint (usage), which carry the same ImageGenUsage object.
class DemoUsage
{
public:
    static qint64 textTokens(const QString &text);

    // GPT image 1.x models (gpt-image-1, -1-mini, -1.5) by the published table, scaled by area
    // for a size the table does not list; gpt-image-2 and any other model by the gpt-image-2
    // formula. `quality` is resolved already (low, medium or high; anything else counts as
    // medium). A vendor prefix ("openai/gpt-image-1") is ignored.
    static qint64 imageOutputTokens(const QString &model, const QString &quality, QSize size);

    // The tokens one input image (an edit's picture or reference) counts, by the published
    // vision rule: fit in 2048x2048, shortest side down to 768, then 85 plus 170 per 512-pixel
    // tile (1024x1024 gives 765). Deterministic, so the cost line of an edit is plausible.
    static qint64 imageInputTokens(QSize size);
    static qint64 imageInputTokens(const QList<QSize> &sizes);

    // {"input_tokens", "input_tokens_details":{"image_tokens","text_tokens"}, "output_tokens",
    //  "output_tokens_details":{"image_tokens","text_tokens"}, "total_tokens"}: input is the text
    // plus any input images of an edit, all output is image.
    static QJsonObject imageGenUsage(qint64 textInputTokens, qint64 imageOutputTokens,
                                     qint64 imageInputTokens = 0);
};
