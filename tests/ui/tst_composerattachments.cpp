// Reference images in the composer (issue #5 §3 "Continue in chat", the first part of issue #6
// §1), driven through the real widgets: thumbnails decoded off the GUI thread, remove, refusal
// of files that are not images, the attachment going out as an input_image data URL when the
// designer presses Ctrl+Enter, and a compare cell's "Continue in Chat" putting its image in the
// main window's composer.
#include "attachmentstrip.h"
#include "chat/chatsession.h"
#include "chat/providerregistry.h"
#include "comparesetuppanel.h"
#include "comparewindow.h"
#include "composer.h"
#include "demo/demogateway.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "filedialogs.h"
#include "image/imagecache.h"
#include "inlinenotice.h"
#include "mainwindow.h"
#include "model/imagesniff.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QUrl>

#include <atomic>
#include <memory>

namespace {

using TestPayloads::imageBytes;

// Puts `data` on the clipboard (which takes it) and pastes it into the prompt with Ctrl+V.
void pasteWithCtrlV(QPlainTextEdit *prompt, QMimeData *data)
{
    QGuiApplication::clipboard()->setMimeData(data);
    QTest::keyClick(prompt, Qt::Key_V, Qt::ControlModifier);
}

// Shows `composer`, waits until its window is active and puts focus in the prompt, as a designer
// about to type or paste finds it; the prompt, or null when the window never became active.
QPlainTextEdit *showForTyping(Composer &composer)
{
    composer.show();
    if (!QTest::qWaitForWindowActive(&composer))
        return nullptr;
    auto *prompt = composer.findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    if (prompt)
        prompt->setFocus();
    return prompt;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    return TestPayloads::writeFile(path, bytes) ? path : QString();
}

QByteArray fileHead(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(ImageSniff::bytesNeeded) : QByteArray();
}

// The tiles still on show (a removed one is hidden at once and deleted later).
QList<QWidget *> visibleTiles(QWidget *root)
{
    QList<QWidget *> tiles;
    for (QWidget *tile : root->findChildren<QWidget *>(QStringLiteral("attachmentTile"))) {
        if (!tile->isHidden())
            tiles << tile;
    }
    return tiles;
}

QLabel *thumbnailOf(QWidget *tile)
{
    return tile ? tile->findChild<QLabel *>(QStringLiteral("attachmentThumbnail")) : nullptr;
}

// A drag of `urls` (and `text`) entering `target` and dropped on it, as a file manager would send
// it. Returns whether the drop was accepted.
bool dragAndDrop(QWidget *target, const QList<QUrl> &urls, const QString &text = {})
{
    return TestPayloads::dropFiles(target, QPoint(target->width() / 2, target->height() / 2), urls,
                                   text);
}

QImage pixels(QSize size)
{
    // Distinct pixels (with some transparency), so a mix-up of rows or channels shows.
    QImage image(size, QImage::Format_ARGB32);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            image.setPixelColor(
                x, y, QColor(x * 8 % 256, y * 12 % 256, (x + y) * 5 % 256, x % 3 == 0 ? 128 : 255));
    }
    return image;
}

// A Responses stream answering with one small image.
QByteArray responsesStream()
{
    using TestPayloads::sse;
    const QJsonObject item {
        { "id", "ig_1" },
        { "type", "image_generation_call" },
        { "status", "completed" },
        { "size", "1024x1024" },
        { "quality", "low" },
        { "output_format", "png" },
        { "result", QString::fromLatin1(TestPayloads::pngBytes(QSize(32, 32)).toBase64()) }
    };
    return sse("response.created",
               { { "response", QJsonObject { { "id", "resp_1" }, { "status", "in_progress" } } } })
        + sse("response.output_item.done", { { "output_index", 0 }, { "item", item } })
        + sse("response.completed",
              { { "response",
                  QJsonObject {
                      { "id", "resp_1" },
                      { "status", "completed" },
                      { "usage",
                        QJsonObject { { "input_tokens", 300 }, { "output_tokens", 20 } } } } } });
}

} // namespace

class TestComposerAttachments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addShowsThumbnail_data();
    void addShowsThumbnail();
    void removeAndAddAgain();
    void refusesWhatIsNotAnImage_data();
    void refusesWhatIsNotAnImage();
    void unreadableImageShowsPlaceholder_data();
    void unreadableImageShowsPlaceholder();
    void sendCarriesTheImageAndClearsTheStrip();
    void refusedSendKeepsTheAttachments();
    void continueInChatFromACompareCell();
    void attachButtonAddsChosenFiles_data();
    void attachButtonAddsChosenFiles();
    void dropAttachesImagesAndRefusesOthers_data();
    void dropAttachesImagesAndRefusesOthers();
    void refusalNoticeListsTheLastDropUntilDismissed();
    void dropOnThePromptIsNotARestore();
    void pasteAttachesImages_data();
    void pasteAttachesImages();
    void pastedPictureIsKeptInTheWindowsFolder();
    void sendWaitsForAPasteBeingWritten();
    void pasteThatCannotBeSavedIsRefused();
    void pastedTemporaryFileIsKeptInTheWindowsFolder();
    void pasteOfTextStaysText_data();
    void pasteOfTextStaysText();

private:
    std::unique_ptr<MainWindow> makeMainWindow(ChatSession *session);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
};

void TestComposerAttachments::initTestCase()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    qunsetenv("EASEL_CUSTOM_BASE_URL");
    qunsetenv("EASEL_CUSTOM_API_KEY");
}

void TestComposerAttachments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath("settings.ini"));
}

