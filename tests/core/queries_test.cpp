// queries: read models obey the access rules for the viewer (C5, P3, P4).
#include <set>

#include "generate.hpp"
#include "helpers.hpp"
#include "queries.hpp"

using namespace bw;
using namespace bw::test;

TEST_CASE("clients: listed with programs, primary contact and dual enrolment") {
  Area a;
  EnrolClient c = a.adult();
  c.programs = {Program::WioaAdult, Program::DirectServices};
  const RecordId id = a.ok(c, a.ers);
  a.ok(a.youth(), a.aca);
  json r = query(a.ws, "clients", json::object(), a.ers, a.now);
  REQUIRE(r["ok"] == true);
  REQUIRE(r["result"].size() == 2);
  json one = query(a.ws, "client", {{"id", id}}, a.manager, a.now)["result"];
  CHECK(one["primary_contact_name"] == "Erin Ers");
  CHECK(one["provider_name"] == "Career Center");
  CHECK(one["dual_enrolled"] == true);
  CHECK(one["youth"] == false);
  CHECK(query(a.ws, "clients", {{"search", "YOUNG"}}, a.ers, a.now)["result"].size() == 1);
  CHECK(query(a.ws, "clients", {{"search", "nobody"}}, a.ers, a.now)["result"].empty());
  CHECK(query(a.ws, "clients", {{"program", "direct_services"}}, a.ers, a.now)["result"].size() == 1);
  CHECK(query(a.ws, "clients", {{"program", "wioa_youth"}}, a.ers, a.now)["result"][0]["last_name"] == "Young");
  CHECK(query(a.ws, "clients", {{"primary_contact", a.aca}}, a.ers, a.now)["result"].size() == 1);
  CHECK(query(a.ws, "clients", {{"primary_contact", a.ers2}}, a.ers, a.now)["result"].empty());
  a.ok(ExitClient{id, "", "Entered employment"}, a.ers);
  CHECK(query(a.ws, "clients", {{"active_only", true}}, a.ers, a.now)["result"].size() == 1);
  CHECK(query(a.ws, "client", {{"id", id}}, a.ers, a.now)["result"]["active"] == false);
  CHECK(query(a.ws, "clients", {{"program", "mars"}}, a.ers, a.now)["error"]["message"] == "\"mars\" is not a program.");
}

TEST_CASE("C5: training-provider staff cannot read client records through queries") {
  Area a;
  const RecordId id = a.ok(a.adult(), a.ers);
  for (const char* name : {"clients", "client", "eligible_primary_contacts", "issues", "case_notes"}) {
    json r = query(a.ws, name, {{"id", id}, {"client", id}}, a.trainer, a.now);
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == "not_allowed");
  }
  CHECK(query(a.ws, "audit", {{"record", id}}, a.trainer, a.now)["ok"] == false);
}

TEST_CASE("P4: nobody signed in sees only the workspace and who works there; PINs never leave") {
  Area a;
  a.ok(SetStaffPin{a.ers, "1357"}, a.ers);
  CHECK(query(a.ws, "clients", json::object(), "", a.now)["error"]["code"] == "not_signed_in");
  json staff = query(a.ws, "staff", json::object(), "", a.now)["result"];
  CHECK(staff.size() == a.ws.staff.size());
  for (auto& s : staff) CHECK_FALSE(s.contains("pin_hash"));
  CHECK(query(a.ws, "staff", {{"organisation", a.training}}, "", a.now)["result"].size() == 1);
}

TEST_CASE("audit: the trail of a record, oldest first") {
  Area a;
  const RecordId id = a.ok(a.adult(), a.ers);
  a.ok(UpdateClient{id, "Ana", "Lopez", "1990-04-02", "a@b.example", ""}, a.ers);
  json trail = query(a.ws, "audit", {{"record", id}}, a.manager, a.now)["result"];
  REQUIRE(trail.size() == 2);
  CHECK(trail[0]["command"] == "enrol_client");
  CHECK(trail[1]["command"] == "update_client");
  CHECK(query(a.ws, "nonsense", json::object(), a.ers, a.now)["error"]["code"] == "unknown_query");
}

