// How the conversation view shows images that came as links: "Downloading… 1.2 MB of 3.4 MB" with
// a progress bar while they download, and, when the download failed, the reason, the link and a
// Retry button (also in the context menu) that asks for the download again.
#include "chat/conversationmodel.h"
#include "conversationview.h"
#include "turndelegate.h"
#include "turnlayout.h"
#include "viewpalette.h"

#include <QMenu>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString link = QStringLiteral(
    "https://images.openrouter.ai/generated/2026/11/21/ig_tmp_abc123-a-very-long-signed-name.png");

Turn turnWith(const QString &id, const QList<ImageAsset> &images)
{
    Turn turn;
    turn.id = id;
    turn.prompt = QStringLiteral("A lighthouse on a cliff at dusk, warm light");
    turn.text = QStringLiteral("Here is your lighthouse.");
    turn.providerId = QStringLiteral("openrouter");
    turn.chatModel = QStringLiteral("openai/gpt-5-mini");
    turn.requested.size = QStringLiteral("1024x1024");
    turn.status = Turn::Status::Done;
    turn.durationMs = 21000;
    turn.images = images;
    return turn;
}

ImageAsset downloading(qint64 received, qint64 total)
{
    ImageAsset image;
    image.itemId = QStringLiteral("ig_down");
    image.state = ImageAsset::State::Pending;
    image.sourceUrl = link;
    image.downloadedBytes = received;
    image.downloadTotal = total;
    return image;
}

ImageAsset failedLink()
{
    ImageAsset image;
    image.itemId = QStringLiteral("ig_link");
    image.state = ImageAsset::State::Failed;
    image.sourceUrl = link;
    image.error = QStringLiteral(
        "images.openrouter.ai refused the image download (HTTP 404 Not Found). The link may have "
        "expired.");
    return image;
}

ImageAsset failedGeneration()
{
    ImageAsset image;
    image.itemId = QStringLiteral("ig_gen");
    image.state = ImageAsset::State::Failed;
    image.error = QStringLiteral("The image could not be generated: content policy.");
    return image;
}

QList<Turn> conversation()
{
    return { turnWith(QStringLiteral("t-down"), { downloading(1'258'291, 3'565'158) }),
             turnWith(QStringLiteral("t-fail"), { failedLink(), failedGeneration() }) };
}

void showAndWait(ConversationView &view, QSize size)
{
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
}

} // namespace

class TestImageLinkView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void downloadText_data();
    void downloadText();
    void failedLinkCardHasRetryButton();
    void clickingRetryAsksForTheDownload();
    void contextMenuRetry();
    void downloadingShowsProgress();

private:
    ConversationModel m_model;
};

