# Shared build settings and helpers for Plein targets.

# Warnings for our own code; third-party headers come in as SYSTEM through Qt's targets.
function(plein_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
endfunction()

# Fails the configure step when a target that must stay headless links Qt Gui or Widgets,
# directly or through its dependencies.
function(plein_forbid_gui target)
    set(seen "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(current MATCHES "^Qt6?::(Gui|Widgets|OpenGL|Quick)$")
            message(FATAL_ERROR "${target} must not link ${current} (layering: no GUI below the client UI)")
        endif()
        if(TARGET ${current})
            get_target_property(aliased ${current} ALIASED_TARGET)
            if(aliased)
                list(APPEND queue ${aliased})
            endif()
            get_target_property(libs ${current} INTERFACE_LINK_LIBRARIES)
            if(libs)
                list(APPEND queue ${libs})
            endif()
            get_target_property(type ${current} TYPE)
            if(NOT type STREQUAL "INTERFACE_LIBRARY")
                get_target_property(plibs ${current} LINK_LIBRARIES)
                if(plibs)
                    list(APPEND queue ${plibs})
                endif()
            endif()
        endif()
    endwhile()
endfunction()

# plein_add_test(<name> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
# One QtTest executable per suite, registered with CTest.
function(plein_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    plein_set_warnings(${name})
    target_compile_definitions(${name} PRIVATE
        PLEIN_SERVER_BINARY="$<TARGET_FILE:plein-server>"
        PLEIN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENVIRONMENT}")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
