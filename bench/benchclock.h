#pragma once

#include <QtGlobal>

#include <chrono>

// One monotonic clock for every thread of the program: the loopback server thread stamps the moment
// it wrote a byte and the GUI thread stamps the moment it painted, and the two are subtracted.
inline qint64 benchNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline double nsToMs(qint64 ns)
{
    return double(ns) / 1e6;
}
