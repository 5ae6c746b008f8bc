// The parts of `easel generate` / `easel compare` below the command: the cost gate (every branch,
// with a scripted terminal), the output writer (names, exact copies, never an overwrite, an
// unwritable --out) and the progress lines.
#include "cli/batchrunner.h"
#include "cli/costgate.h"
#include "cli/outputwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

CompareEstimate estimate(double usd, double limit, const QStringList &unpricedModels = {})
{
    CompareEstimate e;
    e.cells = 2;
    e.images = 2;
    e.usd = usd;
    e.limitUsd = limit;
    e.exceedsLimit = usd > limit;
    e.unpricedModels = unpricedModels;
    for (const QString &model : unpricedModels)
        e.unpricedCells << model;
    return e;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

CompareCell cell(int index, const QStringList &values, const QList<int> &coordinates = {})
{
    CompareCell c;
    c.index = index;
    c.axisValues = values;
    c.coordinates = coordinates;
    if (c.coordinates.isEmpty()) {
        for (int i = 0; i < values.size(); ++i)
            c.coordinates << 0;
    }
    return c;
}

Turn turn(Turn::Status status, int finalImages, qint64 durationMs, Cost cost,
          const QString &message = {})
{
    Turn t;
    t.status = status;
    t.durationMs = durationMs;
    t.cost = cost;
    t.errorMessage = message;
    for (int i = 0; i < finalImages; ++i) {
        ImageAsset image;
        image.state = ImageAsset::State::Final;
        t.images << image;
    }
    return t;
}

} // namespace

class TestCliParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gate_data();
    void gate();
    void gateReason();
    void gateInterrupted_data();
    void gateInterrupted();
    void isYes_data();
    void isYes();

    void candidateName_data();
    void candidateName();
    void safeName_data();
    void safeName();
    void imageBaseName_data();
    void imageBaseName();
    void copiesExactBytes();
    void neverOverwrites();
    void preparesMissingFolders();
    void refusesUnwritableOut_data();
    void refusesUnwritableOut();

    void finishedLine_data();
    void finishedLine();
    void cellLabel();
    void totalCost();
    void cancelledCount();
};

void TestCliParts::gate_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<double>("limit");
    QTest::addColumn<QStringList>("unpriced");
    QTest::addColumn<bool>("yes");
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<QString>("answer"); // null: end of input
    QTest::addColumn<bool>("proceeds");
    QTest::addColumn<bool>("asks");
    QTest::addColumn<QString>("saysPart");

    const QStringList none;
    QTest::newRow("below the limit")
        << 0.4 << 1.0 << none << false << false << QString() << true << false << "";
    QTest::newRow("at the limit") << 1.0 << 1.0 << none << false << false << QString() << true
                                  << false << "";
    QTest::newRow("free") << 0.0 << 0.0 << none << false << false << QString() << true << false
                          << "";
    QTest::newRow("above, --yes") << 2.0 << 1.0 << none << true << false << QString() << true
                                  << false << "";
    QTest::newRow("above, no terminal")
        << 2.0 << 1.0 << none << false << false << QString() << false << false << "--yes";
    QTest::newRow("above, terminal, y")
        << 2.0 << 1.0 << none << false << true << "y" << true << true << "Continue? [y/N]";
    QTest::newRow("above, terminal, YES")
        << 2.0 << 1.0 << none << false << true << " YES " << true << true << "$2.00";
    QTest::newRow("above, terminal, n")
        << 2.0 << 1.0 << none << false << true << "n" << false << true << "nothing was sent";
    QTest::newRow("above, terminal, enter")
        << 2.0 << 1.0 << none << false << true << "" << false << true << "nothing was sent";
    QTest::newRow("above, terminal, end of input")
        << 2.0 << 1.0 << none << false << true << QString() << false << true << "nothing was sent";
    QTest::newRow("unpriced, no terminal") << 0.1 << 1.0 << QStringList { "dall-e-9" } << false
                                           << false << QString() << false << false << "dall-e-9";
    QTest::newRow("unpriced, --yes") << 0.1 << 1.0 << QStringList { "dall-e-9" } << true << false
                                     << QString() << true << false << "";
    QTest::newRow("unpriced, terminal, y") << 0.1 << 1.0 << QStringList { "dall-e-9" } << false
                                           << true << "y" << true << true << "unknown";
}

