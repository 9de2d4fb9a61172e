#include "queries.hpp"

#include <algorithm>
#include <cctype>

#include "access.hpp"
#include "business.hpp"
#include "contacts.hpp"
#include "conversation.hpp"
#include "escalation.hpp"
#include "letters.hpp"
#include "matches.hpp"
#include "performance.hpp"
#include "plan.hpp"
#include "report.hpp"
#include "storage.hpp"

namespace bw {

namespace {

json failure(std::string code, std::string message) {
  return {{"ok", false}, {"error", {{"code", std::move(code)}, {"message", std::move(message)}}}};
}
json success(json result) { return {{"ok", true}, {"result", std::move(result)}}; }

std::string arg(const json& args, const char* key) {
  return args.is_object() && args.contains(key) && args[key].is_string() ? args[key].get<std::string>() : "";
}

json staff_public(const Staff& s) {
  json j = to_json(s);
  j.erase("pin_hash");
  j["has_pin"] = !s.pin_hash.empty();
  return j;
}

json client_json(const Workspace& ws, const Client& c) {
  json j = to_json(c);
  j["youth"] = is_youth(c);
  j["dual_enrolled"] = is_dual_enrolled(c);
  j["active"] = is_active(c);
  j.erase("portal_pin_hash");
  j["portal_access"] = has_portal_access(c);  // M6
  const Staff* pc = ws.find_staff(c.primary_contact);
  j["primary_contact_name"] = pc ? pc->name : "";
  const Organisation* org = ws.find_organisation(c.provider);
  j["provider_name"] = org ? org->name : "";
  return j;
}

json issue_json(const Workspace& ws, const Issue& i, LocalSeconds now) {
  json j = to_json(i);
  const EscalationState st = escalation_of(ws, i, now);
  j["open"] = is_open(i);
  j["level"] = st.level;
  j["deadline"] = st.deadline ? json(format_iso(*st.deadline)) : json(nullptr);
  j["reason"] = st.reason;
  const Staff* owner = ws.find_staff(i.owner);
  j["owner_name"] = owner ? owner->name : "";
  const Client* c = ws.find_client(i.client);
  j["client_name"] = c ? full_name(*c) : "";
  const Employer* e = ws.find_employer(i.employer);
  j["employer_name"] = e ? e->legal_name : "";
  j["deadlines_missed"] = st.deadlines_missed;
  j["seconds_left"] = st.deadline ? json(*st.deadline - now) : json(nullptr);
  return j;
}

json employer_json(const Workspace& ws, const Employer& e, LocalSeconds now) {
  json j = to_json(e);
  const AccountStanding st = account_standing(ws, e, date_of(now));
  j["active"] = st.active;
  j["standing"] = st.reason;
  j["sectors"] = employer_sectors(ws, e.id);
  j["in_focus"] = in_focus(ws, e.id);
  j["suggested_route"] = route_name(suggested_route(ws, e.id));
  for (size_t k = 0; k < e.owners.size(); ++k) {  // to_json lists the owners in this order
    const Staff* s = ws.find_staff(e.owners[k].staff);
    const auto on_time = entered_on_time(ws, e, e.owners[k]);
    j["owners"][k]["name"] = s ? s->name : "";
    j["owners"][k]["entered_on_time"] = on_time ? json(*on_time) : json(nullptr);
  }
  return j;
}

json job_json(const Workspace& ws, const Job& job, LocalSeconds now) {
  json j = to_json(job);
  const JobStatus st = job_status(job, now);
  j["status"] = st == JobStatus::Open ? "open" : st == JobStatus::Expired ? "expired" : "closed";
  j["posted_on_time"] = posted_on_time(ws, job);
  j["reserved_now"] = reserved_now(job, now);
  const auto until = reserved_until(job);
  j["reserved_until"] = until ? json(format_iso(*until)) : json(nullptr);
  j["expiring_soon"] = expiring_soon(job, now);
  const Employer* e = ws.find_employer(job.employer);
  j["employer_name"] = e ? e->legal_name : "";
  const Establishment* site = ws.find_establishment(job.establishment);
  j["establishment_name"] = site ? site->name : "";
  const Staff* owner = ws.find_staff(job.owner);
  j["owner_name"] = owner ? owner->name : "";
  return j;
}

// `program_year` and `quarter` from the arguments into `pq` (kept when both are
// absent), or the failure to answer.
std::optional<json> quarter_from(const json& args, ProgramQuarter& pq) {
  if (!args.is_object() || !args.contains("program_year")) return std::nullopt;
  if (!args["program_year"].is_number_integer() || !args.contains("quarter") || !args["quarter"].is_number_integer())
    return failure("invalid_field", "Give \"program_year\" and \"quarter\" as numbers, e.g. 2026 and 2.");
  pq = {args["program_year"].get<int>(), args["quarter"].get<int>()};
  if (pq.quarter < 1 || pq.quarter > 4 || pq.program_year < 2000 || pq.program_year > 2100)
    return failure("invalid_field", "A program year (e.g. 2026) and a quarter from 1 to 4.");
  return std::nullopt;
}

// M6: what a job seeker reads about a job on their board: no staff, no owner.
json board_job_json(const Workspace& ws, const Job& job, const Client& seeker) {
  const Employer* e = ws.find_employer(job.employer);
  const Establishment* site = ws.find_establishment(job.establishment);
  const bool interested = open_match(ws, seeker.id, job.id) != nullptr;
  return {{"job", job.id}, {"title", job.title}, {"description", job.description}, {"employer", e ? e->legal_name : ""},
          {"address", site ? site->address : ""}, {"openings", job.openings}, {"closes", format_iso_date(job.deadline)},
          {"subsidised_program", job.subsidised_program}, {"interested", interested}};
}

json notification_json(const Workspace& ws, const Notification& n) {
  json j = to_json(n);
  j["record_title"] = record_title(ws, n.record);
  return j;
}

json comment_json(const Workspace& ws, const Comment& c) {
  json j = to_json(c);
  const Staff* by = ws.find_staff(c.by);
  j["by_name"] = by ? by->name : "";
  j["record_title"] = record_title(ws, c.record);
  json tags = json::array(), links = json::array();
  for (const RecordId& t : c.tags) tags.push_back({{"staff", t}, {"name", record_title(ws, t)}});
  for (const RecordId& l : c.links) links.push_back({{"record", l}, {"title", record_title(ws, l)}});
  j["tags"] = tags;
  j["links"] = links;
  return j;
}

// M6: the job board and the job seeker's own matches, and nothing else.
json job_seeker_query(const Workspace& ws, std::string_view name, const json& args, const Client& seeker, LocalSeconds now) {
  if (!has_portal_access(seeker)) return failure("not_allowed", "Your job board access has ended.");
  if (name == "workspace")
    return success({{"name", ws.meta.name}, {"demo", ws.meta.demo}, {"signed_in", seeker.id}, {"job_seeker", full_name(seeker)}});
  if (name == "job_board") {
    json out = json::array();
    for (const Job* j : job_board(ws, seeker, now, arg(args, "search"))) out.push_back(board_job_json(ws, *j, seeker));
    return success(out);
  }
  if (name == "my_matches") {
    json out = json::array();
    for (const Match* m : matches_of_client(ws, seeker.id)) {
      const Job* j = ws.find_job(m->job);
      const Employer* e = j ? ws.find_employer(j->employer) : nullptr;
      out.push_back({{"match", m->id}, {"job", m->job}, {"title", j ? j->title : ""}, {"employer", e ? e->legal_name : ""},
                     {"origin", m->origin == MatchOrigin::SelfSelect ? "self_select" : "partner_referral"},
                     {"stage", match_stage_name(m->stage)}, {"stage_label", match_stage_label(m->stage)}});
    }
    return success(out);
  }
  return failure("not_allowed", "On the job board you see jobs and your own matches only (M6).");
}

json service_json(const Workspace& ws, const Service& sv) {
  json j = to_json(sv);
  j["category_label"] = category_label(sv.category);
  j["entered_on_time"] = entered_on_time(ws, sv);
  const Employer* e = ws.find_employer(sv.employer);
  j["employer_name"] = e ? e->legal_name : "";
  const Establishment* site = ws.find_establishment(sv.establishment);
  j["establishment_name"] = site ? site->name : "";
  return j;
}

json activity_json(const Workspace& ws, const Activity& a, std::chrono::year_month_day today) {
  json j = to_json(a);
  j["status"] = activity_status_label(activity_status(a, today));
  j["stale"] = activity_status(a, today) == ActivityStatus::Stale;
  const Organisation* tp = ws.find_organisation(a.training_provider);
  j["training_provider_name"] = tp ? tp->name : "";
  return j;
}

}  // namespace

std::vector<const Client*> visible_clients(const Workspace& ws, const Staff& viewer,
                                           const ClientFilter& filter) {
  std::vector<const Client*> out;
  if (!can_see_clients(viewer)) return out;
  const std::string needle = folded(filter.search);
  for (auto& [id, c] : ws.clients) {
    if (filter.program && std::find(c.programs.begin(), c.programs.end(), *filter.program) == c.programs.end())
      continue;
    if (!filter.primary_contact.empty() && c.primary_contact != filter.primary_contact) continue;
    if (filter.active_only && !is_active(c)) continue;
    if (!needle.empty()) {
      const std::string hay = folded(c.first_name + " " + c.last_name + " " + c.id + " " + c.email + " " + c.phone);
      if (hay.find(needle) == std::string::npos) continue;
    }
    out.push_back(&c);
  }
  return out;
}

json query_catalogue() {
  return json::array({
      {{"name", "workspace"}, {"args", json::object()}, {"description", "The workspace's name, whether it is a demo, its clock and record counts."}},
      {{"name", "organisations"}, {"args", json::object()}, {"description", "Every organisation (P1)."}},
      {{"name", "staff"}, {"args", {{"organisation", "optional id"}}}, {"description", "Staff with role and active state (P2, P3); PINs are never returned."}},
      {{"name", "clients"}, {"args", {{"search", "optional text"}, {"program", "optional program name"}, {"primary_contact", "optional staff id"}, {"active_only", "optional boolean"}}}, {"description", "Clients the signed-in person may see (C5), with programs and primary contact."}},
      {{"name", "client"}, {"args", {{"id", "client id"}}}, {"description", "One client."}},
      {{"name", "eligible_primary_contacts"}, {"args", {{"provider", "organisation id"}, {"youth", "boolean"}}}, {"description", "Active staff who may be the primary contact (C2)."}},
      {{"name", "holidays"}, {"args", {{"year", "number"}}}, {"description", "Federal holidays on their observed days and the board's closures of a year (T2)."}},
      {{"name", "issues"}, {"args", {{"client", "optional client id"}, {"open_only", "optional boolean"}}}, {"description", "Issues with their level, deadline and the reason for the level (E3, E4)."}},
      {{"name", "issues_to_act_on"}, {"args", json::object()}, {"description", "Open issues the signed-in person answers for: owned, their provider's from level 2 (Managers), level 3 (board). Level 3 first, then soonest deadline."}},
      {{"name", "contacts"}, {"args", {{"client", "client id"}}}, {"description", "A client's contacts, newest first (N1)."}},
      {{"name", "caseload_month"}, {"args", {{"staff", "optional primary contact id (all clients when left out)"}, {"month", "optional YYYY-MM (this month)"}}}, {"description", "The monthly contact rule for a caseload: each client contacted, due, overdue or missed, and the share in person (N2, N4)."}},
      {{"name", "case_notes"}, {"args", {{"client", "client id"}}}, {"description", "A client's case notes, newest first (N5)."}},
      {{"name", "reassignment_queue"}, {"args", json::object()}, {"description", "Active clients whose primary contact is deactivated (P3), for a Manager of their provider or an Administrator."}},
      {{"name", "audit"}, {"args", {{"record", "record id"}}}, {"description", "The audit trail of one record, oldest first (P4). Not for training-provider staff (C5)."}},
      {{"name", "plan"}, {"args", {{"client", "client id"}}}, {"description", "A client's Individual Service Strategy: goals, activities with status, and the customer's agreement (S1)."}},
      {{"name", "stale_activities"}, {"args", {{"staff", "optional primary contact id (all when left out)"}}}, {"description", "Activities past their planned end with no end recorded, of active clients (S1)."}},
      {{"name", "students"}, {"args", json::object()}, {"description", "For training-provider staff: the students in their organisation's current training, with name, training and primary contact only (C5)."}},
      {{"name", "agreement_letter"}, {"args", {{"case_note", "case note id of a letter"}}}, {"description", "The printable HTML of an agreement letter (N5)."}},
      {{"name", "employers"}, {"args", {{"search", "optional text"}, {"sector", "optional sector"}, {"owner", "optional staff id"}, {"active_only", "optional boolean"}}}, {"description", "Employer accounts with standing (B2), sectors, owners and triage."}},
      {{"name", "employer"}, {"args", {{"id", "employer id"}}}, {"description", "One employer with its establishments, communications, jobs, services and issues."}},
      {{"name", "jobs"}, {"args", {{"view", "optional: open, expiring, expired, reserved, closed or all (open)"}, {"employer", "optional employer id"}, {"owner", "optional staff id"}}}, {"description", "Jobs the signed-in person may see (J3), with status (J2)."}},
      {{"name", "job"}, {"args", {{"id", "job id"}}}, {"description", "One job."}},
      {{"name", "job_board"}, {"args", {{"client", "client id (staff; a job seeker sees their own)"}, {"search", "optional text"}}}, {"description", "The jobs on the board for that job seeker (J2, J3, M6), newest posting first."}},
      {{"name", "performance"}, {"args", {{"program_year", "optional number"}, {"quarter", "optional 1-4"}}}, {"description", "Performance standards for the quarter (R4): met / total per standard, per staff member, organisation and the board, as far as the viewer may see; today's quarter when left out."}},
      {{"name", "performance_misses"}, {"args", {{"program_year", "optional number"}, {"quarter", "optional 1-4"}, {"standard", "standard name"}, {"staff", "optional staff id"}, {"organisation", "optional organisation id"}}}, {"description", "The records that missed a standard (R4), for a staff member, an organisation or the board."}},
      {{"name", "targets"}, {"args", {{"program_year", "optional number"}, {"quarter", "optional 1-4"}}}, {"description", "The board's targets for the quarter with what was achieved so far (R4)."}},
      {{"name", "ese_report"}, {"args", {{"program_year", "optional number"}, {"quarter", "optional 1-4"}}}, {"description", "The quarterly ESE report (R2): period, due date, exports, the summary and the counts behind the rates; the quarter due next when left out."}},
      {{"name", "ese_files"}, {"args", {{"program_year", "optional number"}, {"quarter", "optional 1-4"}}}, {"description", "The three ESE CSV files (R2, R3) as text, with their file names."}},
      {{"name", "my_matches"}, {"args", json::object()}, {"description", "Job seekers only: their own matches with job, employer and stage (M6)."}},
      {{"name", "comments"}, {"args", {{"record", "client, employer, job, match, hire or issue id"}}}, {"description", "Comments on a record, newest first, with tags and links (K1)."}},
      {{"name", "feed"}, {"args", {{"kind", "optional: mention, comment or update"}, {"search", "optional text"}, {"oldest_first", "optional boolean"}, {"limit", "optional number, 200 by default"}}}, {"description", "The signed-in person's home feed (K1): comments that tag them, comments and updates on what they follow; the newest (or oldest) `limit` items."}},
      {{"name", "following"}, {"args", json::object()}, {"description", "The records and people the signed-in person follows (K1)."}},
      {{"name", "ready_email"}, {"args", {{"notifications", "list of notification ids: yours, or sent by your action"}}}, {"description", "A ready email for those notifications: to, subject, body and a mailto link (K2)."}},
      {{"name", "services"}, {"args", {{"employer", "optional"}, {"establishment", "optional"}, {"staff", "optional"}, {"from", "optional YYYY-MM-DD"}, {"to", "optional YYYY-MM-DD"}}}, {"description", "Services to employers (R1), newest first."}},
      {{"name", "matches"}, {"args", {{"client", "optional client id"}, {"job", "optional job id"}, {"stage", "optional stage"}}}, {"description", "Match records (M1-M4) with stage and the job owner's M3 timeliness."}},
      {{"name", "matches_to_act_on"}, {"args", json::object()}, {"description", "Matches awaiting the signed-in person's approval or edits (M3), oldest first."}},
      {{"name", "hires"}, {"args", {{"incomplete_only", "optional boolean"}}}, {"description", "Hire records (M4, M5) with completeness and timeliness; with incomplete_only, those the signed-in person has to complete."}},
      {{"name", "jobs_to_reassign"}, {"args", json::object()}, {"description", "Open or expired jobs whose owner is deactivated (P3), for a Manager of their organisation or an Administrator."}},
      {{"name", "triage_queue"}, {"args", json::object()}, {"description", "Employers not yet triaged, with the route the focus-sector rule suggests (B4)."}},
      {{"name", "accounts_to_enter"}, {"args", json::object()}, {"description", "Accounts where the signed-in person logged a reciprocated communication but is not an owner (B3)."}},
      {{"name", "notifications"}, {"args", {{"unread_only", "optional boolean"}}}, {"description", "The signed-in person's inbox, newest first: notifications, and alerts the clock raised (escalated issues, expiring and expired jobs) (K2)."}},
      {{"name", "business_settings"}, {"args", json::object()}, {"description", "Sectors, focus sectors (B4), subsidised programs (J4), local service types and the eight federal categories (R1)."}},
      {{"name", "issues_overview"}, {"args", json::object()}, {"description", "Open issues the signed-in person oversees (a Manager their provider's, board roles and Administrators all, others their own): missed deadlines first, then highest level, then soonest deadline."}},
  });
}

json query(const Workspace& ws, std::string_view name, const json& args, const RecordId& viewer_id,
           LocalSeconds now) {
  if (const Client* seeker = ws.find_client(viewer_id)) return job_seeker_query(ws, name, args, *seeker, now);
  const Staff* viewer = ws.find_staff(viewer_id);
  if (name == "workspace") {
    return success({{"name", ws.meta.name}, {"demo", ws.meta.demo}, {"schema_version", ws.meta.schema_version},
                    {"organisations", ws.organisations.size()}, {"staff", ws.staff.size()},
                    {"clients", ws.clients.size()}, {"signed_in", viewer ? json(viewer->id) : json(nullptr)}});
  }
  if (name == "staff") {
    // Everyone may see who works here: the sign-in screen lists them (P4).
    const std::string org = arg(args, "organisation");
    json out = json::array();
    for (auto& [id, s] : ws.staff)
      if (org.empty() || s.organisation == org) out.push_back(staff_public(s));
    return success(out);
  }
  if (!viewer) return failure("not_signed_in", "Sign in as a staff member first.");
  if (!viewer->active) return failure("not_allowed", viewer->name + " is deactivated (P3).");
  if (name == "organisations") {
    json out = json::array();
    for (auto& [id, o] : ws.organisations) out.push_back(to_json(o));
    return success(out);
  }
  if (name == "students") {
    if (viewer->role != Role::TrainingProviderStaff)
      return failure("not_allowed", "Students are the training provider's view (C5); case staff use \"clients\".");
    const auto today = date_of(now);
    json out = json::array();
    for (const Client* c : students_of(ws, *viewer)) {
      json training = json::array();
      for (const Activity* a : current_activities(ws, c->id))
        if (a->training_provider == viewer->organisation)
          training.push_back({{"activity", a->id}, {"name", a->name}, {"start", format_iso_date(a->start)},
                              {"planned_end", format_iso_date(a->planned_end)},
                              {"status", activity_status_label(activity_status(*a, today))}});
      const Staff* pc = ws.find_staff(c->primary_contact);
      out.push_back({{"client", c->id}, {"name", full_name(*c)}, {"training", training},
                     {"primary_contact", c->primary_contact}, {"primary_contact_name", pc ? pc->name : ""},
                     {"primary_contact_email", pc ? pc->email : ""}});
    }
    return success(out);
  }
  if (name == "notifications") {
    const bool unread_only = args.is_object() && args.value("unread_only", false);
    json out = json::array();
    for (const Notification& n : inbox_of(ws, *viewer, now))
      if (!unread_only || !n.read) out.push_back(notification_json(ws, n));
    return success(out);
  }
  if (name == "ready_email") {
    std::vector<Notification> told;
    const bool listed = args.is_object() && args.contains("notifications") && args["notifications"].is_array();
    if (!listed || args["notifications"].empty()) return failure("missing_field", "Name the notifications to put in the email.");
    const std::vector<Notification> inbox = inbox_of(ws, *viewer, now);
    for (const json& id : args["notifications"]) {
      const std::string wanted = id.is_string() ? id.get<std::string>() : "";
      auto mine = std::find_if(inbox.begin(), inbox.end(), [&](const Notification& n) { return n.id == wanted; });
      auto sent = ws.notifications.find(wanted);  // or one this person's action sent to someone else
      if (mine != inbox.end()) told.push_back(*mine);
      else if (sent != ws.notifications.end() && can_see_comments(*viewer) && sent->second.from == viewer->id)
        told.push_back(sent->second);
      else return failure("not_found", "No such notification of yours, or sent by you.");
    }
    const ReadyEmail e = ready_email(ws, told);
    return success({{"to", e.to}, {"without_address", e.without_address}, {"subject", e.subject}, {"body", e.body},
                    {"mailto", e.mailto}});
  }
  // C5: everything below is case information, which training-provider staff never see.
  if (viewer->role == Role::TrainingProviderStaff && name != "holidays")
    return failure("not_allowed", "Training-provider staff see only their own students (C5).");
  if (name == "clients" || name == "client" || name == "eligible_primary_contacts" || name == "issues" ||
      name == "case_notes" || name == "contacts" || name == "caseload_month") {
    if (!can_see_clients(*viewer))
      return failure("not_allowed", "Training-provider staff see only their own students (C5).");
  }
  if (name == "clients") {
    json out = json::array();
    ClientFilter filter{arg(args, "search"), std::nullopt, arg(args, "primary_contact"),
                        args.is_object() && args.value("active_only", false)};
    if (const std::string p = arg(args, "program"); !p.empty()) {
      filter.program = program_from(p);
      if (!filter.program) return failure("invalid_field", "\"" + p + "\" is not a program.");
    }
    for (const Client* c : visible_clients(ws, *viewer, filter)) out.push_back(client_json(ws, *c));
    return success(out);
  }
  if (name == "client") {
    const Client* c = ws.find_client(arg(args, "id"));
    if (!c) return failure("not_found", "No such client.");
    return success(client_json(ws, *c));
  }
  if (name == "eligible_primary_contacts") {
    const bool youth = args.is_object() && args.value("youth", false);
    json out = json::array();
    for (const Staff* s : eligible_primary_contacts(ws, youth, arg(args, "provider"))) out.push_back(staff_public(*s));
    return success(out);
  }
  if (name == "issues") {
    const std::string client = arg(args, "client");
    const std::string employer = arg(args, "employer");
    const bool open_only = args.is_object() && args.value("open_only", false);
    json out = json::array();
    for (auto& [id, i] : ws.issues)
      if ((client.empty() || i.client == client) && (employer.empty() || i.employer == employer) &&
          (!open_only || is_open(i)))
        out.push_back(issue_json(ws, i, now));
    return success(out);
  }
  if (name == "contacts") {
    const std::string client = arg(args, "client");
    json out = json::array();
    if (auto it = ws.contacts_by_client.find(client); it != ws.contacts_by_client.end())
      for (auto id = it->second.rbegin(); id != it->second.rend(); ++id) out.push_back(to_json(ws.contacts.at(*id)));
    return success(out);
  }
  if (name == "caseload_month") {
    const auto today = date_of(now);
    std::chrono::year_month month = today.year() / today.month();
    if (const std::string m = arg(args, "month"); !m.empty()) {
      auto first = parse_iso_date(m + "-01");
      if (m.size() != 7 || !first) return failure("invalid_field", "month must be YYYY-MM.");
      month = first->year() / first->month();
    }
    const CaseloadMonth cm = caseload_month(ws, arg(args, "staff"), month, today);
    json rows = json::array();
    for (auto& r : cm.rows)
      rows.push_back({{"client", r.client->id}, {"name", full_name(*r.client)}, {"standing", standing_label(r.standing)}});
    return success({{"contacted", cm.contacted}, {"due", cm.due}, {"overdue", cm.overdue}, {"missed", cm.missed},
                    {"contacts", cm.contacts}, {"in_person", cm.in_person}, {"rows", rows}});
  }
  if (name == "issues_to_act_on") {
    json out = json::array();
    for (const Issue* i : issues_to_act_on(ws, *viewer, now)) out.push_back(issue_json(ws, *i, now));
    return success(out);
  }
  if (name == "case_notes") {
    const std::string client = arg(args, "client");
    json out = json::array();
    for (const CaseNote* n : ws.case_notes_of(client)) out.push_back(to_json(*n));
    return success(out);
  }
  if (name == "reassignment_queue") {
    json out = json::array();
    for (const Client* c : reassignment_queue(ws, *viewer)) out.push_back(client_json(ws, *c));
    return success(out);
  }
  if (name == "holidays") {
    if (!args.is_object() || !args.contains("year") || !args["year"].is_number_integer())
      return failure("invalid_field", "year must be a number, e.g. 2026.");
    json out = json::array();
    for (const Holiday& h : ws.calendar.holidays(args["year"].get<int>()))
      out.push_back({{"date", format_iso_date(h.date)}, {"name", h.name}, {"board_closure", h.board_closure}});
    return success(out);
  }
  if (name == "plan") {
    const Client* c = ws.find_client(arg(args, "client"));
    if (!c) return failure("not_found", "No such client.");
    const auto today = date_of(now);
    json goals = json::array(), activities = json::array();
    for (const Goal* g : goals_of(ws, c->id)) goals.push_back(to_json(*g));
    for (const Activity* a : activities_of(ws, c->id)) activities.push_back(activity_json(ws, *a, today));
    const PlanAgreement agreement = plan_agreement(ws, *c);
    return success({{"goals", goals}, {"activities", activities},
                    {"agreement", {{"standing", plan_agreement_label(agreement)},
                                   {"agreed", agreement == PlanAgreement::Agreed},
                                   {"agreed_on", c->plan_agreed_on ? json(format_iso_date(*c->plan_agreed_on)) : json(nullptr)},
                                   {"how", c->plan_agreed_how}}}});
  }
  if (name == "stale_activities") {
    const auto today = date_of(now);
    json out = json::array();
    for (const Activity* a : stale_activities(ws, arg(args, "staff"), today)) {
      json j = activity_json(ws, *a, today);
      j["client_name"] = full_name(ws.clients.at(a->client));
      out.push_back(j);
    }
    return success(out);
  }
  if (name == "agreement_letter") {
    auto n = ws.case_notes.find(arg(args, "case_note"));
    if (n == ws.case_notes.end() || n->second.letter_to.empty()) return failure("not_found", "No such agreement letter.");
    return success({{"html", agreement_letter_html(ws, n->second)}, {"client", n->second.client}});
  }
  if (name == "issues_overview") {
    json out = json::array();
    for (const Issue* i : issues_overview(ws, *viewer, now)) out.push_back(issue_json(ws, *i, now));
    return success(out);
  }
  if (name == "employers") {
    const std::string needle = folded(arg(args, "search")), sector = arg(args, "sector"), owner = arg(args, "owner");
    const bool active_only = args.is_object() && args.value("active_only", false);
    json out = json::array();
    for (auto& [id, e] : ws.employers) {
      if (!owner.empty() && !is_owner(e, owner)) continue;
      if (!sector.empty()) {
        const auto sectors = employer_sectors(ws, id);
        if (std::find(sectors.begin(), sectors.end(), sector) == sectors.end()) continue;
      }
      if (!needle.empty() && folded(e.legal_name + " " + e.fein + " " + id).find(needle) == std::string::npos) continue;
      if (active_only && !account_standing(ws, e, date_of(now)).active) continue;
      out.push_back(employer_json(ws, e, now));
    }
    return success(out);
  }
  if (name == "employer") {
    const Employer* e = ws.find_employer(arg(args, "id"));
    if (!e) return failure("not_found", "No such employer.");
    json j = employer_json(ws, *e, now);
    json sites = json::array(), log = json::array(), jobs = json::array(), services = json::array(), issues = json::array();
    for (const Establishment* site : establishments_of(ws, e->id)) {
      json s = to_json(*site);
      s["sectors"] = sectors_of(site->naics);
      sites.push_back(s);
    }
    const auto communications = communications_of(ws, e->id);
    for (auto c = communications.rbegin(); c != communications.rend(); ++c) log.push_back(to_json(**c));  // newest first
    for (const Job* job : records_in(ws.jobs, ws.jobs_by_employer, e->id))
      if (visible_to_staff(*job, *viewer, now)) jobs.push_back(job_json(ws, *job, now));
    for (const Service* sv : services_of(ws, e->id)) services.push_back(service_json(ws, *sv));
    for (auto& [id, i] : ws.issues)
      if (i.employer == e->id) issues.push_back(issue_json(ws, i, now));
    j["establishments"] = sites;
    j["communications"] = log;
    j["jobs"] = jobs;
    j["services"] = services;
    j["issues"] = issues;
    return success(j);
  }
  if (name == "jobs") {
    const std::string view = arg(args, "view").empty() ? "open" : arg(args, "view");
    const std::string employer = arg(args, "employer"), owner = arg(args, "owner");
    if (view != "open" && view != "expiring" && view != "expired" && view != "reserved" && view != "closed" && view != "all")
      return failure("invalid_field", "view is open, expiring, expired, reserved, closed or all.");
    json out = json::array();
    for (auto& [id, j] : ws.jobs) {
      if (!visible_to_staff(j, *viewer, now)) continue;  // J3
      if ((!employer.empty() && j.employer != employer) || (!owner.empty() && j.owner != owner)) continue;
      const JobStatus st = job_status(j, now);
      const bool keep = view == "all" || (view == "open" && st == JobStatus::Open) ||
                        (view == "expiring" && expiring_soon(j, now)) || (view == "expired" && st == JobStatus::Expired) ||
                        (view == "closed" && st == JobStatus::Closed) ||
                        (view == "reserved" && st == JobStatus::Open && (reserved_now(j, now) || !j.subsidised_program.empty()));
      if (keep) out.push_back(job_json(ws, j, now));
    }
    return success(out);
  }
  if (name == "job") {
    const Job* j = ws.find_job(arg(args, "id"));
    if (!j || !visible_to_staff(*j, *viewer, now)) return failure("not_found", "No such job.");
    return success(job_json(ws, *j, now));
  }
  if (name == "job_board") {
    const Client* c = ws.find_client(arg(args, "client"));
    if (!c) return failure("not_found", "No such client.");
    json out = json::array();
    for (const Job* j : job_board(ws, *c, now, arg(args, "search"))) out.push_back(board_job_json(ws, *j, *c));
    return success(out);
  }
  if (name == "performance" || name == "performance_misses" || name == "targets") {
    ProgramQuarter pq = program_quarter_of(date_of(now));
    if (auto why = quarter_from(args, pq)) return *why;
    const bool board = can_set_targets(*viewer);
    if (name == "targets") {
      json out = json::array();
      for (const Target& t : ws.meta.targets) {
        if (t.program_year != pq.program_year || t.quarter != pq.quarter) continue;
        if (!board && !t.organisation.empty() && t.organisation != viewer->organisation) continue;
        const Measure m = *measure_from(t.measure);
        const Organisation* org = ws.find_organisation(t.organisation);
        out.push_back({{"measure", t.measure}, {"label", measure_label(m)}, {"organisation", t.organisation},
                       {"organisation_name", org ? org->name : "the board"}, {"target", t.value},
                       {"achieved", achieved(ws, m, pq, t.organisation, now)}});
      }
      return success(out);
    }
    const auto tallies = performance(ws, first_day(pq), last_day(pq), now);
    auto visible = [&](const RecordId& staff) {
      const Staff* s = ws.find_staff(staff);
      return s && sees_performance_of(ws, *viewer, *s);
    };
    auto tallies_json = [](const Tallies& t) {
      json out = json::array();
      for (Standard s : kStandards) out.push_back({{"standard", standard_name(s)}, {"met", t[int(s)].met}, {"total", t[int(s)].total}});
      return out;
    };
    if (name == "performance_misses") {
      const auto standard = standard_from(arg(args, "standard"));
      if (!standard) return failure("invalid_field", "Name the standard, e.g. \"monthly_contacts\".");
      const std::string staff = arg(args, "staff"), org = arg(args, "organisation");
      if (!staff.empty() && !visible(staff)) return failure("not_allowed", "You do not see that person's standards (R4).");
      if (staff.empty() && !board && (viewer->role != Role::Manager || org != viewer->organisation))
        return failure("not_allowed", "Managers see their organisation's standards; the board everyone's (R4).");
      json out = json::array();
      for (const auto& [who, t] : tallies) {
        const Staff* s = ws.find_staff(who);
        if (!s || (!staff.empty() && who != staff) || (!org.empty() && s->organisation != org)) continue;
        for (const Miss& m : t[int(*standard)].misses)
          out.push_back({{"record", m.record}, {"title", record_title(ws, m.record)}, {"staff", who}, {"staff_name", s->name}, {"why", m.why}});
      }
      return success(out);
    }
    json staff_rows = json::array(), org_rows = json::array();
    const Totals totals = totals_of(ws, tallies);
    for (const auto& [who, t] : tallies) {
      const Staff* s = ws.find_staff(who);
      if (s && visible(who))
        staff_rows.push_back({{"staff", who}, {"name", s->name}, {"organisation", s->organisation},
                              {"organisation_name", ws.find_organisation(s->organisation) ? ws.find_organisation(s->organisation)->name : ""},
                              {"standards", tallies_json(t)}});
    }
    for (const auto& [org, t] : totals.by_organisation)
      if (board || (viewer->role == Role::Manager && org == viewer->organisation))
        org_rows.push_back({{"organisation", org}, {"name", ws.find_organisation(org) ? ws.find_organisation(org)->name : ""},
                            {"standards", tallies_json(t)}});
    json standards = json::array();
    for (Standard k : kStandards) standards.push_back({{"name", standard_name(k)}, {"label", standard_label(k)}});
    return success({{"program_year", pq.program_year}, {"quarter", pq.quarter}, {"label", quarter_label(pq)},
                    {"standards", standards}, {"staff", staff_rows}, {"organisations", org_rows},
                    {"board", board ? tallies_json(totals.board) : json(nullptr)}});
  }
  if (name == "ese_report" || name == "ese_files") {
    if (!can_export_ese(*viewer))
      return failure("not_allowed", "Business staff, Managers, the board and Administrators see the ESE report (R2).");
    ProgramQuarter pq = ese_quarter_due_next(date_of(now));
    if (auto why = quarter_from(args, pq)) return *why;
    const EseSource source = ese_source_for(ws, *viewer);
    const EseFiles files = ese_files({source}, pq, ws.meta.state_establishments);
    if (name == "ese_files")
      return success({{"names", {{"detail", ese_file_name(pq, "detail")}, {"summary", ese_file_name(pq, "summary")},
                                 {"rates", ese_file_name(pq, "rates")}}},
                      {"detail", files.detail}, {"summary", files.summary}, {"rates", files.rates}});
    json exports = json::array(), rows = json::array();
    for (const EseExport& x : ws.meta.ese_exports)
      if (x.program_year == pq.program_year && x.quarter == pq.quarter)
        exports.push_back({{"at", format_iso(x.at)}, {"by", x.by}, {"by_name", ws.find_staff(x.by) ? ws.find_staff(x.by)->name : ""}});
    for (const EseCategoryRow& r : files.by_category)
      rows.push_back({{"category", category_name(r.category)}, {"label", category_label(r.category)},
                      {"establishments", r.establishments}, {"services", r.services}});
    const EseCounts& k = files.counts;
    return success({{"program_year", pq.program_year}, {"quarter", pq.quarter}, {"label", quarter_label(pq)},
                    {"first_day", format_iso_date(first_day(pq))}, {"last_day", format_iso_date(last_day(pq))},
                    {"due", format_iso_date(ese_due(pq))}, {"organisation", source.organisation},
                    {"exported", ese_exported(ws, pq, source)},
                    {"exports", exports}, {"services", files.services}, {"summary", rows},
                    {"counts", {{"served", k.served}, {"served_before", k.served_before},
                                {"served_three_years", k.served_three_years}, {"state_total", k.state_total}}}});
  }
  if (name == "my_matches") return failure("not_allowed", "\"my_matches\" is the job seeker's view; staff use \"matches\".");
  if (name == "comments" || name == "feed" || name == "following") {
    if (!can_see_comments(*viewer)) return failure("not_allowed", "Training-provider staff see none of the case staff's comments (C5).");
    json out = json::array();
    if (name == "comments") {
      const std::string record = arg(args, "record");
      if (!commentable_kind(ws, record)) return failure("not_found", "No such client, employer, job, match, hire or issue.");
      for (const Comment* c : comments_on(ws, record)) out.push_back(comment_json(ws, *c));
    } else if (name == "following") {
      for (const RecordId& t : viewer->following)
        out.push_back({{"target", t}, {"title", record_title(ws, t)}, {"person", ws.find_staff(t) != nullptr}});
    } else {
      FeedFilter filter{std::nullopt, arg(args, "search"), args.is_object() && args.value("oldest_first", false)};
      if (args.is_object() && args.contains("limit")) {
        if (!args["limit"].is_number_integer() || args["limit"].get<int>() < 1)
          return failure("invalid_field", "\"limit\" is a whole number of items, 1 or more.");
        filter.limit = args["limit"].get<std::size_t>();
      }
      if (const std::string k = arg(args, "kind"); !k.empty()) {
        filter.kind = feed_kind_from(k);
        if (!filter.kind) return failure("invalid_field", "\"" + k + "\" is not a feed kind (mention, comment or update).");
      }
      for (const FeedItem& f : feed_of(ws, *viewer, filter).items) {
        const Staff* by = ws.find_staff(f.by);
        out.push_back({{"kind", feed_kind_name(f.kind)}, {"at", format_iso(f.at)}, {"by", f.by}, {"by_name", by ? by->name : ""},
                       {"record", f.record}, {"record_title", record_title(ws, f.record)}, {"source", f.source}, {"text", f.text}});
      }
    }
    return success(out);
  }
  if (name == "services") {
    const std::string employer = arg(args, "employer"), site = arg(args, "establishment"), staff = arg(args, "staff");
    const auto from = parse_iso_date(arg(args, "from")), to = parse_iso_date(arg(args, "to"));
    json out = json::array();
    for (auto it = ws.services.rbegin(); it != ws.services.rend(); ++it) {
      const Service& sv = it->second;
      if ((!employer.empty() && sv.employer != employer) || (!site.empty() && sv.establishment != site) ||
          (!staff.empty() && sv.staff != staff) || (from && sv.date < *from) || (to && sv.date > *to))
        continue;
      out.push_back(service_json(ws, sv));
    }
    return success(out);
  }
  if (name == "matches" || name == "matches_to_act_on") {
    const std::string client = arg(args, "client"), job = arg(args, "job"), stage = arg(args, "stage");
    if (!stage.empty() && !match_stage_from(stage)) return failure("invalid_field", "\"" + stage + "\" is not a match stage.");
    std::vector<const Match*> list;
    if (name == "matches_to_act_on") list = matches_to_act_on(ws, viewer->id);
    else
      for (auto& [id, m] : ws.matches)
        if ((client.empty() || m.client == client) && (job.empty() || m.job == job) &&
            (stage.empty() || match_stage_name(m.stage) == stage))
          list.push_back(&m);
    json out = json::array();
    for (const Match* m : list) {
      json j = to_json(*m);
      j["stage_label"] = match_stage_label(m->stage);
      j["owner_action_due"] = format_iso(owner_action_due(ws, *m));
      j["owner_action_overdue"] = owner_action_overdue(ws, *m, now);
      const auto on_time = owner_acted_on_time(ws, *m);
      j["owner_acted_on_time"] = on_time ? json(*on_time) : json(nullptr);
      const Client* c = ws.find_client(m->client);
      j["client_name"] = c ? full_name(*c) : "";
      const Job* jb = ws.find_job(m->job);
      j["job_title"] = jb ? jb->title : "";
      out.push_back(j);
    }
    return success(out);
  }
  if (name == "hires") {
    const bool incomplete_only = args.is_object() && args.value("incomplete_only", false);
    std::vector<const Hire*> list;
    if (incomplete_only) list = hires_to_complete(ws, viewer->id);
    else
      for (auto& [id, h] : ws.hires) list.push_back(&h);
    json out = json::array();
    for (const Hire* h : list) {
      json j = to_json(*h);
      j["complete"] = hire_complete(*h);
      j["recorded_on_time"] = hire_recorded_on_time(ws, *h);
      out.push_back(j);
    }
    return success(out);
  }
  if (name == "jobs_to_reassign") {
    json out = json::array();
    for (const Job* j : jobs_to_reassign(ws, *viewer, now)) out.push_back(job_json(ws, *j, now));
    return success(out);
  }
  if (name == "triage_queue") {
    json out = json::array();
    for (const Employer* e : triage_queue(ws)) out.push_back(employer_json(ws, *e, now));
    return success(out);
  }
  if (name == "accounts_to_enter") {
    json out = json::array();
    for (const Employer* e : accounts_to_enter(ws, viewer->id)) out.push_back(employer_json(ws, *e, now));
    return success(out);
  }
  if (name == "business_settings") {
    json categories = json::array(), programs = json::array(), types = json::array();
    for (ServiceCategory c : kServiceCategories) categories.push_back({{"name", category_name(c)}, {"label", category_label(c)}});
    for (auto& p : ws.meta.subsidised_programs) programs.push_back({{"name", p.name}, {"priority_organisation", p.priority_organisation}});
    for (auto& t : ws.meta.local_service_types) types.push_back({{"name", t.name}, {"category", category_name(t.category)}});
    return success({{"sectors", all_sectors()}, {"focus_sectors", ws.meta.focus_sectors}, {"subsidised_programs", programs},
                    {"local_service_types", types}, {"categories", categories}});
  }
  if (name == "audit") {
    const std::string record = arg(args, "record");
    json out = json::array();
    if (auto it = ws.audit_by_record.find(record); it != ws.audit_by_record.end())
      for (const RecordId& id : it->second) out.push_back(to_json(ws.audit.at(id)));
    return success(out);
  }
  return failure("unknown_query", "There is no query \"" + std::string(name) + "\".");
}

}  // namespace bw
