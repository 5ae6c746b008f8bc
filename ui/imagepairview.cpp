#include "imagepairview.h"

#include "compare/pairdifferences.h"
#include "imageviewport.h"
#include "viewpalette.h"

#include <QFutureWatcher>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace {

constexpr int paneGap = 2;
// Below this many pixels the difference takes about a millisecond: computing it at once avoids a
// flash of "Computing…"; above it the GUI thread must not wait for it.
constexpr qint64 inlineDifferencePixels = 512 * 512;
// A press this close to the slider's divider (in pixels) grabs the divider instead of panning.
constexpr int dividerGrip = 12;

QColor backdrop(const QPalette &palette)
{
    return ViewPalette::mix(palette.color(QPalette::Window), QColor(0, 0, 0), 0.72);
}

bool sameAspect(QSize a, QSize b)
{
    if (a.isEmpty() || b.isEmpty())
        return true;
    const qreal ratioA = qreal(a.width()) / a.height();
    const qreal ratioB = qreal(b.width()) / b.height();
    return std::abs(ratioA - ratioB) <= 0.01 * ratioA;
}

// A small dark label in a corner of a pane: "A" in bold, then the caller's title.
void paintChip(QPainter &painter, const QRect &pane, Qt::Corner corner, const QString &letter,
               const QString &title)
{
    painter.save();
    QFont bold = painter.font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(painter.font());
    constexpr int padding = 7;
    constexpr int inset = 10;
    const int maxTitle
        = std::max(0, pane.width() / 2 - boldMetrics.horizontalAdvance(letter) - 4 * padding);
    const QString shownTitle = metrics.elidedText(title, Qt::ElideRight, maxTitle);
    const int letterWidth = boldMetrics.horizontalAdvance(letter);
    const int titleWidth = shownTitle.isEmpty() ? 0 : metrics.horizontalAdvance(shownTitle) + 6;
    const QSize size(letterWidth + titleWidth + 2 * padding, metrics.height() + 8);
    const bool right = corner == Qt::TopRightCorner || corner == Qt::BottomRightCorner;
    const bool bottom = corner == Qt::BottomLeftCorner || corner == Qt::BottomRightCorner;
    const QPoint at(right ? pane.right() - inset - size.width() + 1 : pane.left() + inset,
                    bottom ? pane.bottom() - inset - size.height() + 1 : pane.top() + inset);
    const QRect chip(at, size);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 170));
    painter.drawRoundedRect(QRectF(chip), 5, 5);
    painter.setPen(QColor(255, 255, 255));
    painter.setFont(bold);
    const QRect text = chip.adjusted(padding, 0, -padding, 0);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, letter);
    if (!shownTitle.isEmpty()) {
        QFont plain = bold;
        plain.setBold(false);
        painter.setFont(plain);
        painter.setPen(QColor(255, 255, 255, 215));
        painter.drawText(text.adjusted(letterWidth + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         shownTitle);
    }
    painter.restore();
}

void paintMessage(QPainter &painter, const QRect &area, const QString &message)
{
    painter.save();
    painter.setPen(QColor(255, 255, 255, 200));
    painter.drawText(area.adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, message);
    painter.restore();
}

void paintImage(QPainter &painter, const QRectF &target, const QImage &image, qreal scale)
{
    if (image.hasAlphaChannel())
        painter.fillRect(target, ImageViewport::checkerboard());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale < 2.0);
    painter.drawImage(target, image);
}

} // namespace

// One pane of the pair view: image A, image B, or both overlaid (slider and difference modes).
// It keeps no zoom of its own: its viewport is derived from the view's shared state and its own
// size every time, so panes of the same size always show exactly the same part of the picture.
class ImagePairPane : public QWidget
{
public:
    enum class Role { A, B, Overlay };

