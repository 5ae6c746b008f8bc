# The keyboard of the main window (issue #8 §3): send, new, search, save/copy/full-screen of the
# selected image, the provider/model switcher, stop, Help > Keyboard Shortcuts and Open Data Folder.
easel_add_test(tst_keyboard SOURCES ui/tst_keyboard.cpp LIBS easel_ui easel_fakes)
