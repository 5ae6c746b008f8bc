#include "chat/conversationmodel.h"
#include "conversationview.h"
#include "image/imagecache.h"
#include "turndelegate.h"
#include "turnlayout.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QLinearGradient>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace {

// A dusk seascape with a lighthouse: recognisable at a glance in the screenshot, and with known
// colours (warm sky on top, dark sea at the bottom) for pixel checks.
QImage paintSeascape(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal w = size.width();
    const qreal h = size.height();
    QLinearGradient sky(0, 0, 0, h * 0.62);
    sky.setColorAt(0.0, QColor(0x2b, 0x1d, 0x4f));
    sky.setColorAt(0.55, QColor(0xd9, 0x5d, 0x5d));
    sky.setColorAt(1.0, QColor(0xf6, 0xb2, 0x6b));
    painter.fillRect(QRectF(0, 0, w, h * 0.62), sky);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xff, 0xe3, 0xa3));
    painter.drawEllipse(QPointF(w * 0.68, h * 0.55), h * 0.09, h * 0.09);
    QLinearGradient sea(0, h * 0.62, 0, h);
    sea.setColorAt(0.0, QColor(0x3a, 0x4a, 0x7a));
    sea.setColorAt(1.0, QColor(0x0f, 0x17, 0x30));
    painter.fillRect(QRectF(0, h * 0.62, w, h * 0.38), sea);
    QPainterPath cliff;
    cliff.moveTo(0, h);
    cliff.lineTo(0, h * 0.58);
    cliff.cubicTo(w * 0.12, h * 0.52, w * 0.22, h * 0.56, w * 0.34, h * 0.66);
    cliff.lineTo(w * 0.42, h);
    painter.setBrush(QColor(0x14, 0x10, 0x1f));
    painter.drawPath(cliff);
    const QRectF tower(w * 0.16, h * 0.30, w * 0.035, h * 0.25);
    painter.setBrush(QColor(0xf2, 0xee, 0xe6));
    painter.drawRect(tower);
    painter.setBrush(QColor(0xc2, 0x3b, 0x3b));
    painter.drawRect(QRectF(tower.left(), tower.top() + tower.height() * 0.35, tower.width(),
                            tower.height() * 0.15));
    painter.setBrush(QColor(255, 240, 190, 120));
    QPolygonF beam;
    beam << QPointF(tower.center().x(), tower.top()) << QPointF(w, h * 0.18)
         << QPointF(w, h * 0.34);
    painter.drawPolygon(beam);
    return image;
}

Turn finishedTurn(const QString &id, const QString &prompt, const QString &text)
{
    Turn turn;
    turn.id = id;
    turn.prompt = prompt;
    turn.text = text;
    turn.providerId = QStringLiteral("openai");
    turn.chatModel = QStringLiteral("gpt-5");
    turn.status = Turn::Status::Done;
    turn.startedAt = QDateTime::currentDateTime().addSecs(-60);
    turn.durationMs = 38200;
    turn.usage.inputTokens = 1889;
    turn.usage.outputTokens = 1434;
    turn.usage.reasoningTokens = 1280;
    turn.cost.usd = 0.0421;
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
    image.byteSize = 2'345'678;
    image.hash = QStringLiteral("9f2c");
    image.report.size = QStringLiteral("%1x%2").arg(pixels.width()).arg(pixels.height());
    return image;
}

int columnWidthFor(const ConversationView &view)
{
    return std::min(view.turnDelegate()->layoutWidth() - 2 * TurnLayout::sideMargin,
                    TurnLayout::maxColumnWidth);
}

// The height a row was laid out with, from where the rows start (visualRect() sizes a row by
// asking the delegate again): up to the next row's top, or to the end of the scroll range.
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

} // namespace

class TestConversationView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageText_data();
    void usageText();
    void statusText_data();
    void statusText();
    void imageDisplaySize_data();
    void imageDisplaySize();
    void imagesGrowOnATallWindow();
    void estimatedHeight_data();
    void estimatedHeight();
    void reservesImageHeightBeforePixelsLoad();
    void dataChangedRelayoutsOnlyThatRow_data();
    void dataChangedRelayoutsOnlyThatRow();
    void changeBesideTheTextKeepsItsLayout();
    void answerShowsAngleBracketsAsText_data();
    void answerShowsAngleBracketsAsText();
    void cutStatusLineShowsWholeOnHover();
    void widthChangeRelayoutsEveryRow();
    void followsBottomWhileAtBottom();
    void staysPutWhenScrolledUp();
    void opensLongConversationLayingOutOnlyWhatIsShown_data();
    void opensLongConversationLayingOutOnlyWhatIsShown();
    void scrollingEndToEndEndsWithExactHeights();
    void visibleRowStaysWhenRowsAboveChange_data();
    void visibleRowStaysWhenRowsAboveChange();
    void readingPlaceComesBack();
    void scrollToLandsOnTurn_data();
    void scrollToLandsOnTurn();
    void imageAtHitTests_data();
    void imageAtHitTests();
    void contextMenuOnImage();
    void contextMenuOnText();
    void rightClickKeepsTheScroll();
    void clickOpensImage();
    void keyboardNavigation();
    void missingImageFileShowsReason();
    void rendersScreenshots();

private:
    QList<Turn> sampleConversation() const;
    // `count` finished turns with one image each and answers of varied kinds and lengths, some of
    // which the height estimate gets wrong (wide letters, tables).
    QList<Turn> longConversation(int count) const;

    QTemporaryDir m_dir;
    QString m_finalPath;
    QString m_partialPath;
};

