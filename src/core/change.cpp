#include "change.hpp"

#include "access.hpp"
#include "business.hpp"

namespace bw {

using namespace std::chrono;

void describe_change(std::string& changed, std::string_view what, const std::string& before, const std::string& after) {
  if (before == after) return;
  changed += (changed.empty() ? "" : "; ") + std::string(what) + " \"" + before + "\" -> \"" + after + "\"";
}

void Change::stamp(Revision& r) const {
  r.number += 1;
  r.changed_by = ctx.actor;
  r.changed_at = ctx.now;
}

Outcome Change::done(const RecordId& record, std::string summary) {
  Outcome o = done_about(record, std::move(summary));
  o.touched.insert(o.touched.begin(), record);
  return o;
}

Outcome Change::done_about(const RecordId& record, std::string summary) {
  AuditEntry e{ws.new_id(), ctx.now, ctx.actor, std::string(command), record, std::move(summary)};
  ws.index_audit(e);
  Outcome o{true, record, {}, {}, {e.id}};
  ws.audit.emplace(e.id, std::move(e));
  return o;
}

void Change::add_note(Outcome& o, const RecordId& client, std::string text, const RecordId& issue,
                      const RecordId& employer) {
  CaseNote n{ws.new_id(), client, ctx.now, ctx.actor, std::move(text), issue, {}, employer, {}};
  o.touched.push_back(n.id);
  ws.add_case_note(std::move(n));
}

Outcome Change::done_with_case_note(const Issue& issue, std::string summary, std::string note) {
  Outcome o = done(issue.id, std::move(summary));
  add_note(o, issue.client, std::move(note), issue.id, issue.employer);
  return o;
}

void Change::notify(Outcome& o, const RecordId& to, std::string text, const RecordId& record, bool even_the_actor) {
  if (to.empty() || (to == ctx.actor && !even_the_actor)) return;
  // P3: what is meant for someone who left goes to whoever takes their work.
  const StandIn by = stand_in(ws, to);
  if (!by.staff || (by.staff->id != to && by.staff->id == ctx.actor)) return;
  if (by.staff->id != to) text = "For " + ws.staff.at(to).name + ", who has left: " + text;
  Notification n{ws.new_id(), by.staff->id, ctx.now, std::move(text), record, false, ctx.actor};
  o.touched.push_back(n.id);
  ws.add_notification(std::move(n));
}

std::optional<Outcome> Change::need_people_manager() const {
  if (!can_manage_people(*actor))
    return refuse("not_allowed", "Only an Administrator can change organisations and staff.");
  return std::nullopt;
}

std::optional<Outcome> Change::need_case_staff() const {
  if (!can_enrol_clients(*actor))
    return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not keep client records.");
  return std::nullopt;
}

std::optional<Outcome> Change::need_business_staff() const {
  if (!can_serve_employers(*actor))
    return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not keep employer accounts.");
  return std::nullopt;
}

std::variant<year_month_day, Outcome> Change::day_of(const std::string& value, const char* what) const {
  auto d = value.empty() ? std::optional(date_of(ctx.now)) : parse_iso_date(value);
  if (!d) return refuse("invalid_field", std::string(what) + " must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
  if (*d > date_of(ctx.now)) return refuse("invalid_field", std::string(what) + " is in the future.");
  return *d;
}

void Change::end_activity(Outcome& o, Activity& a, ActivityEnd how, year_month_day on, const std::string& reason) {
  a.actual_end = on;
  a.end = how;
  a.end_reason = reason;
  stamp(a.revision);
  o.touched.push_back(a.id);
  add_note(o, a.client,
           (how == ActivityEnd::Completed ? "Completed the activity " : "Exited from the activity ") + a.name + " on " +
               display_date(on) + (reason.empty() ? "." : ": " + reason) + " (C4)");
}

}  // namespace bw
