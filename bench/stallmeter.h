#pragma once

#include <QObject>
#include <QTimer>

// Measures how long the GUI thread goes without running its event loop: a 1 ms precise timer on
// the calling thread, whose longest gap between two ticks, less the interval, is the longest
// stall. A stall of more than a frame (16 ms) is a visible hitch.
class StallMeter : public QObject
{
    Q_OBJECT
public:
    static constexpr int intervalMs = 1;

    explicit StallMeter(QObject *parent = nullptr);

    void start();
    void stop();

    double longestStallMs() const;
    double longestStallAtMs() const; // when it ended, from start()
    int ticks() const { return m_ticks; }
    int stallsOver(double ms) const; // gaps whose stall exceeded `ms`
    double elapsedMs() const;

private:
    void tick();

    QTimer m_timer;
    qint64 m_startNs = 0;
    qint64 m_stopNs = 0;
    qint64 m_lastNs = 0;
    qint64 m_longestGapNs = 0;
    qint64 m_longestAtNs = 0;
    int m_ticks = 0;
    QList<qint64> m_gaps;
};
