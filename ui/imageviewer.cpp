#include "imageviewer.h"
#include "toplevelwindow.h"

#include "image/imagecache.h"
#include "imageviewport.h"
#include "viewpalette.h"
#include "zoomtext.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <functional>

namespace {

constexpr qreal zoomStep = ImageViewport::zoomStep;

ImageViewer::Loaded loadImage(const QString &filePath)
{
    ImageViewer::Loaded loaded;
    {
        QImageReader probe(filePath);
        probe.setDecideFormatFromContent(true);
        loaded.format = probe.format();
    }
    ImageCache::Decoded decoded = ImageCache::decode(filePath, QSize());
    loaded.image = std::move(decoded.image);
    loaded.error = decoded.error;
    return loaded;
}

} // namespace

// The drawing surface: the image at a scale and an offset, over a checkerboard.
class ImageCanvas : public QWidget
{
public:
    explicit ImageCanvas(QWidget *parent)
        : QWidget(parent)
    {
        setObjectName(QStringLiteral("imageCanvas"));
        setMinimumSize(240, 180);
        setFocusPolicy(Qt::StrongFocus);
    }

    std::function<void()> viewChanged;

    void setImage(const QImage &image)
    {
        m_image = image;
        viewport().setImageSize(image.size());
        relayout();
    }
    void setMessage(const QString &message)
    {
        m_message = message;
        update();
    }
    const QImage &image() const { return m_image; }
    bool fits() const { return viewport().fits(); }
    qreal scale() const { return viewport().scale(); }

    void fit()
    {
        viewport().fit();
        relayout();
    }
    // Zooms to `scale` keeping the image point under `anchor` (widget coordinates) in place.
    void zoomTo(qreal scale, QPointF anchor)
    {
        if (m_image.isNull())
            return;
        viewport().zoomTo(scale, anchor);
        update();
        notify();
    }
    void zoomBy(qreal factor) { zoomTo(scale() * factor, QRectF(rect()).center()); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.fillRect(
            rect(), ViewPalette::mix(palette().color(QPalette::Window), QColor(0, 0, 0), 0.72));
        if (m_image.isNull()) {
            painter.setPen(QColor(255, 255, 255, 200));
            painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                             m_message);
            return;
        }
        const QRectF target = viewport().imageRect();
        if (m_image.hasAlphaChannel())
            painter.fillRect(target, ImageViewport::checkerboard());
        painter.setRenderHint(QPainter::SmoothPixmapTransform, scale() < 2.0);
        painter.drawImage(target, m_image);
    }
    void resizeEvent(QResizeEvent *) override { relayout(); }
    // The wheel zooms about the pointer, as in the mask editor (QA: at Fit it did nothing);
    // Shift+wheel and a sideways wheel pan.
    void wheelEvent(QWheelEvent *event) override
    {
        const QPoint delta = event->angleDelta();
        const bool pan
            = (event->modifiers() & Qt::ShiftModifier) || (delta.y() == 0 && delta.x() != 0);
        if (!pan) {
            zoomTo(scale() * std::pow(zoomStep, delta.y() / 120.0), event->position());
        } else if (!fits()) {
            viewport().panBy(QPointF(delta) / 2.0);
            update();
        }
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && !fits()) {
            m_dragFrom = event->position();
            setCursor(Qt::ClosedHandCursor);
        }
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (!(event->buttons() & Qt::LeftButton) || fits())
            return;
        viewport().panBy(event->position() - m_dragFrom);
        m_dragFrom = event->position();
        update();
    }
    void mouseReleaseEvent(QMouseEvent *) override { updateCursor(); }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (fits())
            zoomTo(1.0, event->position());
        else
            fit();
    }

private:
    // The widget's size can change while it is hidden without a resize event, so the viewport
    // learns it whenever it is used.
    ImageViewport &viewport() const
    {
        m_viewport.setViewSize(size());
        m_viewport.setDevicePixelRatio(devicePixelRatioF()); // 100 % is actual screen pixels
        return m_viewport;
    }
    void relayout()
    {
        update();
        notify();
    }
    void notify()
    {
        updateCursor();
        if (viewChanged)
            viewChanged();
    }
    // A hand only where a drag pans: a fitted image cannot move.
    void updateCursor()
    {
        if (!m_image.isNull() && !fits())
            setCursor(Qt::OpenHandCursor);
        else
            unsetCursor();
    }

    QImage m_image;
    QString m_message;
    mutable ImageViewport m_viewport;
    QPointF m_dragFrom;
};

