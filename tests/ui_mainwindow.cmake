easel_add_test(tst_mainwindow SOURCES ui/tst_mainwindow.cpp LIBS easel_ui)
easel_add_test(tst_gatewaysinwindow SOURCES ui/tst_gatewaysinwindow.cpp LIBS easel_ui easel_fakes)
easel_add_test(tst_startup SOURCES ui/tst_startup.cpp LIBS easel_ui)