    ImagePairPane(ImagePairView *view, Role role)
        : QWidget(view)
        , m_view(view)
        , m_role(role)
    {
        static const char *const names[] = { "paneA", "paneB", "overlayPane" };
        setObjectName(QString::fromLatin1(names[int(role)]));
        setMinimumSize(160, 120);
        setFocusPolicy(Qt::StrongFocus);
        setCursor(Qt::OpenHandCursor);
        setMouseTracking(role == Role::Overlay); // the cursor changes over the divider
    }

    ImageViewport viewport() const
    {
        ImageViewport viewport;
        viewport.setImageSize(m_view->referenceSize());
        viewport.setViewSize(size());
        viewport.setDevicePixelRatio(devicePixelRatioF()); // 100 % is actual screen pixels
        m_view->applyView(viewport);
        return viewport;
    }
    int dividerX() const { return qRound(width() * m_view->m_slider); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), backdrop(palette()));
        switch (m_role) {
        case Role::A:
            paintSide(painter, ImagePairView::Side::A, rect());
            paintChip(painter, rect(), Qt::TopLeftCorner, QStringLiteral("A"),
                      m_view->title(ImagePairView::Side::A));
            break;
        case Role::B:
            paintSide(painter, ImagePairView::Side::B, rect());
            paintChip(painter, rect(), Qt::TopLeftCorner, QStringLiteral("B"),
                      m_view->title(ImagePairView::Side::B));
            break;
        case Role::Overlay:
            if (m_view->m_mode == ImagePairView::Mode::Difference)
                paintDifference(painter);
            else
                paintSlider(painter);
            break;
        }
    }

    void wheelEvent(QWheelEvent *event) override
    {
        const qreal notches = event->angleDelta().y() / 120.0;
        if (notches != 0.0) {
            ImageViewport view = viewport();
            view.zoomTo(view.scale() * std::pow(ImageViewport::zoomStep, notches),
                        event->position());
            m_view->adoptView(view);
        }
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        m_dragFrom = event->position();
        m_draggingDivider = overDivider(event->position());
        if (m_draggingDivider)
            moveDivider(event->position().x());
        else
            setCursor(Qt::ClosedHandCursor);
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (!(event->buttons() & Qt::LeftButton)) {
            setCursor(overDivider(event->position()) ? Qt::SplitHCursor : Qt::OpenHandCursor);
            return;
        }
        if (m_draggingDivider) {
            moveDivider(event->position().x());
            return;
        }
        ImageViewport view = viewport();
        if (view.fits())
            return;
        view.panBy(event->position() - m_dragFrom);
        m_dragFrom = event->position();
        m_view->adoptView(view);
    }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        m_draggingDivider = false;
        setCursor(overDivider(event->position()) ? Qt::SplitHCursor : Qt::OpenHandCursor);
    }
    void mouseDoubleClickEvent(QMouseEvent *event) override
    {
        if (overDivider(event->position()))
            return;
        ImageViewport view = viewport();
        if (view.fits())
            view.zoomTo(1.0, event->position());
        else
            view.fit();
        m_view->adoptView(view);
    }

