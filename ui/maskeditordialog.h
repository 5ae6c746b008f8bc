#pragma once

#include <QDialog>
#include <QImage>

class MaskCanvas;
class QAction;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;

// Where an edit may change an image: the designer paints over it (brush B, eraser E, size with
// [ and ], undo, clear, invert, zoom) and "Use Mask" hands back a mask the size of the image,
// transparent where it may change and opaque elsewhere (OpenAI's input_image_mask). "Use Mask"
// waits until something is painted: an empty mask would change nothing.
class MaskEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // `existingMask` (same size as `image`, transparent where it may change) is shown to be
    // refined; one of another size is left out and the dialog says so.
    explicit MaskEditorDialog(const QImage &image, const QImage &existingMask = {},
                              QWidget *parent = nullptr);

    // See MaskCanvas::mask(): Format_ARGB32, the image's size, alpha 0 where it may change.
    QImage mask() const;
    MaskCanvas *canvas() const { return m_canvas; }

    // "12% may change", "<1% may change", "Nothing painted yet".
    static QString statusText(qreal paintedFraction);
    // Writes `mask` as mask-<uuid>.png into `folder` (created if need be), whole or not at all.
    // Returns the file's path, or "" with `error` set to a plain sentence.
    static QString saveMask(const QImage &mask, const QString &folder, QString *error);

    // Cancel, Esc or closing the window: asks first when strokes were painted, which would be
    // lost (found by QA: one stray Esc threw away minutes of masking).
    void reject() override;

private:
    QAction *addToolAction(const QString &text, const QString &name, const QString &tip,
                           const QList<QKeySequence> &shortcuts);
    QToolButton *addToolButton(QAction *action, const QString &name);
    void stepBrushSize(int direction);
    void updateChrome();
    void updateZoomLabel();

    MaskCanvas *m_canvas = nullptr;
    bool m_editsEarlierMask = false; // opened on a mask already used (Edit Mask…)
    QSlider *m_sizeSlider = nullptr;
    QSpinBox *m_sizeSpin = nullptr;
    QAction *m_brushAction = nullptr;
    QAction *m_eraserAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_clearAction = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QLabel *m_hintLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_useButton = nullptr;
};
