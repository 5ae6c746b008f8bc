#include "imagemetadata.h"

#include "model/turn.h"
#include "pngtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>
#include <QXmlStreamReader>

namespace {

const QByteArray pngSignature = QByteArrayLiteral("\x89PNG\r\n\x1a\n");
const QByteArray xmpHeader = QByteArrayLiteral("http://ns.adobe.com/xap/1.0/\0");
// A JPEG segment length is 16 bits and counts itself.
constexpr qsizetype maxJpegSegmentData = 0xffff - 2;

quint32 readBe32(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + at;
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}
quint32 readBe16(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + at;
    return (quint32(p[0]) << 8) | quint32(p[1]);
}
quint32 readLe32(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData()) + at;
    return (quint32(p[3]) << 24) | (quint32(p[2]) << 16) | (quint32(p[1]) << 8) | quint32(p[0]);
}
void appendLe32(QByteArray &out, quint32 v)
{
    out.append(char(v)).append(char(v >> 8)).append(char(v >> 16)).append(char(v >> 24));
}
void appendLe24(QByteArray &out, quint32 v)
{
    out.append(char(v)).append(char(v >> 8)).append(char(v >> 16));
}

struct Chunk
{
    qsizetype offset = 0; // first byte of the chunk (or segment) in the file
    qsizetype size = 0; // whole chunk, header and checksum/padding included
    QByteArray type; // PNG/WebP four-character code; JPEG: the marker byte
    qsizetype dataOffset = 0;
    qsizetype dataSize = 0;
};

QByteArray dataOf(const QByteArray &file, const Chunk &chunk)
{
    return file.mid(chunk.dataOffset, chunk.dataSize);
}

ImageMetadata::Read parseJson(const QByteArray &text, const QString &where)
{
    ImageMetadata::Read r;
    r.found = true;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        r.error = ImageMetadata::tr("The Easel settings in this %1 are damaged (%2).")
                      .arg(where,
                           doc.isObject() ? error.errorString()
                                          : ImageMetadata::tr("not a JSON object"));
        return r;
    }
    r.ok = true;
    r.json = doc.object();
    return r;
}

ImageMetadata::Read failure(const QString &error)
{
    ImageMetadata::Read r;
    r.error = error;
    return r;
}

ImageMetadata::Embedded embedFailure(const QString &error)
{
    ImageMetadata::Embedded e;
    e.error = error;
    return e;
}

ImageMetadata::Read notFound(const QString &format)
{
    ImageMetadata::Read r;
    r.error = ImageMetadata::tr("This %1 carries no Easel settings.").arg(format);
    return r;
}

// ---- PNG ----

QString scanPng(const QByteArray &b, QList<Chunk> &chunks, qsizetype &end)
{
    if (!b.startsWith(pngSignature))
        return ImageMetadata::tr("This is not a PNG file.");
    qsizetype pos = pngSignature.size();
    bool sawEnd = false;
    while (pos < b.size()) {
        if (b.size() - pos < 12)
            return ImageMetadata::tr(
                       "The PNG file is truncated: the chunk at byte %1 is cut short.")
                .arg(pos);
        const quint32 length = readBe32(b, pos);
        if (length > 0x7fffffffu)
            return ImageMetadata::tr("The PNG file is damaged: a chunk at byte %1 claims an "
                                     "impossible length.")
                .arg(pos);
        if (qint64(length) > qint64(b.size() - pos - 12))
            return ImageMetadata::tr("The PNG file is truncated: the chunk at byte %1 claims %2 "
                                     "bytes but only %3 remain.")
                .arg(pos)
                .arg(length)
                .arg(b.size() - pos - 12);
        Chunk c { pos, qsizetype(length) + 12, b.mid(pos + 4, 4), pos + 8, qsizetype(length) };
        for (const char ch : c.type) {
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
                return ImageMetadata::tr("The PNG file is damaged: byte %1 does not start a chunk.")
                    .arg(pos);
        }
        chunks.append(c);
        pos += c.size;
        if (c.type == "IEND") {
            sawEnd = true;
            break;
        }
    }
    if (!sawEnd)
        return ImageMetadata::tr("The PNG file is truncated: it has no IEND chunk.");
    if (chunks.first().type != "IHDR")
        return ImageMetadata::tr("The PNG file is damaged: it does not start with an IHDR chunk.");
    end = pos;
    return {};
}

bool isEaselText(const QByteArray &file, const Chunk &c)
{
    const QByteArray keyword = QByteArray(ImageMetadata::pngKeyword) + '\0';
    return c.type == "iTXt" && c.dataSize >= keyword.size()
        && file.mid(c.dataOffset, keyword.size()) == keyword;
}

