#include "mainwindow.h"

#include "autosavedialog.h"
#include "chat/chatsession.h"
#include "chat/providerregistry.h"
#include "comparewindow.h"
#include "composer.h"
#include "conversationlist.h"
#include "conversationsdock.h"
#include "conversationview.h"
#include "detailsdialog.h"
#include "editingcontroller.h"
#include "filedialogs.h"
#include "helpmenu.h"
#include "image/imagecache.h"
#include "imagesaver.h"
#include "imageviewer.h"
#include "librarywindow.h"
#include "messageboxes.h"
#include "net/keytransport.h"
#include "parameterpanel.h"
#include "placeholdercolour.h"
#include "pricing/costestimator.h"
#include "pricing/pricebook.h"
#include "providersdialog.h"
#include "providerswitcher.h"
#include "restorebar.h"
#include "selectedimageactions.h"
#include "store/historystore.h"
#include "store/imagemetadata.h"
#include "store/imagestore.h"
#include "store/secretstore.h"
#include "store/settings.h"
#include "toplevelwindow.h"
#include "whenready.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

// The panel scrolls up and down, never sideways: however narrow the window, its dock keeps the
// width at which every label and control shows whole (a squashed dock showed "Qua", "Backgrou"
// and no controls, and kept that width at the next start).
class PanelScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;

    QSize minimumSizeHint() const override
    {
        QSize hint = QScrollArea::minimumSizeHint();
        if (const QWidget *content = widget())
            hint.setWidth(std::max(hint.width(),
                                   content->minimumSizeHint().width()
                                       + verticalScrollBar()->sizeHint().width()
                                       + 2 * frameWidth()));
        return hint;
    }
};

// View > a dock brings it to the front. A dock tabbed behind another is not hidden, so its toggle
// stayed checked and choosing it hid the dock (found by QA): the item is checked only while the
// dock can be seen, and choosing it shows the dock and raises its tab.
void addDockToggle(QMenu *menu, QDockWidget *dock, QAction *before = nullptr)
{
    QAction *toggle = dock->toggleViewAction();
    menu->insertAction(before, toggle); // nullptr: at the end
    QObject::connect(menu, &QMenu::aboutToShow, toggle, [toggle, dock] {
        toggle->setChecked(dock->isVisible() && !dock->visibleRegion().isEmpty());
    });
    QObject::connect(toggle, &QAction::triggered, dock, [dock](bool checked) {
        if (checked) {
            dock->show();
            dock->raise();
        }
    });
}

} // namespace

