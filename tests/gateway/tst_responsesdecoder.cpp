#include "gateway/responsesdecoder.h"
#include "gateway/sseparser.h"
#include "recordedstream.h"
#include "streamharness.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

using Kind = StreamEvent::Kind;
using StreamHarness::allText;
using StreamHarness::kindName;
using StreamHarness::kinds;
using StreamHarness::ofKind;
using StreamHarness::sse;

// Feeds an SSE byte stream through the parser (in chunks of `chunkSize` bytes; 0 = whole) and the
// decoder, ending with both finish() calls, as the network job does.
StreamEvents decodeStream(const QByteArray &wire, qsizetype chunkSize = 0)
{
    ResponsesDecoder decoder;
    return StreamHarness::run(decoder, wire,
                              chunkSize > 0 ? QList<qsizetype> { chunkSize } : QList<qsizetype> {});
}

QByteArray base64Of(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes.toBase64();
}

QByteArray tinyPngBase64()
{
    QImage image(2, 3, QImage::Format_RGB32);
    image.fill(Qt::red);
    return base64Of(image, "PNG");
}

const QByteArray kCreated = R"({"type":"response.created","response":{"id":"resp_1","model":"gpt-5",
        "status":"in_progress","output":[]}})";
const QByteArray kCompleted
    = R"({"type":"response.completed","response":{"id":"resp_1","status":"completed","output":[],
        "usage":{"input_tokens":10,"output_tokens":20}}})";

} // namespace

class TestResponsesDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordedBody_data();
    void recordedBody();
    void recordedBodyWithShortenedBase64();
    void recordedErrorBodies_data();
    void recordedErrorBodies();
    void vercelOpenAiStream_data();
    void vercelOpenAiStream();
    void azureStream_data();
    void azureStream();
    void recordedErrorStream();

    void synthetic_data();
    void synthetic();
    void toolUsageImageGen();
    void gatewayCostAndChatUsageNames();
    void gatewayImageItems_data();
    void gatewayImageItems();
    void completedRepeatsItemsOnlyOnce();
    void messageTextWithoutDeltas();
    void partialImage();
    void hugeImageEvent();
    void hostileInputNeverCrashes_data();
    void hostileInputNeverCrashes();
};

void TestResponsesDecoder::recordedBody_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<qint64>("byteCount");
    QTest::addColumn<QString>("sha256");
    QTest::addColumn<QString>("quality");
    QTest::addColumn<QString>("format");
    QTest::newRow("jpeg") << "openai-responses-image-jpeg.response.json" << QSize(1536, 1024)
                          << qint64(140908)
                          << "bc687d7345c193e2d8b8195c4f5320c97b6ab2a06de306d0254a559c99e81840"
                          << "high"
                          << "jpeg";
    QTest::newRow("png") << "openai-responses-image-png.response.json" << QSize(1024, 1024)
                         << qint64(1653343)
                         << "4e9f8ac69a30025cb6ed6aa4e5fc4963f1ce813bc6af094462d45e4a7ef484a7"
                         << "high"
                         << "png";
}

