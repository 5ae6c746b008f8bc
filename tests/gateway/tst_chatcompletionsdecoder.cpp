#include "gateway/chatcompletionsdecoder.h"
#include "streamharness.h"

#include <QImage>
#include <QTest>

using namespace StreamHarness;

namespace {

const QByteArray kRed
    = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEElEQVR4nGP4z8AARAwoFABE0AX7pM/"
      "egAAAAABJRU5ErkJggg==";

// A chat.completion.chunk with the given choice fields (delta, finish_reason) and extras.
QByteArray chunk(const QByteArray &choice, const QByteArray &extra = {})
{
    QByteArray json = R"({"id":"gen-1","object":"chat.completion.chunk","model":"m","choices":[)"
        + (choice.isEmpty() ? QByteArray() : R"({"index":0,)" + choice + "}") + "]";
    if (!extra.isEmpty())
        json += "," + extra;
    return sse(json + "}");
}

QByteArray text(const QByteArray &content)
{
    return chunk("\"delta\":{\"content\":\"" + content + "\"}");
}

QByteArray stop(const QByteArray &reason = "stop")
{
    return chunk("\"delta\":{},\"finish_reason\":\"" + reason + '"');
}

const QByteArray kDone = sse("[DONE]");

StreamEvents decodeWire(const QByteArray &wire)
{
    QString failure;
    const StreamEvents events = runAllChunkings(
        [] { return std::make_unique<ChatCompletionsDecoder>(); }, wire, &failure);
    if (!failure.isEmpty())
        qWarning("chunkings disagree: %s", qPrintable(failure));
    return failure.isEmpty() ? events : StreamEvents {};
}

} // namespace

class TestChatCompletionsDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stream_data();
    void stream();
    void imagesAndLinks_data();
    void imagesAndLinks();
    void bodies_data();
    void bodies();
    void usageVocabularies_data();
    void usageVocabularies();
    void finishedState();
    void hostileInputNeverCrashes_data();
    void hostileInputNeverCrashes();
};

void TestChatCompletionsDecoder::stream_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message"); // the Error's message, contained

    QTest::newRow("plain answer") << text("Hello") + text(" there") + stop() + kDone
                                  << "Started,TextDelta*2,Done"
                                  << ""
                                  << "";
    QTest::newRow("403 moderation names its reasons")
        << text("Drawing")
            + chunk(R"("delta":{"content":""},"finish_reason":"error")",
                    R"("error":{"code":403,"message":"Your input was flagged","metadata":{
                        "reasons":["violence","hate"],"flagged_input":"…","provider_name":"OpenAI",
                        "model_slug":"openai/gpt-5"}})")
        << "Started,TextDelta,Error"
        << "403"
        << "The gateway refused the request: Your input was flagged (403). Reasons: violence, "
           "hate.";
    QTest::newRow("402 out of credits")
        << chunk(R"("delta":{},"finish_reason":"error")",
                 R"("error":{"code":402,"message":"Insufficient credits. Add more using )"
                 R"(https://openrouter.ai/credits"})")
        << "Started,Error"
        << "402"
        << "The gateway refused the request: Insufficient credits.";
    QTest::newRow("5xx code reads as the gateway's failure")
        << chunk({}, R"("error":{"code":502,"message":"Upstream error"})") << "Started,Error"
        << "502"
        << "The gateway failed while answering: Upstream error (502)";
    QTest::newRow("AI Stats error chunk")
        << chunk({}, R"("error":"provider_error","error_type":"upstream",
                      "description":"Upstream timed out","status_code":502)")
        << "Started,Error"
        << "provider_error"
        << "The gateway failed while answering: Upstream timed out (provider_error)";
    QTest::newRow("finish_reason error without an error object")
        << text("Hal") + stop("error") + kDone << "Started,TextDelta,Error"
        << "stream_error"
        << "without giving a reason.";
    QTest::newRow("finish_reason length")
        << text("Long") + stop("length") + kDone << "Started,TextDelta,Error"
        << "max_output_tokens"
        << "maximum number of output tokens";
    QTest::newRow("finish_reason content_filter")
        << stop("content_filter") + kDone << "Started,Error"
        << "content_filter"
        << "content filter";
    QTest::newRow("finish_reason without [DONE] still ends well")
        << text("Hi") + stop() << "Started,TextDelta,Done"
        << ""
        << "";
    QTest::newRow("neither finish_reason nor [DONE]: truncated")
        << text("Hi") << "Started,TextDelta,Error"
        << "stream_truncated"
        << "The response stopped before it was complete";
    QTest::newRow("empty stream") << QByteArray() << "Error"
                                  << "stream_truncated"
                                  << "";
    QTest::newRow("only comments")
        << QByteArray(": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n") << "Error"
        << "stream_truncated"
        << "";
    QTest::newRow("malformed chunk, the stream goes on")
        << text("Hi") + "data: {\"id\":\"gen-1\",\"choices\":[\n\n" + stop() + kDone
        << "Started,TextDelta,Error,Done"
        << "malformed_event"
        << "The gateway sent a malformed chunk (";
    QTest::newRow("relayed tool result with status error")
        << chunk(R"("delta":{"role":"tool","content":"{\"status\":\"error\",)"
                 R"(\"error\":\"Generation failed due to content policy\"}"})")
            + text("Sorry.") + stop() + kDone
        << "Started,Error,TextDelta"
        << "image_generation_failed"
        << "The gateway's image tool failed: Generation failed due to content policy.";
    QTest::newRow("chunks after [DONE] are ignored")
        << text("Hi") + stop() + kDone + text("late") << "Started,TextDelta,Done"
        << ""
        << "";
    QTest::newRow("other choices are ignored") << chunk(R"("delta":{"content":"A"})")
            + sse(R"({"id":"gen-1","choices":[{"index":1,"delta":{"content":"B"}}]})") + stop()
            + kDone << "Started,TextDelta,Done"
                                               << ""
                                               << "";
    QTest::newRow("usage after an error chunk is kept")
        << chunk(R"("delta":{},"finish_reason":"error")",
                 R"("error":{"code":"server_error","message":"Boom"})")
            + chunk({}, R"("usage":{"prompt_tokens":3,"completion_tokens":4,"cost":0.001})")
        << "Started,Error,Usage"
        << "server_error"
        << "Boom";
}