MainWindow::MainWindow(ChatSession *session, Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_estimator(new CostEstimator(PriceBook::builtIn()))
    , m_imageCache(new ImageCache(this))
    , m_view(new ConversationView(this))
    , m_composer(new Composer(this))
    , m_panel(new ParameterPanel(this))
    , m_providers(new ProviderSwitcher(session, settings, m_panel, this))
    , m_dock(new QDockWidget(tr("Image settings"), this))
    , m_totals(new QLabel(this))
{
    PlaceholderColour::ensureInstalled(); // before any field is painted
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Easel"));
    resizeToFitScreen(this, QSize(1280, 860));

    m_view->setImageCache(m_imageCache);
    m_composer->setImageCache(m_imageCache);
    // Pasted pictures are kept beside the image store: the turns that send them keep their paths.
    m_composer->setPasteFolder(
        QFileInfo(m_session->options().imageRoot).dir().filePath(QStringLiteral("pasted")));
    m_session->setImageCache(m_imageCache);
    m_session->setImageDecodeBox(m_view->largestImagePixels());
    m_view->setModel(session->model());
    m_editing = new EditingController(m_session, m_composer, this);
    m_editing->setMaskFolder(
        QFileInfo(m_session->options().imageRoot).dir().filePath(QStringLiteral("masks")));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    m_restoreBar = new RestoreBar(central);
    layout->addWidget(m_restoreBar);
    layout->addWidget(m_composer);
    // The composer spans the window like the view; its prompt lines up with the view's column.
    connect(m_view, &ConversationView::columnChanged, this, &MainWindow::alignComposerWithColumn);
    m_saver = new ImageSaver(this, m_settings);
    setAcceptDrops(true);
    setCentralWidget(central);

    buildActions();
    buildToolBar();
    buildDock();

    m_totals->setObjectName(QStringLiteral("conversationTotals"));
    // A gap before it: a long status message used to run straight into the figures (QA).
    m_totals->setContentsMargins(16, 0, 6, 0);
    statusBar()->addPermanentWidget(m_totals);

    // A dock tabbed behind another is still "visible" to Qt's focus chain: Tab or Ctrl+F could
    // put the keyboard in a field nobody can see, and typing there changed the image model
    // (QA). Focus arriving in such a dock brings its tab to the front.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *widget = now; widget && widget != this; widget = widget->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(widget)) {
                if (dock->visibleRegion().isEmpty() && !tabifiedDockWidgets(dock).isEmpty())
                    dock->raise();
                return;
            }
        }
    });

    connect(m_composer, &Composer::sendRequested, this, &MainWindow::send);
    connect(m_composer, &Composer::stopRequested, m_session, &ChatSession::stop);
    connect(m_session, &ChatSession::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_session, &ChatSession::referencesRefused, this, &MainWindow::giveBackRefusedInputs);
    connect(m_session, &ChatSession::turnFinished, this, &MainWindow::onTurnFinished);
    connect(m_session->model(), &ConversationModel::totalsChanged, this, &MainWindow::updateTotals);
    connect(m_view, &ConversationView::saveImageRequested, this, &MainWindow::saveImage);
    connect(m_view, &ConversationView::copyImageRequested, this, &MainWindow::copyImage);
    connect(m_view, &ConversationView::saveTurnImagesRequested, m_saver, &ImageSaver::saveTurn);
    m_view->setDragDataProvider([this](const Turn &turn, const ImageAsset &image) {
        return m_saver->mimeDataFor(turn, image);
    });
    connect(m_saver, &ImageSaver::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_restoreBar, &RestoreBar::restoreRequested, this, &MainWindow::restoreSettings);
    connect(m_view, &ConversationView::viewImageRequested, this, &MainWindow::viewImage);
    connect(m_view, &ConversationView::detailsRequested, this, &MainWindow::showDetails);
    connect(m_view, &ConversationView::retryImageRequested, m_session, &ChatSession::retryImage);
    connect(m_view, &ConversationView::editImageRequested, m_editing,
            &EditingController::editImage);
    connect(m_view, &ConversationView::maskedEditRequested, m_editing,
            &EditingController::editImageWithMask);
    connect(m_composer, &Composer::maskRequested, m_editing, &EditingController::openMaskEditor);
    connect(m_editing, &EditingController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_providers, &ProviderSwitcher::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_providers, &ProviderSwitcher::notice, this, &MainWindow::showNotice);
    connect(m_providers, &ProviderSwitcher::imageParamsChanged, this, &MainWindow::onParamsChanged);
    connect(m_providers, &ProviderSwitcher::providerApplied, this, &MainWindow::updateCostPreview);
    // An edit target belongs to the conversation it was picked in.
    m_composerConversation = m_session->conversationId();
    connect(m_session, &ChatSession::conversationChanged, this,
            &MainWindow::keepEditWithItsConversation);
    connect(m_composer, &Composer::attachmentsChanged, this, &MainWindow::updateCostPreview);
    connect(m_composer, &Composer::editTargetChanged, this, &MainWindow::updateCostPreview);
    connect(m_session, &ChatSession::referencesNoted, this,
            [this](const QString &note) { statusBar()->showMessage(note, 8000); });

    auto *stop = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(stop, &QShortcut::activated, m_session, &ChatSession::stop);

    restoreState();
    m_providers->applyProviderModels();
    updateTotals();
    updateCostPreview();
    m_composer->focusEditor();
}

