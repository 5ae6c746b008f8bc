# Secrets (issue #7, section 5): the API key goes only to the base URL's origin and appears in no
# log, history file, export, saved image, settings file, CLI output or crash output.
# easel_fakes comes from tests/net.cmake.
easel_add_test(tst_secrets SOURCES security/tst_secrets.cpp security/secretscan.h
    LIBS easel_ui easel_fakes)
# The real easel binary as a child: CLI output and files, and a crash mid-stream.
easel_add_test(tst_secretsprocess SOURCES security/tst_secretsprocess.cpp security/secretscan.h
    LIBS easel_fakes)
target_compile_definitions(tst_secretsprocess PRIVATE EASEL_BINARY="$<TARGET_FILE:easel>")
add_dependencies(tst_secretsprocess easel)
