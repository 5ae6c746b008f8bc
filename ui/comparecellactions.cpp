#include "comparecellactions.h"

#include "imagepairdialog.h"
#include "imagesaver.h"
#include "imageviewer.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QMimeData>

CompareCellActions::CompareCellActions(QWidget *window, ImageSaver *saver, CellLookup cells)
    : QObject(window)
    , m_window(window)
    , m_saver(saver)
    , m_cells(std::move(cells))
{
}

int CompareCellActions::firstFinalImageIndex(int cellIndex) const
{
    const CompareRun::Cell *cell = m_cells(cellIndex);
    if (!cell)
        return -1;
    const QList<ImageAsset> &images = cell->turn.images;
    for (int i = 0; i < images.size(); ++i) {
        if (images.at(i).state == ImageAsset::State::Final && !images.at(i).filePath.isEmpty())
            return i;
    }
    return -1;
}

const ImageAsset *CompareCellActions::firstFinalImage(int cellIndex) const
{
    const int index = firstFinalImageIndex(cellIndex);
    return index < 0 ? nullptr : &m_cells(cellIndex)->turn.images.at(index);
}

QString CompareCellActions::title(int cellIndex) const
{
    // Short enough for the pair dialog's image badges, whose panel spells out every parameter.
    // "" (no axes) falls back to the model and quality there.
    const CompareRun::Cell *cell = m_cells(cellIndex);
    return cell ? cell->cell.label() : QString();
}

ImageViewer *CompareCellActions::lastViewer() const
{
    return m_viewer;
}

ImagePairDialog *CompareCellActions::lastPairDialog() const
{
    return m_pairDialog;
}

ImageViewer *CompareCellActions::open(int cellIndex)
{
    const ImageAsset *image = firstFinalImage(cellIndex);
    if (!image)
        return nullptr;
    auto *viewer = new ImageViewer(image->filePath, m_window);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = title(cellIndex);
    viewer->setSubject(name.isEmpty() ? tr("Compare") : tr("%1 — Compare").arg(name));
    viewer->show();
    m_viewer = viewer;
    return viewer;
}

ImagePairDialog *CompareCellActions::comparePair(int first, int second)
{
    if (!firstFinalImage(first) || !firstFinalImage(second)) {
        Q_EMIT statusMessage(tr("Both cells need an image to be compared."), 6000);
        return nullptr;
    }
    Q_EMIT pairRequested(first, second);
    auto *dialog = new ImagePairDialog(m_cells(first)->turn, firstFinalImageIndex(first),
                                       m_cells(second)->turn, firstFinalImageIndex(second),
                                       title(first), title(second), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    m_pairDialog = dialog;
    return dialog;
}

QMenu *CompareCellActions::createMenu(int cellIndex, const QList<int> &selected)
{
    if (!m_cells(cellIndex))
        return nullptr;
    const bool hasImage = firstFinalImage(cellIndex) != nullptr;
    auto *menu = new QMenu(m_window);
    QAction *openAction
        = menu->addAction(tr("Open Full Size"), this, [this, cellIndex] { open(cellIndex); });
    openAction->setObjectName(QStringLiteral("openImageAction"));
    openAction->setEnabled(hasImage);
    if (selected.size() == 2) {
        QAction *pair = menu->addAction(tr("Compare These Two"), this, [this, selected] {
            comparePair(selected.at(0), selected.at(1));
        });
        pair->setObjectName(QStringLiteral("compareTwoAction"));
    }
    menu->addSeparator();
    QAction *use = menu->addAction(tr("Use These Settings"), this, [this, cellIndex] {
        if (const CompareRun::Cell *cell = m_cells(cellIndex))
            Q_EMIT useSettingsRequested(cell->cell.params, cell->cell.prompt,
                                        cell->cell.providerId);
    });
    use->setObjectName(QStringLiteral("useSettingsAction"));
    use->setToolTip(tr("Put this cell's prompt and settings in the composer and image settings"));
    QAction *chat = menu->addAction(tr("Continue in Chat"), this, [this, cellIndex] {
        if (const ImageAsset *image = firstFinalImage(cellIndex))
            Q_EMIT continueInChatRequested(image->filePath);
    });
    chat->setObjectName(QStringLiteral("continueInChatAction"));
    chat->setEnabled(hasImage);
    menu->addSeparator();
    QAction *saveAction
        = menu->addAction(tr("Save Image As…"), this, [this, cellIndex] { save(cellIndex); });
    saveAction->setObjectName(QStringLiteral("saveImageAction"));
    saveAction->setEnabled(hasImage);
    QAction *copyAction
        = menu->addAction(tr("Copy Image"), this, [this, cellIndex] { copy(cellIndex); });
    copyAction->setObjectName(QStringLiteral("copyImageAction"));
    copyAction->setEnabled(hasImage);
    return menu;
}

void CompareCellActions::save(int cellIndex)
{
    if (const ImageAsset *image = firstFinalImage(cellIndex))
        m_saver->saveAs(m_cells(cellIndex)->turn, *image); // with the settings embedded
}

void CompareCellActions::copy(int cellIndex)
{
    const ImageAsset *image = firstFinalImage(cellIndex);
    if (!image)
        return;
    QMimeData *data = m_saver->mimeDataFor(m_cells(cellIndex)->turn, *image);
    if (!data->hasImage()) {
        delete data;
        Q_EMIT statusMessage(tr("The image file could not be read, so nothing was copied."), 6000);
        return;
    }
    QApplication::clipboard()->setMimeData(data);
    Q_EMIT statusMessage(tr("Image copied"), 3000);
}
