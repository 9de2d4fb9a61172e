// calendar (T1-T3): every day of 2020-2035, at the times of day that matter,
// against the holiday and business-day rules written out again here in a
// different form (day-of-month windows instead of weekday indexing).
#include <doctest/doctest.h>

#include <algorithm>

#include "calendar.hpp"

using namespace bw;
using namespace std::chrono;

namespace reference {

bool is_weekend(sys_days d) {
  const weekday w{d};
  return w == Saturday || w == Sunday;
}

// A fixed-date holiday is off on its own date when that is a weekday, on the
// Friday before when it is a Saturday, on the Monday after when a Sunday.
bool fixed_holiday_off(sys_days d, unsigned m, unsigned dd, int from_year) {
  for (int delta : {-1, 0, 1}) {
    const year_month_day nominal{d + days{delta}};
    if (unsigned(nominal.month()) != m || unsigned(nominal.day()) != dd || int(nominal.year()) < from_year) continue;
    const weekday w{d + days{delta}};
    if (delta == 0 && !is_weekend(d)) return true;
    if (delta == 1 && w == Saturday) return true;   // d is the Friday before
    if (delta == -1 && w == Sunday) return true;    // d is the Monday after
  }
  return false;
}

// "Third Monday" = a Monday on day 15-21; "last Monday of May" = day 25-31; etc.
bool floating_holiday(sys_days d) {
  const year_month_day ymd{d};
  const unsigned m = unsigned(ymd.month()), day = unsigned(ymd.day());
  const weekday w{d};
  if (w == Monday && m == 1 && day >= 15 && day <= 21) return true;
  if (w == Monday && m == 2 && day >= 15 && day <= 21) return true;
  if (w == Monday && m == 5 && day >= 25) return true;
  if (w == Monday && m == 9 && day <= 7) return true;
  if (w == Monday && m == 10 && day >= 8 && day <= 14) return true;
  if (w == Thursday && m == 11 && day >= 22 && day <= 28) return true;
  return false;
}

bool is_holiday(sys_days d) {
  return floating_holiday(d) || fixed_holiday_off(d, 1, 1, 0) || fixed_holiday_off(d, 6, 19, 2021) ||
         fixed_holiday_off(d, 7, 4, 0) || fixed_holiday_off(d, 11, 11, 0) || fixed_holiday_off(d, 12, 25, 0);
}

bool is_business_day(sys_days d) { return !is_weekend(d) && !is_holiday(d); }

sys_days nth_business_day_after(sys_days d, int n) {
  for (;;) {
    d += days{1};
    if (is_business_day(d) && --n == 0) return d;
  }
}

}  // namespace reference

TEST_CASE("T1, T2: every day of 2020-2035 is a business day exactly when the rules say") {
  BusinessCalendar cal;
  int holidays = 0;
  for (sys_days d = sys_days{2020y / January / 1}; d <= sys_days{2035y / December / 31}; d += days{1}) {
    const bool expected = reference::is_business_day(d);
    REQUIRE_MESSAGE(cal.is_business_day(year_month_day{d}) == expected, format_iso_date(year_month_day{d}));
    holidays += reference::is_holiday(d) && !reference::is_weekend(d);
  }
  // 10 holidays in 2020, 11 a year from 2021 (Juneteenth); every observed day
  // falls on a weekday inside the range (New Year's Day 2022 on Dec 31 2021).
  CHECK(holidays == 10 + 15 * 11);
}

TEST_CASE("T2: observed days, Juneteenth from 2021, New Year's Day observed the year before") {
  BusinessCalendar cal;
  auto off = [&](year_month_day d) { return !cal.is_business_day(d); };
  CHECK(off(2021y / July / 5));        // Independence Day on a Sunday -> Monday
  CHECK(off(2020y / July / 3));        // on a Saturday -> Friday
  CHECK(cal.is_business_day(2020y / June / 19));  // Juneteenth not yet a federal holiday
  CHECK(off(2021y / June / 18));       // first Juneteenth, a Saturday -> Friday
  CHECK(off(2021y / December / 31));   // New Year's Day 2022 is a Saturday
  CHECK(cal.is_business_day(2022y / January / 3));
  CHECK(off(2026y / November / 26));   // Thanksgiving
  CHECK(cal.is_business_day(2026y / November / 27));  // the day after is not federal
  auto names = federal_holidays(2021);
  CHECK(names.size() == 12);           // 2021 holds its own and 2022's New Year's Day
  CHECK(names.back().name == "New Year's Day (observed)");
  CHECK(federal_holidays(2022).size() == 10);
}

TEST_CASE("T3, E3: deadlines for every day of 2020-2035 at 00:00, 16:59, 17:00, 17:01, 23:59") {
  BusinessCalendar cal;
  const int times[] = {0, 16 * 3600 + 59 * 60, 17 * 3600, 17 * 3600 + 60, 23 * 3600 + 59 * 60};
  for (sys_days d = sys_days{2020y / January / 1}; d <= sys_days{2035y / December / 31}; d += days{1}) {
    const LocalSeconds one = start_of(year_month_day{reference::nth_business_day_after(d, 1)}) + 17 * 3600;
    const LocalSeconds three = start_of(year_month_day{reference::nth_business_day_after(d, 3)}) + 17 * 3600;
    for (int t : times) {
      const LocalSeconds x = start_of(year_month_day{d}) + t;
      REQUIRE_MESSAGE(cal.within_one_business_day(x) == one, format_iso(x));
      REQUIRE_MESSAGE(cal.end_of_nth_business_day_after(x, 3) == three, format_iso(x));
    }
  }
}

TEST_CASE("T3: examples read as the policy reads") {
  BusinessCalendar cal;
  auto due = [&](const char* x) { return format_iso(cal.within_one_business_day(*parse_iso(x))); };
  CHECK(due("2026-11-20T16:59") == "2026-11-23T17:00:00");  // Friday -> Monday
  CHECK(due("2026-11-21T10:00") == "2026-11-23T17:00:00");  // Saturday -> Monday
  CHECK(due("2026-11-25T17:01") == "2026-11-27T17:00:00");  // Wednesday before Thanksgiving
  CHECK(due("2027-01-15T16:59") == "2027-01-19T17:00:00");  // Friday before MLK Day
  CHECK(due("2021-12-30T12:00") == "2022-01-03T17:00:00");  // Dec 31 observed, then a weekend
  CHECK(due("2027-12-23T09:00") == "2027-12-27T17:00:00");  // Christmas (Sat) observed Fri 24
  const LocalSeconds deadline = *parse_iso("2026-11-23T17:00");
  CHECK_FALSE(BusinessCalendar::is_past(deadline, deadline));
  CHECK(BusinessCalendar::is_past(deadline, deadline + 60));
}

TEST_CASE("T2: closures the board adds are not business days, and can be removed") {
  BusinessCalendar cal;
  const year_month_day friday = 2026y / November / 27;
  cal.add_closure(friday, "Day after Thanksgiving");
  CHECK_FALSE(cal.is_business_day(friday));
  CHECK(format_iso(cal.within_one_business_day(*parse_iso("2026-11-25T12:00"))) == "2026-11-30T17:00:00");
  auto list = cal.holidays(2026);
  auto it = std::find_if(list.begin(), list.end(), [&](auto& h) { return h.date == friday; });
  REQUIRE(it != list.end());
  CHECK(it->board_closure);
  CHECK(it->name == "Day after Thanksgiving");
  cal.remove_closure(friday);
  CHECK(cal.is_business_day(friday));
}