void TestComposerAttachments::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestComposerAttachments::makeMainWindow(ChatSession *session)
{
    auto window = std::make_unique<MainWindow>(session, m_settings.get());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestComposerAttachments::addShowsThumbnail_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mimeType");
    QTest::addColumn<QSize>("thumbnail"); // never enlarged, fitted into 56 × 56

    QTest::newRow("small png") << "sketch.png" << imageBytes({ 40, 30 }, Qt::red, "PNG")
                               << "image/png" << QSize(40, 30);
    // The bytes, not the name, say what the file is.
    QTest::newRow("jpeg named .png") << "photo.png" << imageBytes({ 200, 100 }, Qt::blue, "JPG")
                                     << "image/jpeg" << QSize(56, 28);
    QTest::newRow("big png, decoded small")
        << "poster.png" << imageBytes({ 3000, 2000 }, Qt::darkGreen, "PNG") << "image/png"
        << QSize(56, 37);
    if (QImageWriter::supportedImageFormats().contains("webp"))
        QTest::newRow("webp") << "ref.webp" << imageBytes({ 80, 160 }, Qt::yellow, "WEBP")
                              << "image/webp" << QSize(28, 56);
}

void TestComposerAttachments::addShowsThumbnail()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mimeType);
    QFETCH(QSize, thumbnail);
    const QString path = writeFile(*m_dir, fileName, bytes);
    QVERIFY(!path.isEmpty());

    ImageCache cache;
    std::atomic<QThread *> decodedOn = nullptr;
    cache.setDecodeHook([&decodedOn](const QString &) { decodedOn = QThread::currentThread(); });
    Composer composer;
    composer.setImageCache(&cache);
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    auto *strip = composer.findChild<AttachmentStrip *>(QStringLiteral("attachmentStrip"));
    QVERIFY(strip);
    QVERIFY(!strip->isVisible()); // nothing attached yet

    QSignalSpy changed(&composer, &Composer::attachmentsChanged);
    QSignalSpy refused(&composer, &Composer::attachmentRefused);
    QString error;
    QVERIFY2(composer.addAttachment(path, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(refused.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(composer.attachments(),
             QList<Attachment>({ { QFileInfo(path).absoluteFilePath(), mimeType } }));

    QVERIFY(strip->isVisible());
    const QList<QWidget *> tiles = visibleTiles(&composer);
    QCOMPARE(tiles.size(), 1);
    QLabel *label = thumbnailOf(tiles.first());
    QVERIFY(label);
    QCOMPARE(label->toolTip(), fileName);
    QTRY_VERIFY(strip->isThumbnailReady(0));
    QCOMPARE(label->pixmap().deviceIndependentSize().toSize(), thumbnail);
    // The file's own colour (within what lossy formats shift), not a placeholder's.
    const QColor shown
        = label->pixmap().toImage().pixelColor(thumbnail.width() / 2, thumbnail.height() / 2);
    const QColor original = QImage::fromData(bytes).pixelColor(0, 0);
    QVERIFY2(qAbs(shown.red() - original.red()) <= 4 && qAbs(shown.green() - original.green()) <= 4
                 && qAbs(shown.blue() - original.blue()) <= 4,
             qPrintable(shown.name() + QStringLiteral(" instead of ") + original.name()));
    // Decoded by the cache's worker at thumbnail size, never on the GUI thread.
    QCOMPARE(cache.decodeCount(), 1);
    QVERIFY(decodedOn.load() != nullptr);
    QVERIFY(decodedOn.load() != QThread::currentThread());
    QCOMPARE(cache.cached(path, QSize()).isNull(), true); // no full-size copy was made
}

void TestComposerAttachments::removeAndAddAgain()
{
    const QString red = writeFile(*m_dir, "red.png", imageBytes({ 30, 30 }, Qt::red, "PNG"));
    const QString blue = writeFile(*m_dir, "blue.png", imageBytes({ 30, 30 }, Qt::blue, "PNG"));
    QVERIFY(!red.isEmpty() && !blue.isEmpty());
    Composer composer;
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    auto *strip = composer.findChild<AttachmentStrip *>(QStringLiteral("attachmentStrip"));
    QVERIFY(strip);
    QSignalSpy changed(&composer, &Composer::attachmentsChanged);

    QVERIFY(composer.addAttachment(red));
    QVERIFY(composer.addAttachment(blue));
    QVERIFY(composer.addAttachment(red)); // already there: nothing changes
    QCOMPARE(composer.attachments().size(), 2);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(visibleTiles(&composer).size(), 2);

    // The × of the first tile removes that one only.
    QWidget *first = visibleTiles(&composer).first();
    QCOMPARE(first->toolTip(), QStringLiteral("red.png"));
    auto *remove = first->findChild<QToolButton *>(QStringLiteral("removeAttachmentButton"));
    QVERIFY(remove);
    QCOMPARE(remove->toolTip(), QStringLiteral("Remove red.png"));
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(composer.attachments(),
             QList<Attachment>({ { QFileInfo(blue).absoluteFilePath(), "image/png" } }));
    QCOMPARE(visibleTiles(&composer).size(), 1);
    QCOMPARE(visibleTiles(&composer).first()->toolTip(), QStringLiteral("blue.png"));
    QVERIFY(strip->isVisible());
    QTRY_COMPARE(composer.findChildren<QWidget *>(QStringLiteral("attachmentTile")).size(), 1);

    // The last one removed hides the strip; the file can be attached again.
    QTest::mouseClick(visibleTiles(&composer).first()->findChild<QToolButton *>(
                          QStringLiteral("removeAttachmentButton")),
                      Qt::LeftButton);
    QCOMPARE(changed.count(), 4);
    QVERIFY(composer.attachments().isEmpty());
    QVERIFY(!strip->isVisible());
    QVERIFY(composer.addAttachment(red));
    QVERIFY(strip->isVisible());
    composer.clearAttachments();
    QCOMPARE(changed.count(), 6);
    QVERIFY(composer.attachments().isEmpty());
    QVERIFY(!strip->isVisible());
    composer.clearAttachments(); // already empty: no signal
    QCOMPARE(changed.count(), 6);
}

void TestComposerAttachments::refusesWhatIsNotAnImage_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("bytes"); // written unless "missing"
    QTest::addColumn<QString>("kind"); // "file", "missing", "folder"
    QTest::addColumn<QString>("message");

    const QString notImage
        = QStringLiteral("%1 cannot be attached: it is not a PNG, JPEG, WebP or GIF image.");
    QTest::newRow("text file") << "notes.txt" << QByteArray("a lighthouse, warmer light\n")
                               << "file" << notImage.arg("notes.txt");
    QTest::newRow("html named .png")
        << "login.png" << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>") << "file"
        << notImage.arg("login.png");
    QTest::newRow("empty file") << "empty.png" << QByteArray() << "file"
                                << "empty.png cannot be attached: the file is empty.";
    QTest::newRow("pdf") << "brief.pdf" << QByteArray("%PDF-1.7\n%âãÏÓ\n") << "file"
                         << notImage.arg("brief.pdf");
    QTest::newRow("missing") << "gone.png" << QByteArray() << "missing"
                             << "gone.png cannot be attached: the file does not exist.";
    QTest::newRow("folder") << "sketches" << QByteArray() << "folder"
                            << "sketches cannot be attached: it is not a file.";
}

void TestComposerAttachments::refusesWhatIsNotAnImage()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const QString path = m_dir->filePath(fileName);
    if (kind == QLatin1String("file"))
        QCOMPARE(writeFile(*m_dir, fileName, bytes), path);
    else if (kind == QLatin1String("folder"))
        QVERIFY(QDir(m_dir->path()).mkdir(fileName));

    Composer composer;
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    QSignalSpy changed(&composer, &Composer::attachmentsChanged);
    QSignalSpy refused(&composer, &Composer::attachmentRefused);
    QString error;
    QVERIFY(!composer.addAttachment(path, &error));
    QCOMPARE(error, message);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().first().toString(), message);
    QCOMPARE(changed.count(), 0);
    QVERIFY(composer.attachments().isEmpty());
    QVERIFY(visibleTiles(&composer).isEmpty());
    QVERIFY(!composer.findChild<AttachmentStrip *>()->isVisible());
}