void TestConversationView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_finalPath = m_dir.filePath(QStringLiteral("final.png"));
    m_partialPath = m_dir.filePath(QStringLiteral("partial.png"));
    const QImage seascape = paintSeascape(QSize(1536, 1024));
    QVERIFY(seascape.save(m_finalPath, "png"));
    // A preview looks like a blurry early version of the final image.
    const QImage preview = seascape.scaled(48, 32, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                               .scaled(1536, 1024, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QVERIFY(preview.save(m_partialPath, "png"));
}

QList<Turn> TestConversationView::sampleConversation() const
{
    Turn first = finishedTurn(
        QStringLiteral("t1"),
        QStringLiteral("A lighthouse on a cliff at dusk, watercolor, wide shot"),
        QStringLiteral("Here is your **lighthouse at dusk**: warm sky, a cool sea, and the beam "
                       "sweeping across the bay.\n\n- Palette: coral, violet, ink blue\n"
                       "- Composition: rule of thirds, low horizon"));
    first.requested.size = QStringLiteral("1536x1024");
    first.requested.quality = QStringLiteral("high");
    first.images << finalImage(QStringLiteral("ig_final"), m_finalPath, QSize(1536, 1024));
    first.usage.hasImageTokens = true;
    first.usage.imageOutputTokens = 196;

    Turn second;
    second.id = QStringLiteral("t2");
    second.prompt = QStringLiteral("Same scene, but stormy, with a ship in distress");
    second.chatModel = QStringLiteral("gpt-5");
    second.status = Turn::Status::Streaming;
    second.startedAt = QDateTime::currentDateTime().addSecs(-12);
    second.text = QStringLiteral("Adding storm clouds and a ship…");
    ImageAsset preview;
    preview.itemId = QStringLiteral("ig_partial");
    preview.state = ImageAsset::State::Partial;
    preview.partialIndex = 1;
    preview.filePath = m_partialPath;
    preview.pixelSize = QSize(1536, 1024);
    second.images << preview;

    Turn third = finishedTurn(QStringLiteral("t3"),
                              QStringLiteral("A close-up of the lantern room, isometric"), {});
    third.status = Turn::Status::Failed;
    third.errorMessage
        = QStringLiteral("The gateway closed the connection before the image was complete.");
    ImageAsset failed;
    failed.itemId = QStringLiteral("ig_failed");
    failed.state = ImageAsset::State::Failed;
    failed.error = QStringLiteral("The image URL answered HTTP 403 (forbidden).");
    third.images << failed;
    third.durationMs = 91000;
    third.usage = {};
    third.cost = {};

    Turn fourth;
    fourth.id = QStringLiteral("t4");
    fourth.prompt = QStringLiteral("Now a tall poster version for the festival");
    fourth.chatModel = QStringLiteral("gpt-5");
    fourth.requested.size = QStringLiteral("1024x1536");
    fourth.status = Turn::Status::Pending;
    fourth.startedAt = QDateTime::currentDateTime().addSecs(-3);
    ImageAsset pending;
    pending.itemId = QStringLiteral("ig_pending");
    fourth.images << pending; // no pixels and no size yet: the requested size reserves the space
    return { first, second, third, fourth };
}

QList<Turn> TestConversationView::longConversation(int count) const
{
    const QSize sizes[] = { QSize(1024, 1024), QSize(1536, 1024), QSize(1024, 1536) };
    const QString answers[] = {
        QStringLiteral("Here it is (%1)."),
        QStringLiteral("Here is variation %1. I kept the cliff's silhouette and moved the light to "
                       "the left so the beam crosses the clouds.\n\nNext, we could try a "
                       "**colder palette** or a wider framing."),
        // Capitals are twice as wide as the average letter: estimated far too short.
        QString(QStringLiteral("WIDE MMMM WWWW %1 ")).repeated(40),
        QStringLiteral("## Notes %1\n\n- one\n- two\n- three\n\n| a | b |\n|---|---|\n| 1 | 2 "
                       "|\n| 3 | 4 |\n\n```\ncode\nmore code\n```"),
    };
    QList<Turn> turns;
    for (int i = 0; i < count; ++i) {
        Turn turn = finishedTurn(QStringLiteral("long%1").arg(i, 4, 10, QLatin1Char('0')),
                                 QStringLiteral("Concept %1: a lighthouse at dusk").arg(i),
                                 answers[i % 4].arg(i));
        const QSize size = sizes[(i / 4) % 3];
        turn.requested.size = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        turn.images << finalImage(QStringLiteral("ig_%1").arg(i), m_finalPath, size);
        turns << turn;
    }
    return turns;
}

void TestConversationView::usageText_data()
{
    QTest::addColumn<Turn>("turn");
    QTest::addColumn<QString>("expected");

    Turn full = finishedTurn(QStringLiteral("a"), QStringLiteral("p"), {});
    full.usage.hasImageTokens = true;
    full.usage.imageOutputTokens = 196;
    full.images << finalImage(QStringLiteral("ig"), QStringLiteral("/x.png"), QSize(10, 10));
    QTest::newRow("full") << full
                          << QStringLiteral("1,889 in + 1,434 out (1,280 reasoning) + 196 image "
                                            "tokens · 1 image · $0.0421 estimated · 38.2 s");

    Turn cached = finishedTurn(QStringLiteral("b"), QStringLiteral("p"), {});
    cached.usage = {};
    cached.usage.inputTokens = 1000;
    cached.usage.cachedInputTokens = 800;
    cached.usage.outputTokens = 10;
    cached.cost = {};
    cached.durationMs = -1;
    QTest::newRow("cached, cost unknown, no duration")
        << cached << QStringLiteral("1,000 in (800 cached) + 10 out tokens · cost unknown");

    Turn demo = finishedTurn(QStringLiteral("c"), QStringLiteral("p"), {});
    demo.usage = {};
    demo.cost.usd = 0;
    demo.cost.basis = Cost::Basis::Demo;
    demo.durationMs = 125'000;
    demo.images << finalImage(QStringLiteral("i1"), QStringLiteral("/1.png"), QSize(8, 8))
                << finalImage(QStringLiteral("i2"), QStringLiteral("/2.png"), QSize(8, 8));
    QTest::newRow("two images, no tokens")
        << demo << QStringLiteral("2 images · $0.00 demo · 2 min 05 s");

    Turn running = finishedTurn(QStringLiteral("d"), QStringLiteral("p"), {});
    running.status = Turn::Status::Streaming;
    QTest::newRow("running says nothing yet") << running << QString();

    Turn failed = finishedTurn(QStringLiteral("e"), QStringLiteral("p"), {});
    failed.status = Turn::Status::Failed;
    failed.usage = {};
    failed.cost = {};
    QTest::newRow("failed with nothing used") << failed << QString();

    // Found by QA: a turn stopped after its previews said nothing of money, and the total
    // counted it as free.
    Turn stopped = finishedTurn(QStringLiteral("f"), QStringLiteral("p"), {});
    stopped.status = Turn::Status::Cancelled;
    stopped.usage = {};
    stopped.cost = {};
    stopped.durationMs = 4200;
    ImageAsset preview = finalImage(QStringLiteral("ig"), QStringLiteral("/p.png"), QSize(8, 8));
    preview.state = ImageAsset::State::Partial;
    stopped.images << preview;
    QTest::newRow("stopped after a preview")
        << stopped << QStringLiteral("cost unknown (it may be billed) · 4.2 s");
    Turn stoppedEarly = stopped;
    stoppedEarly.images.clear();
    QTest::newRow("stopped before any answer") << stoppedEarly << QString();
}

void TestConversationView::usageText()
{
    QFETCH(Turn, turn);
    QFETCH(QString, expected);
    QCOMPARE(TurnLayout::usageText(turn), expected);
}

void TestConversationView::statusText_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("startedSecondsAgo"); // -1: no start time
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("tone");

    const int progress = int(TurnLayout::Tone::Progress);
    const int error = int(TurnLayout::Tone::Error);
    const int warning = int(TurnLayout::Tone::Warning);
    QTest::newRow("streaming") << int(Turn::Status::Streaming) << 12 << QString()
                               << QStringLiteral("Generating… 12 s") << progress;
    QTest::newRow("long run") << int(Turn::Status::Streaming) << 95 << QString()
                              << QStringLiteral("Generating… 1 min 35 s") << progress;
    QTest::newRow("pending without start") << int(Turn::Status::Pending) << -1 << QString()
                                           << QStringLiteral("Generating…") << progress;
    QTest::newRow("failed") << int(Turn::Status::Failed) << 5
                            << QStringLiteral("The API key was rejected (HTTP 401).")
                            << QStringLiteral("The API key was rejected (HTTP 401).") << error;
    QTest::newRow("failed, no message") << int(Turn::Status::Failed) << 5 << QString()
                                        << QStringLiteral("The request failed") << error;
    // The designer's own Stop is no failure: not in the error colour (found by QA).
    QTest::newRow("cancelled") << int(Turn::Status::Cancelled) << 5 << QString()
                               << QStringLiteral("Stopped") << int(TurnLayout::Tone::Neutral);
    QTest::newRow("interrupted") << int(Turn::Status::Interrupted) << 5 << QString()
                                 << QStringLiteral("Interrupted") << error;
    QTest::newRow("done") << int(Turn::Status::Done) << 5 << QString() << QString() << warning;
    QTest::newRow("done with warning")
        << int(Turn::Status::Done) << 5 << QStringLiteral("One image could not be fetched.")
        << QStringLiteral("One image could not be fetched.") << warning;
}

