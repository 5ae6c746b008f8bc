#include "compare/comparespec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QStringList knownProviders = { "openai", "openrouter", "demo" };

// A spec from command-line style axis texts; fails the test on a refused axis.
CompareSpec specWith(const QStringList &axisTexts)
{
    CompareSpec spec;
    spec.providerId = QStringLiteral("openai");
    spec.chatModel = QStringLiteral("gpt-5");
    spec.prompt = QStringLiteral("a lighthouse at dusk");
    spec.base.imageModel = QStringLiteral("gpt-image-1.5");
    spec.base.size = QStringLiteral("1024x1024");
    for (const QString &text : axisTexts) {
        CompareAxis axis;
        QString error;
        if (!CompareAxis::parse(text, &axis, &error))
            qFatal("bad axis in the test table: %s", qPrintable(error));
        spec.axes.append(axis);
    }
    return spec;
}

} // namespace

class TestCompareSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cells_data();
    void cells();
    void coordinatesAndValues();
    void providerAndPromptAxes();
    void validate_data();
    void validate();
    void json();
    void jsonRefused();
    void referencesValidate_data();
    void referencesValidate();
    void referencesJson();
};

void TestCompareSpec::cells_data()
{
    QTest::addColumn<QStringList>("axes");
    QTest::addColumn<QStringList>("labels"); // in cell order

    QTest::newRow("no axis: one cell") << QStringList {} << QStringList { "" };
    QTest::newRow("one axis") << QStringList { "quality=low,medium,high" }
                              << QStringList { "low", "medium", "high" };
    QTest::newRow("one value") << QStringList { "quality=high" } << QStringList { "high" };
    QTest::newRow("two axes, first fastest")
        << QStringList { "quality=low,medium,high", "image-model=gpt-image-1,gpt-image-1.5" }
        << QStringList { "low, gpt-image-1",   "medium, gpt-image-1",   "high, gpt-image-1",
                         "low, gpt-image-1.5", "medium, gpt-image-1.5", "high, gpt-image-1.5" };
    QTest::newRow("three axes") << QStringList {
        "quality=low,high", "format=png,webp", "moderation=auto,low"
    } << QStringList { "low, png, auto", "high, png, auto", "low, webp, auto", "high, webp, auto",
                       "low, png, low",  "high, png, low",  "low, webp, low",  "high, webp, low" };
    QTest::newRow("3 x 1 x 2") << QStringList {
        "size=1024x1024,1536x1024,1024x1536", "background=opaque", "format=png,webp"
    } << QStringList { "1024x1024, opaque, png",  "1536x1024, opaque, png",
                       "1024x1536, opaque, png",  "1024x1024, opaque, webp",
                       "1536x1024, opaque, webp", "1024x1536, opaque, webp" };
}

void TestCompareSpec::cells()
{
    QFETCH(QStringList, axes);
    QFETCH(QStringList, labels);

    const CompareSpec spec = specWith(axes);
    QCOMPARE(spec.validate(knownProviders), QString());
    const QList<CompareCell> cells = spec.cells();
    QCOMPARE(cells.size(), labels.size());
    QCOMPARE(spec.cellCount(), int(labels.size()));
    QCOMPARE(spec.imageCount(), int(labels.size()));
    QStringList actual;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QCOMPARE(cells.at(i).index, int(i));
        QCOMPARE(cells.at(i).coordinates.size(), axes.size());
        QCOMPARE(cells.at(i).axisValues.size(), axes.size());
        actual.append(cells.at(i).label());
    }
    QCOMPARE(actual, labels);
}

