# Builds the Debian package with CPack and checks its dependencies and contents.
# Usage: cmake -DBUILD_DIR=... -DOUT=... -P checkdeb.cmake
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND cpack -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${OUT}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed (${result}):\n${output}")
endif()
file(GLOB debs "${OUT}/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${OUT}, found ${count}")
endif()
execute_process(COMMAND dpkg-deb -f ${debs} Depends OUTPUT_VARIABLE depends)
foreach(package libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6-sqlite libqt6keychain1
                qt6-qpa-plugins)
    string(FIND "${depends}" "${package}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the package does not depend on ${package}: ${depends}")
    endif()
endforeach()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE contents)
foreach(file ./usr/bin/easel ./usr/share/applications/easel.desktop
             ./usr/share/metainfo/io.easel.Easel.metainfo.xml
             ./usr/share/icons/hicolor/scalable/apps/easel.svg
             ./usr/share/icons/hicolor/48x48/apps/easel.png)
    string(FIND "${contents}" "${file}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "the package lacks ${file}")
    endif()
endforeach()
message(STATUS "${debs}: Depends: ${depends}")
