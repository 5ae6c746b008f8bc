// The Compare window driven as a designer drives it, offscreen: axes set up through the combo, the
// chips and the value line; the estimate line against hand-computed figures (resources/
// pricing.json, wire-formats.md B.2); invalid values shown at their row with Run disabled; the
// cost limit asked through the MessageBoxes seam; runs of real cells against the loopback fake
// gateway (a custom provider with the direct image endpoint); Cancel; the cell actions; exports.
#include "chat/chatsession.h"
#include "chat/providerregistry.h"
#include "compare/compareresultscsv.h"
#include "compare/contactsheet.h"
#include "compareaxiseditor.h"
#include "comparegrid.h"
#include "comparegridmodel.h"
#include "comparesetuppanel.h"
#include "comparewindow.h"
#include "conversationlist.h"
#include "conversationlistmodel.h"
#include "conversationsdock.h"
#include "demo/demogateway.h"
#include "fakes/fakegateway.h"
#include "fakes/imagesstream.h"
#include "fakes/testpayloads.h"
#include "filedialogs.h"
#include "image/imagecache.h"
#include "imagepairdialog.h"
#include "imagesaver.h"
#include "imageviewer.h"
#include "mainwindow.h"
#include "messageboxes.h"
#include "parameterpanel.h"
#include "store/historystore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "ui/comparewindowtesting.h"
#include "ui/tabchain.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {

using TestPayloads::imagesStream;

FakeResponse failure()
{
    return FakeResponse::json(
        500, R"({"error":{"message":"The engine caught fire","type":"server_error"}})");
}

} // namespace

class TestCompareWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void estimateLine_data();
    void estimateLine();
    void invalidValueDisablesRun_data();
    void invalidValueDisablesRun();
    void rowsStayPacked();
    void axesAreKeptForTheNextSession();
    void focusOnRunCanBeSeen();
    void tabWalksTheWindowAsShown();
    void gridShowsShapeBeforeRun();
    void limitAsksFirst_data();
    void limitAsksFirst();
    void runSettingsAreTheDesigners();
    void baseSettingsWordedAsThePanel();
    void runFillsEveryCell();
    void newImagesAreDecodedToFitTheLargestCell();
    void failingCellKeepsItsError();
    void cancelStopsWhatIsLeft();
    void cancelledCellKeepsItsImages();
    void doneCellSaysWhatItCost_data();
    void doneCellSaysWhatItCost();
    void cellActions();
    void clickOpensViewerAndTwoCompare();
    void exports();
    void openedFromMainWindowOnTheDemo();
    void keptInHistoryAndShownAgain();
    void storedRunOpensFromTheSidebar();

private:
    CompareWindow *makeWindow();
    CompareAxisEditor *editor(int row) const;
    void pickParameter(int row, const QString &displayName);
    void toggleChip(int row, const QString &value);
    void typeValues(int row, const QString &text);
    QPushButton *button(const char *name) const;
    QString labelText(const char *name) const;
    void runTwoByTwo(); // quality low,high x size 1024x1024,1536x1024, waits for the end

    std::unique_ptr<CompareWindowTesting::Fixture> m_fixture;
    std::unique_ptr<CompareWindow> m_window;
};

void TestCompareWindow::initTestCase()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    qunsetenv("EASEL_CUSTOM_BASE_URL");
    qunsetenv("EASEL_CUSTOM_API_KEY");
}

void TestCompareWindow::init()
{
    m_fixture = std::make_unique<CompareWindowTesting::Fixture>();
    m_fixture->start();
}

void TestCompareWindow::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

CompareWindow *TestCompareWindow::makeWindow()
{
    ImageParams params;
    params.imageModel = QStringLiteral("gpt-image-1");
    params.size = QStringLiteral("1024x1024");
    params.quality = QStringLiteral("auto");
    params.partialImages = 1;
    m_window = CompareWindowTesting::shownWindow(m_fixture->dir, m_fixture->registry.get(),
                                                 m_fixture->settings.get(),
                                                 QStringLiteral("a lighthouse at dusk"), params);
    return m_window.get();
}

CompareAxisEditor *TestCompareWindow::editor(int row) const
{
    return m_window->findChild<CompareAxisEditor *>(QStringLiteral("axisEditor%1").arg(row));
}

void TestCompareWindow::pickParameter(int row, const QString &displayName)
{
    QComboBox *combo = editor(row)->findChild<QComboBox *>("axisParameter");
    QVERIFY(combo);
    QVERIFY(combo->isVisible());
    combo->setFocus();
    // Typing into the same combo again within the keyboard interval would extend its search.
    QTest::qWait(QApplication::keyboardInputInterval() + 50);
    // Keyboard search on a closed combo picks the item and emits activated(), as a user's typing.
    // "No axis" is the first item: Home, since its letters typed one by one would pick it again
    // after the rows below had moved up.
    if (displayName == QLatin1String("No axis")) {
        QTest::keyClick(combo, Qt::Key_Home);
        return; // the row now shows what moved up into it, if anything
    }
    QTest::keyClicks(combo, displayName);
    QCOMPARE(combo->currentText(), displayName);
}

void TestCompareWindow::toggleChip(int row, const QString &value)
{
    QToolButton *chip = editor(row)->chip(value);
    QVERIFY2(chip, qPrintable(value));
    QVERIFY(chip->isVisible());
    QTest::mouseClick(chip, Qt::LeftButton);
}

void TestCompareWindow::typeValues(int row, const QString &text)
{
    QLineEdit *line = editor(row)->findChild<QLineEdit *>("axisValues");
    QVERIFY(line);
    QVERIFY(line->isVisible());
    line->setFocus();
    QTest::keyClick(line, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, text);
}

