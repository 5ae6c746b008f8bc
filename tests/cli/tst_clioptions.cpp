// The command line of `easel generate` and `easel compare`: every flag accepted and refused with
// a message naming it, the checks that need the known providers, the spec a run is built from,
// and --help documenting every flag and exit code.
#include "chat/launchoptions.h"
#include "cli/cliexitcode.h"
#include "cli/clioptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Outcome = CliOptions::Outcome;

// `easel <command> <flags>`, with --prompt and --out added unless the row is about them.
QStringList line(const QString &command, QStringList flags, bool addRequired = true)
{
    if (addRequired) {
        if (!flags.contains(QStringLiteral("--prompt")))
            flags << QStringLiteral("--prompt") << QStringLiteral("a lighthouse at dusk");
        if (!flags.contains(QStringLiteral("--out")))
            flags << QStringLiteral("--out") << QStringLiteral("results");
        if (command == QLatin1String("compare") && !flags.contains(QStringLiteral("--axis")))
            flags << QStringLiteral("--axis") << QStringLiteral("quality=low,high");
    }
    return QStringList { QStringLiteral("easel"), command } + flags;
}

CliOptions parsed(const QStringList &arguments)
{
    CliOptions options;
    QString error;
    const Outcome outcome = CliOptions::parse(arguments, &options, &error);
    if (outcome != Outcome::Run)
        qWarning("unexpected refusal: %s", qPrintable(error));
    return options;
}

const QStringList knownIds { "demo", "openai", "aistats", "openrouter", "modelgates", "custom" };

} // namespace

class TestCliOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void readsEveryFlag();
    void normalizesValues_data();
    void normalizesValues();
    void validate_data();
    void validate();
    void specFromOptions();
    void specFromDefaults();
    void helpDocumentsEveryFlag_data();
    void helpDocumentsEveryFlag();
    void commands();
    void referenceFlags_data();
    void referenceFlags();
    void referencesInTheSpec();
    void windowlessCommandsAreTheCliCommands();

private:
    // A file of the temporary folder made by initTestCase().
    QString file(const QString &name) const { return m_files.filePath(name); }

    QTemporaryDir m_files;
};

void TestCliOptions::initTestCase()
{
    QVERIFY(m_files.isValid());
    auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile out(file(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(bytes), bytes.size());
    };
    QImage picture(32, 24, QImage::Format_ARGB32);
    picture.fill(Qt::transparent);
    QVERIFY(picture.save(file(QStringLiteral("a.png")), "PNG"));
    QVERIFY(picture.save(file(QStringLiteral("mask.png")), "PNG"));
    QVERIFY(
        picture.convertToFormat(QImage::Format_RGB32).save(file(QStringLiteral("b.jpg")), "JPEG"));
    write(QStringLiteral("notes.txt"), "not a picture at all");
    write(QStringLiteral("empty.png"), {});
    write(QStringLiteral("old.gif"), QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14));
    QVERIFY(QDir(m_files.path()).mkdir(QStringLiteral("folder.png")));
}

