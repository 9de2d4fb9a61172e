// My Work's read model: what each person answers for (C2, P3, E2, R1).
#include "helpers.hpp"
#include "my_work.hpp"
#include "report.hpp"
#include "setup.hpp"
#include "storage.hpp"
#include "generate.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "matches.hpp"
#include "access.hpp"
#include "conversation.hpp"

using namespace bw;
using namespace bw::test;

TEST_CASE("C2, P3: My Work holds the person's caseload by name, and a Manager's reassignment queue") {
  Area a;
  EnrolClient zoe = a.adult(), ana = a.adult(), gone = a.adult();
  zoe.first_name = "Zoe", zoe.last_name = "Adams";
  ana.first_name = "Ana", ana.last_name = "Zamora";
  gone.first_name = "Gil", gone.last_name = "Brown";
  const RecordId z = a.ok(zoe, a.ers), n = a.ok(ana, a.ers), g = a.ok(gone, a.ers);
  a.ok(ExitClient{g, "", "entered employment"}, a.ers);
  const MyWork mine = my_work(a.ws, a.ws.staff.at(a.ers), a.now);
  REQUIRE(mine.caseload.size() == 2);  // an exited client is no longer on it
  CHECK(mine.caseload[0]->id == z);    // Adams before Zamora
  CHECK(mine.caseload[1]->id == n);
  CHECK(mine.carries_caseload);
  CHECK(mine.month.rows.size() == 3);  // N2: the month of the exit still asks for a contact
  CHECK_FALSE(my_work(a.ws, a.ws.staff.at(a.bsr), a.now).carries_caseload);  // no clients, not a case role
  CHECK(my_work(a.ws, a.ws.staff.at(a.ers2), a.now).carries_caseload);       // an ERS, even with none yet

  // P3, E2: the departed ERS's clients wait for the Manager, each with the open issues that follow it.
  a.ok(RaiseIssue{z, "Missed the workshop", IssueSource::Client}, a.ers);
  const RecordId closed = a.ok(RaiseIssue{z, "Late once", IssueSource::Client}, a.ers);
  a.ok(CloseIssue{closed, IssueOutcome::Resolved, "Talked it through."}, a.ers);
  a.ok(DeactivateStaff{a.ers, "left the agency"});
  const MyWork manager = my_work(a.ws, a.ws.staff.at(a.manager), a.now);
  REQUIRE(manager.reassign.size() == 2);
  for (const MyWork::Reassign& r : manager.reassign) CHECK(r.open_issues == (r.client->id == z ? 1 : 0));
  CHECK(my_work(a.ws, a.ws.staff.at(a.ers2), a.now).reassign.empty());  // not theirs to reassign
}

TEST_CASE("C2, C3: each person's caseload index agrees with the clients, after transfers, an exit and a reload") {
  const LocalSeconds now = at("2026-11-20T10:00");
  NewWorkspace made = create_demo_workspace("demo", now);
  Workspace& ws = made.workspace;
  auto agree = [](const Workspace& w) {
    std::map<RecordId, std::vector<RecordId>> held;
    for (auto& [id, c] : w.clients) held[c.primary_contact].push_back(id);
    std::size_t indexed_total = 0;
    for (auto& [staff, ids] : w.clients_by_primary_contact) indexed_total += ids.size();
    CHECK(indexed_total == w.clients.size());
    for (auto& [staff, ids] : held) {
      std::vector<RecordId> indexed;
      for (const Client* c : records_in(w.clients, w.clients_by_primary_contact, staff)) indexed.push_back(c->id);
      CHECK(indexed == ids);
    }
  };
  agree(ws);
  // C3: every client of one ERS goes to a colleague at the same provider, then one comes back.
  const Client* first = nullptr;
  for (auto& [id, c] : ws.clients)
    if (!first && is_active(c) && ws.staff.at(c.primary_contact).active) first = &c;
  REQUIRE(first);
  const RecordId from = first->primary_contact, provider = first->provider;
  RecordId to;
  for (auto& [id, s] : ws.staff)
    if (id != from && s.active && s.role == ws.staff.at(from).role && s.organisation == provider) to = id;
  REQUIRE_FALSE(to.empty());
  RecordId manager;  // C3: the provider's Manager transfers
  for (auto& [id, s] : ws.staff)
    if (s.active && s.role == Role::Manager && s.organisation == provider) manager = id;
  REQUIRE_FALSE(manager.empty());
  const Context by{manager, now};
  std::vector<RecordId> moved;
  for (auto& [id, c] : ws.clients)
    if (c.primary_contact == from && is_active(c)) moved.push_back(id);
  REQUIRE(moved.size() >= 2);
  for (const RecordId& id : moved)
    REQUIRE(apply(ws, TransferPrimaryContact{id, to, "Caseload balanced"}, by).ok);
  REQUIRE(apply(ws, TransferPrimaryContact{moved[0], from, "Back with the first ERS"}, by).ok);
  const Outcome exited = apply(ws, ExitClient{moved[1], "2026-11-19", "Entered employment"}, Context{to, now});
  REQUIRE_MESSAGE(exited.ok, exited.error.message);
  agree(ws);
  CHECK(my_work(ws, ws.staff.at(from), now).caseload.size() == 1);
  auto back = decode_backup(encode_backup(ws, now));
  REQUIRE(std::holds_alternative<Workspace>(back));
  agree(std::get<Workspace>(back));
}

