// Reference images in the Compare window, driven as a designer drives it, offscreen, against the
// loopback fake gateway: added with the button (through the FileDialogs seam) or Ctrl+Shift+A,
// dropped anywhere on the setup panel, removed with ×; every cell's request carrying them as
// input_image data URLs (the Responses route); the note of a scaled image; the refusals said
// before anything is sent; Cancel while they are prepared; a stored run showing its images.
#include "attachmentstrip.h"
#include "chat/providerregistry.h"
#include "comparegrid.h"
#include "comparereferencepicker.h"
#include "comparesetuppanel.h"
#include "comparewindow.h"
#include "fakes/fakegateway.h"
#include "fakes/imagesstream.h"
#include "fakes/testpayloads.h"
#include "filedialogs.h"
#include "store/historystore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "ui/comparewindowtesting.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace {

using TestPayloads::dataUrlBytes;
using TestPayloads::inputImageUrls;

const QString notAnImage
    = QStringLiteral("notes.txt cannot be added: it is not a PNG, JPEG, WebP or GIF image.");

// A finished Responses stream with one 64x48 image: what every cell sent with references gets.
FakeResponse responsesAnswer(QColor colour)
{
    return FakeResponse::sse({ TestPayloads::imageAnswer(
        QStringLiteral("resp_1"), QStringLiteral("ig_1"),
        TestPayloads::pngBytes({ 64, 48 }, colour), QStringLiteral("64x48")) });
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The strip's tiles still on show (a removed one is hidden at once and deleted later).
QList<QWidget *> visibleTiles(QWidget *root)
{
    QList<QWidget *> tiles;
    for (QWidget *tile : root->findChildren<QWidget *>(QStringLiteral("attachmentTile"))) {
        if (!tile->isHidden())
            tiles << tile;
    }
    return tiles;
}

QPoint centreOf(const QWidget *widget)
{
    return { widget->width() / 2, widget->height() / 2 };
}

} // namespace

class TestCompareWindowReferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addedWithTheButtonAndRemoved();
    void droppedAnywhereOnThePanel_data();
    void droppedAnywhereOnThePanel();
    void everyCellSendsTheImages();
    void refusedBeforeAnythingIsSent_data();
    void refusedBeforeAnythingIsSent();
    void damagedFileFailsBeforeSending();
    void cancelWhilePreparingSendsNothing();
    void storedRunShowsItsReferences();
    void storedMaskStaysWithItsImage();

private:
    CompareWindow *makeWindow();
    CompareReferencePicker *picker() const { return m_window->setupPanel()->references(); }
    QString writeImage(const QString &name, QSize size, QColor colour, const char *format);
    QString absolute(const QString &name) const;
    QPushButton *button(const char *name) const;
    QString labelText(const char *name) const;
    void twoCells(); // a quality axis: low and high

    std::unique_ptr<CompareWindowTesting::Fixture> m_fixture;
    std::unique_ptr<CompareWindow> m_window;
};

void TestCompareWindowReferences::initTestCase()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    qunsetenv("EASEL_CUSTOM_BASE_URL");
    qunsetenv("EASEL_CUSTOM_API_KEY");
}

void TestCompareWindowReferences::init()
{
    m_fixture = std::make_unique<CompareWindowTesting::Fixture>();
    m_fixture->start();
    // Without references the cells would take the direct image endpoint: a request there is a
    // cell sent without its images.
    m_fixture->fake.setRoute("/v1/images/generations", TestPayloads::imagesStream(Qt::gray));
    m_fixture->fake.setRoute("/v1/responses", responsesAnswer(Qt::darkCyan));
}

void TestCompareWindowReferences::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

CompareWindow *TestCompareWindowReferences::makeWindow()
{
    ImageParams params;
    params.imageModel = QStringLiteral("gpt-image-1");
    params.size = QStringLiteral("1024x1024");
    params.quality = QStringLiteral("low");
    m_window = CompareWindowTesting::shownWindow(
        m_fixture->dir, m_fixture->registry.get(), m_fixture->settings.get(),
        QStringLiteral("a chair in a sunlit room"), params);
    return m_window.get();
}