void TestResponsesDecoder::recordedBody()
{
    EASEL_REQUIRE_FIXTURES();
    QFETCH(QString, file);
    QFETCH(QSize, pixels);
    QFETCH(qint64, byteCount);
    QFETCH(QString, sha256);
    QFETCH(QString, quality);
    QFETCH(QString, format);

    const QByteArray body = RecordedStream::read(file);
    QVERIFY(!body.isEmpty());
    const QJsonObject recorded = QJsonDocument::fromJson(body).object();

    ResponsesDecoder decoder;
    const StreamEvents events = decoder.decodeResponseBody(body);
    QCOMPARE(kinds(events), QStringLiteral("Started,ImageFinal,Usage,Done"));
    QVERIFY(decoder.isFinished());
    QVERIFY(decoder.finish().isEmpty());

    const QString responseId = recorded.value("id").toString();
    QCOMPARE(events.first().responseId, responseId);
    QCOMPARE(events.first().model, recorded.value("model").toString());
    QCOMPARE(events.last().responseId, responseId);

    const StreamEvent image = ofKind(events, Kind::ImageFinal).first();
    QCOMPARE(image.imageBytes.size(), byteCount);
    QCOMPARE(QString::fromLatin1(
                 QCryptographicHash::hash(image.imageBytes, QCryptographicHash::Sha256).toHex()),
             sha256);
    QImage decoded;
    QVERIFY(decoded.loadFromData(image.imageBytes));
    QCOMPARE(decoded.size(), pixels);
    QVERIFY(image.imageUrl.isEmpty());

    QJsonObject item;
    for (const QJsonValue &v : recorded.value("output").toArray())
        if (v.toObject().value("type") == "image_generation_call")
            item = v.toObject();
    QCOMPARE(image.itemId, item.value("id").toString());
    QCOMPARE(image.report.size, QStringLiteral("%1x%2").arg(pixels.width()).arg(pixels.height()));
    QCOMPARE(image.report.quality, quality);
    QCOMPARE(image.report.outputFormat, format);
    QCOMPARE(image.report.background, QStringLiteral("opaque"));
    QVERIFY(!image.report.revisedPrompt.isEmpty());
    QCOMPARE(image.report.revisedPrompt, item.value("revised_prompt").toString());

    const QJsonObject usage = recorded.value("usage").toObject();
    const Usage u = ofKind(events, Kind::Usage).first().usage;
    QCOMPARE(u.inputTokens, usage.value("input_tokens").toInteger());
    QCOMPARE(u.outputTokens, usage.value("output_tokens").toInteger());
    QCOMPARE(u.cachedInputTokens,
             usage.value("input_tokens_details").toObject().value("cached_tokens").toInteger());
    QCOMPARE(u.reasoningTokens,
             usage.value("output_tokens_details").toObject().value("reasoning_tokens").toInteger());
    QVERIFY(u.inputTokens > 0 && u.outputTokens > 0);
    QVERIFY(!u.hasImageTokens);
    QVERIFY(!u.billedCostUsd.has_value());
}

void TestResponsesDecoder::recordedBodyWithShortenedBase64()
{
    EASEL_REQUIRE_FIXTURES();
    ResponsesDecoder decoder;
    const StreamEvents events = decoder.decodeResponseBody(
        RecordedStream::read("vercel-openai-image-generation-tool.1.json"));
    QCOMPARE(kinds(events), QStringLiteral("Started,Error,Usage,Done"));
    const StreamEvent error = ofKind(events, Kind::Error).first();
    QCOMPARE(error.errorCode, QStringLiteral("invalid_image_data"));
    QVERIFY(error.message.contains("ig_0a33d15155cb126d0068c96c59bc14819599154c9988b82996"));
    QCOMPARE(ofKind(events, Kind::Usage).first().usage.inputTokens, 3151);
}

void TestResponsesDecoder::recordedErrorBodies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("quota") << "vercel-openai-error.1.json"
                           << "insufficient_quota"
                           << "The gateway refused the request: You exceeded your current quota, "
                              "please check your plan and billing details. For more information "
                              "on this error, read the docs: "
                              "https://platform.openai.com/docs/guides/error-codes/api-errors. "
                              "(insufficient_quota)";
    QTest::newRow("unknown parameter")
        << "vercel-gpt-image-response-format-error.json"
        << "unknown_parameter"
        << "The gateway refused the request: Unknown parameter: 'response_format'. "
           "(unknown_parameter)";
}

void TestResponsesDecoder::recordedErrorBodies()
{
    EASEL_REQUIRE_FIXTURES();
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, message);
    ResponsesDecoder decoder;
    const StreamEvents events = decoder.decodeResponseBody(RecordedStream::read(file));
    QCOMPARE(kinds(events), QStringLiteral("Error"));
    QCOMPARE(events.first().errorCode, code);
    QCOMPARE(events.first().message, message);
    QVERIFY(decoder.isFinished());
}

void TestResponsesDecoder::vercelOpenAiStream_data()
{
    QTest::addColumn<int>("chunkSize");
    QTest::newRow("whole") << 0;
    QTest::newRow("byte by byte") << 1;
    QTest::newRow("1000-byte chunks") << 1000;
}

