#include "image/imagecache.h"
#include "imageviewer.h"
#include "librarymodel.h"
#include "librarywindow.h"
#include "store/historystore.h"
#include "store/imagestore.h"

#include <QAction>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMutex>
#include <QPointer>
#include <QPromise>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

struct PageCall
{
    LibraryFilter filter;
    int offset = 0;
    int limit = 0;
};

// A library of `total` images, newest first, recording what it was asked.
struct FakeLibrary
{
    int total = 0;
    QList<PageCall> calls;
    QString root; // when set, images point at real files made by makeFiles()
    QList<QSize> sizes;

    LibraryImage image(int i) const
    {
        LibraryImage image;
        image.hash = QStringLiteral("hash%1").arg(i);
        image.conversationId = QStringLiteral("conv%1").arg(i % 3);
        image.turnId = QStringLiteral("turn%1").arg(i);
        image.itemId = QStringLiteral("ig_%1").arg(i);
        image.prompt = QStringLiteral("prompt %1").arg(i);
        image.pixelSize = sizes.isEmpty() ? QSize(1024, 1024) : sizes.at(i % sizes.size());
        image.filePath = root.isEmpty() ? QStringLiteral("/nonexistent/%1.png").arg(i)
                                        : root + QStringLiteral("/%1.png").arg(i % sizes.size());
        image.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0)).addSecs(-i);
        return image;
    }

    LibraryModel::PageSource source()
    {
        return [this](const LibraryFilter &filter, int offset, int limit) {
            calls.append({ filter, offset, limit });
            QList<LibraryImage> page;
            for (int i = offset; i < qMin(total, offset + limit); ++i)
                page << image(i);
            return QtFuture::makeReadyFuture(page);
        };
    }

    LibraryModel::CountSource countSource()
    {
        return [this](const LibraryFilter &) {
            return QtFuture::makeReadyFuture(total);
        };
    }

    void makeFiles(const QString &dir, const QList<QSize> &imageSizes)
    {
        root = dir;
        sizes = imageSizes;
        for (int i = 0; i < sizes.size(); ++i) {
            QImage pixels(sizes.at(i), QImage::Format_RGB32);
            pixels.fill(QColor::fromHsv((i * 47) % 360, 180, 200));
            pixels.save(root + QStringLiteral("/%1.png").arg(i), "PNG");
        }
    }
};

