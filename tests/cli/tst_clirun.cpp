// `easel generate` and `easel compare` end to end: the real easel binary started as a child with
// no display and no QT_QPA_PLATFORM, against the offline demo or the fake gateway, its stdin a
// pipe (not a terminal). Checks the files written (the exact bytes received, grid.png,
// results.csv), the progress and total on stderr, the paths on stdout and every exit code.
#include "cli/clioptions.h"
#include "compare/compareresultscsv.h"
#include "compare/contactsheet.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "store/historystore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const providerVariables[]
    = { "OPENAI_API_KEY",       "OPENAI_BASE_URL",      "AI_STATS_API_KEY",   "AI_STATS_BASE_URL",
        "OPENROUTER_API_KEY",   "OPENROUTER_BASE_URL",  "MODELGATES_API_KEY", "MODELGATES_BASE_URL",
        "EASEL_CUSTOM_API_KEY", "EASEL_CUSTOM_BASE_URL" };

struct Result
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
    QStringList outLines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// The files of the content-addressed store under `root`, by the hash of their bytes.
QHash<QByteArray, QString> storeFiles(const QString &root)
{
    QHash<QByteArray, QString> files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(sha256(readAll(path)), path);
    }
    return files;
}

QStringList imageFiles(const QString &dir)
{
    return QDir(dir).entryList({ "*.png", "*.jpg", "*.webp" }, QDir::Files, QDir::Name);
}

// An images-endpoint stream (wire-formats B.4) with one final image of `png`'s bytes.
FakeResponse imagesStream(const QByteArray &png)
{
    QJsonObject completed { { "size", "1024x1024" },
                            { "quality", "low" },
                            { "background", "opaque" },
                            { "output_format", "png" },
                            { "b64_json", QString::fromLatin1(png.toBase64()) } };
    completed.insert(
        "usage",
        QJsonObject { { "input_tokens", 12 }, { "output_tokens", 272 }, { "total_tokens", 284 } });
    return FakeResponse::sse({ TestPayloads::sse("image_generation.completed", completed) });
}

FakeResponse engineFire()
{
    return FakeResponse::json(500,
                              R"({"error":{"message":"The engine caught fire",)"
                              R"("type":"server_error"}})");
}

// A Responses stream (wire-formats A.3) whose one image_generation_call carries `png`.
FakeResponse responsesStream(const QByteArray &png)
{
    return FakeResponse::sse(
        { TestPayloads::sse("response.created",
                            { { "response", QJsonObject { { "id", "resp_1" } } } }),
          TestPayloads::sse(
              "response.output_item.done",
              { { "item",
                  QJsonObject { { "type", "image_generation_call" },
                                { "id", "ig_1" },
                                { "status", "completed" },
                                { "result", QString::fromLatin1(png.toBase64()) } } } }),
          TestPayloads::sse("response.completed",
                            { { "response",
                                QJsonObject { { "id", "resp_1" },
                                              { "status", "completed" },
                                              { "usage",
                                                QJsonObject { { "input_tokens", 50 },
                                                              { "output_tokens", 10 } } } } } }) });
}

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

using TestPayloads::dataUrlBytes;

QJsonObject bodyOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

// The content parts of the one input message of a Responses body.
QJsonArray inputContent(const QJsonObject &body)
{
    return body.value("input").toArray().at(0).toObject().value("content").toArray();
}

// The turns of the one run kept in the history under `dataDir`.
QList<Turn> storedTurns(const QString &dataDir)
{
    HistoryStore history(dataDir + QStringLiteral("/history.sqlite"));
    if (!history.open().result().ok)
        return {};
    const QList<ConversationSummary> runs = history.conversations().result();
    return runs.size() == 1 ? history.turns(runs.constFirst().id).result() : QList<Turn>();
}

QStringList csvRecords(const QByteArray &csv)
{
    QStringList records = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
    if (!records.isEmpty() && records.constLast().isEmpty())
        records.removeLast();
    return records;
}

} // namespace

class TestCliRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void helpListsEveryFlag_data();
    void helpListsEveryFlag();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void generateWritesTheStoredBytes();
    void generateWithoutKeyUsesTheDemo();
    void compareWritesImagesGridAndCsv();
    void failingCellExitsOneAndKeepsTheOthers();
    void costGateRefusesWithoutTerminal();
    void unwritableOutExitsFourBeforeSending();
    void generateSendsReferenceImages();
    void generateSendsMaskedEdit();
    void compareSharesScaledReferences();
    void badMaskExitsTwoAndSendsNothing();
    void windowLauncherAnswersOnTheTerminal_data();
    void windowLauncherAnswersOnTheTerminal();

private:
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    Result easel(const QStringList &arguments, const QHash<QString, QString> &environment = {});
    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY2(QFile::exists(QStringLiteral(EASEL_BINARY)), EASEL_BINARY);
}

Result TestCliRun::easel(const QStringList &arguments, const QHash<QString, QString> &environment)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : providerVariables)
        env.remove(QString::fromLatin1(name));
    // No display of any kind, and nothing telling Qt which platform to use.
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("EASEL_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("share")));
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(EASEL_BINARY), arguments);
    Result result;
    if (!process.waitForStarted(10000))
        return result;
    process.closeWriteChannel(); // stdin: a pipe at its end, not a terminal
    // The event loop keeps running meanwhile, so a fake gateway in this process can answer.
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 90000)
        QTest::qWait(20);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

void TestCliRun::helpListsEveryFlag_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("flags");
    const QStringList common { "--provider",   "--prompt",      "--model",        "--image-model",
                               "--quality",    "--size",        "--aspect-ratio", "--background",
                               "--format",     "--compression", "--moderation",   "--n",
                               "--cost-limit", "--yes",         "--out",          "--data-dir",
                               "--image",      "--mask",        "--help" };
    QTest::newRow("generate") << "generate" << common;
    QTest::newRow("compare") << "compare" << common + QStringList { "--axis", "--concurrency" };
}

void TestCliRun::helpListsEveryFlag()
{
    QFETCH(QString, command);
    QFETCH(QStringList, flags);
    const Result result = easel({ command, QStringLiteral("--help") });
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith(QStringLiteral("Usage: easel ") + command),
             qPrintable(result.out));
    for (const QString &flag : flags)
        QVERIFY2(result.out.contains(flag), qPrintable(flag));
    QVERIFY2(result.out.contains(QLatin1String("Exit codes")), qPrintable(result.out));
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
}

void TestCliRun::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorPart");
    // The rows are made before init() makes the temporary folder: "OUT" stands for --out there.
    const QString out = QStringLiteral("OUT");
    QTest::newRow("unknown flag") << QStringList { "generate", "--prompt", "p",  "--out",
                                                   out,        "--colour", "red" }
                                  << "Unknown option 'colour'";
    QTest::newRow("bad quality") << QStringList { "compare", "--prompt",        "p", "--out", out,
                                                  "--axis",  "quality=low,best" }
                                 << "--axis: \"best\" is not a quality";
    QTest::newRow("no --out") << QStringList { "generate", "--prompt", "p" } << "--out";
    QTest::newRow("--axis on generate")
        << QStringList { "generate", "--prompt", "p", "--out", out, "--axis", "quality=low" }
        << "axis";
    QTest::newRow("unknown provider")
        << QStringList { "generate", "--provider", "acme", "--prompt", "p", "--out", out }
        << "--provider: there is no provider \"acme\"";
    QTest::newRow("size the model cannot make")
        << QStringList { "generate", "--provider", "demo",   "--prompt", "p",
                         "--out",    out,          "--size", "4096x4096" }
        << "--size 4096x4096";
    QTest::newRow("--mask without --image")
        << QStringList { "generate", "--prompt", "p", "--out", out, "--mask", "m.png" }
        << "--mask needs the image it edits";
    QTest::newRow("missing --image")
        << QStringList { "compare", "--prompt",         "p",       "--out",         out,
                         "--axis",  "quality=low,high", "--image", "/nowhere/a.png" }
        << "--image /nowhere/a.png: there is no such file.";
}

void TestCliRun::badUsageExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorPart);
    arguments.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")),
                               path(QStringLiteral("out")));
    const Result result = easel(arguments + QStringList { "--data-dir", path("data") });
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(errorPart), qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("Try 'easel %1 --help'.").arg(arguments.first())),
             qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
    QVERIFY(imageFiles(path(QStringLiteral("out"))).isEmpty());
}

