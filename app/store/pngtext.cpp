#include "pngtext.h"

#include <array>

namespace {

void appendBe32(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

bool isLatin1(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() > 0xff)
            return false;
    }
    return true;
}

} // namespace

quint32 PngText::crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char ch : data)
        c = table[(c ^ uchar(ch)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

QByteArray PngText::chunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size() + 12);
    appendBe32(out, quint32(data.size()));
    const QByteArray typed = type + data;
    out.append(typed);
    appendBe32(out, crc32(typed));
    return out;
}

QByteArray PngText::itxtData(const QByteArray &keyword, const QByteArray &utf8)
{
    return keyword + '\0' + '\0' + '\0' + '\0' + '\0' + utf8;
}

QByteArray PngText::textChunk(const QByteArray &keyword, const QString &text)
{
    QString clean = text;
    clean.remove(QChar(0));
    clean.replace(QLatin1String("\r\n"), QLatin1String("\n"))
        .replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (isLatin1(clean))
        return chunk(QByteArrayLiteral("tEXt"), keyword + '\0' + clean.toLatin1());
    return chunk(QByteArrayLiteral("iTXt"), itxtData(keyword, clean.toUtf8()));
}

QByteArray PngText::keywordOf(const QByteArray &type, const QByteArray &data)
{
    if (type != "tEXt" && type != "zTXt" && type != "iTXt")
        return {};
    const qsizetype end = data.indexOf('\0');
    return end < 0 ? QByteArray() : data.left(end);
}
