easel_add_test(tst_mainwindow SOURCES ui/tst_mainwindow.cpp LIBS easel_ui)