void TestConversationView::statusText()
{
    QFETCH(int, status);
    QFETCH(int, startedSecondsAgo);
    QFETCH(QString, error);
    QFETCH(QString, expected);
    QFETCH(int, tone);

    const QDateTime now = QDateTime::currentDateTime();
    Turn turn;
    turn.status = Turn::Status(status);
    turn.errorMessage = error;
    if (startedSecondsAgo >= 0)
        turn.startedAt = now.addSecs(-startedSecondsAgo);
    QCOMPARE(TurnLayout::statusText(turn, now), expected);
    QCOMPARE(int(TurnLayout::statusTone(turn)), tone);
}

void TestConversationView::imageDisplaySize_data()
{
    QTest::addColumn<QSize>("pixels");
    QTest::addColumn<QString>("requestedSize");
    QTest::addColumn<int>("maxWidth");
    QTest::addColumn<int>("maxHeight");
    QTest::addColumn<QSize>("expected");

    QTest::newRow("landscape capped by height")
        << QSize(1536, 1024) << QStringLiteral("auto") << 860 << 512 << QSize(768, 512);
    QTest::newRow("portrait") << QSize(1024, 1536) << QStringLiteral("auto") << 860 << 512
                              << QSize(341, 512);
    QTest::newRow("narrow column")
        << QSize(1536, 1024) << QStringLiteral("auto") << 400 << 512 << QSize(400, 266);
    QTest::newRow("small never enlarged")
        << QSize(300, 200) << QStringLiteral("auto") << 860 << 512 << QSize(300, 200);
    QTest::newRow("unknown yet: requested size")
        << QSize() << QStringLiteral("1536x1024") << 860 << 512 << QSize(768, 512);
    QTest::newRow("unknown yet, auto: a square")
        << QSize() << QStringLiteral("auto") << 860 << 512 << QSize(512, 512);
    // A tall window (TurnLayout::imageHeightFor()).
    QTest::newRow("tall window: landscape as wide as the column")
        << QSize(1536, 1024) << QStringLiteral("auto") << 860 << 860 << QSize(860, 573);
    QTest::newRow("tall window: a square as wide as the column")
        << QSize(1024, 1024) << QStringLiteral("auto") << 860 << 860 << QSize(860, 860);
    QTest::newRow("tall window: portrait")
        << QSize(1024, 1536) << QStringLiteral("auto") << 860 << 720 << QSize(480, 720);
}

void TestConversationView::imageDisplaySize()
{
    QFETCH(QSize, pixels);
    QFETCH(QString, requestedSize);
    QFETCH(int, maxWidth);
    QFETCH(int, maxHeight);
    QFETCH(QSize, expected);

    ImageAsset image;
    image.pixelSize = pixels;
    ImageParams params;
    params.size = requestedSize;
    QCOMPARE(TurnLayout::imageDisplaySize(image, params, maxWidth, maxHeight), expected);
}

// On a tall window (a large monitor) images are shown taller than on a laptop: up to 3/5 of the
// viewport, at most a square as wide as the column (found by QA: 512 pixels on a 27-inch screen).
void TestConversationView::imagesGrowOnATallWindow()
{
    QCOMPARE(TurnLayout::imageHeightFor(700), TurnLayout::maxImageHeight);
    QCOMPARE(TurnLayout::imageHeightFor(1200), 720);
    QCOMPARE(TurnLayout::imageHeightFor(4000), TurnLayout::maxColumnWidth);

    ConversationModel model;
    model.setTurns(sampleConversation().mid(0, 1)); // a 1536x1024 image
    ConversationView view;
    view.setModel(&model);
    QSignalSpy changed(&view, &ConversationView::columnChanged);
    showAndWait(view, QSize(1100, 800));
    const QModelIndex row = model.index(0);
    QCOMPARE(view.imageRect(row, 0).size(), QSize(768, 512)); // a laptop's window: as before
    const int rowHeight = view.visualRect(row).height();
    const QSize decodeBox = view.largestImagePixels();
    changed.clear();

    view.resize(1100, 1500);
    QTRY_COMPARE(view.turnDelegate()->imageHeightLimit(),
                 TurnLayout::imageHeightFor(view.viewport()->height()));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(view.imageRect(row, 0).size(), QSize(860, 573)); // as wide as the column
    QCOMPARE(view.visualRect(row).height(), rowHeight + 61); // laid out again, taller
    QVERIFY(view.largestImagePixels().height() > decodeBox.height());

    view.resize(1100, 800); // and back
    QTRY_COMPARE(view.imageRect(row, 0).size(), QSize(768, 512));
    QCOMPARE(view.visualRect(row).height(), rowHeight);
}

void TestConversationView::estimatedHeight_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("tolerance"); // in lines of text

    QTest::newRow("image only") << QStringLiteral("A lighthouse") << QString() << 1000 << 0;
    QTest::newRow("one line") << QStringLiteral("A lighthouse") << QStringLiteral("Here it is.")
                              << 1000 << 0;
    QTest::newRow("two paragraphs")
        << QStringLiteral("Concept 12: a lighthouse on a basalt cliff at dusk, storm clouds")
        << QStringLiteral("Here is variation 12. I kept the cliff's silhouette and moved the "
                          "light to the left so the beam crosses the clouds.\n\nNext, we could "
                          "try a **colder palette** or a wider framing.")
        << 1000 << 0;
    QTest::newRow("list and heading")
        << QStringLiteral("p")
        << QStringLiteral("## Palette\n\n- coral\n- violet\n- ink blue\n\nThen the sky.") << 1000
        << 1;
    QTest::newRow("long paragraph, narrow")
        << QString(QStringLiteral("A long prompt that wraps. ")).repeated(12)
        << QString(QStringLiteral("word ")).repeated(200) << 520 << 2;
}

void TestConversationView::estimatedHeight()
{
    QFETCH(QString, prompt);
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(int, tolerance);

    Turn turn = finishedTurn(QStringLiteral("e"), prompt, text);
    turn.images << finalImage(QStringLiteral("ig"), m_finalPath, QSize(1536, 1024));
    const QFont font = QApplication::font();
    const TurnLayout exact(turn, width, font);
    const TurnLayout estimate(turn, width, font, TurnLayout::Measure::Estimate);
    QVERIFY(estimate.isEstimate());
    QVERIFY(!estimate.textDocument() && !estimate.promptDocument()); // the cost saved
    // Everything but the text is the same geometry.
    QCOMPARE(estimate.images().size(), 1);
    QCOMPARE(estimate.images().at(0).rect.size(), exact.images().at(0).rect.size());
    QCOMPARE(estimate.usageRect().height(), exact.usageRect().height());
    const int slack = tolerance * QFontMetrics(font).height();
    QVERIFY2(std::abs(estimate.size().height() - exact.size().height()) <= slack,
             qPrintable(QStringLiteral("estimated %1, exact %2")
                            .arg(estimate.size().height())
                            .arg(exact.size().height())));
}

