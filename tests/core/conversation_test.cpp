// The job board (M6), comments, tags, the feed (K1), alerts, the inbox and
// ready emails (K2).
#include <set>

#include "access.hpp"
#include "business.hpp"
#include "conversation.hpp"
#include "helpers.hpp"
#include "pin.hpp"
#include "matches.hpp"
#include "queries.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

namespace {
struct Board : Area {
  RecordId employer, site, job, client;
  Board() {
    employer = ok(AddEmployer{"Valley Health Partners", "94-1234567", "", EmployerKind::DirectEmployer, "Clinic",
                              "12 Main St, Clovis, CA", "621111"},
                  bsr);
    site = ws.establishments_by_employer.at(employer).front();
    job = ok(PostJob{site, "Medical assistant", "Front desk and vitals", 1, "", "", 0, ""}, bsr);
    EnrolClient c = adult();
    c.email = "ana.lopez@mail.example";
    client = ok(c, ers);
  }
  json ask(std::string_view name, const json& args, const RecordId& who) { return query(ws, name, args, who, now); }
  std::vector<std::string> told(const RecordId& staff) {
    std::vector<std::string> out;
    const json answer = ask("notifications", json::object(), staff);
    for (auto& n : answer["result"]) out.push_back(n["text"]);
    return out;
  }
  MatchFit fit() const { return {"Two years as a clinic receptionist", "Resume done", "Weekdays", "none"}; }
};
}  // namespace

// [SECTION] M6
TEST_CASE("M6: job board access is a PIN case staff give an active client") {
  Board a;
  CHECK_FALSE(has_portal_access(a.ws.clients.at(a.client)));
  CHECK(a.run(SetPortalAccess{a.client, "12"}, a.ers).error.message == "A PIN is 4 to 8 digits.");
  CHECK(a.run(SetPortalAccess{a.client, "2468"}, a.bsr).error.code == "not_allowed");  // business staff keep no client records
  CHECK(a.run(SetPortalAccess{a.client, "2468"}, a.trainer).error.code == "not_allowed");
  CHECK(a.run(SetPortalAccess{a.client, ""}, a.ers).error.message == "Ana Lopez has no job board access to end.");
  a.ok(SetPortalAccess{a.client, "2468"}, a.ers);
  const Client& c = a.ws.clients.at(a.client);
  CHECK(has_portal_access(c));
  CHECK(pin_matches(c.portal_pin_hash, a.client, "2468"));
  CHECK(a.ask("client", {{"id", a.client}}, a.ers)["result"]["portal_access"] == true);
  CHECK_FALSE(a.ask("client", {{"id", a.client}}, a.ers)["result"].contains("portal_pin_hash"));  // never shown
  // Signing in: by id or email, any case; nobody else's email.
  CHECK(find_job_seeker(a.ws, a.client) == &c);
  CHECK(find_job_seeker(a.ws, "ANA.LOPEZ@mail.example") == &c);
  CHECK(find_job_seeker(a.ws, "nobody@mail.example") == nullptr);
  CHECK(find_job_seeker(a.ws, "") == nullptr);
  // Exit ends access (C4); ending it by hand works too.
  a.ok(ExitClient{a.client, "", "Moved away"}, a.ers);
  CHECK_FALSE(has_portal_access(c));
  CHECK(a.run(MarkInterest{a.job}, a.client).error.message == "Your job board access has ended.");
  CHECK(a.ask("job_board", json::object(), a.client)["error"]["code"] == "not_allowed");
  CHECK(a.run(SetPortalAccess{a.client, "1357"}, a.ers).error.code == "not_allowed");
  a.ok(SetPortalAccess{a.client, ""}, a.ers);
  CHECK(c.portal_pin_hash.empty());
}

