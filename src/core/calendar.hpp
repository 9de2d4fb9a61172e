// The business-day calendar (SPEC T1-T3). Pure: dates in, dates out.
//
// A business day is Monday to Friday, minus the US federal holidays on their
// observed days (Saturday -> the Friday before, Sunday -> the Monday after;
// Juneteenth from 2021) and minus the closures the board adds. "End of
// business" is 17:00 local time.
#pragma once
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "civil_time.hpp"

namespace bw {

using Date = std::chrono::year_month_day;

struct Holiday {
  Date date;          // the day offices are closed (the observed day)
  std::string name;   // "Independence Day (observed)", or the closure's name
  bool board_closure = false;
};

// The federal holidays observed in calendar year `year` (a New Year's Day
// falling on a Saturday is observed on Dec 31 of the year before).
std::vector<Holiday> federal_holidays(int year);

inline constexpr int kEndOfBusinessHour = 17;

class BusinessCalendar {
 public:
  BusinessCalendar();

  // [SECTION] Closures the board adds (T2)
  const std::map<Date, std::string>& closures() const { return closures_; }
  void add_closure(Date d, std::string name);
  void remove_closure(Date d);
  // Federal holidays and closures of a year, by date.
  std::vector<Holiday> holidays(int year) const;

  // [SECTION] Business days (T1)
  bool is_business_day(Date d) const;
  // The nth business day strictly after `d` (n >= 1).
  Date business_day_after(Date d, int n = 1) const;

  // [SECTION] Deadlines
  static LocalSeconds end_of_business(Date d);
  // T3: by end of business on the first business day after the day of `x`.
  LocalSeconds within_one_business_day(LocalSeconds x) const;
  // E3: until 17:00 of the nth business day after the day of `x`.
  LocalSeconds end_of_nth_business_day_after(LocalSeconds x, int n) const;
  // A deadline is met up to and including its very second.
  static bool is_past(LocalSeconds deadline, LocalSeconds now) { return now > deadline; }

 private:
  std::set<int> federal_;  // observed federal holidays, as days since 1970-01-01
  std::map<Date, std::string> closures_;
};

}  // namespace bw
