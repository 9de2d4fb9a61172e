// The Individual Service Strategy (S1): goals and activities, whether the
// customer agreed to the plan, and which activities have gone stale.
#pragma once
#include <chrono>
#include <vector>

#include "workspace.hpp"

namespace bw {

enum class ActivityStatus { Planned, InProgress, Stale, Completed, Exited };
const char* activity_status_label(ActivityStatus s);

// Planned (not started), in progress, stale (planned end passed and no end
// recorded), or how it ended (C4).
ActivityStatus activity_status(const Activity& a, std::chrono::year_month_day today);
// Not ended: what N3 reviews at each contact.
inline bool is_current(const Activity& a) { return !a.end.has_value(); }

std::vector<const Goal*> goals_of(const Workspace& ws, const RecordId& client);          // oldest first
std::vector<const Activity*> activities_of(const Workspace& ws, const RecordId& client);  // oldest first
std::vector<const Activity*> current_activities(const Workspace& ws, const RecordId& client);

// S1: has the customer agreed to the plan as it stands?
enum class PlanAgreement { NoPlan, NotAgreed, Agreed, ChangedSinceAgreed };
const char* plan_agreement_label(PlanAgreement a);
// ChangedSinceAgreed: a goal or activity was added after the agreement date.
PlanAgreement plan_agreement(const Workspace& ws, const Client& c);

// Stale activities of active clients whose primary contact is `staff` (all
// when empty), oldest planned end first.
std::vector<const Activity*> stale_activities(const Workspace& ws, const RecordId& staff,
                                              std::chrono::year_month_day today);
// The same for these clients (a caseload already read: My Work).
std::vector<const Activity*> stale_activities(const Workspace& ws, const std::vector<const Client*>& clients,
                                              std::chrono::year_month_day today);

}  // namespace bw
