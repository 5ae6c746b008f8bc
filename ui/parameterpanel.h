#pragma once

#include "model/cost.h"
#include "model/imageparams.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

// The image settings inspector: one control per ImageParams field, grouped like a design tool's
// inspector. params() is always a request the gateway accepts: a custom size that fails
// ImageParams::validateSize is shown with its problem but never applied. paramsChanged fires once
// per change the user makes (not while typing or dragging, and never from setParams).
class ParameterPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterPanel(QWidget *parent = nullptr);
    ~ParameterPanel() override;

    ImageParams params() const { return m_params; }
    // What the panel shows but params() does not hold: a custom size the model cannot make, in
    // the sentence shown under it. Empty when everything shown is sent.
    QString problem() const;
    // The choices that decide the price, in words: "High quality · 1536 × 1024" (the composer's
    // hint says it beside the price).
    QString summary() const;
    // The same for any settings: "High quality · 1536 × 1024", "Auto quality · size Auto". The
    // composer's hint and the Compare window's base settings word them as the panel shows them.
    static QString summary(const ImageParams &params);
    static QString qualityName(const QString &quality); // "High"; an unknown value as it is
    static QString shownSize(const QString &size); // "1536 × 1024"
    void setParams(const ImageParams &params);
    void setModels(const QStringList &imageModels);
    QStringList models() const; // the image models offered, in order
    void setCostPreview(const Cost &perImage);

Q_SIGNALS:
    void paramsChanged(const ImageParams &params);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildControls();
    void buildLayout();
    void connectControls();
    void addHeader(QFormLayout *form, const QString &title, bool first = false);

    // Reads the controls into a request; `previous` supplies the size kept while the custom one
    // is invalid.
    ImageParams readControls(const ImageParams &previous) const;
    // Called after every user edit: refreshes the dependent state and emits when params changed.
    void commit();
    void refreshDependentState();
    void onSizeChosen();
    void onCompressionSliderMoved(int value);
    void onCompressionSpinChanged(int value);
    void validateCustomSize();
    void applyColours();
    bool customSizeChosen() const;

    ImageParams m_params;
    bool m_updating = false; // set while setParams fills the controls

    QComboBox *m_model = nullptr;
    QComboBox *m_quality = nullptr;
    QComboBox *m_size = nullptr;
    QLineEdit *m_customSize = nullptr;
    QLabel *m_customSizeError = nullptr;
    QComboBox *m_aspectRatio = nullptr;
    QLabel *m_effectiveSize = nullptr;
    QComboBox *m_background = nullptr;
    QLabel *m_backgroundWarning = nullptr;
    QComboBox *m_format = nullptr;
    QSlider *m_compressionSlider = nullptr;
    QSpinBox *m_compressionSpin = nullptr;
    QComboBox *m_moderation = nullptr;
    QSpinBox *m_partialImages = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_inputFidelity = nullptr;
    QCheckBox *m_imageOnly = nullptr;
    QLabel *m_costPreview = nullptr;
    QList<QLabel *> m_headers;
};
