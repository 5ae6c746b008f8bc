#include "compare/compareresultscsv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString prompt = QStringLiteral("A fox, \"Vulpes\"\nin snow");

// A 2 x 2 run: quality across, image model down.
CompareSpec twoByTwo()
{
    CompareSpec spec;
    spec.providerId = QStringLiteral("openai");
    spec.chatModel = QStringLiteral("gpt-5");
    spec.prompt = prompt;
    spec.base.size = QStringLiteral("1024x1024");
    spec.axes = { CompareAxis { CompareAxis::Parameter::Quality, { "low", "high" } },
                  CompareAxis { CompareAxis::Parameter::ImageModel,
                                { "gpt-image-1", "gpt-image-1.5" } } };
    return spec;
}

ImageAsset finalImage(const QString &size, const QString &quality, const QString &format)
{
    ImageAsset image;
    image.state = ImageAsset::State::Final;
    image.report.size = size;
    image.report.quality = quality;
    image.report.outputFormat = format;
    return image;
}

// Cells 0 to 2 ran (cell 1 failed); cell 3 was never started.
QList<Turn> turns()
{
    Turn done;
    done.status = Turn::Status::Done;
    done.durationMs = 12345;
    done.usage.hasImageTokens = true;
    done.usage.imageInputTextTokens = 22;
    done.usage.imageOutputTokens = 272;
    done.cost = Cost { 0.011, Cost::Basis::Estimated, QString() };
    done.images = { finalImage("1024x1024", "low", "png") };

    Turn failed;
    failed.status = Turn::Status::Failed;
    failed.durationMs = 4000;
    failed.errorMessage
        = QStringLiteral("The gateway refused the request: \"size\" is invalid, try 1024x1024.");

    // Through the Responses tool: chat tokens and image tool tokens, a billed cost, two images,
    // a size that "auto" resolved differently and no reported format.
    Turn billed;
    billed.status = Turn::Status::Done;
    billed.durationMs = 20500;
    billed.usage.inputTokens = 120;
    billed.usage.outputTokens = 40;
    billed.usage.hasImageTokens = true;
    billed.usage.imageInputTextTokens = 15;
    billed.usage.imageOutputTokens = 272;
    billed.cost = Cost { 0.0123, Cost::Basis::Billed, QString() };
    ImageAsset preview = finalImage("", "", "");
    preview.state = ImageAsset::State::Partial;
    billed.images
        = { preview, finalImage("1536x1024", "low", ""), finalImage("1536x1024", "low", "") };
    return { done, failed, billed };
}

} // namespace

class TestCompareResultsCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoByTwoRun();
    void noAxes();
    void quoteField_data();
    void quoteField();
    void formatUsd_data();
    void formatUsd();
    void save();
    void saveRefused_data();
    void saveRefused();
};

void TestCompareResultsCsv::twoByTwoRun()
{
    const CompareSpec spec = twoByTwo();
    const QList<QStringList> files
        = { { "/out/fox grid/01-low-gpt-image-1.png" }, {}, { "/out/a.png", "/out/b.png" } };
    const QByteArray csv = CompareResultsCsv::toCsv(spec, spec.cells(), turns(), files);

    const QByteArray quotedPrompt = "\"A fox, \"\"Vulpes\"\"\nin snow\"";
    const QByteArray expected
        = "Quality,Image model,Prompt used,Provider used,Image model used,Quality used,Size used,"
          "Format used,Seconds,Input tokens,Output tokens,Cost (USD),Cost basis,Status,Error,File"
          "\r\n"
          "low,gpt-image-1,"
        + quotedPrompt
        + ",openai,gpt-image-1,low,1024x1024,png,12.3,22,272,0.011,estimated,done,,"
          "/out/fox grid/01-low-gpt-image-1.png\r\n"
          "high,gpt-image-1,"
        + quotedPrompt
        + ",openai,gpt-image-1,high,1024x1024,png,4.0,,,,unknown,failed,"
          "\"The gateway refused the request: \"\"size\"\" is invalid, try 1024x1024.\",\r\n"
          "low,gpt-image-1.5,"
        + quotedPrompt
        + ",openai,gpt-image-1.5,low,1536x1024,png,20.5,135,312,0.0123,billed,done,,"
          "/out/a.png;/out/b.png\r\n"
          "high,gpt-image-1.5,"
        + quotedPrompt + ",openai,gpt-image-1.5,high,1024x1024,png,,,,,unknown,not run,,\r\n";
    QCOMPARE(csv, expected);
}

