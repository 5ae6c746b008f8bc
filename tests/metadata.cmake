# Saving images out of Easel (issue #4, sections 4 and 5): the metadata embedded in saved PNG,
# JPEG and WebP files, the file-name template, and saving from the window.
easel_add_test(tst_imagemetadata SOURCES metadata/tst_imagemetadata.cpp LIBS easel_store Qt6::Gui)
easel_add_test(tst_filenametemplate SOURCES metadata/tst_filenametemplate.cpp LIBS easel_store)
easel_add_test(tst_saving SOURCES metadata/tst_saving.cpp LIBS easel_ui)
