# Two generated images compared (issue #5, section 3): the fields that differ and their panel, the
# synchronized canvas (side by side, slider, difference) and the dialog around them.
easel_add_test(tst_imagepairdifferences SOURCES ui/tst_imagepairdifferences.cpp LIBS easel_ui)
easel_add_test(tst_imagepairview SOURCES ui/tst_imagepairview.cpp LIBS easel_ui)
easel_add_test(tst_imagepairdialog SOURCES ui/tst_imagepairdialog.cpp LIBS easel_ui)