void TestCliRun::generateWritesTheStoredBytes()
{
    const QString out = path(QStringLiteral("out"));
    const QString data = path(QStringLiteral("data"));
    const Result result
        = easel({ "generate", "--provider", "demo", "--prompt", "a lighthouse at dusk", "--n", "2",
                  "--out", out, "--data-dir", data });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(imageFiles(out), QStringList({ "image-1.png", "image-2.png" }));
    QCOMPARE(result.outLines(),
             QStringList(
                 { out + QStringLiteral("/image-1.png"), out + QStringLiteral("/image-2.png") }));

    // Each file is a valid image and byte for byte the one in the store under --data-dir.
    const QHash<QByteArray, QString> store = storeFiles(data + QStringLiteral("/images"));
    QCOMPARE(store.size(), 2);
    for (const QString &name : imageFiles(out)) {
        const QByteArray bytes = readAll(out + QLatin1Char('/') + name);
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY2(store.contains(sha256(bytes)), qPrintable(name));
        QCOMPARE(readAll(store.value(sha256(bytes))), bytes);
        QImage image;
        QVERIFY2(image.loadFromData(bytes), qPrintable(name));
        QVERIFY(image.width() >= 256 && image.height() >= 256);
    }
    QVERIFY(readAll(out + QStringLiteral("/image-1.png"))
            != readAll(out + QStringLiteral("/image-2.png")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/grid.png"))); // compare only

    QVERIFY2(result.err.contains(QLatin1String("Provider: Offline demo (demo)")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Estimate: 2 images")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("[1/1] ")), qPrintable(result.err));
    const QStringList lines = result.err.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.constLast(), QStringLiteral("Total: $0.00 (demo), 2 images."));

    // A second run into the same folder keeps the first run's files.
    const QByteArray first = readAll(out + QStringLiteral("/image-1.png"));
    const Result again = easel({ "generate", "--provider", "demo", "--prompt", "a red door",
                                 "--out", out, "--data-dir", data });
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(imageFiles(out), QStringList({ "image-1-2.png", "image-1.png", "image-2.png" }));
    QCOMPARE(readAll(out + QStringLiteral("/image-1.png")), first);
    QCOMPARE(again.outLines(), QStringList { out + QStringLiteral("/image-1-2.png") });
}

void TestCliRun::generateWithoutKeyUsesTheDemo()
{
    // No provider named and no key anywhere: the offline demo, as in the window.
    const Result result = easel({ "generate", "--prompt", "a fox", "--out",
                                  path(QStringLiteral("out")), "--data-dir", path("data") });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Provider: Offline demo (demo)")),
             qPrintable(result.err));
    QCOMPARE(imageFiles(path(QStringLiteral("out"))), QStringList { "image-1.png" });
    // The run is in the history, as a comparison of one cell.
    HistoryStore history(path("data") + QStringLiteral("/history.sqlite"));
    QVERIFY(history.open().result().ok);
    const QList<ConversationSummary> runs = history.conversations().result();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.at(0).kind, ConversationSummary::Kind::Compare);
    QCOMPARE(runs.at(0).imageCount, 1);

    // A provider named without its key is refused: a script gets no demo pictures by surprise.
    const Result named = easel({ "generate", "--provider", "openai", "--prompt", "a fox", "--out",
                                 path(QStringLiteral("out2")), "--data-dir", path("data") });
    QVERIFY(named.finished);
    QCOMPARE(named.exitCode, 2);
    QVERIFY2(named.err.contains(QLatin1String("OPENAI_API_KEY is not set")), qPrintable(named.err));
    QVERIFY(imageFiles(path(QStringLiteral("out2"))).isEmpty());
}

void TestCliRun::compareWritesImagesGridAndCsv()
{
    const QString out = path(QStringLiteral("out"));
    const QStringList arguments {
        "compare", "--provider",       "demo",      "--prompt",        "a lighthouse",
        "--axis",  "quality=low,high", "--axis",    "format=png,jpeg", "--out",
        out,       "--data-dir",       path("data")
    };
    const Result result = easel(arguments);
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList images = imageFiles(out);
    QCOMPARE(images,
             QStringList({ "01_low_png.png", "02_high_png.png", "03_low_jpeg.jpg",
                           "04_high_jpeg.jpg", "grid.png" }));
    for (const QString &name : images.mid(0, 4)) {
        const QByteArray bytes = readAll(out + QLatin1Char('/') + name);
        if (name.endsWith(QLatin1String(".jpg")))
            QVERIFY2(bytes.startsWith("\xff\xd8\xff"), qPrintable(name));
        else
            QVERIFY2(bytes.startsWith("\x89PNG"), qPrintable(name));
        QImage image;
        QVERIFY2(image.loadFromData(bytes), qPrintable(name));
    }

    // grid.png: decodable, the contact sheet's size for this spec, images drawn in the cells.
    CliOptions options;
    QString error;
    QVERIFY(CliOptions::parse(QStringList { "easel" } + arguments, &options, &error)
            == CliOptions::Outcome::Run);
    const CompareSpec spec
        = options.toSpec(QStringLiteral("demo"), QStringLiteral("gpt-image-1.5"));
    const ContactSheet sheet(spec, spec.cells(), {});
    QImage grid;
    QVERIFY(grid.load(out + QStringLiteral("/grid.png")));
    QCOMPARE(grid.size(), sheet.size());
    QVERIFY(grid.width() > 2 * ContactSheet::minimumCellSize && grid.height() > grid.width() / 3);
    for (int cell = 0; cell < 4; ++cell) {
        const QRect box = sheet.cellRect(cell);
        QVERIFY(!box.isNull());
        QVERIFY2(grid.pixelColor(box.center()) != QColor(Qt::white),
                 qPrintable(QString::number(cell)));
    }

    // results.csv: the header, then one row per cell naming its file.
    const QStringList records = csvRecords(readAll(out + QStringLiteral("/results.csv")));
    QCOMPARE(records.size(), 5);
    QStringList header;
    for (const QString &field : CompareResultsCsv::header(spec))
        header << CompareResultsCsv::quoteField(field);
    QCOMPARE(records.at(0), header.join(QLatin1Char(',')));
    for (int row = 1; row <= 4; ++row) {
        QVERIFY2(records.at(row).contains(QLatin1String(",done,")), qPrintable(records.at(row)));
        QVERIFY2(records.at(row).endsWith(images.at(row - 1)), qPrintable(records.at(row)));
    }
    QVERIFY(records.at(1).startsWith(QLatin1String("low,png,")));
    QVERIFY(records.at(4).startsWith(QLatin1String("high,jpeg,")));

    QCOMPARE(result.outLines().size(), 6);
    for (const QString &line : result.outLines())
        QVERIFY2(QFile::exists(line), qPrintable(line));
    for (int n = 1; n <= 4; ++n)
        QVERIFY2(result.err.contains(QStringLiteral("[%1/4] ").arg(n)), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("quality=high, format=jpeg: done in ")),
             qPrintable(result.err));
    QVERIFY2(
        result.err.trimmed().endsWith(QLatin1String("Total: $0.00 (demo), 4 images in 4 cells.")),
        qPrintable(result.err));
}

