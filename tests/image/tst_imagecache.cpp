#include "image/imagecache.h"
#include "store/pngtext.h"

#include <QDataStream>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QMutex>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

namespace {

// A picture with some structure, so that a wrong scale or a wrong orientation would show.
QImage testPicture(QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(QColor(40, 90, 160));
    QPainter painter(&image);
    painter.fillRect(0, 0, size.width() / 2, size.height() / 2, QColor(230, 120, 40));
    return image;
}

// A PNG whose header claims `side` x `side` pixels: a few bytes on disk, gigabytes decoded.
QByteArray pngBomb(quint32 side)
{
    QByteArray header;
    QDataStream stream(&header, QIODevice::WriteOnly);
    stream.setByteOrder(QDataStream::BigEndian);
    stream << side << side << quint8(8) << quint8(6) << quint8(0) << quint8(0) << quint8(0);
    const QByteArray zeros = qCompress(QByteArray(1024, '\0')).mid(4); // zlib stream, no prefix
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + PngText::chunk("IHDR", header) + PngText::chunk("IDAT", zeros)
        + PngText::chunk("IEND", {});
}

} // namespace

class TestImageCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void decodesAsynchronouslyAtTargetSize_data();
    void decodesAsynchronouslyAtTargetSize();
    void failuresAreReportedAndRemembered_data();
    void failuresAreReportedAndRemembered();
    void duplicateRequestsDecodeOnce();
    void differentSizesAreDifferentEntries();
    void costBoundEvicts();
    void oversizedImageIsStillCached();
    void insertedImagesNeedNoDecode();
    void reducedDecodeServesTheSizesItCovers();
    void wholeDecodeServesEverySize();
    void turnedImageReadWholeIsScaledUpright();
    void forgetAllowsAnotherDecode();
    void paletteImagesKeepTheirColours_data();
    void paletteImagesKeepTheirColours();

private:
    QString writeImage(const QString &name, QSize size, const char *format);
    QString writeBytes(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
};

void TestImageCache::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestImageCache::writeImage(const QString &name, QSize size, const char *format)
{
    const QString path = m_dir.filePath(name);
    if (!QFile::exists(path))
        testPicture(size).save(path, format);
    return path;
}

QString TestImageCache::writeBytes(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestImageCache::decodesAsynchronouslyAtTargetSize_data()
{
    QTest::addColumn<QSize>("source");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QSize>("target");
    QTest::addColumn<QSize>("expected");

    QTest::newRow("landscape png scaled down")
        << QSize(1536, 1024) << QByteArray("png") << QSize(768, 768) << QSize(768, 512);
    QTest::newRow("portrait jpeg scaled down")
        << QSize(600, 900) << QByteArray("jpg") << QSize(400, 400) << QSize(266, 400);
    QTest::newRow("small image never enlarged")
        << QSize(300, 200) << QByteArray("png") << QSize(1000, 1000) << QSize(300, 200);
    QTest::newRow("no target means full size")
        << QSize(640, 480) << QByteArray("png") << QSize() << QSize(640, 480);
    QTest::newRow("webp scaled down")
        << QSize(900, 600) << QByteArray("webp") << QSize(300, 300) << QSize(300, 200);
    // Past wholeReadLimitBytes of pixels (4200 x 4200 x 4 bytes): the reader scales as it reads.
    QTest::newRow("very large png scaled by the reader")
        << QSize(4200, 4200) << QByteArray("png") << QSize(420, 420) << QSize(420, 420);
}

void TestImageCache::decodesAsynchronouslyAtTargetSize()
{
    QFETCH(QSize, source);
    QFETCH(QByteArray, format);
    QFETCH(QSize, target);
    QFETCH(QSize, expected);

    const QString path = writeImage(QStringLiteral("%1x%2.%3")
                                        .arg(source.width())
                                        .arg(source.height())
                                        .arg(QString::fromLatin1(format)),
                                    source, format.constData());
    ImageCache cache;
    QMutex mutex;
    QThread *decodingThread = nullptr;
    cache.setDecodeHook([&](const QString &) {
        QMutexLocker lock(&mutex);
        decodingThread = QThread::currentThread();
    });
    QSignalSpy ready(&cache, &ImageCache::imageReady);

    QVERIFY(cache.image(path, target).isNull()); // a miss: decoding starts, nothing blocks
    QVERIFY(cache.isPending(path, target));
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).toString(), path);
    {
        QMutexLocker lock(&mutex);
        QVERIFY(decodingThread != nullptr);
        QVERIFY(decodingThread != QThread::currentThread());
    }

    const QImage image = cache.image(path, target);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), expected);
    QVERIFY(!cache.isPending(path, target));
    QCOMPARE(cache.decodeCount(), 1);
    QCOMPARE(cache.usedBytes(), image.sizeInBytes());
    // The structure survived the scaling: the top-left quarter is orange, the rest blue.
    const QColor topLeft = image.pixelColor(image.width() / 8, image.height() / 8);
    const QColor bottomRight = image.pixelColor(image.width() * 7 / 8, image.height() * 7 / 8);
    QVERIFY2(topLeft.red() > 180 && topLeft.blue() < 100, qPrintable(topLeft.name()));
    QVERIFY2(bottomRight.blue() > 120 && bottomRight.red() < 100, qPrintable(bottomRight.name()));
}