void TestResponsesDecoder::vercelOpenAiStream()
{
    EASEL_REQUIRE_FIXTURES();
    QFETCH(int, chunkSize);
    const QByteArray wire = RecordedStream::frameAsSse(
        RecordedStream::read("vercel-openai-image-generation-tool.1.chunks.txt"));
    const StreamEvents events = decodeStream(wire, chunkSize);

    // The recorder shortened the base64 with "...": the preview is skipped, the final image is
    // reported once (not again when response.completed repeats it), and the turn still completes.
    QCOMPARE(kinds(events), QStringLiteral("Started,ImagePending,Error,Usage,Done"));
    const QString itemId = QStringLiteral("ig_0df93c0bb83a72f20068c979f589c0819e9f0fc2d1a27aa1b8");
    QCOMPARE(events.at(0).responseId,
             QStringLiteral("resp_0df93c0bb83a72f20068c979db26ac819e8b5a444fad3f0d7f"));
    QCOMPARE(events.at(0).model, QStringLiteral("gpt-5-2025-08-07"));
    QCOMPARE(events.at(1).itemId, itemId);
    QCOMPARE(events.at(2).errorCode, QStringLiteral("invalid_image_data"));
    QCOMPARE(events.at(2).itemId, itemId);
    QVERIFY(events.at(2).message.contains(itemId));
    const Usage u = events.at(3).usage;
    QCOMPARE(u.inputTokens, 2941);
    QCOMPARE(u.cachedInputTokens, 1920);
    QCOMPARE(u.outputTokens, 1249);
    QCOMPARE(u.reasoningTokens, 1024);
    QCOMPARE(events.at(4).responseId, events.at(0).responseId);
}

void TestResponsesDecoder::azureStream_data()
{
    vercelOpenAiStream_data();
}

void TestResponsesDecoder::azureStream()
{
    EASEL_REQUIRE_FIXTURES();
    QFETCH(int, chunkSize);
    const QByteArray wire = RecordedStream::frameAsSse(
        RecordedStream::read("vercel-azure-image-generation-tool.1.chunks.txt"));
    const StreamEvents events = decodeStream(wire, chunkSize);

    QCOMPARE(
        kinds(events),
        QStringLiteral("Started,ImagePending,ImagePartial,ImageFinal,TextDelta*28,Usage,Done"));
    QCOMPARE(allText(events),
             QStringLiteral("Here is an anime-like image of a cute raccoon waving hello. If you "
                            "want any changes or another style, just let me know!"));

    const StreamEvent partial = ofKind(events, Kind::ImagePartial).first();
    const StreamEvent final = ofKind(events, Kind::ImageFinal).first();
    const QString itemId = QStringLiteral("ig_0ca0ba552749d18c0069414e512d78819791ec2c3fe1d486b8");
    QCOMPARE(partial.itemId, itemId);
    QCOMPARE(partial.partialIndex, 0);
    QCOMPARE(partial.report.size, QStringLiteral("1024x1024"));
    QCOMPARE(partial.report.quality, QStringLiteral("medium"));
    QCOMPARE(partial.report.outputFormat, QStringLiteral("png"));
    QCOMPARE(QImage::fromData(partial.imageBytes).size(), QSize(1, 1));

    // Its item says "generating", yet it carries the finished image.
    QCOMPARE(final.itemId, itemId);
    QCOMPARE(QImage::fromData(final.imageBytes).size(), QSize(1, 1));
    QCOMPARE(final.report.revisedPrompt,
             QStringLiteral("anime-style cute raccoon waving hello, large expressive eyes, soft "
                            "fur texture, cheerful expression, colorful background with soft "
                            "pastel tones"));
    QCOMPARE(final.report.background, QStringLiteral("opaque"));

    const Usage u = ofKind(events, Kind::Usage).first().usage;
    QCOMPARE(u.inputTokens, 1979);
    QCOMPARE(u.outputTokens, 67);
}

void TestResponsesDecoder::recordedErrorStream()
{
    EASEL_REQUIRE_FIXTURES();
    const QByteArray wire
        = RecordedStream::frameAsSse(RecordedStream::read("vercel-openai-error.1.chunks.txt"));
    for (const int chunkSize : { 0, 1 }) {
        const StreamEvents events = decodeStream(wire, chunkSize);
        // The `error` event and the `response.failed` after it are one failure.
        QCOMPARE(kinds(events), QStringLiteral("Started,Error"));
        const StreamEvent error = events.last();
        QCOMPARE(error.errorCode, QStringLiteral("insufficient_quota"));
        QVERIFY(error.message.contains("exceeded your current quota"));
        QVERIFY(error.message.startsWith("The gateway refused the request: You exceeded"));
    }
}

