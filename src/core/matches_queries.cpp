// Matches and hires (M1-M6): the read models JavaScript asks for by name, with who may ask
// (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "matches.hpp"
#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

namespace {

json matches_answer(const Asker& a, const json& args, std::string_view name) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  const std::string client = arg(args, "client"), job = arg(args, "job"), stage = arg(args, "stage");
  if (!stage.empty() && !match_stage_from(stage))
    return failure("invalid_field", "\"" + stage + "\" is not a match stage.");
  std::vector<const Match*> list;
  if (name == "matches_to_act_on")
    list = matches_to_act_on(ws, *viewer);
  else
    for (auto& [id, m] : ws.matches)
      if ((client.empty() || m.client == client) && (job.empty() || m.job == job) &&
          (stage.empty() || match_stage_name(m.stage) == stage))
        list.push_back(&m);
  Rows out(a);
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
  return out.done();
}

json hires_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const bool incomplete_only = args.is_object() && args.value("incomplete_only", false);
  std::vector<const Hire*> list;
  if (incomplete_only)
    list = hires_to_complete(ws, *viewer);
  else
    for (auto& [id, h] : ws.hires) list.push_back(&h);
  Rows out(a);
  for (const Hire* h : list) {
    json j = to_json(*h);
    j["complete"] = hire_complete(*h);
    j["recorded_on_time"] = hire_recorded_on_time(ws, *h);
    out.push_back(j);
  }
  return out.done();
}

// M6: the job seeker's own matches.
json my_matches_for_job_seeker(const Asker& a, const json&) {
  json out = json::array();
  for (const Match* m : matches_of_client(a.ws, a.seeker->id)) {
    const Job* j = a.ws.find_job(m->job);
    const Employer* e = j ? a.ws.find_employer(j->employer) : nullptr;
    out.push_back(Fields()("match", m->id)("job", m->job)("title", j ? j->title : "")
        ("employer", e ? e->legal_name : "")
        ("origin", m->origin == MatchOrigin::SelfSelect ? "self_select" : "partner_referral")
        ("stage", match_stage_name(m->stage))("stage_label", match_stage_label(m->stage)));
  }
  return success(out);
}

}  // namespace

std::vector<QueryRow> matches_queries() {
  using A = Audience;
  return {
      {"matches",
       Fields()("client", "optional client id")("job", "optional job id")("stage", "optional stage"),
       "Match records (M1-M4) with stage and the job owner's M3 timeliness.",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return matches_answer(a, args, "matches"); }},
      {"matches_to_act_on", json::object(),
       "Matches awaiting the signed-in person's approval or edits (M3), oldest first.", A::CaseStaff,
       [](const Asker& a, const json& args) { return matches_answer(a, args, "matches_to_act_on"); }},
      {"hires",
       Fields()("incomplete_only", "optional boolean"),
       "Hire records (M4, M5) with completeness and timeliness; with incomplete_only, those the signed-in person has "
       "to complete.",
       A::CaseStaff,
       hires_answer},
      {"my_matches", json::object(), "Job seekers only: their own matches with job, employer and stage (M6).",
       A::JobSeeker, nullptr, my_matches_for_job_seeker,
       "\"my_matches\" is the job seeker's view; staff use \"matches\"."},
  };
}

}  // namespace bw
