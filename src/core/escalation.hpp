// Issue escalation by business day (SPEC E3, E4), as a pure function of when
// the issue was raised, any early escalation by its owner, and the clock.
// Automatic escalation needs no stored step: moving the clock (T4) past a
// deadline escalates the issue, and the reason says so.
#pragma once
#include <optional>
#include <string>

#include "calendar.hpp"

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
};

// E3: level 1 until 17:00 of the next business day after it was raised; then
// level 2 until 17:00 of the third business day after escalation; then level 3.
EscalationState escalation_at(const BusinessCalendar& calendar, const EscalationInput& issue, LocalSeconds now);

}  // namespace bw
