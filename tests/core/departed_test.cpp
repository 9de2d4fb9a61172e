// P3: nobody who left is chosen. Each place that picks a person (issue owners,
// match approvers, notifications, who acts on a departed person's work) takes
// the stand-in: the organisation's Managers, then the board, then an
// Administrator, and says so.
#include "access.hpp"
#include "escalation.hpp"
#include "helpers.hpp"
#include "jobs.hpp"
#include "matches.hpp"
#include "queries.hpp"
#include "setup.hpp"

using namespace bw;
using namespace bw::test;

namespace {
struct Left : Area {
  RecordId employer, site, job, client, manager2, bsr2;
  Left() {
    employer = ok(AddEmployer{"Valley Health Partners", "94-1234567", "", EmployerKind::DirectEmployer, "Clinic",
                              "12 Main St, Clovis, CA", "621111"},
                  bsr);
    site = ws.establishments_by_employer.at(employer).front();
    job = ok(PostJob{site, "Medical assistant", "", 1, "", "", 0, ""}, bsr);
    client = ok(adult(), ers);
    manager2 = ok(AddStaff{"Abe Manager", "", provider, Role::Manager, ""});  // first by name
    bsr2 = ok(AddStaff{"Bea Bsr", "", provider, Role::BusinessServicesRepresentative, ""});
  }
  MatchFit fit() const { return {"Clinic front desk", "Resume done", "Weekdays", "none"}; }
  std::vector<json> inbox(const RecordId& staff) {
    std::vector<json> out;
    const json answer = query(ws, "notifications", json::object(), staff, now);
    for (auto& n : answer["result"]) out.push_back(n);
    return out;
  }
};
}  // namespace

TEST_CASE("P3: the stand-in is the person while active, then their Managers, the board, an Administrator") {
  Left a;
  CHECK(stand_in(a.ws, a.ers).staff->id == a.ers);
  CHECK(stand_in(a.ws, a.ers).note.empty());
  a.ok(DeactivateStaff{a.ers, "left the agency"});
  StandIn by = stand_in(a.ws, a.ers);
  CHECK(by.staff->id == a.manager2);  // Abe before Mona
  CHECK(by.note == "Erin Ers has left; it goes to Abe Manager (Manager, Career Center) until reassigned (P3).");
  a.ok(DeactivateStaff{a.manager2, "left"});
  CHECK(stand_in(a.ws, a.ers).staff->id == a.manager);
  a.ok(DeactivateStaff{a.manager, "left"});
  const RecordId pm = a.ok(AddStaff{"Pat Program", "", a.board, Role::BoardProgramManager, ""});
  CHECK(stand_in(a.ws, a.ers).staff->id == pm);
  a.ok(DeactivateStaff{pm, "left"});
  CHECK(stand_in(a.ws, a.ers).staff->id == a.admin);
  CHECK(stand_in(a.ws, "no-such-person").staff == nullptr);

  // Who acts for them: any active Manager of their organisation, or the stand-in.
  a.ok(ReactivateStaff{a.manager});
  CHECK(acts_for(a.ws, a.ws.staff.at(a.manager), a.ers));
  CHECK_FALSE(acts_for(a.ws, a.ws.staff.at(a.ers2), a.ers));
  CHECK_FALSE(acts_for(a.ws, a.ws.staff.at(a.manager), a.ers2));  // Evan is still here: his work is his
  CHECK(acts_for(a.ws, a.ws.staff.at(a.ers2), a.ers2));
}

TEST_CASE("P3, E2: an issue about a departed contact's client goes to a Manager, and the message says so") {
  Left a;
  a.train(a.client);
  a.ok(DeactivateStaff{a.ers, "left the agency"});
  const Outcome o = a.run(RaiseIssue{a.client, "Missed two shifts", IssueSource::TrainingProvider}, a.trainer);
  REQUIRE(o.ok);
  const Issue& i = a.ws.issues.at(o.id);
  CHECK(i.owner == a.manager2);
  CHECK(o.notice == "Erin Ers has left; it goes to Abe Manager (Manager, Career Center) until reassigned (P3).");
  bool audited = false;
  for (auto& [id, e] : a.ws.audit) audited |= e.record == i.id;
  CHECK(audited);
  bool noted = false;  // N5: the case note names the stand-in too
  for (auto& [id, n] : a.ws.case_notes) noted |= n.issue == i.id && n.text.find("Erin Ers has left") != std::string::npos;
  CHECK(noted);
  const auto told = a.inbox(a.manager2);
  REQUIRE(told.size() == 1);
  CHECK(told[0]["text"].get<std::string>().rfind("New issue about Ana Lopez", 0) == 0);
  CHECK_FALSE(a.ws.notifications_by_staff.contains(a.ers));
  const auto list = issues_to_act_on(a.ws, a.ws.staff.at(a.manager2), a.now);
  CHECK(std::count(list.begin(), list.end(), &i) == 1);
}

