// Local civil time (SPEC T1): every time in the core is the agency's wall-clock
// time, counted in seconds from 1970-01-01 00:00 local. The platform converts
// the browser's clock once; nothing in the core reads a clock itself.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bw {

using LocalSeconds = std::int64_t;

std::chrono::year_month_day date_of(LocalSeconds t);
LocalSeconds start_of(std::chrono::year_month_day d);

// "2026-11-22T21:14:05", the stored form.
std::string format_iso(LocalSeconds t);
// "2026-11-22", the stored form of a date.
std::string format_iso_date(std::chrono::year_month_day d);
// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" and "YYYY-MM-DDTHH:MM:SS".
std::optional<LocalSeconds> parse_iso(std::string_view text);
// W4: the years a date may have; anything outside is a typing slip
// ("0000-01-01", "9999-12-31") and is refused like an impossible date.
inline constexpr int kFirstYear = 1900, kLastYear = 2100;
// Accepts only a real calendar date "YYYY-MM-DD" from kFirstYear to kLastYear.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

// A date as staff type it: "MM/DD/YYYY" (one-digit month and day too:
// "2/4/2009") or the stored "YYYY-MM-DD", with spaces around ignored.
std::optional<std::chrono::year_month_day> parse_typed_date(std::string_view text);
// "02/14/2009": how a date field shows a date.
std::string format_us_date(std::chrono::year_month_day d);

// As staff read it: "Sun Nov 22, 2026 9:14 PM" / "Nov 22, 2026".
std::string display_datetime(LocalSeconds t);
std::string display_date(std::chrono::year_month_day d);
std::string display_weekday_date(std::chrono::year_month_day d);  // "Thu Nov 26, 2026"
// A span of time as staff say it: "45 min", "3 h 20 min", "2 days 4 h".
std::string display_duration(LocalSeconds seconds);

// `month` moved by `n` months (negative goes back). Use this, not
// year_month + months: Emscripten's libc++ 14 does not carry the year
// (December + 1 month gives January of the same year).
std::chrono::year_month add_months(std::chrono::year_month month, int n);

// Whole years between a birth date and a day (age on that day).
int age_on(std::chrono::year_month_day birth, std::chrono::year_month_day day);

}  // namespace bw
