// FastPng: the PNGs it takes read exactly as QImageReader reads them, at every filter and with the
// image data in any number of chunks; everything else, damage included, is left to QImageReader,
// and ImageCache::decode() then shows what it showed before.

#include "gateway/recordedstream.h"
#include "image/fastpng.h"
#include "image/imagecache.h"
#include "image/pngwriter.h"
#include "image/smoothscale.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Noise, flat patches (Paeth's ties), and bytes at 0 and 255 (where the filters wrap around).
QImage testImage(QSize size, bool alpha, quint32 seed)
{
    QImage image(size, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            int r = 0;
            int g = 0;
            int b = 0;
            int a = 255;
            switch ((x / 5 + y / 3) % 4) {
            case 0: // noise
                r = random.bounded(256);
                g = random.bounded(256);
                b = random.bounded(256);
                a = random.bounded(256);
                break;
            case 1: // flat
                r = 40;
                g = 200;
                b = 90;
                a = 128;
                break;
            case 2: // the extremes
                r = (x + y) % 2 ? 255 : 0;
                g = 255 - r;
                b = x % 3 ? 255 : 0;
                a = y % 2 ? 0 : 255;
                break;
            default: // a gradient
                r = (x * 255) / std::max(1, size.width() - 1);
                g = (y * 255) / std::max(1, size.height() - 1);
                b = (x + y) % 256;
                a = 255 - g;
                break;
            }
            image.setPixel(x, y, qRgba(r, g, b, alpha ? a : 255));
        }
    }
    return image;
}

QImage qtRead(const QByteArray &png)
{
    QBuffer buffer;
    buffer.setData(png);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "png");
    return reader.read();
}

constexpr qint64 limit = 256LL * 1024 * 1024;

QByteArray withFlippedByte(QByteArray bytes, qsizetype at)
{
    bytes[at] = char(bytes[at] ^ 0x01);
    return bytes;
}

qsizetype firstChunk(const QByteArray &png, const char *type)
{
    return png.indexOf(type) - 4;
}

} // namespace

