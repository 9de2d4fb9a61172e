// Job orders and the job board (J1-J4, M6): the read models JavaScript asks for by name, with who may ask
// (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "jobs.hpp"
#include "matches.hpp"
#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

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

namespace {

// M6: what a job seeker reads about a job on their board: no staff, no owner.
json board_job_json(const Workspace& ws, const Job& job, const Client& seeker) {
  const Employer* e = ws.find_employer(job.employer);
  const Establishment* site = ws.find_establishment(job.establishment);
  const bool interested = open_match(ws, seeker.id, job.id) != nullptr;
  return Fields()("job", job.id)("title", job.title)("description", job.description)
      ("employer", e ? e->legal_name : "")("address", site ? site->address : "")("openings", job.openings)
      ("closes", format_iso_date(job.deadline))("subsidised_program", job.subsidised_program)
      ("interested", interested);
}

json jobs_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  const auto view = jobs_view_from(arg(args, "view").empty() ? "open" : arg(args, "view"));
  if (!view) return failure("invalid_field", "view is open, expiring, expired, reserved, closed or all.");
  Rows out(a);
  for (const Job* j : jobs_in_view(ws, *viewer, {*view, arg(args, "employer"), arg(args, "owner")}, now))
    out.push_back(job_json(ws, *j, now));
  return out.done();
}

json job_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  const Job* j = ws.find_job(arg(args, "id"));
  if (!j || !visible_to_staff(*j, *viewer, now)) return failure("not_found", "No such job.");
  return success(job_json(ws, *j, now));
}

json job_board_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const LocalSeconds now = a.now;
  const Client* c = ws.find_client(arg(args, "client"));
  if (!c) return failure("not_found", "No such client.");
  json out = json::array();
  for (const Job* j : job_board(ws, *c, now, arg(args, "search"))) out.push_back(board_job_json(ws, *j, *c));
  return success(out);
}

json jobs_to_reassign_answer(const Asker& a, const json&) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  json out = json::array();
  for (const Job* j : jobs_to_reassign(ws, *viewer, now)) out.push_back(job_json(ws, *j, now));
  return success(out);
}

}  // namespace

std::vector<QueryRow> jobs_queries() {
  using A = Audience;
  return {
      {"jobs",
       Fields()("view", "optional: open, expiring, expired, reserved, closed or all (open)")
           ("employer", "optional employer id")("owner", "optional staff id"),
       "Jobs the signed-in person may see (J3), with status (J2).",
       A::CaseStaff,
       jobs_answer},
      {"job", Fields()("id", "job id"), "One job.", A::CaseStaff, job_answer},
      {"job_board",
       Fields()("client", "client id (staff; a job seeker sees their own)")("search", "optional text"),
       "The jobs on the board for that job seeker (J2, J3, M6), newest posting first.",
       A::CaseStaff,
       job_board_answer,
       [](const Asker& a, const json& args) {
         json out = json::array();
         for (const Job* j : job_board(a.ws, *a.seeker, a.now, arg(args, "search")))
           out.push_back(board_job_json(a.ws, *j, *a.seeker));
         return success(out);
       }},
      {"jobs_to_reassign", json::object(),
       "Open or expired jobs whose owner is deactivated (P3), for a Manager of their organisation or an Administrator.",
       A::CaseStaff, jobs_to_reassign_answer},
  };
}

}  // namespace bw
