#pragma once

#include "imagepairview.h"
#include "model/turn.h"

#include <QDialog>

class PairDifferencesPanel;
class QButtonGroup;
class QLabel;
class QToolButton;

// Two generated images compared: side by side, with a slider, or as their difference (keys 1, 2,
// 3), with one zoom and pan for both, and beside them what differs between the two turns
// (settings asked for and reported, prompts, tokens, cost, time). Each image is given as a turn
// and the index of one of its images, so a compare run and the conversation can both open it.
class ImagePairDialog : public QDialog
{
    Q_OBJECT
public:
    // `titleA` and `titleB` name the images, e.g. "quality=high, gpt-image-1"; empty titles fall
    // back to the image model and quality.
    ImagePairDialog(const Turn &turnA, int imageA, const Turn &turnB, int imageB,
                    const QString &titleA = {}, const QString &titleB = {},
                    QWidget *parent = nullptr);

    ImagePairView *view() const { return m_view; }
    PairDifferencesPanel *differencesPanel() const { return m_panel; }
    ImagePairView::Mode mode() const { return m_view->mode(); }
    QString title(ImagePairView::Side side) const { return m_view->title(side); }

    // A short name for an image when the caller has none: "gpt-image-1, high".
    static QString defaultTitle(const Turn &turn);

public Q_SLOTS:
    void setMode(ImagePairView::Mode mode);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void openSide(ImagePairView::Side side, const Turn &turn, int index);
    void updateChrome();
    void updateNote();

    ImagePairView *m_view = nullptr;
    PairDifferencesPanel *m_panel = nullptr;
    QButtonGroup *m_modeButtons = nullptr;
    QToolButton *m_amplifyButton = nullptr;
    QToolButton *m_fitButton = nullptr;
    QToolButton *m_actualButton = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QSize m_expectedA; // pixel sizes the turns recorded, until the images are decoded
    QSize m_expectedB;
};
