#include "ui/demowindowfixture.h"

#include "autosavedialog.h"
#include "chat/chatsession.h"
#include "chat/providerregistry.h"
#include "comparesetuppanel.h"
#include "comparewindow.h"
#include "composer.h"
#include "conversationlist.h"
#include "conversationsdock.h"
#include "demo/demogateway.h"
#include "detailsdialog.h"
#include "editingcontroller.h"
#include "imagepairdialog.h"
#include "imageviewer.h"
#include "keyboardshortcutsdialog.h"
#include "librarymodel.h"
#include "librarywindow.h"
#include "mainwindow.h"
#include "maskeditordialog.h"
#include "providersdialog.h"
#include "store/historystore.h"
#include "store/secretstore.h"
#include "store/settings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>

namespace {

QString writePng(const QString &path, QSize size, QColor colour)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(colour);
    return image.save(path, "PNG") ? path : QString();
}

} // namespace

DemoWindowFixture::DemoWindowFixture() = default;

DemoWindowFixture::~DemoWindowFixture()
{
    tearDown();
}

void DemoWindowFixture::quietOffscreenWarnings()
{
    static const QtMessageHandler testHandler = qInstallMessageHandler(nullptr);
    qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (!message.contains(QLatin1String("does not support propagateSizeHints"))
                && !message.contains(QLatin1String("does not support raise()")))
                testHandler(type, context, message);
        });
}

