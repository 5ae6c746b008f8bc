easel_add_test(tst_turnassembler SOURCES chat/tst_turnassembler.cpp LIBS easel_chat)
easel_add_test(tst_chatsession SOURCES chat/tst_chatsession.cpp LIBS easel_chat)
easel_add_test(tst_launchoptions SOURCES chat/tst_launchoptions.cpp LIBS easel_chat)
easel_add_test(tst_chatfaults SOURCES chat/tst_chatfaults.cpp LIBS easel_chat easel_fakes)
