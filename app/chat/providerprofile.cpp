#include "providerprofile.h"

QUrl ProviderProfile::endpoint(const QString &path) const
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + QLatin1Char('/') + path);
    return url;
}

ProviderProfile ProviderProfile::openAi()
{
    ProviderProfile p;
    p.id = QStringLiteral("openai");
    p.displayName = QStringLiteral("OpenAI");
    const QString base = qEnvironmentVariable("OPENAI_BASE_URL").trimmed();
    p.baseUrl = QUrl(base.isEmpty() ? QStringLiteral("https://api.openai.com/v1") : base);
    p.apiKey = qEnvironmentVariable("OPENAI_API_KEY").trimmed();
    p.chatModel = QStringLiteral("gpt-5-mini");
    return p;
}

ProviderProfile ProviderProfile::demo(const QUrl &baseUrl)
{
    ProviderProfile p;
    p.id = QStringLiteral("demo");
    p.displayName = QStringLiteral("Offline demo");
    p.baseUrl = baseUrl;
    p.apiKey = QStringLiteral("demo"); // the demo gateway accepts anything; never a real key
    p.chatModel = QStringLiteral("gpt-5-mini");
    p.isDemo = true;
    return p;
}

QStringList ProviderProfile::knownIds()
{
    return { QStringLiteral("demo"), QStringLiteral("openai") };
}

QStringList ProviderProfile::chatModels()
{
    return { QStringLiteral("gpt-5"),        QStringLiteral("gpt-5-mini"),
             QStringLiteral("gpt-5-nano"),   QStringLiteral("gpt-4.1"),
             QStringLiteral("gpt-4.1-mini"), QStringLiteral("gpt-4o") };
}
