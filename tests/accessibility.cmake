# Issue #8: every control of the real windows and dialogs has an accessible name and, where it
# shows no words of its own, a tooltip; built offscreen against the offline demo gateway
# (ui/demowindowfixture.cpp, shared with tst_lookandfeel).
easel_add_test(tst_accessibility SOURCES ui/tst_accessibility.cpp ui/demowindowfixture.cpp
    LIBS easel_ui)
