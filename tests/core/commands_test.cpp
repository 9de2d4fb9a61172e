// commands: each rule of P1-P4, C1, C2, W4, W5 by id.
#include <set>

#include "access.hpp"
#include "helpers.hpp"
#include "pin.hpp"

using namespace bw;
using namespace bw::test;

TEST_CASE("P1: one board; organisations need a name and a unique one") {
  Area a;
  CHECK(a.run(AddOrganisation{"Second Board", OrganisationKind::Board}).error.code == "duplicate");
  CHECK(a.run(AddOrganisation{"", OrganisationKind::YouthProvider}).error.code == "missing_field");
  CHECK(a.run(AddOrganisation{"Career Center", OrganisationKind::YouthProvider}).error.code == "duplicate");
  CHECK(a.ws.organisations.size() == 4);
}

TEST_CASE("P2: roles fit their organisation") {
  Area a;
  SUBCASE("board roles only at the board") {
    auto o = a.run(AddStaff{"Pat", "", a.provider, Role::BoardProgramManager, ""});
    CHECK(o.error.code == "not_allowed");
    CHECK(o.error.message == "Board Program Manager is a role of the board's own staff.");
    CHECK(a.run(AddStaff{"Pat", "", a.board, Role::BoardProgramManager, ""}).ok);
  }
  SUBCASE("C5: a training provider has only training-provider staff") {
    CHECK(a.run(AddStaff{"Pat", "", a.training, Role::EmploymentReadinessSpecialist, ""}).error.code == "not_allowed");
    CHECK(a.run(AddStaff{"Pat", "", a.provider, Role::TrainingProviderStaff, ""}).error.code == "not_allowed");
  }
  SUBCASE("only administrators manage people") {
    auto o = a.run(AddStaff{"Pat", "", a.provider, Role::CaseManager, ""}, a.manager);
    CHECK(o.error.code == "not_allowed");
    CHECK(o.error.message == "Only an Administrator can change organisations and staff.");
  }
}

TEST_CASE("P3: a deactivated staff member can no longer act or be assigned") {
  Area a;
  CHECK(a.run(DeactivateStaff{a.ers, ""}).error.code == "missing_field");
  REQUIRE(a.run(DeactivateStaff{a.ers, "Left the agency"}).ok);
  const Staff& s = a.ws.staff.at(a.ers);
  CHECK_FALSE(s.active);
  CHECK(s.deactivation_reason == "Left the agency");
  CHECK(s.deactivated_at == a.now);

  SUBCASE("cannot act") {
    auto o = a.run(a.adult(), a.ers);
    CHECK(o.error.code == "not_allowed");
    CHECK(o.error.message == "Erin Ers is deactivated and can no longer act (P3).");
  }
  SUBCASE("cannot be assigned") {
    auto o = a.run(a.adult(), a.manager);
    CHECK(o.error.message == "Erin Ers is deactivated and cannot be assigned (P3).");
    CHECK(eligible_primary_contacts(a.ws, false, a.provider).size() == 1);
  }
  SUBCASE("reactivation licenses again") {
    REQUIRE(a.run(ReactivateStaff{a.ers}).ok);
    CHECK(a.run(a.adult(), a.ers).ok);
  }
  SUBCASE("administrators cannot deactivate themselves") {
    CHECK(a.run(DeactivateStaff{a.admin, "x"}).error.message == "You cannot deactivate yourself.");
  }
}

