# Editing in the main window (issue #6): "Edit This Image", the mask editor, masks on
# attachments, against the loopback fake gateway.
easel_add_test(tst_editinginwindow SOURCES ui/tst_editinginwindow.cpp LIBS easel_ui easel_fakes)