void TestChatCompletionsDecoder::stream()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, expectedKinds);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    const StreamEvents events = decodeWire(wire);
    QCOMPARE(kinds(events), expectedKinds);
    const QList<StreamEvent> errors = ofKind(events, Kind::Error);
    QCOMPARE(errors.size(), expectedKinds.contains(QLatin1String("Error")) ? 1 : 0);
    if (!errors.isEmpty()) {
        QCOMPARE(errors.first().errorCode, errorCode);
        QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().message));
    }
}

void TestChatCompletionsDecoder::imagesAndLinks_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QStringList>("images"); // per ImageFinal: "id url" or "id bytes WxH"
    QTest::addColumn<QString>("errorCode");

    const QByteArray dataUrl = "data:image/png;base64," + kRed;
    const QByteArray imageEntry
        = R"({"type":"image_url","image_url":{"url":")" + dataUrl + R"("}})";
    QTest::newRow("delta image and the same one in the final message: once")
        << chunk(R"("delta":{"images":[)" + imageEntry + "]}")
            + chunk(R"("message":{"role":"assistant","content":"","images":[)" + imageEntry
                    + R"(]},"finish_reason":"stop")")
            + kDone
        << "Started,ImageFinal,Done" << QStringList { "chat-img-0 bytes 2x3" } << "";
    QTest::newRow("two different images keep their order")
        << chunk(R"("delta":{"images":[)" + imageEntry
                 + R"(,{"type":"image_url","image_url":{"url":"https://cdn.example/b.png"}}]})")
            + stop() + kDone
        << "Started,ImageFinal,ImageFinal,Done"
        << QStringList { "chat-img-0 bytes 2x3", "chat-img-1 https://cdn.example/b.png" } << "";
    QTest::newRow("image URL entry and the same URL as a markdown link: once")
        << chunk(R"("delta":{"images":[{"type":"image_url",
                     "image_url":{"url":"https://cdn.example/a.png"}}]})")
            + text(R"(See ![a](https://cdn.example/a.png))") + stop() + kDone
        << "Started,ImageFinal,TextDelta,Done"
        << QStringList { "chat-img-0 https://cdn.example/a.png" } << "";
    QTest::newRow("data URL link with the bytes of a delivered image: once")
        << chunk(R"("delta":{"images":[)" + imageEntry + "]}")
            + text("Again: ![same](" + dataUrl + ")") + stop() + kDone
        << "Started,ImageFinal,TextDelta,Done" << QStringList { "chat-img-0 bytes 2x3" } << "";
    QTest::newRow("data URL link alone is an image")
        << text("![only](" + dataUrl + ")") + stop() + kDone << "Started,TextDelta,ImageFinal,Done"
        << QStringList { "link-img-0 bytes 2x3" } << "";
    QTest::newRow("links in order, each once; web pages are not images")
        << text("![one](https://h.example/1.png) and https://h.example/2.jpg and ")
            + text("https://h.example/page.html and ![one again](https://h.example/1.png)") + stop()
            + kDone
        << "Started,TextDelta*2,ImageFinal,ImageFinal,Done"
        << QStringList { "link-img-0 https://h.example/1.png",
                         "link-img-1 https://h.example/2.jpg" }
        << "";
    // Past the text a turn keeps (StreamEvent::maxAnswerLength) a runaway answer is not searched.
    const QByteArray filler(StreamEvent::maxAnswerLength, 'x');
    QTest::newRow("links past the kept text are not read")
        << text("![a](https://h.example/1.png) ") + text(filler)
            + text(" ![b](https://h.example/2.png)") + stop() + kDone
        << "Started,TextDelta*3,ImageFinal,Done"
        << QStringList { "link-img-0 https://h.example/1.png" } << "";
    QTest::newRow("a link in a message cut short is not read")
        << text("![a](https://h.example/1.png) and https://h.example/2") + stop("length") + kDone
        << "Started,TextDelta,Error" << QStringList {} << "max_output_tokens";
    QTest::newRow("no links are read after an error, even if a finish_reason follows")
        << text("![a](https://h.example/1.png)")
            + chunk({}, R"("error":{"code":"server_error","message":"Lost the provider"})") + stop()
            + kDone
        << "Started,TextDelta,Error" << QStringList {} << "server_error";
    QTest::newRow("[DONE] without finish_reason ends the message")
        << text("![a](https://h.example/1.png)") + kDone << "Started,TextDelta,ImageFinal,Done"
        << QStringList { "link-img-0 https://h.example/1.png" } << "";
    QTest::newRow("content parts with an image")
        << chunk(R"("message":{"role":"assistant","content":[{"type":"text","text":"Here"},
                     {"type":"image_url","image_url":{"url":")"
                 + dataUrl + R"("}}]},"finish_reason":"stop")")
            + kDone
        << "Started,TextDelta,ImageFinal,Done" << QStringList { "chat-img-0 bytes 2x3" } << "";
    QTest::newRow("relayed tool result with the image URL")
        << chunk(R"("delta":{"role":"tool",)"
                 R"("content":"{\"status\":\"ok\",\"imageUrl\":\"https://cdn.example/t.png\"}"})")
            + text("![t](https://cdn.example/t.png)") + stop() + kDone
        << "Started,ImageFinal,TextDelta,Done"
        << QStringList { "chat-img-0 https://cdn.example/t.png" } << "";
    QTest::newRow("damaged base64 is an error")
        << chunk(R"("delta":{"images":[{"type":"image_url",
                     "image_url":{"url":"data:image/png;base64,iVBOR...xyz"}}]})")
            + stop() + kDone
        // The answer goes on; the turn is failed by the error.
        << "Started,Error,Done" << QStringList {} << "invalid_image_data";
    QTest::newRow("a scheme Easel does not open is an error")
        << chunk(R"("delta":{"images":[{"type":"image_url",
                     "image_url":{"url":"ftp://h.example/a.png"}}]})")
            + stop() + kDone
        << "Started,Error,Done" << QStringList {} << "invalid_image_url";
    QTest::newRow("an entry without an image is skipped")
        << chunk(R"("delta":{"images":[{"type":"image_url","image_url":{}}]})") + stop() + kDone
        << "Started,Done" << QStringList {} << "";
}

