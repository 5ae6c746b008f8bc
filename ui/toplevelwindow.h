#pragma once

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QSize>
#include <QWidget>

// What Easel's top-level windows share.

// A window's first size: what it would like, but never more than the screen it opens on has
// room for (at 2x on a laptop, 1280x860 is larger than the whole screen, and the composer opened
// off its bottom edge). A window restored from saved geometry sizes itself.
inline void resizeToFitScreen(QWidget *window, QSize preferred)
{
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (screen) {
        // Room for the window manager's frame and panels, which availableGeometry may not count.
        const QSize room = screen->availableGeometry().size() * 0.94;
        preferred = preferred.boundedTo(room).expandedTo(window->minimumSizeHint());
    }
    window->resize(preferred);
}

// A window restored from a geometry saved on a larger screen (a laptop undocked from its monitor)
// is made no larger than this screen's room and moved onto it; Qt restores the saved size as it
// was (found by QA: the composer and the docks opened off the screen).
inline void keepOnScreen(QWidget *window)
{
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen || window->isMaximized() || window->isFullScreen())
        return;
    const QRect room = screen->availableGeometry();
    // The window manager's frame counts: it is what must fit.
    const QSize frame = window->frameGeometry().size() - window->geometry().size();
    const QSize size = window->size().boundedTo(room.size() - frame);
    QRect wanted(window->frameGeometry().topLeft(), size + frame);
    wanted.moveLeft(qBound(room.left(), wanted.left(), room.right() + 1 - wanted.width()));
    wanted.moveTop(qBound(room.top(), wanted.top(), room.bottom() + 1 - wanted.height()));
    if (size != window->size())
        window->resize(size);
    if (wanted.topLeft() != window->frameGeometry().topLeft())
        window->move(wanted.topLeft()); // move() places the frame
}

// Ctrl+W and Esc close a secondary window (the Library, Compare), as they close the viewer and
// the dialogs; neither stops anything running in it.
inline QAction *addCloseAction(QWidget *window)
{
    auto *close
        = new QAction(QCoreApplication::translate("TopLevelWindow", "Close Window"), window);
    close->setObjectName(QStringLiteral("closeWindowAction"));
    close->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape) });
    close->setShortcutContext(Qt::WindowShortcut);
    QObject::connect(close, &QAction::triggered, window, [window] {
        // Esc in an open drop-down closes the drop-down, not the window (found by QA on X11).
        if (!QApplication::activePopupWidget())
            window->close();
    });
    window->addAction(close);
    return close;
}
