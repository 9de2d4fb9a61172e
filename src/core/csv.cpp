#include "csv.hpp"

#include <cstdio>

namespace bw {

std::string neutralised(std::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    return "'" + std::string(text);
  return std::string(text);
}

namespace {
std::string field(const CsvCell& cell) {
  if (auto* n = std::get_if<long long>(&cell)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&cell)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", *d);  // rates: six decimals (penetration is small), a dot, no exponent
    return buf;
  }
  const std::string text = neutralised(std::get<std::string>(cell));
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}
}  // namespace

std::string csv_file(const std::vector<CsvRow>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const CsvRow& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + field(row[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace bw
