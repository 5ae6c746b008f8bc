#include "maskeditordialog.h"
#include "toplevelwindow.h"

#include "maskcanvas.h"
#include "messageboxes.h"
#include "store/diskspace.h"
#include "zoomtext.h"

#include <QAction>
#include <QActionGroup>
#include <QBuffer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

#include <cmath>

namespace {

// [ and ] move the size by about a quarter, and by at least one pixel, as in paint programs.
constexpr qreal sizeStep = 1.25;

QString shortcutHint(const QList<QKeySequence> &shortcuts)
{
    if (shortcuts.isEmpty())
        return {};
    return QStringLiteral(" (%1)").arg(shortcuts.first().toString(QKeySequence::NativeText));
}

} // namespace

namespace {

// The platform's Redo keys and Ctrl+Y, which is not among them outside KDE (found by QA); once
// each, since a key bound twice to one action is ambiguous and does nothing.
QList<QKeySequence> redoKeys()
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence ctrlY(Qt::CTRL | Qt::Key_Y);
    if (!keys.contains(ctrlY))
        keys << ctrlY;
    return keys;
}

} // namespace

MaskEditorDialog::MaskEditorDialog(const QImage &image, const QImage &existingMask, QWidget *parent)
    : QDialog(parent)
    , m_canvas(new MaskCanvas(this))
{
    setObjectName(QStringLiteral("maskEditorDialog"));
    setWindowTitle(tr("Mask — choose what may change"));
    resizeToFitScreen(this, QSize(1100, 800));
    // No remembered geometry: Easel keeps only the main window's (Settings::windowGeometry); its
    // other dialogs open at their default size, and this one follows them.

    m_canvas->setImage(image);

    // Tools.
    m_brushAction = addToolAction(tr("Brush"), QStringLiteral("brushAction"),
                                  tr("Brush: paint what may change"), { QKeySequence(Qt::Key_B) });
    m_eraserAction
        = addToolAction(tr("Eraser"), QStringLiteral("eraserAction"),
                        tr("Eraser: paint back what is kept"), { QKeySequence(Qt::Key_E) });
    auto *tools = new QActionGroup(this);
    tools->setExclusive(true);
    for (QAction *action : { m_brushAction, m_eraserAction }) {
        action->setCheckable(true);
        tools->addAction(action);
    }
    m_brushAction->setChecked(true);
    connect(m_brushAction, &QAction::triggered, this,
            [this] { m_canvas->setTool(MaskCanvas::Tool::Brush); });
    connect(m_eraserAction, &QAction::triggered, this,
            [this] { m_canvas->setTool(MaskCanvas::Tool::Eraser); });
    connect(m_canvas, &MaskCanvas::toolChanged, this, [this](MaskCanvas::Tool tool) {
        (tool == MaskCanvas::Tool::Brush ? m_brushAction : m_eraserAction)->setChecked(true);
    });

    // Brush size, in image pixels.
    const QString sizeTip = tr("Brush size in image pixels ([ smaller, ] larger)");
    auto *sizeLabel = new QLabel(tr("Size"), this);
    sizeLabel->setObjectName(QStringLiteral("brushSizeLabel"));
    sizeLabel->setToolTip(sizeTip);
    m_sizeSlider = new QSlider(Qt::Horizontal, this);
    m_sizeSlider->setObjectName(QStringLiteral("brushSizeSlider"));
    m_sizeSlider->setAccessibleName(tr("Brush size"));
    m_sizeSlider->setToolTip(sizeTip);
    m_sizeSlider->setRange(MaskCanvas::minBrushSize, MaskCanvas::maxBrushSize);
    // As long as 160 pixels where there is room, down to 72 on a small screen, so that the
    // editor fits a laptop at 2x (QA).
    m_sizeSlider->setMinimumWidth(72);
    m_sizeSlider->setMaximumWidth(160);
    m_sizeSlider->setFocusPolicy(Qt::NoFocus); // keys belong to the canvas and the dialog
    m_sizeSpin = new QSpinBox(this);
    m_sizeSpin->setObjectName(QStringLiteral("brushSizeSpin"));
    m_sizeSpin->setAccessibleName(tr("Brush size in pixels"));
    m_sizeSpin->setToolTip(sizeTip);
    m_sizeSpin->setRange(MaskCanvas::minBrushSize, MaskCanvas::maxBrushSize);
    m_sizeSpin->setSuffix(tr(" px"));
    sizeLabel->setBuddy(m_sizeSpin);
    m_sizeSlider->setValue(m_canvas->brushSize());
    m_sizeSpin->setValue(m_canvas->brushSize());
    connect(m_sizeSlider, &QSlider::valueChanged, m_canvas, &MaskCanvas::setBrushSize);
    connect(m_sizeSpin, &QSpinBox::valueChanged, m_canvas, &MaskCanvas::setBrushSize);
    connect(m_canvas, &MaskCanvas::brushSizeChanged, m_sizeSlider, &QSlider::setValue);
    connect(m_canvas, &MaskCanvas::brushSizeChanged, m_sizeSpin, &QSpinBox::setValue);
    QAction *smaller
        = addToolAction(tr("Smaller Brush"), QStringLiteral("smallerBrushAction"),
                        tr("Make the brush smaller"), { QKeySequence(Qt::Key_BracketLeft) });
    QAction *larger
        = addToolAction(tr("Larger Brush"), QStringLiteral("largerBrushAction"),
                        tr("Make the brush larger"), { QKeySequence(Qt::Key_BracketRight) });
    connect(smaller, &QAction::triggered, this, [this] { stepBrushSize(-1); });
    connect(larger, &QAction::triggered, this, [this] { stepBrushSize(+1); });

    // Edits of the whole mask.
    m_undoAction
        = addToolAction(tr("Undo"), QStringLiteral("undoAction"), tr("Undo the last stroke"),
                        QKeySequence::keyBindings(QKeySequence::Undo));
    m_redoAction = addToolAction(tr("Redo"), QStringLiteral("redoAction"),
                                 tr("Redo what was undone"), redoKeys());
    m_clearAction = addToolAction(tr("Clear"), QStringLiteral("clearAction"),
                                  tr("Clear the mask: keep the whole image"), {});
    QAction *invert = addToolAction(tr("Invert"), QStringLiteral("invertAction"),
                                    tr("Invert: what may change is kept, and the other way round"),
                                    { QKeySequence(Qt::CTRL | Qt::Key_I) });
    connect(m_undoAction, &QAction::triggered, m_canvas, &MaskCanvas::undo);
    connect(m_redoAction, &QAction::triggered, m_canvas, &MaskCanvas::redo);
    connect(m_clearAction, &QAction::triggered, m_canvas, &MaskCanvas::clear);
    connect(invert, &QAction::triggered, m_canvas, &MaskCanvas::invert);

    // Zoom.
    QAction *zoomOut
        = addToolAction(QStringLiteral("−"), QStringLiteral("zoomOutAction"), tr("Zoom out"),
                        QKeySequence::keyBindings(QKeySequence::ZoomOut));
    QList<QKeySequence> zoomInKeys = QKeySequence::keyBindings(QKeySequence::ZoomIn);
    zoomInKeys << QKeySequence(Qt::CTRL | Qt::Key_Equal);
    QAction *zoomIn = addToolAction(QStringLiteral("+"), QStringLiteral("zoomInAction"),
                                    tr("Zoom in"), zoomInKeys);
    QAction *fit = addToolAction(tr("Fit"), QStringLiteral("fitAction"), tr("Fit to window"),
                                 { QKeySequence(Qt::CTRL | Qt::Key_0) });
    QAction *actual = addToolAction(tr("100%"), QStringLiteral("actualSizeAction"),
                                    tr("Actual size"), { QKeySequence(Qt::CTRL | Qt::Key_1) });
    connect(zoomOut, &QAction::triggered, m_canvas, &MaskCanvas::zoomOut);
    connect(zoomIn, &QAction::triggered, m_canvas, &MaskCanvas::zoomIn);
    connect(fit, &QAction::triggered, m_canvas, &MaskCanvas::fitToWindow);
    connect(actual, &QAction::triggered, m_canvas, &MaskCanvas::actualSize);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setAccessibleName(tr("Zoom"));
    m_zoomLabel->setToolTip(tr("Zoom: the wheel zooms about the pointer"));
    m_zoomLabel->setMinimumWidth(zoomTextWidth(m_zoomLabel->fontMetrics()));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    connect(m_canvas, &MaskCanvas::viewChanged, this, &MaskEditorDialog::updateZoomLabel);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(10, 8, 10, 8);
    bar->setSpacing(2);
    bar->addWidget(addToolButton(m_brushAction, QStringLiteral("brushButton")));
    bar->addWidget(addToolButton(m_eraserAction, QStringLiteral("eraserButton")));
    bar->addSpacing(12);
    bar->addWidget(sizeLabel);
    bar->addSpacing(4);
    bar->addWidget(m_sizeSlider, 1);
    bar->addWidget(m_sizeSpin);
    bar->addSpacing(12);
    bar->addWidget(addToolButton(m_undoAction, QStringLiteral("undoButton")));
    bar->addWidget(addToolButton(m_redoAction, QStringLiteral("redoButton")));
    bar->addWidget(addToolButton(m_clearAction, QStringLiteral("clearButton")));
    bar->addWidget(addToolButton(invert, QStringLiteral("invertButton")));
    bar->addStretch(1);
    bar->addWidget(addToolButton(zoomOut, QStringLiteral("zoomOutButton")));
    bar->addWidget(m_zoomLabel);
    bar->addWidget(addToolButton(zoomIn, QStringLiteral("zoomInButton")));
    bar->addSpacing(8);
    bar->addWidget(addToolButton(fit, QStringLiteral("fitButton")));
    bar->addWidget(addToolButton(actual, QStringLiteral("actualSizeButton")));

    // What to do, how much may change, and the answer.
    m_hintLabel = new QLabel(tr("Paint over what may change; the rest is kept."), this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setAccessibleName(tr("Hint"));
    m_hintLabel->setToolTip(tr("The painted part of the image may change when it is edited"));
    m_hintLabel->setWordWrap(true);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setAccessibleName(tr("How much may change"));
    m_statusLabel->setToolTip(tr("The share of the image that may change"));
    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_useButton = m_buttons->addButton(tr("Use Mask"), QDialogButtonBox::AcceptRole);
    m_useButton->setObjectName(QStringLiteral("useMaskButton"));
    m_useButton->setAccessibleName(tr("Use Mask"));
    m_useButton->setDefault(true);
    // A text button like Use Mask beside it: the standard Cancel brought an icon its neighbour
    // has not (QA).
    QPushButton *cancel = m_buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Close without using a mask (Esc)"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(10, 8, 10, 10);
    footer->setSpacing(12);
    footer->addWidget(m_hintLabel, 1);
    footer->addWidget(m_statusLabel);
    footer->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(footer);

    connect(m_canvas, &MaskCanvas::maskChanged, this, &MaskEditorDialog::updateChrome);
    connect(m_canvas, &MaskCanvas::undoAvailableChanged, this, &MaskEditorDialog::updateChrome);
    connect(m_canvas, &MaskCanvas::redoAvailableChanged, this, &MaskEditorDialog::updateChrome);

    m_editsEarlierMask = !existingMask.isNull() && m_canvas->setMask(existingMask);
    if (!existingMask.isNull() && !m_editsEarlierMask) {
        m_hintLabel->setText(
            tr("The earlier mask is %1 × %2, not %3 × %4 like the image, and was left out. "
               "Paint over what may change; the rest is kept.")
                .arg(existingMask.width())
                .arg(existingMask.height())
                .arg(image.width())
                .arg(image.height()));
    }
    m_canvas->setFocus();
    updateChrome();
    updateZoomLabel();
}

QAction *MaskEditorDialog::addToolAction(const QString &text, const QString &name,
                                         const QString &tip, const QList<QKeySequence> &shortcuts)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setToolTip(tip + shortcutHint(shortcuts));
    action->setShortcuts(shortcuts);
    addAction(action); // the shortcut works wherever the focus is in the dialog
    return action;
}

