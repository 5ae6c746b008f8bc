#pragma once

#include "gateway/apiflavour.h"
#include "image/referenceimages.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Where turns go and how to talk to it: one row of the provider table (built in, edited in
// Settings > Providers, or the user's own), with the environment of the run applied. The API key
// lives only here in memory; it comes from the environment or the OS keychain, never a file, and
// toJson() leaves it out.
struct ProviderProfile
{
    Q_DECLARE_TR_FUNCTIONS(ProviderProfile)

public:
    enum class KeySource {
        None, // no key found
        Environment, // keyVariable was set for this run
        Keychain, // read from the OS keychain
        Fixed, // the demo's placeholder
    };

    QString id; // "openai", "aistats", "openrouter", "modelgates", "custom", "demo", or the user's
    QString displayName; // "OpenAI", "Offline demo": used in messages to the designer
    QUrl baseUrl; // e.g. https://api.openai.com/v1 (no trailing slash)
    QString apiKey;
    KeySource keySource = KeySource::None;
    QString chatModel; // the default chat model, in this gateway's naming
    QString imageModel = QStringLiteral("gpt-image-1.5"); // the default image model
    QString toolType = QStringLiteral("image_generation");
    bool nestToolParameters = false; // gateways' tools take their fields in "parameters"
    ApiFlavour flavour = ApiFlavour::Responses;
    QList<ApiFlavour> flavours { ApiFlavour::Responses }; // what the gateway speaks
    HeaderList extraHeaders; // e.g. HTTP-Referer, X-Title
    // The direct image endpoint below the base URL ("images/generations"; OpenRouter's is
    // "images"), "" when the gateway has none: compare cells then go through the image tool.
    QString imagesPath;
    QString keyVariable; // e.g. OPENAI_API_KEY
    QString baseUrlVariable; // e.g. OPENAI_BASE_URL
    QStringList chatModelChoices; // suggestions for the pickers
    QStringList imageModelChoices;
    QString basedOn; // the built-in profile a user's profile was made from; "" for built-ins
    bool isBuiltIn = false;
    bool keyRequired = true; // a local OpenAI-compatible server may need none
    bool isDemo = false;
    // What the provider takes as reference images of one turn (the edited image included), and
    // the largest one image may be as sent. Messages name the provider by displayName.
    int maxInputImages = 16;
    qint64 maxInputImageBytes = 50LL * 1024 * 1024;

    // The limits a turn's reference images are checked against when sent with `imageModel`
    // (in any naming: "gpt-image-2" and "openai/gpt-image-2" take the same longest side).
    ReferenceLimits referenceLimits(const QString &imageModel) const;

    QUrl endpoint(const QString &path) const; // baseUrl + "/" + path
    // Where a flavour's requests go: the flavour's path, or imagesPath for ApiFlavour::Images.
    QString endpointPath(ApiFlavour flavour) const;
    bool hasImagesEndpoint() const { return !imagesPath.isEmpty(); }
    bool hasKey() const { return !apiKey.isEmpty(); }
    // Ready to send: a base URL, and a key unless the endpoint needs none.
    bool isUsable() const
    {
        return baseUrl.isValid() && !baseUrl.isEmpty() && (hasKey() || !keyRequired);
    }
    bool supports(ApiFlavour candidate) const { return flavours.contains(candidate); }
    QString flavourNames() const; // "responses, chat"

    // Gateways name models after their vendor ("openai/gpt-image-1"), OpenAI does not
    // ("gpt-image-1"). Translates `model` into this profile's naming; `fallback` when it cannot
    // (another vendor's model on OpenAI).
    bool usesVendorPrefixes() const { return imageModel.contains(QLatin1Char('/')); }
    QString inOwnNaming(const QString &model, const QString &fallback) const;

    // Sets apiKey/baseUrl from keyVariable/baseUrlVariable when they are set in the environment.
    void applyEnvironment();
    // Where the designer changes the key this profile sends, for "check %1." in a message:
    // "OPENAI_API_KEY" when it came from the environment, else Settings > Providers.
    QString keyPlace() const;

    // The editable fields, never the key. fromJson overlays `object` on `base`, so a stored
    // edit of a built-in keeps only what differs.
    QJsonObject toJson() const;
    static ProviderProfile fromJson(const ProviderProfile &base, const QJsonObject &object);

    // Extra headers as "Name: value" lines, for the settings dialog. Parsing refuses malformed
    // lines and Authorization (the key has its own field and must not reach the settings file).
    // Why `baseUrl` cannot be a gateway's base URL (none given, another scheme than http(s), no
    // host), in a sentence for the designer; empty when it can. Saving and testing both ask.
    static QString baseUrlProblem(const QUrl &baseUrl);
    static QString headersToText(const HeaderList &headers);
    // `keyHome` names where the key belongs instead, for the refusal of a credential header
    // ("" says the key field and the keychain; without a keychain, the key's variable).
    static bool headersFromText(const QString &text, HeaderList *headers, QString *error,
                                const QString &keyHome = {});

    // AI Stats renamed its server tool: older builds take "ai-stats:image_generation", newer ones
    // only "phaseo:image_generation". The other name of the pair, or "" for any other tool type.
    static QString alternateToolType(const QString &toolType);
    // True when an HTTP error answer refuses the tool's type: a 400 whose body names one of the
    // AI Stats tool names or says that the tool type is invalid.
    static bool refusesToolType(int httpStatus, const QByteArray &errorBody);

    // The built-in table of this release, without keys or the environment.
    static QList<ProviderProfile> builtIns();
    static ProviderProfile builtIn(const QString &id); // empty id when unknown
    static ProviderProfile openAi(); // the built-in with OPENAI_API_KEY and OPENAI_BASE_URL applied
    static ProviderProfile demo(const QUrl &baseUrl);
    static QStringList knownIds(); // the built-in ids, demo first
    static QStringList chatModels(); // OpenAI's chat models, suggestions for the model picker
};
