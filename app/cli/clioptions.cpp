#include "clioptions.h"

#include "cliexitcode.h"
#include "compare/comparerun.h"
#include "model/imagesniff.h"
#include "store/datafolder.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace {

using Parameter = CompareAxis::Parameter;

QString flag(const QString &name)
{
    return QStringLiteral("--") + name;
}

QString flag(Parameter parameter)
{
    return flag(CompareAxis::name(parameter));
}

// The image settings that have a flag of their own, named like their axis (--quality and
// --axis quality=...).
constexpr Parameter settingFlags[] = {
    Parameter::ImageModel, Parameter::Quality,      Parameter::Size,        Parameter::AspectRatio,
    Parameter::Background, Parameter::OutputFormat, Parameter::Compression, Parameter::Moderation,
};

class Reader
{
public:
    Reader(const QCommandLineParser &parser, QString *error)
        : m_parser(parser)
        , m_error(error)
    {
    }

    bool fail(const QString &message)
    {
        if (m_error)
            *m_error = message;
        return false;
    }

    // The one value of a flag, trimmed; false when it is given twice or empty.
    bool single(const QString &name, QString *value)
    {
        if (!m_parser.isSet(name))
            return true;
        if (m_parser.values(name).size() > 1)
            return fail(
                CliOptions::tr("%1 is given more than once: give it once.").arg(flag(name)));
        const QString text = m_parser.value(name).trimmed();
        if (text.isEmpty())
            return fail(CliOptions::tr("%1 needs a value.").arg(flag(name)));
        *value = text;
        return true;
    }

    // A setting with the rules of its axis (the window's rules), normalized ("High" -> "high").
    bool setting(Parameter parameter, QString *value)
    {
        QString text;
        if (!single(CompareAxis::name(parameter), &text))
            return false;
        if (text.isEmpty())
            return true;
        const QString normalized = CompareAxis::normalizedValue(parameter, text);
        const QString problem = CompareAxis::checkValue(parameter, normalized);
        if (!problem.isEmpty())
            return fail(flag(parameter) + QStringLiteral(": ") + problem);
        *value = normalized;
        return true;
    }

    bool number(const QString &name, int minimum, int maximum, const QString &what, int *value)
    {
        QString text;
        if (!single(name, &text))
            return false;
        if (text.isEmpty())
            return true;
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok || number < minimum || number > maximum)
            return fail(CliOptions::tr("%1: \"%2\" is not %3: use a whole number from %4 to %5.")
                            .arg(flag(name), text, what)
                            .arg(minimum)
                            .arg(maximum));
        *value = number;
        return true;
    }

private:
    const QCommandLineParser &m_parser;
    QString *m_error;
};

// The file given to --image or --mask (`name`), when it can be sent: it exists, is a file, opens
// and starts like an image (a mask: like a PNG). Its pixels are ReferenceImages' to check, once
// the provider's limits are known. Otherwise a sentence naming the flag and the file as written.
QString imageFileProblem(const QString &name, const QString &file)
{
    const QString head = flag(name) + QLatin1Char(' ') + file + QStringLiteral(": ");
    const QFileInfo info(file);
    if (!info.exists())
        return head + CliOptions::tr("there is no such file.");
    if (info.isDir())
        return head + CliOptions::tr("this is a folder; give an image file.");
    if (!info.isFile())
        return head + CliOptions::tr("this is not a regular file; give an image file.");
    QFile opened(file);
    if (!opened.open(QIODevice::ReadOnly))
        return head + CliOptions::tr("the file cannot be read (%1).").arg(opened.errorString());
    const QString mimeType = ImageSniff::mimeType(opened.read(ImageSniff::bytesNeeded));
    if (name == QLatin1String("mask") && mimeType != QLatin1String("image/png"))
        return head
            + CliOptions::tr("a mask must be a PNG with transparency (transparent where the "
                             "image may change).");
    // GIF is sniffed but not sent: the image models take PNG, JPEG and WebP.
    if (mimeType.isEmpty() || mimeType == QLatin1String("image/gif"))
        return head + CliOptions::tr("this is not a PNG, JPEG or WebP image.");
    return {};
}

QString option(const QString &names, const QString &text)
{
    // Two columns: the flag and its value, then the explanation, wrapped by hand under 100
    // columns.
    return QStringLiteral("  %1%2\n").arg(names.leftJustified(28), text);
}

} // namespace

