easel_add_test(tst_turnassembler SOURCES chat/tst_turnassembler.cpp LIBS easel_chat)
easel_add_test(tst_chatsession SOURCES chat/tst_chatsession.cpp LIBS easel_chat)