void TestComposerAttachments::unreadableImageShowsPlaceholder_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("vanishes"); // deleted before the thumbnail is decoded
    QTest::addColumn<QString>("reason");

    // The header passes the sniff, the rest is not an image.
    QTest::newRow("damaged png") << QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(300, 'x')
                                 << false << "damaged or not an image";
    QTest::newRow("deleted after attaching")
        << imageBytes({ 20, 20 }, Qt::red, "PNG") << true << "missing";
}

void TestComposerAttachments::unreadableImageShowsPlaceholder()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, vanishes);
    QFETCH(QString, reason);
    const QString path = writeFile(*m_dir, "ref.png", bytes);
    QVERIFY(!path.isEmpty());

    ImageCache cache;
    if (vanishes)
        cache.setDecodeHook([](const QString &file) { QFile::remove(file); });
    Composer composer;
    composer.setImageCache(&cache);
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    auto *strip = composer.findChild<AttachmentStrip *>();
    QVERIFY(composer.addAttachment(path));
    QTRY_VERIFY(!strip->errorAt(0).isEmpty());
    QVERIFY2(strip->errorAt(0).contains(reason), qPrintable(strip->errorAt(0)));
    QVERIFY(!strip->isThumbnailReady(0));

    // Still listed, so the designer sees it and can remove it; the tooltip says why.
    QCOMPARE(composer.attachments().size(), 1);
    QLabel *label = thumbnailOf(visibleTiles(&composer).value(0));
    QVERIFY(label);
    QVERIFY(label->toolTip().startsWith(QStringLiteral("ref.png\n")));
    QVERIFY2(label->toolTip().contains(reason), qPrintable(label->toolTip()));
    QCOMPARE(label->pixmap().deviceIndependentSize().toSize(),
             QSize(AttachmentStrip::thumbnailSide, AttachmentStrip::thumbnailSide));
}

void TestComposerAttachments::sendCarriesTheImageAndClearsTheStrip()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    fake.setRoute("/v1/responses", FakeResponse::sse({ responsesStream() }));
    ProviderProfile profile = ProviderProfile::builtIn(QStringLiteral("custom"));
    profile.baseUrl = fake.url(QStringLiteral("/v1"));
    ChatSession::Options options;
    options.imageRoot = m_dir->filePath("images");
    options.previewRoot = m_dir->filePath("previews");
    ChatSession session(profile, options);
    std::unique_ptr<MainWindow> window = makeMainWindow(&session);
    QVERIFY(window);

    const QByteArray png = imageBytes({ 48, 32 }, QColor(200, 120, 40), "PNG");
    const QString path = writeFile(*m_dir, "sketch.png", png);
    auto *composer = window->findChild<Composer *>();
    auto *prompt = window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QVERIFY(composer && prompt);
    QVERIFY(composer->addAttachment(path));
    QCOMPARE(visibleTiles(window.get()).size(), 1);

    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("make it warmer"));
    QSignalSpy finished(&session, &ChatSession::turnFinished);
    QSignalSpy changed(composer, &Composer::attachmentsChanged);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);

    // Accepted: the prompt and the strip are cleared at once; the turn lists the file.
    QCOMPARE(session.model()->rowCount(), 1);
    QCOMPARE(prompt->toPlainText(), QString());
    QVERIFY(composer->attachments().isEmpty());
    QCOMPARE(changed.count(), 1);
    QVERIFY(visibleTiles(window.get()).isEmpty());
    QVERIFY(!window->findChild<AttachmentStrip *>()->isVisible());
    QCOMPARE(session.model()->turnAt(0).attachments,
             QList<Attachment>({ { QFileInfo(path).absoluteFilePath(), "image/png" } }));

    QVERIFY(finished.wait(15000));
    const Turn turn = session.model()->turnAt(0);
    QVERIFY2(turn.status == Turn::Status::Done, qPrintable(turn.errorMessage));

    // On the wire: one user message with the prompt and the image as a data URL of its bytes.
    const QList<HttpRequest> requests = fake.requestsFor("/v1/responses");
    QCOMPARE(requests.size(), 1);
    QJsonParseError parseError;
    const QJsonObject body = QJsonDocument::fromJson(requests.first().body, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray input = body.value("input").toArray();
    QCOMPARE(input.size(), 1);
    QCOMPARE(input.first()["role"].toString(), QStringLiteral("user"));
    const QJsonArray content = input.first()["content"].toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content.at(0)["type"].toString(), QStringLiteral("input_text"));
    QCOMPARE(content.at(0)["text"].toString(), QStringLiteral("make it warmer"));
    QCOMPARE(content.at(1)["type"].toString(), QStringLiteral("input_image"));
    QCOMPARE(content.at(1)["image_url"].toString(),
             QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64()));
}

