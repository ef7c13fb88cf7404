# SPDX-License-Identifier: Apache-2.0
# Helpers shared by every target: warnings, guest-safe flags, host CPU flags, sanitizers.

# Flags every project target gets. Third-party headers come in as SYSTEM includes, so -Werror
# applies to our code only.
set(ZKB_WARNINGS -Wall -Wextra -Werror -Wshadow -Wcast-align -Wundef
    $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor>)

# Adds the host-only flags: CPU tuning and sanitizers.
macro(zkb_configure_host_flags)
  set(ZKB_HOST_FLAGS "")
  set(ZKB_HOST_LINK_FLAGS "")
  if(ZKB_NATIVE)
    list(APPEND ZKB_HOST_FLAGS -march=native)
  endif()
  if(ZKB_SANITIZE)
    list(APPEND ZKB_HOST_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
         -fno-omit-frame-pointer)
    list(APPEND ZKB_HOST_LINK_FLAGS -fsanitize=address,undefined)
  endif()
endmacro()

# zkb_library(NAME [GUEST_SAFE] SOURCES ... DEPENDS ...)
# One static library per src/ folder, named zkb_<folder>, included as "<folder>/<header>.hpp".
# GUEST_SAFE libraries compile without exceptions and RTTI, on the host as in the guest.
function(zkb_library name)
  cmake_parse_arguments(ARG "GUEST_SAFE" "" "SOURCES;DEPENDS;HOST_DEPENDS" ${ARGN})
  add_library(zkb_${name} STATIC ${ARG_SOURCES})
  target_include_directories(zkb_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(zkb_${name} PRIVATE ${ZKB_WARNINGS})
  if(ARG_GUEST_SAFE)
    target_compile_options(zkb_${name} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions -fno-rtti>)
  endif()
  if(ARG_DEPENDS)
    target_link_libraries(zkb_${name} PUBLIC ${ARG_DEPENDS})
  endif()
  if(NOT ZKB_GUEST)
    zkb_host_target(zkb_${name})
    if(ARG_HOST_DEPENDS)
      target_link_libraries(zkb_${name} PUBLIC ${ARG_HOST_DEPENDS})
    endif()
  endif()
endfunction()

# Host CPU flags and sanitizers for any host target (libraries, tests, benchmarks, the CLI).
function(zkb_host_target target)
  target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX,C>:${ZKB_HOST_FLAGS}>)
  target_link_options(${target} PRIVATE ${ZKB_HOST_LINK_FLAGS})
endfunction()

# zkb_test(NAME SOURCES ... DEPENDS ... LABEL label)
# One GoogleTest program per src/ folder; CTest labels by folder.
function(zkb_test name)
  cmake_parse_arguments(ARG "" "LABEL" "SOURCES;DEPENDS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${ZKB_WARNINGS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPENDS} GTest::gtest GTest::gtest_main)
  zkb_host_target(${name})
  # Idle OpenMP threads spin by default; with several test programs on few cores that makes small
  # proofs many times slower, so tests ask for passive waiting.
  # DISCOVERY_TIMEOUT is a keyword of its own: it must come before PROPERTIES, or everything after
  # it (the environment) is silently dropped.
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS ${ARG_LABEL}
                       ENVIRONMENT "ZKB_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared;OMP_WAIT_POLICY=passive")
endfunction()

# zkb_benchmark(NAME SOURCES ... DEPENDS ...)
function(zkb_benchmark name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${ZKB_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPENDS} benchmark::benchmark)
  zkb_host_target(${name})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/benchmarks)
endfunction()
