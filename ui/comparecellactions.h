#pragma once

#include "compare/comparerun.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class ImagePairDialog;
class ImageSaver;
class ImageViewer;
class QMenu;
class QWidget;

// What can be done with one cell of a compare grid, or two: open its image full size, compare
// two in the pair dialog, copy its settings to the chat (Use These Settings), continue the chat
// with its image, save or copy the image. The cells come through a lookup, so a running run and
// one read back from the history are treated alike.
//
// Menu actions' object names, for tests: "openImageAction", "compareTwoAction",
// "useSettingsAction", "continueInChatAction", "saveImageAction", "copyImageAction".
class CompareCellActions : public QObject
{
    Q_OBJECT
public:
    using CellLookup = std::function<const CompareRun::Cell *(int cellIndex)>;

    // `window` parents the viewers, dialogs and menus; `saver` writes images with their
    // settings. Neither is owned.
    CompareCellActions(QWidget *window, ImageSaver *saver, CellLookup cells);

    // The cell's menu (the caller owns it); `selected` offers "Compare These Two" when it holds
    // two cells. Null for an unknown cell.
    QMenu *createMenu(int cellIndex, const QList<int> &selected);
    ImageViewer *open(int cellIndex); // null when the cell has no final image
    ImagePairDialog *comparePair(int first, int second); // null unless both have an image
    void save(int cellIndex);
    void copy(int cellIndex);

    ImageViewer *lastViewer() const;
    ImagePairDialog *lastPairDialog() const;

    const ImageAsset *firstFinalImage(int cellIndex) const;
    int firstFinalImageIndex(int cellIndex) const; // -1 when none
    QString title(int cellIndex) const; // the axis values: "high, 1536x1024"

Q_SIGNALS:
    void useSettingsRequested(const ImageParams &params, const QString &prompt,
                              const QString &providerId);
    void continueInChatRequested(const QString &imageFilePath);
    void pairRequested(int firstCell, int secondCell);
    void statusMessage(const QString &message, int timeoutMs);

private:
    QWidget *m_window;
    ImageSaver *m_saver;
    CellLookup m_cells;
    QPointer<ImageViewer> m_viewer;
    QPointer<ImagePairDialog> m_pairDialog;
};
