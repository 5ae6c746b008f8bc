// The offline demo answers edits (issue #6) over real loopback HTTP: input images and a mask in
// a Responses request, previous_response_id of an earlier demo answer, a gateway's nested tool,
// Chat Completions style image parts; the picture changes only where the mask lets it, keeps its
// structure without one, usage counts the input images, and every bad input is a 400 with
// OpenAI's error shape and a specific sentence.
#include "demo/demoimagedecoder.h"
#include "demo/demoresultmemory.h"
#include "demo/demousage.h"
#include "demoimagesclient.h"
#include "gateway/responsesdecoder.h"
#include "gateway/responsesrequest.h"

#include <QJsonArray>

using namespace DemoImagesClient;

namespace {

// A picture whose every pixel differs from its neighbours, so "unchanged" is a strong claim.
QImage patterned(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb((x * 3) % 256, (y * 5) % 256, ((x + y) * 7) % 256));
    }
    return image;
}

// Black on the left, white on the right.
QImage halves(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width() / 2; ++x)
            image.setPixel(x, y, qRgb(0, 0, 0));
    }
    return image;
}

// Opaque everywhere but `hole`, where the edit may change the picture.
QImage maskWithHole(QSize size, const QRect &hole)
{
    QImage mask(size, QImage::Format_ARGB32);
    mask.fill(QColor(0, 0, 0, 255));
    for (int y = hole.top(); y <= hole.bottom(); ++y) {
        for (int x = hole.left(); x <= hole.right(); ++x)
            mask.setPixel(x, y, qRgba(0, 0, 0, 0));
    }
    return mask;
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QString dataUrl(const QByteArray &bytes, const char *mime = "image/png")
{
    return QStringLiteral("data:") + QLatin1String(mime) + QStringLiteral(";base64,")
        + QString::fromLatin1(bytes.toBase64());
}

QString dataUrl(const QImage &image)
{
    return dataUrl(pngBytes(image));
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A PNG whose header (with a valid checksum) claims `width` x `height`: the decoder must refuse
// it from the header alone, without trying to allocate the picture.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray bytes = pngBytes(patterned(QSize(4, 4)));
    const auto put32 = [&bytes](int at, quint32 value) {
        for (int i = 0; i < 4; ++i)
            bytes[at + i] = char((value >> (24 - 8 * i)) & 0xFF);
    };
    put32(16, width); // IHDR data starts after the signature (8), length (4) and type (4)
    put32(20, height);
    put32(29, crc32(bytes.mid(12, 17))); // the CRC covers the type and the 13 data bytes
    return bytes;
}

int difference(QRgb a, QRgb b)
{
    return qAbs(qRed(a) - qRed(b)) + qAbs(qGreen(a) - qGreen(b)) + qAbs(qBlue(a) - qBlue(b));
}

double meanGray(const QImage &image, const QRect &area)
{
    double sum = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            sum += qGray(image.pixel(x, y));
    }
    return sum / (double(area.width()) * area.height());
}

// What a Responses answer carried, whether it was streamed or not.
struct Answer
{
    int status = 0;
    QJsonObject error;
    QString responseId;
    QString action;
    QString size;
    QString text; // the assistant's sentence
    QByteArray finalBytes;
    QList<QByteArray> partials;
    QJsonObject response; // the completed response object
    Usage usage; // as the app's decoder reads it
};

// The request body of one edit turn: the text, then one image part per URL.
struct EditBody
{
    QString prompt = QStringLiteral("make it a red sunset");
    QList<QJsonValue> images; // image_url values
    QString partType = QStringLiteral("input_image");
    QJsonObject tool { { QStringLiteral("type"), QStringLiteral("image_generation") } };
    bool nested = false; // settings inside "parameters", as AI Stats and OpenRouter send them
    bool stream = false;
    QJsonObject extra; // more top-level fields

