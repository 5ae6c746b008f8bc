// Drives the real MainWindow offscreen like a designer: type a prompt, press Ctrl+Enter, watch
// the turn stream in from the offline demo gateway over loopback HTTP, save and inspect.
#include "chat/chatsession.h"
#include "composer.h"
#include "conversationview.h"
#include "demo/demogateway.h"
#include "detailsdialog.h"
#include "filedialogs.h"
#include "image/imagecache.h"
#include "imagepairdialog.h"
#include "imageviewer.h"
#include "keyboardshortcutsdialog.h"
#include "mainwindow.h"
#include "maskeditordialog.h"
#include "parameterpanel.h"
#include "store/imagemetadata.h"
#include "store/settings.h"
#include "turndelegate.h"
#include "turnlayout.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
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

} // namespace

class TestMainWindow : public QObject
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
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_settings.reset();
        m_demo.reset();
    }

    // Found by QA at 2x on a 1200x750 (logical) screen: the first size was larger than the
    // screen, with the composer off its bottom edge.
    // Found by QA: a size saved on a larger screen (a laptop undocked from its monitor) came back
    // as it was, with the composer and the docks off the screen.
    void savedSizeFitsTheScreen()
    {
        const QRect room = m_window->screen()->availableGeometry();
        QWidget larger;
        larger.setGeometry(QRect(room.topLeft() + QPoint(200, 150), room.size() * 2));
        m_settings->setValue(Settings::windowGeometry, larger.saveGeometry());
        MainWindow again(m_session.get(), m_settings.get());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        const QRect shown = again.frameGeometry();
        QVERIFY2(room.contains(shown),
                 qPrintable(QStringLiteral("%1,%2 %3x%4 in %5,%6 %7x%8")
                                .arg(shown.x())
                                .arg(shown.y())
                                .arg(shown.width())
                                .arg(shown.height())
                                .arg(room.x())
                                .arg(room.y())
                                .arg(room.width())
                                .arg(room.height())));
    }

    // The viewer and the dialogs open no larger than the screen either (QA: on a 768-pixel
    // laptop the mask editor's Use Mask and Cancel were below its edge, and at 2x the viewer's
    // controls).
    void secondaryWindowsFitTheScreen()
    {
        const QRect room = m_window->screen()->availableGeometry();
        QVERIFY2(room.width() < 1100 || room.height() < 800,
                 "this test needs a screen smaller than the mask editor's preferred size");
        Turn turn;
        turn.prompt = QStringLiteral("a lighthouse");
        QImage picture(64, 48, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        const std::vector<std::unique_ptr<QWidget>> windows = [&] {
            std::vector<std::unique_ptr<QWidget>> list;
            list.push_back(std::make_unique<ImageViewer>(m_window.get()));
            list.push_back(std::make_unique<MaskEditorDialog>(picture, QImage(), m_window.get()));
            list.push_back(std::make_unique<DetailsDialog>(turn, ImageAsset(), m_window.get()));
            list.push_back(std::make_unique<ImagePairDialog>(turn, 0, turn, 0, QString(), QString(),
                                                             m_window.get()));
            list.push_back(std::make_unique<KeyboardShortcutsDialog>(
                QList<KeyboardShortcutsDialog::Entry>(), m_window.get()));
            return list;
        }();
        for (const auto &window : windows) {
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
            const QRect shown = window->frameGeometry();
            QVERIFY2(shown.width() <= room.width() && shown.height() <= room.height(),
                     qPrintable(QStringLiteral("%1: %2x%3 on a screen with room for %4x%5")
                                    .arg(window->objectName())
                                    .arg(shown.width())
                                    .arg(shown.height())
                                    .arg(room.width())
                                    .arg(room.height())));
        }
    }

    // At the window's smallest size the composer's parts never overlap: the buttons keep their
    // text and the hint stays below the prompt (QA: "tach image" drawn over the prompt, and the
    // hint painted over its text).
    void composerHoldsTogetherWhenSmall()
    {
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        auto *attach = m_window->findChild<QWidget *>(QStringLiteral("attachButton"));
        auto *send = m_window->findChild<QWidget *>(QStringLiteral("sendButton"));
        auto *hint = m_window->findChild<QLabel *>(QStringLiteral("composerHint"));
        QVERIFY(prompt && attach && send && hint);
        const auto in = [this](QWidget *widget) {
            return QRect(widget->mapTo(m_window.get(), QPoint()), widget->size());
        };
        for (const QSize size : { QSize(760, 700), QSize(1, 1) }) {
            m_window->resize(size);
            QApplication::processEvents();
            QApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            const QString where
                = QStringLiteral("at %1x%2").arg(m_window->width()).arg(m_window->height());
            QVERIFY2(!in(attach).intersects(in(prompt)), qPrintable(where));
            QVERIFY2(!in(send).intersects(in(prompt)), qPrintable(where));
            QVERIFY2(attach->width() >= attach->minimumSizeHint().width(), qPrintable(where));
            QVERIFY2(!in(hint).intersects(in(prompt)), qPrintable(where));
            QVERIFY2(hint->height() >= hint->heightForWidth(hint->width()), qPrintable(where));
        }
    }

    void firstSizeFitsTheScreen()
    {
        const QRect room = m_window->screen()->availableGeometry();
        QVERIFY2(room.width() < 1280 || room.height() < 860,
                 "this test needs a screen smaller than the window's preferred size");
        QVERIFY(m_window->width() <= room.width());
        QVERIFY(m_window->height() <= room.height());
    }

    void promptHasFocusAtStart()
    {
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QVERIFY(prompt);
        QTRY_COMPARE(QApplication::focusWidget(), prompt);
    }

    void theEmptyDemoConversationSaysWhereImagesComeFrom()
    {
        // Found by QA: a newcomer's first page did not say the images are the demo's, and the
        // status bar's notice was gone within seconds.
        auto *view = m_window->findChild<ConversationView *>();
        QVERIFY(view);
        QVERIFY2(view->emptyNote().contains(QLatin1String("offline demo")),
                 qPrintable(view->emptyNote()));
        // No registry here, so no keychain: the note names the variable to set.
        QVERIFY2(view->emptyNote().contains(QLatin1String("OPENAI_API_KEY")),
                 qPrintable(view->emptyNote()));
        const QImage withNote = view->viewport()->grab().toImage();
        view->setEmptyNote({});
        QVERIFY(view->viewport()->grab().toImage() != withNote); // it is painted
    }

    void typeSendAndSeeTheImage()
    {
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        auto *send = m_window->findChild<QPushButton *>(QStringLiteral("sendButton"));
        auto *stop = m_window->findChild<QPushButton *>(QStringLiteral("stopButton"));
        auto *totals = m_window->findChild<QLabel *>(QStringLiteral("conversationTotals"));
        auto *quality = m_window->findChild<QComboBox *>(QStringLiteral("qualityCombo"));
        QVERIFY(prompt && send && stop && totals && quality);
        QVERIFY(!send->isEnabled()); // nothing to send yet

        // The designer picks low quality in the panel: the next turn must carry it.
        quality->setCurrentIndex(quality->findText(QStringLiteral("Low"), Qt::MatchFixedString));
        QCOMPARE(m_window->findChild<ParameterPanel *>()->params().quality, QStringLiteral("low"));

        QTest::keyClicks(prompt, QStringLiteral("A castle in the clouds"));
        QVERIFY(send->isEnabled());
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);

        QVERIFY(stop->isVisible());
        QVERIFY(prompt->toPlainText().isEmpty());
        QCOMPARE(m_session->model()->rowCount(), 1);
        QVERIFY(finished.wait(30000));
        QTRY_VERIFY(send->isVisible());
        QVERIFY(!stop->isVisible());

        const Turn turn = m_session->model()->turnAt(0);
        QCOMPARE(turn.status, Turn::Status::Done);
        QCOMPARE(turn.prompt, QStringLiteral("A castle in the clouds"));
        QCOMPARE(turn.requested.quality, QStringLiteral("low"));
        QCOMPARE(turn.finalImageCount(), 1);
        QCOMPARE(turn.images.constFirst().report.quality,
                 QStringLiteral("low")); // the demo honoured it

        // The usage line under the turn and the conversation total in the status bar.
        const QString usage = TurnLayout::usageText(turn);
        QVERIFY2(usage.contains(QStringLiteral("1 image")), qPrintable(usage));
        QVERIFY2(usage.contains(QStringLiteral("demo")), qPrintable(usage));
        QVERIFY2(usage.contains(QStringLiteral("in ")), qPrintable(usage));
        QVERIFY2(totals->text().contains(QStringLiteral("1 image")), qPrintable(totals->text()));
        QVERIFY2(totals->text().contains(QStringLiteral("$0.00 demo")), qPrintable(totals->text()));

        // The image row is really painted with pixels, not a placeholder: a placeholder is one
        // flat colour, the demo's painting has many.
        auto *view = m_window->findChild<ConversationView *>();
        auto *delegate = qobject_cast<TurnDelegate *>(view->itemDelegate());
        QVERIFY(view && delegate);
        const QModelIndex row = m_session->model()->index(0);
        const TurnLayout layout = delegate->layoutFor(row, view->font());
        QCOMPARE(layout.images().size(), 1);
        const QRect imageRect
            = layout.images().constFirst().rect.translated(view->visualRect(row).topLeft());
        QVERIFY(view->viewport()->rect().intersects(imageRect));
        auto distinctColours = [&] {
            const QImage shot = view->viewport()->grab().toImage();
            const QRect visible = imageRect.intersected(shot.rect());
            QSet<QRgb> colours;
            for (int y = visible.top(); y < visible.bottom(); y += 7)
                for (int x = visible.left(); x < visible.right(); x += 7)
                    colours.insert(shot.pixel(x, y));
            return colours.size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(distinctColours() > 50, 10000);
        // Those pixels came from the stream, decoded to fit the largest size the view shows, and
        // the view's size was served from them: the file was not read back.
        ImageCache *cache = view->imageCache();
        const QString imagePath = turn.images.constFirst().filePath;
        QVERIFY(!cache->earlierDecode(imagePath).isNull());
        const QSize largest = view->largestImagePixels();
        QVERIFY(cache->earlierDecode(imagePath).width() <= largest.width());
        QVERIFY(cache->earlierDecode(imagePath).height() <= largest.height());
        QCOMPARE(cache->decodeCount(), 0);

        // Save As writes the exact bytes that were received, plus text chunks: Easel's record
        // and the Description and Software keys other tools read (issue #4: metadata travels
        // with the file; tst_saving checks the chunks byte for byte).
        const QString target = m_dir->path() + QStringLiteral("/saved.png");
        FileDialogs::setNextSaveFileName(target);
        QMetaObject::invokeMethod(view, "saveImageRequested",
                                  Q_ARG(ImageAsset, turn.images.constFirst()), Q_ARG(Turn, turn));
        const QByteArray original = fileBytes(turn.images.constFirst().filePath);
        const QByteArray saved = fileBytes(target);
        const qsizetype imageData = original.indexOf("IDAT") - 4; // its length field
        QVERIFY(imageData > 8);
        QVERIFY(saved.startsWith(original.left(imageData)));
        QVERIFY(saved.contains(original.mid(imageData, original.size() - 12 - imageData)));
        QVERIFY(saved.endsWith(original.right(12))); // IEND
        QCOMPARE(QImageReader(target).text(QStringLiteral("Description")), turn.prompt);
        QCOMPARE(ImageMetadata::read(saved).json.value(QLatin1String("prompt")).toString(),
                 turn.prompt);
    }

    void escapeStopsAndKeepsPreview()
    {
        m_demo->setPacing(400);
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QTest::keyClicks(prompt, QStringLiteral("a slow forest"));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->model()->turnAt(0).images.isEmpty()
                                     && m_session->model()->turnAt(0).images.constFirst().state
                                         == ImageAsset::State::Partial,
                                 20000);
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(finished.wait(10000));
        const Turn turn = m_session->model()->turnAt(0);
        QCOMPARE(turn.status, Turn::Status::Cancelled);
        QCOMPARE(TurnLayout::statusText(turn, QDateTime::currentDateTime()),
                 QStringLiteral("Stopped"));
        QCOMPARE(turn.images.constFirst().state, ImageAsset::State::Partial);
    }

    void parametersAreRememberedBetweenRuns()
    {
        auto *format = m_window->findChild<QComboBox *>(QStringLiteral("formatCombo"));
        QVERIFY(format);
        format->setCurrentIndex(format->findText(QStringLiteral("WebP"), Qt::MatchFixedString));
        m_window->close();
        Settings reopened(m_dir->path() + QStringLiteral("/settings.ini"));
        QCOMPARE(reopened.imageParamsValue().outputFormat, QStringLiteral("webp"));
    }

    // Found by QA: a damaged reference failed the turn after Send, and the prompt and every
    // reference, good ones too, were gone from the composer.
    void refusedReferencesComeBackToTheComposer()
    {
        QImage pixels(64, 48, QImage::Format_RGB32);
        pixels.fill(Qt::darkCyan);
        const QString good = m_dir->filePath(QStringLiteral("good.png"));
        QVERIFY(pixels.save(good));
        QFile source(good);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        const QString cut = m_dir->filePath(QStringLiteral("cut.png"));
        QFile damaged(cut);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(bytes.left(bytes.size() / 2));
        damaged.close();

        auto *composer = m_window->findChild<Composer *>();
        QVERIFY(composer->addAttachment(good));
        QVERIFY(composer->addAttachment(cut));
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QTest::keyClicks(prompt, QStringLiteral("use these references"));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(10000));
        const Turn turn = m_session->model()->turnAt(0);
        QCOMPARE(turn.status, Turn::Status::Failed);
        QVERIFY2(turn.errorMessage.contains(QLatin1String("cut.png")),
                 qPrintable(turn.errorMessage));
        QCOMPARE(composer->text(), QStringLiteral("use these references"));
        QCOMPARE(composer->attachments().size(), 2);
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("cut.png")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    // The total says which turns it leaves out (found by QA: a stopped turn the gateway may still
    // bill was left out of "$0.25 estimated" without a word).
    void totalsSayWhatTheyLeaveOut()
    {
        Turn priced;
        priced.id = QStringLiteral("t1");
        priced.status = Turn::Status::Done;
        priced.cost = Cost { 0.25, Cost::Basis::Estimated, {} };
        Turn stopped;
        stopped.id = QStringLiteral("t2");
        stopped.status = Turn::Status::Cancelled;
        stopped.responseId = QStringLiteral("resp_2");
        Turn neverSent;
        neverSent.id = QStringLiteral("t3");
        neverSent.status = Turn::Status::Cancelled;
        m_session->model()->setTurns({ priced, stopped, neverSent });
        QCOMPARE(m_session->model()->unpricedTurns(), 1);
        auto *totals = m_window->findChild<QLabel *>(QStringLiteral("conversationTotals"));
        QTRY_VERIFY2(totals->text().endsWith(
                         QStringLiteral("$0.25 estimated + 1 turn(s) of unknown cost")),
                     qPrintable(totals->text()));
    }

    // Found by QA (twice): a prompt being written, and its references, were gone after Quit.
    void anUnsentDraftComesBackAtTheNextStart()
    {
        QImage pixels(16, 16, QImage::Format_RGB32);
        pixels.fill(Qt::darkMagenta);
        const QString kept = m_dir->filePath(QStringLiteral("kept.png"));
        const QString removed = m_dir->filePath(QStringLiteral("removed.png"));
        QVERIFY(pixels.save(kept) && pixels.save(removed));
        auto *composer = m_window->findChild<Composer *>();
        QVERIFY(composer);
        composer->setText(QStringLiteral("a careful, half-written prompt"));
        QVERIFY(composer->addAttachment(kept));
        QVERIFY(composer->addAttachment(removed));
        QVERIFY(m_window->close());
        QVERIFY(QFile::remove(removed));

        auto again = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
        auto *restored = again->findChild<Composer *>();
        QCOMPARE(restored->text(), QStringLiteral("a careful, half-written prompt"));
        QCOMPARE(restored->attachments().size(), 1);
        QCOMPARE(restored->attachments().constFirst().filePath, kept);
        QVERIFY2(again->statusBar()->currentMessage().contains(QLatin1String("removed.png")),
                 qPrintable(again->statusBar()->currentMessage()));

        // Put back once: a start after a crash must not bring it back again.
        auto third = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
        QCOMPARE(third->findChild<Composer *>()->text(), QString());
        QVERIFY(third->findChild<Composer *>()->attachments().isEmpty());
    }

    // A prompt sent while the designer looks at an earlier turn brings the new one into view, and
    // the view follows it as its previews and image arrive.
    void sendingScrollsToTheNewTurn()
    {
        QList<Turn> earlier;
        for (int i = 0; i < 30; ++i) {
            Turn turn;
            turn.id = QStringLiteral("t%1").arg(i);
            turn.prompt = QStringLiteral("an earlier prompt %1").arg(i);
            turn.text = QString(QStringLiteral("An earlier answer. ")).repeated(12);
            turn.status = Turn::Status::Done;
            turn.durationMs = 1000;
            earlier << turn;
        }
        m_session->loadConversation(QStringLiteral("c"), earlier);
        auto *view = m_window->findChild<ConversationView *>();
        QVERIFY(view);
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
        view->verticalScrollBar()->setValue(0); // reading the first turns again
        QVERIFY(!view->followsBottom());

        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QTest::keyClicks(prompt, QStringLiteral("a yellow boat"));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(view->followsBottom());
        QTRY_VERIFY(view->isAtBottom());
        QVERIFY(finished.wait(30000));
        QTRY_VERIFY(view->isAtBottom()); // still, with its image laid out
        const QRect newTurn = view->visualRect(m_session->model()->index(30));
        QVERIFY2(view->viewport()->rect().intersects(newTurn), "the new turn is in view");
    }

    // A custom size the model cannot make is shown in red in the panel: the prompt is not sent
    // with the last good size instead (found by QA), it stays in the composer with the reason.
    void anInvalidSizeIsNotSent()
    {
        auto *panel = m_window->findChild<ParameterPanel *>();
        auto *sizes = m_window->findChild<QComboBox *>(QStringLiteral("sizeCombo"));
        auto *custom = m_window->findChild<QLineEdit *>(QStringLiteral("customSizeEdit"));
        QVERIFY(panel && sizes && custom);
        sizes->setFocus();
        QTest::keyClick(sizes, Qt::Key_End); // Custom…, the last of the list
        QCOMPARE(sizes->currentData().toString(), QStringLiteral("custom"));
        QTRY_VERIFY(custom->isVisible());
        custom->selectAll();
        QTest::keyClicks(custom, QStringLiteral("999x777"));
        QTest::keyClick(custom, Qt::Key_Tab);
        QVERIFY(!panel->problem().isEmpty());

        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("size test"));
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_session->model()->rowCount(), 0);
        QCOMPARE(prompt->toPlainText(), QStringLiteral("size test"));
        // Said above the prompt, where the designer is looking, not in the status bar.
        const QString message = m_window->findChild<Composer *>()->notice();
        QVERIFY2(message.startsWith(QLatin1String("Not sent: "))
                     && message.contains(panel->problem()),
                 qPrintable(message));
    }

    // A prompt Easel refuses to send says why above the prompt, and the notice stays until a
    // send goes out (found by QA: the plain-http refusal was a status-bar line across the window
    // that faded in 15 s).
    void sendRefusalStaysAboveThePromptUntilASendGoesOut()
    {
        const ProviderProfile demo = m_session->provider();
        ProviderProfile plainHttp = demo;
        plainHttp.displayName = QStringLiteral("Office gateway");
        plainHttp.baseUrl = QUrl(QStringLiteral("http://192.0.2.1/v1")); // TEST-NET: never used
        plainHttp.apiKey = QStringLiteral("sk-must-not-travel");
        m_session->setProvider(plainHttp);
        auto *composer = m_window->findChild<Composer *>();
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        auto *notice = m_window->findChild<QWidget *>(QStringLiteral("attachmentNotice"));
        QVERIFY(notice);
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("a lighthouse"));
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_session->model()->rowCount(), 0);
        QCOMPARE(prompt->toPlainText(), QStringLiteral("a lighthouse"));
        QVERIFY2(composer->notice().contains(QLatin1String("plain http on 192.0.2.1")),
                 qPrintable(composer->notice()));
        QVERIFY(notice->isVisible());
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty()); // said once, in one place

        m_session->setProvider(demo);
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_session->model()->rowCount(), 1);
        QVERIFY(composer->notice().isEmpty());
        QVERIFY(!notice->isVisible());
        QVERIFY(finished.wait(15000));
    }

    // The hint under the prompt writes the price as the turn will, and names what decides it
    // (found by QA: "about $0.20 estimated · gpt-image-1.5 · auto" said the same at High quality,
    // and its "auto" was an unnamed size).
    void composerHintSaysWhatDecidesThePrice()
    {
        auto *hint = m_window->findChild<QLabel *>(QStringLiteral("composerHint"));
        auto *quality = m_window->findChild<QComboBox *>(QStringLiteral("qualityCombo"));
        auto *size = m_window->findChild<QComboBox *>(QStringLiteral("sizeCombo"));
        QVERIFY(hint && quality && size);
        // Shown with no-break spaces inside each part (it wraps only between them).
        const auto shown = [hint] {
            return hint->text().replace(QChar::Nbsp, u' ');
        };
        quality->setCurrentIndex(quality->findData(QStringLiteral("high")));
        size->setCurrentIndex(size->findData(QStringLiteral("1536x1024")));
        QTRY_VERIFY2(shown().contains(QStringLiteral(" · High quality · 1536 × 1024 · ")),
                     qPrintable(shown()));
        QVERIFY2(hint->text().contains(
                     QStringLiteral(u" · High\u00a0quality · 1536\u00a0×\u00a01024 · ")),
                 qPrintable(hint->text()));
        QVERIFY2(shown().startsWith(QStringLiteral("Next image: $0.00 demo · ")),
                 qPrintable(shown()));

        ProviderProfile priced = m_session->provider();
        priced.isDemo = false;
        priced.displayName = QStringLiteral("Office gateway");
        m_session->setProvider(priced);
        quality->setCurrentIndex(quality->findData(QStringLiteral("low")));
        QTRY_VERIFY2(shown().contains(QStringLiteral(" · Low quality · 1536 × 1024 · ")),
                     qPrintable(shown()));
        // "$0.0… estimated", as the turn writes it: no "about" before an estimate.
        QVERIFY2(QRegularExpression(QStringLiteral("^Next image: \\$0\\.\\d+ estimated · "))
                     .match(shown())
                     .hasMatch(),
                 qPrintable(shown()));
        const QString lowPrice = shown().section(QStringLiteral(" · "), 0, 0);
        quality->setCurrentIndex(quality->findData(QStringLiteral("high")));
        QTRY_VERIFY(shown().contains(QStringLiteral(" · High quality · ")));
        QVERIFY(shown().section(QStringLiteral(" · "), 0, 0) != lowPrice);
        size->setCurrentIndex(size->findData(QStringLiteral("auto")));
        QTRY_VERIFY2(shown().contains(QStringLiteral(" · High quality · size Auto · ")),
                     qPrintable(shown()));
    }

    // On a wide window the conversation is a centred column; the prompt and its buttons line up
    // with it rather than spanning the window (QA: on a large monitor the composer ran from edge to
    // edge under a column in the middle). A narrow window keeps them lined up too.
    void composerLinesUpWithTheColumn()
    {
        auto *view = m_window->findChild<ConversationView *>();
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        auto *send = m_window->findChild<QPushButton *>(QStringLiteral("sendButton"));
        auto *hint = m_window->findChild<QLabel *>(QStringLiteral("composerHint"));
        QVERIFY(view && prompt && send && hint);
        auto xIn = [this](QWidget *widget, int x) {
            return widget->mapTo(m_window.get(), QPoint(x, 0)).x();
        };
        for (int width : { 2200, 900 }) {
            m_window->resize(width, 800);
            QTRY_COMPARE(m_window->width(), width);
            const QRect column = view->columnRect();
            const int left = xIn(view, column.left());
            const int right = xIn(view, column.left() + column.width());
            if (width == 2200)
                QCOMPARE(column.width(), TurnLayout::maxColumnWidth); // centred, with room aside
            else
                QVERIFY(column.width() < TurnLayout::maxColumnWidth);
            QTRY_COMPARE(xIn(prompt, 0), left);
            QCOMPARE(xIn(send, send->width()), right);
            QCOMPARE(xIn(hint, 0), left);
            // The insets come out of spare room: they never hold the window wide (they did, and
            // a window restored on a smaller screen stayed larger than it).
            auto *composer = m_window->findChild<Composer *>();
            QVERIFY2(composer->minimumSizeHint().width() < 500,
                     qPrintable(QString::number(composer->minimumSizeHint().width())));
        }
    }

    void newConversationClearsTheView()
    {
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QTest::keyClicks(prompt, QStringLiteral("a boat"));
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        QCOMPARE(m_session->model()->rowCount(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(m_session->model()->rowCount(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DemoGateway> m_demo;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
