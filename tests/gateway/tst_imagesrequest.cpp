#include "gateway/apiflavour.h"
#include "gateway/imagesrequest.h"

#include <QJsonDocument>
#include <QTest>

// The body of a direct image call (wire-formats B.4): the image model as "model", the prompt, n,
// and only the settings moved away from the server defaults.
class TestImagesRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void body_data();
    void body();
    void flavourSeam();
};

namespace {

GatewayRequest baseRequest()
{
    GatewayRequest r;
    r.chatModel = QStringLiteral("gpt-5-mini"); // never sent: the endpoint has no chat model
    r.prompt = QStringLiteral("A lighthouse at dusk");
    r.params.imageModel = QStringLiteral("gpt-image-1");
    r.params.partialImages = 2;
    r.stream = false;
    return r;
}

QByteArray pretty(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace

Q_DECLARE_METATYPE(GatewayRequest)

void TestImagesRequest::body_data()
{
    QTest::addColumn<GatewayRequest>("request");
    QTest::addColumn<QJsonObject>("expected");

    const GatewayRequest plain = baseRequest();
    QTest::newRow("defaults: model and prompt only")
        << plain
        << QJsonObject { { "model", "gpt-image-1" }, { "prompt", "A lighthouse at dusk" } };

    GatewayRequest every = baseRequest();
    every.params.quality = QStringLiteral("high");
    every.params.size = QStringLiteral("1536x1024");
    every.params.background = QStringLiteral("opaque");
    every.params.outputFormat = QStringLiteral("webp");
    every.params.outputCompression = 70;
    every.params.moderation = QStringLiteral("low");
    every.params.action = QStringLiteral("edit"); // not a field of /images/generations
    every.params.inputFidelity = QStringLiteral("high");
    every.imageCount = 3;
    QTest::newRow("every setting, n=3") << every
                                        << QJsonObject { { "model", "gpt-image-1" },
                                                         { "prompt", "A lighthouse at dusk" },
                                                         { "n", 3 },
                                                         { "quality", "high" },
                                                         { "size", "1536x1024" },
                                                         { "background", "opaque" },
                                                         { "output_format", "webp" },
                                                         { "output_compression", 70 },
                                                         { "moderation", "low" } };

    GatewayRequest streamed = baseRequest();
    streamed.stream = true;
    streamed.params.aspectRatio = QStringLiteral("16:9"); // gpt-image-1 knows 3 sizes: nearest
    QTest::newRow("streamed with previews, size from the aspect ratio")
        << streamed
        << QJsonObject { { "model", "gpt-image-1" },
                         { "prompt", "A lighthouse at dusk" },
                         { "size", "1536x1024" },
                         { "stream", true },
                         { "partial_images", 2 } };

    GatewayRequest gateway = streamed;
    gateway.params.imageModel = QStringLiteral("openai/gpt-image-2");
    gateway.nestToolParameters = true; // a gateway: aspect_ratio travels too
    gateway.imageCount = 40; // clamped to the API's 10
    QTest::newRow("gateway naming, n clamped")
        << gateway
        << QJsonObject { { "model", "openai/gpt-image-2" },
                         { "prompt", "A lighthouse at dusk" },
                         { "n", 10 },
                         { "size", ImageParams::sizeForAspectRatio("openai/gpt-image-2", "16:9") },
                         { "aspect_ratio", "16:9" },
                         { "stream", true },
                         { "partial_images", 2 } };
}

void TestImagesRequest::body()
{
    QFETCH(GatewayRequest, request);
    QFETCH(QJsonObject, expected);
    QCOMPARE(pretty(ImagesRequestBuilder::build(request)), pretty(expected));
}

void TestImagesRequest::flavourSeam()
{
    const GatewayRequest request = baseRequest();
    QCOMPARE(ApiFlavours::endpointPath(ApiFlavour::Images), QStringLiteral("images/generations"));
    QCOMPARE(ApiFlavours::requestBody(ApiFlavour::Images, request),
             ImagesRequestBuilder::body(request));
    QVERIFY(ApiFlavours::makeDecoder(ApiFlavour::Images) != nullptr);
    // Images is no conversation flavour: --api and the providers dialog do not offer it.
    ApiFlavour parsed = ApiFlavour::Responses;
    QVERIFY(!ApiFlavours::fromName(QStringLiteral("images"), &parsed));
    QVERIFY(!ApiFlavours::names().contains(QStringLiteral("images")));
}

QTEST_GUILESS_MAIN(TestImagesRequest)
#include "tst_imagesrequest.moc"
