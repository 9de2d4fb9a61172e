#include "report.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "business.hpp"
#include "csv.hpp"

namespace bw {

using namespace std::chrono;

// [SECTION] Program years
ProgramQuarter program_quarter_of(year_month_day day) {
  const int y = int(day.year());
  const unsigned m = unsigned(day.month());
  if (m >= 7) return {y, m <= 9 ? 1 : 2};
  return {y - 1, m <= 3 ? 3 : 4};
}

year_month_day first_day(ProgramQuarter pq) {
  const int y = pq.quarter <= 2 ? pq.program_year : pq.program_year + 1;
  const unsigned m = pq.quarter == 1 ? 7 : pq.quarter == 2 ? 10 : pq.quarter == 3 ? 1 : 4;
  return year{y} / month{m} / day{1};
}

year_month_day last_day(ProgramQuarter pq) {
  const year_month_day first = first_day(pq);
  const year_month last = add_months(first.year() / first.month(), 2);  // not `+ months`: see development.md
  return year_month_day{last / std::chrono::last};
}

ProgramQuarter previous(ProgramQuarter pq) {
  return pq.quarter == 1 ? ProgramQuarter{pq.program_year - 1, 4} : ProgramQuarter{pq.program_year, pq.quarter - 1};
}

year_month_day ese_due(ProgramQuarter pq) {
  const year_month after = add_months(last_day(pq).year() / last_day(pq).month(), 1);
  return after / day{15};
}

ProgramQuarter ese_quarter_due_next(year_month_day today) {
  const ProgramQuarter now = program_quarter_of(today);
  return today <= ese_due(previous(now)) ? previous(now) : now;
}

std::string quarter_label(ProgramQuarter pq) {
  const std::string from = display_date(first_day(pq)), to = display_date(last_day(pq));
  return "PY" + std::to_string(pq.program_year) + " Q" + std::to_string(pq.quarter) + " (" +
         from.substr(0, from.size() - 6) + " - " + to + ")";
}

std::string ese_file_name(ProgramQuarter pq, const char* part) {
  return "ESE_PY" + std::to_string(pq.program_year) + "_Q" + std::to_string(pq.quarter) + "_" + part + ".csv";
}

// [SECTION] Who exports
bool can_export_ese(const Staff& s) {
  return s.active && (can_serve_employers(s) || s.role == Role::Manager || s.role == Role::Administrator ||
                      s.role == Role::BoardProgramManager || s.role == Role::BoardAssistantDirector);
}

EseSource ese_source_for(const Workspace& ws, const Staff& s) {
  const Organisation* org = ws.find_organisation(s.organisation);
  const bool everyone = s.role == Role::Administrator || (org && org->kind == OrganisationKind::Board);
  return {&ws, everyone ? RecordId{} : s.organisation};
}

bool ese_exported(const Workspace& ws, ProgramQuarter pq, const EseSource& scope) {
  for (const EseExport& x : ws.meta.ese_exports) {
    const Staff* by = ws.find_staff(x.by);
    if (x.program_year == pq.program_year && x.quarter == pq.quarter && by &&
        ese_source_for(ws, *by).organisation == scope.organisation)
      return true;
  }
  return false;
}

std::vector<EseReminder> ese_reminders(const Workspace& ws, const Staff& s, year_month_day today) {
  std::vector<EseReminder> out;
  if (!can_export_ese(s)) return out;
  const EseSource scope = ese_source_for(ws, s);
  const ProgramQuarter next = ese_quarter_due_next(today);
  const ProgramQuarter before = previous(next);
  // A quarter due before the workspace existed is not this workspace's to report.
  const year_month_day born = date_of(ws.meta.created_at);
  if (today > ese_due(before) && ese_due(before) >= born && !ese_exported(ws, before, scope))
    out.push_back({before, ese_due(before), true});
  if (sys_days{today} >= sys_days{ese_due(next)} - days{14} && ese_due(next) >= born && !ese_exported(ws, next, scope))
    out.push_back({next, ese_due(next), today > ese_due(next)});
  return out;
}

// [SECTION] The export
namespace {

// One physical location across workspaces: the same FEIN and address (letters
// and digits only, any case) is one establishment, whoever entered it.
std::string establishment_key(const Employer& e, const Establishment& site) {
  std::string key;
  for (char c : e.fein)
    if (std::isdigit(static_cast<unsigned char>(c))) key += c;
  key += '|';
  bool space = false;
  for (char c : site.address) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (space && key.back() != '|') key += ' ';
      key += char(std::tolower(static_cast<unsigned char>(c)));
      space = false;
    } else {
      space = true;
    }
  }
  return key;
}

struct Served {
  const Workspace* ws;
  const Service* service;
  std::string key;
};

year_month_day years_before(year_month_day d, int n) {
  year_month_day out = d - years{n};
  return out.ok() ? out : year_month_day{out.year() / out.month() / std::chrono::last};  // Feb 29
}

}  // namespace

