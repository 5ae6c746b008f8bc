#pragma once

#include <QByteArray>
#include <QString>

// PNG chunks and the text chunks (tEXt, zTXt, iTXt) other tools read: ImageMetadata writes Easel's
// record as one, and the standard keys Finder, Bridge, digiKam, exiftool and Windows show
// ("Description", "Software") as others.
namespace PngText {

// The CRC-32 of PNG (ISO 3309); Qt only exposes CRC-16 publicly.
quint32 crc32(const QByteArray &data);
// A whole chunk: length, type, data and CRC.
QByteArray chunk(const QByteArray &type, const QByteArray &data);
// The data of an uncompressed iTXt chunk: keyword, NUL, compression flag 0, method 0, empty
// language tag and translated keyword (each NUL-terminated), then the UTF-8 text.
QByteArray itxtData(const QByteArray &keyword, const QByteArray &utf8);
// `text` under `keyword` as a whole chunk: tEXt when it is Latin-1 (read by the most tools),
// iTXt (UTF-8) otherwise. NULs are dropped and line breaks made LF, as the format asks.
QByteArray textChunk(const QByteArray &keyword, const QString &text);
// The keyword of a tEXt, zTXt or iTXt chunk of that type and data; empty for any other chunk.
QByteArray keywordOf(const QByteArray &type, const QByteArray &data);

} // namespace PngText
