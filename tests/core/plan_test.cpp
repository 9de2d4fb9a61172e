// The Individual Service Strategy (S1), its review at each contact (N3), exit
// from an activity (C4), the training-provider firewall (C5), agreement
// letters (N5) and the managers' view of open issues (E3, E4).
#include <set>

#include "access.hpp"
#include "escalation.hpp"
#include "helpers.hpp"
#include "letters.hpp"
#include "plan.hpp"
#include "queries.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;
using namespace std::chrono;

namespace {
year_month_day ymd(const char* iso) { return *parse_iso_date(iso); }

// Everything a refused command could have touched, to show it changed nothing.
std::string snapshot(const Workspace& ws) {
  json records = json::array();
  for (auto& [id, r] : ws.clients) records.push_back(to_json(r));
  for (auto& [id, r] : ws.goals) records.push_back(to_json(r));
  for (auto& [id, r] : ws.activities) records.push_back(to_json(r));
  for (auto& [id, r] : ws.contacts) records.push_back(to_json(r));
  for (auto& [id, r] : ws.case_notes) records.push_back(to_json(r));
  for (auto& [id, r] : ws.issues) records.push_back(to_json(r));
  return records.dump() + std::to_string(ws.audit.size()) + encode_meta(ws);
}
}  // namespace

TEST_CASE("S1: activity status on every day around its dates") {
  Activity a;
  a.start = ymd("2026-03-10");
  a.planned_end = ymd("2026-04-20");
  for (sys_days d = sys_days{ymd("2026-01-01")}; d <= sys_days{ymd("2026-12-31")}; d += days{1}) {
    const year_month_day today{d};
    const ActivityStatus expected = today < a.start          ? ActivityStatus::Planned
                                    : today <= a.planned_end ? ActivityStatus::InProgress
                                                             : ActivityStatus::Stale;
    CHECK(activity_status(a, today) == expected);
    Activity ended = a;
    ended.end = ActivityEnd::Completed;
    ended.actual_end = ymd("2026-04-01");
    CHECK(activity_status(ended, today) == ActivityStatus::Completed);  // an end is never stale
    ended.end = ActivityEnd::Exited;
    CHECK(activity_status(ended, today) == ActivityStatus::Exited);
  }
}

TEST_CASE("S1: goals and activities are added with clear refusals") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId other = a.ok(a.youth(), a.aca);
  const RecordId goal = a.ok(AddGoal{client, "Work in long-term care"}, a.ers);
  CHECK(a.run(AddGoal{client, ""}, a.ers).error.message == "Write the goal (S1).");
  CHECK(a.run(AddGoal{client, "x"}, a.bsr).error.code == "not_allowed");
  CHECK(a.run(AddGoal{client, "x"}, a.trainer).error.code == "not_allowed");
  CHECK(a.run(AddActivity{client, "CNA", goal, {}, "2026-12-01", "2026-11-30"}, a.ers).error.message ==
        "The planned end is before the start.");
  CHECK(a.run(AddActivity{client, "CNA", goal, {}, "2026-02-30", "2026-11-30"}, a.ers).error.code == "invalid_field");
  CHECK(a.run(AddActivity{client, "", goal, {}, "2026-12-01", "2026-12-30"}, a.ers).error.message == "Name the activity (S1).");
  const RecordId other_goal = a.ok(AddGoal{other, "Finish school"}, a.aca);
  CHECK(a.run(AddActivity{client, "CNA", other_goal, {}, "2026-12-01", "2026-12-30"}, a.ers).error.message ==
        "That goal is not this client's.");
  CHECK(a.run(AddActivity{client, "CNA", goal, a.provider, "2026-12-01", "2026-12-30"}, a.ers).error.message ==
        "Training is given by an organisation of the kind Training provider (C5).");
  const RecordId act = a.ok(AddActivity{client, "CNA course", goal, a.training, "2026-12-01", "2026-12-30"}, a.ers);
  CHECK(a.ws.activities.at(act).training_provider == a.training);
  CHECK(goals_of(a.ws, client).size() == 1);
  CHECK(activities_of(a.ws, client).size() == 1);
  CHECK(activities_of(a.ws, other).empty());
  // N5: each step is on the client's file.
  const auto notes = a.ws.case_notes_of(client);
  REQUIRE(notes.size() == 2);
  CHECK(notes[0]->text == "Activity added to the service strategy: CNA course at Tech Institute, planned Dec 1, 2026 to "
                          "Dec 30, 2026 (S1)");
  a.ok(ExitClient{client, "", "Moved away"}, a.ers);
  CHECK(a.run(AddGoal{client, "x"}, a.ers).error.message == "Ana Lopez has exited the program.");
}

