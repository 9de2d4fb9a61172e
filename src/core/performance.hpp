// Performance standards and targets (R4): each timeliness rule measured per
// staff member over a period, with the records that missed; and the board's
// targets per quarter with the progress toward them.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report.hpp"

namespace bw {

// [SECTION] Standards
enum class Standard {
  MonthlyContacts,  // N2: each active client contacted in each month that ended (or contacted already)
  IssuesOnTime,     // E3: issues closed without missing a level's deadline
  AccountsEntered,  // B3: owners who entered or joined an account within one business day
  JobsPosted,       // J1: jobs posted within one business day of the job order
  MatchActions,     // M3: the job owner's action within one business day
  HiresRecorded,    // M5: hires recorded within one business day of learning of them
  ServicesEntered,  // R1: services entered within one business day
  PlansAgreed,      // S1: active clients whose service plan the customer agreed (as it is now)
};
inline constexpr std::array kStandards = {Standard::MonthlyContacts, Standard::IssuesOnTime, Standard::AccountsEntered,
                                          Standard::JobsPosted,      Standard::MatchActions, Standard::HiresRecorded,
                                          Standard::ServicesEntered, Standard::PlansAgreed};
std::string_view standard_name(Standard s);   // "monthly_contacts"
std::string_view standard_label(Standard s);  // "Monthly contacts (N2)"
std::optional<Standard> standard_from(std::string_view name);

struct Miss {
  RecordId record;   // what to open
  std::string why;   // in words, e.g. "no contact in Oct 2026"
};
struct Tally {
  int met = 0, total = 0;
  std::vector<Miss> misses;
  void add(const Tally& other);
};
using Tallies = std::array<Tally, kStandards.size()>;

// Each staff member's tallies for the days from `from` to `to`, seen at `now`
// (an unfinished month or deadline is not a miss yet). Whose a record is: the
// client's primary contact, the issue's owner, the account owner, who posted
// the job, the job owner, who recorded the hire, who delivered the service.
std::map<RecordId, Tallies> performance(const Workspace& ws, std::chrono::year_month_day from,
                                        std::chrono::year_month_day to, LocalSeconds now);

// Each organisation's sum of its staff's tallies, and the board's of everyone's.
struct Totals {
  std::map<RecordId, Tallies> by_organisation;
  Tallies board{};
};
Totals totals_of(const Workspace& ws, const std::map<RecordId, Tallies>& by_staff);

// [SECTION] Targets (R4, 003): set by the board per quarter, for the board or one organisation.
enum class Measure { EstablishmentsServed, Placements, ActiveAccounts, Services };
inline constexpr std::array kMeasures = {Measure::EstablishmentsServed, Measure::Placements, Measure::ActiveAccounts,
                                         Measure::Services};
std::string_view measure_name(Measure m);   // "establishments_served"
std::string_view measure_label(Measure m);  // "Establishments served"
std::optional<Measure> measure_from(std::string_view name);
// What was achieved in the quarter so far, for one organisation (empty: all):
// establishments served as in the ESE report; placements: hires learned of in
// the quarter of that provider's clients; active accounts (B2) at the
// quarter's end (or today) with an owner there; services its staff delivered.
long long achieved(const Workspace& ws, Measure m, ProgramQuarter pq, const RecordId& organisation, LocalSeconds now);

// Who may see whose standards: the board's roles and Administrators everyone,
// Managers their organisation, anyone else themselves.
bool sees_performance_of(const Workspace& ws, const Staff& viewer, const Staff& of);
bool can_set_targets(const Staff& s);  // the board's roles and Administrators

}  // namespace bw
