#include "setup.hpp"

#include <cassert>
#include <cstdio>
#include <cstdlib>

#include "access.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "escalation.hpp"
#include "matches.hpp"
#include "plan.hpp"
#include "report.hpp"

namespace bw {

std::variant<NewWorkspace, Error> create_workspace(const std::string& board_name,
                                                   const std::string& administrator_name,
                                                   const std::string& administrator_email,
                                                   const std::string& id_origin, LocalSeconds now) {
  auto trim = [](const std::string& s) {
    const auto a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  };
  const std::string board = trim(board_name), admin = trim(administrator_name);
  if (board.empty()) return Error{"missing_field", "Enter the board's name."};
  if (admin.empty()) return Error{"missing_field", "Enter the first administrator's name."};
  assert(!id_origin.empty() && "a workspace needs an id origin (W5)");

  NewWorkspace out;
  Workspace& ws = out.workspace;
  ws.meta.name = board;
  ws.meta.id_origin = id_origin;
  ws.meta.created_at = now;
  ws.meta.focus_sectors = default_focus_sectors();                // B4
  ws.meta.local_service_types = default_local_service_types();    // R1
  // Bootstrap: the administrator exists before anyone can act, so these two
  // records are written here; both get audit entries by the administrator.
  Organisation org{ws.new_id(), board, OrganisationKind::Board, {}};
  Staff s;
  s.id = ws.new_id();
  s.name = admin;
  s.email = trim(administrator_email);
  s.organisation = org.id;
  s.role = Role::Administrator;
  org.revision = s.revision = Revision{1, s.id, now};
  auto audit = [&](const RecordId& record, const char* command, std::string summary) {
    AuditEntry e{ws.new_id(), now, s.id, command, record, std::move(summary)};
    ws.index_audit(e);
    ws.audit.emplace(e.id, std::move(e));
  };
  audit(org.id, "add_organisation", "Created the workspace for " + board);
  audit(s.id, "add_staff", "Licensed " + admin + " as Administrator");
  out.administrator = s.id;
  // J4: the board owns its subsidised programs' jobs until Settings says otherwise.
  ws.meta.subsidised_programs = {{"On-the-Job Training", org.id}, {"TechHire", org.id}};
  ws.organisations.emplace(org.id, std::move(org));
  ws.staff.emplace(s.id, std::move(s));
  return out;
}

namespace {

// Applies a command the demo relies on; a refusal is a bug in the demo, and
// stops it loudly in every build rather than leaving the demo short.
RecordId must(Workspace& ws, const Command& c, const Context& ctx) {
  Outcome o = apply(ws, c, ctx);
  if (!o.ok) {
    std::fprintf(stderr, "demo workspace: %s refused: %s\n", std::string(command_type(c)).c_str(), o.error.message.c_str());
    std::abort();
  }
  return o.id;
}

RecordId staff_named(const Workspace& ws, const char* name) {
  for (auto& [id, s] : ws.staff)
    if (s.name == name) return id;
  std::fprintf(stderr, "demo workspace: no staff member %s\n", name);
  std::abort();
}

// Employers across sectors, their communications (cold and reciprocated),
// jobs open, reserved, subsidised, expiring and expired, a year of services,
// and an employer issue (B1-B5, J1-J4, R1).
void add_demo_employers(Workspace& ws, const Context& admin, const RecordId& career_center, LocalSeconds now) {
  using namespace std::chrono;
  const RecordId lena = staff_named(ws, "Lena Fischer"), nadia = staff_named(ws, "Nadia Petrova");
  must(ws, SetSubsidisedProgram{"On-the-Job Training", career_center}, admin);
  const year_month_day today = date_of(now);
  auto day = [&](int days_ago) { return format_iso_date(sys_days{today} - days{days_ago}); };
  auto at = [&](int days_ago, int hour) { return start_of(sys_days{today} - days{days_ago}) + hour * 3600; };
  struct DemoEmployer {
    const char* name; const char* fein; EmployerKind kind; const char* site; const char* address; const char* naics;
    const char* owner; int last_reply_days_ago;  // -1: cold outreach only
  };
  const DemoEmployer employers[] = {
      {"Valley Health Partners", "94-3318201", EmployerKind::DirectEmployer, "Clovis clinic", "850 Herndon Ave, Clovis, CA 93612", "621111", "Nadia Petrova", 4},
      {"Sierra Precision Machining", "77-4410392", EmployerKind::DirectEmployer, "Fresno plant", "4120 E Jensen Ave, Fresno, CA 93725", "332710", "Lena Fischer", 12},
      {"BuildRight Construction", "68-2290117", EmployerKind::DirectEmployer, "Main yard", "2210 S Chestnut Ave, Fresno, CA 93725", "236220", "Lena Fischer", -1},
      {"Cedar Valley Grocers", "33-9081726", EmployerKind::DirectEmployer, "Shaw Avenue store", "3050 W Shaw Ave, Fresno, CA 93711", "445110", "Lena Fischer", 20},
      {"CodeHarbor Software", "46-7719304", EmployerKind::DirectEmployer, "Downtown office", "1300 Van Ness Ave, Fresno, CA 93721", "541511", "Nadia Petrova", 2},
      {"QuickStaff Recruiting", "27-5501283", EmployerKind::RecruitmentAgency, "Fresno branch", "700 W Shaw Ave, Fresno, CA 93704", "561311", "Lena Fischer", 6},
      {"Harvest Ag Packing", "81-6620945", EmployerKind::DirectEmployer, "Packing house", "15 Ave 416, Reedley, CA 93654", "115114", "Lena Fischer", 240},
  };
  std::vector<RecordId> ids, sites;
  for (const DemoEmployer& d : employers) {
    const RecordId owner = staff_named(ws, d.owner);
    // Entered when the relationship began (or at the first outreach), as B3 asks.
    const int entered = d.last_reply_days_ago < 0 ? 30 : d.last_reply_days_ago + 40;
    const RecordId id = must(ws, AddEmployer{d.name, d.fein, "", d.kind, d.site, d.address, d.naics}, Context{owner, at(entered, 9)});
    ids.push_back(id);
    sites.push_back(ws.establishments_by_employer.at(id).front());
    const Context by{owner, at(entered, 11)};
    must(ws, LogCommunication{id, day(entered), Channel::Telephone, false, false, "Introduced the center's hiring services"}, by);
    if (d.last_reply_days_ago < 0) {
      must(ws, LogCommunication{id, day(12), Channel::Email, false, false, "Sent the hiring-event flyer"}, Context{owner, at(12, 10)});
      continue;
    }
    must(ws, LogCommunication{id, day(entered - 3), Channel::InPerson, false, true, "Met the HR manager; talked about hard-to-fill roles"},
         Context{owner, at(entered - 3, 15)});
    must(ws, LogCommunication{id, day(d.last_reply_days_ago), d.last_reply_days_ago % 2 ? Channel::Email : Channel::Visit,
                              d.last_reply_days_ago % 2 == 0, d.last_reply_days_ago % 2 == 1, "Followed up on open positions"},
         Context{owner, at(d.last_reply_days_ago, 14)});
  }
  must(ws, AddEstablishment{ids[0], "Community hospital", "2823 Fresno St, Fresno, CA 93721", "622110"}, Context{nadia, at(30, 9)});
  // B4: most were triaged; the newest waits in the queue.
  for (size_t i = 0; i + 1 < ids.size(); ++i)
    if (i != 4) must(ws, TriageEmployer{ids[i], suggested_route(ws, ids[i]), ""}, Context{lena, at(25, 9)});
  // J1-J3: jobs in every state relative to now.
  struct DemoJob { size_t employer; const char* title; int posted_days_ago; int reserved; const char* program; int openings; };
  const DemoJob jobs[] = {
      {0, "Certified Nursing Assistant", 3, 0, "", 4},
      {0, "Medical Receptionist", 1, 5, "", 1},
      {1, "CNC Machinist", 13, 0, "", 2},
      {1, "Machinist Apprentice (OJT)", 6, 0, "On-the-Job Training", 2},
      {3, "Grocery Clerk", 16, 0, "", 3},
      {4, "Junior Web Developer", 8, 0, "", 1},
  };
  for (const DemoJob& j : jobs) {
    const RecordId owner = ws.employers.at(ids[j.employer]).owners.front().staff;
    must(ws, PostJob{sites[j.employer], j.title, "Full time, day shift. Apply through the center.", j.openings,
                     day(j.posted_days_ago + 1), "", j.reserved, j.program},
         Context{owner, at(j.posted_days_ago, 10)});
  }
  // R1: a year of services across establishments and categories, most entered the next day.
  const char* types[] = {"Labor market information", "Job posting and candidate referrals", "Hiring event",
                         "Business consultation", "On-the-job training contract", "Sector partnership planning",
                         "Second-chance hiring consultation", "Incumbent worker training"};
  const char* gains[] = {"Wage and supply data for the roles they struggle to fill",
                         "Eight screened candidates referred; two interviews set",
                         "Met 40 job seekers at the on-site hiring event; hired 3",
                         "A recruiting plan for their second shift",
                         "An OJT contract covering half the wages of a new machinist for 8 weeks",
                         "Joined the healthcare sector partnership's planning table",
                         "Learned about the fidelity bond and tax credit for second-chance hires",
                         "Forklift recertification for 6 current workers"};
  std::vector<RecordId> all_sites;
  for (auto& [id, site] : ws.establishments) all_sites.push_back(id);
  for (int n = 0; n < 60; ++n) {
    const int days_ago = 3 + n * 6;
    const RecordId site = all_sites[(n * 5) % all_sites.size()];
    const Employer& e = ws.employers.at(ws.establishments.at(site).employer);
    if (e.kind != EmployerKind::DirectEmployer) continue;
    const RecordId by = e.owners.front().staff;
    const int late = n % 9 == 4 ? 4 : 1;  // a few entered late
    must(ws, LogService{site, day(days_ago), types[n % 8], by, n % 3 ? Program::WioaAdult : Program::WioaDislocatedWorker, gains[n % 8]},
         Context{by, at(days_ago - late, 11)});
  }
  // E1: an employer issue, owned by the account's BSR.
  must(ws, RaiseIssue{{}, "Two placed workers say their first paychecks were short", IssueSource::Client, ids[1]},
       Context{lena, now - 5 * 3600});
}

// Matches in every stage, hires complete and not yet (M1-M5), each referred
// after its job was posted.
void add_demo_matches(Workspace& ws, const RecordId& former, LocalSeconds now) {
  std::vector<const Client*> seekers;
  for (auto& [id, c] : ws.clients)
    if (is_active(c) && !is_youth(c) && !is_dual_enrolled(c) && c.primary_contact != former) seekers.push_back(&c);
  auto job_titled = [&](const char* title) {
    for (auto& [id, j] : ws.jobs)
      if (j.title == title) return &j;
    std::fprintf(stderr, "demo workspace: no job %s\n", title);
    std::abort();
  };
  const Job* cna = job_titled("Certified Nursing Assistant");
  const Job* machinist = job_titled("CNC Machinist");
  const Job* developer = job_titled("Junior Web Developer");
  const MatchFit fit{"Completed the CNA course at Summit; 6 months as a home aide", "Resume and references ready; mock interview done",
                     "Days and weekends; has a car", "Childcare arranged through the county subsidy"};
  struct DemoMatch { const Job* job; double hours_ago; std::vector<MatchAction> steps; bool complete_hire; };
  const DemoMatch matches[] = {
      {cna, 3, {}, false},                                                            // awaiting, on time
      {machinist, 80, {}, false},                                                     // awaiting, job owner late
      {developer, 50, {MatchAction::SendBack}, false},                                // sent back for edits
      {machinist, 120, {MatchAction::Approve, MatchAction::Approve, MatchAction::RecordInterview}, false},  // waiting to hear
      {machinist, 200, {MatchAction::Approve, MatchAction::Approve, MatchAction::RecordHired}, true},
      {developer, 150, {MatchAction::Approve, MatchAction::Approve, MatchAction::RecordHired}, false},
      {machinist, 170, {MatchAction::Approve, MatchAction::Approve, MatchAction::RecordNotHired}, false},
      {cna, 60, {MatchAction::Withdraw}, false},
  };
  size_t n = 0;
  for (const DemoMatch& d : matches) {
    const Client& c = *seekers[(n++ * 5) % seekers.size()];
    LocalSeconds at = now - LocalSeconds(d.hours_ago * 3600);
    const RecordId id = must(ws, ReferMatch{c.id, d.job->id, fit}, Context{c.primary_contact, at});
    bool owner_turn = true;  // the job owner approves first, then the case manager
    for (MatchAction step : d.steps) {
      at += 5 * 3600;
      const Match& m = ws.matches.at(id);
      const RecordId by = step == MatchAction::Approve ? (owner_turn ? m.job_owner : m.case_manager)
                          : step == MatchAction::SendBack ? m.job_owner : m.case_manager;
      if (step == MatchAction::Approve) owner_turn = false;
      const char* note = step == MatchAction::SendBack ? "Add the candidate's experience with JavaScript"
                         : step == MatchAction::RecordNotHired ? "The employer hired an internal candidate" : "";
      must(ws, ActOnMatch{id, step, note, ""}, Context{by, at});
    }
    if (d.complete_hire)
      for (auto& [hid, h] : ws.hires)
        if (h.match == id)
          must(ws, CompleteHire{hid, format_iso_date(date_of(at + 7 * 86400)), 22.75, 40}, Context{ws.matches.at(id).job_owner, at + 3600});
  }
}

// M6, K1: a job seeker on the job board, and staff talking about the work:
// comments with tags and links, and people following records.
void add_demo_conversation(Workspace& ws, LocalSeconds now) {
  const Client* seeker = nullptr;
  for (auto& [id, c] : ws.clients)
    if (is_active(c) && !is_youth(c) && !is_dual_enrolled(c) && !c.email.empty() && matches_of_client(ws, id).empty() &&
        ws.staff.at(c.primary_contact).active && ws.staff.at(c.primary_contact).name == "Tomás Reyes") {
      seeker = &c;
      break;
    }
  if (!seeker) {
    std::fprintf(stderr, "demo workspace: no job seeker for the job board\n");
    std::abort();
  }
  const RecordId tomas = seeker->primary_contact;
  const RecordId priya = staff_named(ws, "Priya Raman"), lena = staff_named(ws, "Lena Fischer");
  must(ws, SetPortalAccess{seeker->id, kDemoJobSeekerPin}, Context{tomas, now - 6 * 86400});
  const auto board = job_board(ws, *seeker, now - 26 * 3600, "");
  if (board.empty()) {
    std::fprintf(stderr, "demo workspace: the job board is empty\n");
    std::abort();
  }
  const Job& liked = *board.back();
  const RecordId interest = must(ws, MarkInterest{liked.id}, Context{seeker->id, now - 26 * 3600});
  auto name = [&](const RecordId& id) { return ws.staff.at(id).name; };
  must(ws, AddComment{seeker->id, "@" + name(tomas) + " " + seeker->first_name + " found #" + interest + " on the job board. Worth a look before Friday."},
       Context{priya, now - 24 * 3600});
  must(ws, AddComment{interest, "Spoke with " + seeker->first_name + ": ready to start in two weeks, with references. Submitting today, @" +
                                    name(liked.owner) + "."},
       Context{tomas, now - 22 * 3600});
  // The late machinist match: the case manager asks the job owner to act.
  const Match* late = nullptr;
  for (auto& [id, m] : ws.matches)
    if (owner_action_overdue(ws, m, now)) late = &m;
  if (late && late->job_owner != late->case_manager) {
    must(ws, AddComment{late->id, "@" + name(late->job_owner) + " the shop asked for two candidates by Friday; can you review this one today?"},
         Context{late->case_manager, now - 30 * 3600});
    must(ws, AddComment{late->job, "The floor manager prefers candidates with a NIMS credential; ask before referring."},
         Context{late->job_owner, now - 28 * 3600});
  }
  for (auto& [id, i] : ws.issues)
    if (!i.employer.empty() && is_open(i)) {
      must(ws, AddComment{i.id, "@Priya Raman payroll confirmed two checks were short; the employer is correcting them this week."},
           Context{lena, now - 3 * 3600});
      must(ws, Follow{i.employer}, Context{priya, now - 2 * 3600});
      break;
    }
  must(ws, Follow{seeker->id}, Context{priya, now - 24 * 3600});
  must(ws, Follow{interest}, Context{tomas, now - 22 * 3600});
  must(ws, Follow{lena}, Context{priya, now - 24 * 3600});
}

}  // namespace

namespace {

void add_demo_plans(Workspace& ws, const RecordId& institute, std::chrono::year_month_day today) {
  using namespace std::chrono;
  // Service strategies (S1): a goal or two with activities, some training at
  // Summit (its students, C5), some finished, some gone stale, most agreed.
  struct PlanIdea { const char* goal; const char* activity; bool training; int weeks; const char* second; };
  const PlanIdea adult_plans[] = {
      {"Earn a CNA certificate and work in long-term care", "Certified Nursing Assistant course", true, 10, "Job search workshop series"},
      {"Return to warehouse work with a forklift certification", "Forklift operator certification", true, 3, "Resume and interview coaching"},
      {"Move into an office administration job", "Microsoft Office skills class", true, 8, "Mock interviews with a volunteer employer"},
      {"Start an electrical apprenticeship", "Pre-apprenticeship construction program", false, 12, "Driver's licence reinstatement"},
  };
  const PlanIdea youth_plans[] = {
      {"Finish the high school diploma", "GED preparation classes", false, 16, "Tutoring twice a week"},
      {"Get a first summer job", "Work readiness workshop", false, 4, "Paid work experience at the parks department"},
  };
  int p = 0;
  for (auto& [id, c] : ws.clients) {
    if (!is_active(c)) continue;
    ++p;
    const PlanIdea& idea = is_youth(c) ? youth_plans[p % 2] : adult_plans[p % 4];
    // Long-enrolled clients are on a later step of their plan, still under way.
    const year_month_day start = std::max(year_month_day{sys_days{c.enrolled_on} + days{7}},
                                          year_month_day{sys_days{today} - days{idea.weeks * 7 / 2}});
    const Context at_start{c.primary_contact, start_of(start) + 10 * 3600};
    const RecordId goal = must(ws, AddGoal{id, idea.goal}, at_start);
    // Every fourth plan has an activity past its planned end with no end recorded: stale.
    const bool stale = p % 4 == 0;
    const year_month_day planned_end = stale ? sys_days{today} - days{2 + p % 9} : sys_days{start} + weeks{idea.weeks};
    const bool training = idea.training && p % 3 != 2;
    must(ws, AddActivity{id, idea.activity, goal, training ? institute : RecordId{}, format_iso_date(start), format_iso_date(planned_end)}, at_start);
    const year_month_day second_end = sys_days{start} + weeks{4};
    const RecordId second = must(ws, AddActivity{id, idea.second, goal, {}, format_iso_date(start), format_iso_date(second_end)}, at_start);
    if (p % 5 != 3) must(ws, RecordPlanAgreement{id, format_iso_date(start), p % 2 ? "Signed the ISS in person" : "Agreed by phone; signed copy mailed"}, at_start);
    if (second_end < today && p % 4 != 1)  // most finished the short activity on time
      must(ws, EndActivity{second, ActivityEnd::Completed, format_iso_date(second_end), ""},
           Context{at_start.actor, start_of(second_end) + 15 * 3600});
  }
}

void add_demo_contacts(Workspace& ws, std::chrono::year_month_day today, LocalSeconds now) {
  using namespace std::chrono;
  // Months of contacts (N1, N2): mostly in person, some months missed, and
  // this month some still due, so the caseload screens have real standings.
  // Each reviews the current activities (N3).
  const std::chrono::year_month this_month = today.year() / today.month();
  int k = 0;
  for (auto& [id, c] : ws.clients) {  // recording contacts leaves clients unchanged
    ++k;
    const year_month_day last_day = c.exited_on ? *c.exited_on : today;
    for (std::chrono::year_month m = c.enrolled_on.year() / c.enrolled_on.month(); m <= this_month; m = add_months(m, 1)) {
      const int index = int(m.year()) * 12 + int(unsigned(m.month()));
      if ((index + k) % 7 == 0) continue;                        // a missed month
      if (m == this_month && k % 3 == 0) continue;               // not yet contacted this month
      const year_month_day day = m / std::chrono::day{unsigned(3 + (k * 7 + index) % 24)};
      if (day < c.enrolled_on || day > last_day) continue;
      const ContactType type = (index + k) % 4 == 0 ? ContactType::Telephone : ContactType::InPerson;
      const char* results = type == ContactType::InPerson ? "Met at the career center; reviewed progress in training and job search."
                                                          : "Phone check-in; attending as planned, no barriers reported.";
      std::vector<ActivityReview> reviews;
      for (const Activity* a : current_activities(ws, id)) reviews.push_back({a->id, ActivityDecision::Continues, ""});
      must(ws, RecordContact{id, format_iso_date(day), type, ContactWith::Participant, results, {}, reviews},
           Context{c.primary_contact, now});
    }
  }
}

void add_demo_issues(Workspace& ws, const RecordId& institute, const RecordId& former, LocalSeconds now) {
  // Open issues at each level, raised at times relative to now (E3): the
  // deadlines are live, and moving the demo clock escalates them.
  std::vector<const Client*> adults;
  for (auto& [id, c] : ws.clients)
    if (is_active(c) && !is_youth(c) && c.primary_contact != former) adults.push_back(&c);
  const RecordId grace = [&] {
    for (auto& [id, s] : ws.staff) if (s.role == Role::TrainingProviderStaff) return id;
    return RecordId{};
  }();
  struct DemoIssue { size_t client; LocalSeconds ago; const char* concern; IssueSource source; };
  const DemoIssue issues[] = {
      {0, 2 * 3600, "Missed two CNA clinical shifts this week", IssueSource::TrainingProvider},
      {3, 26 * 3600, "Says the bus pass for October never arrived", IssueSource::Client},
      {6, 5 * 86400, "Employer reports repeated late arrival during work experience", IssueSource::Employer},
      {9, 12 * 86400, "Complaint about the tone of a workshop facilitator", IssueSource::Client},
  };
  const Client* student = nullptr;  // the training provider raises about its own student (C5)
  for (const Client* c : adults)
    if (!student && is_student_of(ws, *c, institute)) student = c;
  for (const DemoIssue& d : issues) {
    const bool from_school = d.source == IssueSource::TrainingProvider;
    const Client& c = from_school ? *student : *adults[d.client % adults.size()];
    const RecordId by = from_school ? grace : c.primary_contact;
    must(ws, RaiseIssue{c.id, d.concern, d.source, {}}, Context{by, now - d.ago});
  }
  // One already resolved, for the record.
  const Client& settled = *adults[12 % adults.size()];
  const RecordId settled_issue = must(ws, RaiseIssue{settled.id, "Needed childcare to attend orientation", IssueSource::Client, {}},
                                      Context{settled.primary_contact, now - 20 * 86400});
  const Context settling{settled.primary_contact, now - 20 * 86400 + 3 * 3600};
  must(ws, WriteAgreementLetter{settled.id, {full_name(settled), "Cedar Valley Career Center, orientation desk"},
                                "The Career Center holds a place for " + settled.first_name + " at the next orientation.\n" +
                                    settled.first_name + " applies for the county childcare subsidy this week and brings the "
                                    "approval letter to the orientation.",
                                settled_issue},
       settling);
  must(ws, CloseIssue{settled_issue, IssueOutcome::Resolved, "Referred to the county childcare subsidy; client attended the next orientation."},
       settling);
}

}  // namespace

NewWorkspace create_demo_workspace(const std::string& id_origin, LocalSeconds now) {
  using namespace std::chrono;
  auto made = create_workspace("Cedar Valley Workforce Board", "Dana Whitfield",
                               "dana.whitfield@cedarvalleywb.example", id_origin, now);
  NewWorkspace out = std::get<NewWorkspace>(std::move(made));
  Workspace& ws = out.workspace;
  ws.meta.demo = true;
  const Context admin{out.administrator, now};
  const RecordId board = ws.find_staff(out.administrator)->organisation;

  const RecordId career_center = must(ws, AddOrganisation{"Cedar Valley Career Center", OrganisationKind::OneStopProvider}, admin);
  const RecordId youth_works = must(ws, AddOrganisation{"Northgate Youth Pathways", OrganisationKind::YouthProvider}, admin);
  const RecordId institute = must(ws, AddOrganisation{"Summit Technical Institute", OrganisationKind::TrainingProvider}, admin);

  struct Person { const char* name; const char* email; RecordId org; Role role; };
  const Person people[] = {
      {"Marcus Oyelaran", "marcus.oyelaran@cedarvalleywb.example", board, Role::BoardProgramManager},
      {"Helen Castellano", "helen.castellano@cedarvalleywb.example", board, Role::BoardAssistantDirector},
      {"Priya Raman", "priya.raman@cvcareers.example", career_center, Role::Manager},
      {"Tomás Reyes", "tomas.reyes@cvcareers.example", career_center, Role::EmploymentReadinessSpecialist},
      {"Angela Brooks", "angela.brooks@cvcareers.example", career_center, Role::EmploymentReadinessSpecialist},
      {"Kevin Nakamura", "kevin.nakamura@cvcareers.example", career_center, Role::EmploymentReadinessSpecialist},
      {"Lena Fischer", "lena.fischer@cvcareers.example", career_center, Role::BusinessServicesRepresentative},
      {"Nadia Petrova", "nadia.petrova@cedarvalleywb.example", board, Role::BusinessServicesRepresentative},
      {"Samuel Okafor", "samuel.okafor@cvcareers.example", career_center, Role::CaseManager},
      {"Rosa Delgado", "rosa.delgado@northgateyouth.example", youth_works, Role::Manager},
      {"Jamal Whitaker", "jamal.whitaker@northgateyouth.example", youth_works, Role::AcademicCareerAdvisor},
      {"Mei Chen", "mei.chen@northgateyouth.example", youth_works, Role::AcademicCareerAdvisor},
      {"Grace Holloway", "grace.holloway@summittech.example", institute, Role::TrainingProviderStaff},
  };
  std::vector<RecordId> ers, aca;
  for (const Person& p : people) {
    const RecordId id = must(ws, AddStaff{p.name, p.email, p.org, p.role, ""}, admin);
    if (p.role == Role::EmploymentReadinessSpecialist) ers.push_back(id);
    if (p.role == Role::AcademicCareerAdvisor) aca.push_back(id);
  }
  // An ERS who is leaving: deactivated below, their clients wait for reassignment (P3).
  const RecordId former = must(ws, AddStaff{"Brian Kowalski", "brian.kowalski@cvcareers.example", career_center, Role::EmploymentReadinessSpecialist, ""}, admin);
  ers.push_back(former);

  const char* first[] = {"Aaliyah", "Benjamin", "Carmen", "Darnell", "Elena", "Francisco", "Gabrielle",
                         "Hassan", "Imani", "Jorge", "Kayla", "Luis", "Maya", "Nathan", "Olivia",
                         "Pedro", "Quinn", "Rashida", "Sergio", "Tanya", "Uriel", "Vanessa",
                         "Wesley", "Ximena", "Yusuf", "Zoe", "Andre", "Brianna", "Cesar", "Destiny",
                         "Emilio", "Fatima", "Gavin", "Hannah", "Isaiah", "Jasmine"};
  const char* last[] = {"Alvarez", "Bennett", "Coleman", "Dominguez", "Ellis", "Flores", "Garcia",
                        "Harper", "Ibrahim", "Jackson", "Kim", "Lopez", "Mitchell", "Nguyen",
                        "Ortiz", "Patel", "Quintero", "Robinson", "Singh", "Thompson", "Underwood",
                        "Vasquez", "Washington", "Xiong", "Young", "Zamora"};
  const year_month_day today = date_of(now);
  int n = 0;
  for (const char* f : first) {
    const bool youth = n % 3 == 2;  // a third are youth, served by Northgate
    const int age = youth ? 16 + n % 8 : 25 + (n * 7) % 36;
    const year_month_day dob = sys_days{year_month_day{today.year() - years{age}, month{unsigned(1 + n * 5 % 12)}, day{unsigned(1 + n * 11 % 28)}}};
    std::vector<Program> programs;
    if (youth) programs = {Program::WioaYouth};
    else if (n % 5 == 0) programs = {Program::WioaDislocatedWorker};
    else programs = {Program::WioaAdult};
    if (n % 4 == 1) programs.push_back(Program::DirectServices);  // dual-enrolled (C1)
    const year_month_day enrolled = sys_days{today} - days{20 + n * 13};
    EnrolClient c;
    c.first_name = f;
    c.last_name = last[(n * 7) % 26];
    c.date_of_birth = format_iso_date(dob);
    c.email = lowercase(std::string(f) + "." + c.last_name + "@mail.example");
    c.phone = "(559) 555-0" + std::to_string(100 + n * 3);
    c.programs = programs;
    c.provider = youth ? youth_works : career_center;
    c.primary_contact = youth ? aca[n % aca.size()] : ers[n % ers.size()];
    c.enrolled_on = format_iso_date(enrolled);
    // Enrolled by their own primary contact, as in real use.
    const RecordId client = must(ws, c, Context{c.primary_contact, now});
    if (n % 11 == 7)  // a few have already left the program (C4)
      must(ws, ExitClient{client, format_iso_date(sys_days{enrolled} + days{14}), "Entered unsubsidised employment"},
           Context{c.primary_contact, now});
    ++n;
  }
  add_demo_plans(ws, institute, today);
  add_demo_contacts(ws, today, now);
  add_demo_issues(ws, institute, former, now);
  add_demo_employers(ws, admin, career_center, now);
  must(ws, SetStateEstablishments{412000}, admin);  // R2: the base of the employer penetration rate
  // R4: this quarter's targets, for the board and the career center.
  const ProgramQuarter quarter = program_quarter_of(date_of(now));
  must(ws, SetTarget{quarter.program_year, quarter.quarter, "services", {}, 40}, admin);
  must(ws, SetTarget{quarter.program_year, quarter.quarter, "establishments_served", career_center, 10}, admin);
  must(ws, SetTarget{quarter.program_year, quarter.quarter, "placements", {}, 6}, admin);
  must(ws, SetTarget{quarter.program_year, quarter.quarter, "active_accounts", {}, 8}, admin);
  add_demo_matches(ws, former, now);
  add_demo_conversation(ws, now);
  must(ws, DeactivateStaff{former, "Left the agency"}, admin);
  return out;
}

}  // namespace bw