void TestCliOptions::parse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("errorPart"); // "" for Run and Help

    const int run = int(Outcome::Run);
    const int help = int(Outcome::Help);
    const int error = int(Outcome::Error);
    const QString g = QStringLiteral("generate");
    const QString c = QStringLiteral("compare");

    // Accepted.
    QTest::newRow("generate, required only") << line(g, {}) << run << "";
    QTest::newRow("compare, required only") << line(c, {}) << run << "";
    QTest::newRow("--provider") << line(g, { "--provider", "openai" }) << run << "";
    QTest::newRow("--provider=") << line(g, { "--provider=custom" }) << run << "";
    QTest::newRow("--model") << line(g, { "--model", "gpt-5-mini" }) << run << "";
    QTest::newRow("--image-model") << line(g, { "--image-model", "gpt-image-1" }) << run << "";
    QTest::newRow("--quality") << line(g, { "--quality", "High" }) << run << "";
    QTest::newRow("--size WxH") << line(g, { "--size", "1536x1024" }) << run << "";
    QTest::newRow("--size auto") << line(g, { "--size", "auto" }) << run << "";
    QTest::newRow("--aspect-ratio") << line(g, { "--aspect-ratio", "16:9" }) << run << "";
    QTest::newRow("--background") << line(g, { "--background", "transparent" }) << run << "";
    QTest::newRow("--format") << line(g, { "--format", "webp" }) << run << "";
    QTest::newRow("--compression with jpeg")
        << line(g, { "--format", "jpeg", "--compression", "80" }) << run << "";
    QTest::newRow("--compression with a format axis")
        << line(c, { "--compression", "50", "--axis", "format=png,webp" }) << run << "";
    QTest::newRow("--moderation") << line(g, { "--moderation", "low" }) << run << "";
    QTest::newRow("--n") << line(g, { "--n", "10" }) << run << "";
    QTest::newRow("-n") << line(g, { "-n", "3" }) << run << "";
    // One dash is read as two (not as the letters p, r, o, m, p, t).
    QTest::newRow("-prompt -out") << line(g, { "-prompt", "a fox", "-out", "o" }, false) << run
                                  << "";
    QTest::newRow("-h") << line(g, { "-h" }, false) << help << "";
    QTest::newRow("--data-dir") << line(g, { "--data-dir", "/tmp/easel" }) << run << "";
    QTest::newRow("--yes") << line(g, { "--yes" }) << run << "";
    QTest::newRow("--cost-limit") << line(g, { "--cost-limit", "2.5" }) << run << "";
    QTest::newRow("--cost-limit $") << line(g, { "--cost-limit", "$0.25" }) << run << "";
    QTest::newRow("--cost-limit 0") << line(g, { "--cost-limit", "0" }) << run << "";
    QTest::newRow("--concurrency") << line(c, { "--concurrency", "16" }) << run << "";
    QTest::newRow("three axes") << line(c,
                                        { "--axis", "quality=low,high", "--axis", "format=png,jpeg",
                                          "--axis", "image-model=gpt-image-1,gpt-image-1.5" })
                                << run << "";
    QTest::newRow("prompt axis, no --prompt")
        << line(c, { "--axis", "prompt=a fox, ink|a fox, watercolour", "--out", "x" }, false) << run
        << "";
    QTest::newRow("flags before the command's values")
        << QStringList { "easel", "generate", "--out=o", "--prompt=p", "--quality=low" } << run
        << "";
    QTest::newRow("--help") << line(g, { "--help" }, false) << help << "";
    QTest::newRow("-h") << line(c, { "-h" }, false) << help << "";
    QTest::newRow("--help with bad flags after")
        << line(g, { "--help", "--n", "99" }, false) << help << "";

    // Refused, each naming its flag.
    QTest::newRow("no command") << QStringList { "easel" } << error << "generate or compare";
    QTest::newRow("unknown flag") << line(g, { "--colour", "red" }) << error << "colour";
    QTest::newRow("--axis on generate") << line(g, { "--axis", "quality=low" }) << error << "axis";
    QTest::newRow("--concurrency on generate")
        << line(g, { "--concurrency", "2" }) << error << "concurrency";
    QTest::newRow("stray argument") << line(g, { "fox" }) << error << "\"fox\"";
    QTest::newRow("missing value")
        << QStringList { "easel", "generate", "--prompt", "p", "--out", "o", "--n" } << error
        << "--n";
    QTest::newRow("no --prompt") << line(g, { "--out", "o" }, false) << error << "--prompt";
    QTest::newRow("empty --prompt") << line(g, { "--prompt", "  " }) << error << "--prompt";
    QTest::newRow("--prompt twice")
        << line(g, { "--prompt", "a", "--prompt", "b" }) << error << "--prompt";
    QTest::newRow("no --out") << line(g, { "--prompt", "p" }, false) << error << "--out";
    QTest::newRow("empty --out") << line(g, { "--out", "" }) << error << "--out";
    QTest::newRow("empty --provider") << line(g, { "--provider", "" }) << error << "--provider";
    QTest::newRow("empty --model") << line(g, { "--model", " " }) << error << "--model";
    QTest::newRow("empty --image-model")
        << line(g, { "--image-model", "" }) << error << "--image-model";
    QTest::newRow("empty --data-dir") << line(g, { "--data-dir", "" }) << error << "--data-dir";
    // This test's own binary: a file where a folder is wanted.
    const QString aFile = QCoreApplication::applicationFilePath();
    QTest::newRow("--data-dir a file") << line(g, { "--data-dir", aFile }) << error
                                       << "--data-dir " + aFile + ": this is a file, not a folder.";
    QTest::newRow("--data-dir under a file")
        << line(g, { "--data-dir", aFile + "/data" }) << error
        << aFile + " is a file, so no folder can be made in it.";
    QTest::newRow("--quality twice")
        << line(g, { "--quality", "low", "--quality", "high" }) << error << "--quality";
    QTest::newRow("bad --quality")
        << line(g, { "--quality", "best" }) << error << "--quality: \"best\" is not a quality";
    QTest::newRow("bad --size") << line(g, { "--size", "big" }) << error << "--size";
    QTest::newRow("zero --size") << line(g, { "--size", "0x1024" }) << error << "--size";
    QTest::newRow("bad --aspect-ratio")
        << line(g, { "--aspect-ratio", "wide" }) << error << "--aspect-ratio";
    QTest::newRow("bad --background")
        << line(g, { "--background", "clear" }) << error << "--background";
    QTest::newRow("bad --format") << line(g, { "--format", "gif" }) << error << "--format";
    QTest::newRow("bad --compression")
        << line(g, { "--format", "jpeg", "--compression", "101" }) << error << "--compression";
    QTest::newRow("--compression on png")
        << line(g, { "--compression", "80" }) << error << "--compression only applies";
    QTest::newRow("--compression on explicit png")
        << line(g, { "--format", "png", "--compression", "80" }) << error << "--compression";
    QTest::newRow("bad --moderation")
        << line(g, { "--moderation", "high" }) << error << "--moderation";
    QTest::newRow("--n 0") << line(g, { "--n", "0" }) << error << "--n: \"0\"";
    QTest::newRow("--n 11") << line(g, { "--n", "11" }) << error << "from 1 to 10";
    QTest::newRow("--n word") << line(g, { "--n", "two" }) << error << "--n";
    QTest::newRow("--concurrency 0")
        << line(c, { "--concurrency", "0" }) << error << "--concurrency";
    QTest::newRow("--concurrency 17")
        << line(c, { "--concurrency", "17" }) << error << "from 1 to 16";
    QTest::newRow("--cost-limit word")
        << line(g, { "--cost-limit", "lots" }) << error << "--cost-limit";
    QTest::newRow("--cost-limit negative")
        << line(g, { "--cost-limit", "-1" }) << error << "--cost-limit";
    QTest::newRow("--cost-limit inf")
        << line(g, { "--cost-limit", "inf" }) << error << "--cost-limit";
    QTest::newRow("--yes=value") << line(g, { "--yes=please" }) << error << "yes";
    QTest::newRow("--size and --aspect-ratio")
        << line(g, { "--size", "1024x1024", "--aspect-ratio", "16:9" }) << error
        << "--size or --aspect-ratio";
    QTest::newRow("--size and an aspect-ratio axis")
        << line(c, { "--size", "1024x1024", "--axis", "aspect-ratio=1:1,16:9" }) << error
        << "--size or --aspect-ratio";
    QTest::newRow("transparent jpeg")
        << line(g, { "--background", "transparent", "--format", "jpg" }) << error
        << "--background transparent";
    QTest::newRow("compare without --axis")
        << QStringList { "easel", "compare", "--prompt", "p", "--out", "o" } << error << "--axis";
    QTest::newRow("axis without =") << line(c, { "--axis", "quality" }) << error << "--axis:";
    QTest::newRow("unknown axis") << line(c, { "--axis", "colour=red,blue" }) << error
                                  << "--axis: \"colour\" is not an axis";
    QTest::newRow("axis bad value")
        << line(c, { "--axis", "quality=low,best" }) << error << "--axis: \"best\"";
    QTest::newRow("axis empty value")
        << line(c, { "--axis", "quality=low,,high" }) << error << "--axis:";
    QTest::newRow("axis value twice")
        << line(c, { "--axis", "quality=low,Low" }) << error << "twice";
    QTest::newRow("axis given twice")
        << line(c, { "--axis", "quality=low", "--axis", "quality=high" }) << error
        << "the quality axis is given twice";
    QTest::newRow("four axes") << line(c,
                                       { "--axis", "quality=low,high", "--axis", "format=png,jpeg",
                                         "--axis", "background=opaque,auto", "--axis",
                                         "moderation=auto,low" })
                               << error << "at most 3 axes";
    QTest::newRow("flag and axis for one setting")
        << line(c, { "--quality", "high", "--axis", "quality=low,high" }) << error
        << "--quality and --axis quality";
    QTest::newRow("--provider and a provider axis")
        << line(c, { "--provider", "demo", "--axis", "provider=demo,openai" }) << error
        << "--provider and --axis provider";
    QTest::newRow("--prompt and a prompt axis")
        << line(c, { "--prompt", "x", "--axis", "prompt=a|b" }) << error
        << "--prompt and --axis prompt";
}

