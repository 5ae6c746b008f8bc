#pragma once

#include <QObject>

#include <functional>

class QWidget;

// Stamps the start and the end of every paint of a viewport (benchNowNs()). The paint is
// delivered inside the filter, so that the end stamp comes after the view's delegate drew.
class ViewportPaintClock : public QObject
{
public:
    explicit ViewportPaintClock(QWidget *viewport);
    ~ViewportPaintClock() override;

    qint64 lastPaintEndNs() const { return m_lastPaintEndNs; }
    int paintCount() const { return m_paints; }
    // Called after each paint with its start and end.
    void setOnPainted(std::function<void(qint64 startNs, qint64 endNs)> onPainted)
    {
        m_onPainted = std::move(onPainted);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_viewport;
    bool m_dispatching = false;
    int m_paints = 0;
    qint64 m_lastPaintEndNs = 0;
    std::function<void(qint64, qint64)> m_onPainted;
};