void TestConversationView::reservesImageHeightBeforePixelsLoad()
{
    ConversationModel model;
    model.setTurns(sampleConversation().mid(0, 2)); // the final image and a preview
    ImageCache cache;
    // Hold every decode on its worker thread until the layout before the pixels is measured.
    QSemaphore release;
    cache.setDecodeHook([&release](const QString &) { release.acquire(); });
    QSignalSpy ready(&cache, &ImageCache::imageReady);
    ConversationView view;
    view.setImageCache(&cache);
    view.setModel(&model);
    showAndWait(view, QSize(1000, 1500));

    const QModelIndex row = model.index(0);
    QCOMPARE(cache.decodeCount(), 2); // painting asked for the pixels...
    QCOMPARE(ready.size(), 0); // ...which have not arrived
    const int scroll = view.verticalScrollBar()->value();
    const QRect rowBefore = view.visualRect(row).translated(0, scroll);
    const QRect imageBefore = view.imageRect(row, 0).translated(0, scroll);
    QCOMPARE(imageBefore.size(),
             TurnLayout::imageDisplaySize(model.turnAt(0).images.at(0), model.turnAt(0).requested,
                                          columnWidthFor(view),
                                          view.turnDelegate()->imageHeightLimit()));
    QVERIFY(rowBefore.height() > imageBefore.height());
    const int layoutsBefore = view.turnDelegate()->layoutCount();

    release.release(100);
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 2, 5000); // the final image and the preview
    QCoreApplication::processEvents();

    const int scrollAfter = view.verticalScrollBar()->value();
    QCOMPARE(scrollAfter, scroll);
    QCOMPARE(view.visualRect(row).translated(0, scrollAfter), rowBefore);
    QCOMPARE(view.imageRect(row, 0).translated(0, scrollAfter), imageBefore);
    QCOMPARE(view.turnDelegate()->layoutCount(), layoutsBefore); // no relayout for pixels
    QVERIFY(view.turnDelegate()->takeRowsWaitingFor(m_finalPath).isEmpty()); // row repainted

    // The decoded pixels are now drawn in the reserved rect: the sky, not a grey placeholder.
    view.verticalScrollBar()->setValue(0);
    QCoreApplication::processEvents();
    const QRect imageNow = view.imageRect(row, 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        !cache.cached(m_finalPath, imageNow.size() * view.devicePixelRatio()).isNull(), 5000);
    const QImage shot = view.viewport()->grab().toImage();
    const QPoint skyPoint = imageNow.topLeft() + QPoint(imageNow.width() / 2, 20);
    const QColor sky = shot.pixelColor(skyPoint * shot.devicePixelRatio());
    QVERIFY2(sky.blue() > sky.green() && sky.red() < 120, qPrintable(sky.name()));
}

void TestConversationView::dataChangedRelayoutsOnlyThatRow_data()
{
    QTest::addColumn<QString>("newText");
    QTest::addColumn<bool>("taller");
    QTest::newRow("same height") << QStringLiteral("Adding storm clouds and a ship!") << false;
    QTest::newRow("taller") << QStringLiteral("Adding storm clouds.\n\nThen a ship.\n\nThen rain.")
                            << true;
}

void TestConversationView::dataChangedRelayoutsOnlyThatRow()
{
    QFETCH(QString, newText);
    QFETCH(bool, taller);

    ConversationModel model;
    QList<Turn> turns = sampleConversation();
    for (int i = 0; i < 5; ++i)
        turns << finishedTurn(QStringLiteral("extra%1").arg(i), QStringLiteral("Prompt %1").arg(i),
                              QStringLiteral("Answer %1").arg(i));
    model.setTurns(turns);
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 900));
    TurnDelegate *delegate = view.turnDelegate();
    QVERIFY(delegate->hasLayout(model.index(1), view.font())); // in the margin above the view
    QCOMPARE(delegate->layoutCount(), delegate->cachedLayoutCount()); // each shown turn once

    const int before = delegate->layoutCount();
    const int cached = delegate->cachedLayoutCount();
    const QRect changedBefore = view.visualRect(model.index(1));
    const QRect nextBefore
        = view.visualRect(model.index(2)).translated(0, view.verticalScrollBar()->value());
    Turn streaming = model.turnAt(1);
    streaming.text = newText;
    model.updateTurn(streaming);
    QCoreApplication::processEvents();
    view.viewport()->repaint();

    QCOMPARE(delegate->layoutCount() - before, 1);
    QCOMPARE(delegate->cachedLayoutCount(), cached);
    const QRect changedAfter = view.visualRect(model.index(1));
    QCOMPARE(changedAfter.height() > changedBefore.height(), taller);
    // Rows below moved down by exactly the growth (in content coordinates: the view may follow).
    QCOMPARE(view.visualRect(model.index(2)).top() + view.verticalScrollBar()->value()
                 - nextBefore.top(),
             changedAfter.height() - changedBefore.height());
}

void TestConversationView::changeBesideTheTextKeepsItsLayout()
{
    // A running turn changes its status, usage and images far more often than its text: the
    // answer, shaped once, is not shaped again for them.
    ConversationModel model;
    const QString answer = QString(QStringLiteral("A long answer, shaped once. ")).repeated(400);
    model.setTurns({ finishedTurn(QStringLiteral("t"), QStringLiteral("Prompt"), answer) });
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 900));
    TurnDelegate *delegate = view.turnDelegate();
    const QModelIndex row = model.index(0);
    const TurnLayout first = delegate->layoutFor(row, view.font());
    QVERIFY(first.textDocument());

    const int layouts = delegate->layoutCount();
    Turn turn = model.turnAt(0);
    turn.errorMessage = QStringLiteral("The gateway sent a warning.");
    model.updateTurn(turn);
    QCoreApplication::processEvents();
    view.viewport()->repaint();
    const TurnLayout second = delegate->layoutFor(row, view.font());
    QCOMPARE(delegate->layoutCount(), layouts + 1); // the changed row was laid out again...
    QCOMPARE(second.textDocument(), first.textDocument()); // ...with the same document
    QCOMPARE(second.textRect(), first.textRect());

    turn.text = answer + QStringLiteral("And one more sentence.");
    model.updateTurn(turn);
    QCoreApplication::processEvents();
    const TurnLayout third = delegate->layoutFor(row, view.font());
    QVERIFY(third.textDocument() != first.textDocument());
    QVERIFY(third.textDocument()->toPlainText().endsWith(QStringLiteral("one more sentence.")));
}

// A reply is Markdown, but not HTML: angle brackets in it are shown, and nothing after them is
// lost.
void TestConversationView::answerShowsAngleBracketsAsText_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("shown"); // the document's plain text
    QTest::newRow("a placeholder") << "A <large> cat, 5 < 6, and more."
                                   << "A <large> cat, 5 < 6, and more.";
    QTest::newRow("tags") << "<b>bold</b> & <img src=x> \"q\"\nsecond line"
                          << "<b>bold</b> & <img src=x> \"q\" second line";
    QTest::newRow("a block") << "<div>\nkept\n</div>\n\nafter"
                             << "<div> kept </div>\nafter";
    QTest::newRow("markdown still") << "**bold** and `code`"
                                    << "bold and code";
}

void TestConversationView::answerShowsAngleBracketsAsText()
{
    QFETCH(QString, answer);
    QFETCH(QString, shown);
    ConversationModel model;
    model.setTurns({ finishedTurn(QStringLiteral("t"), QStringLiteral("Prompt"), answer) });
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 900));
    const TurnLayout layout = view.turnDelegate()->layoutFor(model.index(0), view.font());
    QVERIFY(layout.textDocument());
    QCOMPARE(layout.textDocument()->toPlainText(), shown);
}

