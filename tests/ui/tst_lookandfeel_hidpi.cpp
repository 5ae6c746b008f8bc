// Issue #8: correct on high-DPI screens. This test runs with QT_SCALE_FACTOR=2 (set in main()
// before QApplication, which the offscreen platform honours: every window has a device pixel
// ratio of 2) and skips, saying why, where the platform ignores it.
//
// The real main window, against the loopback fake gateway, gets a turn whose image is a
// 1024x1024 "chirped" checkerboard: 1-pixel squares in the top-left corner growing to 64-pixel
// squares in the bottom-right, sent with the same file as a reference image. Then each surface
// that paints it is grabbed at device pixels: the conversation view (the image, 512x512 logical,
// and the reference thumbnail), the image viewer at 100 % ("1"), the library grid's thumbnail,
// the mask editor's canvas and the image pair view.
//
// The measure is the detail of a picture: the mean absolute step, in grey levels, between
// neighbouring device pixels (right and below), inside the image's rect less a margin for the
// rounded corners. Two references are made from the file for the same rect: "device", the image
// scaled smoothly to the rect's size in device pixels (what a decode and paint at device pixels
// gives), and "logical", the image scaled smoothly to the rect's logical size and then up to
// device pixels (what a decode at logical size gives once the screen scales it). A surface passes
// when its detail is nearer the device reference than the logical one. The references must
// differ by a third or more for the rect to tell anything; the chirp sees to that at any scale.
// "100 %" means one image pixel per device pixel (actual pixels), as in image editors.
#include "chat/chatsession.h"
#include "chat/conversationmodel.h"
#include "chat/providerregistry.h"
#include "comparecelldelegate.h"
#include "comparegrid.h"
#include "comparesetuppanel.h"
#include "comparewindow.h"
#include "composer.h"
#include "conversationview.h"
#include "fakes/fakegateway.h"
#include "fakes/testpayloads.h"
#include "imagepairdialog.h"
#include "imagepairview.h"
#include "imageviewer.h"
#include "librarymodel.h"
#include "librarywindow.h"
#include "mainwindow.h"
#include "maskcanvas.h"
#include "maskeditordialog.h"
#include "store/historystore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QJsonObject>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

namespace {

constexpr int side = 1024;

// Square index along one axis: squares grow from 1 to 64 pixels, geometrically.
int squareIndex(int position)
{
    const double growth = std::log(64.0);
    return int(std::floor(side / growth * (1.0 - std::exp(-growth * position / side))));
}

QImage chirpedCheckerboard()
{
    QImage image(side, side, QImage::Format_RGB32);
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const int row = squareIndex(y);
        for (int x = 0; x < side; ++x)
            line[x] = (squareIndex(x) + row) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
    }
    return image;
}

