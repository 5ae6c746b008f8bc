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
        QTest::newRow("default") << QString::fromLatin1(FileNameTemplate::defaultTemplate)
                                 << QStringLiteral("gpt-image-1") << fox << 1
                                 << QStringLiteral(
                                        "2026-03-04_050607_gpt-image-1_high_1536x1024_01.png");
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
            << 1 << QStringLiteral("a _b__ c_d_e_f_g_h i"); // newline simplified to a space
        QTest::newRow("prompt cut to 40")
            << QStringLiteral("{prompt}") << QString() << QString(60, QLatin1Char('p')) << 1
            << QString(40, QLatin1Char('p'));
        QTest::newRow("separator in pattern")
            << QStringLiteral("../{n}") << QString() << fox << 1 << QStringLiteral(".._01");
        QTest::newRow("empty pattern")
            << QString() << QString() << fox << 1 << QStringLiteral("image");
        QTest::newRow("trailing dots") << QStringLiteral("{model}..") << QStringLiteral("m") << fox
                                       << 1 << QStringLiteral("m");
        QTest::newRow("only dots")
            << QStringLiteral("..") << QString() << fox << 1 << QStringLiteral("image");
        QTest::newRow("empty field")
            << QStringLiteral("{model}_{n}") << QString() << fox << 2 << QStringLiteral("_02");
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
};

QTEST_GUILESS_MAIN(TestFileNameTemplate)
#include "tst_filenametemplate.moc"