MainWindow::~MainWindow()
{
    delete m_estimator;
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newConversation
        = file->addAction(tr("&New Conversation"), this, &MainWindow::newConversation);
    newConversation->setShortcut(QKeySequence::New);
    newConversation->setObjectName(QStringLiteral("newConversationAction"));
    file->addSeparator();
    QAction *saveAll = file->addAction(tr("Save &All Images of This Conversation…"), this, [this] {
        m_saver->saveConversation(m_session->model()->turns());
    });
    saveAll->setObjectName(QStringLiteral("saveConversationImagesAction"));
    // The exports were only in the sidebar's right-click menu (found by QA: hard to find).
    for (const bool html : { false, true }) {
        QAction *exportAction = file->addAction(
            html ? tr("Export Conversation as &HTML…") : tr("Export Conversation as &Markdown…"),
            this, [this, html] {
                if (m_conversationsDock)
                    m_conversationsDock->exportConversation(m_session->conversationId(), html);
            });
        exportAction->setObjectName(html ? QStringLiteral("exportHtmlAction")
                                         : QStringLiteral("exportMarkdownAction"));
        // Only a conversation in the history can be exported (a new one is, after its first turn).
        connect(file, &QMenu::aboutToShow, exportAction, [this, exportAction] {
            exportAction->setEnabled(m_conversationsDock && !m_session->conversationId().isEmpty());
        });
    }
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    // Ctrl+Q where the platform names no Quit key (Windows; the offscreen platform of the tests).
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    m_quitAction->setShortcuts(
        quitKeys.isEmpty() ? QList<QKeySequence> { QKeySequence(Qt::CTRL | Qt::Key_Q) } : quitKeys);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_dock->toggleViewAction()->setText(tr("&Image Settings"));
    addDockToggle(view, m_dock);
    // The docks' toggles together above it (found by QA: Conversations came last, after the
    // provider switch); the Conversations dock's goes here once there is a history.
    m_viewDocksEnd = view->addSeparator();
    QAction *compare = view->addAction(tr("&Compare…"), this, &MainWindow::openCompareWindow);
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    m_providersAction
        = settings->addAction(tr("&Providers…"), this, &MainWindow::openProvidersDialog);
    m_providersAction->setObjectName(QStringLiteral("providersAction"));
    m_providersAction->setEnabled(false); // until there is a registry to edit
    QAction *autoSave = settings->addAction(tr("&Saving…"), this, [this] {
        auto *dialog = findChild<AutoSaveDialog *>();
        if (!dialog) {
            dialog = new AutoSaveDialog(m_settings, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->open(); // no nested event loop
    });
    autoSave->setObjectName(QStringLiteral("autoSaveAction"));

    // Save, copy and show full screen the image selected in the conversation.
    auto *images = new SelectedImageActions(m_view, m_session->model(), this);
    file->insertAction(file->actions().value(2), images->saveAction());
    edit->addAction(images->copyAction());
    view->addSeparator();
    view->addAction(images->fullScreenAction());
    connect(images, &SelectedImageActions::saveRequested, this, &MainWindow::saveImage);
    connect(images, &SelectedImageActions::copyRequested, this, &MainWindow::copyImage);
    connect(images, &SelectedImageActions::fullScreenRequested, this,
            [this](const ImageAsset &image) { viewImage(image)->toggleFullScreen(); });
    connect(images, &SelectedImageActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    QAction *quickSwitch = view->addAction(tr("Switch &Provider or Model…"));
    quickSwitch->setObjectName(QStringLiteral("quickSwitchAction"));
    quickSwitch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(quickSwitch, &QAction::triggered, this, [this] { m_providers->popUpQuickMenu(this); });

    // The data folder holds history.sqlite beside the images/ the session stores into.
    auto *help = new HelpMenu(this, QFileInfo(m_session->options().imageRoot).absolutePath());
    connect(help, &HelpMenu::statusMessage, statusBar(), &QStatusBar::showMessage);
    menuBar()->addMenu(help);
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Conversation"));
    bar->setObjectName(QStringLiteral("conversationToolBar"));
    bar->setMovable(false);

    m_providers->addTo(bar);

    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    QAction *newConversation
        = bar->addAction(tr("New Conversation"), this, &MainWindow::newConversation);
    newConversation->setToolTip(tr("Start a new conversation (Ctrl+N)"));
}

void MainWindow::buildDock()
{
    m_dock->setObjectName(QStringLiteral("imageSettingsDock"));
    m_dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    auto *scroll = new PanelScrollArea(m_dock);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: it drew no focus, so one Tab seemed to do nothing (found by
    // QA). It still scrolls a control that takes focus into view.
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(m_panel);
    m_dock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_panel->setParams(m_settings->imageParamsValue());
    connect(m_panel, &ParameterPanel::paramsChanged, this, &MainWindow::onParamsChanged);
}

void MainWindow::restoreState()
{
    const QByteArray geometry = m_settings->value(Settings::windowGeometry);
    // Kept on the screen once shown, when its frame is known.
    m_geometryRestored = !geometry.isEmpty() && restoreGeometry(geometry);
    if (FileDialogs::lastSaveFolder().isEmpty())
        FileDialogs::setLastSaveFolder(m_settings->value(Settings::saveFolder));
    const QByteArray state = m_settings->value(Settings::windowState);
    if (!state.isEmpty())
        QMainWindow::restoreState(state);
    restoreDraft();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (std::exchange(m_geometryRestored, false))
        keepOnScreen(this); // a size saved on a larger screen
}

void MainWindow::restoreDraft()
{
    const QString prompt = m_settings->value(Settings::draftPrompt);
    const QStringList references = m_settings->value(Settings::draftReferences);
    if (prompt.isEmpty() && references.isEmpty())
        return;
    m_composer->setText(prompt);
    QStringList gone;
    for (const QString &path : references) {
        if (!m_composer->addAttachment(path))
            gone << QFileInfo(path).fileName();
    }
    if (!gone.isEmpty())
        showNotice(tr("Your draft is back, but %n of its reference image(s) are gone: %1", nullptr,
                      int(gone.size()))
                       .arg(gone.join(QLatin1String(", "))));
    m_settings->setValue(Settings::draftPrompt, QString());
    m_settings->setValue(Settings::draftReferences, QStringList());
}

void MainWindow::saveDraft()
{
    QStringList references;
    for (const Attachment &attachment : m_composer->attachments())
        references << attachment.filePath;
    m_settings->setValue(Settings::draftPrompt, m_composer->text());
    m_settings->setValue(Settings::draftReferences, references);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Quitting stops a turn the gateway may already bill for, as New Conversation would (which
    // is refused): asked, with staying as the default.
    if (m_session->isBusy()
        && !MessageBoxes::confirm(this, tr("Quit while a turn is running?"),
                                  tr("A turn is still running. Quitting stops it: the gateway "
                                     "may still bill it, and only what has arrived is kept."),
                                  tr("Quit"))) {
        event->ignore();
        return;
    }
    m_settings->setValue(Settings::windowGeometry, saveGeometry());
    // Found by QA: the Library's size and the folder of the last save were forgotten at quit.
    if (m_library)
        m_settings->setValue(Settings::libraryGeometry, m_library->saveGeometry());
    if (!FileDialogs::lastSaveFolder().isEmpty())
        m_settings->setValue(Settings::saveFolder, FileDialogs::lastSaveFolder());
    m_settings->setValue(Settings::windowState, saveState());
    // Where the conversation was being read, so that it opens there again (found by QA).
    const ReadingPlace place = m_view->readingPlace();
    m_settings->setValue(Settings::readingPlace,
                         place.isNull() || m_session->conversationId().isEmpty()
                             ? QStringList()
                             : QStringList { m_session->conversationId(), place.turnId,
                                             QString::number(place.offset) });
    m_settings->setImageParams(m_panel->params());
    saveDraft(); // a prompt being written is work: it is there at the next start
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreReadingPlace()
{
    const QStringList kept = m_settings->value(Settings::readingPlace);
    if (kept.size() != 3 || kept.at(0).isEmpty() || kept.at(0) != m_session->conversationId())
        return;
    m_view->restoreReadingPlace({ kept.at(1), kept.at(2).toInt() });
}

void MainWindow::setHistoryStore(HistoryStore *store)
{
    if (!m_conversationsDock) {
        m_conversationsDock = new ConversationsDock(m_session, m_view, this);
        // Created after restoreState(): its place and whether the designer had closed it come
        // from the saved state when that knows it. A first start (or a state saved before the
        // dock existed) docks it on the left, shown: a dock added to a window already on screen
        // stays hidden until shown.
        if (!restoreDockWidget(m_conversationsDock)) {
            addDockWidget(Qt::LeftDockWidgetArea, m_conversationsDock);
            m_conversationsDock->show();
        } else if (!tabifiedDockWidgets(m_conversationsDock).isEmpty()) {
            // Put back into a tab group, it joins behind the tab restoreState() brought to the
            // front alone; the state again, now that both docks exist, brings the tab that was
            // in front at quit (QA).
            QMainWindow::restoreState(m_settings->value(Settings::windowState));
        }
        connect(m_conversationsDock, &ConversationsDock::notice, this, &MainWindow::showNotice);
        connect(m_conversationsDock, &ConversationsDock::busyRefusal, this,
                &MainWindow::showBusyRefusal);
        // Held by the window too, so that Ctrl+F works with the dock closed (and opens it).
        addAction(m_conversationsDock->list()->searchAction());
        // Edit > Undo Delete (Ctrl+Z) while the sidebar offers to undo a deletion.
        if (QMenu *edit = menuBar()->findChild<QMenu *>(QStringLiteral("editMenu"))) {
            edit->insertAction(edit->actions().value(0), m_conversationsDock->list()->undoAction());
            edit->insertSeparator(edit->actions().value(1));
        }
        // All, chats only or comparisons only, as the designer left it.
        static const QStringList shownNames { QStringLiteral("all"), QStringLiteral("chats"),
                                              QStringLiteral("comparisons") };
        ConversationList *list = m_conversationsDock->list();
        list->setShown(ConversationListModel::Shown(
            qMax(0, int(shownNames.indexOf(m_settings->value(Settings::conversationListShows))))));
        connect(list, &ConversationList::shownChanged, this,
                [this](ConversationListModel::Shown shown) {
                    m_settings->setValue(Settings::conversationListShows,
                                         shownNames.value(int(shown)));
                });
        connect(m_conversationsDock, &ConversationsDock::compareRunRequested, this,
                &MainWindow::openStoredCompareRun);
        auto *showLibrary = new QAction(tr("&Library"), this);
        showLibrary->setObjectName(QStringLiteral("showLibraryAction"));
        showLibrary->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        connect(showLibrary, &QAction::triggered, this, [this] {
            LibraryWindow *library = libraryWindow();
            library->show();
            keepOnScreen(library); // a size kept from a larger screen
            library->raise();
            library->activateWindow();
        });
        addAction(showLibrary);
        for (QMenu *menu : menuBar()->findChildren<QMenu *>()) {
            if (menu->title() == tr("&View")) {
                m_conversationsDock->toggleViewAction()->setText(tr("C&onversations"));
                addDockToggle(menu, m_conversationsDock, m_viewDocksEnd);
                menu->addAction(showLibrary);
            }
        }
    }
    m_history = store;
    m_conversationsDock->setHistoryStore(store);
    if (m_library)
        m_library->setHistoryStore(store);
    if (auto *window = findChild<CompareWindow *>())
        window->setHistoryStore(store);
}

LibraryWindow *MainWindow::libraryWindow()
{
    // Built on first use, not with the window: nothing of it shows at start-up, and its grid,
    // model and actions cost the first frame about a millisecond.
    if (m_library || !m_history)
        return m_library;
    // The library is a window of its own: a grid wants the whole screen.
    m_library = new LibraryWindow(m_imageCache, this);
    m_library->setWindowFlag(Qt::Window);
    // A window shortcut works in every window its action was added to (found by QA: Ctrl+Q did
    // nothing in the Library).
    m_library->addAction(m_quitAction);
    if (const QByteArray geometry = m_settings->value(Settings::libraryGeometry);
        !geometry.isEmpty())
        m_library->restoreGeometry(geometry);
    // Saved from the library as from the conversation: the turn's settings go into the file.
    auto *librarySaver = new ImageSaver(m_library, m_settings);
    connect(librarySaver, &ImageSaver::statusMessage, m_library, &LibraryWindow::showMessage);
    // The library knows an image by its place; saving or copying it wants its turn, whose
    // settings go into the file.
    const auto withTurnImage = [this](const QString &conversationId, const ImageRef &ref,
                                      auto &&act) {
        if (!m_history)
            return;
        whenReady(m_history->turns(conversationId), m_library,
                  [this, ref, act](const QList<Turn> &turns) {
                      for (const Turn &turn : turns) {
                          if (turn.id != ref.turnId)
                              continue;
                          for (const ImageAsset &image : turn.images) {
                              if (image.itemId == ref.itemId) {
                                  act(turns, turn, image);
                                  return;
                              }
                          }
                      }
                      m_library->showMessage(tr("That image is no longer in the history."), 8000);
                  });
    };
    connect(m_library, &LibraryWindow::saveImageRequested, this,
            [withTurnImage, librarySaver](const QString &conversationId, const ImageRef &ref) {
                withTurnImage(
                    conversationId, ref,
                    [librarySaver](const QList<Turn> &, const Turn &turn, const ImageAsset &image) {
                        librarySaver->saveAs(turn, image);
                    });
            });
    connect(m_library, &LibraryWindow::copyImageRequested, this,
            [withTurnImage, librarySaver](const QString &conversationId, const ImageRef &ref) {
                withTurnImage(conversationId, ref,
                              [librarySaver](const QList<Turn> &turns, const Turn &,
                                             const ImageAsset &image) {
                                  librarySaver->copyToClipboard(turns, image);
                              });
            });
    connect(m_library, &LibraryWindow::editImageRequested, this,
            [this](const QString &conversationId, const ImageRef &image) {
                // The edit target is set once the conversation is shown (it loads
                // asynchronously, and a new conversation drops any earlier target).
                m_pendingEdit = { conversationId, image };
                m_conversationsDock->openConversation(conversationId, image.turnId);
                raise();
                activateWindow();
            });
    connect(m_conversationsDock, &ConversationsDock::conversationOpened, this,
            [this](const QString &conversationId) {
                const PendingEdit pending = std::exchange(m_pendingEdit, {});
                if (pending.conversationId == conversationId)
                    m_editing->editImage(pending.image);
            });
    connect(m_library, &LibraryWindow::openInConversationRequested, this,
            [this](const QString &conversationId, const QString &turnId) {
                m_conversationsDock->openConversation(conversationId, turnId);
                raise();
                activateWindow();
            });
    m_library->setHistoryStore(m_history);
    return m_library;
}

void MainWindow::showNotice(const QString &notice)
{
    statusBar()->showMessage(notice, 15000);
}

void MainWindow::showBusyRefusal(const QString &refusal)
{
    m_busyRefusal = refusal;
    showNotice(refusal);
}

void MainWindow::send(const QString &prompt)
{
    if (const QString problem = m_panel->problem(); !problem.isEmpty()) {
        // The panel shows a size it would not send: sending the last good one instead would
        // make an image of a size the designer no longer sees asked for.
        m_composer->showSendRefusal(
            tr("Not sent: %1 Fix the size in Image settings, or pick one from its list.")
                .arg(problem));
        return;
    }
    const ProviderProfile &provider = m_session->provider();
    if (!provider.isUsable()) {
        // Saying it here beats a request that can only come back "unauthorized".
        const ProviderRegistry *registry = m_providers->registry();
        const bool keychain = registry && registry->secrets() && registry->secrets()->available();
        // Without a keychain the key field is disabled: only the environment can give a key
        // (found by QA: the message sent people to a field they could not type in).
        const QString how = !keychain && !provider.keyVariable.isEmpty()
            ? tr("there is no keychain service here, so set %1 in the environment and start "
                 "Easel again")
                  .arg(provider.keyVariable)
            : provider.keyVariable.isEmpty()
            ? tr("add it in Settings > Providers")
            : tr("add it in Settings > Providers or set %1").arg(provider.keyVariable);
        m_composer->showSendRefusal(
            provider.baseUrl.isEmpty()
                ? tr("%1 has no base URL yet: set it in Settings > Providers.")
                      .arg(provider.displayName)
                : tr("No API key for %1: %2.").arg(provider.displayName, how));
        return;
    }
    if (provider.hasKey()) {
        // Said before the composer is emptied; the request itself would be refused too.
        if (const QString refusal = KeyTransport::refusal(provider.baseUrl, provider.displayName);
            !refusal.isEmpty()) {
            m_composer->showSendRefusal(refusal);
            return;
        }
    }
    m_session->setImageDecodeBox(m_view->largestImagePixels()); // the screen may have changed
    if (!m_session->send(prompt, m_composer->attachments(), m_panel->params(),
                         m_composer->editTarget(), m_composer->maskPath(),
                         m_composer->maskedFile())) {
        m_composer->showSendRefusal(m_session->lastRefusal()); // the attachments stay
        return;
    }
    m_lastSent = { prompt, m_composer->attachments() };
    m_composer->clear();
    m_composer->clearInputs(); // the turn lists them now
    m_view->followNewTurn(); // even when the designer had scrolled up to an earlier image
}

void MainWindow::giveBackRefusedInputs()
{
    // Nothing went out: the prompt and its references go back where they were written, so that
    // fixing one file is not retyping the prompt and attaching the others again. Unless the
    // designer has begun another prompt meanwhile.
    const SentInputs sent = std::exchange(m_lastSent, {});
    if (!m_composer->text().isEmpty() || !m_composer->attachments().isEmpty())
        return;
    m_composer->giveBackText(sent.prompt);
    for (const Attachment &attachment : sent.attachments) {
        if (QFileInfo::exists(attachment.filePath)) // the turn names a file gone
            m_composer->addAttachment(attachment.filePath);
    }
}

void MainWindow::onBusyChanged(bool busy)
{
    m_composer->setBusy(busy);
    if (!busy && !m_busyRefusal.isEmpty()) {
        if (statusBar()->currentMessage() == m_busyRefusal)
            statusBar()->clearMessage(); // what it refused can be done now
        m_busyRefusal.clear();
    }
}

void MainWindow::onTurnFinished(const QString &turnId)
{
    const int row = m_session->model()->rowOfTurn(turnId);
    if (row >= 0) {
        const Turn &turn = m_session->model()->turnAt(row);
        if (turn.status == Turn::Status::Failed) {
            statusBar()->showMessage(turn.errorMessage, 8000);
            // Refused by the gateway (a 401, a 429, no connection) before it answered anything:
            // nothing was made, so sending again is what the designer wants, and the prompt
            // should not have to be copied back out of the failed turn (found by QA).
            if (!turn.mayBeBilled() && m_lastSent.prompt == turn.prompt)
                giveBackRefusedInputs();
        }
        m_saver->autoSave(turn); // does nothing unless auto-save is on
    }
    m_composer->focusEditor();
}

void MainWindow::updateTotals()
{
    const ConversationModel *model = m_session->model();
    const Usage usage = model->totalUsage();
    const QLocale locale;
    const qint64 tokens = usage.inputTokens + usage.outputTokens + usage.imageInputTextTokens
        + usage.imageInputImageTokens + usage.imageOutputTokens;
    const int turns = model->rowCount();
    const int images = model->totalImages();
    // The sum of what is known, and how many turns it leaves out: a stopped turn the gateway
    // may still bill is not "$0.25 estimated" as though every turn were priced (found by QA).
    const Cost total = model->totalCost();
    QString money = total.isKnown() ? total.formatted() : Cost::formatUsd(0);
    if (const int unpriced = model->unpricedTurns(); unpriced > 0)
        money += tr(" + %n turn(s) of unknown cost", nullptr, unpriced);
    m_totals->setText(tr("%n turn(s)", nullptr, turns) + QStringLiteral(" · ")
                      + tr("%n image(s)", nullptr, images) + QStringLiteral(" · ")
                      + tr("%1 tokens").arg(locale.toString(tokens)) + QStringLiteral(" · ")
                      + money);
    m_totals->setToolTip(tr("What this conversation used and cost so far"));
}

void MainWindow::alignComposerWithColumn()
{
    // The composer spans the same width as the view (one column of the central layout, no
    // margins); measured against the view, the insets do not depend on which of the two was
    // resized first.
    const QRect column = m_view->columnRect();
    m_composer->setColumnInsets(column.left(), m_view->width() - (column.left() + column.width()));
}

void MainWindow::updateCostPreview()
{
    // Called whenever the provider or the settings change: the empty page says where images
    // come from while they come from the demo.
    const ProviderRegistry *registry = m_providers->registry();
    const bool keychain = registry && registry->secrets() && registry->secrets()->available();
    m_view->setEmptyNote(!m_session->provider().isDemo ? QString()
                             : keychain
                             ? tr("This is the offline demo: it draws its images on this "
                                  "computer, for free. Add an API key in Settings > Providers "
                                  "to make real ones.")
                             : tr("This is the offline demo: it draws its images on this "
                                  "computer, for free. Set OPENAI_API_KEY (or another "
                                  "provider's key variable) and start Easel again to make "
                                  "real ones."));
    const ImageParams params = m_panel->params();
    m_composer->setEditNote(editShapeNote(params));
    Cost perImage = m_session->provider().isDemo
        ? Cost { 0.0, Cost::Basis::Demo, tr("The offline demo gateway is free.") }
        : m_estimator->preflight(m_session->provider().chatModel, params);
    // Reference images are billed as input tokens, which only the gateway counts: the estimate
    // says it leaves them out rather than pretend (the turn's own cost includes them).
    const int references
        = int(m_composer->attachments().size()) + (m_composer->editTarget().isNull() ? 0 : 1);
    QString price = perImage.formatted();
    if (references > 0 && !m_session->provider().isDemo) {
        price = references == 1 ? tr("%1 + the reference image's input").arg(price)
                                : tr("%1 + %2 reference images' input").arg(price).arg(references);
        perImage.note += (perImage.note.isEmpty() ? QString() : QStringLiteral("; "))
            + tr("the reference images' input tokens are not included: the gateway counts "
                 "them, and the turn's cost shows them");
    }
    m_panel->setCostPreview(perImage);
    // The price as the turn will write it, and what decides it: the quality above all (found by
    // QA: "about $0.20 estimated · auto" left out the quality and named no size).
    m_composer->setHint(tr("Next image: %1 · %2 · %3 · Ctrl+Enter to send")
                            .arg(price, params.imageModel, m_panel->summary()));
}

void MainWindow::onParamsChanged()
{
    m_settings->setImageParams(m_panel->params());
    updateCostPreview();
}

QString MainWindow::editShapeNote(const ImageParams &params) const
{
    // An edit is made at the size the panel asks for: one of another shape than the edited
    // image (the aspect ratio set for another prompt) turns a landscape into a portrait, which
    // is said before it is paid for (QA).
    if (m_composer->editTarget().isNull())
        return {};
    const std::optional<ImageAsset> image = m_session->model()->findImage(m_composer->editTarget());
    const QStringList wanted = params.effectiveSize().split(QLatin1Char('x'));
    if (!image || !image->pixelSize.isValid() || wanted.size() != 2)
        return {};
    const QSize result(wanted.at(0).toInt(), wanted.at(1).toInt());
    const auto shape = [](QSize size) {
        return size.width() > size.height() ? tr("landscape")
            : size.width() < size.height()  ? tr("portrait")
                                            : tr("square");
    };
    if (result.isEmpty() || shape(result) == shape(image->pixelSize))
        return {};
    // The size held together, as in the composer's hint.
    const QString size
        = ParameterPanel::shownSize(params.effectiveSize()).replace(u' ', QChar::Nbsp);
    return tr("the result will be %1 (%2), this image is %3")
        .arg(shape(result), size, shape(image->pixelSize));
}

void MainWindow::keepEditWithItsConversation(const QString &shownConversationId)
{
    // An edit's image belongs to its conversation, so the edit cannot go with the prompt to
    // another one; it is kept there rather than dropped with its painted mask (QA: the prompt
    // then went as a new image).
    const bool leaving = !m_composer->editTarget().isNull() && !m_composerConversation.isEmpty()
        && m_composerConversation != shownConversationId;
    if (leaving) {
        m_waitingEdits.insert(m_composerConversation,
                              { m_composer->editTarget(), m_composer->editTargetFile(),
                                m_composer->editTargetLabel(), m_composer->maskPath(),
                                m_composer->maskedFile(), m_composer->maskSummary() });
    }
    m_composer->clearEditTarget();
    m_composerConversation = shownConversationId;
    const auto waiting = m_waitingEdits.constFind(shownConversationId);
    if (waiting != m_waitingEdits.cend()) {
        m_composer->setEditTarget(waiting->image, waiting->file, waiting->label);
        if (!waiting->maskPath.isEmpty())
            m_composer->setMask(waiting->maskPath, waiting->maskedFile, waiting->maskSummary);
        m_waitingEdits.erase(waiting);
        statusBar()->showMessage(tr("The edit you were preparing here is back."), 5000);
    } else if (leaving) {
        statusBar()->showMessage(tr("The edit you were preparing waits in its conversation: "
                                    "open that one again to send it."),
                                 8000);
    }
}

void MainWindow::newConversation()
{
    if (m_session->isBusy()) {
        // As for opening another conversation: starting afresh would stop a turn already billed.
        showBusyRefusal(tr("A turn is still running: stop it or wait for it before starting "
                           "a new conversation."));
        return;
    }
    if (m_conversationsDock)
        m_conversationsDock->keepReadingPlace();
    m_session->clear();
    m_composer->clear();
    m_composer->focusEditor();
}

void MainWindow::saveImage(const ImageAsset &image, const Turn &turn)
{
    // The original bytes with Easel's settings embedded; converted only to another extension.
    m_saver->saveAs(turn, image);
}

void MainWindow::copyImage(const ImageAsset &image)
{
    m_saver->copyToClipboard(m_session->model()->turns(), image);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        const QString suffix = QFileInfo(urls.first().toLocalFile()).suffix().toLower();
        static const QStringList images { QStringLiteral("png"), QStringLiteral("jpg"),
                                          QStringLiteral("jpeg"), QStringLiteral("webp") };
        if (images.contains(suffix)) {
            event->acceptProposedAction();
            return;
        }
    }
    QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return QMainWindow::dropEvent(event);
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    QFile file(path);
    // Easel's own images stay far below this; a bigger file is not worth reading on the GUI thread.
    constexpr qint64 maxBytes = 256 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxBytes) {
        statusBar()->showMessage(tr("%1 cannot be read.").arg(QFileInfo(path).fileName()), 6000);
        return;
    }
    const ImageMetadata::Read read = ImageMetadata::read(file.readAll());
    if (!read.ok) {
        statusBar()->showMessage(read.error, 6000);
        return;
    }
    m_restoreBar->offer(read.json, QFileInfo(path).fileName());
}

void MainWindow::restoreSettings(const QJsonObject &record)
{
    m_composer->setText(ImageMetadata::promptFrom(record));
    m_panel->setParams(ImageMetadata::paramsFrom(record));
    statusBar()->showMessage(tr("Settings restored from the image."), 4000);
    m_composer->focusEditor();
}

ImageViewer *MainWindow::viewImage(const ImageAsset &image)
{
    // The image already open comes to the front rather than opening again (QA: one more
    // identical window each time).
    for (ImageViewer *open : findChildren<ImageViewer *>(Qt::FindDirectChildrenOnly)) {
        if (open->filePath() == image.filePath && open->isVisible()) {
            open->raise();
            open->activateWindow();
            return open;
        }
    }
    auto *viewer = new ImageViewer(image.filePath, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    // Left and Right step through the conversation's images, each titled by the prompt that made
    // it (its file name is a content hash).
    QList<ImageViewer::Entry> sequence;
    for (const Turn &turn : m_session->model()->turns()) {
        const QString subject = ChatSession::titleFromPrompt(turn.prompt);
        for (const ImageAsset &shown : turn.images) {
            if (shown.state == ImageAsset::State::Final && !shown.filePath.isEmpty())
                sequence.append({ shown.filePath, subject });
            if (shown.filePath == image.filePath)
                viewer->setSubject(subject);
        }
    }
    viewer->setSequence(sequence);
    // Ctrl+S and Ctrl+C act on the image shown, as the conversation's act on the one selected.
    viewer->offerSaveAndCopy(true);
    const auto find = [this](const QString &filePath, const auto &use) {
        for (const Turn &turn : m_session->model()->turns()) {
            for (const ImageAsset &candidate : turn.images) {
                if (candidate.filePath == filePath)
                    return use(candidate, turn);
            }
        }
    };
    connect(viewer, &ImageViewer::saveRequested, this, [this, find](const QString &filePath) {
        find(filePath,
             [this](const ImageAsset &found, const Turn &turn) { saveImage(found, turn); });
    });
    connect(viewer, &ImageViewer::copyRequested, this, [this, find](const QString &filePath) {
        find(filePath, [this](const ImageAsset &found, const Turn &) { copyImage(found); });
    });
    viewer->show();
    // Its keys are its own from the start (QA: Right and Ctrl+S went to the window behind it).
    viewer->raise();
    viewer->activateWindow();
    return viewer;
}

CompareWindow *MainWindow::compareWindow()
{
    auto *window = findChild<CompareWindow *>();
    if (!window) {
        TurnRunner::Context context; // its own network and stream thread; the shared cache
        context.estimator = m_estimator;
        context.imageRoot = m_session->options().imageRoot;
        context.previewRoot = m_session->options().previewRoot;
        context.timeouts = m_session->options().timeouts;
        context.imageCache = m_imageCache;
        window = new CompareWindow(context, m_providers->registry(), m_settings, this);
        window->setWindowFlag(Qt::Window);
        window->addAction(m_quitAction); // Ctrl+Q quits from here too
        connect(window, &CompareWindow::useSettingsRequested, this,
                [this](const ImageParams &params, const QString &prompt) {
                    m_panel->setParams(params);
                    onParamsChanged();
                    m_composer->setText(prompt);
                });
        // The cell's image becomes a reference of the next prompt, which the designer writes:
        // a turn cannot sensibly start without one.
        connect(window, &CompareWindow::continueInChatRequested, this, [this](const QString &path) {
            if (!m_composer->addAttachment(path))
                return; // the composer says why, above the prompt
            if (isMinimized())
                showNormal();
            raise();
            activateWindow();
            m_composer->focusEditor();
            statusBar()->showMessage(tr("Image attached: type what to change and press Ctrl+Enter"),
                                     10000);
        });
        window->setHistoryStore(m_history); // runs are kept like conversations
    }
    return window;
}

void MainWindow::openCompareWindow()
{
    CompareWindow *window = compareWindow();
    // The composer's text, else the conversation's last prompt.
    QString prompt = m_composer->text();
    const QList<Turn> &turns = m_session->model()->turns();
    if (prompt.trimmed().isEmpty() && !turns.isEmpty())
        prompt = turns.constLast().prompt;
    window->prepare(prompt, m_session->provider().id, m_session->provider().chatModel,
                    m_panel->params());
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::openStoredCompareRun(const ConversationSummary &run)
{
    if (!m_history)
        return;
    whenReady(m_history->turns(run.id), this, [this, run](const QList<Turn> &turns) {
        CompareHistory::StoredRun stored;
        QString error;
        if (!CompareHistory::fromStored(run, turns, &stored, &error)) {
            showNotice(error);
            return;
        }
        CompareWindow *window = compareWindow();
        window->showStoredRun(stored);
        window->show();
        window->raise();
        window->activateWindow();
    });
}

void MainWindow::showDetails(const Turn &turn, const ImageAsset &image)
{
    auto *dialog = new DetailsDialog(turn, image, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow(); // Esc closes it at once
}

void MainWindow::setProviderRegistry(ProviderRegistry *registry)
{
    m_providersAction->setEnabled(registry != nullptr);
    m_providers->setRegistry(registry);
}

void MainWindow::openProvidersDialog()
{
    if (!m_providers->registry())
        return;
    auto *dialog = findChild<ProvidersDialog *>();
    if (!dialog) {
        dialog = new ProvidersDialog(m_providers->registry(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->selectProfile(m_session->provider().id);
    dialog->open(); // window-modal without a nested event loop
}