    QByteArray json() const
    {
        QJsonArray content { QJsonObject { { QStringLiteral("type"), QStringLiteral("input_text") },
                                           { QStringLiteral("text"), prompt } } };
        for (const QJsonValue &url : images)
            content.append(QJsonObject { { QStringLiteral("type"), partType },
                                         { QStringLiteral("image_url"), url } });
        QJsonObject toolObject = tool;
        if (nested) {
            QJsonObject parameters = tool;
            parameters.remove(QStringLiteral("type"));
            toolObject
                = QJsonObject { { QStringLiteral("type"), tool.value(QLatin1String("type")) },
                                { QStringLiteral("parameters"), parameters } };
        }
        QJsonObject root { { QStringLiteral("model"), QStringLiteral("gpt-5") },
                           { QStringLiteral("input"),
                             QJsonArray {
                                 QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                               { QStringLiteral("content"), content } } } },
                           { QStringLiteral("tools"), QJsonArray { toolObject } },
                           { QStringLiteral("stream"), stream } };
        for (auto it = extra.begin(); it != extra.end(); ++it)
            root.insert(it.key(), it.value());
        return QJsonDocument(root).toJson(QJsonDocument::Compact);
    }
};

QJsonObject tool(QSize size, const QString &type = QStringLiteral("image_generation"))
{
    return QJsonObject { { QStringLiteral("type"), type },
                         { QStringLiteral("size"), sizeText(size) },
                         { QStringLiteral("quality"), QStringLiteral("low") } };
}

QJsonObject maskField(const QImage &mask)
{
    return QJsonObject { { QStringLiteral("image_url"), dataUrl(mask) } };
}

} // namespace

class TestDemoEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void maskedEditKeepsOpaquePixels_data();
    void maskedEditKeepsOpaquePixels();
    void editWithoutMaskKeepsStructure_data();
    void editWithoutMaskKeepsStructure();
    void editThroughPreviousResponse_data();
    void editThroughPreviousResponse();
    void editAsTheAppSendsIt_data();
    void editAsTheAppSendsIt();
    void transparentInputStaysTransparent();
    void generateActionIgnoresTheImage();
    void badInputIs400_data();
    void badInputIs400();
    void memoryIsBounded();
    void decoderRefusesHostileBytes_data();
    void decoderRefusesHostileBytes();

private:
    Answer post(const QByteArray &body, bool stream);

    QNetworkAccessManager *m_manager = nullptr;
    DemoGateway *m_demo = nullptr;
};

void TestDemoEdits::init()
{
    m_manager = new QNetworkAccessManager(this);
    m_demo = new DemoGateway(this);
    m_demo->setPacing(0);
    QVERIFY2(m_demo->start(), qPrintable(m_demo->errorString()));
}

void TestDemoEdits::cleanup()
{
    delete m_demo;
    delete m_manager;
}

Answer TestDemoEdits::post(const QByteArray &body, bool stream)
{
    Answer answer;
    const auto exchange = send(m_manager, *m_demo, body, QStringLiteral("/responses"));
    if (!waitFor(*exchange))
        return answer;
    answer.status = exchange->status();
    ResponsesDecoder decoder;
    QJsonObject imageItem;
    if (answer.status != 200) {
        answer.error = exchange->json().value(QLatin1String("error")).toObject();
        return answer;
    }
    if (stream) {
        for (const SseEvent &event : std::as_const(exchange->events)) {
            for (const StreamEvent &decoded : decoder.decode(event)) {
                if (decoded.kind == StreamEvent::Kind::Usage)
                    answer.usage = decoded.usage;
            }
            const QJsonObject data = QJsonDocument::fromJson(event.data).object();
            if (event.event == "response.image_generation_call.partial_image")
                answer.partials << QByteArray::fromBase64(
                    data.value(QLatin1String("partial_image_b64")).toString().toLatin1());
            if (event.event == "response.completed")
                answer.response = data.value(QLatin1String("response")).toObject();
        }
    } else {
        answer.response = exchange->json();
        for (const StreamEvent &decoded : decoder.decodeResponseBody(exchange->body)) {
            if (decoded.kind == StreamEvent::Kind::Usage)
                answer.usage = decoded.usage;
        }
    }
    answer.responseId = answer.response.value(QLatin1String("id")).toString();
    for (const QJsonValue &item : answer.response.value(QLatin1String("output")).toArray()) {
        const QString type = item.toObject().value(QLatin1String("type")).toString();
        if (type == QLatin1String("image_generation_call"))
            imageItem = item.toObject();
        if (type == QLatin1String("message"))
            answer.text = item.toObject()
                              .value(QLatin1String("content"))
                              .toArray()
                              .first()
                              .toObject()
                              .value(QLatin1String("text"))
                              .toString();
    }
    answer.action = imageItem.value(QLatin1String("action")).toString();
    answer.size = imageItem.value(QLatin1String("size")).toString();
    answer.finalBytes
        = QByteArray::fromBase64(imageItem.value(QLatin1String("result")).toString().toLatin1());
    return answer;
}