// A Description or Software text chunk: Easel writes its own, and a file with two of a key
// leaves each reader to pick one.
bool isStandardText(const QByteArray &file, const Chunk &c)
{
    const QByteArray keyword
        = PngText::keywordOf(c.type, file.mid(c.dataOffset, qMin<qsizetype>(c.dataSize, 80)));
    return keyword == ImageMetadata::pngDescriptionKey || keyword == ImageMetadata::pngSoftwareKey;
}

// ---- JPEG ----

// Walks the segments up to the start of scan (SOS); everything from SOS on is entropy-coded
// data that is copied untouched. `scanStart` is the offset of the SOS segment.
QString scanJpeg(const QByteArray &b, QList<Chunk> &segments, qsizetype &scanStart)
{
    if (!b.startsWith("\xff\xd8"))
        return ImageMetadata::tr("This is not a JPEG file.");
    segments.append({ 0, 2, QByteArray(1, '\xd8'), 2, 0 });
    qsizetype pos = 2;
    for (;;) {
        const qsizetype start = pos;
        if (pos >= b.size())
            return ImageMetadata::tr("The JPEG file is truncated: it ends before the image data.");
        if (uchar(b.at(pos)) != 0xff)
            return ImageMetadata::tr("The JPEG file is damaged: no marker at byte %1.").arg(pos);
        while (pos + 1 < b.size() && uchar(b.at(pos + 1)) == 0xff)
            ++pos; // fill bytes
        if (pos + 1 >= b.size())
            return ImageMetadata::tr("The JPEG file is truncated: it ends before the image data.");
        const uchar marker = uchar(b.at(pos + 1));
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
            segments.append({ start, pos + 2 - start, QByteArray(1, char(marker)), pos + 2, 0 });
            pos += 2;
            continue;
        }
        if (marker == 0x00 || marker == 0xd8 || marker == 0xd9)
            return ImageMetadata::tr("The JPEG file is damaged: unexpected marker at byte %1.")
                .arg(pos);
        if (b.size() - pos < 4)
            return ImageMetadata::tr("The JPEG file is truncated at byte %1.").arg(pos);
        const qsizetype length = readBe16(b, pos + 2);
        if (length < 2)
            return ImageMetadata::tr("The JPEG file is damaged: a segment at byte %1 has a bad "
                                     "length.")
                .arg(pos);
        if (length > b.size() - pos - 2)
            return ImageMetadata::tr("The JPEG file is truncated: the segment at byte %1 claims %2 "
                                     "bytes but only %3 remain.")
                .arg(pos)
                .arg(length)
                .arg(b.size() - pos - 2);
        const Chunk c { start, pos + 2 + length - start, QByteArray(1, char(marker)), pos + 4,
                        length - 2 };
        if (marker == 0xda) {
            scanStart = start;
            return {};
        }
        segments.append(c);
        pos += 2 + length;
    }
}

bool isXmpSegment(const QByteArray &file, const Chunk &c)
{
    return c.type.at(0) == '\xe1' && c.dataSize >= xmpHeader.size()
        && file.mid(c.dataOffset, xmpHeader.size()) == xmpHeader;
}

bool holdsEaselXmp(const QByteArray &data)
{
    return data.contains(ImageMetadata::xmpNamespace);
}

// ---- WebP ----

QString scanWebp(const QByteArray &b, QList<Chunk> &chunks, qsizetype &end)
{
    if (b.size() < 12 || !b.startsWith("RIFF") || b.mid(8, 4) != "WEBP")
        return ImageMetadata::tr("This is not a WebP file.");
    const quint32 riffSize = readLe32(b, 4);
    if (riffSize < 4 || qint64(riffSize) > qint64(b.size()) - 8)
        return ImageMetadata::tr("The WebP file is truncated: it claims %1 bytes but has %2.")
            .arg(qint64(riffSize) + 8)
            .arg(b.size());
    end = 8 + qsizetype(riffSize);
    qsizetype pos = 12;
    while (pos < end) {
        if (end - pos < 8)
            return ImageMetadata::tr(
                       "The WebP file is truncated: the chunk at byte %1 is cut short.")
                .arg(pos);
        const qint64 size = readLe32(b, pos + 4);
        const qint64 padded = size + (size & 1);
        if (padded > qint64(end - pos - 8))
            return ImageMetadata::tr("The WebP file is truncated: the chunk at byte %1 claims %2 "
                                     "bytes but only %3 remain.")
                .arg(pos)
                .arg(size)
                .arg(end - pos - 8);
        chunks.append({ pos, qsizetype(padded) + 8, b.mid(pos, 4), pos + 8, qsizetype(size) });
        pos += 8 + qsizetype(padded);
    }
    if (chunks.isEmpty())
        return ImageMetadata::tr("The WebP file is damaged: it holds no image data.");
    return {};
}

