// Edits and reference images end to end through ChatSession over real loopback HTTP (issue #6):
// what the gateway receives for "Edit this image" (previous_response_id, or the image sent back),
// masks, branches, the scaling of large references and the refusals, read from the request
// bodies the fake gateway recorded.
#include "chat/chatsession.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using TestPayloads::inputImageUrls;
using TestPayloads::sse;

QByteArray turnStream(const QString &responseId, const QList<QByteArray> &images)
{
    QList<QByteArray> events;
    events << sse(
        "response.created",
        { { "response", QJsonObject { { "id", responseId }, { "status", "in_progress" } } } });
    int index = 0;
    for (const QByteArray &png : images) {
        events << sse(
            "response.output_item.done",
            { { "output_index", index },
              { "item",
                QJsonObject { { "id", QStringLiteral("ig_%1_%2").arg(responseId).arg(index) },
                              { "type", "image_generation_call" },
                              { "status", "completed" },
                              { "result", QString::fromLatin1(png.toBase64()) },
                              { "size", "64x48" } } } });
        ++index;
    }
    events << sse(
        "response.completed",
        { { "response",
            QJsonObject {
                { "id", responseId },
                { "status", "completed" },
                { "usage", QJsonObject { { "input_tokens", 10 }, { "output_tokens", 20 } } } } } });
    return events.join();
}

FakeResponse answer(const QString &responseId, int images = 1)
{
    QList<QByteArray> pngs;
    for (int i = 0; i < images; ++i)
        pngs << TestPayloads::pngBytes(QSize(64, 48), QColor(40 * i, 120, 200));
    return FakeResponse::sse({ turnStream(responseId, pngs) });
}