TEST_CASE("P4: every change records who and when, and the PIN is only hashed") {
  Area a;
  a.now = at("2026-11-21T09:30");
  const RecordId id = a.ok(a.adult(), a.ers);
  const Client& c = a.ws.clients.at(id);
  CHECK(c.revision.number == 1);
  CHECK(c.revision.changed_by == a.ers);
  CHECK(c.revision.changed_at == at("2026-11-21T09:30"));
  a.now = at("2026-11-21T11:00");
  REQUIRE(a.run(UpdateClient{id, "Ana", "Lopez-Ruiz", "1990-04-02", "ana@example.org", ""}, a.manager).ok);
  CHECK(c.revision.number == 2);
  CHECK(c.revision.changed_by == a.manager);
  const auto& trail = a.ws.audit_by_record().at(id);
  REQUIRE(trail.size() == 2);
  CHECK(a.ws.audit.at(trail[0]).command == "enrol_client");
  CHECK(a.ws.audit.at(trail[0]).by == a.ers);
  CHECK(a.ws.audit.at(trail[1]).summary ==
        "Corrected the details of Ana Lopez-Ruiz: last name \"Lopez\" -> \"Lopez-Ruiz\"; email \"\" -> \"ana@example.org\"");
  CHECK(a.ws.audit.at(trail[1]).at == at("2026-11-21T11:00"));

  SUBCASE("PIN") {
    CHECK(a.run(SetStaffPin{a.ers, "12a4"}, a.ers).error.message == "A PIN is 4 to 8 digits.");
    CHECK(a.run(SetStaffPin{a.ers, "123"}, a.ers).error.code == "invalid_field");
    CHECK(a.run(SetStaffPin{a.ers2, "1234"}, a.ers).error.code == "not_allowed");
    REQUIRE(a.run(SetStaffPin{a.ers, "4821"}, a.ers).ok);
    const Staff& s = a.ws.staff.at(a.ers);
    CHECK(s.pin_hash.starts_with("pbkdf2-sha256$100000$"));
    CHECK(pin_matches(s.pin_hash, a.ers, "4821"));
    CHECK_FALSE(pin_matches(s.pin_hash, a.ers, "4822"));
    CHECK(s.pin_hash.find("4821") == std::string::npos);
    REQUIRE(a.run(SetStaffPin{a.ers2, "4821"}, a.ers2).ok);  // the same PIN looks different for another person
    CHECK(a.ws.staff.at(a.ers2).pin_hash != s.pin_hash);
  }
}

TEST_CASE("C1: enrolment in one or more programs; dual enrolment is WIOA plus direct services") {
  Area a;
  EnrolClient c = a.adult();
  c.programs = {};
  CHECK(a.run(c, a.ers).error.message == "Choose at least one program (C1).");
  c.programs = {Program::WioaAdult, Program::DirectServices};
  const Client& dual = a.ws.clients.at(a.ok(c, a.ers));
  CHECK(is_dual_enrolled(dual));
  c.programs = {Program::WioaAdult, Program::WioaDislocatedWorker};
  CHECK_FALSE(is_dual_enrolled(a.ws.clients.at(a.ok(c, a.ers))));
  c.programs = {Program::DirectServices};
  CHECK_FALSE(is_dual_enrolled(a.ws.clients.at(a.ok(c, a.ers))));
}

TEST_CASE("C2: an adult's primary contact is an ERS of the provider, a youth's an ACA") {
  Area a;
  SUBCASE("adult with an ERS") {
    const RecordId id = a.ok(a.adult(), a.ers);
    CHECK(a.ws.clients.at(id).primary_contact == a.ers);
  }
  SUBCASE("youth with an ACA") {
    const RecordId id = a.ok(a.youth(), a.aca);
    CHECK(is_youth(a.ws.clients.at(id)));
  }
  SUBCASE("adult with an ACA is refused") {
    EnrolClient c = a.adult();
    c.provider = a.youth_provider;
    c.primary_contact = a.aca;
    auto o = a.run(c, a.manager);
    CHECK(o.error.message == "An adult's primary contact is an Employment Readiness Specialist; Alex Aca is Academic & Career Advisor (C2).");
  }
  SUBCASE("youth with an ERS is refused") {
    EnrolClient c = a.youth();
    c.provider = a.provider;
    c.primary_contact = a.ers;
    CHECK(a.run(c, a.ers).error.code == "not_allowed");
  }
  SUBCASE("a contact from another provider is refused") {
    EnrolClient c = a.adult();
    c.provider = a.youth_provider;
    CHECK(a.run(c, a.ers).error.message == "Erin Ers does not work for Youth Works.");
  }
  SUBCASE("no primary contact") {
    EnrolClient c = a.adult();
    c.primary_contact = "";
    CHECK(a.run(c, a.ers).error.message ==
          "Choose the primary contact: an Employment Readiness Specialist (C2).");
  }
  SUBCASE("the screen's list offers exactly the eligible staff") {
    auto adults = eligible_primary_contacts(a.ws, false, a.provider);
    REQUIRE(adults.size() == 2);
    CHECK(adults[0]->name == "Erin Ers");
    CHECK(adults[1]->name == "Evan Ers");
    auto youths = eligible_primary_contacts(a.ws, true, a.youth_provider);
    REQUIRE(youths.size() == 1);
    CHECK(youths[0]->id == a.aca);
    CHECK(eligible_primary_contacts(a.ws, true, a.provider).empty());
  }
  SUBCASE("a primary contact's role cannot change under their caseload") {
    a.ok(a.adult(), a.ers);
    auto o = a.run(UpdateStaff{a.ers, "Erin Ers", "", Role::CaseManager});
    CHECK(o.error.code == "not_allowed");
    CHECK(a.ws.staff.at(a.ers).role == Role::EmploymentReadinessSpecialist);
    CHECK(a.run(UpdateStaff{a.ers2, "Evan Ers", "", Role::CaseManager}).ok);
  }
  SUBCASE("C5: training-provider staff and business staff do not enrol") {
    CHECK(a.run(a.adult(), a.trainer).error.code == "not_allowed");
    CHECK(a.run(a.adult(), a.bsr).error.message == "Business Services Representative staff cannot enrol clients.");
  }
}

