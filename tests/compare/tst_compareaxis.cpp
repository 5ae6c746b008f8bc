#include "compare/compareaxis.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using Parameter = CompareAxis::Parameter;

class TestCompareAxis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names();
    void parse_data();
    void parse();
    void parseRefused_data();
    void parseRefused();
    void apply_data();
    void apply();
    void validateBuiltInCode_data();
    void validateBuiltInCode();
    void json();
    void jsonRefused_data();
    void jsonRefused();
};

void TestCompareAxis::names()
{
    const QStringList expected
        = { "image-model", "quality",     "size",       "aspect-ratio", "background",
            "format",      "compression", "moderation", "provider",     "prompt" };
    const QList<Parameter> all = CompareAxis::parameters();
    QCOMPARE(all.size(), expected.size());
    QStringList displayNames;
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(CompareAxis::name(all.at(i)), expected.at(i));
        QCOMPARE(CompareAxis::parameterFromName(expected.at(i)), all.at(i));
        QCOMPARE(CompareAxis::parameterFromName(expected.at(i).toUpper()), all.at(i));
        displayNames.append(CompareAxis::displayName(all.at(i)));
    }
    displayNames.removeDuplicates();
    QCOMPARE(displayNames.size(), all.size());
    QCOMPARE(CompareAxis::displayName(Parameter::ImageModel), QStringLiteral("Image model"));
    QCOMPARE(CompareAxis::displayName(Parameter::AspectRatio), QStringLiteral("Aspect ratio"));
    QVERIFY(!CompareAxis::parameterFromName(QStringLiteral("model")));
    QVERIFY(!CompareAxis::parameterFromName(QStringLiteral("output-format")));
    QCOMPARE(CompareAxis::separator(Parameter::Prompt), QLatin1Char('|'));
    QCOMPARE(CompareAxis::separator(Parameter::Quality), QLatin1Char(','));
}

void TestCompareAxis::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("quality") << "quality=low,medium,high"
                             << "quality" << QStringList { "low", "medium", "high" };
    QTest::newRow("spaces and case") << "  Quality = Low , HIGH "
                                     << "quality" << QStringList { "low", "high" };
    QTest::newRow("one value") << "quality=auto"
                               << "quality" << QStringList { "auto" };
    QTest::newRow("image models") << "image-model=gpt-image-1, openai/gpt-image-1.5"
                                  << "image-model"
                                  << QStringList { "gpt-image-1", "openai/gpt-image-1.5" };
    QTest::newRow("sizes normalized") << "size=1024x1024, 1536X1024,AUTO"
                                      << "size" << QStringList { "1024x1024", "1536x1024", "auto" };
    QTest::newRow("aspect ratios") << "aspect-ratio=16:9, 1 : 1,2.39:1"
                                   << "aspect-ratio" << QStringList { "16:9", "1:1", "2.39:1" };
    QTest::newRow("backgrounds") << "background=transparent,opaque,auto"
                                 << "background" << QStringList { "transparent", "opaque", "auto" };
    QTest::newRow("formats, jpg is jpeg") << "format=PNG,jpg,webp"
                                          << "format" << QStringList { "png", "jpeg", "webp" };
    QTest::newRow("compression") << "compression=0, 50,100"
                                 << "compression" << QStringList { "0", "50", "100" };
    QTest::newRow("moderation") << "moderation=auto,low"
                                << "moderation" << QStringList { "auto", "low" };
    QTest::newRow("providers") << "provider=openai,demo"
                               << "provider" << QStringList { "openai", "demo" };
    QTest::newRow("prompts keep their commas")
        << "prompt=a fox, watercolour | a fox, ink, \"loose\""
        << "prompt" << QStringList { "a fox, watercolour", "a fox, ink, \"loose\"" };
    QTest::newRow("a value may hold =") << "prompt=E=mc², chalk on a board"
                                        << "prompt" << QStringList { "E=mc², chalk on a board" };
}

void TestCompareAxis::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QStringList, values);

    CompareAxis axis;
    QString error = QStringLiteral("untouched");
    QVERIFY2(CompareAxis::parse(text, &axis, &error), qPrintable(error));
    QCOMPARE(axis.name(), name);
    QCOMPARE(axis.values, values);
    QCOMPARE(axis.validate(), QString());
}

