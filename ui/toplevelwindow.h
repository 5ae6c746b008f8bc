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
