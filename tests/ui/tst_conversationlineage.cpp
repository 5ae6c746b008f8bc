// The conversation view's side of editing (issue #6 §3-4): reference images as thumbnails under
// the prompt, an edit's Original tile beside its result, the jump to the parent turn, and the
// "Edit This Image" / "Edit with Mask…" actions on a generated image.
#include "chat/conversationmodel.h"
#include "conversationview.h"
#include "image/imagecache.h"
#include "turndelegate.h"
#include "turnlayout.h"
#include "turnreferencespainter.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QColor red(0xd0, 0x30, 0x20);
const QColor blue(0x20, 0x40, 0xc0);
const QColor green(0x20, 0xa0, 0x40);
const QColor amber(0xe0, 0xa0, 0x10);

bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 12 && std::abs(a.green() - b.green()) <= 12
        && std::abs(a.blue() - b.blue()) <= 12;
}

Turn finishedTurn(const QString &id, const QString &prompt, const QString &text = {})
{
    Turn turn;
    turn.id = id;
    turn.prompt = prompt;
    turn.text = text;
    turn.chatModel = QStringLiteral("gpt-5");
    turn.requested.imageModel = QStringLiteral("gpt-image-1.5");
    turn.status = Turn::Status::Done;
    turn.startedAt = QDateTime::currentDateTime().addSecs(-60);
    turn.durationMs = 21400;
    turn.usage.inputTokens = 120;
    turn.usage.outputTokens = 80;
    turn.cost.usd = 0.04;
    turn.cost.basis = Cost::Basis::Estimated;
    return turn;
}

ImageAsset finalImage(const QString &itemId, const QString &path, QSize pixels)
{
    ImageAsset image;
    image.itemId = itemId;
    image.state = ImageAsset::State::Final;
    image.filePath = path;
    image.pixelSize = pixels;
    image.mimeType = QStringLiteral("image/png");
    return image;
}

int laidOutHeight(const QListView &view, int row)
{
    const QAbstractItemModel *model = view.model();
    const int top = view.visualRect(model->index(row, 0)).top();
    if (row + 1 < model->rowCount())
        return view.visualRect(model->index(row + 1, 0)).top() - top;
    const QScrollBar *bar = view.verticalScrollBar();
    return bar->maximum() + view.viewport()->height() - (top + bar->value());
}

void showAndWait(ConversationView &view, QSize size)
{
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
}

QColor pixelAt(ConversationView &view, QPoint point)
{
    const QImage shot = view.viewport()->grab().toImage();
    return shot.pixelColor(point * shot.devicePixelRatio());
}

QAction *actionWithText(QMenu *menu, const QString &text)
{
    const QList<QAction *> actions = menu->actions();
    const auto it = std::find_if(actions.cbegin(), actions.cend(),
                                 [&text](const QAction *action) { return action->text() == text; });
    return it == actions.cend() ? nullptr : *it;
}

} // namespace

class TestConversationLineage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void thumbnailLayout_data();
    void thumbnailLayout();
    void editLayout_data();
    void editLayout();
    void exactAndEstimateAgreeInTheDelegate();
    void rowsKeepTheirHeightWhenPixelsArrive();
    void thumbnailsAndOriginalPaintTheirPixels();
    void unreadableThumbnailIsANeutralTile();
    void clickingThumbnailOpensViewer();
    void clickingOriginalScrollsToParent();
    void deletedParentShowsFallback();
    void contextMenuEditActions_data();
    void contextMenuEditActions();
    void rendersScreenshot();

private:
    QString solidPng(const QString &name, QSize size, const QColor &color);
    // A parent turn, `fillers` turns with long answers, then an edit of the parent's image with
    // two reference images and a mask.
    QList<Turn> lineageConversation(int fillers) const;

    QTemporaryDir m_dir;
    QString m_parentPath;
    QString m_resultPath;
    QString m_redPath;
    QString m_bluePath;
};

