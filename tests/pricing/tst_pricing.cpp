#include "pricing/costestimator.h"
#include "pricing/pricebook.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

namespace {

const QStringList chatModels
    = { QStringLiteral("gpt-5"),   QStringLiteral("gpt-5-mini"),   QStringLiteral("gpt-5-nano"),
        QStringLiteral("gpt-4.1"), QStringLiteral("gpt-4.1-mini"), QStringLiteral("gpt-4o") };
const QStringList imageModels = { QStringLiteral("gpt-image-1"), QStringLiteral("gpt-image-1-mini"),
                                  QStringLiteral("gpt-image-1.5"), QStringLiteral("gpt-image-2") };
const QStringList qualities
    = { QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high") };
const QStringList sizes
    = { QStringLiteral("1024x1024"), QStringLiteral("1024x1536"), QStringLiteral("1536x1024") };

// "high 1536x1024" -> a report; "-" leaves a field empty (not reported by the gateway).
ImageReport report(const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(' '));
    ImageReport r;
    r.quality = parts.value(0) == QLatin1String("-") ? QString() : parts.value(0);
    r.size = parts.value(1) == QLatin1String("-") ? QString() : parts.value(1);
    return r;
}

bool closeTo(double actual, double expected)
{
    return std::abs(actual - expected) < 1e-12;
}

} // namespace

class TestPricing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInBookIsComplete();
    void builtInTablesMatchWireFormats();
    void normalization_data();
    void normalization();
    void gptImage2Tokens_data();
    void gptImage2Tokens();
    void turnCost_data();
    void turnCost();
    void recordedJpegTurn();
    void preflight_data();
    void preflight();
    void malformedBook_data();
    void malformedBook();
    void validBookClearsError();
};

void TestPricing::builtInBookIsComplete()
{
    const PriceBook &book = PriceBook::builtIn();
    QVERIFY2(!book.isEmpty(), "the built-in price book did not load from :/easel/pricing.json");
    QVERIFY(!book.date().isEmpty());
    QCOMPARE(book.currency(), QStringLiteral("USD"));
    for (const QString &model : chatModels) {
        const auto price = book.chatPrice(model);
        QVERIFY2(price, qPrintable(model));
        QCOMPARE(price->model, model);
        QVERIFY2(!price->source.isEmpty() && !price->date.isEmpty(), qPrintable(model));
        QVERIFY(price->inputPerMillion > 0 && price->outputPerMillion > price->inputPerMillion);
        QVERIFY(price->cachedInputPerMillion < price->inputPerMillion);
    }
    for (const QString &model : imageModels) {
        const auto price = book.imagePrice(model);
        QVERIFY2(price, qPrintable(model));
        QCOMPARE(price->model, model);
        QVERIFY2(!price->source.isEmpty() && !price->date.isEmpty(), qPrintable(model));
        QVERIFY(price->imageOutputPerMillion > 0);
        const bool formula = model == QLatin1String("gpt-image-2");
        QCOMPARE(price->tokenRule == PriceBook::ImagePrice::TokenRule::GptImage2Formula, formula);
        if (formula)
            continue;
        // Every 1.x model prices every quality at every size, both ways.
        for (const QString &quality : qualities) {
            for (const QString &size : sizes) {
                QVERIFY2(price->perImage(quality, size),
                         qPrintable(model + QLatin1Char(' ') + quality + QLatin1Char(' ') + size));
                QVERIFY(price->outputTokensFor(quality, size));
            }
        }
    }
}

