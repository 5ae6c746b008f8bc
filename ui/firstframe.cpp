#include "firstframe.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace {

// Watches the window's paint events; the zero timer started by the first one fires once the
// paint pass, which ends with the flush to the screen, has returned to the event loop.
class FirstFrameWatcher : public QObject
{
public:
    FirstFrameWatcher(QWidget *window, std::function<void()> work, int fallbackMs)
        : QObject(window)
        , m_work(std::move(work))
    {
        window->installEventFilter(this);
        QTimer::singleShot(fallbackMs, this, [this] { run(); });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [this] { run(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void run()
    {
        if (!m_work)
            return;
        std::function<void()> work = std::exchange(m_work, {});
        deleteLater();
        work();
    }

    std::function<void()> m_work;
    bool m_painted = false;
};

} // namespace

void afterFirstFrame(QWidget *window, std::function<void()> work, int fallbackMs)
{
    new FirstFrameWatcher(window, std::move(work), fallbackMs);
}
