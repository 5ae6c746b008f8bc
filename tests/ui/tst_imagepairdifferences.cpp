#include "compare/pairdifferences.h"
#include "pairdifferencespanel.h"

#include <QLabel>
#include <QTest>
#include <QToolButton>

// The fields two images are compared by (app/compare/pairdifferences.*) and the panel that shows
// them (ui/pairdifferencespanel.*).
class TestImagePairDifferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagsExactlyTheFieldsThatDiffer_data();
    void flagsExactlyTheFieldsThatDiffer();
    void formatsValuesForPeople();
    void imageOutOfRangeLeavesItsFieldsEmpty();
    void sizeMismatchNote_data();
    void sizeMismatchNote();
    void panelShowsDifferencesAndCollapsesTheRest();

private:
    static Turn baseTurn();
};

Turn TestImagePairDifferences::baseTurn()
{
    Turn turn;
    turn.id = QStringLiteral("turn-a");
    turn.prompt = QStringLiteral("A lighthouse at dusk");
    turn.providerId = QStringLiteral("openai");
    turn.chatModel = QStringLiteral("gpt-5");
    turn.requested.imageModel = QStringLiteral("gpt-image-1");
    turn.requested.quality = QStringLiteral("high");
    turn.requested.size = QStringLiteral("1536x1024");
    turn.requested.background = QStringLiteral("opaque");
    turn.requested.outputFormat = QStringLiteral("png");
    turn.requested.moderation = QStringLiteral("low");
    turn.usage.inputTokens = 1889;
    turn.usage.outputTokens = 120;
    turn.usage.hasImageTokens = true;
    turn.usage.imageInputTextTokens = 11;
    turn.usage.imageOutputTokens = 6240;
    turn.cost.usd = 0.25;
    turn.cost.basis = Cost::Basis::Estimated;
    turn.durationMs = 41'230;
    turn.status = Turn::Status::Done;
    ImageAsset image;
    image.itemId = QStringLiteral("ig_1");
    image.state = ImageAsset::State::Final;
    image.filePath = QStringLiteral("/store/ab/abcd.png");
    image.pixelSize = QSize(1536, 1024);
    image.byteSize = 2'345'678;
    image.report.size = QStringLiteral("1536x1024");
    image.report.quality = QStringLiteral("high");
    image.report.background = QStringLiteral("opaque");
    image.report.outputFormat = QStringLiteral("png");
    image.report.revisedPrompt = QStringLiteral("A tall lighthouse on a cliff at dusk");
    turn.images << image;
    return turn;
}

void TestImagePairDifferences::flagsExactlyTheFieldsThatDiffer_data()
{
    QTest::addColumn<Turn>("b");
    QTest::addColumn<QStringList>("expected");

    const Turn base = baseTurn();
    QTest::newRow("identical") << base << QStringList();

    Turn qualityAndCost = base;
    qualityAndCost.requested.quality = QStringLiteral("low");
    qualityAndCost.cost.usd = 0.011;
    QTest::newRow("quality and cost")
        << qualityAndCost
        << QStringList { QStringLiteral("requestedQuality"), QStringLiteral("cost") };

    Turn reportedToo = qualityAndCost;
    reportedToo.images[0].report.quality = QStringLiteral("low");
    QTest::newRow("reported quality too")
        << reportedToo
        << QStringList { QStringLiteral("requestedQuality"), QStringLiteral("actualQuality"),
                         QStringLiteral("cost") };

    Turn basisOnly = base;
    basisOnly.cost.basis = Cost::Basis::Billed;
    QTest::newRow("same dollars, other basis")
        << basisOnly << QStringList { QStringLiteral("cost") };

    Turn caseOnly = base;
    caseOnly.requested.quality = QStringLiteral("HIGH");
    caseOnly.images[0].report.outputFormat = QStringLiteral("PNG");
    QTest::newRow("case of a setting") << caseOnly << QStringList();

    Turn promptCase = base;
    promptCase.prompt = QStringLiteral("a lighthouse at dusk");
    QTest::newRow("case of a prompt") << promptCase << QStringList { QStringLiteral("prompt") };

    Turn revised = base;
    revised.images[0].report.revisedPrompt = QStringLiteral("A squat lighthouse at dusk");
    QTest::newRow("revised prompt") << revised << QStringList { QStringLiteral("revisedPrompt") };

    Turn jpeg = base;
    jpeg.requested.outputFormat = QStringLiteral("jpeg");
    jpeg.requested.outputCompression = 80;
    QTest::newRow("jpeg with compression")
        << jpeg << QStringList { QStringLiteral("requestedFormat"), QStringLiteral("compression") };

    Turn picture = base;
    picture.images[0].pixelSize = QSize(1024, 1024);
    picture.images[0].byteSize = 1'000'000;
    picture.images[0].report.size = QStringLiteral("1024x1024");
    QTest::newRow("picture") << picture
                             << QStringList { QStringLiteral("actualSize"),
                                              QStringLiteral("pixelSize"),
                                              QStringLiteral("bytes") };

    Turn imageTokens = base;
    imageTokens.usage.imageOutputTokens = 272;
    imageTokens.durationMs = 9'800;
    QTest::newRow("image tokens and time")
        << imageTokens << QStringList { QStringLiteral("tokensOut"), QStringLiteral("time") };

    Turn elsewhere = base;
    elsewhere.providerId = QStringLiteral("openrouter");
    elsewhere.chatModel = QStringLiteral("openai/gpt-5");
    elsewhere.requested.imageModel = QStringLiteral("gpt-image-1.5");
    elsewhere.requested.aspectRatio = QStringLiteral("3:2");
    elsewhere.requested.background = QStringLiteral("transparent");
    elsewhere.requested.moderation = QStringLiteral("auto");
    QTest::newRow("provider and settings")
        << elsewhere << QStringList { QStringLiteral("provider"),
                                      QStringLiteral("chatModel"),
                                      QStringLiteral("imageModel"),
                                      QStringLiteral("aspectRatio"),
                                      QStringLiteral("requestedBackground"),
                                      QStringLiteral("moderation") };
}