QString TestCompareWindowReferences::writeImage(const QString &name, QSize size, QColor colour,
                                                const char *format)
{
    const QString path = m_fixture->dir.filePath(name);
    if (!TestPayloads::writeFile(path, TestPayloads::imageBytes(size, colour, format)))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString TestCompareWindowReferences::absolute(const QString &name) const
{
    return QFileInfo(m_fixture->dir.filePath(name)).absoluteFilePath();
}

QPushButton *TestCompareWindowReferences::button(const char *name) const
{
    return CompareWindowTesting::button(m_window.get(), name);
}

QString TestCompareWindowReferences::labelText(const char *name) const
{
    return CompareWindowTesting::labelText(m_window.get(), name);
}

void TestCompareWindowReferences::twoCells()
{
    m_window->setupPanel()->setAxes({ { CompareAxis::Parameter::Quality, { "low", "high" } } });
    QCOMPARE(m_window->setupPanel()->spec().cellCount(), 2);
}

void TestCompareWindowReferences::addedWithTheButtonAndRemoved()
{
    const QString png = writeImage("sketch.png", { 40, 30 }, Qt::red, "PNG");
    const QString jpeg = writeImage("photo.jpg", { 60, 40 }, Qt::blue, "JPEG");
    QVERIFY(TestPayloads::writeFile(m_fixture->dir.filePath("notes.txt"), "a chair, but warmer"));
    QVERIFY(makeWindow());
    QPushButton *add = button("compareAddReferencesButton");
    QVERIFY(add && add->isVisible() && add->isEnabled());
    QVERIFY(!m_window->findChild<AttachmentStrip *>()->isVisible()); // nothing to show yet

    // A cancelled dialog adds nothing.
    FileDialogs::setNextOpenFileNames({});
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(picker()->files().isEmpty());

    FileDialogs::setNextOpenFileNames({ png, m_fixture->dir.filePath("notes.txt"), jpeg });
    QTest::mouseClick(add, Qt::LeftButton);
    const QStringList both { absolute("sketch.png"), absolute("photo.jpg") };
    QCOMPARE(picker()->files(), both);
    QCOMPARE(m_window->setupPanel()->spec().referenceImages, both);
    QCOMPARE(visibleTiles(m_window.get()).size(), 2);
    QVERIFY(m_window->findChild<AttachmentStrip *>()->isVisible());
    QCOMPARE(labelText("compareReferencesStatus"), notAnImage);
    QCOMPARE(m_window->statusBar()->currentMessage(), notAnImage);
    QVERIFY2(labelText("compareEstimate")
                 .endsWith("Each cell also sends 2 reference image(s): their input tokens are the "
                           "gateway's to count and are not included."),
             qPrintable(labelText("compareEstimate")));

    // × on the first tile removes it; the line about the refused file goes with the change.
    auto *remove = visibleTiles(m_window.get())
                       .constFirst()
                       ->findChild<QToolButton *>(QStringLiteral("removeAttachmentButton"));
    QVERIFY(remove && remove->isVisible());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(picker()->files(), QStringList { absolute("photo.jpg") });
    QCOMPARE(visibleTiles(m_window.get()).size(), 1);
    QVERIFY(!m_window->findChild<QLabel *>("compareReferencesStatus")->isVisible());
    QVERIFY(labelText("compareEstimate").contains("Each cell also sends 1 reference image(s)"));

    // Ctrl+Shift+A in the panel asks too, as in the composer; the prompt gets no letter.
    auto *prompt = m_window->findChild<QPlainTextEdit *>("comparePrompt");
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    prompt->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), prompt);
    FileDialogs::setNextOpenFileNames({ png, jpeg }); // photo.jpg is there already
    QTest::keyClick(prompt, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(picker()->files(), (QStringList { absolute("photo.jpg"), absolute("sketch.png") }));
    QCOMPARE(prompt->toPlainText(), QStringLiteral("a chair in a sunlit room"));
    QCOMPARE(m_fixture->fake.requestCount(), 0);
}

