// Organisations, staff, the calendar and the audit trail (P1-P4, T2): the read models JavaScript asks for by name, with
// who may ask (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

json staff_public(const Staff& s) {
  json j = to_json(s);
  j.erase("pin_hash");
  j["has_pin"] = !s.pin_hash.empty();
  return j;
}

namespace {

json workspace_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  return success(Fields()("name", ws.meta.name)("demo", ws.meta.demo)("schema_version", ws.meta.schema_version)
      ("organisations", ws.organisations.size())("staff", ws.staff.size())("clients", ws.clients.size())
      ("signed_in", viewer ? json(viewer->id) : json(nullptr)));
}

json organisations_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  json out = json::array();
  for (auto& [id, o] : ws.organisations) out.push_back(to_json(o));
  return success(out);
}

json staff_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  // Everyone may see who works here: the sign-in screen lists them (P4).
  const std::string org = arg(args, "organisation");
  json out = json::array();
  for (auto& [id, s] : ws.staff)
    if (org.empty() || s.organisation == org) out.push_back(staff_public(s));
  return success(out);
}

json holidays_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  if (!args.is_object() || !args.contains("year") || !args["year"].is_number_integer())
    return failure("invalid_field", "year must be a number, e.g. 2026.");
  json out = json::array();
  for (const Holiday& h : ws.calendar.holidays(args["year"].get<int>()))
    out.push_back(Fields()("date", format_iso_date(h.date))("name", h.name)("board_closure", h.board_closure));
  return success(out);
}

json audit_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const std::string record = arg(args, "record");
  json out = json::array();
  if (auto it = ws.audit_by_record().find(record); it != ws.audit_by_record().end())
    for (const RecordId& id : it->second) out.push_back(to_json(ws.audit.at(id)));
  return success(out);
}

}  // namespace

std::vector<QueryRow> people_queries() {
  using A = Audience;
  return {
      {"workspace", json::object(), "The workspace's name, whether it is a demo, its clock and record counts.",
       A::Anyone, workspace_answer,
       [](const Asker& a, const json&) {
         return success(Fields()("name", a.ws.meta.name)("demo", a.ws.meta.demo)("signed_in", a.seeker->id)
             ("job_seeker", full_name(*a.seeker)));
       }},
      {"organisations", json::object(), "Every organisation (P1).", A::Staff, organisations_answer},
      {"staff",
       Fields()("organisation", "optional id"),
       "Staff with role and active state (P2, P3); PINs are never returned.",
       A::Anyone,
       staff_answer},
      {"holidays",
       Fields()("year", "number"),
       "Federal holidays on their observed days and the board's closures of a year (T2).",
       A::Staff,
       holidays_answer},
      {"audit",
       Fields()("record", "record id"),
       "The audit trail of one record, oldest first (P4). Not for training-provider staff (C5).",
       A::CaseStaff,
       audit_answer},
  };
}

}  // namespace bw