TEST_CASE("P3, E3: an issue whose owner leaves afterwards is at once the Managers' to act on, close or escalate") {
  Left a;
  const RecordId id = a.ok(RaiseIssue{a.client, "Missed the workshop", IssueSource::Client}, a.ers);
  const Issue& i = a.ws.issues.at(id);
  auto listed = [&](const RecordId& who) {
    const auto list = issues_to_act_on(a.ws, a.ws.staff.at(who), a.now);
    return std::count(list.begin(), list.end(), &i) == 1;
  };
  CHECK_FALSE(listed(a.manager));  // level 1: the owner's alone while they are here
  a.ok(DeactivateStaff{a.ers, "left"});
  CHECK(listed(a.manager));
  CHECK(listed(a.manager2));
  CHECK_FALSE(listed(a.ers2));
  CHECK_FALSE(close_refusal(a.ws, a.ws.staff.at(a.manager), i, a.now).has_value());
  CHECK(close_refusal(a.ws, a.ws.staff.at(a.ers2), i, a.now).has_value());
  a.ok(EscalateIssue{i.id}, a.manager);  // E4: a Manager escalates as the owner would
  CHECK(escalation_of(a.ws, i, a.now).level == 2);
}

TEST_CASE("P3, E2: an employer issue goes to the first active account owner, else a Manager") {
  Left a;
  a.ok(JoinAccount{a.employer}, a.bsr2);
  a.ok(DeactivateStaff{a.bsr, "left"});
  const RecordId first = a.ok(RaiseIssue{{}, "Invoice dispute", IssueSource::Employer, a.employer}, a.manager);
  CHECK(a.ws.issues.at(first).owner == a.bsr2);
  a.ok(DeactivateStaff{a.bsr2, "left"});
  const Outcome o = a.run(RaiseIssue{{}, "Second concern", IssueSource::Employer, a.employer}, a.manager);
  REQUIRE(o.ok);
  CHECK(a.ws.issues.at(o.id).owner == a.manager2);
  CHECK(o.notice.find("Ben Bsr has left") == 0);
}

TEST_CASE("P3, M2: a match's approvers are never people who left; the job and the client carry their matches") {
  Left a;
  a.ok(DeactivateStaff{a.bsr, "left"});
  a.ok(DeactivateStaff{a.ers, "left"});
  const RecordId id = a.ok(ReferMatch{a.client, a.job, a.fit()}, a.ers2);
  Match& m = a.ws.matches.at(id);
  CHECK(m.job_owner == a.manager2);
  CHECK(m.case_manager == a.manager2);
  CHECK(matches_to_act_on(a.ws, a.ws.staff.at(a.manager2)).size() == 1);
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.manager2);
  CHECK(m.stage == MatchStage::WaitingToHearResults);  // one person approved for both

  // Reassigning the job and transferring the client move the open match with them.
  a.ok(ReassignJob{a.job, a.bsr2}, a.manager);
  CHECK(m.job_owner == a.bsr2);
  a.ok(TransferPrimaryContact{a.client, a.ers2, "Erin left the agency"}, a.manager);
  CHECK(m.case_manager == a.ers2);
  CHECK(a.ws.clients.at(a.client).primary_contact == a.ers2);
}

