// Base64::decode: its 16-characters-at-a-time path (SSSE3) must judge and decode every input
// exactly as a plain reading of strict base64 does. The first byte picks how the rest becomes
// text: as Latin-1, as raw UTF-16, or (most inputs) as the base64 of the rest with a few of its
// characters replaced, so that long, nearly valid strings reach the fast path.

#include "fuzzsupport.h"

#include "gateway/base64.h"

#include <QString>

namespace {

using namespace FuzzSupport;

// Strict base64 read the obvious way: at most two '=' at the end, a length that is not 1 modulo
// 4, and nothing outside the alphabet.
bool reference(const QString &input, QByteArray *output)
{
    qsizetype length = input.size();
    while (length > 0 && input.at(length - 1) == QLatin1Char('=') && input.size() - length < 2)
        --length;
    if (length == 0 || length % 4 == 1)
        return false;
    static const QString alphabet
        = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    for (qsizetype i = 0; i < length; ++i) {
        if (!alphabet.contains(input.at(i)))
            return false;
    }
    *output = QByteArray::fromBase64(input.left(length).toLatin1());
    return true;
}

QString textFrom(const QByteArray &data)
{
    if (data.isEmpty())
        return {};
    const quint8 mode = quint8(data.at(0));
    const QByteArray rest = data.mid(1);
    switch (mode % 4) {
    case 0:
        return QString::fromLatin1(rest);
    case 1:
        return QString(reinterpret_cast<const QChar *>(rest.constData()), rest.size() / 2);
    default: {
        // The rest's base64, then up to eight replacements read from the rest's first bytes:
        // (place, character) pairs, characters taken from a set near the alphabet's edges.
        QString text = QString::fromLatin1(
            rest.toBase64(mode & 4 ? QByteArray::OmitTrailingEquals : QByteArray::Base64Encoding));
        static const char16_t near[]
            = { u'@',      u'[', u'`',  u'{',    u'*',    u',',    u'-',     u'.',     u':',
                u'=',      u'_', u'\0', u'\x7f', u'\x80', u'\xff', u'\x100', u'\x12b', u'\x8000',
                u'\xffff', u'A', u'z',  u'0',    u'9',    u'+',    u'/',     u' ' };
        const int edits = (mode >> 3) % 9;
        for (int i = 0; i < edits && 2 * i + 1 < rest.size() && !text.isEmpty(); ++i) {
            const qsizetype place = quint8(rest.at(2 * i)) * 7 % text.size();
            text[place] = QChar(near[quint8(rest.at(2 * i + 1)) % std::size(near)]);
        }
        return text;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = textFrom(bytes(data, size));
    QByteArray decoded("untouched");
    const bool ok = Base64::decode(text, &decoded);
    QByteArray expected;
    const bool expectedOk = reference(text, &expected);
    check(ok == expectedOk, ok ? "accepted what strict base64 refuses" : "refused valid base64",
          text.left(200));
    if (ok)
        check(decoded == expected, "decoded differently from the reference", text.left(200));
    else
        check(decoded == "untouched", "wrote its output although it refused the input");
    return 0;
}