void TestCompareSpec::coordinatesAndValues()
{
    CompareSpec spec = specWith({ "image-model=gpt-image-1,gpt-image-1.5,gpt-image-2",
                                  "quality=low,high", "background=transparent,opaque" });
    spec.imagesPerCell = 2;
    QCOMPARE(spec.extent(0), 3);
    QCOMPARE(spec.extent(1), 2);
    QCOMPARE(spec.extent(2), 2);
    QCOMPARE(spec.extent(3), 1);
    QCOMPARE(spec.cellCount(), 12);
    QCOMPARE(spec.imageCount(), 24);

    const QList<CompareCell> cells = spec.cells();
    QCOMPARE(cells.size(), 12);
    for (const CompareCell &cell : cells) {
        const int c0 = cell.coordinates.at(0);
        const int c1 = cell.coordinates.at(1);
        const int c2 = cell.coordinates.at(2);
        QCOMPARE(cell.index, c0 + 3 * (c1 + 2 * c2));
        QCOMPARE(cell.axisValues.at(0), spec.axes.at(0).values.at(c0));
        QCOMPARE(cell.params.imageModel, cell.axisValues.at(0));
        QCOMPARE(cell.params.quality, cell.axisValues.at(1));
        QCOMPARE(cell.params.background, cell.axisValues.at(2));
        // The rest comes from the base.
        QCOMPARE(cell.params.size, QStringLiteral("1024x1024"));
        QCOMPARE(cell.params.outputFormat, spec.base.outputFormat);
        QCOMPARE(cell.providerId, QStringLiteral("openai"));
        QCOMPARE(cell.chatModel, QStringLiteral("gpt-5"));
        QCOMPARE(cell.prompt, spec.prompt);
    }
    // Spot checks written out by hand: index 7 = 1 + 3 * (0 + 2 * 1).
    QCOMPARE(cells.at(7).coordinates, (QList<int> { 1, 0, 1 }));
    QCOMPARE(cells.at(7).axisValues, (QStringList { "gpt-image-1.5", "low", "opaque" }));
    QCOMPARE(cells.at(11).coordinates, (QList<int> { 2, 1, 1 }));
    QCOMPARE(cells.at(11).label(), QStringLiteral("gpt-image-2, high, opaque"));
}

void TestCompareSpec::providerAndPromptAxes()
{
    CompareSpec spec = specWith(
        { "provider=openai,openrouter,demo", "prompt=a fox, watercolour|a fox, \"ink\" sketch" });
    spec.providerId.clear(); // the axis names every provider: none is needed in the base
    QCOMPARE(spec.validate(knownProviders), QString());
    const QList<CompareCell> cells = spec.cells();
    QCOMPARE(cells.size(), 6);
    const QStringList providers
        = { "openai", "openrouter", "demo", "openai", "openrouter", "demo" };
    for (qsizetype i = 0; i < cells.size(); ++i) {
        QCOMPARE(cells.at(i).providerId, providers.at(i));
        QCOMPARE(cells.at(i).prompt,
                 i < 3 ? QStringLiteral("a fox, watercolour")
                       : QStringLiteral("a fox, \"ink\" sketch"));
        QCOMPARE(cells.at(i).params, spec.base); // no image setting moved
    }
}

