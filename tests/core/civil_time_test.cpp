// civil_time: stored forms round-trip for every day of 1990-2040, and bad
// dates are refused (W4).
#include <doctest/doctest.h>

#include <cstdio>

#include "civil_time.hpp"

using namespace bw;
using namespace std::chrono;

TEST_CASE("every day of 1990-2040 round-trips through its ISO form") {
  int checked = 0;
  for (sys_days d = sys_days{1990y / January / 1}; d <= sys_days{2040y / December / 31}; d += days{1}) {
    const year_month_day ymd{d};
    const std::string iso = format_iso_date(ymd);
    REQUIRE(parse_iso_date(iso) == ymd);
    const LocalSeconds t = start_of(ymd) + 17 * 3600 + 1 * 60 + 9;
    REQUIRE(date_of(t) == ymd);
    REQUIRE(parse_iso(format_iso(t)) == t);
    ++checked;
  }
  CHECK(checked == 18628);
}

TEST_CASE("the ISO forms written are printf's, for every day of 0001-9999 and every second of a day") {
  auto printed = [](LocalSeconds t) {
    const year_month_day d = date_of(t);
    const LocalSeconds s = t - start_of(d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()), int(s / 3600), int(s / 60 % 60), int(s % 60));
    return std::string(buf);
  };
  int checked = 0;
  for (sys_days d = sys_days{1y / January / 1}; d <= sys_days{9999y / December / 31}; d += days{1}, ++checked) {
    const LocalSeconds t = start_of(year_month_day{d}) + checked % 86400;
    REQUIRE(format_iso(t) == printed(t));
    REQUIRE(format_iso_date(year_month_day{d}) == printed(t).substr(0, 10));
  }
  CHECK(checked == 3652059);
  const LocalSeconds day = start_of(2026y / November / 30);
  for (LocalSeconds s = 0; s < 86400; ++s) REQUIRE(format_iso(day + s) == printed(day + s));
  CHECK(format_iso_date(-1y / March / 5) == "-001-03-05");  // outside the four digits: as printf writes it
  CHECK(format_iso_date(12026y / March / 5) == "12026-03-05");
}

TEST_CASE("W4: impossible or malformed dates are refused") {
  for (const char* bad : {"", "2026-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-4-1",
                          "20250401", "2025-04-01x", "abcd-ef-gh", "2025/04/01", "0000-01-01", "1899-12-31",
                          "2101-01-01", "9999-12-31"})
    CHECK_MESSAGE(!parse_iso_date(bad), bad);
  CHECK(parse_iso_date("2024-02-29"));
  CHECK(parse_iso_date("1900-01-01"));
  CHECK(parse_iso_date("2100-12-31"));
  CHECK_FALSE(parse_iso("9999-12-31T10:00"));
  for (const char* bad : {"2025-04-01T24:00", "2025-04-01T12:60", "2025-04-01T12", "2025-04-01T1:00",
                          "2025-04-01T12:00:61", "2025-04-01X12:00"})
    CHECK_MESSAGE(!parse_iso(bad), bad);
  CHECK(parse_iso("2025-04-01T23:59:59"));
  CHECK(parse_iso("2025-04-01 08:30"));
}

TEST_CASE("times read as staff read them") {
  CHECK(display_datetime(*parse_iso("2026-11-24T17:00")) == "Tue Nov 24, 2026 5:00 PM");
  CHECK(display_datetime(*parse_iso("2026-11-22T00:05")) == "Sun Nov 22, 2026 12:05 AM");
  CHECK(display_datetime(*parse_iso("2026-11-22T12:00")) == "Sun Nov 22, 2026 12:00 PM");
  CHECK(display_date(2026y / March / 9) == "Mar 9, 2026");
  CHECK(display_weekday_date(2026y / November / 26) == "Thu Nov 26, 2026");
}

TEST_CASE("age on a day counts whole years, birthdays included") {
  CHECK(age_on(2000y / June / 15, 2018y / June / 14) == 17);
  CHECK(age_on(2000y / June / 15, 2018y / June / 15) == 18);
  CHECK(age_on(2000y / February / 29, 2018y / February / 28) == 17);
  CHECK(age_on(2000y / February / 29, 2018y / March / 1) == 18);
}

TEST_CASE("add_months carries the year both ways, for every month of 1990-2040") {
  for (int y = 1990; y <= 2040; ++y)
    for (unsigned m = 1; m <= 12; ++m) {
      const year_month ym = year{y} / month{m};
      for (int n : {-25, -13, -12, -1, 0, 1, 11, 12, 13, 25}) {
        const int index = y * 12 + int(m) - 1 + n;
        REQUIRE(add_months(ym, n) == year{index / 12} / month{unsigned(index % 12 + 1)});
      }
    }
  CHECK(add_months(2025y / December, 1) == 2026y / January);
  CHECK(add_months(2026y / January, -1) == 2025y / December);
}

TEST_CASE("a date typed as MM/DD/YYYY, M/D/YYYY or YYYY-MM-DD is that day, for every day of 1900-2100") {
  int checked = 0;
  for (sys_days d = sys_days{1900y / January / 1}; d <= sys_days{2100y / December / 31}; d += days{1}) {
    const year_month_day ymd{d};
    const std::string us = format_us_date(ymd);
    REQUIRE(us.size() == 10);
    REQUIRE(parse_typed_date(us) == ymd);
    REQUIRE(parse_typed_date(format_iso_date(ymd)) == ymd);
    const std::string short_form = std::to_string(unsigned(ymd.month())) + "/" + std::to_string(unsigned(ymd.day())) +
                                   "/" + std::to_string(int(ymd.year()));
    REQUIRE(parse_typed_date(" " + short_form + " ") == ymd);
    ++checked;
  }
  CHECK(checked == 73414);
  CHECK(format_us_date(2009y / February / 14) == "02/14/2009");
}

TEST_CASE("typed dates that are not a day are refused") {
  for (const char* bad : {"", "02/30/2009", "13/01/2009", "00/10/2009", "02/14/09", "2/14/209", "02-14-2009", "02/14/2009/1",
                          "021/4/2009", "02/14/1899", "01/01/2101", "14/02/2009", "o2/14/2009", "02//2009", "2009/02/14"})
    CHECK_MESSAGE(!parse_typed_date(bad), bad);
  CHECK(parse_typed_date("02/29/2024") == 2024y / February / 29);
  CHECK(!parse_typed_date("02/29/2023"));
}