ImageViewer::ImageViewer(QWidget *parent)
    : QDialog(parent)
    , m_canvas(new ImageCanvas(this))
{
    setObjectName(QStringLiteral("imageViewer"));
    setWindowTitle(tr("Image"));

    auto makeButton = [this](const QString &text, const QString &name, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setObjectName(name);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus);
        return button;
    };
    m_fitButton = makeButton(tr("Fit"), QStringLiteral("fitButton"), tr("Fit to window (0)"));
    m_fitButton->setCheckable(true);
    m_actualButton
        = makeButton(tr("100%"), QStringLiteral("actualSizeButton"), tr("Actual size (1)"));
    m_zoomOutButton
        = makeButton(QStringLiteral("−"), QStringLiteral("zoomOutButton"), tr("Zoom out (-)"));
    m_zoomInButton
        = makeButton(QStringLiteral("+"), QStringLiteral("zoomInButton"), tr("Zoom in (+)"));
    m_fitButton->setAccessibleName(tr("Fit to window"));
    m_actualButton->setAccessibleName(tr("Actual size"));
    m_zoomOutButton->setAccessibleName(tr("Zoom out"));
    m_zoomInButton->setAccessibleName(tr("Zoom in"));
    m_fullScreenButton = makeButton(tr("Full Screen"), QStringLiteral("fullScreenButton"),
                                    tr("Show the image on the whole screen (F11)"));
    m_fullScreenButton->setCheckable(true);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setMinimumWidth(zoomTextWidth(m_zoomLabel->fontMetrics()));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_infoLabel = new QLabel(this);
    m_infoLabel->setObjectName(QStringLiteral("imageInfoLabel"));
    m_infoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_fitButton, &QToolButton::clicked, this, &ImageViewer::fitToWindow);
    connect(m_actualButton, &QToolButton::clicked, this, &ImageViewer::showActualSize);
    connect(m_zoomOutButton, &QToolButton::clicked, this, &ImageViewer::zoomOut);
    connect(m_zoomInButton, &QToolButton::clicked, this, &ImageViewer::zoomIn);
    connect(m_fullScreenButton, &QToolButton::clicked, this, &ImageViewer::toggleFullScreen);
    m_canvas->viewChanged = [this] {
        updateChrome();
    };

    const auto makeAction
        = [this](const QString &text, const QString &name, const QList<QKeySequence> &keys) {
              auto *action = new QAction(text, this);
              action->setObjectName(name);
              action->setShortcuts(keys);
              action->setShortcutContext(Qt::WindowShortcut);
              action->setEnabled(false);
              addAction(action);
              return action;
          };
    m_saveAction = makeAction(tr("Save Image As…"), QStringLiteral("saveImageAction"),
                              QKeySequence::keyBindings(QKeySequence::Save));
    m_copyAction = makeAction(tr("Copy Image"), QStringLiteral("copyImageAction"),
                              QKeySequence::keyBindings(QKeySequence::Copy));
    m_previousAction = makeAction(tr("Previous Image"), QStringLiteral("previousImageAction"),
                                  { QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp) });
    m_nextAction = makeAction(tr("Next Image"), QStringLiteral("nextImageAction"),
                              { QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown) });
    m_saveAction->setVisible(false);
    m_copyAction->setVisible(false);
    connect(m_saveAction, &QAction::triggered, this, [this] { Q_EMIT saveRequested(m_filePath); });
    connect(m_copyAction, &QAction::triggered, this, [this] { Q_EMIT copyRequested(m_filePath); });
    connect(m_previousAction, &QAction::triggered, this, &ImageViewer::showPrevious);
    connect(m_nextAction, &QAction::triggered, this, &ImageViewer::showNext);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(10, 6, 10, 8);
    bar->setSpacing(2);
    bar->addWidget(m_fitButton);
    bar->addWidget(m_actualButton);
    bar->addSpacing(8);
    bar->addWidget(m_zoomOutButton);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_zoomInButton);
    bar->addStretch(1);
    bar->addWidget(m_infoLabel);
    bar->addSpacing(8);
    bar->addWidget(m_fullScreenButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(bar);
    updateChrome();
    resizeToFitScreen(this, QSize(1000, 760));
}

ImageViewer::ImageViewer(const QString &filePath, QWidget *parent)
    : ImageViewer(parent)
{
    openFile(filePath);
}

ImageViewer::~ImageViewer()
{
    // A decode still running finishes into a future nobody watches; it only holds its own data.
    if (m_watcher)
        m_watcher->disconnect(this);
}

void ImageViewer::openFile(const QString &filePath)
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
    }
    m_filePath = filePath;
    m_subject.clear();
    m_error.clear();
    m_format.clear();
    m_canvas->setImage({});
    m_canvas->setMessage(tr("Loading…"));
    setWindowTitle(QFileInfo(filePath).fileName());

    auto *watcher = new QFutureWatcher<Loaded>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, &ImageViewer::onLoaded);
    watcher->setFuture(QtConcurrent::run([filePath] { return loadImage(filePath); }));
    updateChrome();
}

void ImageViewer::setSequence(const QList<Entry> &entries)
{
    m_sequence = entries;
    updateChrome();
}

void ImageViewer::offerSaveAndCopy(bool offered)
{
    m_saveAction->setVisible(offered);
    m_copyAction->setVisible(offered);
    updateChrome();
}

int ImageViewer::sequenceIndex() const
{
    for (int i = 0; i < m_sequence.size(); ++i) {
        if (m_sequence.at(i).filePath == m_filePath)
            return i;
    }
    return -1;
}

