#pragma once

#include <QApplication>
#include <QStringList>
#include <QTest>
#include <QWidget>

// Presses Tab from `first` until focus comes back to it (at most `maxStops` times) and returns
// the object names of the widgets focus stopped on, in order. `problem` gets a sentence when the
// chain never comes back, or stops on a scroll area, which draws no focus: one Tab then seems to
// do nothing (found by QA).
inline QStringList walkTabChain(QWidget *first, QString *problem, int maxStops = 60)
{
    first->setFocus();
    QStringList stops;
    for (int i = 0; i < maxStops; ++i) {
        QWidget *focused = QApplication::focusWidget();
        if (!focused) {
            *problem = QStringLiteral("no focus after %1").arg(stops.join(u','));
            return stops;
        }
        if (focused->inherits("QScrollArea")) {
            *problem = QStringLiteral("a scroll area after %1").arg(stops.join(u','));
            return stops;
        }
        if (!stops.isEmpty() && focused == first)
            return stops;
        stops << focused->objectName();
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    *problem = QStringLiteral("Tab never came back: %1").arg(stops.join(u','));
    return stops;
}
