#include "amounts.hpp"

#include <string>

namespace bw {

std::optional<double> parse_dollars(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '$') {
    s.remove_prefix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  }
  const std::size_t point = s.find('.');
  std::string_view whole = s.substr(0, point), cents = point == std::string_view::npos ? "" : s.substr(point + 1);
  if (whole.empty() || (point != std::string_view::npos && (cents.empty() || cents.size() > 2))) return std::nullopt;
  std::string digits;
  // Commas group the whole dollars by three: "1,250", never "12,50".
  const std::size_t first_comma = whole.find(',');
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char c = whole[i];
    if (c == ',') {
      if (i == 0 || (whole.size() - i - 1) % 4 != 3) return std::nullopt;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (first_comma != std::string_view::npos && i > first_comma && (whole.size() - i) % 4 == 0) return std::nullopt;
    digits += c;
  }
  if (first_comma != std::string_view::npos && (first_comma == 0 || first_comma > 3)) return std::nullopt;
  if (digits.size() > 9) return std::nullopt;
  for (char c : cents)
    if (c < '0' || c > '9') return std::nullopt;
  double value = std::stod(digits);
  if (!cents.empty()) value += std::stod(std::string(cents)) / (cents.size() == 1 ? 10.0 : 100.0);
  return value;
}

}  // namespace bw
