#include "pin.hpp"

#include <cstdio>
#include <cstring>

namespace bw {
namespace {

// FIPS 180-4 SHA-256, kept as a running state so HMAC can reuse its keyed prefix.
struct Sha256 {
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::uint8_t block[64]{};
  std::size_t used = 0;
  std::uint64_t total = 0;

  static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

  void compress(const std::uint8_t* p) {
    static constexpr std::uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
        0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
        0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
        0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
        0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
        0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
        0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
      w[i] = std::uint32_t(p[4 * i]) << 24 | std::uint32_t(p[4 * i + 1]) << 16 | std::uint32_t(p[4 * i + 2]) << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }

  void update(const std::uint8_t* p, std::size_t n) {
    total += n;
    while (n) {
      const std::size_t take = std::min(n, 64 - used);
      std::memcpy(block + used, p, take);
      used += take, p += take, n -= take;
      if (used == 64) compress(block), used = 0;
    }
  }
  void update(std::string_view s) { update(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

  std::array<std::uint8_t, 32> finish() {
    const std::uint64_t bits = total * 8;
    const std::uint8_t pad = 0x80, zero = 0;
    update(&pad, 1);
    while (used != 56) update(&zero, 1);
    std::uint8_t length[8];
    for (int i = 0; i < 8; ++i) length[i] = std::uint8_t(bits >> (56 - 8 * i));
    update(length, 8);
    std::array<std::uint8_t, 32> out{};
    for (int i = 0; i < 8; ++i)
      for (int j = 0; j < 4; ++j) out[4 * i + j] = std::uint8_t(h[i] >> (24 - 8 * j));
    return out;
  }
};

std::string hex(const std::uint8_t* p, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += digits[p[i] >> 4], out += digits[p[i] & 15];
  return out;
}

std::string legacy_hash(std::string_view who, std::string_view pin) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over "id:pin" (schema 1 to 5)
  for (char c : std::string(who) + ":" + std::string(pin)) h = (h ^ std::uint8_t(c)) * 1099511628211ULL;
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// Compares without stopping at the first difference.
bool same(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= unsigned(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

std::array<std::uint8_t, 32> sha256(std::string_view bytes) {
  Sha256 s;
  s.update(bytes);
  return s.finish();
}

std::string pbkdf2_sha256_hex(std::string_view password, std::string_view salt, int iterations, int length) {
  std::uint8_t key[64]{};
  if (password.size() > 64) {
    const auto digest = sha256(password);
    std::memcpy(key, digest.data(), 32);
  } else {
    std::memcpy(key, password.data(), password.size());
  }
  Sha256 inner, outer;  // HMAC's keyed prefixes, hashed once
  std::uint8_t ipad[64], opad[64];
  for (int i = 0; i < 64; ++i) ipad[i] = key[i] ^ 0x36, opad[i] = key[i] ^ 0x5c;
  inner.update(ipad, 64);
  outer.update(opad, 64);
  auto hmac = [&](const std::uint8_t* message, std::size_t n) {
    Sha256 a = inner;
    a.update(message, n);
    const auto first = a.finish();
    Sha256 b = outer;
    b.update(first.data(), 32);
    return b.finish();
  };
  std::string out;
  for (std::uint32_t block = 1; int(out.size()) < 2 * length; ++block) {
    std::string first(salt);
    for (int i = 3; i >= 0; --i) first += char(block >> (8 * i));
    auto u = hmac(reinterpret_cast<const std::uint8_t*>(first.data()), first.size());
    auto t = u;
    for (int i = 1; i < iterations; ++i) {
      u = hmac(u.data(), 32);
      for (int j = 0; j < 32; ++j) t[j] ^= u[j];
    }
    out += hex(t.data(), 32);
  }
  return out.substr(0, 2 * std::size_t(length));
}

std::string pin_hash(std::string_view seed, std::string_view pin) {
  const auto salt_bytes = sha256("bridgework pin salt:" + std::string(seed));
  const std::string salt = hex(salt_bytes.data(), 16);
  return "pbkdf2-sha256$" + std::to_string(kPinIterations) + "$" + salt + "$" +
         pbkdf2_sha256_hex(pin, salt, kPinIterations, 32);
}

bool pin_matches(const std::string& stored, std::string_view who, std::string_view pin) {
  if (stored.empty()) return false;
  if (!stored.starts_with("pbkdf2-sha256$")) return same(stored, legacy_hash(who, pin));
  const std::size_t a = stored.find('$'), b = stored.find('$', a + 1), c = stored.find('$', b + 1);
  if (b == std::string::npos || c == std::string::npos) return false;
  const int iterations = std::atoi(stored.substr(a + 1, b - a - 1).c_str());
  if (iterations < 1 || iterations > 10000000) return false;
  const std::string salt = stored.substr(b + 1, c - b - 1), expected = stored.substr(c + 1);
  return same(pbkdf2_sha256_hex(pin, salt, iterations, int(expected.size() / 2)), expected);
}

bool pin_hash_is_current(const std::string& stored) {
  return stored.starts_with("pbkdf2-sha256$" + std::to_string(kPinIterations) + "$");
}

}  // namespace bw
