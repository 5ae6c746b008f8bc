// Writes the seed corpus of every fuzz target, at run time (fuzz/run.sh), into one folder per
// target. Sources: the hand-written gateway fixtures of the repository, the recorded payloads
// outside it when present, and files made by the app's own writers (request bodies from the
// request builders, images carrying metadata from ImageMetadata::embed). Nothing is copied into
// the repository.
//
// Usage: easel_fuzz_seeds <repository> <recorded fixtures folder (may be missing)> <output folder>

#include "gateway/apiflavour.h"
#include "gateway/gatewayrequest.h"
#include "model/imageasset.h"
#include "model/turn.h"
#include "store/imagemetadata.h"

#include <QBuffer>
#include <QColor>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTextStream>

#include <cstdio>

namespace {

const QStringList kDecoders { QStringLiteral("fuzz_responsesdecoder"),
                              QStringLiteral("fuzz_chatcompletionsdecoder"),
                              QStringLiteral("fuzz_imagesdecoder") };

class Corpus
{
public:
    explicit Corpus(const QString &root)
        : m_root(root)
    {
    }

    // Seeds are named by their content's hash: the same seed from two sources is written once.
    void add(const QString &target, const QByteArray &bytes)
    {
        QDir().mkpath(m_root + QLatin1Char('/') + target);
        const QString name = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex().left(16));
        QFile file(m_root + QLatin1Char('/') + target + QLatin1Char('/') + name);
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
        ++m_count[target];
    }
    void add(const QStringList &targets, const QByteArray &bytes)
    {
        for (const QString &target : targets)
            add(target, bytes);
    }
    QMap<QString, int> counts() const { return m_count; }

private:
    QString m_root;
    QMap<QString, int> m_count;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray pngBytes(int width, int height, QColor color)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Recorded responses carry megabytes of base64; a fuzzer needs the shape, not the pixels. Long
// strings become a tiny real PNG (as a data URL when they were one) or a short text.
QJsonValue shrink(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = shrink(it.value());
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = shrink(array.at(i));
        return array;
    }
    const QString text = value.toString();
    if (!value.isString() || text.size() <= 512)
        return value;
    static const QString tiny = QString::fromLatin1(pngBytes(2, 3, Qt::red).toBase64());
    if (text.startsWith(QLatin1String("data:")))
        return QString(QStringLiteral("data:image/png;base64,") + tiny);
    if (!text.contains(QLatin1Char(' ')))
        return tiny;
    return text.left(200);
}

QByteArray shrinkJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isNull())
        return json.left(64 * 1024);
    if (document.isObject())
        return QJsonDocument(shrink(document.object()).toObject()).toJson(QJsonDocument::Compact);
    return QJsonDocument(shrink(document.array()).toArray()).toJson(QJsonDocument::Compact);
}

// "Recorded stream" files hold one JSON event per line; as a wire they are `event:` + `data:`.
QByteArray linesToSse(const QByteArray &lines, bool withEventNames)
{
    QByteArray sse;
    for (const QByteArray &line : lines.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QByteArray shrunk = shrinkJson(line);
        const QString type
            = QJsonDocument::fromJson(shrunk).object().value(QLatin1String("type")).toString();
        if (withEventNames && !type.isEmpty())
            sse += "event: " + type.toUtf8() + '\n';
        sse += "data: " + shrunk + "\n\n";
    }
    return sse;
}

// The text an assistant wrote, from any JSON the gateways send: seeds for the link scanner.
void collectTexts(const QJsonValue &value, QStringList *texts)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString()
                && QStringList { "text", "delta", "content", "output_text", "revised_prompt",
                                 "revisedPrompt" }
                       .contains(it.key()))
                texts->append(it.value().toString());
            else
                collectTexts(it.value(), texts);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectTexts(item, texts);
    }
}

void collectTextsFromWire(const QByteArray &wire, QStringList *texts)
{
    for (QByteArray line : wire.split('\n')) {
        if (line.startsWith("data:"))
            line = line.mid(5);
        collectTexts(QJsonDocument::fromJson(line.trimmed()).object(), texts);
    }
    collectTexts(QJsonDocument::fromJson(wire).object(), texts);
}

