#pragma once

#include "compare/compareaxis.h"
#include "compare/comparespec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// What `easel generate` or `easel compare` was asked to do, read from the command line. Parsing is
// pure (no settings, no providers), so that every flag and every refusal is unit-tested; what
// needs the user's providers and the chosen provider's default image model is checked by
// validate() once those are known. Values go through the same rules as the window's (CompareAxis,
// ImageParams::validateSize, CompareSpec::validate), and every message names the flag at fault.
struct CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)

public:
    enum class Command { Generate, Compare };
    enum class Outcome { Run, Help, Error };

    static constexpr int maxConcurrency = 16;

    Command command = Command::Generate;
    QString provider; // "" = automatic, as the window chooses
    QString prompt;
    QString chatModel; // --model; "" = the provider's default
    QString imageModel; // "" = the provider's default
    // The image settings given as flags, normalized; "" when not given (the default applies).
    QString quality;
    QString size;
    QString aspectRatio;
    QString background;
    QString format;
    std::optional<int> compression;
    QString moderation;
    int imagesPerCell = 1; // --n
    QList<CompareAxis> axes; // compare only
    // --image (repeatable): reference images every cell is sent with, as absolute paths; --mask:
    // a PNG limiting an edit of the one --image to its transparent pixels. Both are checked to
    // be readable image files when parsed; their pixels are checked when the run is prepared.
    QStringList images;
    QString maskPath;
    int concurrency = 0; // 0 = the default
    bool yes = false;
    std::optional<double> costLimitUsd; // unset = the setting's
    QString outDir;
    QString dataDir;

    static QString commandName(Command command); // "generate", "compare"
    static std::optional<Command> commandFromName(const QString &name);
    static bool isCommand(const QString &argument) { return commandFromName(argument).has_value(); }

    // `arguments` as main() got them: the program, the command, then the flags. Error: a plain
    // sentence in *error that names the flag (exit code 2). The only files it looks at are those
    // of --image and --mask: that they exist, can be opened and start like an image.
    static Outcome parse(const QStringList &arguments, CliOptions *options, QString *error);

    // The whole --help of a command: synopsis, every flag, the axes, the outputs and exit codes.
    static QString helpText(Command command);

    // The run these options describe, with `providerId` (the chosen one) and `defaultImageModel`
    // (the provider's) standing in for what was not given. Previews are not asked for: nobody
    // watches them here and they cost output tokens.
    CompareSpec toSpec(const QString &providerId, const QString &defaultImageModel) const;

    // The checks that need the known providers and the resolved spec: an unknown provider, a size
    // the image model cannot make, transparent with jpeg, then CompareSpec::validate. "" when the
    // run can be sent, otherwise a sentence naming the flag.
    QString validate(const CompareSpec &spec, const QStringList &knownProviderIds) const;
    // The first of those checks alone, made before the provider is chosen.
    QString checkProvider(const QStringList &knownProviderIds) const;

    bool hasAxis(CompareAxis::Parameter parameter) const;
};