void TestPricing::builtInTablesMatchWireFormats()
{
    // Spot checks against wire-formats.md B.1-B.3, so a typo in pricing.json fails here.
    const PriceBook &book = PriceBook::builtIn();
    const auto one = book.imagePrice(QStringLiteral("gpt-image-1"));
    QVERIFY(one);
    QCOMPARE(one->textInputPerMillion, 5.0);
    QCOMPARE(one->imageInputPerMillion, 10.0);
    QCOMPARE(one->imageOutputPerMillion, 40.0);
    QVERIFY(!one->textOutputPerMillion);
    QCOMPARE(*one->perImage(QStringLiteral("high"), QStringLiteral("1536x1024")), 0.25);
    QCOMPARE(*one->outputTokensFor(QStringLiteral("low"), QStringLiteral("1024x1024")), 272);
    QCOMPARE(*one->outputTokensFor(QStringLiteral("high"), QStringLiteral("1536x1024")), 6208);

    const auto mini = book.imagePrice(QStringLiteral("gpt-image-1-mini"));
    QVERIFY(mini);
    QCOMPARE(mini->cachedTextInputPerMillion, 0.20);
    QCOMPARE(*mini->perImage(QStringLiteral("medium"), QStringLiteral("1024x1536")), 0.015);

    const auto onePointFive = book.imagePrice(QStringLiteral("gpt-image-1.5"));
    QVERIFY(onePointFive);
    QCOMPARE(onePointFive->imageOutputPerMillion, 32.0);
    QCOMPARE(*onePointFive->textOutputPerMillion, 10.0);
    QCOMPARE(*onePointFive->perImage(QStringLiteral("high"), QStringLiteral("1024x1024")), 0.133);

    const auto two = book.imagePrice(QStringLiteral("gpt-image-2"));
    QVERIFY(two);
    QCOMPARE(two->imageOutputPerMillion, 30.0);
    QCOMPARE(two->cachedImageInputPerMillion, 2.0);
    QVERIFY(two->perImageUsd.isEmpty());

    const auto gpt5 = book.chatPrice(QStringLiteral("gpt-5"));
    QVERIFY(gpt5);
    QCOMPARE(gpt5->inputPerMillion, 1.25);
    QCOMPARE(gpt5->cachedInputPerMillion, 0.125);
    QCOMPARE(gpt5->outputPerMillion, 10.0);
    QCOMPARE(gpt5->source, QStringLiteral("OpenAI pricing page (list prices as of 2025-08)"));
}

void TestPricing::normalization_data()
{
    QTest::addColumn<bool>("image");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // empty: no price

    QTest::newRow("exact") << false << "gpt-5"
                           << "gpt-5";
    QTest::newRow("upper case") << false << "GPT-5"
                                << "gpt-5";
    QTest::newRow("vendor prefix") << false << "openai/gpt-5"
                                   << "gpt-5";
    QTest::newRow("dated snapshot") << false << "gpt-5-2025-08-07"
                                    << "gpt-5";
    QTest::newRow("compact date") << false << "gpt-5-20250807"
                                  << "gpt-5";
    QTest::newRow("mini is not gpt-5") << false << "gpt-5-mini"
                                       << "gpt-5-mini";
    QTest::newRow("dated mini") << false << "gpt-5-mini-2025-08-07"
                                << "gpt-5-mini";
    QTest::newRow("prefixed dated nano") << false << "openai/gpt-5-nano-2025-08-07"
                                         << "gpt-5-nano";
    QTest::newRow("dated 4.1-mini") << false << "gpt-4.1-mini-2025-04-14"
                                    << "gpt-4.1-mini";
    QTest::newRow("dated 4o") << false << "gpt-4o-2024-08-06"
                              << "gpt-4o";
    QTest::newRow("unknown variant") << false << "gpt-5-pro"
                                     << "";
    QTest::newRow("chat-latest is no date") << false << "gpt-5-chat-latest"
                                            << "";
    QTest::newRow("not in book") << false << "gpt-4o-mini"
                                 << "";
    QTest::newRow("malformed date") << false << "gpt-5-2025-8-7"
                                    << "";
    QTest::newRow("trailing dash") << false << "gpt-5-"
                                   << "";
    QTest::newRow("empty") << false << ""
                           << "";
    QTest::newRow("image model is no chat model") << false << "gpt-image-2"
                                                  << "";
    QTest::newRow("image exact") << true << "gpt-image-1"
                                 << "gpt-image-1";
    QTest::newRow("image prefixed, spaces") << true << " openai/gpt-image-1 "
                                            << "gpt-image-1";
    QTest::newRow("image dated") << true << "gpt-image-2-2026-04-21"
                                 << "gpt-image-2";
    QTest::newRow("image mini") << true << "gpt-image-1-mini"
                                << "gpt-image-1-mini";
    QTest::newRow("image dated mini") << true << "gpt-image-1-mini-2025-10-06"
                                      << "gpt-image-1-mini";
    QTest::newRow("image 1.5") << true << "gpt-image-1.5"
                               << "gpt-image-1.5";
    QTest::newRow("image 1.5 is not 1") << true << "gpt-image-1.5-2025-12-16"
                                        << "gpt-image-1.5";
    QTest::newRow("image alias unknown") << true << "chatgpt-image-latest"
                                         << "";
    QTest::newRow("chat model is no image model") << true << "gpt-5"
                                                  << "";
}

