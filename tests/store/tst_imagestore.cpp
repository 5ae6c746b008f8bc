#include "store/imagestore.h"
#include "store/pngtext.h"
#include "store/settings.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

QByteArray encode(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QByteArray sampleImage(const char *format, QSize size = QSize(64, 48))
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(QColor(200, 80, 40, 180));
    return encode(image, format);
}

// A well-formed PNG whose header claims a huge size (a decompression bomb's calling card): the
// store must refuse it from the header alone, before anything allocates the pixels.
QByteArray pngWithHeaderSize(quint32 width, quint32 height)
{
    QByteArray png = sampleImage("png", QSize(1, 1));
    // IHDR: length at 8, type at 12, width at 16, height at 20, CRC of type+data at 29.
    qToBigEndian(width, png.data() + 16);
    qToBigEndian(height, png.data() + 20);
    qToBigEndian(PngText::crc32(png.mid(12, 17)), png.data() + 29);
    return png;
}

} // namespace

class TestImageStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storesExactBytesByHash_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QString>("extension");
        QTest::newRow("png") << sampleImage("png") << "image/png"
                             << "png";
        QTest::newRow("jpeg") << sampleImage("jpeg") << "image/jpeg"
                              << "jpg";
        QTest::newRow("gif") << QByteArray::fromBase64(
            "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
                             << "image/gif"
                             << "gif";
    }

    void storesExactBytesByHash()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mime);
        QFETCH(QString, extension);
        QTemporaryDir dir;
        ImageStore store(dir.path());
        const ImageStore::Stored stored = store.put(bytes);
        QVERIFY2(stored.ok, qPrintable(stored.error));
        QCOMPARE(stored.mimeType, mime);
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(stored.hash, hash);
        QCOMPARE(stored.filePath,
                 dir.path() + QLatin1Char('/') + hash.left(2) + QLatin1Char('/') + hash
                     + QLatin1Char('.') + extension);
        QFile file(stored.filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes); // same bytes, no re-encoding
        QCOMPARE(stored.byteSize, bytes.size());
    }

    void sameContentIsStoredOnce()
    {
        QTemporaryDir dir;
        ImageStore store(dir.path());
        const QByteArray bytes = sampleImage("png");
        const ImageStore::Stored first = store.put(bytes);
        const ImageStore::Stored second = store.put(bytes);
        QVERIFY(first.ok && second.ok);
        QCOMPARE(first.filePath, second.filePath);
        QCOMPARE(
            QDir(dir.path() + QLatin1Char('/') + first.hash.left(2)).entryList(QDir::Files).size(),
            1);
    }

    void fileCutShortIsWrittenAgain()
    {
        // An earlier run on a full disk left fewer bytes under the image's name: the same image
        // arriving again must not be taken as "already kept".
        QTemporaryDir dir;
        ImageStore store(dir.path());
        const QByteArray bytes = sampleImage("png");
        const ImageStore::Stored first = store.put(bytes);
        QVERIFY(first.ok);
        QFile file(first.filePath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.close();
        const ImageStore::Stored again = store.put(bytes);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.filePath, first.filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
    }

    void headerSizeIsReadWithoutDecoding()
    {
        QTemporaryDir dir;
        const ImageStore::Stored stored
            = ImageStore(dir.path()).put(sampleImage("png", QSize(300, 200)));
        QCOMPARE(stored.pixelSize, QSize(300, 200));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("html") << QByteArray("<html><body>Not found</body></html>") << "not a PNG";
        QTest::newRow("truncated png") << sampleImage("png").left(12) << "damaged";
        QTest::newRow("bomb 50000x50000") << pngWithHeaderSize(50000, 50000) << "too large";
        QTest::newRow("wide 20000x10") << pngWithHeaderSize(20000, 10) << "too large";
    }

    void refusesBadInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const ImageStore::Stored stored = ImageStore(dir.path()).put(bytes);
        QVERIFY(!stored.ok);
        QVERIFY2(stored.error.contains(messagePart), qPrintable(stored.error));
        QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    }

    void unwritableFolderIsReported()
    {
        QTemporaryDir dir;
        QFile blocker(dir.path() + QStringLiteral("/root"));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the store's folder should be
        blocker.close();
        const ImageStore::Stored stored = ImageStore(blocker.fileName()).put(sampleImage("png"));
        QVERIFY(!stored.ok);
        QVERIFY2(stored.error.startsWith(QStringLiteral("Could not")), qPrintable(stored.error));
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        const QString ini = dir.path() + QStringLiteral("/settings.ini");
        ImageParams params;
        params.quality = QStringLiteral("high");
        params.outputFormat = QStringLiteral("webp");
        params.outputCompression = 70;
        params.imageOnly = true;
        {
            Settings settings(ini);
            QCOMPARE(settings.value(Settings::chatModel), QString());
            QCOMPARE(settings.imageParamsValue(), ImageParams());
            settings.setValue(Settings::chatModel, QStringLiteral("gpt-5"));
            settings.setImageParams(params);
        }
        Settings reopened(ini);
        QCOMPARE(reopened.value(Settings::chatModel), QStringLiteral("gpt-5"));
        QCOMPARE(reopened.imageParamsValue(), params);
    }
};

QTEST_GUILESS_MAIN(TestImageStore)
#include "tst_imagestore.moc"
