// contacts (N1, N2, N4): recording a contact, and the monthly rule for every
// month of two years against a plain restatement of the rule.
#include "contacts.hpp"
#include "helpers.hpp"
#include "queries.hpp"

using namespace bw;
using namespace bw::test;
using namespace std::chrono;

TEST_CASE("N1: a contact records date, type, with whom, results and documents") {
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  RecordContact c{client, "2026-11-20", ContactType::InPerson, ContactWith::Participant, "", {" attendance sheet ", "", "  "}};
  CHECK(a.run(c, a.ers).error.message == "Write the results of the contact (N1).");
  c.results = "Reviewed training attendance; on track.";
  CHECK(a.run(c, a.bsr).error.code == "not_allowed");
  c.date = "2026-12-01";
  CHECK(a.run(c, a.ers).error.message == "Contact date is in the future.");
  c.date = "2026-11-18";
  CHECK(a.run(c, a.ers).error.message == "Contact date is before the enrolment date.");  // enrolled Nov 20
  CHECK(a.ws.contacts.empty());
  c.date = "2026-11-20";
  const RecordId id = a.ok(c, a.ers);
  const Contact& k = a.ws.contacts.at(id);
  CHECK(k.by == a.ers);
  CHECK(k.documents == std::vector<std::string>{"attendance sheet"});
  json list = query(a.ws, "contacts", {{"client", client}}, a.manager, a.now)["result"];
  REQUIRE(list.size() == 1);
  CHECK(list[0]["type"] == "in_person");
}

TEST_CASE("N2: every month of 2025-2026, for clients contacted on a fixed pattern") {
  Area a;
  a.now = at("2026-12-31T12:00");
  // Client k is enrolled on 2025-01-10 and contacted in month m when (m + k) % 3 != 0.
  std::vector<RecordId> clients;
  for (int k = 0; k < 3; ++k) {
    EnrolClient e = a.adult();
    e.enrolled_on = "2025-01-10";
    clients.push_back(a.ok(e, a.ers));
  }
  auto contacted = [](int m, int k) { return (m + k) % 3 != 0; };
  for (int k = 0; k < 3; ++k)
    for (int m = 0; m < 24; ++m)
      if (contacted(m, k)) {
        const year_month_day day = year{2025 + m / 12} / month{unsigned(m % 12 + 1)} / 15d;
        a.ok(RecordContact{clients[k], format_iso_date(day), ContactType::Telephone, ContactWith::Participant, "ok", {}}, a.ers);
      }
  for (int today_m = 0; today_m < 24; ++today_m) {
    const year_month_day today = year{2025 + today_m / 12} / month{unsigned(today_m % 12 + 1)} / 20d;
    for (int m = 0; m < 24; ++m) {
      const year_month month = year{2025 + m / 12} / std::chrono::month{unsigned(m % 12 + 1)};
      for (int k = 0; k < 3; ++k) {
        auto s = contact_standing(a.ws, a.ws.clients.at(clients[k]), month, today);
        if (m > today_m) { CHECK_FALSE(s); continue; }
        REQUIRE(s);
        ContactStanding expected;
        if (contacted(m, k)) expected = ContactStanding::Contacted;
        else if (m < today_m) expected = ContactStanding::Missed;
        else expected = (m > 0 && !contacted(m - 1, k)) ? ContactStanding::Overdue : ContactStanding::Due;
        CHECK(*s == expected);
      }
    }
  }
}

TEST_CASE("N2: no contact is required before enrolment or after exit") {
  Area a;
  const RecordId id = a.ok(a.adult(), a.ers);  // enrolled 2026-11-20
  const Client& c = a.ws.clients.at(id);
  CHECK_FALSE(contact_required(c, 2026y / October));
  CHECK(contact_required(c, 2026y / November));
  a.ok(ExitClient{id, "2026-11-20", "Moved away"}, a.ers);
  CHECK(contact_required(c, 2026y / November));
  CHECK_FALSE(contact_required(c, 2026y / December));
  // The month of enrolment has no month before it: due, not overdue.
  CHECK(contact_standing(a.ws, c, 2026y / November, 2026y / November / 25d) == ContactStanding::Due);
}

TEST_CASE("N4: the caseload's month, overdue first, and the share in person") {
  Area a;
  a.now = at("2026-11-25T10:00");
  EnrolClient e = a.adult();
  e.enrolled_on = "2026-09-01";
  e.last_name = "Alpha";
  const RecordId alpha = a.ok(e, a.ers);   // contacted in Oct, not yet in Nov: due
  e.last_name = "Beta";
  const RecordId beta = a.ok(e, a.ers);    // nothing since Sep: overdue
  e.last_name = "Gamma";
  const RecordId gamma = a.ok(e, a.ers);   // contacted twice in Nov
  a.ok(RecordContact{alpha, "2026-10-05", ContactType::InPerson, ContactWith::Participant, "ok", {}}, a.ers);
  a.ok(RecordContact{beta, "2026-09-05", ContactType::InPerson, ContactWith::Participant, "ok", {}}, a.ers);
  a.ok(RecordContact{gamma, "2026-11-03", ContactType::InPerson, ContactWith::Participant, "ok", {}}, a.ers);
  a.ok(RecordContact{gamma, "2026-11-17", ContactType::Email, ContactWith::Employer, "ok", {}}, a.ers);
  const CaseloadMonth m = caseload_month(a.ws, a.ers, 2026y / November, date_of(a.now));
  REQUIRE(m.rows.size() == 3);
  CHECK(m.rows[0].client->id == beta);
  CHECK(m.rows[0].standing == ContactStanding::Overdue);
  CHECK(m.rows[1].standing == ContactStanding::Due);
  CHECK(m.rows[2].standing == ContactStanding::Contacted);
  CHECK(m.contacts == 2);
  CHECK(m.in_person == 1);
  const CaseloadMonth october = caseload_month(a.ws, a.ers, 2026y / October, date_of(a.now));
  CHECK(october.missed == 2);
  CHECK(october.contacted == 1);
  json q = query(a.ws, "caseload_month", {{"staff", a.ers}, {"month", "2026-10"}}, a.manager, a.now)["result"];
  CHECK(q["missed"] == 2);
  CHECK(query(a.ws, "caseload_month", {{"month", "2026-13"}}, a.manager, a.now)["error"]["code"] == "invalid_field");
}