void TestCompareWindowReferences::droppedAnywhereOnThePanel_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("the panel") << "panel";
    QTest::newRow("the prompt's text area") << "promptViewport";
    QTest::newRow("a number field") << "imagesPerCellField";
    QTest::newRow("the panel, beside the strip") << "panelWithStrip";
}

void TestCompareWindowReferences::droppedAnywhereOnThePanel()
{
    QFETCH(QString, target);
    writeImage("chair.png", { 30, 20 }, Qt::red, "PNG");
    writeImage("first.webp", { 20, 20 }, Qt::blue, "WEBP");
    QVERIFY(TestPayloads::writeFile(m_fixture->dir.filePath("notes.txt"), "a chair, but warmer"));
    QVERIFY(makeWindow());
    CompareSetupPanel *panel = m_window->setupPanel();
    auto *prompt = panel->findChild<QPlainTextEdit *>("comparePrompt");
    auto *perCell = panel->findChild<QSpinBox *>("compareImagesPerCell");
    QWidget *widget = panel;
    QStringList expected;
    if (target == QLatin1String("promptViewport")) {
        widget = prompt->viewport();
    } else if (target == QLatin1String("imagesPerCellField")) {
        widget = perCell->findChild<QLineEdit *>();
    } else if (target == QLatin1String("panelWithStrip")) {
        QVERIFY(picker()->addFile(m_fixture->dir.filePath("first.webp")));
        expected << absolute("first.webp");
    }
    QVERIFY(widget && widget->isVisible());
    expected << absolute("chair.png");

    // A file manager's drag: the URLs, and the paths as text, which a text field would type.
    const QList<QUrl> urls { QUrl::fromLocalFile(m_fixture->dir.filePath("chair.png")),
                             QUrl::fromLocalFile(m_fixture->dir.filePath("notes.txt")) };
    const QString text
        = m_fixture->dir.filePath("chair.png") + '\n' + m_fixture->dir.filePath("notes.txt");
    QVERIFY(TestPayloads::dropFiles(widget, centreOf(widget), urls, text));
    QCOMPARE(picker()->files(), expected);
    QCOMPARE(labelText("compareReferencesStatus"), notAnImage);
    QCOMPARE(prompt->toPlainText(), QStringLiteral("a chair in a sunlit room"));
    QCOMPARE(perCell->value(), 1);

    // A drag of text alone is still the prompt's own.
    QMimeData words;
    words.setText(QStringLiteral("warm light"));
    QDragEnterEvent enter(centreOf(prompt->viewport()), Qt::CopyAction, &words, Qt::LeftButton,
                          Qt::NoModifier);
    QApplication::sendEvent(prompt->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QCOMPARE(picker()->files(), expected);
}

void TestCompareWindowReferences::everyCellSendsTheImages()
{
    const QString small = writeImage("sketch.png", { 64, 48 }, Qt::darkBlue, "PNG");
    const QString large = writeImage("chair.jpg", { 3000, 2000 }, Qt::darkRed, "JPEG");
    QVERIFY(makeWindow());
    FileDialogs::setNextOpenFileNames({ small, large });
    QTest::mouseClick(button("compareAddReferencesButton"), Qt::LeftButton);
    QCOMPARE(picker()->files().size(), 2);
    twoCells();

    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    QVERIFY(m_window->run());
    // Read and scaled off the GUI thread before anything is sent; the window says so.
    QVERIFY(m_window->run()->isPreparingReferences());
    QCOMPARE(m_window->run()->runningCount(), 0);
    QCOMPARE(labelText("compareProgress"), QStringLiteral("Preparing reference images…"));
    QCOMPARE(labelText("compareReferencesStatus"), QStringLiteral("Preparing reference images…"));
    // While the run runs, its images stay as they are: no button, no ×, no drop.
    QVERIFY(!button("compareAddReferencesButton")->isEnabled());
    QVERIFY(!visibleTiles(m_window.get())
                 .constFirst()
                 ->findChild<QToolButton *>(QStringLiteral("removeAttachmentButton"))
                 ->isVisible());
    writeImage("late.png", { 20, 20 }, Qt::green, "PNG");
    QVERIFY(!TestPayloads::dropFiles(m_window->setupPanel(), { 10, 10 },
                                     { QUrl::fromLocalFile(m_fixture->dir.filePath("late.png")) }));
    QCOMPARE(picker()->files().size(), 2);
    QVERIFY(finished.wait(30000));

    QCOMPARE(m_window->run()->failedCount(), 0);
    QVERIFY(m_fixture->fake.requestsFor("/v1/images/generations").isEmpty());
    const QList<HttpRequest> sent = m_fixture->fake.requestsFor("/v1/responses");
    QCOMPARE(sent.size(), 2);
    for (const HttpRequest &request : sent) {
        const QStringList urls = inputImageUrls(QJsonDocument::fromJson(request.body).object());
        QCOMPARE(urls.size(), 2);
        QString mimeType;
        QCOMPARE(dataUrlBytes(urls.at(0), &mimeType), readFile(small)); // small: as it is
        QCOMPARE(mimeType, QStringLiteral("image/png"));
        QImage scaled;
        QVERIFY(scaled.loadFromData(dataUrlBytes(urls.at(1), &mimeType)));
        QCOMPARE(mimeType, QStringLiteral("image/jpeg"));
        QCOMPARE(scaled.size(), QSize(2048, 1365)); // gpt-image-1 looks at 2048 pixels at most
    }
    const QString note
        = QStringLiteral("Reference images: chair.jpg scaled from 3000x2000 to 2048x1365.");
    QCOMPARE(labelText("compareReferencesStatus"), note);
    QCOMPARE(m_window->statusBar()->currentMessage(), note);
    QVERIFY2(m_window->progressText().startsWith("2 of 2 done · "),
             qPrintable(m_window->progressText()));
    QVERIFY(button("compareAddReferencesButton")->isEnabled());
}

void TestCompareWindowReferences::refusedBeforeAnythingIsSent_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("runEnabled"); // false: said at once, above Run

    QTest::newRow("more than the provider takes")
        << "limit"
        << "Custom endpoint takes at most 1 reference image(s) per cell; 2 are added. Remove 1 "
           "to run."
        << false;
    QTest::newRow("file gone since it was added")
        << "gone"
        << "Reference image sketch.png cannot be sent: the file does not exist." << true;
    QTest::newRow("no longer an image")
        << "text"
        << "Reference image sketch.png cannot be sent: it is not a PNG, JPEG, WebP or GIF image."
        << true;
    QTest::newRow("a folder in its place")
        << "folder"
        << "Reference image sketch.png cannot be sent: it is not a file." << true;
}

