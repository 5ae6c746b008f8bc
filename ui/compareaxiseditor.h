#pragma once

#include "compare/compareaxis.h"

#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>

#include <optional>

class FlowLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

// One axis row of the Compare window's setup: which parameter varies and the values to try,
// with an editor suited to the parameter: checkable chips for the short lists (quality,
// background, format, moderation, aspect ratios, image models, providers), a line for the values
// anyone can type (sizes "1024x1024, 1536x1024", compressions "50, 80", further image models or
// ratios), one prompt variant per line. What is wrong with the row is shown under it.
//
// Object names, for tests: "axisParameter" (the combo), "axisValues" (the line), "axisPrompts"
// (the variants), "axisProblem", and each chip "chip:<value>".
class CompareAxisEditor : public QWidget
{
    Q_OBJECT
public:
    explicit CompareAxisEditor(QWidget *parent = nullptr);
    ~CompareAxisEditor() override;

    // Chips offered for the image model (the base provider's choices) and the provider axes (id,
    // display name). The values already chosen stay chosen.
    void setImageModelChoices(const QStringList &models);
    void setProviderChoices(const QList<QPair<QString, QString>> &idsAndNames);

    bool hasAxis() const { return m_parameter.has_value(); }
    std::optional<CompareAxis::Parameter> parameter() const { return m_parameter; }
    // Picks a parameter with its usual values checked (low, medium, high for quality); nullopt
    // removes the axis.
    void setParameter(std::optional<CompareAxis::Parameter> parameter);
    // The axis as edited: the checked chips in their order, then what is typed, each value
    // normalized; empty pieces of a typed list are skipped.
    CompareAxis axis() const;
    void setAxis(const CompareAxis &axis);

    void setRole(const QString &role); // "Columns", "Rows", "Panels", or what an unused row says
    void setProblem(const QString &sentence); // "" hides it
    QString problem() const { return m_problemText; }

    QComboBox *parameterCombo() const { return m_parameterCombo; }
    QToolButton *chip(const QString &value) const; // nullptr when there is no such chip

Q_SIGNALS:
    void changed(); // the parameter or a value changed

protected:
    void changeEvent(QEvent *event) override;

private:
    void onParameterPicked(int index);
    void rebuildEditor(const QStringList &checked);
    void addChip(const QString &value, const QString &label, const QString &style);
    QList<QPair<QString, QString>> chipChoices() const; // (value, label) for m_parameter
    QStringList defaultValues() const;
    bool takesTypedValues() const;
    QStringList typedValues() const;
    QStringList checkedValues() const;
    void setTypedValues(const QStringList &values);

    std::optional<CompareAxis::Parameter> m_parameter;
    QStringList m_imageModels;
    QList<QPair<QString, QString>> m_providers;
    QLabel *m_role;
    QComboBox *m_parameterCombo;
    QWidget *m_chipArea;
    FlowLayout *m_chipLayout;
    QList<QToolButton *> m_chips;
    QStringList m_checkedOrder; // the checked chips' values, in the axis' order
    QLineEdit *m_values;
    QPlainTextEdit *m_prompts;
    QLabel *m_problem;
    QString m_problemText;
    bool m_updating = false;
};
