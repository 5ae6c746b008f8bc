# Translations with Qt Linguist. translations/ holds:
#   easel.ts      every translatable string of app/, ui/ and desktop/, untranslated: the
#                 translators' starting point (copy it to easel_<lang>.ts and open it in Linguist);
#   easel_en.ts   English, complete: only the strings with plural forms ("%n image(s)"), as the
#                 source strings are English already (lupdate -pluralonly);
#   easel_<lang>.ts any other language.
# `cmake --build <dir> --target update_translations` refreshes all of them from the sources
# (lupdate; translations already made are kept). Every language file is compiled (lrelease) into
# the resources at :/i18n/easel_<lang>.qm, which desktop/main.cpp loads for the system's locale.
# lupdate and lrelease come with qt6-l10n-tools, which scripts/setup.sh installs.
find_program(EASEL_LUPDATE NAMES lupdate lupdate-qt6
             HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBEXECS}" /usr/lib/qt6/bin)
find_program(EASEL_LRELEASE NAMES lrelease lrelease-qt6
             HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBEXECS}" /usr/lib/qt6/bin)
if(NOT EASEL_LUPDATE OR NOT EASEL_LRELEASE)
    message(FATAL_ERROR "lupdate and lrelease were not found: install qt6-l10n-tools "
                        "(scripts/setup.sh does).")
endif()

set(EASEL_TRANSLATION_SOURCES app ui desktop)
set(EASEL_TS_TEMPLATE "${CMAKE_SOURCE_DIR}/translations/easel.ts")
file(GLOB EASEL_TS_LANGUAGES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/translations/easel_*.ts")

set(update_commands
    COMMAND "${EASEL_LUPDATE}" -silent -locations none -no-obsolete
            ${EASEL_TRANSLATION_SOURCES} -ts "${EASEL_TS_TEMPLATE}")
set(qm_files)
foreach(ts ${EASEL_TS_LANGUAGES})
    get_filename_component(name "${ts}" NAME_WE)
    string(REPLACE "easel_" "" language "${name}")
    set(only_plurals)
    if(language STREQUAL "en")
        set(only_plurals -pluralonly)
    endif()
    list(APPEND update_commands
         COMMAND "${EASEL_LUPDATE}" -silent -locations none -no-obsolete ${only_plurals}
                 -source-language en -target-language ${language}
                 ${EASEL_TRANSLATION_SOURCES} -ts "${ts}")
    set(qm "${CMAKE_BINARY_DIR}/i18n/${name}.qm")
    add_custom_command(OUTPUT "${qm}"
                       COMMAND "${EASEL_LRELEASE}" -silent "${ts}" -qm "${qm}"
                       DEPENDS "${ts}"
                       COMMENT "Compiling ${name}.ts")
    list(APPEND qm_files "${qm}")
endforeach()

add_custom_target(update_translations ${update_commands}
                  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
                  COMMENT "Updating translations/*.ts from the sources"
                  VERBATIM)

# The compiled translations, in a resource of their own: tests link it too.
add_library(easel_translations STATIC)
qt_add_resources(easel_translations "easel_translations"
    PREFIX "/i18n"
    BASE "${CMAKE_BINARY_DIR}/i18n"
    FILES ${qm_files})
target_link_libraries(easel_translations PRIVATE Qt6::Core)
