# Translations (issue #8 §4): translations/*.ts up to date with the sources, English complete,
# and every string the main window shows reachable by a translator (a pseudo-translation).
easel_add_test(tst_translations SOURCES tst_translations.cpp LIBS easel_ui easel_core
               easel_translations)
target_compile_definitions(tst_translations PRIVATE EASEL_LUPDATE="${EASEL_LUPDATE}"
                           EASEL_LRELEASE="${EASEL_LRELEASE}")
