#pragma once

#include <QString>
#include <QStringList>

// What the command line asked for: `easel [--provider ID] [--model ID] [--image-model ID]
// [--data-dir DIR]`. Parsed in the core so that it is tested without a window.
struct LaunchOptions
{
    QString provider; // "" = automatic: OpenAI when OPENAI_API_KEY is set, else the offline demo
    QString chatModel;
    QString imageModel;
    QString dataDir; // "" = the standard locations
    bool demoRequested() const { return provider == QLatin1String("demo"); }

    // Returns false with a plain message in *error (exit code 2) for unknown flags or values.
    // --help and --version are handled by the parser and exit.
    static bool parse(const QStringList &arguments, LaunchOptions *options, QString *error);

    // Which built-in provider a run uses, and a sentence for the status bar when it is not the
    // one asked for.
    struct Choice
    {
        QString providerId;
        QString notice;
    };
    static Choice chooseProvider(const QString &requested, bool openAiKeyPresent);
};
