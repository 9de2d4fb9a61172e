// CSV as spreadsheets expect it (R3): UTF-8 with a byte-order mark, CRLF line
// ends, RFC 4180 quoting, and text that can never run as a formula.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bw {

// A cell is text or a number. Numbers are written as they are; text that
// begins with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, so a spreadsheet shows it as text and never evaluates it.
using CsvCell = std::variant<std::string, long long, double>;
using CsvRow = std::vector<CsvCell>;

std::string neutralised(std::string_view text);
// One file: the BOM, then each row ended by CRLF.
std::string csv_file(const std::vector<CsvRow>& rows);

}  // namespace bw
