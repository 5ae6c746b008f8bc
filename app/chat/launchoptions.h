#pragma once

#include "providerprofile.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class ProviderRegistry;

// What the command line asked for: `easel [--provider ID] [--api responses|chat|image-chat]
// [--model ID] [--image-model ID] [--data-dir DIR]`. Parsed in the core so that it is tested
// without a window.
struct LaunchOptions
{
    Q_DECLARE_TR_FUNCTIONS(LaunchOptions)

public:
    QString provider; // "" = automatic: the last one picked, else the first with a key, else demo
    QString api; // "" = the profile's flavour; otherwise an ApiFlavours::name
    QString chatModel;
    QString imageModel;
    QString dataDir; // "" = the standard locations
    // Hidden `--send-prompt TEXT`, for tests and scripts: one prompt sent at start.
    QString sendPrompt;
    bool demoRequested() const { return provider == QLatin1String("demo"); }

    // --help (-h) or --version (-v): text to print instead of opening the window.
    enum class Answer { None, Help, Version };
    Answer answer = Answer::None;

    // Returns false with a plain message in *error (exit code 2) for unknown flags or values, an
    // unknown API flavour, or a flavour a built-in provider does not speak. --help and --version
    // set `answer` and nothing else; the caller prints it (the parser does not exit the process,
    // which would end it while other threads still run).
    static bool parse(const QStringList &arguments, LaunchOptions *options, QString *error);

    // Whether the raw command line asks for --help or --version, looked at before any
    // application object exists: these answer on the terminal without a display. (A compacted
    // form such as -vh is found by parse() instead.)
    static Answer answerAskedFor(int argc, const char *const *argv);
    // The text printed for `answer`, translated when the translators are installed.
    static QString answerText(Answer answer);

    // The commands that run without a window (`easel generate`, `easel compare`; CliOptions reads
    // them), named so that the window's parser can tell when one was put after options.
    static QStringList windowlessCommands();

    // On Linux, when Qt would be left to find a display and there is none (no QT_QPA_PLATFORM or
    // -platform, and neither DISPLAY nor WAYLAND_DISPLAY): the sentence to print instead of Qt's,
    // which blames the installation. Empty otherwise, and on other systems.
    static QString missingDisplay(int argc, const char *const *argv);

    // The checks that need the user's profiles (read from the settings that --data-dir picks):
    // the provider exists and speaks the flavour asked for. False with a plain message (exit 2).
    bool validate(const ProviderRegistry &registry, QString *error) const;

    // Which profile the run uses, with the flavour and models applied, and a sentence for the
    // status bar when it is not the one asked for: the offline demo stands in for a provider
    // without a key (or without a base URL). Call it once the registry's keys are loaded.
    // `savedProvider` and `savedChatModel` are the last ones picked in the window.
    struct Choice
    {
        QString providerId;
        QString notice;
        ProviderProfile profile; // empty id when the demo is needed but not offered
    };
    Choice choose(const ProviderRegistry &registry, const QString &savedProvider = {},
                  const QString &savedChatModel = {}) const;
};