void TestCliOptions::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, outcome);
    QFETCH(QString, errorPart);
    CliOptions options;
    QString error;
    const Outcome got = CliOptions::parse(arguments, &options, &error);
    QVERIFY2(int(got) == outcome, qPrintable(error));
    if (got == Outcome::Error) {
        QVERIFY2(error.contains(errorPart, Qt::CaseInsensitive), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
}

void TestCliOptions::readsEveryFlag()
{
    const CliOptions g = parsed({ "easel",
                                  "generate",
                                  "--provider",
                                  "OpenAI",
                                  "--prompt",
                                  "  a fox\nin ink  ",
                                  "--model",
                                  "gpt-5",
                                  "--image-model",
                                  "gpt-image-1",
                                  "--quality",
                                  "medium",
                                  "--size",
                                  "1024X1536",
                                  "--background",
                                  "opaque",
                                  "--format",
                                  "JPG",
                                  "--compression",
                                  "70",
                                  "--moderation",
                                  "low",
                                  "--n",
                                  "4",
                                  "--out",
                                  "fox",
                                  "--data-dir",
                                  "data",
                                  "--yes",
                                  "--cost-limit",
                                  "$3" });
    QCOMPARE(g.command, CliOptions::Command::Generate);
    QCOMPARE(g.provider, QStringLiteral("openai"));
    QCOMPARE(g.prompt, QStringLiteral("a fox\nin ink"));
    QCOMPARE(g.chatModel, QStringLiteral("gpt-5"));
    QCOMPARE(g.imageModel, QStringLiteral("gpt-image-1"));
    QCOMPARE(g.quality, QStringLiteral("medium"));
    QCOMPARE(g.size, QStringLiteral("1024x1536"));
    QVERIFY(g.aspectRatio.isEmpty());
    QCOMPARE(g.background, QStringLiteral("opaque"));
    QCOMPARE(g.format, QStringLiteral("jpeg"));
    QCOMPARE(g.compression, std::optional<int>(70));
    QCOMPARE(g.moderation, QStringLiteral("low"));
    QCOMPARE(g.imagesPerCell, 4);
    QCOMPARE(g.outDir, QStringLiteral("fox"));
    QCOMPARE(g.dataDir, QStringLiteral("data"));
    QVERIFY(g.yes);
    QCOMPARE(g.costLimitUsd, std::optional<double>(3.0));
    QVERIFY(g.axes.isEmpty());

    const CliOptions c
        = parsed({ "easel", "compare", "--prompt", "p", "--out", "o", "--axis", "quality=Low, HIGH",
                   "--axis", "aspect-ratio=16:9,1:1", "--concurrency", "5" });
    QCOMPARE(c.command, CliOptions::Command::Compare);
    QCOMPARE(c.axes.size(), 2);
    QCOMPARE(c.axes.at(0).parameter, CompareAxis::Parameter::Quality);
    QCOMPARE(c.axes.at(0).values, QStringList({ "low", "high" }));
    QCOMPARE(c.axes.at(1).parameter, CompareAxis::Parameter::AspectRatio);
    QCOMPARE(c.concurrency, 5);
    QVERIFY(!c.yes);
    QVERIFY(!c.costLimitUsd);
    QVERIFY(c.provider.isEmpty()); // automatic
    QCOMPARE(c.imagesPerCell, 1);
}

void TestCliOptions::normalizesValues_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("quality") << "--quality"
                             << " HIGH "
                             << "high";
    QTest::newRow("size") << "--size"
                          << "1536X1024"
                          << "1536x1024";
    QTest::newRow("size auto") << "--size"
                               << "AUTO"
                               << "auto";
    QTest::newRow("aspect ratio") << "--aspect-ratio"
                                  << "16 : 9"
                                  << "16:9";
    QTest::newRow("background") << "--background"
                                << "Transparent"
                                << "transparent";
    QTest::newRow("format jpg") << "--format"
                                << "jpg"
                                << "jpeg";
    QTest::newRow("moderation") << "--moderation"
                                << "LOW"
                                << "low";
}