void TestDemoEdits::maskedEditKeepsOpaquePixels_data()
{
    QTest::addColumn<QString>("toolType");
    QTest::addColumn<bool>("nested");
    QTest::addColumn<QString>("partType");
    QTest::addColumn<bool>("urlAsObject");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("partials");

    QTest::newRow("openai flat, whole answer")
        << "image_generation" << false << "input_image" << false << false << 0;
    QTest::newRow("openai flat, streamed with previews")
        << "image_generation" << false << "input_image" << false << true << 2;
    QTest::newRow("image_url as an object")
        << "image_generation" << false << "input_image" << true << false << 0;
    QTest::newRow("chat completions image part")
        << "image_generation" << false << "image_url" << true << false << 0;
    QTest::newRow("gateway tool nested in parameters")
        << "phaseo:image_generation" << true << "input_image" << false << false << 0;
    QTest::newRow("openrouter nested, streamed")
        << "openrouter:image_generation" << true << "input_image" << false << true << 1;
}

void TestDemoEdits::maskedEditKeepsOpaquePixels()
{
    QFETCH(QString, toolType);
    QFETCH(bool, nested);
    QFETCH(QString, partType);
    QFETCH(bool, urlAsObject);
    QFETCH(bool, stream);
    QFETCH(int, partials);

    const QSize size(160, 120);
    const QRect hole(40, 30, 60, 50);
    const QImage input = patterned(size);
    EditBody body;
    const QString url = dataUrl(input);
    body.images << (urlAsObject ? QJsonValue(QJsonObject { { QStringLiteral("url"), url } })
                                : QJsonValue(url));
    body.partType = partType;
    body.tool = tool(size, toolType);
    body.tool.insert(QStringLiteral("input_image_mask"), maskField(maskWithHole(size, hole)));
    body.tool.insert(QStringLiteral("action"), QStringLiteral("edit"));
    body.tool.insert(QStringLiteral("partial_images"), partials);
    body.nested = nested;
    body.stream = stream;

    const Answer answer = post(body.json(), stream);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.action, QStringLiteral("edit"));
    QVERIFY2(answer.text.contains(QStringLiteral("edit of your image")), qPrintable(answer.text));
    QVERIFY2(answer.text.contains(QStringLiteral("only inside the mask")), qPrintable(answer.text));
    QCOMPARE(answer.size, sizeText(size));
    QByteArray format;
    const QImage output = decodeImage(answer.finalBytes, &format);
    QCOMPARE(format, QByteArray("png"));
    QCOMPARE(output.size(), size);

    // Where the mask is opaque, the input's pixels exactly; inside the hole, changed ones.
    const QList<QPoint> kept { { 0, 0 },     { 159, 0 },   { 0, 119 }, { 159, 119 }, { 39, 29 },
                               { 101, 81 },  { 70, 29 },   { 70, 81 }, { 39, 55 },   { 101, 55 },
                               { 150, 110 }, { 140, 112 }, { 10, 100 } };
    for (const QPoint &point : kept)
        QVERIFY2(
            output.pixel(point) == input.pixel(point),
            qPrintable(
                QStringLiteral("(%1,%2) changed outside the mask").arg(point.x()).arg(point.y())));
    int changed = 0;
    for (int y = hole.top(); y <= hole.bottom(); ++y) {
        for (int x = hole.left(); x <= hole.right(); ++x)
            changed += difference(output.pixel(x, y), input.pixel(x, y)) > 6 ? 1 : 0;
    }
    QVERIFY2(changed > hole.width() * hole.height() * 9 / 10,
             qPrintable(QStringLiteral("only %1 pixels of the hole changed").arg(changed)));

    // Previews are edits too: lower fidelity, the protected pixels still the input's.
    QCOMPARE(answer.partials.size(), partials);
    for (const QByteArray &bytes : answer.partials) {
        const QImage preview = decodeImage(bytes);
        QCOMPARE(preview.size(), size);
        QVERIFY(preview != output);
        for (const QPoint &point : kept)
            QCOMPARE(preview.pixel(point), input.pixel(point));
    }

    // The input image is counted, by the tool and by the mainline model.
    const qint64 imageTokens = DemoUsage::imageInputTokens(size);
    QVERIFY(imageTokens > 0);
    const QJsonObject imageGen = answer.response.value(QLatin1String("tool_usage"))
                                     .toObject()
                                     .value(QLatin1String("image_gen"))
                                     .toObject();
    QCOMPARE(imageGen.value(QLatin1String("input_tokens_details"))
                 .toObject()
                 .value(QLatin1String("image_tokens"))
                 .toInteger(),
             imageTokens);
    QCOMPARE(answer.usage.imageInputImageTokens, imageTokens);
    QVERIFY(answer.usage.inputTokens > imageTokens);
    QVERIFY(answer.usage.imageOutputTokens > 0);
}