void TestComposerAttachments::refusedSendKeepsTheAttachments()
{
    FakeGateway fake;
    QVERIFY(fake.listen());
    // OpenAI without a key: MainWindow refuses before anything is sent.
    ProviderProfile profile = ProviderProfile::builtIn(QStringLiteral("openai"));
    profile.baseUrl = fake.url(QStringLiteral("/v1"));
    profile.apiKey.clear();
    QVERIFY(!profile.isUsable());
    ChatSession::Options options;
    options.imageRoot = m_dir->filePath("images");
    options.previewRoot = m_dir->filePath("previews");
    ChatSession session(profile, options);
    std::unique_ptr<MainWindow> window = makeMainWindow(&session);
    QVERIFY(window);

    const QString path = writeFile(*m_dir, "ref.png", imageBytes({ 20, 20 }, Qt::red, "PNG"));
    auto *composer = window->findChild<Composer *>();
    auto *prompt = window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QVERIFY(composer->addAttachment(path));
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("make it warmer"));
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);

    QVERIFY2(composer->notice().startsWith(QStringLiteral("No API key")),
             qPrintable(composer->notice()));
    // No keychain here: the key field is disabled, so the message names the variable instead.
    QVERIFY2(composer->notice().contains(QStringLiteral("set OPENAI_API_KEY in the environment")),
             qPrintable(composer->notice()));
    QCOMPARE(session.model()->rowCount(), 0);
    QCOMPARE(fake.requestCount(), 0);
    QCOMPARE(prompt->toPlainText(), QStringLiteral("make it warmer"));
    QCOMPARE(composer->attachments().size(), 1);
    QCOMPARE(visibleTiles(window.get()).size(), 1);
}

void TestComposerAttachments::continueInChatFromACompareCell()
{
    DemoGateway demo;
    demo.setPacing(5);
    QVERIFY(demo.start());
    SecretStore secrets;
    ProviderRegistry registry(m_settings.get(), &secrets);
    registry.setDemoBaseUrl(demo.baseUrl());
    ChatSession::Options options;
    options.imageRoot = m_dir->filePath("images");
    options.previewRoot = m_dir->filePath("previews");
    ChatSession session(registry.profile("demo"), options);
    std::unique_ptr<MainWindow> main = makeMainWindow(&session);
    QVERIFY(main);
    main->setProviderRegistry(&registry);
    auto *prompt = main->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    auto *composer = main->findChild<Composer *>();
    QVERIFY(prompt && composer);
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("a red fox in the snow"));

    // A two-cell compare run on the demo, from View > Compare.
    main->findChild<QAction *>(QStringLiteral("compareAction"))->trigger();
    auto *window = main->findChild<CompareWindow *>();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->setupPanel()->setAxes({ { CompareAxis::Parameter::Quality, { "low", "high" } } });
    QSignalSpy runFinished(window, &CompareWindow::runFinished);
    QVERIFY(window->startRun());
    QVERIFY(runFinished.wait(30000));
    QCOMPARE(window->run()->failedCount(), 0);
    QString cellImage;
    for (const ImageAsset &image : window->run()->cells().at(1).turn.images) {
        if (image.state == ImageAsset::State::Final && cellImage.isEmpty())
            cellImage = image.filePath; // what the cell's actions take
    }
    QVERIFY(QFileInfo::exists(cellImage));
    prompt->clear(); // the designer starts the follow-up afresh
    // Focus left elsewhere in the main window: Continue in Chat must bring it to the prompt.
    auto *chatModel = main->findChild<QComboBox *>(QStringLiteral("chatModelCombo"));
    QVERIFY(chatModel);
    chatModel->setFocus();
    QTRY_VERIFY(window->isActiveWindow());

    // The cell's context menu: Continue in Chat.
    QSignalSpy changed(composer, &Composer::attachmentsChanged);
    std::unique_ptr<QMenu> menu(window->createContextMenu(1));
    QVERIFY(menu);
    auto *action = menu->findChild<QAction *>(QStringLiteral("continueInChatAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    action->trigger();

    QCOMPARE(changed.count(), 1);
    const QList<Attachment> attached = composer->attachments();
    QCOMPARE(attached.size(), 1);
    QCOMPARE(attached.first().filePath, QFileInfo(cellImage).absoluteFilePath());
    QCOMPARE(attached.first().mimeType, ImageSniff::mimeType(fileHead(cellImage)));
    QVERIFY(!attached.first().mimeType.isEmpty());
    auto *strip = main->findChild<AttachmentStrip *>();
    QVERIFY(strip->isVisible());
    QTRY_VERIFY(strip->isThumbnailReady(0));
    QCOMPARE(main->statusBar()->currentMessage(),
             QStringLiteral("Image attached: type what to change and press Ctrl+Enter"));
    QTRY_VERIFY(main->isActiveWindow());
    QTRY_COMPARE(QApplication::focusWidget(), prompt);

    // The designer types what to change and sends: the demo answers a turn that lists the image.
    QTest::keyClicks(prompt, QStringLiteral("make it warmer"));
    QSignalSpy finished(&session, &ChatSession::turnFinished);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(30000));
    QCOMPARE(session.model()->rowCount(), 1);
    const Turn turn = session.model()->turnAt(0);
    QVERIFY2(turn.status == Turn::Status::Done, qPrintable(turn.errorMessage));
    QCOMPARE(turn.prompt, QStringLiteral("make it warmer"));
    QCOMPARE(turn.attachments, attached);
    QVERIFY(composer->attachments().isEmpty());
    QVERIFY(!strip->isVisible());

    // Continue in Chat on a cell whose file has gone says so and attaches nothing.
    QVERIFY(QFile::remove(cellImage));
    std::unique_ptr<QMenu> again(window->createContextMenu(1));
    again->findChild<QAction *>(QStringLiteral("continueInChatAction"))->trigger();
    QVERIFY(composer->attachments().isEmpty());
    QCOMPARE(composer->notice(),
             QFileInfo(cellImage).fileName()
                 + QStringLiteral(" cannot be attached: the file does not exist."));
    QVERIFY(composer->findChild<InlineNotice *>(QStringLiteral("attachmentNotice"))->isVisible());
}