void TestPricing::normalization()
{
    QFETCH(bool, image);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const PriceBook &book = PriceBook::builtIn();
    const QString found = image ? (book.imagePrice(name) ? book.imagePrice(name)->model : QString())
                                : (book.chatPrice(name) ? book.chatPrice(name)->model : QString());
    QCOMPARE(found, expected);
}

void TestPricing::gptImage2Tokens_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<qint64>("tokens");

    // Values from the calculator post quoted in wire-formats.md B.3; 196 is also the real
    // tool_usage.image_gen.output_tokens of the recorded pydantic-ai cassette.
    QTest::newRow("1024 low") << 1024 << 1024 << "low" << qint64(196);
    QTest::newRow("1024 medium") << 1024 << 1024 << "medium" << qint64(1756);
    QTest::newRow("1024 high") << 1024 << 1024 << "high" << qint64(7024);
    QTest::newRow("1536x1024 low") << 1536 << 1024 << "low" << qint64(158);
    QTest::newRow("1536x1024 medium") << 1536 << 1024 << "medium" << qint64(1372);
    QTest::newRow("1536x1024 high") << 1536 << 1024 << "high" << qint64(5488);
    QTest::newRow("portrait equals landscape") << 1024 << 1536 << "high" << qint64(5488);
    QTest::newRow("16:9 low") << 1536 << 864 << "low" << qint64(120);
    QTest::newRow("16:9 medium") << 1536 << 864 << "medium" << qint64(1078);
    QTest::newRow("16:9 high") << 1536 << 864 << "high" << qint64(4312);
    QTest::newRow("auto quality has no formula") << 1024 << 1024 << "auto" << qint64(-1);
    QTest::newRow("zero width") << 0 << 1024 << "low" << qint64(-1);
}

void TestPricing::gptImage2Tokens()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, quality);
    QFETCH(qint64, tokens);
    QCOMPARE(CostEstimator::gptImage2OutputTokens(width, height, quality), tokens);
}

