# The conversation view: image cache (no widgets), the view, its delegate, viewer and details.
easel_add_test(tst_imagecache SOURCES image/tst_imagecache.cpp LIBS easel_image easel_store)
easel_add_test(tst_fastpng SOURCES image/tst_fastpng.cpp image/pngwriter.h
    LIBS easel_image easel_store)
easel_add_test(tst_conversationview SOURCES ui/tst_conversationview.cpp LIBS easel_ui)
easel_add_test(tst_imageviewer SOURCES ui/tst_imageviewer.cpp LIBS easel_ui)