TEST_CASE("W4: bad input gets a clear message and changes nothing") {
  Area a;
  const auto clients = a.ws.clients.size();
  const auto audit = a.ws.audit.size();
  const auto next = a.ws.meta.next_sequence;
  struct Case { const char* dob; const char* first; const char* enrolled; const char* message; };
  const Case cases[] = {
      {"1990-02-30", "Ana", "", "Date of birth must be a real date from 1900 to 2100, YYYY-MM-DD (W4)."},
      {"2030-01-01", "Ana", "", "Date of birth is in the future."},
      {"1900-01-01", "Ana", "", "Date of birth is more than 120 years ago."},
      {"0000-01-01", "Ana", "", "Date of birth must be a real date from 1900 to 2100, YYYY-MM-DD (W4)."},
      {"1990-01-01", "Ana", "0000-01-01", "Enrolment date must be a real date from 1900 to 2100, YYYY-MM-DD (W4)."},
      {"1990-01-01", "", "", "First name is required."},
      {"1990-01-01", "Ana", "2026-13-01", "Enrolment date must be a real date from 1900 to 2100, YYYY-MM-DD (W4)."},
      {"1990-01-01", "Ana", "2027-01-01", "Enrolment date is in the future."},
  };
  for (const Case& k : cases) {
    EnrolClient c = a.adult();
    c.date_of_birth = k.dob;
    c.first_name = k.first;
    c.enrolled_on = k.enrolled;
    Outcome o = a.run(c, a.ers);
    CHECK_FALSE(o.ok);
    CHECK(o.error.message == k.message);
  }
  CHECK(a.ws.clients.size() == clients);
  CHECK(a.ws.audit.size() == audit);
  CHECK(a.ws.meta.next_sequence == next);
}

TEST_CASE("W5: ids are unique, carry the workspace origin and are never reused") {
  Area a;
  for (int i = 0; i < 50; ++i) a.ok(a.adult(), a.ers);
  std::set<RecordId> ids;
  for (auto& [id, r] : a.ws.organisations) ids.insert(id);
  for (auto& [id, r] : a.ws.staff) ids.insert(id);
  for (auto& [id, r] : a.ws.clients) ids.insert(id);
  for (auto& [id, r] : a.ws.audit) ids.insert(id);
  const size_t total = a.ws.organisations.size() + a.ws.staff.size() + a.ws.clients.size() + a.ws.audit.size();
  CHECK(ids.size() == total);
  for (const RecordId& id : ids) CHECK(id.rfind("t0-", 0) == 0);
  // A refused command draws no id; the next id continues the sequence.
  const auto before = a.ws.meta.next_sequence;
  a.run(AddOrganisation{"", OrganisationKind::YouthProvider});
  CHECK(a.ws.meta.next_sequence == before);
}