void TestImageLinkView::downloadText_data()
{
    QTest::addColumn<qint64>("received");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("text");
    QTest::newRow("nothing yet") << qint64(-1) << qint64(-1) << "Downloading…";
    QTest::newRow("headers only") << qint64(0) << qint64(3'565'158) << "Downloading…";
    QTest::newRow("size unknown") << qint64(1'258'291) << qint64(-1) << "Downloading… 1.2 MB";
    QTest::newRow("size known") << qint64(1'258'291) << qint64(3'565'158)
                                << "Downloading… 1.2 MB of 3.4 MB";
    QTest::newRow("kilobytes") << qint64(20'480) << qint64(-1) << "Downloading… 20.0 kB";
}

void TestImageLinkView::downloadText()
{
    QFETCH(qint64, received);
    QFETCH(qint64, total);
    QFETCH(QString, text);
    QCOMPARE(TurnLayout::downloadText(downloading(received, total)), text);
}

void TestImageLinkView::failedLinkCardHasRetryButton()
{
    const Turn turn = conversation().at(1);
    const TurnLayout layout(turn, 900, QFont());
    QCOMPARE(layout.images().size(), 2);
    const TurnLayout::ImageSlot linkSlot = layout.images().at(0);
    const TurnLayout::ImageSlot generationSlot = layout.images().at(1);
    QCOMPARE(linkSlot.rect.height(), TurnLayout::failedLinkCardHeight);
    QCOMPARE(generationSlot.rect.height(), TurnLayout::failedCardHeight);
    QVERIFY(!linkSlot.retry.isNull());
    QVERIFY(linkSlot.rect.contains(linkSlot.retry));
    QVERIFY(generationSlot.retry.isNull()); // nothing to download again
    QCOMPARE(layout.retryIndexAt(linkSlot.retry.center()), 0);
    QCOMPARE(layout.retryIndexAt(linkSlot.rect.center() - QPoint(100, 0)), -1);
    QCOMPARE(layout.retryIndexAt(generationSlot.rect.center()), -1);
}

void TestImageLinkView::clickingRetryAsksForTheDownload()
{
    m_model.setTurns(conversation());
    ConversationView view;
    view.setModel(&m_model);
    showAndWait(view, QSize(1000, 1600));
    QSignalSpy retry(&view, &ConversationView::retryImageRequested);

    const QRect button = view.retryRect(m_model.index(1), 0);
    QVERIFY(view.viewport()->rect().contains(button));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, button.center());
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.at(0).at(0).toString(), QStringLiteral("t-fail"));
    QCOMPARE(retry.at(0).at(1).toString(), QStringLiteral("ig_link"));

    // Elsewhere on the card, on the other failed card, on the downloading one: nothing.
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    const QRect card = view.imageRect(m_model.index(1), 0);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, card.bottomLeft() + QPoint(30, -20));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.imageRect(m_model.index(1), 1).center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                      view.imageRect(m_model.index(0), 0).center());
    QCOMPARE(retry.size(), 1);
    QVERIFY(view.retryRect(m_model.index(1), 1).isNull());
    QVERIFY(view.retryRect(m_model.index(0), 0).isNull());

    // Pressed on the button but released elsewhere: no click.
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, button.center());
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, card.center() - QPoint(120, 0));
    QCOMPARE(retry.size(), 1);
}

void TestImageLinkView::contextMenuRetry()
{
    m_model.setTurns(conversation());
    ConversationView view;
    view.setModel(&m_model);
    showAndWait(view, QSize(1000, 1600));
    QSignalSpy retry(&view, &ConversationView::retryImageRequested);

    std::unique_ptr<QMenu> menu(
        view.createContextMenu(view.imageRect(m_model.index(1), 0).center()));
    QVERIFY(menu);
    auto *action = menu->findChild<QAction *>(QStringLiteral("retryDownloadAction"));
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("Retry Download"));
    action->trigger();
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.at(0).at(0).toString(), QStringLiteral("t-fail"));
    QCOMPARE(retry.at(0).at(1).toString(), QStringLiteral("ig_link"));

    for (const QRect &rect :
         { view.imageRect(m_model.index(1), 1), view.imageRect(m_model.index(0), 0) }) {
        std::unique_ptr<QMenu> other(view.createContextMenu(rect.center()));
        QVERIFY(other);
        QVERIFY(!other->findChild<QAction *>(QStringLiteral("retryDownloadAction")));
    }
}

void TestImageLinkView::downloadingShowsProgress()
{
    m_model.setTurns(conversation());
    ConversationView view;
    view.setModel(&m_model);
    showAndWait(view, QSize(1000, 1600));
    const QImage shot = view.grab().toImage();
    QVERIFY(shot.save(QStringLiteral("/tmp/easel-image-links.png")));

    // The progress bar: the accent colour over the first ~35 % of its track, the track after.
    const QRect card = view.imageRect(m_model.index(0), 0).translated(view.viewport()->pos());
    const int y = card.bottom() - 16;
    const int trackLeft = card.left() + 24;
    const int trackWidth = card.width() - 48;
    const qreal ratio = shot.devicePixelRatio();
    const QColor filled = shot.pixelColor(QPoint(trackLeft + trackWidth / 5, y) * ratio);
    const QColor empty = shot.pixelColor(QPoint(trackLeft + trackWidth * 4 / 5, y) * ratio);
    const QColor accent = ViewPalette::accent(view.palette());
    QVERIFY2(qAbs(filled.hue() - accent.hue()) < 12 && filled.saturation() > 60,
             qPrintable(filled.name() + QLatin1Char(' ') + accent.name()));
    QVERIFY2(empty.saturation() < 40, qPrintable(empty.name()));
}

QTEST_MAIN(TestImageLinkView)
#include "tst_imagelinkview.moc"
