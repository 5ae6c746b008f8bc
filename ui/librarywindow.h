#pragma once

#include "model/turn.h"

#include "store/historytypes.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class HistoryStore;
class ImageCache;
class ImageViewer;
class QAction;
class LibraryModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;

// The library: a grid of every final image across conversations, newest first, with filters
// (model, quality, size, format, conversation, date, favourites, text), a favourite star on each
// cell and "Open in Conversation". Cells have one size; each shows a placeholder of its image's
// aspect until the thumbnail, decoded off the GUI thread by the shared ImageCache at the cell's
// size in device pixels, arrives. Pages load as the grid scrolls.
class LibraryWindow : public QWidget
{
    Q_OBJECT
public:
    static constexpr int thumbnailSide = 160; // logical pixels
    static constexpr int cellMargin = 6;

    explicit LibraryWindow(ImageCache *cache, QWidget *parent = nullptr); // cache not owned
    ~LibraryWindow() override;

    void setHistoryStore(HistoryStore *store); // not owned: pages, favourites and conversations
    void setConversations(const QList<ConversationSummary> &conversations); // the filter's list

    LibraryModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    ImageCache *imageCache() const { return m_cache; }
    LibraryFilter filterFromControls() const;
    QSize thumbnailPixels() const; // what the cache is asked for: the cell in device pixels

    // The star of a cell, in viewport coordinates.
    QRect starRect(const QModelIndex &index) const;
    static QRect starRectIn(const QRect &cell);
    QMenu *createContextMenu(const QPoint &viewportPos); // caller owns it; nullptr off cells
    // "View Image" (Space): the image at full size in a viewer of its own, titled by its prompt.
    ImageViewer *viewImage(const QModelIndex &index);
    ImageViewer *lastViewer() const;
    QString emptyText() const; // what the empty grid says in its middle; empty with cells

Q_SIGNALS:
    void openInConversationRequested(const QString &conversationId, const QString &turnId);
    // "Edit This Image": open its conversation and make it the next turn's edit target.
    void editImageRequested(const QString &conversationId, const ImageRef &image);
    // "Save Image As…": the window that owns the library saves it, with its settings embedded.
    void saveImageRequested(const QString &conversationId, const ImageRef &image);
    // "Copy Image": as from the conversation, with the turn's settings in the copied file.
    void copyImageRequested(const QString &conversationId, const ImageRef &image);

public Q_SLOTS:
    // A sentence for the line under the grid for a while (a save's result), then the count again.
    void showMessage(const QString &message, int timeoutMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void applyFilter();
    void openInConversation(const QModelIndex &index);
    void updateStatus(); // how many images show, or why none does
    void setEmptyText(const QString &text); // said in the middle of an empty grid
    static ImageRef refAt(const QModelIndex &index);

    QPointer<ImageCache> m_cache;
    QPointer<HistoryStore> m_store;
    LibraryModel *m_model;
    QListView *m_view;
    QComboBox *m_imageModel;
    QComboBox *m_quality;
    QComboBox *m_size;
    QComboBox *m_format;
    QComboBox *m_conversation;
    QComboBox *m_date;
    QCheckBox *m_favourites;
    QLineEdit *m_text;
    QLabel *m_status;
    QAction *m_viewAction; // Space on the grid
    QPointer<ImageViewer> m_lastViewer;
    QTimer m_textDelay;
    QTimer m_messageTime; // while it runs, the status line shows a message
    bool m_stale = false; // the history changed while the grid could not reload
};
