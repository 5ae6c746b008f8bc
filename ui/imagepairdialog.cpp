#include "imagepairdialog.h"
#include "toplevelwindow.h"

#include "compare/pairdifferences.h"
#include "pairdifferencespanel.h"
#include "zoomtext.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

using Mode = ImagePairView::Mode;
using Side = ImagePairView::Side;

constexpr qreal sliderKeyStep = 0.05;

QToolButton *toolButton(QWidget *parent, const QString &text, const QString &name,
                        const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(name);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus); // keys belong to the view and the dialog
    return button;
}

} // namespace

ImagePairDialog::ImagePairDialog(const Turn &turnA, int imageA, const Turn &turnB, int imageB,
                                 const QString &titleA, const QString &titleB, QWidget *parent)
    : QDialog(parent)
    , m_view(new ImagePairView(this))
    , m_panel(new PairDifferencesPanel(this))
    , m_modeButtons(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("imagePairDialog"));
    setWindowTitle(tr("Compare Images"));
    resizeToFitScreen(this, QSize(1280, 820));

    const QString nameA = titleA.isEmpty() ? defaultTitle(turnA) : titleA;
    const QString nameB = titleB.isEmpty() ? defaultTitle(turnB) : titleB;
    m_view->setTitles(nameA, nameB);
    setWindowTitle(tr("Compare: %1 — %2").arg(nameA, nameB));

    // Three modes as one segmented control; the keys are in the tooltips.
    struct ModeButton
    {
        Mode mode;
        QString text;
        QString name;
        QString tip;
    };
    const QList<ModeButton> modes {
        { Mode::SideBySide, tr("Side by Side"), QStringLiteral("sideBySideButton"),
          tr("Both images next to each other (1)") },
        { Mode::Slider, tr("Slider"), QStringLiteral("sliderButton"),
          tr("A over B with a divider to drag (2)") },
        { Mode::Difference, tr("Difference"), QStringLiteral("differenceButton"),
          tr("Where the pixels differ: |A − B| (3)") },
    };
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(10, 8, 10, 8);
    bar->setSpacing(2);
    for (const ModeButton &mode : modes) {
        QToolButton *button = toolButton(this, mode.text, mode.name, mode.tip);
        button->setCheckable(true);
        m_modeButtons->addButton(button, int(mode.mode));
        bar->addWidget(button);
    }
    m_modeButtons->button(int(Mode::SideBySide))->setChecked(true);
    connect(m_modeButtons, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });

    m_amplifyButton = toolButton(this, tr("Amplify ×%1").arg(ImagePairView::amplifyGain),
                                 QStringLiteral("amplifyButton"),
                                 tr("Multiply the differences by %1 so faint ones show (A)")
                                     .arg(ImagePairView::amplifyGain));
    m_amplifyButton->setCheckable(true);
    connect(m_amplifyButton, &QToolButton::toggled, m_view, &ImagePairView::setAmplified);
    connect(m_view, &ImagePairView::amplifiedChanged, m_amplifyButton, &QToolButton::setChecked);
    bar->addSpacing(12);
    bar->addWidget(m_amplifyButton);
    bar->addStretch(1);

    m_fitButton = toolButton(this, tr("Fit"), QStringLiteral("fitButton"), tr("Fit to window (0)"));
    m_fitButton->setCheckable(true);
    m_actualButton = toolButton(this, tr("100%"), QStringLiteral("actualSizeButton"),
                                tr("Actual size (Ctrl+1)"));
    m_zoomOutButton = toolButton(this, QStringLiteral("−"), QStringLiteral("zoomOutButton"),
                                 tr("Zoom out (Ctrl+−)"));
    m_zoomInButton = toolButton(this, QStringLiteral("+"), QStringLiteral("zoomInButton"),
                                tr("Zoom in (Ctrl++)"));
    // What a screen reader says: "100%", "−" and "+" name no action.
    m_fitButton->setAccessibleName(tr("Fit to window"));
    m_actualButton->setAccessibleName(tr("Actual size"));
    m_zoomOutButton->setAccessibleName(tr("Zoom out"));
    m_zoomInButton->setAccessibleName(tr("Zoom in"));
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setMinimumWidth(zoomTextWidth(m_zoomLabel->fontMetrics()));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    connect(m_fitButton, &QToolButton::clicked, m_view, &ImagePairView::fitToWindow);
    connect(m_actualButton, &QToolButton::clicked, m_view, &ImagePairView::showActualSize);
    connect(m_zoomOutButton, &QToolButton::clicked, m_view, &ImagePairView::zoomOut);
    connect(m_zoomInButton, &QToolButton::clicked, m_view, &ImagePairView::zoomIn);
    bar->addWidget(m_fitButton);
    bar->addWidget(m_actualButton);
    bar->addSpacing(8);
    bar->addWidget(m_zoomOutButton);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_zoomInButton);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("pairSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    m_panel->setMinimumWidth(260);
    splitter->setSizes({ 920, 340 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_view, &ImagePairView::viewChanged, this, &ImagePairDialog::updateChrome);
    connect(m_view, &ImagePairView::modeChanged, this, &ImagePairDialog::updateChrome);
    connect(m_view, &ImagePairView::loaded, this, &ImagePairDialog::updateNote);
    connect(m_view, &ImagePairView::loadFailed, this, &ImagePairDialog::updateNote);

    const ImageAsset assetA = turnA.images.value(imageA);
    const ImageAsset assetB = turnB.images.value(imageB);
    m_expectedA = assetA.pixelSize;
    m_expectedB = assetB.pixelSize;
    m_panel->setDifferences(PairDifferences::compare(turnA, imageA, turnB, imageB), nameA, nameB);
    openSide(Side::A, turnA, imageA);
    openSide(Side::B, turnB, imageB);
    updateNote();
    updateChrome();
}

QString ImagePairDialog::defaultTitle(const Turn &turn)
{
    QStringList parts { turn.requested.imageModel };
    if (!turn.requested.quality.isEmpty()
        && turn.requested.quality.compare(QLatin1String("auto"), Qt::CaseInsensitive) != 0)
        parts << turn.requested.quality;
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

void ImagePairDialog::openSide(Side side, const Turn &turn, int index)
{
    if (index < 0 || index >= turn.images.size()) {
        m_view->showError(side, tr("This turn has no image %1.").arg(index + 1));
        return;
    }
    const ImageAsset &asset = turn.images.at(index);
    if (asset.state == ImageAsset::State::Failed) {
        m_view->showError(side,
                          asset.error.isEmpty() ? tr("The image failed to arrive.") : asset.error);
        return;
    }
    if (asset.filePath.isEmpty()) {
        m_view->showError(side, tr("The image has not arrived yet."));
        return;
    }
    m_view->openFile(side, asset.filePath);
}

void ImagePairDialog::setMode(ImagePairView::Mode mode)
{
    m_view->setMode(mode);
    if (QAbstractButton *button = m_modeButtons->button(int(mode)))
        button->setChecked(true);
    updateChrome();
}

void ImagePairDialog::updateNote()
{
    // The decoded sizes are the truth; until both are known, the sizes the turns recorded.
    const QSize a = m_view->isLoaded(Side::A) ? m_view->imageSize(Side::A) : m_expectedA;
    const QSize b = m_view->isLoaded(Side::B) ? m_view->imageSize(Side::B) : m_expectedB;
    m_panel->setNote(PairDifferences::sizeMismatchNote(a, b));
}

void ImagePairDialog::updateChrome()
{
    const bool any = m_view->isLoaded(Side::A) || m_view->isLoaded(Side::B);
    for (QToolButton *button : { m_fitButton, m_actualButton, m_zoomInButton, m_zoomOutButton })
        button->setEnabled(any);
    m_fitButton->setChecked(any && m_view->fitsToWindow());
    m_zoomLabel->setText(any ? zoomText(m_view->zoom()) : QString());
    m_amplifyButton->setVisible(m_view->mode() == Mode::Difference);
    if (QAbstractButton *button = m_modeButtons->button(int(m_view->mode())))
        button->setChecked(true);
}

void ImagePairDialog::keyPressEvent(QKeyEvent *event)
{
    const bool control = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_1:
        if (control)
            m_view->showActualSize();
        else
            setMode(Mode::SideBySide);
        break;
    case Qt::Key_2:
        setMode(Mode::Slider);
        break;
    case Qt::Key_3:
        setMode(Mode::Difference);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_view->zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        m_view->zoomOut();
        break;
    case Qt::Key_0:
    case Qt::Key_F:
        m_view->fitToWindow();
        break;
    case Qt::Key_A:
        if (m_view->mode() != Mode::Difference) {
            QDialog::keyPressEvent(event);
            return;
        }
        m_amplifyButton->toggle();
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (m_view->mode() != Mode::Slider) {
            QDialog::keyPressEvent(event);
            return;
        }
        m_view->setSliderPosition(
            m_view->sliderPosition()
            + (event->key() == Qt::Key_Left ? -sliderKeyStep : sliderKeyStep));
        break;
    default:
        QDialog::keyPressEvent(event); // Esc closes
        return;
    }
    event->accept();
}
