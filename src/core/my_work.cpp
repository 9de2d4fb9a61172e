#include "my_work.hpp"

#include <algorithm>

#include "access.hpp"
#include "business.hpp"
#include "conversation.hpp"
#include "jobs.hpp"
#include "matches.hpp"
#include "plan.hpp"

namespace bw {

MyWork my_work(const Workspace& ws, const Staff& me, LocalSeconds now, const MyWork* earlier) {
  MyWork w;
  const auto today = date_of(now);
  if (earlier) {
    w.caseload = earlier->caseload, w.month = earlier->month, w.stale = earlier->stale;
  } else {
    const std::vector<const Client*> held = records_in(ws.clients, ws.clients_by_primary_contact, me.id);
    for (const Client* c : held)
      if (is_active(*c)) w.caseload.push_back(c);
    w.month = caseload_month(ws, held, today.year() / today.month(), today);
    w.stale = stale_activities(ws, w.caseload, today);
    std::sort(w.caseload.begin(), w.caseload.end(), [](const Client* a, const Client* b) {
      return std::tie(a->last_name, a->first_name) < std::tie(b->last_name, b->first_name);
    });
  }
  w.carries_caseload = me.role == Role::EmploymentReadinessSpecialist || me.role == Role::AcademicCareerAdvisor ||
                       !w.caseload.empty();
  for (const Issue* i : issues_to_act_on(ws, me, now)) w.issues.emplace_back(i, escalation_of(ws, *i, now));
  w.ese = ese_reminders(ws, me, today);
  if (can_see_comments(me))
    for (const Comment* c : records_in(ws.comments, ws.comments_by_tag, me.id)) w.mentions += c->at > now - 7 * 86400;
  w.matches = matches_to_act_on(ws, me);
  w.hires = hires_to_complete(ws, me);
  for (const Job* j : records_in(ws.jobs, ws.jobs_by_owner, me.id)) {
    if (job_status(*j, now) == JobStatus::Expired) w.expired.push_back(j);
    if (expiring_soon(*j, now)) w.expiring.push_back(j);
  }
  w.accounts_to_enter = accounts_to_enter(ws, me.id);
  if (is_business_role(me.role)) {
    MyWork::Services s{program_quarter_of(today)};
    if (auto q = ws.services_by_staff_quarter.find({me.id, s.quarter.program_year, s.quarter.quarter});
        q != ws.services_by_staff_quarter.end())
      for (const RecordId& id : q->second)
        if (const Service& sv = ws.services.at(id); !is_voided(sv)) {
          ++s.count;
          s.on_time += entered_on_time(ws, sv);
        }
    w.services = s;
  }
  if (can_serve_employers(me) && me.role != Role::Administrator) w.triage = triage_queue(ws);
  for (const Client* c : reassignment_queue(ws, me)) {
    const auto issues = issues_about(ws, c->id);
    w.reassign.push_back({c, int(std::count_if(issues.begin(), issues.end(), [](const Issue* i) { return is_open(*i); }))});
  }
  w.jobs_to_reassign = jobs_to_reassign(ws, me, now);
  return w;
}

}  // namespace bw
