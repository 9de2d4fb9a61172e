#include "business.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "jobs.hpp"

namespace bw {

using namespace std::chrono;

namespace {
std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  return out;
}

struct Sector { const char* prefixes; const char* name; };  // prefixes separated by spaces
// The NAICS sectors by their two-digit codes, in words staff use.
constexpr Sector kSectors[] = {
    {"11", "Agriculture, forestry, fishing and hunting"}, {"21", "Mining, oil and gas"}, {"22", "Utilities"},
    {"23", "Construction"}, {"31 32 33", "Manufacturing"}, {"42", "Wholesale trade"}, {"44 45", "Retail trade"},
    {"48 49", "Transportation and warehousing"}, {"51", "Information"}, {"52", "Finance and insurance"},
    {"53", "Real estate"}, {"54", "Professional, scientific and technical services"},
    {"55", "Management of companies"}, {"56", "Administrative, support and waste services"},
    {"61", "Educational services"}, {"62", "Healthcare"}, {"71", "Arts, entertainment and recreation"},
    {"72", "Accommodation and food services"}, {"81", "Other services"}, {"92", "Public administration"},
    // Cuts across the NAICS sectors above: computer and electronics manufacturing,
    // software publishing, telecommunications, data processing, computer services.
    {"334 513 517 518 519 5415", "Technology"},
};

bool matches(const char* prefixes, std::string_view code) {
  std::string_view list(prefixes);
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (code.substr(0, end - start) == list.substr(start, end - start)) return true;
    start = end + 1;
  }
  return false;
}
}  // namespace

// [SECTION] Employers and establishments
std::optional<std::string> fein_problem(std::string_view fein) {
  const std::string d = digits_of(fein);
  const bool shape = d.size() == 9 && std::all_of(fein.begin(), fein.end(), [](char c) {
                       return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == ' ';
                     });
  if (!shape) return "A FEIN is nine digits, written 12-3456789.";
  static const std::string unassigned[] = {"00", "07", "08", "09", "17", "18", "19", "28", "29",
                                           "49", "69", "70", "78", "79", "89", "96", "97"};
  if (std::find(std::begin(unassigned), std::end(unassigned), d.substr(0, 2)) != std::end(unassigned))
    return "No FEIN begins with " + d.substr(0, 2) + ": check the number on the employer's tax forms.";
  return std::nullopt;
}

std::string normalised_fein(std::string_view fein) {
  const std::string d = digits_of(fein);
  return d.size() == 9 ? d.substr(0, 2) + "-" + d.substr(2) : std::string(fein);
}

