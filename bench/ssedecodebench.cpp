#include "ssedecodebench.h"

#include "gateway/base64.h"

#include "responsesstreamwriter.h"
#include "testimage.h"

#include "gateway/responsesdecoder.h"
#include "gateway/sseparser.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <cstring>

namespace {

constexpr qsizetype chunkBytes = 16 * 1024;
constexpr qint64 finalBase64Bytes = 3500 * 1000; // the ~3.5 MB `result` of the brief
constexpr qint64 streamBytes = 5000 * 1000;
const QSize imageSize(1536, 1024);

double megabytesPerSecond(qint64 bytes, qint64 ns)
{
    return ns > 0 ? (double(bytes) / 1e6) / (double(ns) / 1e9) : 0.0;
}

// What one pass of the decoder produced, to check it decoded what was sent (outside the timing).
struct DecodeResult
{
    int partials = 0;
    int finals = 0;
    int errors = 0;
    bool done = false;
    bool usage = false;
    QByteArray finalBytes;
    QString text;
    QString firstError;
};

qint64 decodeOnce(const QByteArray &stream, DecodeResult *result)
{
    QElapsedTimer timer;
    timer.start();
    SseParser parser;
    ResponsesDecoder decoder;
    QList<SseEvent> events;
    const auto consume = [&](const StreamEvents &out) {
        for (const StreamEvent &event : out) {
            switch (event.kind) {
            case StreamEvent::Kind::ImagePartial:
                ++result->partials;
                break;
            case StreamEvent::Kind::ImageFinal:
                ++result->finals;
                result->finalBytes = event.imageBytes;
                break;
            case StreamEvent::Kind::TextDelta:
                result->text += event.text;
                break;
            case StreamEvent::Kind::Usage:
                result->usage = true;
                break;
            case StreamEvent::Kind::Done:
                result->done = true;
                break;
            case StreamEvent::Kind::Error:
                if (result->errors++ == 0)
                    result->firstError = event.message;
                break;
            default:
                break;
            }
        }
    };
    const QByteArrayView bytes(stream);
    for (qsizetype offset = 0; offset < bytes.size(); offset += chunkBytes) {
        events.clear();
        parser.feed(bytes.sliced(offset, qMin(chunkBytes, bytes.size() - offset)), events);
        for (const SseEvent &event : std::as_const(events))
            consume(decoder.decode(event));
    }
    events.clear();
    parser.finish(events);
    for (const SseEvent &event : std::as_const(events))
        consume(decoder.decode(event));
    consume(decoder.finish());
    return timer.nsecsElapsed();
}

qint64 memcpyOnce(const QByteArray &source, QByteArray &target)
{
    QElapsedTimer timer;
    timer.start();
    char *out = target.data();
    for (qsizetype offset = 0; offset < source.size(); offset += chunkBytes)
        std::memcpy(out + offset, source.constData() + offset,
                    size_t(qMin(chunkBytes, source.size() - offset)));
    return timer.nsecsElapsed();
}

} // namespace

SseDecodeBench::SseDecodeBench(const BenchOptions &options)
    : m_options(options)
{
}

