# `easel generate` and `easel compare` (issue #5, section 5): the options, the cost gate, the
# output writer and the progress lines in-process; then the real easel binary end to end.
easel_add_test(tst_clioptions SOURCES cli/tst_clioptions.cpp LIBS easel_cli)
easel_add_test(tst_cliparts SOURCES cli/tst_cliparts.cpp LIBS easel_cli)
# Ctrl+C and SIGTERM through the real handler, in this process and in fork()ed children.
if(UNIX)
    easel_add_test(tst_interruptwatcher SOURCES cli/tst_interruptwatcher.cpp LIBS easel_cli)
endif()
# Starts the easel binary as a child (no display); easel_fakes comes from tests/net.cmake.
easel_add_test(tst_clirun SOURCES cli/tst_clirun.cpp LIBS easel_cli easel_fakes)
target_compile_definitions(tst_clirun PRIVATE EASEL_BINARY="$<TARGET_FILE:easel>"
                                             EASEL_VERSION="${PROJECT_VERSION}")
add_dependencies(tst_clirun easel)
# Ctrl+C and SIGTERM sent to the easel binary: mid-run, before sending, twice, at the cost
# question on a pseudo-terminal. Linux: it watches the child through /proc and sizes pipes.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    easel_add_test(tst_cliinterrupt SOURCES cli/tst_cliinterrupt.cpp LIBS easel_cli easel_fakes)
    target_compile_definitions(tst_cliinterrupt PRIVATE EASEL_BINARY="$<TARGET_FILE:easel>")
    add_dependencies(tst_cliinterrupt easel)
endif()