QJsonObject bodyOf(const HttpRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QJsonObject toolOf(const QJsonObject &body)
{
    const QJsonObject tool = body.value(QLatin1String("tools")).toArray().first().toObject();
    return tool.contains(QLatin1String("parameters"))
        ? tool.value(QLatin1String("parameters")).toObject()
        : tool;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray maskPng(QSize size)
{
    QImage mask(size, QImage::Format_ARGB32);
    mask.fill(QColor(0, 0, 0, 255));
    for (int y = 0; y < size.height() / 2; ++y) {
        for (int x = 0; x < size.width(); ++x)
            mask.setPixel(x, y, qRgba(0, 0, 0, 0)); // the top half may change
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    mask.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestChatEditing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void editOfStoredResponseContinuesIt();
    void editWithStoreOffSendsTheImageBack();
    void editOfOneOfSeveralImagesSendsItAlong();
    void maskedEditSendsImageMaskAndEditAction_data();
    void maskedEditSendsImageMaskAndEditAction();
    void maskOnChatFlavourIsRefused();
    void largeReferenceIsScaledOffTheGuiThread();
    void unreadableReferenceFailsTheTurnWithoutSending();
    void tooManyReferencesAreRefusedAndNothingIsAdded();
    void stopWhilePreparingSendsNothing();
    void editTurnIsSavedWithItsLineage();

private:
    void makeSession(bool store = true, const QString &providerId = QStringLiteral("openai"));
    bool sendAndWait(const QString &prompt, const QList<Attachment> &attachments = {},
                     const ImageRef &editOf = {}, const QString &mask = {},
                     const QString &maskedAttachment = {});
    const Turn &lastTurn() const
    {
        return m_session->model()->turnAt(m_session->model()->rowCount() - 1);
    }
    ImageRef imageOfTurn(int row, int index = 0) const
    {
        const Turn &turn = m_session->model()->turnAt(row);
        return { turn.id, turn.images.at(index).itemId };
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeGateway> m_fake;
    std::unique_ptr<ChatSession> m_session;
};

void TestChatEditing::init()
{
    m_dir.reset(new QTemporaryDir);
    m_fake.reset(new FakeGateway);
    QVERIFY(m_fake->listen());
    makeSession();
}

void TestChatEditing::cleanup()
{
    m_session.reset();
    m_fake.reset();
}

void TestChatEditing::makeSession(bool store, const QString &providerId)
{
    ProviderProfile profile = ProviderProfile::builtIn(providerId);
    profile.baseUrl = m_fake->url(QStringLiteral("/v1"));
    profile.apiKey = QStringLiteral("test-secret-key");
    ChatSession::Options options;
    options.imageRoot = m_dir->path() + QStringLiteral("/images");
    options.previewRoot = m_dir->path() + QStringLiteral("/previews");
    options.store = store;
    m_session.reset(new ChatSession(profile, options));
}

bool TestChatEditing::sendAndWait(const QString &prompt, const QList<Attachment> &attachments,
                                  const ImageRef &editOf, const QString &mask,
                                  const QString &maskedAttachment)
{
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    if (!m_session->send(prompt, attachments, ImageParams(), editOf, mask, maskedAttachment))
        return false;
    return finished.count() > 0 || finished.wait(10000);
}

void TestChatEditing::editOfStoredResponseContinuesIt()
{
    m_fake->enqueue(answer(QStringLiteral("resp_1")));
    m_fake->enqueue(answer(QStringLiteral("resp_2")));
    m_fake->enqueue(answer(QStringLiteral("resp_3")));
    QVERIFY(sendAndWait(QStringLiteral("a lighthouse")));
    QVERIFY(sendAndWait(QStringLiteral("now at night")));
    // Branch: edit the first image, not the latest one.
    QVERIFY(sendAndWait(QStringLiteral("make it warmer"), {}, imageOfTurn(0)));

    QCOMPARE(m_fake->requestCount(), 3);
    const QJsonObject body = bodyOf(m_fake->requests().at(2));
    QCOMPARE(body.value(QLatin1String("previous_response_id")).toString(),
             QStringLiteral("resp_1"));
    QVERIFY(inputImageUrls(body).isEmpty()); // already in the stored context
    QCOMPARE(body.value(QLatin1String("input")).toString(), QStringLiteral("make it warmer"));
    QCOMPARE(toolOf(body).value(QLatin1String("action")).toString(), QStringLiteral("edit"));
    QCOMPARE(lastTurn().editOf, imageOfTurn(0));
    QCOMPARE(lastTurn().status, Turn::Status::Done);
    // Both branches stay in the conversation.
    QCOMPARE(m_session->model()->rowCount(), 3);
}

void TestChatEditing::editWithStoreOffSendsTheImageBack()
{
    makeSession(false);
    m_fake->enqueue(answer(QStringLiteral("resp_1")));
    m_fake->enqueue(answer(QStringLiteral("resp_2")));
    QVERIFY(sendAndWait(QStringLiteral("a lighthouse")));
    const QString parentFile = m_session->model()->turnAt(0).images.first().filePath;
    QVERIFY(sendAndWait(QStringLiteral("make it warmer"), {}, imageOfTurn(0)));

    const QJsonObject body = bodyOf(m_fake->requests().at(1));
    QVERIFY(!body.contains(QLatin1String("previous_response_id")));
    QCOMPARE(body.value(QLatin1String("store")).toBool(true), false);
    const QStringList urls = inputImageUrls(body);
    QCOMPARE(urls.size(), 1);
    QVERIFY(urls.first().startsWith(QLatin1String("data:image/png;base64,")));
    QCOMPARE(TestPayloads::dataUrlBytes(urls.first()), readFile(parentFile)); // byte for byte
}

void TestChatEditing::editOfOneOfSeveralImagesSendsItAlong()
{
    m_fake->enqueue(answer(QStringLiteral("resp_1"), 3));
    m_fake->enqueue(answer(QStringLiteral("resp_2")));
    QVERIFY(sendAndWait(QStringLiteral("three lighthouses")));
    QCOMPARE(m_session->model()->turnAt(0).finalImageCount(), 3);
    const QString second = m_session->model()->turnAt(0).images.at(1).filePath;
    QVERIFY(sendAndWait(QStringLiteral("this one, warmer"), {}, imageOfTurn(0, 1)));

    const QJsonObject body = bodyOf(m_fake->requests().at(1));
    QCOMPARE(body.value(QLatin1String("previous_response_id")).toString(),
             QStringLiteral("resp_1"));
    const QStringList urls = inputImageUrls(body);
    QCOMPARE(urls.size(), 1);
    QCOMPARE(TestPayloads::dataUrlBytes(urls.first()), readFile(second));
}

void TestChatEditing::maskedEditSendsImageMaskAndEditAction_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("nested");
    QTest::newRow("openai: flat tool") << "openai" << false;
    QTest::newRow("openrouter: parameters object") << "openrouter" << true;
    QTest::newRow("aistats: parameters object") << "aistats" << true;
}

void TestChatEditing::maskedEditSendsImageMaskAndEditAction()
{
    QFETCH(QString, provider);
    QFETCH(bool, nested);
    makeSession(true, provider);
    m_fake->enqueue(answer(QStringLiteral("resp_1")));
    m_fake->enqueue(answer(QStringLiteral("resp_2")));
    QVERIFY(sendAndWait(QStringLiteral("a lighthouse")));
    const QString parentFile = m_session->model()->turnAt(0).images.first().filePath;
    const QString mask
        = writeFile(m_dir->filePath(QStringLiteral("mask.png")), maskPng(QSize(64, 48)));
    QVERIFY(sendAndWait(QStringLiteral("a red roof"), {}, imageOfTurn(0), mask));

    const QJsonObject body = bodyOf(m_fake->requests().at(1));
    const QJsonObject tool = body.value(QLatin1String("tools")).toArray().first().toObject();
    QCOMPARE(tool.contains(QLatin1String("parameters")), nested);
    const QJsonObject parameters = toolOf(body);
    QCOMPARE(parameters.value(QLatin1String("action")).toString(), QStringLiteral("edit"));
    const QString maskUrl = parameters.value(QLatin1String("input_image_mask"))
                                .toObject()
                                .value(QLatin1String("image_url"))
                                .toString();
    QVERIFY(maskUrl.startsWith(QLatin1String("data:image/png;base64,")));
    QImage sentMask;
    QVERIFY(sentMask.loadFromData(TestPayloads::dataUrlBytes(maskUrl), "PNG"));
    QCOMPARE(sentMask.size(), QSize(64, 48));
    QVERIFY(sentMask.hasAlphaChannel());
    QCOMPARE(qAlpha(sentMask.pixel(10, 5)), 0);
    QCOMPARE(qAlpha(sentMask.pixel(10, 40)), 255);
    // The masked image is the first input image.
    const QStringList urls = inputImageUrls(body);
    QCOMPARE(urls.size(), 1);
    QCOMPARE(TestPayloads::dataUrlBytes(urls.first()), readFile(parentFile));
    QCOMPARE(lastTurn().maskPath, mask);
}

void TestChatEditing::maskOnChatFlavourIsRefused()
{
    ProviderProfile profile = ProviderProfile::builtIn(QStringLiteral("openrouter"));
    profile.baseUrl = m_fake->url(QStringLiteral("/v1"));
    profile.apiKey = QStringLiteral("test-secret-key");
    profile.flavour = ApiFlavour::ChatCompletions;
    m_session->setProvider(profile);
    const QString image = writeFile(m_dir->filePath(QStringLiteral("ref.png")),
                                    TestPayloads::pngBytes(QSize(64, 48), Qt::red));
    const QString mask
        = writeFile(m_dir->filePath(QStringLiteral("mask.png")), maskPng(QSize(64, 48)));
    QVERIFY(!m_session->send(QStringLiteral("a red roof"),
                             { { image, QStringLiteral("image/png") } }, ImageParams(), {}, mask,
                             image));
    QVERIFY(m_session->lastRefusal().contains(QLatin1String("Responses API")));
    QCOMPARE(m_session->model()->rowCount(), 0);
    QCOMPARE(m_fake->requestCount(), 0);
}

void TestChatEditing::largeReferenceIsScaledOffTheGuiThread()
{
    QImage photo(3000, 2000, QImage::Format_RGB32);
    photo.fill(QColor(200, 120, 40));
    const QString path = m_dir->filePath(QStringLiteral("photo.jpg"));
    QVERIFY(photo.save(path, "JPEG", 80));
    m_fake->enqueue(answer(QStringLiteral("resp_1")));
    QSignalSpy noted(m_session.get(), &ChatSession::referencesNoted);
    QVERIFY(
        sendAndWait(QStringLiteral("in this style"), { { path, QStringLiteral("image/jpeg") } }));

    const QStringList urls = inputImageUrls(bodyOf(m_fake->requests().at(0)));
    QCOMPARE(urls.size(), 1);
    QImage sent;
    QVERIFY(sent.loadFromData(TestPayloads::dataUrlBytes(urls.first())));
    QCOMPARE(sent.size(), QSize(2048, 1365)); // the longest side the model takes, ratio kept
    QCOMPARE(noted.count(), 1);
    QVERIFY(noted.first().first().toString().contains(QLatin1String("photo.jpg")));
    QCOMPARE(lastTurn().attachments.first().filePath, path); // the turn keeps the original
}

void TestChatEditing::unreadableReferenceFailsTheTurnWithoutSending()
{
    const QString notAnImage
        = writeFile(m_dir->filePath(QStringLiteral("notes.png")), "just some text, not a PNG");
    QVERIFY(sendAndWait(QStringLiteral("in this style"),
                        { { notAnImage, QStringLiteral("image/png") } }));
    QCOMPARE(lastTurn().status, Turn::Status::Failed);
    QVERIFY2(lastTurn().errorMessage.contains(QLatin1String("notes.png")),
             qPrintable(lastTurn().errorMessage));
    QCOMPARE(m_fake->requestCount(), 0);
    QVERIFY(!m_session->isBusy());
}

void TestChatEditing::tooManyReferencesAreRefusedAndNothingIsAdded()
{
    ProviderProfile profile = m_session->provider();
    profile.maxInputImages = 2;
    m_session->setProvider(profile);
    QList<Attachment> three;
    for (int i = 0; i < 3; ++i)
        three.append({ writeFile(m_dir->filePath(QStringLiteral("r%1.png").arg(i)),
                                 TestPayloads::pngBytes(QSize(8, 8), Qt::blue)),
                       QStringLiteral("image/png") });
    QVERIFY(!m_session->send(QStringLiteral("use these"), three, ImageParams()));
    QVERIFY(m_session->lastRefusal().contains(QLatin1String("at most 2")));
    QCOMPARE(m_session->model()->rowCount(), 0);
    QCOMPARE(m_fake->requestCount(), 0);
}

void TestChatEditing::stopWhilePreparingSendsNothing()
{
    QImage photo(4000, 3000, QImage::Format_RGB32);
    photo.fill(QColor(20, 60, 120));
    const QString path = m_dir->filePath(QStringLiteral("big.png"));
    QVERIFY(photo.save(path, "PNG"));
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    QVERIFY(m_session->send(QStringLiteral("in this style"),
                            { { path, QStringLiteral("image/png") } }, ImageParams()));
    QVERIFY(m_session->isBusy());
    m_session->stop();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(lastTurn().status, Turn::Status::Cancelled);
    QVERIFY(!m_session->isBusy());
    QTest::qWait(1500); // the preparation ends on its thread; its result must be dropped
    QCOMPARE(m_fake->requestCount(), 0);
    QCOMPARE(lastTurn().status, Turn::Status::Cancelled);
}

void TestChatEditing::editTurnIsSavedWithItsLineage()
{
    Turn turn;
    turn.id = QStringLiteral("t2");
    turn.editOf = { QStringLiteral("t1"), QStringLiteral("ig_1") };
    turn.maskPath = QStringLiteral("/data/masks/mask-1.png");
    const Turn back = Turn::fromJson(turn.toJson());
    QCOMPARE(back.editOf, turn.editOf);
    QCOMPARE(back.maskPath, turn.maskPath);
    QVERIFY(Turn::fromJson(Turn().toJson()).editOf.isNull());
}

QTEST_MAIN(TestChatEditing)
#include "tst_chatediting.moc"
