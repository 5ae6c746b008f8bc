#include "demo/demousage.h"

#include <algorithm>
#include <cmath>

namespace {

bool isGptImage1(const QString &model)
{
    return model.section(QLatin1Char('/'), -1).startsWith(QLatin1String("gpt-image-1"));
}

// Output image tokens of gpt-image-1, -1-mini and -1.5 for 1024x1024, 1024x1536 and 1536x1024.
qint64 tableTokens(const QString &quality, QSize size)
{
    const int row = quality == QLatin1String("low") ? 0 : quality == QLatin1String("high") ? 2 : 1;
    static const qint64 square[] = { 272, 1056, 4160 };
    static const qint64 portrait[] = { 408, 1584, 6240 };
    static const qint64 landscape[] = { 400, 1568, 6208 };
    if (size == QSize(1024, 1536))
        return portrait[row];
    if (size == QSize(1536, 1024))
        return landscape[row];
    if (size == QSize(1024, 1024))
        return square[row];
    // These models make only the three sizes; the Responses path of the demo draws others too,
    // and tokens grow about with the pixel count.
    return qMax<qint64>(
        1, qRound64(double(square[row]) * size.width() * size.height() / (1024.0 * 1024.0)));
}

// The community calculator for gpt-image-2, in integer arithmetic so it matches to the token.
qint64 formulaTokens(const QString &quality, QSize size)
{
    const qint64 factor = quality == QLatin1String("low") ? 16
        : quality == QLatin1String("high")                ? 96
                                                          : 48;
    const qint64 w = size.width(), h = size.height();
    const qint64 longSide = std::max(w, h), shortSide = std::min(w, h);
    const qint64 s = (2 * factor * shortSide + longSide) / (2 * longSide);
    return (factor * s * (2000000 + w * h) + 3999999) / 4000000;
}

} // namespace

qint64 DemoUsage::textTokens(const QString &text)
{
    return (text.size() + 3) / 4;
}

qint64 DemoUsage::imageOutputTokens(const QString &model, const QString &quality, QSize size)
{
    if (size.isEmpty())
        return 0;
    return isGptImage1(model) ? tableTokens(quality, size) : formulaTokens(quality, size);
}

qint64 DemoUsage::imageInputTokens(QSize size)
{
    if (size.isEmpty())
        return 0;
    double w = size.width(), h = size.height();
    const double fit = std::min(1.0, 2048.0 / std::max(w, h));
    w *= fit, h *= fit;
    const double shortest = std::min(1.0, 768.0 / std::min(w, h));
    w *= shortest, h *= shortest;
    const qint64 tiles = qint64(std::ceil(w / 512.0 - 1e-9)) * qint64(std::ceil(h / 512.0 - 1e-9));
    return 85 + 170 * tiles;
}

qint64 DemoUsage::imageInputTokens(const QList<QSize> &sizes)
{
    qint64 tokens = 0;
    for (const QSize size : sizes)
        tokens += imageInputTokens(size);
    return tokens;
}

QJsonObject DemoUsage::imageGenUsage(qint64 textInputTokens, qint64 imageOutputTokens,
                                     qint64 imageInputTokens)
{
    const qint64 input = textInputTokens + imageInputTokens;
    return QJsonObject {
        { QStringLiteral("input_tokens"), input },
        { QStringLiteral("input_tokens_details"),
          QJsonObject { { QStringLiteral("image_tokens"), imageInputTokens },
                        { QStringLiteral("text_tokens"), textInputTokens } } },
        { QStringLiteral("output_tokens"), imageOutputTokens },
        { QStringLiteral("output_tokens_details"),
          QJsonObject { { QStringLiteral("image_tokens"), imageOutputTokens },
                        { QStringLiteral("text_tokens"), 0 } } },
        { QStringLiteral("total_tokens"), input + imageOutputTokens },
    };
}