void TestCompareWindowReferences::refusedBeforeAnythingIsSent()
{
    QFETCH(QString, problem);
    QFETCH(QString, message);
    QFETCH(bool, runEnabled);
    if (problem == QLatin1String("limit")) {
        ProviderProfile custom = m_fixture->registry->stored("custom");
        custom.maxInputImages = 1;
        QVERIFY(m_fixture->registry->save(custom));
    }
    const QString sketch = writeImage("sketch.png", { 40, 30 }, Qt::red, "PNG");
    const QString photo = writeImage("photo.png", { 40, 30 }, Qt::blue, "PNG");
    QVERIFY(makeWindow());
    twoCells();
    QVERIFY(picker()->addFile(sketch));
    if (problem == QLatin1String("limit"))
        QVERIFY(picker()->addFile(photo));
    else if (problem == QLatin1String("gone"))
        QVERIFY(QFile::remove(sketch));
    else if (problem == QLatin1String("text"))
        QVERIFY(TestPayloads::writeFile(sketch, "a chair, but warmer"));
    else if (problem == QLatin1String("folder"))
        QVERIFY(QFile::remove(sketch) && QDir().mkdir(sketch));

    QCOMPARE(button("compareRunButton")->isEnabled(), runEnabled);
    QSignalSpy started(m_window.get(), &CompareWindow::runStarted);
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    QVERIFY(!m_window->startRun()); // as the button, and Ctrl+Enter, would
    QCOMPARE(started.count(), 0);
    QVERIFY(!m_window->run());
    if (runEnabled) {
        QCOMPARE(labelText("compareReferencesStatus"), message);
        QCOMPARE(m_window->statusBar()->currentMessage(), message);
    } else {
        QCOMPARE(labelText("compareProblem"), message);
        QVERIFY(m_window->findChild<QLabel *>("compareProblem")->isVisible());
        // Removing the one too many lets it run.
        picker()->removeAt(1);
        QVERIFY(button("compareRunButton")->isEnabled());
        QVERIFY(!m_window->findChild<QLabel *>("compareProblem")->isVisible());
    }
    QTest::qWait(100);
    QCOMPARE(m_fixture->fake.requestCount(), 0);
}

