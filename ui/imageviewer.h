#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>
#include <QPointer>

class ImageCanvas;
class QAction;
class QLabel;
class QToolButton;

// One image at full resolution: fit to the window (the default) or at 100 % (one image pixel per
// screen pixel, also on a high-DPI screen: ImageViewport), zoom with the wheel (as the mask editor
// does) or +/-, drag or Shift+wheel to pan, a checkerboard behind transparent pixels; F11 fills
// the screen with it. Given a sequence (the conversation's images), Left/Right and Page Up/Down
// step through it; Ctrl+S and Ctrl+C ask to save or copy the image shown, for whoever offers it.
// The file is decoded on a worker thread under the same allocation limit as the conversation's
// cache.
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
    // One image of a sequence: its file and what the title calls it.
    struct Entry
    {
        QString filePath;
        QString subject;
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
    // The images Previous and Next step through; the one shown is looked for in it by its path.
    void setSequence(const QList<Entry> &entries);
    // Save Image As… and Copy Image, which emit saveRequested() and copyRequested().
    void offerSaveAndCopy(bool offered);

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
    void showPrevious();
    void showNext();

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);
    void saveRequested(const QString &filePath);
    void copyRequested(const QString &filePath);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onLoaded();
    void updateChrome();
    void step(int by);
    int sequenceIndex() const;

    ImageCanvas *m_canvas = nullptr;
    QToolButton *m_fitButton = nullptr;
    QToolButton *m_actualButton = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QToolButton *m_fullScreenButton = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_infoLabel = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_nextAction = nullptr;
    QList<Entry> m_sequence;
    QPointer<QFutureWatcher<Loaded>> m_watcher;
    QString m_filePath;
    QString m_subject;
    QString m_error;
    QByteArray m_format;
};
