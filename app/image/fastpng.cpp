#include "fastpng.h"

#include <libdeflate.h>

#include <QByteArray>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {

constexpr std::array<uchar, 8> signature { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
constexpr qsizetype headerBytes = 8 + 8 + 13 + 4; // signature, IHDR's length and type, data, CRC

quint32 bigEndian32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

// A chunk type is four ASCII letters; libpng refuses a file with any other (found by fuzzing).
bool isChunkType(const uchar *type)
{
    return std::all_of(type, type + 4,
                       [](uchar c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

bool isType(const uchar *type, const char (&name)[5])
{
    return std::memcmp(type, name, 4) == 0;
}

struct Header
{
    int width = 0;
    int height = 0;
    int channels = 0; // 3 (RGB) or 4 (RGBA), 8 bits each
};

// The header when this reader takes the file: 8-bit RGB or RGBA, deflate, standard filters, not
// interlaced. The IHDR must be the first chunk with a good CRC, as libpng requires.
bool readHeader(QByteArrayView head, Header *header)
{
    if (head.size() < headerBytes)
        return false;
    const auto *p = reinterpret_cast<const uchar *>(head.data());
    if (std::memcmp(p, signature.data(), signature.size()) != 0)
        return false;
    if (bigEndian32(p + 8) != 13 || !isType(p + 12, "IHDR"))
        return false;
    const uchar *data = p + 16;
    const quint32 width = bigEndian32(data);
    const quint32 height = bigEndian32(data + 4);
    const int bitDepth = data[8];
    const int colourType = data[9];
    const int compression = data[10];
    const int filterMethod = data[11];
    const int interlace = data[12];
    if (width == 0 || height == 0 || width > 0x7fffffffu || height > 0x7fffffffu)
        return false;
    if (bitDepth != 8 || (colourType != 2 && colourType != 6) || compression != 0
        || filterMethod != 0 || interlace != 0)
        return false;
    if (libdeflate_crc32(0, p + 12, 4 + 13) != bigEndian32(p + 29))
        return false;
    header->width = int(width);
    header->height = int(height);
    header->channels = colourType == 6 ? 4 : 3;
    return true;
}

// Ancillary chunks libpng reads and Qt's reader acts on, or that change the pixels or their
// meaning: a file with one of them is left to QImageReader.
bool changesThePixels(const uchar *type)
{
    static constexpr const char *meaningful[]
        = { "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "eXIf", "cICP", "mDCV",
            "cLLI", "sBIT", "bKGD", "oFFs", "sCAL", "pCAL", "acTL" };
    for (const char *name : meaningful) {
        if (std::memcmp(type, name, 4) == 0)
            return true;
    }
    return false;
}

// The compressed image data: the IDAT chunks, which must be consecutive, after a header and before
// an IEND, every chunk with a good CRC. False for anything this reader leaves to libpng.
bool collectImageData(QByteArrayView png, QByteArray *joined, QByteArrayView *single)
{
    const auto *p = reinterpret_cast<const uchar *>(png.data());
    const qsizetype size = png.size();
    qsizetype at = headerBytes;
    QList<QByteArrayView> parts;
    bool idatEnded = false;
    while (true) {
        if (size - at < 12)
            return false; // no IEND
        const quint32 length = bigEndian32(p + at);
        if (length > 0x7fffffffu || qsizetype(length) > size - at - 12)
            return false;
        const uchar *type = p + at + 4;
        const uchar *data = type + 4;
        if (!isChunkType(type))
            return false;
        if (libdeflate_crc32(0, type, length + 4) != bigEndian32(data + length))
            return false;
        const bool isIdat = isType(type, "IDAT");
        if (isIdat) {
            if (idatEnded)
                return false; // IDAT chunks split by another: libpng refuses it
            parts.append(QByteArrayView(reinterpret_cast<const char *>(data), length));
        } else {
            if (!parts.isEmpty())
                idatEnded = true;
            if (isType(type, "IEND"))
                break;
            const bool critical = (type[0] & 0x20) == 0;
            if (critical || changesThePixels(type)) // PLTE, an unknown critical chunk, gamma…
                return false;
        }
        at += 12 + qsizetype(length);
    }
    if (parts.isEmpty())
        return false;
    if (parts.size() == 1) {
        *single = parts.first();
        return true;
    }
    qsizetype total = 0;
    for (QByteArrayView part : std::as_const(parts))
        total += part.size();
    joined->reserve(total);
    for (QByteArrayView part : std::as_const(parts))
        joined->append(part);
    *single = *joined;
    return true;
}

// Branch-free (conditional moves): on photographs the branches of the textbook form mispredict.
inline int paethPredictor(int a, int b, int c)
{
    const int pa = std::abs(b - c);
    const int pb = std::abs(a - c);
    const int pc = std::abs(a + b - 2 * c);
    const int upOrUpLeft = pb <= pc ? b : c;
    return pa <= pb && pa <= pc ? a : upOrUpLeft;
}

// Each channel's left and upper-left bytes stay in registers: reading the left byte back from the
// row just written puts a store-to-load round trip on every byte's dependency chain. For RGB this
// is the quickest form measured (a gateway's 1024x1024 PNG, two thirds of its rows Paeth: 4 ms,
// against 11 ms for the SSE2 loop below, whose 3-byte loads and stores cost more than its lanes
// save, and 10 ms for the textbook loop).
template<int bpp> void unpaethScalar(uchar *row, const uchar *previous, qsizetype length)
{
    int left[bpp] = {};
    int upLeft[bpp] = {};
    for (qsizetype i = 0; i < length; i += bpp) {
        for (int k = 0; k < bpp; ++k) {
            const int up = previous[i + k];
            left[k] = (row[i + k] + paethPredictor(left[k], up, upLeft[k])) & 0xff;
            row[i + k] = uchar(left[k]);
            upLeft[k] = up;
        }
    }
}

#ifdef __SSE2__
// RGBA: one pixel at a time in 16-bit lanes (each prediction needs the pixel before it), its four
// bytes together with 4-byte loads and stores: 4.9 ms against 7.1 ms for unpaethScalar on the same
// image made RGBA.
void unpaethRgbaSse2(uchar *row, const uchar *previous, qsizetype length)
{
    const __m128i zero = _mm_setzero_si128();
    const __m128i lowBytes = _mm_set1_epi16(0xff);
    auto load = [](const uchar *p) {
        int value = 0;
        std::memcpy(&value, p, 4);
        return _mm_cvtsi32_si128(value);
    };
    auto absolute = [zero](__m128i x) {
        return _mm_max_epi16(x, _mm_sub_epi16(zero, x));
    };
    auto select = [](__m128i mask, __m128i ifSet, __m128i otherwise) {
        return _mm_or_si128(_mm_and_si128(mask, ifSet), _mm_andnot_si128(mask, otherwise));
    };
    __m128i left = zero;
    __m128i upLeft = zero;
    for (qsizetype i = 0; i < length; i += 4) {
        const __m128i up = _mm_unpacklo_epi8(load(previous + i), zero);
        const __m128i filtered = _mm_unpacklo_epi8(load(row + i), zero);
        const __m128i upMinusUpLeft = _mm_sub_epi16(up, upLeft);
        const __m128i leftMinusUpLeft = _mm_sub_epi16(left, upLeft);
        const __m128i pa = absolute(upMinusUpLeft);
        const __m128i pb = absolute(leftMinusUpLeft);
        const __m128i pc = absolute(_mm_add_epi16(upMinusUpLeft, leftMinusUpLeft));
        const __m128i smallest = _mm_min_epi16(pc, _mm_min_epi16(pa, pb));
        // The specification's order of ties: left, then up, then upper left.
        __m128i predicted = select(_mm_cmpeq_epi16(smallest, pb), up, upLeft);
        predicted = select(_mm_cmpeq_epi16(smallest, pa), left, predicted);
        left = _mm_and_si128(_mm_add_epi16(filtered, predicted), lowBytes);
        const int out = _mm_cvtsi128_si32(_mm_packus_epi16(left, left));
        std::memcpy(row + i, &out, 4);
        upLeft = up;
    }
}
#endif

// PNG's five row filters (PNG specification, section 9), undone in place. `previous` is the row
// above, already unfiltered (zeros for the first row); `bpp` is 3 or 4 bytes a pixel.
template<int bpp> bool unfilter(uchar filter, uchar *row, const uchar *previous, qsizetype length)
{
    switch (filter) {
    case 0: // None
        return true;
    case 1: // Sub
        for (qsizetype i = bpp; i < length; ++i)
            row[i] = uchar(row[i] + row[i - bpp]);
        return true;
    case 2: // Up
        for (qsizetype i = 0; i < length; ++i)
            row[i] = uchar(row[i] + previous[i]);
        return true;
    case 3: // Average
        for (qsizetype i = 0; i < bpp; ++i)
            row[i] = uchar(row[i] + (previous[i] >> 1));
        for (qsizetype i = bpp; i < length; ++i)
            row[i] = uchar(row[i] + ((row[i - bpp] + previous[i]) >> 1));
        return true;
    case 4: // Paeth
#ifdef __SSE2__
        if constexpr (bpp == 4) {
            unpaethRgbaSse2(row, previous, length);
            return true;
        }
#endif
        unpaethScalar<bpp>(row, previous, length);
        return true;
    default:
        return false; // libpng refuses an unknown filter
    }
}

// Qt's reader gives Format_RGB32 for RGB and Format_ARGB32 (not premultiplied) for RGBA.
template<int bpp> void toQRgb(const uchar *row, QRgb *out, int width)
{
    for (int x = 0; x < width; ++x, row += bpp) {
        if constexpr (bpp == 4)
            out[x] = qRgba(row[0], row[1], row[2], row[3]);
        else
            out[x] = qRgb(row[0], row[1], row[2]);
    }
}

template<int bpp> bool unfilterInto(uchar *raw, int width, int height, QImage *image)
{
    const qsizetype rowBytes = qsizetype(width) * bpp;
    const QByteArray zeros(rowBytes, '\0');
    const uchar *previous = reinterpret_cast<const uchar *>(zeros.constData());
    for (int y = 0; y < height; ++y) {
        uchar *line = raw + qsizetype(y) * (rowBytes + 1);
        uchar *row = line + 1;
        if (!unfilter<bpp>(line[0], row, previous, rowBytes))
            return false;
        // While the row is still in the cache.
        toQRgb<bpp>(row, reinterpret_cast<QRgb *>(image->scanLine(y)), width);
        previous = row;
    }
    return true;
}

struct DecompressorDeleter
{
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

} // namespace

QSize FastPng::size(QByteArrayView head)
{
    Header header;
    if (!readHeader(head, &header))
        return {};
    return { header.width, header.height };
}

QImage FastPng::decode(QByteArrayView png, qint64 maxPixelBytes)
{
    Header header;
    if (!readHeader(png, &header))
        return {};
    // Each side is below 2^31, so their product fits; four times it might not (found by fuzzing).
    if (qint64(header.width) * header.height > maxPixelBytes / 4)
        return {};
    QByteArray joined;
    QByteArrayView compressed;
    if (!collectImageData(png, &joined, &compressed))
        return {};

    // Each row is a filter byte and the row's bytes: its exact length is known, and a stream that
    // inflates to any other length is damage, left to libpng.
    const qsizetype rowBytes = qsizetype(header.width) * header.channels;
    const qsizetype rawBytes = qsizetype(header.height) * (rowBytes + 1);
    std::unique_ptr<uchar[]> raw(new (std::nothrow) uchar[size_t(rawBytes)]);
    if (!raw)
        return {};
    const std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(
        libdeflate_alloc_decompressor());
    if (!decompressor)
        return {};
    size_t usedIn = 0;
    size_t producedOut = 0;
    const libdeflate_result inflated = libdeflate_zlib_decompress_ex(
        decompressor.get(), compressed.data(), size_t(compressed.size()), raw.get(),
        size_t(rawBytes), &usedIn, &producedOut);
    if (inflated != LIBDEFLATE_SUCCESS || producedOut != size_t(rawBytes)
        || usedIn != size_t(compressed.size()))
        return {};

    QImage image(header.width, header.height,
                 header.channels == 4 ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    if (image.isNull())
        return {};
    const bool ok = header.channels == 4
        ? unfilterInto<4>(raw.get(), header.width, header.height, &image)
        : unfilterInto<3>(raw.get(), header.width, header.height, &image);
    return ok ? image : QImage();
}
