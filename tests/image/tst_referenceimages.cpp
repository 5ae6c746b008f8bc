// Reference images of issue #6: what a turn sends with its prompt is read from disk, checked
// against the provider's limits (count, bytes, total) and the model's longest side, and scaled
// down when larger, with a plain sentence for every file that cannot go. Real files in a temporary
// folder, real encoders and decoders.
#include "chat/providerprofile.h"
#include "image/referenceimages.h"
#include "model/imagesniff.h"
#include "store/pngtext.h"

#include <QBuffer>
#include <QDataStream>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A picture with some structure, so that a wrong scale, crop or orientation would show: the top
// left quarter is orange, the rest blue.
QImage testPicture(QSize size, QImage::Format format = QImage::Format_RGB32)
{
    QImage image(size, format);
    image.fill(QColor(40, 90, 160));
    QPainter painter(&image);
    painter.fillRect(0, 0, size.width() / 2, size.height() / 2, QColor(230, 120, 40));
    return image;
}

// Noise does not compress: a few hundred pixels a side make a file of a known large size.
QImage noise(QSize size, bool alpha)
{
    QImage image(size, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = random.generate()
                | (alpha ? (x < size.width() / 2 ? 0x80000000u : 0u) : 0xff000000u);
    }
    return image;
}

QByteArray encoded(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        qWarning("cannot encode %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

// A JPEG with an EXIF APP1 segment that says how to turn it (6: a quarter turn clockwise), the
// way cameras store portrait photos.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray exif("Exif\0\0", 6);
    QDataStream out(&exif, QIODevice::Append);
    out.setByteOrder(QDataStream::BigEndian);
    out.writeRawData("MM", 2);
    out << quint16(42) << quint32(8) // the TIFF header, first IFD right after it
        << quint16(1) // one entry
        << quint16(0x0112) << quint16(3) << quint32(1) << orientation << quint16(0)
        << quint32(0); // no further IFD
    QByteArray segment("\xff\xe1", 2);
    QDataStream length(&segment, QIODevice::Append);
    length.setByteOrder(QDataStream::BigEndian);
    length << quint16(exif.size() + 2);
    segment += exif;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QImage decoded(const QByteArray &bytes)
{
    return QImage::fromData(bytes);
}

// A PNG whose header claims `width` x `height` pixels: a few bytes on disk, gigabytes decoded.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray header;
    QDataStream stream(&header, QIODevice::WriteOnly);
    stream.setByteOrder(QDataStream::BigEndian);
    stream << width << height << quint8(8) << quint8(6) << quint8(0) << quint8(0) << quint8(0);
    const QByteArray zeros = qCompress(QByteArray(1024, '\0')).mid(4); // zlib stream, no prefix
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + PngText::chunk("IHDR", header) + PngText::chunk("IDAT", zeros)
        + PngText::chunk("IEND", {});
}

// The classic 1x1 transparent GIF.
const QByteArray tinyGif
    = QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000"
                          "002c00000000010001000002024401003b");

qint64 dataUrlLength(const PreparedImage &image)
{
    return QStringLiteral("data:%1;base64,").arg(image.mimeType).size()
        + image.bytes.toBase64().size();
}

ReferenceLimits openAiLimits(int maxEdge = 2048)
{
    ReferenceLimits limits;
    limits.providerName = QStringLiteral("OpenAI");
    limits.maxEdge = maxEdge;
    return limits;
}

} // namespace

class TestReferenceImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void scaledSize_data()
    {
        QTest::addColumn<QSize>("original");
        QTest::addColumn<int>("maxEdge");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("landscape") << QSize(6000, 4000) << 2048 << QSize(2048, 1365);
        QTest::newRow("portrait") << QSize(4000, 6000) << 2048 << QSize(1365, 2048);
        QTest::newRow("square") << QSize(4096, 4096) << 2048 << QSize(2048, 2048);
        QTest::newRow("exactly the edge") << QSize(2048, 1000) << 2048 << QSize(2048, 1000);
        QTest::newRow("smaller") << QSize(1024, 768) << 2048 << QSize(1024, 768);
        QTest::newRow("rounds up") << QSize(3000, 2999) << 2048 << QSize(2048, 2047);
        QTest::newRow("one pixel wide") << QSize(1, 100000) << 2048 << QSize(1, 2048);
        QTest::newRow("one pixel high") << QSize(30000, 2) << 2048 << QSize(2048, 1);
        QTest::newRow("gpt-image-2 8K") << QSize(7680, 4320) << 3840 << QSize(3840, 2160);
        QTest::newRow("gpt-image-2 keeps 4K") << QSize(3840, 2160) << 3840 << QSize(3840, 2160);
    }

    void scaledSize()
    {
        QFETCH(QSize, original);
        QFETCH(int, maxEdge);
        QFETCH(QSize, expected);
        QCOMPARE(ReferenceImages::scaledSize(original, maxEdge), expected);
    }

    void maxEdgeFor_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("edge");
        QTest::newRow("gpt-image-2") << "gpt-image-2" << 3840;
        QTest::newRow("gateway gpt-image-2") << "openai/gpt-image-2" << 3840;
        QTest::newRow("gpt-image-1.5") << "gpt-image-1.5" << 2048;
        QTest::newRow("gpt-image-1-mini") << "openai/gpt-image-1-mini" << 2048;
        QTest::newRow("unknown") << "google/gemini-2.5-flash-image" << 2048;
        QTest::newRow("empty") << "" << 2048;
    }

    void maxEdgeFor()
    {
        QFETCH(QString, model);
        QFETCH(int, edge);
        QCOMPARE(ReferenceLimits::maxEdgeFor(model), edge);
    }

    void smallImagesGoByteForByte_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("png") << "sketch.png" << QByteArray("png") << "image/png";
        QTest::newRow("jpeg") << "photo.jpg" << QByteArray("jpeg") << "image/jpeg";
        QTest::newRow("webp") << "render.webp" << QByteArray("webp") << "image/webp";
        // The type comes from the bytes: a PNG named .jpg is sent as a PNG.
        QTest::newRow("misnamed png") << "really-a-png.jpg" << QByteArray("png") << "image/png";
    }

    void smallImagesGoByteForByte()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, format);
        QFETCH(QString, mimeType);
        const QByteArray bytes = encoded(testPicture(QSize(300, 200)), format.constData());
        QVERIFY(!bytes.isEmpty());
        const QString path = write(name, bytes);

        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.images.size(), 1);
        const PreparedImage &image = result.images.constFirst();
        QCOMPARE(image.bytes, bytes); // byte for byte: no re-encoding
        QCOMPARE(image.mimeType, mimeType);
        QCOMPARE(image.size, QSize(300, 200));
        QCOMPARE(image.originalSize, QSize(300, 200));
        QVERIFY(!image.wasScaled());
        QCOMPARE(image.sourcePath, path);
        QVERIFY(result.notes.isEmpty());
        QVERIFY(result.mask.isNull());
    }

    void largeJpegIsScaledToTheEdge()
    {
        const QString path = write(QStringLiteral("photo.jpg"),
                                   encoded(testPicture(QSize(3000, 2000)), "jpeg", 95));
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        const PreparedImage &image = result.images.constFirst();
        QCOMPARE(image.originalSize, QSize(3000, 2000));
        QCOMPARE(image.size, QSize(2048, 1365));
        QVERIFY(image.wasScaled());
        QCOMPARE(image.mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(ImageSniff::mimeType(image.bytes), QStringLiteral("image/jpeg"));
        const QImage sent = decoded(image.bytes);
        QCOMPARE(sent.size(), QSize(2048, 1365));
        // Scaled, not cropped: the orange quarter is still the top left quarter.
        QVERIFY(qAbs(qRed(sent.pixel(500, 300)) - 230) < 12);
        QVERIFY(qAbs(qBlue(sent.pixel(1500, 1000)) - 160) < 12);
        QCOMPARE(result.notes, QStringList { "photo.jpg scaled from 3000x2000 to 2048x1365" });
    }

    void paletteImageIsScaledInColour()
    {
        // A 1-bit palette PNG past the edge limit is scaled before it is sent: in its colours,
        // not as black-and-white noise (see smoothscale.h).
        QImage mono(QSize(3000, 2000), QImage::Format_Mono);
        mono.setColorTable({ qRgb(230, 20, 30), qRgb(20, 30, 230) });
        mono.fill(0);
        const QString path = write(QStringLiteral("flat.png"), encoded(mono, "png", -1));
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        const QImage sent = decoded(result.images.constFirst().bytes);
        QCOMPARE(sent.size(), QSize(2048, 1365));
        const QColor centre = sent.pixelColor(1000, 700);
        QVERIFY2(centre.red() > 200 && centre.green() < 60 && centre.blue() < 60,
                 qPrintable(centre.name()));
    }

    void largerEdgeForGptImage2()
    {
        const QString path = write(QStringLiteral("wide.jpg"),
                                   encoded(testPicture(QSize(3000, 2000)), "jpeg", 90));
        const QByteArray bytes = readAll(path);
        const PreparedReferences result = ReferenceImages::prepare(
            { path }, {}, openAiLimits(ReferenceLimits::maxEdgeFor("gpt-image-2")));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.images.constFirst().size, QSize(3000, 2000));
        QCOMPARE(result.images.constFirst().bytes, bytes);
    }

    void rotatedPhotoIsScaledUpright()
    {
        // A camera's portrait photo: stored landscape, turned by its EXIF orientation.
        QByteArray bytes
            = withExifOrientation(encoded(testPicture(QSize(3000, 2000)), "jpeg", 90), 6);
        QBuffer probe(&bytes);
        QImageReader reader(&probe);
        QCOMPARE(reader.transformation(), QImageIOHandler::TransformationRotate90);
        const QString path = write(QStringLiteral("portrait.jpg"), bytes);
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.images.constFirst().originalSize, QSize(2000, 3000));
        QCOMPARE(result.images.constFirst().size, QSize(1365, 2048));
        const QImage sent = decoded(result.images.constFirst().bytes);
        QCOMPARE(sent.size(), QSize(1365, 2048));
        // Turned clockwise, the orange top left quarter is now the top right one.
        QVERIFY(qAbs(qRed(sent.pixel(1000, 300)) - 230) < 12);
        QVERIFY(qAbs(qRed(sent.pixel(300, 300)) - 40) < 12);
    }

    void hugePhotos_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("jpeg") << QByteArray("jpeg") << "image/jpeg";
        QTest::newRow("png") << QByteArray("png") << "image/png";
    }

    void hugePhotos()
    {
        QFETCH(QByteArray, format);
        QFETCH(QString, mimeType);
        // 72 megapixels: under Easel's own bound, over what Qt lets one decode allocate. Qt's
        // JPEG and PNG decoders are asked for the size that is sent and never hold the full one.
        const QSize huge(9000, 8000);
        QVERIFY(qint64(huge.width()) * huge.height() * 4
                > qint64(QImageReader::allocationLimit()) * 1024 * 1024);
        const QString name = QStringLiteral("huge.") + QString::fromLatin1(format);
        const QString path = write(name, encoded(testPicture(huge), format.constData(), 80));
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.images.constFirst().size, QSize(2048, 1820));
        QCOMPARE(result.images.constFirst().mimeType, mimeType);
        const QImage sent = decoded(result.images.constFirst().bytes);
        QCOMPARE(sent.size(), QSize(2048, 1820));
        QVERIFY(qAbs(qRed(sent.pixel(500, 400)) - 230) < 12);
        QVERIFY(qAbs(qBlue(sent.pixel(1500, 1400)) - 160) < 12);
        QCOMPARE(result.notes,
                 QStringList { name + QStringLiteral(" scaled from 9000x8000 to 2048x1820") });
    }

    void scaledFormats_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("png with alpha stays png") << QByteArray("png") << true << "image/png";
        QTest::newRow("opaque png stays png") << QByteArray("png") << false << "image/png";
        QTest::newRow("webp with alpha becomes png") << QByteArray("webp") << true << "image/png";
        QTest::newRow("opaque webp becomes jpeg") << QByteArray("webp") << false << "image/jpeg";
    }

    void scaledFormats()
    {
        QFETCH(QByteArray, format);
        QFETCH(bool, alpha);
        QFETCH(QString, mimeType);
        QImage picture
            = testPicture(QSize(2500, 1000), alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        if (alpha) {
            QPainter painter(&picture);
            painter.setCompositionMode(QPainter::CompositionMode_Source);
            painter.fillRect(1250, 0, 1250, 1000, Qt::transparent); // the right half is clear
        }
        const QString path = write(QStringLiteral("layer.") + QString::fromLatin1(format),
                                   encoded(picture, format.constData(), 100));
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        const PreparedImage &image = result.images.constFirst();
        QCOMPARE(image.size, QSize(2048, 819));
        QCOMPARE(image.mimeType, mimeType);
        QCOMPARE(ImageSniff::mimeType(image.bytes), mimeType);
        const QImage sent = decoded(image.bytes);
        QCOMPARE(sent.size(), QSize(2048, 819));
        QCOMPARE(sent.hasAlphaChannel(), alpha);
        if (alpha) {
            QCOMPARE(qAlpha(sent.pixel(2000, 400)), 0);
            QCOMPARE(qAlpha(sent.pixel(200, 400)), 255);
        }
        QCOMPARE(result.notes,
                 QStringList { QStringLiteral("layer.%1 scaled from 2500x1000 to 2048x819")
                                   .arg(QString::fromLatin1(format)) });
    }

    void gifIsSentAsPng()
    {
        const QString path = write(QStringLiteral("dot.gif"), tinyGif);
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        const PreparedImage &image = result.images.constFirst();
        QCOMPARE(image.mimeType, QStringLiteral("image/png"));
        QCOMPARE(ImageSniff::mimeType(image.bytes), QStringLiteral("image/png"));
        QCOMPARE(image.size, QSize(1, 1));
        QCOMPARE(decoded(image.bytes).size(), QSize(1, 1));
    }

    void byteLimitShrinksTheImage_data()
    {
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<QString>("mimeType");
        QTest::addColumn<QString>("firstNote");
        QTest::addColumn<QSize>("sentSize");
        QTest::addColumn<int>("noteCount");
        // Opaque noise: JPEG at quality 90 first, then halving.
        QTest::newRow("opaque, jpeg is enough")
            << false << qint64(900 * 1024) << "image/jpeg"
            << "noise.png re-encoded as JPEG to fit OpenAI's limit of 900.0 kB per image"
            << QSize(800, 600) << 1;
        QTest::newRow("opaque, jpeg and halving")
            << false << qint64(150 * 1024) << "image/jpeg"
            << "noise.png re-encoded as JPEG to fit OpenAI's limit of 150.0 kB per image"
            << QSize(400, 300) << 2;
        // Transparency must survive: PNG, halved.
        QTest::newRow("alpha, halving")
            << true << qint64(400 * 1024) << "image/png"
            << "noise.png scaled from 800x600 to 400x300 to fit OpenAI's limit of 400.0 kB per "
               "image"
            << QSize(200, 150) << 2;
    }

    void byteLimitShrinksTheImage()
    {
        QFETCH(bool, alpha);
        QFETCH(qint64, limit);
        QFETCH(QString, mimeType);
        QFETCH(QString, firstNote);
        QFETCH(QSize, sentSize);
        QFETCH(int, noteCount);
        const QByteArray bytes = encoded(noise(QSize(800, 600), alpha), "png");
        QVERIFY(bytes.size() > limit);
        const QString path = write(QStringLiteral("noise.png"), bytes);
        ReferenceLimits limits = openAiLimits();
        limits.maxImageBytes = limit;

        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, limits);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const PreparedImage &image = result.images.constFirst();
        QVERIFY2(image.bytes.size() <= limit, QByteArray::number(image.bytes.size()).constData());
        QCOMPARE(image.mimeType, mimeType);
        QCOMPARE(ImageSniff::mimeType(image.bytes), mimeType);
        QCOMPARE(image.originalSize, QSize(800, 600));
        const QImage sent = decoded(image.bytes);
        QCOMPARE(image.size, sentSize);
        QCOMPARE(sent.size(), sentSize);
        QCOMPARE(sent.hasAlphaChannel(), alpha);
        QCOMPARE(result.notes.size(), noteCount);
        QCOMPARE(result.notes.constFirst(), firstNote);
        // Every halving is said, and the last one names the size that was sent.
        if (image.size != image.originalSize)
            QVERIFY2(
                result.notes.constLast().contains(
                    QStringLiteral(" to %1x%2 ").arg(image.size.width()).arg(image.size.height())),
                qPrintable(result.notes.join(QLatin1Char('\n'))));
    }

    void byteLimitThatCannotBeMet()
    {
        const QString path
            = write(QStringLiteral("noise.png"), encoded(noise(QSize(64, 64), true), "png"));
        ReferenceLimits limits = openAiLimits();
        limits.maxImageBytes = 10;
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, limits);
        QVERIFY(!result.ok());
        QCOMPARE(result.error,
                 QStringLiteral("noise.png cannot be made small enough for OpenAI's limit of 10 "
                                "bytes per image."));
        QVERIFY(result.images.isEmpty());
    }

    void everyBadFileIsNamed()
    {
        // Found by QA: only the first bad file was named, the next only on the next attempt.
        const QByteArray png = encoded(testPicture(QSize(64, 48)), "png");
        const QString good = write(QStringLiteral("good.png"), png);
        const QString cut = write(QStringLiteral("cut.png"), png.left(png.size() / 2));
        const QString gone = m_dir.filePath(QStringLiteral("gone.png"));
        const PreparedReferences result
            = ReferenceImages::prepare({ cut, good, gone }, {}, openAiLimits());
        QVERIFY(!result.ok());
        QVERIFY(result.images.isEmpty());
        QVERIFY2(result.error.contains(QLatin1String("cut.png"))
                     && result.error.contains(QLatin1String("gone.png"))
                     && !result.error.contains(QLatin1String("good.png")),
                 qPrintable(result.error));
    }

    void tooManyImages()
    {
        // Counted before any file is read: these files need not exist.
        QStringList files;
        for (int i = 0; i < 17; ++i)
            files << m_dir.filePath(QStringLiteral("missing-%1.png").arg(i));
        const PreparedReferences result = ReferenceImages::prepare(files, {}, openAiLimits());
        QCOMPARE(result.error,
                 QStringLiteral("OpenAI takes at most 16 reference images per turn; this turn has "
                                "17. Remove 1."));
        QVERIFY(result.images.isEmpty());

        ReferenceLimits three = openAiLimits();
        three.providerName = QStringLiteral("AI Stats");
        three.maxCount = 3;
        QCOMPARE(ReferenceImages::prepare(files.mid(0, 5), {}, three).error,
                 QStringLiteral("AI Stats takes at most 3 reference images per turn; this turn "
                                "has 5. Remove 2."));
    }

    void totalOverTheLimit_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("withMask");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("advice");
        QTest::newRow("three") << 3 << false << "These 3 images come to "
                               << "Remove one or use smaller files.";
        QTest::newRow("one") << 1 << false << "This image comes to "
                             << "Use a smaller file.";
        QTest::newRow("two and a mask") << 2 << true << "These 2 images and the mask come to "
                                        << "Remove one or use smaller files.";
    }

    void totalOverTheLimit()
    {
        QFETCH(int, count);
        QFETCH(bool, withMask);
        QFETCH(QString, start);
        QFETCH(QString, advice);
        QStringList files;
        for (int i = 0; i < count; ++i)
            files << write(QStringLiteral("noise-%1.png").arg(i),
                           encoded(noise(QSize(400 + i, 300), false), "png"));
        const QString mask = withMask
            ? write(QStringLiteral("mask.png"), encoded(noise(QSize(400, 300), true), "png"))
            : QString();

        // What they come to, measured with a limit they pass.
        const PreparedReferences passing = ReferenceImages::prepare(files, mask, openAiLimits());
        QVERIFY2(passing.ok(), qPrintable(passing.error));
        qint64 total = withMask ? dataUrlLength(passing.mask) : 0;
        for (const PreparedImage &image : passing.images)
            total += dataUrlLength(image);
        QVERIFY(total > 300 * 1024);

        ReferenceLimits limits = openAiLimits();
        limits.maxTotalBytes = 300 * 1024;
        const PreparedReferences result = ReferenceImages::prepare(files, mask, limits);
        QVERIFY(!result.ok());
        QCOMPARE(result.error,
                 start
                     + QStringLiteral("%1 as sent; OpenAI accepts at most 300.0 kB per turn. ")
                           .arg(total >= 1024 * 1024
                                    ? QStringLiteral("%1 MB").arg(total / 1048576.0, 0, 'f', 1)
                                    : QStringLiteral("%1 kB").arg(total / 1024.0, 0, 'f', 1))
                     + advice);
        QVERIFY(result.images.isEmpty());
        QVERIFY(result.mask.isNull());

        // Exactly at the limit passes: the limit is inclusive.
        limits.maxTotalBytes = total;
        QVERIFY(ReferenceImages::prepare(files, mask, limits).ok());
    }

    void totalInMegabytes()
    {
        const QString path
            = write(QStringLiteral("noise.png"), encoded(noise(QSize(1400, 1000), false), "png"));
        ReferenceLimits limits = openAiLimits();
        limits.maxTotalBytes = 1024 * 1024;
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, limits);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QLatin1String(" MB as sent; OpenAI accepts at most 1.0 MB "
                                                     "per turn.")),
                 qPrintable(result.error));
    }

    void nothingToSend()
    {
        const PreparedReferences result = ReferenceImages::prepare({}, {}, openAiLimits());
        QVERIFY(result.ok());
        QVERIFY(result.images.isEmpty());
        QVERIFY(result.mask.isNull());
        QVERIFY(result.notes.isEmpty());
    }

    void filesThatCannotGo_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("exact");
        const QByteArray png = encoded(noise(QSize(200, 200), false), "png");
        QTest::newRow("missing") << "missing.png" << QByteArray()
                                 << "Easel cannot read missing.png: " << false;
        QTest::newRow("folder") << "folder.png" << QByteArray()
                                << "Easel cannot read folder.png: " << false;
        QTest::newRow("empty") << "empty.png" << QByteArray("") << "empty.png is empty." << true;
        QTest::newRow("text") << "photo.txt" << QByteArray("just some words\n")
                              << "photo.txt is not an image Easel can send (PNG, JPEG or WebP)."
                              << true;
        QTest::newRow("text named png")
            << "notes.png" << QByteArray("# Shot list\n- hero, dusk\n")
            << "notes.png is not an image Easel can send (PNG, JPEG or WebP)." << true;
        QTest::newRow("bmp") << "old.bmp" << encoded(testPicture(QSize(8, 8)), "bmp")
                             << "old.bmp is not an image Easel can send (PNG, JPEG or WebP)."
                             << true;
        QTest::newRow("truncated png")
            << "cut.png" << png.left(png.size() / 2)
            << "cut.png is damaged or incomplete: Easel cannot decode it." << true;
        QTest::newRow("png signature only")
            << "stub.png" << png.left(16)
            << "stub.png is damaged: Easel cannot read the size of the image." << true;
        QTest::newRow("bomb") << "bomb.png" << pngClaiming(50000, 50000)
                              << "bomb.png claims to be 50000x50000 pixels; Easel takes images of "
                                 "at most 100 megapixels and 20000 pixels a side."
                              << true;
        QTest::newRow("too wide") << "strip.png" << pngClaiming(30000, 10)
                                  << "strip.png claims to be 30000x10 pixels; Easel takes images "
                                     "of at most 100 megapixels and 20000 pixels a side."
                                  << true;
        QTest::newRow("too many pixels")
            << "big.png" << pngClaiming(12000, 9000)
            << "big.png claims to be 12000x9000 pixels; Easel takes images of at most 100 "
               "megapixels and 20000 pixels a side."
            << true;
    }

    void filesThatCannotGo()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QFETCH(bool, exact);
        if (name == QLatin1String("folder.png"))
            QVERIFY(QDir(m_dir.path()).mkpath(name));
        const QString path = bytes.isEmpty() && name != QLatin1String("empty.png")
            ? m_dir.filePath(name)
            : write(name, bytes);
        const QString good
            = write(QStringLiteral("good.png"), encoded(testPicture(QSize(64, 64)), "png"));

        // The bad file spoils the turn wherever it stands.
        for (const QStringList &files : { QStringList { path }, QStringList { good, path } }) {
            const PreparedReferences result = ReferenceImages::prepare(files, {}, openAiLimits());
            QVERIFY(!result.ok());
            if (exact)
                QCOMPARE(result.error, expected);
            else
                QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
            QVERIFY(result.images.isEmpty());
        }
    }

    void unreadableFile()
    {
        const QString path
            = write(QStringLiteral("locked.png"), encoded(testPicture(QSize(64, 64)), "png"));
        QFile::setPermissions(path, QFileDevice::Permissions());
        QFile probe(path);
        if (probe.open(QIODevice::ReadOnly))
            QSKIP("Running with rights that read any file (root): no unreadable file to test.");
        const PreparedReferences result = ReferenceImages::prepare({ path }, {}, openAiLimits());
        QVERIFY2(result.error.startsWith(QLatin1String("Easel cannot read locked.png: ")),
                 qPrintable(result.error));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void maskMatchingTheImage()
    {
        const QString image
            = write(QStringLiteral("room.png"), encoded(testPicture(QSize(1024, 768)), "png"));
        const QString mask
            = write(QStringLiteral("mask.png"), encoded(maskPicture(1024, 768), "png"));
        const PreparedReferences result = ReferenceImages::prepare({ image }, mask, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.mask.sourcePath, mask);
        QCOMPARE(result.mask.mimeType, QStringLiteral("image/png"));
        QCOMPARE(ImageSniff::mimeType(result.mask.bytes), QStringLiteral("image/png"));
        QCOMPARE(result.mask.size, QSize(1024, 768));
        QCOMPARE(result.mask.originalSize, QSize(1024, 768));
        const QImage sent = decoded(result.mask.bytes);
        QVERIFY(sent.hasAlphaChannel());
        QCOMPARE(qAlpha(sent.pixel(100, 100)), 0); // the hole stays a hole
        QCOMPARE(qAlpha(sent.pixel(900, 700)), 255);
        QVERIFY(result.notes.isEmpty());
    }

    void maskOfAnotherSizeSameShapeIsScaled()
    {
        const QString image
            = write(QStringLiteral("room.png"), encoded(testPicture(QSize(1024, 768)), "png"));
        const QString mask
            = write(QStringLiteral("small-mask.png"), encoded(maskPicture(512, 384), "png"));
        const PreparedReferences result = ReferenceImages::prepare({ image }, mask, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.mask.size, QSize(1024, 768));
        QCOMPARE(result.mask.originalSize, QSize(512, 384));
        const QImage sent = decoded(result.mask.bytes);
        QCOMPARE(sent.size(), QSize(1024, 768));
        QCOMPARE(qAlpha(sent.pixel(100, 100)), 0);
        QCOMPARE(qAlpha(sent.pixel(900, 700)), 255);
        QCOMPARE(
            result.notes,
            QStringList { "small-mask.png scaled from 512x384 to 1024x768 to match room.png" });
    }

    void maskScaledWithItsImage()
    {
        const QString image = write(QStringLiteral("hall.jpg"),
                                    encoded(testPicture(QSize(3000, 2000)), "jpeg", 90));
        const QString mask
            = write(QStringLiteral("hall-mask.png"), encoded(maskPicture(3000, 2000), "png"));
        const PreparedReferences result = ReferenceImages::prepare({ image }, mask, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.images.constFirst().size, QSize(2048, 1365));
        QCOMPARE(result.mask.size, result.images.constFirst().size);
        QCOMPARE(result.mask.originalSize, QSize(3000, 2000));
        const QImage sent = decoded(result.mask.bytes);
        QCOMPARE(sent.size(), QSize(2048, 1365));
        QCOMPARE(qAlpha(sent.pixel(100, 100)), 0);
        QCOMPARE(qAlpha(sent.pixel(2000, 1300)), 255);
    }

    void masksThatCannotGo_data()
    {
        QTest::addColumn<QSize>("imageSize");
        QTest::addColumn<QByteArray>("maskBytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("other shape") << QSize(1024, 1536) << encoded(maskPicture(512, 512), "png")
                                     << "The mask is 512x512 but the image it edits is 1024x1536.";
        QTest::newRow("2% off") << QSize(1000, 1000) << encoded(maskPicture(500, 490), "png")
                                << "The mask is 500x490 but the image it edits is 1000x1000.";
        QTest::newRow("no alpha")
            << QSize(512, 512) << encoded(testPicture(QSize(512, 512)), "png")
            << "The mask has no transparency: transparent pixels mark where the image may change.";
        QTest::newRow("jpeg") << QSize(512, 512)
                              << encoded(testPicture(QSize(512, 512)), "jpeg", 90)
                              << "The mask has no transparency: transparent pixels mark where "
                                 "the image may change.";
        QTest::newRow("not an image")
            << QSize(512, 512) << QByteArray("mask")
            << "mask.png is not an image Easel can send (PNG, JPEG or WebP).";
        QTest::newRow("bomb") << QSize(512, 512) << pngClaiming(50000, 50000)
                              << "mask.png claims to be 50000x50000 pixels; Easel takes images of "
                                 "at most 100 megapixels and 20000 pixels a side.";
    }

    void masksThatCannotGo()
    {
        QFETCH(QSize, imageSize);
        QFETCH(QByteArray, maskBytes);
        QFETCH(QString, expected);
        const QString image
            = write(QStringLiteral("image.png"), encoded(testPicture(imageSize), "png"));
        const QString mask = write(QStringLiteral("mask.png"), maskBytes);
        const PreparedReferences result = ReferenceImages::prepare({ image }, mask, openAiLimits());
        QCOMPARE(result.error, expected);
        QVERIFY(result.images.isEmpty());
        QVERIFY(result.mask.isNull());
    }

    void maskWithinOnePercentIsScaled()
    {
        const QString image
            = write(QStringLiteral("square.png"), encoded(testPicture(QSize(1000, 1000)), "png"));
        const QString mask
            = write(QStringLiteral("mask.png"), encoded(maskPicture(500, 497), "png"));
        const PreparedReferences result = ReferenceImages::prepare({ image }, mask, openAiLimits());
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.mask.size, QSize(1000, 1000));
    }

    void maskWithoutAnImage()
    {
        const QString mask = write(QStringLiteral("mask.png"), encoded(maskPicture(64, 64), "png"));
        const PreparedReferences result = ReferenceImages::prepare({}, mask, openAiLimits());
        QCOMPARE(result.error,
                 QStringLiteral("A mask needs an image to edit: attach the image the mask belongs "
                                "to."));
    }

    void missingMask()
    {
        const QString image
            = write(QStringLiteral("image.png"), encoded(testPicture(QSize(64, 64)), "png"));
        const PreparedReferences result = ReferenceImages::prepare(
            { image }, m_dir.filePath(QStringLiteral("gone.png")), openAiLimits());
        QVERIFY2(result.error.startsWith(QLatin1String("Easel cannot read the mask gone.png: ")),
                 qPrintable(result.error));
    }

    void prepareAsyncAnswersOffTheCaller()
    {
        const QStringList files {
            write(QStringLiteral("a.jpg"), encoded(testPicture(QSize(3000, 2000)), "jpeg", 90)),
            write(QStringLiteral("b.png"), encoded(testPicture(QSize(300, 200)), "png")),
        };
        const QString mask
            = write(QStringLiteral("a-mask.png"), encoded(maskPicture(1500, 1000), "png"));
        const PreparedReferences direct = ReferenceImages::prepare(files, mask, openAiLimits());
        QVERIFY2(direct.ok(), qPrintable(direct.error));

        QFutureWatcher<PreparedReferences> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcher<PreparedReferences>::finished);
        watcher.setFuture(ReferenceImages::prepareAsync(files, mask, openAiLimits()));
        // The answer arrives while this thread runs its event loop, i.e. it was worked out
        // elsewhere and delivered as a queued signal.
        QVERIFY(finished.wait(20000));
        const PreparedReferences result = watcher.result();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.images.size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(result.images.at(i).bytes, direct.images.at(i).bytes);
            QCOMPARE(result.images.at(i).size, direct.images.at(i).size);
            QCOMPARE(result.images.at(i).mimeType, direct.images.at(i).mimeType);
        }
        QCOMPARE(result.mask.bytes, direct.mask.bytes);
        QCOMPARE(result.notes, direct.notes);
        QCOMPARE(result.notes.size(), 2); // a.jpg scaled, and its mask with it

        // Errors come back the same way.
        QFutureWatcher<PreparedReferences> failing;
        QSignalSpy failed(&failing, &QFutureWatcher<PreparedReferences>::finished);
        failing.setFuture(ReferenceImages::prepareAsync(
            { m_dir.filePath(QStringLiteral("nowhere.png")) }, {}, openAiLimits()));
        QVERIFY(failed.wait(20000));
        QVERIFY(failing.result().error.startsWith(QLatin1String("Easel cannot read nowhere.png")));
    }

    void providerLimits_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("edge");
        QTest::newRow("openai gpt-image-1.5") << "openai"
                                              << "gpt-image-1.5"
                                              << "OpenAI" << 2048;
        QTest::newRow("openai gpt-image-2") << "openai"
                                            << "gpt-image-2"
                                            << "OpenAI" << 3840;
        QTest::newRow("aistats gpt-image-2") << "aistats"
                                             << "openai/gpt-image-2"
                                             << "AI Stats" << 3840;
        QTest::newRow("openrouter") << "openrouter"
                                    << "openai/gpt-image-1"
                                    << "OpenRouter" << 2048;
    }

    void providerLimits()
    {
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(QString, name);
        QFETCH(int, edge);
        const ReferenceLimits limits = ProviderProfile::builtIn(provider).referenceLimits(model);
        QCOMPARE(limits.providerName, name);
        QCOMPARE(limits.maxEdge, edge);
        QCOMPARE(limits.maxCount, 16);
        QCOMPARE(limits.maxImageBytes, 50LL * 1024 * 1024);
        QCOMPARE(limits.maxTotalBytes, 50LL * 1024 * 1024);
    }

private:
    // Opaque, with a transparent top left quarter: where the image may change.
    static QImage maskPicture(int width, int height)
    {
        QImage mask(width, height, QImage::Format_ARGB32);
        mask.fill(Qt::black);
        QPainter painter(&mask);
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        painter.fillRect(0, 0, width / 2, height / 2, Qt::transparent);
        return mask;
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(bytes) != bytes.size())
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestReferenceImages)
#include "tst_referenceimages.moc"
