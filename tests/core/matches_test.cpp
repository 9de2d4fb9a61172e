// Match records and hires (M1-M5): the state machine for every stage, action
// and actor; the workflow through commands; timeliness; notifications.
#include "business.hpp"
#include "helpers.hpp"
#include "matches.hpp"
#include "queries.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

TEST_CASE("M1-M4: every stage x action x actor is allowed or refused with a reason") {
  const MatchActor actors[] = {{true, false}, {false, true}, {true, true}, {false, false}};
  int allowed = 0, refused = 0;
  for (MatchStage stage : kMatchStages)
    for (int flags = 0; flags < 8; ++flags) {
      Match m;
      m.stage = stage;
      if (flags & 1) m.owner_approved_at = 1;
      if (flags & 2) m.case_manager_approved_at = 1;
      if (flags & 4) m.interview_granted_at = 1;
      for (MatchAction action : kMatchActions)
        for (MatchActor actor : actors) {
          // The rules, written out again: who (M2), then what each stage allows (M3, M4).
          bool expect = actor.job_owner || actor.case_manager;
          const bool open = stage != MatchStage::Hired && stage != MatchStage::NotHired && stage != MatchStage::Withdrawn;
          expect = expect && open;
          const bool waiting = stage == MatchStage::WaitingToHearResults;
          // M1: a self-select match waits for the case manager's explanation; only withdrawing is open.
          if (stage == MatchStage::Interested) expect = expect && action == MatchAction::Withdraw;
          switch (action) {
            case MatchAction::Approve:
              expect = expect && stage == MatchStage::AwaitingApproval &&
                       ((actor.job_owner && !(flags & 1)) || (actor.case_manager && !(flags & 2)));
              break;
            case MatchAction::SendBack: expect = expect && actor.job_owner && stage == MatchStage::AwaitingApproval; break;
            case MatchAction::RecordInterview: expect = expect && waiting && !(flags & 4); break;
            case MatchAction::RecordHired:
            case MatchAction::RecordNotHired: expect = expect && waiting; break;
            case MatchAction::Withdraw: break;
          }
          const auto why = match_action_refusal(m, action, actor);
          CAPTURE(match_stage_name(stage));
          CAPTURE(match_action_name(action));
          CAPTURE(flags);
          CAPTURE(actor.job_owner);
          CAPTURE(actor.case_manager);
          CHECK(!why.has_value() == expect);
          if (why) CHECK_FALSE(why->empty());
          (why ? refused : allowed) += 1;
          if (!why) {
            const MatchStage next = stage_after(m, action, actor);
            switch (action) {
              case MatchAction::Approve: {
                const bool both = ((flags & 1) || actor.job_owner) && ((flags & 2) || actor.case_manager);
                CHECK(next == (both ? MatchStage::WaitingToHearResults : MatchStage::AwaitingApproval));
                break;
              }
              case MatchAction::SendBack: CHECK(next == MatchStage::SentBack); break;
              case MatchAction::RecordInterview: CHECK(next == stage); break;
              case MatchAction::RecordHired: CHECK(next == MatchStage::Hired); break;
              case MatchAction::RecordNotHired: CHECK(next == MatchStage::NotHired); break;
              case MatchAction::Withdraw: CHECK(next == MatchStage::Withdrawn); break;
            }
          }
        }
    }
  CHECK(allowed > 0);
  CHECK(refused > allowed);
}

namespace {
struct Matching : Area {
  RecordId employer, site, job, client;
  Matching() {
    employer = ok(AddEmployer{"Valley Health Partners", "94-1234567", "", EmployerKind::DirectEmployer, "Clinic",
                              "12 Main St, Clovis, CA", "621111"},
                  bsr);
    site = ws.establishments_by_employer.at(employer).front();
    job = ok(PostJob{site, "Medical assistant", "", 1, "", "", 0, ""}, bsr);
    client = ok(adult(), ers);
  }
  MatchFit fit() const { return {"Two years as a clinic receptionist", "Resume done; mock interview passed", "Weekdays", "none"}; }
  std::vector<std::string> told(const RecordId& staff) {
    std::vector<std::string> out;
    const json answer = query(ws, "notifications", json::object(), staff, now);  // kept: the loop reads into it
    for (auto& n : answer["result"]) out.push_back(n["text"]);
    return out;
  }
};
}  // namespace

