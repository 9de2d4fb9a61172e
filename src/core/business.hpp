// Business services rules (B1-B5, R1) as pure functions of the workspace and
// the clock: account standing, triage, refused service, and the checks on
// FEIN, NAICS and service descriptions. Job orders are in jobs.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workspace.hpp"

namespace bw {

// [SECTION] Employers and establishments (B1)
// Why a FEIN is not usable, or nullopt. Accepted: "12-3456789" or nine digits;
// the first two digits must be a prefix the IRS assigns.
std::optional<std::string> fein_problem(std::string_view fein);
std::string normalised_fein(std::string_view fein);  // "12-3456789"
// Why a NAICS code is not usable: six digits, starting with a NAICS sector.
std::optional<std::string> naics_problem(std::string_view naics);

// The sectors a NAICS code belongs to: its NAICS sector ("Healthcare",
// "Manufacturing", ...) and "Technology" for the technology industries
// (334, 513, 517, 518, 519, 5415), which cut across NAICS sectors.
std::vector<std::string> sectors_of(std::string_view naics);
std::vector<std::string> all_sectors();
std::vector<std::string> default_focus_sectors();  // B4: healthcare, construction, manufacturing, technology
std::vector<std::string> employer_sectors(const Workspace& ws, const RecordId& employer);
std::vector<const Establishment*> establishments_of(const Workspace& ws, const RecordId& employer);

// [SECTION] Active accounts (B2) and owners (B3)
// B2: reciprocated communication counts while it is this recent.
inline constexpr int kActiveAccountDays = 180;
struct AccountStanding {
  bool active = false;
  std::string reason;  // "active: reply received Nov 3, 2026 (telephone)"
};
// Reciprocated = the business answered, returned the call, wrote back or
// visited; cold outreach alone never counts, and third parties never do.
bool is_reciprocal(const Communication& c);
// An account's communications log, oldest date first.
std::vector<const Communication*> communications_of(const Workspace& ws, const RecordId& employer);
AccountStanding account_standing(const Workspace& ws, const Employer& e, std::chrono::year_month_day today);
// B3: the day the relationship was established (the first reciprocal
// communication), if it has been.
std::optional<std::chrono::year_month_day> relationship_established(const Workspace& ws, const RecordId& employer);
// B3: did this owner enter the account within one business day of the
// relationship's start? nullopt while there is no relationship yet.
std::optional<bool> entered_on_time(const Workspace& ws, const Employer& e, const AccountOwner& owner);
bool is_owner(const Employer& e, const RecordId& staff);
// B5: why staff-assisted service to this employer is refused, or nullopt.
std::optional<std::string> service_refusal(const Employer& e);
// B3: accounts where `staff` logged a reciprocated communication but is not an
// owner: to enter (join) within one business day.
std::vector<const Employer*> accounts_to_enter(const Workspace& ws, const RecordId& staff);

// The Employers screen's and the "employers" query's list.
struct EmployerFilter {
  std::string search;  // legal name, FEIN or id, without regard to case or accents
  std::string sector;
  RecordId owner;
  bool active_only = false;  // B2
  bool operator==(const EmployerFilter&) const = default;
};
struct EmployerRow {
  const Employer* employer;
  std::vector<std::string> sectors;
  AccountStanding standing;
  int open_jobs = 0;  // J2
};
std::vector<EmployerRow> employer_rows(const Workspace& ws, const EmployerFilter& filter, LocalSeconds now);

// [SECTION] Triage (B4)
bool in_focus(const Workspace& ws, const RecordId& employer);
TriageRoute suggested_route(const Workspace& ws, const RecordId& employer);
std::vector<const Employer*> triage_queue(const Workspace& ws);  // not yet triaged, oldest first

// [SECTION] Services (R1)
std::vector<LocalServiceType> default_local_service_types();
const LocalServiceType* local_service_type(const Workspace& ws, std::string_view name);
// R1: receiving or submitting paperwork is not a service. A warning in words
// when the description reads like paperwork only.
std::optional<std::string> paperwork_warning(std::string_view gained);
// P4: the person who entered a service (its staff, in data before schema 5), a
// Manager of their organisation, or an Administrator voids it.
bool may_void_service(const Workspace& ws, const Staff& s, const Service& service);
bool entered_on_time(const Workspace& ws, const Service& s);
// An employer's services, newest service date first.
std::vector<const Service*> services_of(const Workspace& ws, const RecordId& employer);

// Can act for employers: business and management roles (not case-only or training-provider staff).
bool can_serve_employers(const Staff& s);
bool is_business_role(Role r);  // BSR/BAS or Hybrid: may own accounts (B3)

}  // namespace bw