void TestChatCompletionsDecoder::imagesAndLinks()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, expectedKinds);
    QFETCH(QStringList, images);
    QFETCH(QString, errorCode);
    const StreamEvents events = decodeWire(wire);
    QCOMPARE(kinds(events), expectedKinds);
    const QList<StreamEvent> errors = ofKind(events, Kind::Error);
    QCOMPARE(errors.size(), errorCode.isEmpty() ? 0 : 1);
    if (!errors.isEmpty())
        QCOMPARE(errors.first().errorCode, errorCode);
    QStringList got;
    for (const StreamEvent &e : ofKind(events, Kind::ImageFinal)) {
        if (e.imageBytes.isEmpty()) {
            got << e.itemId + ' ' + e.imageUrl;
        } else {
            const QSize size = QImage::fromData(e.imageBytes).size();
            got << QStringLiteral("%1 bytes %2x%3")
                       .arg(e.itemId)
                       .arg(size.width())
                       .arg(size.height());
        }
    }
    QCOMPARE(got, images);
}

void TestChatCompletionsDecoder::bodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("OpenRouter 402 body")
        << QByteArray(R"({"error":{"code":402,"message":"Insufficient credits"}})") << "Error"
        << "402"
        << "The gateway refused the request: Insufficient credits (402)";
    QTest::newRow("OpenAI style error body")
        << QByteArray(R"({"error":{"message":"Invalid model","type":"invalid_request_error",
                          "param":"model","code":null}})")
        << "Error"
        << "invalid_request_error"
        << "The gateway refused the request: Invalid model (invalid_request_error)";
    QTest::newRow("no choices") << QByteArray(R"({"id":"x","object":"chat.completion"})") << "Error"
                                << "malformed_response"
                                << "no choices";
    QTest::newRow("not JSON") << QByteArray("<html>502</html>") << "Error"
                              << "malformed_response"
                              << "The gateway sent a malformed response (";
    QTest::newRow("a whole answer")
        << QByteArray(R"j({"id":"c1","model":"m","choices":[{"index":0,"message":{
                          "role":"assistant","content":"Here: ![x](https://h.example/x.webp)"},
                          "finish_reason":"stop"}],"usage":{"prompt_tokens":1,
                          "completion_tokens":2}})j")
        << "Started,TextDelta,ImageFinal,Usage,Done"
        << ""
        << "";
    QTest::newRow("an answer cut short")
        << QByteArray(R"({"id":"c1","choices":[{"index":0,"message":{"content":"Hal"},
                          "finish_reason":"length"}]})")
        << "Started,TextDelta,Error"
        << "max_output_tokens"
        << "maximum number of output tokens";
}