TEST_CASE("holidays: a year's closed days, federal and the board's (T2)") {
  Area a;
  a.ok(AddClosure{"2026-11-27", "Day after Thanksgiving"});
  json list = query(a.ws, "holidays", {{"year", 2026}}, a.ers, a.now)["result"];
  REQUIRE(list.size() == 12);
  CHECK(list[0]["date"] == "2026-01-01");
  CHECK(list[5]["name"] == "Independence Day (observed)");
  CHECK(list[5]["date"] == "2026-07-03");
  CHECK(list[10]["board_closure"] == true);
  CHECK(query(a.ws, "holidays", {{"year", "2026"}}, a.ers, a.now)["error"]["code"] == "invalid_field");
}

TEST_CASE("reassignment_queue: what a manager must reassign (P3)") {
  Area a;
  const RecordId id = a.ok(a.adult(), a.ers);
  a.ok(DeactivateStaff{a.ers, "Left"});
  json q = query(a.ws, "reassignment_queue", json::object(), a.manager, a.now)["result"];
  REQUIRE(q.size() == 1);
  CHECK(q[0]["id"] == id);
  CHECK(query(a.ws, "reassignment_queue", json::object(), a.ers2, a.now)["result"].empty());
}

TEST_CASE("query_text: every query's answer as the page is handed it, whole or in pieces, is the answer's JSON to the byte") {
  const LocalSeconds now = at("2026-11-29T09:00");
  const Generated g = generate_workspace(60, 11, "qt11", now);
  REQUIRE_MESSAGE(g.refused == 0, g.first_refusal);
  const Workspace& ws = g.workspace;
  // Nobody, a job seeker, and the first active staff member of each role.
  std::vector<RecordId> viewers{"", ws.clients.begin()->first};
  for (Role role : kRoles)
    for (const auto& [id, s] : ws.staff)
      if (s.role == role && s.active) {
        viewers.push_back(id);
        break;
      }
  const Client& client = ws.clients.begin()->second;
  const Employer& employer = ws.employers.begin()->second;
  // Arguments that list everything, that filter, and that are refused.
  const std::vector<json> args{
      json::object(),
      {{"view", "all"}},
      {{"active_only", true}, {"open_only", true}, {"incomplete_only", true}},
      {{"client", client.id}, {"employer", employer.id}, {"id", client.id}},
      {{"primary_contact", client.primary_contact}, {"program", "wioa_adult"}, {"search", "a"}},
      {{"program", "mars"}, {"stage", "moon"}, {"view", "later"}},
  };
  int lists = 0;
  std::set<std::string> lists_in_pieces;
  for (const json& q : query_catalogue()) {
    const std::string name = q["name"];
    for (const RecordId& viewer : viewers)
      for (const json& arg : args) {
        const json answer = query(ws, name, arg, viewer, now);
        CHECK_MESSAGE(query_text(ws, name, arg, viewer, now) == answer.dump(), name << " " << arg.dump() << " as " << viewer);
        // Handed on a row at a time, as the page takes a long list.
        std::string pieces;
        int handed = 0;
        const std::string rest = query_text(ws, name, arg, viewer, now, [&](std::string_view p) { pieces += p, ++handed; }, 1);
        CHECK_MESSAGE(pieces + rest == answer.dump(), name << " " << arg.dump() << " as " << viewer << ", in pieces");
        if (answer["ok"] == true && answer["result"].is_array() && handed > 0) {
          CHECK(handed == int(answer["result"].size()));  // one piece a row, each ending with it
          lists_in_pieces.insert(name);
        }
        if (answer["ok"] == true && answer["result"].is_array() && answer["result"].size() > 1) ++lists;
      }
  }
  INFO("lists compared: " << lists);
  CHECK(lists > 100);  // long lists were compared, not only refusals
  // The answers that may list the whole workspace are written a row at a time.
  for (const char* name : {"clients", "services", "employers", "jobs", "issues", "matches", "hires"})
    CHECK_MESSAGE(lists_in_pieces.count(name), name);
}
