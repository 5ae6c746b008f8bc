#pragma once

#include <QJsonObject>
#include <QtGlobal>
#include <optional>

// Tokens a turn used, normalized across gateways. Chat-model tokens come from `usage`; the image
// tool's own tokens (OpenAI reports them outside `usage`, in `tool_usage.image_gen`) are kept apart
// because they are priced at the image model's rates.
struct Usage
{
    qint64 inputTokens = 0;
    qint64 cachedInputTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0; // part of outputTokens

    bool hasImageTokens = false;
    qint64 imageInputTextTokens = 0;
    qint64 imageInputImageTokens = 0;
    qint64 imageOutputTokens = 0;

    // A cost in USD reported by the gateway itself (OpenRouter's usage.cost and the like).
    std::optional<double> billedCostUsd;

    // Calls of a gateway's server-side image tool it counted (AI Stats' server_tool_use), which
    // some gateways bill per request.
    qint64 imageGenerationRequests = 0;

    bool isEmpty() const;
    Usage &operator+=(const Usage &other);

    QJsonObject toJson() const;
    static Usage fromJson(const QJsonObject &object);

    bool operator==(const Usage &other) const = default;
};