void TestImagePairDifferences::flagsExactlyTheFieldsThatDiffer()
{
    QFETCH(Turn, b);
    QFETCH(QStringList, expected);

    const QList<PairDifferences::Row> rows = PairDifferences::compare(baseTurn(), 0, b, 0);
    QCOMPARE(rows.size(), PairDifferences::keys().size());
    QStringList keys;
    for (const PairDifferences::Row &row : rows)
        keys << row.key;
    QCOMPARE(keys, PairDifferences::keys());
    QCOMPARE(PairDifferences::differingKeys(rows), expected);
    // Comparing B with A flags the same fields.
    QCOMPARE(PairDifferences::differingKeys(PairDifferences::compare(b, 0, baseTurn(), 0)),
             expected);
}

void TestImagePairDifferences::formatsValuesForPeople()
{
    Turn b = baseTurn();
    b.cost = Cost { 0.011, Cost::Basis::Demo, {} };
    b.durationMs = -1; // still running: no time yet
    const QList<PairDifferences::Row> rows = PairDifferences::compare(baseTurn(), 0, b, 0);
    QHash<QString, PairDifferences::Row> byKey;
    for (const PairDifferences::Row &row : rows)
        byKey.insert(row.key, row);

    QCOMPARE(byKey.value(QStringLiteral("cost")).a, QStringLiteral("$0.25 estimated"));
    QCOMPARE(byKey.value(QStringLiteral("cost")).b, QStringLiteral("$0.011 demo"));
    QCOMPARE(byKey.value(QStringLiteral("time")).a, QStringLiteral("41.2 s"));
    QCOMPARE(byKey.value(QStringLiteral("time")).b, QString());
    QVERIFY(byKey.value(QStringLiteral("time")).differs);
    QCOMPARE(byKey.value(QStringLiteral("pixelSize")).a, QStringLiteral("1536 × 1024"));
    QVERIFY(byKey.value(QStringLiteral("bytes")).a.contains(QStringLiteral("2,345,678 bytes")));
    // Chat and image-tool tokens are added, as in results.csv.
    QCOMPARE(byKey.value(QStringLiteral("tokensIn")).a, QStringLiteral("1,900"));
    QCOMPARE(byKey.value(QStringLiteral("tokensOut")).a, QStringLiteral("6,360"));
    QCOMPARE(byKey.value(QStringLiteral("requestedSize")).a, QStringLiteral("1536x1024"));
    // PNG has no compression setting; prompts are the only long texts.
    QCOMPARE(byKey.value(QStringLiteral("compression")).a, QString());
    for (const PairDifferences::Row &row : rows)
        QCOMPARE(row.longText,
                 row.key == QLatin1String("prompt") || row.key == QLatin1String("revisedPrompt"));
}