void TestCliOptions::normalizesValues()
{
    QFETCH(QString, flag);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const CliOptions o = parsed(line(QStringLiteral("generate"), { flag, value }));
    const QString got = flag == QLatin1String("--quality") ? o.quality
        : flag == QLatin1String("--size")                  ? o.size
        : flag == QLatin1String("--aspect-ratio")          ? o.aspectRatio
        : flag == QLatin1String("--background")            ? o.background
        : flag == QLatin1String("--format")                ? o.format
                                                           : o.moderation;
    QCOMPARE(got, expected);
}

void TestCliOptions::validate_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("providerId"); // the one chosen
    QTest::addColumn<QString>("defaultImageModel");
    QTest::addColumn<QString>("errorPart"); // "" = valid

    const QString g = QStringLiteral("generate");
    const QString c = QStringLiteral("compare");
    QTest::newRow("plain") << line(g, {}) << "demo"
                           << "gpt-image-1.5"
                           << "";
    QTest::newRow("known provider") << line(g, { "--provider", "openai" }) << "openai"
                                    << "gpt-image-1.5"
                                    << "";
    QTest::newRow("unknown provider") << line(g, { "--provider", "acme" }) << "demo"
                                      << "gpt-image-1.5"
                                      << "--provider: there is no provider";
    QTest::newRow("size the model makes") << line(g, { "--size", "1536x1024" }) << "demo"
                                          << "gpt-image-1.5"
                                          << "";
    QTest::newRow("size the default model cannot make")
        << line(g, { "--size", "2048x1152" }) << "demo"
        << "gpt-image-1.5"
        << "--size 2048x1152 (image model gpt-image-1.5)";
    QTest::newRow("size gpt-image-2 makes")
        << line(g, { "--size", "2048x1152", "--image-model", "gpt-image-2" }) << "demo"
        << "gpt-image-1.5"
        << "";
    QTest::newRow("size gpt-image-2 cannot make")
        << line(g, { "--size", "1000x1000", "--image-model", "gpt-image-2" }) << "demo"
        << "gpt-image-1.5"
        << "multiples of 16";
    // Six digits are still a size, just one no model makes (it used to be "not a size").
    QTest::newRow("size far too large")
        << line(g, { "--size", "100000x100000", "--image-model", "gpt-image-2" }) << "demo"
        << "gpt-image-1.5"
        << "at most 3840x2160";
    QTest::newRow("size one axis model cannot make")
        << line(c, { "--size", "2048x1152", "--axis", "image-model=gpt-image-2,gpt-image-1" })
        << "demo"
        << "gpt-image-1.5"
        << "(image model gpt-image-1)";
    QTest::newRow("size axis the model cannot make")
        << line(c, { "--axis", "size=1024x1024,2048x1152" }) << "demo"
        << "gpt-image-1.5"
        << "--axis: Cell 2";
    QTest::newRow("transparent with a jpeg axis")
        << line(c, { "--background", "transparent", "--axis", "format=png,jpeg" }) << "demo"
        << "gpt-image-1.5"
        << "--axis:";
    QTest::newRow("compression axis on png") << line(c, { "--axis", "compression=50,90" }) << "demo"
                                             << "gpt-image-1.5"
                                             << "--axis:";
    QTest::newRow("size axis and aspect-ratio axis")
        << line(c, { "--axis", "size=1024x1024", "--axis", "aspect-ratio=16:9" }) << "demo"
        << "gpt-image-1.5"
        << "--axis: Use either";
    QTest::newRow("unknown provider on the axis")
        << line(c, { "--axis", "provider=demo,acme" }) << "demo"
        << "gpt-image-1.5"
        << "--axis: There is no provider \"acme\"";
    QTest::newRow("providers on the axis")
        << line(c, { "--axis", "provider=demo,custom" }) << "demo"
        << "gpt-image-1.5"
        << "";
}