TEST_CASE("J2, R1: jobs by owner and services by quarter agree with the records, after a reassignment and a reload") {
  const LocalSeconds now = at("2026-11-20T10:00");
  NewWorkspace made = create_demo_workspace("demo", now);
  Workspace& ws = made.workspace;
  // P3: a job given to a colleague moves to their list.
  const Job* job = nullptr;
  RecordId colleague;
  for (auto& [jid, j] : ws.jobs)
    for (auto& [id, s] : ws.staff)
      if (!job && s.active && id != j.owner && s.organisation == j.owner_organisation &&
          (s.role == Role::BusinessServicesRepresentative || s.role == Role::Manager))
        job = &j, colleague = id;
  REQUIRE(job);
  REQUIRE(apply(ws, ReassignJob{job->id, colleague}, Context{made.administrator, now}).ok);
  auto agree = [](const Workspace& w) {
    std::map<RecordId, std::vector<RecordId>> owners;
    for (auto& [id, j] : w.jobs) owners[j.owner].push_back(id);
    for (auto& [owner, ids] : owners) {
      std::vector<RecordId> indexed;
      for (const Job* j : records_in(w.jobs, w.jobs_by_owner, owner)) indexed.push_back(j->id);
      CHECK(indexed == ids);
    }
    std::map<std::pair<int, int>, std::vector<RecordId>> quarters;
    for (auto& [id, sv] : w.services) {
      const ProgramQuarter q = program_quarter_of(sv.date);
      quarters[{q.program_year, q.quarter}].push_back(id);
    }
    CHECK(quarters == w.services_by_quarter);
    CHECK(quarters.size() >= 2);
  };
  agree(ws);
  CHECK(records_in(ws.jobs, ws.jobs_by_owner, colleague).size() >= 1);
  auto back = decode_backup(encode_backup(ws, now));
  REQUIRE(std::holds_alternative<Workspace>(back));
  agree(std::get<Workspace>(back));
}

TEST_CASE("My Work says when there is nothing to do, and not when there is") {
  Area a;
  const RecordId cm = a.ok(AddStaff{"Cas Manager", "", a.board, Role::CaseManager, ""});
  CHECK(my_work(a.ws, a.ws.staff.at(cm), a.now).nothing_to_do());
  CHECK_FALSE(my_work(a.ws, a.ws.staff.at(a.ers), a.now).nothing_to_do());  // an ERS carries a caseload, even empty
  const RecordId client = a.ok(a.adult(), a.ers);
  a.ok(RaiseIssue{client, "Missed the workshop", IssueSource::Client}, a.ers);
  a.ok(TransferPrimaryContact{client, a.ers2, "test"}, a.manager);
  CHECK(my_work(a.ws, a.ws.staff.at(a.manager), a.now).nothing_to_do());  // level 1: the owner's alone
  a.ok(DeactivateStaff{a.ers2, "left"});
  const MyWork after = my_work(a.ws, a.ws.staff.at(a.manager), a.now);
  CHECK_FALSE(after.nothing_to_do());
  CHECK(after.issues.size() == 1);   // P3: the departed owner's issue is the Manager's now
  CHECK(after.reassign.size() == 1);  // and their client waits for reassignment
}

namespace {
// What each index answers, as a scan of every record, the way it was first written.
std::vector<const Employer*> accounts_to_enter_by_scan(const Workspace& ws, const RecordId& staff) {
  std::vector<const Employer*> out;
  for (auto& [id, e] : ws.employers) {
    if (is_owner(e, staff) || e.kind != EmployerKind::DirectEmployer) continue;
    for (auto& [cid, c] : ws.communications)
      if (c.employer == id && c.by == staff && is_reciprocal(c)) {
        out.push_back(&e);
        break;
      }
  }
  return out;
}
std::vector<const Client*> reassignment_queue_by_scan(const Workspace& ws, const Staff& viewer) {
  std::vector<const Client*> out;
  if (!viewer.active || (viewer.role != Role::Administrator && viewer.role != Role::Manager)) return out;
  for (auto& [id, c] : ws.clients) {
    if (!is_active(c) || (viewer.role == Role::Manager && c.provider != viewer.organisation)) continue;
    const Staff* pc = ws.find_staff(c.primary_contact);
    if (!pc || !pc->active) out.push_back(&c);
  }
  return out;
}
std::vector<const Job*> jobs_to_reassign_by_scan(const Workspace& ws, const Staff& viewer, LocalSeconds now) {
  std::vector<const Job*> out;
  if (!viewer.active || (viewer.role != Role::Administrator && viewer.role != Role::Manager)) return out;
  for (auto& [id, j] : ws.jobs) {
    if (job_status(j, now) == JobStatus::Closed ||
        (viewer.role == Role::Manager && j.owner_organisation != viewer.organisation))
      continue;
    const Staff* owner = ws.find_staff(j.owner);
    if (!owner || !owner->active) out.push_back(&j);
  }
  return out;
}
}  // namespace