void TestConversationLineage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_parentPath = solidPng(QStringLiteral("parent.png"), QSize(1536, 1024), green);
    m_resultPath = solidPng(QStringLiteral("result.png"), QSize(1536, 1024), amber);
    m_redPath = solidPng(QStringLiteral("red.png"), QSize(600, 400), red);
    m_bluePath = solidPng(QStringLiteral("blue.png"), QSize(300, 500), blue);
}

QString TestConversationLineage::solidPng(const QString &name, QSize size, const QColor &color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    const QString path = m_dir.filePath(name);
    if (!image.save(path, "png"))
        qFatal("Cannot write %s", qPrintable(path));
    return path;
}

QList<Turn> TestConversationLineage::lineageConversation(int fillers) const
{
    QList<Turn> turns;
    Turn parent = finishedTurn(QStringLiteral("parent"), QStringLiteral("A lighthouse at dusk"),
                               QStringLiteral("Here it is."));
    parent.images << finalImage(QStringLiteral("ig_parent"), m_parentPath, QSize(1536, 1024));
    turns << parent;
    for (int i = 0; i < fillers; ++i) {
        Turn filler
            = finishedTurn(QStringLiteral("filler%1").arg(i), QStringLiteral("Variation %1").arg(i),
                           QString(QStringLiteral("Some thoughts on the sea. ")).repeated(30));
        filler.images << finalImage(QStringLiteral("ig_f%1").arg(i), m_resultPath,
                                    QSize(1024, 1024));
        turns << filler;
    }
    Turn edit = finishedTurn(QStringLiteral("edit"), QStringLiteral("Make the sky stormy"),
                             QStringLiteral("Stormier."));
    edit.editOf = { QStringLiteral("parent"), QStringLiteral("ig_parent") };
    edit.maskPath = m_dir.filePath(QStringLiteral("mask.png"));
    edit.attachments << Attachment { m_redPath, QStringLiteral("image/png") }
                     << Attachment { m_bluePath, QStringLiteral("image/png") };
    edit.images << finalImage(QStringLiteral("ig_result"), m_resultPath, QSize(1536, 1024));
    turns << edit;
    return turns;
}

void TestConversationLineage::thumbnailLayout_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("thumbnails");
    QTest::addColumn<int>("more"); // the "+N"; 0 when every attachment has a thumbnail

    QTest::newRow("one") << 1 << 1000 << 1 << 0;
    QTest::newRow("two") << 2 << 1000 << 2 << 0;
    QTest::newRow("seven fit in the +N's place") << 7 << 1000 << 7 << 0;
    QTest::newRow("nine: six and +3") << 9 << 1000 << 6 << 3;
    // A 240 px column holds four tiles: three thumbnails and "+2".
    QTest::newRow("narrow column") << 5 << 288 << 3 << 2;
}

