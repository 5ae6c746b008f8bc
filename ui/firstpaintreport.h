#pragma once

#include <QObject>

class QWidget;

// EASEL_REPORT_FIRST_PAINT=1 (easel-bench's start-up figures): prints on stderr the monotonic
// clock (ns) when `window`'s first frame is painted and when main() began, if markMainReached()
// was called there ("easel-first-paint <ns> <w>x<h> <main ns or 0>"), and, once markRestored()
// was called, the first frame painted after it ("easel-restored-paint <ns>"). The main() stamp
// splits start-up into what the dynamic loader does with the program's libraries before main()
// and what the program itself does after it.
// One class for Easel and its baseline, easel-bench-bare, so that both are measured alike.
class FirstPaintReport : public QObject
{
public:
    explicit FirstPaintReport(QWidget *window);
    ~FirstPaintReport() override;

    // First thing in main(), before any application object: a clock read, nothing else.
    static void markMainReached();
    void markRestored(); // the last conversation is in the model: report the frame showing it

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reportFrame();

    QWidget *m_window;
    bool m_dispatching = false;
    bool m_firstReported = false;
    qint64 m_restoredNs = 0;
    qint64 m_frameStartNs = 0;
    qint64 m_frameEndNs = 0;
};
