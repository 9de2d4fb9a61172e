// setup: new workspaces (W3 demo, W5 ids) are made through the same rules.
#include <set>

#include "access.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "contacts.hpp"
#include "escalation.hpp"
#include "helpers.hpp"
#include "pin.hpp"
#include "matches.hpp"
#include "plan.hpp"

using namespace bw;
using namespace bw::test;

TEST_CASE("an empty workspace: its board and first administrator") {
  auto r = create_workspace("  River Board ", "Ada", "ada@x.example", "w1", at("2026-01-05T08:00"));
  auto& made = std::get<NewWorkspace>(r);
  CHECK(made.workspace.meta.name == "River Board");
  CHECK_FALSE(made.workspace.meta.demo);
  const Staff* admin = made.workspace.find_staff(made.administrator);
  REQUIRE(admin);
  CHECK(admin->role == Role::Administrator);
  CHECK(made.workspace.find_organisation(admin->organisation)->kind == OrganisationKind::Board);
  CHECK(made.workspace.audit.size() == 2);
  CHECK(std::get<Error>(create_workspace(" ", "Ada", "", "w", 0)).message == "Enter the board's name.");
  CHECK(std::get<Error>(create_workspace("B", "", "", "w", 0)).message == "Enter the first administrator's name.");
}

TEST_CASE("W3: the demo workspace is a realistic workforce area") {
  const LocalSeconds now = at("2026-11-22T09:00");
  NewWorkspace demo = create_demo_workspace("d0", now);
  const Workspace& ws = demo.workspace;
  CHECK(ws.meta.demo);
  CHECK(ws.organisations.size() == 4);
  std::set<OrganisationKind> kinds;
  for (auto& [id, o] : ws.organisations) kinds.insert(o.kind);
  CHECK(kinds.count(OrganisationKind::Board) == 1);
  CHECK(kinds.count(OrganisationKind::TrainingProvider) == 1);
  CHECK(ws.staff.size() == 15);
  std::set<Role> roles;
  for (auto& [id, s] : ws.staff) roles.insert(s.role);
  for (Role r : {Role::Administrator, Role::BoardProgramManager, Role::BoardAssistantDirector, Role::Manager,
                 Role::EmploymentReadinessSpecialist, Role::AcademicCareerAdvisor, Role::CaseManager,
                 Role::BusinessServicesRepresentative, Role::TrainingProviderStaff})
    CHECK_MESSAGE(roles.count(r), role_label(r));
  CHECK(std::count_if(ws.staff.begin(), ws.staff.end(), [](auto& kv) { return !kv.second.active; }) == 1);
  CHECK(ws.clients.size() == 36);
  int youth = 0, dual = 0, exited = 0, to_reassign = 0;
  for (auto& [id, c] : ws.clients) {
    const Staff& pc = ws.staff.at(c.primary_contact);
    to_reassign += !pc.active && is_active(c);
    exited += !is_active(c);
    CHECK(pc.role == primary_contact_role(is_youth(c)));  // C2 held for every client
    CHECK(c.enrolled_on < date_of(now));
    youth += is_youth(c);
    dual += is_dual_enrolled(c);
  }
  CHECK(youth == 12);
  CHECK(dual > 0);
  CHECK(exited == 3);
  CHECK(to_reassign > 0);  // P3: the departed ERS's clients
  Staff manager;
  for (auto& [id, s] : ws.staff)
    if (s.role == Role::Manager && ws.organisations.at(s.organisation).kind == OrganisationKind::OneStopProvider) manager = s;
  CHECK(reassignment_queue(ws, manager).size() == size_t(to_reassign));
  // E3: open issues at every level, one closed.
  std::set<int> levels;
  int open = 0;
  for (auto& [id, i] : ws.issues) {
    if (!is_open(i)) continue;
    ++open;
    levels.insert(escalation_of(ws, i, now).level);
  }
  CHECK(open == 5);  // four client issues, one employer issue
  CHECK(levels == std::set<int>{1, 2, 3});
  CHECK(ws.issues.size() == 6);
  // N2: months of contacts, some missed, some still due this month.
  CHECK(ws.contacts.size() > 100);
  const CaseloadMonth all = caseload_month(ws, "", date_of(now).year() / date_of(now).month(), date_of(now));
  CHECK(all.contacted > 0);
  CHECK(all.due + all.overdue > 0);
  int missed = 0;
  for (auto& [id, c] : ws.clients)
    for (auto m = c.enrolled_on.year() / c.enrolled_on.month(); m < date_of(now).year() / date_of(now).month(); m = add_months(m, 1))
      missed += contact_standing(ws, c, m, date_of(now)) == ContactStanding::Missed;
  CHECK(missed > 0);
  // S1: every active client has a plan; some stale, some finished, most agreed.
  std::map<PlanAgreement, int> agreements;
  for (auto& [id, c] : ws.clients)
    if (is_active(c)) {
      CHECK_FALSE(activities_of(ws, id).empty());
      agreements[plan_agreement(ws, c)] += 1;
    }
  CHECK(agreements[PlanAgreement::Agreed] > agreements[PlanAgreement::NotAgreed]);
  CHECK(agreements[PlanAgreement::NotAgreed] > 0);
  CHECK(agreements[PlanAgreement::ChangedSinceAgreed] == 0);
  CHECK_FALSE(stale_activities(ws, "", date_of(now)).empty());
  CHECK(std::any_of(ws.activities.begin(), ws.activities.end(), [](auto& kv) { return kv.second.end.has_value(); }));
  // C5: the training provider has students, and raised one of the issues about one.
  Staff grace;
  for (auto& [id, s] : ws.staff)
    if (s.role == Role::TrainingProviderStaff) grace = s;
  CHECK(students_of(ws, grace).size() >= 3);
  CHECK(std::any_of(ws.issues.begin(), ws.issues.end(), [&](auto& kv) { return kv.second.source == IssueSource::TrainingProvider; }));
  // N5: an agreement letter on file; N3: contacts reviewed the activities.
  CHECK(std::any_of(ws.case_notes.begin(), ws.case_notes.end(), [](auto& kv) { return !kv.second.letter_to.empty(); }));
  // B1-B5, J1-J4, R1: employers across sectors, active and not, jobs in every state, a year of services.
  std::set<std::string> sectors;
  int active = 0;
  for (auto& [id, e] : ws.employers) {
    for (auto& s : employer_sectors(ws, id)) sectors.insert(s);
    active += account_standing(ws, e, date_of(now)).active;
  }
  CHECK(sectors.size() >= 5);
  CHECK(active >= 3);
  CHECK(active < int(ws.employers.size()));
  CHECK(triage_queue(ws).size() >= 1);
  std::set<JobStatus> statuses;
  int reserved = 0, subsidised = 0, expiring = 0;
  for (auto& [id, j] : ws.jobs) {
    statuses.insert(job_status(j, now));
    reserved += reserved_now(j, now);
    subsidised += !j.subsidised_program.empty();
    expiring += expiring_soon(j, now);
  }
  CHECK(statuses.count(JobStatus::Open));
  CHECK(statuses.count(JobStatus::Expired));
  CHECK(reserved >= 1);
  CHECK(subsidised >= 1);
  CHECK(expiring >= 1);
  std::set<ServiceCategory> categories;
  for (auto& [id, sv] : ws.services) categories.insert(sv.category);
  CHECK(ws.services.size() >= 40);
  CHECK(categories.size() >= 6);
  CHECK(std::any_of(ws.services.begin(), ws.services.end(), [&](auto& kv) { return !entered_on_time(ws, kv.second); }));
  // M1-M5: matches in every stage, hires complete and not.
  std::set<MatchStage> stages;
  for (auto& [id, m] : ws.matches) stages.insert(m.stage);
  CHECK(stages.size() == kMatchStages.size());
  CHECK(std::any_of(ws.matches.begin(), ws.matches.end(), [&](auto& kv) { return owner_action_overdue(ws, kv.second, now); }));
  CHECK(std::any_of(ws.hires.begin(), ws.hires.end(), [](auto& kv) { return hire_complete(kv.second); }));
  CHECK(std::any_of(ws.hires.begin(), ws.hires.end(), [](auto& kv) { return !hire_complete(kv.second); }));
  // M6, K1: the job seeker the README and the sign-in page name, with an interest; a conversation.
  std::vector<const Client*> seekers;
  for (auto& [id, c] : ws.clients)
    if (has_portal_access(c)) seekers.push_back(&c);
  REQUIRE(seekers.size() == 1);
  CHECK(seekers[0]->email == "elena.coleman@mail.example");
  CHECK(pin_matches(seekers[0]->portal_pin_hash, seekers[0]->id, kDemoJobSeekerPin));
  CHECK(std::any_of(ws.matches.begin(), ws.matches.end(), [&](auto& kv) {
    return kv.second.client == seekers[0]->id && kv.second.origin == MatchOrigin::SelfSelect;
  }));
  CHECK(std::count_if(ws.comments.begin(), ws.comments.end(), [](auto& kv) { return !kv.second.tags.empty(); }) >= 3);
  CHECK(std::any_of(ws.comments.begin(), ws.comments.end(), [](auto& kv) { return !kv.second.links.empty(); }));
  CHECK(std::all_of(ws.contacts.begin(), ws.contacts.end(), [&](auto& kv) {
    return !kv.second.reviewed.empty() || !is_active(ws.clients.at(kv.second.client));
  }));
}