TEST_CASE("M6: a job seeker sees their board and their own matches, and nothing else") {
  Board a;
  a.ok(SetPortalAccess{a.client, "2468"}, a.ers);
  const RecordId other_org = a.ok(AddStaff{"Yan Bsr", "", a.youth_provider, Role::BusinessServicesRepresentative, ""});
  const RecordId reserved = a.ok(PostJob{a.site, "Lab courier", "", 1, "", "", 7, ""}, other_org);  // J3: not theirs yet
  const RecordId other = a.ok(a.adult(), a.ers);
  a.ok(ReferMatch{other, a.job, a.fit()}, a.ers);

  const json board = a.ask("job_board", {{"client", other}}, a.client);  // the argument cannot widen the view
  REQUIRE(board["ok"] == true);
  REQUIRE(board["result"].size() == 1);
  const json& row = board["result"][0];
  CHECK(row["title"] == "Medical assistant");
  CHECK(row["employer"] == "Valley Health Partners");
  CHECK(row["address"] == "12 Main St, Clovis, CA");
  CHECK(row["interested"] == false);
  for (const char* hidden : {"owner", "owner_name", "posted_by", "owner_organisation"}) CHECK_FALSE(row.contains(hidden));
  CHECK(a.ask("job_board", {{"search", "VITALS"}}, a.client)["result"].size() == 1);
  CHECK(a.ask("job_board", {{"search", "welder"}}, a.client)["result"].empty());
  CHECK(a.ask("workspace", json::object(), a.client)["result"]["job_seeker"] == "Ana Lopez");

  // Every staff query is refused to them.
  const std::set<std::string> theirs = {"workspace", "job_board", "my_matches"};
  for (const json& q : query_catalogue()) {
    const std::string name = q["name"];
    const json r = a.ask(name, {{"id", other}, {"client", other}, {"record", other}, {"notifications", json::array()}}, a.client);
    CAPTURE(name);
    CHECK(r["ok"] == (theirs.count(name) == 1));
    if (!theirs.count(name)) CHECK(r["error"]["code"] == "not_allowed");
  }
  CHECK(a.ask("my_matches", json::object(), a.ers)["error"]["code"] == "not_allowed");  // staff use "matches"
  CHECK(a.ask("my_matches", json::object(), a.client)["result"].empty());  // not the other client's match

  // Every command except marking interest is refused.
  CHECK(a.run(AddComment{a.client, "hello"}, a.client).error.code == "not_allowed");
  CHECK(a.run(ReferMatch{a.client, a.job, a.fit()}, a.client).error.code == "not_allowed");
  CHECK(a.run(MarkInterest{reserved}, a.client).error.message == "That job is not on your job board.");
  CHECK(a.run(MarkInterest{a.job}, a.ers).error.code == "not_allowed");  // staff refer instead
  const RecordId m = a.ok(MarkInterest{a.job}, a.client);
  CHECK(a.run(MarkInterest{a.job}, a.client).error.code == "duplicate");
  const json mine = a.ask("my_matches", json::object(), a.client)["result"];
  REQUIRE(mine.size() == 1);
  CHECK(mine[0]["match"] == m);
  CHECK(mine[0]["origin"] == "self_select");
  CHECK(mine[0]["stage_label"] == "Job seeker interested");
  CHECK(a.ask("job_board", json::object(), a.client)["result"][0]["interested"] == true);
  // The audit trail names the job seeker.
  CHECK(a.ws.audit.at(a.ws.audit_by_record().at(m).front()).by == a.client);

  // M6: they can also withdraw it (a defect: they could not); only their own, only while open.
  CHECK(a.run(WithdrawInterest{m}, a.ers).error.code == "not_allowed");  // staff act with "withdraw"
  CHECK(a.run(WithdrawInterest{"nothing"}, a.client).error.code == "not_found");
  const size_t told_before = a.told(a.ers).size();
  a.ok(WithdrawInterest{m}, a.client);
  CHECK(a.ws.matches.at(m).stage == MatchStage::Withdrawn);
  CHECK(a.ws.matches.at(m).close_note == "withdrawn by the job seeker on the job board");
  CHECK(a.told(a.ers).size() == told_before + 1);
  CHECK(a.told(a.ers).front() == "Ana Lopez is no longer interested in Medical assistant: the match is withdrawn (M6).");
  CHECK(a.run(WithdrawInterest{m}, a.client).error.message == "This is already closed: Withdrawn.");
  CHECK(a.ask("job_board", json::object(), a.client)["result"][0]["interested"] == false);
  a.ok(MarkInterest{a.job}, a.client);  // interested again: a new match
}