QPushButton *TestCompareWindow::button(const char *name) const
{
    return CompareWindowTesting::button(m_window.get(), name);
}

QString TestCompareWindow::labelText(const char *name) const
{
    return CompareWindowTesting::labelText(m_window.get(), name);
}

void TestCompareWindow::estimateLine_data()
{
    QTest::addColumn<QString>("axis0");
    QTest::addColumn<QStringList>("toggles0"); // chips clicked after the row's defaults
    QTest::addColumn<QString>("typed0"); // "" leaves the line as it is
    QTest::addColumn<QString>("axis1");
    QTest::addColumn<QStringList>("toggles1");
    QTest::addColumn<QString>("typed1");
    QTest::addColumn<int>("imagesPerCell");
    QTest::addColumn<QString>("expected");

    // gpt-image-1 (the base): low 1024x1024 0.011, high 0.167; low 1536x1024 0.016, high 0.25.
    // 0.011 + 0.167 + 0.016 + 0.25 = 0.444
    QTest::newRow("quality x size")
        << "Quality" << QStringList { "medium" } << ""
        << "Size" << QStringList() << "1024x1024, 1536x1024" << 1
        << "4 images, about $0.44 estimated (chat tokens not included).";
    // low at 1024x1024: gpt-image-1 0.011 + gpt-image-1-mini 0.005 = 0.016
    QTest::newRow("model x quality")
        << "Image model"
        << QStringList { "gpt-image-1.5", "gpt-image-2", "gpt-image-1", "gpt-image-1-mini" } << ""
        << "Quality" << QStringList { "medium", "high" } << "" << 1
        << "2 images, about $0.016 estimated (chat tokens not included).";
    // low, medium, high at three sizes: (0.011 + 0.016 + 0.016) + (0.042 + 0.063 + 0.063)
    // + (0.167 + 0.25 + 0.25) = 0.878; two images per cell: 1.756, above the $1.00 limit.
    QTest::newRow("above the limit")
        << "Quality" << QStringList() << ""
        << "Size" << QStringList() << "1024x1024, 1536x1024, 1024x1536" << 2
        << "18 images, about $1.76 estimated (chat tokens not included). That is above your "
           "limit of $1.00: Run asks first.";
}

void TestCompareWindow::estimateLine()
{
    QFETCH(QString, axis0);
    QFETCH(QStringList, toggles0);
    QFETCH(QString, typed0);
    QFETCH(QString, axis1);
    QFETCH(QStringList, toggles1);
    QFETCH(QString, typed1);
    QFETCH(int, imagesPerCell);
    QFETCH(QString, expected);
    QVERIFY(makeWindow());

    pickParameter(0, axis0);
    for (const QString &chip : toggles0)
        toggleChip(0, chip);
    if (!typed0.isEmpty())
        typeValues(0, typed0);
    QVERIFY(editor(1)->isVisible()); // a row is offered once the first is used
    pickParameter(1, axis1);
    for (const QString &chip : toggles1)
        toggleChip(1, chip);
    if (!typed1.isEmpty())
        typeValues(1, typed1);
    auto *perCell = m_window->findChild<QAbstractSpinBox *>("compareImagesPerCell");
    QVERIFY(perCell);
    perCell->setFocus();
    QTest::keyClick(perCell, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(perCell, QString::number(imagesPerCell));

    QCOMPARE(labelText("compareEstimate"), expected);
    QVERIFY(button("compareRunButton")->isEnabled());
    QCOMPARE(m_fixture->fake.requestCount(), 0); // estimating sends nothing
}

void TestCompareWindow::invalidValueDisablesRun_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("rowProblem"); // under the size row
    QTest::addColumn<QString>("generalProblem"); // above Run

    QTest::newRow("not a size")
        << "1024x1024, 1024x"
        << "\"1024x\" is not a size: write auto or width x height, for example 1536x1024."
        << "";
    QTest::newRow("size the model cannot make") << "1024x1024, 1000x1000"
                                                << ""
                                                << "CELL"; // the spec's own sentence
    QTest::newRow("nothing typed") << ""
                                   << "The size axis has no values."
                                   << "";
}

void TestCompareWindow::invalidValueDisablesRun()
{
    QFETCH(QString, typed);
    QFETCH(QString, rowProblem);
    QFETCH(QString, generalProblem);
    QVERIFY(makeWindow());
    pickParameter(0, "Size");
    QVERIFY(button("compareRunButton")->isEnabled()); // the default sizes are fine
    typeValues(0, typed);

    const CompareSpec spec = m_window->setupPanel()->spec();
    const QString sentence = spec.validate(m_fixture->registry->ids());
    QVERIFY(!sentence.isEmpty());
    QCOMPARE(editor(0)->findChild<QLabel *>("axisProblem")->text(), rowProblem);
    QCOMPARE(editor(0)->findChild<QLabel *>("axisProblem")->isVisible(), !rowProblem.isEmpty());
    if (!rowProblem.isEmpty())
        QCOMPARE(rowProblem, sentence);
    const QLabel *general = m_window->findChild<QLabel *>("compareProblem");
    QCOMPARE(general->isVisible(), !generalProblem.isEmpty());
    if (!generalProblem.isEmpty()) {
        QCOMPARE(general->text(), sentence);
        QVERIFY2(sentence.startsWith("Cell 2 (1000x1000): "), qPrintable(sentence));
    }
    QVERIFY(!button("compareRunButton")->isEnabled());
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    QVERIFY(!m_window->run());
    QCOMPARE(m_fixture->fake.requestCount(), 0);

    // Fixing the value brings Run back.
    typeValues(0, "1024x1024, 1536x1024");
    QVERIFY(button("compareRunButton")->isEnabled());
    QVERIFY(!editor(0)->findChild<QLabel *>("axisProblem")->isVisible());
}

