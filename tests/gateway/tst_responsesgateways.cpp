#include "gateway/responsesdecoder.h"
#include "streamharness.h"

#include <QImage>
#include <QTest>

using namespace StreamHarness;

namespace {

const QByteArray kRed
    = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEElEQVR4nGP4z8AARAwoFABE0AX7pM/"
      "egAAAAABJRU5ErkJggg==";

const QByteArray kCreated
    = sse(R"({"type":"response.created","response":{"id":"resp_g","status":"in_progress"}})");
const QByteArray kCompleted
    = sse(R"({"type":"response.completed","response":{"id":"resp_g","status":"completed",
              "output":[],"usage":{"input_tokens":1,"output_tokens":2}}})");

QByteArray itemDone(const QByteArray &item)
{
    return sse(R"({"type":"response.output_item.done","item":)" + item + "}");
}

QByteArray messageDone(const QByteArray &id, const QByteArray &text)
{
    return itemDone(R"({"type":"message","id":")" + id
                    + R"(","content":[{"type":"output_text","text":")" + text + "\"}]}");
}

QByteArray delta(const QByteArray &id, const QByteArray &text)
{
    return sse(R"({"type":"response.output_text.delta","item_id":")" + id + R"(","delta":")" + text
               + "\"}");
}

} // namespace

class TestResponsesGateways : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void usageCounters();
};

void TestResponsesGateways::decode_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QStringList>("images"); // "id url" or "id bytes WxH [revised prompt]"
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("message");

    const QByteArray dataUrl = "data:image/png;base64," + kRed;

    QTest::newRow("image item with status error")
        << kCreated
            + itemDone(R"({"type":"openrouter:image_generation","id":"ig_e","status":"error",
                          "error":"Generation failed due to content policy"})")
            + kCompleted
        << "Started,Error,Usage,Done" << QStringList {} << "image_generation_failed"
        << "The image ig_e could not be generated: Generation failed due to content policy";
    QTest::newRow("image item carrying the tool's error result") << kCreated
            + itemDone(R"({"type":"ai-stats:image_generation","id":"ig_j","status":"completed",
                          "result":"{\"status\":\"error\",\"error\":\"image_generation_failed\",\"message\":\"Prompt rejected\"}"})")
            + kCompleted << "Started,Error,Usage,Done" << QStringList {}
                                                                 << "image_generation_failed"
                                                                 << "Prompt rejected";
    QTest::newRow("the tool's error result after white space")
        << kCreated + itemDone(R"({"type":"image_generation_call","id":"ig_w","status":"completed",
                          "result":" \n {\"status\":\"error\",\"message\":\"Quota spent\"}"})")
            + kCompleted
        << "Started,Error,Usage,Done" << QStringList {} << "image_generation_failed"
        << "Quota spent";
    QTest::newRow("tool-result names on an item; description as the prompt")
        << kCreated
            + itemDone(R"({"type":"phaseo:image_generation","id":"ig_s","status":"completed",
                          "b64_json":")"
                       + kRed + R"(","description":"a red square"})")
            + kCompleted
        << "Started,ImageFinal,Usage,Done" << QStringList { "ig_s bytes 2x3 a red square" } << ""
        << "";
    QTest::newRow("image_url on an item, prompt kept")
        << kCreated + itemDone(R"({"type":"modelgates:image_generation","id":"ig_u",
                          "image_url":"https://h.example/u.png","prompt":"a cat"})")
            + kCompleted
        << "Started,ImageFinal,Usage,Done" << QStringList { "ig_u https://h.example/u.png a cat" }
        << ""
        << "";
    QTest::newRow("the link comes before the item: the item's image, once")
        << kCreated + messageDone("msg_1", "![x](https://h.example/x.png)")
            + itemDone(R"({"type":"openrouter:image_generation","id":"ig_x",
                          "imageUrl":"https://h.example/x.png"})")
            + kCompleted
        << "Started,TextDelta,ImageFinal,Usage,Done"
        << QStringList { "ig_x https://h.example/x.png" } << ""
        << "";
    QTest::newRow("a data URL link with the bytes of an item: once")
        << kCreated
            + itemDone(R"({"type":"image_generation_call","id":"ig_b","result":")" + kRed + "\"}")
            + messageDone("msg_1", "Again ![same](" + dataUrl + ")") + kCompleted
        << "Started,ImageFinal,TextDelta,Usage,Done" << QStringList { "ig_b bytes 2x3" } << ""
        << "";
    QTest::newRow("a link without an item is delivered before the usage")
        << kCreated + delta("msg_1", "See ") + delta("msg_1", "https://h.example/l.webp")
            + messageDone("msg_1", "See https://h.example/l.webp") + kCompleted
        << "Started,TextDelta*2,ImageFinal,Usage,Done"
        << QStringList { "link-img-0 https://h.example/l.webp" } << ""
        << "";
    QTest::newRow("completion completes messages whose done never came")
        << kCreated + delta("msg_1", "![l](https://h.example/l.png)") + kCompleted
        << "Started,TextDelta,ImageFinal,Usage,Done"
        << QStringList { "link-img-0 https://h.example/l.png" } << ""
        << "";
    QTest::newRow("a failed response delivers the links of finished messages only")
        << kCreated + messageDone("msg_a", "![a](https://h.example/a.png)")
            + delta("msg_b", "![b](https://h.example/b.png)")
            + sse(R"({"type":"response.failed","response":{"id":"resp_g","status":"failed",
                      "error":{"code":"server_error","message":"Boom"}}})")
        << "Started,TextDelta*2,ImageFinal,Error"
        << QStringList { "link-img-0 https://h.example/a.png" } << "server_error"
        << "The gateway failed while answering: Boom (server_error)";
    QTest::newRow("a cut stream delivers no links")
        << kCreated + delta("msg_1", "![l](https://h.example/l.png)") << "Started,TextDelta,Error"
        << QStringList {} << "stream_truncated"
        << "stopped before it was complete";
    QTest::newRow("a tool output with the image itself") << kCreated
            + itemDone(R"({"type":"function_call_output","id":"fco_1","call_id":"c1",
                          "output":{"status":"ok","b64_json":")"
                       + kRed + R"("}})")
            + kCompleted << "Started,ImageFinal,Usage,Done"
                                                         << QStringList { "fco_1 bytes 2x3" } << ""
                                                         << "";
    QTest::newRow("tool outputs of other functions are ignored")
        << kCreated + itemDone(R"({"type":"function_call_output","id":"fco_2","output":"42"})")
            + itemDone(R"({"type":"function_call_output","id":"fco_3",
                          "output":"{\"status\":\"ok\",\"time\":\"noon\"}"})")
            + kCompleted
        << "Started,Usage,Done" << QStringList {} << ""
        << "";
    QTest::newRow("a tool error and the failure after it: one error")
        << kCreated + itemDone(R"({"type":"function_call_output","id":"fco_4",
                          "output":"{\"status\":\"error\",\"error\":\"image_generation_failed\"}"})")
            + sse(R"({"type":"response.failed","response":{"status":"failed",
                      "error":{"code":"server_error","message":"Boom"}}})")
        << "Started,Error" << QStringList {} << "image_generation_failed"
        << "The gateway's image tool failed: image_generation_failed.";
    QTest::newRow("AI Stats error event")
        << kCreated + sse(R"({"type":"error","error":"validation_error","error_type":"user",
                      "description":"Unknown tool type","status_code":400})")
        << "Started,Error" << QStringList {} << "validation_error"
        << "The gateway refused the request: Unknown tool type (validation_error)";
    QTest::newRow("OpenRouter error event with moderation reasons")
        << sse(R"({"type":"error","error":{"code":403,"message":"Input flagged",
                   "metadata":{"reasons":["violence"]}}})")
        << "Error" << QStringList {} << "403"
        << "The gateway refused the request: Input flagged (403). Reasons: violence.";
}

