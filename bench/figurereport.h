#pragma once

#include "samples.h"

#include <QJsonObject>
#include <QString>

// One figure of the benchmark as it is printed: the measured value (a median), the baselines
// measured in the same run on the same bytes, the target and whether it was met. A figure that
// could not be measured carries an error instead of a pass.
class FigureReport
{
public:
    enum class Direction { AtLeast, AtMost, None };

    FigureReport(const QString &name, const QString &unit, const QString &what);

    QString name() const { return m_name; }
    void setTarget(Direction direction, double value);
    void setValue(const Samples &samples); // the median of the samples
    void setValue(double value);
    double value() const { return m_value; }
    // A figure measured the same way on something that has no speed target of its own.
    void addBaseline(const QString &name, double value, const QString &unit, const QString &what,
                     const Samples &samples = {});
    void setDetail(const QString &key, const QJsonValue &value);
    void setError(const QString &error);
    bool hasError() const { return !m_error.isEmpty(); }
    bool passed() const; // met the target (true when there is none), measured without error

    QJsonObject toJson() const;

private:
    QString m_name;
    QString m_unit;
    QString m_what;
    Direction m_direction = Direction::None;
    double m_target = 0.0;
    bool m_hasValue = false;
    double m_value = 0.0;
    Samples m_samples;
    QJsonObject m_baselines;
    QJsonObject m_details;
    QString m_error;
};
