// Job orders (J1-J4, P3): each command's handler next to the rules it applies, and its row in
// the command table (commands.cpp reads the rows).
#include <algorithm>

#include "business.hpp"
#include "command_rows.hpp"
#include "jobs.hpp"
#include "matches.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Jobs : Change {
  bool may_manage_job(const Job& j) const {
    return actor->id == j.owner || (actor->role == Role::Manager && actor->organisation == j.owner_organisation) ||
           actor->role == Role::Administrator;
  }

  Outcome operator()(const PostJob& c) {
    const Establishment* site = ws.find_establishment(c.establishment);
    if (!site) return refuse("not_found", "Choose the establishment where the job is.");
    if (auto r = need_business_staff()) return *r;
    const Employer& e = ws.employers.at(site->employer);
    if (auto why = service_refusal(e)) return refuse("not_allowed", *why);
    if (c.title.empty()) return refuse("missing_field", "Give the job title.");
    if (c.openings < 1) return refuse("invalid_field", "A job has at least one opening.");
    if (c.reserved_days != 0 && c.reserved_days != 3 && c.reserved_days != 5 && c.reserved_days != 7)
      return refuse("invalid_field", "A job is reserved for 3, 5 or 7 days (J3).");
    auto received = day_of(c.received_on, "The date the job order came in");
    if (auto* r = std::get_if<Outcome>(&received)) return *r;
    const auto deadline = application_deadline(c.deadline, date_of(ctx.now));
    if (auto* why = std::get_if<std::string>(&deadline)) return refuse("invalid_field", *why);
    Job j;
    j.deadline = std::get<year_month_day>(deadline);
    RecordId owner;
    if (auto why = job_owner_for(ws, *actor, c.subsidised_program, owner)) return refuse("not_allowed", *why);
    j.id = ws.new_id();
    j.employer = e.id;
    j.establishment = site->id;
    j.title = c.title;
    j.description = c.description;
    j.openings = c.openings;
    j.received_on = std::get<year_month_day>(received);
    j.posted_at = ctx.now;
    j.posted_by = actor->id;
    j.owner = owner;
    j.owner_organisation = ws.staff.at(owner).organisation;
    j.reserved_days = c.reserved_days;
    j.subsidised_program = c.subsidised_program;
    stamp(j.revision);
    const auto others = open_jobs_of(ws, e.id, ctx.now);
    const RecordId id = j.id;
    ws.add_job(std::move(j));
    const Job& job = ws.jobs.at(id);
    Outcome o = done(job.id, "Posted " + c.title + " at " + e.legal_name + ", " + site->name + "; applications close " +
                                 display_date(job.deadline));
    if (owner != actor->id) {  // J4: the program's organisation owns the job
      notify(
          o, owner,
          "A " + c.subsidised_program + " job was posted for you to own: " + c.title + " at " + e.legal_name + " (J4).",
          job.id);
      o.notice = "Owned by " + ws.staff.at(owner).name + ": " + c.subsidised_program +
                 " jobs belong to their organisation (J4).";
    }
    // J1: the account already has open jobs: their owners are told, to coordinate.
    std::vector<RecordId> told;
    for (const Job* other : others)
      if (other->owner != owner && std::find(told.begin(), told.end(), other->owner) == told.end()) {
        told.push_back(other->owner);
        notify(o, other->owner,
               actor->name + " posted " + c.title + " at " + e.legal_name + ", where you own " + other->title +
                   ": coordinate (J1).",
               job.id);
        o.notice += (o.notice.empty() ? "" : " ") + std::string("Coordinate with ") + ws.staff.at(other->owner).name +
                    ", who owns " + other->title + " at this employer (J1).";
      }
    return o;
  }

  // P4: a correction is an audited change that names what it changed.
  Outcome operator()(const EditJob& c) {
    auto it = ws.jobs.find(c.job);
    if (it == ws.jobs.end()) return refuse("not_found", "No such job.");
    Job& j = it->second;
    if (!may_manage_job(j))
      return refuse("not_allowed", "Only the job's owner (or a Manager of their organisation) edits it.");
    if (job_status(j, ctx.now) != JobStatus::Open)
      return refuse("not_allowed", "Only an open job order is edited: this one is " +
                                       std::string(job_status_label(job_status(j, ctx.now))) +
                                       " (repost it first when the business confirms it, J2).");
    if (c.title.empty()) return refuse("missing_field", "Give the job title.");
    if (c.openings < 1) return refuse("invalid_field", "A job has at least one opening.");
    if (c.reserved_days != 0 && c.reserved_days != 3 && c.reserved_days != 5 && c.reserved_days != 7)
      return refuse("invalid_field", "A job is reserved for 3, 5 or 7 days (J3).");
    year_month_day deadline = j.deadline;
    if (!c.deadline.empty() && c.deadline != format_iso_date(j.deadline)) {
      const auto typed = application_deadline(c.deadline, date_of(ctx.now));
      if (auto* why = std::get_if<std::string>(&typed)) return refuse("invalid_field", *why);
      deadline = std::get<year_month_day>(typed);
    }
    std::string changed;
    describe_change(changed, "title", j.title, c.title);
    if (j.description != c.description) changed += (changed.empty() ? "" : "; ") + std::string("description");  // too long to quote
    describe_change(changed, "openings", std::to_string(j.openings), std::to_string(c.openings));
    describe_change(changed, "deadline", format_iso_date(j.deadline), format_iso_date(deadline));
    describe_change(changed, "reserved days", std::to_string(j.reserved_days), std::to_string(c.reserved_days));
    if (changed.empty()) return refuse("not_allowed", "Nothing was changed.");
    j.title = c.title;
    j.description = c.description;
    j.openings = c.openings;
    j.deadline = deadline;
    j.reserved_days = c.reserved_days;
    stamp(j.revision);
    return done(j.id, "Corrected the job order " + j.title + ": " + changed);
  }

  Outcome operator()(const RepostJob& c) {
    auto it = ws.jobs.find(c.job);
    if (it == ws.jobs.end()) return refuse("not_found", "No such job.");
    Job& j = it->second;
    if (!may_manage_job(j))
      return refuse("not_allowed", "Only the job's owner (or a Manager of their organisation) reposts it (J2).");
    if (j.closed_at) return refuse("not_allowed", "This job is closed.");
    if (job_status(j, ctx.now) != JobStatus::Expired)
      return refuse("not_allowed", "The job is still open until " + display_date(j.deadline) + ".");
    if (auto why = service_refusal(ws.employers.at(j.employer))) return refuse("not_allowed", *why);
    const auto typed = application_deadline(c.deadline, date_of(ctx.now));
    if (auto* why = std::get_if<std::string>(&typed)) return refuse("invalid_field", *why);
    const year_month_day deadline = std::get<year_month_day>(typed);
    j.deadline = deadline;
    j.posted_at = ctx.now;  // a reservation runs again from the new posting
    j.times_posted += 1;
    stamp(j.revision);
    return done(
        j.id, "Confirmed with the business and reposted " + j.title + "; applications close " + display_date(deadline));
  }

  Outcome operator()(const CloseJob& c) {
    auto it = ws.jobs.find(c.job);
    if (it == ws.jobs.end()) return refuse("not_found", "No such job.");
    Job& j = it->second;
    if (!may_manage_job(j))
      return refuse("not_allowed", "Only the job's owner (or a Manager of their organisation) closes it (J2).");
    if (j.closed_at) return refuse("not_allowed", "This job is already closed.");
    if (c.reason.empty()) return refuse("missing_field", "Say why the job is closed, e.g. filled.");
    j.closed_at = ctx.now;
    j.close_reason = c.reason;
    stamp(j.revision);
    return done(j.id, "Closed " + j.title + ": " + c.reason);
  }

  Outcome operator()(const ReassignJob& c) {
    auto it = ws.jobs.find(c.job);
    if (it == ws.jobs.end()) return refuse("not_found", "No such job.");
    Job& j = it->second;
    const bool manager = actor->role == Role::Manager && actor->organisation == j.owner_organisation;
    if (!manager && actor->role != Role::Administrator)
      return refuse("not_allowed", "A Manager of the job owner's organisation reassigns its jobs (P3).");
    const Staff* to = ws.find_staff(c.owner);
    if (!to || !to->active) return refuse("not_allowed", "Choose an active colleague as the new owner (P3).");
    if (to->organisation != j.owner_organisation || !(is_business_role(to->role) || to->role == Role::Manager))
      return refuse("not_allowed", to->name + " is not a BSR, Hybrid or Manager of the job's organisation.");
    if (to->id == j.owner) return refuse("not_allowed", to->name + " already owns this job.");
    const std::string from = ws.staff.at(j.owner).name;
    ws.set_job_owner(j.id, to->id);
    stamp(j.revision);
    Outcome o = done(j.id, "Reassigned " + j.title + " from " + from + " to " + to->name);
    // M2: the job's open matches go with it to the new owner.
    for (auto& [id, m] : ws.matches)
      if (m.job == j.id && !is_closed(m.stage) && m.job_owner != to->id) {
        ws.set_match_approvers(m.id, to->id, m.case_manager);
        stamp(m.revision);
        o.touched.push_back(m.id);
      }
    notify(o, to->id,
           "You now own the job " + j.title + " at " + ws.employers.at(j.employer).legal_name + " (was " + from + ").",
           j.id);
    return o;
  }

  Outcome operator()(const SetSubsidisedProgram& c) {
    if (auto r = need_people_manager()) return *r;
    if (c.name.empty()) return refuse("missing_field", "Name the program, e.g. On-the-Job Training.");
    const Organisation* org = ws.find_organisation(c.priority_organisation);
    if (!org) return refuse("not_found", "Choose the organisation that owns the program's jobs (J4).");
    auto& programs = ws.meta.subsidised_programs;
    auto p = std::find_if(programs.begin(), programs.end(), [&](auto& s) { return s.name == c.name; });
    if (p == programs.end())
      programs.push_back({c.name, c.priority_organisation});
    else
      p->priority_organisation = c.priority_organisation;
    return done(RecordId{}, c.name + " jobs are owned by " + org->name + " (J4)");
  }

  Outcome operator()(const RemoveSubsidisedProgram& c) {
    if (auto r = need_people_manager()) return *r;
    auto& programs = ws.meta.subsidised_programs;
    auto p = std::find_if(programs.begin(), programs.end(), [&](auto& s) { return s.name == c.name; });
    if (p == programs.end()) return refuse("not_found", "There is no subsidised program \"" + c.name + "\".");
    programs.erase(p);
    return done(RecordId{}, "Removed the subsidised program " + c.name);
  }
};

}  // namespace

