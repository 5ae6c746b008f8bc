#include "gateway/base64.h"

#include <QRandomGenerator>
#include <QTest>

class TestBase64 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryLength()
    {
        QRandomGenerator random(42);
        for (int length = 1; length < 300; ++length) {
            QByteArray data(length, Qt::Uninitialized);
            for (char &c : data)
                c = char(random.bounded(256));
            const QString padded = QString::fromLatin1(data.toBase64());
            QByteArray decoded;
            QVERIFY2(Base64::decode(padded, &decoded), qPrintable(padded));
            QCOMPARE(decoded, data);
            const QString unpadded
                = QString::fromLatin1(data.toBase64(QByteArray::OmitTrailingEquals));
            QVERIFY(Base64::decode(unpadded, &decoded));
            QCOMPARE(decoded, data);
        }
    }

    void refusesDamage_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << "";
        QTest::newRow("shortened with dots") << "iVBORw0KGgo...AAAA";
        QTest::newRow("url-safe alphabet") << "ab-_";
        QTest::newRow("padding in the middle") << "QQ==QUFB";
        QTest::newRow("three paddings") << "Q===";
        QTest::newRow("impossible length") << "QUFBQ";
        QTest::newRow("non-latin character") << QString::fromUtf8("QUFB\u00e9QUE=");
        QTest::newRow("char above 255") << QString::fromUtf8("QUF\u0141");
        QTest::newRow("whitespace") << "QUFB QUFB";
        QTest::newRow("only padding") << "==";
    }

    void refusesDamage()
    {
        QFETCH(QString, input);
        QByteArray decoded("untouched");
        QVERIFY(!Base64::decode(input, &decoded));
        QCOMPARE(decoded, QByteArray("untouched"));
    }
};

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_base64.moc"
