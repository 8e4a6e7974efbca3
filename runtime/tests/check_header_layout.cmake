# The include rules of the runtime's headers (ctest runtime.header_layout):
#   1. every include of an awl header is rooted: #include <awl/...>, never a
#      quoted or relative path;
#   2. a header under awl/detail includes no public awl header (only
#      <awl/detail/...> and the standard library).
# Usage: cmake -DAWL_INCLUDE_DIR=<runtime/include> -P check_header_layout.cmake
if(NOT AWL_INCLUDE_DIR OR NOT IS_DIRECTORY "${AWL_INCLUDE_DIR}/awl")
  message(FATAL_ERROR "check_header_layout: set AWL_INCLUDE_DIR to the directory holding awl/")
endif()
get_filename_component(AWL_INCLUDE_DIR "${AWL_INCLUDE_DIR}" ABSOLUTE)
file(GLOB_RECURSE headers RELATIVE "${AWL_INCLUDE_DIR}" "${AWL_INCLUDE_DIR}/awl/*.hpp" "${AWL_INCLUDE_DIR}/awl/*.h")
list(SORT headers)
if(NOT headers)
  message(FATAL_ERROR "check_header_layout: no headers under ${AWL_INCLUDE_DIR}/awl")
endif()

set(violations "")
foreach(header IN LISTS headers)
  file(STRINGS "${AWL_INCLUDE_DIR}/${header}" lines REGEX "^[ \t]*#[ \t]*include")
  get_filename_component(header_dir "${AWL_INCLUDE_DIR}/${header}" DIRECTORY)
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*([<\"])([^>\"]+)[>\"]")
      string(APPEND violations "  ${header}: an include the check cannot read: ${line}\n")
      continue()
    endif()
    set(delimiter "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
    # The awl header it names, as awl/...: rooted, or reached relatively
    # ("pool.hpp", "../event_loop.hpp", <detail/state.hpp>). Empty for the
    # standard library and other libraries.
    set(target "")
    if(name MATCHES "^awl/")
      set(target "${name}")
    else()
      foreach(base IN ITEMS "${header_dir}" "${AWL_INCLUDE_DIR}/awl")
        get_filename_component(resolved "${base}/${name}" ABSOLUTE)
        if(EXISTS "${resolved}" AND NOT IS_DIRECTORY "${resolved}")
          file(RELATIVE_PATH target "${AWL_INCLUDE_DIR}" "${resolved}")
          break()
        endif()
      endforeach()
    endif()
    if(delimiter STREQUAL "\"")
      string(APPEND violations "  ${header}: quoted include \"${name}\" (write #include <awl/...>)\n")
    elseif(target AND NOT name MATCHES "^awl/")
      string(APPEND violations "  ${header}: <${name}> is not rooted at awl/ (write <${target}>)\n")
    endif()
    if(header MATCHES "^awl/detail/" AND target MATCHES "^awl/" AND NOT target MATCHES "^awl/detail/")
      string(APPEND violations "  ${header}: a detail header includes the public header ${target}\n")
    endif()
  endforeach()
endforeach()

list(LENGTH headers count)
if(violations)
  message(FATAL_ERROR "check_header_layout: include rule violations in ${AWL_INCLUDE_DIR}:\n${violations}")
endif()
message(STATUS "check_header_layout: ${count} headers, includes rooted at awl/, no detail header includes a public one")
