// Performance standards and targets (R4): each standard met and missed by a
// hand-built case, who sees whose, and targets with what was achieved.
#include "business.hpp"
#include "helpers.hpp"
#include "matches.hpp"
#include "performance.hpp"
#include "queries.hpp"

using namespace bw;
using namespace bw::test;
using namespace std::chrono;

namespace {
struct Quarter : Area {
  const year_month_day from = 2026y / October / 1, to = 2026y / December / 31;
  Tally of(const RecordId& staff, Standard s) {
    auto all = performance(ws, from, to, now);
    return all.count(staff) ? all.at(staff)[int(s)] : Tally{};
  }
  void at_time(const char* t) { now = at(t); }
};
}  // namespace

TEST_CASE("R4, N2: a month counts once it ended, or once the client was contacted in it") {
  Quarter a;
  a.at_time("2026-10-01T09:00");
  const RecordId c1 = a.ok(EnrolClient{"Ana", "Lopez", "1990-04-02", "", "", {Program::WioaAdult}, a.provider, a.ers, "2026-09-15"}, a.ers);
  const RecordId c2 = a.ok(EnrolClient{"Bo", "Kim", "1990-04-02", "", "", {Program::WioaAdult}, a.provider, a.ers, "2026-09-15"}, a.ers);
  a.at_time("2026-10-20T09:00");
  a.ok(RecordContact{c1, "2026-10-20", ContactType::InPerson, ContactWith::Participant, "Resume review", {}, {}}, a.ers);
  // Mid-October: c1 met October; c2's October is not over, so not counted yet.
  Tally t = a.of(a.ers, Standard::MonthlyContacts);
  CHECK(t.met == 1);
  CHECK(t.total == 1);
  // In December: October and November ended; c2 missed both, c1 missed November.
  a.at_time("2026-12-02T09:00");
  t = a.of(a.ers, Standard::MonthlyContacts);
  CHECK(t.total == 4);
  CHECK(t.met == 1);
  REQUIRE(t.misses.size() == 3);
  CHECK(t.misses[0].why == "no contact in Oct 2026");
  CHECK(t.misses[0].record == c2);
  CHECK(a.of(a.ers2, Standard::MonthlyContacts).total == 0);
}

