# Reference images of issue #6: reading, checking and scaling what a turn sends with its prompt.
easel_add_test(tst_referenceimages SOURCES image/tst_referenceimages.cpp LIBS easel_image easel_chat)
