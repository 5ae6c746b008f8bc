# The image settings panel (ui/parameterpanel.*), driven through its real widgets.
easel_add_test(tst_parameterpanel SOURCES ui/tst_parameterpanel.cpp LIBS easel_ui)
