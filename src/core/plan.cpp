#include "plan.hpp"

#include <algorithm>

namespace bw {

using std::chrono::year_month_day;

const char* activity_status_label(ActivityStatus s) {
  switch (s) {
    case ActivityStatus::Planned: return "Planned";
    case ActivityStatus::InProgress: return "In progress";
    case ActivityStatus::Stale: return "Stale: planned end passed";
    case ActivityStatus::Completed: return "Completed";
    case ActivityStatus::Exited: return "Exited";
  }
  return "?";
}

ActivityStatus activity_status(const Activity& a, year_month_day today) {
  if (a.end) return *a.end == ActivityEnd::Completed ? ActivityStatus::Completed : ActivityStatus::Exited;
  if (a.planned_end < today) return ActivityStatus::Stale;
  if (today < a.start) return ActivityStatus::Planned;
  return ActivityStatus::InProgress;
}

std::vector<const Goal*> goals_of(const Workspace& ws, const RecordId& client) {
  return records_in(ws.goals, ws.goals_by_client, client);
}

std::vector<const Activity*> activities_of(const Workspace& ws, const RecordId& client) {
  return records_in(ws.activities, ws.activities_by_client, client);
}

std::vector<const Activity*> current_activities(const Workspace& ws, const RecordId& client) {
  auto all = activities_of(ws, client);
  std::erase_if(all, [](const Activity* a) { return !is_current(*a); });
  return all;
}

const char* plan_agreement_label(PlanAgreement a) {
  switch (a) {
    case PlanAgreement::NoPlan: return "No plan yet";
    case PlanAgreement::NotAgreed: return "Not yet agreed by the customer";
    case PlanAgreement::Agreed: return "Agreed by the customer";
    case PlanAgreement::ChangedSinceAgreed: return "Changed since the customer agreed";
  }
  return "?";
}

PlanAgreement plan_agreement(const Workspace& ws, const Client& c) {
  std::vector<RecordId> parts;
  for (auto* g : goals_of(ws, c.id)) parts.push_back(g->id);
  for (auto* a : activities_of(ws, c.id)) parts.push_back(a->id);
  if (parts.empty()) return PlanAgreement::NoPlan;
  if (!c.plan_agreed_on) return PlanAgreement::NotAgreed;
  for (const RecordId& id : parts) {
    // A record's first audit entry is when it was added (P4).
    auto trail = ws.audit_by_record().find(id);
    if (trail == ws.audit_by_record().end() || trail->second.empty()) continue;
    if (date_of(ws.audit.at(trail->second.front()).at) > *c.plan_agreed_on) return PlanAgreement::ChangedSinceAgreed;
  }
  return PlanAgreement::Agreed;
}

std::vector<const Activity*> stale_activities(const Workspace& ws, const RecordId& staff, year_month_day today) {
  // One person's caseload, from the indexes; else every activity of the board.
  if (!staff.empty()) return stale_activities(ws, records_in(ws.clients, ws.clients_by_primary_contact, staff), today);
  std::vector<const Activity*> out;
  for (auto& [id, a] : ws.activities)
    if (const Client* c = ws.find_client(a.client); c && is_active(*c) && activity_status(a, today) == ActivityStatus::Stale)
      out.push_back(&a);
  sort_list(out, [](auto* x, auto* y) { return x->planned_end < y->planned_end; });
  return out;
}

std::vector<const Activity*> stale_activities(const Workspace& ws, const std::vector<const Client*>& clients,
                                              year_month_day today) {
  std::vector<const Activity*> out;
  for (const Client* c : clients)
    if (is_active(*c))
      for (const Activity* a : records_in(ws.activities, ws.activities_by_client, c->id))
        if (activity_status(*a, today) == ActivityStatus::Stale) out.push_back(a);
  sort_list(out, [](auto* x, auto* y) { return x->planned_end < y->planned_end; });
  return out;
}

}  // namespace bw
