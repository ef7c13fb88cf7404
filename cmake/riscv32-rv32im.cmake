# SPDX-License-Identifier: Apache-2.0
# Toolchain file for the zkVM guest: RV32IM, ilp32, Debian's gcc-riscv64-unknown-elf and picolibc.
# The target has no C++ standard library, so guest-safe code that includes one fails to compile here.
#   cmake -S . -B build-guest -DCMAKE_TOOLCHAIN_FILE=cmake/riscv32-rv32im.cmake
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)

set(ZKB_RISCV_PREFIX riscv64-unknown-elf-)
set(CMAKE_C_COMPILER ${ZKB_RISCV_PREFIX}gcc)
set(CMAKE_CXX_COMPILER ${ZKB_RISCV_PREFIX}g++)
set(CMAKE_ASM_COMPILER ${ZKB_RISCV_PREFIX}gcc)
set(CMAKE_AR ${ZKB_RISCV_PREFIX}ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${ZKB_RISCV_PREFIX}ranlib CACHE FILEPATH "")
set(CMAKE_OBJCOPY ${ZKB_RISCV_PREFIX}objcopy CACHE FILEPATH "")

# The compiler checks cannot link a program before the guest runtime exists.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(ZKB_RISCV_ARCH "-march=rv32im -mabi=ilp32")
set(CMAKE_C_FLAGS_INIT "${ZKB_RISCV_ARCH} --specs=picolibc.specs -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT
    "${ZKB_RISCV_ARCH} --specs=picolibc.specs -ffunction-sections -fdata-sections -fno-exceptions -fno-rtti -fno-threadsafe-statics")
set(CMAKE_ASM_FLAGS_INIT "${ZKB_RISCV_ARCH}")
# Link with gcc, never g++: g++ adds -lstdc++, which does not exist for this target.
set(CMAKE_CXX_LINK_EXECUTABLE
    "<CMAKE_C_COMPILER> <FLAGS> <CMAKE_CXX_LINK_FLAGS> <LINK_FLAGS> <OBJECTS> -o <TARGET> <LINK_LIBRARIES>")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
