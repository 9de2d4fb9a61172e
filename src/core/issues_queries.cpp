// Issues with their levels and deadlines (E1-E5): the read models JavaScript asks for by name, with who may ask
// (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "escalation.hpp"
#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

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

namespace {

json issues_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const LocalSeconds now = a.now;
  const std::string client = arg(args, "client");
  const std::string employer = arg(args, "employer");
  const bool open_only = args.is_object() && args.value("open_only", false);
  Rows out(a);
  std::vector<const Issue*> list;
  if (!client.empty() || !employer.empty()) list = issues_about(ws, client.empty() ? employer : client);
  else
    for (auto& [id, i] : ws.issues) list.push_back(&i);
  for (const Issue* i : list)
    if ((client.empty() || i->client == client) && (employer.empty() || i->employer == employer) &&
        (!open_only || is_open(*i)))
      out.push_back(issue_json(ws, *i, now));
  return out.done();
}

json issues_list(const Asker& a, const std::vector<const Issue*>& issues) {
  Rows out(a);
  for (const Issue* i : issues) out.push_back(issue_json(a.ws, *i, a.now));
  return out.done();
}

json issues_to_act_on_answer(const Asker& a, const json&) { return issues_list(a, issues_to_act_on(a.ws, *a.viewer, a.now)); }

json issues_overview_answer(const Asker& a, const json&) { return issues_list(a, issues_overview(a.ws, *a.viewer, a.now)); }

}  // namespace

std::vector<QueryRow> issues_queries() {
  using A = Audience;
  return {
      {"issues",
       Fields()("client", "optional client id")("open_only", "optional boolean"),
       "Issues with their level, deadline and the reason for the level (E3, E4).",
       A::CaseStaff,
       issues_answer},
      {"issues_to_act_on", json::object(),
       "Open issues the signed-in person answers for: owned, their provider's from level 2 (Managers), level 3 "
       "(board). Level 3 first, then soonest deadline.",
       A::CaseStaff, issues_to_act_on_answer},
      {"issues_overview", json::object(),
       "Open issues the signed-in person oversees (a Manager their provider's, board roles and Administrators all, "
       "others their own): missed deadlines first, then highest level, then soonest deadline.",
       A::CaseStaff, issues_overview_answer},
  };
}

}  // namespace bw