EseFiles ese_files(const std::vector<EseSource>& sources, ProgramQuarter pq, long long state_total) {
  const year_month_day first = first_day(pq), last = last_day(pq);
  // Three years before the quarter: from the same day three years before its first day.
  const year_month_day before_from = years_before(first, 3);
  // The three years ending with the quarter's last day.
  const year_month_day three_from = year_month_day{sys_days{years_before(last, 3)} + days{1}};

  std::vector<Served> in_quarter;
  std::set<std::string> before, three_years;
  for (const EseSource& src : sources) {
    const Workspace& ws = *src.workspace;
    for (auto& [id, sv] : ws.services) {
      if (sv.date < before_from || sv.date > last || is_voided(sv)) continue;  // P4: a voided service was never delivered
      if (!src.organisation.empty()) {
        const Staff* by = ws.find_staff(sv.staff);
        if (!by || by->organisation != src.organisation) continue;
      }
      const Employer* e = ws.find_employer(sv.employer);
      const Establishment* site = ws.find_establishment(sv.establishment);
      if (!e || !site) continue;
      std::string key = establishment_key(*e, *site);
      if (sv.date >= three_from) three_years.insert(key);
      if (sv.date < first) before.insert(key);
      else in_quarter.push_back({&ws, &sv, std::move(key)});
    }
  }
  std::sort(in_quarter.begin(), in_quarter.end(), [](const Served& a, const Served& b) {
    if (a.service->date != b.service->date) return a.service->date < b.service->date;
    return a.service->id < b.service->id;
  });

  EseFiles out;
  out.services = (long long)in_quarter.size();
  const std::string py = "PY" + std::to_string(pq.program_year), q = "Q" + std::to_string(pq.quarter);

  std::vector<CsvRow> detail{{std::string("Program year"), std::string("Quarter"), std::string("Provider"),
                              std::string("Staff"), std::string("Establishment ID"), std::string("Employer"),
                              std::string("FEIN"), std::string("Establishment address"), std::string("NAICS"),
                              std::string("Service date"), std::string("Federal category"),
                              std::string("Local service type"), std::string("What the employer gained"),
                              std::string("Entered within one business day")}};
  std::map<ServiceCategory, std::set<std::string>> sites_by_category;
  std::map<ServiceCategory, long long> services_by_category;
  std::set<std::string> served;
  for (const Served& s : in_quarter) {
    const Workspace& ws = *s.ws;
    const Service& sv = *s.service;
    const Staff* by = ws.find_staff(sv.staff);
    const Organisation* org = by ? ws.find_organisation(by->organisation) : nullptr;
    const Employer& e = *ws.find_employer(sv.employer);
    const Establishment& site = *ws.find_establishment(sv.establishment);
    detail.push_back({py, q, org ? org->name : std::string(), by ? by->name : std::string(), site.id, e.legal_name, e.fein,
                      site.address, site.naics, format_iso_date(sv.date), std::string(category_label(sv.category)),
                      sv.local_type, sv.gained, std::string(entered_on_time(ws, sv) ? "Yes" : "No")});
    sites_by_category[sv.category].insert(s.key);
    services_by_category[sv.category] += 1;
    served.insert(s.key);
  }

  std::vector<CsvRow> summary{{std::string("Federal category"), std::string("Unique establishments served"),
                               std::string("Number of services")}};
  for (ServiceCategory c : kServiceCategories) {
    out.by_category.push_back({c, (long long)sites_by_category[c].size(), services_by_category[c]});
    summary.push_back({std::string(category_label(c)), out.by_category.back().establishments, out.by_category.back().services});
  }
  summary.push_back({std::string("Total"), (long long)served.size(), out.services});

  out.counts.served = (long long)served.size();
  for (const std::string& key : served) out.counts.served_before += before.count(key);
  out.counts.served_three_years = (long long)three_years.size();
  out.counts.state_total = state_total;
  auto rate = [](long long part, long long whole) -> CsvCell {
    if (whole <= 0) return std::string();
    return double(part) / double(whole);
  };
  std::vector<CsvRow> rates{
      {std::string("Count"), std::string("Value")},
      {std::string("Program year"), py},
      {std::string("Quarter"), q},
      {std::string("First day"), format_iso_date(first)},
      {std::string("Last day"), format_iso_date(last)},
      {std::string("Establishments served in the quarter"), out.counts.served},
      {std::string("Of those, also served in the three years before the quarter"), out.counts.served_before},
      {std::string("Unique establishments served in the three years ending with the quarter"), out.counts.served_three_years},
      {std::string("Establishments in the state"), state_total > 0 ? CsvCell(state_total) : CsvCell(std::string())},
      {std::string("Repeat business customers rate"), rate(out.counts.served_before, out.counts.served)},
      {std::string("Employer penetration rate"), rate(out.counts.served, state_total)},
  };
  out.detail = csv_file(detail);
  out.summary = csv_file(summary);
  out.rates = csv_file(rates);
  return out;
}

}  // namespace bw