QToolButton *MaskEditorDialog::addToolButton(QAction *action, const QString &name)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setObjectName(name);
    button->setAccessibleName(action->toolTip().section(QLatin1String(" ("), 0, 0));
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus); // Space belongs to the canvas (pan), not to a button
    return button;
}

QImage MaskEditorDialog::mask() const
{
    return m_canvas->mask();
}

void MaskEditorDialog::stepBrushSize(int direction)
{
    const int size = m_canvas->brushSize();
    const int next = direction > 0 ? std::max(size + 1, int(std::lround(size * sizeStep)))
                                   : std::min(size - 1, int(std::lround(size / sizeStep)));
    m_canvas->setBrushSize(next);
}

void MaskEditorDialog::reject()
{
    // The question in the box itself (some desktops show no title), with its answers named for
    // what they do: "Cancel" right after the editor's own Cancel was ambiguous (QA).
    if (m_canvas->canUndo()
        && !MessageBoxes::confirm(this, tr("Discard the Strokes?"),
                                  m_editsEarlierMask
                                      ? tr("Discard the changes painted here? The mask you used "
                                           "before is kept.")
                                      : tr("Discard the strokes painted here?"),
                                  tr("Discard"), tr("Keep Painting")))
        return;
    QDialog::reject();
}

QString MaskEditorDialog::statusText(qreal paintedFraction)
{
    if (paintedFraction <= 0.0)
        return tr("Nothing painted yet");
    if (paintedFraction < 0.005)
        return tr("<1% may change");
    // Never "100%" while some of it is kept, nor "0%" while something may change.
    int percent = int(std::lround(paintedFraction * 100));
    if (paintedFraction < 1.0)
        percent = std::min(percent, 99);
    return tr("%1% may change").arg(percent);
}

