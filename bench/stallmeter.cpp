#include "stallmeter.h"

#include "benchclock.h"

StallMeter::StallMeter(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
}

void StallMeter::start()
{
    m_gaps.clear();
    m_gaps.reserve(200000);
    m_ticks = 0;
    m_longestGapNs = 0;
    m_longestAtNs = 0;
    m_startNs = benchNowNs();
    m_lastNs = m_startNs;
    m_stopNs = 0;
    m_timer.start();
}

void StallMeter::stop()
{
    m_timer.stop();
    m_stopNs = benchNowNs();
    // The time since the last tick is a gap too: a stall at the very end must not hide.
    tick();
    --m_ticks;
}

void StallMeter::tick()
{
    const qint64 now = benchNowNs();
    const qint64 gap = now - m_lastNs;
    m_lastNs = now;
    ++m_ticks;
    m_gaps.append(gap);
    if (gap > m_longestGapNs) {
        m_longestGapNs = gap;
        m_longestAtNs = now - m_startNs;
    }
}

double StallMeter::longestStallMs() const
{
    return qMax(0.0, nsToMs(m_longestGapNs) - intervalMs);
}

double StallMeter::longestStallAtMs() const
{
    return nsToMs(m_longestAtNs);
}

int StallMeter::stallsOver(double ms) const
{
    int count = 0;
    for (qint64 gap : m_gaps) {
        if (nsToMs(gap) - intervalMs > ms)
            ++count;
    }
    return count;
}

double StallMeter::elapsedMs() const
{
    return nsToMs((m_stopNs ? m_stopNs : benchNowNs()) - m_startNs);
}