void TestConversationLineage::thumbnailLayout()
{
    QFETCH(int, count);
    QFETCH(int, width);
    QFETCH(int, thumbnails);
    QFETCH(int, more);

    Turn turn = finishedTurn(QStringLiteral("t"), QStringLiteral("Like these"),
                             QStringLiteral("Here it is."));
    for (int i = 0; i < count; ++i)
        turn.attachments << Attachment { m_dir.filePath(QStringLiteral("ref%1.png").arg(i)),
                                         QStringLiteral("image/png") };
    turn.images << finalImage(QStringLiteral("ig"), m_resultPath, QSize(1024, 1024));
    const QFont font = QApplication::font();
    const TurnLayout layout(turn, width, font);
    const TurnLayout estimate(turn, width, font, TurnLayout::Measure::Estimate);

    QCOMPARE(layout.thumbnails().size(), thumbnails);
    QCOMPARE(layout.moreThumbnailsCount(), more);
    QCOMPARE(layout.moreThumbnailsRect().isNull(), more == 0);
    const QRect column = layout.columnRect();
    const QRect bubble = layout.promptBubbleRect();
    QRect strip;
    for (int i = 0; i < thumbnails; ++i) {
        const TurnLayout::Thumbnail &thumbnail = layout.thumbnails().at(i);
        QCOMPARE(thumbnail.index, i);
        QCOMPARE(thumbnail.rect.size(),
                 QSize(TurnLayout::thumbnailSide, TurnLayout::thumbnailSide));
        QVERIFY(thumbnail.rect.top() > bubble.bottom()); // under the bubble
        QVERIFY(column.contains(thumbnail.rect));
        if (i > 0) // left to right, not overlapping
            QVERIFY(thumbnail.rect.left() > layout.thumbnails().at(i - 1).rect.right());
        strip |= thumbnail.rect;
        QCOMPARE(layout.attachmentIndexAt(thumbnail.rect.center()), i);
        QCOMPARE(estimate.thumbnails().at(i).rect, thumbnail.rect);
    }
    if (more > 0) {
        QVERIFY(layout.moreThumbnailsRect().left() > strip.right());
        QVERIFY(column.contains(layout.moreThumbnailsRect()));
        QCOMPARE(layout.attachmentIndexAt(layout.moreThumbnailsRect().center()), -1);
        strip |= layout.moreThumbnailsRect();
    }
    // Right-aligned like the bubble, and above the answer.
    QCOMPARE(strip.right(), bubble.right());
    QCOMPARE(layout.attachmentRect(), strip);
    QVERIFY(layout.headerRect().top() > strip.bottom());
    QCOMPARE(layout.attachmentIndexAt(strip.topLeft() - QPoint(2, 0)), -1);
    QCOMPARE(estimate.size(), layout.size());
}

void TestConversationLineage::editLayout_data()
{
    QTest::addColumn<QSize>("parentPixels"); // invalid: the parent is gone
    QTest::addColumn<int>("results");
    QTest::addColumn<int>("width");

    QTest::newRow("landscape parent") << QSize(1536, 1024) << 1 << 1000;
    QTest::newRow("portrait parent") << QSize(1024, 1536) << 1 << 1000;
    QTest::newRow("two results") << QSize(1024, 1024) << 2 << 1000;
    QTest::newRow("narrow column") << QSize(1536, 1024) << 1 << 420;
    QTest::newRow("parent gone") << QSize() << 1 << 1000;
}

void TestConversationLineage::editLayout()
{
    QFETCH(QSize, parentPixels);
    QFETCH(int, results);
    QFETCH(int, width);

    const ImageAsset parent = finalImage(QStringLiteral("ig_parent"), m_parentPath, parentPixels);
    const bool found = parentPixels.isValid();
    Turn turn = finishedTurn(QStringLiteral("edit"), QStringLiteral("Stormier"),
                             QStringLiteral("Here it is."));
    turn.editOf = { QStringLiteral("parent"), QStringLiteral("ig_parent") };
    for (int i = 0; i < results; ++i)
        turn.images << finalImage(QStringLiteral("ig%1").arg(i), m_resultPath, QSize(1536, 1024));
    const QFont font = QApplication::font();
    const ImageAsset *given = found ? &parent : nullptr;
    const TurnLayout layout(turn, width, font, TurnLayout::Measure::Exact, given);
    const TurnLayout estimate(turn, width, font, TurnLayout::Measure::Estimate, given);

    QCOMPARE(layout.parentState(), found ? TurnLayout::Parent::Found : TurnLayout::Parent::Missing);
    const QRect column = layout.columnRect();
    const QRect tile = layout.parentTileRect();
    QVERIFY(column.contains(tile));
    QCOMPARE(tile.left(), column.left());
    QVERIFY(tile.width() <= TurnLayout::maxParentSide
            && tile.height() <= TurnLayout::maxParentSide);
    if (found) // the parent's own shape, before any pixel is decoded
        QVERIFY(
            std::abs(tile.width() * parentPixels.height() - tile.height() * parentPixels.width())
            <= std::max(parentPixels.width(), parentPixels.height()));
    // The label under the tile, the arrow between the tile and the results.
    QVERIFY(layout.parentLabelRect().top() > tile.bottom());
    QVERIFY(layout.arrowRect().left() > tile.right());
    QCOMPARE(layout.images().size(), results);
    for (const TurnLayout::ImageSlot &slot : layout.images()) {
        QVERIFY(column.contains(slot.rect));
        QVERIFY(slot.rect.left() > layout.arrowRect().right()); // beside the original
        QVERIFY(tile.width() <= slot.rect.width() * TurnLayout::parentSharePercent / 100 + 1
                || tile.width() == TurnLayout::minParentWidth);
    }
    QCOMPARE(layout.images().first().rect.top(), tile.top());
    QVERIFY(layout.usageRect().top() > layout.parentLabelRect().bottom());

    QVERIFY(layout.parentTileAt(tile.center()));
    QVERIFY(!layout.parentTileAt(layout.arrowRect().center()));
    QCOMPARE(layout.imageIndexAt(tile.center()), -1);
    QCOMPARE(layout.imageIndexAt(layout.images().first().rect.center()), 0);

    // The estimate has the same geometry: only text heights are guessed.
    QCOMPARE(estimate.parentTileRect(), tile);
    QCOMPARE(estimate.images().first().rect, layout.images().first().rect);
    QCOMPARE(estimate.size(), layout.size());
    // A cached layout knows when its parent changed or left.
    QVERIFY(layout.hasParent(given));
    QCOMPARE(layout.hasParent(nullptr), !found);
    ImageAsset other = parent;
    other.pixelSize = QSize(512, 512);
    QVERIFY(!layout.hasParent(&other));

    // A turn that edits nothing has no Original, whatever it is given.
    Turn plain = turn;
    plain.editOf = {};
    const TurnLayout plainLayout(plain, width, font, TurnLayout::Measure::Exact, &parent);
    QCOMPARE(plainLayout.parentState(), TurnLayout::Parent::None);
    QVERIFY(plainLayout.parentTileRect().isNull());
    QCOMPARE(plainLayout.images().first().rect.left(), column.left());
}

