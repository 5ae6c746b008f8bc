#include "compare/comparepreflight.h"
#include "compare/comparespec.h"

#include <QTest>

#include <cmath>

// The figures below are worked out by hand from resources/pricing.json, which carries the tables
// of wire-formats.md B.2 (per-image prices) and B.3 (output image tokens, the gpt-image-2 formula).

namespace {

CompareSpec specWith(const QStringList &axisTexts, const QString &model, const QString &quality,
                     const QString &size)
{
    CompareSpec spec;
    spec.providerId = QStringLiteral("openai");
    spec.chatModel = QStringLiteral("gpt-5");
    spec.prompt = QStringLiteral("a lighthouse at dusk");
    spec.base.imageModel = model;
    spec.base.quality = quality;
    spec.base.size = size;
    for (const QString &text : axisTexts) {
        CompareAxis axis;
        QString error;
        if (!CompareAxis::parse(text, &axis, &error))
            qFatal("bad axis in the test table: %s", qPrintable(error));
        spec.axes.append(axis);
    }
    return spec;
}

bool isDemo(const QString &providerId)
{
    return providerId == QLatin1String("demo");
}

} // namespace

class TestComparePreflight : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void figures_data();
    void figures();
    void perCellCosts();
    void noFreePredicate();
    void referenceImagesNoted();
    void formatUsd_data();
    void formatUsd();
};

void TestComparePreflight::figures_data()
{
    QTest::addColumn<QStringList>("axes");
    QTest::addColumn<QString>("model"); // the base's image model, quality and size
    QTest::addColumn<QString>("quality");
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("imagesPerCell");
    QTest::addColumn<double>("limit");
    QTest::addColumn<int>("images");
    QTest::addColumn<int>("freeImages");
    QTest::addColumn<double>("usd");
    QTest::addColumn<int>("unpricedCells");
    QTest::addColumn<bool>("exceeds");
    QTest::addColumn<bool>("confirm");
    QTest::addColumn<QString>("summary");

    const QStringList qualityByModel
        = { "quality=low,medium,high", "image-model=gpt-image-1,gpt-image-1.5" };

    // gpt-image-1 at 1024x1024: 0.011 + 0.042 + 0.167 = 0.220
    // gpt-image-1.5 at 1024x1024: 0.009 + 0.034 + 0.133 = 0.176
    // total 0.220 + 0.176 = 0.396
    QTest::newRow("quality x model")
        << qualityByModel << "gpt-image-1"
        << "auto"
        << "1024x1024" << 1 << 1.00 << 6 << 0 << 0.396 << 0 << false << false
        << "6 images, about $0.40 estimated (chat tokens not "
           "included).";
    // 3 images per cell: 3 x 0.396 = 1.188, above the default limit of 1.00
    QTest::newRow("three per cell")
        << qualityByModel << "gpt-image-1"
        << "auto"
        << "1024x1024" << 3 << 1.00 << 18 << 0 << 1.188 << 0 << true << true
        << "18 images, about $1.19 estimated (chat tokens not "
           "included).";
    // The same 0.396 against a lower limit.
    QTest::newRow("lower limit") << qualityByModel << "gpt-image-1"
                                 << "auto"
                                 << "1024x1024" << 1 << 0.30 << 6 << 0 << 0.396 << 0 << true << true
                                 << "6 images, about $0.40 estimated (chat tokens not included).";
    // gpt-image-2 by its token formula (B.3), 1024x1024: 196 + 1756 + 7024 = 8976 output tokens,
    // x $30 per million = 0.26928
    QTest::newRow("gpt-image-2 formula")
        << QStringList { "quality=low,medium,high" } << "gpt-image-2"
        << "auto"
        << "1024x1024" << 1 << 1.00 << 3 << 0 << 0.26928 << 0 << false << false
        << "3 images, about $0.27 estimated (chat tokens not "
           "included).";
    // gpt-image-1 high: 1024x1024 0.167 + 1536x1024 0.25 + 1024x1536 0.25 = 0.667
    QTest::newRow("sizes") << QStringList { "size=1024x1024,1536x1024,1024x1536" } << "gpt-image-1"
                           << "high"
                           << "auto" << 1 << 1.00 << 3 << 0 << 0.667 << 0 << false << false
                           << "3 images, about $0.67 estimated (chat tokens not included).";
    // Size auto is priced at the dearest standard size and quality auto as high:
    // auto -> high 1024x1536 0.25, low -> low 1024x1536 0.016; 0.25 + 0.016 = 0.266
    QTest::newRow("auto errs high") << QStringList { "quality=auto,low" } << "gpt-image-1"
                                    << "auto"
                                    << "auto" << 1 << 1.00 << 2 << 0 << 0.266 << 0 << false << false
                                    << "2 images, about $0.27 estimated (chat tokens not "
                                       "included).";
    // gpt-image-1.5 medium: 16:9 -> 1536x1024 0.05, 1:1 -> 1024x1024 0.034; 0.05 + 0.034 = 0.084
    QTest::newRow("aspect ratios")
        << QStringList { "aspect-ratio=16:9,1:1" } << "gpt-image-1.5"
        << "medium"
        << "1024x1024" << 1 << 1.00 << 2 << 0 << 0.084 << 0 << false << false
        << "2 images, about $0.084 estimated (chat tokens not "
           "included).";
    // gpt-image-1-mini low 1024x1024 0.005; dall-e-3 is not in the book.
    QTest::newRow("one model without a price")
        << QStringList { "image-model=gpt-image-1-mini,dall-e-3" } << "gpt-image-1"
        << "low"
        << "1024x1024" << 1 << 1.00 << 2 << 0 << 0.005 << 1 << false << true
        << "2 images, about $0.005 estimated (chat tokens not included). 1 cell uses a model "
           "without a price (dall-e-3): the total is a lower bound.";
    QTest::newRow("no price at all")
        << QStringList { "image-model=dall-e-3,dall-e-2", "quality=low,high" } << "gpt-image-1"
        << "low"
        << "1024x1024" << 1 << 1.00 << 4 << 0 << 0.0 << 4 << false << true
        << "4 images; the cost cannot be estimated: 4 cells use a model without a price (dall-e-3, "
           "dall-e-2).";
    // The demo costs nothing; openai gpt-image-1 medium 1024x1024 = 0.042.
    QTest::newRow("demo is free") << QStringList { "provider=demo,openai" } << "gpt-image-1"
                                  << "medium"
                                  << "1024x1024" << 1 << 1.00 << 2 << 1 << 0.042 << 0 << false
                                  << false
                                  << "2 images (1 of them free), about $0.042 estimated (chat "
                                     "tokens not included).";
    QTest::newRow("only the demo")
        << QStringList { "provider=demo", "quality=low,high" } << "gpt-image-1"
        << "medium"
        << "1024x1024" << 2 << 0.0 << 4 << 4 << 0.0 << 0 << false << false << "4 images, free.";
    // One image: gpt-image-1 low 1024x1024 = 0.011.
    QTest::newRow("one image") << QStringList {} << "gpt-image-1"
                               << "low"
                               << "1024x1024" << 1 << 1.00 << 1 << 0 << 0.011 << 0 << false << false
                               << "1 image, about $0.011 estimated (chat tokens not included).";
    QTest::newRow("one image without a price")
        << QStringList {} << "dall-e-3"
        << "low"
        << "1024x1024" << 1 << 1.00 << 1 << 0 << 0.0 << 1 << false << true
        << "1 image; the cost cannot be estimated: 1 cell uses a model without a price "
           "(dall-e-3).";
}