void TestConversationView::cutStatusLineShowsWholeOnHover()
{
    // Found by QA: a gateway's long refusal was cut at the row's edge, and the part to act on
    // ("You can find your API key at …") could be read only in Show Details.
    Turn failed = finishedTurn(QStringLiteral("f"), QStringLiteral("Prompt"), {});
    failed.status = Turn::Status::Failed;
    failed.errorMessage = QStringLiteral("OpenAI rejected the API key (401): Incorrect API key "
                                         "provided: sk-•••V-99. You can find your API key at "
                                         "https://platform.openai.com/account/api-keys.");
    ConversationModel model;
    model.setTurns({ failed });
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(520, 600));
    const QModelIndex row = model.index(0);
    const TurnLayout layout = view.turnDelegate()->layoutFor(row, view.font());
    QVERIFY(!layout.statusRect().isNull());
    const QPoint at = view.visualRect(row).topLeft() + layout.statusRect().center();
    QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QVERIFY(QCoreApplication::sendEvent(view.viewport(), &help));
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QLatin1String("platform.openai.com/account/api-keys")),
             qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestConversationView::widthChangeRelayoutsEveryRow()
{
    ConversationModel model;
    Turn wordy = finishedTurn(QStringLiteral("w"), QStringLiteral("Wrap me"),
                              QString(QStringLiteral("word ")).repeated(120));
    model.setTurns({ wordy, finishedTurn(QStringLiteral("x"), QStringLiteral("p"), {}) });
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 700));
    const int wide = view.visualRect(model.index(0)).height();
    const int before = view.turnDelegate()->layoutCount();

    view.resize(520, 700);
    QCoreApplication::processEvents();
    QCOMPARE(view.turnDelegate()->layoutCount() - before, model.rowCount());
    QVERIFY(view.visualRect(model.index(0)).height() > wide);
    QCOMPARE(view.visualRect(model.index(0)).height(),
             view.turnDelegate()->layoutFor(model.index(0), view.font()).size().height());
}

void TestConversationView::followsBottomWhileAtBottom()
{
    ConversationModel model;
    QList<Turn> turns;
    for (int i = 0; i < 12; ++i)
        turns << finishedTurn(
            QStringLiteral("f%1").arg(i), QStringLiteral("Prompt %1").arg(i),
            QStringLiteral("A fairly long answer %1.\n\nWith a second paragraph.").arg(i));
    // The newest turn is taller than the view (text and a 512 px image in a 500 px viewport).
    turns.last().images << finalImage(QStringLiteral("ig_tall"), m_finalPath, QSize(1536, 1024));
    model.setTurns(turns);
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(900, 500));
    QScrollBar *bar = view.verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QTRY_VERIFY(view.isAtBottom());
    QVERIFY(view.followsBottom());

    // Clicking a turn taller than the view must not scroll to that turn's top.
    const QModelIndex last = model.index(model.rowCount() - 1);
    QVERIFY(view.visualRect(last).height() > view.viewport()->height());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.visualRect(last).bottomLeft() + QPoint(40, -10));
    QCoreApplication::processEvents();
    QCOMPARE(view.currentIndex(), last);
    QVERIFY(view.isAtBottom());

    const int oldMaximum = bar->maximum();
    model.appendTurn(finishedTurn(QStringLiteral("new"), QStringLiteral("One more"),
                                  QStringLiteral("Coming right up.")));
    QTRY_VERIFY(bar->maximum() > oldMaximum);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // A streaming answer growing at the bottom keeps the view at the bottom.
    const int grownFrom = bar->maximum();
    Turn growing = model.turnAt(model.rowCount() - 1);
    growing.text += QStringLiteral("\n\nMore lines.\n\nAnd more.\n\nAnd more still.");
    model.updateTurn(growing);
    QTRY_VERIFY(bar->maximum() > grownFrom);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view.isAtBottom());
}

void TestConversationView::staysPutWhenScrolledUp()
{
    ConversationModel model;
    QList<Turn> turns;
    for (int i = 0; i < 12; ++i)
        turns << finishedTurn(QStringLiteral("s%1").arg(i), QStringLiteral("Prompt %1").arg(i),
                              QStringLiteral("Answer %1.\n\nSecond paragraph.").arg(i));
    model.setTurns(turns);
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(900, 500));
    QScrollBar *bar = view.verticalScrollBar();
    QTRY_VERIFY(view.isAtBottom());

    bar->setValue(bar->maximum() / 3); // the designer scrolls up to look at an earlier image
    QVERIFY(!view.followsBottom());
    const int position = bar->value();
    const int oldMaximum = bar->maximum();
    model.appendTurn(
        finishedTurn(QStringLiteral("late"), QStringLiteral("Another"), QStringLiteral("Answer.")));
    QTRY_VERIFY(bar->maximum() > oldMaximum);
    QTest::qWait(20);
    QCOMPARE(bar->value(), position);
    QVERIFY(!view.isAtBottom());

    // Back at the bottom, following resumes.
    bar->setValue(bar->maximum());
    QVERIFY(view.followsBottom());
    model.appendTurn(finishedTurn(QStringLiteral("later"), QStringLiteral("And another"),
                                  QStringLiteral("Answer.")));
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TestConversationView::opensLongConversationLayingOutOnlyWhatIsShown_data()
{
    QTest::addColumn<int>("turns");
    QTest::addColumn<QSize>("viewSize");
    QTest::newRow("1,000 turns") << 1000 << QSize(1100, 900);
    QTest::newRow("1,000 turns, small window") << 1000 << QSize(700, 450);
    QTest::newRow("60 turns") << 60 << QSize(1100, 900);
}

void TestConversationView::opensLongConversationLayingOutOnlyWhatIsShown()
{
    QFETCH(int, turns);
    QFETCH(QSize, viewSize);

    ConversationModel model;
    model.setTurns(longConversation(turns));
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, viewSize);
    QTRY_VERIFY(view.isAtBottom());
    view.viewport()->repaint();

    // Rows within a screen of the viewport are laid out, each once; the others are estimated.
    // The shortest turn is taller than 200 px, so three screens hold few of them.
    const TurnDelegate *delegate = view.turnDelegate();
    const int bound = 3 * view.viewport()->height() / 200 + 2;
    QVERIFY2(delegate->layoutCount() <= bound,
             qPrintable(QStringLiteral("%1 layouts").arg(delegate->layoutCount())));
    QCOMPARE(delegate->cachedLayoutCount(), delegate->layoutCount());
    QVERIFY(delegate->estimateCount() >= model.rowCount() - delegate->layoutCount());

    // What is on screen is exact, and the scroll range covers every row.
    const QModelIndex last = model.index(model.rowCount() - 1);
    QVERIFY(delegate->hasLayout(last, view.font()));
    const int lastHeight = delegate->layoutFor(last, view.font()).size().height();
    QCOMPARE(laidOutHeight(view, last.row()), lastHeight);
    QCOMPARE(view.visualRect(last).top() + lastHeight, view.viewport()->height());
    for (int row = model.rowCount() - 2; view.visualRect(model.index(row)).bottom() >= 0; --row)
        QCOMPARE(laidOutHeight(view, row),
                 delegate->layoutFor(model.index(row), view.font()).size().height());
    QVERIFY(view.verticalScrollBar()->maximum() > turns * 200 - view.viewport()->height());
    QVERIFY(!delegate->hasLayout(model.index(0), view.font()));
}