QByteArray pngOf(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray answer(const QByteArray &png)
{
    return TestPayloads::imageAnswer(QStringLiteral("resp_1"), QStringLiteral("ig_1"), png,
                                     QStringLiteral("1024x1024"));
}

// The images endpoint's answer (wire-formats B.4) with `png` as the final image.
FakeResponse imagesAnswer(const QByteArray &png)
{
    const QJsonObject completed { { "size", "1024x1024" },
                                  { "quality", "low" },
                                  { "output_format", "png" },
                                  { "b64_json", QString::fromLatin1(png.toBase64()) },
                                  { "usage",
                                    QJsonObject { { "input_tokens", 12 },
                                                  { "output_tokens", 272 },
                                                  { "total_tokens", 284 } } } };
    return FakeResponse::sse({ TestPayloads::sse("image_generation.completed", completed) });
}

// Mean absolute step between neighbouring pixels (right and below), in grey levels.
double detail(const QImage &picture)
{
    const QImage grey = picture.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0;
    qint64 steps = 0;
    for (int y = 0; y + 1 < grey.height(); ++y) {
        const uchar *line = grey.constScanLine(y);
        const uchar *below = grey.constScanLine(y + 1);
        for (int x = 0; x + 1 < grey.width(); ++x) {
            sum += std::abs(line[x + 1] - line[x]) + std::abs(below[x] - line[x]);
            steps += 2;
        }
    }
    return steps ? sum / double(steps) : 0;
}

struct Detail
{
    double shown = 0;
    double device = 0;
    double logical = 0;
};

// The detail `shot` (a grab at device pixels) shows in `logicalRect`, and the two references.
Detail measure(const QImage &shot, const QRectF &logicalRect, const QImage &source,
               int logicalMargin)
{
    const qreal ratio = shot.devicePixelRatio();
    const QSize devicePixels = (logicalRect.size() * ratio).toSize();
    const QSize logicalPixels = logicalRect.size().toSize();
    const QImage device
        = source.scaled(devicePixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const QImage logical
        = source.scaled(logicalPixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
              .scaled(devicePixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const int margin = qRound(logicalMargin * ratio);
    const QRect inner
        = QRect(QPoint(0, 0), devicePixels).adjusted(margin, margin, -margin, -margin);
    const QPoint topLeft = (logicalRect.topLeft() * ratio).toPoint();
    Detail result;
    result.shown = detail(shot.copy(inner.translated(topLeft)));
    result.device = detail(device.copy(inner));
    result.logical = detail(logical.copy(inner));
    return result;
}

} // namespace

class TestHighDpi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void measureTellsSharpFromBlurred();
    void surfacesPaintAtDevicePixels_data();
    void surfacesPaintAtDevicePixels();

private:
    // The grab of the surface a row names, and the image's rect in it (logical pixels).
    QImage grabSurface(const QString &surface, QRectF *rect, int *margin);

    QImage m_source;
    QString m_sourcePath;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<FakeGateway> m_fake;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestHighDpi::initTestCase()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    m_source = chirpedCheckerboard();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sourcePath = m_dir->filePath(QStringLiteral("chirp.png"));
    QVERIFY(m_source.save(m_sourcePath, "PNG"));
    m_settings = std::make_unique<Settings>(m_dir->filePath("settings.ini"));
    m_fake = std::make_unique<FakeGateway>();
    QVERIFY(m_fake->listen());
    m_fake->enqueue(FakeResponse::sse({ answer(pngOf(m_source)) }));
    m_store = std::make_unique<HistoryStore>(m_dir->filePath("data/history.sqlite"));
    QVERIFY(m_store->open().result().ok);

    ProviderProfile profile = ProviderProfile::builtIn(QStringLiteral("openai"));
    profile.baseUrl = m_fake->url(QStringLiteral("/v1"));
    profile.apiKey = QStringLiteral("test-secret-key");
    ChatSession::Options options;
    options.imageRoot = m_dir->filePath("data/images");
    options.previewRoot = m_dir->filePath("previews");
    m_session = std::make_unique<ChatSession>(profile, options);
    m_session->setHistory(m_store.get());
    m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
    m_window->setHistoryStore(m_store.get());
    m_window->resize(1500, 1100); // room for the 512-pixel image beside the docks
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    qInfo("device pixel ratio %.2f, window %dx%d", m_window->devicePixelRatioF(), m_window->width(),
          m_window->height());
    if (!qFuzzyCompare(m_window->devicePixelRatioF(), 2.0))
        QSKIP(qPrintable(QStringLiteral("the platform \"%1\" ignores QT_SCALE_FACTOR=2 (device "
                                        "pixel ratio %2)")
                             .arg(QGuiApplication::platformName())
                             .arg(m_window->devicePixelRatioF())));

    auto *composer = m_window->findChild<Composer *>();
    QVERIFY(composer);
    QVERIFY(composer->addAttachment(m_sourcePath));
    auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QVERIFY(prompt);
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("a fine checkerboard"));
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(finished.wait(15000), qPrintable(m_window->statusBar()->currentMessage()));
    const Turn &turn = m_session->model()->turnAt(0);
    QVERIFY2(turn.status == Turn::Status::Done, qPrintable(turn.errorMessage));
    QCOMPARE(turn.images.size(), 1);
    QCOMPARE(turn.images.first().pixelSize, QSize(side, side));
    QCOMPARE(turn.attachments.size(), 1);
}

void TestHighDpi::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
    m_store.reset();
    m_fake.reset();
    m_settings.reset();
    m_dir.reset();
}