void TestCompareWindow::rowsStayPacked()
{
    QVERIFY(makeWindow());
    QVERIFY(editor(0)->isVisible());
    QVERIFY(!editor(1)->isVisible()); // one empty row at a time
    pickParameter(0, "Quality");
    pickParameter(1, "Size");
    QVERIFY(editor(2)->isVisible());
    // What one row varies cannot be picked in another.
    const QComboBox *third = editor(2)->findChild<QComboBox *>("axisParameter");
    const auto *items = qobject_cast<const QStandardItemModel *>(third->model());
    QVERIFY(items);
    QVERIFY(!items->item(third->findText("Quality"))->isEnabled());
    QVERIFY(items->item(third->findText("Background"))->isEnabled());

    pickParameter(0, "No axis");
    QCOMPARE(editor(0)->parameter(), CompareAxis::Parameter::Size); // moved up: now the columns
    QCOMPARE(editor(0)->axis().values, (QStringList { "1024x1024", "1536x1024" }));
    QVERIFY(!editor(1)->hasAxis());
    QVERIFY(!editor(2)->isVisible());
    QCOMPARE(m_window->setupPanel()->spec().axes.size(), 1);
}

void TestCompareWindow::axesAreKeptForTheNextSession()
{
    // Found by QA: the axes a designer set up were gone at the next start. They come back; the
    // images per cell do not (a new run must not quietly cost ten times more).
    QVERIFY(makeWindow());
    pickParameter(0, "Quality");
    pickParameter(1, "Image model");
    const QList<CompareAxis> chosen = m_window->setupPanel()->spec().axes;
    QCOMPARE(chosen.size(), 2);
    m_window->setupPanel()->setImagesPerCell(4);
    m_window.reset();
    m_fixture->settings->sync();

    Settings reread(m_fixture->dir.filePath("settings.ini")); // as the next start reads it
    QVERIFY(makeWindow());
    QCOMPARE(m_window->setupPanel()->spec().axes, chosen);
    QCOMPARE(editor(0)->parameter(), CompareAxis::Parameter::Quality);
    QCOMPARE(editor(1)->parameter(), CompareAxis::Parameter::ImageModel);
    QCOMPARE(m_window->setupPanel()->spec().imagesPerCell, 1);
    QCOMPARE(m_window->setupPanel()->spec().prompt, QStringLiteral("a lighthouse at dusk"));
    QVERIFY(!reread.value(Settings::compareAxes).isEmpty());

    // Removing them is kept too, and a damaged value sets up no axes rather than failing.
    pickParameter(1, "No axis");
    pickParameter(0, "No axis");
    m_window.reset();
    QCOMPARE(QJsonDocument::fromJson(m_fixture->settings->value(Settings::compareAxes)).array(),
             QJsonArray());
    m_fixture->settings->setValue(Settings::compareAxes, QByteArray("[{\"parameter\": 7}, 3"));
    QVERIFY(makeWindow());
    QVERIFY(m_window->setupPanel()->spec().axes.isEmpty());
}

// Found by QA: Run came before the axes, the setup's scroll area was a stop that drew no focus,
// and Tab walked every cell of the grid.
void TestCompareWindow::tabWalksTheWindowAsShown()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    QVERIFY(makeWindow());
    runTwoByTwo(); // a grid of cells to Tab past
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QString problem;
    const QStringList stops
        = walkTabChain(m_window->findChild<QWidget *>(QStringLiteral("comparePrompt")), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(stops.lastIndexOf(QStringLiteral("axisParameter"))
                 < stops.indexOf(QStringLiteral("compareRunButton")),
             qPrintable(stops.join(u',')));
    QCOMPARE(stops.count(QStringLiteral("compareGridView")), 1);
}

void TestCompareWindow::focusOnRunCanBeSeen()
{
    // Found by QA: Run looked the same with focus as without (a default button's frame), and
    // Space on it started a paid run nobody saw coming.
    QVERIFY(makeWindow());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *run = CompareWindowTesting::button(m_window.get(), "compareRunButton");
    QVERIFY(run && run->isEnabled());
    QVERIFY(!run->isDefault());
    auto *limit = m_window->findChild<QDoubleSpinBox *>(QStringLiteral("compareCostLimit"));
    QVERIFY(limit);
    limit->setFocus();
    QTRY_VERIFY(limit->hasFocus());
    const QImage unfocused = run->grab().toImage();
    for (int press = 0; press < 30 && !run->hasFocus(); ++press) // as a designer gets there
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(run->hasFocus());
    QVERIFY(run->grab().toImage() != unfocused);
}

void TestCompareWindow::gridShowsShapeBeforeRun()
{
    QVERIFY(makeWindow());
    m_window->setupPanel()->setAxes(
        { { CompareAxis::Parameter::Quality, { "low", "high" } },
          { CompareAxis::Parameter::ImageModel,
            { "gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5" } },
          { CompareAxis::Parameter::OutputFormat, { "png", "webp" } } });
    CompareGridModel *model = m_window->grid()->model();
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("high"));
    QCOMPARE(model->headerData(2, Qt::Vertical).toString(), QStringLiteral("gpt-image-1.5"));
    QTabBar *panels = m_window->findChild<QTabBar *>("comparePanels");
    QVERIFY(panels->isVisible());
    QCOMPARE(panels->count(), 2);
    QCOMPARE(panels->tabText(1), QStringLiteral("webp"));
    // The second panel holds cells 6..11: axis 0 fastest, then axis 1, then axis 2.
    panels->setCurrentIndex(1);
    QCOMPARE(model->data(model->index(2, 1), CompareGridModel::CellIndexRole).toInt(),
             1 + 2 * (2 + 3 * 1));
    QCOMPARE(CompareGridModel::Phase(
                 model->data(model->index(0, 0), CompareGridModel::PhaseRole).toInt()),
             CompareGridModel::Phase::NotRun);
    QCOMPARE(labelText("compareAxisLegend"),
             QStringLiteral("Columns: Quality   ·   Rows: Image model   ·   Panels: Format"));
}

