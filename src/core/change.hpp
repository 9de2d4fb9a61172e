// The kit every command handler uses to apply one change: who acts and when,
// refusals, revision stamps, the audit entry (P4), case notes (N5) and
// notifications. Each area's handlers derive from `Change`; none knows the
// other areas' commands.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "commands.hpp"

namespace bw {

// P4: one corrected value as the audit words it, `what "before" -> "after"`,
// added to `changed` ("; " between); nothing when the value is unchanged.
void describe_change(std::string& changed, std::string_view what, const std::string& before, const std::string& after);

struct Change {
  Workspace& ws;
  const Context& ctx;
  const Staff* actor = nullptr;    // null when a job seeker acts (M6)
  std::string_view command;        // the type of the command being applied, as stored in the audit
  const Client* seeker = nullptr;  // M6: the job seeker acting on the job board

  Outcome refuse(std::string code, std::string message) const {
    return Outcome::refuse(std::move(code), std::move(message));
  }
  void stamp(Revision& r) const;
  // P4: every change is recorded with who and when.
  Outcome done(const RecordId& record, std::string summary);
  // The same for a change about `record` that leaves it as it is (a comment
  // on it): only what the change made is written, not the record again.
  Outcome done_about(const RecordId& record, std::string summary);
  // N5: every action and status is also a case note on the client's file
  // (an employer issue's notes go on the employer's file).
  void add_note(Outcome& o, const RecordId& client, std::string text, const RecordId& issue = {},
                const RecordId& employer = {});
  Outcome done_with_case_note(const Issue& issue, std::string summary, std::string note);
  // B3, J1, E2: someone is told (their inbox).
  void notify(Outcome& o, const RecordId& to, std::string text, const RecordId& record, bool even_the_actor = false);

  std::optional<Outcome> need_people_manager() const;
  std::optional<Outcome> need_case_staff() const;
  std::optional<Outcome> need_business_staff() const;
  // A date field: today when empty; never in the future.
  std::variant<std::chrono::year_month_day, Outcome> day_of(const std::string& value, const char* what) const;
  // C4, N5: ends an activity and notes it on the client's file (at a contact or on its own).
  void end_activity(Outcome& o, Activity& a, ActivityEnd how, std::chrono::year_month_day on,
                    const std::string& reason);
};

}  // namespace bw