QByteArray pngBytes(const QSize &size, QColor color)
{
    QImage pixels(size, QImage::Format_RGB32);
    pixels.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    pixels.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paging_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<QList<int>>("offsets");
        QTest::newRow("empty") << 0 << 10 << QList<int> { 0 };
        QTest::newRow("one short page") << 7 << 10 << QList<int> { 0 };
        QTest::newRow("exact pages") << 20 << 10 << QList<int> { 0, 10, 20 };
        QTest::newRow("two and a bit") << 25 << 10 << QList<int> { 0, 10, 20 };
    }

    void paging()
    {
        QFETCH(int, total);
        QFETCH(int, pageSize);
        QFETCH(QList<int>, offsets);
        FakeLibrary library;
        library.total = total;
        LibraryModel model;
        model.setPageSource(library.source());
        model.setPageSize(pageSize);
        model.setFilter({});
        QTRY_VERIFY(!model.isLoading());
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), total);
        QVERIFY(model.isAtEnd());
        QList<int> asked;
        for (const PageCall &call : library.calls) {
            asked << call.offset;
            QCOMPARE(call.limit, pageSize);
        }
        QCOMPARE(asked, offsets);
        for (int row = 0; row < total; ++row) // newest first, in the order the store gave them
            QCOMPARE(model.imageAt(row).hash, QStringLiteral("hash%1").arg(row));
    }

    // A cell's tooltip: the prompt, then the model, quality, size as the app writes sizes, and
    // format, then where and when to the minute (found by QA: seconds, in the C locale).
    void tooltipSaysWhatAndWhen_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("when");
        QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("31 Dec 2025 23:59");
        QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("12/31/25 11:59 PM");
    }

    void tooltipSaysWhatAndWhen()
    {
        QFETCH(QString, locale);
        QFETCH(QString, when);
        FakeLibrary library;
        library.total = 2;
        library.sizes = { QSize(1536, 1024) };
        LibraryModel model;
        model.setPageSource(library.source());
        model.setFilter({});
        QTRY_COMPARE(model.rowCount(), 2);
        const QLocale before;
        QLocale::setDefault(QLocale(locale));
        const QString tip = model.data(model.index(1), Qt::ToolTipRole).toString();
        QLocale::setDefault(before);
        const QStringList lines = tip.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("prompt 1"));
        QVERIFY2(lines.at(1).contains(QStringLiteral(" · 1536 × 1024 · ")), qPrintable(tip));
        QCOMPARE(lines.at(2), when); // a conversation without a title: the time alone
    }

    void aPageOfAnOldFilterIsDropped()
    {
        QList<std::shared_ptr<QPromise<QList<LibraryImage>>>> promises;
        LibraryModel model;
        model.setPageSource([&](const LibraryFilter &, int, int) {
            auto promise = std::make_shared<QPromise<QList<LibraryImage>>>();
            promise->start();
            promises << promise;
            return promise->future();
        });
        model.setFilter({});
        LibraryFilter favourites;
        favourites.favouritesOnly = true;
        model.setFilter(favourites);
        QCOMPARE(promises.size(), 2);
        LibraryImage stale;
        stale.hash = QStringLiteral("stale");
        promises.at(0)->addResult(QList<LibraryImage> { stale });
        promises.at(0)->finish();
        LibraryImage fresh;
        fresh.hash = QStringLiteral("fresh");
        promises.at(1)->addResult(QList<LibraryImage> { fresh });
        promises.at(1)->finish();
        QTRY_COMPARE(model.rowCount(), 1);
        QTest::qWait(20);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.imageAt(0).hash, QStringLiteral("fresh"));
    }

    void scrollingTheGridLoadsMore()
    {
        FakeLibrary library;
        library.total = 200;
        ImageCache cache;
        LibraryWindow window(&cache);
        window.model()->setPageSource(library.source());
        window.model()->setPageSize(30);
        window.resize(800, 500);
        window.model()->reload();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.model()->rowCount(), 30);
        QScrollBar *bar = window.view()->verticalScrollBar();
        for (int i = 0; i < 20 && window.model()->rowCount() < 200; ++i) {
            bar->setValue(bar->maximum());
            QTest::qWait(10);
        }
        QTRY_COMPARE(window.model()->rowCount(), 200);
    }

    void filtersReachTheStore_data()
    {
        QTest::addColumn<QString>("control");
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("field");
        QTest::newRow("model") << "libraryModelFilter"
                               << "gpt-image-1.5"
                               << "imageModel";
        // Shown as the image settings show them; the store is asked in the API's own words.
        QTest::newRow("quality") << "libraryQualityFilter"
                                 << "High"
                                 << "quality=high";
        QTest::newRow("size") << "librarySizeFilter"
                              << "1536 × 1024  landscape"
                              << "size=1536x1024";
        QTest::newRow("format") << "libraryFormatFilter"
                                << "WebP"
                                << "format=webp";
        QTest::newRow("conversation") << "libraryConversationFilter"
                                      << "Castles"
                                      << "conversation";
        QTest::newRow("last 7 days") << "libraryDateFilter"
                                     << "Last 7 days"
                                     << "date7";
        QTest::newRow("today") << "libraryDateFilter"
                               << "Today"
                               << "date0";
        QTest::newRow("favourites") << "libraryFavouritesOnly"
                                    << ""
                                    << "favourites";
        QTest::newRow("text") << "librarySearch"
                              << "castle at dusk"
                              << "text";
    }

    void filtersReachTheStore()
    {
        QFETCH(QString, control);
        QFETCH(QString, choice);
        QFETCH(QString, field);
        QString value = choice; // what the store is asked for
        if (field.contains(u'=')) {
            value = field.section(u'=', 1);
            field = field.section(u'=', 0, 0);
        }
        FakeLibrary library;
        library.total = 3;
        LibraryWindow window(nullptr);
        window.model()->setPageSource(library.source());
        ConversationSummary castles;
        castles.id = QStringLiteral("c-castles");
        castles.title = QStringLiteral("Castles");
        window.setConversations({ castles });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QWidget *widget = window.findChild<QWidget *>(control);
        QVERIFY2(widget, qPrintable(control));
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            const int index = combo->findText(choice);
            QVERIFY2(index > 0, qPrintable(choice));
            combo->setCurrentIndex(index);
        } else if (auto *box = qobject_cast<QCheckBox *>(widget)) {
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
        } else if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
            QTest::keyClicks(edit, choice);
            QTest::keyClick(edit, Qt::Key_Return);
        }
        QTRY_VERIFY(!library.calls.isEmpty());
        QTRY_VERIFY(!window.model()->isLoading());
        const LibraryFilter f = library.calls.last().filter;
        QCOMPARE(library.calls.last().offset, 0); // a new filter starts from the first page
        const QDate today = QDate::currentDate();
        QCOMPARE(f.imageModel, field == "imageModel" ? choice : QString());
        QCOMPARE(f.quality, field == "quality" ? value : QString());
        QCOMPARE(f.size, field == "size" ? value : QString());
        QCOMPARE(f.format, field == "format" ? value : QString());
        QCOMPARE(f.conversationId, field == "conversation" ? castles.id : QString());
        QCOMPARE(f.from, field == "date7" ? today.addDays(-6) : field == "date0" ? today : QDate());
        QCOMPARE(f.to, field.startsWith("date") ? today : QDate());
        QCOMPARE(f.favouritesOnly, field == "favourites");
        QCOMPARE(f.text, field == "text" ? choice : QString());
    }

    void favouriteStarToggles_data()
    {
        QTest::addColumn<bool>("byMenu");
        QTest::newRow("star") << false;
        QTest::newRow("context menu") << true;
    }

    void favouriteStarToggles()
    {
        QFETCH(bool, byMenu);
        FakeLibrary library;
        library.total = 4;
        QList<QPair<QString, bool>> sunk;
        LibraryWindow window(nullptr);
        window.model()->setPageSource(library.source());
        window.model()->setFavouriteSink([&](const QString &hash, bool favourite) {
            sunk.append({ hash, favourite });
        });
        window.model()->reload();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.model()->rowCount(), 4);
        const QModelIndex second = window.model()->index(1);
        for (bool expected : { true, false }) {
            if (byMenu) {
                std::unique_ptr<QMenu> menu(
                    window.createContextMenu(window.view()->visualRect(second).center()));
                QVERIFY(menu);
                const QString label = expected ? QStringLiteral("Add to Favourites")
                                               : QStringLiteral("Remove from Favourites");
                QAction *toggle = nullptr;
                for (QAction *action : menu->actions())
                    if (action->text() == label)
                        toggle = action;
                QVERIFY2(toggle, qPrintable(label));
                toggle->trigger();
            } else {
                QTest::mouseClick(window.view()->viewport(), Qt::LeftButton, {},
                                  window.starRect(second).center());
            }
            QCOMPARE(second.data(LibraryModel::FavouriteRole).toBool(), expected);
            QCOMPARE(sunk.size(), expected ? 1 : 2);
            QCOMPARE(sunk.last().first, QStringLiteral("hash1"));
            QCOMPARE(sunk.last().second, expected);
        }
        QVERIFY(!window.model()->index(0).data(LibraryModel::FavouriteRole).toBool());
    }

    // The line under the grid: how many images show, or why none does (found by QA: a search
    // matching nothing left a blank grid and nothing else).
    void statusLineCountsOrSaysWhyNone()
    {
        FakeLibrary library;
        library.total = 5;
        LibraryWindow window(nullptr);
        window.model()->setPageSource(library.source());
        window.model()->reload();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *status = window.findChild<QLabel *>(QStringLiteral("libraryStatus"));
        QVERIFY(status && status->isVisible());
        QTRY_COMPARE(status->text(), QStringLiteral("5 image(s)")); // no translator here

        library.total = 0;
        window.model()->reload();
        QTRY_COMPARE(status->text(),
                     QStringLiteral("No images yet: the images you make appear here."));

        auto *search = window.findChild<QLineEdit *>(QStringLiteral("librarySearch"));
        search->setText(QStringLiteral("zzzqqq"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE(status->text(), QStringLiteral("No image matches these filters."));
        // Said in the middle of the empty grid too, where the designer is looking.
        QCOMPARE(window.emptyText(), status->text());
        const QImage grid = window.view()->viewport()->grab().toImage();
        const QRect middle(grid.width() / 4, grid.height() / 3, grid.width() / 2,
                           grid.height() / 3);
        int inked = 0;
        for (int y = middle.top(); y <= middle.bottom(); ++y)
            for (int x = middle.left(); x <= middle.right(); ++x)
                inked += grid.pixel(x, y) != grid.pixel(1, 1) ? 1 : 0;
        QVERIFY2(inked > 50, qPrintable(QString::number(inked)));

        library.total = 200; // more than a page: the rest comes as the grid scrolls
        search->clear();
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY2(status->text().startsWith(QLatin1String("The newest 60 image(s)")),
                     qPrintable(status->text()));
        QCOMPARE(window.emptyText(), QString());

        // Counted by the store: the number before the rest has loaded (found by QA: it came only
        // once the grid was scrolled to its end).
        window.model()->setCountSource(library.countSource());
        library.total = 257;
        window.model()->reload();
        QTRY_COMPARE(status->text(), QStringLiteral("257 image(s)"));
        QCOMPARE(window.model()->rowCount(), 60);
        QVERIFY(!window.model()->isAtEnd());

        window.showMessage(QStringLiteral("Saved /tmp/x.png"), 60000);
        QCOMPARE(status->text(), QStringLiteral("Saved /tmp/x.png"));
    }

    // Eight filters in one row made the Library at least 1153 px wide (found by QA): they wrap
    // in a narrow window, and in a wide one sit in one row with the search field taking the rest.
    void filtersWrapInANarrowWindow()
    {
        LibraryWindow window(nullptr);
        QVERIFY2(window.minimumSizeHint().width() <= 480,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        const QList<QWidget *> filters {
            window.findChild<QLineEdit *>(QStringLiteral("librarySearch")),
            window.findChild<QComboBox *>(QStringLiteral("libraryModelFilter")),
            window.findChild<QComboBox *>(QStringLiteral("libraryQualityFilter")),
            window.findChild<QComboBox *>(QStringLiteral("librarySizeFilter")),
            window.findChild<QComboBox *>(QStringLiteral("libraryFormatFilter")),
            window.findChild<QComboBox *>(QStringLiteral("libraryConversationFilter")),
            window.findChild<QComboBox *>(QStringLiteral("libraryDateFilter")),
            window.findChild<QCheckBox *>(QStringLiteral("libraryFavouritesOnly")),
        };
        QVERIFY(!filters.contains(nullptr));
        window.resize(460, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.width(), 460);
        QSet<int> rows;
        for (int i = 0; i < filters.size(); ++i) {
            const QRect place = filters.at(i)->geometry();
            QVERIFY2(window.rect().contains(place), qPrintable(filters.at(i)->objectName()));
            QVERIFY(place.width() >= filters.at(i)->minimumSizeHint().width());
            for (int j = 0; j < i; ++j)
                QVERIFY2(!place.intersects(filters.at(j)->geometry()),
                         qPrintable(filters.at(i)->objectName()));
            rows.insert(place.center().y());
        }
        QVERIFY2(rows.size() >= 3, qPrintable(QString::number(rows.size())));
        // The grid starts below the last row of filters.
        int bottom = 0;
        for (QWidget *filter : filters)
            bottom = std::max(bottom, filter->geometry().bottom());
        QVERIFY(window.view()->geometry().top() > bottom);

        window.resize(1500, 500);
        QTRY_COMPARE(window.width(), 1500);
        QTRY_COMPARE(filters.first()->geometry().center().y(),
                     filters.last()->geometry().center().y());
        for (QWidget *filter : filters)
            QCOMPARE(filter->geometry().center().y(), filters.first()->geometry().center().y());
        // The search field fills the row: the last filter ends at the right margin.
        QVERIFY(filters.first()->width() > filters.first()->sizeHint().width());
        QCOMPARE(filters.last()->geometry().right(), window.width() - 6 - 1);
    }

    void openInConversation()
    {
        FakeLibrary library;
        library.total = 5;
        LibraryWindow window(nullptr);
        window.model()->setPageSource(library.source());
        window.model()->reload();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.model()->rowCount(), 5);
        QSignalSpy open(&window, &LibraryWindow::openInConversationRequested);
        const QModelIndex index = window.model()->index(4);
        const auto menuAction = [&](const char *objectName) {
            std::unique_ptr<QMenu> menu(
                window.createContextMenu(window.view()->visualRect(index).center()));
            QAction *action = menu->findChild<QAction *>(QLatin1String(objectName));
            if (action) // triggered once the menu is gone, as a chosen item is
                action->setParent(&window);
            return std::unique_ptr<QAction>(action);
        };
        QVERIFY(!window.createContextMenu(QPoint(-5, -5)));

        std::unique_ptr<QAction> openAction = menuAction("libraryOpenAction");
        QVERIFY(openAction);
        QCOMPARE(openAction->text(), QStringLiteral("Open in Conversation"));
        openAction->trigger();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("conv1"));
        QCOMPARE(open.at(0).at(1).toString(), QStringLiteral("turn4"));

        // "Edit This Image", "Copy Image" and "Save Image As…" name the conversation and the
        // image itself.
        const ImageRef fourth { QStringLiteral("turn4"), QStringLiteral("ig_4") };
        QSignalSpy edit(&window, &LibraryWindow::editImageRequested);
        QSignalSpy copy(&window, &LibraryWindow::copyImageRequested);
        QSignalSpy save(&window, &LibraryWindow::saveImageRequested);
        for (const char *name : { "libraryEditAction", "libraryCopyAction", "librarySaveAction" }) {
            std::unique_ptr<QAction> action = menuAction(name);
            QVERIFY2(action, name);
            action->trigger();
        }
        for (QSignalSpy *spy : { &edit, &copy, &save }) {
            QCOMPARE(spy->size(), 1);
            QCOMPARE(spy->at(0).at(0).toString(), QStringLiteral("conv1"));
            QCOMPARE(spy->at(0).at(1).value<ImageRef>(), fourth);
        }
    }

    // Space shows the current image large, as Quick Look does; the menu's View Image too. The
    // viewer is titled by the prompt: the file's name is a hash.
    void spaceViewsTheImage()
    {
        QTemporaryDir dir;
        FakeLibrary library;
        library.makeFiles(dir.path(), { QSize(64, 48), QSize(30, 60), QSize(50, 50) });
        library.total = 3;
        LibraryWindow window(nullptr);
        window.model()->setPageSource(library.source());
        window.model()->reload();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.model()->rowCount(), 3);
        QVERIFY(!window.lastViewer());
        window.view()->setFocus();
        window.view()->setCurrentIndex(window.model()->index(1));
        QTest::keyClick(window.view(), Qt::Key_Space);
        QPointer<ImageViewer> viewer = window.lastViewer();
        QVERIFY(viewer);
        QCOMPARE(viewer->filePath(), library.image(1).filePath);
        QTRY_VERIFY(viewer->isLoaded());
        QCOMPARE(viewer->imageSize(), QSize(30, 60));
        QVERIFY2(viewer->windowTitle().contains(QLatin1String("prompt 1")),
                 qPrintable(viewer->windowTitle()));
        viewer->close();
        QTRY_VERIFY(!viewer); // deleted on close

        std::unique_ptr<QMenu> menu(
            window.createContextMenu(window.view()->visualRect(window.model()->index(2)).center()));
        auto *view = menu->findChild<QAction *>(QStringLiteral("libraryViewAction"));
        QVERIFY(view);
        QCOMPARE(menu->actions().first(), view); // the first thing one does with a found image
        QCOMPARE(view->shortcut(), QKeySequence(Qt::Key_Space));
        view->trigger();
        QVERIFY(window.lastViewer());
        QCOMPARE(window.lastViewer()->filePath(), library.image(2).filePath);
        QTRY_COMPARE(window.lastViewer()->imageSize(), QSize(50, 50));
    }

    void thumbnailsAtCellSizeOffTheGuiThread()
    {
        QTemporaryDir dir;
        FakeLibrary library;
        library.makeFiles(dir.path(),
                          { QSize(640, 320), QSize(300, 600), QSize(500, 500), QSize(96, 64) });
        library.total = 8;
        ImageCache cache;
        QMutex mutex;
        QList<QThread *> decodeThreads;
        cache.setDecodeHook([&](const QString &) {
            QMutexLocker lock(&mutex);
            decodeThreads << QThread::currentThread();
        });
        LibraryWindow window(&cache);
        window.model()->setPageSource(library.source());
        window.model()->reload();
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.model()->rowCount(), 8);
        const QSize cell = window.thumbnailPixels();
        QCOMPARE(cell,
                 QSize(LibraryWindow::thumbnailSide, LibraryWindow::thumbnailSide)
                     * window.view()->viewport()->devicePixelRatioF());
        for (int i = 0; i < 4; ++i) {
            const QString path = library.image(i).filePath;
            QTRY_VERIFY2(!cache.cached(path, cell).isNull(), qPrintable(path));
            const QImage thumbnail = cache.cached(path, cell);
            // Decoded at the cell size, keeping the aspect, never enlarged.
            const QSize expected = library.sizes.at(i).width() <= cell.width()
                    && library.sizes.at(i).height() <= cell.height()
                ? library.sizes.at(i)
                : library.sizes.at(i).scaled(cell, Qt::KeepAspectRatio);
            QCOMPARE(thumbnail.size(), expected);
            QVERIFY(cache.cached(path, QSize()).isNull()); // never decoded at full size
        }
        QMutexLocker lock(&mutex);
        QVERIFY(!decodeThreads.isEmpty());
        QCOMPARE(decodeThreads.size(), 4); // one decode per file, though it shows twice
        for (QThread *thread : std::as_const(decodeThreads))
            QVERIFY(thread != QThread::currentThread());
    }

    void againstARealStore()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(store.open().result().ok);
        ImageStore images(dir.filePath(QStringLiteral("images")));
        ConversationSummary c;
        c.title = QStringLiteral("Lighthouses");
        c = store.createConversation(c).result();
        for (int t = 0; t < 3; ++t) {
            Turn turn;
            turn.id = QStringLiteral("turn-%1").arg(t);
            turn.prompt = QStringLiteral("lighthouse %1").arg(t);
            turn.status = Turn::Status::Done;
            turn.startedAt = QDateTime::currentDateTime().addSecs(t);
            const ImageStore::Stored stored = images.put(pngBytes({ 20 + t, 10 }, Qt::blue));
            ImageAsset image;
            image.itemId = QStringLiteral("ig_%1").arg(t);
            image.state = ImageAsset::State::Final;
            image.hash = stored.hash;
            image.filePath = stored.filePath;
            image.mimeType = stored.mimeType;
            image.pixelSize = stored.pixelSize;
            image.byteSize = stored.byteSize;
            turn.images << image;
            QVERIFY(store.saveTurn(c.id, turn).result());
        }
        ImageCache cache;
        LibraryWindow window(&cache);
        window.setHistoryStore(&store);
        QTRY_COMPARE(window.model()->rowCount(), 3);
        QCOMPARE(window.model()->imageAt(0).turnId, QStringLiteral("turn-2")); // newest first
        window.model()->setFavourite(1, true);
        LibraryFilter favourites;
        favourites.favouritesOnly = true;
        QTRY_COMPARE(store.libraryImages(favourites, 0, 10).result().size(), 1);
        QCOMPARE(store.libraryImages(favourites, 0, 10).result().first().turnId,
                 QStringLiteral("turn-1"));
        auto *conversations
            = window.findChild<QComboBox *>(QStringLiteral("libraryConversationFilter"));
        QTRY_COMPARE(conversations->count(), 2);
        QCOMPARE(store.libraryImageCount(favourites).result(), 1);
        QCOMPARE(store.libraryImageCount({}).result(), 3);
        LibraryFilter words;
        words.text = QStringLiteral("lighthouse 2");
        QCOMPARE(store.libraryImageCount(words).result(), 1);
        words.text = QStringLiteral("harbour");
        QCOMPARE(store.libraryImageCount(words).result(), 0);
        auto *onlyFavourites
            = window.findChild<QCheckBox *>(QStringLiteral("libraryFavouritesOnly"));
        onlyFavourites->setChecked(true);
        QTRY_COMPARE(window.model()->rowCount(), 1);
        QTRY_COMPARE(window.model()->totalCount(), 1);
    }
};

QTEST_MAIN(TestLibrary)
#include "tst_library.moc"
