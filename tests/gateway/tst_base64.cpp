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

    // Long inputs take the 16-characters-at-a-time path (on processors with SSSE3): every
    // character from U+0000 to U+01FF, and some far above, is tried at every place of a block and
    // of the scalar tail, and must be decoded or refused exactly as the alphabet says.
    void judgesEveryCharacterAtEveryPlace()
    {
        QByteArray data(60, Qt::Uninitialized);
        QRandomGenerator random(7);
        for (char &c : data)
            c = char(random.bounded(256));
        const QString valid = QString::fromLatin1(data.toBase64()); // 80 characters, no padding
        QCOMPARE(valid.size(), 80);
        const QByteArray alphabet
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        QList<char16_t> candidates;
        for (char16_t c = 0; c < 0x200; ++c)
            candidates.append(c);
        candidates << u'\x7fff' << u'\x8000' << u'\x8041' << u'\xff2f' << u'\xffff' << u'\x0141';
        for (const char16_t c : std::as_const(candidates)) {
            const bool inAlphabet = c < 0x80 && alphabet.contains(char(c));
            for (qsizetype place = 0; place < valid.size(); ++place) {
                // '=' is padding at the very end, and is refused anywhere else.
                const bool acceptable = inAlphabet || (c == u'=' && place == valid.size() - 1);
                QString input = valid;
                input[place] = QChar(c);
                QByteArray decoded("untouched");
                const bool ok = Base64::decode(input, &decoded);
                QVERIFY2(ok == acceptable,
                         qPrintable(QStringLiteral("U+%1 at %2")
                                        .arg(quint16(c), 4, 16, QLatin1Char('0'))
                                        .arg(place)));
                if (ok)
                    QCOMPARE(decoded, QByteArray::fromBase64(input.toLatin1()));
                else
                    QCOMPARE(decoded, QByteArray("untouched"));
            }
        }
    }

    // Long inputs of every length near the block boundaries, padded and not, from random bytes.
    void roundTripsLongInputs()
    {
        QRandomGenerator random(11);
        for (int length = 10; length < 2000; length += (length < 200 ? 1 : 37)) {
            QByteArray data(length, Qt::Uninitialized);
            for (char &c : data)
                c = char(random.bounded(256));
            QByteArray decoded;
            QVERIFY(Base64::decode(QString::fromLatin1(data.toBase64()), &decoded));
            QCOMPARE(decoded, data);
            QVERIFY(Base64::decode(
                QString::fromLatin1(data.toBase64(QByteArray::OmitTrailingEquals)), &decoded));
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
