// Amounts as staff type them: "$21.00" and "21" are the same wage (M4).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "amounts.hpp"

using namespace bw;

TEST_CASE("every amount from $0.00 to $300.00, typed in each way staff write it, is that many cents") {
  for (int cents = 0; cents <= 30000; ++cents) {
    const std::string whole = std::to_string(cents / 100), frac = std::to_string(cents % 100 + 100).substr(1);
    for (const std::string& typed : {whole + "." + frac, "$" + whole + "." + frac, " $ " + whole + "." + frac + " "}) {
      const auto v = parse_dollars(typed);
      REQUIRE_MESSAGE(v, typed);
      REQUIRE(std::lround(*v * 100) == cents);
    }
    if (cents % 100 == 0) {
      REQUIRE(parse_dollars(whole) == double(cents / 100));
      REQUIRE(parse_dollars("$" + whole) == double(cents / 100));
    }
    if (cents % 10 == 0) REQUIRE(std::lround(*parse_dollars(whole + "." + frac.substr(0, 1)) * 100) == cents);
  }
}

TEST_CASE("thousands are grouped by commas in threes") {
  CHECK(parse_dollars("$1,250.00") == 1250.0);
  CHECK(parse_dollars("1,250") == 1250.0);
  CHECK(parse_dollars("12,345,678") == 12345678.0);
  for (const char* bad : {"12,50", "1,2500", ",250", "1250,", "1,,250", "1234,567"}) CHECK_MESSAGE(!parse_dollars(bad), bad);
}

TEST_CASE("what is not an amount is refused") {
  for (const char* bad : {"", "$", "-21", "+21", "21.", ".50", "21.505", "21,00.00", "twenty", "21 dollars", "$$21", "21$",
                          "1e3", "0x15", "21.5.0", "1234567890"})
    CHECK_MESSAGE(!parse_dollars(bad), bad);
}