TEST_CASE("M2, M3, P3: a match that waits on its approvers is on the My Work of whoever it moves to, and leaves the others'") {
  Left a;
  const RecordId id = a.ok(ReferMatch{a.client, a.job, a.fit()}, a.ers);  // waits on Ben (the job) and Erin (the client)
  REQUIRE(a.ws.matches.at(id).stage == MatchStage::AwaitingApproval);
  // Each person's list, as a scan of every match would give it.
  auto check_everyone = [&](const char* when) {
    CAPTURE(when);
    for (const auto& [staff_id, s] : a.ws.staff) {
      const RecordId who = staff_id;  // clang 14 takes no structured binding in CAPTURE's lambda
      CAPTURE(who);
      std::vector<const Match*> scan;
      for (const auto& [mid, m] : a.ws.matches) {
        const MatchActor actor = actor_of(a.ws, m, s);
        const bool awaiting = m.stage == MatchStage::AwaitingApproval;
        if ((actor.job_owner && awaiting && !m.owner_approved_at) ||
            (actor.case_manager && ((awaiting && !m.case_manager_approved_at) || m.stage == MatchStage::SentBack ||
                                    m.stage == MatchStage::Interested)))
          scan.push_back(&m);
      }
      CHECK(matches_to_act_on(a.ws, s) == scan);
    }
  };
  auto on_list = [&](const RecordId& who) { return matches_to_act_on(a.ws, a.ws.staff.at(who)).size(); };
  check_everyone("referred");
  CHECK(on_list(a.bsr) == 1);
  a.ok(DeactivateStaff{a.bsr, "left"});
  check_everyone("its job owner left");
  a.ok(ReassignJob{a.job, a.bsr2}, a.manager);
  check_everyone("its job reassigned");
  CHECK(a.ws.matches.at(id).job_owner == a.bsr2);
  CHECK(on_list(a.bsr2) == 1);
  a.ok(DeactivateStaff{a.ers, "left"});
  a.ok(TransferPrimaryContact{a.client, a.ers2, "Erin left the agency"}, a.manager);
  check_everyone("its client transferred");
  CHECK(a.ws.matches.at(id).case_manager == a.ers2);
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.bsr2);
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.ers2);
  check_everyone("approved by both");
  CHECK(on_list(a.bsr2) + on_list(a.ers2) == 0);
}

TEST_CASE("P3: a notification meant for someone who left reaches their stand-in, marked as theirs") {
  Left a;
  const RecordId id = a.ok(ReferMatch{a.client, a.job, a.fit()}, a.ers);
  const size_t before = a.ws.notifications_by_staff.at(a.bsr).size();  // the referral, while Ben was here
  a.ok(DeactivateStaff{a.bsr, "left"});
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.ers);
  CHECK(a.ws.notifications_by_staff.at(a.bsr).size() == before);
  const auto told = a.inbox(a.manager2);
  REQUIRE(told.size() == 1);
  CHECK(told[0]["text"].get<std::string>().rfind("For Ben Bsr, who has left: Ana Lopez for Medical assistant", 0) == 0);
  // Any Manager of the job owner's organisation now acts on the match for them.
  CHECK(matches_to_act_on(a.ws, a.ws.staff.at(a.manager)).size() == 1);
  CHECK(matches_to_act_on(a.ws, a.ws.staff.at(a.bsr2)).empty());
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.manager);
  CHECK(a.ws.matches.at(id).stage == MatchStage::WaitingToHearResults);
}

TEST_CASE("P3: in the demo, with every case and business person gone, nothing new is given to someone who left") {
  const LocalSeconds now = at("2026-11-20T10:00");
  NewWorkspace made = create_demo_workspace("demo", now);
  Workspace& ws = made.workspace;
  const RecordId admin = made.administrator;
  std::vector<RecordId> gone;
  for (auto& [id, s] : ws.staff)
    if (s.active && s.role != Role::Manager && s.role != Role::Administrator && s.role != Role::BoardProgramManager &&
        s.role != Role::TrainingProviderStaff)
      gone.push_back(id);
  for (const RecordId& id : gone) REQUIRE(apply(ws, DeactivateStaff{id, "left"}, {admin, now}).ok);
  int issues = 0, matches = 0;
  const Job* open_job = nullptr;
  for (auto& [id, j] : ws.jobs)
    if (!j.closed_at && j.reserved_days == 0 && j.subsidised_program.empty() && j.deadline > date_of(now)) open_job = &j;
  REQUIRE(open_job);
  std::vector<RecordId> clients;
  for (auto& [id, c] : ws.clients)
    if (is_active(c)) clients.push_back(id);
  for (const RecordId& c : clients) {
    const Outcome o = apply(ws, RaiseIssue{c, "Check in", IssueSource::Client}, {admin, now});
    REQUIRE_MESSAGE(o.ok, o.error.message);
    CHECK(ws.staff.at(ws.issues.at(o.id).owner).active);
    CHECK_FALSE(o.notice.empty());
    ++issues;
    if (open_match(ws, c, open_job->id) || !on_board_for(*open_job, ws.clients.at(c), now)) continue;
    const Outcome r = apply(ws, ReferMatch{c, open_job->id, {"a", "b", "c", "none"}}, {admin, now});
    if (!r.ok) continue;
    CHECK(ws.staff.at(ws.matches.at(r.id).job_owner).active);
    CHECK(ws.staff.at(ws.matches.at(r.id).case_manager).active);
    ++matches;
  }
  for (auto& [id, n] : ws.notifications)
    if (n.at == now) CHECK(ws.staff.at(n.to).active);
  CHECK(issues > 20);
  CHECK(matches > 5);
}
