#pragma once

#include <thread>

// Loads, on two threads of its own, what the window's first frame would otherwise load on the
// GUI thread: the font database (fontconfig reads its configuration files and caches, some 5 ms)
// and the image-format plugins (the first icon read from a file asks every plugin whether it can
// read it, some 5 ms more). The window is built meanwhile. Both are process-wide and guarded by
// Qt's own locks, so whichever thread asks first does the work and the other waits for it.
// Start it right after the QApplication; it joins its threads when destroyed.
class StartupWarmup
{
public:
    StartupWarmup();
    ~StartupWarmup();

    StartupWarmup(const StartupWarmup &) = delete;
    StartupWarmup &operator=(const StartupWarmup &) = delete;

private:
    std::thread m_fonts;
    std::thread m_imageFormats;
};