class TestFastPng : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAsQtDoes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<int>("filter");
        const QList<QSize> sizes { { 1, 1 }, { 2, 3 }, { 17, 9 }, { 257, 33 } };
        const QList<std::pair<const char *, int>> filters {
            { "none", PngWriter::None },   { "sub", PngWriter::Sub },
            { "up", PngWriter::Up },       { "average", PngWriter::Average },
            { "paeth", PngWriter::Paeth }, { "each in turn", PngWriter::Mixed },
        };
        for (bool alpha : { false, true }) {
            for (const auto &[name, filter] : filters) {
                for (QSize size : sizes) {
                    QTest::addRow("%s %s %dx%d", alpha ? "RGBA" : "RGB", name, size.width(),
                                  size.height())
                        << size << alpha << filter;
                }
            }
        }
    }

    void readsAsQtDoes()
    {
        QFETCH(QSize, size);
        QFETCH(bool, alpha);
        QFETCH(int, filter);
        const QImage source = testImage(size, alpha, quint32(size.width() * 31 + filter));
        const QByteArray png = PngWriter::png(source, alpha, filter);
        const QImage expected = qtRead(png);
        QVERIFY(!expected.isNull());
        QCOMPARE(expected, source); // the writer wrote what it was given

        const QImage fast = FastPng::decode(png, limit);
        QVERIFY2(!fast.isNull(), "FastPng should take an 8-bit RGB or RGBA PNG");
        QCOMPARE(fast.format(), expected.format());
        QCOMPARE(fast.size(), expected.size());
        QCOMPARE(fast, expected);
        QCOMPARE(FastPng::size(png.first(33)), size);
    }

    // libpng's writer (adaptive filters, 8 KB chunks), through Qt, as the demo gateway writes.
    void readsQtsOwnPngs()
    {
        for (bool alpha : { false, true }) {
            const QImage source = testImage(QSize(300, 200), alpha, 7);
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(source.save(&buffer, "PNG"));
            const QImage fast = FastPng::decode(png, limit);
            QVERIFY2(!fast.isNull(), alpha ? "RGBA" : "RGB");
            QCOMPARE(fast, qtRead(png));
        }
    }

    void imageDataInManyChunks_data()
    {
        QTest::addColumn<qsizetype>("chunkBytes");
        QTest::addColumn<bool>("emptyChunkFirst");
        QTest::newRow("one byte each") << qsizetype(1) << false;
        QTest::newRow("7 bytes each") << qsizetype(7) << false;
        QTest::newRow("an empty IDAT first") << qsizetype(1000) << true;
    }

    void imageDataInManyChunks()
    {
        QFETCH(qsizetype, chunkBytes);
        QFETCH(bool, emptyChunkFirst);
        const QImage source = testImage(QSize(40, 30), true, 3);
        PngWriter::Parts parts = PngWriter::parts(source, true, PngWriter::Mixed, chunkBytes);
        if (emptyChunkFirst)
            parts.imageData.prepend(QByteArray());
        const QByteArray png = PngWriter::assemble(parts);
        const QImage fast = FastPng::decode(png, limit);
        QVERIFY(!fast.isNull());
        QCOMPARE(fast, qtRead(png));
        QCOMPARE(fast, source);
    }

    // Chunks that say nothing about the pixels do not send the file to the slower reader.
    void chunksWithoutBearingOnThePixels()
    {
        const QImage source = testImage(QSize(20, 10), false, 5);
        PngWriter::Parts parts = PngWriter::parts(source, false, PngWriter::Paeth);
        parts.before = PngText::chunk("pHYs", QByteArray("\0\0\x0b\x13\0\0\x0b\x13\x01", 9))
            + PngText::textChunk("Description", QStringLiteral("a fox"))
            + PngText::chunk("caBX", QByteArray(100, 'x'))
            + PngText::chunk("vpAg", QByteArray(9, '\0')); // an unknown ancillary chunk
        parts.after = PngText::chunk("tIME", QByteArray("\x07\xea\x0b\x17\x01\x02\x03", 7))
            + PngText::chunk("iTXt", PngText::itxtData("easel", "{}"));
        const QByteArray png = PngWriter::assemble(parts);
        const QImage fast = FastPng::decode(png, limit);
        QVERIFY(!fast.isNull());
        QCOMPARE(fast, qtRead(png));
    }

    void recordedGatewayPng()
    {
        EASEL_REQUIRE_FIXTURES();
        const QByteArray png
            = RecordedStream::image(QStringLiteral("openai-responses-image-png.response.json"));
        QVERIFY(png.startsWith("\x89PNG"));
        QVERIFY(png.contains("caBX")); // its C2PA manifest
        const QImage fast = FastPng::decode(png, limit);
        QVERIFY2(!fast.isNull(), "the PNG a gateway sent should take the quick path");
        const QImage expected = qtRead(png);
        QCOMPARE(fast.format(), expected.format());
        QCOMPARE(fast, expected);
    }

    // What FastPng does not take: null, and ImageCache::decode() gives what QImageReader gives.
    void leftToQtsReader_data()
    {
        QTest::addColumn<QByteArray>("png");
        const QImage rgb = testImage(QSize(12, 8), false, 11);
        const QByteArray good = PngWriter::png(rgb, false, PngWriter::Mixed);
        const PngWriter::Parts goodParts = PngWriter::parts(rgb, false, PngWriter::Mixed);
        auto withBefore = [&](const QByteArray &chunks) {
            PngWriter::Parts parts = goodParts;
            parts.before = chunks;
            return PngWriter::assemble(parts);
        };
        auto qtWritten = [](const QImage &image) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            return bytes;
        };

        QTest::newRow("palette") << qtWritten(rgb.convertToFormat(QImage::Format_Indexed8));
        QTest::newRow("grey") << qtWritten(rgb.convertToFormat(QImage::Format_Grayscale8));
        QTest::newRow("16 bits a channel") << qtWritten(rgb.convertToFormat(QImage::Format_RGBA64));
        {
            PngWriter::Parts parts = goodParts;
            parts.header = PngWriter::header(12, 8, 2, 8, 1);
            QTest::newRow("interlaced") << PngWriter::assemble(parts);
        }
        {
            // Each side at the format's limit: the size in bytes overflowed a 64-bit integer.
            PngWriter::Parts parts = goodParts;
            parts.header = PngWriter::header(0x7fffffff, 0x7fffffff, 6);
            QTest::newRow("2^31-1 pixels a side") << PngWriter::assemble(parts);
        }
        QTest::newRow("sRGB") << withBefore(PngText::chunk("sRGB", QByteArray(1, '\0')));
        QTest::newRow("gamma") << withBefore(PngText::chunk("gAMA", QByteArray("\0\0\xb1\x8f", 4)));
        QTest::newRow("transparent colour")
            << withBefore(PngText::chunk("tRNS", QByteArray("\0\x28\0\xc8\0\x5a", 6)));
        QTest::newRow("EXIF orientation")
            << withBefore(PngText::chunk("eXIf", QByteArray("MM\0\x2a\0\0\0\x08\0\0", 10)));
        QTest::newRow("unknown critical chunk") << withBefore(PngText::chunk("ABCD", "x"));
        QTest::newRow("chunk type not letters") << withBefore(PngText::chunk("pHY\x96", "x"));
        QTest::newRow("bad CRC in IHDR") << withFlippedByte(good, 29);
        QTest::newRow("bad CRC in IDAT") << withFlippedByte(good, firstChunk(good, "IEND") - 1);
        QTest::newRow("damaged image data") << withFlippedByte(good, firstChunk(good, "IDAT") + 12);
        QTest::newRow("no IEND") << good.first(good.size() - 12);
        QTest::newRow("cut in the image data") << good.first(firstChunk(good, "IDAT") + 30);
        {
            PngWriter::Parts parts = goodParts;
            QByteArray rows = PngWriter::filteredRows(rgb, false, PngWriter::Up);
            parts.imageData = { PngWriter::zlib(rows.first(rows.size() - 5)) };
            QTest::newRow("a row short") << PngWriter::assemble(parts);
            parts.imageData = { PngWriter::zlib(rows + QByteArray(37, '\0')) };
            QTest::newRow("more rows than the header") << PngWriter::assemble(parts);
            parts.imageData = { PngWriter::zlib(rows) + QByteArray("junk") };
            QTest::newRow("bytes after the stream") << PngWriter::assemble(parts);
            rows[0] = 5;
            parts.imageData = { PngWriter::zlib(rows) };
            QTest::newRow("unknown filter") << PngWriter::assemble(parts);
        }
        {
            // An IDAT, a text chunk, then the other IDATs: libpng refuses that order.
            const PngWriter::Parts parts = PngWriter::parts(rgb, false, PngWriter::None, 20);
            QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + parts.header
                + PngText::chunk("IDAT", parts.imageData.first())
                + PngText::textChunk("Comment", QStringLiteral("between"));
            for (const QByteArray &data : parts.imageData.sliced(1))
                png += PngText::chunk("IDAT", data);
            QTest::newRow("image data interrupted") << png + PngText::chunk("IEND", {});
        }
        QTest::newRow("a JPEG") << [&] {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            rgb.save(&buffer, "JPEG");
            return bytes;
        }();
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("the signature only") << good.first(8);
    }

    void leftToQtsReader()
    {
        QFETCH(QByteArray, png);
        QVERIFY(FastPng::decode(png, limit).isNull());

        // The device goes back to where it was: QImageReader reads the file as before.
        QBuffer buffer;
        buffer.setData(png);
        buffer.open(QIODevice::ReadOnly);
        const ImageCache::Decoded decoded = ImageCache::decode(&buffer, QSize());
        QBuffer again;
        again.setData(png);
        again.open(QIODevice::ReadOnly);
        QImageReader reader(&again);
        reader.setDecideFormatFromContent(true);
        reader.setAutoTransform(true);
        const QImage expected = reader.read();
        QCOMPARE(decoded.image.isNull(), expected.isNull());
        QCOMPARE(decoded.image, expected);
    }

    void sizeLimit()
    {
        const QByteArray png
            = PngWriter::png(testImage(QSize(64, 32), true, 1), true, PngWriter::Sub);
        QVERIFY(FastPng::decode(png, 64 * 32 * 4).isNull() == false);
        QVERIFY(FastPng::decode(png, 64 * 32 * 4 - 1).isNull());
    }

    // The cache's decode through the quick path: full size, and scaled as before (a whole read,
    // then a smooth scale), from a buffer and from a file.
    void imageCacheDecode()
    {
        const QImage source = testImage(QSize(300, 200), false, 9);
        const QByteArray png = PngWriter::png(source, false, PngWriter::Mixed);
        const QImage expected = qtRead(png);

        QBuffer buffer;
        buffer.setData(png);
        buffer.open(QIODevice::ReadOnly);
        QCOMPARE(ImageCache::decode(&buffer, QSize()).image, expected);

        buffer.seek(0);
        const ImageCache::Decoded scaled = ImageCache::decode(&buffer, QSize(150, 150));
        QCOMPARE(scaled.image.size(), QSize(150, 100));
        QCOMPARE(scaled.image, smoothlyScaled(expected, QSize(150, 100)));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("image.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
        file.close();
        QCOMPARE(ImageCache::decode(path, QSize(150, 150)).image, scaled.image);
        QCOMPARE(ImageCache::decode(path, QSize(1000, 1000)).image, expected); // never enlarged
    }
};

QTEST_GUILESS_MAIN(TestFastPng)
#include "tst_fastpng.moc"