QString CliOptions::commandName(Command command)
{
    return command == Command::Compare ? QStringLiteral("compare") : QStringLiteral("generate");
}

std::optional<CliOptions::Command> CliOptions::commandFromName(const QString &name)
{
    if (name == QLatin1String("generate"))
        return Command::Generate;
    if (name == QLatin1String("compare"))
        return Command::Compare;
    return std::nullopt;
}

bool CliOptions::hasAxis(Parameter parameter) const
{
    return std::any_of(axes.cbegin(), axes.cend(), [parameter](const CompareAxis &axis) {
        return axis.parameter == parameter;
    });
}

CliOptions::Outcome CliOptions::parse(const QStringList &arguments, CliOptions *options,
                                      QString *error)
{
    CliOptions parsed;
    const std::optional<Command> command
        = arguments.size() > 1 ? commandFromName(arguments.at(1)) : std::nullopt;
    if (!command) {
        if (error)
            *error = CliOptions::tr("Name a command: generate or compare.");
        return Outcome::Error;
    }
    parsed.command = *command;
    const bool compare = parsed.command == Command::Compare;

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    // `-prompt` is --prompt (as -n is --n), not the letters p, r, o, m, p, t.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QList<QCommandLineOption> known {
        QCommandLineOption({ QStringLiteral("h"), QStringLiteral("help") }, QString()),
        QCommandLineOption(QStringLiteral("provider"), QString(), QStringLiteral("id")),
        QCommandLineOption(QStringLiteral("prompt"), QString(), QStringLiteral("text")),
        QCommandLineOption(QStringLiteral("model"), QString(), QStringLiteral("id")),
        QCommandLineOption(QStringLiteral("n"), QString(), QStringLiteral("count")),
        QCommandLineOption(QStringLiteral("out"), QString(), QStringLiteral("dir")),
        QCommandLineOption(QStringLiteral("data-dir"), QString(), QStringLiteral("dir")),
        QCommandLineOption(QStringLiteral("yes"), QString()),
        QCommandLineOption(QStringLiteral("cost-limit"), QString(), QStringLiteral("usd")),
        QCommandLineOption(QStringLiteral("image"), QString(), QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("mask"), QString(), QStringLiteral("file")),
    };
    for (Parameter parameter : settingFlags)
        known.append(
            QCommandLineOption(CompareAxis::name(parameter), QString(), QStringLiteral("value")));
    if (compare) {
        known.append(QCommandLineOption(QStringLiteral("axis"), QString(), QStringLiteral("axis")));
        known.append(
            QCommandLineOption(QStringLiteral("concurrency"), QString(), QStringLiteral("count")));
    }
    parser.addOptions(known);

    QStringList flags = arguments;
    flags.removeAt(1); // the command
    if (!parser.parse(flags)) {
        if (error)
            *error = parser.errorText();
        return Outcome::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *options = parsed;
        return Outcome::Help;
    }
    Reader read(parser, error);
    auto failed = [](bool ok) {
        return !ok;
    };
    if (!parser.positionalArguments().isEmpty()) {
        read.fail(CliOptions::tr("Unexpected argument \"%1\": values go after their flag, for "
                                 "example --prompt \"a fox\".")
                      .arg(parser.positionalArguments().constFirst()));
        return Outcome::Error;
    }

    if (failed(read.single(QStringLiteral("provider"), &parsed.provider))
        || failed(read.single(QStringLiteral("model"), &parsed.chatModel))
        || failed(read.single(QStringLiteral("out"), &parsed.outDir))
        || failed(read.single(QStringLiteral("data-dir"), &parsed.dataDir))
        || failed(read.setting(Parameter::ImageModel, &parsed.imageModel))
        || failed(read.setting(Parameter::Quality, &parsed.quality))
        || failed(read.setting(Parameter::Size, &parsed.size))
        || failed(read.setting(Parameter::AspectRatio, &parsed.aspectRatio))
        || failed(read.setting(Parameter::Background, &parsed.background))
        || failed(read.setting(Parameter::OutputFormat, &parsed.format))
        || failed(read.setting(Parameter::Moderation, &parsed.moderation))
        || failed(read.number(QStringLiteral("n"), 1, CompareSpec::maxImagesPerCell,
                              CliOptions::tr("a number of images"), &parsed.imagesPerCell))
        || (compare
            && failed(read.number(QStringLiteral("concurrency"), 1, maxConcurrency,
                                  CliOptions::tr("a number of requests at a time"),
                                  &parsed.concurrency))))
        return Outcome::Error;
    parsed.provider = parsed.provider.toLower();
    if (const QString problem = DataFolder::problem(parsed.dataDir);
        !parsed.dataDir.isEmpty() && !problem.isEmpty()) {
        read.fail(QStringLiteral("--data-dir %1: %2").arg(parsed.dataDir, problem));
        return Outcome::Error;
    }

    // The prompt is kept as written (inner line breaks and all); only its edges are trimmed.
    if (parser.values(QStringLiteral("prompt")).size() > 1) {
        read.fail(CliOptions::tr("--prompt is given more than once: give it once."));
        return Outcome::Error;
    }
    parsed.prompt = parser.value(QStringLiteral("prompt")).trimmed();
    if (parser.isSet(QStringLiteral("prompt")) && parsed.prompt.isEmpty()) {
        read.fail(CliOptions::tr("--prompt needs a value."));
        return Outcome::Error;
    }

    QString compression;
    if (failed(read.setting(Parameter::Compression, &compression)))
        return Outcome::Error;
    if (!compression.isEmpty())
        parsed.compression = compression.toInt();

    QString costLimit;
    if (failed(read.single(QStringLiteral("cost-limit"), &costLimit)))
        return Outcome::Error;
    if (!costLimit.isEmpty()) {
        bool ok = false;
        const QString digits
            = costLimit.startsWith(QLatin1Char('$')) ? costLimit.mid(1).trimmed() : costLimit;
        const double usd = digits.toDouble(&ok);
        if (!ok || !std::isfinite(usd) || usd < 0) {
            read.fail(CliOptions::tr("--cost-limit: \"%1\" is not an amount: write US dollars, "
                                     "for example --cost-limit 2.50.")
                          .arg(costLimit));
            return Outcome::Error;
        }
        parsed.costLimitUsd = usd;
    }
    parsed.yes = parser.isSet(QStringLiteral("yes"));

    // Reference images, in the order given; every cell of a comparison gets the same ones.
    for (const QString &file : parser.values(QStringLiteral("image"))) {
        if (file.trimmed().isEmpty()) {
            read.fail(CliOptions::tr("--image needs a value: the path of an image file."));
            return Outcome::Error;
        }
        const QString problem = imageFileProblem(QStringLiteral("image"), file);
        if (!problem.isEmpty()) {
            read.fail(problem);
            return Outcome::Error;
        }
        parsed.images << QFileInfo(file).absoluteFilePath();
    }
    // File names are taken as written (a name may end in a space), unlike the other values.
    if (parser.values(QStringLiteral("mask")).size() > 1) {
        read.fail(CliOptions::tr("--mask is given more than once: give it once."));
        return Outcome::Error;
    }
    const QString mask = parser.value(QStringLiteral("mask"));
    if (parser.isSet(QStringLiteral("mask")) && mask.trimmed().isEmpty()) {
        read.fail(CliOptions::tr("--mask needs a value: the path of a PNG mask."));
        return Outcome::Error;
    }
    if (!mask.isEmpty()) {
        // The mask marks where one image may change, so it needs that image and no other.
        if (parsed.images.isEmpty()) {
            read.fail(CliOptions::tr("--mask needs the image it edits: give that image with "
                                     "--image."));
            return Outcome::Error;
        }
        if (parsed.images.size() > 1) {
            read.fail(CliOptions::tr("--mask edits one image, but --image is given %1 times: give "
                                     "exactly one --image with --mask.")
                          .arg(parsed.images.size()));
            return Outcome::Error;
        }
        const QString problem = imageFileProblem(QStringLiteral("mask"), mask);
        if (!problem.isEmpty()) {
            read.fail(problem);
            return Outcome::Error;
        }
        parsed.maskPath = QFileInfo(mask).absoluteFilePath();
    }

    if (compare) {
        for (const QString &text : parser.values(QStringLiteral("axis"))) {
            CompareAxis axis;
            QString problem;
            if (!CompareAxis::parse(text, &axis, &problem)) {
                read.fail(QStringLiteral("--axis: ") + problem);
                return Outcome::Error;
            }
            if (parsed.hasAxis(axis.parameter)) {
                read.fail(CliOptions::tr("--axis: the %1 axis is given twice: put all its values "
                                         "in one --axis.")
                              .arg(axis.name()));
                return Outcome::Error;
            }
            parsed.axes.append(axis);
        }
        if (parsed.axes.isEmpty()) {
            read.fail(CliOptions::tr("compare needs at least one --axis, for example --axis "
                                     "quality=low,medium,high."));
            return Outcome::Error;
        }
        if (parsed.axes.size() > CompareSpec::maxAxes) {
            read.fail(CliOptions::tr("--axis: a comparison has at most %1 axes, not %2.")
                          .arg(CompareSpec::maxAxes)
                          .arg(parsed.axes.size()));
            return Outcome::Error;
        }
    }

    // A flag and an axis for the same setting: the axis would win, so the flag would do nothing.
    const QList<Parameter> flagged {
        Parameter::Provider,   Parameter::Prompt,       Parameter::ImageModel,
        Parameter::Quality,    Parameter::Size,         Parameter::AspectRatio,
        Parameter::Background, Parameter::OutputFormat, Parameter::Compression,
        Parameter::Moderation,
    };
    for (Parameter parameter : flagged) {
        if (parsed.hasAxis(parameter) && parser.isSet(CompareAxis::name(parameter))) {
            read.fail(CliOptions::tr("%1 and --axis %2=... both set the %2: leave %1 out.")
                          .arg(flag(parameter), CompareAxis::name(parameter)));
            return Outcome::Error;
        }
    }
    const bool sized = !parsed.size.isEmpty() || parsed.hasAxis(Parameter::Size);
    const bool ratioed = !parsed.aspectRatio.isEmpty() || parsed.hasAxis(Parameter::AspectRatio);
    if (sized && ratioed
        && !(parsed.hasAxis(Parameter::Size) && parsed.hasAxis(Parameter::AspectRatio))) {
        read.fail(CliOptions::tr("Give either --size or --aspect-ratio: a size overrides the "
                                 "aspect ratio."));
        return Outcome::Error;
    }
    if (parsed.background == QLatin1String("transparent")
        && parsed.format == QLatin1String("jpeg")) {
        read.fail(CliOptions::tr("--background transparent needs --format png or webp: jpeg has "
                                 "no transparency."));
        return Outcome::Error;
    }
    if (parsed.compression && !parsed.hasAxis(Parameter::OutputFormat)
        && parsed.format != QLatin1String("jpeg") && parsed.format != QLatin1String("webp")) {
        read.fail(CliOptions::tr("--compression only applies to jpeg and webp: add --format jpeg "
                                 "or --format webp."));
        return Outcome::Error;
    }

    if (parsed.prompt.isEmpty() && !parsed.hasAxis(Parameter::Prompt)) {
        read.fail(CliOptions::tr("--prompt is required: the text of the image to make."));
        return Outcome::Error;
    }
    if (parsed.outDir.isEmpty()) {
        read.fail(CliOptions::tr("--out is required: the folder the images are written to."));
        return Outcome::Error;
    }
    *options = parsed;
    return Outcome::Run;
}

