easel_add_test(tst_historystore SOURCES store/tst_historystore.cpp LIBS easel_store)
# easel_fakes comes from tests/net.cmake.
easel_add_test(tst_chathistory SOURCES chat/tst_chathistory.cpp LIBS easel_chat easel_fakes)
# Starts the real easel binary as a child and kills it mid-stream.
easel_add_test(tst_killmidstream SOURCES chat/tst_killmidstream.cpp LIBS easel_store easel_fakes)
target_compile_definitions(tst_killmidstream PRIVATE EASEL_BINARY="$<TARGET_FILE:easel>")
add_dependencies(tst_killmidstream easel)