TEST_CASE("M1-M4: from a job seeker's interest to a hire, both approvers told at each step") {
  Board a;
  a.ok(SetPortalAccess{a.client, "2468"}, a.ers);
  const RecordId id = a.ok(MarkInterest{a.job}, a.client);
  const Match& m = a.ws.matches.at(id);
  CHECK(m.origin == MatchOrigin::SelfSelect);
  CHECK(m.stage == MatchStage::Interested);
  CHECK(m.job_owner == a.bsr);
  CHECK(m.case_manager == a.ers);
  CHECK(a.told(a.ers).front() == "Ana Lopez is interested in Medical assistant (job board): explain the fit and submit the match (M1).");
  CHECK(a.told(a.bsr).front() ==
        "Ana Lopez is interested in Medical assistant (job board). Their case manager explains the fit and submits it to you (M1).");
  // Only the case manager moves it on, by explaining the fit.
  CHECK(matches_to_act_on(a.ws, a.ws.staff.at(a.ers)).size() == 1);
  CHECK(matches_to_act_on(a.ws, a.ws.staff.at(a.bsr)).empty());
  CHECK(a.run(ActOnMatch{id, MatchAction::Approve, "", ""}, a.bsr).error.code == "not_allowed");
  CHECK_FALSE(owner_action_overdue(a.ws, m, a.now + 10 * 86400));  // not the job owner's turn yet (M3)
  CHECK(a.run(ResubmitMatch{id, {"x", "", "", ""}}, a.ers).error.code == "missing_field");
  CHECK(m.stage == MatchStage::Interested);
  a.now = at("2026-11-23T09:00");
  a.ok(ResubmitMatch{id, a.fit()}, a.ers);
  CHECK(m.stage == MatchStage::AwaitingApproval);
  CHECK(m.case_manager_approved_at == a.now);
  CHECK(m.ready_at == a.now);
  CHECK(a.told(a.bsr).front() == "Ana Lopez for Medical assistant: the case manager explained the fit and submitted the match. "
                                 "Approve or send back by Tue Nov 24, 2026 5:00 PM (M3).");
  a.ok(ActOnMatch{id, MatchAction::Approve, "", ""}, a.bsr);
  CHECK(m.stage == MatchStage::WaitingToHearResults);
  a.ok(ActOnMatch{id, MatchAction::RecordHired, "", ""}, a.bsr);
  REQUIRE(a.ws.hires.size() == 1);
  CHECK(a.told(a.ers).front() == "Ana Lopez for Medical assistant: hired. Complete the hire record: start date, wage, hours (M4).");
  CHECK(a.ask("my_matches", json::object(), a.client)["result"][0]["stage"] == "hired");
}

