#include "escalation.hpp"

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
    s.deadline = s.level == 2 ? std::optional(cal.end_of_nth_business_day_after(at, 3)) : std::nullopt;
    return true;
  };
  if (escalate(issue.owner_escalated_to_2)) escalate(issue.owner_escalated_to_3);
  return s;
}

}  // namespace bw