void TestCompareWindow::limitAsksFirst_data()
{
    QTest::addColumn<bool>("answer");
    QTest::newRow("no sends nothing") << false;
    QTest::newRow("yes runs") << true;
}

void TestCompareWindow::limitAsksFirst()
{
    QFETCH(bool, answer);
    m_fixture->settings->setValue(Settings::compareCostLimit, 0.10);
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    QVERIFY(makeWindow());
    pickParameter(0, "Quality");
    toggleChip(0, "medium"); // low 0.011 + high 0.167 = 0.178, above 0.10
    QVERIFY(labelText("compareEstimate")
                .endsWith("That is above your limit of $0.10: Run asks first."));

    const int asked = MessageBoxes::questionsAsked();
    MessageBoxes::setNextAnswer(answer);
    QSignalSpy started(m_window.get(), &CompareWindow::runStarted);
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    QCOMPARE(MessageBoxes::questionsAsked(), asked + 1);
    QVERIFY2(MessageBoxes::lastQuestion().contains("about $0.18 estimated"),
             qPrintable(MessageBoxes::lastQuestion()));
    if (!answer) {
        QCOMPARE(started.count(), 0);
        QVERIFY(!m_window->run());
        QTest::qWait(200);
        QCOMPARE(m_fixture->fake.requestCount(), 0);
        return;
    }
    QCOMPARE(started.count(), 1);
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_fixture->fake.requestCount(), 2);
}

void TestCompareWindow::runSettingsAreTheDesigners()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    QVERIFY(makeWindow());
    auto *limit = m_window->findChild<QDoubleSpinBox *>("compareCostLimit");
    auto *atOnce = m_window->findChild<QSpinBox *>("compareConcurrency");
    QVERIFY(limit && atOnce);
    QCOMPARE(limit->value(), 1.00); // the defaults
    QCOMPARE(atOnce->value(), 3);

    pickParameter(0, "Quality");
    toggleChip(0, "medium"); // low 0.011 + high 0.167 = 0.178: under $1.00, nothing asked
    QVERIFY(!labelText("compareEstimate").contains("above your limit"));
    // Lowered in the window: the estimate says so at once, and the setting is kept.
    limit->setValue(0.15);
    QVERIFY2(
        labelText("compareEstimate").endsWith("That is above your limit of $0.15: Run asks first."),
        qPrintable(labelText("compareEstimate")));
    QCOMPARE(m_fixture->settings->value(Settings::compareCostLimit), 0.15);
    atOnce->setValue(1);
    QCOMPARE(m_fixture->settings->value(Settings::compareConcurrency), 1);

    MessageBoxes::setNextAnswer(true);
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    QVERIFY(m_window->run());
    QCOMPARE(m_window->run()->concurrency(), 1);
    QVERIFY(!atOnce->isEnabled()); // a run keeps the pool it started with
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_fixture->fake.maxInFlight(), 1);
    QVERIFY(atOnce->isEnabled());
}

// Found in a QA pass: the base settings read "quality auto · size auto · png" where the
// composer's hint and the Image settings panel say "Auto quality · size Auto" and "PNG".
void TestCompareWindow::baseSettingsWordedAsThePanel()
{
    QVERIFY(makeWindow());
    ImageParams params;
    params.imageModel = QStringLiteral("gpt-image-1.5");
    params.quality = QStringLiteral("auto");
    params.size = QStringLiteral("auto");
    params.outputFormat = QStringLiteral("png");
    m_window->setupPanel()->setBaseParams(params);
    QCOMPARE(labelText("compareBaseSettings"),
             QStringLiteral("Base settings: gpt-image-1.5 · Auto quality · size Auto · PNG"));
    params.quality = QStringLiteral("high");
    params.size = QStringLiteral("1536x1024");
    params.outputFormat = QStringLiteral("webp");
    params.outputCompression = 80;
    params.background = QStringLiteral("transparent");
    m_window->setupPanel()->setBaseParams(params);
    QCOMPARE(labelText("compareBaseSettings"),
             QStringLiteral("Base settings: gpt-image-1.5 · High quality · 1536 × 1024 · WEBP · "
                            "transparent background · compression 80"));
}

void TestCompareWindow::runTwoByTwo()
{
    pickParameter(0, "Quality");
    toggleChip(0, "medium");
    pickParameter(1, "Size");
    QCOMPARE(m_window->setupPanel()->spec().cellCount(), 4);
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    const int asked = MessageBoxes::questionsAsked();
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    QCOMPARE(MessageBoxes::questionsAsked(), asked); // $0.44 is below the $1.00 limit
    QVERIFY(m_window->isRunning());
    QVERIFY(!button("compareRunButton")->isEnabled());
    QVERIFY(button("compareCancelButton")->isEnabled());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.constFirst().constFirst().value<CompareRun *>(), m_window->run());
}