void TestResponsesGateways::decode()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, expectedKinds);
    QFETCH(QStringList, images);
    QFETCH(QString, errorCode);
    QFETCH(QString, message);

    QString failure;
    const StreamEvents events
        = runAllChunkings([] { return std::make_unique<ResponsesDecoder>(); }, wire, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(kinds(events), expectedKinds);

    QStringList got;
    for (const StreamEvent &e : ofKind(events, Kind::ImageFinal)) {
        QString line = e.itemId + ' ';
        if (e.imageBytes.isEmpty()) {
            line += e.imageUrl;
        } else {
            const QSize size = QImage::fromData(e.imageBytes).size();
            line += QStringLiteral("bytes %1x%2").arg(size.width()).arg(size.height());
        }
        if (!e.report.revisedPrompt.isEmpty())
            line += ' ' + e.report.revisedPrompt;
        got << line;
    }
    QCOMPARE(got, images);

    const QList<StreamEvent> errors = ofKind(events, Kind::Error);
    QCOMPARE(errors.size(), errorCode.isEmpty() ? 0 : 1);
    if (!errors.isEmpty()) {
        QCOMPARE(errors.first().errorCode, errorCode);
        QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().message));
    }
}

void TestResponsesGateways::usageCounters()
{
    // OpenRouter's spec names the counter server_tool_use_details; cost as billed (C.3).
    ResponsesDecoder decoder;
    const StreamEvents events = decoder.decodeResponseBody(R"({"id":"r","status":"completed",
        "output":[],"usage":{"input_tokens":10,"output_tokens":20,"cost":0.13,
        "server_tool_use_details":{"image_generation_requests":2,"tool_calls_executed":2}}})");
    QCOMPARE(kinds(events), QStringLiteral("Started,Usage,Done"));
    const Usage usage = events.at(1).usage;
    QCOMPARE(usage.imageGenerationRequests, 2);
    QCOMPARE(*usage.billedCostUsd, 0.13);
    QCOMPARE(Usage::fromJson(usage.toJson()), usage); // kept with the turn
}

QTEST_MAIN(TestResponsesGateways)
#include "tst_responsesgateways.moc"