void TestCompareAxis::parseRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("no =") << "quality"
                          << "Write an axis as name=values, for example quality=low,medium,high "
                             "(got \"quality\").";
    QTest::newRow("unknown axis")
        << "colour=red,blue"
        << "\"colour\" is not an axis; the axes are image-model, quality, size, aspect-ratio, "
           "background, format, compression, moderation, provider or prompt.";
    QTest::newRow("model is not an axis name") << "model=gpt-5"
                                               << "\"model\" is not an axis; the axes are "
                                                  "image-model, quality, size, aspect-ratio, "
                                                  "background, format, compression, moderation, "
                                                  "provider or prompt.";
    QTest::newRow("no values") << "quality="
                               << "The quality axis has no values: write them after the =, "
                                  "separated by , (quality=a,b).";
    QTest::newRow("no prompt variants") << "prompt= "
                                        << "The prompt axis has no values: write them after the "
                                           "=, separated by | (prompt=a|b).";
    QTest::newRow("empty value inside") << "quality=low,,high"
                                        << "The quality axis has an empty value: write the values "
                                           "separated by , with nothing empty between them.";
    QTest::newRow("trailing comma") << "size=1024x1024,"
                                    << "The size axis has an empty value: write the values "
                                       "separated by , with nothing empty between them.";
    QTest::newRow("empty prompt variant") << "prompt=a fox|  |an owl"
                                          << "The prompt axis has an empty value: write the "
                                             "values separated by | with nothing empty between "
                                             "them.";
    QTest::newRow("duplicate after normalizing") << "quality=low,LOW"
                                                 << "The quality axis lists \"low\" twice.";
    QTest::newRow("duplicate size") << "size=1024x1024,1024X1024"
                                    << "The size axis lists \"1024x1024\" twice.";
    QTest::newRow("duplicate prompt") << "prompt=a fox|a fox "
                                      << "The prompt axis lists \"a fox\" twice.";
    QTest::newRow("bad quality") << "quality=low,ultra"
                                 << "\"ultra\" is not a quality: use low, medium, high or auto.";
    QTest::newRow("dall-e quality") << "quality=hd"
                                    << "\"hd\" is not a quality: use low, medium, high or auto.";
    QTest::newRow("bad size") << "size=big"
                              << "\"big\" is not a size: write auto or width x height, for "
                                 "example 1536x1024.";
    QTest::newRow("zero size") << "size=0x1024"
                               << "\"0x1024\" is not a size: write auto or width x height, for "
                                  "example 1536x1024.";
    QTest::newRow("bad ratio") << "aspect-ratio=wide"
                               << "\"wide\" is not an aspect ratio: write width:height, for "
                                  "example 16:9.";
    QTest::newRow("zero ratio") << "aspect-ratio=16:0"
                                << "\"16:0\" is not an aspect ratio: write width:height, for "
                                   "example 16:9.";
    QTest::newRow("bad background")
        << "background=clear"
        << "\"clear\" is not a background: use transparent, opaque or auto.";
    QTest::newRow("bad format") << "format=png,gif"
                                << "\"gif\" is not an output format: use png, jpeg or webp.";
    QTest::newRow("compression too high")
        << "compression=50,101"
        << "\"101\" is not a compression: use a whole number from 0 to 100.";
    QTest::newRow("negative compression")
        << "compression=-1"
        << "\"-1\" is not a compression: use a whole number from 0 to 100.";
    QTest::newRow("fractional compression")
        << "compression=50.5"
        << "\"50.5\" is not a compression: use a whole number from 0 to 100.";
    QTest::newRow("bad moderation") << "moderation=high"
                                    << "\"high\" is not a moderation level: use auto or low.";
}

void TestCompareAxis::parseRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    CompareAxis axis { Parameter::Moderation, { QStringLiteral("sentinel") } };
    const CompareAxis before = axis;
    QString message;
    QVERIFY(!CompareAxis::parse(text, &axis, &message));
    QCOMPARE(message, error);
    QCOMPARE(axis, before); // a refused axis leaves the caller's one as it was
}

void TestCompareAxis::apply_data()
{
    QTest::addColumn<QString>("axisText");
    QTest::addColumn<QString>("field"); // what to read back after applying the first value
    QTest::addColumn<QString>("expected");

    QTest::newRow("image model") << "image-model=gpt-image-2"
                                 << "imageModel"
                                 << "gpt-image-2";
    QTest::newRow("quality") << "quality=medium"
                             << "quality"
                             << "medium";
    QTest::newRow("size") << "size=1536x1024"
                          << "size"
                          << "1536x1024";
    QTest::newRow("aspect ratio") << "aspect-ratio=16:9"
                                  << "aspectRatio"
                                  << "16:9";
    // The base's fixed size would otherwise win over the ratio.
    QTest::newRow("aspect ratio clears the size") << "aspect-ratio=16:9"
                                                  << "effectiveSize"
                                                  << "1536x1024";
    QTest::newRow("background") << "background=transparent"
                                << "background"
                                << "transparent";
    QTest::newRow("format") << "format=webp"
                            << "outputFormat"
                            << "webp";
    QTest::newRow("compression") << "compression=35"
                                 << "outputCompression"
                                 << "35";
    QTest::newRow("moderation") << "moderation=low"
                                << "moderation"
                                << "low";
    QTest::newRow("provider") << "provider=demo"
                              << "providerId"
                              << "demo";
    QTest::newRow("prompt") << "prompt=an owl, pencil|a cat"
                            << "prompt"
                            << "an owl, pencil";
}

