#include "chat/chatsession.h"
#include "conversationlist.h"
#include "conversationlistmodel.h"
#include "conversationsdock.h"
#include "conversationview.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "filedialogs.h"
#include "librarymodel.h"
#include "librarywindow.h"
#include "mainwindow.h"
#include "messageboxes.h"
#include "parameterpanel.h"
#include "store/historystore.h"
#include "store/imagemetadata.h"
#include "store/imagestore.h"
#include "store/settings.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

namespace {

Turn makeTurn(const QString &id, const QString &prompt, const QDateTime &when)
{
    Turn turn;
    turn.id = id;
    turn.prompt = prompt;
    turn.text = QStringLiteral("Reply to ") + prompt;
    turn.status = Turn::Status::Done;
    turn.startedAt = when;
    turn.durationMs = 1000;
    return turn;
}

} // namespace

class TestConversationsDock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_store.reset(new HistoryStore(m_dir->filePath(QStringLiteral("history.sqlite"))));
        QVERIFY(m_store->open().result().ok);
        const QDateTime start = QDateTime::currentDateTime().addDays(-1);
        ConversationSummary a;
        a.title = QStringLiteral("Long one");
        m_longId = m_store->createConversation(a).result().id;
        for (int i = 0; i < 40; ++i)
            QVERIFY(m_store
                        ->saveTurn(m_longId,
                                   makeTurn(QStringLiteral("long-%1").arg(i),
                                            QStringLiteral("prompt %1").arg(i), start.addSecs(i)))
                        .result());
        ConversationSummary b;
        b.title = QStringLiteral("With an image");
        m_imageId = m_store->createConversation(b).result().id;
        Turn withImage
            = makeTurn(QStringLiteral("img-0"), QStringLiteral("a lighthouse"), start.addSecs(100));
        QImage pixels(12, 8, QImage::Format_RGB32);
        pixels.fill(Qt::darkCyan);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        pixels.save(&buffer, "PNG");
        const ImageStore::Stored stored
            = ImageStore(m_dir->filePath(QStringLiteral("images"))).put(png);
        QVERIFY(stored.ok);
        ImageAsset image;
        image.itemId = QStringLiteral("ig_1");
        image.state = ImageAsset::State::Final;
        image.hash = stored.hash;
        image.filePath = stored.filePath;
        image.mimeType = stored.mimeType;
        image.pixelSize = stored.pixelSize;
        image.byteSize = stored.byteSize;
        withImage.images << image;
        m_png = png;
        QVERIFY(m_store->saveTurn(m_imageId, withImage).result());

        ChatSession::Options options;
        options.imageRoot = m_dir->filePath(QStringLiteral("images"));
        options.previewRoot = m_dir->filePath(QStringLiteral("previews"));
        m_session.reset(new ChatSession(
            ProviderProfile::demo(QUrl(QStringLiteral("http://127.0.0.1:9"))), options));
        m_settings.reset(new Settings(m_dir->filePath(QStringLiteral("settings.ini"))));
        m_window.reset(new MainWindow(m_session.get(), m_settings.get()));
        m_window->resize(1200, 700);
        m_window->show(); // as main.cpp does: the history is given to a window already shown
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->setHistoryStore(m_store.get());
        m_dock = m_window->conversationsDock();
        QVERIFY(m_dock);
        QTRY_COMPARE(m_dock->list()->model()->rowCount(), 2);
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_settings.reset();
        m_store.reset();
    }

    void dockIsOnTheLeft()
    {
        QCOMPARE(m_window->dockWidgetArea(m_dock), Qt::LeftDockWidgetArea);
        QTRY_VERIFY(m_dock->isVisible());
        // Newest first: the image conversation was updated last.
        QCOMPARE(m_dock->list()->model()->index(0).data(ConversationListModel::IdRole).toString(),
                 m_imageId);
    }

    void openConversation_data()
    {
        QTest::addColumn<bool>("longOne");
        QTest::addColumn<QString>("turnId");
        QTest::addColumn<int>("expectedRows");
        QTest::newRow("long, last screen") << true << QString() << 40;
        QTest::newRow("long, search hit in the middle") << true << QStringLiteral("long-12") << 40;
        QTest::newRow("image conversation") << false << QString() << 1;
    }

    void openConversation()
    {
        QFETCH(bool, longOne);
        QFETCH(QString, turnId);
        QFETCH(int, expectedRows);
        const QString id = longOne ? m_longId : m_imageId;
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        Q_EMIT m_dock->list()->conversationActivated(id, turnId);
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(m_session->conversationId(), id);
        QCOMPARE(m_session->model()->rowCount(), expectedRows);
        QCOMPARE(m_dock->list()->currentConversationId(), id);
        auto *view = m_window->findChild<ConversationView *>();
        QVERIFY(view);
        if (turnId.isEmpty()) {
            QTRY_VERIFY(view->isAtBottom());
        } else {
            const int row = m_session->model()->rowOfTurn(turnId);
            QTRY_COMPARE(view->indexAt(QPoint(10, 2)).row(), row);
        }
    }

    // Found by QA: a long conversation reopened at its newest turn, not where it was being
    // read. Left for another and opened again it is where it was; so after a restart.
    void readingPlaceIsKept()
    {
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        Q_EMIT m_dock->list()->conversationActivated(m_longId, QString());
        QTRY_COMPARE(opened.size(), 1);
        auto *view = m_window->findChild<ConversationView *>();
        QTRY_VERIFY(view->isAtBottom());
        const QModelIndex turn = m_session->model()->index(10, 0);
        view->scrollTo(turn, QAbstractItemView::PositionAtTop);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 5);
        QCoreApplication::processEvents();
        QCOMPARE(view->visualRect(turn).top(), -5);

        Q_EMIT m_dock->list()->conversationActivated(m_imageId, QString());
        QTRY_COMPARE(opened.size(), 2);
        Q_EMIT m_dock->list()->conversationActivated(m_longId, QString());
        QTRY_COMPARE(opened.size(), 3);
        QCOMPARE(view->visualRect(m_session->model()->index(10, 0)).top(), -5);
        // A search hit still goes to its turn.
        Q_EMIT m_dock->list()->conversationActivated(m_longId, QStringLiteral("long-30"));
        QTRY_COMPARE(opened.size(), 4);
        QCOMPARE(view->indexAt(QPoint(10, 2)).row(), 30);
        view->scrollTo(m_session->model()->index(10, 0), QAbstractItemView::PositionAtTop);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 5);
        QCoreApplication::processEvents();
        // Left for a new conversation rather than another one: the same (it was not kept).
        view->scrollTo(m_session->model()->index(12, 0), QAbstractItemView::PositionAtTop);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 7);
        QCoreApplication::processEvents();
        m_window->findChild<QAction *>(QStringLiteral("newConversationAction"))->trigger();
        QCOMPARE(m_session->model()->rowCount(), 0);
        Q_EMIT m_dock->list()->conversationActivated(m_longId, QString());
        QTRY_COMPARE(opened.size(), 5);
        QCOMPARE(view->visualRect(m_session->model()->index(12, 0)).top(), -7);
        view->scrollTo(m_session->model()->index(10, 0), QAbstractItemView::PositionAtTop);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + 5);
        QCoreApplication::processEvents();

        restartWindow(); // the session keeps the conversation, as the next start reloads it
        view = m_window->findChild<ConversationView *>();
        QTRY_VERIFY(view->isAtBottom());
        m_window->restoreReadingPlace();
        QCoreApplication::processEvents();
        QCOMPARE(view->visualRect(m_session->model()->index(10, 0)).top(), -5);
        QVERIFY(!view->followsBottom());

        // Read to the end: the next start opens at the end, as before.
        view->followNewTurn();
        restartWindow();
        QCOMPARE(m_settings->value(Settings::readingPlace), QStringList());
    }

    void compareRunOpensOutsideTheChat()
    {
        const ConversationSummary run = storeCompareRun();
        QVERIFY(!run.id.isEmpty());
        QTRY_COMPARE(m_dock->list()->model()->rowCount(), 3);
        const QModelIndex newest = m_dock->list()->model()->index(0);
        QCOMPARE(newest.data(ConversationListModel::IdRole).toString(), run.id);
        QVERIFY(ConversationListModel::subtitle(m_dock->list()->model()->summaryAt(0))
                    .contains(QStringLiteral("1 cell"))); // a run counts its cells

        QSignalSpy compare(m_dock, &ConversationsDock::compareRunRequested);
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        Q_EMIT m_dock->list()->conversationActivated(run.id, QString());
        QCOMPARE(compare.size(), 1);
        QCOMPARE(compare.at(0).at(0).value<ConversationSummary>().id, run.id);
        QTest::qWait(100);
        QCOMPARE(opened.size(), 0); // the chat stays as it was
        QVERIFY(m_session->conversationId() != run.id);
        QCOMPARE(m_session->model()->rowCount(), 0);
    }

    // Chats and comparisons apart (found by QA: twenty `easel generate` runs pushed the day's
    // chats off the first screen). The tabs appear once both kinds exist; the choice is kept
    // across runs; a comparison not listed still opens from elsewhere (the Library).
    void chatsAndComparisonsApart()
    {
        auto *tabs = m_dock->list()->findChild<QTabBar *>(QStringLiteral("conversationKindTabs"));
        QVERIFY(tabs);
        QTRY_VERIFY(m_dock->isVisible());
        QVERIFY(!tabs->isVisible()); // only chats: nothing to tell apart

        const ConversationSummary run = storeCompareRun();
        QVERIFY(!run.id.isEmpty());
        ConversationListModel *model = m_dock->list()->model();
        QTRY_COMPARE(model->rowCount(), 3);
        QVERIFY(tabs->isVisible());
        QCOMPARE(tabs->count(), 3);

        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center()); // Chats
        QCOMPARE(model->rowCount(), 2);
        for (int row = 0; row < 2; ++row)
            QVERIFY(model->summaryAt(row).kind == ConversationSummary::Kind::Chat);
        QCOMPARE(m_settings->value(Settings::conversationListShows), QStringLiteral("chats"));

        QSignalSpy compare(m_dock, &ConversationsDock::compareRunRequested);
        m_dock->openConversation(run.id, QString()); // as the Library opens an image's source
        QCOMPARE(compare.size(), 1);

        restartWindow();
        model = m_dock->list()->model();
        tabs = m_dock->list()->findChild<QTabBar *>(QStringLiteral("conversationKindTabs"));
        QCOMPARE(m_dock->list()->shown(), ConversationListModel::Shown::Chats);
        QCOMPARE(tabs->currentIndex(), 1);
        QCOMPARE(model->rowCount(), 2);
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(2).center()); // Comparisons
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->summaryAt(0).id, run.id);
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center()); // All
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(m_settings->value(Settings::conversationListShows), QStringLiteral("all"));
    }

    // Found by QA: right-clicking another conversation moved the highlight to it while the view
    // still showed the open one.
    void rightClickKeepsTheOpenConversationHighlighted()
    {
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        m_dock->openConversation(m_longId);
        QTRY_COMPARE(opened.size(), 1);
        auto *view = m_dock->findChild<QListView *>(QStringLiteral("conversationListView"));
        QVERIFY(view);
        const auto highlighted = [view] {
            const QModelIndexList rows = view->selectionModel()->selectedIndexes();
            return rows.isEmpty() ? QString()
                                  : rows.first().data(ConversationListModel::IdRole).toString();
        };
        QCOMPARE(highlighted(), m_longId);
        const QModelIndex other
            = m_dock->list()->model()->index(m_dock->list()->model()->rowOf(m_imageId));
        QVERIFY(other.isValid());
        QSignalSpy menus(view, &QWidget::customContextMenuRequested);
        const QPoint at = view->visualRect(other).center();
        QTest::mousePress(view->viewport(), Qt::RightButton, {}, at);
        QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, at);
        QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, at,
                                    view->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(view->viewport(), &menuEvent);
        QCOMPARE(menus.size(), 1);
        QCOMPARE(highlighted(), m_longId);
        QCOMPARE(m_dock->list()->currentConversationId(), m_longId);
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *menu = qobject_cast<QMenu *>(widget))
                menu->close();
    }

    // Found by QA: a window made as small as it goes squashed both docks to a few pixels (the
    // panel showed "Qua", "Backgrou" and a sideways scroll bar), and they stayed so once it was
    // large again. Now each keeps the width at which it is usable.
    void docksKeepAUsableWidth()
    {
        auto *panelDock = m_window->findChild<QDockWidget *>(QStringLiteral("imageSettingsDock"));
        auto *panel = m_window->findChild<ParameterPanel *>();
        QVERIFY(panelDock && panel);
        m_window->resize(200, 200); // clamped to the window's minimum
        QTRY_VERIFY(m_window->width() < 1200);
        QCoreApplication::processEvents();
        QVERIFY2(panelDock->widget()->width() >= panel->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(panelDock->widget()->width())
                                .arg(panel->minimumSizeHint().width())));
        auto *scroll = qobject_cast<QScrollArea *>(panelDock->widget());
        QVERIFY(scroll);
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        QVERIFY(m_dock->widget()->width() >= m_dock->list()->minimumSizeHint().width());
        QVERIFY(m_dock->list()->minimumSizeHint().width()
                >= m_dock->list()->fontMetrics().averageCharWidth() * 22);
        // The conversation keeps room too: the window grew rather than squeeze it away.
        QVERIFY(m_window->centralWidget()->width() > 0);
    }

    // The search results follow a deletion and its undo (found by QA: "No matches" stayed after
    // the undo until the search text was edited).
    void searchFollowsDeleteAndUndo()
    {
        ConversationList *list = m_dock->list();
        const auto firstHit = [list] {
            const QStandardItem *item = list->hitModel()->item(0);
            return item ? item->data(ConversationList::ConversationIdRole).toString() : QString();
        };
        list->setSearchText(QStringLiteral("lighthouse"));
        QTRY_COMPARE(firstHit(), m_imageId);
        list->deleteConversation(m_imageId);
        QTRY_COMPARE(list->hitModel()->item(0)->text(), QStringLiteral("No matches"));
        QCOMPARE(firstHit(), QString());
        list->undoDelete();
        QTRY_COMPARE(firstHit(), m_imageId);
        QCOMPARE(list->hitModel()->rowCount(), 1);

        // Esc in the search field clears it and shows the list again (QA: it did nothing).
        auto *search = list->findChild<QLineEdit *>(QStringLiteral("conversationSearch"));
        QVERIFY(search);
        search->setFocus();
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(search->text(), QString());
        QCOMPARE(list->hitModel()->rowCount(), 0);
    }

    // The Chats and Comparisons tabs filter the search results as they filter the list, and the
    // results say how many matches the other kind holds rather than dropping them silently.
    void searchFollowsTheTabs()
    {
        const ConversationSummary run = storeCompareRun(); // its cell's prompt: "lighthouses"
        QVERIFY(!run.id.isEmpty());
        ConversationList *list = m_dock->list();
        auto *tabs = list->findChild<QTabBar *>(QStringLiteral("conversationKindTabs"));
        QTRY_COMPARE(list->model()->count(ConversationListModel::Shown::Comparisons), 1);
        const auto results = [list] {
            QStringList rows;
            for (int row = 0; row < list->hitModel()->rowCount(); ++row) {
                const QStandardItem *item = list->hitModel()->item(row);
                const QString id = item->data(ConversationList::ConversationIdRole).toString();
                rows << (id.isEmpty() ? item->text() : id);
            }
            std::sort(rows.begin(), rows.end());
            return rows;
        };
        const auto sorted = [](QStringList rows) {
            std::sort(rows.begin(), rows.end());
            return rows;
        };
        list->setSearchText(QStringLiteral("lighthouse*"));
        QTRY_COMPARE(results(), sorted({ m_imageId, run.id }));

        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center()); // Chats
        QTRY_COMPARE(results(), sorted({ QStringLiteral("1 more in Comparisons"), m_imageId }));
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(2).center()); // Comparisons
        QTRY_COMPARE(results(), sorted({ QStringLiteral("1 more in Chats"), run.id }));
        list->setSearchText(QStringLiteral("prompt"));
        QTRY_COMPARE(results(),
                     sorted({ QStringLiteral("40 more in Chats"), QStringLiteral("No matches") }));
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(0).center()); // All
        QTRY_VERIFY(results().size() > 2 && results().contains(m_longId));
    }

    // Found by QA: the library had no way to save an image. Saved from there, the file is the
    // image with its turn's settings written in, as from the conversation.
    void librarySavesAnImage()
    {
        LibraryWindow *library = m_window->libraryWindow();
        QVERIFY(library);
        library->show();
        QTRY_COMPARE(library->model()->rowCount(), 1);
        std::unique_ptr<QMenu> menu(library->createContextMenu(
            library->view()->visualRect(library->model()->index(0)).center()));
        QVERIFY(menu);
        QAction *save = nullptr;
        for (QAction *action : menu->actions())
            if (action->text() == QStringLiteral("Save Image As…"))
                save = action;
        QVERIFY(save);
        const QString path = m_dir->filePath(QStringLiteral("saved/lighthouse.png"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        FileDialogs::setNextSaveFileName(path);
        save->trigger();
        QTRY_VERIFY(QFileInfo::exists(path));
        const QImage saved(path);
        QCOMPARE(saved.size(), QSize(12, 8));
        QCOMPARE(saved.pixelColor(3, 3), QColor(Qt::darkCyan));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ImageMetadata::Read embedded = ImageMetadata::read(file.readAll());
        QCOMPARE(ImageMetadata::promptFrom(embedded.json), QStringLiteral("a lighthouse"));
        auto *status = library->findChild<QLabel *>(QStringLiteral("libraryStatus"));
        QTRY_VERIFY2(status->text().contains(QLatin1String("lighthouse.png")),
                     qPrintable(status->text()));
        library->close();
    }

    // A found image pasted into another app: the pixels, and the turn's settings in the file.
    void libraryCopiesAnImage()
    {
        LibraryWindow *library = m_window->libraryWindow();
        QVERIFY(library);
        library->show();
        QTRY_COMPARE(library->model()->rowCount(), 1);
        QApplication::clipboard()->clear();
        std::unique_ptr<QMenu> menu(library->createContextMenu(
            library->view()->visualRect(library->model()->index(0)).center()));
        QVERIFY(menu);
        auto *copy = menu->findChild<QAction *>(QStringLiteral("libraryCopyAction"));
        QVERIFY(copy);
        QCOMPARE(copy->text(), QStringLiteral("Copy Image"));
        copy->trigger();
        const auto copied = [] {
            const QMimeData *data = QApplication::clipboard()->mimeData();
            return data && data->hasImage();
        };
        QTRY_VERIFY(copied());
        const auto pixels
            = qvariant_cast<QImage>(QApplication::clipboard()->mimeData()->imageData());
        QCOMPARE(pixels.size(), QSize(12, 8));
        QCOMPARE(pixels.pixelColor(3, 3), QColor(Qt::darkCyan));
        const QList<QUrl> urls = QApplication::clipboard()->mimeData()->urls();
        QCOMPARE(urls.size(), 1);
        QFile file(urls.first().toLocalFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(ImageMetadata::promptFrom(ImageMetadata::read(file.readAll()).json),
                 QStringLiteral("a lighthouse"));
        auto *status = library->findChild<QLabel *>(QStringLiteral("libraryStatus"));
        QCOMPARE(status->text(), QStringLiteral("Image copied"));
        library->close();
    }

    void libraryOpensTheImagesConversation()
    {
        LibraryWindow *library = m_window->libraryWindow();
        QVERIFY(library);
        QVERIFY(!library->isVisible());
        QAction *show = m_window->findChild<QAction *>(QStringLiteral("showLibraryAction"));
        QVERIFY(show);
        show->trigger();
        QVERIFY(library->isVisible());
        QTRY_COMPARE(library->model()->rowCount(), 1);
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        std::unique_ptr<QMenu> menu(library->createContextMenu(
            library->view()->visualRect(library->model()->index(0)).center()));
        QVERIFY(menu);
        auto *open = menu->findChild<QAction *>(QStringLiteral("libraryOpenAction"));
        QVERIFY(open);
        QCOMPARE(open->text(), QStringLiteral("Open in Conversation"));
        open->trigger();
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(m_session->conversationId(), m_imageId);
        QCOMPARE(opened.at(0).at(1).toString(), QStringLiteral("img-0"));
        library->close();
    }

    void deletingTheConversationOnScreenStartsANewOne()
    {
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        m_dock->openConversation(m_longId);
        QTRY_COMPARE(opened.size(), 1);
        m_dock->list()->deleteConversation(m_longId);
        QCOMPARE(m_session->conversationId(), QString());
        QCOMPARE(m_session->model()->rowCount(), 0);
        QTRY_COMPARE(m_store->conversations().result().size(), 1);
    }

    // Undo brings back what was on screen, not only its row; unless the designer has begun
    // something else meanwhile, which it must not replace.
    void undoReopensTheConversationThatWasOnScreen()
    {
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        m_dock->openConversation(m_longId);
        QTRY_COMPARE(opened.size(), 1);
        m_dock->list()->deleteConversation(m_longId);
        QCOMPARE(m_session->conversationId(), QString());
        m_dock->list()->undoDelete();
        QTRY_COMPARE(m_session->conversationId(), m_longId);
        QTRY_COMPARE(m_session->model()->rowCount(), 40);
        QCOMPARE(m_dock->list()->currentConversationId(), m_longId);

        // Another conversation opened before the undo stays on screen.
        m_dock->list()->deleteConversation(m_longId);
        m_dock->openConversation(m_imageId);
        QTRY_COMPARE(m_session->conversationId(), m_imageId);
        m_dock->list()->undoDelete();
        QTRY_COMPARE(m_dock->list()->model()->rowCount(), 2);
        QCOMPARE(m_session->conversationId(), m_imageId);

        // Deleting one that is not on screen and undoing it opens nothing.
        const int before = int(opened.size());
        m_dock->list()->deleteConversation(m_longId);
        m_dock->list()->undoDelete();
        QCoreApplication::processEvents();
        QCOMPARE(int(opened.size()), before);
        QCOMPARE(m_session->conversationId(), m_imageId);
    }

    // Found by QA: a keyboard had to reach the bar's Undo with Tab within its 8 seconds, and
    // after it the focus landed in the conversation. Ctrl+Z (Edit > Undo Delete) undoes while
    // the bar shows, and Undo from the bar leaves the keyboard in the list.
    void undoFromTheKeyboard()
    {
        QAction *undo = m_dock->list()->undoAction();
        QVERIFY(undo && !undo->isEnabled());
        QMenu *edit = m_window->findChild<QMenu *>(QStringLiteral("editMenu"));
        QVERIFY(edit && edit->actions().contains(undo));
        m_dock->list()->deleteConversation(m_longId);
        QVERIFY(undo->isEnabled());
        m_window->findChild<ConversationView *>()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(m_dock->list()->model()->rowCount(), 2);
        QVERIFY(!undo->isEnabled());
        QVERIFY(!m_dock->list()->isUndoBarVisible());

        m_dock->list()->deleteConversation(m_longId);
        auto *button = m_dock->list()->findChild<QPushButton *>(QStringLiteral("undoButton"));
        QVERIFY(button);
        button->setFocus(Qt::TabFocusReason);
        QTest::keyClick(button, Qt::Key_Space);
        QTRY_COMPARE(m_dock->list()->model()->rowCount(), 2);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus && m_dock->list()->isAncestorOf(focus));
        QVERIFY(qobject_cast<QListView *>(focus));

        // In the prompt, Ctrl+Z undoes the typing, not the deletion.
        auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
        QVERIFY(prompt);
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("warmer"));
        m_dock->list()->deleteConversation(m_longId);
        QTest::keyClick(prompt, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(prompt->toPlainText(), QString());
        QVERIFY(m_dock->list()->isUndoBarVisible());
        QCOMPARE(m_dock->list()->model()->rowCount(), 1);
    }

    void undoBarKeepsTheSidebarsWidth()
    {
        ConversationSummary longTitle;
        longTitle.title = QStringLiteral("a very long conversation title that goes on and on "
                                         "about a lighthouse on a cliff at dusk in watercolour");
        const QString id = m_store->createConversation(longTitle).result().id;
        m_dock->list()->refresh();
        QTRY_COMPARE(m_dock->list()->model()->rowCount(), 3);
        QCoreApplication::processEvents();
        const int width = m_dock->width();
        const int minimum = m_dock->list()->minimumSizeHint().width();
        m_dock->list()->deleteConversation(id);
        QVERIFY(m_dock->list()->isUndoBarVisible());
        QCOMPARE(m_dock->list()->minimumSizeHint().width(), minimum);
        QCoreApplication::processEvents();
        QCOMPARE(m_dock->width(), width);
        auto *label = m_dock->list()
                          ->findChild<QWidget *>(QStringLiteral("undoBar"))
                          ->findChild<QLabel *>();
        QVERIFY(label->text().endsWith(QStringLiteral("” deleted")));
        QVERIFY(label->text().contains(QChar(0x2026))); // elided to fit
        QVERIFY(label->toolTip().contains(longTitle.title));
    }

    // While a turn runs, neither deleting its conversation nor starting a new one stops it: that
    // turn is already billed (as opening another conversation is refused). Once it has ended, both
    // go ahead.
    void aRunningTurnKeepsItsConversation()
    {
        FakeGateway slow;
        QVERIFY(slow.listen());
        const QByteArray created = TestPayloads::sse(
            "response.created",
            { { "response", QJsonObject { { "id", "resp_9" }, { "status", "in_progress" } } } });
        slow.enqueue(FakeResponse::sse({ created, created }).stallAfter(created.size()));
        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        m_dock->openConversation(m_longId);
        QTRY_COMPARE(opened.size(), 1);
        ProviderProfile profile = m_session->provider();
        profile.baseUrl = slow.url(QStringLiteral("/v1"));
        m_session->setProvider(profile);
        QVERIFY(m_session->send(QStringLiteral("a slow forest"), {}, ImageParams()));
        QTRY_VERIFY(slow.requests().size() == 1);
        QVERIFY(m_session->isBusy());

        QSignalSpy notices(m_dock, &ConversationsDock::busyRefusal);
        m_dock->list()->deleteConversation(m_longId);
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.at(0).at(0).toString().contains(QLatin1String("still running")),
                 qPrintable(notices.at(0).at(0).toString()));
        QCOMPARE(m_dock->list()->model()->rowCount(), 2);
        QVERIFY(!m_dock->list()->isUndoBarVisible());

        auto *newConversation = m_window->findChild<QAction *>("newConversationAction");
        QVERIFY(newConversation);
        newConversation->trigger();
        QVERIFY2(m_window->statusBar()->currentMessage().contains(
                     QLatin1String("before starting a new conversation")),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QCOMPARE(m_session->conversationId(), m_longId);
        QVERIFY(m_session->isBusy());
        QCOMPARE(m_session->model()->rowCount(), 41);

        // Quitting asks first (the turn may be billed); staying keeps it running.
        const int asked = MessageBoxes::questionsAsked();
        MessageBoxes::setNextAnswer(false);
        QVERIFY(!m_window->close());
        QCOMPARE(MessageBoxes::questionsAsked(), asked + 1);
        QVERIFY2(MessageBoxes::lastQuestion().contains(QLatin1String("still running")),
                 qPrintable(MessageBoxes::lastQuestion()));
        QVERIFY(m_window->isVisible());
        QVERIFY(m_session->isBusy());

        // The refusal goes with the turn that caused it (found by QA: it stayed up to 15 s
        // beside the finished turn).
        QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
        m_session->stop();
        QVERIFY(finished.wait(5000));
        QTRY_COMPARE(m_window->statusBar()->currentMessage(), QString());
        newConversation->trigger();
        QCOMPARE(m_session->conversationId(), QString());
        m_dock->list()->deleteConversation(m_longId);
        QVERIFY(m_dock->list()->isUndoBarVisible());
        QTRY_COMPARE(m_store->conversations().result().size(), 1);
        slow.release();
        QVERIFY(m_window->close()); // nothing running: no question
        QCOMPARE(MessageBoxes::questionsAsked(), asked + 1);
    }

    // The exports are in the File menu too, for the conversation on screen (found by QA: they
    // were only in the sidebar's right-click menu).
    void fileMenuExportsTheOpenConversation()
    {
        auto *exportHtml = m_window->findChild<QAction *>(QStringLiteral("exportHtmlAction"));
        QVERIFY(exportHtml);
        QMenu *file = nullptr;
        for (QAction *menu : m_window->menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(exportHtml))
                file = menu->menu();
        QVERIFY(file);
        Q_EMIT file->aboutToShow();
        QVERIFY(!exportHtml->isEnabled()); // nothing stored on screen yet

        QSignalSpy opened(m_dock, &ConversationsDock::conversationOpened);
        m_dock->openConversation(m_imageId);
        QTRY_COMPARE(opened.size(), 1);
        Q_EMIT file->aboutToShow();
        QVERIFY(exportHtml->isEnabled());
        const QString path = m_dir->filePath(QStringLiteral("menu/export.html"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        FileDialogs::setNextSaveFileName(path);
        QSignalSpy notices(m_dock, &ConversationsDock::notice);
        exportHtml->trigger();
        QTRY_COMPARE(notices.size(), 1);
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("a lighthouse"));
    }

    // Found by QA: an Arabic title was suggested as "     .html" and "éléphant" as "lphant".
    void exportNameKeepsTheTitle_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("expected");
        QTest::newRow("latin") << QStringLiteral("A lighthouse at dusk")
                               << QStringLiteral("A lighthouse at dusk");
        QTest::newRow("accents") << QStringLiteral("éléphant rose")
                                 << QStringLiteral("éléphant rose");
        QTest::newRow("arabic") << QStringLiteral("منارة عند الغسق")
                                << QStringLiteral("منارة عند الغسق");
        QTest::newRow("symbols") << QStringLiteral("★ ☆ ✦") << QStringLiteral("★ ☆ ✦");
        QTest::newRow("illegal characters")
            << QStringLiteral("castle: in/the \"fog\"?") << QStringLiteral("castle_ in_the _fog__");
        QTest::newRow("hidden") << QStringLiteral("..secret") << QStringLiteral("secret");
        QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("conversation");
        QTest::newRow("untitled") << QString() << QStringLiteral("conversation");
    }

    void exportNameKeepsTheTitle()
    {
        QFETCH(QString, title);
        QFETCH(QString, expected);
        QCOMPARE(ConversationsDock::exportBaseName(title), expected);
    }

    void exportFromTheSidebar_data()
    {
        QTest::addColumn<bool>("html");
        QTest::newRow("markdown") << false;
        QTest::newRow("html") << true;
    }

    void exportFromTheSidebar()
    {
        QFETCH(bool, html);
        const QString path = m_dir->filePath(html ? QStringLiteral("out/lighthouse.html")
                                                  : QStringLiteral("out/lighthouse.md"));
        FileDialogs::setNextSaveFileName(path);
        QSignalSpy notices(m_dock, &ConversationsDock::notice);
        m_dock->exportConversation(m_imageId, html);
        QTRY_COMPARE(notices.size(), 1);
        QVERIFY2(notices.at(0).at(0).toString().startsWith(QStringLiteral("Exported")),
                 qPrintable(notices.at(0).at(0).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("a lighthouse")));
        if (html) {
            QVERIFY(text.contains(QString::fromLatin1(m_png.toBase64())));
        } else {
            QFile copy(
                m_dir->filePath(QStringLiteral("out/images/")
                                + m_store->turns(m_imageId).result().first().images.first().hash
                                + QStringLiteral(".png")));
            QVERIFY(copy.open(QIODevice::ReadOnly));
            QCOMPARE(copy.readAll(), m_png);
        }
    }

    void dockStateIsRememberedAcrossRuns_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("visibleAfter");
        QTest::addColumn<int>("areaAfter"); // Qt::DockWidgetArea
        QTest::newRow("closed stays closed") << "close" << false << int(Qt::LeftDockWidgetArea);
        QTest::newRow("left open stays open") << "none" << true << int(Qt::LeftDockWidgetArea);
        QTest::newRow("moved right stays right") << "move" << true << int(Qt::RightDockWidgetArea);
    }

    void dockStateIsRememberedAcrossRuns()
    {
        QFETCH(QString, change);
        QFETCH(bool, visibleAfter);
        QFETCH(int, areaAfter);
        QTRY_VERIFY(m_dock->isVisible()); // a first start shows it
        if (change == QLatin1String("close")) {
            m_dock->toggleViewAction()->trigger();
            QVERIFY(!m_dock->isVisible());
        } else if (change == QLatin1String("move")) {
            m_window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
        }
        restartWindow();

        QCOMPARE(m_dock->isVisible(), visibleAfter);
        QCOMPARE(int(m_window->dockWidgetArea(m_dock)), areaAfter);
        QCOMPARE(m_dock->toggleViewAction()->isChecked(), visibleAfter);
        // The View menu brings a closed one back, where it was.
        QAction *toggle = viewMenuAction(QStringLiteral("Conversations"));
        QVERIFY(toggle);
        if (!visibleAfter) {
            toggle->trigger();
            QTRY_VERIFY(m_dock->isVisible());
            QCOMPARE(int(m_window->dockWidgetArea(m_dock)), areaAfter);
        }
        QCOMPARE(m_dock->list()->model()->rowCount(), 2);
    }

    void stateSavedBeforeTheDockExistedShowsIt()
    {
        // A window closed without a history (it could not open): its saved state names no
        // Conversations dock. The next run, with a history, shows the dock.
        Settings settings(m_dir->filePath(QStringLiteral("other.ini")));
        {
            MainWindow window(m_session.get(), &settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        QVERIFY(!settings.value(Settings::windowState).isEmpty());
        m_window.reset();
        MainWindow window(m_session.get(), &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setHistoryStore(m_store.get());
        QTRY_VERIFY(window.conversationsDock()->isVisible());
        QCOMPARE(window.dockWidgetArea(window.conversationsDock()), Qt::LeftDockWidgetArea);
    }

    // Found by QA: with the two docks tabbed together, the one on top at quit was not the one
    // on top at the next start.
    void tabOnTopIsRemembered()
    {
        auto *settings = m_window->findChild<QDockWidget *>(QStringLiteral("imageSettingsDock"));
        QVERIFY(settings);
        m_window->tabifyDockWidget(settings, m_dock);
        m_dock->raise();
        QTRY_VERIFY(settings->visibleRegion().isEmpty());
        QVERIFY(!m_dock->visibleRegion().isEmpty());
        restartWindow();
        settings = m_window->findChild<QDockWidget *>(QStringLiteral("imageSettingsDock"));
        QCOMPARE(m_window->tabifiedDockWidgets(m_dock).size(), 1);
        QTRY_VERIFY(!m_dock->visibleRegion().isEmpty());
        QVERIFY(settings->visibleRegion().isEmpty());
    }

private:
    // A stored compare run of one cell, newer than the two chats, and the list told of it; no id
    // when it could not be stored.
    ConversationSummary storeCompareRun()
    {
        ConversationSummary run;
        run.title = QStringLiteral("Compare \u00b7 lighthouses");
        run.kind = ConversationSummary::Kind::Compare;
        run.compareSpec = R"({"prompt":"lighthouses"})";
        run = m_store->createConversation(run).result();
        Turn cell = makeTurn(QStringLiteral("cell-0"), QStringLiteral("lighthouses"),
                             QDateTime::currentDateTime());
        cell.compareCell = 0;
        if (!m_store->saveTurn(run.id, cell).result())
            return {}; // the caller's check of the id fails
        m_dock->list()->refresh();
        return run;
    }

    // Quits the window (it saves its state) and opens a new one on the same settings, as the
    // next run of Easel does: shown first, then given the history.
    void restartWindow()
    {
        m_window->close();
        m_window.reset(new MainWindow(m_session.get(), m_settings.get()));
        m_window->resize(1200, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->setHistoryStore(m_store.get());
        m_dock = m_window->conversationsDock();
        QVERIFY(m_dock);
        QTRY_COMPARE(m_dock->list()->model()->rowCount(), 2);
    }

    QAction *viewMenuAction(const QString &text) const
    {
        for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
            if (menu->title() != QStringLiteral("&View"))
                continue;
            for (QAction *action : menu->actions())
                if (QString(action->text()).remove(u'&') == text) // "C&onversations"
                    return action;
        }
        return nullptr;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    ConversationsDock *m_dock = nullptr;
    QString m_longId;
    QString m_imageId;
    QByteArray m_png;
};

QTEST_MAIN(TestConversationsDock)
#include "tst_conversationsdock.moc"