void TestComparePreflight::figures()
{
    QFETCH(QStringList, axes);
    QFETCH(QString, model);
    QFETCH(QString, quality);
    QFETCH(QString, size);
    QFETCH(int, imagesPerCell);
    QFETCH(double, limit);
    QFETCH(int, images);
    QFETCH(int, freeImages);
    QFETCH(double, usd);
    QFETCH(int, unpricedCells);
    QFETCH(bool, exceeds);
    QFETCH(bool, confirm);
    QFETCH(QString, summary);

    const CompareSpec spec = specWith(axes, model, quality, size);
    const CostEstimator estimator;
    const ComparePreflight preflight(estimator, isDemo);
    const CompareEstimate estimate = preflight.estimate(spec.cells(), imagesPerCell, limit);

    QCOMPARE(estimate.cells, spec.cellCount());
    QCOMPARE(estimate.images, images);
    QCOMPARE(estimate.freeImages, freeImages);
    QVERIFY2(std::abs(estimate.usd - usd) < 1e-9,
             qPrintable(QStringLiteral("%1 != %2").arg(estimate.usd, 0, 'g', 12).arg(usd)));
    QCOMPARE(estimate.unpricedCells.size(), unpricedCells);
    QCOMPARE(estimate.isLowerBound(), unpricedCells > 0);
    QCOMPARE(estimate.limitUsd, limit);
    QCOMPARE(estimate.exceedsLimit, exceeds);
    QCOMPARE(estimate.needsConfirmation(), confirm);
    QCOMPARE(estimate.cellCosts.size(), spec.cellCount());
    QCOMPARE(estimate.summary(), summary);
}