void TestPricing::turnCost_data()
{
    QTest::addColumn<QString>("chatModel");
    QTest::addColumn<qint64>("inputTokens");
    QTest::addColumn<qint64>("cachedTokens");
    QTest::addColumn<qint64>("outputTokens");
    QTest::addColumn<QString>("imageModel");
    QTest::addColumn<QList<qint64>>("imageTokens"); // text in, image in, image out; empty: none
    QTest::addColumn<double>("billed"); // < 0: not billed
    QTest::addColumn<QStringList>("images"); // "quality size" per final image
    QTest::addColumn<QString>("requestedQuality");
    QTest::addColumn<QString>("requestedSize");
    QTest::addColumn<double>("usd");
    QTest::addColumn<int>("basis");
    QTest::addColumn<QString>("noteContains"); // empty: the note must be empty

    const int estimated = int(Cost::Basis::Estimated);
    const int billed = int(Cost::Basis::Billed);
    const int unknown = int(Cost::Basis::Unknown);
    const QList<qint64> none;

    // The recorded jpeg turn: gpt-5 1889 in / 0 cached / 1434 out, one high 1536x1024 image,
    // no tool_usage. 1889 x 1.25 = 2361.25; 1434 x 10 = 14340; (2361.25 + 14340) / 1e6
    // = 0.01670125; + gpt-image-1 high 1536x1024 per-image price 0.25 = 0.26670125.
    QTest::newRow("jpeg fixture") << "gpt-5-2025-08-07" << qint64(1889) << qint64(0) << qint64(1434)
                                  << "gpt-image-1" << none << -1.0
                                  << QStringList { "high 1536x1024" } << "auto"
                                  << "auto" << 0.26670125 << estimated
                                  << "estimated from quality and size";
    // The pydantic-ai turn: gpt-5-mini 2279 x 0.25 = 569.75, 683 x 2 = 1366 -> 0.00193575;
    // tool_usage on gpt-image-2: 71 x 5 = 355, 196 x 30 = 5880 -> 0.006235. Total 0.00817075.
    // The image report is ignored because the tokens were counted.
    QTest::newRow("PAI tool_usage")
        << "gpt-5-mini" << qint64(2279) << qint64(0) << qint64(683) << "gpt-image-2"
        << QList<qint64> { 71, 0, 196 } << -1.0 << QStringList { "low 1024x1024" } << "low"
        << "1024x1024" << 0.00817075 << estimated << "";
    // Image input tokens at the image-in rate: gpt-image-1 20 x 5 = 100, 500 x 10 = 5000,
    // 4160 x 40 = 166400 -> 0.1715; no chat tokens.
    QTest::newRow("image input tokens")
        << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "openai/gpt-image-1"
        << QList<qint64> { 20, 500, 4160 } << -1.0 << QStringList {} << "high"
        << "1024x1024" << 0.1715 << estimated << "";
    // The gateway's figure wins over any estimate.
    QTest::newRow("billed") << "gpt-5" << qint64(1000) << qint64(0) << qint64(1000) << "gpt-image-1"
                            << none << 0.95 << QStringList { "high 1024x1024" } << "high"
                            << "auto" << 0.95 << billed << "";
    QTest::newRow("billed zero") << "mystery-llm" << qint64(10) << qint64(0) << qint64(10) << ""
                                 << none << 0.0 << QStringList {} << "auto"
                                 << "auto" << 0.0 << billed << "";
    // gpt-4.1: (1000 - 400) x 2 = 1200; 400 x 0.5 = 200; 500 x 8 = 4000 -> 0.0054.
    QTest::newRow("cached input") << "gpt-4.1" << qint64(1000) << qint64(400) << qint64(500)
                                  << "gpt-image-1" << none << -1.0 << QStringList {} << "auto"
                                  << "auto" << 0.0054 << estimated << "";
    // gpt-image-2 high 1536x1024 = 5488 tokens x 30 / 1e6 = 0.16464.
    QTest::newRow("gpt-image-2 formula")
        << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "gpt-image-2" << none << -1.0
        << QStringList { "high 1536x1024" } << "auto"
        << "auto" << 0.16464 << estimated << "quality and size";
    // Quality not reported: the requested low applies; size from the request. 196 x 30 / 1e6.
    QTest::newRow("requested fallback")
        << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "gpt-image-2-2026-04-21" << none
        << -1.0 << QStringList { "- -" } << "low"
        << "1024x1024" << 0.00588 << estimated << "quality and size";
    // Quality reported nowhere (request auto): priced as high, gpt-image-1 1024x1024 = 0.167.
    QTest::newRow("unknown quality")
        << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "gpt-image-1" << none << -1.0
        << QStringList { "- 1024x1024" } << "auto"
        << "auto" << 0.167 << estimated << "priced as high";
    // Size reported nowhere: the dearest of 0.042 / 0.063 / 0.063 for medium gpt-image-1.
    QTest::newRow("unknown size 1.x")
        << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "gpt-image-1" << none << -1.0
        << QStringList { "medium -" } << "auto"
        << "auto" << 0.063 << estimated << "dearest";
    // gpt-image-2's dearest standard size is the square: high 7024 x 30 / 1e6 = 0.21072.
    QTest::newRow("unknown size 2")
        << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "gpt-image-2" << none << -1.0
        << QStringList { "high auto" } << "auto"
        << "auto" << 0.21072 << estimated << "1024x1024";
    // A size outside the 1.x table: medium 1024x1024 0.042 x (2048 x 2048) / (1024 x 1024)
    // = 0.042 x 4 = 0.168.
    QTest::newRow("area scaling") << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "gpt-image-1"
                                  << none << -1.0 << QStringList { "medium 2048x2048" } << "auto"
                                  << "auto" << 0.168 << estimated << "scaled by pixel area";
    // Unknown chat model: only the image is priced, gpt-image-1 low 1024x1024 = 0.011.
    QTest::newRow("unknown chat model")
        << "mystery-llm" << qint64(1000) << qint64(0) << qint64(500) << "gpt-image-1" << none
        << -1.0 << QStringList { "low 1024x1024" } << "auto"
        << "auto" << 0.011 << estimated << "mystery-llm";
    // Unknown image model: only the chat part, gpt-5 1000 x 1.25 + 100 x 10 = 2250 -> 0.00225.
    QTest::newRow("unknown image model")
        << "gpt-5" << qint64(1000) << qint64(0) << qint64(100) << "dall-e-9" << none << -1.0
        << QStringList { "low 1024x1024" } << "auto"
        << "auto" << 0.00225 << estimated << "dall-e-9";
    QTest::newRow("nothing priced")
        << "mystery-llm" << qint64(1000) << qint64(0) << qint64(500) << "dall-e-9" << none << -1.0
        << QStringList { "low 1024x1024" } << "auto"
        << "auto" << 0.0 << unknown << "dall-e-9";
    QTest::newRow("no usage at all") << "gpt-5" << qint64(0) << qint64(0) << qint64(0)
                                     << "gpt-image-1" << none << -1.0 << QStringList {} << "auto"
                                     << "auto" << 0.0 << unknown << "no usage";
    // gpt-5-nano 3151 x 0.05 = 157.55, 1970 x 0.4 = 788 -> 0.00094555; two gpt-image-1.5
    // medium 1024x1024 at 0.034 = 0.068. Total 0.06894555.
    QTest::newRow("two images, prefixed dated chat")
        << "openai/gpt-5-nano-2025-08-07" << qint64(3151) << qint64(0) << qint64(1970)
        << "gpt-image-1.5" << none << -1.0 << QStringList { "medium 1024x1024", "medium 1024x1024" }
        << "auto"
        << "auto" << 0.06894555 << estimated << "quality and size";
    // No image model named by the gateway: the requested one (see below) applies;
    // gpt-image-1-mini high 1024x1536 = 0.052.
    QTest::newRow("requested image model")
        << "gpt-5" << qint64(0) << qint64(0) << qint64(0) << "" << none << -1.0
        << QStringList { "high 1024x1536" } << "auto"
        << "auto" << 0.052 << estimated << "quality and size";
}

