# Issue #8: Easel follows the system's light or dark palette (set before the window is built or
# switched at run time) and paints images at the device pixel ratio on high-DPI screens. The real
# windows are built offscreen against the offline demo gateway (ui/demowindowfixture.cpp); the
# high-DPI test runs with QT_SCALE_FACTOR=2 against the loopback fake gateway.
easel_add_test(tst_lookandfeel SOURCES ui/tst_lookandfeel.cpp ui/demowindowfixture.cpp
    LIBS easel_ui)
easel_add_test(tst_lookandfeel_hidpi SOURCES ui/tst_lookandfeel_hidpi.cpp
    LIBS easel_ui easel_fakes)
# The docks' title-bar buttons drawn sharp at 2x over Fusion (QT_SCALE_FACTOR=2, set in its main()).
easel_add_test(tst_titlebarstyle SOURCES ui/tst_titlebarstyle.cpp LIBS easel_ui)