void TestCliParts::gate()
{
    QFETCH(double, usd);
    QFETCH(double, limit);
    QFETCH(QStringList, unpriced);
    QFETCH(bool, yes);
    QFETCH(bool, interactive);
    QFETCH(QString, answer);
    QFETCH(bool, proceeds);
    QFETCH(bool, asks);
    QFETCH(QString, saysPart);

    int reads = 0;
    QString said;
    CostGate::Terminal terminal;
    terminal.interactive = interactive;
    terminal.readLine = [&] {
        ++reads;
        return answer;
    };
    terminal.write = [&](const QString &text) {
        said += text;
    };
    const CostGate::Decision decision
        = CostGate::decide(estimate(usd, limit, unpriced), yes, terminal);
    QCOMPARE(decision == CostGate::Decision::Proceed, proceeds);
    QCOMPARE(reads, asks ? 1 : 0);
    if (saysPart.isEmpty())
        QVERIFY2(said.isEmpty(), qPrintable(said));
    else
        QVERIFY2(said.contains(saysPart, Qt::CaseInsensitive), qPrintable(said));
    if (!proceeds)
        QVERIFY(said.endsWith(QLatin1Char('\n'))); // the shell prompt starts on its own line
}

void TestCliParts::gateInterrupted_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<bool>("interactive");
    QTest::addColumn<QString>("answer"); // null: the wait was ended
    QTest::addColumn<int>("decision");
    QTest::addColumn<int>("reads");

    const int proceed = int(CostGate::Decision::Proceed);
    const int refused = int(CostGate::Decision::Refused);
    const int interrupted = int(CostGate::Decision::Interrupted);
    QTest::newRow("Ctrl+C at the question") << 2.0 << true << QString() << interrupted << 1;
    QTest::newRow("y, then Ctrl+C") << 2.0 << true << "y" << interrupted << 1;
    // Not asked: the command's own check before sending stops these.
    QTest::newRow("below the limit") << 0.5 << true << QString() << proceed << 0;
    QTest::newRow("no terminal") << 2.0 << false << QString() << refused << 0;
}

void TestCliParts::gateInterrupted()
{
    QFETCH(double, usd);
    QFETCH(bool, interactive);
    QFETCH(QString, answer);
    QFETCH(int, decision);
    QFETCH(int, reads);

    int readCount = 0;
    QString said;
    CostGate::Terminal terminal;
    terminal.interactive = interactive;
    terminal.readLine = [&] {
        ++readCount;
        return answer;
    };
    terminal.write = [&](const QString &text) {
        said += text;
    };
    terminal.interrupted = [] {
        return true;
    };
    QCOMPARE(int(CostGate::decide(estimate(usd, 1.0), false, terminal)), decision);
    QCOMPARE(readCount, reads);
    if (decision == int(CostGate::Decision::Interrupted)) {
        // Only the line break after the echoed ^C: the command says that nothing was sent.
        QVERIFY2(said.endsWith(QLatin1String(" Continue? [y/N] \n")), qPrintable(said));
        QVERIFY2(!said.contains(QLatin1String("Not run")), qPrintable(said));
    }
}

void TestCliParts::gateReason()
{
    QCOMPARE(CostGate::reason(estimate(2.1, 1.0)),
             QStringLiteral("The estimate, $2.10, is above the $1.00 limit."));
    QVERIFY(CostGate::reason(estimate(0.5, 1.0)).isEmpty());
    const QString both = CostGate::reason(estimate(2.1, 1.0, { "x-image" }));
    QVERIFY2(both.contains(QLatin1String("above the $1.00 limit"))
                 && both.contains(QLatin1String("x-image")),
             qPrintable(both));
}

void TestCliParts::isYes_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("yes");
    QTest::newRow("y") << "y" << true;
    QTest::newRow("Y") << "Y" << true;
    QTest::newRow("yes") << "yes" << true;
    QTest::newRow("spaces") << "  Yes\t" << true;
    QTest::newRow("n") << "n" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("yeah") << "yeah" << false;
    QTest::newRow("y and more") << "y please" << false;
}

void TestCliParts::isYes()
{
    QFETCH(QString, answer);
    QFETCH(bool, yes);
    QCOMPARE(CostGate::isYes(answer), yes);
}

void TestCliParts::candidateName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first") << "image-1.png" << 1 << "image-1.png";
    QTest::newRow("second") << "image-1.png" << 2 << "image-1-2.png";
    QTest::newRow("tenth") << "grid.png" << 10 << "grid-10.png";
    QTest::newRow("dots in the name") << "01_gpt-image-1.5.jpg" << 3 << "01_gpt-image-1.5-3.jpg";
    QTest::newRow("no extension") << "notes" << 2 << "notes-2";
}

