// FileNameTemplate: the names auto-save and "Save All" give to images.
#include "store/filenametemplate.h"

#include <QtTest>

class TestFileNameTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expand_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        const QString fox = QStringLiteral("a fox");
        const QString byDefault = QString::fromLatin1(FileNameTemplate::defaultTemplate);
        QTest::newRow("default") << byDefault << QStringLiteral("gpt-image-1") << fox << 1
                                 << QStringLiteral(
                                        "2026-03-04_050607_a fox_gpt-image-1_high_01.png");
        // The default from a real prompt: its first words, cut before the 40th character at a
        // word, without the comma the cut left at the end.
        QTest::newRow("default, long prompt")
            << byDefault << QStringLiteral("gpt-image-1.5")
            << QStringLiteral("A lighthouse on a rocky cliff at dusk, watercolor, soft light, "
                              "wide shot")
            << 2
            << QStringLiteral("2026-03-04_050607_A lighthouse on a rocky cliff at "
                              "dusk_gpt-image-1.5_high_02.png");
        QTest::newRow("default, illegal characters")
            << byDefault << QStringLiteral("gpt-image-1")
            << QStringLiteral("\"cats/dogs\": <b>bold</b>? 50% off*\n\tv2") << 1
            << QStringLiteral(
                   "2026-03-04_050607_cats dogs b bold b 50% off v2_gpt-image-1_high_01.png");
        QTest::newRow("default, empty prompt")
            << byDefault << QStringLiteral("gpt-image-1") << QString() << 1
            << QStringLiteral("2026-03-04_050607_gpt-image-1_high_01.png");
        QTest::newRow("default, prompt of punctuation only")
            << byDefault << QStringLiteral("gpt-image-1") << QStringLiteral(" ... ?! ") << 1
            << QStringLiteral("2026-03-04_050607_gpt-image-1_high_01.png");
        QTest::newRow("default, no prompt and no model")
            << byDefault << QString() << QString() << 3
            << QStringLiteral("2026-03-04_050607_high_03.png");
        QTest::newRow("n padded") << QStringLiteral("{n}") << QString() << fox << 12
                                  << QStringLiteral("12");
        QTest::newRow("unknown field kept") << QStringLiteral("{nope}_{n}.{ext}") << QString()
                                            << fox << 3 << QStringLiteral("{nope}_03.png");
        QTest::newRow("unclosed brace")
            << QStringLiteral("x{date") << QString() << fox << 1 << QStringLiteral("x{date");
        QTest::newRow("slash in model")
            << QStringLiteral("{model}.{ext}") << QStringLiteral("openai/gpt-image-1") << fox << 1
            << QStringLiteral("openai_gpt-image-1.png");
        QTest::newRow("illegal in prompt")
            << QStringLiteral("{prompt}") << QString() << QStringLiteral("a <b>: c\\d|e?f*g\"h\ni")
            << 1 << QStringLiteral("a b c d e f g h i"); // each run is one space
        QTest::newRow("one long word cut to 40")
            << QStringLiteral("{prompt}") << QString() << QString(60, QLatin1Char('p')) << 1
            << QString(40, QLatin1Char('p'));
        QTest::newRow("prompt cut at a word")
            << QStringLiteral("{prompt}") << QString()
            << QStringLiteral("one two three four five six seven eight nine ten") << 1
            << QStringLiteral("one two three four five six seven eight");
        QTest::newRow("word ending at 40 kept")
            << QStringLiteral("{prompt}") << QString()
            << QString(35, QLatin1Char('a')) + QStringLiteral(" bbbb cc") << 1
            << QString(35, QLatin1Char('a')) + QStringLiteral(" bbbb");
        QTest::newRow("no punctuation at the ends")
            << QStringLiteral("{prompt}.{ext}") << QString()
            << QStringLiteral("...-hidden? no -- a fox_!") << 1
            << QStringLiteral("hidden no -- a fox.png");
        QTest::newRow("emoji not split")
            << QStringLiteral("{prompt}") << QString()
            << QString(39, QLatin1Char('x')) + QStringLiteral(u"🦊 tail") << 1
            << QString(39, QLatin1Char('x'));
        QTest::newRow("separator in pattern")
            << QStringLiteral("../{n}") << QString() << fox << 1 << QStringLiteral(".._01");
        QTest::newRow("empty pattern")
            << QString() << QString() << fox << 1 << QStringLiteral("image");
        QTest::newRow("trailing dots") << QStringLiteral("{model}..") << QStringLiteral("m") << fox
                                       << 1 << QStringLiteral("m");
        QTest::newRow("only dots")
            << QStringLiteral("..") << QString() << fox << 1 << QStringLiteral("image");
        // An empty field takes a separator along: no "_02", "a__b" or "a_.png".
        QTest::newRow("empty field first")
            << QStringLiteral("{model}_{n}") << QString() << fox << 2 << QStringLiteral("02");
        QTest::newRow("empty field between") << QStringLiteral("{n}-{model}-{prompt}") << QString()
                                             << fox << 2 << QStringLiteral("02-a fox");
        QTest::newRow("empty field last") << QStringLiteral("{prompt} {model}.{ext}") << QString()
                                          << fox << 2 << QStringLiteral("a fox.png");
        QTest::newRow("separator written twice kept")
            << QStringLiteral("{n}__{prompt}") << QString() << fox << 1
            << QStringLiteral("01__a fox");
        QTest::newRow("reserved on Windows")
            << QStringLiteral("{prompt}.{ext}") << QString() << QStringLiteral("con") << 1
            << QStringLiteral("_con.png");
        QTest::newRow("reserved on Windows, COM port")
            << QStringLiteral("{prompt}") << QString() << QStringLiteral("COM3") << 1
            << QStringLiteral("_COM3");
        QTest::newRow("not reserved")
            << QStringLiteral("{prompt}") << QString() << QStringLiteral("console") << 1
            << QStringLiteral("console");
        QTest::newRow("unicode kept") << QStringLiteral("{prompt}") << QString()
                                      << QStringLiteral("灯台 é") << 1 << QStringLiteral("灯台 é");
    }
    void expand()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, model);
        QFETCH(QString, prompt);
        QFETCH(int, n);
        QFETCH(QString, expected);
        FileNameTemplate::Fields fields;
        fields.when = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7));
        fields.model = model;
        fields.quality = QStringLiteral("high");
        fields.size = QStringLiteral("1536x1024");
        fields.n = n;
        fields.ext = QStringLiteral("png");
        fields.prompt = prompt;
        QCOMPARE(FileNameTemplate::expand(pattern, fields), expected);
    }

    // The prompt part is short and safe in any file system whatever the prompt.
    void promptWordsAreAFileNamePart_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::newRow("long") << QStringLiteral("word ").repeated(100);
        QTest::newRow("one huge word") << QString(5000, QLatin1Char('w'));
        QTest::newRow("all illegal") << QStringLiteral("<>:\"/\\|?*\x01\x7f").repeated(9);
        QTest::newRow("lines") << QStringLiteral("first line,\r\nsecond line.\n\nthird");
        QTest::newRow("emoji") << QStringLiteral(u"🦊").repeated(30);
    }
    void promptWordsAreAFileNamePart()
    {
        QFETCH(QString, prompt);
        const QString words = FileNameTemplate::promptWords(prompt);
        QVERIFY2(words.size() <= FileNameTemplate::maxPromptLength, qPrintable(words));
        QCOMPARE(FileNameTemplate::sanitize(words.isEmpty() ? QStringLiteral("x") : words),
                 words.isEmpty() ? QStringLiteral("x") : words); // nothing left to replace
        QVERIFY2(!words.contains(QLatin1String("  ")), qPrintable(words));
        for (const QChar end : { words.isEmpty() ? QChar() : words.front(),
                                 words.isEmpty() ? QChar() : words.back() })
            QVERIFY2(end.isNull() || end.isLetterOrNumber() || end.isSurrogate(),
                     qPrintable(words));
        QVERIFY2(words.isEmpty() || !words.back().isHighSurrogate(), qPrintable(words));
    }

    // A setting holding the default of earlier versions was the default, not a choice.
    void patternOrDefault_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("used");
        const QString byDefault = QString::fromLatin1(FileNameTemplate::defaultTemplate);
        QTest::newRow("nothing stored") << QString() << byDefault;
        QTest::newRow("spaces") << QStringLiteral("  ") << byDefault;
        QTest::newRow("earlier default")
            << QStringLiteral("{date}_{time}_{model}_{quality}_{size}_{n}.{ext}") << byDefault;
        QTest::newRow("own pattern kept") << QStringLiteral("{model}_{size}_{n}.{ext}")
                                          << QStringLiteral("{model}_{size}_{n}.{ext}");
        QTest::newRow("earlier default changed a little kept")
            << QStringLiteral("{date}_{time}_{model}_{quality}_{size}-{n}.{ext}")
            << QStringLiteral("{date}_{time}_{model}_{quality}_{size}-{n}.{ext}");
    }
    void patternOrDefault()
    {
        QFETCH(QString, stored);
        QFETCH(QString, used);
        QCOMPARE(FileNameTemplate::patternOrDefault(stored), used);
    }
};

QTEST_GUILESS_MAIN(TestFileNameTemplate)
#include "tst_filenametemplate.moc"