void TestConversationView::scrollingEndToEndEndsWithExactHeights()
{
    ConversationModel model;
    model.setTurns(longConversation(120));
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(900, 700));
    QScrollBar *bar = view.verticalScrollBar();
    QTRY_VERIFY(view.isAtBottom());
    TurnDelegate *delegate = view.turnDelegate();
    QVERIFY(delegate->cachedLayoutCount() < model.rowCount()); // most rows estimated so far

    bar->setValue(0);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);
    QCOMPARE(view.visualRect(model.index(0)).top(), 0);
    QVERIFY(!view.followsBottom());
    int steps = 0;
    while (bar->value() < bar->maximum() && steps < 10000) {
        bar->setValue(bar->value() + bar->pageStep());
        QCoreApplication::processEvents();
        ++steps;
    }
    QVERIFY(view.isAtBottom());

    // Every row was near the viewport once: all heights are exact, and the scroll range is their
    // sum.
    QCOMPARE(delegate->cachedLayoutCount(), model.rowCount());
    QCOMPARE(delegate->layoutCount(), model.rowCount()); // and each was laid out once
    int total = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        QVERIFY(delegate->hasLayout(index, view.font()));
        const int exact = delegate->layoutFor(index, view.font()).size().height();
        QCOMPARE(laidOutHeight(view, row), exact);
        total += exact;
    }
    QCOMPARE(bar->maximum(), total - view.viewport()->height());
    QCOMPARE(view.visualRect(model.index(0)).top(), -bar->value());
}

void TestConversationView::visibleRowStaysWhenRowsAboveChange_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("jump to an estimated row") << QStringLiteral("jump");
    QTest::newRow("window narrower") << QStringLiteral("narrower");
    QTest::newRow("row far above grows") << QStringLiteral("far above grows");
    QTest::newRow("row just above grows") << QStringLiteral("just above grows");
}

void TestConversationView::visibleRowStaysWhenRowsAboveChange()
{
    QFETCH(QString, change);

    ConversationModel model;
    model.setTurns(longConversation(200));
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(900, 700));
    QScrollBar *bar = view.verticalScrollBar();
    QTRY_VERIFY(view.isAtBottom());
    const TurnDelegate *delegate = view.turnDelegate();
    const QFont font = view.font();

    // The designer jumps to row 100, whose position and neighbours are estimated so far: the
    // rows above it in the margin become exact (some much taller than estimated), yet row 100
    // stays at the top of the viewport where the jump put it.
    const QModelIndex row = model.index(100);
    QVERIFY(!delegate->hasLayout(row, font));
    QList<int> estimatedAbove;
    for (int r = 90; r < 100; ++r) {
        QVERIFY(!delegate->hasLayout(model.index(r), font));
        estimatedAbove << laidOutHeight(view, r);
    }
    bar->setValue(bar->value() + view.visualRect(row).top());
    QCoreApplication::processEvents();
    QCOMPARE(view.visualRect(row).top(), 0);
    QVERIFY(!view.followsBottom());
    int corrected = 0;
    for (int r = 90; r < 100; ++r) {
        const QModelIndex above = model.index(r);
        if (view.visualRect(above).bottom() < -view.viewport()->height())
            continue; // beyond the margin: may stay estimated
        QVERIFY(delegate->hasLayout(above, font));
        QCOMPARE(laidOutHeight(view, r), delegate->layoutFor(above, font).size().height());
        if (laidOutHeight(view, r) != estimatedAbove.at(r - 90))
            ++corrected;
    }
    QVERIFY(corrected > 0); // the case is real: estimates above were wrong
    if (change == QStringLiteral("jump"))
        return;

    const int top = view.visualRect(row).top();
    const int valueBefore = bar->value();
    if (change == QStringLiteral("narrower")) {
        view.resize(640, 700); // every row is measured again
        QCoreApplication::processEvents();
    } else {
        const int grown = change == QStringLiteral("far above grows") ? 5 : 99;
        Turn turn = model.turnAt(grown);
        turn.text += QStringLiteral("\n\nA second thought.\n\nAnd a third one, at length.");
        model.updateTurn(turn);
        QCoreApplication::processEvents();
    }
    QCOMPARE(view.visualRect(row).top(), top);
    // What changed above the viewport moved the scroll position instead of the rows shown: a
    // narrower column makes the images above smaller and their text taller.
    if (change == QStringLiteral("narrower"))
        QVERIFY(bar->value() != valueBefore);
    else
        QVERIFY(bar->value() > valueBefore);
    QVERIFY(!view.followsBottom());
}

void TestConversationView::scrollToLandsOnTurn_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("hint");
    // Row 500's height is estimated right, row 502's (wide letters) far too short.
    QTest::newRow("middle, at top") << 500 << int(QAbstractItemView::PositionAtTop);
    QTest::newRow("middle, misestimated, at top") << 502 << int(QAbstractItemView::PositionAtTop);
    QTest::newRow("middle, misestimated, centred")
        << 502 << int(QAbstractItemView::PositionAtCenter);
    QTest::newRow("middle, misestimated, at bottom")
        << 502 << int(QAbstractItemView::PositionAtBottom);
    QTest::newRow("near the start") << 3 << int(QAbstractItemView::PositionAtTop);
    QTest::newRow("first") << 0 << int(QAbstractItemView::PositionAtTop);
    QTest::newRow("middle, ensure visible") << 502 << int(QAbstractItemView::EnsureVisible);
}

void TestConversationView::scrollToLandsOnTurn()
{
    QFETCH(int, row);
    QFETCH(int, hint);

    // As a search hit opens a conversation at a turn (ConversationsDock::scrollToTurn).
    ConversationModel model;
    model.setTurns(longConversation(1000));
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 800));
    const QModelIndex index = model.index(row);
    // Without setCurrentIndex() first, which would already have scrolled (EnsureVisible).
    view.scrollTo(index, QAbstractItemView::ScrollHint(hint));
    QCoreApplication::processEvents();

    const QRect rect = view.visualRect(index);
    const QRect viewport = view.viewport()->rect();
    QVERIFY(view.turnDelegate()->hasLayout(index, view.font()));
    QCOMPARE(laidOutHeight(view, row),
             view.turnDelegate()->layoutFor(index, view.font()).size().height());
    if (hint == QAbstractItemView::PositionAtTop)
        QCOMPARE(rect.top(), 0);
    else if (hint == QAbstractItemView::PositionAtBottom)
        QCOMPARE(rect.top() + laidOutHeight(view, row), viewport.height());
    else if (hint == QAbstractItemView::PositionAtCenter)
        QVERIFY2(std::abs(rect.center().y() - viewport.center().y()) <= 1,
                 qPrintable(
                     QStringLiteral("%1 vs %2").arg(rect.center().y()).arg(viewport.center().y())));
    else
        QVERIFY(viewport.contains(rect) || (rect.top() <= 0 && rect.bottom() >= viewport.bottom()));
    QCOMPARE(view.indexAt(rect.center()), index);
    // Only the rows around the two screens shown were laid out.
    QVERIFY2(view.turnDelegate()->layoutCount() < 40,
             qPrintable(QStringLiteral("%1 layouts").arg(view.turnDelegate()->layoutCount())));
}