TEST_CASE("M1-M4: a referral is approved by both, then hired, which makes the hire record") {
  Matching a;
  CHECK(a.run(ReferMatch{a.client, a.job, {"x", "", "y", "z"}}, a.ers).error.message == "Say how the client is ready for work (M1).");
  CHECK(a.run(ReferMatch{a.client, a.job, a.fit()}, a.trainer).error.code == "not_found");  // they see no jobs (C5)
  const RecordId id = a.ok(ReferMatch{a.client, a.job, a.fit()}, a.ers);
  CHECK(a.run(ReferMatch{a.client, a.job, a.fit()}, a.ers).error.code == "duplicate");
  const Match& m = a.ws.matches.at(id);
  CHECK(m.job_owner == a.bsr);
  CHECK(m.case_manager == a.ers);
  CHECK(a.told(a.bsr).size() == 1);  // the referrer (the case manager) is not told of their own act
  CHECK(matches_to_act_on(a.ws, a.ws.staff.at(a.bsr)).size() == 1);
  CHECK(a.run(ActOnMatch{id, MatchAction::RecordHired, "", ""}, a.bsr).error.code == "not_allowed");
  CHECK(a.run(ActOnMatch{id, MatchAction::Approve, "", ""}, a.ers2).error.message ==
        "Only the job owner and the client's case manager act on a match (M2).");
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.bsr);
  CHECK(m.stage == MatchStage::AwaitingApproval);
  CHECK(owner_acted_on_time(a.ws, m) == true);
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.ers);
  CHECK(m.stage == MatchStage::WaitingToHearResults);
  CHECK(a.told(a.bsr).front() == "Ana Lopez for Medical assistant: both approved; Waiting to Hear Results (M3).");
  a.ok(ActOnMatch{id, MatchAction::RecordInterview, "", ""}, a.ers);
  CHECK(m.interview_granted_at.has_value());
  a.now = at("2026-11-23T10:00");  // Monday; learned of it Friday
  const Outcome hired = a.run(ActOnMatch{id, MatchAction::RecordHired, "", "2026-11-20"}, a.bsr);
  REQUIRE(hired.ok);
  CHECK(m.stage == MatchStage::Hired);
  REQUIRE(a.ws.hires.size() == 1);
  const Hire& h = a.ws.hires.begin()->second;
  CHECK(h.client == a.client);
  CHECK(h.establishment == a.site);
  CHECK(hire_recorded_on_time(a.ws, h));  // by Monday 17:00
  Hire late = h;
  late.recorded_at = at("2026-11-23T17:01");
  CHECK_FALSE(hire_recorded_on_time(a.ws, late));
  CHECK(a.told(a.ers).front() == "Ana Lopez for Medical assistant: hired. Complete the hire record: start date, wage, hours (M4).");
  // Both are told of the hire, the one who recorded it too: the hire record is a task for each (M4).
  CHECK(a.told(a.bsr).front() == "Ana Lopez for Medical assistant: hired. Complete the hire record: start date, wage, hours (M4).");
  CHECK(a.told(a.bsr)[1] == "Ana Lopez for Medical assistant: Interview granted by Erin Ers.");  // not told of their own acts otherwise
  CHECK(hires_to_complete(a.ws, a.ws.staff.at(a.ers)).size() == 1);
  CHECK(hires_to_complete(a.ws, a.ws.staff.at(a.bsr)).size() == 1);
  CHECK(a.run(CompleteHire{h.id, "2026-12-01", 18.5, 95}, a.ers).error.message == "Hours a week are between 1 and 80.");
  CHECK_FALSE(h.start_date.has_value());  // a refusal changes nothing
  a.ok(CompleteHire{h.id, "2026-12-01", 18.5, std::nullopt}, a.ers);
  CHECK_FALSE(hire_complete(h));
  a.ok(CompleteHire{h.id, "", std::nullopt, 32}, a.bsr);
  CHECK(hire_complete(h));
  CHECK(*h.wage_cents == 1850);
  CHECK(hires_to_complete(a.ws, a.ws.staff.at(a.ers)).empty());
  CHECK(a.run(ActOnMatch{id, MatchAction::Withdraw, "", ""}, a.ers).error.message == "This match is closed: Hired.");
}

