// ImageMetadata: Easel's JSON embedded in PNG (iTXt), JPEG (APP1 XMP) and WebP (XMP chunk)
// without re-encoding; C2PA chunks of real generated images kept byte for byte; hostile files;
// the standard fields other tools read (PNG Description and Software, XMP dc:description and
// xmp:CreatorTool).
#include "gateway/recordedstream.h"
#include "model/turn.h"
#include "store/imagemetadata.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

QByteArray encodeImage(const char *format, int quality, bool alpha)
{
    QImage image(96, 64, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    image.fill(alpha ? QColor(0, 0, 0, 0) : QColor(Qt::white));
    QPainter painter(&image);
    painter.fillRect(10, 10, 40, 30, QColor(200, 40, 40, alpha ? 128 : 255));
    painter.fillRect(50, 20, 30, 40, QColor(20, 90, 200));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        qWarning() << "cannot encode" << format << writer.errorString();
    return bytes;
}

QImage decode(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    return reader.read();
}

QJsonObject sampleRecord()
{
    return QJsonObject {
        { QStringLiteral("prompt"), QStringLiteral("a <lighthouse> & \"storm\" at dusk — 灯台") },
        { QStringLiteral("n"), 3 },
        { QStringLiteral("nested"),
          QJsonObject { { QStringLiteral("quality"), QStringLiteral("high") } } }
    };
}

// An independent, minimal PNG chunk lister (type + whole chunk bytes) for the order checks.
QList<QPair<QByteArray, QByteArray>> pngChunks(const QByteArray &png)
{
    QList<QPair<QByteArray, QByteArray>> chunks;
    qsizetype pos = 8;
    while (pos + 12 <= png.size()) {
        const auto *p = reinterpret_cast<const uchar *>(png.constData()) + pos;
        const qsizetype length = (qsizetype(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
        chunks.append({ png.mid(pos + 4, 4), png.mid(pos, length + 12) });
        pos += length + 12;
    }
    return chunks;
}

// Whether a chunk is one Easel adds: its record or a standard text key.
bool isAdded(const QPair<QByteArray, QByteArray> &chunk)
{
    if (chunk.first != "tEXt" && chunk.first != "iTXt")
        return false;
    const QByteArray keyword = chunk.second.mid(8).split('\0').constFirst();
    return keyword == "easel" || keyword == "Description" || keyword == "Software";
}

// What QImageReader (Qt's PNG reader, as other tools read them) finds under `key` before it
// decodes any pixel.
QString textBeforeDecoding(const QByteArray &bytes, const QString &key)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    return reader.text(key);
}

// The text of an XMP property element (dc:description's rdf:li, xmp:CreatorTool), read as XML;
// a null string when absent.
QString xmpProperty(const QByteArray &packet, const QString &namespaceUri, const QString &name)
{
    QXmlStreamReader xml(packet);
    bool inside = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.namespaceUri() == namespaceUri && xml.name() == name) {
            inside = true;
            if (name != QLatin1String("description"))
                return xml.readElementText();
        } else if (inside && xml.name() == QLatin1String("li")) {
            return xml.readElementText();
        }
    }
    return {};
}

const QString dcNamespace = QStringLiteral("http://purl.org/dc/elements/1.1/");
const QString xmpToolNamespace = QStringLiteral("http://ns.adobe.com/xap/1.0/");

} // namespace

class TestImageMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << encodeImage("png", -1, false) << QStringLiteral("png");
        QTest::newRow("png alpha") << encodeImage("png", -1, true) << QStringLiteral("png");
        QTest::newRow("jpeg") << encodeImage("jpeg", 85, false) << QStringLiteral("jpeg");
        QTest::newRow("webp lossy (simple VP8)")
            << encodeImage("webp", 80, false) << QStringLiteral("webp");
        QTest::newRow("webp lossless (simple VP8L)")
            << encodeImage("webp", 100, true) << QStringLiteral("webp");
        QTest::newRow("webp lossy alpha (VP8X)")
            << encodeImage("webp", 80, true) << QStringLiteral("webp");
    }
    void roundTrip()
    {
        QFETCH(QByteArray, image);
        QFETCH(QString, format);
        QVERIFY(!image.isEmpty());
        QCOMPARE(ImageMetadata::formatOf(image), format);
        QVERIFY(!ImageMetadata::read(image).found);

        const QJsonObject record = sampleRecord();
        const ImageMetadata::Embedded embedded = ImageMetadata::embed(image, record);
        QVERIFY2(embedded.ok, qPrintable(embedded.error));
        QVERIFY(embedded.bytes.size() > image.size());

        const ImageMetadata::Read read = ImageMetadata::read(embedded.bytes);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.json, record);

        // Not re-encoded: the pixels decode exactly as before.
        const QImage before = decode(image);
        const QImage after = decode(embedded.bytes);
        QVERIFY(!before.isNull());
        QVERIFY(!after.isNull());
        QCOMPARE(after.convertToFormat(QImage::Format_ARGB32),
                 before.convertToFormat(QImage::Format_ARGB32));

        // Embedding again replaces the record instead of adding a second one.
        QJsonObject second = record;
        second.insert(QStringLiteral("n"), 4);
        const ImageMetadata::Embedded again = ImageMetadata::embed(embedded.bytes, second);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(ImageMetadata::read(again.bytes).json, second);
        const QByteArray marker = format == QLatin1String("png")
            ? QByteArrayLiteral("iTXteasel")
            : QByteArray(ImageMetadata::xmpNamespace);
        QCOMPARE(again.bytes.count(marker), embedded.bytes.count(marker));
        // Sizes differ only by the record's change ("3" -> "4"), not by a second record.
        QVERIFY(qAbs(again.bytes.size() - embedded.bytes.size()) <= 2);
        QVERIFY(!decode(again.bytes).isNull());
    }

    void webpBecomesExtended()
    {
        const QByteArray simple = encodeImage("webp", 80, false);
        QCOMPARE(simple.mid(12, 4), QByteArrayLiteral("VP8 "));
        const ImageMetadata::Embedded e = ImageMetadata::embed(simple, sampleRecord());
        QVERIFY2(e.ok, qPrintable(e.error));
        QCOMPARE(e.bytes.mid(12, 4), QByteArrayLiteral("VP8X"));
        QVERIFY(uchar(e.bytes.at(20)) & 0x04); // XMP flag
        const auto *p = reinterpret_cast<const uchar *>(e.bytes.constData());
        QCOMPARE(qsizetype(p[4] | (p[5] << 8) | (p[6] << 16) | (quint32(p[7]) << 24)),
                 e.bytes.size() - 8);
        QCOMPARE((p[24] | (p[25] << 8) | (p[26] << 16)) + 1, 96); // canvas width
        QCOMPARE((p[27] | (p[28] << 8) | (p[29] << 16)) + 1, 64); // canvas height
        // The original VP8 chunk follows unchanged.
        QVERIFY(e.bytes.contains(simple.mid(12)));
    }

    void pngKeepsEveryChunkInOrder()
    {
        const QByteArray png = encodeImage("png", -1, false);
        const ImageMetadata::Embedded e = ImageMetadata::embed(png, sampleRecord());
        QVERIFY(e.ok);
        auto before = pngChunks(png);
        auto after = pngChunks(e.bytes);
        QCOMPARE(after.size(), before.size() + 3);
        // Description, Software and the record just before the first IDAT, where every reader
        // looks (exiftool warns of text after the image data).
        qsizetype idat = 0;
        while (after.at(idat).first != "IDAT")
            ++idat;
        QVERIFY(after.at(idat - 3).second.mid(8).startsWith("Description\0"));
        QCOMPARE(after.at(idat - 2).first, QByteArrayLiteral("tEXt"));
        QCOMPARE(after.at(idat - 2).second.mid(4, 18), QByteArrayLiteral("tEXtSoftware\0Easel"));
        QCOMPARE(after.at(idat - 2).second.size(), 12 + 14);
        QCOMPARE(after.at(idat - 1).first, QByteArrayLiteral("iTXt"));
        QVERIFY(after.at(idat - 1).second.mid(8).startsWith("easel\0"));
        after.removeIf(isAdded);
        QCOMPARE(after, before);
    }

    // The prompt where Finder, Bridge, digiKam, exiftool and Windows look for a description, and
    // Easel as the software: PNG text keys that QImageReader reads before decoding the image.
    void pngStandardKeys_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QByteArray>("chunkType");
        QTest::newRow("Latin-1: tEXt")
            << QStringLiteral("a café at dusk, \"watercolour\"") << QByteArrayLiteral("tEXt");
        QTest::newRow("Unicode: iTXt") << sampleRecord().value(QLatin1String("prompt")).toString()
                                       << QByteArrayLiteral("iTXt");
        QTest::newRow("lines") << QStringLiteral("line one\nline two") << QByteArrayLiteral("tEXt");
        QTest::newRow("long") << QStringLiteral("a fox ").repeated(4000).trimmed()
                              << QByteArrayLiteral("tEXt");
    }
    void pngStandardKeys()
    {
        QFETCH(QString, prompt);
        QFETCH(QByteArray, chunkType);
        QJsonObject record = sampleRecord();
        record.insert(QStringLiteral("prompt"), prompt);
        const QByteArray png = encodeImage("png", -1, true);
        const ImageMetadata::Embedded e = ImageMetadata::embed(png, record);
        QVERIFY2(e.ok, qPrintable(e.error));
        // QImageReader folds the text's whitespace (line breaks) into single spaces.
        QCOMPARE(textBeforeDecoding(e.bytes, QStringLiteral("Description")), prompt.simplified());
        QCOMPARE(textBeforeDecoding(e.bytes, QStringLiteral("Software")), QStringLiteral("Easel"));
        QByteArray type;
        QByteArray text; // as stored: Latin-1 after "Description\0", or UTF-8 after iTXt's header
        for (const auto &chunk : pngChunks(e.bytes)) {
            const QByteArray data = chunk.second.mid(8, chunk.second.size() - 12);
            if (data.startsWith("Description\0")) {
                type = chunk.first;
                text = data.mid(qsizetype(sizeof("Description")) + (type == "iTXt" ? 4 : 0));
            }
        }
        QCOMPARE(type, chunkType);
        QCOMPARE(text, type == "iTXt" ? prompt.toUtf8() : prompt.toLatin1());
        QCOMPARE(ImageMetadata::read(e.bytes).json, record); // the record reads back as before

        // Again with another prompt: each key once, with the new text; pixels untouched.
        record.insert(QStringLiteral("prompt"), QStringLiteral("second prompt"));
        const ImageMetadata::Embedded again = ImageMetadata::embed(e.bytes, record);
        QVERIFY2(again.ok, qPrintable(again.error));
        int descriptions = 0;
        int software = 0;
        for (const auto &chunk : pngChunks(again.bytes)) {
            descriptions += chunk.second.mid(8).startsWith("Description\0") ? 1 : 0;
            software += chunk.second.mid(8).startsWith("Software\0") ? 1 : 0;
        }
        QCOMPARE(descriptions, 1);
        QCOMPARE(software, 1);
        QCOMPARE(textBeforeDecoding(again.bytes, QStringLiteral("Description")),
                 QStringLiteral("second prompt"));
        QCOMPARE(decode(again.bytes), decode(png));
    }

    void pngWithoutPromptHasNoDescription()
    {
        QJsonObject record = sampleRecord();
        record.remove(QStringLiteral("prompt"));
        const ImageMetadata::Embedded e
            = ImageMetadata::embed(encodeImage("png", -1, false), record);
        QVERIFY2(e.ok, qPrintable(e.error));
        QVERIFY(!e.bytes.contains("Description"));
        QCOMPARE(textBeforeDecoding(e.bytes, QStringLiteral("Software")), QStringLiteral("Easel"));
    }

    // JPEG and WebP carry the same two fields in their XMP packet, beside Easel's record.
    void xmpStandardProperties_data()
    {
        QTest::addColumn<QByteArray>("image");
        QTest::newRow("jpeg") << encodeImage("jpeg", 85, false);
        QTest::newRow("webp") << encodeImage("webp", 80, false);
    }
    void xmpStandardProperties()
    {
        QFETCH(QByteArray, image);
        QJsonObject record = sampleRecord();
        // XML-special characters and a control character XML 1.0 does not allow.
        const QString prompt = record.value(QLatin1String("prompt")).toString();
        record.insert(QStringLiteral("prompt"), QString(prompt + QStringLiteral("\x01!")));
        const ImageMetadata::Embedded e = ImageMetadata::embed(image, record);
        QVERIFY2(e.ok, qPrintable(e.error));
        const qsizetype start = e.bytes.indexOf("<?xpacket begin");
        const qsizetype end = e.bytes.indexOf("<?xpacket end=\"r\"?>");
        QVERIFY(start > 0 && end > start);
        const QByteArray packet = e.bytes.mid(start, end + 19 - start);
        QCOMPARE(xmpProperty(packet, dcNamespace, QStringLiteral("description")),
                 prompt + QStringLiteral("!"));
        QCOMPARE(xmpProperty(packet, xmpToolNamespace, QStringLiteral("CreatorTool")),
                 QStringLiteral("Easel"));
        const ImageMetadata::Read read = ImageMetadata::read(e.bytes);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.json, record);
    }

    // A prompt too long for one JPEG segment twice over goes in the record only.
    void jpegLongPromptOnlyInRecord()
    {
        QJsonObject record = sampleRecord();
        const QString prompt = QStringLiteral("a fox ").repeated(6000);
        record.insert(QStringLiteral("prompt"), prompt);
        const ImageMetadata::Embedded e
            = ImageMetadata::embed(encodeImage("jpeg", 85, false), record);
        QVERIFY2(e.ok, qPrintable(e.error));
        QVERIFY(!e.bytes.contains("dc:description"));
        QVERIFY(e.bytes.contains("<xmp:CreatorTool>Easel</xmp:CreatorTool>"));
        QCOMPARE(ImageMetadata::promptFrom(ImageMetadata::read(e.bytes).json), prompt);
    }

    void recordedPngWithC2pa()
    {
        if (!QDir(QStringLiteral(EASEL_FIXTURES_DIR)).exists())
            QSKIP("The recorded fixtures folder (../shared/fixtures/recorded) is absent.");
        const QByteArray png
            = RecordedStream::image(QStringLiteral("openai-responses-image-png.response.json"));
        QCOMPARE(png.size(), qsizetype(1653343));
        const auto before = pngChunks(png);
        QByteArray caBX;
        for (const auto &chunk : before) {
            if (chunk.first == "caBX")
                caBX = chunk.second;
        }
        QVERIFY2(!caBX.isEmpty(), "the recorded PNG should carry a C2PA caBX chunk");

        const ImageMetadata::Embedded e = ImageMetadata::embed(png, sampleRecord());
        QVERIFY2(e.ok, qPrintable(e.error));
        auto after = pngChunks(e.bytes);
        QCOMPARE(after.size(), before.size() + 3);
        int caBXCount = 0;
        for (const auto &chunk : after) {
            if (chunk.first == "caBX") {
                QCOMPARE(chunk.second, caBX); // byte-identical manifest
                ++caBXCount;
            }
        }
        QCOMPARE(caBXCount, 1);
        after.removeIf(isAdded); // our record and the Description and Software keys
        QCOMPARE(after, before);
        // Exactly the original bytes with chunks inserted before the first IDAT.
        qsizetype idat = 8; // where the first IDAT chunk starts
        for (qsizetype i = 0; before.at(i).first != "IDAT"; ++i)
            idat += before.at(i).second.size();
        QVERIFY(e.bytes.startsWith(png.left(idat)));
        QVERIFY(e.bytes.endsWith(png.mid(idat)));
        QCOMPARE(textBeforeDecoding(e.bytes, QStringLiteral("Description")),
                 sampleRecord().value(QLatin1String("prompt")).toString());
        const ImageMetadata::Read read = ImageMetadata::read(e.bytes);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.json, sampleRecord());
    }

    void recordedJpeg()
    {
        if (!QDir(QStringLiteral(EASEL_FIXTURES_DIR)).exists())
            QSKIP("The recorded fixtures folder (../shared/fixtures/recorded) is absent.");
        const QByteArray jpeg
            = RecordedStream::image(QStringLiteral("openai-responses-image-jpeg.response.json"));
        QCOMPARE(jpeg.size(), qsizetype(140908));
        // SOI (2) + APP0 (2 + 16): our APP1 goes right after, before the APP11 (JUMBF/C2PA).
        const qsizetype prefix = 2 + 2 + 16;
        QCOMPARE(jpeg.mid(prefix, 2), QByteArrayLiteral("\xff\xeb"));
        const ImageMetadata::Embedded e = ImageMetadata::embed(jpeg, sampleRecord());
        QVERIFY2(e.ok, qPrintable(e.error));
        QVERIFY(e.bytes.startsWith(jpeg.left(prefix)));
        QVERIFY(e.bytes.endsWith(jpeg.mid(prefix))); // APP11 and everything after: untouched
        QCOMPARE(e.bytes.mid(prefix, 2), QByteArrayLiteral("\xff\xe1"));
        const ImageMetadata::Read read = ImageMetadata::read(e.bytes);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.json, sampleRecord());
        QCOMPARE(decode(e.bytes), decode(jpeg));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("embedOk");
        const QByteArray png = encodeImage("png", -1, false);
        const QByteArray jpeg = encodeImage("jpeg", 85, false);
        const QByteArray webp = encodeImage("webp", 80, false);
        const QByteArray sig = png.left(8);
        auto pngChunk = [](quint32 length, const QByteArray &type) {
            QByteArray c;
            c.append(char(length >> 24)).append(char(length >> 16)).append(char(length >> 8));
            c.append(char(length)).append(type).append(8, 'x');
            return c;
        };

        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("zero bytes") << QByteArray(1000, '\0') << false;
        QTest::newRow("not an image") << QByteArrayLiteral("hello, world") << false;
        QTest::newRow("png signature only") << sig << false;
        QTest::newRow("png truncated mid-chunk") << png.left(png.size() / 2) << false;
        QTest::newRow("png without IEND") << png.left(png.size() - 12) << false;
        QTest::newRow("png length 0xffffffff") << sig + pngChunk(0xffffffffu, "IHDR") << false;
        QTest::newRow("png length 0x7fffffff") << sig + pngChunk(0x7fffffffu, "IHDR") << false;
        QTest::newRow("png junk chunk type") << sig + pngChunk(0, "\x01\x02\x03\x04") << false;
        QByteArray badCrc = png;
        badCrc[29] = char(badCrc.at(29) ^ 0xff); // IHDR CRC: kept as is, not our business
        QTest::newRow("png bad crc") << badCrc << true;
        QTest::newRow("jpeg SOI only") << QByteArrayLiteral("\xff\xd8\xff") << false;
        QTest::newRow("jpeg truncated header") << jpeg.left(30) << false;
        QTest::newRow("jpeg segment length 0")
            << QByteArrayLiteral("\xff\xd8\xff\xe0\x00\x00JFIF") << false;
        QTest::newRow("jpeg segment length huge")
            << QByteArrayLiteral("\xff\xd8\xff\xe1\xff\xff\x00\x00") << false;
        QTest::newRow("jpeg no marker")
            << QByteArrayLiteral("\xff\xd8\xff\xe0\x00\x04\x00\x00xx") << false;
        QTest::newRow("jpeg truncated in scan data") << jpeg.left(jpeg.size() - 100) << true;
        QByteArray riffHuge = webp;
        riffHuge[4] = riffHuge[5] = riffHuge[6] = riffHuge[7] = '\xff';
        QTest::newRow("webp riff size huge") << riffHuge << false;
        QByteArray chunkHuge = webp;
        chunkHuge[16] = chunkHuge[17] = chunkHuge[18] = chunkHuge[19] = '\xff';
        QTest::newRow("webp chunk size huge") << chunkHuge << false;
        QTest::newRow("webp header only") << webp.left(12) << false;
        QTest::newRow("webp truncated") << webp.left(webp.size() - 7) << false;
        QByteArray tinyVp8 = QByteArrayLiteral("RIFF\x0e\x00\x00\x00WEBPVP8 \x02\x00\x00\x00ab");
        QTest::newRow("webp vp8 header too short") << tinyVp8 << false;
    }
    void hostile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, embedOk);
        const ImageMetadata::Embedded e = ImageMetadata::embed(bytes, sampleRecord());
        QCOMPARE(e.ok, embedOk);
        if (!e.ok) {
            QVERIFY(!e.error.isEmpty());
            QVERIFY(e.bytes.isEmpty());
        } else {
            QCOMPARE(ImageMetadata::read(e.bytes).json, sampleRecord());
        }
        const ImageMetadata::Read r = ImageMetadata::read(bytes);
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
    }

    // Every prefix of an embedded file: parsing never reads past the end (ASan/valgrind clean).
    void everyTruncation_data()
    {
        QTest::addColumn<QByteArray>("image");
        QTest::newRow("png") << encodeImage("png", -1, false);
        QTest::newRow("jpeg") << encodeImage("jpeg", 85, false);
        QTest::newRow("webp") << encodeImage("webp", 80, true);
    }
    void everyTruncation()
    {
        QFETCH(QByteArray, image);
        const QByteArray full = ImageMetadata::embed(image, sampleRecord()).bytes;
        QVERIFY(!full.isEmpty());
        int readable = 0;
        for (qsizetype n = 0; n < full.size(); ++n) {
            const QByteArray cut(full.constData(), n); // a deep copy: exact bounds
            const ImageMetadata::Read r = ImageMetadata::read(cut);
            if (r.ok)
                ++readable;
            else
                QVERIFY(!r.error.isEmpty());
            if (n % 7 == 0) {
                const ImageMetadata::Embedded e = ImageMetadata::embed(cut, sampleRecord());
                QCOMPARE(e.error.isEmpty(), e.ok);
            }
        }
        // Only a JPEG cut inside its scan data still carries a readable record.
        QVERIFY(readable < full.size());
    }

    // Random byte flips and length-field damage (fixed seed, so failures reproduce).
    void randomCorruption_data() { everyTruncation_data(); }
    void randomCorruption()
    {
        QFETCH(QByteArray, image);
        const QByteArray full = ImageMetadata::embed(image, sampleRecord()).bytes;
        QRandomGenerator random(4242);
        for (int round = 0; round < 400; ++round) {
            QByteArray damaged = full;
            const int flips = 1 + int(random.bounded(4));
            for (int i = 0; i < flips; ++i)
                damaged[random.bounded(int(damaged.size()))] = char(random.bounded(256));
            const ImageMetadata::Read r = ImageMetadata::read(damaged);
            QCOMPARE(r.error.isEmpty(), r.ok);
            const ImageMetadata::Embedded e = ImageMetadata::embed(damaged, sampleRecord());
            QCOMPARE(e.error.isEmpty(), e.ok);
            if (e.ok)
                QCOMPARE(ImageMetadata::read(e.bytes).json, sampleRecord());
        }
    }

    void damagedRecord()
    {
        const QByteArray png = encodeImage("png", -1, false);
        // Hand-made iTXt with non-JSON text.
        const QByteArray fake = ImageMetadata::embed(png, sampleRecord()).bytes;
        QByteArray broken = fake;
        const qsizetype at = broken.indexOf("{\"n\"");
        QVERIFY(at > 0);
        broken[at] = 'X';
        const ImageMetadata::Read r = ImageMetadata::read(broken);
        QVERIFY(r.found);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("damaged")), qPrintable(r.error));

        const ImageMetadata::Read xml = ImageMetadata::readXmpPacket(
            QByteArrayLiteral("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><unclosed"));
        QVERIFY(!xml.ok);
        QVERIFY(!xml.error.isEmpty());
    }

    void describeAndRestore()
    {
        Turn turn;
        turn.id = QStringLiteral("turn-1");
        turn.prompt = QStringLiteral("a red fox in snow");
        turn.providerId = QStringLiteral("openai");
        turn.chatModel = QStringLiteral("gpt-5");
        turn.requested.imageModel = QStringLiteral("gpt-image-1");
        turn.requested.quality = QStringLiteral("high");
        turn.requested.size = QStringLiteral("1536x1024");
        turn.requested.background = QStringLiteral("opaque");
        turn.requested.outputFormat = QStringLiteral("jpeg");
        turn.requested.outputCompression = 70;
        turn.requested.partialImages = 1;
        turn.responseId = QStringLiteral("resp_123");
        turn.usage.inputTokens = 1200;
        turn.usage.outputTokens = 4500;
        turn.cost.usd = 0.25;
        turn.cost.basis = Cost::Basis::Estimated;
        turn.startedAt = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
        ImageAsset image;
        image.itemId = QStringLiteral("ig_9");
        image.report.size = QStringLiteral("1536x1024");
        image.report.quality = QStringLiteral("high");
        image.report.revisedPrompt = QStringLiteral("A red fox standing in fresh snow");

        const QJsonObject record = ImageMetadata::describe(turn, image);
        QCOMPARE(record.value(QLatin1String("prompt")).toString(), turn.prompt);
        QCOMPARE(record.value(QLatin1String("revised_prompt")).toString(),
                 image.report.revisedPrompt);
        QCOMPARE(record.value(QLatin1String("provider")).toString(), QStringLiteral("openai"));
        QCOMPARE(record.value(QLatin1String("chat_model")).toString(), QStringLiteral("gpt-5"));
        QCOMPARE(record.value(QLatin1String("image_model")).toString(),
                 QStringLiteral("gpt-image-1"));
        QCOMPARE(record.value(QLatin1String("response_id")).toString(), QStringLiteral("resp_123"));
        QCOMPARE(record.value(QLatin1String("item_id")).toString(), QStringLiteral("ig_9"));
        QCOMPARE(record.value(QLatin1String("turn_id")).toString(), QStringLiteral("turn-1"));
        QCOMPARE(record.value(QLatin1String("timestamp")).toString(),
                 QStringLiteral("2026-03-04T05:06:07.000Z"));
        QVERIFY(!record.value(QLatin1String("easel_version")).toString().isEmpty());
        QCOMPARE(Usage::fromJson(record.value(QLatin1String("usage")).toObject()), turn.usage);
        QCOMPARE(Cost::fromJson(record.value(QLatin1String("cost")).toObject()), turn.cost);
        QCOMPARE(ImageReport::fromJson(record.value(QLatin1String("actual")).toObject()),
                 image.report);

        // Through a real file and back.
        const QByteArray saved = ImageMetadata::embed(encodeImage("jpeg", 80, false), record).bytes;
        const ImageMetadata::Read read = ImageMetadata::read(saved);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(ImageMetadata::paramsFrom(read.json), turn.requested);
        QCOMPARE(ImageMetadata::promptFrom(read.json), turn.prompt);
    }
};

QTEST_GUILESS_MAIN(TestImageMetadata)
#include "tst_imagemetadata.moc"
