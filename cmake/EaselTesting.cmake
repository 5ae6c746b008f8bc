# One Qt Test executable per module, each run offscreen with no network beyond loopback.
# Tests find the recorded payloads through EASEL_FIXTURES_DIR and skip when it is absent.
get_filename_component(EASEL_FIXTURES_DIR "${CMAKE_SOURCE_DIR}/../shared/fixtures/recorded" ABSOLUTE)

# Under EASEL_SANITIZERS every finding fails the test: UBSan halts on the first report, ASan on
# its first error, and LeakSanitizer reports at exit (system libraries' own leaks are suppressed,
# with reasons, in cmake/sanitizers/).
set(EASEL_TEST_ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=qt.qpa.*=false;EASEL_NO_KEYCHAIN=1")
if(EASEL_SANITIZERS)
    set(sanitizers "${CMAKE_SOURCE_DIR}/cmake/sanitizers")
    list(APPEND EASEL_TEST_ENVIRONMENT
        "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1"
        "LSAN_OPTIONS=suppressions=${sanitizers}/lsan.supp:print_suppressions=0"
        "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${sanitizers}/ubsan.supp")
endif()

function(easel_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests)
    target_compile_definitions(${name} PRIVATE
        EASEL_FIXTURES_DIR="${EASEL_FIXTURES_DIR}"
        EASEL_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
        EASEL_BINARY_DIR="${CMAKE_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "${EASEL_TEST_ENVIRONMENT}"
        TIMEOUT 300)
endfunction()