void TestCompareSpec::validate_data()
{
    QTest::addColumn<QStringList>("axes");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("baseSize");
    QTest::addColumn<int>("imagesPerCell");
    QTest::addColumn<QString>("error");

    const QString prompt = QStringLiteral("a lighthouse");
    QTest::newRow("fine") << QStringList { "quality=low,high",
                                           "image-model=gpt-image-1,gpt-image-2" }
                          << "openai" << prompt << "1024x1024" << 1 << "";
    QTest::newRow("no axes") << QStringList {} << "openai" << prompt << "auto" << 1 << "";
    QTest::newRow("duplicate axis") << QStringList { "quality=low", "size=auto", "quality=high" }
                                    << "openai" << prompt << "auto" << 1
                                    << "The quality axis is given twice: put all its values in "
                                       "one axis.";
    QTest::newRow("four axes") << QStringList { "quality=low", "size=auto", "format=png",
                                                "moderation=low" }
                               << "openai" << prompt << "auto" << 1
                               << "A compare run has at most 3 axes; this one has 4.";
    QTest::newRow("unknown provider")
        << QStringList { "quality=low" } << "nope" << prompt << "auto" << 1
        << "There is no provider \"nope\"; the providers are "
           "openai, openrouter, demo.";
    QTest::newRow("no provider") << QStringList { "quality=low" } << "" << prompt << "auto" << 1
                                 << "Choose a provider.";
    QTest::newRow("unknown provider on the axis")
        << QStringList { "provider=openai,aistats" } << "" << prompt << "auto" << 1
        << "There is no provider \"aistats\"; the providers are openai, openrouter, demo.";
    QTest::newRow("no prompt") << QStringList { "quality=low" } << "openai"
                               << "  "
                               << "auto" << 1 << "Write a prompt.";
    QTest::newRow("prompt axis needs no base prompt") << QStringList { "prompt=a|b" } << "openai"
                                                      << ""
                                                      << "auto" << 1 << "";
    QTest::newRow("bad size for one cell's model")
        << QStringList { "image-model=gpt-image-2,gpt-image-1", "size=2048x1152" } << "openai"
        << prompt << "auto" << 1
        << "Cell 2 (gpt-image-1, 2048x1152): gpt-image-1 only makes 1024x1024, 1024x1536 or "
           "1536x1024 (or auto).";
    QTest::newRow("gpt-image-2 sizes")
        << QStringList { "image-model=gpt-image-2", "size=2048x1152,1024x1024" } << "openai"
        << prompt << "auto" << 1 << "";
    QTest::newRow("gpt-image-2 odd size")
        << QStringList { "image-model=gpt-image-2", "size=1000x1000" } << "openai" << prompt
        << "auto" << 1 << "Cell 1 (gpt-image-2, 1000x1000): Both sides must be multiples of 16.";
    QTest::newRow("bad base size without axes")
        << QStringList {} << "openai" << prompt << "2048x2048" << 1
        << "gpt-image-1.5 only makes 1024x1024, 1024x1536 or 1536x1024 (or auto).";
    QTest::newRow("transparent with jpeg")
        << QStringList { "background=transparent,opaque", "format=png,jpeg" } << "openai" << prompt
        << "auto" << 1
        << "Cell 3 (transparent, jpeg): A transparent background needs png or webp: jpeg has no "
           "transparency.";
    QTest::newRow("transparent with webp")
        << QStringList { "background=transparent", "format=png,webp" } << "openai" << prompt
        << "auto" << 1 << "";
    QTest::newRow("compression axis on png")
        << QStringList { "compression=20,80" } << "openai" << prompt << "auto" << 1
        << "Cell 1 (20): Compression only applies to jpeg and webp, and this cell makes png: set "
           "the format to jpeg or webp.";
    QTest::newRow("compression axis with jpeg")
        << QStringList { "compression=20,80", "format=jpeg,webp" } << "openai" << prompt << "auto"
        << 1 << "";
    QTest::newRow("size and aspect ratio")
        << QStringList { "size=1024x1024", "aspect-ratio=16:9" } << "openai" << prompt << "auto"
        << 1
        << "Use either a size axis or an aspect-ratio axis, not both: a size overrides the aspect "
           "ratio.";
    QTest::newRow("aspect ratio over a fixed base size")
        << QStringList { "aspect-ratio=16:9,9:16" } << "openai" << prompt << "1024x1024" << 1 << "";
    QTest::newRow("no images") << QStringList {} << "openai" << prompt << "auto" << 0
                               << "Ask for 1 to 10 images per cell, not 0.";
    QTest::newRow("too many images") << QStringList {} << "openai" << prompt << "auto" << 11
                                     << "Ask for 1 to 10 images per cell, not 11.";
}

void TestCompareSpec::validate()
{
    QFETCH(QStringList, axes);
    QFETCH(QString, provider);
    QFETCH(QString, prompt);
    QFETCH(QString, baseSize);
    QFETCH(int, imagesPerCell);
    QFETCH(QString, error);

    CompareSpec spec = specWith(axes);
    spec.providerId = provider;
    spec.prompt = prompt;
    spec.base.size = baseSize;
    spec.imagesPerCell = imagesPerCell;
    QCOMPARE(spec.validate(knownProviders), error);
}

void TestCompareSpec::json()
{
    CompareSpec spec
        = specWith({ "image-model=gpt-image-1,gpt-image-2",
                     "prompt=a fox, watercolour|a fox, \"ink\"\nsketch", "compression=10,90" });
    spec.base.outputFormat = QStringLiteral("webp");
    spec.base.background = QStringLiteral("transparent");
    spec.base.partialImages = 0;
    spec.imagesPerCell = 3;
    spec.chatModel.clear();

    // Through bytes, as the history stores it.
    const QByteArray bytes = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact);
    CompareSpec read;
    QString error;
    QVERIFY2(CompareSpec::fromJson(QJsonDocument::fromJson(bytes).object(), &read, &error),
             qPrintable(error));
    QCOMPARE(read, spec);
    QCOMPARE(read.cells(), spec.cells());

    const CompareSpec empty;
    QVERIFY(CompareSpec::fromJson(empty.toJson(), &read, &error));
    QCOMPARE(read, empty);
    QCOMPARE(read.cellCount(), 1);
}