void MaskEditorDialog::updateChrome()
{
    const bool empty = m_canvas->isEmpty();
    m_statusLabel->setText(statusText(m_canvas->paintedFraction()));
    m_useButton->setEnabled(!empty);
    m_useButton->setToolTip(
        empty ? tr("Paint over part of the image first: an empty mask would change nothing")
              : tr("Use this mask: the painted part may change, the rest is kept"));
    m_clearAction->setEnabled(!empty);
    m_undoAction->setEnabled(m_canvas->canUndo());
    m_redoAction->setEnabled(m_canvas->canRedo());
}

void MaskEditorDialog::updateZoomLabel()
{
    m_zoomLabel->setText(zoomText(m_canvas->zoom()));
}

QString MaskEditorDialog::saveMask(const QImage &mask, const QString &folder, QString *error)
{
    auto failed = [error](const QString &where, const QString &why) {
        if (error)
            *error = tr("Could not save the mask to %1: %2.")
                         .arg(QDir::toNativeSeparators(where), why);
        return QString();
    };
    if (mask.isNull()) {
        if (error)
            *error = tr("Could not save the mask: there is no mask to save.");
        return {};
    }
    const QFileInfo folderInfo(folder);
    if (folderInfo.exists() && !folderInfo.isDir())
        return failed(folder, tr("that is a file, not a folder"));
    if (!QDir().mkpath(folder))
        return failed(folder, tr("the folder could not be created"));

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // ARGB32 keeps the alpha the endpoint reads, whatever format the caller handed in.
    if (!mask.convertToFormat(QImage::Format_ARGB32).save(&buffer, "PNG"))
        return failed(folder, tr("the mask could not be encoded as PNG"));
    buffer.close();

    const QString path = QDir(folder).filePath(
        QStringLiteral("mask-%1.png").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    // Through a temporary file renamed at the end, so no half-written mask is ever sent. Flushed
    // before commit(): QSaveFile (Qt 6.4) overlooks a failure of its last flush and would commit
    // an empty file on a full disk.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.flush() || !file.commit())
        return failed(path, DiskSpace::saveFailure(file, bytes.size()));
    return path;
}
