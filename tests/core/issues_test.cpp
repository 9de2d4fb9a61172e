// Issues (E1-E5) through commands: owner, early escalation, who closes, the
// outcomes, and the case note every step leaves (N5).
#include "escalation.hpp"
#include "helpers.hpp"
#include "queries.hpp"
#include "setup.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

namespace {
std::vector<std::string> notes_of(const Workspace& ws, const RecordId& client) {
  std::vector<std::string> out;
  for (auto& [id, n] : ws.case_notes)
    if (n.client == client) out.push_back(n.text);
  return out;
}
}  // namespace

TEST_CASE("E1, E2: an issue raised by anyone is owned by the client's primary contact") {
  Area a;
  a.now = at("2027-01-15T16:59");  // Friday before Martin Luther King, Jr. Day
  const RecordId client = a.ok(a.adult(), a.ers);
  CHECK(a.run(RaiseIssue{client, "Late", IssueSource::TrainingProvider}, a.trainer).error.message ==
        "Training-provider staff raise issues only about students in their own training (C5).");
  a.train(client);
  CHECK(a.run(RaiseIssue{client, "", IssueSource::TrainingProvider}, a.trainer).error.code == "missing_field");
  CHECK(a.run(RaiseIssue{client, "Late", IssueSource::Client}, a.trainer).error.message ==
        "Training-provider staff raise issues as the training provider (E1, C5).");
  const RecordId id = a.ok(RaiseIssue{client, "Missed three training days", IssueSource::TrainingProvider}, a.trainer);
  const Issue& i = a.ws.issues.at(id);
  CHECK(i.owner == a.ers);
  CHECK(i.raised_at == a.now);
  const auto notes = notes_of(a.ws, client);
  REQUIRE(notes.size() == 2);  // the training activity, then the issue
  CHECK(notes[1] == "Issue raised (A training provider): Missed three training days. Owner Erin Ers, "
                    "to resolve by Tue Jan 19, 2027 5:00 PM (E3).");
  CHECK(a.ws.case_notes_of(client).front()->by == a.trainer);
}

TEST_CASE("E4: only the owner escalates early, one level at a time") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId id = a.ok(RaiseIssue{client, "Complaint about placement", IssueSource::Client}, a.ers);
  CHECK(a.run(EscalateIssue{id}, a.manager).error.message == "Only the issue's owner escalates it early (E4).");
  REQUIRE(a.run(EscalateIssue{id}, a.ers).ok);
  CHECK(escalation_of(a.ws, a.ws.issues.at(id), a.now).level == 2);
  REQUIRE(a.run(EscalateIssue{id}, a.ers).ok);
  CHECK(escalation_of(a.ws, a.ws.issues.at(id), a.now).level == 3);
  CHECK(a.run(EscalateIssue{id}, a.ers).error.message == "The issue is already with the board (level 3).");
  CHECK(notes_of(a.ws, client).size() == 3);
}

TEST_CASE("E3, E5: who may close an issue at each level") {
  Area a;
  a.now = at("2026-11-23T09:00");  // Monday
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId id = a.ok(RaiseIssue{client, "Conflict with employer", IssueSource::Employer}, a.bsr);
  const RecordId pm = a.ok(AddStaff{"Pam Program", "", a.board, Role::BoardProgramManager, ""});
  const CloseIssue close{id, IssueOutcome::Resolved, "Met with client and employer; agreed a new schedule."};
  CHECK(a.run(close, a.ers2).error.code == "not_allowed");
  CHECK(a.run(close, pm).error.code == "not_allowed");  // not before level 3
  // Level 1 until Tue 17:00; level 2 for Wed, Fri, Mon (Thanksgiving between): level 3 on Tuesday.
  a.now = at("2026-12-01T09:00");
  CHECK(escalation_of(a.ws, a.ws.issues.at(id), a.now).level == 3);
  CHECK(a.run(CloseIssue{id, IssueOutcome::Resolved, ""}, pm).error.message == "Write what was done and agreed (N5).");
  REQUIRE(a.run(close, pm).ok);
  const Issue& i = a.ws.issues.at(id);
  CHECK_FALSE(is_open(i));
  CHECK(i.outcome == IssueOutcome::Resolved);
  CHECK(escalation_of(a.ws, i, at("2027-06-01T00:00")).level == 3);  // frozen at closing
  CHECK(notes_of(a.ws, client).back() == "Issue closed at level 3: Resolved. Met with client and employer; agreed a new schedule.");
  CHECK(a.run(close, a.ers).error.message == "This issue is already closed.");
}

TEST_CASE("E5: closing with exit from the program exits the client (C4)") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId id = a.ok(RaiseIssue{client, "No longer attending", IssueSource::Staff}, a.ers);
  REQUIRE(a.run(CloseIssue{id, IssueOutcome::ExitFromProgram, "Client moved out of state."}, a.manager).ok);
  const Client& c = a.ws.clients.at(client);
  CHECK_FALSE(is_active(c));
  CHECK(c.exit_reason == "Client moved out of state.");
  CHECK(a.run(RaiseIssue{client, "x", IssueSource::Staff}, a.ers).error.code == "not_allowed");
}

