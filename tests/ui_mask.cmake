# The mask editor (issue #6, section 3): the canvas painted at the image's resolution at any zoom,
# undo, the dialog around it and the PNG it saves (transparent where the image may change).
easel_add_test(tst_maskeditor SOURCES ui/tst_maskeditor.cpp LIBS easel_ui)
# Again at a device pixel ratio of 2: what is painted lands on the same image pixels.
add_test(NAME tst_maskeditor_hidpi COMMAND tst_maskeditor)
set_tests_properties(tst_maskeditor_hidpi PROPERTIES
    ENVIRONMENT "${EASEL_TEST_ENVIRONMENT};QT_SCALE_FACTOR=2"
    TIMEOUT 300)