private:
    bool overDivider(QPointF position) const
    {
        return m_role == Role::Overlay && m_view->m_mode == ImagePairView::Mode::Slider
            && std::abs(position.x() - dividerX()) <= dividerGrip;
    }
    void moveDivider(qreal x) { m_view->setSliderPosition(width() > 0 ? x / width() : 0.5); }

    // The image of one side within `area` (the whole pane, or one side of the divider).
    void paintSide(QPainter &painter, ImagePairView::Side side, const QRect &area) const
    {
        const ImagePairView::SideState &state = m_view->state(side);
        if (state.image.isNull()) {
            paintMessage(painter, area, m_view->paneMessage(side));
            return;
        }
        const ImageViewport view = viewport();
        const QRectF areaA = view.imageRect();
        const QRectF target = side == ImagePairView::Side::A ? areaA : m_view->targetForB(areaA);
        paintImage(painter, target, state.image, view.scale());
    }
    void paintSlider(QPainter &painter) const
    {
        const int x = dividerX();
        const QRect left(0, 0, x, height());
        const QRect right(x, 0, width() - x, height());
        painter.save();
        painter.setClipRect(left);
        paintSide(painter, ImagePairView::Side::A, left);
        painter.setClipRect(right);
        paintSide(painter, ImagePairView::Side::B, right);
        painter.restore();

        // The divider: a light line with a dark edge so it reads on any picture, and a round
        // grip in the middle that says it can be dragged.
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(QRectF(x - 1.5, 0, 3, height()), QColor(0, 0, 0, 90));
        painter.fillRect(QRectF(x - 0.5, 0, 1, height()), QColor(255, 255, 255, 235));
        const QPointF grip(x, height() / 2.0);
        painter.setPen(QPen(QColor(0, 0, 0, 90), 1));
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawEllipse(grip, 13, 13);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(40, 40, 40));
        for (int direction : { -1, 1 }) {
            QPainterPath arrow;
            arrow.moveTo(grip + QPointF(direction * 8.5, 0));
            arrow.lineTo(grip + QPointF(direction * 3.5, -4.5));
            arrow.lineTo(grip + QPointF(direction * 3.5, 4.5));
            arrow.closeSubpath();
            painter.drawPath(arrow);
        }
        painter.restore();

        paintChip(painter, rect(), Qt::TopLeftCorner, QStringLiteral("A"),
                  m_view->title(ImagePairView::Side::A));
        paintChip(painter, rect(), Qt::TopRightCorner, QStringLiteral("B"),
                  m_view->title(ImagePairView::Side::B));
    }

    void paintDifference(QPainter &painter) const
    {
        const QImage difference = m_view->differenceImage();
        if (difference.isNull()) {
            QStringList reasons;
            for (ImagePairView::Side side : { ImagePairView::Side::A, ImagePairView::Side::B }) {
                if (!m_view->state(side).error.isEmpty())
                    reasons << m_view->paneMessage(side);
            }
            QString message;
            if (!reasons.isEmpty())
                message = ImagePairView::tr("The difference needs both images.")
                    + QStringLiteral("\n\n") + reasons.join(QStringLiteral("\n\n"));
            else if (m_view->isLoading())
                message = ImagePairView::tr("Loading…");
            else if (m_view->isComputingDifference())
                message = ImagePairView::tr("Computing the difference…");
            paintMessage(painter, rect(), message);
        } else {
            const ImageViewport view = viewport();
            paintImage(painter, view.imageRect(), difference, view.scale());
        }
        paintChip(painter, rect(), Qt::TopLeftCorner, QStringLiteral("|A − B|"),
                  m_view->m_amplified
                      ? ImagePairView::tr("amplified ×%1").arg(ImagePairView::amplifyGain)
                      : QString());
    }

    ImagePairView *m_view;
    Role m_role;
    QPointF m_dragFrom;
    bool m_draggingDivider = false;
};

ImagePairView::ImagePairView(QWidget *parent)
    : QWidget(parent)
    , m_paneA(new ImagePairPane(this, ImagePairPane::Role::A))
    , m_paneB(new ImagePairPane(this, ImagePairPane::Role::B))
    , m_overlay(new ImagePairPane(this, ImagePairPane::Role::Overlay))
{
    setObjectName(QStringLiteral("imagePairView"));
    setMinimumSize(2 * 160 + paneGap, 120);
    m_overlay->hide();
}

ImagePairView::~ImagePairView()
{
    // Decodes and differences still running finish into futures nobody watches; they only hold
    // their own copies of the data.
    abandonLoad(Side::A);
    abandonLoad(Side::B);
    abandonDifference();
}

void ImagePairView::openFiles(const QString &filePathA, const QString &filePathB)
{
    openFile(Side::A, filePathA);
    openFile(Side::B, filePathB);
}

