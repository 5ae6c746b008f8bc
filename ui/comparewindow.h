#pragma once

#include "chat/turnrunner.h"
#include "compare/comparehistory.h"
#include "compare/comparerun.h"
#include "model/imageparams.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class CompareCellActions;
class CompareExporter;
class CompareGrid;
class CompareSetupPanel;
class CostEstimator;
class HistoryStore;
class ImageCache;
class ImagePairDialog;
class ImageSaver;
class ImageViewer;
class ProviderRegistry;
class QLabel;
class QMenu;
class QPushButton;
class QSlider;
class Settings;

// The Compare window (issue #5): one prompt, up to three axes of settings to try, the estimated
// cost before anything is sent, then the labelled grid filling in as the cells run side by side.
// A cell opens full size on a click; two cells (Ctrl+click) open in the pair dialog; a cell's
// menu copies its settings to the parameter panel or continues in the chat with its image. The
// grid exports as one PNG contact sheet, the results as CSV. A stored run (from the history) is
// shown the same way, and can be run again.
//
// Reference images (the setup panel's) go with every cell. They are read, checked and scaled off
// the GUI thread before any cell is sent, while the window says "Preparing reference images…";
// Cancel then sends nothing. What was scaled is said under them and in the status bar, and why
// they cannot be sent (too many for a provider, a file gone since it was added, a damaged one)
// is said before anything is sent.
//
// It runs cells and shows them; it does not touch the conversation: MainWindow connects the
// request signals. With a history store, each run is saved as it progresses (CompareHistory).
//
// Object names, for tests: "compareWindow", "compareProgress", "compareTwoButton",
// "exportGridButton", "exportCsvButton", "compareCellSize"; the setup panel's and the grid's are
// listed in their headers.
class CompareWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `context` as the chat uses it; a null network, stream thread, estimator or image cache is
    // made (and owned) by the window. Registry and settings are not owned; settings may be null.
    CompareWindow(const TurnRunner::Context &context, ProviderRegistry *registry,
                  Settings *settings, QWidget *parent = nullptr);
    ~CompareWindow() override;

    // What the caller starts from: the prompt (the composer's or the conversation's last), the
    // provider and chat model of the conversation, the parameter panel's settings. The axes stay
    // as they were. Ignored while a run is running.
    void prepare(const QString &prompt, const QString &providerId, const QString &chatModel,
                 const ImageParams &params);
    // Runs are saved to `store` from now on (not owned; null stops saving).
    void setHistoryStore(HistoryStore *store);
    // Shows a run read back from the history, its setup ready to run again. False (and nothing
    // changes) while a run is running.
    bool showStoredRun(const CompareHistory::StoredRun &run);

    CompareSetupPanel *setupPanel() const { return m_setup; }
    CompareGrid *grid() const { return m_grid; }
    // The current (or last) run; valid until the next one starts, a stored run is shown, or the
    // window goes. Null when nothing was run or a stored run is shown.
    CompareRun *run() const { return m_run; }
    ImageCache *imageCache() const; // the one given, or its own
    bool isRunning() const;
    // What the grid shows: the run's cells or the stored ones.
    const CompareSpec &shownSpec() const;
    QList<CompareRun::Cell> shownCells() const;
    QString storedRunId() const { return m_storedId; } // the history id of a shown stored run
    QString progressText() const;
    ImageViewer *lastViewer() const;
    ImagePairDialog *lastPairDialog() const;
    ImageSaver *imageSaver() const { return m_saver; }

    // What the buttons and the cell menu do, callable directly.
    bool startRun(); // false when nothing was sent (invalid, refused at the limit)
    void cancelRun();
    ImageViewer *openCell(int cellIndex); // nullptr when the cell has no final image
    void compareCells(int first, int second);
    QMenu *createContextMenu(int cellIndex); // caller owns it; nullptr off results
    void exportGrid();
    void exportCsv();

Q_SIGNALS:
    // "Use these settings": MainWindow puts them in the parameter panel and the composer.
    void useSettingsRequested(const ImageParams &params, const QString &prompt,
                              const QString &providerId);
    // "Continue in chat": MainWindow starts a turn with this image attached.
    void continueInChatRequested(const QString &imageFilePath);
    // Two cells (indices into shownCells()) opened side by side in the pair dialog.
    void pairRequested(int firstCell, int secondCell);
    // A run was made and is about to start: connect to it now to see its first cellChanged().
    void runStarted(CompareRun *run);
    void runFinished(CompareRun *run); // every cell done, failed or cancelled
    void exported(const QString &path); // a grid or CSV was written
    void exportFailed(const QString &message);

private:
    void buildResultsBar(QWidget *results);
    void onRunFinished();
    void onReferencesPrepared(); // their notes, or why nothing was sent
    void updateProgress();
    void updateActions();
    void showCellMenu(int cellIndex, const QPoint &globalPos);
    const CompareRun::Cell *cellAt(int cellIndex) const;
    void dropRun(); // the last run goes (it was handed out with runFinished)

    TurnRunner::Context m_context;
    QPointer<ProviderRegistry> m_registry;
    Settings *m_settings;
    QPointer<HistoryStore> m_history;
    std::unique_ptr<CostEstimator> m_ownEstimator;
    std::unique_ptr<QThread> m_ownThread;
    CompareSetupPanel *m_setup;
    CompareGrid *m_grid;
    ImageSaver *m_saver;
    CompareExporter *m_exporter;
    CompareCellActions *m_actions;
    QLabel *m_progress;
    QPushButton *m_compareTwo;
    QPushButton *m_exportGrid;
    QPushButton *m_exportCsv;
    QSlider *m_cellSize;
    QPointer<CompareRun> m_run;
    CompareSpec m_storedSpec; // a stored run's, shown when there is no m_run
    QList<CompareRun::Cell> m_storedCells;
    QString m_storedId;
    QTimer m_ticker; // the running cells' elapsed time, once a second
    bool m_starting = false; // inside CompareRun::start()
};
