#include "calendar.hpp"

#include <algorithm>

#include "model.hpp"

namespace bw {
using namespace std::chrono;

namespace {

// Years for which federal holidays are precomputed: far beyond any deadline.
constexpr int kFirstHolidayYear = 1970, kLastHolidayYear = 2200;

int day_number(Date d) { return int(sys_days{d}.time_since_epoch().count()); }

Date nth_weekday(int y, unsigned m, weekday wd, unsigned n) {
  return Date{sys_days{year{y} / month{m} / wd[n]}};
}

Date last_weekday(int y, unsigned m, weekday wd) {
  return Date{sys_days{year{y} / month{m} / wd[last]}};
}

// A fixed-date holiday on a weekend moves to the nearest weekday (5 U.S.C. 6103).
Date observed(Date d) {
  const weekday wd{sys_days{d}};
  if (wd == Saturday) return Date{sys_days{d} - days{1}};
  if (wd == Sunday) return Date{sys_days{d} + days{1}};
  return d;
}

// The holidays of year `y` by their nominal date, observed.
std::vector<Holiday> holidays_of(int y) {
  auto fixed = [&](unsigned m, unsigned d, const char* name) {
    const Date nominal{year{y}, month{m}, day{d}};
    const Date o = observed(nominal);
    return Holiday{o, std::string(name) + (o == nominal ? "" : " (observed)"), false};
  };
  std::vector<Holiday> out = {
      fixed(1, 1, "New Year's Day"),
      {nth_weekday(y, 1, Monday, 3), "Birthday of Martin Luther King, Jr.", false},
      {nth_weekday(y, 2, Monday, 3), "Washington's Birthday", false},
      {last_weekday(y, 5, Monday), "Memorial Day", false},
      fixed(7, 4, "Independence Day"),
      {nth_weekday(y, 9, Monday, 1), "Labor Day", false},
      {nth_weekday(y, 10, Monday, 2), "Columbus Day", false},
      fixed(11, 11, "Veterans Day"),
      {nth_weekday(y, 11, Thursday, 4), "Thanksgiving Day", false},
      fixed(12, 25, "Christmas Day"),
  };
  if (y >= 2021) out.push_back(fixed(6, 19, "Juneteenth National Independence Day"));
  return out;
}

}  // namespace

std::vector<Holiday> federal_holidays(int y) {
  std::vector<Holiday> out;
  for (int from : {y, y + 1})  // next year's New Year's Day may be observed on Dec 31
    for (Holiday& h : holidays_of(from))
      if (int(h.date.year()) == y) out.push_back(std::move(h));
  sort_list(out, [](auto& a, auto& b) { return a.date < b.date; });
  return out;
}

BusinessCalendar::BusinessCalendar() {
  for (int y = kFirstHolidayYear; y <= kLastHolidayYear; ++y)
    for (const Holiday& h : federal_holidays(y)) federal_.insert(day_number(h.date));
}

void BusinessCalendar::add_closure(Date d, std::string name) { closures_[d] = std::move(name); }
void BusinessCalendar::remove_closure(Date d) { closures_.erase(d); }

std::vector<Holiday> BusinessCalendar::holidays(int y) const {
  std::vector<Holiday> out = federal_holidays(y);
  for (auto& [d, name] : closures_)
    if (int(d.year()) == y) out.push_back({d, name, true});
  sort_list(out, [](auto& a, auto& b) { return a.date < b.date; });
  return out;
}

bool BusinessCalendar::is_business_day(Date d) const {
  const weekday wd{sys_days{d}};
  if (wd == Saturday || wd == Sunday) return false;
  return !federal_.count(day_number(d)) && !closures_.count(d);
}

Date BusinessCalendar::business_day_after(Date d, int n) const {
  sys_days day{d};
  while (n > 0) {
    day += days{1};
    if (is_business_day(Date{day})) --n;
  }
  return Date{day};
}

LocalSeconds BusinessCalendar::end_of_business(Date d) { return start_of(d) + kEndOfBusinessHour * 3600; }

LocalSeconds BusinessCalendar::within_one_business_day(LocalSeconds x) const {
  return end_of_nth_business_day_after(x, 1);
}

LocalSeconds BusinessCalendar::end_of_nth_business_day_after(LocalSeconds x, int n) const {
  return end_of_business(business_day_after(date_of(x), n));
}

}  // namespace bw
