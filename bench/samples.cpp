#include "samples.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

double roundTo(double value, int decimals)
{
    const double scale = qPow(10.0, decimals);
    return qRound64(value * scale) / scale;
}

double Samples::median() const
{
    if (m_values.isEmpty())
        return 0.0;
    QList<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1)
        return sorted.at(middle);
    return (sorted.at(middle - 1) + sorted.at(middle)) / 2.0;
}

double Samples::percentile(double p) const
{
    if (m_values.isEmpty())
        return 0.0;
    QList<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest value with at least p% of the values at or below it.
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(qBound(qsizetype(0), rank - 1, sorted.size() - 1));
}

qsizetype Samples::countAbove(double value) const
{
    return std::count_if(m_values.cbegin(), m_values.cend(),
                         [value](double v) { return v > value; });
}

double Samples::min() const
{
    return m_values.isEmpty() ? 0.0 : *std::min_element(m_values.cbegin(), m_values.cend());
}

double Samples::max() const
{
    return m_values.isEmpty() ? 0.0 : *std::max_element(m_values.cbegin(), m_values.cend());
}

QJsonArray Samples::toJson(int decimals) const
{
    QJsonArray array;
    for (double value : m_values)
        array.append(roundTo(value, decimals));
    return array;
}