// The VP8X header of a simple (VP8 or VP8L) file: canvas size and alpha read from the bitstream.
QString vp8xFor(const QByteArray &b, const Chunk &image, QByteArray &vp8x)
{
    quint32 width = 0;
    quint32 height = 0;
    bool alpha = false;
    if (image.type == "VP8 ") {
        if (image.dataSize < 10 || b.mid(image.dataOffset + 3, 3) != "\x9d\x01\x2a")
            return ImageMetadata::tr("The WebP file is damaged: its VP8 header is invalid.");
        const auto *p = reinterpret_cast<const uchar *>(b.constData()) + image.dataOffset;
        width = (quint32(p[6]) | (quint32(p[7]) << 8)) & 0x3fff;
        height = (quint32(p[8]) | (quint32(p[9]) << 8)) & 0x3fff;
    } else if (image.type == "VP8L") {
        if (image.dataSize < 5 || b.at(image.dataOffset) != '\x2f')
            return ImageMetadata::tr("The WebP file is damaged: its VP8L header is invalid.");
        const quint32 bits = readLe32(b, image.dataOffset + 1);
        width = (bits & 0x3fff) + 1;
        height = ((bits >> 14) & 0x3fff) + 1;
        alpha = (bits >> 28) & 1;
    } else {
        return ImageMetadata::tr("The WebP file is damaged: it does not start with image data.");
    }
    if (width == 0 || height == 0)
        return ImageMetadata::tr("The WebP file is damaged: its image has no size.");
    vp8x = QByteArrayLiteral("VP8X");
    appendLe32(vp8x, 10);
    vp8x.append(char(0x04 | (alpha ? 0x10 : 0))).append(3, '\0');
    appendLe24(vp8x, width - 1);
    appendLe24(vp8x, height - 1);
    return {};
}

} // namespace

QString ImageMetadata::formatOf(const QByteArray &image)
{
    if (image.startsWith(pngSignature))
        return QStringLiteral("png");
    if (image.startsWith("\xff\xd8\xff"))
        return QStringLiteral("jpeg");
    if (image.size() >= 12 && image.startsWith("RIFF") && image.mid(8, 4) == "WEBP")
        return QStringLiteral("webp");
    return {};
}

ImageMetadata::Embedded ImageMetadata::embed(const QByteArray &image, const QJsonObject &json)
{
    const QString format = formatOf(image);
    if (format == QLatin1String("png"))
        return embedPng(image, QJsonDocument(json).toJson(QJsonDocument::Compact),
                        promptFrom(json));
    if (format == QLatin1String("jpeg")) {
        // One JPEG segment holds 64 KB: a prompt that long goes in Easel's record only.
        const QByteArray packet = xmpPacket(json);
        return embedJpeg(image,
                         xmpHeader.size() + packet.size() > maxJpegSegmentData
                             ? xmpPacket(json, false)
                             : packet);
    }
    if (format == QLatin1String("webp"))
        return embedWebp(image, xmpPacket(json));
    return embedFailure(
        ImageMetadata::tr("Settings can only be saved into PNG, JPEG or WebP files."));
}

ImageMetadata::Read ImageMetadata::read(const QByteArray &image)
{
    const QString format = formatOf(image);
    if (format == QLatin1String("png"))
        return readPng(image);
    if (format == QLatin1String("jpeg"))
        return readJpeg(image);
    if (format == QLatin1String("webp"))
        return readWebp(image);
    return failure(ImageMetadata::tr("This is not a PNG, JPEG or WebP image."));
}

