#pragma once

#include "gateway/apiflavour.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

// Where turns go and how to talk to it. Built from settings, the environment and the command
// line; the API key lives only here in memory (it comes from the environment, never a file).
struct ProviderProfile
{
    QString id; // "openai", "demo"
    QString displayName; // "OpenAI", "Offline demo": used in messages to the designer
    QUrl baseUrl; // e.g. https://api.openai.com/v1 (no trailing slash)
    QString apiKey;
    QString chatModel;
    QString toolType = QStringLiteral("image_generation");
    bool nestToolParameters = false; // gateways' tools take their fields in "parameters"
    ApiFlavour flavour = ApiFlavour::Responses;
    QList<QPair<QByteArray, QByteArray>> extraHeaders; // e.g. HTTP-Referer, X-Title
    bool isDemo = false;

    QUrl endpoint(const QString &path) const; // baseUrl + "/" + path
    bool hasKey() const { return !apiKey.isEmpty(); }

    // The built-in profiles of this release.
    static ProviderProfile openAi(); // reads OPENAI_API_KEY and OPENAI_BASE_URL
    static ProviderProfile demo(const QUrl &baseUrl);
    static QStringList knownIds();
    static QStringList chatModels(); // suggestions for the model picker
};
