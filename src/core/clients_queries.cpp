// Clients, their contacts and case notes, and the training provider's students (C1-C5, N1-N5): the read models
// JavaScript asks for by name, with who may ask (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "access.hpp"
#include "contacts.hpp"
#include "plan.hpp"
#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

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

namespace {

json clients_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  ClientFilter filter{arg(args, "search"), std::nullopt, arg(args, "primary_contact"),
                      args.is_object() && args.value("active_only", false)};
  if (const std::string p = arg(args, "program"); !p.empty()) {
    filter.program = program_from(p);
    if (!filter.program) return failure("invalid_field", "\"" + p + "\" is not a program.");
  }
  Rows out(a);
  for (const Client* c : visible_clients(ws, *viewer, filter)) out.push_back(client_json(ws, *c));
  return out.done();
}

json client_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Client* c = ws.find_client(arg(args, "id"));
  if (!c) return failure("not_found", "No such client.");
  return success(client_json(ws, *c));
}

json eligible_primary_contacts_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const bool youth = args.is_object() && args.value("youth", false);
  json out = json::array();
  for (const Staff* s : eligible_primary_contacts(ws, youth, arg(args, "provider"))) out.push_back(staff_public(*s));
  return success(out);
}

json contacts_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const std::string client = arg(args, "client");
  json out = json::array();
  if (auto it = ws.contacts_by_client.find(client); it != ws.contacts_by_client.end())
    for (auto id = it->second.rbegin(); id != it->second.rend(); ++id) out.push_back(to_json(ws.contacts.at(*id)));
  return success(out);
}

json caseload_month_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const LocalSeconds now = a.now;
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
    rows.push_back(
        Fields()("client", r.client->id)("name", full_name(*r.client))("standing", standing_label(r.standing)));
  return success(Fields()("contacted", cm.contacted)("due", cm.due)("overdue", cm.overdue)("missed", cm.missed)
      ("contacts", cm.contacts)("in_person", cm.in_person)("rows", rows));
}

json case_notes_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const std::string client = arg(args, "client");
  json out = json::array();
  for (const CaseNote* n : ws.case_notes_of(client)) out.push_back(to_json(*n));
  return success(out);
}

json reassignment_queue_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  json out = json::array();
  for (const Client* c : reassignment_queue(ws, *viewer)) out.push_back(client_json(ws, *c));
  return success(out);
}

json students_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  const auto today = date_of(now);
  json out = json::array();
  for (const Client* c : students_of(ws, *viewer)) {
    json training = json::array();
    for (const Activity* a : current_activities(ws, c->id))
      if (a->training_provider == viewer->organisation)
        training.push_back(Fields()("activity", a->id)("name", a->name)("start", format_iso_date(a->start))
            ("planned_end", format_iso_date(a->planned_end))
            ("status", activity_status_label(activity_status(*a, today))));
    const Staff* pc = ws.find_staff(c->primary_contact);
    out.push_back(Fields()("client", c->id)("name", full_name(*c))("training", training)
        ("primary_contact", c->primary_contact)("primary_contact_name", pc ? pc->name : "")
        ("primary_contact_email", pc ? pc->email : ""));
  }
  return success(out);
}

}  // namespace

std::string client_search_text(const Client& c) {
  return c.first_name + " " + c.last_name + " " + c.id + " " + c.email + " " + c.phone;
}

std::vector<const Client*> visible_clients(const Workspace& ws, const Staff& viewer, const ClientFilter& filter) {
  std::vector<const Client*> out;
  if (!can_see_clients(viewer)) return out;
  const std::string needle = folded(filter.search);
  for (auto& [id, c] : ws.clients) {
    if (filter.program && std::find(c.programs.begin(), c.programs.end(), *filter.program) == c.programs.end())
      continue;
    if (!filter.primary_contact.empty() && c.primary_contact != filter.primary_contact) continue;
    if (filter.active_only && !is_active(c)) continue;
    if (!needle.empty() && folded(client_search_text(c)).find(needle) == std::string::npos) continue;
    out.push_back(&c);
  }
  return out;
}

std::vector<QueryRow> clients_queries() {
  using A = Audience;
  return {
      {"clients",
       Fields()("search", "optional text")("program", "optional program name")("primary_contact", "optional staff id")
           ("active_only", "optional boolean"),
       "Clients the signed-in person may see (C5), with programs and primary contact.",
       A::CaseStaff,
       clients_answer},
      {"client", Fields()("id", "client id"), "One client.", A::CaseStaff, client_answer},
      {"eligible_primary_contacts",
       Fields()("provider", "organisation id")("youth", "boolean"),
       "Active staff who may be the primary contact (C2).",
       A::CaseStaff,
       eligible_primary_contacts_answer},
      {"contacts", Fields()("client", "client id"), "A client's contacts, newest first (N1).", A::CaseStaff,
       contacts_answer},
      {"caseload_month",
       Fields()("staff", "optional primary contact id (all clients when left out)")
           ("month", "optional YYYY-MM (this month)"),
       "The monthly contact rule for a caseload: each client contacted, due, overdue or missed, and the share in "
       "person (N2, N4).",
       A::CaseStaff,
       caseload_month_answer},
      {"case_notes",
       Fields()("client", "client id"),
       "A client's case notes, newest first (N5).",
       A::CaseStaff,
       case_notes_answer},
      {"reassignment_queue", json::object(),
       "Active clients whose primary contact is deactivated (P3), for a Manager of their provider or an Administrator.",
       A::CaseStaff, reassignment_queue_answer},
      {"students", json::object(),
       "For training-provider staff: the students in their organisation's current training, with name, training and "
       "primary contact only (C5).",
       A::TrainingProvider, students_answer, nullptr,
       "Students are the training provider's view (C5); case staff use \"clients\"."},
  };
}

}  // namespace bw