void TestResponsesDecoder::synthetic_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("flat error event")
        << sse(kCreated)
            + sse(
                R"({"type":"error","code":"ERR_SOMETHING","message":"Something went wrong",
                    "param":null,"sequence_number":1})")
        << "Started,Error"
        << "ERR_SOMETHING"
        << "The gateway refused the request: Something went wrong (ERR_SOMETHING)";
    QTest::newRow("nested error event with numeric code")
        << sse(R"({"type":"error","error":{"code":429,"message":"Slow down"}})") << "Error"
        << "429"
        << "Slow down";
    QTest::newRow("server error wording")
        << sse(R"({"type":"error","error":{"type":"server_error","code":null,"message":"Oops"}})")
        << "Error"
        << "server_error"
        << "The gateway failed while answering: Oops";
    QTest::newRow("response.failed alone")
        << sse(kCreated)
            + sse(
                R"({"type":"response.failed","response":{"id":"resp_1","status":"failed",
                    "error":{"code":"rate_limit_exceeded","message":"Rate limit reached."},
                    "usage":null,"output":[]}})")
        << "Started,Error"
        << "rate_limit_exceeded"
        << "The gateway refused the request: Rate limit reached. (rate_limit_exceeded)";
    QTest::newRow("response.failed without details") << sse(
        R"({"type":"response.failed","response":{"id":"resp_1","status":"failed","error":null}})")
                                                     << "Started,Error"
                                                     << ""
                                                     << "without giving a reason";
    QTest::newRow("incomplete: content filter")
        << sse(kCreated)
            + sse(
                R"({"type":"response.incomplete","response":{"id":"resp_1","status":"incomplete",
                    "incomplete_details":{"reason":"content_filter"},"output":[]}})")
        << "Started,Error"
        << "content_filter"
        << "content filter";
    QTest::newRow("incomplete: max output tokens, usage kept")
        << sse(kCreated)
            + sse(
                R"({"type":"response.incomplete","response":{"id":"resp_1","status":"incomplete",
                    "incomplete_details":{"reason":"max_output_tokens"},"output":[],
                    "usage":{"input_tokens":5,"output_tokens":100}}})")
        << "Started,Usage,Error"
        << "max_output_tokens"
        << "maximum number of output tokens";
    QTest::newRow("malformed JSON, the stream goes on") << sse(kCreated)
            + "event: response.output_text.delta\ndata: {\"type\":\"response.output_"
              "text.delta\",\"delta\":\"Hi\n\n"
            + sse(R"({"type":"response.output_text.delta","item_id":"m","delta":"Hello"})")
            + sse(kCompleted) << "Started,Error,TextDelta,Usage,Done"
                                                        << "malformed_event"
                                                        << "The gateway sent a malformed event (";
    QTest::newRow("JSON that is not an object")
        << sse("[1,2]") + sse(kCompleted) << "Error,Started,Usage,Done"
        << "malformed_event"
        << "not a JSON object";
    QTest::newRow("unknown events are ignored") << sse(kCreated)
            + sse(R"({"type":"response.reasoning_summary_text.delta","delta":"x"})")
            + sse(R"({"type":"response.web_search_call.searching"})") + sse(R"({"no_type":true})")
            + sse(kCompleted) << "Started,Usage,Done"
                                                << ""
                                                << "";
    QTest::newRow("stream ended without a terminal event")
        << sse(kCreated)
            + sse(R"({"type":"response.output_text.delta","item_id":"m","delta":"Half"})")
        << "Started,TextDelta,Error"
        << "stream_truncated"
        << "The response stopped before it was complete";
    QTest::newRow("empty stream") << QByteArray() << "Error"
                                  << "stream_truncated"
                                  << "";
    QTest::newRow("[DONE] is not a terminal event")
        << sse(kCreated) + sse("[DONE]") << "Started,Error"
        << "stream_truncated"
        << "";
    QTest::newRow("[DONE] after completion is harmless")
        << sse(kCreated) + sse(kCompleted) + sse("[DONE]") << "Started,Usage,Done"
        << ""
        << "";
    QTest::newRow("type from the SSE event name")
        << "event: response.output_text.delta\ndata: {\"item_id\":\"m\",\"delta\":\"Hi\"}\n\n"
            + sse(kCompleted)
        << "TextDelta,Started,Usage,Done"
        << ""
        << "";
    QTest::newRow("failed item") << sse(kCreated)
            + sse(
                                        R"({"type":"response.output_item.done","item":{"id":"ig_9",
                    "type":"image_generation_call","status":"failed","result":null}})")
            + sse(kCompleted) << "Started,Error,Usage,Done"
                                 << "image_generation_failed"
                                 << "ig_9";
}