void TestConversationLineage::exactAndEstimateAgreeInTheDelegate()
{
    ConversationModel model;
    QList<Turn> turns = lineageConversation(0);
    Turn branch = turns.last(); // a second edit of the same parent: a branch
    branch.id = QStringLiteral("branch");
    branch.attachments.clear();
    branch.maskPath.clear();
    Turn orphan = turns.last();
    orphan.id = QStringLiteral("orphan");
    orphan.editOf = { QStringLiteral("deleted"), QStringLiteral("ig_x") };
    turns << branch << orphan;
    model.setTurns(turns);
    TurnDelegate delegate;
    delegate.setLayoutWidth(1000);
    const QFont font = QApplication::font();
    for (int row = 1; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        QVERIFY(!delegate.hasLayout(index, font));
        const int estimates = delegate.estimateCount();
        const QSize estimated = delegate.sizeFor(index, font);
        QCOMPARE(delegate.estimateCount(), estimates + 1);
        const TurnLayout layout = delegate.layoutFor(index, font);
        QCOMPARE(layout.parentState(),
                 row == 3 ? TurnLayout::Parent::Missing : TurnLayout::Parent::Found);
        QVERIFY(!layout.parentTileRect().isNull());
        QCOMPARE(estimated, layout.size());
        QCOMPARE(delegate.sizeFor(index, font), layout.size());
    }
    // The parent was found in the model, with its own pixel size.
    QCOMPARE(delegate.layoutFor(model.index(1), font).parentImage().filePath, m_parentPath);

    // The parent leaves the conversation: the cached layouts of its edits are stale.
    model.setTurns(turns.mid(1));
    QCOMPARE(delegate.layoutFor(model.index(0), font).parentState(), TurnLayout::Parent::Missing);
}

