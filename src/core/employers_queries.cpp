// Employer accounts, triage and services (B1-B5, R1): the read models JavaScript asks for by name, with who may ask
// (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "business.hpp"
#include "escalation.hpp"
#include "jobs.hpp"
#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

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

namespace {

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

json employers_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const LocalSeconds now = a.now;
  const EmployerFilter filter{arg(args, "search"), arg(args, "sector"), arg(args, "owner"),
                              args.is_object() && args.value("active_only", false)};
  Rows out(a);
  for (const EmployerRow& row : employer_rows(ws, filter, now)) out.push_back(employer_json(ws, *row.employer, now));
  return out.done();
}

json employer_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  const Employer* e = ws.find_employer(arg(args, "id"));
  if (!e) return failure("not_found", "No such employer.");
  json j = employer_json(ws, *e, now);
  json sites = json::array(), log = json::array(), jobs = json::array(), services = json::array(),
       issues = json::array();
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
  for (const Issue* i : issues_about(ws, e->id)) issues.push_back(issue_json(ws, *i, now));
  j["establishments"] = sites;
  j["communications"] = log;
  j["jobs"] = jobs;
  j["services"] = services;
  j["issues"] = issues;
  return success(j);
}

json services_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const std::string employer = arg(args, "employer"), site = arg(args, "establishment"), staff = arg(args, "staff");
  const auto from = parse_iso_date(arg(args, "from")), to = parse_iso_date(arg(args, "to"));
  Rows out(a);
  for (auto it = ws.services.rbegin(); it != ws.services.rend(); ++it) {
    const Service& sv = it->second;
    if ((!employer.empty() && sv.employer != employer) || (!site.empty() && sv.establishment != site) ||
        (!staff.empty() && sv.staff != staff) || (from && sv.date < *from) || (to && sv.date > *to))
      continue;
    out.push_back(service_json(ws, sv));
  }
  return out.done();
}

json triage_queue_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  const LocalSeconds now = a.now;
  json out = json::array();
  for (const Employer* e : triage_queue(ws)) out.push_back(employer_json(ws, *e, now));
  return success(out);
}

json accounts_to_enter_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  json out = json::array();
  for (const Employer* e : accounts_to_enter(ws, viewer->id)) out.push_back(employer_json(ws, *e, now));
  return success(out);
}

json business_settings_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  json categories = json::array(), programs = json::array(), types = json::array();
  for (ServiceCategory c : kServiceCategories)
    categories.push_back(Fields()("name", category_name(c))("label", category_label(c)));
  for (auto& p : ws.meta.subsidised_programs)
    programs.push_back(Fields()("name", p.name)("priority_organisation", p.priority_organisation));
  for (auto& t : ws.meta.local_service_types)
    types.push_back(Fields()("name", t.name)("category", category_name(t.category)));
  return success(Fields()("sectors", all_sectors())("focus_sectors", ws.meta.focus_sectors)
      ("subsidised_programs", programs)("local_service_types", types)("categories", categories));
}

}  // namespace

std::vector<QueryRow> employers_queries() {
  using A = Audience;
  return {
      {"employers",
       Fields()("search", "optional text")("sector", "optional sector")("owner", "optional staff id")
           ("active_only", "optional boolean"),
       "Employer accounts with standing (B2), sectors, owners and triage.",
       A::CaseStaff,
       employers_answer},
      {"employer",
       Fields()("id", "employer id"),
       "One employer with its establishments, communications, jobs, services and issues.",
       A::CaseStaff,
       employer_answer},
      {"services",
       Fields()("employer", "optional")("establishment", "optional")("staff", "optional")
           ("from", "optional YYYY-MM-DD")("to", "optional YYYY-MM-DD"),
       "Services to employers (R1), newest first.",
       A::CaseStaff,
       services_answer},
      {"triage_queue", json::object(), "Employers not yet triaged, with the route the focus-sector rule suggests (B4).",
       A::CaseStaff, triage_queue_answer},
      {"accounts_to_enter", json::object(),
       "Accounts where the signed-in person logged a reciprocated communication but is not an owner (B3).",
       A::CaseStaff, accounts_to_enter_answer},
      {"business_settings", json::object(),
       "Sectors, focus sectors (B4), subsidised programs (J4), local service types and the eight federal categories "
       "(R1).",
       A::CaseStaff, business_settings_answer},
  };
}

}  // namespace bw