void TestComposerAttachments::attachButtonAddsChosenFiles_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("cancel");

    QTest::newRow("button") << "button" << false;
    QTest::newRow("Ctrl+Shift+A in the prompt") << "shortcut" << false;
    QTest::newRow("dialog cancelled") << "button" << true;
}

void TestComposerAttachments::attachButtonAddsChosenFiles()
{
    QFETCH(QString, how);
    QFETCH(bool, cancel);
    const QString png = writeFile(*m_dir, "sketch.png", imageBytes({ 30, 20 }, Qt::red, "PNG"));
    const QString jpeg = writeFile(*m_dir, "photo.jpg", imageBytes({ 40, 20 }, Qt::blue, "JPG"));
    QVERIFY(!png.isEmpty() && !jpeg.isEmpty());

    Composer composer;
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    auto *button = composer.findChild<QToolButton *>(QStringLiteral("attachButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(button->toolTip().contains(QStringLiteral("Ctrl+Shift+A")));
    QSignalSpy changed(&composer, &Composer::attachmentsChanged);
    QSignalSpy refused(&composer, &Composer::attachmentRefused);

    FileDialogs::setNextOpenFileNames(cancel ? QStringList() : QStringList { png, jpeg });
    if (how == QLatin1String("button")) {
        QTest::mouseClick(button, Qt::LeftButton);
    } else {
        auto *prompt = composer.findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QVERIFY(QTest::qWaitForWindowActive(&composer));
        prompt->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), prompt);
        QTest::keyClick(prompt, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(prompt->toPlainText().isEmpty()); // the shortcut types nothing
    }

    QCOMPARE(refused.count(), 0);
    if (cancel) {
        QCOMPARE(changed.count(), 0);
        QVERIFY(composer.attachments().isEmpty());
        return;
    }
    QCOMPARE(changed.count(), 2);
    QCOMPARE(composer.attachments(),
             QList<Attachment>({ { QFileInfo(png).absoluteFilePath(), "image/png" },
                                 { QFileInfo(jpeg).absoluteFilePath(), "image/jpeg" } }));
    QCOMPARE(visibleTiles(&composer).size(), 2);
}

void TestComposerAttachments::dropAttachesImagesAndRefusesOthers_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("target"); // object name of the widget the drop lands on
    QTest::addColumn<QStringList>("attached");
    QTest::addColumn<QStringList>("refusals");

    const QString notImage
        = QStringLiteral("notes.txt cannot be attached: it is not a PNG, JPEG, WebP or GIF image.");
    QTest::newRow("image on the prompt") << QStringList { "sketch.png" } << "promptEdit"
                                         << QStringList { "sketch.png" } << QStringList();
    QTest::newRow("text file on the prompt")
        << QStringList { "notes.txt" } << "promptEdit" << QStringList() << QStringList { notImage };
    QTest::newRow("both on the prompt") << QStringList { "notes.txt", "sketch.png" } << "promptEdit"
                                        << QStringList { "sketch.png" } << QStringList { notImage };
    // Where a real drag over the text arrives; a file manager's drag also carries the path as
    // text, which the editor alone would type into the prompt.
    QTest::newRow("image on the prompt's text area")
        << QStringList { "sketch.png" } << "promptViewport" << QStringList { "sketch.png" }
        << QStringList();
    // Elsewhere on the composer the drop reaches the composer itself.
    QTest::newRow("image on the attach button") << QStringList { "sketch.png" } << "attachButton"
                                                << QStringList { "sketch.png" } << QStringList();
    QTest::newRow("image on the strip")
        << QStringList { "sketch.png" } << "attachmentStrip"
        << QStringList { "first.png", "sketch.png" } << QStringList();
}

