// SPDX-License-Identifier: Apache-2.0
// Sender recovery with OpenSSL's secp256k1 (SEC 1 v2 §4.1.6), used only as an independent
// oracle: if our signing hash is right, the recovered address is the fixture's sender.
#pragma once

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include <optional>

#include "eth_test_util.hpp"
#include "hash/keccak.hpp"

namespace zkbatch::eth::test {

/// The address whose key signed `hash` with (r, s, y parity), or nothing when recovery fails.
inline std::optional<Blob> recover_sender(const uint8_t hash[32],
                                          const uint8_t r[32],
                                          const uint8_t s[32],
                                          int y_parity) {
  EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_secp256k1);
  BN_CTX* ctx = BN_CTX_new();
  BIGNUM* n = BN_new();
  BIGNUM* br = BN_bin2bn(r, 32, nullptr);
  BIGNUM* bs = BN_bin2bn(s, 32, nullptr);
  BIGNUM* e = BN_bin2bn(hash, 32, nullptr);
  BIGNUM* r_inv = BN_new();
  BIGNUM* u1 = BN_new();
  BIGNUM* u2 = BN_new();
  EC_POINT* point_r = EC_POINT_new(group);
  EC_POINT* q = EC_POINT_new(group);
  std::optional<Blob> result;
  bool ok = group && ctx && EC_GROUP_get_order(group, n, ctx) &&
            // R = (r, y with the given parity); Q = r^-1 (s R - e G) = u1 G + u2 R.
            EC_POINT_set_compressed_coordinates(group, point_r, br, y_parity, ctx) &&
            BN_mod_inverse(r_inv, br, n, ctx) != nullptr && BN_mod_mul(u1, e, r_inv, n, ctx) &&
            BN_sub(u1, n, u1) && BN_nnmod(u1, u1, n, ctx) && BN_mod_mul(u2, bs, r_inv, n, ctx) &&
            EC_POINT_mul(group, q, u1, point_r, u2, ctx);
  if (ok) {
    uint8_t pub[65];
    if (EC_POINT_point2oct(group, q, POINT_CONVERSION_UNCOMPRESSED, pub, 65, ctx) == 65) {
      uint8_t digest[32];
      hash::keccak256(base::ByteSpan(pub + 1, 64), digest);
      result = Blob(digest + 12, digest + 32);
    }
  }
  EC_POINT_free(q);
  EC_POINT_free(point_r);
  BN_free(u2);
  BN_free(u1);
  BN_free(r_inv);
  BN_free(e);
  BN_free(bs);
  BN_free(br);
  BN_free(n);
  BN_CTX_free(ctx);
  EC_GROUP_free(group);
  return result;
}

}  // namespace zkbatch::eth::test