void TestCompareWindow::runFillsEveryCell()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    QVERIFY(makeWindow());
    runTwoByTwo();
    QCOMPARE(m_fixture->fake.requestsFor("/v1/images/generations").size(), 4);
    CompareGridModel *model = m_window->grid()->model();
    for (int cell = 0; cell < 4; ++cell) {
        const QModelIndex index = model->indexOfCell(cell);
        QCOMPARE(CompareGridModel::Phase(index.data(CompareGridModel::PhaseRole).toInt()),
                 CompareGridModel::Phase::Done);
        const QString path = index.data(CompareGridModel::ImagePathRole).toString();
        QVERIFY(QFile::exists(path));
        QVERIFY(!index.data(CompareGridModel::IsPreviewRole).toBool());
        QVERIFY2(index.data().toString().contains(" · "), qPrintable(index.data().toString()));
        QVERIFY(index.data(CompareGridModel::ErrorRole).toString().isEmpty());
    }
    // The quality axis is the columns, the size axis the rows.
    QCOMPARE(model->indexOfCell(3), model->index(1, 1));
    QCOMPARE(m_window->run()->cell(3).cell.params.quality, QStringLiteral("high"));
    QCOMPARE(m_window->run()->cell(3).cell.params.size, QStringLiteral("1536x1024"));
    QVERIFY2(m_window->progressText().startsWith("4 of 4 done · $"),
             qPrintable(m_window->progressText()));
    QCOMPARE(labelText("compareProgress"), m_window->progressText());
    QVERIFY(button("compareRunButton")->isEnabled());
    QVERIFY(!button("compareCancelButton")->isEnabled());

    // Each cell paints its image (decoded off the GUI thread at cell size) in its box.
    QTableView *view = m_window->grid()->view();
    for (int cell = 0; cell < 4; ++cell) {
        const QRect rect = m_window->grid()->cellRect(cell);
        QVERIFY(!rect.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QImage shot = view->viewport()->grab().toImage();
                const QPoint centre = rect.center() - QPoint(0, 10);
                return shot.pixelColor(centre * shot.devicePixelRatio()) == QColor(Qt::darkCyan);
            }(),
            10000);
    }
}

// A 1600x1200 image is decoded, off the GUI thread, no larger than the largest cell shows it: 8 MB
// of pixels each would otherwise be held for cells at most 640 points wide.
void TestCompareWindow::newImagesAreDecodedToFitTheLargestCell()
{
    const QSize full(1600, 1200);
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan, false, full));
    QVERIFY(makeWindow());
    runTwoByTwo();
    const QSize largest = m_window->grid()->largestImagePixels();
    QCOMPARE(largest,
             QSize(CompareGrid::maximumCellSide, CompareGrid::maximumCellSide)
                 * m_window->devicePixelRatio());
    CompareGridModel *model = m_window->grid()->model();
    for (int cell = 0; cell < 4; ++cell) {
        const QString path
            = model->indexOfCell(cell).data(CompareGridModel::ImagePathRole).toString();
        QCOMPARE(QImageReader(path).size(), full); // the file is kept whole
        const QImage decoded = m_window->imageCache()->earlierDecode(path);
        QVERIFY2(!decoded.isNull(), qPrintable(path));
        QCOMPARE(decoded.size(), full.scaled(largest, Qt::KeepAspectRatio));
    }
}

void TestCompareWindow::failingCellKeepsItsError()
{
    // One at a time, so the scripted answers meet the cells in order: the third cell fails.
    m_fixture->settings->setValue(Settings::compareConcurrency, 1);
    m_fixture->fake.enqueue(imagesStream(Qt::darkGreen));
    m_fixture->fake.enqueue(imagesStream(Qt::darkGreen));
    m_fixture->fake.enqueue(failure());
    m_fixture->fake.enqueue(imagesStream(Qt::darkGreen));
    QVERIFY(makeWindow());
    runTwoByTwo();
    QCOMPARE(m_fixture->fake.maxInFlight(), 1);
    CompareGridModel *model = m_window->grid()->model();
    for (int cell = 0; cell < 4; ++cell) {
        const QModelIndex index = model->indexOfCell(cell);
        const auto phase = CompareGridModel::Phase(index.data(CompareGridModel::PhaseRole).toInt());
        if (cell == 2) {
            QCOMPARE(phase, CompareGridModel::Phase::Failed);
            const QString error = index.data(CompareGridModel::ErrorRole).toString();
            QVERIFY2(error.contains("engine caught fire"), qPrintable(error));
            QVERIFY(index.data().toString().startsWith("Failed"));
        } else {
            QCOMPARE(phase, CompareGridModel::Phase::Done);
        }
    }
    QVERIFY2(m_window->progressText().endsWith(" · 1 failed"),
             qPrintable(m_window->progressText()));
}

void TestCompareWindow::cancelStopsWhatIsLeft()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan, true));
    QVERIFY(makeWindow());
    pickParameter(0, "Quality");
    toggleChip(0, "medium");
    pickParameter(1, "Size");
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QTest::mouseClick(button("compareRunButton"), Qt::LeftButton);
    // Three at a time (the default): three cells wait at their final image, one is queued.
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->fake.heldConnections(), 3, 10000);
    CompareGridModel *model = m_window->grid()->model();
    QCOMPARE(model->indexOfCell(3).data().toString(), QStringLiteral("Queued"));
    QTRY_VERIFY(model->indexOfCell(0).data().toString().startsWith("Generating… "));
    QVERIFY(m_window->progressText().startsWith("0 of 4 done"));

    QTest::mouseClick(button("compareCancelButton"), Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QCOMPARE(m_fixture->fake.requestCount(), 3); // the queued cell was never sent
    for (int cell = 0; cell < 4; ++cell) {
        const QModelIndex index = model->indexOfCell(cell);
        QCOMPARE(CompareGridModel::Phase(index.data(CompareGridModel::PhaseRole).toInt()),
                 CompareGridModel::Phase::Cancelled);
    }
    QCOMPARE(model->indexOfCell(3).data(CompareGridModel::ErrorRole).toString(),
             QStringLiteral("Not run: the comparison was cancelled."));
    // None made its image: none is counted done, or failed (found by QA: "4 of 4 done · 4 failed").
    QCOMPARE(m_window->progressText(),
             QStringLiteral("Cancelled: 0 of 4 done · free · 4 cancelled"));
    QVERIFY(button("compareRunButton")->isEnabled()); // ready for another run
}