// The measure itself: the image painted at device pixels passes, the same image drawn from a
// logical-size copy does not.
void TestHighDpi::measureTellsSharpFromBlurred()
{
    const QRectF rect(10, 20, 200, 200);
    QImage sharp(QSize(300, 300) * 2, QImage::Format_RGB32);
    sharp.setDevicePixelRatio(2);
    sharp.fill(Qt::gray);
    QImage blurred = sharp;
    {
        QPainter painter(&sharp);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(
            rect,
            m_source.scaled(QSize(400, 400), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    }
    {
        QPainter painter(&blurred);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(
            rect,
            m_source.scaled(QSize(200, 200), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    }
    const Detail good = measure(sharp, rect, m_source, 4);
    const Detail bad = measure(blurred, rect, m_source, 4);
    qInfo("detail at device pixels %.1f, from a logical-size copy %.1f (references %.1f / %.1f)",
          good.shown, bad.shown, good.device, good.logical);
    QVERIFY(good.device > good.logical * 1.33);
    QVERIFY(good.shown > (good.device + good.logical) / 2);
    QVERIFY(bad.shown < (bad.device + bad.logical) / 2);
}

void TestHighDpi::surfacesPaintAtDevicePixels_data()
{
    QTest::addColumn<QString>("surface");
    QTest::newRow("conversation image") << "conversation image";
    QTest::newRow("conversation reference thumbnail") << "conversation reference thumbnail";
    QTest::newRow("image viewer at 100 %") << "image viewer at 100 %";
    QTest::newRow("library thumbnail") << "library thumbnail";
    QTest::newRow("mask editor canvas") << "mask editor canvas";
    QTest::newRow("image pair view") << "image pair view";
    QTest::newRow("compare cell") << "compare cell";
}

QImage TestHighDpi::grabSurface(const QString &surface, QRectF *rect, int *margin)
{
    const Turn turn = m_session->model()->turnAt(0);
    *margin = 2;
    if (surface.startsWith(QLatin1String("conversation"))) {
        auto *view = m_window->findChild<ConversationView *>();
        const QModelIndex index = view->model()->index(0, 0);
        view->scrollTo(index, QAbstractItemView::PositionAtTop);
        QApplication::processEvents();
        const bool image = surface.endsWith(QLatin1String("image"));
        *rect = image ? view->imageRect(index, 0) : view->attachmentRect(index, 0);
        *margin = image ? 12 : 8; // the rounded corners
        // The image is decoded off the GUI thread: wait until the viewport shows it.
        QImage shot;
        const bool shown = QTest::qWaitFor(
            [&] {
                shot = view->viewport()->grab().toImage();
                return measure(shot, *rect, m_source, *margin).shown > 1.0;
            },
            5000);
        return shown ? shot : QImage();
    }
    if (surface == QLatin1String("image viewer at 100 %")) {
        auto *viewer = new ImageViewer(turn.images.first().filePath, m_window.get());
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        // Large enough for the whole image at 100 %, whatever room the test screen has (the
        // viewer opens no larger than the screen).
        viewer->resize(1000, 760);
        viewer->show();
        if (!QTest::qWaitForWindowExposed(viewer)
            || !QTest::qWaitFor([viewer] { return viewer->isLoaded(); }, 10000))
            return {};
        QTest::keyClick(viewer, Qt::Key_1);
        auto *canvas = viewer->findChild<QWidget *>(QStringLiteral("imageCanvas"));
        // Actual pixels: the image's own size in device pixels, centred.
        const QSizeF shown
            = QSizeF(viewer->imageSize()) * viewer->zoom() / canvas->devicePixelRatioF();
        *rect = QRectF(QPointF((canvas->width() - shown.width()) / 2.0,
                               (canvas->height() - shown.height()) / 2.0),
                       shown);
        qInfo("zoom %.2f, canvas %dx%d", viewer->zoom(), canvas->width(), canvas->height());
        const QImage shot = canvas->grab().toImage();
        viewer->close();
        return shot;
    }
    if (surface == QLatin1String("library thumbnail")) {
        LibraryWindow *library = m_window->libraryWindow();
        m_window->findChild<QAction *>(QStringLiteral("showLibraryAction"))->trigger();
        if (!QTest::qWaitForWindowExposed(library)
            || !QTest::qWaitFor([library] { return library->model()->rowCount() >= 1; }, 10000))
            return {};
        const QRect cell = library->view()->visualRect(library->model()->index(0, 0));
        *rect = QRectF(cell.adjusted(LibraryWindow::cellMargin, LibraryWindow::cellMargin,
                                     -LibraryWindow::cellMargin, -LibraryWindow::cellMargin));
        QImage shot;
        const bool shown = QTest::qWaitFor(
            [&] {
                shot = library->view()->viewport()->grab().toImage();
                return measure(shot, *rect, m_source, *margin).shown > 1.0;
            },
            5000);
        library->close();
        return shown ? shot : QImage();
    }
    if (surface == QLatin1String("mask editor canvas")) {
        auto *dialog
            = new MaskEditorDialog(QImage(turn.images.first().filePath), {}, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog))
            return {};
        auto *canvas = dialog->findChild<MaskCanvas *>();
        *rect = QRectF(canvas->mapFromImage(QPointF(0, 0)),
                       canvas->mapFromImage(QPointF(side, side)));
        qInfo("zoom %.2f, canvas %dx%d", canvas->zoom(), canvas->width(), canvas->height());
        const QImage shot = canvas->grab().toImage();
        dialog->close();
        return shot;
    }
    if (surface == QLatin1String("image pair view")) {
        auto *dialog = new ImagePairDialog(turn, 0, turn, 0, {}, {}, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        auto *view = dialog->findChild<ImagePairView *>();
        auto *pane = view ? view->findChild<QWidget *>(QStringLiteral("paneA")) : nullptr;
        if (!QTest::qWaitForWindowExposed(dialog) || !pane
            || !QTest::qWaitFor([view] { return view->isLoaded(ImagePairView::Side::A); }, 10000))
            return {};
        *rect = view->imageRectInPane(ImagePairView::Side::A);
        qInfo("zoom %.2f, pane %dx%d", view->zoom(), pane->width(), pane->height());
        const QImage shot = pane->grab().toImage();
        dialog->close();
        return shot;
    }
    if (surface == QLatin1String("compare cell")) {
        // A compare window of its own, on a custom endpoint at the fake's images route.
        SecretStore secrets;
        ProviderRegistry registry(m_settings.get(), &secrets);
        ProviderProfile custom = registry.stored(QStringLiteral("custom"));
        custom.baseUrl = m_fake->url(QStringLiteral("/v1"));
        custom.imagesPath = QStringLiteral("images/generations");
        custom.chatModel = QStringLiteral("gpt-5");
        QString error;
        if (!registry.save(custom, &error))
            return {};
        m_fake->setRoute("/v1/images/generations", imagesAnswer(pngOf(m_source)));
        TurnRunner::Context context;
        context.imageRoot = m_dir->filePath("compare/images");
        context.previewRoot = m_dir->filePath("compare/previews");
        CompareWindow compare(context, &registry, m_settings.get());
        ImageParams params;
        params.imageModel = QStringLiteral("gpt-image-1");
        params.size = QStringLiteral("1024x1024");
        compare.prepare(QStringLiteral("a fine checkerboard"), QStringLiteral("custom"),
                        QStringLiteral("gpt-5"), params);
        compare.resize(1400, 1000);
        compare.show();
        if (!QTest::qWaitForWindowExposed(&compare))
            return {};
        compare.setupPanel()->setAxes({ { CompareAxis::Parameter::Quality, { "low", "high" } } });
        QSignalSpy finished(&compare, &CompareWindow::runFinished);
        if (!compare.startRun() || !finished.wait(20000))
            return {};
        auto *grid = compare.findChild<CompareGrid *>();
        auto *delegate = qobject_cast<CompareCellDelegate *>(grid->view()->itemDelegate());
        if (!delegate)
            return {};
        const QRect box = delegate->imageBox(grid->cellRect(0), grid->view()->font());
        const int shownSide = std::min(box.width(), box.height()); // a square image, centred
        *rect = QRectF(QRect(box.center() - QPoint(shownSide / 2, shownSide / 2),
                             QSize(shownSide, shownSide)));
        QImage shot;
        const bool shown = QTest::qWaitFor(
            [&] {
                shot = grid->view()->viewport()->grab().toImage();
                return measure(shot, *rect, m_source, *margin).shown > 1.0;
            },
            5000);
        return shown ? shot : QImage();
    }
    return {};
}

void TestHighDpi::surfacesPaintAtDevicePixels()
{
    QFETCH(QString, surface);
    QRectF rect;
    int margin = 0;
    const QImage shot = grabSurface(surface, &rect, &margin);
    QVERIFY2(!shot.isNull() && !rect.isEmpty(),
             qPrintable(QStringLiteral("%1 could not be shown").arg(surface)));
    QCOMPARE(shot.devicePixelRatio(), 2.0);
    const Detail found = measure(shot, rect, m_source, margin);
    qInfo("%s: rect %.0fx%.0f at %.0f,%.0f: detail %.1f; painted at device pixels %.1f, from a "
          "logical-size copy %.1f",
          qPrintable(surface), rect.width(), rect.height(), rect.x(), rect.y(), found.shown,
          found.device, found.logical);
    QVERIFY2(found.device > found.logical * 1.33,
             qPrintable(QStringLiteral("%1: at %2x%3 the references cannot be told apart")
                            .arg(surface)
                            .arg(rect.width())
                            .arg(rect.height())));
    QVERIFY2(found.shown > (found.device + found.logical) / 2,
             qPrintable(QStringLiteral("%1 is blurred: detail %2, where a paint at device pixels "
                                       "has %3 and one from a logical-size copy %4")
                            .arg(surface)
                            .arg(found.shown, 0, 'f', 1)
                            .arg(found.device, 0, 'f', 1)
                            .arg(found.logical, 0, 'f', 1)));
}

int main(int argc, char *argv[])
{
    // Before QApplication: the offscreen platform then gives every window a ratio of 2.
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestHighDpi test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lookandfeel_hidpi.moc"
