# Faults against the real main window (issue #7 §4): HTTP errors, broken streams, stalls, hostile
# images and 1,000 send-and-cancel cycles over the loopback fake gateway, with the window kept
# responsive and the earlier, stored turns kept intact.
easel_add_test(tst_windowfaults SOURCES ui/tst_windowfaults.cpp LIBS easel_ui easel_fakes)
if(EASEL_SANITIZERS)
    # The GUI-thread bound is looser for a sanitized build (see maxBeatGapMs).
    target_compile_definitions(tst_windowfaults PRIVATE EASEL_SANITIZED)
endif()
# It measures the GUI thread's longest stall: alone, so that another test sharing the CPU cannot
# stretch that figure (on a 2-core machine a parallel test once made 130 ms read as 630 ms).
set_tests_properties(tst_windowfaults PROPERTIES RUN_SERIAL TRUE)
