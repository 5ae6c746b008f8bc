# Reference images in the composer (issue #6 §1, first part) and a compare cell's "Continue in
# Chat" (issue #5 §3): thumbnails, remove, refusals, the input_image on the wire (fake gateway),
# and the compare window handing its image to the main window (offline demo).
easel_add_test(tst_composerattachments SOURCES ui/tst_composerattachments.cpp
               LIBS easel_ui easel_fakes)
