#include "mainwindow.h"

#include "autosavedialog.h"
#include "chat/chatsession.h"
#include "chat/providerregistry.h"
#include "comparewindow.h"
#include "composer.h"
#include "conversationsdock.h"
#include "conversationview.h"
#include "detailsdialog.h"
#include "filedialogs.h"
#include "image/imagecache.h"
#include "imagesaver.h"
#include "imageviewer.h"
#include "librarywindow.h"
#include "parameterpanel.h"
#include "pricing/costestimator.h"
#include "pricing/pricebook.h"
#include "providersdialog.h"
#include "restorebar.h"
#include "store/historystore.h"
#include "store/imagemetadata.h"
#include "store/imagestore.h"
#include "store/settings.h"
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
#include <QShortcut>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

MainWindow::MainWindow(ChatSession *session, Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_estimator(new CostEstimator(PriceBook::builtIn()))
    , m_imageCache(new ImageCache(this))
    , m_view(new ConversationView(this))
    , m_composer(new Composer(this))
    , m_panel(new ParameterPanel(this))
    , m_dock(new QDockWidget(tr("Image settings"), this))
    , m_chatModel(new QComboBox(this))
    , m_providerCombo(new QComboBox(this))
    , m_providerBadge(new QLabel(this))
    , m_totals(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Easel"));
    resize(1280, 860);

    m_view->setImageCache(m_imageCache);
    m_composer->setImageCache(m_imageCache);
    // Pasted pictures are kept beside the image store: the turns that send them keep their paths.
    m_composer->setPasteFolder(
        QFileInfo(m_session->options().imageRoot).dir().filePath(QStringLiteral("pasted")));
    m_session->setImageCache(m_imageCache);
    m_view->setModel(session->model());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    m_restoreBar = new RestoreBar(central);
    layout->addWidget(m_restoreBar);
    layout->addWidget(m_composer);
    m_saver = new ImageSaver(this, m_settings);
    setAcceptDrops(true);
    setCentralWidget(central);

    buildActions();
    buildToolBar();
    buildDock();

    m_totals->setObjectName(QStringLiteral("conversationTotals"));
    statusBar()->addPermanentWidget(m_totals);

    connect(m_composer, &Composer::sendRequested, this, &MainWindow::send);
    connect(m_composer, &Composer::stopRequested, m_session, &ChatSession::stop);
    connect(m_composer, &Composer::attachmentRefused, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_session, &ChatSession::busyChanged, this, &MainWindow::onBusyChanged);
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

    auto *stop = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(stop, &QShortcut::activated, m_session, &ChatSession::stop);

    restoreState();
    applyProviderModels();
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
    QAction *saveAll = file->addAction(tr("Save All Images of This Conversation…"), this, [this] {
        m_saver->saveConversation(m_session->model()->turns());
    });
    saveAll->setObjectName(QStringLiteral("saveConversationImagesAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_dock->toggleViewAction());
    QAction *compare = view->addAction(tr("&Compare…"), this, &MainWindow::openCompareWindow);
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    m_providersAction
        = settings->addAction(tr("&Providers…"), this, &MainWindow::openProvidersDialog);
    m_providersAction->setObjectName(QStringLiteral("providersAction"));
    m_providersAction->setEnabled(false); // until there is a registry to edit
    QAction *autoSave = settings->addAction(tr("&Auto-save…"), this, [this] {
        auto *dialog = findChild<AutoSaveDialog *>();
        if (!dialog) {
            dialog = new AutoSaveDialog(m_settings, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->open(); // no nested event loop
    });
    autoSave->setObjectName(QStringLiteral("autoSaveAction"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Easel"), this, [this] {
        QMessageBox::about(this, tr("About Easel"),
                           tr("<h3>Easel %1</h3><p>Chat concept art into being.</p>"
                              "<p>Qt %2 · price book of %3</p>")
                               .arg(QApplication::applicationVersion(),
                                    QString::fromLatin1(qVersion()), PriceBook::builtIn().date()));
    });
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Conversation"));
    bar->setObjectName(QStringLiteral("conversationToolBar"));
    bar->setMovable(false);

    m_providerBadge->setObjectName(QStringLiteral("providerBadge"));
    m_providerBadge->setText(tr("Provider"));
    m_providerBadge->setContentsMargins(8, 0, 6, 0);
    bar->addWidget(m_providerBadge);
    m_providerCombo->setObjectName(QStringLiteral("providerCombo"));
    m_providerCombo->setAccessibleName(tr("Provider"));
    m_providerCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillProviderCombo();
    connect(m_providerCombo, &QComboBox::activated, this,
            [this](int index) { switchProvider(m_providerCombo->itemData(index).toString()); });
    bar->addWidget(m_providerCombo);
    bar->addSeparator();

    auto *modelLabel = new QLabel(tr("Chat model"), this);
    modelLabel->setContentsMargins(0, 0, 6, 0);
    bar->addWidget(modelLabel);
    m_chatModel->setObjectName(QStringLiteral("chatModelCombo"));
    m_chatModel->setAccessibleName(tr("Chat model"));
    m_chatModel->setToolTip(tr("The model that reads the prompt and calls the image tool"));
    m_chatModel->setEditable(true);
    m_chatModel->addItems(m_session->provider().chatModelChoices.isEmpty()
                              ? ProviderProfile::chatModels()
                              : m_session->provider().chatModelChoices);
    m_chatModel->setCurrentText(m_session->provider().chatModel);
    m_chatModel->setMinimumContentsLength(12);
    connect(m_chatModel, &QComboBox::currentTextChanged, this, [this](const QString &model) {
        m_session->setChatModel(model.trimmed());
        m_settings->setValue(Settings::chatModel, model.trimmed());
    });
    bar->addWidget(m_chatModel);

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
    auto *scroll = new QScrollArea(m_dock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_panel);
    m_dock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_panel->setParams(m_settings->imageParamsValue());
    connect(m_panel, &ParameterPanel::paramsChanged, this, &MainWindow::onParamsChanged);
}

void MainWindow::restoreState()
{
    const QByteArray geometry = m_settings->value(Settings::windowGeometry);
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings->value(Settings::windowState);
    if (!state.isEmpty())
        QMainWindow::restoreState(state);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setValue(Settings::windowGeometry, saveGeometry());
    m_settings->setValue(Settings::windowState, saveState());
    m_settings->setImageParams(m_panel->params());
    m_settings->sync();
    QMainWindow::closeEvent(event);
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
        }
        connect(m_conversationsDock, &ConversationsDock::notice, this, &MainWindow::showNotice);
        connect(m_conversationsDock, &ConversationsDock::compareRunRequested, this,
                &MainWindow::openStoredCompareRun);
        // The library is a window of its own: a grid wants the whole screen.
        m_library = new LibraryWindow(m_imageCache, this);
        m_library->setWindowFlag(Qt::Window);
        connect(m_library, &LibraryWindow::openInConversationRequested, this,
                [this](const QString &conversationId, const QString &turnId) {
                    m_conversationsDock->openConversation(conversationId, turnId);
                    raise();
                    activateWindow();
                });
        auto *showLibrary = new QAction(tr("&Library"), this);
        showLibrary->setObjectName(QStringLiteral("showLibraryAction"));
        showLibrary->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
        connect(showLibrary, &QAction::triggered, m_library, [this] {
            m_library->show();
            m_library->raise();
            m_library->activateWindow();
        });
        addAction(showLibrary);
        for (QMenu *menu : menuBar()->findChildren<QMenu *>()) {
            if (menu->title() == tr("&View")) {
                menu->addAction(m_conversationsDock->toggleViewAction());
                menu->addAction(showLibrary);
            }
        }
    }
    m_history = store;
    m_conversationsDock->setHistoryStore(store);
    m_library->setHistoryStore(store);
    if (auto *window = findChild<CompareWindow *>())
        window->setHistoryStore(store);
}

void MainWindow::showNotice(const QString &notice)
{
    statusBar()->showMessage(notice, 15000);
}

void MainWindow::send(const QString &prompt)
{
    const ProviderProfile &provider = m_session->provider();
    if (!provider.isUsable()) {
        // Saying it here beats a request that can only come back "unauthorized".
        const QString how = provider.keyVariable.isEmpty()
            ? tr("add it in Settings > Providers")
            : tr("add it in Settings > Providers or set %1").arg(provider.keyVariable);
        statusBar()->showMessage(provider.baseUrl.isEmpty()
                                     ? tr("%1 has no base URL yet: set it in Settings > Providers.")
                                           .arg(provider.displayName)
                                     : tr("No API key for %1: %2.").arg(provider.displayName, how),
                                 8000);
        return;
    }
    if (!m_session->send(prompt, m_composer->attachments(), m_panel->params())) {
        statusBar()->showMessage(m_session->lastRefusal(), 5000); // the attachments stay
        return;
    }
    m_composer->clear();
    m_composer->clearAttachments(); // the turn lists them now
}

void MainWindow::onBusyChanged(bool busy)
{
    m_composer->setBusy(busy);
}

void MainWindow::onTurnFinished(const QString &turnId)
{
    const int row = m_session->model()->rowOfTurn(turnId);
    if (row >= 0) {
        const Turn &turn = m_session->model()->turnAt(row);
        if (turn.status == Turn::Status::Failed)
            statusBar()->showMessage(turn.errorMessage, 8000);
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
    m_totals->setText(
        (turns == 1 ? tr("1 turn") : tr("%1 turns").arg(turns)) + QStringLiteral(" · ")
        + (images == 1 ? tr("1 image") : tr("%1 images").arg(images)) + QStringLiteral(" · ")
        + tr("%1 tokens").arg(locale.toString(tokens)) + QStringLiteral(" · ")
        + (model->rowCount() == 0 ? Cost::formatUsd(0) : model->totalCost().formatted()));
    m_totals->setToolTip(tr("What this conversation used and cost so far"));
}

void MainWindow::updateCostPreview()
{
    const ImageParams params = m_panel->params();
    const Cost perImage = m_session->provider().isDemo
        ? Cost { 0.0, Cost::Basis::Demo, tr("The offline demo gateway is free.") }
        : m_estimator->preflight(m_session->provider().chatModel, params);
    m_panel->setCostPreview(perImage);
    m_composer->setHint(tr("Next image: about %1 · %2 · %3 · Ctrl+Enter to send")
                            .arg(perImage.formatted(), params.imageModel, params.effectiveSize()));
}

void MainWindow::onParamsChanged()
{
    m_settings->setImageParams(m_panel->params());
    updateCostPreview();
}

void MainWindow::newConversation()
{
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
    // The turn the image belongs to, so that the copied file carries the settings too.
    for (const Turn &turn : m_session->model()->turns()) {
        if (!image.filePath.isEmpty() && turn.images.contains(image)) {
            QMimeData *data = m_saver->mimeDataFor(turn, image);
            if (data->hasImage()) {
                QApplication::clipboard()->setMimeData(data);
                statusBar()->showMessage(tr("Image copied"), 3000);
                return;
            }
            delete data;
            break;
        }
    }
    QImage pixels(image.filePath);
    if (pixels.isNull()) {
        statusBar()->showMessage(tr("The image file could not be read, so nothing was copied."),
                                 6000);
        return;
    }
    auto *data = new QMimeData;
    data->setImageData(pixels);
    data->setUrls({ QUrl::fromLocalFile(image.filePath) });
    QApplication::clipboard()->setMimeData(data);
    statusBar()->showMessage(tr("Image copied"), 3000);
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

void MainWindow::viewImage(const ImageAsset &image)
{
    auto *viewer = new ImageViewer(image.filePath, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
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
        window = new CompareWindow(context, m_registry, m_settings, this);
        window->setWindowFlag(Qt::Window);
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
                return; // attachmentRefused has put the reason in the status bar
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
}

void MainWindow::setProviderRegistry(ProviderRegistry *registry)
{
    if (m_registry)
        m_registry->disconnect(this);
    m_registry = registry;
    m_providersAction->setEnabled(registry != nullptr);
    fillProviderCombo();
    if (!registry)
        return;
    connect(registry, &ProviderRegistry::profilesChanged, this, &MainWindow::onProfilesChanged);
    connect(registry, &ProviderRegistry::keyChanged, this, [this](const QString &id) {
        if (id != m_session->provider().id)
            return;
        ProviderProfile current = m_session->provider();
        const ProviderProfile resolved = m_registry->profile(id);
        current.apiKey = resolved.apiKey;
        current.keySource = resolved.keySource;
        m_session->setProvider(current);
    });
    // The tool name a gateway accepted after refusing the other one is kept for later runs.
    connect(m_session, &ChatSession::toolTypeLearned, registry, &ProviderRegistry::rememberToolType,
            Qt::UniqueConnection);
}

void MainWindow::fillProviderCombo()
{
    const QSignalBlocker blocker(m_providerCombo);
    m_providerCombo->clear();
    const ProviderProfile &current = m_session->provider();
    const QStringList ids = m_registry ? m_registry->ids() : QStringList();
    for (const QString &id : ids)
        m_providerCombo->addItem(m_registry->stored(id).displayName, id);
    if (m_providerCombo->findData(current.id) < 0)
        m_providerCombo->addItem(current.displayName, current.id);
    m_providerCombo->setCurrentIndex(m_providerCombo->findData(current.id));
    m_providerCombo->setToolTip(
        tr("Where prompts are sent: %1 (%2 API)")
            .arg(current.baseUrl.toDisplayString(), ApiFlavours::displayName(current.flavour)));
    m_providerCombo->setEnabled(m_providerCombo->count() > 1);
}

void MainWindow::switchProvider(const QString &id)
{
    if (!m_registry || id == m_session->provider().id)
        return;
    if (m_session->isBusy()) {
        fillProviderCombo(); // back to the one still answering
        statusBar()->showMessage(tr("Stop the running turn before switching provider."), 5000);
        return;
    }
    ProviderProfile next = m_registry->profile(id);
    if (next.id.isEmpty())
        return;
    // Keep the designer's chat model where the new provider can name it.
    next.chatModel = next.inOwnNaming(m_chatModel->currentText(), next.chatModel);
    m_session->setProvider(next);
    m_settings->setValue(Settings::provider, id);
    fillProviderCombo();
    applyProviderModels();
    m_settings->setValue(Settings::chatModel, m_session->provider().chatModel);
    if (!next.isUsable()) {
        showNotice(next.baseUrl.isEmpty()
                       ? tr("%1 has no base URL yet: set it in Settings > Providers.")
                             .arg(next.displayName)
                       : m_registry->keyStatus(id));
    } else {
        statusBar()->showMessage(tr("Now sending to %1 (%2 API).")
                                     .arg(next.displayName, ApiFlavours::displayName(next.flavour)),
                                 5000);
    }
}

void MainWindow::applyProviderModels()
{
    const ProviderProfile &provider = m_session->provider();
    {
        const QSignalBlocker blocker(m_chatModel);
        m_chatModel->clear();
        m_chatModel->addItems(provider.chatModelChoices.isEmpty() ? ProviderProfile::chatModels()
                                                                  : provider.chatModelChoices);
        m_chatModel->setCurrentText(provider.chatModel);
    }
    if (!provider.imageModelChoices.isEmpty())
        m_panel->setModels(provider.imageModelChoices);
    ImageParams params = m_panel->params();
    const QString imageModel = provider.inOwnNaming(params.imageModel, provider.imageModel);
    if (imageModel != params.imageModel) {
        params.imageModel = imageModel;
        m_panel->setParams(params);
        onParamsChanged();
    } else {
        updateCostPreview();
    }
}

void MainWindow::onProfilesChanged()
{
    const QString id = m_session->provider().id;
    if (m_registry->contains(id) && !m_session->isBusy()) {
        // Edits made in Settings > Providers apply to this conversation from its next turn; the
        // chat model picked in the toolbar stays.
        ProviderProfile updated = m_registry->profile(id);
        updated.chatModel = m_session->provider().chatModel;
        m_session->setProvider(updated);
    }
    fillProviderCombo();
}

void MainWindow::openProvidersDialog()
{
    if (!m_registry)
        return;
    auto *dialog = findChild<ProvidersDialog *>();
    if (!dialog) {
        dialog = new ProvidersDialog(m_registry, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->selectProfile(m_session->provider().id);
    dialog->open(); // window-modal without a nested event loop
}