CompareSpec CliOptions::toSpec(const QString &providerId, const QString &defaultImageModel) const
{
    CompareSpec spec;
    spec.providerId = providerId;
    spec.chatModel = chatModel;
    spec.prompt = prompt;
    ImageParams &params = spec.base;
    if (!imageModel.isEmpty())
        params.imageModel = imageModel;
    else if (!defaultImageModel.isEmpty())
        params.imageModel = defaultImageModel;
    if (!quality.isEmpty())
        params.quality = quality;
    if (!size.isEmpty())
        params.size = size;
    if (!aspectRatio.isEmpty()) {
        params.aspectRatio = aspectRatio;
        params.size = QStringLiteral("auto");
    }
    if (!background.isEmpty())
        params.background = background;
    if (!format.isEmpty())
        params.outputFormat = format;
    if (compression)
        params.outputCompression = *compression;
    if (!moderation.isEmpty())
        params.moderation = moderation;
    params.partialImages = 0;
    spec.axes = axes;
    spec.imagesPerCell = imagesPerCell;
    spec.referenceImages = images;
    spec.maskPath = maskPath;
    return spec;
}

QString CliOptions::checkProvider(const QStringList &knownProviderIds) const
{
    if (!provider.isEmpty() && !knownProviderIds.contains(provider))
        return CliOptions::tr("--provider: there is no provider \"%1\"; the providers are %2.")
            .arg(provider, knownProviderIds.join(QStringLiteral(", ")));
    return {};
}

