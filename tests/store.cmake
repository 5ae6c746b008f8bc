easel_add_test(tst_imagestore SOURCES store/tst_imagestore.cpp LIBS easel_store)
# Clean-up of files nothing refers to any more (purged conversations' images, old previews).
easel_add_test(tst_storecleaner SOURCES store/tst_storecleaner.cpp LIBS easel_store)
# Saving onto a really full disk (a tiny tmpfs; skips when it cannot be mounted).
easel_add_test(tst_diskfull SOURCES store/tst_diskfull.cpp LIBS easel_store)
# The folder --data-dir names, checked before anything is opened in it.
easel_add_test(tst_datafolder SOURCES store/tst_datafolder.cpp LIBS easel_store)
easel_add_test(tst_datafolderlock SOURCES store/tst_datafolderlock.cpp LIBS easel_store)
# A moved or restored data folder: the paths the history kept are found where the folder is now.
easel_add_test(tst_storedpaths SOURCES store/tst_storedpaths.cpp LIBS easel_store)