std::vector<CommandRow> jobs_commands() {
  using T = FieldType;
  return {
      row<PostJob, Jobs>(
          {"post_job",
           "J1, J4",
           "Post a job order (J1-J4). Business staff; the poster owns it unless a subsidised "
           "program's organisation takes priority.",
           {{"establishment", T::Id, true, "where the job is"},
            {"title", T::Text, true, "job title"},
            {"description", T::Text, false, "duties, hours, pay"},
            {"openings", T::Int, false, "number of openings; 1 when left out"},
            {"received_on", T::Date, false, "when the business gave the job order; today when left out"},
            {"deadline", T::Date, false, "application deadline; 14 days after posting when left out"},
            {"reserved_days", T::Int, false, "3, 5 or 7: only your organisation and its job seekers see it"},
            {"subsidised_program", T::Text, false, "e.g. \"On-the-Job Training\": only WIOA clients see it"}}},
          [](const json& j) {
            return PostJob{text(j, "establishment"),      text(j, "title"),
                           text(j, "description"),        number(j, "openings", 1),
                           text(j, "received_on"),        text(j, "deadline"),
                           number(j, "reserved_days", 0), text(j, "subsidised_program")};
          }),
      row<EditJob, Jobs>(
          {"edit_job",
           "P4, J2, J3",
           "Correct an open job order: title, description, openings, deadline, reservation (P4: audited with "
           "what changed). Its owner or a Manager of their organisation. The deadline may not have passed (J2); "
           "a reservation is 3, 5 or 7 days from posting (J3).",
           {{"job", T::Id, true, "the job"},
            {"title", T::Text, true, "job title"},
            {"description", T::Text, false, "duties, hours, pay; empty clears it"},
            {"openings", T::Int, false, "number of openings; 1 when left out"},
            {"deadline", T::Date, false, "application deadline; unchanged when left out"},
            {"reserved_days", T::Int, false, "0, 3, 5 or 7; 0 when left out"}}},
          [](const json& j) {
            return EditJob{text(j, "job"),         text(j, "title"),          text(j, "description"),
                           number(j, "openings", 1), text(j, "deadline"), number(j, "reserved_days", 0)};
          }),
      row<RepostJob, Jobs>({"repost_job",
                            "J2",
                            "Repost a job after confirming with the business it is still open (J2). Its owner.",
                            {{"job", T::Id, true, "the job"},
                             {"deadline", T::Date, false, "new deadline; 14 days from today when left out"}}},
                           [](const json& j) {
                             return RepostJob{text(j, "job"), text(j, "deadline")};
                           }),
      row<CloseJob, Jobs>({"close_job",
                           "J2",
                           "Close a job that is no longer open (J2). Its owner or a Manager.",
                           {{"job", T::Id, true, "the job"}, {"reason", T::Text, true, "e.g. \"filled\""}}},
                          [](const json& j) {
                            return CloseJob{text(j, "job"), text(j, "reason")};
                          }),
      row<ReassignJob, Jobs>({"reassign_job",
                              "P3",
                              "Give a job another owner, e.g. when its owner left (P3). A Manager of the owner's "
                              "organisation, or an Administrator.",
                              {{"job", T::Id, true, "the job"},
                               {"owner", T::Id, true, "an active BSR, Hybrid or Manager of the same organisation"}}},
                             [](const json& j) {
                               return ReassignJob{text(j, "job"), text(j, "owner")};
                             }),
      row<SetSubsidisedProgram, Jobs>({"set_subsidised_program",
                                       "J4",
                                       "Add or change a subsidised program and the organisation that owns its jobs "
                                       "(J4). Administrators.",
                                       {{"name", T::Text, true, "e.g. \"On-the-Job Training\""},
                                        {"priority_organisation", T::Id, true, "the organisation that owns its jobs"}}},
                                      [](const json& j) {
                                        return SetSubsidisedProgram{text(j, "name"), text(j, "priority_organisation")};
                                      }),
      row<RemoveSubsidisedProgram, Jobs>({"remove_subsidised_program",
                                          "J4",
                                          "Remove a subsidised program (J4). Administrators.",
                                          {{"name", T::Text, true, "the program"}}},
                                         [](const json& j) { return RemoveSubsidisedProgram{text(j, "name")}; }),
  };
}

}  // namespace bw