TEST_CASE("S1: the customer's agreement, and a plan changed after it") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  CHECK(plan_agreement(a.ws, a.ws.clients.at(client)) == PlanAgreement::NoPlan);
  CHECK(a.run(RecordPlanAgreement{client, "", "Signed"}, a.ers).error.message ==
        "Add the goals and activities the customer agrees to first (S1).");
  a.ok(AddGoal{client, "Work in long-term care"}, a.ers);
  CHECK(plan_agreement(a.ws, a.ws.clients.at(client)) == PlanAgreement::NotAgreed);
  CHECK(a.run(RecordPlanAgreement{client, "", ""}, a.ers).error.code == "missing_field");
  CHECK(a.run(RecordPlanAgreement{client, "2026-12-01", "Signed"}, a.ers).error.message == "The agreement date is in the future.");
  a.ok(RecordPlanAgreement{client, "2026-11-20", "Signed the ISS in person"}, a.ers);
  const Client& c = a.ws.clients.at(client);
  CHECK(c.plan_agreed_on == ymd("2026-11-20"));
  CHECK(c.plan_agreed_how == "Signed the ISS in person");
  CHECK(plan_agreement(a.ws, c) == PlanAgreement::Agreed);
  a.now = at("2026-11-21T09:00");  // an activity added the next day changes the agreed plan
  a.ok(AddActivity{client, "Job club", {}, {}, "2026-11-23", "2026-12-18"}, a.ers);
  CHECK(plan_agreement(a.ws, c) == PlanAgreement::ChangedSinceAgreed);
  a.ok(RecordPlanAgreement{client, "", "Agreed by phone to the added job club"}, a.ers);
  CHECK(plan_agreement(a.ws, c) == PlanAgreement::Agreed);
  json plan = query(a.ws, "plan", {{"client", client}}, a.ers, a.now)["result"];
  CHECK(plan["agreement"]["agreed"] == true);
  CHECK(plan["agreement"]["agreed_on"] == "2026-11-21");
  CHECK(plan["activities"][0]["status"] == "Planned");
}

TEST_CASE("S1: stale activities of a caseload, oldest planned end first") {
  Area a;
  const RecordId c1 = a.ok(a.adult(), a.ers);
  const RecordId c2 = a.ok(a.youth(), a.aca);
  const RecordId late = a.ok(AddActivity{c1, "Forklift", {}, {}, "2026-10-01", "2026-11-10"}, a.ers);
  const RecordId later = a.ok(AddActivity{c1, "Resume", {}, {}, "2026-10-01", "2026-11-19"}, a.ers);
  a.ok(AddActivity{c1, "Interviews", {}, {}, "2026-10-01", "2026-11-20"}, a.ers);  // ends today: not stale
  const RecordId youth = a.ok(AddActivity{c2, "GED", {}, {}, "2026-09-01", "2026-11-01"}, a.aca);
  auto mine = stale_activities(a.ws, a.ers, date_of(a.now));
  REQUIRE(mine.size() == 2);
  CHECK(mine[0]->id == late);
  CHECK(mine[1]->id == later);
  CHECK(stale_activities(a.ws, "", date_of(a.now)).front()->id == youth);
  a.ok(EndActivity{late, ActivityEnd::Completed, "2026-11-10", ""}, a.ers);
  CHECK(stale_activities(a.ws, a.ers, date_of(a.now)).size() == 1);
  a.ok(RescheduleActivity{later, "2026-12-15", "Class moved to December"}, a.ers);
  CHECK(stale_activities(a.ws, a.ers, date_of(a.now)).empty());
  a.ok(ExitClient{c2, "", "Moved away"}, a.aca);
  CHECK(stale_activities(a.ws, "", date_of(a.now)).empty());  // only active clients
}