void SseDecodeBench::buildStream()
{
    // The final image: a noisy 1536x1024 PNG whose base64 is about 3.5 MB.
    const int finalNoise = TestImage::noiseForPngBytes(imageSize, finalBase64Bytes * 3 / 4);
    m_finalImage
        = TestImage::encode(TestImage::noisy(imageSize, 7, finalNoise), QStringLiteral("png"));
    m_finalBase64 = m_finalImage.toBase64();

    ResponsesStreamWriter writer;
    const QStringList deltas
        = QStringLiteral(
              "Here is the lighthouse at dusk. I kept the basalt cliff dark so the warm lamp light "
              "reads first, opened the storm clouds over the sea to the right, and added a few "
              "seabirds for scale. Say if you want a wider view, a stormier sea or a different "
              "time of "
              "day, and I will make another version from this one.")
              .split(QLatin1Char(' '));
    QStringList pieces;
    for (qsizetype i = 0; i < deltas.size(); ++i)
        pieces.append(i + 1 < deltas.size() ? deltas.at(i) + QLatin1Char(' ') : deltas.at(i));
    m_text = pieces.join(QString());

    const QByteArray head
        = writer.created() + writer.inProgress() + writer.reasoningItem() + writer.imageItemAdded();
    const QByteArray finalEvents
        = writer.imageItemDone({ m_finalImage, QStringLiteral("png"), imageSize });
    const QByteArray tail = writer.message(pieces) + writer.completed(false);

    // Partial previews fill the stream up to 5 MB: two PNGs of the same size with less detail.
    m_partialCount = 2;
    const qint64 room = streamBytes - head.size() - finalEvents.size() - tail.size();
    const qint64 perPartialPng = qMax<qint64>(1000, room / m_partialCount * 3 / 4 - 400);
    const double density = TestImage::densityForPngBytes(imageSize, finalNoise, perPartialPng);
    QByteArray partials;
    for (int i = 0; i < m_partialCount; ++i) {
        const QByteArray png = TestImage::encode(
            TestImage::noisy(imageSize, 100 + i, finalNoise, density), QStringLiteral("png"));
        partials += writer.partialImage(i, { png, QStringLiteral("png"), imageSize });
    }
    m_stream = head + partials + finalEvents + tail;

    // The data line of output_item.done: the event the decoder spends most of its time in.
    const QByteArray marker = QByteArrayLiteral("event: response.output_item.done\ndata: ");
    qsizetype from = finalEvents.indexOf(marker);
    if (from >= 0) {
        from += marker.size();
        m_bigEventData = finalEvents.mid(from, finalEvents.indexOf('\n', from) - from);
    }
}

QList<FigureReport> SseDecodeBench::run()
{
    qInfo("sse_decode: building a %lld MB stream with a real 1536x1024 PNG…",
          streamBytes / 1000 / 1000);
    buildStream();
    QList<FigureReport> figures;
    if (m_options.wants(QStringLiteral("sse_decode")))
        figures.append(sseDecode());
    if (m_options.wants(QStringLiteral("base64_decode")))
        figures.append(base64Decode());
    return figures;
}

FigureReport SseDecodeBench::sseDecode()
{
    FigureReport figure(QStringLiteral("sse_decode"), QStringLiteral("MB/s"),
                        QStringLiteral("SseParser + ResponsesDecoder on a Responses stream fed in "
                                       "16 KB chunks (MB = 10^6 bytes)"));
    figure.setTarget(FigureReport::Direction::AtLeast, 200.0);
    figure.setDetail(QStringLiteral("stream_bytes"), m_stream.size());
    figure.setDetail(QStringLiteral("chunk_bytes"), chunkBytes);
    figure.setDetail(QStringLiteral("final_image"),
                     QJsonObject { { QStringLiteral("format"), QStringLiteral("png") },
                                   { QStringLiteral("size"), QStringLiteral("1536x1024") },
                                   { QStringLiteral("bytes"), m_finalImage.size() },
                                   { QStringLiteral("base64_bytes"), m_finalBase64.size() } });
    figure.setDetail(QStringLiteral("partial_images"), m_partialCount);
    figure.setDetail(QStringLiteral("completed_repeats_result"), false);

    // Check once, untimed, that the decoder gave back exactly what was sent.
    DecodeResult check;
    decodeOnce(m_stream, &check);
    if (check.errors > 0) {
        figure.setError(QStringLiteral("The decoder reported an error on the benchmark stream: ")
                        + check.firstError);
    } else if (check.finals != 1 || check.finalBytes != m_finalImage) {
        figure.setError(
            QStringLiteral("The decoder did not return the final image byte for byte."));
    } else if (check.partials != m_partialCount || !check.done || !check.usage
               || check.text != m_text) {
        figure.setError(QStringLiteral("The decoder lost events of the benchmark stream (partials, "
                                       "text, usage or done)."));
    }
    if (figure.hasError())
        return figure;

    const int runs = m_options.repeats(15, 3);
    Samples decode;
    Samples copy;
    Samples json;
    QByteArray target(m_stream.size(), '\0'); // touched once so page faults stay out of timing
    for (int i = 0; i < runs; ++i) {
        DecodeResult result;
        decode.add(megabytesPerSecond(m_stream.size(), decodeOnce(m_stream, &result)));
        copy.add(megabytesPerSecond(m_stream.size(), memcpyOnce(m_stream, target)));

        QElapsedTimer timer;
        timer.start();
        const QJsonDocument document = QJsonDocument::fromJson(m_bigEventData);
        const qint64 ns = timer.nsecsElapsed();
        if (!document.isObject()) {
            figure.setError(QStringLiteral("QJsonDocument could not parse the image event."));
            return figure;
        }
        json.add(megabytesPerSecond(m_bigEventData.size(), ns));
    }
    figure.setValue(decode);
    figure.addBaseline(QStringLiteral("memcpy"), copy.median(), QStringLiteral("MB/s"),
                       QStringLiteral("memcpy of the same bytes in the same 16 KB chunks"), copy);
    figure.addBaseline(QStringLiteral("qjson_big_event"), json.median(), QStringLiteral("MB/s"),
                       QStringLiteral("QJsonDocument::fromJson of the output_item.done event "
                                      "alone (")
                           + QString::number(m_bigEventData.size()) + QStringLiteral(" bytes)"),
                       json);
    figure.setDetail(QStringLiteral("median_ms"),
                     roundTo(double(m_stream.size()) / 1e3 / decode.median(), 2));
    qInfo("sse_decode: %.0f MB/s (memcpy %.0f MB/s, QJsonDocument %.0f MB/s)", decode.median(),
          copy.median(), json.median());
    return figure;
}

