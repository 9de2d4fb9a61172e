// P4, M6: sign-in PINs at rest. A PIN is stored as PBKDF2-HMAC-SHA256 (the
// function WebCrypto's deriveBits computes) over a salt unique to the person
// and the moment it was set, so equal PINs never look alike and every guess
// costs kPinIterations hashes.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace bw {

inline constexpr int kPinIterations = 100000;

std::array<std::uint8_t, 32> sha256(std::string_view bytes);
// The first `length` bytes of PBKDF2-HMAC-SHA256, as lowercase hex.
std::string pbkdf2_sha256_hex(std::string_view password, std::string_view salt, int iterations, int length);

// Stored form: "pbkdf2-sha256$<iterations>$<salt hex>$<32-byte hash hex>".
// `seed` makes the salt unique (the person's id and the time it is set).
std::string pin_hash(std::string_view seed, std::string_view pin);
// Also reads the 64-bit FNV-1a form of schema 1-5 ("id:pin").
bool pin_matches(const std::string& stored, std::string_view who, std::string_view pin);
bool pin_hash_is_current(const std::string& stored);

}  // namespace bw
