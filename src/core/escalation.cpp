#include "escalation.hpp"

#include <algorithm>

#include "access.hpp"

namespace bw {

EscalationState escalation_at(const BusinessCalendar& cal, const EscalationInput& issue, LocalSeconds now) {
  EscalationState s;
  s.level_since = issue.raised_at;
  s.deadline = cal.within_one_business_day(issue.raised_at);
  s.reason = "With the owner until " + display_datetime(*s.deadline) + " (E3).";

  // Moves to the next level at `at`, early by the owner or when the deadline passed.
  auto escalate = [&](std::optional<LocalSeconds> early) {
    const bool lapsed = BusinessCalendar::is_past(*s.deadline, now);
    const bool asked = early && *early <= now && *early <= *s.deadline;
    if (!lapsed && !asked) return false;
    const LocalSeconds at = asked ? *early : *s.deadline;
    s.reason = asked ? "Escalated early by the owner on " + display_datetime(at) + " (E4)."
                     : "Not resolved by " + display_datetime(at) + ": escalated automatically (E4).";
    s.level += 1;
    s.level_since = at;
    if (!asked) s.deadlines_missed += 1;
    s.deadline = s.level == 2 ? std::optional(cal.end_of_nth_business_day_after(at, 3)) : std::nullopt;
    return true;
  };
  if (escalate(issue.owner_escalated_to_2)) escalate(issue.owner_escalated_to_3);
  return s;
}

EscalationState escalation_of(const Workspace& ws, const Issue& issue, LocalSeconds now) {
  return escalation_at(ws.calendar, {issue.raised_at, issue.owner_escalated_to_2, issue.owner_escalated_to_3},
                       issue.closed_at.value_or(now));
}

namespace {
bool is_board_leader(const Staff& s) {
  return s.role == Role::BoardProgramManager || s.role == Role::BoardAssistantDirector;
}
// A Manager of the client's provider; for an employer issue, of the owner's organisation.
bool manages_client(const Workspace& ws, const Staff& s, const Issue& issue) {
  if (s.role != Role::Manager) return false;
  if (const Client* c = ws.find_client(issue.client)) return c->provider == s.organisation;
  const Staff* owner = ws.find_staff(issue.owner);
  return owner && owner->organisation == s.organisation;
}
}  // namespace

std::optional<std::string> close_refusal(const Workspace& ws, const Staff& actor, const Issue& issue, LocalSeconds now) {
  if (!is_open(issue)) return "This issue is already closed.";
  if (!actor.active) return actor.name + " is deactivated (P3).";
  if (acts_for(ws, actor, issue.owner) || manages_client(ws, actor, issue)) return std::nullopt;
  if (is_board_leader(actor) && escalation_of(ws, issue, now).level == 3) return std::nullopt;
  return "Only the owner, a Manager of the client's provider, or at level 3 the board's Program Manager "
         "and Assistant Director can close this issue (E3).";
}

std::vector<const Issue*> issues_to_act_on(const Workspace& ws, const Staff& viewer, LocalSeconds now) {
  struct Row { const Issue* issue; EscalationState state; };
  std::vector<Row> rows;
  for (auto& [id, i] : ws.issues) {
    if (!is_open(i)) continue;
    EscalationState st = escalation_of(ws, i, now);
    const bool mine = acts_for(ws, viewer, i.owner);  // P3: a departed owner's issues are the Managers'
    const bool managers = st.level >= 2 && manages_client(ws, viewer, i);
    const bool board = st.level == 3 && is_board_leader(viewer);
    if (viewer.active && (mine || managers || board)) rows.push_back({&i, std::move(st)});
  }
  // Level 3 (no deadline) first, then by deadline: the overdue are the earliest.
  sort_list(rows, [](const Row& a, const Row& b) {
    if (a.state.deadline.has_value() != b.state.deadline.has_value()) return !a.state.deadline.has_value();
    return a.state.deadline && *a.state.deadline < *b.state.deadline;
  });
  std::vector<const Issue*> out;
  for (auto& r : rows) out.push_back(r.issue);
  return out;
}

std::vector<const Issue*> issues_overview(const Workspace& ws, const Staff& viewer, LocalSeconds now) {
  struct Row { const Issue* issue; EscalationState state; };
  std::vector<Row> rows;
  if (!viewer.active) return {};
  const bool all = is_board_leader(viewer) || viewer.role == Role::Administrator;
  for (auto& [id, i] : ws.issues) {
    if (!is_open(i)) continue;
    if (all || i.owner == viewer.id || (viewer.role == Role::Manager && manages_client(ws, viewer, i)))
      rows.push_back({&i, escalation_of(ws, i, now)});
  }
  sort_list(rows, [](const Row& a, const Row& b) {
    if (a.state.deadlines_missed != b.state.deadlines_missed) return a.state.deadlines_missed > b.state.deadlines_missed;
    if (a.state.level != b.state.level) return a.state.level > b.state.level;
    if (a.state.deadline && b.state.deadline) return *a.state.deadline < *b.state.deadline;
    return a.state.level_since < b.state.level_since;
  });
  std::vector<const Issue*> out;
  for (auto& r : rows) out.push_back(r.issue);
  return out;
}

std::vector<const Issue*> issues_about(const Workspace& ws, const RecordId& client_or_employer) {
  return records_in(ws.issues, ws.issues_by_subject, client_or_employer);
}

}  // namespace bw
