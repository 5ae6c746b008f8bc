// ImageMetadata: the reader of the settings saved inside PNG, JPEG and WebP files, given any
// bytes (a file from disk or dropped on the window). Reading must never crash, and what embed()
// accepts it must be able to read back: the record written is the record read, and embedding
// again replaces the record instead of doubling it.

#include "fuzzsupport.h"

#include "model/imageasset.h"
#include "model/turn.h"
#include "store/imagemetadata.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace FuzzSupport;

namespace {

// Just enough of each format for the metadata code, which reads the structure, not the pixels.
const QByteArray kPng = QByteArrayLiteral("\x89PNG\r\n\x1a\n"
                                          "\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0"
                                          "\x1f\x15\xc4\x89"
                                          "\0\0\0\x00IDAT\x35\xaf\x06\x1e"
                                          "\0\0\0\0IEND\xae\x42\x60\x82");
const QByteArray kJpeg = QByteArrayLiteral("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
                                           "\xff\xda\0\x08\x01\x01\0\0\x3f\0\0\0\xff\xd9");
const QByteArray kWebp = QByteArrayLiteral("RIFF\x12\0\0\0WEBPVP8L\x06\0\0\0\x2f\x01\x40\0\0\0");

QJsonObject record()
{
    Turn turn;
    turn.id = QStringLiteral("turn-1");
    turn.prompt = QStringLiteral("A <red> & \"blue\" fox's den \u00e9\u6f22 ]]> --> \t\n end");
    turn.providerId = QStringLiteral("openai");
    turn.chatModel = QStringLiteral("gpt-5");
    turn.startedAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    ImageAsset image;
    image.itemId = QStringLiteral("ig_1");
    image.hash = QStringLiteral("00ff");
    image.mimeType = QStringLiteral("image/png");
    image.pixelSize = QSize(1, 1);
    return ImageMetadata::describe(turn, image);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void readBack(const QByteArray &embedded, const QJsonObject &expected, const char *what)
{
    const ImageMetadata::Read read = ImageMetadata::read(embedded);
    check(read.ok && read.found, what, read.error);
    if (read.json != expected)
        fail(what, QStringLiteral("read %1, wrote %2").arg(compact(read.json), compact(expected)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A copy: files are read into QByteArrays of their own.
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    const ImageMetadata::Read read = ImageMetadata::read(input);
    check(!read.ok || read.found, "ok without a record");
    check(read.ok || !read.error.isEmpty(), "a failed read without a message");
    if (read.ok) {
        ImageMetadata::paramsFrom(read.json);
        ImageMetadata::promptFrom(read.json);
    }
    ImageMetadata::readXmpPacket(input);

    static const QJsonObject written = record();
    const ImageMetadata::Embedded embedded = ImageMetadata::embed(input, written);
    check(embedded.ok || !embedded.error.isEmpty(), "a failed embed without a message");
    if (embedded.ok) {
        check(ImageMetadata::formatOf(embedded.bytes) == ImageMetadata::formatOf(input),
              "embedding changed the format");
        readBack(embedded.bytes, written, "the embedded record does not read back");
        const ImageMetadata::Embedded again = ImageMetadata::embed(embedded.bytes, written);
        check(again.ok, "embedding into an embedded image failed", again.error);
        check(again.bytes == embedded.bytes, "a second embed did not replace the first");
    }

    // Any JSON object, as a record: it must come back the same from each format. Objects that do
    // not survive JSON itself (lone surrogates become U+FFFD) are not the metadata's concern.
    const QJsonDocument document = QJsonDocument::fromJson(input);
    if (document.isObject()
        && QJsonDocument::fromJson(document.toJson(QJsonDocument::Compact)) == document) {
        for (const QByteArray &image : { kPng, kJpeg, kWebp }) {
            const ImageMetadata::Embedded e = ImageMetadata::embed(image, document.object());
            if (e.ok)
                readBack(e.bytes, document.object(), "a JSON record does not read back");
            else // only a JPEG XMP segment has a size limit
                check(ImageMetadata::formatOf(image) == QLatin1String("jpeg"), "embed failed",
                      e.error);
        }
    }
    return 0;
}