void TestPricing::turnCost()
{
    QFETCH(QString, chatModel);
    QFETCH(qint64, inputTokens);
    QFETCH(qint64, cachedTokens);
    QFETCH(qint64, outputTokens);
    QFETCH(QString, imageModel);
    QFETCH(QList<qint64>, imageTokens);
    QFETCH(double, billed);
    QFETCH(QStringList, images);
    QFETCH(QString, requestedQuality);
    QFETCH(QString, requestedSize);
    QFETCH(double, usd);
    QFETCH(int, basis);
    QFETCH(QString, noteContains);

    Usage usage;
    usage.inputTokens = inputTokens;
    usage.cachedInputTokens = cachedTokens;
    usage.outputTokens = outputTokens;
    if (!imageTokens.isEmpty()) {
        usage.hasImageTokens = true;
        usage.imageInputTextTokens = imageTokens.at(0);
        usage.imageInputImageTokens = imageTokens.at(1);
        usage.imageOutputTokens = imageTokens.at(2);
    }
    if (billed >= 0)
        usage.billedCostUsd = billed;
    QList<ImageReport> reports;
    for (const QString &spec : images)
        reports.append(report(spec));
    ImageParams requested;
    requested.imageModel = QStringLiteral("gpt-image-1-mini");
    requested.quality = requestedQuality;
    requested.size = requestedSize;

    const Cost cost = CostEstimator().turnCost(usage, chatModel, imageModel, reports, requested);
    QVERIFY2(closeTo(cost.usd, usd),
             qPrintable(QStringLiteral("got %1, expected %2").arg(cost.usd, 0, 'g', 12).arg(usd)));
    QCOMPARE(int(cost.basis), basis);
    if (noteContains.isEmpty())
        QVERIFY2(cost.note.isEmpty(), qPrintable(cost.note));
    else
        QVERIFY2(cost.note.contains(noteContains), qPrintable(cost.note));
}