void TestCliOptions::validate()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, providerId);
    QFETCH(QString, defaultImageModel);
    QFETCH(QString, errorPart);
    const CliOptions options = parsed(arguments);
    const QString problem
        = options.validate(options.toSpec(providerId, defaultImageModel), knownIds);
    if (errorPart.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(errorPart), qPrintable(problem));
    if (errorPart.startsWith(QLatin1String("--provider")))
        QCOMPARE(options.checkProvider(knownIds), problem);
    else
        QVERIFY(options.checkProvider(knownIds).isEmpty());
}

void TestCliOptions::specFromOptions()
{
    const CliOptions options = parsed({ "easel",
                                        "compare",
                                        "--prompt",
                                        "a fox",
                                        "--out",
                                        "o",
                                        "--model",
                                        "gpt-5",
                                        "--image-model",
                                        "gpt-image-1",
                                        "--aspect-ratio",
                                        "16:9",
                                        "--background",
                                        "opaque",
                                        "--format",
                                        "webp",
                                        "--compression",
                                        "60",
                                        "--moderation",
                                        "low",
                                        "--n",
                                        "2",
                                        "--axis",
                                        "quality=low,medium,high",
                                        "--axis",
                                        "provider=demo,openai" });
    const CompareSpec spec = options.toSpec(QStringLiteral("demo"), QStringLiteral("ignored"));
    QCOMPARE(spec.providerId, QStringLiteral("demo"));
    QCOMPARE(spec.chatModel, QStringLiteral("gpt-5"));
    QCOMPARE(spec.prompt, QStringLiteral("a fox"));
    QCOMPARE(spec.base.imageModel, QStringLiteral("gpt-image-1"));
    QCOMPARE(spec.base.aspectRatio, QStringLiteral("16:9"));
    QCOMPARE(spec.base.size, QStringLiteral("auto")); // else the size would win over the ratio
    QCOMPARE(spec.base.background, QStringLiteral("opaque"));
    QCOMPARE(spec.base.outputFormat, QStringLiteral("webp"));
    QCOMPARE(spec.base.outputCompression, 60);
    QCOMPARE(spec.base.moderation, QStringLiteral("low"));
    QCOMPARE(spec.base.partialImages, 0); // nobody watches previews here; they cost tokens
    QCOMPARE(spec.imagesPerCell, 2);
    QCOMPARE(spec.axes, options.axes);
    QCOMPARE(spec.cellCount(), 6);
    QCOMPARE(spec.imageCount(), 12);
    QVERIFY(options.validate(spec, knownIds).isEmpty());
}