void TestImageCache::failuresAreReportedAndRemembered_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // null: no file at all
    QTest::addColumn<QString>("message");

    QTest::newRow("missing file") << QStringLiteral("missing.png") << QByteArray()
                                  << QStringLiteral("The image file is missing");
    QTest::newRow("garbage") << QStringLiteral("garbage.png")
                             << QByteArray("this is not an image at all, just words")
                             << QStringLiteral("The image file is damaged or not an image");
    QTest::newRow("empty file") << QStringLiteral("empty.png") << QByteArray("")
                                << QStringLiteral("The image file is damaged or not an image");
    QTest::newRow("truncated png")
        << QStringLiteral("truncated.png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16)
        << QStringLiteral("The image file is damaged or not an image");
    QTest::newRow("decompression bomb")
        << QStringLiteral("bomb.png") << pngBomb(60000)
        << QStringLiteral("The image is too large to display (60000 × 60000 pixels)");
}

void TestImageCache::failuresAreReportedAndRemembered()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);

    const QString path = bytes.isNull() ? m_dir.filePath(name) : writeBytes(name, bytes);
    QVERIFY(!path.isEmpty());
    ImageCache cache;
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    QSignalSpy ready(&cache, &ImageCache::imageReady);

    QVERIFY(cache.image(path, QSize(256, 256)).isNull());
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), path);
    QCOMPARE(failed.at(0).at(1).toString(), message);
    QCOMPARE(cache.errorFor(path), message);
    QCOMPARE(ready.size(), 0);

    // Remembered: painting the row again does not decode again, at any size.
    QVERIFY(cache.image(path, QSize(256, 256)).isNull());
    QVERIFY(cache.image(path, QSize(64, 64)).isNull());
    QCOMPARE(cache.decodeCount(), 1);
    QCOMPARE(cache.pendingCount(), 0);
}

void TestImageCache::duplicateRequestsDecodeOnce()
{
    const QString path = writeImage(QStringLiteral("dup.png"), QSize(800, 600), "png");
    ImageCache cache;
    std::atomic<int> hookCalls = 0;
    cache.setDecodeHook([&](const QString &) { ++hookCalls; });
    QSignalSpy ready(&cache, &ImageCache::imageReady);

    for (int i = 0; i < 10; ++i)
        QVERIFY(cache.image(path, QSize(200, 200)).isNull());
    QCOMPARE(cache.pendingCount(), 1);
    QVERIFY(ready.wait(5000));
    QTest::qWait(50); // room for a wrong second delivery to show
    QCOMPARE(ready.size(), 1);
    QCOMPARE(cache.decodeCount(), 1);
    QCOMPARE(hookCalls.load(), 1);
    QVERIFY(!cache.image(path, QSize(200, 200)).isNull());
    QCOMPARE(cache.decodeCount(), 1);
}

void TestImageCache::differentSizesAreDifferentEntries()
{
    const QString path = writeImage(QStringLiteral("sizes.png"), QSize(800, 600), "png");
    ImageCache cache;
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    QVERIFY(cache.image(path, QSize(400, 400)).isNull());
    QVERIFY(cache.image(path, QSize(100, 100)).isNull());
    QCOMPARE(cache.pendingCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 5000);
    QCOMPARE(cache.image(path, QSize(400, 400)).size(), QSize(400, 300));
    QCOMPARE(cache.image(path, QSize(100, 100)).size(), QSize(100, 75));
    QCOMPARE(cache.count(), 2);
}