void TestChatCompletionsDecoder::bodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedKinds);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);
    ChatCompletionsDecoder decoder;
    StreamEvents events = decoder.decodeResponseBody(body);
    QVERIFY(decoder.isFinished());
    events += decoder.finish(); // nothing more after a whole body
    QCOMPARE(kinds(events), expectedKinds);
    const QList<StreamEvent> errors = ofKind(events, Kind::Error);
    if (!errors.isEmpty()) {
        QCOMPARE(errors.first().errorCode, errorCode);
        QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().message));
    }
}

void TestChatCompletionsDecoder::usageVocabularies_data()
{
    QTest::addColumn<QByteArray>("usage");
    QTest::addColumn<Usage>("expected");

    Usage chat;
    chat.inputTokens = 194;
    chat.cachedInputTokens = 100;
    chat.outputTokens = 20;
    chat.reasoningTokens = 5;
    chat.billedCostUsd = 0.95;
    QTest::newRow("prompt/completion with details and cost")
        << QByteArray(R"({"prompt_tokens":194,"completion_tokens":20,"total_tokens":214,
                          "prompt_tokens_details":{"cached_tokens":100,"cache_write_tokens":3},
                          "completion_tokens_details":{"reasoning_tokens":5},"cost":0.95})")
        << chat;
    Usage responses;
    responses.inputTokens = 105;
    responses.cachedInputTokens = 7;
    responses.outputTokens = 250;
    responses.reasoningTokens = 9;
    responses.imageGenerationRequests = 1;
    QTest::newRow("input/output with server_tool_use")
        << QByteArray(R"({"input_tokens":105,"output_tokens":250,
                          "input_tokens_details":{"cached_tokens":7},
                          "output_tokens_details":{"reasoning_tokens":9},
                          "server_tool_use":{"image_generation_requests":1,
                                             "web_search_requests":0}})")
        << responses;
    Usage both;
    both.inputTokens = 1;
    both.imageGenerationRequests = 2;
    both.billedCostUsd = 0.02;
    QTest::newRow("both counters name the same calls; cost as text")
        << QByteArray(R"({"prompt_tokens":1,"cost":"0.02",
                          "server_tool_use":{"image_generation_requests":2},
                          "server_tool_use_details":{"image_generation_requests":1,
                                                     "tool_calls_executed":2}})")
        << both;
    QTest::newRow("nothing but zeros") << QByteArray(R"({"prompt_tokens":0})") << Usage();
    // Found with the decoder fuzz targets: a negative count is nonsense, and cost estimation
    // (uncached = input - cached) could overflow on it.
    QTest::newRow("negative counts are no counts")
        << QByteArray(R"({"prompt_tokens":-5,"completion_tokens":-9223372036854775000,
                          "prompt_tokens_details":{"cached_tokens":-3},
                          "completion_tokens_details":{"reasoning_tokens":-1},
                          "server_tool_use":{"image_generation_requests":-2}})")
        << Usage();
}

