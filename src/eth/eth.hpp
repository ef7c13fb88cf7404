// SPDX-License-Identifier: Apache-2.0
// Guest-safe: C headers and src/base only.
//
// zkbatch::eth — Ethereum's consensus objects for the block validator: RLP, Merkle-Patricia
// tries with witness (hash) nodes, accounts and storage values, transactions, receipts, blooms,
// headers and withdrawals. Everything here runs on the host and in the rv32im guest.
#pragma once

#include "eth/account.hpp"      // Account, kEmptyTrieRoot, kEmptyCodeHash, storage values
#include "eth/address.hpp"      // Address
#include "eth/bloom.hpp"        // Bloom, bloom_add, logs_bloom
#include "eth/header.hpp"       // Header, encode_header, decode_header, block_hash
#include "eth/log.hpp"          // Log
#include "eth/mpt.hpp"          // Trie, NodeSet, CollapsePolicy, ordered_trie_root
#include "eth/nibbles.hpp"      // nibble paths and hex-prefix encoding
#include "eth/receipt.hpp"      // Receipt, encode_receipt, decode_receipt
#include "eth/rlp.hpp"          // rlp::Decoder, rlp::Encoder, rlp::validate
#include "eth/transaction.hpp"  // Transaction, decode_transaction, transaction_hash, signing_hash
#include "eth/withdrawal.hpp"   // Withdrawal, withdrawals_root