TEST_CASE("C4: exit from an activity needs a reason; an activity ends once") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId act = a.ok(AddActivity{client, "CNA course", {}, {}, "2026-11-02", "2027-01-15"}, a.ers);
  const RecordId future = a.ok(AddActivity{client, "Job club", {}, {}, "2026-12-01", "2027-01-15"}, a.ers);
  CHECK(a.run(EndActivity{act, ActivityEnd::Exited, "", ""}, a.ers).error.message ==
        "Give the reason for the exit from the activity (C4).");
  CHECK(a.run(EndActivity{future, ActivityEnd::Completed, "", ""}, a.ers).error.message ==
        "Job club cannot be completed before it starts.");
  CHECK(a.run(EndActivity{act, ActivityEnd::Exited, "2026-11-21", "x"}, a.ers).error.message == "The end date is in the future.");
  a.ok(EndActivity{act, ActivityEnd::Exited, "2026-11-18", "Stopped attending after a schedule change"}, a.ers);
  const Activity& ended = a.ws.activities.at(act);
  CHECK(ended.end == ActivityEnd::Exited);
  CHECK(ended.actual_end == ymd("2026-11-18"));
  CHECK(a.run(EndActivity{act, ActivityEnd::Completed, "", ""}, a.ers).error.message == "The activity CNA course has already ended.");
  CHECK(a.ws.case_notes_of(client)[0]->text ==
        "Exited from the activity CNA course on Nov 18, 2026: Stopped attending after a schedule change (C4)");
  a.ok(EndActivity{future, ActivityEnd::Exited, "", "Found work first"}, a.ers);  // never started: exits still allowed
}

TEST_CASE("N3: a contact reviews every current activity, and can end them") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId other = a.ok(a.youth(), a.aca);
  const RecordId cna = a.ok(AddActivity{client, "CNA course", {}, {}, "2026-11-02", "2027-01-15"}, a.ers);
  const RecordId club = a.ok(AddActivity{client, "Job club", {}, {}, "2026-11-02", "2026-11-30"}, a.ers);
  const RecordId theirs = a.ok(AddActivity{other, "GED", {}, {}, "2026-11-02", "2027-03-01"}, a.aca);
  RecordContact c{client, "", ContactType::InPerson, ContactWith::Participant, "Met at the center", {}, {}};
  const std::string before = snapshot(a.ws);
  CHECK(a.run(c, a.ers).error.message == "Review each current activity at the contact (N3): is CNA course still right?");
  c.activities = {{cna, ActivityDecision::Continues, ""}};
  CHECK(a.run(c, a.ers).error.message == "Review each current activity at the contact (N3): is Job club still right?");
  c.activities = {{cna, ActivityDecision::Continues, ""}, {cna, ActivityDecision::Continues, ""}};
  CHECK(a.run(c, a.ers).error.message == "The activity CNA course is reviewed twice.");
  c.activities = {{cna, ActivityDecision::Continues, ""}, {theirs, ActivityDecision::Continues, ""}};
  CHECK(a.run(c, a.ers).error.code == "not_found");
  c.activities = {{cna, ActivityDecision::Continues, ""}, {club, ActivityDecision::Exited, ""}};
  CHECK(a.run(c, a.ers).error.message == "Give the reason the client no longer attends Job club (C4).");
  CHECK(snapshot(a.ws) == before);  // every refusal changed nothing
  c.activities = {{cna, ActivityDecision::Continues, ""}, {club, ActivityDecision::Exited, "Started a part-time job"}};
  const RecordId contact = a.ok(c, a.ers);
  CHECK(a.ws.contacts.at(contact).reviewed.size() == 2);
  CHECK(is_current(a.ws.activities.at(cna)));
  CHECK(a.ws.activities.at(club).end == ActivityEnd::Exited);
  CHECK(a.ws.activities.at(club).actual_end == ymd("2026-11-20"));  // ended on the contact's date
  CHECK(a.ws.activities.at(club).end_reason == "Started a part-time job");
  // The next contact reviews only what is still current.
  c.activities = {{club, ActivityDecision::Continues, ""}, {cna, ActivityDecision::Continues, ""}};
  CHECK(a.run(c, a.ers).error.message == "The activity Job club has already ended.");
  c.activities = {{cna, ActivityDecision::Completed, ""}};
  a.ok(c, a.ers);
  CHECK(current_activities(a.ws, client).empty());
  // A client without activities needs no review.
  RecordContact plain{other, "", ContactType::Telephone, ContactWith::Parent, "Spoke with mother", {}, {}};
  CHECK(a.run(plain, a.aca).error.message == "Review each current activity at the contact (N3): is GED still right?");
  // From JSON (the JavaScript interface), the review is a list of {activity, decision, reason}.
  json j = {{"type", "record_contact"}, {"client", other}, {"contact_type", "telephone"}, {"with", "parent"},
            {"results", "Spoke with mother"}, {"activities", json::array({{{"activity", theirs}, {"decision", "sometimes"}}})}};
  CHECK(std::get<Error>(command_from_json(j)).message ==
        "activities must be a list of {activity, decision, reason}; decision is continues, completed or exited.");
  j["activities"][0]["decision"] = "continues";
  auto parsed = command_from_json(j);
  REQUIRE(std::holds_alternative<Command>(parsed));
  a.ok(std::get<Command>(parsed), a.aca);
  CHECK(a.ws.contacts_by_client.at(other).size() == 1);
}