void TestPricing::recordedJpegTurn()
{
    // The same turn as the "jpeg fixture" row, read from the real recorded response, so the
    // hand-typed numbers above cannot drift from the payload they stand for.
    const QString path
        = QStringLiteral(EASEL_FIXTURES_DIR "/openai-responses-image-jpeg.response.json");
    if (!QFile::exists(path))
        QSKIP("recorded fixtures not found at " EASEL_FIXTURES_DIR
              " (../shared/fixtures/recorded)");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject response = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject usageJson = response.value(QLatin1String("usage")).toObject();
    Usage usage;
    usage.inputTokens = usageJson.value(QLatin1String("input_tokens")).toInteger();
    usage.cachedInputTokens = usageJson.value(QLatin1String("input_tokens_details"))
                                  .toObject()
                                  .value(QLatin1String("cached_tokens"))
                                  .toInteger();
    usage.outputTokens = usageJson.value(QLatin1String("output_tokens")).toInteger();
    QCOMPARE(usage.inputTokens, 1889);
    QCOMPARE(usage.outputTokens, 1434);

    QList<ImageReport> reports;
    for (const QJsonValue &item : response.value(QLatin1String("output")).toArray()) {
        const QJsonObject object = item.toObject();
        if (object.value(QLatin1String("type")).toString()
            != QLatin1String("image_generation_call"))
            continue;
        ImageReport r;
        r.size = object.value(QLatin1String("size")).toString();
        r.quality = object.value(QLatin1String("quality")).toString();
        reports.append(r);
    }
    QCOMPARE(reports.size(), 1);

    ImageParams requested; // the request said quality auto, size auto
    requested.imageModel = QStringLiteral("gpt-image-1");
    const Cost cost = CostEstimator().turnCost(
        usage, response.value(QLatin1String("model")).toString(), QString(), reports, requested);
    QCOMPARE(cost.basis, Cost::Basis::Estimated);
    QVERIFY2(closeTo(cost.usd, 0.26670125), qPrintable(QString::number(cost.usd, 'g', 12)));
}

void TestPricing::preflight_data()
{
    QTest::addColumn<QString>("imageModel");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("images");
    QTest::addColumn<double>("usd");
    QTest::addColumn<int>("basis");
    QTest::addColumn<QString>("noteContains");

    const int estimated = int(Cost::Basis::Estimated);
    // 2 x 0.167.
    QTest::newRow("two high squares") << "gpt-image-1"
                                      << "high"
                                      << "1024x1024" << 2 << 0.334 << estimated << "come on top";
    // 196 x 30 / 1e6.
    QTest::newRow("gpt-image-2 low") << "gpt-image-2"
                                     << "low"
                                     << "1024x1024" << 1 << 0.00588 << estimated << "gpt-5";
    // Custom gpt-image-2 size: 16:9 high = 4312 x 30 / 1e6 = 0.12936.
    QTest::newRow("gpt-image-2 custom") << "gpt-image-2"
                                        << "high"
                                        << "1536x864" << 1 << 0.12936 << estimated << "come on top";
    QTest::newRow("auto quality") << "gpt-image-1.5"
                                  << "auto"
                                  << "1536x1024" << 1 << 0.20 << estimated << "priced as high";
    // Auto size: dearest of 0.011 / 0.015 / 0.015.
    QTest::newRow("auto size") << "gpt-image-1-mini"
                               << "medium"
                               << "auto" << 1 << 0.015 << estimated << "dearest";
    QTest::newRow("no images") << "gpt-image-1"
                               << "low"
                               << "1024x1024" << 0 << 0.0 << estimated << "come on top";
    QTest::newRow("unknown model")
        << "imagine-9"
        << "low"
        << "1024x1024" << 1 << 0.0 << int(Cost::Basis::Unknown) << "imagine-9";
}

void TestPricing::preflight()
{
    QFETCH(QString, imageModel);
    QFETCH(QString, quality);
    QFETCH(QString, size);
    QFETCH(int, images);
    QFETCH(double, usd);
    QFETCH(int, basis);
    QFETCH(QString, noteContains);

    ImageParams params;
    params.imageModel = imageModel;
    params.quality = quality;
    params.size = size;
    const Cost cost = CostEstimator().preflight(QStringLiteral("gpt-5"), params, images);
    QVERIFY2(closeTo(cost.usd, usd), qPrintable(QString::number(cost.usd, 'g', 12)));
    QCOMPARE(int(cost.basis), basis);
    QVERIFY2(cost.note.contains(noteContains), qPrintable(cost.note));
}