void TestCompareWindowReferences::damagedFileFailsBeforeSending()
{
    // It still starts like a PNG, so only reading it shows the damage: the run prepares the
    // images, finds it, and no cell is sent.
    const QString sketch = writeImage("sketch.png", { 40, 30 }, Qt::red, "PNG");
    QVERIFY(makeWindow());
    twoCells();
    QVERIFY(picker()->addFile(sketch));
    QVERIFY(TestPayloads::writeFile(sketch, QByteArray("\x89PNG\r\n\x1a\n", 8) + "torn off"));
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    const QString error = m_window->run()->references().error;
    QVERIFY2(error.startsWith("sketch.png is damaged"), qPrintable(error));
    QCOMPARE(labelText("compareReferencesStatus"), error);
    QCOMPARE(m_window->statusBar()->currentMessage(), error);
    QCOMPARE(m_window->progressText(), QStringLiteral("Nothing was sent: ") + error);
    for (const CompareRun::Cell &cell : m_window->run()->cells()) {
        QCOMPARE(cell.turn.status, Turn::Status::Failed);
        QCOMPARE(cell.turn.errorMessage, error);
    }
    QTest::qWait(100);
    QCOMPARE(m_fixture->fake.requestCount(), 0);
    QVERIFY(button("compareRunButton")->isEnabled()); // fix the file and run again
}