void TestResponsesDecoder::synthetic()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, expectedKinds);
    QFETCH(QString, errorCode);
    QFETCH(QString, messagePart);

    for (const int chunkSize : { 0, 1, 5 }) {
        const StreamEvents events = decodeStream(wire, chunkSize);
        QCOMPARE(kinds(events), expectedKinds);
        const QList<StreamEvent> errors = ofKind(events, Kind::Error);
        if (expectedKinds.contains(QLatin1String("Error"))) {
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.first().errorCode, errorCode);
            QVERIFY2(errors.first().message.contains(messagePart),
                     qPrintable(errors.first().message));
            QVERIFY(!errors.first().message.isEmpty());
        }
    }
}

void TestResponsesDecoder::toolUsageImageGen()
{
    // wire-formats A.7: gpt-5-mini + gpt-image-2, low, 1024x1024, recorded 2026-09-29.
    const QByteArray completed = R"({"type":"response.completed","response":{"id":"resp_2",
        "status":"completed","output":[],
        "tool_usage":{"image_gen":{"input_tokens":71,"input_tokens_details":{"image_tokens":0,
            "text_tokens":71},
                      "output_tokens":196,"output_tokens_details":{"image_tokens":196,
                          "text_tokens":0},"total_tokens":267},
                      "web_search":{"num_requests":0}},
        "usage":{"input_tokens":2279,"input_tokens_details":{"cache_write_tokens":0,
            "cached_tokens":0},
                 "output_tokens":683,"output_tokens_details":{"reasoning_tokens":576},
                     "total_tokens":2962},
        "billing":{"payer":"developer"}}})";
    ResponsesDecoder decoder;
    const StreamEvents events = decoder.decode(SseEvent { "response.completed", completed, {} });
    QCOMPARE(kinds(events), QStringLiteral("Started,Usage,Done"));
    const Usage u = events.at(1).usage;
    QCOMPARE(u.inputTokens, 2279);
    QCOMPARE(u.cachedInputTokens, 0);
    QCOMPARE(u.outputTokens, 683);
    QCOMPARE(u.reasoningTokens, 576);
    QVERIFY(u.hasImageTokens);
    QCOMPARE(u.imageInputTextTokens, 71);
    QCOMPARE(u.imageInputImageTokens, 0);
    QCOMPARE(u.imageOutputTokens, 196);
    QCOMPARE(events.at(2).responseId, QStringLiteral("resp_2"));
}

void TestResponsesDecoder::gatewayCostAndChatUsageNames()
{
    ResponsesDecoder decoder;
    const StreamEvents events = decoder.decodeResponseBody(R"({"id":"gen-1","model":"openai/gpt-5",
        "status":"completed","output":[],
        "usage":{"prompt_tokens":194,"completion_tokens":2,
            "prompt_tokens_details":{"cached_tokens":100},
                 "completion_tokens_details":{"reasoning_tokens":1},"cost":0.95}})");
    QCOMPARE(kinds(events), QStringLiteral("Started,Usage,Done"));
    const Usage u = events.at(1).usage;
    QCOMPARE(u.inputTokens, 194);
    QCOMPARE(u.cachedInputTokens, 100);
    QCOMPARE(u.outputTokens, 2);
    QCOMPARE(u.reasoningTokens, 1);
    QVERIFY(u.billedCostUsd.has_value());
    QCOMPARE(*u.billedCostUsd, 0.95);
    QVERIFY(!u.hasImageTokens);
}

void TestResponsesDecoder::gatewayImageItems_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("hasBytes");
    QTest::addColumn<QString>("revisedPrompt");

    const QByteArray png = tinyPngBase64();
    QTest::newRow("openrouter imageUrl")
        << QByteArray(
               R"({"type":"openrouter:image_generation","id":"ig_tmp_abc123","status":"completed",
              "imageUrl":"https://example.com/image.png","prompt":"a cat",
                  "revisedPrompt":"a fluffy cat"})")
        << "https://example.com/image.png" << false << "a fluffy cat";
    QTest::newRow("result is a URL") << QByteArray(
        R"({"type":"modelgates:image_generation","id":"ig_tmp_abc123","status":"completed",
              "result":"https://example.com/r.png"})")
                                     << "https://example.com/r.png" << false << "";
    QTest::newRow("imageB64 wins over the URL") << QByteArray(
        R"({"type":"openrouter:image_generation","id":"ig_tmp_abc123","status":"completed",
              "imageUrl":"https://example.com/image.png","imageB64":")"
        + png + R"(","result":"https://example.com/image.png"})")
                                                << "" << true << "";
    QTest::newRow("result as a data URL")
        << QByteArray(R"({"type":"image_generation_call","id":"ig_tmp_abc123","status":"completed",
              "result":"data:image/png;base64,)"
                      + png + R"(","revised_prompt":"red"})")
        << "" << true << "red";
    QTest::newRow("bad base64 falls back to the URL")
        << QByteArray(
               R"({"type":"openrouter:image_generation","id":"ig_tmp_abc123","status":"completed",
              "imageB64":"iVBOR...xyz","imageUrl":"https://example.com/fallback.png"})")
        << "https://example.com/fallback.png" << false << "";
}

