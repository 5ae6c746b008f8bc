#pragma once

#include "model/imageasset.h"
#include "model/turn.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class ChatSession;
class Composer;
class EditingController;
class ConversationsDock;
class ConversationView;
class CostEstimator;
class ImageCache;
class HistoryStore;
class CompareWindow;
struct ConversationSummary;
class ImageSaver;
class ImageViewer;
class LibraryWindow;
class RestoreBar;
class ParameterPanel;
class ProviderRegistry;
class ProviderSwitcher;
class QComboBox;
class QDockWidget;
class QLabel;
class Settings;

// The studio window: conversation in the middle, composer below, image settings in a dock.
// It wires widgets to the ChatSession and owns no protocol logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ChatSession *session, Settings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void
    showNotice(const QString &notice); // e.g. "OPENAI_API_KEY is not set: using the offline demo"
    // A refusal because a turn is running ("stop it or wait for it…"): it goes from the status
    // bar when the turn ends, instead of staying on beside the finished turn.
    void showBusyRefusal(const QString &refusal);
    // Offers every provider profile in the toolbar's picker and Settings > Providers. Without it
    // the picker shows only the session's provider.
    void setProviderRegistry(ProviderRegistry *registry);
    // Adds the "Conversations" dock (sidebar, search, export) over the history. Not owned.
    void setHistoryStore(HistoryStore *store);
    ConversationsDock *conversationsDock() const { return m_conversationsDock; }
    // The Library window, built on first use; null until a history store is set.
    LibraryWindow *libraryWindow();
    // Scrolls back to where the conversation on screen was read at the last quit (a place
    // kept for another conversation, or a turn since deleted, changes nothing).
    void restoreReadingPlace();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    // A PNG, JPEG or WebP saved by Easel dropped on the window offers to restore its settings.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void buildToolBar();
    void buildDock();
    void restoreState();
    void restoreDraft(); // the unsent prompt and references of the last quit
    void saveDraft();

    void send(const QString &prompt);
    void onBusyChanged(bool busy);
    void giveBackRefusedInputs();
    void onTurnFinished(const QString &turnId);
    void updateTotals();
    void updateCostPreview();
    void alignComposerWithColumn();
    void onParamsChanged();

    void saveImage(const ImageAsset &image, const Turn &turn);
    void copyImage(const ImageAsset &image);
    void restoreSettings(const QJsonObject &record);
    ImageViewer *viewImage(const ImageAsset &image);
    void showDetails(const Turn &turn, const ImageAsset &image);
    void openCompareWindow(); // View > Compare… (Ctrl+Shift+K)
    CompareWindow *compareWindow(); // created on first use
    void openStoredCompareRun(const ConversationSummary &run); // from the sidebar or the library
    void newConversation();

    void openProvidersDialog();

    ChatSession *m_session;
    Settings *m_settings;
    CostEstimator *m_estimator;
    ImageCache *m_imageCache;
    ConversationView *m_view;
    Composer *m_composer;
    EditingController *m_editing = nullptr;
    struct PendingEdit
    {
        QString conversationId;
        ImageRef image;
    };
    struct SentInputs
    {
        QString prompt;
        QList<Attachment> attachments;
    };
    // What the last send took from the composer, until its turn is refused or fails unbilled.
    SentInputs m_lastSent;
    PendingEdit m_pendingEdit; // "Edit This Image" from the library, until its conversation shows
    // An edit being prepared (its image, mask and their labels) in a conversation left for
    // another: it waits there, and comes back with the conversation.
    struct WaitingEdit
    {
        ImageRef image;
        QString file;
        QString label;
        QString maskPath;
        QString maskedFile;
        QString maskSummary;
    };
    QHash<QString, WaitingEdit> m_waitingEdits; // by conversation id
    QString m_composerConversation; // the conversation the composer's edit belongs to
    void keepEditWithItsConversation(const QString &shownConversationId);
    QString editShapeNote(const ImageParams &params) const;
    ParameterPanel *m_panel;
    ProviderSwitcher *m_providers;
    QDockWidget *m_dock;
    QAction *m_providersAction = nullptr;
    // Also added to the Library and Compare windows, so that Ctrl+Q quits from them too.
    QAction *m_quitAction = nullptr;
    bool m_geometryRestored = false; // checked against the screen when first shown
    QAction *m_viewDocksEnd = nullptr; // the separator under the View menu's dock toggles
    QLabel *m_totals;
    ImageSaver *m_saver = nullptr;
    RestoreBar *m_restoreBar = nullptr;
    ConversationsDock *m_conversationsDock = nullptr;
    LibraryWindow *m_library = nullptr;
    QPointer<HistoryStore> m_history;
    QString m_busyRefusal; // shown by showBusyRefusal(), cleared with the turn that caused it
};
