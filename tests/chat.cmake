easel_add_test(tst_turnassembler SOURCES chat/tst_turnassembler.cpp LIBS easel_chat)
easel_add_test(tst_chatsession SOURCES chat/tst_chatsession.cpp LIBS easel_chat)
easel_add_test(tst_launchoptions SOURCES chat/tst_launchoptions.cpp LIBS easel_chat)
easel_add_test(tst_chatfaults SOURCES chat/tst_chatfaults.cpp LIBS easel_chat easel_fakes)
easel_add_test(tst_turninputs SOURCES chat/tst_turninputs.cpp LIBS easel_chat)
easel_add_test(tst_chatediting SOURCES chat/tst_chatediting.cpp LIBS easel_chat easel_fakes)
easel_add_test(tst_streamworker SOURCES chat/tst_streamworker.cpp LIBS easel_chat)
# What a screen reader hears of each turn: the model's accessible text and description.
easel_add_test(tst_conversationmodel SOURCES chat/tst_conversationmodel.cpp
    LIBS easel_chat easel_translations)