void TestDemoEdits::editWithoutMaskKeepsStructure_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QSize>("inputSize");
    QTest::addColumn<QSize>("outputSize");

    QTest::newRow("red sunset, same size")
        << "make it a red sunset" << QSize(128, 96) << QSize(128, 96);
    QTest::newRow("night, wider input cropped")
        << "a blue night sky" << QSize(300, 150) << QSize(128, 128);
    QTest::newRow("misty forest, taller output")
        << "misty green forest" << QSize(200, 200) << QSize(96, 160);
    QTest::newRow("unknown words, upscaled") << "zqx vrb" << QSize(40, 30) << QSize(160, 120);
}

void TestDemoEdits::editWithoutMaskKeepsStructure()
{
    QFETCH(QString, prompt);
    QFETCH(QSize, inputSize);
    QFETCH(QSize, outputSize);

    const QImage input = halves(inputSize);
    EditBody body;
    body.prompt = prompt;
    body.images << QJsonValue(dataUrl(input));
    body.tool = tool(outputSize);

    const Answer answer = post(body.json(), false);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.action, QStringLiteral("edit"));
    const QImage output = decodeImage(answer.finalBytes);
    QCOMPARE(output.size(), outputSize);

    // What the input looks like at the output size (cover, centre crop): still black | white.
    const QImage expected = DemoImageDecoder::cover(input, outputSize);
    const int w = outputSize.width(), h = outputSize.height();
    const QList<QPoint> samples { { w / 8, h / 8 },         { w / 8, h - 1 - h / 8 },
                                  { w / 4, h / 2 },         { w - 1 - w / 8, h / 8 },
                                  { w - 1 - w / 4, h / 2 }, { w - 1 - w / 8, h - 1 - h / 4 } };
    for (const QPoint &point : samples)
        QVERIFY2(
            difference(output.pixel(point), expected.pixel(point)) > 20,
            qPrintable(QStringLiteral("(%1,%2) was not edited").arg(point.x()).arg(point.y())));

    const double left = meanGray(output, QRect(0, 0, w / 2 - 2, h));
    const double right = meanGray(output, QRect(w / 2 + 2, 0, w - w / 2 - 2, h));
    QVERIFY2(right - left > 60,
             qPrintable(QStringLiteral("left %1, right %2").arg(left).arg(right)));

    // Not a new picture: the same prompt drawn from nothing looks nothing like the edit.
    EditBody fresh;
    fresh.prompt = prompt;
    fresh.tool = tool(outputSize);
    const Answer generated = post(fresh.json(), false);
    QCOMPARE(generated.action, QStringLiteral("generate"));
    QVERIFY(decodeImage(generated.finalBytes) != output);
}

void TestDemoEdits::editThroughPreviousResponse_data()
{
    QTest::addColumn<bool>("store");
    QTest::addColumn<bool>("knownId");
    QTest::addColumn<bool>("edits"); // whether the second turn edits the first picture

    QTest::newRow("stored response") << true << true << true;
    QTest::newRow("store false is not kept") << false << true << false;
    QTest::newRow("unknown id draws anew") << true << false << false;
}