// A cell cancelled after some of its images came (a run stopped with Ctrl+C, images per cell 10):
// it shows them as cancelled, not as failed.
void TestCompareWindow::cancelledCellKeepsItsImages()
{
    CompareRun::Cell cell;
    cell.state = CompareRun::CellState::Finished;
    cell.turn.status = Turn::Status::Cancelled;
    cell.turn.durationMs = 5000;
    for (int i = 0; i < 6; ++i) {
        ImageAsset image;
        image.state = ImageAsset::State::Final;
        image.filePath = QStringLiteral("/images/%1.png").arg(i);
        cell.turn.images << image;
    }
    QCOMPARE(CompareGridModel::phaseOf(cell), CompareGridModel::Phase::Cancelled);
    // "image(s)" here, where no translator picks the plural form.
    const QRegularExpression caption(QStringLiteral("^Cancelled · 6 image(s|\\(s\\)) · 5\\.0 s$"));
    QVERIFY2(caption.match(CompareGridModel::caption(cell, 0)).hasMatch(),
             qPrintable(CompareGridModel::caption(cell, 0)));
    cell.turn.images.clear();
    QCOMPARE(CompareGridModel::caption(cell, 0), QStringLiteral("Cancelled"));
    cell.turn.status = Turn::Status::Failed;
    QCOMPARE(CompareGridModel::phaseOf(cell), CompareGridModel::Phase::Failed);
}

// Cells of one grid are compared by eye: their prices read as the chat's do, an estimate marked
// (found by QA: "$0.0503" beside "$0.20", with "estimated" only in the tooltip).
void TestCompareWindow::doneCellSaysWhatItCost_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<int>("basis");
    QTest::addColumn<QString>("expected");
    QTest::newRow("estimated") << 0.0503 << int(Cost::Basis::Estimated) << "≈ $0.0503 · 1.6 s";
    QTest::newRow("estimated, high") << 0.2 << int(Cost::Basis::Estimated) << "≈ $0.20 · 1.6 s";
    QTest::newRow("billed") << 0.2 << int(Cost::Basis::Billed) << "$0.20 · 1.6 s";
    QTest::newRow("demo") << 0.0 << int(Cost::Basis::Demo) << "free · 1.6 s";
    QTest::newRow("unknown") << 0.0 << int(Cost::Basis::Unknown) << "cost unknown · 1.6 s";
}

void TestCompareWindow::doneCellSaysWhatItCost()
{
    QFETCH(double, usd);
    QFETCH(int, basis);
    QFETCH(QString, expected);
    CompareRun::Cell cell;
    cell.state = CompareRun::CellState::Finished;
    cell.turn.status = Turn::Status::Done;
    cell.turn.durationMs = 1600;
    cell.turn.cost = Cost { usd, Cost::Basis(basis), {} };
    ImageAsset image;
    image.state = ImageAsset::State::Final;
    image.filePath = QStringLiteral("/images/1.png");
    cell.turn.images << image;
    QCOMPARE(CompareGridModel::phaseOf(cell), CompareGridModel::Phase::Done);
    QCOMPARE(CompareGridModel::caption(cell, 0), expected);
}

void TestCompareWindow::cellActions()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    QVERIFY(makeWindow());
    runTwoByTwo();
    const CompareRun::Cell &cell = m_window->run()->cell(3);

    // Right-click on the cell: its menu, as the designer gets it.
    QTableView *view = m_window->grid()->view();
    const QRect rect = m_window->grid()->cellRect(3);
    QTest::mouseClick(view->viewport(), Qt::RightButton, {}, rect.center());
    // What the platform sends after a right click (QTest's click alone does not).
    QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                            view->viewport()->mapToGlobal(rect.center()));
    QApplication::sendEvent(view->viewport(), &event);
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QAction *use = menu->findChild<QAction *>("useSettingsAction");
    QVERIFY(use);
    QCOMPARE(m_window->grid()->selectedCells(), QList<int> { 3 });
    QSignalSpy useSpy(m_window.get(), &CompareWindow::useSettingsRequested);
    use->trigger();
    menu->close();
    QCOMPARE(useSpy.count(), 1);
    const ImageParams params = useSpy.constFirst().at(0).value<ImageParams>();
    QCOMPARE(params, cell.cell.params);
    QCOMPARE(params.quality, QStringLiteral("high"));
    QCOMPARE(params.size, QStringLiteral("1536x1024"));
    QCOMPARE(params.imageModel, QStringLiteral("gpt-image-1"));
    QCOMPARE(useSpy.constFirst().at(1).toString(), QStringLiteral("a lighthouse at dusk"));
    QCOMPARE(useSpy.constFirst().at(2).toString(), QStringLiteral("custom"));

    std::unique_ptr<QMenu> own(m_window->createContextMenu(1));
    QSignalSpy chatSpy(m_window.get(), &CompareWindow::continueInChatRequested);
    own->findChild<QAction *>("continueInChatAction")->trigger();
    QCOMPARE(chatSpy.count(), 1);
    QCOMPARE(chatSpy.constFirst().constFirst().toString(),
             m_window->run()->cell(1).turn.images.constFirst().filePath);

    // Save As goes through the file dialog seam, with the original bytes.
    const QString saved = m_fixture->dir.filePath("saved.png");
    FileDialogs::setNextSaveFileName(saved);
    m_window->imageSaver()->setShowsMessageBoxes(false);
    QSignalSpy savedSpy(m_window->imageSaver(), &ImageSaver::saved);
    own->findChild<QAction *>("saveImageAction")->trigger();
    QTRY_VERIFY(QFile::exists(saved));
    QVERIFY(!QImage(saved).isNull());

    QVERIFY(own->findChild<QAction *>("copyImageAction")->isEnabled());
}