void TestComposerAttachments::dropAttachesImagesAndRefusesOthers()
{
    QFETCH(QStringList, files);
    QFETCH(QString, target);
    QFETCH(QStringList, attached);
    QFETCH(QStringList, refusals);
    QVERIFY(!writeFile(*m_dir, "sketch.png", imageBytes({ 30, 20 }, Qt::red, "PNG")).isEmpty());
    QVERIFY(!writeFile(*m_dir, "first.png", imageBytes({ 20, 20 }, Qt::blue, "PNG")).isEmpty());
    QVERIFY(!writeFile(*m_dir, "notes.txt", "make it warmer").isEmpty());

    Composer composer;
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    if (target == QLatin1String("attachmentStrip")) // the strip shows only once it holds one
        QVERIFY(composer.addAttachment(m_dir->filePath("first.png")));
    auto *prompt = composer.findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QWidget *widget = target == QLatin1String("promptViewport")
        ? prompt->viewport()
        : composer.findChild<QWidget *>(target);
    QVERIFY(widget);
    QVERIFY(widget->isVisible());
    QSignalSpy refused(&composer, &Composer::attachmentRefused);

    QList<QUrl> urls;
    QStringList paths;
    for (const QString &file : files) {
        urls << QUrl::fromLocalFile(m_dir->filePath(file));
        paths << m_dir->filePath(file);
    }
    QVERIFY(dragAndDrop(widget, urls, paths.join(QLatin1Char('\n'))));

    QStringList expected;
    for (const QString &file : attached)
        expected << QFileInfo(m_dir->filePath(file)).absoluteFilePath();
    QStringList got;
    for (const Attachment &attachment : composer.attachments())
        got << attachment.filePath;
    QCOMPARE(got, expected);
    QStringList messages;
    for (const QList<QVariant> &signal : refused)
        messages << signal.first().toString();
    QCOMPARE(messages, refusals);
    // Said above the prompt, where the file was dropped, not only in the window's status bar.
    QCOMPARE(composer.notice(), refusals.join(u'\n'));
    QCOMPARE(composer.findChild<InlineNotice *>()->isVisible(), !refusals.isEmpty());
    QCOMPARE(prompt->toPlainText(), QString()); // no file path typed into the prompt
}

void TestComposerAttachments::refusalNoticeListsTheLastDropUntilDismissed()
{
    QStringList bad;
    for (int i = 1; i <= 5; ++i) {
        const QString name = QStringLiteral("note%1.txt").arg(i);
        QVERIFY(!writeFile(*m_dir, name, "not an image").isEmpty());
        bad << m_dir->filePath(name);
    }
    const QString good = writeFile(*m_dir, "sketch.png", imageBytes({ 30, 20 }, Qt::red, "PNG"));
    QVERIFY(!good.isEmpty());
    const auto urlsOf = [](const QStringList &paths) {
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls << QUrl::fromLocalFile(path);
        return urls;
    };

    Composer composer;
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    auto *prompt = composer.findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    auto *notice = composer.findChild<InlineNotice *>(QStringLiteral("attachmentNotice"));
    QVERIFY(prompt && notice);
    const int promptTop = prompt->mapTo(&composer, QPoint()).y();

    // Five at once: three are named, the rest counted, so the prompt stays on the window.
    QVERIFY(dragAndDrop(prompt, urlsOf(bad)));
    const QString notImage
        = QStringLiteral("%1 cannot be attached: it is not a PNG, JPEG, WebP or GIF image.");
    const QString more
        = QStringLiteral("2 more file(s) cannot be attached either."); // untranslated
    QCOMPARE(composer.notice(),
             QStringList({ notImage.arg("note1.txt"), notImage.arg("note2.txt"),
                           notImage.arg("note3.txt"), more })
                 .join(u'\n'));
    QTRY_VERIFY(notice->isVisible());
    QTRY_VERIFY(notice->geometry().bottom() < prompt->mapTo(&composer, QPoint()).y());
    QTRY_VERIFY(prompt->mapTo(&composer, QPoint()).y() > promptTop);

    // The next drop starts afresh: its own refusal only, or none.
    QVERIFY(dragAndDrop(prompt, urlsOf({ bad.constLast() })));
    QCOMPARE(composer.notice(), notImage.arg("note5.txt"));
    QVERIFY(dragAndDrop(prompt, urlsOf({ good })));
    QCOMPARE(composer.notice(), QString());
    QVERIFY(!notice->isVisible());
    QCOMPARE(composer.attachments().size(), 1);

    // The ✕ dismisses it; so does sending (the window clears the inputs).
    QVERIFY(dragAndDrop(prompt, urlsOf({ bad.constFirst() })));
    QVERIFY(notice->isVisible());
    auto *dismiss = notice->findChild<QToolButton *>(QStringLiteral("noticeDismissButton"));
    QVERIFY(dismiss && dismiss->isVisible());
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(!notice->isVisible());
    QCOMPARE(composer.notice(), QString());
    QVERIFY(dragAndDrop(prompt, urlsOf({ bad.constFirst() })));
    QCOMPARE(composer.notice(), notImage.arg("note1.txt")); // not the dismissed ones again
    composer.clearInputs();
    QVERIFY(!notice->isVisible());
    QCOMPARE(composer.attachments().size(), 0);
}

void TestComposerAttachments::dropOnThePromptIsNotARestore()
{
    // An image saved by Easel, dropped elsewhere on the window, offers to restore its settings;
    // dropped on the prompt it is a reference image and the window never sees it.
    FakeGateway fake;
    QVERIFY(fake.listen());
    ProviderProfile profile = ProviderProfile::builtIn(QStringLiteral("custom"));
    profile.baseUrl = fake.url(QStringLiteral("/v1"));
    ChatSession::Options options;
    options.imageRoot = m_dir->filePath("images");
    options.previewRoot = m_dir->filePath("previews");
    ChatSession session(profile, options);
    std::unique_ptr<MainWindow> window = makeMainWindow(&session);
    QVERIFY(window);
    auto *composer = window->findChild<Composer *>();
    auto *prompt = window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QVERIFY(composer && prompt);
    const QString path = writeFile(*m_dir, "plain.png", imageBytes({ 20, 20 }, Qt::red, "PNG"));

    QVERIFY(dragAndDrop(prompt, { QUrl::fromLocalFile(path) }));
    QCOMPARE(composer->attachments().size(), 1);
    const Attachment dropped = composer->attachments().constFirst();
    QCOMPARE(dropped.mimeType, QStringLiteral("image/png"));
    // The test's folder is a temporary one: the window keeps a copy beside its pasted images.
    QCOMPARE(QFileInfo(dropped.filePath).fileName(), QStringLiteral("plain.png"));
    QFile source(path), attached(dropped.filePath);
    QVERIFY(source.open(QIODevice::ReadOnly) && attached.open(QIODevice::ReadOnly));
    QCOMPARE(attached.readAll(), source.readAll());
    // The window would have said the file carries no Easel settings.
    QCOMPARE(window->statusBar()->currentMessage(), QString());
    QVERIFY(!window->findChild<QWidget *>(QStringLiteral("restoreBar"))->isVisible());
}