void TestCliOptions::specFromDefaults()
{
    const CliOptions options = parsed(line(QStringLiteral("generate"), { "--quality", "low" }));
    const CompareSpec spec
        = options.toSpec(QStringLiteral("openrouter"), QStringLiteral("openai/gpt-image-1"));
    const ImageParams defaults;
    QCOMPARE(spec.providerId, QStringLiteral("openrouter"));
    QVERIFY(spec.chatModel.isEmpty()); // the provider's
    QCOMPARE(spec.base.imageModel, QStringLiteral("openai/gpt-image-1")); // the provider's
    QCOMPARE(spec.base.quality, QStringLiteral("low"));
    QCOMPARE(spec.base.size, defaults.size);
    QCOMPARE(spec.base.background, defaults.background);
    QCOMPARE(spec.base.outputFormat, defaults.outputFormat);
    QCOMPARE(spec.base.outputCompression, defaults.outputCompression);
    QCOMPARE(spec.base.moderation, defaults.moderation);
    QVERIFY(spec.axes.isEmpty());
    QCOMPARE(spec.cellCount(), 1);
    // No default from the provider either: ImageParams' own.
    QCOMPARE(options.toSpec(QStringLiteral("x"), QString()).base.imageModel, defaults.imageModel);
}

void TestCliOptions::helpDocumentsEveryFlag_data()
{
    QTest::addColumn<int>("command");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QStringList>("absent");
    const QStringList common { "--provider",   "--prompt",      "--model",        "--image-model",
                               "--quality",    "--size",        "--aspect-ratio", "--background",
                               "--format",     "--compression", "--moderation",   "--n",
                               "--cost-limit", "--yes",         "--out",          "--data-dir",
                               "--image",      "--mask",        "--help" };
    QTest::newRow("generate") << int(CliOptions::Command::Generate) << common
                              << QStringList { "--axis", "--concurrency" };
    QTest::newRow("compare") << int(CliOptions::Command::Compare)
                             << common + QStringList { "--axis", "--concurrency" } << QStringList();
}

