// Amounts of money as staff type them (M4's hourly wage).
#pragma once
#include <optional>
#include <string_view>

namespace bw {
// "21", "21.5", "21.50", "$21.00", "$ 1,250.00", with spaces around ignored:
// dollars. Nothing else (no sign, no letters, at most two decimals, commas
// only between groups of three digits).
std::optional<double> parse_dollars(std::string_view text);
}  // namespace bw