void ImagePairView::openFile(Side side, const QString &filePath)
{
    abandonLoad(side);
    SideState &s = state(side);
    s.filePath = filePath;
    s.image = QImage();
    s.error.clear();
    s.loading = true;
    auto *watcher = new QFutureWatcher<ImageCache::Decoded>(this);
    s.watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, side] { finishLoad(side); });
    watcher->setFuture(
        QtConcurrent::run([filePath] { return ImageCache::decode(filePath, QSize()); }));
    imagesChanged();
}

void ImagePairView::showError(Side side, const QString &message)
{
    abandonLoad(side);
    SideState &s = state(side);
    s.image = QImage();
    s.error = message;
    s.loading = false;
    imagesChanged();
    Q_EMIT loadFailed(side, message);
}

void ImagePairView::setImages(const QImage &a, const QImage &b)
{
    for (Side side : { Side::A, Side::B }) {
        abandonLoad(side);
        SideState &s = state(side);
        s.filePath.clear();
        s.image = side == Side::A ? a : b;
        s.loading = false;
        s.error = s.image.isNull() ? tr("The image is empty") : QString();
    }
    imagesChanged();
}

void ImagePairView::abandonLoad(Side side)
{
    SideState &s = state(side);
    if (!s.watcher)
        return;
    s.watcher->disconnect(this);
    connect(s.watcher, &QFutureWatcherBase::finished, s.watcher, &QObject::deleteLater);
    s.watcher = nullptr;
    s.loading = false;
}

void ImagePairView::finishLoad(Side side)
{
    SideState &s = state(side);
    QFutureWatcher<ImageCache::Decoded> *watcher = s.watcher;
    if (!watcher)
        return;
    const ImageCache::Decoded decoded
        = watcher->future().resultCount() > 0 ? watcher->result() : ImageCache::Decoded {};
    watcher->deleteLater();
    s.watcher = nullptr;
    s.loading = false;
    s.image = decoded.image;
    s.error = decoded.image.isNull()
        ? (decoded.error.isEmpty() ? tr("The image file is damaged or not an image")
                                   : decoded.error)
        : QString();
    imagesChanged();
    if (s.image.isNull())
        Q_EMIT loadFailed(side, s.error);
    else
        Q_EMIT loaded(side);
}

void ImagePairView::imagesChanged()
{
    abandonDifference();
    m_differences[0] = QImage();
    m_differences[1] = QImage();
    const QSize reference = referenceSize();
    if (reference != m_reference) {
        // Positions are measured in another image's pixels now: start again from a fitted view.
        m_reference = reference;
        m_fit = true;
        m_centre = QPointF();
    }
    ensureDifference();
    updatePanes();
    Q_EMIT viewChanged();
}

void ImagePairView::setTitles(const QString &titleA, const QString &titleB)
{
    state(Side::A).title = titleA;
    state(Side::B).title = titleB;
    updatePanes();
}

QString ImagePairView::title(Side side) const
{
    return state(side).title;
}

QString ImagePairView::paneMessage(Side side) const
{
    const SideState &s = state(side);
    const QString letter = side == Side::A ? QStringLiteral("A") : QStringLiteral("B");
    if (s.loading)
        return tr("Loading %1…").arg(letter);
    if (!s.error.isEmpty())
        return tr("Could not read image %1.\n%2").arg(letter, s.error);
    return QString();
}

QString ImagePairView::filePath(Side side) const
{
    return state(side).filePath;
}

bool ImagePairView::isLoading() const
{
    return state(Side::A).loading || state(Side::B).loading;
}

bool ImagePairView::isLoaded(Side side) const
{
    return !state(side).image.isNull();
}

QString ImagePairView::errorMessage(Side side) const
{
    return state(side).error;
}

QImage ImagePairView::image(Side side) const
{
    return state(side).image;
}

QSize ImagePairView::imageSize(Side side) const
{
    return state(side).image.size();
}

void ImagePairView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    layoutPanes();
    ensureDifference();
    updatePanes();
    Q_EMIT modeChanged(mode);
    Q_EMIT viewChanged(); // a fitted zoom depends on the pane's size
}