// [SECTION] K1
TEST_CASE("K1: tags name staff by their full name; links name records by id") {
  Board a;
  auto tags_of = [&](std::string_view text) {
    auto r = parse_mentions(a.ws, text);
    REQUIRE_MESSAGE(std::holds_alternative<Mentions>(r), std::get<std::string>(r));
    return std::get<Mentions>(r);
  };
  auto refusal = [&](std::string_view text) {
    auto r = parse_mentions(a.ws, text);
    REQUIRE(std::holds_alternative<std::string>(r));
    return std::get<std::string>(r);
  };
  CHECK(tags_of("no tags here").tags.empty());
  CHECK(tags_of("@Erin Ers please call").tags == std::vector<RecordId>{a.ers});
  CHECK(tags_of("thanks, @erin ers.").tags == std::vector<RecordId>{a.ers});  // any case, punctuation after
  CHECK(tags_of("@Erin Ers and @Ben Bsr, and @Erin Ers again").tags == std::vector<RecordId>{a.ers, a.bsr});
  CHECK(tags_of("write to erin@example.com").tags.empty());  // an email address is no tag
  CHECK(tags_of("(@Ben Bsr)").tags == std::vector<RecordId>{a.bsr});
  CHECK(refusal("@Erin Ersatz").find("\"@Erin\"") != std::string::npos);
  CHECK(refusal("hello @Nobody") == "Nobody called \"@Nobody\" works here. Tag a person by their full name, e.g. @" +
                                        a.ws.staff.begin()->second.name + ".");
  // The longest name wins when one name starts another.
  const RecordId erin_long = a.ok(AddStaff{"Erin Ers Long", "", a.provider, Role::CaseManager, ""});
  CHECK(tags_of("@Erin Ers Long, see").tags == std::vector<RecordId>{erin_long});
  CHECK(tags_of("@Erin Ers, see").tags == std::vector<RecordId>{a.ers});
  // A deactivated person cannot be tagged.
  a.ok(DeactivateStaff{a.ers2, "Left"});
  CHECK_FALSE(refusal("@Evan Ers").empty());
  // Links.
  CHECK(tags_of("see #" + a.job + " and #" + a.client).links == std::vector<RecordId>{a.job, a.client});
  CHECK(tags_of("priority #1 today").links.empty());  // not an id: plain text
  CHECK(refusal("see #" + a.ws.meta.id_origin + "-9999999999") ==
        "#" + a.ws.meta.id_origin + "-9999999999 is not a client, employer, job, match, hire or issue here.");
  CHECK(refusal("see #" + a.ers).find("is not a client") != std::string::npos);  // a person is tagged, not linked
}

TEST_CASE("K1: comments on records, newest first; tags notify; training-provider staff see none") {
  Board a;
  CHECK(a.run(AddComment{a.job, "   "}, a.ers).error.code == "missing_field");
  CHECK(a.run(AddComment{a.ers, "hi"}, a.ers).error.code == "not_found");  // people are not commented on
  CHECK(a.run(AddComment{a.job, "@Nobody Here hi"}, a.ers).error.code == "invalid_field");
  CHECK(a.ws.comments.empty());  // refusals change nothing
  CHECK(a.run(AddComment{a.client, "hi"}, a.trainer).error.code == "not_allowed");
  a.ok(AddComment{a.job, "First, about #" + a.client}, a.ers);
  a.now += 60;
  const Outcome o = a.run(AddComment{a.job, "@Ben Bsr can you call the clinic? cc @Erin Ers"}, a.ers);
  REQUIRE(o.ok);
  CHECK(a.ws.comments.at(o.id).tags == std::vector<RecordId>{a.bsr, a.ers});
  CHECK(a.told(a.bsr).front() == "Erin Ers mentioned you on Job: Medical assistant (Valley Health Partners): "
                                 "@Ben Bsr can you call the clinic? cc @Erin Ers");
  CHECK(a.told(a.ers).empty());  // not told of one's own comment
  a.ok(AddComment{a.employer, "@Ben Bsr see #" + a.client + " first"}, a.ers);
  CHECK(a.told(a.bsr).front() == "Erin Ers mentioned you on Employer: Valley Health Partners: @Ben Bsr see #[Client: Ana Lopez] first");
  const json list = a.ask("comments", {{"record", a.job}}, a.bsr)["result"];  // the job's two, not the employer's
  REQUIRE(list.size() == 2);
  CHECK(list[0]["text"] == "@Ben Bsr can you call the clinic? cc @Erin Ers");
  CHECK(list[0]["by_name"] == "Erin Ers");
  CHECK(list[0]["tags"][0]["name"] == "Ben Bsr");
  CHECK(list[1]["links"][0]["title"] == "Client: Ana Lopez");
  CHECK(a.ask("comments", {{"record", a.job}}, a.trainer)["error"]["code"] == "not_allowed");
  CHECK(a.ask("comments", {{"record", "nope"}}, a.ers)["error"]["code"] == "not_found");
  // Every kind of record takes comments.
  a.ok(SetPortalAccess{a.client, "2468"}, a.ers);
  const RecordId match = a.ok(MarkInterest{a.job}, a.client);
  const RecordId issue = a.ok(RaiseIssue{a.client, "Missed an interview", IssueSource::Client, {}}, a.ers);
  for (const RecordId& r : {a.client, a.employer, a.job, match, issue}) {
    CAPTURE(r);
    CHECK(commentable_kind(a.ws, r).has_value());
    CHECK(a.run(AddComment{r, "noted"}, a.manager).ok);
  }
}

