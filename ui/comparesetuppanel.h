#pragma once

#include "compare/compareestimate.h"
#include "compare/comparespec.h"
#include "model/imageparams.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class CompareAxisEditor;
class CompareReferencePicker;
class CostEstimator;
class ImageCache;
class ProviderRegistry;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QDoubleSpinBox;
class QSpinBox;
class Settings;

// The left side of the Compare window: the prompt and the reference images every cell is sent
// with (CompareReferencePicker; files dropped anywhere on the panel join them), the provider, the
// base settings (the image settings panel's, passed in), up to three axis rows, and under them
// what a run would be: "6 images, about $0.40 estimated …" or, in red, why it cannot run (more
// reference images than a provider takes, too). Run and Cancel are here too;
// the window runs. Axis rows stay packed: clearing a row moves the ones below it up, and one empty
// row is offered after the last used one, so the rows always read Columns, Rows, Panels.
//
// Object names, for tests: "comparePrompt", "compareReferences" (and those its header lists),
// "compareProvider", "compareImagesPerCell",
// "compareBaseSettings", "axisEditor0".."axisEditor2", "compareProblem", "compareEstimate",
// "compareRunButton", "compareCancelButton".
class CompareSetupPanel : public QWidget
{
    Q_OBJECT
public:
    // Neither is owned; the estimator must outlive the panel. `settings` gives the cost limit
    // and may be null (then the default $1.00).
    CompareSetupPanel(ProviderRegistry *registry, const CostEstimator *estimator,
                      Settings *settings, QWidget *parent = nullptr);
    ~CompareSetupPanel() override;

    QString prompt() const;
    void setPrompt(const QString &prompt);
    QString providerId() const;
    void setProviderId(const QString &id);
    // The chat model used when cells go through the image tool of `providerId`'s gateway.
    void setChatModel(const QString &providerId, const QString &chatModel);
    ImageParams baseParams() const { return m_base; }
    void setBaseParams(const ImageParams &params);
    void setImagesPerCell(int count);
    // Sets the axes (at most three); the rows after them are cleared.
    void setAxes(const QList<CompareAxis> &axes);

    // Everything at once, e.g. a stored run's spec to run it again (its reference images too).
    void setSpec(const CompareSpec &spec);

    CompareReferencePicker *references() const { return m_references; }
    void setImageCache(ImageCache *cache); // the reference thumbnails share the window's

    CompareAxisEditor *axisEditor(int row) const { return m_editors.value(row); }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }

    CompareSpec spec() const;
    QString problem() const { return m_problem; } // "" when the spec can run
    CompareEstimate estimate() const;
    double costLimitUsd() const;
    void setRunning(bool running); // editing and Run off, Cancel on

    void refreshProviders(); // the registry's profiles changed

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void specChanged();

private:
    void onEditorChanged(int row);
    void refresh();
    void updateRows();
    void updateBaseSummary();
    QStringList imageModelChoices() const;
    // The axes of the last session (Settings::compareAxes), and keeping them as they change.
    void restoreAxes();
    void keepAxes();

    QPointer<ProviderRegistry> m_registry;
    const CostEstimator *m_estimator;
    Settings *m_settings;
    ImageParams m_base;
    QString m_chatModelProvider;
    QString m_chatModel;
    QString m_problem;
    bool m_running = false;
    bool m_packing = false;
    bool m_restoring = true; // until the constructor has set up the kept axes: nothing to keep

    QPlainTextEdit *m_prompt;
    CompareReferencePicker *m_references;
    QComboBox *m_provider;
    QSpinBox *m_imagesPerCell;
    QSpinBox *m_concurrency; // Settings::compareConcurrency
    QDoubleSpinBox *m_costLimit; // Settings::compareCostLimit
    QLabel *m_baseSummary;
    QList<CompareAxisEditor *> m_editors;
    QLabel *m_problemLabel;
    QLabel *m_estimateLabel;
    QPushButton *m_run = nullptr; // made after the axes, for the Tab order
    QPushButton *m_cancel = nullptr;
};