void TestCompareWindow::clickOpensViewerAndTwoCompare()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    QVERIFY(makeWindow());
    runTwoByTwo();
    QTableView *view = m_window->grid()->view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, m_window->grid()->cellRect(0).center());
    QVERIFY(m_window->lastViewer());
    QCOMPARE(m_window->lastViewer()->filePath(),
             m_window->run()->cell(0).turn.images.constFirst().filePath);
    m_window->lastViewer()->close();

    QPushButton *two = button("compareTwoButton");
    QVERIFY(!two->isEnabled());
    QPointer<ImageViewer> before = m_window->lastViewer();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      m_window->grid()->cellRect(3).center());
    QCOMPARE(m_window->grid()->selectedCells(), (QList<int> { 0, 3 }));
    QVERIFY(two->isEnabled());
    QSignalSpy pair(m_window.get(), &CompareWindow::pairRequested);
    QTest::mouseClick(two, Qt::LeftButton);
    QCOMPARE(pair.count(), 1);
    QCOMPARE(pair.constFirst().at(0).toInt(), 0);
    QCOMPARE(pair.constFirst().at(1).toInt(), 3);
    ImagePairDialog *dialog = m_window->lastPairDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->title(ImagePairView::Side::A), QStringLiteral("low, 1024x1024"));
    QCOMPARE(dialog->title(ImagePairView::Side::B), QStringLiteral("high, 1536x1024"));
    dialog->close();
}

void TestCompareWindow::exports()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    QVERIFY(makeWindow());
    QVERIFY(!button("exportCsvButton")->isEnabled()); // nothing run yet
    runTwoByTwo();
    const CompareRun *run = m_window->run();

    const QString csvPath = m_fixture->dir.filePath("out/results.csv");
    QVERIFY(QDir().mkpath(m_fixture->dir.filePath("out")));
    FileDialogs::setNextSaveFileName(csvPath);
    QSignalSpy exported(m_window.get(), &CompareWindow::exported);
    QTest::mouseClick(button("exportCsvButton"), Qt::LeftButton);
    QCOMPARE(exported.count(), 1);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.size(), 6); // header, four cells, and the empty rest after the last CRLF
    QCOMPARE(QString::fromUtf8(lines.at(0)).trimmed(),
             CompareResultsCsv::header(run->spec()).join(QLatin1Char(',')));
    QVERIFY(lines.at(4).startsWith("high,1536x1024,"));
    QVERIFY(lines.at(4).contains(
        QFileInfo(run->cell(3).turn.images.constFirst().filePath).fileName().toUtf8()));

    const QString gridPath = m_fixture->dir.filePath("out/grid.png");
    FileDialogs::setNextSaveFileName(gridPath);
    QTest::mouseClick(button("exportGridButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, 20000);
    QCOMPARE(exported.at(1).constFirst().toString(), gridPath);
    QList<CompareCell> cells;
    QList<Turn> turns;
    for (const CompareRun::Cell &cell : run->cells()) {
        cells << cell.cell;
        turns << cell.turn;
    }
    const ContactSheet sheet(run->spec(), cells, turns);
    const QImage grid(gridPath);
    QCOMPARE(grid.size(), sheet.size());
    // The image of cell 3 sits in its box.
    QCOMPARE(grid.pixelColor(sheet.cellRect(3).center()), QColor(Qt::darkCyan));

    // A name typed without an extension gets the format's (found by QA: "grid" was written
    // without .png).
    FileDialogs::setNextSaveFileName(m_fixture->dir.filePath("out/typed"));
    QTest::mouseClick(button("exportGridButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 3, 20000);
    QCOMPARE(exported.at(2).constFirst().toString(), m_fixture->dir.filePath("out/typed.png"));
    QCOMPARE(QImage(m_fixture->dir.filePath("out/typed.png")).size(), sheet.size());

    // A cancelled dialog writes nothing.
    FileDialogs::setNextSaveFileName(QString());
    QTest::mouseClick(button("exportCsvButton"), Qt::LeftButton);
    QCOMPARE(exported.count(), 3);
}

void TestCompareWindow::openedFromMainWindowOnTheDemo()
{
    DemoGateway demo;
    demo.setPacing(5);
    QVERIFY(demo.start());
    m_fixture->registry->setDemoBaseUrl(demo.baseUrl());
    ChatSession::Options options;
    options.imageRoot = m_fixture->dir.filePath("images");
    options.previewRoot = m_fixture->dir.filePath("previews");
    ChatSession session(m_fixture->registry->profile("demo"), options);
    MainWindow main(&session, m_fixture->settings.get());
    main.setProviderRegistry(m_fixture->registry.get());
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    auto *composer = main.findChild<QPlainTextEdit *>("promptEdit");
    QVERIFY(composer);
    composer->setFocus();
    QTest::keyClicks(composer, "a red fox in the snow");

    QAction *open = main.findChild<QAction *>("compareAction");
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    // The keys a designer presses, in the composer, open it.
    QVERIFY(QTest::qWaitForWindowActive(&main));
    QTest::keyClick(composer, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    auto *window = main.findChild<CompareWindow *>();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    CompareSetupPanel *setup = window->setupPanel();
    QCOMPARE(setup->prompt(), QStringLiteral("a red fox in the snow"));
    QCOMPARE(setup->providerId(), QStringLiteral("demo"));
    QCOMPARE(setup->baseParams(), main.findChild<ParameterPanel *>()->params());

    setup->setAxes({ { CompareAxis::Parameter::Quality, { "low", "high" } } });
    QCOMPARE(window->findChild<QLabel *>("compareEstimate")->text(),
             QStringLiteral("2 images, free."));
    QSignalSpy finished(window, &CompareWindow::runFinished);
    QVERIFY(window->startRun());
    QVERIFY(finished.wait(30000));
    QCOMPARE(window->run()->failedCount(), 0);
    QCOMPARE(window->progressText(), QStringLiteral("2 of 2 done · free"));

    // Use These Settings reaches the parameter panel and the composer.
    std::unique_ptr<QMenu> menu(window->createContextMenu(1));
    menu->findChild<QAction *>("useSettingsAction")->trigger();
    QCOMPARE(main.findChild<ParameterPanel *>()->params().quality, QStringLiteral("high"));
    QCOMPARE(composer->toPlainText(), QStringLiteral("a red fox in the snow"));
}

void TestCompareWindow::keptInHistoryAndShownAgain()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    HistoryStore store(m_fixture->dir.filePath("history.sqlite"));
    QVERIFY(store.open().result().ok);
    QVERIFY(makeWindow());
    m_window->setHistoryStore(&store);
    runTwoByTwo();
    const CompareSpec spec = m_window->run()->spec();
    const QList<CompareRun::Cell> ran = m_window->run()->cells();

    // Every cell is saved as it progresses: the run is a conversation of the compare kind.
    ConversationSummary summary;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<ConversationSummary> all = store.conversations().result();
            if (all.size() != 1)
                return false;
            summary = all.constFirst();
            const QList<Turn> turns = store.turns(summary.id).result();
            return turns.size() == 4
                && std::all_of(turns.cbegin(), turns.cend(),
                               [](const Turn &t) { return t.status == Turn::Status::Done; });
        }(),
        10000);
    QCOMPARE(summary.kind, ConversationSummary::Kind::Compare);

    // Read back and shown again: the same cells, the same images, and a setup ready to rerun.
    m_window->setupPanel()->setAxes({}); // the setup differs from the stored run until shown
    CompareHistory::StoredRun stored;
    QString error;
    QVERIFY2(CompareHistory::fromStored(summary, store.turns(summary.id).result(), &stored, &error),
             qPrintable(error));
    QVERIFY(m_window->showStoredRun(stored));
    QVERIFY(!m_window->run());
    QCOMPARE(m_window->storedRunId(), summary.id);
    QCOMPARE(m_window->setupPanel()->spec(), spec);
    QCOMPARE(m_window->shownSpec(), spec);
    CompareGridModel *model = m_window->grid()->model();
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->rowCount(), 2);
    for (int cell = 0; cell < 4; ++cell) {
        const QModelIndex index = model->indexOfCell(cell);
        QCOMPARE(CompareGridModel::Phase(index.data(CompareGridModel::PhaseRole).toInt()),
                 CompareGridModel::Phase::Done);
        QCOMPARE(index.data(CompareGridModel::ImagePathRole).toString(),
                 ran.at(cell).turn.images.constFirst().filePath);
    }
    QVERIFY2(m_window->progressText().startsWith("From the history: 4 of 4 done · $"),
             qPrintable(m_window->progressText()));
    QVERIFY(button("exportCsvButton")->isEnabled());
    QVERIFY(button("exportGridButton")->isEnabled());
    std::unique_ptr<QMenu> menu(m_window->createContextMenu(2));
    QSignalSpy use(m_window.get(), &CompareWindow::useSettingsRequested);
    menu->findChild<QAction *>("useSettingsAction")->trigger();
    QCOMPARE(use.constFirst().constFirst().value<ImageParams>(), ran.at(2).cell.params);

    // Run again: a new run replaces the stored one, and is saved as a second conversation.
    QSignalSpy finished(m_window.get(), &CompareWindow::runFinished);
    QVERIFY(m_window->startRun());
    QVERIFY(m_window->storedRunId().isEmpty());
    QVERIFY(finished.wait(30000));
    QTRY_COMPARE_WITH_TIMEOUT(store.conversations().result().size(), 2, 10000);
    menu.reset(); // the window owns it too
    m_window.reset(); // before the store
}