TEST_CASE("K1: the home feed: mentions, what I follow, whom I follow; filter, search, sort") {
  Board a;
  a.ok(Follow{a.job}, a.manager);
  CHECK(a.run(Follow{a.job}, a.manager).error.code == "duplicate");
  CHECK(a.run(Follow{a.manager}, a.manager).error.code == "invalid_field");
  CHECK(a.run(Follow{"nope"}, a.manager).error.code == "not_found");
  CHECK(a.run(Follow{a.job}, a.trainer).error.code == "not_allowed");
  a.ok(Follow{a.bsr}, a.manager);
  CHECK(a.ws.staff.at(a.manager).following == std::vector<RecordId>{a.job, a.bsr});
  const auto audit_before = a.ws.audit.size();
  a.ok(Unfollow{a.bsr}, a.manager);
  a.ok(Follow{a.bsr}, a.manager);
  CHECK(a.ws.audit.size() == audit_before);  // following is a preference, not a case event

  a.now += 60;
  a.ok(AddComment{a.job, "Clinic wants bilingual candidates"}, a.ers);  // on a followed record
  a.now += 60;
  a.ok(AddComment{a.client, "@Mona Manager please review"}, a.ers);     // a mention
  a.now += 60;
  a.ok(CloseJob{a.job, "Filled by a referral"}, a.bsr);                  // an update on it, by a followed person
  a.now += 60;
  a.ok(AddComment{a.client, "Unrelated"}, a.ers2);                       // neither: not in the feed
  a.now += 60;
  a.ok(AddComment{a.employer, "Called the HR lead"}, a.bsr);             // by a followed person

  const json feed = a.ask("feed", json::object(), a.manager)["result"];
  std::vector<std::string> kinds, texts;
  for (auto& f : feed) kinds.push_back(f["kind"]), texts.push_back(f["text"]);
  // Newest first; the job and the employer were entered by Ben Bsr before anyone followed: still his updates.
  CHECK(texts == std::vector<std::string>{"Called the HR lead", "Closed Medical assistant: Filled by a referral",
                                          "@Mona Manager please review", "Clinic wants bilingual candidates",
                                          "Posted Medical assistant at Valley Health Partners, Clinic; applications close Dec 4, 2026",
                                          "Entered Valley Health Partners with its establishment Clinic"});
  CHECK(kinds == std::vector<std::string>{"comment", "update", "mention", "comment", "update", "update"});
  CHECK(a.ask("feed", {{"kind", "mention"}}, a.manager)["result"].size() == 1);
  CHECK(a.ask("feed", {{"search", "BILINGUAL"}}, a.manager)["result"].size() == 1);
  CHECK(a.ask("feed", {{"search", "ben bsr"}}, a.manager)["result"].size() == 4);  // by author
  CHECK(a.ask("feed", {{"oldest_first", true}}, a.manager)["result"][5]["text"] == texts.front());
  CHECK(a.ask("feed", {{"kind", "gossip"}}, a.manager)["error"]["code"] == "invalid_field");
  const json two = a.ask("feed", {{"limit", 2}}, a.manager)["result"];
  REQUIRE(two.size() == 2);
  CHECK(two[1]["text"] == texts[1]);
  CHECK(a.ask("feed", {{"limit", 2}, {"oldest_first", true}}, a.manager)["result"][0]["text"] == texts.back());
  CHECK(feed_of(a.ws, a.ws.staff.at(a.manager), {std::nullopt, "", false, 2}).total == 6);
  CHECK(a.ask("feed", {{"limit", 0}}, a.manager)["error"]["code"] == "invalid_field");
  CHECK(a.ask("feed", json::object(), a.trainer)["error"]["code"] == "not_allowed");
  CHECK(a.ask("following", json::object(), a.manager)["result"][1]["title"] == "Ben Bsr");
  // A followed employer's communications are updates on the employer.
  a.ok(Follow{a.employer}, a.ers2);
  a.now += 60;
  a.ok(LogCommunication{a.employer, "", Channel::Telephone, false, true, "HR lead called back"}, a.bsr);
  const json theirs = a.ask("feed", {{"kind", "update"}}, a.ers2)["result"];
  REQUIRE_FALSE(theirs.empty());
  CHECK(theirs[0]["record"] == a.employer);
  CHECK(theirs[0]["record_title"] == "Employer: Valley Health Partners");
  CHECK(std::string(theirs[0]["text"]).find("HR lead called back") != std::string::npos);
}