TEST_CASE("T4: only a demo workspace's clock moves, and only forward") {
  Area a;
  CHECK(a.run(SetDemoClock{"2026-12-01T09:00"}).error.code == "not_allowed");
  a.ws.meta.demo = true;
  CHECK(a.run(SetDemoClock{"2026-11-01T09:00"}).error.message == "The demo clock cannot go before the real time.");
  CHECK(a.run(SetDemoClock{"tomorrow"}).error.code == "invalid_field");
  // W4: a date without a time, and a year past 2100, are refused.
  CHECK(a.run(SetDemoClock{"2026-12-01"}).error.code == "invalid_field");
  CHECK(a.run(SetDemoClock{"9999-12-31T23:59"}).error.message ==
        "The clock needs a date from 1900 to 2100 and a time, YYYY-MM-DDTHH:MM (T4, W4).");
  REQUIRE(a.run(SetDemoClock{"2026-12-01T09:00"}).ok);
  CHECK(a.ws.meta.clock_offset == at("2026-12-01T09:00") - a.now);
}

TEST_CASE("C3: only a Manager of the provider transfers a client, with a reason") {
  Area a;
  const RecordId id = a.ok(a.adult(), a.ers);
  const TransferPrimaryContact to_evan{id, a.ers2, "Irreconcilable differences after management review"};
  for (const RecordId& who : {a.ers, a.ers2, a.bsr, a.admin}) {
    auto o = a.run(to_evan, who);
    CHECK(o.error.code == "not_allowed");
    CHECK(o.error.message.find("Only a Manager") == 0);
  }
  const RecordId other_manager = a.ok(AddStaff{"Otto", "", a.youth_provider, Role::Manager, ""});
  CHECK(a.run(to_evan, other_manager).error.message == "Only a Manager of the client's provider can transfer the client (C3).");
  CHECK(a.run(TransferPrimaryContact{id, a.ers2, ""}, a.manager).error.message == "Record the reason for the transfer (C3).");
  CHECK(a.run(TransferPrimaryContact{id, a.aca, "x"}, a.manager).error.code == "not_allowed");  // C2 still holds
  CHECK(a.run(TransferPrimaryContact{id, a.ers, "x"}, a.manager).error.message == "That is already the client's primary contact.");
  REQUIRE(a.run(to_evan, a.manager).ok);
  const Client& c = a.ws.clients.at(id);
  CHECK(c.primary_contact == a.ers2);
  CHECK(c.revision.changed_by == a.manager);
  CHECK(a.ws.audit.at(a.ws.audit_by_record().at(id).back()).summary ==
        "Transferred Ana Lopez from Erin Ers to Evan Ers: Irreconcilable differences after management review");
}

TEST_CASE("P3: a deactivated person's clients wait in their provider's reassignment queue") {
  Area a;
  const RecordId mine = a.ok(a.adult(), a.ers);
  EnrolClient evans = a.adult();
  evans.primary_contact = a.ers2;
  a.ok(evans, a.ers2);
  a.ok(a.youth(), a.aca);
  CHECK(reassignment_queue(a.ws, a.ws.staff.at(a.manager)).empty());
  a.ok(DeactivateStaff{a.ers, "Left the agency"});
  auto queue = reassignment_queue(a.ws, a.ws.staff.at(a.manager));
  REQUIRE(queue.size() == 1);
  CHECK(queue[0]->id == mine);
  CHECK(reassignment_queue(a.ws, a.ws.staff.at(a.admin)).size() == 1);
  CHECK(reassignment_queue(a.ws, a.ws.staff.at(a.ers2)).empty());  // not a manager
  a.ok(TransferPrimaryContact{mine, a.ers2, "Erin left the agency"}, a.manager);
  CHECK(reassignment_queue(a.ws, a.ws.staff.at(a.manager)).empty());
}