QString DemoWindowFixture::dataPath(const QString &name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

void DemoWindowFixture::setUp()
{
    qputenv("EASEL_NO_KEYCHAIN", "1");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath("settings.ini"));
    m_secrets = std::make_unique<SecretStore>();
    m_registry = std::make_unique<ProviderRegistry>(m_settings.get(), m_secrets.get());
    m_demo = std::make_unique<DemoGateway>();
    m_demo->setPacing(1);
    QVERIFY(m_demo->start());
    m_registry->setDemoBaseUrl(m_demo->baseUrl());

    m_store = std::make_unique<HistoryStore>(m_dir->filePath("history.sqlite"));
    QVERIFY(m_store->open().result().ok);
    ConversationSummary extra;
    extra.title = QStringLiteral("Old sketches");
    m_extraConversation = m_store->createConversation(extra).result().id;
    QVERIFY(!m_extraConversation.isEmpty());

    ChatSession::Options options;
    options.imageRoot = m_dir->filePath("data/images");
    options.previewRoot = m_dir->filePath("previews");
    m_session = std::make_unique<ChatSession>(m_registry->profile("demo"), options);
    m_session->setHistory(m_store.get());
    m_window = std::make_unique<MainWindow>(m_session.get(), m_settings.get());
    m_window->setProviderRegistry(m_registry.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setHistoryStore(m_store.get());

    // Turns with images: the per-image menu, the library, the pair and details dialogs.
    sendPrompt(QStringLiteral("a lighthouse at dusk"));
    if (QTest::currentTestFailed())
        return;
    sendPrompt(QStringLiteral("the same lighthouse in fog"));
    if (QTest::currentTestFailed())
        return;
    const ConversationModel *model = m_session->model();
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(!model->turnAt(0).images.isEmpty());
    QVERIFY(!model->turnAt(1).images.isEmpty());

    // The composer with all it can show: an attachment, the edit target and its mask.
    m_referencePath = writePng(m_dir->filePath("reference sketch.png"), QSize(40, 30), Qt::red);
    auto *composer = m_window->findChild<Composer *>();
    QVERIFY(composer);
    QVERIFY(composer->addAttachment(m_referencePath));
    auto *editing = m_window->findChild<EditingController *>();
    QVERIFY(editing);
    const Turn &first = model->turnAt(0);
    QVERIFY(editing->editImage({ first.id, first.images.first().itemId }));
    const QString mask
        = writePng(m_dir->filePath("mask.png"), first.images.first().pixelSize, Qt::transparent);
    composer->setMask(mask, composer->editTargetFile(), QStringLiteral("100% may change"));
}

void DemoWindowFixture::tearDown()
{
    m_window.reset(); // its dialogs and windows with it
    m_session.reset();
    m_store.reset();
    m_demo.reset();
    m_registry.reset();
    m_secrets.reset();
    m_settings.reset();
    m_dir.reset();
}

void DemoWindowFixture::sendPrompt(const QString &text)
{
    auto *prompt = m_window->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    QVERIFY(prompt);
    prompt->setFocus();
    QTest::keyClicks(prompt, text);
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(finished.wait(30000), qPrintable(m_window->statusBar()->currentMessage()));
    const Turn &turn = m_session->model()->turnAt(m_session->model()->rowCount() - 1);
    QVERIFY2(turn.status == Turn::Status::Done, qPrintable(turn.errorMessage));
}

QWidget *DemoWindowFixture::subject(const QString &key)
{
    const ConversationModel *model = m_session->model();
    if (key == QLatin1String("main window"))
        return m_window.get();
    if (key == QLatin1String("image settings, custom size")) {
        auto *size = m_window->findChild<QComboBox *>(QStringLiteral("sizeCombo"));
        if (!size)
            return nullptr;
        size->setCurrentIndex(size->findData(QStringLiteral("custom")));
        auto *panel = m_window->findChild<QWidget *>(QStringLiteral("parameterPanel"));
        auto *custom = m_window->findChild<QLineEdit *>(QStringLiteral("customSizeEdit"));
        return custom && custom->isVisible() ? panel : nullptr;
    }
    if (key == QLatin1String("composer"))
        return m_window->findChild<Composer *>();
    if (key == QLatin1String("conversations dock"))
        return m_window->conversationsDock();
    if (key == QLatin1String("conversations dock, search results")) {
        ConversationList *list = m_window->conversationsDock()->list();
        list->setSearchText(QStringLiteral("lighthouse"));
        if (!QTest::qWaitFor([list] { return list->hitModel()->rowCount() > 0; }, 10000))
            return nullptr;
        return m_window->conversationsDock();
    }
    if (key == QLatin1String("conversations dock, undo bar")) {
        ConversationList *list = m_window->conversationsDock()->list();
        list->setSearchText({});
        list->setUndoTimeout(600000);
        if (!list->isUndoBarVisible())
            list->deleteConversation(m_extraConversation);
        if (!QTest::qWaitFor([list] { return list->isUndoBarVisible(); }, 5000))
            return nullptr;
        return m_window->conversationsDock();
    }
    if (key == QLatin1String("library")) {
        LibraryWindow *library = m_window->libraryWindow();
        auto *show = m_window->findChild<QAction *>(QStringLiteral("showLibraryAction"));
        if (!library || !show)
            return nullptr;
        show->trigger();
        if (!QTest::qWaitForWindowExposed(library))
            return nullptr;
        if (!QTest::qWaitFor([library] { return library->model()->rowCount() >= 2; }, 10000))
            return nullptr;
        return library;
    }
    if (key == QLatin1String("compare window")) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("compareAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *compare = m_window->findChild<CompareWindow *>();
        if (!compare || !QTest::qWaitForWindowExposed(compare))
            return nullptr;
        if (!compare->run()) {
            // Three axes, so that the grid shows its panels as tabs.
            compare->setupPanel()->setAxes(
                { { CompareAxis::Parameter::Quality, { "low", "high" } },
                  { CompareAxis::Parameter::Size, { "1024x1024" } },
                  { CompareAxis::Parameter::OutputFormat, { "png", "jpeg" } } });
            QSignalSpy finished(compare, &CompareWindow::runFinished);
            if (!compare->startRun() || !finished.wait(30000))
                return nullptr;
        }
        return compare;
    }
    if (key == QLatin1String("compare window, prompt axis")) {
        auto *compare = m_window->findChild<CompareWindow *>();
        if (!compare || compare->isRunning())
            return nullptr;
        compare->setupPanel()->setAxes(
            { { CompareAxis::Parameter::Prompt, { "a lighthouse", "a windmill" } } });
        auto *prompts = compare->findChild<QPlainTextEdit *>(QStringLiteral("axisPrompts"));
        return prompts && prompts->isVisible() ? compare : nullptr;
    }
    if (key.startsWith(QLatin1String("providers dialog"))) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("providersAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *dialog = m_window->findChild<ProvidersDialog *>();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        // A custom endpoint shows the fields a built-in gateway hides.
        dialog->selectProfile(key.endsWith(QLatin1String("custom")) ? QStringLiteral("custom")
                                                                    : QStringLiteral("openai"));
        return dialog;
    }
    if (key == QLatin1String("auto-save dialog")) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("autoSaveAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *dialog = m_window->findChild<AutoSaveDialog *>();
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }
    const Turn &first = model->turnAt(0);
    const Turn &second = model->turnAt(1);
    if (key == QLatin1String("mask editor")) {
        QImage image(first.images.first().filePath);
        return showOwned(new MaskEditorDialog(image, {}, m_window.get()));
    }
    if (key == QLatin1String("image viewer")) {
        auto *viewer = showOwned(new ImageViewer(first.images.first().filePath, m_window.get()));
        if (!viewer || !QTest::qWaitFor([viewer] { return viewer->isLoaded(); }, 10000))
            return nullptr;
        return viewer;
    }
    if (key.startsWith(QLatin1String("image pair dialog"))) {
        auto *dialog = showOwned(new ImagePairDialog(first, 0, second, 0, {}, {}, m_window.get()));
        if (dialog && key.endsWith(QLatin1String("difference")))
            dialog->setMode(ImagePairView::Mode::Difference); // shows Amplify
        return dialog;
    }
    if (key == QLatin1String("keyboard shortcuts dialog")) {
        auto *open = m_window->findChild<QAction *>(QStringLiteral("keyboardShortcutsAction"));
        if (!open)
            return nullptr;
        open->trigger();
        auto *dialog = m_window->findChild<KeyboardShortcutsDialog *>();
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }
    if (key == QLatin1String("details dialog"))
        return showOwned(new DetailsDialog(first, first.images.first(), m_window.get()));
    return nullptr;
}