// [SECTION] K2
TEST_CASE("K2: escalations and expiring jobs reach the inbox as alerts until marked read") {
  Board a;
  const RecordId issue = a.ok(RaiseIssue{a.client, "Missed an interview", IssueSource::Client, {}}, a.ers);  // Fri 10:00
  auto alert_ids = [&](const RecordId& who) {
    std::vector<std::string> out;
    for (const Notification& n : alerts_for(a.ws, a.ws.staff.at(who), a.now)) out.push_back(n.id);
    return out;
  };
  CHECK(alert_ids(a.ers).empty());
  a.now = at("2026-11-23T17:00");  // E3: level 1 until Monday 17:00
  CHECK(alert_ids(a.ers).empty());
  a.now = at("2026-11-23T17:01");
  CHECK(alert_ids(a.ers) == std::vector<std::string>{issue + ":level2:" + a.ers});
  CHECK(alert_ids(a.manager) == std::vector<std::string>{issue + ":level2:" + a.manager});  // the provider's Manager answers at level 2
  CHECK(alert_ids(a.bsr).empty());
  const Notification n = alerts_for(a.ws, a.ws.staff.at(a.ers), a.now).front();
  CHECK(n.text.rfind("The issue about Ana Lopez is at level 2: ", 0) == 0);
  CHECK(n.at == at("2026-11-23T17:00"));
  CHECK(a.ask("notifications", {{"unread_only", true}}, a.ers)["result"][0]["id"] == issue + ":level2:" + a.ers);
  // Marking it read stores it; it is not raised again, and stays in the inbox, read.
  const Outcome read = a.run(MarkRead{issue + ":level2:" + a.ers}, a.ers);
  REQUIRE(read.ok);
  CHECK(read.touched == std::vector<RecordId>{issue + ":level2:" + a.ers});
  CHECK(alert_ids(a.ers).empty());
  CHECK(a.ask("notifications", json::object(), a.ers)["result"][0]["read"] == true);
  CHECK(alert_ids(a.manager).size() == 1);  // each person reads their own
  CHECK(a.run(MarkRead{issue + ":level2:" + a.ers}, a.bsr).error.code == "not_found");
  // Level 3 is a new alert.
  a.now = at("2026-11-27T17:01");  // three business days later: Thanksgiving is skipped
  CHECK(alert_ids(a.ers) == std::vector<std::string>{issue + ":level3:" + a.ers});
  a.ok(CloseIssue{issue, IssueOutcome::Resolved, "Rescheduled"}, a.ers);
  CHECK(alert_ids(a.ers).empty());

  // J2: the job (posted Nov 20, closes Dec 4) is expiring from Dec 2, expired from Dec 5.
  a.now = at("2026-12-01T23:59");
  CHECK(alert_ids(a.bsr).empty());
  a.now = at("2026-12-02T08:00");
  CHECK(alert_ids(a.bsr) == std::vector<std::string>{a.job + ":expiring1:" + a.bsr});
  a.ok(MarkRead{}, a.bsr);  // all of mine, alerts included
  CHECK(alert_ids(a.bsr).empty());
  a.now = at("2026-12-05T08:00");
  CHECK(alert_ids(a.bsr) == std::vector<std::string>{a.job + ":expired1:" + a.bsr});
  CHECK(alerts_for(a.ws, a.ws.staff.at(a.bsr), a.now).front().at == at("2026-12-05T00:00"));
  a.ok(RepostJob{a.job, ""}, a.bsr);
  CHECK(alert_ids(a.bsr).empty());  // open again, two weeks ahead
  a.now = at("2026-12-18T08:00");
  CHECK(alert_ids(a.bsr) == std::vector<std::string>{a.job + ":expiring2:" + a.bsr});
  a.ok(CloseJob{a.job, "Filled"}, a.bsr);
  CHECK(alert_ids(a.bsr).empty());
}