void TestCliOptions::helpDocumentsEveryFlag()
{
    QFETCH(int, command);
    QFETCH(QStringList, flags);
    QFETCH(QStringList, absent);
    const QString help = CliOptions::helpText(CliOptions::Command(command));
    for (const QString &flag : flags) {
        // At the start of an option line: "  --flag".
        QVERIFY2(help.contains(QStringLiteral("  ") + flag + QLatin1Char(' '))
                     || help.contains(QStringLiteral(", ") + flag),
                 qPrintable(flag));
        // And every documented flag is one the parser takes.
        if (flag == QLatin1String("--help"))
            continue;
        QStringList arguments = line(CliOptions::commandName(CliOptions::Command(command)), {});
        arguments << flag;
        QString error;
        CliOptions options;
        CliOptions::parse(arguments, &options, &error);
        QVERIFY2(!error.startsWith(QLatin1String("Unknown option")), qPrintable(error));
    }
    for (const QString &flag : absent)
        QVERIFY2(!help.contains(flag), qPrintable(flag));
    for (CliExitCode code : { CliExitCode::Success, CliExitCode::Failed, CliExitCode::Usage,
                              CliExitCode::Refused, CliExitCode::OutputNotWritable })
        QVERIFY(help.contains(QStringLiteral("\n  %1  ").arg(int(code))));
    for (const QString &lineText : help.split(QLatin1Char('\n')))
        QVERIFY2(lineText.size() <= 100, qPrintable(lineText));
    if (CliOptions::Command(command) == CliOptions::Command::Compare) {
        for (CompareAxis::Parameter parameter : CompareAxis::parameters())
            QVERIFY2(help.contains(CompareAxis::name(parameter)),
                     qPrintable(CompareAxis::name(parameter)));
    }
}

void TestCliOptions::commands()
{
    QVERIFY(CliOptions::isCommand(QStringLiteral("generate")));
    QVERIFY(CliOptions::isCommand(QStringLiteral("compare")));
    QVERIFY(!CliOptions::isCommand(QStringLiteral("--provider")));
    QVERIFY(!CliOptions::isCommand(QStringLiteral("Generate")));
    QVERIFY(!CliOptions::isCommand(QString()));
    QCOMPARE(CliOptions::commandName(CliOptions::Command::Compare), QStringLiteral("compare"));
    QCOMPARE(CliOptions::commandFromName(QStringLiteral("generate")),
             std::optional(CliOptions::Command::Generate));
}

void TestCliOptions::referenceFlags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorPart"); // "" = accepted
    QTest::addColumn<QStringList>("images"); // as read, when accepted
    QTest::addColumn<QString>("mask");

    const QString g = QStringLiteral("generate");
    const QString c = QStringLiteral("compare");
    const QString a = file(QStringLiteral("a.png"));
    const QString b = file(QStringLiteral("b.jpg"));
    const QString m = file(QStringLiteral("mask.png"));
    const QString missing = file(QStringLiteral("gone.png"));

    // Accepted.
    QTest::newRow("one --image") << line(g, { "--image", a }) << "" << QStringList { a } << "";
    QTest::newRow("--image repeated, order kept")
        << line(g, { "--image", b, "--image", a }) << "" << QStringList { b, a } << "";
    QTest::newRow("--image=") << line(g, { "--image=" + a }) << "" << QStringList { a } << "";
    QTest::newRow("the same image twice")
        << line(g, { "--image", a, "--image", a }) << "" << QStringList { a, a } << "";
    QTest::newRow("--image and --mask")
        << line(g, { "--image", a, "--mask", m }) << "" << QStringList { a } << m;
    QTest::newRow("--mask before --image")
        << line(g, { "--mask", m, "--image", a }) << "" << QStringList { a } << m;
    QTest::newRow("compare with two --image")
        << line(c, { "--image", a, "--image", b }) << "" << QStringList { a, b } << "";
    QTest::newRow("compare with --image and --mask")
        << line(c, { "--image", a, "--mask", m }) << "" << QStringList { a } << m;

    // Refused, naming the flag (and the file as written).
    QTest::newRow("--mask without --image")
        << line(g, { "--mask", m }) << "--mask needs the image it edits" << QStringList() << "";
    QTest::newRow("--mask with two --image")
        << line(g, { "--image", a, "--image", b, "--mask", m })
        << "--mask edits one image, but --image is given 2 times" << QStringList() << "";
    QTest::newRow("compare: --mask without --image")
        << line(c, { "--mask", m }) << "--mask needs the image it edits" << QStringList() << "";
    QTest::newRow("compare: --mask with three --image")
        << line(c, { "--image", a, "--image", b, "--image", a, "--mask", m })
        << "--image is given 3 times" << QStringList() << "";
    QTest::newRow("--mask twice") << line(g, { "--image", a, "--mask", m, "--mask", m })
                                  << "--mask is given more than once" << QStringList() << "";
    QTest::newRow("missing --image")
        << line(g, { "--image", missing }) << "--image " + missing + ": there is no such file."
        << QStringList() << "";
    QTest::newRow("missing second --image")
        << line(g, { "--image", a, "--image", missing })
        << "--image " + missing + ": there is no such file." << QStringList() << "";
    QTest::newRow("missing --mask")
        << line(g, { "--image", a, "--mask", missing })
        << "--mask " + missing + ": there is no such file." << QStringList() << "";
    QTest::newRow("--image a folder") << line(g, { "--image", file(QStringLiteral("folder.png")) })
                                      << "this is a folder" << QStringList() << "";
    QTest::newRow("--mask a folder")
        << line(g, { "--image", a, "--mask", file(QStringLiteral("folder.png")) })
        << "--mask " + file(QStringLiteral("folder.png")) + ": this is a folder" << QStringList()
        << "";
    QTest::newRow("--image not an image")
        << line(g, { "--image", file(QStringLiteral("notes.txt")) })
        << "--image " + file(QStringLiteral("notes.txt"))
            + ": this is not a PNG, JPEG or WebP image."
        << QStringList() << "";
    QTest::newRow("--image empty file")
        << line(g, { "--image", file(QStringLiteral("empty.png")) })
        << "this is not a PNG, JPEG or WebP image." << QStringList() << "";
    QTest::newRow("--image a gif")
        << line(g, { "--image", file(QStringLiteral("old.gif")) })
        << "old.gif: this is not a PNG, JPEG or WebP image." << QStringList() << "";
    QTest::newRow("--mask a jpeg")
        << line(g, { "--image", a, "--mask", b }) << "--mask " + b + ": a mask must be a PNG"
        << QStringList() << "";
    QTest::newRow("empty --image")
        << line(g, { "--image", " " }) << "--image needs a value" << QStringList() << "";
    QTest::newRow("empty --mask") << line(g, { "--image", a, "--mask", "" })
                                  << "--mask needs a value" << QStringList() << "";
    QTest::newRow("--image without its value")
        << QStringList { "easel", "generate", "--prompt", "p", "--out", "o", "--image" }
        << "--image" << QStringList() << "";
}

