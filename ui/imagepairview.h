#pragma once

#include "image/imagecache.h"

#include <QImage>
#include <QPointer>
#include <QRectF>
#include <QWidget>

template<typename T> class QFutureWatcher;
class ImagePairPane;
class ImageViewport;

// Two images compared three ways: side by side, overlaid with a divider the user drags (A left of
// it, B right), and as the per-pixel difference |A − B|. Every pane shows the same part of the
// picture: zooming or panning one moves the others, and the zoom survives a change of mode.
// Positions are in A's pixels; an image B of another pixel size is laid over A's area (scaled to
// A's size for the difference). Files are decoded on worker threads under the image cache's
// allocation limit; one that cannot be read shows why in its own pane, and the other still works.
class ImagePairView : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { SideBySide, Slider, Difference };
    Q_ENUM(Mode)
    enum class Side { A, B };
    Q_ENUM(Side)

    static constexpr int amplifyGain = 4;

    explicit ImagePairView(QWidget *parent = nullptr);
    ~ImagePairView() override;

    // Starts decoding both files; loaded() or loadFailed() follows for each side.
    void openFiles(const QString &filePathA, const QString &filePathB);
    void openFile(Side side, const QString &filePath);
    // Shows `message` in place of the image of `side` (e.g. the turn has no such image).
    void showError(Side side, const QString &message);
    // Images already decoded; a null image counts as unreadable.
    void setImages(const QImage &a, const QImage &b);

    // Shown in the corner labels beside "A" and "B", e.g. "quality=high, gpt-image-1".
    void setTitles(const QString &titleA, const QString &titleB);
    QString title(Side side) const;

    // What the pane of `side` shows instead of the image: that it is loading, or why it cannot
    // be shown ("Could not read image B." and the reason). Empty while the image is shown.
    QString paneMessage(Side side) const;
    QString filePath(Side side) const;
    bool isLoading() const;
    bool isLoaded(Side side) const;
    QString errorMessage(Side side) const; // empty unless the side could not be shown
    QImage image(Side side) const;
    QSize imageSize(Side side) const;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    // 1.0 is 100 % of A's pixels. In fit mode this is the scale that fits the current pane.
    qreal zoom() const;
    bool fitsToWindow() const { return m_fit; }
    // The part of the picture (in A's pixels) the side-by-side pane of `side` shows, and where
    // that pane draws its whole image (in the pane's coordinates; B of another shape is fitted
    // inside A's area).
    QRectF visibleImageRect(Side side) const;
    QRectF imageRectInPane(Side side) const;
    // The same for the pane that overlays both images (slider and difference modes).
    QRectF overlayImageRect() const;

    // Where the slider's divider is, as a fraction of the overlay pane's width.
    qreal sliderPosition() const { return m_slider; }
    void setSliderPosition(qreal fraction);

    bool isAmplified() const { return m_amplified; }
    void setAmplified(bool amplified);
    // The difference image of the current amplification, null until it has been computed.
    QImage differenceImage() const;
    bool isComputingDifference() const;

    // |A − B| per channel on premultiplied pixels, coverage changes counted too (a pixel opaque in
    // one image and clear in the other shows white), times `gain`, clipped. B is first scaled to
    // A's size. Clear in both images stays clear; every other pixel is opaque.
    static QImage difference(const QImage &a, const QImage &b, int gain = 1);

public Q_SLOTS:
    void fitToWindow();
    void showActualSize();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    void loaded(ImagePairView::Side side);
    void loadFailed(ImagePairView::Side side, const QString &message);
    void viewChanged(); // zoom, pan or fit
    void modeChanged(ImagePairView::Mode mode);
    void sliderMoved(qreal fraction);
    void amplifiedChanged(bool amplified);
    void differenceReady();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class ImagePairPane;

    struct SideState
    {
        QString filePath;
        QImage image;
        QString error;
        QString title;
        bool loading = false;
        QPointer<QFutureWatcher<ImageCache::Decoded>> watcher;
    };

    SideState &state(Side side) { return m_sides[side == Side::A ? 0 : 1]; }
    const SideState &state(Side side) const { return m_sides[side == Side::A ? 0 : 1]; }
    ImagePairPane *primaryPane() const;
    // The size positions are measured in: A's, or B's when A cannot be shown.
    QSize referenceSize() const;
    // Puts a pane's viewport where the shared view state says.
    void applyView(ImageViewport &viewport) const;
    // A pane zoomed or panned: every pane follows.
    void adoptView(const ImageViewport &viewport);
    void zoomAboutCentre(qreal scale);
    // Where B is drawn for A's area `areaA`: the same rect, or B's aspect fitted inside it.
    QRectF targetForB(const QRectF &areaA) const;
    void abandonLoad(Side side);
    void finishLoad(Side side);
    void imagesChanged();
    void ensureDifference();
    void abandonDifference();
    void layoutPanes();
    void updatePanes();

    SideState m_sides[2];
    Mode m_mode = Mode::SideBySide;
    // The shared view: fitted, or a scale with the image point shown at each pane's centre.
    bool m_fit = true;
    qreal m_scale = 1.0;
    QPointF m_centre;
    QSize m_reference;
    qreal m_slider = 0.5;
    bool m_amplified = false;
    QImage m_differences[2]; // plain, amplified
    QPointer<QFutureWatcher<QImage>> m_differenceWatcher;
    bool m_differenceWatcherAmplified = false;
    ImagePairPane *m_paneA = nullptr;
    ImagePairPane *m_paneB = nullptr;
    ImagePairPane *m_overlay = nullptr;
};