TEST_CASE("C4: exit from the program, with a reason, by those responsible") {
  Area a;
  const RecordId id = a.ok(a.adult(), a.ers);
  CHECK(a.run(ExitClient{id, "", "Entered employment"}, a.ers2).error.code == "not_allowed");
  CHECK(a.run(ExitClient{id, "", ""}, a.ers).error.message == "Record the reason for the exit (C4).");
  CHECK(a.run(ExitClient{id, "2026-11-31", "x"}, a.ers).error.code == "invalid_field");
  CHECK(a.run(ExitClient{id, "2026-12-01", "x"}, a.ers).error.message == "Exit date is in the future.");
  CHECK(a.run(ExitClient{id, "2026-01-01", "x"}, a.ers).error.message == "Exit date is before the enrolment date.");
  REQUIRE(a.run(ExitClient{id, "", "Entered employment"}, a.ers).ok);
  const Client& c = a.ws.clients.at(id);
  CHECK_FALSE(is_active(c));
  CHECK(c.exited_on == date_of(a.now));
  CHECK(c.exit_reason == "Entered employment");
  CHECK(a.run(ExitClient{id, "", "again"}, a.manager).error.message == "Ana Lopez has already exited the program.");
  CHECK(a.run(TransferPrimaryContact{id, a.ers2, "x"}, a.manager).error.message == "Ana Lopez has exited the program.");
  // The provider's manager and administrators may exit too.
  CHECK(a.run(ExitClient{a.ok(a.adult(), a.ers), "", "Moved away"}, a.manager).ok);
  CHECK(a.run(ExitClient{a.ok(a.adult(), a.ers), "", "Moved away"}, a.admin).ok);
}

TEST_CASE("T2: administrators add and remove the board's closures") {
  Area a;
  CHECK(a.run(AddClosure{"2026-11-27", "Day after Thanksgiving"}, a.manager).error.code == "not_allowed");
  CHECK(a.run(AddClosure{"2026-11-31", "X"}).error.message == "The closure needs a real date from 1900 to 2100, YYYY-MM-DD (W4).");
  CHECK(a.run(AddClosure{"2026-11-27", ""}).error.code == "missing_field");
  CHECK(a.run(AddClosure{"2026-11-26", "Again"}).error.message == "Nov 26, 2026 is already closed: Thanksgiving Day.");
  CHECK(a.run(AddClosure{"2026-11-28", "Saturday"}).error.message == "Nov 28, 2026 is a weekend day.");
  REQUIRE(a.run(AddClosure{"2026-11-27", "Day after Thanksgiving"}).ok);
  CHECK_FALSE(a.ws.calendar.is_business_day(*parse_iso_date("2026-11-27")));
  CHECK(a.run(AddClosure{"2026-11-27", "Again"}).error.code == "duplicate");
  CHECK(a.run(RemoveClosure{"2026-11-26"}).error.message == "The board added no closure on Nov 26, 2026.");
  REQUIRE(a.run(RemoveClosure{"2026-11-27"}).ok);
  CHECK(a.ws.calendar.is_business_day(*parse_iso_date("2026-11-27")));
  CHECK(a.ws.audit.rbegin()->second.summary == "Reopened the offices on Nov 27, 2026 (was: Day after Thanksgiving)");
}

TEST_CASE("commands from JSON: every field is checked before anything runs") {
  auto error = [](const char* text) {
    auto r = command_from_json(json::parse(text));
    return std::holds_alternative<Error>(r) ? std::get<Error>(r) : Error{};
  };
  CHECK(error(R"({"first_name":"A"})").code == "invalid_command");
  CHECK(error(R"({"type":"fly"})").message == "There is no command \"fly\".");
  CHECK(error(R"({"type":"add_organisation","name":"X"})").message == "kind is required.");
  CHECK(error(R"({"type":"add_organisation","name":"X","kind":"castle"})").message == "\"castle\" is not an organisation kind.");
  CHECK(error(R"({"type":"add_organisation","name":7,"kind":"board"})").message == "name must be a string.");
  CHECK(error(R"({"type":"add_organisation","name":"X","kind":"board","colour":"red"})").code == "unknown_field");
  CHECK(error(R"({"type":"enrol_client","first_name":"A","last_name":"B","date_of_birth":"1990-01-01","programs":["wioa_adult","mars"],"provider":"p","primary_contact":"s"})").code == "invalid_field");

  auto r = command_from_json(json::parse(R"({"type":"enrol_client","first_name":"  Ana ","last_name":"Lopez","date_of_birth":"1990-04-02","programs":["wioa_adult","direct_services","wioa_adult"],"provider":"p","primary_contact":"s"})"));
  REQUIRE(std::holds_alternative<Command>(r));
  auto& c = std::get<EnrolClient>(std::get<Command>(r));
  CHECK(c.first_name == "Ana");
  CHECK(c.programs == std::vector<Program>{Program::WioaAdult, Program::DirectServices});
  CHECK(command_type(std::get<Command>(r)) == "enrol_client");
}

