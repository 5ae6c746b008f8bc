#include "figurereport.h"

FigureReport::FigureReport(const QString &name, const QString &unit, const QString &what)
    : m_name(name)
    , m_unit(unit)
    , m_what(what)
{
}

void FigureReport::setTarget(Direction direction, double value)
{
    m_direction = direction;
    m_target = value;
}

void FigureReport::setValue(const Samples &samples)
{
    m_samples = samples;
    setValue(samples.median());
}

void FigureReport::setValue(double value)
{
    m_hasValue = true;
    m_value = value;
}

void FigureReport::addBaseline(const QString &name, double value, const QString &unit,
                               const QString &what, const Samples &samples)
{
    QJsonObject baseline { { QStringLiteral("value"), roundTo(value, 2) },
                           { QStringLiteral("unit"), unit },
                           { QStringLiteral("what"), what } };
    if (!samples.isEmpty())
        baseline.insert(QStringLiteral("samples"), samples.toJson());
    m_baselines.insert(name, baseline);
}

void FigureReport::setDetail(const QString &key, const QJsonValue &value)
{
    m_details.insert(key, value);
}

void FigureReport::setError(const QString &error)
{
    m_error = error;
}

bool FigureReport::passed() const
{
    if (hasError() || !m_hasValue)
        return false;
    switch (m_direction) {
    case Direction::AtLeast:
        return m_value >= m_target;
    case Direction::AtMost:
        return m_value <= m_target;
    case Direction::None:
        return true;
    }
    return false;
}

QJsonObject FigureReport::toJson() const
{
    QJsonObject figure;
    figure.insert(QStringLiteral("what"), m_what);
    figure.insert(QStringLiteral("value"),
                  m_hasValue ? QJsonValue(roundTo(m_value, 2)) : QJsonValue(QJsonValue::Null));
    figure.insert(QStringLiteral("unit"), m_unit);
    if (!m_samples.isEmpty()) {
        figure.insert(QStringLiteral("statistic"), QStringLiteral("median"));
        figure.insert(QStringLiteral("runs"), int(m_samples.count()));
        figure.insert(QStringLiteral("samples"), m_samples.toJson());
    }
    if (m_direction == Direction::None) {
        figure.insert(QStringLiteral("target"), QJsonValue(QJsonValue::Null));
    } else {
        const QString op
            = m_direction == Direction::AtLeast ? QStringLiteral(">=") : QStringLiteral("<=");
        figure.insert(QStringLiteral("target"),
                      QJsonObject { { QStringLiteral("op"), op },
                                    { QStringLiteral("value"), m_target },
                                    { QStringLiteral("unit"), m_unit } });
    }
    // No target, no verdict: a figure printed for context is neither passed nor failed.
    figure.insert(QStringLiteral("pass"),
                  m_direction == Direction::None && !hasError() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(passed()));
    figure.insert(QStringLiteral("baselines"), m_baselines);
    for (auto it = m_details.begin(); it != m_details.end(); ++it)
        figure.insert(it.key(), it.value());
    if (hasError())
        figure.insert(QStringLiteral("error"), m_error);
    return figure;
}
