#include "base64.h"

#include <array>

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

} // namespace

bool Base64::decode(QStringView input, QByteArray *output)
{
    qsizetype length = input.size();
    while (length > 0 && input[length - 1] == u'=' && input.size() - length < 2)
        --length;
    if (length == 0 || length % 4 == 1)
        return false;

    QByteArray bytes(length / 4 * 3 + (length % 4 ? length % 4 - 1 : 0), Qt::Uninitialized);
    const char16_t *in = input.utf16();
    char *out = bytes.data();
    const qsizetype whole = length - length % 4;
    quint32 bad = 0;
    for (qsizetype i = 0; i < whole; i += 4) {
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
    if (bad & 0xc0)
        return false;
    const qsizetype rest = length % 4;
    if (rest) {
        const quint32 a = valueOf(in[whole]);
        const quint32 b = valueOf(in[whole + 1]);
        const quint32 c = rest == 3 ? valueOf(in[whole + 2]) : 0;
        if ((a | b | c) & 0xc0)
            return false;
        const quint32 triple = (a << 18) | (b << 12) | (c << 6);
        *out++ = char(triple >> 16);
        if (rest == 3)
            *out++ = char(triple >> 8);
    }
    *output = std::move(bytes);
    return true;
}