void TestConversationLineage::rowsKeepTheirHeightWhenPixelsArrive()
{
    ConversationModel model;
    model.setTurns(lineageConversation(0));
    ImageCache cache;
    QSemaphore release;
    cache.setDecodeHook([&release](const QString &) { release.acquire(); });
    // A failed check must not leave the decodes (and the cache's destructor) waiting forever.
    const auto unblock = qScopeGuard([&release] { release.release(100); });
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    ConversationView view;
    view.setImageCache(&cache);
    view.setModel(&model);
    showAndWait(view, QSize(1000, 1600));

    const QModelIndex edit = model.index(1);
    // The parent's image, the result, the Original tile and two thumbnails (the result shares the
    // file with nothing else, but each size is one decode).
    QTRY_COMPARE_WITH_TIMEOUT(cache.pendingCount(), 5, 2000);
    QCOMPARE(ready.size(), 0);
    const int scroll = view.verticalScrollBar()->value();
    const QRect rowBefore = view.visualRect(edit).translated(0, scroll);
    const QRect tileBefore = view.parentTileRect(edit).translated(0, scroll);
    const QRect thumbBefore = view.attachmentRect(edit, 1).translated(0, scroll);
    const QRect resultBefore = view.imageRect(edit, 0).translated(0, scroll);
    QVERIFY(tileBefore.isValid() && thumbBefore.isValid() && resultBefore.isValid());
    QCOMPARE(view.turnDelegate()->laidOutHeight(edit),
             view.turnDelegate()->layoutFor(edit, view.font()).size().height());
    const int layoutsBefore = view.turnDelegate()->layoutCount();

    release.release(100);
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 5, 5000);
    QCoreApplication::processEvents();
    const int scrollAfter = view.verticalScrollBar()->value();
    QCOMPARE(view.visualRect(edit).translated(0, scrollAfter), rowBefore);
    QCOMPARE(view.parentTileRect(edit).translated(0, scrollAfter), tileBefore);
    QCOMPARE(view.attachmentRect(edit, 1).translated(0, scrollAfter), thumbBefore);
    QCOMPARE(view.imageRect(edit, 0).translated(0, scrollAfter), resultBefore);
    QCOMPARE(view.turnDelegate()->layoutCount(), layoutsBefore);
}