void TestImageCache::costBoundEvicts()
{
    ImageCache cache;
    const QImage picture = testPicture(QSize(100, 100)); // 40,000 bytes
    const qint64 bytes = picture.sizeInBytes();
    cache.setMaxBytes(bytes * 2 + bytes / 2); // room for two
    QCOMPARE(cache.maxBytes(), bytes * 2 + bytes / 2);

    cache.insert(QStringLiteral("/a.png"), QSize(100, 100), picture);
    cache.insert(QStringLiteral("/b.png"), QSize(100, 100), picture);
    QCOMPARE(cache.count(), 2);
    QVERIFY(!cache.cached(QStringLiteral("/a.png"), QSize(100, 100)).isNull()); // a is now fresher
    cache.insert(QStringLiteral("/c.png"), QSize(100, 100), picture);

    QCOMPARE(cache.count(), 2);
    QVERIFY(cache.usedBytes() <= cache.maxBytes());
    QVERIFY(cache.cached(QStringLiteral("/b.png"), QSize(100, 100)).isNull()); // least recent
    QVERIFY(!cache.cached(QStringLiteral("/a.png"), QSize(100, 100)).isNull());
    QVERIFY(!cache.cached(QStringLiteral("/c.png"), QSize(100, 100)).isNull());

    // Shrinking the bound evicts at once.
    cache.setMaxBytes(bytes);
    QCOMPARE(cache.count(), 1);
    QVERIFY(cache.usedBytes() <= bytes);
}

void TestImageCache::oversizedImageIsStillCached()
{
    // An image larger than the whole budget must still be kept (alone), or every paint of its
    // row would start the same decode again.
    ImageCache cache;
    cache.setMaxBytes(1000);
    cache.insert(QStringLiteral("/small.png"), QSize(10, 10), testPicture(QSize(10, 10)));
    cache.insert(QStringLiteral("/big.png"), QSize(100, 100), testPicture(QSize(100, 100)));
    QVERIFY(!cache.cached(QStringLiteral("/big.png"), QSize(100, 100)).isNull());
    QVERIFY(cache.cached(QStringLiteral("/small.png"), QSize(10, 10)).isNull());
    QVERIFY(cache.usedBytes() <= cache.maxBytes());
}

void TestImageCache::insertedImagesNeedNoDecode()
{
    ImageCache cache;
    const QImage picture = testPicture(QSize(64, 48));
    cache.insert(QStringLiteral("/nowhere/preview.png"), QSize(64, 64), picture);
    const QImage image = cache.image(QStringLiteral("/nowhere/preview.png"), QSize(64, 64));
    QCOMPARE(image.size(), QSize(64, 48));
    QCOMPARE(cache.decodeCount(), 0);
    QCOMPARE(cache.pendingCount(), 0);
}

void TestImageCache::reducedDecodeServesTheSizesItCovers()
{
    // The stream decoded a 1536x1024 image to the conversation's largest size, 768x512.
    const QString path = m_dir.filePath(QStringLiteral("never-written.png"));
    ImageCache cache;
    cache.insertDecoded(path, testPicture(QSize(768, 512)), QSize(1536, 1024));
    QCOMPARE(cache.earlierDecode(path).size(), QSize(768, 512));
    QVERIFY(cache.cached(path, QSize()).isNull()); // it is not the whole image

    QCOMPARE(cache.image(path, QSize(768, 512)).size(), QSize(768, 512));
    const QImage smaller = cache.image(path, QSize(384, 256)); // a narrower window
    QCOMPARE(smaller.size(), QSize(384, 256));
    QVERIFY(smaller.pixelColor(20, 20).red() > 180); // the same picture, scaled
    // A pixel more than the decode, as the view's rounding may ask: scaled, not read again.
    QCOMPARE(cache.image(path, QSize(769, 513)).size(), QSize(769, 513));
    QCOMPARE(cache.decodeCount(), 0);

    // A larger size (a screen with more pixels per point) needs the file.
    QVERIFY(cache.image(path, QSize(1200, 800)).isNull());
    QCOMPARE(cache.decodeCount(), 1);
}