TEST_CASE("R4: issues, jobs, matches, hires, services, accounts and plans, each met and missed") {
  Quarter a;
  a.at_time("2026-11-02T09:00");  // Monday
  const RecordId client = a.ok(a.adult(), a.ers);
  // E3: one closed in time, one after missing its level-1 deadline.
  const RecordId quick = a.ok(RaiseIssue{client, "Bus pass", IssueSource::Client, {}}, a.ers);
  a.ok(CloseIssue{quick, IssueOutcome::Resolved, "Pass issued"}, a.ers);
  const RecordId slow = a.ok(RaiseIssue{client, "Childcare", IssueSource::Client, {}}, a.ers);
  a.at_time("2026-11-04T09:00");  // past Tuesday 17:00: escalated to level 2
  a.ok(CloseIssue{slow, IssueOutcome::Resolved, "Subsidy arranged"}, a.ers);
  Tally t = a.of(a.ers, Standard::IssuesOnTime);
  CHECK(t.met == 1);
  CHECK(t.total == 2);
  REQUIRE(t.misses.size() == 1);
  CHECK(t.misses[0].record == slow);
  CHECK(t.misses[0].why == "missed 1 deadline before it was closed");

  // J1: a job order received Monday, posted Wednesday: late; another posted the same day.
  const RecordId employer = a.ok(AddEmployer{"Valley Health Partners", "94-1234567", "", EmployerKind::DirectEmployer, "Clinic",
                                             "12 Main St, Clovis, CA", "621111"},
                                 a.bsr);
  const RecordId site = a.ws.establishments_by_employer.at(employer).front();
  const RecordId late_job = a.ok(PostJob{site, "Medical assistant", "", 1, "2026-11-02", "", 0, ""}, a.bsr);
  const RecordId job = a.ok(PostJob{site, "Receptionist", "", 1, "", "", 0, ""}, a.bsr);
  t = a.of(a.bsr, Standard::JobsPosted);
  CHECK(t.met == 1);
  CHECK(t.total == 2);
  CHECK(t.misses.at(0).record == late_job);

  // M3: a match left unanswered past its due time is a miss for the job owner; one answered in time is met.
  const RecordId waiting = a.ok(ReferMatch{client, job, {"a", "b", "c", "none"}}, a.ers);  // Wed 09:00, due Thu 17:00
  CHECK(a.of(a.bsr, Standard::MatchActions).total == 0);  // not due yet
  a.at_time("2026-11-05T17:01");
  t = a.of(a.bsr, Standard::MatchActions);
  CHECK(t.total == 1);
  CHECK(t.met == 0);
  CHECK(t.misses.at(0).record == waiting);
  a.ok(ActOnMatch{waiting, MatchAction::Approve, "", ""}, a.bsr);  // late: still a miss
  t = a.of(a.bsr, Standard::MatchActions);
  CHECK(t.total == 1);
  CHECK(t.met == 0);
  CHECK(t.misses.at(0).why == "acted after 17:00 of the next business day");
  const RecordId second = a.ok(a.adult(), a.ers);
  const RecordId prompt = a.ok(ReferMatch{second, late_job, {"a", "b", "c", "none"}}, a.ers);
  a.ok(ActOnMatch{prompt, MatchAction::Approve, "", ""}, a.bsr);
  CHECK(a.of(a.bsr, Standard::MatchActions).met == 1);

  // M5: the case manager records a hire learned of a week ago: late, and theirs.
  a.ok(ActOnMatch{waiting, MatchAction::Approve, "", ""}, a.ers);
  a.ok(ActOnMatch{waiting, MatchAction::RecordHired, "", "2026-10-29"}, a.ers);
  t = a.of(a.ers, Standard::HiresRecorded);
  CHECK(t.total == 1);
  CHECK(t.met == 0);
  CHECK(a.of(a.bsr, Standard::HiresRecorded).total == 0);

  // R1: a service entered the same day, and one of a week before.
  a.ok(LogService{site, "", "Hiring event", {}, Program::WioaAdult, "Filled two openings"}, a.bsr);
  a.ok(LogService{site, "2026-10-29", "Hiring event", {}, Program::WioaAdult, "Filled one opening"}, a.bsr);
  t = a.of(a.bsr, Standard::ServicesEntered);
  CHECK(t.met == 1);
  CHECK(t.total == 2);
  CHECK(t.misses.at(0).record == employer);

  // B3: entering an account counts from the first reply; the BSR entered it before any: not counted.
  CHECK(a.of(a.bsr, Standard::AccountsEntered).total == 0);

  // S1: plans as they stand: none agreed yet; then one agreed.
  t = a.of(a.ers, Standard::PlansAgreed);
  CHECK(t.total == 2);
  CHECK(t.met == 0);
  a.ok(AddGoal{client, "Work in health care"}, a.ers);
  a.ok(RecordPlanAgreement{client, "", "In person"}, a.ers);
  CHECK(a.of(a.ers, Standard::PlansAgreed).met == 1);
}

