// Match records and hires (M1-M5): who approves, which action each approver
// may take in each stage, and the one-business-day timeliness rules.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "workspace.hpp"

namespace bw {

// How a staff member stands to a match (M2); a person could be both.
struct MatchActor {
  bool job_owner = false;
  bool case_manager = false;
};
// P3: a Manager stands in for an approver who has left (acts_for).
MatchActor actor_of(const Workspace& ws, const Match& m, const Staff& staff);

// Why `actor` may not take `action` on `m` now, or nullopt. The whole state
// machine is this function and `stage_after`.
std::optional<std::string> match_action_refusal(const Match& m, MatchAction action, MatchActor actor);
// The stage after an allowed action: approving moves to "Waiting to Hear
// Results" once both have approved (M3).
MatchStage stage_after(const Match& m, MatchAction action, MatchActor actor);
bool is_closed(MatchStage s);

// M1: what a good match explains; the first part left empty, or nullopt.
std::optional<std::string> missing_fit(const MatchFit& fit);

// M2: the client's case manager for matches: the primary contact, or for a
// dual-enrolled client the board's Case Manager (the first active one by name).
RecordId case_manager_for(const Workspace& ws, const Client& c);

// M3: the job owner acts on a match (approve or send back) by 17:00 of the
// next business day after it came to them.
LocalSeconds owner_action_due(const Workspace& ws, const Match& m);
bool owner_action_overdue(const Workspace& ws, const Match& m, LocalSeconds now);
std::optional<bool> owner_acted_on_time(const Workspace& ws, const Match& m);  // nullopt: not yet

// M5: recorded within one business day of learning of the hire.
bool hire_recorded_on_time(const Workspace& ws, const Hire& h);
bool hire_complete(const Hire& h);  // start date, wage and hours all entered

// What waits for `staff`: matches awaiting their approval (job owners' first,
// soonest due), and hires they have to complete.
std::vector<const Match*> matches_to_act_on(const Workspace& ws, const Staff& staff);
std::vector<const Hire*> hires_to_complete(const Workspace& ws, const Staff& staff);
// The client's open match for that job, if any (M1: one at a time).
const Match* open_match(const Workspace& ws, const RecordId& client, const RecordId& job);
// A client's matches, oldest first.
std::vector<const Match*> matches_of_client(const Workspace& ws, const RecordId& client);

}  // namespace bw
