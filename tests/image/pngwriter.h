#pragma once

#include "store/pngtext.h"

#include <QByteArray>
#include <QImage>
#include <QList>

#include <cstdlib>

// Writes PNGs the way a test needs them, which Qt's writer cannot: RGB or RGBA from any image with
// a chosen filter for every row, the compressed data split over several IDAT chunks, and other
// chunks put before or after it. For FastPng's tests and its fuzz target, which compare what it
// reads with what QImageReader reads.
namespace PngWriter {

enum Filter : int { None = 0, Sub = 1, Up = 2, Average = 3, Paeth = 4, Mixed = -1 };

inline int paethPredictor(int a, int b, int c)
{
    const int pa = std::abs(b - c);
    const int pb = std::abs(a - c);
    const int pc = std::abs(a + b - 2 * c);
    if (pa <= pb && pa <= pc)
        return a;
    return pb <= pc ? b : c;
}

// The rows of `image` as PNG wants them before compression: a filter byte, then the row filtered.
// Mixed uses each filter in turn, row by row.
inline QByteArray filteredRows(const QImage &image, bool alpha, int filter)
{
    const int bpp = alpha ? 4 : 3;
    const int width = image.width();
    QByteArray raw;
    QByteArray previous(qsizetype(width) * bpp, '\0');
    for (int y = 0; y < image.height(); ++y) {
        QByteArray row;
        for (int x = 0; x < width; ++x) {
            const QRgb pixel = image.pixel(x, y);
            row.append(char(qRed(pixel))).append(char(qGreen(pixel))).append(char(qBlue(pixel)));
            if (alpha)
                row.append(char(qAlpha(pixel)));
        }
        const int rowFilter = filter == Mixed ? y % 5 : filter;
        raw.append(char(rowFilter));
        for (qsizetype i = 0; i < row.size(); ++i) {
            const int value = uchar(row[i]);
            const int left = i >= bpp ? uchar(row[i - bpp]) : 0;
            const int up = uchar(previous[i]);
            const int upLeft = i >= bpp ? uchar(previous[i - bpp]) : 0;
            int predicted = 0;
            switch (rowFilter) {
            case Sub:
                predicted = left;
                break;
            case Up:
                predicted = up;
                break;
            case Average:
                predicted = (left + up) / 2;
                break;
            case Paeth:
                predicted = paethPredictor(left, up, upLeft);
                break;
            default:
                break;
            }
            raw.append(char(uchar(value - predicted)));
        }
        previous = row;
    }
    return raw;
}

// A zlib stream (qCompress puts a 4-byte length before one).
inline QByteArray zlib(const QByteArray &raw, int level = 6)
{
    return qCompress(raw, level).mid(4);
}

inline QByteArray header(int width, int height, int colourType, int bitDepth = 8, int interlace = 0)
{
    QByteArray data;
    for (quint32 value : { quint32(width), quint32(height) }) {
        for (int shift = 24; shift >= 0; shift -= 8)
            data.append(char((value >> shift) & 0xff));
    }
    data.append(char(bitDepth)).append(char(colourType)).append('\0').append('\0');
    data.append(char(interlace));
    return PngText::chunk("IHDR", data);
}

struct Parts
{
    QByteArray header;
    QByteArray before; // whole chunks between the header and the image data
    QList<QByteArray> imageData; // the data of each IDAT chunk
    QByteArray after; // whole chunks between the image data and IEND
    bool end = true;
};

inline QByteArray assemble(const Parts &parts)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += parts.header + parts.before;
    for (const QByteArray &data : parts.imageData)
        png += PngText::chunk("IDAT", data);
    png += parts.after;
    if (parts.end)
        png += PngText::chunk("IEND", {});
    return png;
}

// `compressed` over IDAT chunks of at most `chunkBytes` each.
inline QList<QByteArray> split(const QByteArray &compressed, qsizetype chunkBytes)
{
    QList<QByteArray> chunks;
    for (qsizetype at = 0; at < compressed.size(); at += chunkBytes)
        chunks.append(compressed.mid(at, chunkBytes));
    return chunks;
}

inline Parts parts(const QImage &image, bool alpha, int filter, qsizetype chunkBytes = 1 << 20)
{
    Parts p;
    p.header = header(image.width(), image.height(), alpha ? 6 : 2);
    p.imageData = split(zlib(filteredRows(image, alpha, filter)), chunkBytes);
    return p;
}

inline QByteArray png(const QImage &image, bool alpha, int filter, qsizetype chunkBytes = 1 << 20)
{
    return assemble(parts(image, alpha, filter, chunkBytes));
}

} // namespace PngWriter
