// Saving from the real MainWindow, offscreen: Save As with Easel's metadata, Save All of a turn
// and of the conversation, faults while writing, auto-save after a real (demo) turn, the file a
// drag carries, and "Restore these settings" when a saved image is dropped on the window.
#include "chat/chatsession.h"
#include "chat/conversationmodel.h"
#include "composer.h"
#include "conversationview.h"
#include "demo/demogateway.h"
#include "filedialogs.h"
#include "imagesaver.h"
#include "mainwindow.h"
#include "messageboxes.h"
#include "parameterpanel.h"
#include "restorebar.h"
#include "store/imageexporter.h"
#include "store/imagemetadata.h"
#include "store/imagestore.h"
#include "store/settings.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QDropEvent>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A PNG without the chunks Easel adds when saving (its record, the Description and Software text
// keys): the original file, byte for byte, when nothing else was touched.
QByteArray withoutAddedChunks(const QByteArray &png)
{
    QByteArray out = png.left(8);
    qsizetype pos = 8;
    while (pos + 12 <= png.size()) {
        const auto *p = reinterpret_cast<const uchar *>(png.constData()) + pos;
        const qsizetype length = (qsizetype(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
        const QByteArray type = png.mid(pos + 4, 4);
        const QByteArray keyword
            = png.mid(pos + 8, qMin<qsizetype>(length, 80)).split('\0').first();
        const bool added = (type == "tEXt" || type == "iTXt")
            && (keyword == "easel" || keyword == "Description" || keyword == "Software");
        if (!added)
            out.append(png.mid(pos, length + 12));
        pos += length + 12;
    }
    return out;
}

QByteArray pngBytes(const QColor &colour)
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(colour);
    QPainter(&image).fillRect(8, 8, 20, 20, Qt::black);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "png").write(image);
    return bytes;
}

} // namespace