FigureReport SseDecodeBench::base64Decode()
{
    FigureReport figure(QStringLiteral("base64_decode"), QStringLiteral("MB/s"),
                        QStringLiteral("Base64::decode (Easel's strict decoder, from the JSON "
                                       "string's UTF-16) of the final image's base64, in MB of "
                                       "base64 per second"));
    figure.setDetail(QStringLiteral("base64_bytes"), m_finalBase64.size());
    const int runs = m_options.repeats(15, 3);
    const QString text = QString::fromLatin1(m_finalBase64); // as the JSON parser hands it over
    Samples decode;
    Samples qtDecode;
    Samples copy;
    QByteArray target(m_finalBase64.size(), '\0');
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        QByteArray ours;
        const bool ok = Base64::decode(text, &ours);
        const qint64 ns = timer.nsecsElapsed();
        if (!ok || ours != m_finalImage) {
            figure.setError(QStringLiteral("Base64::decode did not give the image back."));
            return figure;
        }
        decode.add(megabytesPerSecond(m_finalBase64.size(), ns));

        timer.restart();
        const auto result = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        const qint64 qtNs = timer.nsecsElapsed();
        if (!result || result.decoded != m_finalImage) {
            figure.setError(QStringLiteral("fromBase64Encoding did not give the image back."));
            return figure;
        }
        qtDecode.add(megabytesPerSecond(m_finalBase64.size(), qtNs));

        timer.restart();
        std::memcpy(target.data(), m_finalBase64.constData(), size_t(m_finalBase64.size()));
        copy.add(megabytesPerSecond(m_finalBase64.size(), timer.nsecsElapsed()));
    }
    figure.setValue(decode);
    figure.addBaseline(QStringLiteral("qt_from_base64"), qtDecode.median(), QStringLiteral("MB/s"),
                       QStringLiteral("toLatin1 + QByteArray::fromBase64Encoding (strict) of the "
                                      "same string, what the decoder used before"),
                       qtDecode);
    figure.addBaseline(QStringLiteral("memcpy"), copy.median(), QStringLiteral("MB/s"),
                       QStringLiteral("memcpy of the same base64 bytes"), copy);
    qInfo("base64_decode: %.0f MB/s (Qt %.0f MB/s, memcpy %.0f MB/s)", decode.median(),
          qtDecode.median(), copy.median());
    return figure;
}
