// SPDX-License-Identifier: Apache-2.0
// Public header of src/vm/chips: the zkVM's tables (DESIGN.md §4), each a folder of four files
// (STYLE.md §4 item 6), and what their trace generators share.
#pragma once

#include "vm/chips/add_sub/air.hpp"
#include "vm/chips/bitwise/air.hpp"
#include "vm/chips/boundary/air.hpp"
#include "vm/chips/buses.hpp"
#include "vm/chips/bytes/air.hpp"
#include "vm/chips/compare/air.hpp"
#include "vm/chips/cpu/air.hpp"
#include "vm/chips/divrem/air.hpp"
#include "vm/chips/events.hpp"
#include "vm/chips/finalize/air.hpp"
#include "vm/chips/fixed/air.hpp"
#include "vm/chips/image_init/air.hpp"
#include "vm/chips/io/air.hpp"
#include "vm/chips/lookups.hpp"
#include "vm/chips/memory/air.hpp"
#include "vm/chips/memory_layout.hpp"
#include "vm/chips/mul/air.hpp"
#include "vm/chips/program/air.hpp"
#include "vm/chips/segment_values.hpp"
#include "vm/chips/shift/air.hpp"
#include "vm/chips/syscall/air.hpp"
#include "vm/chips/zero_init/air.hpp"