ImagePairPane *ImagePairView::primaryPane() const
{
    return m_mode == Mode::SideBySide ? m_paneA : m_overlay;
}

QSize ImagePairView::referenceSize() const
{
    const QImage &a = state(Side::A).image;
    return a.isNull() ? state(Side::B).image.size() : a.size();
}

void ImagePairView::applyView(ImageViewport &viewport) const
{
    if (m_fit)
        viewport.fit();
    else
        viewport.showAt(m_scale, m_centre);
}

void ImagePairView::adoptView(const ImageViewport &viewport)
{
    m_fit = viewport.fits();
    m_scale = viewport.scale();
    m_centre = viewport.centre();
    updatePanes();
    Q_EMIT viewChanged();
}

qreal ImagePairView::zoom() const
{
    return primaryPane()->viewport().scale();
}

QRectF ImagePairView::visibleImageRect(Side side) const
{
    return (side == Side::A ? m_paneA : m_paneB)->viewport().visibleImageRect();
}

QRectF ImagePairView::imageRectInPane(Side side) const
{
    const QRectF areaA = (side == Side::A ? m_paneA : m_paneB)->viewport().imageRect();
    return side == Side::A ? areaA : targetForB(areaA);
}

QRectF ImagePairView::overlayImageRect() const
{
    return m_overlay->viewport().imageRect();
}

QRectF ImagePairView::targetForB(const QRectF &areaA) const
{
    const QSize sizeB = imageSize(Side::B);
    if (sameAspect(referenceSize(), sizeB))
        return areaA;
    // Stretching a picture of another shape would misrepresent it: it is fitted inside A's area.
    const QSizeF fitted = QSizeF(sizeB).scaled(areaA.size(), Qt::KeepAspectRatio);
    QRectF target(QPointF(0, 0), fitted);
    target.moveCenter(areaA.center());
    return target;
}

void ImagePairView::fitToWindow()
{
    m_fit = true;
    updatePanes();
    Q_EMIT viewChanged();
}

void ImagePairView::showActualSize()
{
    zoomAboutCentre(1.0);
}

void ImagePairView::zoomIn()
{
    zoomAboutCentre(zoom() * ImageViewport::zoomStep);
}

void ImagePairView::zoomOut()
{
    zoomAboutCentre(zoom() / ImageViewport::zoomStep);
}

void ImagePairView::zoomAboutCentre(qreal scale)
{
    if (referenceSize().isEmpty())
        return;
    ImagePairPane *pane = primaryPane();
    ImageViewport viewport = pane->viewport();
    viewport.zoomTo(scale, QRectF(pane->rect()).center());
    adoptView(viewport);
}

void ImagePairView::setSliderPosition(qreal fraction)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (qFuzzyCompare(fraction + 1.0, m_slider + 1.0))
        return;
    m_slider = fraction;
    m_overlay->update();
    Q_EMIT sliderMoved(fraction);
}

void ImagePairView::setAmplified(bool amplified)
{
    if (amplified == m_amplified)
        return;
    m_amplified = amplified;
    ensureDifference();
    m_overlay->update();
    Q_EMIT amplifiedChanged(amplified);
}

QImage ImagePairView::differenceImage() const
{
    return m_differences[m_amplified ? 1 : 0];
}

bool ImagePairView::isComputingDifference() const
{
    return !m_differenceWatcher.isNull();
}

