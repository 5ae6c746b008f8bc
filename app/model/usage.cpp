#include "usage.h"

#include <QtNumeric>

#include <limits>

namespace {

// Counts come from gateways: a hostile or broken one may send counts whose sum does not fit in
// 64 bits (signed overflow is undefined behaviour). The total then stays at the largest count.
qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (qAddOverflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

} // namespace

bool Usage::isEmpty() const
{
    return inputTokens == 0 && outputTokens == 0 && !hasImageTokens && !billedCostUsd;
}

Usage &Usage::operator+=(const Usage &other)
{
    inputTokens = saturatingAdd(inputTokens, other.inputTokens);
    cachedInputTokens = saturatingAdd(cachedInputTokens, other.cachedInputTokens);
    outputTokens = saturatingAdd(outputTokens, other.outputTokens);
    reasoningTokens = saturatingAdd(reasoningTokens, other.reasoningTokens);
    hasImageTokens = hasImageTokens || other.hasImageTokens;
    imageInputTextTokens = saturatingAdd(imageInputTextTokens, other.imageInputTextTokens);
    imageInputImageTokens = saturatingAdd(imageInputImageTokens, other.imageInputImageTokens);
    imageOutputTokens = saturatingAdd(imageOutputTokens, other.imageOutputTokens);
    if (other.billedCostUsd)
        billedCostUsd = billedCostUsd.value_or(0.0) + *other.billedCostUsd;
    imageGenerationRequests = saturatingAdd(imageGenerationRequests, other.imageGenerationRequests);
    return *this;
}

QJsonObject Usage::toJson() const
{
    QJsonObject o {
        { QStringLiteral("input_tokens"), inputTokens },
        { QStringLiteral("cached_input_tokens"), cachedInputTokens },
        { QStringLiteral("output_tokens"), outputTokens },
        { QStringLiteral("reasoning_tokens"), reasoningTokens },
    };
    if (hasImageTokens) {
        o.insert(QStringLiteral("image_input_text_tokens"), imageInputTextTokens);
        o.insert(QStringLiteral("image_input_image_tokens"), imageInputImageTokens);
        o.insert(QStringLiteral("image_output_tokens"), imageOutputTokens);
    }
    if (billedCostUsd)
        o.insert(QStringLiteral("billed_cost_usd"), *billedCostUsd);
    if (imageGenerationRequests != 0)
        o.insert(QStringLiteral("image_generation_requests"), imageGenerationRequests);
    return o;
}

Usage Usage::fromJson(const QJsonObject &o)
{
    Usage u;
    u.inputTokens = o.value(QLatin1String("input_tokens")).toInteger();
    u.cachedInputTokens = o.value(QLatin1String("cached_input_tokens")).toInteger();
    u.outputTokens = o.value(QLatin1String("output_tokens")).toInteger();
    u.reasoningTokens = o.value(QLatin1String("reasoning_tokens")).toInteger();
    u.hasImageTokens = o.contains(QLatin1String("image_output_tokens"));
    u.imageInputTextTokens = o.value(QLatin1String("image_input_text_tokens")).toInteger();
    u.imageInputImageTokens = o.value(QLatin1String("image_input_image_tokens")).toInteger();
    u.imageOutputTokens = o.value(QLatin1String("image_output_tokens")).toInteger();
    if (o.value(QLatin1String("billed_cost_usd")).isDouble())
        u.billedCostUsd = o.value(QLatin1String("billed_cost_usd")).toDouble();
    u.imageGenerationRequests = o.value(QLatin1String("image_generation_requests")).toInteger();
    return u;
}
