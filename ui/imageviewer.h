#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>
#include <QPointer>

class ImageCanvas;
class QLabel;
class QToolButton;

// One image at full resolution: fit to the window (the default) or at 100 % (one image pixel per
// screen pixel, also on a high-DPI screen: ImageViewport), zoom with Ctrl+wheel or +/-, drag to
// pan, a checkerboard behind transparent pixels; F11 fills the screen with it. The file is decoded
// on a worker thread under the same allocation limit as the conversation's cache.
class ImageViewer : public QDialog
{
    Q_OBJECT
public:
    struct Loaded
    {
        QImage image;
        QString error;
        QByteArray format; // "png", "jpeg", ...
    };

    explicit ImageViewer(QWidget *parent = nullptr);
    // Opens `filePath` at once (see openFile()).
    explicit ImageViewer(const QString &filePath, QWidget *parent = nullptr);
    ~ImageViewer() override;

    // Starts loading; loaded() or loadFailed() follows. Any earlier load is abandoned.
    void openFile(const QString &filePath);
    // What the title calls the image (its prompt, a compare cell's settings) instead of its file
    // name, which is a content hash. Set it after openFile(); empty: the file name again.
    void setSubject(const QString &subject);
    QString filePath() const { return m_filePath; }

    bool isLoaded() const;
    QString errorMessage() const { return m_error; }
    QSize imageSize() const;
    QByteArray format() const { return m_format; }

    // 1.0 is 100 %. In fit mode this is the scale that fits the window.
    qreal zoom() const;
    bool fitsToWindow() const;

public Q_SLOTS:
    void fitToWindow();
    void showActualSize();
    void zoomIn();
    void zoomOut();
    // F11: the whole screen for the image and back. Esc leaves full screen before it closes.
    void toggleFullScreen();

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onLoaded();
    void updateChrome();

    ImageCanvas *m_canvas = nullptr;
    QToolButton *m_fitButton = nullptr;
    QToolButton *m_actualButton = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QToolButton *m_fullScreenButton = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_infoLabel = nullptr;
    QPointer<QFutureWatcher<Loaded>> m_watcher;
    QString m_filePath;
    QString m_subject;
    QString m_error;
    QByteArray m_format;
};