void TestChatCompletionsDecoder::usageVocabularies()
{
    QFETCH(QByteArray, usage);
    QFETCH(Usage, expected);
    const StreamEvents events = decodeWire(chunk({}, R"("usage":)" + usage) + stop() + kDone);
    QCOMPARE(kinds(events), QStringLiteral("Started,Usage,Done"));
    const Usage got = events.at(1).usage;
    QCOMPARE(got.inputTokens, expected.inputTokens);
    QCOMPARE(got.cachedInputTokens, expected.cachedInputTokens);
    QCOMPARE(got.outputTokens, expected.outputTokens);
    QCOMPARE(got.reasoningTokens, expected.reasoningTokens);
    QCOMPARE(got.imageGenerationRequests, expected.imageGenerationRequests);
    QCOMPARE(got.billedCostUsd.has_value(), expected.billedCostUsd.has_value());
    if (expected.billedCostUsd)
        QCOMPARE(*got.billedCostUsd, *expected.billedCostUsd);
    QVERIFY(got == expected);
}

void TestChatCompletionsDecoder::finishedState()
{
    ChatCompletionsDecoder decoder;
    QVERIFY(!decoder.isFinished());
    decoder.decode(SseEvent { {},
                              R"({"id":"g","choices":[{"index":0,"delta":{"content":"x"},
        "finish_reason":"stop"}]})",
                              {} });
    QVERIFY(!decoder.isFinished()); // usage may still follow the finish_reason
    const StreamEvents done = decoder.decode(SseEvent { {}, "[DONE]", {} });
    QVERIFY(decoder.isFinished());
    QCOMPARE(kinds(done), QStringLiteral("Done"));
    QCOMPARE(done.first().responseId, QStringLiteral("g"));
    QVERIFY(decoder.finish().isEmpty());
}

void TestChatCompletionsDecoder::hostileInputNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("choices is an object") << QByteArray(R"({"choices":{"0":1}})");
    QTest::newRow("delta is a string") << QByteArray(R"({"choices":[{"delta":"x"}]})");
    QTest::newRow("content is a number") << QByteArray(R"({"choices":[{"delta":{"content":5}}]})");
    QTest::newRow("images is a string") << QByteArray(R"({"choices":[{"delta":{"images":"x"}}]})");
    QTest::newRow("image_url is a number")
        << QByteArray(R"({"choices":[{"delta":{"images":[{"image_url":7}]}}]})");
    QTest::newRow("usage is an array") << QByteArray(R"({"usage":[1,2]})");
    QTest::newRow("error is a number") << QByteArray(R"({"error":5})");
    QTest::newRow("error is null") << QByteArray(R"({"error":null,"choices":[]})");
    QTest::newRow("tool content not JSON")
        << QByteArray(R"({"choices":[{"delta":{"role":"tool","content":"{oops"}}]})");
    QTest::newRow("truncated JSON") << QByteArray(R"({"choices":[{"delta":)");
    QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe{{{", 6);
}

void TestChatCompletionsDecoder::hostileInputNeverCrashes()
{
    QFETCH(QByteArray, data);
    ChatCompletionsDecoder decoder;
    StreamEvents events = decoder.decode(SseEvent { {}, data, {} });
    events += decoder.decode(SseEvent { {}, data, {} });
    events += decoder.finish();
    ChatCompletionsDecoder bodyDecoder;
    events += bodyDecoder.decodeResponseBody(data);
    for (const StreamEvent &e : std::as_const(events)) {
        if (e.kind == Kind::Error)
            QVERIFY2(e.message.endsWith(QLatin1Char('.')) || e.message.endsWith(QLatin1Char(')')),
                     qPrintable(e.message));
    }
    QVERIFY(decoder.isFinished());
    QVERIFY(bodyDecoder.isFinished());
}

QTEST_MAIN(TestChatCompletionsDecoder)
#include "tst_chatcompletionsdecoder.moc"
