// SPDX-License-Identifier: Apache-2.0
// Public header of the device interface: the back-end contract and buffer handles.
#pragma once

#include "kernels/backend.hpp"
#include "kernels/device_buffer.hpp"
#include "kernels/staged_array.hpp"