void TestDemoEdits::editThroughPreviousResponse()
{
    QFETCH(bool, store);
    QFETCH(bool, knownId);
    QFETCH(bool, edits);

    const QSize size(144, 96);
    EditBody first;
    first.prompt = QStringLiteral("a desert canyon at dawn");
    first.tool = tool(size);
    first.extra.insert(QStringLiteral("store"), store);
    const Answer original = post(first.json(), false);
    QCOMPARE(original.status, 200);
    QVERIFY(original.responseId.startsWith(QLatin1String("resp_")));
    const QImage before = decodeImage(original.finalBytes);
    QCOMPARE(before.size(), size);

    // The follow-up sends no image: only the id, and a mask that protects the left half.
    const QString previous = knownId ? original.responseId : QStringLiteral("resp_elsewhere");
    EditBody second;
    second.prompt = QStringLiteral("now make it purple");
    second.tool = tool(size);
    second.extra.insert(QStringLiteral("previous_response_id"), previous);
    second.stream = true;
    if (edits)
        second.tool.insert(QStringLiteral("input_image_mask"),
                           maskField(maskWithHole(size, QRect(72, 0, 72, 96))));
    const Answer answer = post(second.json(), true);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.response.value(QLatin1String("previous_response_id")).toString(), previous);
    const QImage after = decodeImage(answer.finalBytes);
    QCOMPARE(after.size(), size);
    if (edits) {
        QCOMPARE(answer.action, QStringLiteral("edit"));
        QVERIFY2(answer.text.contains(QStringLiteral("edit of the previous picture")),
                 qPrintable(answer.text));
        for (const QPoint &point : { QPoint(0, 0), QPoint(30, 40), QPoint(71, 95), QPoint(5, 90) })
            QCOMPARE(after.pixel(point), before.pixel(point));
        QVERIFY(difference(after.pixel(110, 48), before.pixel(110, 48)) > 6);
        QCOMPARE(answer.usage.imageInputImageTokens, DemoUsage::imageInputTokens(size));
        QCOMPARE(m_demo->resultMemory().size(), 2); // the edit is remembered as well
    } else {
        // Nothing to edit: the prompt is drawn as a new picture, exactly as without the id.
        QCOMPARE(answer.action, QStringLiteral("generate"));
        QCOMPARE(answer.usage.imageInputImageTokens, 0);
        EditBody fresh;
        fresh.prompt = second.prompt;
        fresh.tool = tool(size);
        QCOMPARE(after, decodeImage(post(fresh.json(), false).finalBytes));
    }
}

void TestDemoEdits::editAsTheAppSendsIt_data()
{
    QTest::addColumn<QString>("toolType");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QString>("size"); // as the designer chose it
    QTest::addColumn<QSize>("inputSize");
    QTest::addColumn<QSize>("outputSize");

    QTest::newRow("openai, streamed, input size")
        << "image_generation" << true << "160x96" << QSize(160, 96) << QSize(160, 96);
    QTest::newRow("phaseo nested, whole answer")
        << "phaseo:image_generation" << false << "160x96" << QSize(160, 96) << QSize(160, 96);
    QTest::newRow("size auto follows a wide input")
        << "image_generation" << false << "auto" << QSize(300, 200) << QSize(1536, 1024);
    QTest::newRow("size auto follows a tall input")
        << "openrouter:image_generation" << false << "auto" << QSize(90, 160) << QSize(1024, 1536);
}