TEST_CASE("C5: training-provider staff see their current students: name, training, primary contact") {
  Area a;
  const RecordId student = a.ok(a.adult(), a.ers);
  const RecordId not_student = a.ok(a.youth(), a.aca);
  CHECK(students_of(a.ws, a.ws.staff.at(a.trainer)).empty());
  const RecordId training = a.train(student);
  a.ok(AddActivity{not_student, "GED", {}, {}, "2026-11-01", "2027-03-01"}, a.aca);  // not at the institute
  a.ok(AddGoal{student, "Weld for a living"}, a.ers);
  auto students = students_of(a.ws, a.ws.staff.at(a.trainer));
  REQUIRE(students.size() == 1);
  CHECK(students[0]->id == student);
  CHECK(students_of(a.ws, a.ws.staff.at(a.ers)).empty());  // nobody else has students
  json rows = query(a.ws, "students", json::object(), a.trainer, a.now)["result"];
  REQUIRE(rows.size() == 1);
  std::set<std::string> keys;
  for (auto& item : rows[0].items()) keys.insert(item.key());
  CHECK(keys == std::set<std::string>{"client", "name", "training", "primary_contact", "primary_contact_name",
                                      "primary_contact_email"});
  CHECK(rows[0]["name"] == "Ana Lopez");
  CHECK(rows[0]["primary_contact_name"] == "Erin Ers");
  CHECK(rows[0]["training"][0]["name"] == "Welding certificate");
  CHECK(query(a.ws, "students", json::object(), a.ers, a.now)["error"]["code"] == "not_allowed");
  // Every other query about people or records is refused to them.
  a.ok(RaiseIssue{student, "Missed two days", IssueSource::TrainingProvider}, a.trainer);
  const RecordId note = a.ws.case_notes_of(student).front()->id;
  const std::set<std::string> open_to_them = {"workspace", "staff", "organisations", "holidays", "students", "notifications"};
  for (const json& q : query_catalogue()) {
    const std::string name = q["name"];
    if (name == "ready_email") continue;  // about one's own notifications only: conversation_test.cpp
    json r = query(a.ws, name, {{"id", student}, {"client", student}, {"record", note}, {"case_note", note}, {"year", 2026}},
                   a.trainer, a.now);
    CAPTURE(name);
    CHECK(r["ok"] == (open_to_them.count(name) == 1));
    if (!open_to_them.count(name)) CHECK(r["error"]["code"] == "not_allowed");
  }
  // Nor do they change the case record.
  CHECK(a.run(AddGoal{student, "x"}, a.trainer).error.code == "not_allowed");
  CHECK(a.run(RecordContact{student, "", ContactType::InPerson, ContactWith::Participant, "x", {}, {}}, a.trainer).error.code ==
        "not_allowed");
  CHECK(a.run(WriteAgreementLetter{student, {"x"}, "y", {}}, a.trainer).error.code == "not_allowed");
  CHECK_FALSE(can_see_clients(a.ws.staff.at(a.trainer)));
  // When the training ends, the student is no longer theirs.
  a.ok(EndActivity{training, ActivityEnd::Completed, "", ""}, a.ers);
  CHECK(students_of(a.ws, a.ws.staff.at(a.trainer)).empty());
  CHECK(a.run(RaiseIssue{student, "Late", IssueSource::TrainingProvider}, a.trainer).error.code == "not_allowed");
}

