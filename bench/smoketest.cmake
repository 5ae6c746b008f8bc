# ctest's bench_smoke: runs `easel-bench --quick` and checks that it ran and printed one valid JSON
# object with every figure in it. Missed speed targets do not fail it (they are reported, not
# asserted); a crash, a non-zero exit or broken JSON does.
#   cmake -DBENCH=<path to easel-bench> -P smoketest.cmake

if(NOT BENCH)
    message(FATAL_ERROR "smoketest.cmake: pass -DBENCH=<path to easel-bench>")
endif()

execute_process(COMMAND ${BENCH} --quick
    OUTPUT_VARIABLE out
    ERROR_VARIABLE progress
    RESULT_VARIABLE rc
    TIMEOUT 280)
message("${progress}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "easel-bench --quick failed (exit ${rc}). Its output:\n${out}")
endif()

string(JSON machine ERROR_VARIABLE json_error GET "${out}" machine)
if(json_error)
    message(FATAL_ERROR
        "easel-bench printed no valid JSON object with `machine`: ${json_error}\n${out}")
endif()
foreach(figure sse_decode base64_decode final_image_to_painted gui_stall history_open
        history_scroll_rss scroll_frames scroll_frames_p99 startup_empty startup_history)
    string(JSON type ERROR_VARIABLE json_error TYPE "${out}" figures ${figure} value)
    if(json_error OR NOT type STREQUAL "NUMBER")
        message(FATAL_ERROR "figure ${figure} is missing or has no value: ${json_error}\n${out}")
    endif()
    # pass is true or false against the target, null for a figure that has no target.
    string(JSON type ERROR_VARIABLE json_error TYPE "${out}" figures ${figure} pass)
    if(json_error OR NOT type MATCHES "^(BOOLEAN|NULL)$")
        message(FATAL_ERROR "figure ${figure} has no pass/fail: ${json_error}\n${out}")
    endif()
    string(JSON value GET "${out}" figures ${figure} value)
    string(JSON passed GET "${out}" figures ${figure} pass)
    if(passed STREQUAL "")
        set(passed "no target")
    endif()
    message("${figure}: ${value} (pass: ${passed})")
endforeach()

# Each start-up launch is split where main() begins, for Easel and both baselines.
foreach(figure startup_empty startup_history)
    foreach(program easel bare_qwidget bare_qwidget_with_label)
        foreach(half launch_to_main_ms main_to_first_paint_ms)
            string(JSON type ERROR_VARIABLE json_error
                TYPE "${out}" figures ${figure} split ${program} ${half})
            if(json_error OR NOT type STREQUAL "NUMBER")
                message(FATAL_ERROR
                    "figure ${figure} has no split.${program}.${half}: ${json_error}\n${out}")
            endif()
        endforeach()
    endforeach()
endforeach()