void ImagePairView::ensureDifference()
{
    if (m_mode != Mode::Difference || !differenceImage().isNull() || m_differenceWatcher)
        return;
    const QImage a = image(Side::A);
    const QImage b = image(Side::B);
    if (a.isNull() || b.isNull())
        return;
    const bool amplified = m_amplified;
    const int gain = amplified ? amplifyGain : 1;
    if (qint64(a.width()) * a.height() <= inlineDifferencePixels) {
        m_differences[amplified ? 1 : 0] = difference(a, b, gain);
        m_overlay->update();
        Q_EMIT differenceReady();
        return;
    }
    auto *watcher = new QFutureWatcher<QImage>(this);
    m_differenceWatcher = watcher;
    m_differenceWatcherAmplified = amplified;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        if (watcher != m_differenceWatcher)
            return;
        m_differences[m_differenceWatcherAmplified ? 1 : 0]
            = watcher->future().resultCount() > 0 ? watcher->result() : QImage();
        watcher->deleteLater();
        m_differenceWatcher = nullptr;
        m_overlay->update();
        if (!differenceImage().isNull())
            Q_EMIT differenceReady();
        else
            ensureDifference(); // the user switched amplification while this one ran
    });
    watcher->setFuture(QtConcurrent::run([a, b, gain] { return difference(a, b, gain); }));
    m_overlay->update();
}

void ImagePairView::abandonDifference()
{
    if (!m_differenceWatcher)
        return;
    m_differenceWatcher->disconnect(this);
    connect(m_differenceWatcher, &QFutureWatcherBase::finished, m_differenceWatcher,
            &QObject::deleteLater);
    m_differenceWatcher = nullptr;
}

QImage ImagePairView::difference(const QImage &a, const QImage &b, int gain)
{
    if (a.isNull() || b.isNull())
        return {};
    const QImage first = a.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const QImage second = (b.size() == a.size() ? b
                                                : b.scaled(a.size(), Qt::IgnoreAspectRatio,
                                                           Qt::SmoothTransformation))
                              .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const bool alpha = a.hasAlphaChannel() || b.hasAlphaChannel();
    QImage out(a.size(), alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    if (out.isNull())
        return {};
    gain = std::max(1, gain);
    auto channel = [gain](int from, int to, int coverage) {
        return std::min(255, std::max(std::abs(from - to), coverage) * gain);
    };
    for (int y = 0; y < out.height(); ++y) {
        const auto *rowA = reinterpret_cast<const QRgb *>(first.constScanLine(y));
        const auto *rowB = reinterpret_cast<const QRgb *>(second.constScanLine(y));
        auto *row = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const QRgb pa = rowA[x];
            const QRgb pb = rowB[x];
            const int coverage = std::abs(qAlpha(pa) - qAlpha(pb));
            const int opacity = qAlpha(pa) == 0 && qAlpha(pb) == 0 ? 0 : 255;
            row[x] = qRgba(channel(qRed(pa), qRed(pb), coverage),
                           channel(qGreen(pa), qGreen(pb), coverage),
                           channel(qBlue(pa), qBlue(pb), coverage), opacity);
        }
    }
    return out;
}

void ImagePairView::paintEvent(QPaintEvent *)
{
    // Only the gap between the side-by-side panes shows through.
    QPainter painter(this);
    painter.fillRect(rect(), ViewPalette::mix(backdrop(palette()), QColor(255, 255, 255), 0.18));
}

void ImagePairView::resizeEvent(QResizeEvent *)
{
    layoutPanes();
}

void ImagePairView::layoutPanes()
{
    // Laid out by hand so the two side-by-side panes always have the same size, and so show
    // exactly the same part of the picture.
    const bool sideBySide = m_mode == Mode::SideBySide;
    const int paneWidth = (width() - paneGap) / 2;
    m_paneA->setGeometry(0, 0, paneWidth, height());
    m_paneB->setGeometry(width() - paneWidth, 0, paneWidth, height());
    m_overlay->setGeometry(rect());
    m_paneA->setVisible(sideBySide);
    m_paneB->setVisible(sideBySide);
    m_overlay->setVisible(!sideBySide);
}

void ImagePairView::updatePanes()
{
    for (Side side : { Side::A, Side::B }) {
        const QString message = paneMessage(side);
        (side == Side::A ? m_paneA : m_paneB)
            ->setAccessibleDescription(
                message.isEmpty() ? PairDifferences::formatPixelSize(imageSize(side)) : message);
    }
    m_paneA->update();
    m_paneB->update();
    m_overlay->update();
}