void TestConversationLineage::thumbnailsAndOriginalPaintTheirPixels()
{
    ConversationModel model;
    model.setTurns(lineageConversation(0));
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 1600));
    const QModelIndex edit = model.index(1);
    const QPoint red0 = view.attachmentRect(edit, 0).center();
    const QPoint blue1 = view.attachmentRect(edit, 1).center();
    const QRect tile = view.parentTileRect(edit);
    const QPoint tileCentre = tile.center();
    QVERIFY(view.viewport()->rect().contains(view.attachmentRect(edit, 0)));
    QVERIFY(view.viewport()->rect().contains(tile));

    QTRY_VERIFY_WITH_TIMEOUT(near(pixelAt(view, red0), red), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(near(pixelAt(view, blue1), blue), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(near(pixelAt(view, tileCentre), green), 5000);
    // A portrait picture fills its square tile (cropped), corner to corner at mid-height.
    const QRect blueRect = view.attachmentRect(edit, 1);
    QVERIFY(near(pixelAt(view, QPoint(blueRect.left() + 3, blueRect.center().y())), blue));
    // The result is right of the Original, past the arrow.
    QTRY_VERIFY_WITH_TIMEOUT(near(pixelAt(view, view.imageRect(edit, 0).center()), amber), 5000);
    // Between the tile and the result: neither picture.
    const QColor gap = pixelAt(view, QPoint(tile.right() + 3, tile.top() + 4));
    QVERIFY(!near(gap, green) && !near(gap, amber));
}

void TestConversationLineage::unreadableThumbnailIsANeutralTile()
{
    ConversationModel model;
    Turn turn
        = finishedTurn(QStringLiteral("t"), QStringLiteral("Like this"), QStringLiteral("Done."));
    const QString gone = m_dir.filePath(QStringLiteral("gone.png"));
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.png"));
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\x89PNG\r\n\x1a\nthis is not a picture");
    file.close();
    turn.attachments << Attachment { gone, QStringLiteral("image/png") }
                     << Attachment { damaged, QStringLiteral("image/png") }
                     << Attachment { m_redPath, QStringLiteral("image/png") };
    model.setTurns({ turn });
    ImageCache cache;
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    ConversationView view;
    view.setImageCache(&cache);
    view.setModel(&model);
    showAndWait(view, QSize(900, 700));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
    QCoreApplication::processEvents();

    const QModelIndex index = model.index(0);
    const TurnLayout layout = view.turnDelegate()->layoutFor(index, view.font());
    for (int i : { 0, 1 }) {
        const QRect rect = view.attachmentRect(index, i);
        QVERIFY(rect.isValid());
        const QColor tile = pixelAt(view, rect.topLeft() + QPoint(6, rect.height() / 2));
        const QColor base = view.palette().color(QPalette::Base);
        // A neutral card: near the background, neither red nor the error tint.
        QVERIFY2(std::abs(tile.lightness() - base.lightness()) < 40, qPrintable(tile.name()));
        QVERIFY(!near(tile, red));
        const QString tip = TurnReferencesPainter::toolTipAt(
            layout, turn, layout.thumbnails().at(i).rect.center(), &cache);
        QVERIFY2(tip.contains(cache.errorFor(turn.attachments.at(i).filePath)), qPrintable(tip));
        QVERIFY(!cache.errorFor(turn.attachments.at(i).filePath).isEmpty());
        QVERIFY(tip.startsWith(QFileInfo(turn.attachments.at(i).filePath).fileName()));
    }
    QCOMPARE(cache.errorFor(gone), QStringLiteral("The image file is missing"));
    QTRY_VERIFY_WITH_TIMEOUT(near(pixelAt(view, view.attachmentRect(index, 2).center()), red),
                             5000);
}

void TestConversationLineage::clickingThumbnailOpensViewer()
{
    ConversationModel model;
    Turn turn = finishedTurn(QStringLiteral("t"), QStringLiteral("Like these"), {});
    const QString gone = m_dir.filePath(QStringLiteral("gone-too.png"));
    turn.attachments << Attachment { m_redPath, QStringLiteral("image/png") }
                     << Attachment { gone, QStringLiteral("image/png") };
    model.setTurns({ turn });
    ImageCache cache;
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    ConversationView view;
    view.setImageCache(&cache);
    view.setModel(&model);
    showAndWait(view, QSize(900, 600));
    QSignalSpy opened(&view, &ConversationView::viewImageRequested);
    const QModelIndex index = model.index(0);

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.attachmentRect(index, 0).center());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).value<ImageAsset>().filePath, m_redPath);
    QCOMPARE(opened.at(0).at(0).value<ImageAsset>().state, ImageAsset::State::Final);

    // A file known to be unreadable has nothing to open; beside the strip opens nothing either.
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.attachmentRect(index, 1).center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.attachmentRect(index, 0).topLeft() - QPoint(3, 0));
    QCOMPARE(opened.size(), 1);
    // Pressed on one thumbnail and released on another: no click.
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, view.attachmentRect(index, 0).center());
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {},
                        view.attachmentRect(index, 0).center() + QPoint(0, 60));
    QCOMPARE(opened.size(), 1);
}