void TestCompareWindowReferences::cancelWhilePreparingSendsNothing()
{
    const QString large = writeImage("chair.jpg", { 3000, 2000 }, Qt::darkRed, "JPEG");
    QVERIFY(makeWindow());
    twoCells();
    QVERIFY(picker()->addFile(large));
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    CompareRun *run = m_window->run();
    QVERIFY(run);
    QVERIFY(run->isPreparingReferences()); // its end comes through the event loop
    QSignalSpy prepared(run, &CompareRun::referencesPrepared);
    QVERIFY(button("compareCancelButton")->isEnabled());
    QTest::mouseClick(button("compareCancelButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QVERIFY(prepared.wait(20000)); // the images were ready after all: still nothing goes out
    QTest::qWait(200);
    QCOMPARE(m_fixture->fake.requestCount(), 0);
    for (const CompareRun::Cell &cell : run->cells())
        QCOMPARE(cell.turn.status, Turn::Status::Cancelled);
    QVERIFY2(m_window->progressText().startsWith("Cancelled: "),
             qPrintable(m_window->progressText()));
    QVERIFY(!m_window->findChild<QLabel *>("compareReferencesStatus")->isVisible());
    QVERIFY(button("compareRunButton")->isEnabled());
    QVERIFY(button("compareAddReferencesButton")->isEnabled());
}

void TestCompareWindowReferences::storedRunShowsItsReferences()
{
    const QString sketch = writeImage("sketch.png", { 40, 30 }, Qt::red, "PNG");
    const QString photo = writeImage("photo.jpg", { 60, 40 }, Qt::blue, "JPEG");
    HistoryStore store(m_fixture->dir.filePath("history.sqlite"));
    QVERIFY(store.open().result().ok);
    QVERIFY(makeWindow());
    m_window->setHistoryStore(&store);
    twoCells();
    picker()->addFiles({ sketch, photo });
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QVERIFY(m_window->startRun());
    QVERIFY(finished.wait(30000));
    QCOMPARE(m_window->run()->failedCount(), 0);
    const CompareSpec ran = m_window->run()->spec();
    ConversationSummary summary;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<ConversationSummary> all = store.conversations().result();
            if (all.size() != 1)
                return false;
            summary = all.constFirst();
            const QList<Turn> turns = store.turns(summary.id).result();
            return turns.size() == 2
                && std::all_of(turns.cbegin(), turns.cend(),
                               [](const Turn &t) { return t.status == Turn::Status::Done; });
        }(),
        10000);

    // The setup moves on (other images), then the stored run is opened again.
    picker()->setFiles({});
    QVERIFY(visibleTiles(m_window.get()).isEmpty());
    CompareHistory::StoredRun stored;
    QString error;
    QVERIFY2(CompareHistory::fromStored(summary, store.turns(summary.id).result(), &stored, &error),
             qPrintable(error));
    QVERIFY(m_window->showStoredRun(stored));
    const QStringList both { absolute("sketch.png"), absolute("photo.jpg") };
    QCOMPARE(stored.spec.referenceImages, both);
    QCOMPARE(picker()->files(), both);
    QCOMPARE(m_window->setupPanel()->spec(), ran);
    QCOMPARE(visibleTiles(m_window.get()).size(), 2);
    auto *strip = m_window->findChild<AttachmentStrip *>();
    QTRY_VERIFY(strip->isThumbnailReady(0) && strip->isThumbnailReady(1));
    QVERIFY2(!m_window->progressText().contains("the setup has changed"),
             qPrintable(m_window->progressText()));
    m_window.reset(); // before the store
}

void TestCompareWindowReferences::storedMaskStaysWithItsImage()
{
    // A run made with `easel compare --reference photo.png --mask mask.png`, opened again.
    const QString photo = writeImage("photo.png", { 40, 30 }, Qt::red, "PNG");
    const QString other = writeImage("other.png", { 40, 30 }, Qt::blue, "PNG");
    QVERIFY(makeWindow());
    CompareHistory::StoredRun stored;
    stored.conversationId = QStringLiteral("c1");
    stored.spec = m_window->setupPanel()->spec();
    stored.spec.referenceImages = { photo };
    stored.spec.maskPath = m_fixture->dir.filePath("mask.png");
    stored.cells = { Turn() };
    QVERIFY(m_window->showStoredRun(stored));
    QCOMPARE(picker()->files(), QStringList { photo });
    QCOMPARE(picker()->maskPath(), stored.spec.maskPath);
    QCOMPARE(m_window->setupPanel()->spec(), stored.spec);
    auto *badge = m_window->findChild<QLabel *>(QStringLiteral("attachmentMaskBadge"));
    QVERIFY(badge && badge->isVisible());

    // A second image: the mask, which edits one image, goes, and the panel says so.
    QVERIFY(picker()->addFile(other));
    QVERIFY(picker()->maskPath().isEmpty());
    QVERIFY(m_window->setupPanel()->spec().maskPath.isEmpty());
    QCOMPARE(labelText("compareReferencesStatus"),
             QStringLiteral("The mask of photo.png was removed: a mask goes with one reference "
                            "image only."));
    QVERIFY(!badge->isVisible());
    QVERIFY(m_window->setupPanel()->problem().isEmpty());
}

QTEST_MAIN(TestCompareWindowReferences)
#include "tst_comparewindowreferences.moc"