class TestSaving : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_demo.reset(new DemoGateway);
        m_demo->setPacing(5);
        QVERIFY(m_demo->start());
        ChatSession::Options options;
        options.imageRoot = m_dir->path() + QStringLiteral("/images");
        options.previewRoot = m_dir->path() + QStringLiteral("/previews");
        m_session.reset(new ChatSession(ProviderProfile::demo(m_demo->baseUrl()), options));
        m_settings.reset(new Settings(m_dir->path() + QStringLiteral("/settings.ini")));
        m_window.reset(new MainWindow(m_session.get(), m_settings.get()));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_view = m_window->findChild<ConversationView *>();
        m_saver = m_window->findChild<ImageSaver *>();
        QVERIFY(m_view && m_saver);
    }
    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_settings.reset();
        m_demo.reset();
    }

    void saveAsEmbedsMetadata_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("sameBytes"); // the original chunks kept, not re-encoded
        QTest::newRow("png as png") << QStringLiteral("out.png") << QStringLiteral("png") << true;
        QTest::newRow("no extension: original format")
            << QStringLiteral("out") << QStringLiteral("png") << true;
        QTest::newRow("converted to jpeg")
            << QStringLiteral("out.jpg") << QStringLiteral("jpeg") << false;
        QTest::newRow("converted to webp")
            << QStringLiteral("out.webp") << QStringLiteral("webp") << false;
    }
    void saveAsEmbedsMetadata()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, format);
        QFETCH(bool, sameBytes);
        loadTurns();
        const Turn turn = m_session->model()->turnAt(0);
        QSignalSpy saved(m_saver, &ImageSaver::saved);
        FileDialogs::setNextSaveFileName(m_dir->filePath(fileName));
        triggerImageAction(0, QStringLiteral("saveImageAction"));
        QCOMPARE(saved.size(), 1);
        const QString written = saved.first().first().toStringList().first();
        QVERIFY(QFileInfo(written).fileName().startsWith(QStringLiteral("out")));

        const QByteArray original = fileBytes(turn.images.first().filePath);
        const QByteArray bytes = fileBytes(written);
        QCOMPARE(ImageMetadata::formatOf(bytes), format);
        if (sameBytes)
            QCOMPARE(withoutAddedChunks(bytes), original);
        // The prompt for the tools other than Easel: PNG's Description key, XMP's dc:description.
        if (format == QLatin1String("png")) {
            QImageReader reader(written);
            QCOMPARE(reader.text(QStringLiteral("Description")), turn.prompt);
            QCOMPARE(reader.text(QStringLiteral("Software")), QStringLiteral("Easel"));
        } else {
            QVERIFY(bytes.contains(QByteArray("<rdf:li xml:lang=\"x-default\">"
                                              + turn.prompt.toUtf8() + "</rdf:li>")));
        }
        const ImageMetadata::Read read = ImageMetadata::read(bytes);
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(ImageMetadata::promptFrom(read.json), turn.prompt);
        QCOMPARE(ImageMetadata::paramsFrom(read.json), turn.requested);
        QCOMPARE(read.json.value(QLatin1String("item_id")).toString(), turn.images.first().itemId);
        QVERIFY(!QImage::fromData(bytes).isNull());
        QCOMPARE(fileBytes(turn.images.first().filePath), original); // the store is untouched
    }

    void saveAllOfTurnAndConversation()
    {
        loadTurns();
        const QString turnFolder = m_dir->filePath(QStringLiteral("turn"));
        QSignalSpy saved(m_saver, &ImageSaver::saved);
        FileDialogs::setNextDirectory(turnFolder);
        triggerImageAction(0, QStringLiteral("saveTurnImagesAction"));
        QCOMPARE(saved.size(), 1);
        QStringList names = QDir(turnFolder).entryList(QDir::Files, QDir::Name);
        QCOMPARE(names,
                 (QStringList {
                     QStringLiteral("2026-03-04_050607_two foxes_gpt-image-1_high_01.png"),
                     QStringLiteral("2026-03-04_050607_two foxes_gpt-image-1_high_02.png") }));
        for (const QString &name : names)
            QVERIFY(ImageMetadata::read(fileBytes(QDir(turnFolder).filePath(name))).ok);

        const QString allFolder = m_dir->filePath(QStringLiteral("all"));
        FileDialogs::setNextDirectory(allFolder);
        auto *action
            = m_window->findChild<QAction *>(QStringLiteral("saveConversationImagesAction"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(saved.size(), 2);
        QCOMPARE(QDir(allFolder).entryList(QDir::Files).size(), 3);

        // Again into the same folder: nothing is written twice as "name (2).png" (found by QA).
        FileDialogs::setNextDirectory(allFolder);
        action->trigger();
        QCOMPARE(saved.size(), 2);
        QCOMPARE(QDir(allFolder).entryList(QDir::Files).size(), 3);
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(
                     QStringLiteral("Nothing new to save: 3 image(s) were already in")),
                 qPrintable(m_window->statusBar()->currentMessage()));

        // Cancelled folder dialog: nothing written, nothing reported.
        FileDialogs::setNextDirectory(QString());
        action->trigger();
        QCOMPARE(saved.size(), 2);
    }

    // With Settings > Saving's first box off, every way out of Easel writes the file exactly as
    // generated: a signed C2PA manifest covers every byte of it and must still verify.
    void settingsLeftOutSavesTheFileAsGenerated()
    {
        m_settings->setValue(Settings::embedSettingsInImages, false);
        loadTurns();
        const Turn turn = m_session->model()->turnAt(0);
        const QByteArray first = fileBytes(turn.images.at(0).filePath);
        const QByteArray second = fileBytes(turn.images.at(1).filePath);
        QSignalSpy saved(m_saver, &ImageSaver::saved);

        FileDialogs::setNextSaveFileName(m_dir->filePath(QStringLiteral("as-generated.png")));
        triggerImageAction(0, QStringLiteral("saveImageAction"));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(fileBytes(saved.last().first().toStringList().first()), first);

        const QString folder = m_dir->filePath(QStringLiteral("turn"));
        FileDialogs::setNextDirectory(folder);
        triggerImageAction(0, QStringLiteral("saveTurnImagesAction"));
        QCOMPARE(saved.size(), 2);
        const QStringList files = saved.last().first().toStringList();
        QCOMPARE(files.size(), 2);
        QCOMPARE(fileBytes(files.at(0)), first);
        QCOMPARE(fileBytes(files.at(1)), second);
        // Found again as already saved: the comparison uses the bytes a save would write.
        FileDialogs::setNextDirectory(folder);
        triggerImageAction(0, QStringLiteral("saveTurnImagesAction"));
        QCOMPARE(saved.size(), 2);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2);

        std::unique_ptr<QMimeData> mime(m_saver->mimeDataFor(turn, turn.images.first()));
        QCOMPARE(fileBytes(mime->urls().first().toLocalFile()), first);

        // A conversion cannot keep the credentials, and adds no record either.
        FileDialogs::setNextSaveFileName(m_dir->filePath(QStringLiteral("converted.jpg")));
        triggerImageAction(0, QStringLiteral("saveImageAction"));
        QCOMPARE(saved.size(), 3);
        const QByteArray jpeg = fileBytes(saved.last().first().toStringList().first());
        QCOMPARE(ImageMetadata::formatOf(jpeg), QStringLiteral("jpeg"));
        QVERIFY(!ImageMetadata::read(jpeg).found);

        // Back on: the record is written again.
        m_settings->setValue(Settings::embedSettingsInImages, true);
        FileDialogs::setNextSaveFileName(m_dir->filePath(QStringLiteral("with-record.png")));
        triggerImageAction(0, QStringLiteral("saveImageAction"));
        QCOMPARE(saved.size(), 4);
        const QByteArray withRecord = fileBytes(saved.last().first().toStringList().first());
        QVERIFY(withRecord != first);
        QCOMPARE(withoutAddedChunks(withRecord), first);
    }

    // Found by QA: a name typed without an extension replaced an earlier save without asking
    // (the dialog had asked about "noext", then "noext.png" was written), the picked file type
    // was ignored, and "hero v1.2" was refused as a format.
    void saveAsNamesTheFileItWrites()
    {
        loadTurns();
        const QString folder = m_dir->filePath(QStringLiteral("named"));
        QVERIFY(QDir().mkpath(folder));
        QSignalSpy saved(m_saver, &ImageSaver::saved);
        const auto saveAs = [this](int image, const QString &typed, const QString &filter = {}) {
            FileDialogs::setNextSaveFileName(typed, filter);
            triggerImageAction(image, QStringLiteral("saveImageAction"));
        };

        saveAs(0, folder + QStringLiteral("/noext"));
        QCOMPARE(saved.size(), 1);
        const QString noext = folder + QStringLiteral("/noext.png");
        const QByteArray first = fileBytes(noext);
        QVERIFY(!first.isEmpty());

        const int asked = MessageBoxes::questionsAsked();
        MessageBoxes::setNextAnswer(false);
        saveAs(1, folder + QStringLiteral("/noext"));
        QCOMPARE(MessageBoxes::questionsAsked(), asked + 1);
        QVERIFY2(MessageBoxes::lastQuestion().contains(QLatin1String("noext.png already exists")),
                 qPrintable(MessageBoxes::lastQuestion()));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(fileBytes(noext), first); // kept

        MessageBoxes::setNextAnswer(true);
        saveAs(1, folder + QStringLiteral("/noext"));
        QCOMPARE(saved.size(), 2);
        QVERIFY(fileBytes(noext) != first); // replaced, as asked

        saveAs(0, folder + QStringLiteral("/as jpeg"), QStringLiteral("JPEG image (*.jpg *.jpeg)"));
        QCOMPARE(QImageReader(folder + QStringLiteral("/as jpeg.jpg")).format(),
                 QByteArray("jpeg"));

        saveAs(0, folder + QStringLiteral("/hero v1.2"));
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/hero v1.2.png")));
        QCOMPARE(MessageBoxes::questionsAsked(), asked + 2); // nothing else was in the way

        // The next Save As opens where the last one went.
        FileDialogs::setNextSaveFileName(QString());
        triggerImageAction(0, QStringLiteral("saveImageAction"));
        QCOMPARE(QFileInfo(FileDialogs::lastSuggestedPath()).absolutePath(), folder);
    }

    void dialogsOpenOnAFolderThatExists()
    {
        // A fresh account often has no ~/Pictures: the dialogs then open on the home folder,
        // and on Pictures once it is there.
        loadTurns();
        const QString home = m_dir->filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(home));
        const QByteArray oldHome = qgetenv("HOME");
        const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
        const auto restore = qScopeGuard([&] {
            qputenv("HOME", oldHome);
            oldConfig.isNull() ? qunsetenv("XDG_CONFIG_HOME")
                               : qputenv("XDG_CONFIG_HOME", oldConfig);
        });
        qputenv("HOME", QFile::encodeName(home));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home + QStringLiteral("/.config")));
        auto *saveAll
            = m_window->findChild<QAction *>(QStringLiteral("saveConversationImagesAction"));
        QVERIFY(saveAll);

        FileDialogs::setNextDirectory(QString()); // cancelled: only where it opened matters
        saveAll->trigger();
        QCOMPARE(FileDialogs::lastSuggestedPath(), home);

        const QString pictures = home + QStringLiteral("/Pictures");
        QVERIFY(QDir().mkpath(pictures));
        FileDialogs::setNextDirectory(QString());
        saveAll->trigger();
        QCOMPARE(FileDialogs::lastSuggestedPath(), pictures);
    }

    void unwritableTarget()
    {
        loadTurns();
        // A "folder" that is a file: fails for root too, unlike permission bits.
        const QString blocker = m_dir->filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QByteArray stored = fileBytes(m_session->model()->turnAt(0).images.first().filePath);

        QSignalSpy failed(m_saver, &ImageSaver::saveFailed);
        QSignalSpy saved(m_saver, &ImageSaver::saved);
        FileDialogs::setNextSaveFileName(blocker + QStringLiteral("/out.png"));
        triggerImageAction(0, QStringLiteral("saveImageAction"));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("Cannot save")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(m_window->statusBar()->currentMessage(), failed.first().first().toString());
        // Reported in a non-blocking box: the test is still running.
        QMessageBox *box = m_window->findChild<QMessageBox *>();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        box->close();

        FileDialogs::setNextDirectory(blocker + QStringLiteral("/sub"));
        triggerImageAction(0, QStringLiteral("saveTurnImagesAction"));
        QCOMPARE(failed.size(), 2);
        QVERIFY(failed.last().first().toString().contains(QLatin1String("cannot be created")));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(fileBytes(m_session->model()->turnAt(0).images.first().filePath), stored);
    }

    void dragCarriesACopyWithMetadata()
    {
        loadTurns();
        const Turn turn = m_session->model()->turnAt(0);
        std::unique_ptr<QMimeData> mime(m_saver->mimeDataFor(turn, turn.images.first()));
        QCOMPARE(mime->urls().size(), 1);
        const QString path = mime->urls().first().toLocalFile();
        QVERIFY(path != turn.images.first().filePath);
        QVERIFY(mime->hasImage());
        const ImageMetadata::Read read = ImageMetadata::read(fileBytes(path));
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(ImageMetadata::promptFrom(read.json), turn.prompt);
    }

    void dropRestoresSettings()
    {
        Turn turn = makeTurn(QStringLiteral("a misty harbour at dawn"), 1);
        turn.requested.quality = QStringLiteral("low");
        turn.requested.size = QStringLiteral("1536x1024");
        turn.requested.background = QStringLiteral("opaque");
        const QString saved = m_dir->filePath(QStringLiteral("saved.png"));
        QVERIFY(ImageExporter::saveAsset(turn, turn.images.first(), saved).ok);

        auto *bar = m_window->findChild<RestoreBar *>();
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        auto *panel = m_window->findChild<ParameterPanel *>();
        QVERIFY(bar && prompt && panel);
        QVERIFY(!bar->isVisible());
        QVERIFY(panel->params() != turn.requested);

        QVERIFY(drop(saved));
        QVERIFY(bar->isVisible());
        QVERIFY(prompt->toPlainText().isEmpty()); // only offered, not applied yet
        auto *restore = bar->findChild<QPushButton *>(QStringLiteral("restoreSettingsButton"));
        QVERIFY(restore);
        QTest::mouseClick(restore, Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QCOMPARE(prompt->toPlainText(), turn.prompt);
        QCOMPARE(panel->params().quality, QStringLiteral("low"));
        QCOMPARE(panel->params().size, QStringLiteral("1536x1024"));
        QCOMPARE(panel->params().background, QStringLiteral("opaque"));
    }

    void dropOfPlainImageSaysSo()
    {
        const QString plain = m_dir->filePath(QStringLiteral("plain.png"));
        QFile file(plain);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pngBytes(Qt::red));
        file.close();
        QVERIFY(drop(plain));
        QVERIFY(!m_window->findChild<RestoreBar *>()->isVisible());
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("no Easel")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    void autoSave_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<bool>("embed");
        QTest::newRow("off by default") << false << QString() << "A castle in the clouds"
                                        << "" << true;
        QTest::newRow("on") << true << "{model}_{n}.{ext}"
                            << "A castle in the clouds"
                            << "gpt-image-1.5_01.png" << true;
        QTest::newRow("on, files as generated") << true << "{model}_{n}.{ext}"
                                                << "A castle in the clouds"
                                                << "gpt-image-1.5_01.png" << false;
        // A prompt with a dot, in a pattern without {ext}: saved with the image's extension
        // (it was refused as "none of PNG, JPEG or WebP").
        QTest::newRow("a dot in the prompt") << true << "{prompt}"
                                             << "A castle v1.2"
                                             << "A castle v1.2.png" << true;
    }
    void autoSave()
    {
        QFETCH(bool, enabled);
        QFETCH(QString, pattern);
        QFETCH(QString, prompt);
        QFETCH(QString, fileName);
        QFETCH(bool, embed);
        m_settings->setValue(Settings::embedSettingsInImages, embed);
        const QString folder = m_dir->filePath(QStringLiteral("auto"));
        if (enabled) {
            m_settings->setValue(Settings::autoSaveEnabled, true);
            m_settings->setValue(Settings::autoSaveFolder, folder);
            m_settings->setValue(Settings::autoSaveTemplate, pattern);
        }
        QSignalSpy saved(m_saver, &ImageSaver::saved);
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        auto *promptEdit = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QTest::keyClicks(promptEdit, prompt);
        QTest::keyClick(promptEdit, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        if (!enabled) {
            QTest::qWait(200);
            QCOMPARE(saved.size(), 0);
            QVERIFY(!QDir(folder).exists());
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        const QStringList files = saved.first().first().toStringList();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.first(), QDir(folder).filePath(fileName));
        if (!embed) {
            const Turn &turn = m_session->model()->turnAt(m_session->model()->rowCount() - 1);
            QCOMPARE(fileBytes(files.first()), fileBytes(turn.images.first().filePath));
            return;
        }
        const ImageMetadata::Read read = ImageMetadata::read(fileBytes(files.first()));
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(ImageMetadata::promptFrom(read.json), prompt);
    }

private:
    Turn makeTurn(const QString &prompt, int images)
    {
        ImageStore store(m_dir->filePath(QStringLiteral("images")));
        Turn turn;
        turn.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        turn.prompt = prompt;
        turn.providerId = QStringLiteral("demo");
        turn.chatModel = QStringLiteral("gpt-5");
        turn.requested.imageModel = QStringLiteral("gpt-image-1");
        turn.requested.quality = QStringLiteral("high");
        turn.requested.size = QStringLiteral("1024x1024");
        turn.status = Turn::Status::Done;
        turn.startedAt = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7));
        turn.durationMs = 1000;
        for (int i = 0; i < images; ++i) {
            const ImageStore::Stored stored = store.put(
                pngBytes(QColor::fromHsv((i * 97 + prompt.size() * 13) % 360, 200, 220)));
            ImageAsset image;
            image.itemId = QStringLiteral("ig_%1_%2").arg(turn.id.left(4)).arg(i);
            image.state = ImageAsset::State::Final;
            image.hash = stored.hash;
            image.filePath = stored.filePath;
            image.mimeType = stored.mimeType;
            image.pixelSize = stored.pixelSize;
            image.byteSize = stored.byteSize;
            image.report.quality = QStringLiteral("high");
            image.report.size = QStringLiteral("1024x1024");
            turn.images.append(image);
        }
        return turn;
    }

    void loadTurns()
    {
        m_session->model()->setTurns(
            { makeTurn(QStringLiteral("two foxes"), 2), makeTurn(QStringLiteral("one owl"), 1) });
        QCoreApplication::processEvents();
    }

    void triggerImageAction(int row, const QString &actionName)
    {
        const QModelIndex index = m_session->model()->index(row);
        m_view->scrollTo(index);
        const QRect rect = m_view->imageRect(index, 0);
        QVERIFY(rect.isValid());
        std::unique_ptr<QMenu> menu(m_view->createContextMenu(rect.center()));
        QVERIFY(menu);
        auto *action = menu->findChild<QAction *>(actionName);
        QVERIFY2(action, qPrintable(actionName));
        QVERIFY(action->isEnabled());
        action->trigger();
    }

    bool drop(const QString &path)
    {
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(path) });
        const QPoint at = m_window->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &dropEvent);
        return dropEvent.isAccepted();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DemoGateway> m_demo;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    ConversationView *m_view = nullptr;
    ImageSaver *m_saver = nullptr;
};

QTEST_MAIN(TestSaving)
#include "tst_saving.moc"
