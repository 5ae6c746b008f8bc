#pragma once

#include <functional>

class QWidget;

// Calls `work` once `window`'s first frame has been painted and flushed, on the GUI thread, so
// that start-up work nobody sees yet (the window icon, reading the last conversation) does not
// delay that frame. A window that never paints (on another desktop, minimized) gets the call
// after `fallbackMs`. Nothing is called if the window is destroyed first.
void afterFirstFrame(QWidget *window, std::function<void()> work, int fallbackMs = 1000);