void TestImagePairDifferences::imageOutOfRangeLeavesItsFieldsEmpty()
{
    const QList<PairDifferences::Row> rows = PairDifferences::compare(baseTurn(), 0, baseTurn(), 3);
    const QStringList imageFields {
        QStringLiteral("actualSize"),       QStringLiteral("actualQuality"),
        QStringLiteral("actualBackground"), QStringLiteral("actualFormat"),
        QStringLiteral("pixelSize"),        QStringLiteral("bytes"),
        QStringLiteral("revisedPrompt")
    };
    QCOMPARE(PairDifferences::differingKeys(rows), imageFields);
    for (const PairDifferences::Row &row : rows) {
        if (imageFields.contains(row.key))
            QVERIFY2(row.b.isEmpty() && !row.a.isEmpty(), qPrintable(row.key));
    }
}

void TestImagePairDifferences::sizeMismatchNote_data()
{
    QTest::addColumn<QSize>("a");
    QTest::addColumn<QSize>("b");
    QTest::addColumn<QString>("note");
    QTest::newRow("same") << QSize(1024, 1024) << QSize(1024, 1024) << QString();
    QTest::newRow("unknown") << QSize(1024, 1024) << QSize() << QString();
    QTest::newRow("different")
        << QSize(1024, 1024) << QSize(1536, 1024)
        << QStringLiteral(
               "The images differ in size (A 1024 × 1024, B 1536 × 1024): B is laid over A's "
               "area to compare them, and scaled to A's size for the difference.");
}

void TestImagePairDifferences::sizeMismatchNote()
{
    QFETCH(QSize, a);
    QFETCH(QSize, b);
    QFETCH(QString, note);
    QCOMPARE(PairDifferences::sizeMismatchNote(a, b), note);
}

void TestImagePairDifferences::panelShowsDifferencesAndCollapsesTheRest()
{
    Turn b = baseTurn();
    b.requested.quality = QStringLiteral("low");
    b.cost.usd = 0.011;
    PairDifferencesPanel panel;
    panel.resize(340, 700);
    panel.setDifferences(PairDifferences::compare(baseTurn(), 0, b, 0),
                         QStringLiteral("quality=high"), QStringLiteral("quality=low"));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    const QStringList differing { QStringLiteral("requestedQuality"), QStringLiteral("cost") };
    QCOMPARE(panel.differingKeys(), differing);
    QList<QWidget *> cards;
    for (QWidget *child : panel.findChildren<QWidget *>()) {
        if (child->objectName().startsWith(QLatin1String("difference_")))
            cards << child;
    }
    QCOMPARE(cards.size(), 2);
    QWidget *quality = panel.findChild<QWidget *>(QStringLiteral("difference_requestedQuality"));
    QVERIFY(quality && quality->isVisible());
    QCOMPARE(quality->findChild<QLabel *>(QStringLiteral("valueA"))->text(),
             QStringLiteral("high"));
    QCOMPARE(quality->findChild<QLabel *>(QStringLiteral("valueB"))->text(), QStringLiteral("low"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("differentHeading"))->text(),
             QStringLiteral("Different (2)"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("titleA"))->text(),
             QStringLiteral("quality=high"));
    QVERIFY(panel.findChild<QWidget *>(QStringLiteral("columnHeader"))->isVisible());

    // Same in both: collapsed until asked for; fields unknown on both sides are left out.
    QVERIFY(panel.sameKeys().contains(QStringLiteral("provider")));
    QVERIFY(!panel.sameKeys().contains(QStringLiteral("aspectRatio")));
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("same_aspectRatio")));
    auto *provider = panel.findChild<QLabel *>(QStringLiteral("same_provider"));
    QVERIFY(provider);
    QCOMPARE(provider->text(), QStringLiteral("openai"));
    QVERIFY(!provider->isVisible());
    auto *toggle = panel.findChild<QToolButton *>(QStringLiteral("sameToggle"));
    QCOMPARE(toggle->text(), QStringLiteral("Same in both (%1)").arg(panel.sameKeys().size()));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(panel.isSameExpanded());
    QVERIFY(provider->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!panel.isSameExpanded());
    QVERIFY(!provider->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(provider->isVisible());

    panel.setNote(PairDifferences::sizeMismatchNote(QSize(10, 10), QSize(20, 10)));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("pairNote"))->isVisible());
    panel.setNote({});
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("pairNote"))->isVisible());

    // Nothing differs: the panel says so instead of showing an empty list.
    panel.setDifferences(PairDifferences::compare(baseTurn(), 0, baseTurn(), 0), {}, {});
    QVERIFY(panel.differingKeys().isEmpty());
    QVERIFY(!panel.findChild<QWidget *>(QStringLiteral("difference_cost")));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("differentHeading"))
                ->text()
                .startsWith(QLatin1String("No differences")));
}

QTEST_MAIN(TestImagePairDifferences)
#include "tst_imagepairdifferences.moc"