TEST_CASE("N5: an agreement letter is a case note and prints as escaped HTML") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId other = a.ok(a.youth(), a.aca);
  const RecordId issue = a.ok(RaiseIssue{other, "Late", IssueSource::Client}, a.aca);
  CHECK(a.run(WriteAgreementLetter{client, {}, "x", {}}, a.ers).error.message == "Name the parties the letter goes to (N5).");
  CHECK(a.run(WriteAgreementLetter{client, {"Ana"}, "", {}}, a.ers).error.message == "Write what the parties agreed (N5).");
  CHECK(a.run(WriteAgreementLetter{client, {"Ana"}, "x", issue}, a.ers).error.message == "That issue is not about this client.");
  const RecordId id = a.ok(WriteAgreementLetter{client, {"Ana Lopez", "Acme <Welding> & Sons"},
                                                "Ana attends Monday to Thursday.\n\n<script>alert(1)</script>", {}},
                           a.ers);
  const CaseNote& n = a.ws.case_notes.at(id);
  CHECK(n.letter_to.size() == 2);
  CHECK(a.ws.case_notes_of(client).front()->id == id);
  const std::string html = agreement_letter_html(a.ws, n);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("Acme &lt;Welding&gt; &amp; Sons") != std::string::npos);
  CHECK(html.find("<p>Ana attends Monday to Thursday.</p>") != std::string::npos);
  CHECK(html.find("Re: agreement concerning Ana Lopez") != std::string::npos);
  CHECK(html.find("Erin Ers<br>Employment Readiness Specialist, Career Center") != std::string::npos);
  CHECK(html.find("Nov 20, 2026") != std::string::npos);
  json q = query(a.ws, "agreement_letter", {{"case_note", id}}, a.ers, a.now);
  CHECK(q["result"]["html"] == html);
  const RecordId plain_note = a.ws.case_notes_of(other).front()->id;  // the issue's note is no letter
  CHECK(query(a.ws, "agreement_letter", {{"case_note", plain_note}}, a.ers, a.now)["error"]["code"] == "not_found");
  CHECK(html_escape("a\"b'c") == "a&quot;b&#39;c");
}

TEST_CASE("E3, E4: the managers' view: missed deadlines first, then level, then time left") {
  Area a;
  a.now = at("2026-11-16T09:00");  // Monday
  const RecordId c1 = a.ok(a.adult(), a.ers);
  const RecordId c2 = a.ok(a.adult(), a.ers2);
  const RecordId y = a.ok(a.youth(), a.aca);
  const RecordId oldest = a.ok(RaiseIssue{c1, "Oldest", IssueSource::Client}, a.ers);     // level 3 by Fri 17:00
  a.now = at("2026-11-19T10:00");
  const RecordId lapsed = a.ok(RaiseIssue{c2, "Lapsed", IssueSource::Client}, a.ers2);   // level 2 after Fri 17:00
  a.now = at("2026-11-20T09:00");
  const RecordId early = a.ok(RaiseIssue{c1, "Early", IssueSource::Client}, a.ers);
  a.ok(EscalateIssue{early}, a.ers);                                                     // level 2, nothing missed
  const RecordId fresh = a.ok(RaiseIssue{c2, "Fresh", IssueSource::Client}, a.ers2);
  const RecordId youth = a.ok(RaiseIssue{y, "Youth", IssueSource::Client}, a.aca);
  a.now = at("2026-11-20T17:30");
  const Staff& manager = a.ws.staff.at(a.manager);
  auto view = issues_overview(a.ws, manager, a.now);
  std::vector<RecordId> ids;
  for (auto* i : view) ids.push_back(i->id);
  // The youth provider's issue is not this Manager's; the board sees all.
  CHECK(ids == std::vector<RecordId>{oldest, lapsed, early, fresh});
  CHECK(escalation_of(a.ws, a.ws.issues.at(oldest), a.now).deadlines_missed == 2);
  CHECK(escalation_of(a.ws, a.ws.issues.at(lapsed), a.now).deadlines_missed == 1);
  CHECK(escalation_of(a.ws, a.ws.issues.at(early), a.now).deadlines_missed == 0);
  const RecordId pm = a.ok(AddStaff{"Pam Program", "", a.board, Role::BoardProgramManager, ""});
  CHECK(issues_overview(a.ws, a.ws.staff.at(pm), a.now).size() == 5);
  auto own = issues_overview(a.ws, a.ws.staff.at(a.aca), a.now);
  REQUIRE(own.size() == 1);
  CHECK(own[0]->id == youth);
  json q = query(a.ws, "issues_overview", json::object(), a.manager, a.now)["result"];
  CHECK(q[3]["seconds_left"] == json(at("2026-11-23T17:00") - a.now));  // Fresh: Monday 17:00
  CHECK(q[0]["seconds_left"].is_null());
}