TEST_CASE("M3: the job owner acts within one business day; a send-back comes back as a new turn") {
  Matching a;
  a.now = at("2026-11-20T16:00");  // Friday
  const RecordId id = a.ok(ReferMatch{a.client, a.job, a.fit()}, a.ers);
  const Match& m = a.ws.matches.at(id);
  CHECK(owner_action_due(a.ws, m) == at("2026-11-23T17:00"));
  CHECK_FALSE(owner_action_overdue(a.ws, m, at("2026-11-23T17:00")));
  CHECK(owner_action_overdue(a.ws, m, at("2026-11-23T17:01")));
  CHECK(a.run(ActOnMatch{id, MatchAction::SendBack, "", ""}, a.bsr).error.message == "Say what the case manager should change (M3).");
  CHECK(a.run(ActOnMatch{id, MatchAction::SendBack, "x", ""}, a.ers).error.message ==
        "Only the job owner sends a match back for edits (M3).");
  a.now = at("2026-11-23T17:30");
  a.ok(ActOnMatch{id, MatchAction::SendBack, "Say more about phone skills", ""}, a.bsr);
  CHECK(m.stage == MatchStage::SentBack);
  CHECK(owner_acted_on_time(a.ws, m) == false);  // after Monday 17:00
  CHECK(a.told(a.ers).front() == "Ana Lopez for Medical assistant: Send back for edits by Ben Bsr: Say more about phone skills.");
  CHECK(matches_to_act_on(a.ws, a.ws.staff.at(a.ers)).size() == 1);
  CHECK(a.run(ResubmitMatch{id, a.fit()}, a.bsr).error.code == "not_allowed");
  a.ok(ResubmitMatch{id, {"Two years answering a clinic's phones", "Ready", "Weekdays", "none"}}, a.ers);
  CHECK(m.stage == MatchStage::AwaitingApproval);
  CHECK(m.case_manager_approved_at.has_value());
  CHECK_FALSE(m.owner_acted_at.has_value());  // a new turn for the job owner
  CHECK(owner_action_due(a.ws, m) == at("2026-11-24T17:00"));
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.bsr);
  CHECK(m.stage == MatchStage::WaitingToHearResults);
  a.ok(ActOnMatch{id, MatchAction::RecordNotHired, "Hired someone with more experience", ""}, a.ers);
  CHECK(m.stage == MatchStage::NotHired);
  CHECK(a.ws.hires.empty());
}

TEST_CASE("M1, M2, J3: referrals follow the job board; a dual-enrolled client's case manager is the board's") {
  Matching a;
  EnrolClient dual = a.adult();
  dual.first_name = "Dana";
  dual.programs = {Program::WioaAdult, Program::DirectServices};
  const RecordId d = a.ok(dual, a.ers);
  CHECK(case_manager_for(a.ws, a.ws.clients.at(d)) == a.ers);  // no board Case Manager yet
  const RecordId board_cm = a.ok(AddStaff{"Cara Case", "", a.board, Role::CaseManager, ""});
  CHECK(case_manager_for(a.ws, a.ws.clients.at(d)) == board_cm);
  const RecordId id = a.ok(ReferMatch{d, a.job, a.fit()}, a.ers);
  CHECK(a.ws.matches.at(id).case_manager == board_cm);
  // A subsidised job is not on a direct-services-only client's board.
  a.ok(SetSubsidisedProgram{"On-the-Job Training", a.provider});
  const RecordId ojt = a.ok(PostJob{a.site, "OJT assistant", "", 1, "", "", 0, "On-the-Job Training"}, a.bsr);
  EnrolClient direct = a.adult();
  direct.first_name = "Dora";
  direct.programs = {Program::DirectServices};
  const RecordId only_direct = a.ok(direct, a.ers);
  CHECK(a.run(ReferMatch{only_direct, ojt, a.fit()}, a.ers).error.message.find("OJT assistant is not on Dora Lopez's job board") == 0);
}

TEST_CASE("matches and hires round-trip through the stored form") {
  Matching a;
  const RecordId id = a.ok(ReferMatch{a.client, a.job, a.fit()}, a.ers);
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.bsr);
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.ers);
  a.ok(ActOnMatch{id, MatchAction::RecordHired, "", ""}, a.ers);
  a.ok(CompleteHire{a.ws.hires.begin()->first, "2026-12-01", 18.5, 40}, a.ers);
  WorkspaceStore store(a.ws, false);
  auto batch = store.next_batch();
  Workspace loaded = std::get<Workspace>(decode_meta(batch->meta));
  for (auto& [k, v] : batch->buckets) REQUIRE_FALSE(decode_bucket(loaded, v));
  loaded.place_records_read();
  CHECK(to_json(loaded.matches.at(id)) == to_json(a.ws.matches.at(id)));
  for (auto& [hid, h] : a.ws.hires) CHECK(to_json(loaded.hires.at(hid)) == to_json(h));
  json q = query(a.ws, "matches", {{"stage", "hired"}}, a.ers, a.now)["result"];
  REQUIRE(q.size() == 1);
  CHECK(q[0]["stage_label"] == "Hired");
  CHECK(query(a.ws, "hires", json::object(), a.ers, a.now)["result"][0]["complete"] == true);
}