ImageMetadata::Embedded ImageMetadata::embedPng(const QByteArray &image, const QByteArray &json,
                                                const QString &description)
{
    QList<Chunk> chunks;
    qsizetype end = 0;
    const QString error = scanPng(image, chunks, end);
    if (!error.isEmpty())
        return embedFailure(error);

    const QByteArray record
        = PngText::chunk(QByteArrayLiteral("iTXt"), PngText::itxtData(pngKeyword, json));
    // Every text chunk goes before the image data, where every reader finds it (some, like
    // QImageReader::text() before the image is read, look nowhere else, and exiftool warns of
    // text after IDAT).
    QByteArray text;
    if (!description.isEmpty())
        text.append(PngText::textChunk(pngDescriptionKey, description));
    text.append(PngText::textChunk(pngSoftwareKey, QString::fromLatin1(softwareName)));
    text.append(record);

    Embedded e;
    e.bytes.reserve(image.size() + text.size());
    e.bytes.append(pngSignature);
    for (const Chunk &c : std::as_const(chunks)) {
        if (!text.isEmpty() && (c.type == "IDAT" || c.type == "IEND")) {
            e.bytes.append(text);
            text.clear();
        }
        if (!isEaselText(image, c) && !isStandardText(image, c))
            e.bytes.append(image.constData() + c.offset, c.size);
    }
    e.bytes.append(image.mid(end)); // anything after IEND stays as it was
    e.ok = true;
    return e;
}

ImageMetadata::Read ImageMetadata::readPng(const QByteArray &image)
{
    QList<Chunk> chunks;
    qsizetype end = 0;
    const QString error = scanPng(image, chunks, end);
    if (!error.isEmpty())
        return failure(error);
    for (const Chunk &c : std::as_const(chunks)) {
        if (!isEaselText(image, c))
            continue;
        const QByteArray data = dataOf(image, c);
        const qsizetype keywordEnd = qsizetype(qstrlen(pngKeyword)) + 1;
        if (data.size() < keywordEnd + 2)
            return failure(ImageMetadata::tr("The Easel settings in this PNG are cut short."));
        if (data.at(keywordEnd) != '\0')
            return failure(ImageMetadata::tr("The Easel settings in this PNG are compressed, which "
                                             "this version of Easel does not read."));
        const qsizetype language = data.indexOf('\0', keywordEnd + 2);
        const qsizetype translated = language < 0 ? -1 : data.indexOf('\0', language + 1);
        if (translated < 0)
            return failure(ImageMetadata::tr("The Easel settings in this PNG are cut short."));
        return parseJson(data.mid(translated + 1), QStringLiteral("PNG"));
    }
    return notFound(QStringLiteral("PNG"));
}

ImageMetadata::Embedded ImageMetadata::embedJpeg(const QByteArray &image, const QByteArray &packet)
{
    QList<Chunk> segments;
    qsizetype scanStart = 0;
    const QString error = scanJpeg(image, segments, scanStart);
    if (!error.isEmpty())
        return embedFailure(error);
    if (xmpHeader.size() + packet.size() > maxJpegSegmentData)
        return embedFailure(
            ImageMetadata::tr("The settings are too large for a JPEG XMP segment."));

    QByteArray app1 = QByteArrayLiteral("\xff\xe1");
    const qsizetype length = 2 + xmpHeader.size() + packet.size();
    app1.append(char(length >> 8)).append(char(length & 0xff));
    app1.append(xmpHeader).append(packet);

    Embedded e;
    e.bytes.reserve(image.size() + app1.size());
    bool inserted = false;
    for (const Chunk &c : std::as_const(segments)) {
        const uchar marker = uchar(c.type.at(0));
        if (!inserted && marker != 0xd8 && marker != 0xe0) {
            e.bytes.append(app1);
            inserted = true;
        }
        if (isXmpSegment(image, c) && holdsEaselXmp(dataOf(image, c)))
            continue; // our earlier record: replaced, not doubled
        e.bytes.append(image.constData() + c.offset, c.size);
    }
    if (!inserted)
        e.bytes.append(app1);
    e.bytes.append(image.mid(scanStart));
    e.ok = true;
    return e;
}

ImageMetadata::Read ImageMetadata::readJpeg(const QByteArray &image)
{
    QList<Chunk> segments;
    qsizetype scanStart = 0;
    const QString error = scanJpeg(image, segments, scanStart);
    if (!error.isEmpty())
        return failure(error);
    for (const Chunk &c : std::as_const(segments)) {
        if (!isXmpSegment(image, c))
            continue;
        const QByteArray packet = dataOf(image, c).mid(xmpHeader.size());
        if (holdsEaselXmp(packet))
            return readXmpPacket(packet);
    }
    return notFound(QStringLiteral("JPEG"));
}