void addStreams(Corpus &corpus, const QByteArray &sse, const QByteArray &rawLines = {})
{
    corpus.add(QStringLiteral("fuzz_sseparser"), sse);
    QByteArray crlf = sse;
    crlf.replace("\n", "\r\n");
    QByteArray cr = sse;
    cr.replace('\n', '\r');
    corpus.add(QStringLiteral("fuzz_sseparser"), crlf);
    corpus.add(QStringLiteral("fuzz_sseparser"), cr);
    corpus.add(kDecoders, sse);
    corpus.add(kDecoders, crlf);
    if (!rawLines.isEmpty())
        corpus.add(kDecoders, rawLines);
}

void gatewaySeeds(Corpus &corpus, const QString &repository, const QString &recorded,
                  QStringList *texts)
{
    const QDir fixtures(repository + QStringLiteral("/tests/fixtures/gateways"));
    for (const QFileInfo &info : fixtures.entryInfoList({ "*.sse", "*.json" }, QDir::Files)) {
        const QByteArray bytes = readFile(info.filePath());
        if (info.suffix() == QLatin1String("sse"))
            addStreams(corpus, bytes);
        else
            corpus.add(kDecoders, bytes);
        collectTextsFromWire(bytes, texts);
    }
    const QDir shared(recorded);
    if (!shared.exists())
        return;
    for (const QFileInfo &info : shared.entryInfoList({ "*.chunks.txt" }, QDir::Files)) {
        const QByteArray lines = readFile(info.filePath());
        QByteArray shrunkLines;
        for (const QByteArray &line : lines.split('\n')) {
            if (!line.trimmed().isEmpty())
                shrunkLines += shrinkJson(line) + '\n';
        }
        addStreams(corpus, linesToSse(lines, true), shrunkLines);
        corpus.add(kDecoders, linesToSse(lines, false));
        collectTextsFromWire(shrunkLines, texts);
    }
    for (const QFileInfo &info : shared.entryInfoList({ "*.json" }, QDir::Files)) {
        const QByteArray json = shrinkJson(readFile(info.filePath()));
        if (info.fileName().contains(QLatin1String(".request."))) {
            corpus.add(QStringLiteral("fuzz_demorequest"), json);
            continue;
        }
        corpus.add(kDecoders, json);
        collectTextsFromWire(json, texts);
    }
}

void sseSeeds(Corpus &corpus)
{
    const QString target = QStringLiteral("fuzz_sseparser");
    corpus.add(target, "event: a\nid: 7\nretry: 10\ndata: one\ndata:two\ndata\n\n: comment\n\n");
    corpus.add(
        target,
        QByteArrayLiteral("data: x\r\n\r\ndata: y\r\rdata: z\n\rid\nid: 1\0 2\ndata: [DONE]"));
    corpus.add(target,
               "\xef\xbb\xbf"
               "data: bom\n\nevent:\ndata:  two spaces\n:\nfield without colon\n\n");
}

void decoderSeeds(Corpus &corpus)
{
    corpus.add(kDecoders, "data: [DONE]\n\n");
    corpus.add(kDecoders,
               "event: error\ndata: {\"type\":\"error\",\"code\":\"x\",\"message\":\"m\"}"
               "\n\n");
    corpus.add(kDecoders, "data: {\"error\":{\"code\":429,\"message\":\"slow down\"}}\n\n");
    corpus.add(kDecoders, "{\"error\":{\"message\":\"\",\"code\":null,\"type\":\"\"}}");
}