void ImageViewer::showPrevious()
{
    step(-1);
}

void ImageViewer::showNext()
{
    step(1);
}

void ImageViewer::step(int by)
{
    const int at = sequenceIndex();
    if (at < 0 || at + by < 0 || at + by >= m_sequence.size())
        return;
    const Entry entry = m_sequence.at(at + by);
    openFile(entry.filePath);
    setSubject(entry.subject);
}

void ImageViewer::setSubject(const QString &subject)
{
    m_subject = subject;
    const QString name = subject.isEmpty() ? QFileInfo(m_filePath).fileName() : subject;
    if (m_format.isEmpty()) // still loading (or failed): the size and format come with the image
        setWindowTitle(m_error.isEmpty() ? name : tr("%1 — not shown").arg(name));
    else
        setWindowTitle(tr("%1 — %2").arg(name, m_infoLabel->text()).trimmed());
}

void ImageViewer::onLoaded()
{
    QFutureWatcher<Loaded> *watcher = m_watcher;
    if (!watcher)
        return;
    const Loaded result = watcher->result();
    watcher->deleteLater();
    m_watcher = nullptr;

    const QString name = m_subject.isEmpty() ? QFileInfo(m_filePath).fileName() : m_subject;
    if (result.image.isNull()) {
        m_error = result.error.isEmpty() ? tr("The image file is damaged or not an image")
                                         : result.error;
        m_canvas->setMessage(m_error);
        setWindowTitle(tr("%1 — not shown").arg(name));
        updateChrome();
        Q_EMIT loadFailed(m_error);
        return;
    }
    m_format = result.format;
    m_canvas->setImage(result.image);
    const QString size = tr("%1 × %2").arg(result.image.width()).arg(result.image.height());
    const QString format = QString::fromLatin1(m_format).toUpper();
    setWindowTitle(tr("%1 — %2 %3").arg(name, size, format).trimmed());
    m_infoLabel->setText(tr("%1 %2").arg(size, format).trimmed());
    updateChrome();
    layout()->activate(); // the labels changed width; settle before anyone looks
    Q_EMIT loaded();
}

bool ImageViewer::isLoaded() const
{
    return !m_canvas->image().isNull();
}

QSize ImageViewer::imageSize() const
{
    return m_canvas->image().size();
}

qreal ImageViewer::zoom() const
{
    return m_canvas->scale();
}

bool ImageViewer::fitsToWindow() const
{
    return m_canvas->fits();
}

void ImageViewer::fitToWindow()
{
    m_canvas->fit();
}

void ImageViewer::showActualSize()
{
    m_canvas->zoomTo(1.0, QRectF(m_canvas->rect()).center());
}

void ImageViewer::zoomIn()
{
    m_canvas->zoomBy(zoomStep);
}

void ImageViewer::zoomOut()
{
    m_canvas->zoomBy(1.0 / zoomStep);
}

void ImageViewer::updateChrome()
{
    const bool loaded = isLoaded();
    for (QToolButton *button : { m_fitButton, m_actualButton, m_zoomInButton, m_zoomOutButton })
        button->setEnabled(loaded);
    m_fitButton->setChecked(loaded && fitsToWindow());
    m_zoomLabel->setText(loaded ? zoomText(zoom()) : QString());
    if (!loaded)
        m_infoLabel->setText(m_error);
    const int at = sequenceIndex();
    m_previousAction->setEnabled(at > 0);
    m_nextAction->setEnabled(at >= 0 && at + 1 < m_sequence.size());
    m_saveAction->setEnabled(m_saveAction->isVisible() && loaded);
    m_copyAction->setEnabled(m_copyAction->isVisible() && loaded);
}

void ImageViewer::toggleFullScreen()
{
    if (isFullScreen())
        showNormal();
    else
        showFullScreen();
    m_fullScreenButton->setChecked(isFullScreen());
}

void ImageViewer::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *fit = menu.addAction(tr("Fit to Window"), this, &ImageViewer::fitToWindow);
    QAction *actual = menu.addAction(tr("Actual Size"), this, &ImageViewer::showActualSize);
    fit->setEnabled(isLoaded());
    actual->setEnabled(isLoaded());
    if (!m_sequence.isEmpty()) {
        menu.addSeparator();
        menu.addAction(m_previousAction);
        menu.addAction(m_nextAction);
    }
    if (m_saveAction->isVisible()) {
        menu.addSeparator();
        menu.addAction(m_saveAction);
        menu.addAction(m_copyAction);
    }
    menu.exec(event->globalPos());
}

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_0:
    case Qt::Key_F:
        fitToWindow();
        break;
    case Qt::Key_1:
        showActualSize();
        break;
    case Qt::Key_F11:
        toggleFullScreen();
        break;
    case Qt::Key_Escape:
        if (!isFullScreen()) {
            QDialog::keyPressEvent(event); // closes
            return;
        }
        toggleFullScreen();
        break;
    default:
        QDialog::keyPressEvent(event); // Esc closes
        return;
    }
    event->accept();
}
