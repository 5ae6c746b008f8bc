#include "gateway/apiflavour.h"
#include "gateway/responsesrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(ResponsesRequest)

namespace {

ResponsesRequest baseRequest()
{
    ResponsesRequest request;
    request.chatModel = QStringLiteral("gpt-5");
    request.prompt = QStringLiteral("Draw a gray tabby cat hugging an otter");
    return request;
}

// The body every default request has; rows change only what their case is about.
QJsonObject baseBody(const QJsonObject &tool)
{
    return QJsonObject {
        { "model", "gpt-5" },
        { "input", "Draw a gray tabby cat hugging an otter" },
        { "tools", QJsonArray { tool } },
        { "tool_choice", "auto" },
        { "stream", true },
        { "store", true },
    };
}

QByteArray pretty(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace

class TestResponsesRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_data();
    void build();
    void bodyIsCompactJsonOfBuild();
    void dataUrlRoundTrips();
    void editRefusal_data();
    void editRefusal();
};

void TestResponsesRequest::build_data()
{
    QTest::addColumn<ResponsesRequest>("request");
    QTest::addColumn<QJsonObject>("expected");

    {
        QTest::newRow("defaults") << baseRequest()
                                  << baseBody({ { "type", "image_generation" },
                                                { "model", "gpt-image-1.5" },
                                                { "partial_images", 2 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.imageModel = QStringLiteral("gpt-image-2");
        r.params.quality = QStringLiteral("high");
        r.params.size = QStringLiteral("1536x1024");
        r.params.background = QStringLiteral("opaque");
        r.params.outputFormat = QStringLiteral("webp");
        r.params.outputCompression = 80;
        r.params.moderation = QStringLiteral("low");
        r.params.partialImages = 3;
        r.params.action = QStringLiteral("edit");
        r.params.inputFidelity = QStringLiteral("high");
        r.params.imageOnly = true;
        QJsonObject body = baseBody({ { "type", "image_generation" },
                                      { "model", "gpt-image-2" },
                                      { "quality", "high" },
                                      { "size", "1536x1024" },
                                      { "background", "opaque" },
                                      { "output_format", "webp" },
                                      { "output_compression", 80 },
                                      { "moderation", "low" },
                                      { "partial_images", 3 },
                                      { "action", "edit" },
                                      { "input_fidelity", "high" } });
        body["tool_choice"] = QJsonObject { { "type", "image_generation" } };
        QTest::newRow("all set") << r << body;
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.outputFormat = QStringLiteral("jpeg");
        r.params.outputCompression = 60;
        QTest::newRow("jpeg with compression") << r
                                               << baseBody({ { "type", "image_generation" },
                                                             { "model", "gpt-image-1.5" },
                                                             { "output_format", "jpeg" },
                                                             { "output_compression", 60 },
                                                             { "partial_images", 2 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.outputFormat = QStringLiteral("jpeg");
        r.params.outputCompression = 100;
        QTest::newRow("jpeg at 100 sends no compression")
            << r
            << baseBody({ { "type", "image_generation" },
                          { "model", "gpt-image-1.5" },
                          { "output_format", "jpeg" },
                          { "partial_images", 2 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.outputFormat = QStringLiteral("png");
        r.params.outputCompression = 40;
        QTest::newRow("png drops compression") << r
                                               << baseBody({ { "type", "image_generation" },
                                                             { "model", "gpt-image-1.5" },
                                                             { "partial_images", 2 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.imageOnly = true;
        QJsonObject body = baseBody({ { "type", "image_generation" },
                                      { "model", "gpt-image-1.5" },
                                      { "partial_images", 2 } });
        body["tool_choice"] = QJsonObject { { "type", "image_generation" } };
        QTest::newRow("image only") << r << body;
    }
    {
        ResponsesRequest r = baseRequest();
        r.previousResponseId = QStringLiteral("resp_0df93c0bb83a72f2");
        QJsonObject body = baseBody({ { "type", "image_generation" },
                                      { "model", "gpt-image-1.5" },
                                      { "partial_images", 2 } });
        body["previous_response_id"] = "resp_0df93c0bb83a72f2";
        QTest::newRow("previous_response_id") << r << body;
    }
    {
        ResponsesRequest r = baseRequest();
        r.stream = false;
        r.store = false;
        r.params.partialImages = 3;
        QJsonObject body
            = baseBody({ { "type", "image_generation" }, { "model", "gpt-image-1.5" } });
        body["stream"] = false;
        body["store"] = false;
        QTest::newRow("not streaming sends no partial_images") << r << body;
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.partialImages = 0;
        QTest::newRow("partial_images 0 is sent as chosen")
            << r
            << baseBody({ { "type", "image_generation" },
                          { "model", "gpt-image-1.5" },
                          { "partial_images", 0 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.images.append({ QByteArray("abc"), QStringLiteral("image/jpeg") });
        r.images.append({ QByteArray("\x89PNG\r\n\x1a\n"), QString() }); // type sniffed
        QJsonObject body = baseBody({ { "type", "image_generation" },
                                      { "model", "gpt-image-1.5" },
                                      { "partial_images", 2 } });
        body["input"] = QJsonArray { QJsonObject {
            { "role", "user" },
            { "content",
              QJsonArray {
                  QJsonObject { { "type", "input_text" },
                                { "text", "Draw a gray tabby cat hugging an otter" } },
                  QJsonObject { { "type", "input_image" },
                                { "image_url", "data:image/jpeg;base64,YWJj" } },
                  QJsonObject { { "type", "input_image" },
                                { "image_url", "data:image/png;base64,iVBORw0KGgo=" } },
              } },
        } };
        QTest::newRow("attached images as data URLs") << r << body;
    }
    {
        ResponsesRequest r = baseRequest();
        r.prompt.clear();
        r.images.append({ QByteArray("abc"), QStringLiteral("image/webp") });
        QJsonObject body = baseBody({ { "type", "image_generation" },
                                      { "model", "gpt-image-1.5" },
                                      { "partial_images", 2 } });
        body["input"] = QJsonArray { QJsonObject {
            { "role", "user" },
            { "content",
              QJsonArray { QJsonObject { { "type", "input_image" },
                                         { "image_url", "data:image/webp;base64,YWJj" } } } },
        } };
        QTest::newRow("image without text") << r << body;
    }
    {
        ResponsesRequest r = baseRequest();
        r.toolType = QStringLiteral("openrouter:image_generation");
        r.nestToolParameters = true;
        r.params.imageModel = QStringLiteral("openai/gpt-image-2");
        r.params.quality = QStringLiteral("high");
        r.params.aspectRatio = QStringLiteral("16:9");
        r.params.background = QStringLiteral("transparent");
        r.params.imageOnly = true;
        const QString size = ImageParams::sizeForAspectRatio(r.params.imageModel, "16:9");
        QVERIFY(!size.isEmpty() && size != "auto");
        QJsonObject body = baseBody({ { "type", "openrouter:image_generation" },
                                      { "parameters",
                                        QJsonObject { { "model", "openai/gpt-image-2" },
                                                      { "quality", "high" },
                                                      { "size", size },
                                                      { "aspect_ratio", "16:9" },
                                                      { "background", "transparent" },
                                                      { "partial_images", 2 } } } });
        body["tool_choice"] = QJsonObject { { "type", "openrouter:image_generation" } };
        QTest::newRow("nested parameters for a gateway tool") << r << body;
    }
    {
        ResponsesRequest r = baseRequest();
        r.toolType = QStringLiteral("phaseo:image_generation");
        r.params.aspectRatio = QStringLiteral("1:1");
        QTest::newRow("flat gateway tool") << r
                                           << baseBody({ { "type", "phaseo:image_generation" },
                                                         { "model", "gpt-image-1.5" },
                                                         { "size", "1024x1024" },
                                                         { "aspect_ratio", "1:1" },
                                                         { "partial_images", 2 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.aspectRatio = QStringLiteral("16:9");
        QTest::newRow("aspect ratio becomes a size") << r
                                                     << baseBody({ { "type", "image_generation" },
                                                                   { "model", "gpt-image-1.5" },
                                                                   { "size", "1536x1024" },
                                                                   { "partial_images", 2 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.aspectRatio = QStringLiteral("9:16");
        r.params.size = QStringLiteral("1024x1024");
        QTest::newRow("an explicit size wins over the ratio")
            << r
            << baseBody({ { "type", "image_generation" },
                          { "model", "gpt-image-1.5" },
                          { "size", "1024x1024" },
                          { "partial_images", 2 } });
    }
    {
        ResponsesRequest r = baseRequest();
        r.params.size = QStringLiteral("auto");
        r.params.aspectRatio = QStringLiteral("nonsense");
        r.params.inputFidelity = QString(); // "" means not set as well
        QTest::newRow("unparsable ratio leaves size out")
            << r
            << baseBody({ { "type", "image_generation" },
                          { "model", "gpt-image-1.5" },
                          { "partial_images", 2 } });
    }
    {
        // An edit with a mask (issue #6 §3): the image first in the input, the mask in the tool,
        // action forced to "edit" whatever the panel says, input_fidelity as the panel says.
        ResponsesRequest r = baseRequest();
        r.prompt = QStringLiteral("A red roof");
        r.images = { { QByteArray("\x89PNG\r\n\x1a\nimage"), QString() } };
        r.mask = { QByteArray("\x89PNG\r\n\x1a\nmask"), QStringLiteral("image/png") };
        r.params.action = QStringLiteral("auto");
        r.params.inputFidelity = QStringLiteral("high");
        r.previousResponseId = QStringLiteral("resp_1");
        QJsonObject body = baseBody(
            { { "type", "image_generation" },
              { "model", "gpt-image-1.5" },
              { "partial_images", 2 },
              { "input_fidelity", "high" },
              { "action", "edit" },
              { "input_image_mask",
                QJsonObject { { "image_url", "data:image/png;base64,iVBORw0KGgptYXNr" } } } });
        body["input"] = QJsonArray { QJsonObject {
            { "role", "user" },
            { "content",
              QJsonArray { QJsonObject { { "type", "input_text" }, { "text", "A red roof" } },
                           QJsonObject { { "type", "input_image" },
                                         { "image_url",
                                           "data:image/png;base64,iVBORw0KGgppbWFnZQ==" } } } } } };
        body["previous_response_id"] = "resp_1";
        QTest::newRow("masked edit, flat tool") << r << body;

        r.toolType = QStringLiteral("openrouter:image_generation");
        r.nestToolParameters = true;
        QJsonObject parameters = body["tools"].toArray().first().toObject();
        parameters.remove("type");
        body["tools"] = QJsonArray { QJsonObject { { "type", "openrouter:image_generation" },
                                                   { "parameters", parameters } } };
        QTest::newRow("masked edit, gateway tool nests the mask") << r << body;
    }
}

void TestResponsesRequest::build()
{
    QFETCH(ResponsesRequest, request);
    QFETCH(QJsonObject, expected);
    const QJsonObject actual = ResponsesRequestBuilder::build(request);
    if (actual != expected)
        qWarning().noquote() << "actual:" << pretty(actual) << "expected:" << pretty(expected);
    QCOMPARE(actual, expected);
}

void TestResponsesRequest::bodyIsCompactJsonOfBuild()
{
    ResponsesRequest r = baseRequest();
    r.params.quality = QStringLiteral("low");
    const QByteArray body = ResponsesRequestBuilder::body(r);
    QVERIFY(!body.contains('\n'));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object(), ResponsesRequestBuilder::build(r));
}

void TestResponsesRequest::dataUrlRoundTrips()
{
    QByteArray bytes(300 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7919) % 256);
    bytes.replace(0, 3, "\xFF\xD8\xFF"); // JPEG magic
    const QString url = ResponsesRequestBuilder::dataUrl({ bytes, QString() });
    const QString prefix = QStringLiteral("data:image/jpeg;base64,");
    QVERIFY(url.startsWith(prefix));
    QCOMPARE(QByteArray::fromBase64(url.mid(prefix.size()).toLatin1()), bytes);
}

void TestResponsesRequest::editRefusal_data()
{
    QTest::addColumn<int>("flavour");
    QTest::addColumn<bool>("images");
    QTest::addColumn<bool>("mask");
    QTest::addColumn<QString>("expected"); // a part of the sentence, "" for none
    QTest::newRow("responses with mask") << int(ApiFlavour::Responses) << true << true << "";
    QTest::newRow("chat with images") << int(ApiFlavour::ChatCompletions) << true << false << "";
    QTest::newRow("chat with mask") << int(ApiFlavour::ChatCompletions) << true << true
                                    << "only be sent through the Responses API";
    QTest::newRow("image chat with mask")
        << int(ApiFlavour::ImageChat) << true << true << "Image-output chat";
    QTest::newRow("images endpoint with references")
        << int(ApiFlavour::Images) << true << false << "cannot take reference images";
    QTest::newRow("images endpoint, plain prompt")
        << int(ApiFlavour::Images) << false << false << "";
}

void TestResponsesRequest::editRefusal()
{
    QFETCH(int, flavour);
    QFETCH(bool, images);
    QFETCH(bool, mask);
    QFETCH(QString, expected);
    const QString refusal = ApiFlavours::editRefusal(ApiFlavour(flavour), images, mask);
    if (expected.isEmpty())
        QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
    else
        QVERIFY2(refusal.contains(expected), qPrintable(refusal));
}

QTEST_GUILESS_MAIN(TestResponsesRequest)
#include "tst_responsesrequest.moc"
