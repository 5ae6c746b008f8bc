#include "gateway/imagesdecoder.h"
#include "streamharness.h"

#include <QImage>
#include <QTest>

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
        << "";
    QTest::newRow("edits endpoint names")
        << named("image_edit.completed", R"("b64_json":")" + kRed + "\"") + sse("[DONE]")
        << "Started,ImageFinal,Done" << QStringList { "ImageFinal images-0 2x3" } << "";
    QTest::newRow("a damaged preview is skipped")
        << named("image_generation.partial_image", R"("b64_json":"abc...","partial_image_index":0)")
            + named("image_generation.completed", R"("b64_json":")" + kRed + "\"")
        << "Started,ImageFinal,Done" << QStringList { "ImageFinal images-0 2x3" } << "";
    QTest::newRow("an error event")
        << named("image_generation.partial_image",
                 R"("b64_json":")" + kBlue + R"(","partial_image_index":0)")
            + named("error",
                    R"("error":{"code":"image_generation_user_error","message":"Your request )"
                    R"(was rejected by the safety system."})")
        << "Started,ImagePartial,Error" << QStringList { "ImagePartial images-0 3x2" }
        << "image_generation_user_error";
    QTest::newRow("[DONE] before any image")
        << named("image_generation.partial_image",
                 R"("b64_json":")" + kBlue + R"(","partial_image_index":0)")
            + sse("[DONE]")
        << "Started,ImagePartial,Error" << QStringList { "ImagePartial images-0 3x2" }
        << "no_image";
    QTest::newRow("cut before the image completed")
        << named("image_generation.partial_image",
                 R"("b64_json":")" + kBlue + R"(","partial_image_index":0)")
        << "Started,ImagePartial,Error" << QStringList { "ImagePartial images-0 3x2" }
        << "stream_truncated";
    QTest::newRow("malformed event")
        << QByteArray("data: {oops\n\n") << "Error,Error" << QStringList {} << "";
}

void TestImagesDecoder::streams()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, expectedKinds);
    QFETCH(QStringList, images);
    QFETCH(QString, errorCode);
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
        QCOMPARE(usages.last().usage.imageOutputTokens, 100 * usages.size());
        QCOMPARE(*usages.last().usage.billedCostUsd, 0.01 * usages.size());
    }
}

QTEST_MAIN(TestImagesDecoder)
#include "tst_imagesdecoder.moc"
