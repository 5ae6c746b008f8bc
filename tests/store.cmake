easel_add_test(tst_imagestore SOURCES store/tst_imagestore.cpp LIBS easel_store)