void TestCompareAxis::apply()
{
    QFETCH(QString, axisText);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    CompareAxis axis;
    QString error;
    QVERIFY2(CompareAxis::parse(axisText, &axis, &error), qPrintable(error));
    ImageParams base;
    base.imageModel = QStringLiteral("gpt-image-1");
    base.size = QStringLiteral("1024x1024");
    base.outputCompression = 90;
    ImageParams params = base;
    QString providerId = QStringLiteral("openai");
    QString prompt = QStringLiteral("base prompt");
    axis.apply(axis.values.constFirst(), params, &providerId, &prompt);

    const QHash<QString, QString> read = {
        { "imageModel", params.imageModel },
        { "quality", params.quality },
        { "size", params.size },
        { "aspectRatio", params.aspectRatio },
        { "effectiveSize", params.effectiveSize() },
        { "background", params.background },
        { "outputFormat", params.outputFormat },
        { "outputCompression", QString::number(params.outputCompression) },
        { "moderation", params.moderation },
        { "providerId", providerId },
        { "prompt", prompt },
    };
    QVERIFY(read.contains(field));
    QCOMPARE(read.value(field), expected);

    // Nothing else moves: reset the field under test and compare with the base.
    if (axis.parameter != Parameter::Provider)
        QCOMPARE(providerId, QStringLiteral("openai"));
    if (axis.parameter != Parameter::Prompt)
        QCOMPARE(prompt, QStringLiteral("base prompt"));
    ImageParams rest = params;
    switch (axis.parameter) {
    case Parameter::ImageModel:
        rest.imageModel = base.imageModel;
        break;
    case Parameter::Quality:
        rest.quality = base.quality;
        break;
    case Parameter::Size:
        rest.size = base.size;
        break;
    case Parameter::AspectRatio:
        rest.aspectRatio = base.aspectRatio;
        rest.size = base.size;
        break;
    case Parameter::Background:
        rest.background = base.background;
        break;
    case Parameter::OutputFormat:
        rest.outputFormat = base.outputFormat;
        break;
    case Parameter::Compression:
        rest.outputCompression = base.outputCompression;
        break;
    case Parameter::Moderation:
        rest.moderation = base.moderation;
        break;
    case Parameter::Provider:
    case Parameter::Prompt:
        break;
    }
    QCOMPARE(rest, base);
}

void TestCompareAxis::validateBuiltInCode_data()
{
    // Axes built in code (the Compare view, a stored run) skip parse(): validate() must catch
    // the same mistakes.
    QTest::addColumn<int>("parameter");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("error");

    QTest::newRow("fine") << int(Parameter::Quality) << QStringList { "low", "high" } << "";
    QTest::newRow("no values") << int(Parameter::Quality) << QStringList {}
                               << "The quality axis has no values.";
    QTest::newRow("empty value") << int(Parameter::ImageModel) << QStringList { "gpt-image-1", " " }
                                 << "The image-model axis has an empty value.";
    QTest::newRow("duplicate") << int(Parameter::Provider) << QStringList { "openai", "openai" }
                               << "The provider axis lists \"openai\" twice.";
    QTest::newRow("bad value") << int(Parameter::Background) << QStringList { "Transparent" }
                               << "\"Transparent\" is not a background: use transparent, opaque "
                                  "or auto.";
}

void TestCompareAxis::validateBuiltInCode()
{
    QFETCH(int, parameter);
    QFETCH(QStringList, values);
    QFETCH(QString, error);
    const CompareAxis axis { Parameter(parameter), values };
    QCOMPARE(axis.validate(), error);
}

void TestCompareAxis::json()
{
    for (const Parameter parameter : CompareAxis::parameters()) {
        const CompareAxis axis { parameter, { QStringLiteral("a, b"), QStringLiteral("c|d") } };
        const QJsonObject object = axis.toJson();
        QCOMPARE(object.value(QLatin1String("parameter")).toString(), axis.name());
        CompareAxis read;
        QString error;
        QVERIFY2(CompareAxis::fromJson(object, &read, &error), qPrintable(error));
        QCOMPARE(read, axis);
    }
}

void TestCompareAxis::jsonRefused_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown parameter")
        << QJsonObject { { "parameter", "colour" }, { "values", QJsonArray { "red" } } }
        << "The stored compare run has an unknown axis \"colour\".";
    QTest::newRow("no parameter") << QJsonObject { { "values", QJsonArray { "red" } } }
                                  << "The stored compare run has an unknown axis \"\".";
    QTest::newRow("values not a list")
        << QJsonObject { { "parameter", "quality" }, { "values", "low,high" } }
        << "The quality axis of the stored compare run has no list of values.";
    QTest::newRow("values not strings")
        << QJsonObject { { "parameter", "compression" }, { "values", QJsonArray { 10, 20 } } }
        << "The compression axis of the stored compare run has no list of values.";
}

void TestCompareAxis::jsonRefused()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, error);
    CompareAxis axis;
    QString message;
    QVERIFY(!CompareAxis::fromJson(object, &axis, &message));
    QCOMPARE(message, error);
}

QTEST_GUILESS_MAIN(TestCompareAxis)
#include "tst_compareaxis.moc"
