// SPDX-License-Identifier: Apache-2.0
// Explicit instantiations of the container templates with the element types the guest uses, so
// that every member function is compiled by the rv32 guest build too (an unused template member
// is otherwise never checked there).
#include "base/bytes.hpp"
#include "base/hash_map.hpp"
#include "base/u256.hpp"
#include "base/vector.hpp"

namespace zkbatch::base {

template class Vector<uint8_t>;
template class Vector<U256>;
template class Vector<Bytes32>;
template class HashMap<Bytes32, U256>;
template class HashMap<U256, U256>;
template class HashMap<uint64_t, Bytes>;
template class HashMap<uint32_t, uint32_t>;

}  // namespace zkbatch::base