void TestCliOptions::referenceFlags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorPart);
    QFETCH(QStringList, images);
    QFETCH(QString, mask);
    CliOptions options;
    QString error;
    const Outcome got = CliOptions::parse(arguments, &options, &error);
    if (errorPart.isEmpty()) {
        QVERIFY2(got == Outcome::Run, qPrintable(error));
        QCOMPARE(options.images, images);
        QCOMPARE(options.maskPath, mask);
        return;
    }
    QCOMPARE(got, Outcome::Error);
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void TestCliOptions::referencesInTheSpec()
{
    // Relative names are kept as absolute paths: a stored run still finds its files when the
    // window opens it from another folder.
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_files.path()));
    CliOptions options;
    QString error;
    const Outcome got = CliOptions::parse(
        line(QStringLiteral("compare"), { "--image", "a.png", "--mask", "./mask.png" }), &options,
        &error);
    QVERIFY(QDir::setCurrent(before));
    QVERIFY2(got == Outcome::Run, qPrintable(error));
    QCOMPARE(options.images,
             QStringList { QFileInfo(file(QStringLiteral("a.png"))).absoluteFilePath() });
    QCOMPARE(options.maskPath, QFileInfo(file(QStringLiteral("mask.png"))).absoluteFilePath());

    const CompareSpec spec
        = options.toSpec(QStringLiteral("demo"), QStringLiteral("gpt-image-1.5"));
    QCOMPARE(spec.referenceImages, options.images);
    QCOMPARE(spec.maskPath, options.maskPath);
    QVERIFY2(options.validate(spec, knownIds).isEmpty(),
             qPrintable(options.validate(spec, knownIds)));
    // Without the flags the spec has none.
    const CompareSpec plain
        = parsed(line(QStringLiteral("generate"), {})).toSpec(QStringLiteral("demo"), QString());
    QVERIFY(plain.referenceImages.isEmpty());
    QVERIFY(plain.maskPath.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliOptions)
// The window's parser names the commands to tell a misplaced one (LaunchOptions); they must be the
// ones this parser runs.
void TestCliOptions::windowlessCommandsAreTheCliCommands()
{
    const QStringList commands = LaunchOptions::windowlessCommands();
    QCOMPARE(commands, (QStringList { "generate", "compare" }));
    for (const QString &command : commands)
        QVERIFY2(CliOptions::isCommand(command), qPrintable(command));
    QVERIFY(!CliOptions::isCommand(QStringLiteral("window")));
}

#include "tst_clioptions.moc"
