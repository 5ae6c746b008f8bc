#pragma once

#include "model/imageasset.h"
#include "model/turn.h"

#include <QMainWindow>

class ChatSession;
class Composer;
class ConversationView;
class CostEstimator;
class ImageCache;
class ParameterPanel;
class ProviderRegistry;
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
    // Offers every provider profile in the toolbar's picker and Settings > Providers. Without it
    // the picker shows only the session's provider.
    void setProviderRegistry(ProviderRegistry *registry);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildToolBar();
    void buildDock();
    void restoreState();

    void send(const QString &prompt);
    void onBusyChanged(bool busy);
    void onTurnFinished(const QString &turnId);
    void updateTotals();
    void updateCostPreview();
    void onParamsChanged();

    void saveImage(const ImageAsset &image, const Turn &turn);
    void copyImage(const ImageAsset &image);
    void viewImage(const ImageAsset &image);
    void showDetails(const Turn &turn, const ImageAsset &image);
    void newConversation();

    void fillProviderCombo();
    void switchProvider(const QString &id);
    void applyProviderModels(); // the pickers' model lists and names follow the provider
    void onProfilesChanged();
    void openProvidersDialog();

    ChatSession *m_session;
    Settings *m_settings;
    CostEstimator *m_estimator;
    ImageCache *m_imageCache;
    ConversationView *m_view;
    Composer *m_composer;
    ParameterPanel *m_panel;
    QDockWidget *m_dock;
    QComboBox *m_chatModel;
    QComboBox *m_providerCombo;
    QAction *m_providersAction = nullptr;
    ProviderRegistry *m_registry = nullptr;
    QLabel *m_providerBadge;
    QLabel *m_totals;
};