void TestCompareWindow::storedRunOpensFromTheSidebar()
{
    m_fixture->fake.setRoute("/v1/images/generations", imagesStream(Qt::darkCyan));
    HistoryStore store(m_fixture->dir.filePath("history.sqlite"));
    QVERIFY(store.open().result().ok);
    QVERIFY(makeWindow());
    m_window->setHistoryStore(&store);
    runTwoByTwo();
    QString runId;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<ConversationSummary> all = store.conversations().result();
            if (all.size() == 1 && store.turns(all.constFirst().id).result().size() == 4)
                runId = all.constFirst().id;
            return !runId.isEmpty();
        }(),
        10000);

    ChatSession::Options options;
    options.imageRoot = m_fixture->dir.filePath("images");
    options.previewRoot = m_fixture->dir.filePath("previews");
    ChatSession session(m_fixture->registry->profile("demo"), options);
    MainWindow main(&session, m_fixture->settings.get());
    main.setProviderRegistry(m_fixture->registry.get());
    main.show();
    QVERIFY(QTest::qWaitForWindowExposed(&main));
    main.setHistoryStore(&store);
    ConversationsDock *dock = main.conversationsDock();
    QVERIFY(dock);
    QTRY_COMPARE(dock->list()->model()->rowCount(), 1);

    // Chosen in the sidebar: the run opens in the Compare window; the chat is left alone.
    Q_EMIT dock->list()->conversationActivated(runId, QString());
    CompareWindow *window = nullptr;
    QTRY_VERIFY((window = main.findChild<CompareWindow *>()) && window->isVisible()
                && window->storedRunId() == runId);
    QCOMPARE(window->shownCells().size(), 4);
    QVERIFY(session.conversationId().isEmpty());
    QCOMPARE(session.model()->rowCount(), 0);
}

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