void TestResponsesDecoder::gatewayImageItems()
{
    QFETCH(QByteArray, item);
    QFETCH(QString, url);
    QFETCH(bool, hasBytes);
    QFETCH(QString, revisedPrompt);

    const QByteArray added = R"({"type":"response.output_item.added","output_index":0,
            "item":{"type":"openrouter:image_generation","id":"ig_tmp_abc123",
            "status":"in_progress"}})";
    const QByteArray done
        = R"({"type":"response.output_item.done","output_index":0,"item":)" + item + "}";
    const StreamEvents events
        = decodeStream(sse(kCreated) + sse(added) + sse(done) + sse(kCompleted));
    QCOMPARE(kinds(events), QStringLiteral("Started,ImagePending,ImageFinal,Usage,Done"));
    const StreamEvent image = events.at(2);
    QCOMPARE(image.itemId, QStringLiteral("ig_tmp_abc123"));
    QCOMPARE(image.imageUrl, url);
    QCOMPARE(!image.imageBytes.isEmpty(), hasBytes);
    if (hasBytes)
        QCOMPARE(QImage::fromData(image.imageBytes).size(), QSize(2, 3));
    QCOMPARE(image.report.revisedPrompt, revisedPrompt);
}

void TestResponsesDecoder::completedRepeatsItemsOnlyOnce()
{
    const QByteArray png = tinyPngBase64();
    const QByteArray item
        = R"({"id":"ig_1","type":"image_generation_call","status":"completed","result":")" + png
        + R"(","size":"1024x1024"})";
    const QByteArray message
        = R"({"id":"msg_1","type":"message","role":"assistant","content":[{"type":"output_text",
            "text":"Done."}]})";
    const QByteArray wire = sse(kCreated)
        + sse(R"({"type":"response.output_item.done","output_index":0,"item":)" + item + "}")
        + sse(R"({"type":"response.output_item.done","output_index":1,"item":)" + message + "}")
        + sse(R"({"type":"response.completed","response":{"id":"resp_1","status":"completed",
            "output":[)"
              + item + "," + message
              + R"(,{"id":"ig_2","type":"image_generation_call","status":"completed","result":")"
              + png + R"("}]}})");
    const StreamEvents events = decodeStream(wire);
    // ig_2 appears only in response.completed: it is delivered there, the others are not repeated.
    QCOMPARE(kinds(events), QStringLiteral("Started,ImageFinal,TextDelta,ImageFinal,Done"));
    QCOMPARE(events.at(1).itemId, QStringLiteral("ig_1"));
    QCOMPARE(events.at(1).report.size, QStringLiteral("1024x1024"));
    QCOMPARE(events.at(2).text, QStringLiteral("Done."));
    QCOMPARE(events.at(3).itemId, QStringLiteral("ig_2"));
}

void TestResponsesDecoder::messageTextWithoutDeltas()
{
    ResponsesDecoder decoder;
    const StreamEvents events = decoder.decodeResponseBody(R"({"id":"resp_3","model":"gpt-5",
        "status":"completed","output":[
          {"id":"msg_a","type":"message","content":[{"type":"output_text","text":"Here "},
                                                    {"type":"output_text","text":"it is."}]},
          {"id":"msg_b","type":"message","content":[{"type":"refusal","refusal":"No more."}]},
          {"id":"msg_c","type":"message","content":[{"type":"output_text","text":""}]}]})");
    QCOMPARE(kinds(events), QStringLiteral("Started,TextDelta*2,Done"));
    QCOMPARE(events.at(1).text, QStringLiteral("Here it is."));
    QCOMPARE(events.at(2).text, QStringLiteral("No more."));
}

