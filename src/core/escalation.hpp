// Issue escalation by business day (SPEC E3, E4), as a pure function of when
// the issue was raised, any early escalation by its owner, and the clock.
// Automatic escalation needs no stored step: moving the clock (T4) past a
// deadline escalates the issue, and the reason says so.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "workspace.hpp"

namespace bw {

struct EscalationInput {
  LocalSeconds raised_at = 0;
  std::optional<LocalSeconds> owner_escalated_to_2;  // E4: early, by the owner
  std::optional<LocalSeconds> owner_escalated_to_3;
};

struct EscalationState {
  int level = 1;                      // 1 owner, 2 provider's managers, 3 board
  LocalSeconds level_since = 0;       // when the issue reached this level
  std::optional<LocalSeconds> deadline;  // none at level 3: the board has no set limit
  std::string reason;                 // why it is at this level, in words
  int deadlines_missed = 0;           // escalations that happened because a deadline passed
};

// E3: level 1 until 17:00 of the next business day after it was raised; then
// level 2 until 17:00 of the third business day after escalation; then level 3.
EscalationState escalation_at(const BusinessCalendar& calendar, const EscalationInput& issue, LocalSeconds now);

// An issue's state now, or when it was closed.
EscalationState escalation_of(const Workspace& ws, const Issue& issue, LocalSeconds now);
inline bool is_open(const Issue& i) { return !i.closed_at.has_value(); }

// Who may close an issue with an outcome (E3, E5): its owner, a Manager of the
// client's provider, and at level 3 the board's Program Manager and Assistant
// Director. Nullopt if `actor` may, else why not.
std::optional<std::string> close_refusal(const Workspace& ws, const Staff& actor, const Issue& issue, LocalSeconds now);
// Open issues `viewer` answers for: their own, their provider's from level 2
// (Managers), every level-3 issue (board roles); overdue first, then soonest due.
std::vector<const Issue*> issues_to_act_on(const Workspace& ws, const Staff& viewer, LocalSeconds now);
// The managers' view: open issues `viewer` oversees (a Manager their
// provider's, board roles and Administrators all, anyone else their own).
// Those that missed a deadline first, then the highest level, then the
// soonest deadline.
std::vector<const Issue*> issues_overview(const Workspace& ws, const Staff& viewer, LocalSeconds now);

// E1: the issues about a client or an employer, oldest first.
std::vector<const Issue*> issues_about(const Workspace& ws, const RecordId& client_or_employer);

}  // namespace bw
