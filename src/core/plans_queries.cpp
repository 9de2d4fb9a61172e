// The Individual Service Strategy and agreement letters (S1, N5): the read models JavaScript asks for by name, with who
// may ask (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "letters.hpp"
#include "plan.hpp"
#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

namespace {

json activity_json(const Workspace& ws, const Activity& a, std::chrono::year_month_day today) {
  json j = to_json(a);
  j["status"] = activity_status_label(activity_status(a, today));
  j["stale"] = activity_status(a, today) == ActivityStatus::Stale;
  const Organisation* tp = ws.find_organisation(a.training_provider);
  j["training_provider_name"] = tp ? tp->name : "";
  return j;
}

json plan_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const LocalSeconds now = a.now;
  const Client* c = ws.find_client(arg(args, "client"));
  if (!c) return failure("not_found", "No such client.");
  const auto today = date_of(now);
  json goals = json::array(), activities = json::array();
  for (const Goal* g : goals_of(ws, c->id)) goals.push_back(to_json(*g));
  for (const Activity* a : activities_of(ws, c->id)) activities.push_back(activity_json(ws, *a, today));
  const PlanAgreement agreement = plan_agreement(ws, *c);
  json agreed = Fields()("standing", plan_agreement_label(agreement))("agreed", agreement == PlanAgreement::Agreed)
      ("agreed_on", c->plan_agreed_on ? json(format_iso_date(*c->plan_agreed_on)) : json(nullptr))
      ("how", c->plan_agreed_how);
  return success(Fields()("goals", goals)("activities", activities)("agreement", agreed));
}

json stale_activities_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const LocalSeconds now = a.now;
  const auto today = date_of(now);
  json out = json::array();
  for (const Activity* a : stale_activities(ws, arg(args, "staff"), today)) {
    json j = activity_json(ws, *a, today);
    j["client_name"] = full_name(ws.clients.at(a->client));
    out.push_back(j);
  }
  return success(out);
}

json agreement_letter_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  auto n = ws.case_notes.find(arg(args, "case_note"));
  if (n == ws.case_notes.end() || n->second.letter_to.empty()) return failure("not_found", "No such agreement letter.");
  return success(Fields()("html", agreement_letter_html(ws, n->second))("client", n->second.client));
}

}  // namespace

std::vector<QueryRow> plans_queries() {
  using A = Audience;
  return {
      {"plan",
       Fields()("client", "client id"),
       "A client's Individual Service Strategy: goals, activities with status, and the customer's agreement (S1).",
       A::CaseStaff,
       plan_answer},
      {"stale_activities",
       Fields()("staff", "optional primary contact id (all when left out)"),
       "Activities past their planned end with no end recorded, of active clients (S1).",
       A::CaseStaff,
       stale_activities_answer},
      {"agreement_letter",
       Fields()("case_note", "case note id of a letter"),
       "The printable HTML of an agreement letter (N5).",
       A::CaseStaff,
       agreement_letter_answer},
  };
}

}  // namespace bw
