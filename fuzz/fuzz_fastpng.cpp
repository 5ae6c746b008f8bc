// FastPng against QImageReader, given any bytes: it must never crash, and an image it returns must
// be the one Qt's reader returns for the same file (size, format, every pixel). The first byte
// says how the rest is read:
//   even: as a PNG file whose chunk CRCs are first made right, so that mutations reach the image
//         data instead of stopping at a checksum;
//   odd:  as a width, a height, RGB or RGBA, and the filtered rows, which are compressed into a
//         well-formed PNG, so that mutations reach the unfiltering.

#include "fuzzsupport.h"

#include "image/fastpng.h"
#include "store/pngtext.h"

#include <QBuffer>
#include <QImageReader>

using namespace FuzzSupport;

namespace {

// Small enough that every run is quick; large enough for images of a few hundred pixels a side.
constexpr qint64 kMaxPixelBytes = 16LL * 1024 * 1024;

quint32 bigEndian32(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return (quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | quint32(u[3]);
}

QByteArray withRightCrcs(QByteArray png)
{
    qsizetype at = 8;
    while (png.size() - at >= 12) {
        const quint32 length = bigEndian32(png.constData() + at);
        if (qint64(length) > png.size() - at - 12)
            break;
        const quint32 crc = PngText::crc32(png.mid(at + 4, qsizetype(length) + 4));
        for (int i = 0; i < 4; ++i)
            png[at + 8 + qsizetype(length) + i] = char((crc >> (24 - 8 * i)) & 0xff);
        at += 12 + qsizetype(length);
    }
    return png;
}

QByteArray fromRows(const QByteArray &input)
{
    if (input.size() < 3)
        return {};
    const int width = 1 + uchar(input[0]) % 64;
    const int height = 1 + uchar(input[1]) % 64;
    const bool alpha = input[2] & 1;
    const qsizetype rowBytes = qsizetype(width) * (alpha ? 4 : 3) + 1;
    QByteArray rows = input.mid(3).leftJustified(rowBytes * height, '\0', true);
    QByteArray header;
    for (quint32 value : { quint32(width), quint32(height) }) {
        for (int shift = 24; shift >= 0; shift -= 8)
            header.append(char((value >> shift) & 0xff));
    }
    header.append('\x08').append(alpha ? '\x06' : '\x02').append(QByteArray(3, '\0'));
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + PngText::chunk("IHDR", header)
        + PngText::chunk("IDAT", qCompress(rows, 1).mid(4)) + PngText::chunk("IEND", {});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray input = bytes(data + 1, size - 1);
    const QByteArray png = (data[0] & 1) ? fromRows(input) : withRightCrcs(QByteArray(input));
    if (png.isEmpty())
        return 0;

    const QImage fast = FastPng::decode(png, kMaxPixelBytes);
    if (fast.isNull())
        return 0; // left to QImageReader, which the fuzzer does not test

    QBuffer buffer;
    buffer.setData(png);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "png");
    const QImage expected = reader.read();
    check(!expected.isNull(), "FastPng read a file QImageReader refuses:", reader.errorString());
    check(fast.format() == expected.format() && fast.size() == expected.size(),
          "FastPng's image differs in size or format from QImageReader's");
    check(fast == expected, "FastPng's pixels differ from QImageReader's");
    return 0;
}