void TestPricing::malformedBook_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorContains");

    const QByteArray chatOk = R"("chat_models":{"gpt-x":{"input":1,"cached_input":0.1,"output":2,)"
                              R"("source":"s","date":"d"}})";
    const QByteArray imageOk = R"("image_models":{})";
    const QByteArray head = R"({"date":"2026-11-21","currency":"USD",)";

    QTest::newRow("not json") << QByteArray("{\"date\": ") << "not valid JSON";
    QTest::newRow("empty") << QByteArray() << "not valid JSON";
    QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object";
    QTest::newRow("no date") << QByteArray(R"({"currency":"USD",)" + chatOk + "," + imageOk + "}")
                             << "\"date\"";
    QTest::newRow("euro") << QByteArray(R"({"date":"x","currency":"EUR",)" + chatOk + "," + imageOk
                                        + "}")
                          << "only USD";
    QTest::newRow("no chat section") << QByteArray(head + imageOk + "}") << "\"chat_models\"";
    QTest::newRow("chat section is a list")
        << QByteArray(head + R"("chat_models":[],)" + imageOk + "}") << "\"chat_models\"";
    QTest::newRow("chat entry not object")
        << QByteArray(head + R"("chat_models":{"gpt-x":3},)" + imageOk + "}") << "gpt-x";
    QTest::newRow("missing output")
        << QByteArray(head
                      + R"("chat_models":{"gpt-x":{"input":1,"cached_input":0.1,)"
                        R"("source":"s","date":"d"}},)"
                      + imageOk + "}")
        << "\"output\"";
    QTest::newRow("price as string")
        << QByteArray(head
                      + R"("chat_models":{"gpt-x":{"input":"1","cached_input":0.1,)"
                        R"("output":2,"source":"s","date":"d"}},)"
                      + imageOk + "}")
        << "non-negative number";
    QTest::newRow("negative price")
        << QByteArray(head
                      + R"("chat_models":{"gpt-x":{"input":-1,"cached_input":0.1,)"
                        R"("output":2,"source":"s","date":"d"}},)"
                      + imageOk + "}")
        << "non-negative number";
    QTest::newRow("no source") << QByteArray(
        head
        + R"("chat_models":{"gpt-x":{"input":1,"cached_input":0.1,)"
          R"("output":2,"date":"d"}},)"
        + imageOk + "}") << "\"source\"";
    const QByteArray imageHead = R"("image_models":{"img":{"text_input":5,"cached_text_input":1,)"
                                 R"("image_input":8,"cached_image_input":2,"image_output":30,)"
                                 R"("source":"s","date":"d",)";
    QTest::newRow("per_image value") << QByteArray(
        head + chatOk + "," + imageHead + R"("per_image":{"low":{"1024x1024":"cheap"}}}}})")
                                     << "per_image";
    QTest::newRow("fractional tokens") << QByteArray(
        head + chatOk + "," + imageHead + R"("output_tokens":{"low":{"1024x1024":27.5}}}}})")
                                       << "token count";
    QTest::newRow("unknown formula")
        << QByteArray(head + chatOk + "," + imageHead + R"("output_tokens_formula":"magic"}}})")
        << "output_tokens_formula";
}

void TestPricing::malformedBook()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorContains);
    QString error;
    const PriceBook book = PriceBook::fromJson(json, &error);
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QVERIFY(book.isEmpty());
    QVERIFY(!book.chatPrice(QStringLiteral("gpt-x")));
    // Without an error pointer it must not crash either.
    QVERIFY(PriceBook::fromJson(json).isEmpty());
}

void TestPricing::validBookClearsError()
{
    QString error = QStringLiteral("stale");
    const PriceBook book = PriceBook::fromJson(
        R"({"date":"2030-01-01","currency":"USD","chat_models":{"GPT-X":{"input":1,)"
        R"("cached_input":0.5,"output":4,"source":"s","date":"d"}},"image_models":{}})",
        &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(book.date(), QStringLiteral("2030-01-01"));
    QCOMPARE(book.chatModels(), QStringList { QStringLiteral("gpt-x") });
    // 1000 x 1 + 1000 x 4 = 5000 -> 0.005, priced from this book rather than the built-in one.
    Usage usage;
    usage.inputTokens = 1000;
    usage.outputTokens = 1000;
    const Cost cost = CostEstimator(book).turnCost(usage, QStringLiteral("openai/gpt-x-2030-01-01"),
                                                   QString(), {}, ImageParams());
    QCOMPARE(cost.basis, Cost::Basis::Estimated);
    QVERIFY(closeTo(cost.usd, 0.005));
}

QTEST_GUILESS_MAIN(TestPricing)
#include "tst_pricing.moc"