TEST_CASE("K2: a ready email for notifications: to, subject, body and a mailto link") {
  Board a;
  a.ok(UpdateStaff{a.bsr, "Ben Bsr", "ben.bsr@cc.example", Role::BusinessServicesRepresentative});
  const Outcome referred = a.run(ReferMatch{a.client, a.job, a.fit()}, a.ers);
  REQUIRE(referred.ok);
  const Notification& to_owner = a.ws.notifications.at(a.ws.notifications_by_staff.at(a.bsr).back());
  CHECK(to_owner.from == a.ers);
  // The sender may get the email of what their action sent; the recipient of their own.
  for (const RecordId& who : {a.ers, a.bsr}) {
    const json e = a.ask("ready_email", {{"notifications", {to_owner.id}}}, who);
    REQUIRE(e["ok"] == true);
    CHECK(e["result"]["to"] == json::array({"ben.bsr@cc.example"}));
    CHECK(e["result"]["subject"] == "Bridgework: Match: Ana Lopez for Medical assistant");
    const std::string body = e["result"]["body"];
    CHECK(body.rfind("Hello Ben Bsr,\n\n" + to_owner.text + "\n(Match: Ana Lopez for Medical assistant, ", 0) == 0);
    const std::string mailto = e["result"]["mailto"];
    CHECK(mailto.rfind("mailto:ben.bsr@cc.example?subject=Bridgework%3A%20Match%3A%20Ana%20Lopez%20for%20Medical%20assistant&body=Hello%20Ben%20Bsr%2C%0D%0A%0D%0A", 0) == 0);
    CHECK(mailto.find(' ') == std::string::npos);
    CHECK(mailto.find('\n') == std::string::npos);
  }
  CHECK(a.ask("ready_email", {{"notifications", {to_owner.id}}}, a.manager)["error"]["code"] == "not_found");
  CHECK(a.ask("ready_email", {{"notifications", json::array()}}, a.ers)["error"]["code"] == "missing_field");
  CHECK(a.ask("ready_email", {{"notifications", {to_owner.id}}}, a.trainer)["error"]["code"] == "not_found");
  // Someone without an address is named, not dropped silently.
  const RecordId seeker = a.ok(a.adult(), a.ers);
  a.ok(SetPortalAccess{seeker, "2468"}, a.ers);
  const RecordId interest = a.ok(MarkInterest{a.job}, seeker);
  std::vector<std::string> both;
  for (auto& [id, n] : a.ws.notifications)
    if (n.record == interest) both.push_back(id);
  REQUIRE(both.size() == 2);
  const ReadyEmail e = ready_email(a.ws, {a.ws.notifications.at(both[0]), a.ws.notifications.at(both[1])});
  CHECK(e.to == std::vector<std::string>{"ben.bsr@cc.example"});
  CHECK(e.without_address == std::vector<std::string>{"Erin Ers"});
  CHECK(e.subject == "Bridgework: 2 updates");
  CHECK(e.body.find("Erin Ers: Ana Lopez is interested") != std::string::npos);
}