TEST_CASE("the issues each person answers for, level 3 first, then soonest due") {
  Area a;
  a.now = at("2026-11-23T09:00");
  const RecordId c1 = a.ok(a.adult(), a.ers);
  const RecordId old_issue = a.ok(RaiseIssue{c1, "Old", IssueSource::Client}, a.ers);
  a.now = at("2026-11-24T09:00");
  const RecordId new_issue = a.ok(RaiseIssue{c1, "New", IssueSource::Client}, a.ers);
  a.now = at("2026-11-24T18:00");  // the old one has passed its level-1 deadline
  auto mine = issues_to_act_on(a.ws, a.ws.staff.at(a.ers), a.now);
  REQUIRE(mine.size() == 2);
  CHECK(mine[0]->id == new_issue);  // due Wed 17:00, before the old one's level-2 deadline
  CHECK(mine[1]->id == old_issue);
  auto managers = issues_to_act_on(a.ws, a.ws.staff.at(a.manager), a.now);
  REQUIRE(managers.size() == 1);    // only the one at level 2
  CHECK(managers[0]->id == old_issue);
  json q = query(a.ws, "issues", {{"client", c1}}, a.manager, a.now)["result"];
  REQUIRE(q.size() == 2);
  CHECK(q[0]["level"] == 2);
  CHECK(q[0]["deadline"] == "2026-11-30T17:00:00");  // Wed, Fri, Mon: Thursday is Thanksgiving
  CHECK(q[0]["reason"] == "Not resolved by Tue Nov 24, 2026 5:00 PM: escalated automatically (E4).");
  CHECK(query(a.ws, "case_notes", {{"client", c1}}, a.ers, a.now)["result"][0]["text"].get<std::string>().find("New") != std::string::npos);
}

TEST_CASE("issues and case notes round-trip through the stored form") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  a.train(client);
  const RecordId id = a.ok(RaiseIssue{client, "Late to class", IssueSource::TrainingProvider}, a.trainer);
  a.ok(EscalateIssue{id}, a.ers);
  a.ok(CloseIssue{id, IssueOutcome::CorrectiveActionPlan, "Counselling plan agreed."}, a.ers);
  WorkspaceStore store(a.ws, false);
  auto batch = store.next_batch();
  Workspace loaded = std::get<Workspace>(decode_meta(batch->meta));
  for (auto& [k, v] : batch->buckets) REQUIRE_FALSE(decode_bucket(loaded, v));
  loaded.place_records_read();
  CHECK(to_json(loaded.issues.at(id)) == to_json(a.ws.issues.at(id)));
  REQUIRE(loaded.case_notes.size() == 4);
  for (auto& [nid, n] : a.ws.case_notes) CHECK(to_json(loaded.case_notes.at(nid)) == to_json(n));
}

TEST_CASE("E2: on transfer (C3) the client's open issues follow the new primary contact") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId open = a.ok(RaiseIssue{client, "Open one", IssueSource::Client}, a.ers);
  const RecordId closed = a.ok(RaiseIssue{client, "Closed one", IssueSource::Client}, a.ers);
  a.ok(CloseIssue{closed, IssueOutcome::Resolved, "Done."}, a.ers);
  a.ok(TransferPrimaryContact{client, a.ers2, "Management review"}, a.manager);
  CHECK(a.ws.issues.at(open).owner == a.ers2);
  CHECK(a.ws.issues.at(closed).owner == a.ers);  // history stays as it was
}

TEST_CASE("E1: the issues about each client and employer are found through their index, also after a reload") {
  Workspace demo = create_demo_workspace("demo", at("2026-11-20T10:00")).workspace;
  auto scan = [](const Workspace& ws, const RecordId& subject) {
    std::vector<RecordId> out;
    for (auto& [id, i] : ws.issues)
      if (i.client == subject || i.employer == subject) out.push_back(id);
    return out;
  };
  auto indexed = [](const Workspace& ws, const RecordId& subject) {
    std::vector<RecordId> out;
    for (const Issue* i : issues_about(ws, subject)) out.push_back(i->id);
    return out;
  };
  auto reloaded = decode_backup(encode_backup(demo, at("2026-11-20T10:00")));
  REQUIRE(std::holds_alternative<Workspace>(reloaded));
  const Workspace& back = std::get<Workspace>(reloaded);
  int with_issues = 0;
  for (const Workspace* ws : {static_cast<const Workspace*>(&demo), &back}) {
    for (auto& [id, c] : ws->clients) {
      CHECK(indexed(*ws, id) == scan(*ws, id));
      with_issues += !scan(*ws, id).empty();
    }
    for (auto& [id, e] : ws->employers) CHECK(indexed(*ws, id) == scan(*ws, id));
  }
  CHECK(with_issues > 4);  // the demo's issues are spread over several clients
}