void TestDemoEdits::editAsTheAppSendsIt()
{
    QFETCH(QString, toolType);
    QFETCH(bool, stream);
    QFETCH(QString, size);
    QFETCH(QSize, inputSize);
    QFETCH(QSize, outputSize);

    // The body exactly as Easel builds it for an "Edit this image" turn with a mask.
    const QImage input = patterned(inputSize);
    const QRect hole(inputSize.width() / 2, 0, inputSize.width() - inputSize.width() / 2,
                     inputSize.height());
    ResponsesRequest request;
    request.chatModel = QStringLiteral("gpt-5");
    request.prompt = QStringLiteral("turn the right half into a golden sunset");
    request.images << InputImage { pngBytes(input), QStringLiteral("image/png") };
    request.mask = InputImage { pngBytes(maskWithHole(inputSize, hole)), QString() };
    request.params.quality = QStringLiteral("low");
    request.params.size = size;
    request.params.partialImages = 1;
    request.stream = stream;
    request.toolType = toolType;
    request.nestToolParameters = toolType != QLatin1String("image_generation");

    const Answer answer = post(ResponsesRequestBuilder::body(request), stream);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.action, QStringLiteral("edit"));
    QCOMPARE(answer.size, QStringLiteral("%1x%2").arg(outputSize.width()).arg(outputSize.height()));
    const QImage output = decodeImage(answer.finalBytes);
    QCOMPARE(output.size(), outputSize);
    QCOMPARE(answer.partials.size(), stream ? 1 : 0);
    QCOMPARE(answer.usage.imageInputImageTokens, DemoUsage::imageInputTokens(inputSize));
    if (outputSize == inputSize) {
        for (const QPoint &point : { QPoint(0, 0), QPoint(20, 50), QPoint(79, 95) })
            QCOMPARE(output.pixel(point), input.pixel(point));
        QVERIFY(difference(output.pixel(120, 48), input.pixel(120, 48)) > 6);
    } else {
        // Scaled: the protected half still looks like the input scaled the same way.
        const QImage expected = DemoImageDecoder::cover(input, outputSize);
        const QPoint left(outputSize.width() / 8, outputSize.height() / 2);
        const QPoint right(outputSize.width() - 1 - outputSize.width() / 8,
                           outputSize.height() / 2);
        QCOMPARE(output.pixel(left), expected.pixel(left));
        QVERIFY(difference(output.pixel(right), expected.pixel(right)) > 6);
    }
}

void TestDemoEdits::transparentInputStaysTransparent()
{
    const QSize size(64, 48);
    QImage input(size, QImage::Format_ARGB32);
    input.fill(Qt::transparent);
    for (int y = 12; y < 36; ++y) {
        for (int x = 16; x < 48; ++x)
            input.setPixel(x, y, qRgba(200, 40, 40, 255));
    }
    EditBody body;
    body.images << QJsonValue(dataUrl(input));
    body.tool = tool(size);
    body.tool.insert(QStringLiteral("input_image_mask"),
                     maskField(maskWithHole(size, QRect(32, 0, 32, 48))));
    const Answer answer = post(body.json(), false);
    QCOMPARE(answer.status, 200);
    const QImage output = decodeImage(answer.finalBytes).convertToFormat(QImage::Format_ARGB32);
    QVERIFY(output.hasAlphaChannel());
    QCOMPARE(qAlpha(output.pixel(2, 2)), 0); // protected and transparent: still transparent
    QCOMPARE(output.pixel(20, 20), input.pixel(20, 20));
    QVERIFY(output.pixel(40, 20) != input.pixel(40, 20));

    // Asked for an opaque picture, the edit is opaque.
    body.tool.insert(QStringLiteral("background"), QStringLiteral("opaque"));
    const QImage opaque = decodeImage(post(body.json(), false).finalBytes);
    QVERIFY(!opaque.hasAlphaChannel());
}

void TestDemoEdits::generateActionIgnoresTheImage()
{
    const QSize size(96, 64);
    EditBody body;
    body.prompt = QStringLiteral("a teal ocean");
    body.images << QJsonValue(dataUrl(halves(QSize(50, 50))));
    body.tool = tool(size);
    body.tool.insert(QStringLiteral("action"), QStringLiteral("generate"));
    const Answer withImage = post(body.json(), false);
    QCOMPARE(withImage.status, 200);
    QCOMPARE(withImage.action, QStringLiteral("generate"));
    // Still read (it is part of the turn): counted, like the real tool counts references.
    QCOMPARE(withImage.usage.imageInputImageTokens, DemoUsage::imageInputTokens(QSize(50, 50)));

    body.images.clear();
    const Answer without = post(body.json(), false);
    QCOMPARE(decodeImage(withImage.finalBytes), decodeImage(without.finalBytes));
}