void TestConversationLineage::clickingOriginalScrollsToParent()
{
    ConversationModel model;
    model.setTurns(lineageConversation(40));
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 800));
    QSignalSpy activated(&view, &ConversationView::originalActivated);
    const QModelIndex parent = model.index(0);
    const QModelIndex edit = model.index(model.rowCount() - 1);
    QVERIFY(view.followsBottom());
    QVERIFY(!view.viewport()->rect().intersects(view.visualRect(parent)));
    const QRect tile = view.parentTileRect(edit);
    QVERIFY(view.viewport()->rect().contains(tile.center()));

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, tile.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).value<ImageRef>(),
             (ImageRef { QStringLiteral("parent"), QStringLiteral("ig_parent") }));
    QCoreApplication::processEvents();
    // The parent turn and its image are in view, laid out exactly, and outlined for a moment.
    const QRect viewport = view.viewport()->rect();
    QVERIFY(viewport.intersects(view.visualRect(parent)));
    QVERIFY(viewport.contains(view.imageRect(parent, 0)));
    QVERIFY(view.visualRect(parent).top() >= 0);
    QVERIFY(view.turnDelegate()->hasLayout(parent, view.font()));
    QCOMPARE(laidOutHeight(view, 0),
             view.turnDelegate()->layoutFor(parent, view.font()).size().height());
    QVERIFY(!view.followsBottom());
    QCOMPARE(view.highlightedRow(), parent);
    // The outline shows in the accent colour beside the turn's column, then fades away.
    const QRect column = view.turnDelegate()
                             ->layoutFor(parent, view.font())
                             .columnRect()
                             .translated(view.visualRect(parent).topLeft());
    const QColor outline = pixelAt(view, QPoint(column.left() - 14, column.center().y()));
    const QColor accent = view.palette().color(QPalette::Highlight);
    QVERIFY2(std::abs(outline.hue() - accent.hue()) < 20 && outline.saturation() > 60,
             qPrintable(outline.name()));
    QTRY_VERIFY_WITH_TIMEOUT(!view.highlightedRow().isValid(), 3000);
    QCoreApplication::processEvents();
    const QColor after = pixelAt(view, QPoint(column.left() - 14, column.center().y()));
    QVERIFY2(after.saturation() < 30, qPrintable(after.name()));
}

void TestConversationLineage::deletedParentShowsFallback()
{
    ConversationModel model;
    model.setTurns(lineageConversation(3).mid(1)); // the parent was deleted
    ImageCache cache;
    ConversationView view;
    view.setImageCache(&cache);
    view.setModel(&model);
    showAndWait(view, QSize(1000, 800));
    QSignalSpy activated(&view, &ConversationView::originalActivated);
    const QModelIndex edit = model.index(model.rowCount() - 1);
    const TurnLayout layout = view.turnDelegate()->layoutFor(edit, view.font());
    QCOMPARE(layout.parentState(), TurnLayout::Parent::Missing);
    const QRect tile = view.parentTileRect(edit);
    QVERIFY(view.viewport()->rect().contains(tile));
    // The tile is there, with the note; its tooltip says the same.
    const Turn turn = model.turnAt(edit.row());
    QCOMPARE(
        TurnReferencesPainter::toolTipAt(layout, turn, layout.parentTileRect().center(), &cache),
        QStringLiteral("The image this turn edited is no longer in this conversation."));
    QCOMPARE(TurnReferencesPainter::missingParentText(),
             QStringLiteral("Original no longer in this conversation"));
    QVERIFY(!view.revealImage(turn.editOf));
    const QColor base = view.palette().color(QPalette::Base);
    const QColor card = pixelAt(view, tile.topLeft() + QPoint(5, 5));
    QVERIFY2(std::abs(card.lightness() - base.lightness()) < 40, qPrintable(card.name()));
    // Nothing asked the cache for the parent's file.
    view.viewport()->repaint();
    QVERIFY(!cache.isPending(m_parentPath, tile.size()));
    QVERIFY(cache.cached(m_parentPath, tile.size()).isNull());

    const int scroll = view.verticalScrollBar()->value();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, tile.center());
    QCoreApplication::processEvents();
    QCOMPARE(activated.size(), 0);
    QCOMPARE(view.verticalScrollBar()->value(), scroll);
    QVERIFY(!view.highlightedRow().isValid());
}

void TestConversationLineage::contextMenuEditActions_data()
{
    QTest::addColumn<int>("state"); // ImageAsset::State of the clicked image
    QTest::addColumn<bool>("withFile");
    QTest::addColumn<bool>("offered");

    QTest::newRow("final") << int(ImageAsset::State::Final) << true << true;
    QTest::newRow("preview") << int(ImageAsset::State::Partial) << true << false;
    QTest::newRow("failed") << int(ImageAsset::State::Failed) << false << false;
    QTest::newRow("final without a file") << int(ImageAsset::State::Final) << false << false;
}