void TestCliRun::failingCellExitsOneAndKeepsTheOthers()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    const QByteArray red = TestPayloads::pngBytes({ 64, 48 }, Qt::darkRed);
    const QByteArray green = TestPayloads::pngBytes({ 64, 48 }, Qt::darkGreen);
    // One request at a time, so the answers go to the cells in order.
    fake.enqueue(imagesStream(red));
    fake.enqueue(engineFire());
    fake.enqueue(imagesStream(green));
    const QString out = path(QStringLiteral("out"));
    const Result result = easel({ "compare", "--provider", "custom", "--axis",
                                  "prompt=a red fox|a blue fox|a green fox", "--concurrency", "1",
                                  "--yes", "--out", out, "--data-dir", path("data") },
                                { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 1, qPrintable(result.err));

    const QList<HttpRequest> sent = fake.requestsFor("/v1/images/generations");
    QCOMPARE(sent.size(), 3);
    QCOMPARE(fake.requestCount(), 3);
    QStringList prompts;
    for (const HttpRequest &request : sent)
        prompts << QJsonDocument::fromJson(request.body).object().value("prompt").toString();
    QCOMPARE(prompts, QStringList({ "a red fox", "a blue fox", "a green fox" }));

    // The good cells' images, exactly as the gateway sent them; nothing for the failed one.
    QCOMPARE(imageFiles(out),
             QStringList({ "01_a-red-fox.png", "03_a-green-fox.png", "grid.png" }));
    QCOMPARE(readAll(out + QStringLiteral("/01_a-red-fox.png")), red);
    QCOMPARE(readAll(out + QStringLiteral("/03_a-green-fox.png")), green);
    QImage grid;
    QVERIFY(grid.load(out + QStringLiteral("/grid.png")));

    const QStringList records = csvRecords(readAll(out + QStringLiteral("/results.csv")));
    QCOMPARE(records.size(), 4);
    QVERIFY2(records.at(2).contains(QLatin1String("failed")), qPrintable(records.at(2)));
    QVERIFY2(records.at(2).contains(QLatin1String("engine caught fire")),
             qPrintable(records.at(2)));
    QVERIFY(records.at(1).endsWith(QLatin1String("01_a-red-fox.png")));

    QVERIFY2(result.err.contains(QLatin1String("[2/3] prompt=a blue fox: failed: ")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("engine caught fire")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("[3/3] prompt=a green fox: done in ")),
             qPrintable(result.err));
    const QString last = result.err.trimmed().split(QLatin1Char('\n')).constLast();
    QVERIFY2(last.startsWith(QLatin1String("Total: $"))
                 && last.contains(QLatin1String("(estimated)"))
                 && last.endsWith(QLatin1String("2 images in 3 cells; 1 of 3 failed.")),
             qPrintable(last));
}

