// HttpRequestReader: whatever a local client sends to the offline demo's port, in pieces of any
// size. The outcome (state, request, error) must not depend on how the bytes were cut.

#include "fuzzsupport.h"

#include "demo/httprequestreader.h"

using namespace FuzzSupport;

namespace {

QString outcome(const HttpRequestReader &reader)
{
    const HttpRequest &r = reader.request();
    QByteArray text = QByteArray::number(int(reader.state())) + ' '
        + QByteArray::number(reader.errorStatus()) + ' ' + reader.errorMessage().toUtf8() + ' '
        + QByteArray::number(reader.headComplete()) + ' ' + r.method + ' ' + r.target + ' ' + r.path
        + ' ' + r.version + ' ' + r.body.toHex();
    for (const auto &[name, value] : r.headers)
        text += ' ' + name + ':' + value;
    return QString::fromLatin1(text.toPercentEncoding(" :"));
}

QString readInPieces(const QByteArray &input, Chunker *chunker)
{
    HttpRequestReader reader;
    reader.setMaxBodyBytes(4096);
    qsizetype pos = 0;
    while (pos < input.size() && reader.state() == HttpRequestReader::State::Incomplete) {
        const qsizetype piece
            = chunker ? std::min(chunker->next(), input.size() - pos) : input.size() - pos;
        reader.feed(QByteArrayView(input).sliced(pos, piece));
        pos += piece;
        reader.expectsContinue();
    }
    const QString result = outcome(reader);
    if (reader.state() == HttpRequestReader::State::Complete) {
        const qsizetype length = reader.request().header("Content-Length").toLongLong();
        check(reader.request().body.size() == length, "body size differs from Content-Length");
        check(reader.request().path.startsWith('/'), "a path that does not start with /");
    } else if (reader.state() == HttpRequestReader::State::Failed) {
        check(reader.errorStatus() >= 400 && !reader.errorMessage().isEmpty(),
              "a failure without status or message");
    }
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = bytes(data, size);
    const QString whole = readInPieces(input, nullptr);
    Chunker chunker(input);
    const QString pieces = readInPieces(input, &chunker);
    if (whole != pieces)
        fail("the outcome depends on how the request was cut",
             QStringLiteral("whole: %1\npieces: %2").arg(whole, pieces));
    return 0;
}