void TestCompareResultsCsv::noAxes()
{
    CompareSpec spec;
    spec.providerId = QStringLiteral("demo");
    spec.prompt = QStringLiteral("Ünïcödé lighthouse 灯台");
    Turn turn;
    turn.status = Turn::Status::Cancelled;
    turn.cost = Cost { 0.0, Cost::Basis::Demo, QString() };
    const QByteArray csv = CompareResultsCsv::toCsv(spec, spec.cells(), { turn }, {});
    const QByteArray expected
        = "Prompt used,Provider used,Image model used,Quality used,Size used,Format used,Seconds,"
          "Input tokens,Output tokens,Cost (USD),Cost basis,Status,Error,File\r\n"
          "Ünïcödé lighthouse 灯台,demo,gpt-image-1.5,auto,auto,png,,,,0,demo,cancelled,,\r\n";
    QCOMPARE(csv, expected); // UTF-8, no byte order mark
}

void TestCompareResultsCsv::quoteField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "gpt-image-1"
                           << "gpt-image-1";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a, b"
                           << "\"a, b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("only a quote") << "\""
                                  << "\"\"\"\"";
    QTest::newRow("line feed") << "a\nb"
                               << "\"a\nb\"";
    QTest::newRow("carriage return") << "a\r\nb"
                                     << "\"a\r\nb\"";
    QTest::newRow("edge space") << " padded"
                                << "\" padded\"";
    QTest::newRow("semicolon list") << "/a.png;/b.png"
                                    << "/a.png;/b.png";
}

void TestCompareResultsCsv::quoteField()
{
    QFETCH(QString, field);
    QFETCH(QString, quoted);
    QCOMPARE(CompareResultsCsv::quoteField(field), quoted);
}

void TestCompareResultsCsv::formatUsd_data()
{
    QTest::addColumn<int>("basis");
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("text");
    QTest::newRow("estimated") << int(Cost::Basis::Estimated) << 0.26928 << "0.26928";
    QTest::newRow("billed") << int(Cost::Basis::Billed) << 1.5 << "1.5";
    QTest::newRow("six decimals") << int(Cost::Basis::Billed) << 0.0000123 << "0.000012";
    QTest::newRow("demo") << int(Cost::Basis::Demo) << 0.0 << "0";
    QTest::newRow("unknown") << int(Cost::Basis::Unknown) << 0.0 << "";
}

void TestCompareResultsCsv::formatUsd()
{
    QFETCH(int, basis);
    QFETCH(double, usd);
    QFETCH(QString, text);
    QCOMPARE(CompareResultsCsv::formatUsd(Cost { usd, Cost::Basis(basis), QString() }), text);
}

void TestCompareResultsCsv::save()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("results.csv"));
    const CompareSpec spec = twoByTwo();
    const QByteArray csv = CompareResultsCsv::toCsv(spec, spec.cells(), turns(), {});
    QString error;
    QVERIFY2(CompareResultsCsv::save(path, csv, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), csv);
}

void TestCompareResultsCsv::saveRefused_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing folder") << "no/such/folder/results.csv";
    QTest::newRow("parent is a file") << "plain-file/results.csv";
}

void TestCompareResultsCsv::saveRefused()
{
    QFETCH(QString, relativePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile plain(dir.filePath(QStringLiteral("plain-file")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();

    const QString path = dir.filePath(relativePath);
    QString error;
    QVERIFY(!CompareResultsCsv::save(path, "a,b\r\n", &error));
    QVERIFY2(error.startsWith(QStringLiteral("Could not write ") + path + QStringLiteral(": ")),
             qPrintable(error));
    QVERIFY(error.size() > path.size() + 20); // the reason follows
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestCompareResultsCsv)
#include "tst_compareresultscsv.moc"
