#include "gateway/imagesdecoder.h"
#include "streamharness.h"

#include <QImage>
#include <QTest>

#include <limits>

using namespace StreamHarness;

namespace {

const QByteArray kRed
    = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEElEQVR4nGP4z8AARAwoFABE0AX7pM/"
      "egAAAAABJRU5ErkJggg==";
const QByteArray kBlue = "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAD0lEQVR4nGNgYPgPQzAWADXe"
                         "BfvilmCeAAAAAElFTkSuQmCC";

QByteArray named(const QByteArray &type, const QByteArray &fields)
{
    return "event: " + type + "\ndata: {\"type\":\"" + type + "\"," + fields + "}\n\n";
}

QStringList imageLines(const StreamEvents &events)
{
    QStringList lines;
    for (const StreamEvent &e : events) {
        if (e.kind != Kind::ImagePartial && e.kind != Kind::ImageFinal)
            continue;
        const QSize size = QImage::fromData(e.imageBytes).size();
        lines << QStringLiteral("%1 %2 %3")
                     .arg(kindName(e.kind), e.itemId,
                          e.imageBytes.isEmpty()
                              ? e.imageUrl
                              : QStringLiteral("%1x%2").arg(size.width()).arg(size.height()));
    }
    return lines;
}

} // namespace

class TestImagesDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bodies_data();
    void bodies();
    void streams_data();
    void streams();
};

void TestImagesDecoder::bodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QStringList>("images");
    QTest::addColumn<QString>("errorCode");

    QTest::newRow("two images, bytes and a URL")
        << QByteArray(R"({"created":1,"data":[{"b64_json":")" + kRed
                      + R"("},{"url":"https://h.example/2.png"}]})")
        << "Started,ImageFinal,ImageFinal,Done"
        << QStringList { "ImageFinal images-0 2x3", "ImageFinal images-1 https://h.example/2.png" }
        << "";
    QTest::newRow("a data URL in b64_json")
        << QByteArray(R"({"data":[{"b64_json":"data:image/png;base64,)" + kBlue + R"("}]})")
        << "Started,ImageFinal,Done" << QStringList { "ImageFinal images-0 3x2" } << "";
    QTest::newRow("damaged base64 fails that image only")
        << QByteArray(R"({"data":[{"b64_json":"iVBOR...xyz"},{"b64_json":")" + kRed + R"("}]})")
        << "Started,Error,ImageFinal,Done" << QStringList { "ImageFinal images-1 2x3" }
        << "invalid_image_data";
    QTest::newRow("an entry with no image")
        << QByteArray(R"({"data":[{"revised_prompt":"x"}]})") << "Started,Error,Done"
        << QStringList {} << "invalid_image_data";
    QTest::newRow("no data at all")
        << QByteArray(R"({"created":1})") << "Started,Error" << QStringList {} << "no_image";
    QTest::newRow("OpenAI error body")
        << QByteArray(R"({"error":{"message":"Unknown parameter: 'response_format'.",
                          "type":"invalid_request_error","param":"response_format",
                          "code":"unknown_parameter"}})")
        << "Error" << QStringList {} << "unknown_parameter";
    QTest::newRow("not JSON") << QByteArray("Bad Gateway") << "Error" << QStringList {}
                              << "malformed_response";
}

void TestImagesDecoder::bodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedKinds);
    QFETCH(QStringList, images);
    QFETCH(QString, errorCode);
    ImagesDecoder decoder;
    StreamEvents events = decoder.decodeResponseBody(body);
    QVERIFY(decoder.isFinished());
    events += decoder.finish();
    QCOMPARE(kinds(events), expectedKinds);
    QCOMPARE(imageLines(events), images);
    const QList<StreamEvent> errors = ofKind(events, Kind::Error);
    QCOMPARE(errors.size(), errorCode.isEmpty() ? 0 : 1);
    if (!errors.isEmpty()) {
        QCOMPARE(errors.first().errorCode, errorCode);
        QVERIFY(errors.first().message.endsWith(QLatin1Char('.'))
                || errors.first().message.endsWith(QLatin1Char(')')));
    }
}

