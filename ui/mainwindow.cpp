#include "mainwindow.h"

#include "chat/chatsession.h"
#include "composer.h"
#include "conversationview.h"
#include "detailsdialog.h"
#include "filedialogs.h"
#include "image/imagecache.h"
#include "imageviewer.h"
#include "parameterpanel.h"
#include "pricing/costestimator.h"
#include "pricing/pricebook.h"
#include "store/imagestore.h"
#include "store/settings.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
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
    , m_providerBadge(new QLabel(this))
    , m_totals(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Easel"));
    resize(1280, 860);

    m_view->setImageCache(m_imageCache);
    m_session->setImageCache(m_imageCache);
    m_view->setModel(session->model());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_composer);
    setCentralWidget(central);

    buildActions();
    buildToolBar();
    buildDock();

    m_totals->setObjectName(QStringLiteral("conversationTotals"));
    statusBar()->addPermanentWidget(m_totals);

    connect(m_composer, &Composer::sendRequested, this, &MainWindow::send);
    connect(m_composer, &Composer::stopRequested, m_session, &ChatSession::stop);
    connect(m_session, &ChatSession::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_session, &ChatSession::turnFinished, this, &MainWindow::onTurnFinished);
    connect(m_session->model(), &ConversationModel::totalsChanged, this, &MainWindow::updateTotals);
    connect(m_view, &ConversationView::saveImageRequested, this, &MainWindow::saveImage);
    connect(m_view, &ConversationView::copyImageRequested, this, &MainWindow::copyImage);
    connect(m_view, &ConversationView::viewImageRequested, this, &MainWindow::viewImage);
    connect(m_view, &ConversationView::detailsRequested, this, &MainWindow::showDetails);

    auto *stop = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(stop, &QShortcut::activated, m_session, &ChatSession::stop);

    restoreState();
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
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_dock->toggleViewAction());

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
    m_providerBadge->setText(m_session->provider().displayName);
    m_providerBadge->setToolTip(
        tr("Where prompts are sent: %1").arg(m_session->provider().baseUrl.toDisplayString()));
    m_providerBadge->setContentsMargins(8, 0, 12, 0);
    QFont badgeFont = m_providerBadge->font();
    badgeFont.setBold(true);
    m_providerBadge->setFont(badgeFont);
    bar->addWidget(m_providerBadge);

    auto *modelLabel = new QLabel(tr("Chat model"), this);
    modelLabel->setContentsMargins(0, 0, 6, 0);
    bar->addWidget(modelLabel);
    m_chatModel->setObjectName(QStringLiteral("chatModelCombo"));
    m_chatModel->setAccessibleName(tr("Chat model"));
    m_chatModel->setToolTip(tr("The model that reads the prompt and calls the image tool"));
    m_chatModel->setEditable(true);
    m_chatModel->addItems(ProviderProfile::chatModels());
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

void MainWindow::showNotice(const QString &notice)
{
    statusBar()->showMessage(notice, 15000);
}

void MainWindow::send(const QString &prompt)
{
    if (!m_session->send(prompt, {}, m_panel->params())) {
        statusBar()->showMessage(m_session->lastRefusal(), 5000);
        return;
    }
    m_composer->clear();
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
    const QString extension = ImageStore::extensionFor(image.mimeType);
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
        + QStringLiteral("/easel_%1_%2_%3.%4")
              .arg(turn.startedAt.toString(QStringLiteral("yyyyMMdd_HHmmss")),
                   turn.requested.imageModel,
                   image.report.quality.isEmpty() ? turn.requested.quality : image.report.quality,
                   extension);
    const QString target = FileDialogs::getSaveFileName(this, tr("Save Image As"), suggested,
                                                        tr("Images (*.%1)").arg(extension));
    if (target.isEmpty())
        return;
    // The exact bytes received, not a re-encoding.
    QFile source(image.filePath);
    QSaveFile out(target);
    QString error;
    if (!source.open(QIODevice::ReadOnly))
        error = tr("the stored image cannot be read (%1)").arg(source.errorString());
    else if (!out.open(QIODevice::WriteOnly) || out.write(source.readAll()) != source.size()
             || !out.commit())
        error = out.errorString();
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Image not saved"),
                             tr("Could not save %1: %2.").arg(target, error));
        return;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(target).fileName()), 5000);
}

void MainWindow::copyImage(const ImageAsset &image)
{
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

void MainWindow::viewImage(const ImageAsset &image)
{
    auto *viewer = new ImageViewer(image.filePath, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void MainWindow::showDetails(const Turn &turn, const ImageAsset &image)
{
    auto *dialog = new DetailsDialog(turn, image, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