// fuzz_base64's first byte picks the text: 0 Latin-1, 1 UTF-16, 2 the rest's base64 (6 without
// padding), with edits from bits 3 and up.
void base64Seeds(Corpus &corpus)
{
    const QString target = QStringLiteral("fuzz_base64");
    const QByteArray png = pngBytes(24, 16, QColor(200, 120, 40));
    corpus.add(target, QByteArray(1, '\x02') + png);
    corpus.add(target, QByteArray(1, '\x06') + png.left(101));
    corpus.add(target, QByteArray(1, '\x1a') + png); // two edits
    corpus.add(target, QByteArray(1, '\x00') + png.toBase64());
    const QString text = QString::fromLatin1(png.left(60).toBase64());
    corpus.add(target,
               QByteArray(1, '\x01')
                   + QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
}

void linkSeeds(Corpus &corpus, QStringList texts)
{
    texts << QStringLiteral("Here: ![a fox](https://images.openrouter.ai/x/fox.png)")
          << QStringLiteral("![alt [nested]](<https://ex.com/a b.png> \"title\") and "
                            "![x](https://ex.com/p(1).webp 'single') "
                            "![y](https://ex.com/q.jpg (paren))")
          << QStringLiteral("see https://ex.com/path/image.jpeg, or "
                            "(http://127.0.0.1:8080/a.gif) and http://localhost/x.png.")
          << QStringLiteral("![d](data:image/png;base64,iVBORw0KGgo=)\n\n![e](javascript:x)\n"
                            "![f](file:///etc/passwd) ![g](http://example.com/a.png)")
          << QStringLiteral("line\n![alone](https://ex.com/a.png)\n\n![b](https://ex.com/a.png)"
                            "\n\nend \\![escaped](https://ex.com/e.png) ![bs](https://ex.com/"
                            "a\\)b.png)");
    for (const QString &text : std::as_const(texts)) {
        if (!text.trimmed().isEmpty())
            corpus.add(QStringLiteral("fuzz_imagelinks"), text.toUtf8());
    }
}

QJsonObject record(const QString &format)
{
    Turn turn;
    turn.id = QStringLiteral("turn-1");
    turn.prompt = QStringLiteral("A fox & a <hen>, \"quoted\"");
    turn.providerId = QStringLiteral("openai");
    turn.chatModel = QStringLiteral("gpt-5");
    turn.requested.outputFormat = format;
    turn.requested.aspectRatio = QStringLiteral("3:2");
    turn.startedAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    ImageAsset image;
    image.itemId = QStringLiteral("ig_1");
    image.mimeType = QStringLiteral("image/") + format;
    image.pixelSize = QSize(8, 6);
    image.report.revisedPrompt = QStringLiteral("A red fox");
    return ImageMetadata::describe(turn, image);
}

void metadataSeeds(Corpus &corpus)
{
    const QString target = QStringLiteral("fuzz_imagemetadata");
    QImage image(8, 6, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.fillRect(1, 1, 5, 3, QColor(200, 40, 40, 180));
    }
    struct Variant
    {
        const char *format;
        int quality;
        bool alpha;
    };
    // WebP at quality 100 is lossless (VP8L), below is lossy (VP8); with alpha it is extended.
    const Variant variants[]
        = { { "PNG", -1, true },    { "PNG", -1, false },  { "JPEG", 80, false },
            { "WEBP", 100, false }, { "WEBP", 75, false }, { "WEBP", 75, true } };
    for (const Variant &v : variants) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        const QImage source = v.alpha ? image : image.convertToFormat(QImage::Format_RGB32);
        if (!source.save(&buffer, v.format, v.quality)) {
            std::fprintf(stderr, "easel_fuzz_seeds: Qt cannot write %s here; no such seed.\n",
                         v.format);
            continue;
        }
        corpus.add(target, bytes);
        const QString format = ImageMetadata::formatOf(bytes);
        const ImageMetadata::Embedded embedded = ImageMetadata::embed(bytes, record(format));
        if (embedded.ok)
            corpus.add(target, embedded.bytes);
    }
    corpus.add(target, ImageMetadata::xmpPacket(record(QStringLiteral("png"))));
}

// fuzz_fastpng: PNGs from Qt's writer (first byte 0: read as a file), and rows to be compressed
// (first byte 1: width, height, alpha, then the filtered rows) with each filter.
void fastPngSeeds(Corpus &corpus)
{
    const QString target = QStringLiteral("fuzz_fastpng");
    for (bool alpha : { false, true }) {
        QImage image(13, 7, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, qRgba(x * 19, y * 37, (x * y) % 256, alpha ? x * 20 : 255));
        }
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        corpus.add(target, QByteArray(1, '\0') + png);

        const int width = 5;
        const int height = 5;
        const int rowBytes = width * (alpha ? 4 : 3);
        QByteArray rows;
        for (int y = 0; y < height; ++y) {
            rows.append(char(y)); // the filters None, Sub, Up, Average and Paeth in turn
            for (int i = 0; i < rowBytes; ++i)
                rows.append(char((i * 29 + y * 71) % 256));
        }
        corpus.add(target,
                   QByteArray("\x01") + char(width - 1) + char(height - 1) + char(alpha ? 1 : 0)
                       + rows);
    }
}

