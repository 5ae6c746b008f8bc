#pragma once

#include <QJsonArray>
#include <QList>

// The repeated measurements of one quantity. Figures are medians: one run disturbed by the machine
// (a page fault storm, another process) moves the median much less than the mean.
class Samples
{
public:
    void add(double value) { m_values.append(value); }
    bool isEmpty() const { return m_values.isEmpty(); }
    qsizetype count() const { return m_values.size(); }

    double median() const;
    // The nearest-rank percentile, `p` in 0..100 (percentile(99) is the p99 of frame times).
    double percentile(double p) const;
    qsizetype countAbove(double value) const;
    double min() const;
    double max() const;
    // The values in the order they were measured, rounded for reading.
    QJsonArray toJson(int decimals = 2) const;

private:
    QList<double> m_values;
};

double roundTo(double value, int decimals);