void TestComposerAttachments::pasteAttachesImages_data()
{
    QTest::addColumn<bool>("bitmap");
    QTest::addColumn<bool>("fileUrl");

    // A bitmap (a screenshot, a browser's Copy Image) is saved as PNG and attached.
    QTest::newRow("bitmap") << true << false;
    // A copied image file is attached as it is.
    QTest::newRow("image file") << false << true;
    // Easel's own Copy Image puts both: the file wins, nothing is re-encoded.
    QTest::newRow("bitmap and its file") << true << true;
}

void TestComposerAttachments::pasteAttachesImages()
{
    QFETCH(bool, bitmap);
    QFETCH(bool, fileUrl);
    const QImage image = pixels({ 24, 16 });
    const QString file = writeFile(*m_dir, "copied.png", imageBytes({ 20, 20 }, Qt::blue, "PNG"));
    QVERIFY(!file.isEmpty());

    QString pastedPath;
    {
        Composer composer;
        QPlainTextEdit *prompt = showForTyping(composer);
        QVERIFY(prompt);
        QSignalSpy refused(&composer, &Composer::attachmentRefused);

        for (int paste = 1; paste <= 2; ++paste) {
            auto *data = new QMimeData;
            if (bitmap)
                data->setImageData(image);
            if (fileUrl)
                data->setUrls({ QUrl::fromLocalFile(file) });
            pasteWithCtrlV(prompt, data);
            QTRY_VERIFY(!composer.isAttaching()); // a bitmap is written off the GUI thread
            QCOMPARE(refused.count(), 0);
            QCOMPARE(prompt->toPlainText(), QString());
            const QList<Attachment> attached = composer.attachments();
            if (fileUrl) {
                // The same file again changes nothing.
                QCOMPARE(
                    attached,
                    QList<Attachment>({ { QFileInfo(file).absoluteFilePath(), "image/png" } }));
                continue;
            }
            // Each paste is its own file, written once.
            QCOMPARE(attached.size(), paste);
            const Attachment pasted = attached.last();
            QCOMPARE(pasted.mimeType, QStringLiteral("image/png"));
            QCOMPARE(QFileInfo(pasted.filePath).fileName(),
                     QStringLiteral("pasted-%1.png").arg(paste));
            QVERIFY(!QFileInfo(pasted.filePath).absolutePath().startsWith(m_dir->path()));
            const QImage decoded(pasted.filePath);
            QVERIFY(!decoded.isNull());
            QCOMPARE(decoded.convertToFormat(QImage::Format_ARGB32), image);
            pastedPath = pasted.filePath;
        }
    }
    // The pasted files live as long as the composer.
    if (!pastedPath.isEmpty())
        QVERIFY(!QFileInfo::exists(pastedPath));
    QVERIFY(QFileInfo::exists(file));
}

void TestComposerAttachments::pastedPictureIsKeptInTheWindowsFolder()
{
    // A sent turn keeps the path of what it carried: the window's folder outlives the composer.
    const QImage image = pixels({ 12, 10 });
    const QString folder = m_dir->filePath(QStringLiteral("data/pasted"));
    QString pastedPath;
    {
        Composer composer;
        composer.setPasteFolder(folder);
        QPlainTextEdit *prompt = showForTyping(composer);
        QVERIFY(prompt);
        auto *data = new QMimeData;
        data->setImageData(image);
        pasteWithCtrlV(prompt, data);
        QTRY_COMPARE(composer.attachments().size(), 1);
        pastedPath = composer.attachments().constFirst().filePath;
    }
    QCOMPARE(QFileInfo(pastedPath).absolutePath(), QFileInfo(folder).absoluteFilePath());
    QVERIFY(QFileInfo::exists(pastedPath));
    QCOMPARE(QImage(pastedPath).convertToFormat(QImage::Format_ARGB32), image);
}

void TestComposerAttachments::sendWaitsForAPasteBeingWritten()
{
    // A big screenshot takes more than a second to encode as PNG (found by QA: 1.5 s of frozen
    // window for 6000×4000). It is written on a worker thread; meanwhile the window answers,
    // says what it is doing, and Send waits so that the turn cannot go without the image.
    const QImage image = pixels({ 1200, 900 });
    Composer composer;
    composer.setHint(QStringLiteral("≈ $0.04 per image"));
    QPlainTextEdit *prompt = showForTyping(composer);
    QVERIFY(prompt);
    auto *send = composer.findChild<QPushButton *>(QStringLiteral("sendButton"));
    auto *hint = composer.findChild<QLabel *>(QStringLiteral("composerHint"));
    QVERIFY(send && hint);
    QTest::keyClicks(prompt, QStringLiteral("make the sky warmer"));
    QVERIFY(send->isEnabled());
    QSignalSpy sent(&composer, &Composer::sendRequested);

    for (int paste = 0; paste < 2; ++paste) {
        auto *data = new QMimeData;
        data->setImageData(paste == 0 ? image : image.mirrored());
        pasteWithCtrlV(prompt, data);
    }
    // The paste returned before the files were written: nothing is attached yet, and the
    // window can neither send without them nor be mistaken for idle.
    QVERIFY(composer.isAttaching());
    QVERIFY(composer.attachments().isEmpty());
    QVERIFY(!send->isEnabled());
    QCOMPARE(hint->text(), QStringLiteral("Attaching the pasted image…"));
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.count(), 0);

    QTRY_VERIFY_WITH_TIMEOUT(!composer.isAttaching(), 30000);
    const QList<Attachment> attached = composer.attachments();
    QCOMPARE(attached.size(), 2);
    // In the order pasted.
    QCOMPARE(QImage(attached[0].filePath).convertToFormat(QImage::Format_ARGB32), image);
    QCOMPARE(QImage(attached[1].filePath).convertToFormat(QImage::Format_ARGB32), image.mirrored());
    QCOMPARE(hint->text().replace(QChar::Nbsp, u' '), QStringLiteral("≈ $0.04 per image"));
    QVERIFY(send->isEnabled());
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.count(), 1);

    // A long hint wraps instead of making the composer (and the window's middle) wider.
    const int narrowest = composer.minimumSizeHint().width();
    composer.setHint(QStringLiteral("Next image: about $0.04 + 2 reference images' input · "
                                    "gpt-image-1.5 · 1536x1024 · Ctrl+Enter to send"));
    QVERIFY(hint->text().replace(QChar::Nbsp, u' ').startsWith(QLatin1String("Next image")));
    QCOMPARE(composer.minimumSizeHint().width(), narrowest);
}