QList<QByteArray> requestBodies()
{
    const QByteArray png = pngBytes(4, 4, Qt::green);
    QList<GatewayRequest> requests;
    GatewayRequest plain;
    plain.chatModel = QStringLiteral("gpt-5");
    plain.prompt = QStringLiteral("A lighthouse at dusk");
    plain.params.partialImages = 2;
    requests << plain;

    GatewayRequest edit = plain;
    edit.images = { InputImage { png, QStringLiteral("image/png") } };
    edit.mask = InputImage { png, QStringLiteral("image/png") };
    edit.previousResponseId = QStringLiteral("resp_1");
    edit.params.action = QStringLiteral("edit");
    edit.params.background = QStringLiteral("transparent");
    edit.params.outputFormat = QStringLiteral("webp");
    edit.params.outputCompression = 70;
    requests << edit;

    GatewayRequest gateway = plain;
    gateway.toolType = QStringLiteral("openrouter:image_generation");
    gateway.nestToolParameters = true;
    gateway.params.aspectRatio = QStringLiteral("16:9");
    gateway.params.quality = QStringLiteral("high");
    gateway.params.imageModel = QStringLiteral("gpt-image-2");
    gateway.history = { { QStringLiteral("user"), QStringLiteral("hi") },
                        { QStringLiteral("assistant"), QStringLiteral("hello") } };
    gateway.imageCount = 3;
    gateway.stream = false;
    requests << gateway;

    QList<QByteArray> bodies;
    for (const GatewayRequest &request : std::as_const(requests)) {
        for (ApiFlavour flavour : { ApiFlavour::Responses, ApiFlavour::ChatCompletions,
                                    ApiFlavour::ImageChat, ApiFlavour::Images })
            bodies << ApiFlavours::requestBody(flavour, request);
    }
    return bodies;
}

void demoSeeds(Corpus &corpus)
{
    const QList<QByteArray> bodies = requestBodies();
    for (const QByteArray &body : bodies)
        corpus.add(QStringLiteral("fuzz_demorequest"), body);
    corpus.add(QStringLiteral("fuzz_demorequest"),
               "{\"model\":\"m\",\"input\":\"x\",\"tools\":[{\"type\":\"image_generation\","
               "\"size\":\"auto\",\"aspect_ratio\":\"2:3\",\"partial_images\":3}]}");

    const QString target = QStringLiteral("fuzz_httprequestreader");
    const QByteArray body = bodies.first();
    const QByteArray head = "POST /v1/responses?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                            "Content-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n";
    corpus.add(target, head + "\r\n" + body);
    corpus.add(target, head + "Expect: 100-continue\r\n\r\n" + body);
    corpus.add(target, "\r\nGET /v1/models HTTP/1.1\nHost: x\n\nGET / HTTP/1.0\r\n\r\n");
    corpus.add(target,
               "POST /v1/images/generations HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
               "\r\n5\r\nhello\r\n0\r\n\r\n");
    corpus.add(target, "PUT /x HTTP/2\r\nContent-Length: 99999999\r\n\r\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s <repository> <recorded fixtures> <output folder>\n",
                     argv[0]);
        return 2;
    }
    const QString repository = QString::fromLocal8Bit(argv[1]);
    const QString recorded = QString::fromLocal8Bit(argv[2]);
    Corpus corpus(QString::fromLocal8Bit(argv[3]));

    QStringList texts;
    gatewaySeeds(corpus, repository, recorded, &texts);
    sseSeeds(corpus);
    decoderSeeds(corpus);
    base64Seeds(corpus);
    linkSeeds(corpus, texts);
    metadataSeeds(corpus);
    fastPngSeeds(corpus);
    demoSeeds(corpus);

    const QMap<QString, int> counts = corpus.counts();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        std::printf("%s %d\n", qPrintable(it.key()), it.value());
    return 0;
}
