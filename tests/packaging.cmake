# Packaging (issue #8 §1): the desktop file and AppStream metadata validate (when the validators
# are installed: ./test.sh installs them), `cmake --install` puts every file in its standard place,
# and CPack makes a .deb that depends on Debian's Qt 6 runtime packages.
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)
find_program(DPKG_DEB dpkg-deb)
if(DESKTOP_FILE_VALIDATE)
    add_test(NAME packaging_desktop_file
             COMMAND ${DESKTOP_FILE_VALIDATE} ${CMAKE_SOURCE_DIR}/packaging/easel.desktop)
else()
    message(STATUS "desktop-file-validate not found: packaging_desktop_file is not run")
endif()
if(APPSTREAMCLI)
    add_test(NAME packaging_metainfo
             COMMAND ${APPSTREAMCLI} validate --no-net
                     ${CMAKE_SOURCE_DIR}/packaging/io.easel.Easel.metainfo.xml)
else()
    message(STATUS "appstreamcli not found: packaging_metainfo is not run")
endif()
add_test(NAME packaging_install
         COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR}
                 -DPREFIX=${CMAKE_BINARY_DIR}/packaging-test/prefix
                 -P ${CMAKE_SOURCE_DIR}/tests/packaging/checkinstall.cmake)
if(DPKG_DEB)
    add_test(NAME packaging_deb
             COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR}
                     -DOUT=${CMAKE_BINARY_DIR}/packaging-test/deb
                     -P ${CMAKE_SOURCE_DIR}/tests/packaging/checkdeb.cmake)
    set_tests_properties(packaging_deb PROPERTIES TIMEOUT 600)
endif()