void TestCompareSpec::jsonRefused()
{
    CompareSpec spec = specWith({ "quality=low" });
    const CompareSpec before = spec;
    QString error;

    QVERIFY(!CompareSpec::fromJson(QJsonObject(), &spec, &error));
    QCOMPARE(error,
             QStringLiteral("The stored compare run is damaged: it has no axes or settings."));

    QJsonObject object = specWith({ "quality=low", "size=auto" }).toJson();
    QJsonArray axes = object.value(QLatin1String("axes")).toArray();
    axes.append(QJsonObject { { "parameter", "colour" }, { "values", QJsonArray { "red" } } });
    object.insert(QStringLiteral("axes"), axes);
    QVERIFY(!CompareSpec::fromJson(object, &spec, &error));
    QCOMPARE(error, QStringLiteral("The stored compare run has an unknown axis \"colour\"."));
    QCOMPARE(spec, before);
}

void TestCompareSpec::referencesValidate_data()
{
    QTest::addColumn<QStringList>("images");
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("error");
    QTest::newRow("none") << QStringList() << ""
                          << "";
    QTest::newRow("two images") << QStringList { "/in/a.png", "/in/b.jpg" } << ""
                                << "";
    QTest::newRow("one image and its mask") << QStringList { "/in/a.png" } << "/in/m.png"
                                            << "";
    QTest::newRow("mask without an image")
        << QStringList() << "/in/m.png"
        << "A mask edits one image: give exactly one reference image with it, not 0.";
    QTest::newRow("mask with two images")
        << QStringList { "/in/a.png", "/in/b.jpg" } << "/in/m.png"
        << "A mask edits one image: give exactly one reference image with it, not 2.";
}

void TestCompareSpec::referencesValidate()
{
    QFETCH(QStringList, images);
    QFETCH(QString, mask);
    QFETCH(QString, error);
    CompareSpec spec = specWith({ "quality=low,high" });
    spec.referenceImages = images;
    spec.maskPath = mask;
    QCOMPARE(spec.validate(knownProviders), error);
}

void TestCompareSpec::referencesJson()
{
    CompareSpec spec = specWith({ "image-model=gpt-image-1,gpt-image-2" });
    spec.referenceImages
        = { QStringLiteral("/work/ref/photo \"one\".jpg"), QStringLiteral("/work/ref/b.png") };
    const QByteArray twoImages = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact);
    CompareSpec read;
    QString error;
    QVERIFY2(CompareSpec::fromJson(QJsonDocument::fromJson(twoImages).object(), &read, &error),
             qPrintable(error));
    QCOMPARE(read.referenceImages, spec.referenceImages);
    QVERIFY(read.maskPath.isEmpty());
    QCOMPARE(read, spec);

    spec.referenceImages = { QStringLiteral("/work/ref/b.png") };
    spec.maskPath = QStringLiteral("/work/ref/sky mask.png");
    QVERIFY(!(spec == read)); // the references take part in the comparison
    QVERIFY(CompareSpec::fromJson(spec.toJson(), &read, &error));
    QCOMPARE(read.maskPath, spec.maskPath);
    QCOMPARE(read, spec);

    // A run stored before references existed has none, and a run without any writes none.
    const CompareSpec plain = specWith({ "quality=low" });
    QVERIFY(!plain.toJson().contains(QLatin1String("reference_images")));
    QVERIFY(!plain.toJson().contains(QLatin1String("mask")));
    QVERIFY(CompareSpec::fromJson(plain.toJson(), &read, &error));
    QVERIFY(read.referenceImages.isEmpty());
    QCOMPARE(read, plain);

    // A damaged list is refused with a sentence, and the spec is left as it was.
    const CompareSpec before = read;
    QJsonObject object = spec.toJson();
    object.insert(QStringLiteral("reference_images"), QStringLiteral("/work/ref/b.png"));
    QVERIFY(!CompareSpec::fromJson(object, &read, &error));
    QCOMPARE(error,
             QStringLiteral("The stored compare run is damaged: its reference images are not a "
                            "list."));
    object.insert(QStringLiteral("reference_images"), QJsonArray { "/a.png", 3 });
    QVERIFY(!CompareSpec::fromJson(object, &read, &error));
    QVERIFY2(error.contains(QLatin1String("a reference image has no file name")),
             qPrintable(error));
    QCOMPARE(read, before);
}

QTEST_GUILESS_MAIN(TestCompareSpec)
#include "tst_comparespec.moc"