TEST_CASE("R4: who sees whose standards; the query's rows and misses") {
  Quarter a;
  a.at_time("2026-11-02T09:00");
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId slow = a.ok(RaiseIssue{client, "Childcare", IssueSource::Client, {}}, a.ers);
  a.at_time("2026-11-04T09:00");
  a.ok(CloseIssue{slow, IssueOutcome::Resolved, "Subsidy arranged"}, a.ers);
  const json args = {{"program_year", 2026}, {"quarter", 2}};
  // Oneself only.
  json mine = query(a.ws, "performance", args, a.ers, a.now)["result"];
  REQUIRE(mine["staff"].size() == 1);
  CHECK(mine["staff"][0]["name"] == "Erin Ers");
  CHECK(mine["organisations"].empty());
  CHECK(mine["board"].is_null());
  CHECK(mine["standards"].size() == kStandards.size());
  const json issues = mine["staff"][0]["standards"][int(Standard::IssuesOnTime)];
  CHECK(issues == json{{"standard", "issues_on_time"}, {"met", 0}, {"total", 1}});
  // A Manager: their organisation's people and total.
  json managed = query(a.ws, "performance", args, a.manager, a.now)["result"];
  CHECK(managed["organisations"].size() == 1);
  CHECK(managed["board"].is_null());
  // The board: everyone, every organisation, the total.
  json board = query(a.ws, "performance", args, a.admin, a.now)["result"];
  CHECK(board["board"][int(Standard::IssuesOnTime)]["total"] == 1);
  CHECK(query(a.ws, "performance", args, a.trainer, a.now)["error"]["code"] == "not_allowed");
  // Misses: the record and why.
  json misses = query(a.ws, "performance_misses", {{"program_year", 2026}, {"quarter", 2}, {"standard", "issues_on_time"}, {"staff", a.ers}},
                      a.manager, a.now)["result"];
  REQUIRE(misses.size() == 1);
  CHECK(misses[0]["record"] == slow);
  CHECK(misses[0]["title"] == "Issue about Ana Lopez");
  CHECK(query(a.ws, "performance_misses", {{"standard", "issues_on_time"}, {"staff", a.ers}}, a.ers2, a.now)["error"]["code"] ==
        "not_allowed");
  CHECK(query(a.ws, "performance_misses", {{"standard", "issues_on_time"}}, a.admin, a.now)["result"].size() == 1);
  CHECK(query(a.ws, "performance_misses", {{"standard", "nope"}}, a.admin, a.now)["error"]["code"] == "invalid_field");
}

TEST_CASE("R4: the board's targets per quarter, with what was achieved") {
  Quarter a;
  a.at_time("2026-11-02T09:00");
  const RecordId employer = a.ok(AddEmployer{"Valley Health Partners", "94-1234567", "", EmployerKind::DirectEmployer, "Clinic",
                                             "12 Main St, Clovis, CA", "621111"},
                                 a.bsr);
  const RecordId site = a.ws.establishments_by_employer.at(employer).front();
  a.ok(LogService{site, "", "Hiring event", {}, Program::WioaAdult, "Filled two openings"}, a.bsr);
  a.ok(LogService{site, "", "Business consultation", {}, Program::WioaAdult, "Wage survey"}, a.bsr);
  a.ok(LogCommunication{employer, "", Channel::Telephone, false, true, "HR answered"}, a.bsr);
  CHECK(a.run(SetTarget{2026, 2, "services", {}, 10}, a.bsr).error.code == "not_allowed");
  CHECK(a.run(SetTarget{2026, 2, "smiles", {}, 10}).error.code == "invalid_field");
  CHECK(a.run(SetTarget{2026, 5, "services", {}, 10}).error.code == "invalid_field");
  a.ok(SetTarget{2026, 2, "services", {}, 10});
  a.ok(SetTarget{2026, 2, "establishments_served", a.provider, 4});
  a.ok(SetTarget{2026, 2, "active_accounts", {}, 3});
  a.ok(SetTarget{2026, 2, "services", {}, 12});  // replaces the 10
  const json targets = query(a.ws, "targets", {{"program_year", 2026}, {"quarter", 2}}, a.bsr, a.now)["result"];
  REQUIRE(targets.size() == 3);
  std::map<std::string, std::pair<long long, long long>> got;
  for (auto& t : targets) got[t["measure"]] = {t["target"], t["achieved"]};
  CHECK(got["services"] == std::pair{12LL, 2LL});
  CHECK(got["establishments_served"] == std::pair{4LL, 1LL});
  CHECK(got["active_accounts"] == std::pair{3LL, 1LL});
  CHECK(achieved(a.ws, Measure::Services, {2026, 2}, a.youth_provider, a.now) == 0);  // not their staff's
  a.ok(SetTarget{2026, 2, "services", {}, 0});  // removed
  CHECK(query(a.ws, "targets", {{"program_year", 2026}, {"quarter", 2}}, a.bsr, a.now)["result"].size() == 2);
  CHECK(query(a.ws, "targets", {{"program_year", 2026}, {"quarter", 3}}, a.bsr, a.now)["result"].empty());
}