void TestComposerAttachments::pasteThatCannotBeSavedIsRefused()
{
    // The window's folder sits under a file: nothing can be written there. The refusal names
    // the folder, above the prompt, and the next paste is free to try again.
    const QString file = writeFile(*m_dir, "data", "a file where a folder should be");
    QVERIFY(!file.isEmpty());
    const QString folder = m_dir->filePath(QStringLiteral("data/pasted"));
    Composer composer;
    composer.setPasteFolder(folder);
    QPlainTextEdit *prompt = showForTyping(composer);
    QVERIFY(prompt);
    auto *data = new QMimeData;
    data->setImageData(pixels({ 12, 10 }));
    pasteWithCtrlV(prompt, data);
    QTRY_VERIFY(!composer.isAttaching());
    QVERIFY(composer.attachments().isEmpty());
    QCOMPARE(composer.notice(),
             QStringLiteral("The pasted image cannot be attached: it cannot be saved in %1.")
                 .arg(QDir::toNativeSeparators(folder)));
    QVERIFY(QFile::remove(file));
    data = new QMimeData;
    data->setImageData(pixels({ 12, 10 }));
    pasteWithCtrlV(prompt, data);
    QTRY_COMPARE(composer.attachments().size(), 1);
    QCOMPARE(composer.notice(), QString());
}

void TestComposerAttachments::pastedTemporaryFileIsKeptInTheWindowsFolder()
{
    // Easel's own Copy Image puts a file from a temporary folder on the clipboard; pasted as it
    // is, the turn kept a path gone at the next start (found by QA). It is copied first; a file
    // elsewhere is attached where it is.
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/easel-copy-XXXXXX"));
    QVERIFY(temporary.isValid());
    const QString copied = temporary.filePath(QStringLiteral("fox.png"));
    QVERIFY(pixels({ 12, 10 }).save(copied));
    const QString folder = m_dir->filePath(QStringLiteral("data/pasted"));
    Composer composer;
    composer.setPasteFolder(folder);
    QPlainTextEdit *prompt = showForTyping(composer);
    QVERIFY(prompt);
    const auto paste = [prompt](const QString &file) {
        auto *data = new QMimeData;
        data->setUrls({ QUrl::fromLocalFile(file) });
        pasteWithCtrlV(prompt, data);
    };
    paste(copied);
    QCOMPARE(composer.attachments().size(), 1);
    const QString kept = composer.attachments().constFirst().filePath;
    QCOMPARE(QFileInfo(kept).absolutePath(), QFileInfo(folder).absoluteFilePath());
    QCOMPARE(QFileInfo(kept).fileName(), QStringLiteral("fox.png"));
    temporary.remove();
    QVERIFY(!QImage(kept).isNull());

    if (QDir(m_dir->path()).canonicalPath().startsWith(QDir(QDir::tempPath()).canonicalPath()))
        return; // the test's own folder is temporary too: nothing else to compare with
    const QString lasting = m_dir->filePath(QStringLiteral("owl.png"));
    QVERIFY(pixels({ 8, 8 }).save(lasting));
    paste(lasting);
    QCOMPARE(composer.attachments().constLast().filePath, QFileInfo(lasting).absoluteFilePath());
}

void TestComposerAttachments::pasteOfTextStaysText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("withPicture"); // office suites add a picture of the copied text
    QTest::addColumn<QString>("fileUrl"); // a file manager adds the file's URL

    QTest::newRow("plain text") << "a red fox in the snow" << false << QString();
    QTest::newRow("text with a picture of it") << "a red fox in the snow" << true << QString();
    QTest::newRow("a copied text file") << QString() << false << "notes.txt";
}

void TestComposerAttachments::pasteOfTextStaysText()
{
    QFETCH(QString, text);
    QFETCH(bool, withPicture);
    QFETCH(QString, fileUrl);
    auto *data = new QMimeData;
    if (!fileUrl.isEmpty()) {
        const QString path = writeFile(*m_dir, fileUrl, "make it warmer");
        QVERIFY(!path.isEmpty());
        data->setUrls({ QUrl::fromLocalFile(path) });
        text = path; // what a file manager offers as text
    }
    data->setText(text);
    if (withPicture)
        data->setImageData(pixels({ 16, 16 }));
    QGuiApplication::clipboard()->setMimeData(data);

    Composer composer;
    QPlainTextEdit *prompt = showForTyping(composer);
    QVERIFY(prompt);
    QSignalSpy changed(&composer, &Composer::attachmentsChanged);
    QSignalSpy refused(&composer, &Composer::attachmentRefused);
    QTest::keyClick(prompt, Qt::Key_V, Qt::ControlModifier);

    QCOMPARE(prompt->toPlainText(), text);
    QVERIFY(composer.attachments().isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(refused.count(), 0);
}

QTEST_MAIN(TestComposerAttachments)
#include "tst_composerattachments.moc"