std::optional<std::string> naics_problem(std::string_view naics) {
  if (naics.size() != 6 || !std::all_of(naics.begin(), naics.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "A NAICS code is six digits, e.g. 621610 (home health care services).";
  for (const Sector& s : kSectors)
    if (std::string_view(s.name) != "Technology" && matches(s.prefixes, naics)) return std::nullopt;
  return "No NAICS sector begins with " + std::string(naics.substr(0, 2)) + ".";
}

std::vector<std::string> sectors_of(std::string_view naics) {
  std::vector<std::string> out;
  for (const Sector& s : kSectors)
    if (matches(s.prefixes, naics)) out.push_back(s.name);
  return out;
}

std::vector<std::string> all_sectors() {
  std::vector<std::string> out;
  for (const Sector& s : kSectors) out.push_back(s.name);
  return out;
}

std::vector<std::string> default_focus_sectors() { return {"Healthcare", "Construction", "Manufacturing", "Technology"}; }

std::vector<const Establishment*> establishments_of(const Workspace& ws, const RecordId& employer) {
  return records_in(ws.establishments, ws.establishments_by_employer, employer);
}

std::vector<std::string> employer_sectors(const Workspace& ws, const RecordId& employer) {
  std::vector<std::string> out;
  for (const Establishment* e : establishments_of(ws, employer))
    for (std::string& s : sectors_of(e->naics))
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  return out;
}

// [SECTION] Accounts (B2, B3)
bool is_reciprocal(const Communication& c) { return c.direction == Direction::Inbound || c.reciprocated; }

std::vector<const Communication*> communications_of(const Workspace& ws, const RecordId& employer) {
  auto out = records_in(ws.communications, ws.communications_by_employer, employer);
  sort_list(out, [](auto* a, auto* b) { return a->date < b->date; });
  return out;
}

AccountStanding account_standing(const Workspace& ws, const Employer& e, year_month_day today) {
  if (e.kind != EmployerKind::DirectEmployer)
    return {false, "not active: " + std::string(employer_kind_label(e.kind)) +
                       " relationships never make an active account (B2)"};
  const auto log = communications_of(ws, e.id);
  if (log.empty()) return {false, "not active: no communication logged yet"};
  const Communication* last = nullptr;
  int cold = 0;
  for (const Communication* c : log) {
    if (c->date > today) continue;
    if (is_reciprocal(*c)) last = c;
    else ++cold;
  }
  if (!last)
    return {false, "not active: outreach only, no reply yet (" + std::to_string(cold) + " cold contact" +
                       (cold == 1 ? ")" : "s)")};
  const auto age = (sys_days{today} - sys_days{last->date}).count();
  const std::string when = display_date(last->date) + " (" + std::string(channel_label(last->channel)) + ")";
  if (age > kActiveAccountDays)
    return {false, "not active: last reciprocated " + when + ", more than " + std::to_string(kActiveAccountDays) +
                       " days ago"};
  return {true, "active: " + std::string(last->direction == Direction::Inbound ? "the business reached out " : "reply received ") + when};
}

std::optional<year_month_day> relationship_established(const Workspace& ws, const RecordId& employer) {
  for (const Communication* c : communications_of(ws, employer))
    if (is_reciprocal(*c)) return c->date;
  return std::nullopt;
}

std::optional<bool> entered_on_time(const Workspace& ws, const Employer& e, const AccountOwner& owner) {
  const auto since = relationship_established(ws, e.id);
  if (!since) return std::nullopt;
  return owner.since <= ws.calendar.within_one_business_day(start_of(*since));
}

std::optional<std::string> service_refusal(const Employer& e) {
  if (!e.refusal) return std::nullopt;
  return "Staff-assisted service to " + e.legal_name + " was refused on " + display_date(date_of(e.refusal->at)) +
         " (B5): " + e.refusal->concern;
}

bool is_owner(const Employer& e, const RecordId& staff) {
  return std::any_of(e.owners.begin(), e.owners.end(), [&](const AccountOwner& o) { return o.staff == staff; });
}

std::vector<const Employer*> accounts_to_enter(const Workspace& ws, const RecordId& staff) {
  std::set<RecordId> answered;  // employers by id, as the employers' list is
  for (const Communication* c : records_in(ws.communications, ws.communications_by_staff, staff))
    if (is_reciprocal(*c)) answered.insert(c->employer);
  std::vector<const Employer*> out;
  for (const RecordId& id : answered)
    if (const Employer& e = ws.employers.at(id); !is_owner(e, staff) && e.kind == EmployerKind::DirectEmployer)
      out.push_back(&e);
  return out;
}

// [SECTION] Triage (B4)
std::vector<EmployerRow> employer_rows(const Workspace& ws, const EmployerFilter& filter, LocalSeconds now) {
  const std::string needle = folded(filter.search);
  std::vector<EmployerRow> out;
  for (auto& [id, e] : ws.employers) {
    if (!filter.owner.empty() && !is_owner(e, filter.owner)) continue;
    if (!needle.empty() && folded(e.legal_name + " " + e.fein + " " + id).find(needle) == std::string::npos) continue;
    EmployerRow row{&e, employer_sectors(ws, id), account_standing(ws, e, date_of(now))};
    if (!filter.sector.empty() && std::find(row.sectors.begin(), row.sectors.end(), filter.sector) == row.sectors.end())
      continue;
    if (filter.active_only && !row.standing.active) continue;
    row.open_jobs = int(open_jobs_of(ws, id, now).size());
    out.push_back(std::move(row));
  }
  return out;
}

bool in_focus(const Workspace& ws, const RecordId& employer) {
  for (const std::string& s : employer_sectors(ws, employer))
    if (std::find(ws.meta.focus_sectors.begin(), ws.meta.focus_sectors.end(), s) != ws.meta.focus_sectors.end())
      return true;
  return false;
}

TriageRoute suggested_route(const Workspace& ws, const RecordId& employer) {
  return in_focus(ws, employer) ? TriageRoute::BoardBusinessTeam : TriageRoute::Center;
}

std::vector<const Employer*> triage_queue(const Workspace& ws) {
  std::vector<const Employer*> out;
  for (const RecordId& id : ws.employers_untriaged) out.push_back(&ws.employers.at(id));  // ids grow with time: oldest first
  return out;
}

// [SECTION] Services (R1)
std::vector<LocalServiceType> default_local_service_types() {
  using C = ServiceCategory;
  return {
      {"Labor market information", C::EmployerInformation},
      {"Business consultation", C::EmployerInformation},
      {"Job posting and candidate referrals", C::WorkforceRecruitment},
      {"Hiring event", C::WorkforceRecruitment},
      {"Sector partnership planning", C::StrategicPlanning},
      {"Second-chance hiring consultation", C::UntappedLaborPools},
      {"On-the-job training contract", C::Training},
      {"Customized training", C::Training},
      {"Incumbent worker training", C::IncumbentWorkerTraining},
      {"Rapid response session", C::RapidResponse},
      {"Layoff aversion planning", C::PlanningLayoffResponse},
  };
}

const LocalServiceType* local_service_type(const Workspace& ws, std::string_view name) {
  for (const LocalServiceType& t : ws.meta.local_service_types)
    if (t.name == name) return &t;
  return nullptr;
}

bool may_void_service(const Workspace& ws, const Staff& s, const Service& service) {
  const RecordId& by = service.entered_by.empty() ? service.staff : service.entered_by;
  const Staff* enterer = ws.find_staff(by);
  return s.active && (s.id == by || s.role == Role::Administrator ||
                      (s.role == Role::Manager && enterer && enterer->organisation == s.organisation));
}

std::optional<std::string> paperwork_warning(std::string_view gained) {
  const std::string text = lowercase(gained);
  static const char* paperwork[] = {"paperwork", "form", "forms", "signed", "signature", "submitted", "received",
                                    "dropped off", "picked up", "faxed", "scanned", "filed", "copy of"};
  static const char* benefit[] = {"hired", "hire", "trained", "training", "recruit", "candidate", "learned", "plan",
                                  "saved", "reduced", "avoided", "filled", "retain", "interview", "skills",
                                  "strategy", "information", "data"};
  auto has = [&](const char* word) {
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      const size_t end = at + std::string_view(word).size();
      const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      const bool ends = end >= text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
      if (starts && ends) return true;
    }
    return false;
  };
  const bool paper = std::any_of(std::begin(paperwork), std::end(paperwork), has);
  const bool gain = std::any_of(std::begin(benefit), std::end(benefit), has);
  if (paper && !gain)
    return "This reads like paperwork only. Receiving or submitting paperwork is not a service: say what the "
           "employer gained (R1).";
  return std::nullopt;
}

std::vector<const Service*> services_of(const Workspace& ws, const RecordId& employer) {
  auto out = records_in(ws.services, ws.services_by_employer, employer);
  sort_list(out, [](auto* a, auto* b) { return a->date > b->date; });
  return out;
}

bool entered_on_time(const Workspace& ws, const Service& s) {
  return s.entered_at <= ws.calendar.within_one_business_day(start_of(s.date));
}

bool is_business_role(Role r) { return r == Role::BusinessServicesRepresentative || r == Role::Hybrid; }

bool can_serve_employers(const Staff& s) {
  if (!s.active) return false;
  switch (s.role) {
    case Role::BusinessServicesRepresentative:
    case Role::Hybrid:
    case Role::CareerAgent:
    case Role::SpecialProjects:
    case Role::Manager:
    case Role::BoardProgramManager:
    case Role::BoardAssistantDirector:
    case Role::Administrator:
      return true;
    default:
      return false;
  }
}

}  // namespace bw