void TestImageCache::wholeDecodeServesEverySize()
{
    const QString path = m_dir.filePath(QStringLiteral("never-written-either.png"));
    ImageCache cache;
    cache.insertDecoded(path, testPicture(QSize(64, 48)), QSize(64, 48));
    QCOMPARE(cache.cached(path, QSize()).size(), QSize(64, 48));
    QCOMPARE(cache.image(path, QSize(640, 480)).size(), QSize(64, 48)); // never enlarged
    QCOMPARE(cache.image(path, QSize(32, 32)).size(), QSize(32, 24));
    // EXIF orientation turned it: still the whole image.
    const QString turned = m_dir.filePath(QStringLiteral("turned.jpg"));
    cache.insertDecoded(turned, testPicture(QSize(48, 64)), QSize(64, 48));
    QCOMPARE(cache.cached(turned, QSize()).size(), QSize(48, 64));
    QCOMPARE(cache.decodeCount(), 0);
}

void TestImageCache::turnedImageReadWholeIsScaledUpright()
{
    // TIFF is read whole and then scaled, and its orientation tag turns it: stored 600x300 with a
    // quarter turn, it is shown 300x600, and fitting 200x200 gives 100x200, upright.
    const QString path = m_dir.filePath(QStringLiteral("turned.tiff"));
    QImageWriter writer(path, "tiff");
    if (!writer.supportsOption(QImageIOHandler::ImageTransformation))
        QSKIP("this Qt's TIFF writer cannot store an orientation");
    writer.setTransformation(QImageIOHandler::TransformationRotate90);
    QVERIFY2(writer.write(testPicture(QSize(600, 300))), qPrintable(writer.errorString()));

    const ImageCache::Decoded decoded = ImageCache::decode(path, QSize(200, 200));
    QVERIFY2(!decoded.image.isNull(), qPrintable(decoded.error));
    QCOMPARE(decoded.image.size(), QSize(100, 200));
    // The orange quarter, top-left as stored, is top-right after a clockwise quarter turn.
    const QColor topRight = decoded.image.pixelColor(80, 20);
    const QColor topLeft = decoded.image.pixelColor(20, 20);
    QVERIFY2(topRight.red() > 180 && topRight.blue() < 100, qPrintable(topRight.name()));
    QVERIFY2(topLeft.blue() > 120 && topLeft.red() < 100, qPrintable(topLeft.name()));
}

void TestImageCache::forgetAllowsAnotherDecode()
{
    const QString path = m_dir.filePath(QStringLiteral("later.png"));
    ImageCache cache;
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    QVERIFY(cache.image(path, QSize(50, 50)).isNull());
    QVERIFY(failed.wait(5000));
    QCOMPARE(cache.errorFor(path), QStringLiteral("The image file is missing"));

    // The file shows up (the store finished writing it): forgetting the failure lets it load.
    QVERIFY(testPicture(QSize(100, 80)).save(path, "png"));
    cache.forget(path);
    QVERIFY(cache.errorFor(path).isEmpty());
    QVERIFY(cache.image(path, QSize(50, 50)).isNull());
    QVERIFY(ready.wait(5000));
    QCOMPARE(cache.image(path, QSize(50, 50)).size(), QSize(50, 40));
    QCOMPARE(cache.decodeCount(), 2);
}

QTEST_GUILESS_MAIN(TestImageCache)
#include "tst_imagecache.moc"

void TestImageCache::paletteImagesKeepTheirColours_data()
{
    // A flat colour as ImageMagick writes it is a 1-bit palette PNG; Qt's smooth scale turned its
    // thumbnails into black-and-white noise (found by QA). Small ones are scaled after reading,
    // huge ones would be scaled by the reader.
    QTest::addColumn<QSize>("size");
    QTest::newRow("scaled after reading") << QSize(600, 400);
    QTest::newRow("past the whole-read limit") << QSize(8200, 2100);
}

void TestImageCache::paletteImagesKeepTheirColours()
{
    QFETCH(QSize, size);
    QImage mono(size, QImage::Format_Mono);
    mono.setColorTable({ qRgb(230, 20, 30), qRgb(20, 30, 230) });
    mono.fill(0);
    const QString path = m_dir.filePath(QStringLiteral("mono.png"));
    QVERIFY(mono.save(path, "PNG"));
    QCOMPARE(QImageReader(path).imageFormat(), QImage::Format_Mono);

    const ImageCache::Decoded decoded = ImageCache::decode(path, QSize(150, 100));
    QVERIFY2(!decoded.image.isNull(), qPrintable(decoded.error));
    QVERIFY(decoded.image.width() <= 150 && decoded.image.height() <= 100);
    const QColor centre = decoded.image.pixelColor(decoded.image.rect().center());
    QVERIFY2(centre.red() > 200 && centre.green() < 60 && centre.blue() < 60,
             qPrintable(centre.name()));
}
