#include "performance.hpp"

#include <algorithm>

#include "business.hpp"
#include "jobs.hpp"
#include "contacts.hpp"
#include "escalation.hpp"
#include "matches.hpp"
#include "plan.hpp"

namespace bw {

using namespace std::chrono;

namespace {
struct Named { const char* name; const char* label; };
constexpr Named kStandardNames[] = {
    {"monthly_contacts", "Monthly contacts (N2)"},
    {"issues_on_time", "Issues resolved within their level's deadline (E3)"},
    {"accounts_entered", "Accounts entered within one business day (B3)"},
    {"jobs_posted", "Jobs posted within one business day (J1)"},
    {"match_actions", "Match actions within one business day (M3)"},
    {"hires_recorded", "Hires recorded within one business day (M5)"},
    {"services_entered", "Services entered within one business day (R1)"},
    {"plans_agreed", "Service plans agreed with the customer (S1)"},
};
constexpr Named kMeasureNames[] = {
    {"establishments_served", "Establishments served"},
    {"placements", "Placements (hires)"},
    {"active_accounts", "Active employer accounts"},
    {"services", "Services to employers"},
};

bool within(LocalSeconds t, year_month_day from, year_month_day to) {
  return t >= start_of(from) && t < start_of(year_month_day{sys_days{to} + days{1}});
}
}  // namespace

std::string_view standard_name(Standard s) { return kStandardNames[int(s)].name; }
std::string_view standard_label(Standard s) { return kStandardNames[int(s)].label; }
std::optional<Standard> standard_from(std::string_view name) {
  for (Standard s : kStandards)
    if (standard_name(s) == name) return s;
  return std::nullopt;
}
std::string_view measure_name(Measure m) { return kMeasureNames[int(m)].name; }
std::string_view measure_label(Measure m) { return kMeasureNames[int(m)].label; }
std::optional<Measure> measure_from(std::string_view name) {
  for (Measure m : kMeasures)
    if (measure_name(m) == name) return m;
  return std::nullopt;
}

void Tally::add(const Tally& other) {
  met += other.met;
  total += other.total;
  misses.insert(misses.end(), other.misses.begin(), other.misses.end());
}

std::map<RecordId, Tallies> performance(const Workspace& ws, year_month_day from, year_month_day to, LocalSeconds now) {
  std::map<RecordId, Tallies> out;
  auto count = [&](const RecordId& staff, Standard s, bool met, const RecordId& record, std::string why) {
    if (staff.empty()) return;
    Tally& t = out[staff][int(s)];
    t.total += 1;
    if (met) t.met += 1;
    else t.misses.push_back({record, std::move(why)});
  };
  const year_month_day today = date_of(now);

  // N2: every month of the period, once it ended or once the client was contacted in it.
  for (year_month m = from.year() / from.month(); m <= to.year() / to.month() && m / day{1} <= today; m = add_months(m, 1))
    for (auto& [id, c] : ws.clients) {
      const auto standing = contact_standing(ws, c, m, today);
      if (!standing || standing == ContactStanding::Due || standing == ContactStanding::Overdue) continue;
      count(c.primary_contact, Standard::MonthlyContacts, standing == ContactStanding::Contacted, id,
            "no contact in " + display_date(m / day{1}).substr(0, 3) + " " + std::to_string(int(m.year())));
    }
  // E3: issues closed in the period.
  for (auto& [id, i] : ws.issues) {
    if (!i.closed_at || !within(*i.closed_at, from, to)) continue;
    const int missed = escalation_of(ws, i, now).deadlines_missed;
    count(i.owner, Standard::IssuesOnTime, missed == 0, id,
          "missed " + std::to_string(missed) + (missed == 1 ? " deadline" : " deadlines") + " before it was closed");
  }
  // B3: owners who entered or joined an account in the period, once the relationship began.
  for (auto& [id, e] : ws.employers)
    for (const AccountOwner& o : e.owners) {
      if (!within(o.since, from, to)) continue;
      if (auto on_time = entered_on_time(ws, e, o))
        count(o.staff, Standard::AccountsEntered, *on_time, id, "entered more than one business day after the first reply");
    }
  // J1: jobs posted in the period.
  for (auto& [id, j] : ws.jobs)
    if (within(j.posted_at, from, to))
      count(j.posted_by, Standard::JobsPosted, posted_on_time(ws, j), id, "posted after 17:00 of the next business day");
  // M3: the job owner's action, when taken in the period or due in it and still missing.
  for (auto& [id, m] : ws.matches) {
    if (auto on_time = owner_acted_on_time(ws, m); on_time && within(*m.owner_acted_at, from, to))
      count(m.job_owner, Standard::MatchActions, *on_time, id, "acted after 17:00 of the next business day");
    else if (owner_action_overdue(ws, m, now) && within(owner_action_due(ws, m), from, to))
      count(m.job_owner, Standard::MatchActions, false, id, "no action yet, due " + display_datetime(owner_action_due(ws, m)));
  }
  // M5: hires recorded in the period.
  for (auto& [id, h] : ws.hires) {
    if (!within(h.recorded_at, from, to)) continue;
    RecordId by = h.recorded_by;
    if (by.empty())
      if (auto m = ws.matches.find(h.match); m != ws.matches.end()) by = m->second.job_owner;
    count(by, Standard::HiresRecorded, hire_recorded_on_time(ws, h), id, "recorded more than one business day after learning of it");
  }
  // R1: services delivered in the period.
  for (auto& [id, sv] : ws.services)
    if (sv.date >= from && sv.date <= to && !is_voided(sv))
      count(sv.staff, Standard::ServicesEntered, entered_on_time(ws, sv), sv.employer,
            "a service of " + format_iso_date(sv.date) + " entered late");
  // S1: as it stands now, for the clients active and enrolled by the period's end.
  for (auto& [id, c] : ws.clients) {
    if (!is_active(c) || c.enrolled_on > to || c.enrolled_on > today) continue;
    const PlanAgreement a = plan_agreement(ws, c);
    count(c.primary_contact, Standard::PlansAgreed, a == PlanAgreement::Agreed, id, plan_agreement_label(a));
  }
  return out;
}

Totals totals_of(const Workspace& ws, const std::map<RecordId, Tallies>& by_staff) {
  Totals out;
  for (const auto& [who, t] : by_staff) {
    const Staff* s = ws.find_staff(who);
    if (!s) continue;
    for (Standard k : kStandards) out.by_organisation[s->organisation][int(k)].add(t[int(k)]), out.board[int(k)].add(t[int(k)]);
  }
  return out;
}

long long achieved(const Workspace& ws, Measure m, ProgramQuarter pq, const RecordId& organisation, LocalSeconds now) {
  const year_month_day first = first_day(pq), last = last_day(pq);
  auto staff_in = [&](const RecordId& staff) {
    if (organisation.empty()) return true;
    const Staff* s = ws.find_staff(staff);
    return s && s->organisation == organisation;
  };
  long long n = 0;
  switch (m) {
    case Measure::EstablishmentsServed:
      return ese_files({{&ws, organisation}}, pq, 0).counts.served;
    case Measure::Placements:
      for (auto& [id, h] : ws.hires) {
        const Client* c = ws.find_client(h.client);
        n += h.learned_of >= first && h.learned_of <= last && c && (organisation.empty() || c->provider == organisation);
      }
      return n;
    case Measure::ActiveAccounts: {
      const year_month_day at = std::min(last, date_of(now));
      for (auto& [id, e] : ws.employers)
        n += account_standing(ws, e, at).active &&
             std::any_of(e.owners.begin(), e.owners.end(), [&](const AccountOwner& o) { return staff_in(o.staff); });
      return n;
    }
    case Measure::Services:
      for (auto& [id, sv] : ws.services) n += sv.date >= first && sv.date <= last && !is_voided(sv) && staff_in(sv.staff);
      return n;
  }
  return 0;
}

bool sees_performance_of(const Workspace& ws, const Staff& viewer, const Staff& of) {
  if (!viewer.active || viewer.role == Role::TrainingProviderStaff) return false;
  if (can_set_targets(viewer)) return true;
  if (viewer.role == Role::Manager) return viewer.organisation == of.organisation;
  (void)ws;
  return viewer.id == of.id;
}

bool can_set_targets(const Staff& s) {
  return s.active && (s.role == Role::Administrator || s.role == Role::BoardProgramManager ||
                      s.role == Role::BoardAssistantDirector);
}

}  // namespace bw