void TestDemoEdits::badInputIs400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("says");

    const QSize size(96, 80);
    const QString image = dataUrl(patterned(size));
    const auto edit = [&](const QList<QJsonValue> &images, const QJsonObject &extraTool = {},
                          bool nested = false, bool stream = false,
                          const QString &partType = QStringLiteral("input_image")) {
        EditBody body;
        body.images = images;
        body.tool = tool(size);
        for (auto it = extraTool.begin(); it != extraTool.end(); ++it)
            body.tool.insert(it.key(), it.value());
        body.nested = nested;
        body.stream = stream;
        body.partType = partType;
        if (nested)
            body.tool.insert(QStringLiteral("type"), QStringLiteral("phaseo:image_generation"));
        return body.json();
    };
    const QString inputParam = QStringLiteral("input[0].content[1].image_url");
    const QString maskParam = QStringLiteral("tools[0].input_image_mask");

    QTest::newRow("https link") << edit({ QStringLiteral("https://example.com/cat.png") })
                                << inputParam << "invalid_image_url"
                                << "The offline demo cannot fetch https://example.com/cat.png; "
                                   "send the image inline";
    QTest::newRow("https link, streamed")
        << edit({ QStringLiteral("https://example.com/cat.png") }, {}, false, true) << inputParam
        << "invalid_image_url"
        << "cannot fetch https://example.com/cat.png";
    QTest::newRow("chat part with an https link") << edit(
        { QJsonObject { { QStringLiteral("url"), QStringLiteral("https://x.test/a.png") } } }, {},
        false, false, QStringLiteral("image_url")) << inputParam
                                                  << "invalid_image_url"
                                                  << "cannot fetch https://x.test/a.png";
    QTest::newRow("not a URL") << edit({ QStringLiteral("cat.png") }) << inputParam
                               << "invalid_image_url"
                               << "expected a data URL";
    QTest::newRow("no image_url") << edit({ QJsonValue() }) << inputParam
                                  << "missing_required_parameter"
                                  << "Missing required parameter: 'input[0].content[1].image_url'";
    QTest::newRow("bad base64") << edit({ QStringLiteral("data:image/png;base64,iVBOR@@@###") })
                                << inputParam << "invalid_base64_image"
                                << "not valid base64";
    QTest::newRow("empty data") << edit({ QStringLiteral("data:image/png;base64,") }) << inputParam
                                << "empty_image_file"
                                << "is empty";
    QTest::newRow("text, not an image")
        << edit({ dataUrl(QByteArray("hello, this is not a picture")) }) << inputParam
        << "invalid_image"
        << "is not an image the offline demo can read";
    QTest::newRow("second image broken")
        << edit({ image, QStringLiteral("data:image/png;base64,AAAA") })
        << "input[0].content[2].image_url"
        << "invalid_image"
        << "'input[0].content[2].image_url'";
    QTest::newRow("over 100 megapixels")
        << edit({ dataUrl(pngClaiming(20000, 20000)) }) << inputParam << "image_too_large"
        << "20000x20000 pixels";
    QTest::newRow("mask of another size")
        << edit({ image },
                { { QStringLiteral("input_image_mask"),
                    maskField(maskWithHole(QSize(64, 64), QRect(0, 0, 8, 8))) } })
        << maskParam << "invalid_request_error"
        << "is 64x64 but the image it masks is 96x80";
    QTest::newRow("mask of another size, nested tool")
        << edit({ image },
                { { QStringLiteral("input_image_mask"),
                    maskField(maskWithHole(QSize(96, 81), QRect(0, 0, 8, 8))) } },
                true)
        << maskParam << "invalid_request_error"
        << "is 96x81 but the image it masks is 96x80";
    QTest::newRow("mask without an image")
        << edit({},
                { { QStringLiteral("input_image_mask"),
                    maskField(maskWithHole(size, QRect(0, 0, 8, 8))) } })
        << maskParam << "invalid_request_error"
        << "was sent without an image to edit";
    QTest::newRow("mask with bad base64")
        << edit({ image },
                { { QStringLiteral("input_image_mask"),
                    QJsonObject { { QStringLiteral("image_url"),
                                    QStringLiteral("data:image/png;base64,!!") } } } })
        << maskParam << "invalid_base64_image"
        << "not valid base64";
    QTest::newRow("mask as a link")
        << edit({ image },
                { { QStringLiteral("input_image_mask"),
                    QJsonObject { { QStringLiteral("image_url"),
                                    QStringLiteral("https://example.com/m.png") } } } })
        << maskParam << "invalid_image_url"
        << "cannot fetch https://example.com/m.png";
    QTest::newRow("mask without alpha")
        << edit({ image }, { { QStringLiteral("input_image_mask"), maskField(patterned(size)) } })
        << maskParam << "invalid_request_error"
        << "has no alpha channel";
    QTest::newRow("mask as a file id")
        << edit({ image },
                { { QStringLiteral("input_image_mask"),
                    QJsonObject { { QStringLiteral("file_id"), QStringLiteral("file-123") } } } })
        << maskParam << "image_file_not_found"
        << "keeps no uploaded files";
    QTest::newRow("bad action") << edit({ image },
                                        { { QStringLiteral("action"), QStringLiteral("repaint") } })
                                << "tools[0].action"
                                << "invalid_value"
                                << "Invalid value: 'repaint'.";
}