TEST_CASE("plans, reviews and letters round-trip through the stored form; schema 1 data still reads") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  const RecordId goal = a.ok(AddGoal{client, "Weld"}, a.ers);
  a.ok(AchieveGoal{goal, ""}, a.ers);
  const RecordId act = a.train(client);
  a.ok(RecordPlanAgreement{client, "", "Signed"}, a.ers);
  a.ok(RecordContact{client, "", ContactType::InPerson, ContactWith::Participant, "ok", {}, {{act, ActivityDecision::Continues, ""}}},
       a.ers);
  a.ok(WriteAgreementLetter{client, {"Ana"}, "Agreed", {}}, a.ers);
  WorkspaceStore store(a.ws, false);
  auto batch = store.next_batch();
  Workspace loaded = std::get<Workspace>(decode_meta(batch->meta));
  for (auto& [k, v] : batch->buckets) REQUIRE_FALSE(decode_bucket(loaded, v));
  loaded.place_records_read();
  loaded.order_indexes();
  CHECK(to_json(loaded.clients.at(client)) == to_json(a.ws.clients.at(client)));
  CHECK(to_json(loaded.goals.at(goal)) == to_json(a.ws.goals.at(goal)));
  CHECK(to_json(loaded.activities.at(act)) == to_json(a.ws.activities.at(act)));
  for (auto& [id, k] : a.ws.contacts) CHECK(to_json(loaded.contacts.at(id)) == to_json(k));
  for (auto& [id, n] : a.ws.case_notes) CHECK(to_json(loaded.case_notes.at(id)) == to_json(n));
  CHECK(loaded.case_notes_of(client).size() == a.ws.case_notes_of(client).size());
  CHECK(activities_of(loaded, client).size() == 1);

  // Version 1 stored no plan fields, reviews or letters.
  json meta = json::parse(std::string(batch->meta));
  meta["schema_version"] = 1;
  Workspace old = std::get<Workspace>(decode_meta(meta.dump()));
  CHECK(old.meta.schema_version == kSchemaVersion);  // written back as current
  json v1 = json::array({to_json(a.ws.clients.at(client)), to_json(a.ws.contacts.begin()->second)});
  v1[0].erase("plan_agreed_on");
  v1[0].erase("plan_agreed_how");
  v1[1].erase("reviewed");
  REQUIRE_FALSE(decode_bucket(old, v1.dump()));
  old.place_records_read();
  CHECK_FALSE(old.clients.at(client).plan_agreed_on.has_value());
  CHECK(old.contacts.begin()->second.reviewed.empty());
}

TEST_CASE("display_duration: spans as staff say them") {
  CHECK(display_duration(0) == "0 min");
  CHECK(display_duration(59) == "0 min");
  CHECK(display_duration(45 * 60) == "45 min");
  CHECK(display_duration(3600) == "1 h");
  CHECK(display_duration(3 * 3600 + 20 * 60) == "3 h 20 min");
  CHECK(display_duration(-(3 * 3600 + 20 * 60)) == "3 h 20 min");
  CHECK(display_duration(86400) == "1 day");
  CHECK(display_duration(2 * 86400 + 4 * 3600 + 59) == "2 days 4 h");
}