TEST_CASE("K1, B3, B4, R1, M3, M4, P3: My Work's indexes answer as a scan of every record would, for every person, after a reload") {
  const LocalSeconds now = at("2026-11-20T10:00");
  Generated g = generate_workspace(300, 5, "gen5", now);
  REQUIRE(g.refused == 0);
  // B3: business staff answered by employers they do not own yet.
  Workspace& ws0 = g.workspace;
  std::vector<RecordId> bsrs;
  for (auto& [id, s] : ws0.staff)
    if (s.role == Role::BusinessServicesRepresentative && s.active) bsrs.push_back(id);
  for (const RecordId& bsr : bsrs) {
    int answered = 0;
    for (auto& [eid, e] : ws0.employers)
      if (e.kind == EmployerKind::DirectEmployer && !is_owner(e, bsr) && answered++ < 2)
        REQUIRE(apply(ws0, LogCommunication{eid, "", Channel::Telephone, true, false, "Called back about openings"},
                      Context{bsr, now}).ok);
  }
  // B4: a quarter of the employers routed now, the rest left to the triage queue.
  int routed = 0;
  for (auto& [eid, e] : ws0.employers)
    if (!e.triage && routed++ % 4 == 0)
      REQUIRE(apply(ws0, TriageEmployer{eid, suggested_route(ws0, eid), ""}, Context{bsrs.front(), now}).ok);
  // P3: some staff have left, their clients and jobs waiting for someone.
  int n = 0;
  for (auto& [id, s] : g.workspace.staff)
    if ((s.role == Role::EmploymentReadinessSpecialist || s.role == Role::BusinessServicesRepresentative) && n++ % 3 == 0)
      s.active = false;
  const auto reloaded = decode_backup(encode_backup(g.workspace, now));
  REQUIRE(std::holds_alternative<Workspace>(reloaded));
  int mentions = 0, accounts = 0, services = 0, reassign = 0, jobs = 0, matches = 0, hires = 0;
  int untriaged = 0, triaged = 0;
  for (const Workspace* ws : {static_cast<const Workspace*>(&g.workspace), &std::get<Workspace>(reloaded)}) {
    std::vector<const Employer*> waiting_triage;
    for (auto& [eid, e] : ws->employers)
      if (!e.triage) waiting_triage.push_back(&e);
    CHECK(triage_queue(*ws) == waiting_triage);
    untriaged += int(waiting_triage.size()), triaged += int(ws->employers.size() - waiting_triage.size());
    for (auto& [staff_id, s] : ws->staff) {
      const RecordId id = staff_id;  // CAPTURE keeps it in a lambda: clang 14 takes no structured binding there
      CAPTURE(id);
      CHECK(accounts_to_enter(*ws, id) == accounts_to_enter_by_scan(*ws, id));
      CHECK(reassignment_queue(*ws, s) == reassignment_queue_by_scan(*ws, s));
      CHECK(jobs_to_reassign(*ws, s, now) == jobs_to_reassign_by_scan(*ws, s, now));
      std::vector<const Match*> waiting;
      for (auto& [mid, m] : ws->matches) {
        const MatchActor a = actor_of(*ws, m, s);
        const bool awaiting = m.stage == MatchStage::AwaitingApproval;
        if ((a.job_owner && awaiting && !m.owner_approved_at) ||
            (a.case_manager && ((awaiting && !m.case_manager_approved_at) || m.stage == MatchStage::SentBack ||
                                m.stage == MatchStage::Interested)))
          waiting.push_back(&m);
      }
      std::stable_sort(waiting.begin(), waiting.end(), [](auto* x, auto* y) { return x->ready_at < y->ready_at; });
      CHECK(matches_to_act_on(*ws, s) == waiting);
      std::vector<const Hire*> open_hires;
      for (auto& [hid, h] : ws->hires)
        if (const MatchActor a = actor_of(*ws, ws->matches.at(h.match), s); !hire_complete(h) && (a.job_owner || a.case_manager))
          open_hires.push_back(&h);
      CHECK(hires_to_complete(*ws, s) == open_hires);
      matches += int(waiting.size()), hires += int(open_hires.size());
      const MyWork w = my_work(*ws, s, now);
      int tagged = 0, logged = 0;
      for (auto& [cid, c] : ws->comments)
        tagged += c.at > now - 7 * 86400 && std::find(c.tags.begin(), c.tags.end(), id) != c.tags.end();
      const ProgramQuarter q = program_quarter_of(date_of(now));
      for (auto& [sid, sv] : ws->services)
        logged += sv.staff == id && !is_voided(sv) && program_quarter_of(sv.date) == q;
      CHECK(w.mentions == (can_see_comments(s) ? tagged : 0));
      if (w.services) CHECK(w.services->count == logged);
      mentions += w.mentions, accounts += int(w.accounts_to_enter.size()), reassign += int(w.reassign.size());
      services += w.services ? w.services->count : 0, jobs += int(w.jobs_to_reassign.size());
    }
  }
  // Each was asked where it has something to find.
  CHECK(untriaged > 0);
  CHECK(triaged > 0);
  CHECK(mentions > 0);
  CHECK(accounts > 0);
  CHECK(services > 0);
  CHECK(reassign > 0);
  CHECK(jobs > 0);
  CHECK(matches > 0);
  CHECK(hires > 0);
}

