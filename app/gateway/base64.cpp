#include "base64.h"

#include <array>

#if defined(__x86_64__) || defined(__i386__)
#define EASEL_BASE64_SSSE3 1
#include <immintrin.h>
#endif

namespace {

constexpr quint8 invalid = 0xff;

constexpr std::array<quint8, 256> makeTable()
{
    std::array<quint8, 256> table {};
    for (auto &entry : table)
        entry = invalid;
    const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
        table[quint8(alphabet[i])] = quint8(i);
    return table;
}

constexpr std::array<quint8, 256> table = makeTable();

inline quint32 valueOf(char16_t c)
{
    return c < 256 ? table[c] : invalid;
}

// Decodes whole quads of input, four characters to three bytes. Returns false when a character
// is outside the alphabet.
bool decodeQuads(const char16_t *in, qsizetype count, char *out)
{
    quint32 bad = 0;
    for (qsizetype i = 0; i < count; i += 4) {
        const quint32 a = valueOf(in[i]);
        const quint32 b = valueOf(in[i + 1]);
        const quint32 c = valueOf(in[i + 2]);
        const quint32 d = valueOf(in[i + 3]);
        // An invalid character has all 8 bits set; OR-ing them up defers the branch.
        bad |= a | b | c | d;
        const quint32 triple = (a << 18) | (b << 12) | (c << 6) | d;
        *out++ = char(triple >> 16);
        *out++ = char(triple >> 8);
        *out++ = char(triple);
    }
    return (bad & 0xc0) == 0;
}

#ifdef EASEL_BASE64_SSSE3
// Sixteen characters at a time with SSSE3 (the nibble-lookup method of Wojciech Muła and Alfred
// Klomp's base64 library). On the 2-core Xeon the benchmark runs on, the scalar loop above decodes
// about 1 GB/s, which made it 40% of decoding an image event; this runs several times faster.
// Decodes `count` characters (a multiple of 16) into count / 4 * 3 bytes, and writes 4 bytes past
// them: the caller leaves that room. Returns false when a character is outside the alphabet.
__attribute__((target("ssse3"))) bool decodeBlocksSsse3(const char16_t *in, qsizetype count,
                                                        char *out)
{
    // For a character's high and low nibbles, bit sets whose AND is non-zero exactly when the
    // character is not in the alphabet.
    const __m128i lowNibbleClasses = _mm_setr_epi8(0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
                                                   0x11, 0x11, 0x13, 0x1a, 0x1b, 0x1b, 0x1b, 0x1a);
    const __m128i highNibbleClasses = _mm_setr_epi8(0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08,
                                                    0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10);
    // What to add to a valid character to get its 6-bit value, by high nibble ('/' at index 1).
    const __m128i offsets = _mm_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m128i nibble = _mm_set1_epi8(0x0f);
    const __m128i slash = _mm_set1_epi8('/');
    const __m128i zero = _mm_setzero_si128();
    const __m128i packTriples
        = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);

    for (qsizetype i = 0; i < count; i += 16) {
        // UTF-16 to bytes with unsigned saturation: a character above U+00FF becomes 0xff or
        // (read as a negative number) 0x00, and both are outside the alphabet.
        const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i + 8));
        const __m128i chars = _mm_packus_epi16(first, second);

        const __m128i high = _mm_and_si128(_mm_srli_epi32(chars, 4), nibble);
        const __m128i low = _mm_and_si128(chars, nibble);
        const __m128i classes = _mm_and_si128(_mm_shuffle_epi8(lowNibbleClasses, low),
                                              _mm_shuffle_epi8(highNibbleClasses, high));
        if (_mm_movemask_epi8(_mm_cmpgt_epi8(classes, zero)) != 0)
            return false;

        // '/' shares its high nibble with '+'; stepping it back by one picks its own offset.
        const __m128i isSlash = _mm_cmpeq_epi8(chars, slash);
        const __m128i values
            = _mm_add_epi8(chars, _mm_shuffle_epi8(offsets, _mm_add_epi8(isSlash, high)));

        // Four 6-bit values to one 24-bit triple per 32-bit lane, then the triples' bytes packed
        // in order.
        const __m128i pairs = _mm_maddubs_epi16(values, _mm_set1_epi32(0x01400140));
        const __m128i triples = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00011000));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i / 4 * 3),
                         _mm_shuffle_epi8(triples, packTriples));
    }
    return true;
}

bool hasSsse3()
{
    static const bool has = __builtin_cpu_supports("ssse3");
    return has;
}
#endif

} // namespace

bool Base64::decode(QStringView input, QByteArray *output)
{
    qsizetype length = input.size();
    while (length > 0 && input[length - 1] == u'=' && input.size() - length < 2)
        --length;
    if (length == 0 || length % 4 == 1)
        return false;

    const qsizetype rest = length % 4;
    QByteArray bytes(length / 4 * 3 + (rest ? rest - 1 : 0), Qt::Uninitialized);
    const char16_t *in = input.utf16();
    char *out = bytes.data();
    const qsizetype whole = length - rest;
    qsizetype done = 0;
#ifdef EASEL_BASE64_SSSE3
    // The blocks store 16 bytes for every 12 they decode: at least 8 characters (6 bytes) are
    // left for the scalar loop, so the 4 extra bytes always land inside the output.
    if (whole >= 32 && hasSsse3()) {
        done = (whole - 8) / 16 * 16;
        if (!decodeBlocksSsse3(in, done, out))
            return false;
    }
#endif
    if (!decodeQuads(in + done, whole - done, out + done / 4 * 3))
        return false;
    if (rest) {
        const quint32 a = valueOf(in[whole]);
        const quint32 b = valueOf(in[whole + 1]);
        const quint32 c = rest == 3 ? valueOf(in[whole + 2]) : 0;
        if ((a | b | c) & 0xc0)
            return false;
        const quint32 triple = (a << 18) | (b << 12) | (c << 6);
        char *tail = out + whole / 4 * 3;
        *tail++ = char(triple >> 16);
        if (rest == 3)
            *tail = char(triple >> 8);
    }
    *output = std::move(bytes);
    return true;
}