QString CliOptions::validate(const CompareSpec &spec, const QStringList &knownProviderIds) const
{
    const QString providerProblem = checkProvider(knownProviderIds);
    if (!providerProblem.isEmpty())
        return providerProblem;
    if (!size.isEmpty()) {
        QStringList models { spec.base.imageModel };
        for (const CompareAxis &axis : spec.axes) {
            if (axis.parameter == Parameter::ImageModel)
                models = axis.values;
        }
        for (const QString &model : std::as_const(models)) {
            const QString problem = ImageParams::validateSize(model, size);
            if (!problem.isEmpty())
                return CliOptions::tr("--size %1 (image model %2): %3").arg(size, model, problem);
        }
    }
    const QString problem = spec.validate(knownProviderIds);
    if (problem.isEmpty())
        return {};
    return (spec.axes.isEmpty() ? QString() : QStringLiteral("--axis: ")) + problem;
}

QString CliOptions::helpText(Command command)
{
    const bool compare = command == Command::Compare;
    QString text;
    if (compare) {
        text += CliOptions::tr(
            "Usage: easel compare --prompt TEXT --axis NAME=VALUES [--axis ...] --out DIR "
            "[options]\n\n"
            "Runs one prompt over up to three axes of settings (the first axis makes the columns "
            "of\nthe grid, the second the rows, the third the panels), without a window, and "
            "writes every\nimage exactly as received, a labelled grid.png and a results.csv into "
            "DIR.\n\n");
    } else {
        text += CliOptions::tr(
            "Usage: easel generate --prompt TEXT --out DIR [options]\n\n"
            "Generates images for one prompt without a window and writes them into DIR exactly "
            "as\nreceived (image-1.png, image-2.png, ...).\n\n");
    }
    text += CliOptions::tr("Options:\n");
    text += option(QStringLiteral("--provider ID"),
                   CliOptions::tr("demo, %1,\n%2or a profile made in the window. Default: as the "
                                  "window picks;\n%2the offline demo when no key is set.")
                       .arg(ProviderProfile::knownIds().mid(1).join(QStringLiteral(", ")),
                            QString(30, QLatin1Char(' '))));
    text += option(QStringLiteral("--prompt TEXT"), CliOptions::tr("What to draw."));
    text += option(QStringLiteral("--model ID"),
                   CliOptions::tr("Chat model, for providers without an image endpoint."));
    text += option(QStringLiteral("--image-model ID"),
                   CliOptions::tr("Image model, e.g. gpt-image-1.5 (default: the provider's)."));
    text += option(QStringLiteral("--quality Q"), CliOptions::tr("low, medium, high or auto."));
    text += option(QStringLiteral("--size WxH"),
                   CliOptions::tr("auto or WxH, e.g. 1536x1024 (what the image model makes)."));
    text += option(QStringLiteral("--aspect-ratio R"),
                   CliOptions::tr("W:H, e.g. 16:9; instead of --size."));
    text
        += option(QStringLiteral("--background B"), CliOptions::tr("transparent, opaque or auto."));
    text += option(QStringLiteral("--format F"), CliOptions::tr("png (default), jpeg or webp."));
    text += option(QStringLiteral("--compression N"),
                   CliOptions::tr("0 to 100, for jpeg and webp."));
    text += option(QStringLiteral("--moderation M"), CliOptions::tr("auto or low."));
    text += option(QStringLiteral("--n N"),
                   compare ? CliOptions::tr("Images per cell, 1 to %1 (default 1).")
                                 .arg(CompareSpec::maxImagesPerCell)
                           : CliOptions::tr("Number of images, 1 to %1 (default 1).")
                                 .arg(CompareSpec::maxImagesPerCell));
    // Explanations of several lines, each continued under the first.
    const QString newLine = QLatin1Char('\n') + QString(30, QLatin1Char(' '));
    QStringList imageLines {
        CliOptions::tr("A reference image (PNG, JPEG or WebP); repeat for several."),
        CliOptions::tr("Sent through the image tool (the image endpoint takes none);"),
        CliOptions::tr("images larger than the model takes are scaled down."),
    };
    if (compare)
        imageLines << CliOptions::tr("Every cell is sent the same images.");
    text += option(QStringLiteral("--image FILE"), imageLines.join(newLine));
    text += option(QStringLiteral("--mask FILE"),
                   CliOptions::tr("Only with exactly one --image: a PNG of that image's size,")
                       + newLine
                       + CliOptions::tr("transparent where it may change (an edit); the rest "
                                        "stays."));
    if (compare) {
        text += option(QStringLiteral("--axis NAME=VALUES"),
                       CliOptions::tr("A setting to vary, with its values separated by commas;\n%1"
                                      "prompt variants are separated by |. Up to %2 axes.")
                           .arg(QString(30, QLatin1Char(' ')))
                           .arg(CompareSpec::maxAxes));
        text += option(QStringLiteral("--concurrency N"),
                       CliOptions::tr("Requests at a time, 1 to %1 (default %2).")
                           .arg(maxConcurrency)
                           .arg(CompareRun::defaultConcurrency));
    }
    text += option(QStringLiteral("--cost-limit USD"),
                   CliOptions::tr("Ask before running above this estimated cost\n%1(default: the "
                                  "Compare setting, $1.00 unless changed).")
                       .arg(QString(30, QLatin1Char(' '))));
    text += option(QStringLiteral("--yes"),
                   CliOptions::tr("Run above the cost limit without asking (needed when stdin\n%1"
                                  "is not a terminal).")
                       .arg(QString(30, QLatin1Char(' '))));
    text += option(QStringLiteral("--out DIR"),
                   CliOptions::tr("Folder for the results; created if missing. Existing files\n%1"
                                  "are never overwritten: new ones get a -2, -3... suffix.")
                       .arg(QString(30, QLatin1Char(' '))));
    text += option(QStringLiteral("--data-dir DIR"),
                   CliOptions::tr("Settings and image store in DIR, as for the window."));
    text += option(QStringLiteral("-h, --help"), CliOptions::tr("This help."));

    if (compare) {
        QStringList names;
        for (Parameter parameter : CompareAxis::parameters())
            names << CompareAxis::name(parameter);
        // Two lines, so that the list stays within 100 columns.
        const qsizetype half = (names.size() + 1) / 2;
        text += CliOptions::tr("\nAxes: %1,\n      %2.\nExample: easel compare --prompt \"a fox\" "
                               "--axis quality=low,medium,high\n         --axis "
                               "image-model=gpt-image-1,gpt-image-1.5 --out fox\n")
                    .arg(names.mid(0, half).join(QStringLiteral(", ")),
                         names.mid(half).join(QStringLiteral(", ")));
        text += CliOptions::tr(
            "Files: NN_<axis values>.<ext> per cell (e.g. 01_low_gpt-image-1.png), "
            "grid.png, results.csv.\n");
    } else {
        text += CliOptions::tr("\nExamples: easel generate --prompt \"a fox, ink\" --quality high "
                               "--n 2 --out fox\n"
                               "          easel generate --prompt \"a stormy sky\" --image "
                               "photo.png --mask sky.png --out storm\n");
    }
    text += CliOptions::tr(
        "\nThe estimated cost is printed before anything is sent. Progress and the total cost go "
        "to\nstderr; the path of every file written goes to stdout, one a line. API keys come "
        "from the\nenvironment (e.g. OPENAI_API_KEY) or the keychain, as for the window.\n");
    text += CliOptions::tr("\nExit codes:\n"
                           "  %1    every request made its images\n"
                           "  %2    a request failed (the images of the others are written)\n"
                           "  %3    bad usage: an unknown flag or a value that is not accepted\n"
                           "  %4    refused: above the cost limit without --yes, or answered no\n"
                           "  %5    --out cannot be written\n")
                .arg(int(CliExitCode::Success))
                .arg(int(CliExitCode::Failed))
                .arg(int(CliExitCode::Usage))
                .arg(int(CliExitCode::Refused))
                .arg(int(CliExitCode::OutputNotWritable));
    text += CliOptions::tr(
        "  130  stopped by Ctrl+C (SIGINT), 143 by SIGTERM: what finished is written, then\n"
        "       the process ends by that signal, so a script's loop stops too; a second\n"
        "       Ctrl+C quits at once\n");
    return text;
}
