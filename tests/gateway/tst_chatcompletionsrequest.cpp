#include "gateway/apiflavour.h"
#include "gateway/chatcompletionsdecoder.h"
#include "gateway/chatcompletionsrequest.h"
#include "gateway/responsesdecoder.h"
#include "gateway/responsesrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(GatewayRequest)
Q_DECLARE_METATYPE(ApiFlavour)

namespace {

const QByteArray kPng("\x89PNG\r\n\x1a\n-fake", 13);

// A request as a provider profile would make it: the gateway's tool type and parameter nesting.
GatewayRequest request(const QString &toolType, bool nested)
{
    GatewayRequest r;
    r.chatModel = QStringLiteral("openai/gpt-5-mini");
    r.prompt = QStringLiteral("A lighthouse at dusk");
    r.params.imageModel = QStringLiteral("openai/gpt-image-1");
    r.toolType = toolType;
    r.nestToolParameters = nested;
    return r;
}

QJsonObject tool(const QString &type, const QJsonObject &parameters, bool nested)
{
    QJsonObject t = nested ? QJsonObject { { "parameters", parameters } } : parameters;
    t.insert("type", type);
    return t;
}

QJsonArray userOnly(const QJsonValue &content)
{
    return QJsonArray { QJsonObject { { "role", "user" }, { "content", content } } };
}

QJsonObject chatBody(const QJsonObject &tool)
{
    return QJsonObject { { "model", "openai/gpt-5-mini" },
                         { "messages", userOnly("A lighthouse at dusk") },
                         { "tools", QJsonArray { tool } },
                         { "stream", true } };
}

QByteArray pretty(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

ImageParams everySetting()
{
    ImageParams p;
    p.imageModel = QStringLiteral("openai/gpt-image-2");
    p.quality = QStringLiteral("high");
    p.size = QStringLiteral("1536x864");
    p.aspectRatio = QStringLiteral("16:9");
    p.background = QStringLiteral("opaque");
    p.outputFormat = QStringLiteral("webp");
    p.outputCompression = 72;
    p.moderation = QStringLiteral("low");
    p.partialImages = 3; // OpenAI-only settings: not sent on chat
    p.action = QStringLiteral("edit");
    p.inputFidelity = QStringLiteral("high");
    return p;
}

const QJsonObject kEverySetting {
    { "model", "openai/gpt-image-2" }, { "quality", "high" },      { "size", "1536x864" },
    { "aspect_ratio", "16:9" },        { "background", "opaque" }, { "output_format", "webp" },
    { "output_compression", 72 },      { "moderation", "low" }
};

} // namespace

class TestChatCompletionsRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_data();
    void build();
    void responsesForGateways_data();
    void responsesForGateways();
    void flavourSeam_data();
    void flavourSeam();
};

void TestChatCompletionsRequest::build_data()
{
    QTest::addColumn<ApiFlavour>("flavour");
    QTest::addColumn<GatewayRequest>("request");
    QTest::addColumn<QJsonObject>("expected");

    const QJsonObject defaults { { "model", "openai/gpt-image-1" } };
    struct Style
    {
        const char *name;
        const char *toolType;
        bool nested;
    };
    const Style styles[] = { { "AI Stats", "ai-stats:image_generation", true },
                             { "Phaseo", "phaseo:image_generation", true },
                             { "OpenRouter", "openrouter:image_generation", true },
                             { "ModelGates", "modelgates:image_generation", true },
                             { "custom, flat", "openrouter:image_generation", false } };
    for (const Style &style : styles) {
        const QString type = QString::fromLatin1(style.toolType);
        QTest::addRow("chat, %s, defaults", style.name)
            << ApiFlavour::ChatCompletions << request(type, style.nested)
            << chatBody(tool(type, defaults, style.nested));

        GatewayRequest forced = request(type, style.nested);
        forced.params = everySetting();
        forced.params.imageOnly = true;
        QJsonObject body = chatBody(tool(type, kEverySetting, style.nested));
        // AI Stats documents the bare string; OpenRouter (and its clone) the {"type"} object.
        body.insert("tool_choice",
                    type.startsWith("openrouter") || type.startsWith("modelgates")
                        ? QJsonValue(QJsonObject { { "type", type } })
                        : QJsonValue(type));
        QTest::addRow("chat, %s, every setting, image only", style.name)
            << ApiFlavour::ChatCompletions << forced << body;
    }

    {
        GatewayRequest r = request("openrouter:image_generation", true);
        r.history = { { "user", "A cat" },
                      { "assistant", "Here: ![c](https://h/c.png)" },
                      { "user", "" },
                      { "user", "A dog" } };
        r.images = { InputImage { kPng, {} }, InputImage { "GIF89a", "image/gif" } };
        r.stream = false;
        QJsonObject body = chatBody(tool("openrouter:image_generation", defaults, true));
        body["stream"] = false;
        body["messages"] = QJsonArray {
            QJsonObject { { "role", "user" }, { "content", "A cat" } },
            QJsonObject { { "role", "assistant" }, { "content", "Here: ![c](https://h/c.png)" } },
            QJsonObject { { "role", "user" }, { "content", "A dog" } },
            QJsonObject {
                { "role", "user" },
                { "content",
                  QJsonArray {
                      QJsonObject { { "type", "text" }, { "text", "A lighthouse at dusk" } },
                      QJsonObject {
                          { "type", "image_url" },
                          { "image_url",
                            QJsonObject { { "url",
                                            QString::fromLatin1("data:image/png;base64,"
                                                                + kPng.toBase64()) } } } },
                      QJsonObject {
                          { "type", "image_url" },
                          { "image_url",
                            QJsonObject { { "url", "data:image/gif;base64,R0lGODlh" } } } },
                  } } }
        };
        QTest::newRow("chat, history, attached images, not streamed")
            << ApiFlavour::ChatCompletions << r << body;
    }

    const QJsonObject imageChatBase { { "model", "google/gemini-2.5-flash-image" },
                                      { "messages", userOnly("A lighthouse at dusk") },
                                      { "modalities", QJsonArray { "image", "text" } },
                                      { "stream", true } };
    {
        GatewayRequest r = request("openrouter:image_generation", true);
        r.params.imageModel = "google/gemini-2.5-flash-image";
        QTest::newRow("image chat, defaults") << ApiFlavour::ImageChat << r << imageChatBase;

        r.params.aspectRatio = "21:9";
        r.params.size = "2k";
        r.params.quality = "high"; // no such setting for image-output models
        r.params.imageOnly = true;
        QJsonObject body = imageChatBase;
        body.insert("image_config",
                    QJsonObject { { "aspect_ratio", "21:9" }, { "image_size", "2K" } });
        QTest::newRow("image chat, ratio and image size") << ApiFlavour::ImageChat << r << body;

        r.params.aspectRatio.clear();
        r.params.size = "1536x1024"; // a pixel size is not an image_size
        QTest::newRow("image chat, pixel size left out")
            << ApiFlavour::ImageChat << r << imageChatBase;

        r.params.size = "0.5K";
        body = imageChatBase;
        body.insert("image_config", QJsonObject { { "image_size", "0.5K" } });
        QTest::newRow("image chat, 0.5K") << ApiFlavour::ImageChat << r << body;

        r.params.imageModel.clear();
        r.params.size = "auto";
        body = imageChatBase;
        body["model"] = "openai/gpt-5-mini";
        QTest::newRow("image chat without an image model uses the chat model")
            << ApiFlavour::ImageChat << r << body;
    }
}