void TestDemoEdits::badInputIs400()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    QFETCH(QString, code);
    QFETCH(QString, says);

    const auto exchange = send(m_manager, *m_demo, body, QStringLiteral("/responses"));
    QVERIFY(waitFor(*exchange));
    QCOMPARE(exchange->status(), 400);
    QVERIFY(exchange->contentType().startsWith(QLatin1String("application/json")));
    const QJsonObject error = exchange->json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.keys(), (QStringList { "code", "message", "param", "type" }));
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    QCOMPARE(error.value(QLatin1String("param")).toString(), param);
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(says), qPrintable(message));

    // The app's decoder hands the designer that sentence.
    ResponsesDecoder decoder;
    const QList<StreamEvent> errors
        = ofKind(decoder.decodeResponseBody(exchange->body), StreamEvent::Kind::Error);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(says), qPrintable(errors.first().message));

    // The demo keeps serving.
    EditBody next;
    next.tool = tool(QSize(32, 32));
    const auto after = send(m_manager, *m_demo, next.json(), QStringLiteral("/responses"));
    QVERIFY(waitFor(*after));
    QCOMPARE(after->status(), 200);
}

void TestDemoEdits::memoryIsBounded()
{
    DemoResultMemory memory;
    for (int i = 0; i < DemoResultMemory::maxResponses + 10; ++i)
        memory.remember(QStringLiteral("resp_%1").arg(i), QByteArray::number(i));
    QCOMPARE(memory.size(), DemoResultMemory::maxResponses);
    QVERIFY(memory.image(QStringLiteral("resp_0")).isEmpty()); // the oldest are forgotten
    QVERIFY(memory.image(QStringLiteral("resp_9")).isEmpty());
    QCOMPARE(memory.image(QStringLiteral("resp_10")), QByteArray("10"));
    QCOMPARE(memory.image(QStringLiteral("resp_59")), QByteArray("59"));
    QVERIFY(memory.image(QStringLiteral("resp_unknown")).isEmpty());
}

void TestDemoEdits::decoderRefusesHostileBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");

    const QByteArray png = pngBytes(patterned(QSize(32, 32)));
    QTest::newRow("PNG signature, garbage after")
        << QByteArray("\x89PNG\r\n\x1a\n" + QByteArray(64, 'x')) << "invalid_image";
    QTest::newRow("header only") << png.left(33) << "invalid_image";
    QByteArray badCrc = png;
    badCrc[29] = char(badCrc[29] ^ 0x55);
    QTest::newRow("damaged header checksum") << badCrc << "invalid_image";
    QTest::newRow("huge claimed size") << pngClaiming(100000, 100000) << "image_too_large";
    QTest::newRow("just over the limit") << pngClaiming(10001, 10000) << "image_too_large";
    QTest::newRow("random bytes") << QByteArray(4096, '\xA5') << "invalid_image";
    QTest::newRow("svg is not taken")
        << QByteArray("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>")
        << "invalid_image";
}

void TestDemoEdits::decoderRefusesHostileBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    DemoImageDecoder::Problem problem;
    const QImage image = DemoImageDecoder::decode(bytes, QStringLiteral("x"), &problem);
    QVERIFY(image.isNull());
    QCOMPARE(problem.code, code);
    QVERIFY(!problem.message.isEmpty());

    // Just under the limit, the header alone is no reason to refuse.
    DemoImageDecoder::Problem fine;
    QVERIFY(!DemoImageDecoder::decode(pngBytes(patterned(QSize(8, 8))), QStringLiteral("x"), &fine)
                 .isNull());
    QVERIFY(fine.isNull());
}

QTEST_MAIN(TestDemoEdits)
#include "tst_demoedits.moc"