// Where a long conversation was read comes back exactly: in the same view after going elsewhere,
// and in a new view of the same turns (the next start). At the end there is nothing to keep.
void TestConversationView::readingPlaceComesBack()
{
    ConversationModel model;
    model.setTurns(longConversation(300));
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 800));
    view.followNewTurn();
    QCoreApplication::processEvents();
    QVERIFY(view.readingPlace().isNull());

    const QModelIndex turn = model.index(120);
    view.scrollTo(turn, QAbstractItemView::PositionAtTop);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 37);
    QCoreApplication::processEvents();
    const ReadingPlace place = view.readingPlace();
    QCOMPARE(place.turnId, model.turnAt(120).id);
    QCOMPARE(place.offset, 37);

    view.followNewTurn();
    QCoreApplication::processEvents();
    QVERIFY(view.restoreReadingPlace(place));
    QCoreApplication::processEvents();
    QCOMPARE(view.visualRect(turn).top(), -37);
    QVERIFY(!view.followsBottom()); // new images or turns do not pull it to the end

    ConversationView next;
    next.setModel(&model);
    showAndWait(next, QSize(1000, 800));
    QVERIFY(next.restoreReadingPlace(place));
    QCoreApplication::processEvents();
    QCOMPARE(next.visualRect(turn).top(), -37);
    QCOMPARE(next.readingPlace().turnId, place.turnId);
    QVERIFY2(next.turnDelegate()->layoutCount() < 40, // only what is around it laid out
             qPrintable(QStringLiteral("%1 layouts").arg(next.turnDelegate()->layoutCount())));

    // A turn no longer there: nothing moves.
    const int before = next.verticalScrollBar()->value();
    QVERIFY(!next.restoreReadingPlace({ QStringLiteral("gone"), 10 }));
    QVERIFY(!next.restoreReadingPlace({}));
    QCOMPARE(next.verticalScrollBar()->value(), before);
}

void TestConversationView::imageAtHitTests_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("itemId");
    QTest::newRow("final") << 0 << QStringLiteral("ig_final");
    QTest::newRow("preview") << 1 << QStringLiteral("ig_partial");
    QTest::newRow("failed") << 2 << QStringLiteral("ig_failed");
    QTest::newRow("pending") << 3 << QStringLiteral("ig_pending");
}

void TestConversationView::imageAtHitTests()
{
    QFETCH(int, row);
    QFETCH(QString, itemId);

    ConversationModel model;
    model.setTurns(sampleConversation());
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 2800)); // everything in view
    const QModelIndex index = model.index(row);
    const QRect rect = view.imageRect(index, 0);
    QVERIFY(rect.isValid());

    for (const QPoint &point : { rect.center(), rect.topLeft(), rect.bottomRight() }) {
        QModelIndex hit;
        const ImageAsset image = view.imageAt(point, &hit);
        QCOMPARE(image.itemId, itemId);
        QCOMPARE(hit, index);
    }
    // Beside the image (in the row, not on the picture), and just above it: nothing.
    QModelIndex hit;
    QVERIFY(view.imageAt(rect.topRight() + QPoint(4, 0), &hit).itemId.isEmpty());
    QVERIFY(!hit.isValid());
    QVERIFY(view.imageAt(rect.topLeft() - QPoint(0, 2)).itemId.isEmpty());
}

// A right-click on an image whose turn starts above the viewport opens the menu where the pointer
// is, without scrolling the turn into view first (QA: the page jumped by up to 250 pixels, so
// the menu then stood over another part of it).
void TestConversationView::rightClickKeepsTheScroll()
{
    ConversationModel model;
    model.setTurns(longConversation(6));
    // The keyboard's focus elsewhere, as in the window (the prompt has it).
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *viewHolder = new ConversationView(&window);
    ConversationView &view = *viewHolder;
    auto *prompt = new QLineEdit(&window);
    layout->addWidget(viewHolder);
    layout->addWidget(prompt);
    view.setModel(&model);
    window.resize(1000, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    prompt->setFocus();
    QApplication::processEvents();
    const QModelIndex row = model.index(3);
    view.scrollTo(row, QAbstractItemView::PositionAtTop);
    QApplication::processEvents();
    const QRect image = view.imageRect(row, 0);
    QVERIFY(image.isValid());
    // The turn's top and its image's first 120 pixels above the viewport.
    QScrollBar *bar = view.verticalScrollBar();
    bar->setValue(bar->value() + image.top() + 120);
    QApplication::processEvents();
    const int scrolled = bar->value();
    const QRect shownImage = view.imageRect(row, 0);
    QVERIFY(shownImage.top() < 0 && shownImage.bottom() > 40);
    QTimer::singleShot(0, [] {
        if (QWidget *menu = QApplication::activePopupWidget())
            menu->close();
    });
    QTest::mouseClick(view.viewport(), Qt::RightButton, {}, QPoint(shownImage.center().x(), 20));
    // QAbstractItemView scrolls to a pressed row once a double-click could no longer come.
    QTest::qWait(QApplication::doubleClickInterval() + 300);
    QCOMPARE(bar->value(), scrolled);
    // Nor does a left click (on the turn's text beside the image).
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      QPoint(view.viewport()->width() - 20, 20));
    QTest::qWait(QApplication::doubleClickInterval() + 300);
    QCOMPARE(bar->value(), scrolled);
}

void TestConversationView::contextMenuOnImage()
{
    ConversationModel model;
    model.setTurns(sampleConversation());
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 2800));
    QSignalSpy save(&view, &ConversationView::saveImageRequested);
    QSignalSpy copy(&view, &ConversationView::copyImageRequested);
    QSignalSpy details(&view, &ConversationView::detailsRequested);

    std::unique_ptr<QMenu> menu(view.createContextMenu(view.imageRect(model.index(0), 0).center()));
    QVERIFY(menu);
    auto *saveAction = menu->findChild<QAction *>(QStringLiteral("saveImageAction"));
    auto *copyAction = menu->findChild<QAction *>(QStringLiteral("copyImageAction"));
    auto *detailsAction = menu->findChild<QAction *>(QStringLiteral("showDetailsAction"));
    QVERIFY(saveAction && copyAction && detailsAction);
    QCOMPARE(saveAction->text(), QStringLiteral("Save As…"));
    QCOMPARE(copyAction->text(), QStringLiteral("Copy Image"));
    QCOMPARE(detailsAction->text(), QStringLiteral("Show Details"));
    QVERIFY(saveAction->isEnabled() && copyAction->isEnabled());
    // The prompt that made the image, from the image itself (found by QA).
    auto *copyPrompt = menu->findChild<QAction *>(QStringLiteral("copyPromptAction"));
    QVERIFY(copyPrompt && copyPrompt->isEnabled());

    saveAction->trigger();
    copyAction->trigger();
    detailsAction->trigger();
    QCOMPARE(save.size(), 1);
    QCOMPARE(save.at(0).at(0).value<ImageAsset>().itemId, QStringLiteral("ig_final"));
    QCOMPARE(save.at(0).at(1).value<Turn>().id, QStringLiteral("t1"));
    QCOMPARE(copy.size(), 1);
    QCOMPARE(copy.at(0).at(0).value<ImageAsset>().filePath, m_finalPath);
    QCOMPARE(details.size(), 1);
    QCOMPARE(details.at(0).at(0).value<Turn>().id, QStringLiteral("t1"));
    QCOMPARE(details.at(0).at(1).value<ImageAsset>().itemId, QStringLiteral("ig_final"));

    // A failed image has nothing to save or copy, but its details still explain it.
    std::unique_ptr<QMenu> failedMenu(
        view.createContextMenu(view.imageRect(model.index(2), 0).center()));
    QVERIFY(failedMenu);
    QVERIFY(!failedMenu->findChild<QAction *>(QStringLiteral("saveImageAction"))->isEnabled());
    QVERIFY(!failedMenu->findChild<QAction *>(QStringLiteral("copyImageAction"))->isEnabled());
    QVERIFY(failedMenu->findChild<QAction *>(QStringLiteral("showDetailsAction"))->isEnabled());
}