TEST_CASE("C2, N2, S1: My Work reads the caseload again only after a client, contact or activity is written") {
  const LocalSeconds now = at("2026-11-20T10:00");
  Generated g = generate_workspace(200, 7, "gen7", now);
  REQUIRE(g.refused == 0);
  Workspace& ws = g.workspace;
  // The ERS holding the most clients, and one of their clients with an activity under way.
  const Staff* me = nullptr;
  for (auto& [id, s] : ws.staff)
    if (s.active && s.role == Role::EmploymentReadinessSpecialist &&
        (!me || records_in(ws.clients, ws.clients_by_primary_contact, id).size() >
                    records_in(ws.clients, ws.clients_by_primary_contact, me->id).size()))
      me = &s;
  REQUIRE(me);
  MyWork work = my_work(ws, *me, now);
  REQUIRE(work.caseload.size() > 10);
  REQUIRE(work.month.rows.size() > 10);
  const Client* client = nullptr;
  std::vector<ActivityReview> reviews;
  for (const Client* c : work.caseload) {
    reviews.clear();
    for (const Activity* a : records_in(ws.activities, ws.activities_by_client, c->id))
      if (!a->end) reviews.push_back({a->id, ActivityDecision::Continues, ""});
    if (!reviews.empty()) { client = c; break; }
  }
  REQUIRE(client);
  const RecordId who = client->id;
  auto same = [](const MyWork& a, const MyWork& b) {
    CHECK(a.caseload == b.caseload);
    CHECK(a.stale == b.stale);
    REQUIRE(a.month.rows.size() == b.month.rows.size());
    for (std::size_t i = 0; i < a.month.rows.size(); ++i) {
      CHECK(a.month.rows[i].client == b.month.rows[i].client);
      CHECK(a.month.rows[i].standing == b.month.rows[i].standing);
    }
    CHECK(std::tie(a.month.contacted, a.month.due, a.month.overdue, a.month.missed, a.month.contacts, a.month.in_person) ==
          std::tie(b.month.contacted, b.month.due, b.month.overdue, b.month.missed, b.month.contacts, b.month.in_person));
  };
  const std::vector<std::pair<Command, bool>> steps = {  // a change, and whether it writes the caseload's kinds
      {AddComment{who, "Called about the interview"}, false},
      {RaiseIssue{who, "Missed the workshop", IssueSource::Client, ""}, false},
      {AddGoal{who, "Earn a forklift certificate"}, false},
      {RecordContact{who, "", ContactType::InPerson, ContactWith::Participant, "Met at the center", {}, reviews}, true},
      {AddComment{who, "Brought the documents"}, false},
      {AddActivity{who, "Resume workshop", "", "", "2026-11-20", "2026-11-27"}, true},
      {ExitClient{who, "", "Entered employment"}, true},
      {AddComment{who, "Exit letter sent"}, false},
  };
  for (const auto& step : steps) {  // not a structured binding: CAPTURE cannot take one in clang 14
    const Command& cmd = step.first;
    const bool writes = step.second;
    CAPTURE(command_type(cmd));
    const std::uint64_t before = ws.caseload_change;
    REQUIRE(apply(ws, cmd, Context{me->id, now}).ok);
    CHECK((ws.caseload_change != before) == writes);
    const MyWork fresh = my_work(ws, *me, now);
    // Kept from the last My Work when nothing it reads changed, it is what a fresh one reads.
    if (!writes) same(my_work(ws, *me, now, &work), fresh);
    work = fresh;
  }
  CHECK(std::find(work.caseload.begin(), work.caseload.end(), client) == work.caseload.end());  // exited
}
