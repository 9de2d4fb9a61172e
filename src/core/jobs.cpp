#include "jobs.hpp"

#include <algorithm>

namespace bw {

using namespace std::chrono;

const char* job_status_label(JobStatus s) {
  switch (s) {
    case JobStatus::Open: return "Open";
    case JobStatus::Expired: return "Expired: confirm and repost, or close";
    case JobStatus::Closed: return "Closed";
  }
  return "?";
}

JobStatus job_status(const Job& j, LocalSeconds now) {
  if (j.closed_at) return JobStatus::Closed;
  return date_of(now) > j.deadline ? JobStatus::Expired : JobStatus::Open;
}

std::variant<year_month_day, std::string> application_deadline(const std::string& typed, year_month_day today) {
  if (typed.empty()) return year_month_day{sys_days{today} + days{14}};
  auto d = parse_iso_date(typed);
  if (!d) return "The application deadline must be a real date from 1900 to 2100, YYYY-MM-DD (W4).";
  if (*d < today) return "The application deadline has already passed.";
  return *d;
}

bool posted_on_time(const Workspace& ws, const Job& j) {
  return j.posted_at <= ws.calendar.within_one_business_day(start_of(j.received_on));
}

std::optional<LocalSeconds> reserved_until(const Job& j) {
  if (j.reserved_days <= 0) return std::nullopt;
  return j.posted_at + LocalSeconds{j.reserved_days} * 86400;
}

bool reserved_now(const Job& j, LocalSeconds now) {
  const auto until = reserved_until(j);
  return until && now < *until;
}

bool expiring_soon(const Job& j, LocalSeconds now) {
  if (job_status(j, now) != JobStatus::Open) return false;
  return (sys_days{j.deadline} - sys_days{date_of(now)}).count() <= 2;
}

bool visible_to_staff(const Job& j, const Staff& viewer, LocalSeconds now) {
  if (viewer.role == Role::TrainingProviderStaff || !viewer.active) return false;
  return !reserved_now(j, now) || viewer.organisation == j.owner_organisation;
}

bool is_wioa(const Client& c) {
  return std::any_of(c.programs.begin(), c.programs.end(), [](Program p) { return p != Program::DirectServices; });
}

bool on_board_for(const Job& j, const Client& c, LocalSeconds now) {
  if (!is_active(c) || job_status(j, now) != JobStatus::Open) return false;
  if (!j.subsidised_program.empty() && !is_wioa(c)) return false;
  return !reserved_now(j, now) || c.provider == j.owner_organisation;
}

std::vector<const Job*> job_board(const Workspace& ws, const Client& c, LocalSeconds now, std::string_view search) {
  const std::string needle = folded(search);
  std::vector<const Job*> out;
  for (auto& [id, j] : ws.jobs) {
    if (!on_board_for(j, c, now)) continue;
    if (!needle.empty()) {
      const Employer* e = ws.find_employer(j.employer);
      const Establishment* site = ws.find_establishment(j.establishment);
      const std::string hay = folded(j.title + " " + j.description + " " + (e ? e->legal_name : "") + " " +
                                    (site ? site->address : ""));
      if (hay.find(needle) == std::string::npos) continue;
    }
    out.push_back(&j);
  }
  sort_list(out, [](auto* a, auto* b) { return a->posted_at > b->posted_at; });
  return out;
}

std::vector<const Job*> open_jobs_of(const Workspace& ws, const RecordId& employer, LocalSeconds now) {
  auto out = records_in(ws.jobs, ws.jobs_by_employer, employer);
  std::erase_if(out, [&](const Job* j) { return job_status(*j, now) != JobStatus::Open; });
  return out;
}

std::optional<std::string> job_owner_for(const Workspace& ws, const Staff& poster, const std::string& program,
                                         RecordId& owner) {
  owner = poster.id;
  if (program.empty()) return std::nullopt;
  auto p = std::find_if(ws.meta.subsidised_programs.begin(), ws.meta.subsidised_programs.end(),
                        [&](const SubsidisedProgram& s) { return s.name == program; });
  if (p == ws.meta.subsidised_programs.end()) return "\"" + program + "\" is not a subsidised program in Settings (J4).";
  if (p->priority_organisation.empty() || p->priority_organisation == poster.organisation) return std::nullopt;
  const Staff* chosen = nullptr;
  for (Role wanted : {Role::BusinessServicesRepresentative, Role::Hybrid, Role::Manager}) {
    for (auto& [id, s] : ws.staff)
      if (s.active && s.role == wanted && s.organisation == p->priority_organisation && (!chosen || s.name < chosen->name))
        chosen = &s;
    if (chosen) break;
  }
  const Organisation* org = ws.find_organisation(p->priority_organisation);
  if (!chosen)
    return (org ? org->name : std::string("The priority organisation")) + " owns " + program +
           " jobs (J4) but has no active BSR or Manager to own this one.";
  owner = chosen->id;
  return std::nullopt;
}

std::optional<JobsView> jobs_view_from(std::string_view name) {
  constexpr std::pair<std::string_view, JobsView> names[] = {{"open", JobsView::Open},     {"expiring", JobsView::Expiring},
                                                             {"expired", JobsView::Expired}, {"reserved", JobsView::Reserved},
                                                             {"closed", JobsView::Closed}, {"all", JobsView::All}};
  for (const auto& [n, v] : names)
    if (n == name) return v;
  return std::nullopt;
}

std::vector<const Job*> jobs_in_view(const Workspace& ws, const Staff& viewer, const JobFilter& filter, LocalSeconds now) {
  auto in_view = [&](const Job& j) {
    const JobStatus st = job_status(j, now);
    switch (filter.view) {
      case JobsView::Open: return st == JobStatus::Open;
      case JobsView::Expiring: return expiring_soon(j, now);
      case JobsView::Expired: return st == JobStatus::Expired;
      case JobsView::Reserved: return st == JobStatus::Open && (reserved_now(j, now) || !j.subsidised_program.empty());
      case JobsView::Closed: return st == JobStatus::Closed;
      case JobsView::All: return true;
    }
    return false;
  };
  std::vector<const Job*> out;
  auto consider = [&](const Job& j) {
    if (visible_to_staff(j, viewer, now) && (filter.owner.empty() || j.owner == filter.owner) && in_view(j))
      out.push_back(&j);  // J3
  };
  if (!filter.employer.empty())
    for (const Job* j : records_in(ws.jobs, ws.jobs_by_employer, filter.employer)) consider(*j);
  else
    for (auto& [id, j] : ws.jobs) consider(j);
  return out;
}

std::vector<const Job*> jobs_to_reassign(const Workspace& ws, const Staff& viewer, LocalSeconds now) {
  std::vector<const Job*> out;
  const bool admin = viewer.active && viewer.role == Role::Administrator;
  const bool manager = viewer.active && viewer.role == Role::Manager;
  if (!admin && !manager) return out;
  // Through each owner's list: a board has far fewer staff than jobs.
  for (auto& [owner, ids] : ws.jobs_by_owner) {
    if (const Staff* s = ws.find_staff(owner); s && s->active) continue;
    for (const RecordId& id : ids)
      if (const Job& j = ws.jobs.at(id);
          job_status(j, now) != JobStatus::Closed && !(manager && j.owner_organisation != viewer.organisation))
        out.push_back(&j);
  }
  sort_list(out, [](const Job* a, const Job* b) { return a->id < b->id; });
  return out;
}

}  // namespace bw