void TestResponsesDecoder::partialImage()
{
    const QByteArray png = tinyPngBase64();
    const QByteArray partial
        = R"({"type":"response.image_generation_call.partial_image","output_index":1,
        "item_id":"ig_p","partial_image_index":2,"partial_image_b64":")"
        + png
        + R"(","size":"1536x1024","quality":"low","background":"opaque","output_format":"webp"})";
    const QByteArray badPartial = R"({"type":"response.image_generation_call.partial_image",
        "item_id":"ig_p","partial_image_index":3,"partial_image_b64":"UklGR...AAAA"})";
    const StreamEvents events
        = decodeStream(sse(kCreated) + sse(partial) + sse(badPartial) + sse(kCompleted));
    // An undecodable preview is skipped; it does not fail the turn.
    QCOMPARE(kinds(events), QStringLiteral("Started,ImagePartial,Usage,Done"));
    const StreamEvent e = events.at(1);
    QCOMPARE(e.itemId, QStringLiteral("ig_p"));
    QCOMPARE(e.partialIndex, 2);
    QCOMPARE(e.report.size, QStringLiteral("1536x1024"));
    QCOMPARE(e.report.quality, QStringLiteral("low"));
    QCOMPARE(e.report.background, QStringLiteral("opaque"));
    QCOMPARE(e.report.outputFormat, QStringLiteral("webp"));
    QCOMPARE(QImage::fromData(e.imageBytes).size(), QSize(2, 3));
}

void TestResponsesDecoder::hugeImageEvent()
{
    // A 5 MB event whose base64 decodes to about 3.5 MB: correctness only, timing is the bench's.
    QByteArray bytes(3500 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 2654435761u) >> 13);
    const QByteArray base64 = bytes.toBase64();
    const QByteArray item
        = R"({"type":"response.output_item.done","output_index":0,"item":{"id":"ig_big",
        "type":"image_generation_call","status":"completed","revised_prompt":"big","result":")"
        + base64 + R"("}})";
    const StreamEvents events
        = decodeStream(sse(kCreated) + sse(item) + sse(kCompleted), 16 * 1024);
    QCOMPARE(kinds(events), QStringLiteral("Started,ImageFinal,Usage,Done"));
    QCOMPARE(events.at(1).imageBytes.size(), bytes.size());
    QVERIFY(events.at(1).imageBytes == bytes);
}

void TestResponsesDecoder::hostileInputNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("item is a number")
        << QByteArray(R"({"type":"response.output_item.done","item":5})");
    QTest::newRow("response is a string")
        << QByteArray(R"({"type":"response.failed","response":"x"})");
    QTest::newRow("output is an object")
        << QByteArray(R"({"type":"response.completed","response":{"output":{"a":1},"usage":7}})");
    QTest::newRow("content is a number") << QByteArray(
        R"({"type":"response.output_item.done","item":{"type":"message","content":3}})");
    QTest::newRow("result is a number") << QByteArray(
        R"({"type":"response.output_item.done","item":{"type":"image_generation_call","id":"i",
            "result":12}})");
    QTest::newRow("delta is an array")
        << QByteArray(R"({"type":"response.output_text.delta","delta":["a"]})");
    QTest::newRow("tool_usage is a string") << QByteArray(
        R"({"type":"response.completed","response":{"tool_usage":"x",
            "usage":{"input_tokens":"many"}}})");
    QTest::newRow("truncated JSON") << QByteArray(R"({"type":"response.completed","resp)");
    QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe{{{", 6);
    QTest::newRow("error is a string") << QByteArray(R"({"type":"error","error":"boom"})");
}

void TestResponsesDecoder::hostileInputNeverCrashes()
{
    QFETCH(QByteArray, data);
    ResponsesDecoder decoder;
    StreamEvents events = decoder.decode(SseEvent { {}, data, {} });
    events += decoder.decode(SseEvent { {}, data, {} });
    events += decoder.finish();
    // Whatever came out, every error is a sentence.
    for (const StreamEvent &e : std::as_const(events))
        if (e.kind == Kind::Error)
            QVERIFY(e.message.endsWith(QLatin1Char('.')) || e.message.endsWith(QLatin1Char(')')));
    QVERIFY(decoder.isFinished());
}

QTEST_MAIN(TestResponsesDecoder)
#include "tst_responsesdecoder.moc"
