#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by the fuzz targets: wrapping libFuzzer's bytes without a copy, splitting them the way a
// network would, and failing loudly when a property the code promises does not hold (abort() is a
// crash to libFuzzer, which then saves the input).
namespace FuzzSupport {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

[[noreturn]] inline void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "FUZZ PROPERTY VIOLATED: %s %s\n", what, qPrintable(detail));
    std::abort();
}

inline void check(bool condition, const char *what, const QString &detail = {})
{
    if (!condition)
        fail(what, detail);
}

// Chunk sizes for feeding `input` piecewise, reproducible from the input itself (FNV-1a seeds a
// splitmix64): every input gets its own split, so mutations also move the chunk borders.
class Chunker
{
public:
    explicit Chunker(QByteArrayView input, quint64 salt = 0)
    {
        m_state = 0xcbf29ce484222325ull ^ salt;
        for (const char c : input)
            m_state = (m_state ^ uchar(c)) * 0x100000001b3ull;
    }

    // Mostly tiny pieces (CR and LF split apart, a field name cut in two), sometimes large.
    qsizetype next()
    {
        const quint64 r = mix();
        switch (r % 4) {
        case 0:
            return 1;
        case 1:
            return qsizetype(1 + (r >> 8) % 8);
        case 2:
            return qsizetype(1 + (r >> 8) % 64);
        default:
            return qsizetype(1 + (r >> 8) % 4096);
        }
    }

private:
    quint64 mix()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }

    quint64 m_state;
};

} // namespace FuzzSupport