ImageMetadata::Embedded ImageMetadata::embedWebp(const QByteArray &image, const QByteArray &packet)
{
    QList<Chunk> chunks;
    qsizetype end = 0;
    const QString error = scanWebp(image, chunks, end);
    if (!error.isEmpty())
        return embedFailure(error);

    QByteArray body;
    const Chunk &first = chunks.first();
    if (first.type == "VP8X") {
        if (first.dataSize < 10)
            return embedFailure(ImageMetadata::tr("The WebP file is damaged: its VP8X chunk is too "
                                                  "short."));
        QByteArray vp8x = image.mid(first.offset, first.size);
        vp8x[8] = char(uchar(vp8x.at(8)) | 0x04); // the XMP flag
        body.append(vp8x);
    } else {
        QByteArray vp8x;
        const QString vp8xError = vp8xFor(image, first, vp8x);
        if (!vp8xError.isEmpty())
            return embedFailure(vp8xError);
        body.append(vp8x);
        body.append(image.constData() + first.offset, first.size);
    }
    for (qsizetype i = 1; i < chunks.size(); ++i) {
        const Chunk &c = chunks.at(i);
        if (c.type == "XMP " && holdsEaselXmp(dataOf(image, c)))
            continue;
        body.append(image.constData() + c.offset, c.size);
    }
    body.append("XMP ");
    appendLe32(body, quint32(packet.size()));
    body.append(packet);
    if (packet.size() & 1)
        body.append('\0');

    Embedded e;
    e.bytes = QByteArrayLiteral("RIFF");
    appendLe32(e.bytes, quint32(body.size() + 4));
    e.bytes.append("WEBP").append(body).append(image.mid(end));
    e.ok = true;
    return e;
}

ImageMetadata::Read ImageMetadata::readWebp(const QByteArray &image)
{
    QList<Chunk> chunks;
    qsizetype end = 0;
    const QString error = scanWebp(image, chunks, end);
    if (!error.isEmpty())
        return failure(error);
    for (const Chunk &c : std::as_const(chunks)) {
        if (c.type == "XMP " && holdsEaselXmp(dataOf(image, c)))
            return readXmpPacket(dataOf(image, c));
    }
    return notFound(QStringLiteral("WebP"));
}

ImageMetadata::Read ImageMetadata::readXmpPacket(const QByteArray &packet)
{
    QXmlStreamReader xml(packet);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.namespaceUri() == QLatin1String(xmpNamespace)
            && xml.name() == QLatin1String("settings")) {
            const QString text = xml.readElementText();
            if (xml.hasError())
                break;
            return parseJson(text.toUtf8(), ImageMetadata::tr("image's XMP"));
        }
    }
    if (xml.hasError())
        return failure(ImageMetadata::tr("The XMP packet of this image is damaged (%1).")
                           .arg(xml.errorString()));
    return notFound(ImageMetadata::tr("image's XMP"));
}

QJsonObject ImageMetadata::describe(const Turn &turn, const ImageAsset &image)
{
    const QDateTime when
        = turn.startedAt.isValid() ? turn.startedAt : QDateTime::currentDateTimeUtc();
    const QString version = QCoreApplication::applicationVersion();
    return QJsonObject {
        { QStringLiteral("schema"), 1 },
        { QStringLiteral("easel_version"),
          version.isEmpty() ? QStringLiteral("unknown") : version },
        { QStringLiteral("prompt"), turn.prompt },
        { QStringLiteral("revised_prompt"), image.report.revisedPrompt },
        { QStringLiteral("provider"), turn.providerId },
        { QStringLiteral("chat_model"), turn.chatModel },
        { QStringLiteral("image_model"), turn.requested.imageModel },
        { QStringLiteral("requested"), turn.requested.toJson() },
        { QStringLiteral("actual"), image.report.toJson() },
        { QStringLiteral("usage"), turn.usage.toJson() },
        { QStringLiteral("cost"), turn.cost.toJson() },
        { QStringLiteral("response_id"), turn.responseId },
        { QStringLiteral("item_id"), image.itemId },
        { QStringLiteral("turn_id"), turn.id },
        { QStringLiteral("timestamp"), when.toString(Qt::ISODateWithMs) },
        { QStringLiteral("image"),
          QJsonObject { { QStringLiteral("sha256"), image.hash },
                        { QStringLiteral("mime_type"), image.mimeType },
                        { QStringLiteral("width"), image.pixelSize.width() },
                        { QStringLiteral("height"), image.pixelSize.height() } } },
    };
}

ImageParams ImageMetadata::paramsFrom(const QJsonObject &record)
{
    ImageParams params = ImageParams::fromJson(record.value(QLatin1String("requested")).toObject());
    const QJsonValue model = record.value(QLatin1String("image_model"));
    if (!record.value(QLatin1String("requested")).toObject().contains(QLatin1String("image_model"))
        && model.isString() && !model.toString().isEmpty())
        params.imageModel = model.toString();
    return params;
}

QString ImageMetadata::promptFrom(const QJsonObject &record)
{
    return record.value(QLatin1String("prompt")).toString();
}