void TestCliParts::candidateName()
{
    QFETCH(QString, name);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(OutputWriter::candidateName(name, n), expected);
}

void TestCliParts::safeName_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "gpt-image-1.5"
                           << "gpt-image-1.5";
    QTest::newRow("size") << "1536x1024"
                          << "1536x1024";
    QTest::newRow("ratio") << "16:9"
                           << "16-9";
    QTest::newRow("gateway model") << "openai/gpt-image-1"
                                   << "openai-gpt-image-1";
    QTest::newRow("prompt") << "a fox, in ink"
                            << "a-fox-in-ink";
    QTest::newRow("path tricks") << "../../etc/passwd"
                                 << "etc-passwd";
    QTest::newRow("hidden") << ".hidden"
                            << "hidden";
    QTest::newRow("only symbols") << "?*<>|"
                                  << "";
    QTest::newRow("long") << QString(60, QLatin1Char('a')) << QString(40, QLatin1Char('a'));
}

void TestCliParts::safeName()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(OutputWriter::safeName(value), expected);
}

void TestCliParts::imageBaseName_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<int>("cellCount");
    QTest::addColumn<int>("imageNumber");
    QTest::addColumn<int>("imagesInCell");
    QTest::addColumn<QString>("expected");
    QTest::newRow("generate, first") << 0 << QStringList() << 1 << 1 << 1 << "image-1";
    QTest::newRow("generate, third of four") << 0 << QStringList() << 1 << 3 << 4 << "image-3";
    QTest::newRow("compare, two axes")
        << 0 << QStringList { "low", "gpt-image-1" } << 6 << 1 << 1 << "01_low_gpt-image-1";
    QTest::newRow("compare, cell 12 of 120")
        << 11 << QStringList { "high" } << 120 << 1 << 1 << "012_high";
    QTest::newRow("compare, images per cell")
        << 2 << QStringList { "16:9" } << 3 << 2 << 2 << "03_16-9_2";
    QTest::newRow("compare, unreadable value")
        << 1 << QStringList { "???" } << 2 << 1 << 1 << "02_v1";
}

void TestCliParts::imageBaseName()
{
    QFETCH(int, index);
    QFETCH(QStringList, values);
    QFETCH(int, cellCount);
    QFETCH(int, imageNumber);
    QFETCH(int, imagesInCell);
    QFETCH(QString, expected);
    QCOMPARE(OutputWriter::imageBaseName(cell(index, values), cellCount, imageNumber, imagesInCell),
             expected);
}

void TestCliParts::copiesExactBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Bytes no decoder would write back the same way: a PNG signature, then trailing junk.
    QByteArray bytes = QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(1000, '\x07');
    bytes.append("trailing bytes after the image", 30);
    const QString source = dir.filePath(QStringLiteral("store.png"));
    QVERIFY(writeFile(source, bytes));
    OutputWriter writer(dir.filePath(QStringLiteral("out")));
    QString error;
    QVERIFY2(writer.prepare(&error), qPrintable(error));
    const QString path = writer.copy(source, QStringLiteral("image-1.png"), &error);
    QCOMPARE(path, dir.filePath(QStringLiteral("out/image-1.png")));
    QCOMPARE(readAll(path), bytes);
    QCOMPARE(QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256),
             QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));

    QVERIFY(
        writer.copy(dir.filePath(QStringLiteral("missing.png")), QStringLiteral("x.png"), &error)
            .isEmpty());
    QVERIFY2(error.contains(QLatin1String("missing.png")), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out/x.png"))));
}

void TestCliParts::neverOverwrites()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    OutputWriter writer(dir.path());
    QString error;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("grid.png")), "an earlier grid"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("grid-2.png")), "an even earlier one"));

    const QString path = writer.write("new", QStringLiteral("grid.png"), &error);
    QCOMPARE(path, dir.filePath(QStringLiteral("grid-3.png")));
    QCOMPARE(readAll(path), QByteArray("new"));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("grid.png"))), QByteArray("an earlier grid"));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("grid-2.png"))),
             QByteArray("an even earlier one"));

    // Twice the same name in one run: both kept.
    const QString first = writer.write("one", QStringLiteral("results.csv"), &error);
    const QString second = writer.write("two", QStringLiteral("results.csv"), &error);
    QCOMPARE(QFileInfo(first).fileName(), QStringLiteral("results.csv"));
    QCOMPARE(QFileInfo(second).fileName(), QStringLiteral("results-2.csv"));
    QCOMPARE(readAll(first), QByteArray("one"));
    QCOMPARE(readAll(second), QByteArray("two"));

    // A folder in the way of a name is skipped like a file.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("image-1.png")));
    QCOMPARE(QFileInfo(writer.write("img", QStringLiteral("image-1.png"), &error)).fileName(),
             QStringLiteral("image-1-2.png"));
}