void TestConversationLineage::contextMenuEditActions()
{
    QFETCH(int, state);
    QFETCH(bool, withFile);
    QFETCH(bool, offered);

    ConversationModel model;
    QList<Turn> turns = lineageConversation(0);
    ImageAsset &image = turns.last().images.first();
    image.state = ImageAsset::State(state);
    if (!withFile)
        image.filePath.clear();
    model.setTurns(turns);
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 1600));
    QSignalSpy edit(&view, &ConversationView::editImageRequested);
    QSignalSpy masked(&view, &ConversationView::maskedEditRequested);

    const QModelIndex index = model.index(1);
    std::unique_ptr<QMenu> menu(view.createContextMenu(view.imageRect(index, 0).center()));
    QVERIFY(menu);
    QAction *editAction = actionWithText(menu.get(), QStringLiteral("Edit This Image"));
    QAction *maskedAction = actionWithText(menu.get(), QStringLiteral("Edit with Mask…"));
    QCOMPARE(editAction != nullptr, offered);
    QCOMPARE(maskedAction != nullptr, offered);
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("showDetailsAction")));
    if (!offered)
        return;
    // At the top of the image's actions.
    QCOMPARE(menu->actions().at(0), editAction);
    QCOMPARE(menu->actions().at(1), maskedAction);
    QVERIFY(editAction->isEnabled() && maskedAction->isEnabled());

    editAction->trigger();
    QCOMPARE(edit.size(), 1);
    QCOMPARE(masked.size(), 0);
    const ImageRef expected { QStringLiteral("edit"), QStringLiteral("ig_result") };
    QCOMPARE(edit.at(0).at(0).value<ImageRef>(), expected);
    maskedAction->trigger();
    QCOMPARE(masked.size(), 1);
    QCOMPARE(masked.at(0).at(0).value<ImageRef>(), expected);

    // The parent's own image can be edited again (a branch).
    std::unique_ptr<QMenu> parentMenu(
        view.createContextMenu(view.imageRect(model.index(0), 0).center()));
    actionWithText(parentMenu.get(), QStringLiteral("Edit This Image"))->trigger();
    QCOMPARE(edit.size(), 2);
    QCOMPARE(edit.at(1).at(0).value<ImageRef>(),
             (ImageRef { QStringLiteral("parent"), QStringLiteral("ig_parent") }));
    // Over a thumbnail or the Original tile: the turn's menu, no edit actions.
    for (const QRect &rect : { view.attachmentRect(index, 0), view.parentTileRect(index) }) {
        std::unique_ptr<QMenu> other(view.createContextMenu(rect.center()));
        QVERIFY(other);
        QVERIFY(!actionWithText(other.get(), QStringLiteral("Edit This Image")));
        QVERIFY(other->findChild<QAction *>(QStringLiteral("copyPromptAction")));
    }
}

void TestConversationLineage::rendersScreenshot()
{
    // For a person to look at: /tmp/easel-lineage.png.
    ConversationModel model;
    QList<Turn> turns = lineageConversation(0);
    Turn orphan = turns.last();
    orphan.id = QStringLiteral("orphan");
    orphan.prompt = QStringLiteral("And a version of a deleted one");
    orphan.editOf = { QStringLiteral("deleted"), QStringLiteral("ig_x") };
    orphan.maskPath.clear();
    for (int i = 0; i < 7; ++i)
        orphan.attachments << Attachment { i % 2 ? m_bluePath : m_redPath,
                                           QStringLiteral("image/png") };
    turns << orphan;
    model.setTurns(turns);
    ConversationView view;
    QSignalSpy ready(view.imageCache(), &ImageCache::imageReady);
    view.setModel(&model);
    showAndWait(view, QSize(1040, 2000));
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 5, 5000);
    QCoreApplication::processEvents();
    QVERIFY(view.revealImage({ QStringLiteral("parent"), QStringLiteral("ig_parent") }));
    QTest::qWait(100);
    QVERIFY(view.grab().toImage().save(QStringLiteral("/tmp/easel-lineage.png")));
}

QTEST_MAIN(TestConversationLineage)
#include "tst_conversationlineage.moc"