TEST_CASE("the command catalogue lists every command in variant order") {
  json cat = command_catalogue();
  REQUIRE(cat.size() == std::variant_size_v<Command>);
  CHECK(cat[0]["type"] == "add_organisation");
  CHECK(cat[7]["type"] == "enrol_client");
  CHECK(command_type(Command{EnrolClient{}}) == "enrol_client");
  CHECK(command_type(Command{TransferPrimaryContact{}}) == "transfer_primary_contact");
  CHECK(command_type(Command{ExitClient{}}) == "exit_client");
  CHECK(command_type(Command{SetDemoClock{}}) == "set_demo_clock");
  CHECK(command_type(Command{RemoveClosure{}}) == "remove_closure");
  for (auto& c : cat) CHECK_FALSE(c["fields"].empty());
}

TEST_CASE("every catalogued command parses from JSON into itself") {
  // A valid value for each field type, so that only the command's own rules could refuse it.
  auto sample = [](const std::string& type) -> json {
    if (type == "program list") return json::array({"wioa_adult"});
    if (type == "list of strings") return json::array({"x"});
    if (type == "list of activity reviews") return json::array();
    if (type == "boolean") return true;
    if (type == "whole number") return 3;
    if (type == "date") return "2026-11-20";
    if (type == "date-time") return "2026-11-20T10:00";
    if (type == "organisation kind") return "youth_provider";
    if (type == "role") return "ers";
    if (type == "issue source") return "client";
    if (type == "issue outcome") return "resolved";
    if (type == "contact type") return "telephone";
    if (type == "contact party") return "parent";
    if (type == "activity end") return "completed";
    if (type == "employer kind") return "direct_employer";
    if (type == "channel") return "email";
    if (type == "triage route") return "center";
    if (type == "service category") return "training";
    if (type == "program") return "wioa_youth";
    if (type == "match action") return "approve";
    if (type == "number") return 18.5;
    return "x";
  };
  for (const json& spec : command_catalogue()) {
    json j = {{"type", spec["type"]}};
    for (const json& f : spec["fields"]) j[f["name"].get<std::string>()] = sample(f["type"].get<std::string>());
    CAPTURE(j.dump());
    auto parsed = command_from_json(j);
    REQUIRE(std::holds_alternative<Command>(parsed));
    CHECK(command_type(std::get<Command>(parsed)) == spec["type"].get<std::string>());
  }
}

#ifdef BRIDGEWORK_SOURCE_DIR
#include <fstream>
#include <sstream>
#include "queries.hpp"
TEST_CASE("docs/automation.md names every command and query (the contract is exact)") {
  std::ifstream in(std::string(BRIDGEWORK_SOURCE_DIR) + "/docs/automation.md");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (const json& c : command_catalogue()) {
    const std::string row = "| `" + c["type"].get<std::string>() + "` |";
    CHECK_MESSAGE(doc.find(row) != std::string::npos, row);
    if (doc.find(row) == std::string::npos) continue;
    for (const json& f : c["fields"]) {
      const std::string name = f["name"].get<std::string>();
      const std::string shown = f["required"].get<bool>() ? "**" + name + "**" : name;
      const auto at = doc.find(row);
      const auto end = doc.find('\n', at);
      CHECK_MESSAGE(doc.substr(at, end - at).find(shown) != std::string::npos, std::string(row + " lacks " + shown));
    }
  }
  for (const json& q : query_catalogue()) {
    const std::string row = "| `" + q["name"].get<std::string>() + "` |";
    CHECK_MESSAGE(doc.find(row) != std::string::npos, row);
  }
}
#endif
