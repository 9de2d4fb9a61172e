// escalation (E3, E4): levels and deadlines by business day, moved by the clock.
#include <doctest/doctest.h>

#include "escalation.hpp"
#include "helpers.hpp"

using namespace bw;
using bw::test::at;

TEST_CASE("E3: raised late on a Friday before a Monday holiday") {
  BusinessCalendar cal;
  // Fri Jan 15 2027, 16:59; Monday Jan 18 is Martin Luther King, Jr. Day.
  const EscalationInput issue{at("2027-01-15T16:59"), {}, {}};
  SUBCASE("level 1 until 17:00 on Tuesday") {
    auto s = escalation_at(cal, issue, at("2027-01-19T17:00"));
    CHECK(s.level == 1);
    CHECK(format_iso(*s.deadline) == "2027-01-19T17:00:00");
    CHECK(s.reason == "With the owner until Tue Jan 19, 2027 5:00 PM (E3).");
  }
  SUBCASE("level 2 from 17:00 Tuesday, for three business days") {
    auto s = escalation_at(cal, issue, at("2027-01-19T17:01"));
    CHECK(s.level == 2);
    CHECK(s.level_since == at("2027-01-19T17:00"));
    CHECK(format_iso(*s.deadline) == "2027-01-22T17:00:00");
    CHECK(s.reason == "Not resolved by Tue Jan 19, 2027 5:00 PM: escalated automatically (E4).");
    CHECK(escalation_at(cal, issue, at("2027-01-22T17:00")).level == 2);
  }
  SUBCASE("level 3 once the managers' deadline passed") {
    auto s = escalation_at(cal, issue, at("2027-01-22T17:01"));
    CHECK(s.level == 3);
    CHECK_FALSE(s.deadline);
    CHECK(s.level_since == at("2027-01-22T17:00"));
  }
}

TEST_CASE("E4: the owner escalates early; the managers' three days start then") {
  BusinessCalendar cal;
  const EscalationInput issue{at("2026-11-23T09:00"), at("2026-11-23T11:30"), {}};  // Monday
  CHECK(escalation_at(cal, issue, at("2026-11-23T11:00")).level == 1);  // not yet
  auto s = escalation_at(cal, issue, at("2026-11-23T12:00"));
  CHECK(s.level == 2);
  // Tue, Wed, then Fri (Thanksgiving Thursday is a holiday).
  CHECK(format_iso(*s.deadline) == "2026-11-27T17:00:00");
  CHECK(s.reason == "Escalated early by the owner on Mon Nov 23, 2026 11:30 AM (E4).");

  EscalationInput both = issue;
  both.owner_escalated_to_3 = at("2026-11-24T10:00");
  CHECK(escalation_at(cal, both, at("2026-11-24T09:59")).level == 2);
  CHECK(escalation_at(cal, both, at("2026-11-24T10:00")).level == 3);
}

TEST_CASE("E3: board closures lengthen the deadlines") {
  BusinessCalendar cal;
  cal.add_closure(*parse_iso_date("2026-11-27"), "Day after Thanksgiving");
  const EscalationInput issue{at("2026-11-25T10:00"), {}, {}};  // Wednesday
  CHECK(format_iso(*escalation_at(cal, issue, at("2026-11-25T10:00")).deadline) == "2026-11-30T17:00:00");
  auto s = escalation_at(cal, issue, at("2026-11-30T17:01"));
  CHECK(s.level == 2);
  CHECK(format_iso(*s.deadline) == "2026-12-03T17:00:00");
}

TEST_CASE("E3: every hour of 2026, the level follows the deadlines") {
  BusinessCalendar cal;
  for (LocalSeconds raised = at("2026-01-01T00:30"); raised < at("2027-01-01T00:00"); raised += 3600) {
    const EscalationInput issue{raised, {}, {}};
    const LocalSeconds d1 = cal.within_one_business_day(raised);
    const LocalSeconds d2 = cal.end_of_nth_business_day_after(d1, 3);
    REQUIRE(escalation_at(cal, issue, d1).level == 1);
    REQUIRE(escalation_at(cal, issue, d1 + 1).level == 2);
    REQUIRE(*escalation_at(cal, issue, d1 + 1).deadline == d2);
    REQUIRE(escalation_at(cal, issue, d2).level == 2);
    REQUIRE(escalation_at(cal, issue, d2 + 1).level == 3);
  }
}
