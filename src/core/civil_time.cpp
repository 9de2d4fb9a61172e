#include "civil_time.hpp"

#include <cstdio>

namespace bw {
using namespace std::chrono;

namespace {
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

// Reads exactly `width` digits; false on anything else.
bool digits(std::string_view s, size_t at, size_t width, int& out) {
  if (at + width > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
}  // namespace

year_month_day date_of(LocalSeconds t) {
  return year_month_day{floor<days>(sys_seconds{seconds{t}})};
}

LocalSeconds start_of(year_month_day d) {
  return sys_days{d}.time_since_epoch().count() * 86400LL;
}

// Written digit by digit: every stored date and time is written this way, and
// snprintf took a tenth of writing a restored board.
std::string format_iso_date(year_month_day d) {
  const int y = int(d.year());
  if (y < 0 || y > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, unsigned(d.month()), unsigned(d.day()));
    return buf;
  }
  const unsigned m = unsigned(d.month()), day = unsigned(d.day());
  const char out[10] = {char('0' + y / 1000), char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                        char('0' + m / 10), char('0' + m % 10), '-', char('0' + day / 10), char('0' + day % 10)};
  return std::string(out, sizeof out);
}

std::string format_iso(LocalSeconds t) {
  const auto d = date_of(t);
  const int s = int(t - start_of(d));  // 0 to 86,399
  const int h = s / 3600, m = s / 60 % 60, sec = s % 60;
  const char time[9] = {'T', char('0' + h / 10), char('0' + h % 10), ':', char('0' + m / 10), char('0' + m % 10), ':',
                        char('0' + sec / 10), char('0' + sec % 10)};
  return format_iso_date(d).append(time, sizeof time);
}

std::optional<year_month_day> parse_iso_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
  if (y < kFirstYear || y > kLastYear) return std::nullopt;
  year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::optional<year_month_day> parse_typed_date(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.find('/') == std::string_view::npos) return parse_iso_date(s);
  // M/D/YYYY with one or two digits for the month and the day.
  int parts[3] = {0, 0, 0}, lengths[3] = {0, 0, 0}, n = 0;
  for (char c : s) {
    if (c == '/') {
      if (++n > 2) return std::nullopt;
    } else if (c >= '0' && c <= '9') {
      parts[n] = parts[n] * 10 + (c - '0');
      if (++lengths[n] > 4) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (n != 2 || lengths[0] < 1 || lengths[0] > 2 || lengths[1] < 1 || lengths[1] > 2 || lengths[2] != 4)
    return std::nullopt;
  if (parts[2] < kFirstYear || parts[2] > kLastYear) return std::nullopt;
  year_month_day ymd{year{parts[2]}, month{unsigned(parts[0])}, day{unsigned(parts[1])}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

std::string format_us_date(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.month()), unsigned(d.day()), int(d.year()));
  return buf;
}

std::optional<LocalSeconds> parse_iso(std::string_view s) {
  auto date = parse_iso_date(s.substr(0, 10));
  if (!date) return std::nullopt;
  LocalSeconds t = start_of(*date);
  if (s.size() == 10) return t;
  int h, mi, sec = 0;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  if (!digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mi))
    return std::nullopt;
  if (s.size() == 19) {
    if (s[16] != ':' || !digits(s, 17, 2, sec)) return std::nullopt;
  } else if (s.size() != 16) {
    return std::nullopt;
  }
  if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  return t + h * 3600 + mi * 60 + sec;
}

std::string display_date(year_month_day d) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%s %u, %d", kMonths[unsigned(d.month()) - 1],
                unsigned(d.day()), int(d.year()));
  return buf;
}

std::string display_weekday_date(year_month_day d) {
  return std::string(kWeekdays[weekday{sys_days{d}}.c_encoding()]) + " " + display_date(d);
}

std::string display_datetime(LocalSeconds t) {
  const auto d = date_of(t);
  const LocalSeconds s = t - start_of(d);
  const int h = int(s / 3600), mi = int(s / 60 % 60);
  const int h12 = h % 12 == 0 ? 12 : h % 12;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %d:%02d %s", display_weekday_date(d).c_str(), h12, mi, h < 12 ? "AM" : "PM");
  return buf;
}

year_month add_months(year_month m, int n) {
  const int index = int(m.year()) * 12 + int(unsigned(m.month())) - 1 + n;
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return year{y} / month{unsigned(index - y * 12 + 1)};
}

int age_on(year_month_day birth, year_month_day day) {
  int age = int(day.year()) - int(birth.year());
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
    --age;
  return age;
}

std::string display_duration(LocalSeconds seconds) {
  if (seconds < 0) seconds = -seconds;
  const long long minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
  auto unit = [](long long n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (days > 0) return unit(days, "day", "days") + (hours % 24 ? " " + std::to_string(hours % 24) + " h" : "");
  if (hours > 0) return std::to_string(hours) + " h" + (minutes % 60 ? " " + std::to_string(minutes % 60) + " min" : "");
  return std::to_string(minutes) + " min";
}

}  // namespace bw