void TestConversationView::contextMenuOnText()
{
    ConversationModel model;
    model.setTurns(sampleConversation());
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 2800));
    const QModelIndex index = model.index(0);
    const TurnLayout layout = view.turnDelegate()->layoutFor(index, view.font());
    const QPoint onText = layout.textRect().center() + view.visualRect(index).topLeft();

    std::unique_ptr<QMenu> menu(view.createContextMenu(onText));
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("saveImageAction")));
    auto *copyPrompt = menu->findChild<QAction *>(QStringLiteral("copyPromptAction"));
    QVERIFY(copyPrompt);
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("showDetailsAction")));
    copyPrompt->trigger();
    QCOMPARE(QApplication::clipboard()->text(), model.turnAt(0).prompt);

    // Below the last turn there is no turn to act on.
    const QRect last = view.visualRect(model.index(model.rowCount() - 1));
    QVERIFY(last.bottom() + 20 < view.viewport()->height());
    QVERIFY(!view.createContextMenu(QPoint(20, last.bottom() + 20)));
}

void TestConversationView::clickOpensImage()
{
    ConversationModel model;
    model.setTurns(sampleConversation());
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 2800));
    QSignalSpy viewSpy(&view, &ConversationView::viewImageRequested);
    const QPoint center = view.imageRect(model.index(0), 0).center();

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(viewSpy.size(), 1);
    QCOMPARE(viewSpy.at(0).at(0).value<ImageAsset>().itemId, QStringLiteral("ig_final"));

    // The second click of a double click does not open a second viewer.
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(viewSpy.size(), 1);

    // Clicking the failed card, or the text, opens nothing.
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.imageRect(model.index(2), 0).center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.visualRect(model.index(0)).topLeft() + QPoint(30, 30));
    QCOMPARE(viewSpy.size(), 1);
}

void TestConversationView::keyboardNavigation()
{
    ConversationModel model;
    model.setTurns(sampleConversation());
    ConversationView view;
    view.setModel(&model);
    showAndWait(view, QSize(1000, 900));
    view.setFocus();
    QSignalSpy viewSpy(&view, &ConversationView::viewImageRequested);

    view.setCurrentIndex(model.index(0));
    QVERIFY(!view.turnDelegate()->isFocusVisible()); // no highlight until the keyboard is used
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.currentIndex().row(), 1);
    QVERIFY(view.turnDelegate()->isFocusVisible());
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.currentIndex().row(), 2);
    QTest::keyClick(&view, Qt::Key_Return); // the failed image cannot be opened
    QCOMPARE(viewSpy.size(), 0);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.currentIndex().row(), 0);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(viewSpy.size(), 1);
    QCOMPARE(viewSpy.at(0).at(0).value<ImageAsset>().itemId, QStringLiteral("ig_final"));

    // Moving down to a turn below the fold scrolls it into view.
    view.resize(1000, 300);
    QCoreApplication::processEvents();
    view.verticalScrollBar()->setValue(0);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentIndex().row(), model.rowCount() - 1);
    QVERIFY(view.viewport()->rect().intersects(view.visualRect(view.currentIndex())));
    // A click hides the keyboard highlight again.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(10, 10));
    QVERIFY(!view.turnDelegate()->isFocusVisible());
}

void TestConversationView::missingImageFileShowsReason()
{
    ConversationModel model;
    Turn turn = finishedTurn(QStringLiteral("m"), QStringLiteral("Gone"), {});
    turn.images << finalImage(QStringLiteral("ig_gone"), m_dir.filePath(QStringLiteral("gone.png")),
                              QSize(1024, 1024));
    model.setTurns({ turn });
    ImageCache cache;
    QSignalSpy failed(&cache, &ImageCache::imageFailed);
    ConversationView view;
    view.setImageCache(&cache);
    view.setModel(&model);
    showAndWait(view, QSize(900, 800));
    const QRect reserved = view.imageRect(model.index(0), 0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("The image file is missing"));
    QCoreApplication::processEvents();
    QCOMPARE(view.imageRect(model.index(0), 0), reserved); // the card takes the same place
    // Painting again does not try again.
    view.viewport()->repaint();
    QCOMPARE(cache.decodeCount(), 1);
    // Its menu offers nothing that needs the file, and says why (QA: all were enabled).
    std::unique_ptr<QMenu> menu(view.createContextMenu(reserved.center()));
    QVERIFY(menu);
    QVERIFY(menu->toolTipsVisible());
    for (const char *name :
         { "editImageAction", "maskedEditAction", "saveImageAction", "copyImageAction" }) {
        auto *action = menu->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->isEnabled(), name);
        QCOMPARE(action->toolTip(), QStringLiteral("The image file is missing"));
    }
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("showDetailsAction"))->isEnabled());
    // One image: Save As saves it; "Save All Images of This Turn" is not offered beside it.
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("saveTurnImagesAction")));
}

void TestConversationView::rendersScreenshots()
{
    ConversationModel model;
    model.setTurns(sampleConversation());
    for (const bool dark : { false, true }) {
        ConversationView view;
        if (dark) {
            QPalette palette = view.palette();
            palette.setColor(QPalette::Base, QColor(0x1d, 0x1e, 0x22));
            palette.setColor(QPalette::Window, QColor(0x26, 0x27, 0x2c));
            palette.setColor(QPalette::Text, QColor(0xe4, 0xe4, 0xe7));
            palette.setColor(QPalette::WindowText, QColor(0xe4, 0xe4, 0xe7));
            palette.setColor(QPalette::Highlight, QColor(0x5b, 0x8d, 0xef));
            view.setPalette(palette);
        }
        QSignalSpy ready(view.imageCache(), &ImageCache::imageReady);
        view.setModel(&model);
        showAndWait(view, QSize(1040, 2300));
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 2, 5000);
        // From the first turn: on a window this tall images are shown large, and the whole
        // conversation no longer fits.
        view.verticalScrollBar()->setValue(0);
        QCoreApplication::processEvents();
        const QImage shot = view.grab().toImage();
        const QString path = dark ? QStringLiteral("/tmp/easel-view-dark.png")
                                  : QStringLiteral("/tmp/easel-view.png");
        QVERIFY(shot.save(path));

        // The prompt bubble follows the palette: light on light, dark on dark.
        const TurnLayout layout = view.turnDelegate()->layoutFor(model.index(0), view.font());
        const QPoint inBubble = layout.promptBubbleRect().topLeft() + QPoint(6, 6)
            + view.visualRect(model.index(0)).topLeft() + view.viewport()->pos();
        const QColor bubble = shot.pixelColor(inBubble * shot.devicePixelRatio());
        QVERIFY2(dark ? bubble.lightness() < 110 : bubble.lightness() > 180,
                 qPrintable(bubble.name()));
    }
}

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