void TestComparePreflight::perCellCosts()
{
    const CompareSpec spec
        = specWith({ "quality=low,medium,high", "image-model=gpt-image-1,dall-e-3" }, "gpt-image-1",
                   "auto", "1024x1024");
    const CostEstimator estimator;
    const CompareEstimate estimate = ComparePreflight(estimator, isDemo).estimate(spec.cells(), 2);
    // Two images per cell: 2 x 0.011, 2 x 0.042, 2 x 0.167; the dall-e-3 row has no price.
    const QList<double> expected = { 0.022, 0.084, 0.334 };
    QCOMPARE(estimate.cellCosts.size(), 6);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(estimate.cellCosts.at(i).basis, Cost::Basis::Estimated);
        QVERIFY(std::abs(estimate.cellCosts.at(i).usd - expected.at(i)) < 1e-12);
        QCOMPARE(estimate.cellCosts.at(i + 3).basis, Cost::Basis::Unknown);
    }
    // 0.022 + 0.084 + 0.334 = 0.44
    QVERIFY(std::abs(estimate.usd - 0.44) < 1e-12);
    QCOMPARE(estimate.unpricedCells,
             (QStringList { "low, dall-e-3", "medium, dall-e-3", "high, dall-e-3" }));
    QCOMPARE(estimate.unpricedModels, QStringList { "dall-e-3" });
    QCOMPARE(estimate.summary(),
             QStringLiteral("12 images, about $0.44 estimated (chat tokens not included). 3 cells "
                            "use a model without a price (dall-e-3): the total is a lower bound."));

    // With no axis, the one cell is named by its number.
    const CompareSpec single = specWith({}, "dall-e-3", "low", "1024x1024");
    QCOMPARE(ComparePreflight(estimator).estimate(single.cells(), 1).unpricedCells,
             QStringList { "cell 1" });
}

void TestComparePreflight::noFreePredicate()
{
    // Without a predicate the demo is priced like any provider: gpt-image-1 low = 0.011 each.
    const CompareSpec spec
        = specWith({ "provider=demo,openai" }, "gpt-image-1", "low", "1024x1024");
    const CostEstimator estimator;
    const CompareEstimate estimate = ComparePreflight(estimator).estimate(spec.cells(), 1);
    QCOMPARE(estimate.freeImages, 0);
    QVERIFY(std::abs(estimate.usd - 0.022) < 1e-12);
    QCOMPARE(estimate.cellCosts.at(0).basis, Cost::Basis::Estimated);
    QCOMPARE(ComparePreflight(estimator, isDemo).estimate(spec.cells(), 1).cellCosts.at(0).basis,
             Cost::Basis::Demo);
}

void TestComparePreflight::referenceImagesNoted()
{
    // Reference images add input tokens the price book cannot know: the gateway counts them
    // from what it decodes. The figure stays the images' own, and the sentence says so.
    CompareSpec spec = specWith({ "quality=low,high" }, "gpt-image-1", "auto", "1024x1024");
    spec.imagesPerCell = 1;
    const CostEstimator estimator;
    const ComparePreflight preflight(estimator, isDemo);
    const CompareEstimate without = preflight.estimate(spec, 1.0);
    QCOMPARE(without.referenceImages, 0);
    QCOMPARE(without.summary(),
             QStringLiteral("2 images, about $0.18 estimated (chat tokens not included)."));

    spec.referenceImages = QStringList { "/in/a.png", "/in/b.jpg" };
    const CompareEstimate with = preflight.estimate(spec, 1.0);
    QCOMPARE(with.referenceImages, 2);
    QCOMPARE(with.usd, without.usd);
    QCOMPARE(with.summary(),
             QStringLiteral("2 images, about $0.18 estimated (chat tokens not included). Each cell "
                            "also sends 2 reference image(s): their input tokens are the "
                            "gateway's to count and are not included."));
    // The unpriced case says it too; a free run has nothing to count.
    spec.base.imageModel = QStringLiteral("dall-e-3");
    spec.axes.clear();
    QVERIFY(preflight.estimate(spec, 1.0).summary().endsWith(
        "the cost cannot be estimated: 1 cell uses a model without a price (dall-e-3). Each "
        "cell also sends 2 reference image(s): their input tokens are the gateway's to count "
        "and are not included."));
    spec.providerId = QStringLiteral("demo");
    QCOMPARE(preflight.estimate(spec, 1.0).summary(), QStringLiteral("1 image, free."));
}

void TestComparePreflight::formatUsd_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << "$0";
    QTest::newRow("tiny") << 0.00001 << "under $0.0001";
    QTest::newRow("low gpt-image-2") << 0.00588 << "$0.0059";
    QTest::newRow("half a cent") << 0.005 << "$0.005";
    QTest::newRow("just under ten cents") << 0.099 << "$0.099";
    QTest::newRow("ten cents") << 0.1 << "$0.10";
    QTest::newRow("cents") << 0.396 << "$0.40";
    QTest::newRow("dollars") << 12.5 << "$12.50";
}

void TestComparePreflight::formatUsd()
{
    QFETCH(double, usd);
    QFETCH(QString, text);
    QCOMPARE(CompareEstimate::formatUsd(usd), text);
}

QTEST_GUILESS_MAIN(TestComparePreflight)
#include "tst_comparepreflight.moc"