void TestCliParts::preparesMissingFolders()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString nested = dir.filePath(QStringLiteral("a/b/c"));
    OutputWriter writer(nested);
    QString error;
    QVERIFY2(writer.prepare(&error), qPrintable(error));
    QVERIFY(QFileInfo(nested).isDir());
    QCOMPARE(writer.directory(), QDir(nested).absolutePath());
    QCOMPARE(QDir(nested).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList()); // the probe is gone
    // An existing folder is fine too, and relative paths are made absolute.
    QVERIFY(OutputWriter(nested).prepare(&error));
    QVERIFY(QDir::isAbsolutePath(OutputWriter(QStringLiteral("relative/out")).directory()));
}

void TestCliParts::refusesUnwritableOut_data()
{
    QTest::addColumn<QString>("relative"); // to a temporary folder holding a file "taken"
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("a file") << "taken"
                            << "is a file";
    QTest::newRow("below a file") << "taken/out"
                                  << "cannot be created";
    QTest::newRow("deep below a file") << "taken/a/b"
                                       << "cannot be created";
}

void TestCliParts::refusesUnwritableOut()
{
    QFETCH(QString, relative);
    QFETCH(QString, errorPart);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("taken")), "x"));
    OutputWriter writer(dir.filePath(relative));
    QString error;
    QVERIFY(!writer.prepare(&error));
    QVERIFY2(error.startsWith(QLatin1String("--out ")), qPrintable(error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY2(error.contains(dir.filePath(relative)), qPrintable(error));
}

void TestCliParts::finishedLine_data()
{
    QTest::addColumn<Turn>("turn");
    QTest::addColumn<int>("asked");
    QTest::addColumn<QString>("expected");
    const Cost estimated { 0.167, Cost::Basis::Estimated, QString() };
    const Cost demo { 0.0, Cost::Basis::Demo, QString() };
    QTest::newRow("done") << turn(Turn::Status::Done, 1, 12400, estimated) << 1
                          << "[3/9] quality=high: done in 12.4 s, $0.167 (estimated)";
    QTest::newRow("done, demo, two images")
        << turn(Turn::Status::Done, 2, 940, demo) << 2
        << "[3/9] quality=high: done in 0.9 s, 2 images, $0.00 (demo)";
    QTest::newRow("done, fewer images")
        << turn(Turn::Status::Done, 1, 2000, demo) << 3
        << "[3/9] quality=high: done in 2.0 s, 1 of 3 images, $0.00 (demo)";
    QTest::newRow("done, cost unknown") << turn(Turn::Status::Done, 1, 1000, Cost()) << 1
                                        << "[3/9] quality=high: done in 1.0 s, cost unknown";
    QTest::newRow("done with a warning")
        << turn(Turn::Status::Done, 1, 1000, demo, "The gateway changed the size.") << 1
        << "[3/9] quality=high: done in 1.0 s, $0.00 (demo) (The gateway changed the size.)";
    QTest::newRow("failed") << turn(Turn::Status::Failed, 0, 300, Cost(),
                                    "The gateway answered 500.")
                            << 1 << "[3/9] quality=high: failed: The gateway answered 500.";
    QTest::newRow("failed after billing")
        << turn(Turn::Status::Failed, 0, 300, estimated, "The stream broke.") << 1
        << "[3/9] quality=high: failed: The stream broke. Cost: $0.167 (estimated)";
    QTest::newRow("done without an image")
        << turn(Turn::Status::Done, 0, 300, Cost()) << 1
        << "[3/9] quality=high: failed: the gateway answered without an image.";
    // The gateway sent the image, but it could not be kept: the reason, not "without an image".
    Turn unkept = turn(Turn::Status::Done, 0, 300, demo);
    ImageAsset failed;
    failed.state = ImageAsset::State::Failed;
    failed.error = QStringLiteral("Could not create the image folder /x/images/23.");
    unkept.images << failed;
    QTest::newRow("done, the image not kept")
        << unkept << 1
        << "[3/9] quality=high: failed: Could not create the image folder /x/images/23.";
    Turn oneKept = turn(Turn::Status::Done, 1, 300, demo);
    oneKept.images << failed;
    QTest::newRow("done, one of two kept")
        << oneKept << 2
        << "[3/9] quality=high: done in 0.3 s, 1 of 2 images, $0.00 (demo) (Could not create the "
           "image folder /x/images/23.)";
    QTest::newRow("cancelled with some images")
        << turn(Turn::Status::Cancelled, 6, 5000, demo, "Stopped.") << 10
        << "[3/9] quality=high: cancelled after 6 of 10 images";
    QTest::newRow("cancelled") << turn(Turn::Status::Cancelled, 0, 0, Cost(), "Stopped.") << 1
                               << "[3/9] quality=high: cancelled";
}

void TestCliParts::finishedLine()
{
    QFETCH(Turn, turn);
    QFETCH(int, asked);
    QFETCH(QString, expected);
    QCOMPARE(BatchRunner::finishedLine(3, 9, QStringLiteral("quality=high"), turn, asked),
             expected);
}

void TestCliParts::cellLabel()
{
    CompareSpec spec;
    CompareAxis quality;
    quality.parameter = CompareAxis::Parameter::Quality;
    quality.values = { "low", "high" };
    CompareAxis prompt;
    prompt.parameter = CompareAxis::Parameter::Prompt;
    prompt.values = { "short", QString(60, QLatin1Char('p')) };
    spec.axes = { quality, prompt };
    const QList<CompareCell> cells = spec.cells();
    QCOMPARE(BatchRunner::cellLabel(spec, cells.at(0)),
             QStringLiteral("quality=low, prompt=short"));
    const QString longLabel = BatchRunner::cellLabel(spec, cells.at(3));
    QVERIFY2(longLabel.startsWith(QLatin1String("quality=high, prompt=ppp")),
             qPrintable(longLabel));
    QVERIFY(longLabel.size() < 70);

    CompareSpec plain;
    plain.base.imageModel = QStringLiteral("gpt-image-1");
    plain.imagesPerCell = 3;
    QCOMPARE(BatchRunner::cellLabel(plain, plain.cells().constFirst()),
             QStringLiteral("gpt-image-1"));
}

void TestCliParts::totalCost()
{
    QList<CompareRun::Cell> cells(3);
    cells[0].state = CompareRun::CellState::Finished;
    cells[0].turn.cost = { 0.25, Cost::Basis::Billed, QString() };
    cells[1].state = CompareRun::CellState::Finished;
    cells[1].turn.cost = { 0.5, Cost::Basis::Estimated, QString() };
    cells[2].state = CompareRun::CellState::Finished; // failed: no cost
    Cost total = BatchRunner::totalCost(cells);
    QCOMPARE(total.usd, 0.75);
    QCOMPARE(total.basis, Cost::Basis::Estimated); // only as certain as its weakest part
    QCOMPARE(BatchRunner::costText(total), QStringLiteral("$0.75 (estimated)"));

    cells[1].state = CompareRun::CellState::Running; // not counted until it ends
    total = BatchRunner::totalCost(cells);
    QCOMPARE(total.usd, 0.25);
    QCOMPARE(total.basis, Cost::Basis::Billed);
    QVERIFY(!BatchRunner::totalCost({}).isKnown());
}

void TestCliParts::cancelledCount()
{
    QList<CompareRun::Cell> cells(4);
    cells[0].state = CompareRun::CellState::Finished;
    cells[0].turn = turn(Turn::Status::Done, 1, 900, {});
    cells[1].state = CompareRun::CellState::Finished;
    cells[1].turn = turn(Turn::Status::Cancelled, 0, 300, {}); // stopped while it ran
    cells[2].state = CompareRun::CellState::Finished;
    cells[2].turn = turn(Turn::Status::Failed, 0, 300, {}, QStringLiteral("HTTP 500"));
    cells[3].state = CompareRun::CellState::Finished;
    cells[3].turn = turn(Turn::Status::Cancelled, 0, 0, {}); // never sent
    QCOMPARE(BatchRunner::cancelledCount(cells), 2);
    cells[3].state = CompareRun::CellState::Running;
    QCOMPARE(BatchRunner::cancelledCount(cells), 1);
    QCOMPARE(BatchRunner::cancelledCount({}), 0);
}

QTEST_GUILESS_MAIN(TestCliParts)
#include "tst_cliparts.moc"