void TestCliRun::costGateRefusesWithoutTerminal()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setRoute("/v1/images/generations", imagesStream(TestPayloads::pngBytes()));
    const QString out = path(QStringLiteral("out"));
    const Result result = easel({ "compare", "--provider", "custom", "--prompt", "a fox", "--axis",
                                  "quality=low,high", "--cost-limit", "0.01", "--out", out,
                                  "--data-dir", path("data") },
                                { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 3, qPrintable(result.err));
    QCOMPARE(fake.requestCount(), 0);
    QVERIFY2(result.err.contains(QLatin1String("above the $0.01 limit")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("--yes")), qPrintable(result.err));
    QVERIFY2(!result.err.contains(QLatin1String("Continue?")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Estimate: 2 images")), qPrintable(result.err));
    QVERIFY(imageFiles(out).isEmpty());
    QVERIFY(result.out.isEmpty());

    // The same run with --yes is sent.
    const Result accepted = easel({ "compare", "--provider", "custom", "--prompt", "a fox",
                                    "--axis", "quality=low,high", "--cost-limit", "0.01", "--yes",
                                    "--out", out, "--data-dir", path("data") },
                                  { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
    QCOMPARE(fake.requestCount(), 2);
}

void TestCliRun::unwritableOutExitsFourBeforeSending()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setRoute("/v1/images/generations", imagesStream(TestPayloads::pngBytes()));
    QFile blocker(path(QStringLiteral("taken")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Result result = easel({ "generate", "--provider", "custom", "--prompt", "a fox", "--out",
                                  path(QStringLiteral("taken/out")), "--data-dir", path("data") },
                                { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 4, qPrintable(result.err));
    QCOMPARE(fake.requestCount(), 0);
    QVERIFY2(result.err.contains(QLatin1String("--out ")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Nothing was sent")), qPrintable(result.err));
}

QString TestCliRun::writeFile(const QString &name, const QByteArray &bytes) const
{
    QFile file(path(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path(name)));
    return path(name);
}

void TestCliRun::generateSendsReferenceImages()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    const QByteArray made = TestPayloads::pngBytes({ 64, 48 }, Qt::darkMagenta);
    fake.setRoute("/v1/responses", responsesStream(made));
    fake.setRoute("/v1/images/generations", imagesStream(TestPayloads::pngBytes()));
    const QByteArray png = TestPayloads::pngBytes({ 64, 48 }, Qt::darkBlue);
    QImage photo(80, 60, QImage::Format_RGB32);
    photo.fill(Qt::darkYellow);
    const QByteArray jpeg = encoded(photo, "JPEG");
    const QString a = writeFile(QStringLiteral("a.png"), png);
    const QString b = writeFile(QStringLiteral("b.jpg"), jpeg);
    const QString out = path(QStringLiteral("out"));
    const Result result
        = easel({ "generate", "--provider", "custom", "--prompt", "the same fox, at night",
                  "--image", a, "--image", b, "--out", out, "--data-dir", path("data") },
                { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));

    // The image tool, not the direct endpoint, which takes no input images.
    QCOMPARE(fake.requestCount(), 1);
    const QList<HttpRequest> sent = fake.requestsFor("/v1/responses");
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = bodyOf(sent.constFirst());
    const QJsonArray content = inputContent(body);
    QCOMPARE(content.size(), 3);
    QCOMPARE(content.at(0).toObject().value("type").toString(), QStringLiteral("input_text"));
    QCOMPARE(content.at(0).toObject().value("text").toString(),
             QStringLiteral("the same fox, at night"));
    QString mimeType;
    QCOMPARE(content.at(1).toObject().value("type").toString(), QStringLiteral("input_image"));
    QCOMPARE(dataUrlBytes(content.at(1).toObject().value("image_url").toString(), &mimeType), png);
    QCOMPARE(mimeType, QStringLiteral("image/png"));
    QCOMPARE(content.at(2).toObject().value("type").toString(), QStringLiteral("input_image"));
    QCOMPARE(dataUrlBytes(content.at(2).toObject().value("image_url").toString(), &mimeType), jpeg);
    QCOMPARE(mimeType, QStringLiteral("image/jpeg"));
    const QJsonObject tool = body.value("tools").toArray().at(0).toObject();
    QVERIFY(!tool.contains("input_image_mask"));

    QCOMPARE(imageFiles(out), QStringList { "image-1.png" });
    QCOMPARE(readAll(out + QStringLiteral("/image-1.png")), made);
    QVERIFY2(result.err.contains(QLatin1String("(image tool)")), qPrintable(result.err));
    QVERIFY2(!result.err.contains(QLatin1String("scaled")), qPrintable(result.err));

    // The run's turn in the history shows what it was sent with.
    const QList<Turn> turns = storedTurns(path("data"));
    QCOMPARE(turns.size(), 1);
    QCOMPARE(turns.constFirst().attachments,
             (QList<Attachment> { { a, "image/png" }, { b, "image/jpeg" } }));
    QVERIFY(turns.constFirst().maskPath.isEmpty());
}

void TestCliRun::generateSendsMaskedEdit()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes({ 64, 48 })));
    const QByteArray png = TestPayloads::pngBytes({ 64, 48 }, Qt::darkBlue);
    QImage maskImage(64, 48, QImage::Format_ARGB32);
    maskImage.fill(Qt::black);
    for (int y = 0; y < 24; ++y) { // the top half may change
        for (int x = 0; x < 64; ++x)
            maskImage.setPixelColor(x, y, Qt::transparent);
    }
    const QString a = writeFile(QStringLiteral("a.png"), png);
    const QString m = writeFile(QStringLiteral("m.png"), encoded(maskImage, "PNG"));
    const Result result
        = easel({ "generate", "--provider", "custom", "--prompt", "a stormy sky", "--image", a,
                  "--mask", m, "--out", path(QStringLiteral("out")), "--data-dir", path("data") },
                { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(fake.requestCount(), 1);
    const QList<HttpRequest> sent = fake.requestsFor("/v1/responses");
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = bodyOf(sent.constFirst());
    const QJsonArray content = inputContent(body);
    QCOMPARE(content.size(), 2);
    QCOMPARE(dataUrlBytes(content.at(1).toObject().value("image_url").toString()), png);
    const QJsonObject tool = body.value("tools").toArray().at(0).toObject();
    QCOMPARE(tool.value("action").toString(), QStringLiteral("edit"));
    const QString maskUrl = tool.value("input_image_mask").toObject().value("image_url").toString();
    QVERIFY2(maskUrl.startsWith(QLatin1String("data:image/png;base64,")),
             qPrintable(maskUrl.left(40)));
    QImage sentMask;
    QVERIFY(sentMask.loadFromData(dataUrlBytes(maskUrl), "PNG"));
    QCOMPARE(sentMask.convertToFormat(QImage::Format_ARGB32), maskImage);

    const QList<Turn> turns = storedTurns(path("data"));
    QCOMPARE(turns.size(), 1);
    QCOMPARE(turns.constFirst().attachments, (QList<Attachment> { { a, "image/png" } }));
    QCOMPARE(turns.constFirst().maskPath, m);
}

void TestCliRun::compareSharesScaledReferences()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes({ 64, 48 })));
    // Wider than gpt-image-1 takes (2048 pixels): scaled once, said once, sent to every cell.
    QImage wide(3000, 100, QImage::Format_RGB32);
    wide.fill(Qt::darkCyan);
    const QString photo = writeFile(QStringLiteral("wide.jpg"), encoded(wide, "JPEG"));
    const QString out = path(QStringLiteral("out"));
    const Result result
        = easel({ "compare", "--provider", "custom", "--prompt", "a fox", "--image-model",
                  "gpt-image-1", "--axis", "quality=low,high", "--image", photo, "--yes", "--out",
                  out, "--data-dir", path("data") },
                { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.err.count(QLatin1String("wide.jpg scaled from 3000x100 to 2048x68")), 1);
    // The estimate says what it leaves out, as the Compare window's does.
    QVERIFY2(result.err.contains(QLatin1String("Each cell also sends 1 reference image: their "
                                               "input tokens are the gateway's to count")),
             qPrintable(result.err));
    const QList<HttpRequest> sent = fake.requestsFor("/v1/responses");
    QCOMPARE(sent.size(), 2);
    QCOMPARE(fake.requestCount(), 2);
    QByteArray first;
    QSet<QString> qualities;
    for (const HttpRequest &request : sent) {
        const QJsonObject body = bodyOf(request);
        const QJsonArray content = inputContent(body);
        QCOMPARE(content.size(), 2);
        const QByteArray image
            = dataUrlBytes(content.at(1).toObject().value("image_url").toString());
        QImage decoded;
        QVERIFY(decoded.loadFromData(image));
        QCOMPARE(decoded.size(), QSize(2048, 68));
        if (first.isEmpty())
            first = image;
        QCOMPARE(image, first); // the same preparation for both cells
        qualities << body.value("tools").toArray().at(0).toObject().value("quality").toString();
    }
    QCOMPARE(qualities, (QSet<QString> { "low", "high" }));
    QCOMPARE(imageFiles(out), QStringList({ "01_low.png", "02_high.png", "grid.png" }));
    const QList<Turn> turns = storedTurns(path("data"));
    QCOMPARE(turns.size(), 2);
    for (const Turn &turn : turns)
        QCOMPARE(turn.attachments, (QList<Attachment> { { photo, "image/jpeg" } }));
}

void TestCliRun::badMaskExitsTwoAndSendsNothing()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setRoute("/v1/responses", responsesStream(TestPayloads::pngBytes()));
    const QString a = writeFile(QStringLiteral("a.png"), TestPayloads::pngBytes({ 64, 48 }));
    // A PNG without an alpha channel: nothing in it says where the image may change.
    const QString m
        = writeFile(QStringLiteral("m.png"), TestPayloads::pngBytes({ 64, 48 }, Qt::black));
    const QString out = path(QStringLiteral("out"));
    const Result result
        = easel({ "generate", "--provider", "custom", "--prompt", "a stormy sky", "--image", a,
                  "--mask", m, "--yes", "--out", out, "--data-dir", path("data") },
                { { "EASEL_CUSTOM_BASE_URL", fake.url("/v1").toString() } });
    QVERIFY(result.finished);
    QVERIFY2(result.exitCode == 2, qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("The mask has no transparency")),
             qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Nothing was sent.")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("Try 'easel generate --help'.")),
             qPrintable(result.err));
    QVERIFY2(!result.err.contains(QLatin1String("Estimate:")), qPrintable(result.err));
    QCOMPARE(fake.requestCount(), 0);
    QVERIFY(result.out.isEmpty());
    QVERIFY(!QFileInfo::exists(out)); // refused before --out was made
    QVERIFY(storedTurns(path("data")).isEmpty());
}

QTEST_MAIN(TestCliRun)
#include "tst_clirun.moc"

void TestCliRun::windowLauncherAnswersOnTheTerminal_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("platform"); // "" = no display and no platform at all
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outStart");
    QTest::addColumn<QString>("errPart");
    const QString usage = QStringLiteral("Usage: ");
    const QString version = QStringLiteral("Easel %1\n").arg(QStringLiteral(EASEL_VERSION));
    QTest::newRow("--help, no display") << QStringList { "--help" } << "" << 0 << usage << "";
    QTest::newRow("--version, no display")
        << QStringList { "--version" } << "" << 0 << version << "";
    QTest::newRow("--version among other options, no display")
        << QStringList { "--provider", "demo", "-v" } << "" << 0 << version << "";
    // The compacted form is read once the window's application exists: it must still end as a
    // normal exit (the parser's own exit() once ended the process under the start-up threads).
    QTest::newRow("-vh, offscreen") << QStringList { "-vh" } << "offscreen" << 0 << usage << "";
    QTest::newRow("no display") << QStringList { "--provider", "demo" } << "" << 1 << ""
                                << "easel: There is no display to open the window on: neither "
                                   "DISPLAY nor WAYLAND_DISPLAY is set.";
    QTest::newRow("unknown option, no display")
        << QStringList { "--colour", "red" } << "" << 2 << ""
        << "easel: Unknown option 'colour'.\nTry 'easel --help'.";
    QTest::newRow("a command after options, no display")
        << QStringList { "--provider", "demo", "generate", "--prompt", "a fox" } << "" << 2 << ""
        << "easel: generate goes first, before its options: easel generate [options]";
    // "FILE" stands for a file made in the temporary folder (the rows come before init()).
    QTest::newRow("--data-dir a file, offscreen")
        << QStringList { "--data-dir", "FILE" } << "offscreen" << 2 << ""
        << "easel: --data-dir FILE: this is a file, not a folder.\nTry 'easel --help'.";
    QTest::newRow("unknown option, offscreen")
        << QStringList { "--colour", "red" } << "offscreen" << 2 << ""
        << "easel: Unknown option 'colour'.\nTry 'easel --help'.";
}

void TestCliRun::windowLauncherAnswersOnTheTerminal()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, platform);
    QFETCH(int, exitCode);
    QFETCH(QString, outStart);
    QFETCH(QString, errPart);
    const QString file = writeFile(QStringLiteral("a-file"), "not a folder");
    arguments.replaceInStrings(QRegularExpression(QStringLiteral("^FILE$")), file);
    errPart.replace(QLatin1String("FILE"), file);
    if (!arguments.contains(QLatin1String("--data-dir")))
        arguments << QStringLiteral("--data-dir") << path(QStringLiteral("data"));
    QHash<QString, QString> environment;
    if (!platform.isEmpty())
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    const Result result = easel(arguments, environment);
    QVERIFY2(result.finished, qPrintable(result.err));
    QCOMPARE(result.exitCode, exitCode);
    if (outStart.isEmpty())
        QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    else
        QVERIFY2(result.out.startsWith(outStart), qPrintable(result.out));
    if (outStart.startsWith(QLatin1String("Usage: ")))
        QVERIFY2(result.out.contains(QLatin1String("--image-model <id>")), qPrintable(result.out));
    // Qt's own warnings (QStandardPaths: XDG_RUNTIME_DIR not set) aside.
    const QString err = result.err.split(u'\n')
                            .filter(QRegularExpression(QStringLiteral("^(?!QStandardPaths: )")))
                            .join(u'\n')
                            .trimmed();
    if (errPart.isEmpty())
        QVERIFY2(err.isEmpty(), qPrintable(result.err));
    else
        QVERIFY2(err.contains(errPart), qPrintable(result.err));
    QVERIFY2(!QFileInfo::exists(path("data")), "nothing is written for an answer or a refusal");
}