void TestImagesDecoder::streams_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("expectedKinds");
    QTest::addColumn<QStringList>("images");
    QTest::addColumn<QString>("errorCode");
    // The running totals the last Usage reports.
    QTest::addColumn<qint64>("inputTokens");
    QTest::addColumn<qint64>("outputTokens");

    const QByteArray usage = R"("usage":{"input_tokens":10,"output_tokens":100,"cost":0.01})";
    QTest::newRow("two images, each with previews, usage summed")
        << named("image_generation.partial_image",
                 R"("b64_json":")" + kBlue + R"(","partial_image_index":0)")
            + named("image_generation.completed", R"("b64_json":")" + kRed + R"(",)" + usage)
            + named("image_generation.partial_image",
                    R"("b64_json":")" + kRed + R"(","partial_image_index":0)")
            + named("image_generation.completed", R"("b64_json":")" + kBlue + R"(",)" + usage)
        << "Started,ImagePartial,ImageFinal,Usage,ImagePartial,ImageFinal,Usage,Done"
        << QStringList { "ImagePartial images-0 3x2", "ImageFinal images-0 2x3",
                         "ImagePartial images-1 2x3", "ImageFinal images-1 3x2" }
        << "" << qint64(20) << qint64(200);
    // Found with fuzz_imagesdecoder (UBSan): the running total overflowed qint64.
    const QByteArray huge
        = R"("usage":{"input_tokens":-7,"output_tokens":4611686018427387904,"cost":0.01})";
    QTest::newRow("counts beyond 64 bits stay at the largest count")
        << named("image_generation.completed", R"("b64_json":")" + kRed + R"(",)" + huge)
            + named("image_generation.completed", R"("b64_json":")" + kBlue + R"(",)" + huge)
            + named("image_generation.completed", R"("b64_json":")" + kRed + R"(",)" + huge)
        << "Started,ImageFinal,Usage,ImageFinal,Usage,ImageFinal,Usage,Done"
        << QStringList { "ImageFinal images-0 2x3", "ImageFinal images-1 3x2",
                         "ImageFinal images-2 2x3" }
        << "" << qint64(0) << std::numeric_limits<qint64>::max();
    QTest::newRow("edits endpoint names")
        << named("image_edit.completed", R"("b64_json":")" + kRed + "\"") + sse("[DONE]")
        << "Started,ImageFinal,Done" << QStringList { "ImageFinal images-0 2x3" } << "" << qint64(0)
        << qint64(0);
    QTest::newRow("a damaged preview is skipped")
        << named("image_generation.partial_image", R"("b64_json":"abc...","partial_image_index":0)")
            + named("image_generation.completed", R"("b64_json":")" + kRed + "\"")
        << "Started,ImageFinal,Done" << QStringList { "ImageFinal images-0 2x3" } << "" << qint64(0)
        << qint64(0);
    QTest::newRow("an error event")
        << named("image_generation.partial_image",
                 R"("b64_json":")" + kBlue + R"(","partial_image_index":0)")
            + named("error",
                    R"("error":{"code":"image_generation_user_error","message":"Your request )"
                    R"(was rejected by the safety system."})")
        << "Started,ImagePartial,Error" << QStringList { "ImagePartial images-0 3x2" }
        << "image_generation_user_error" << qint64(0) << qint64(0);
    QTest::newRow("[DONE] before any image")
        << named("image_generation.partial_image",
                 R"("b64_json":")" + kBlue + R"(","partial_image_index":0)")
            + sse("[DONE]")
        << "Started,ImagePartial,Error" << QStringList { "ImagePartial images-0 3x2" } << "no_image"
        << qint64(0) << qint64(0);
    QTest::newRow("cut before the image completed")
        << named("image_generation.partial_image",
                 R"("b64_json":")" + kBlue + R"(","partial_image_index":0)")
        << "Started,ImagePartial,Error" << QStringList { "ImagePartial images-0 3x2" }
        << "stream_truncated" << qint64(0) << qint64(0);
    QTest::newRow("malformed event") << QByteArray("data: {oops\n\n") << "Error,Error"
                                     << QStringList {} << "" << qint64(0) << qint64(0);
}

void TestImagesDecoder::streams()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, expectedKinds);
    QFETCH(QStringList, images);
    QFETCH(QString, errorCode);
    QFETCH(qint64, inputTokens);
    QFETCH(qint64, outputTokens);
    QString failure;
    const StreamEvents events
        = runAllChunkings([] { return std::make_unique<ImagesDecoder>(); }, wire, &failure);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(kinds(events), expectedKinds);
    QCOMPARE(imageLines(events), images);
    const QList<StreamEvent> errors = ofKind(events, Kind::Error);
    if (!errorCode.isEmpty()) {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().errorCode, errorCode);
    }
    const QList<StreamEvent> usages = ofKind(events, Kind::Usage);
    if (!usages.isEmpty()) {
        // The last report is the running total of every completed image.
        QCOMPARE(usages.last().usage.imageOutputTokens, outputTokens);
        QCOMPARE(usages.last().usage.imageInputTextTokens, inputTokens);
        QCOMPARE(*usages.last().usage.billedCostUsd, 0.01 * usages.size());
    }
}

QTEST_MAIN(TestImagesDecoder)
#include "tst_imagesdecoder.moc"