void TestChatCompletionsRequest::build()
{
    QFETCH(ApiFlavour, flavour);
    QFETCH(GatewayRequest, request);
    QFETCH(QJsonObject, expected);
    const QJsonObject built = flavour == ApiFlavour::ImageChat
        ? ChatCompletionsRequestBuilder::buildImageChat(request)
        : ChatCompletionsRequestBuilder::buildToolChat(request);
    QCOMPARE(pretty(built), pretty(expected));
    QVERIFY(!built.contains("stream_options")); // deprecated, no effect (C.3)
    // The seam sends exactly this, compact.
    QCOMPARE(ApiFlavours::requestBody(flavour, request),
             QJsonDocument(expected).toJson(QJsonDocument::Compact));
}

void TestChatCompletionsRequest::responsesForGateways_data()
{
    QTest::addColumn<GatewayRequest>("request");
    QTest::addColumn<QJsonValue>("tool");
    QTest::addColumn<QJsonValue>("toolChoice");

    const QJsonObject params { { "model", "openai/gpt-image-1" }, { "partial_images", 2 } };
    for (const bool nested : { true, false }) {
        for (const char *type : { "ai-stats:image_generation", "phaseo:image_generation",
                                  "openrouter:image_generation", "modelgates:image_generation" }) {
            GatewayRequest r = request(QString::fromLatin1(type), nested);
            r.params.imageOnly = true;
            const QString t = QString::fromLatin1(type);
            const QJsonValue choice = t.startsWith("ai-stats") || t.startsWith("phaseo")
                ? QJsonValue(t)
                : QJsonValue(QJsonObject { { "type", t } });
            QTest::addRow("%s, %s", type, nested ? "nested" : "flat")
                << r << QJsonValue(tool(t, params, nested)) << choice;
        }
    }
    GatewayRequest openai = request("image_generation", false);
    openai.params.imageOnly = true;
    QTest::newRow("OpenAI") << openai << QJsonValue(tool("image_generation", params, false))
                            << QJsonValue(QJsonObject { { "type", "image_generation" } });
}

void TestChatCompletionsRequest::responsesForGateways()
{
    QFETCH(GatewayRequest, request);
    QFETCH(QJsonValue, tool);
    QFETCH(QJsonValue, toolChoice);
    const QJsonObject body = ResponsesRequestBuilder::build(request);
    QCOMPARE(body.value("tools"), QJsonValue(QJsonArray { tool }));
    QCOMPARE(body.value("tool_choice"), toolChoice);
    QCOMPARE(ApiFlavours::requestBody(ApiFlavour::Responses, request),
             ResponsesRequestBuilder::body(request));
}

void TestChatCompletionsRequest::flavourSeam_data()
{
    QTest::addColumn<ApiFlavour>("flavour");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("chatDecoder");

    QTest::newRow("responses") << ApiFlavour::Responses << "responses" << false;
    QTest::newRow("chat") << ApiFlavour::ChatCompletions << "chat/completions" << true;
    QTest::newRow("image chat") << ApiFlavour::ImageChat << "chat/completions" << true;
}

void TestChatCompletionsRequest::flavourSeam()
{
    QFETCH(ApiFlavour, flavour);
    QFETCH(QString, path);
    QFETCH(bool, chatDecoder);
    QCOMPARE(ApiFlavours::endpointPath(flavour), path);
    const std::unique_ptr<StreamDecoder> decoder = ApiFlavours::makeDecoder(flavour);
    QCOMPARE(dynamic_cast<ChatCompletionsDecoder *>(decoder.get()) != nullptr, chatDecoder);
    QCOMPARE(dynamic_cast<ResponsesDecoder *>(decoder.get()) != nullptr, !chatDecoder);
    QVERIFY(
        !ApiFlavours::requestBody(flavour, request("openrouter:image_generation", true)).isEmpty());
}

QTEST_MAIN(TestChatCompletionsRequest)
#include "tst_chatcompletionsrequest.moc"
