// P4, N5, R1, C1: a mistake is one audited correction away, and nothing that
// was recorded is rewritten in silence.
#include "business.hpp"
#include "helpers.hpp"
#include "performance.hpp"
#include "queries.hpp"
#include "report.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

namespace {
struct Desk : Area {
  RecordId employer, site, job, client;
  Desk() {
    employer = ok(AddEmployer{"Valley Health Partners", "94-1234567", "", EmployerKind::DirectEmployer, "Clinic",
                              "12 Main St, Clovis, CA", "621111"},
                  bsr);
    site = ws.establishments_by_employer.at(employer).front();
    job = ok(PostJob{site, "Medical assistant", "Front desk", 1, "", "", 0, ""}, bsr);
    client = ok(adult(), ers);
  }
  std::string last_audit(const RecordId& record) const {
    return ws.audit.at(ws.audit_by_record().at(record).back()).summary;
  }
};
}  // namespace

TEST_CASE("P4, J2, J3: an open job order is corrected by its owner or a Manager, and the audit names each change") {
  Desk a;
  const Job& j = a.ws.jobs.at(a.job);
  EditJob edit{a.job, "Medical assistant II", "Front desk.\nTwo evenings a week.", 2, "2026-12-15", 3};
  CHECK(a.run(edit, a.ers).error.code == "not_allowed");
  const RecordId bsr2 = a.ok(AddStaff{"Bea Bsr", "", a.provider, Role::BusinessServicesRepresentative, ""});
  CHECK(a.run(edit, bsr2).error.message == "Only the job's owner (or a Manager of their organisation) edits it.");
  a.ok(edit, a.bsr);
  CHECK(j.title == "Medical assistant II");
  CHECK(j.description == "Front desk.\nTwo evenings a week.");
  CHECK(j.openings == 2);
  CHECK(format_iso_date(j.deadline) == "2026-12-15");
  CHECK(j.reserved_days == 3);
  CHECK(j.revision.number == 2);
  CHECK(a.last_audit(a.job) ==
        "Corrected the job order Medical assistant II: title \"Medical assistant\" -> \"Medical assistant II\"; "
        "description; openings \"1\" -> \"2\"; deadline \"2026-12-04\" -> \"2026-12-15\"; reserved days \"0\" -> \"3\"");
  CHECK(a.run(edit, a.manager).error.message == "Nothing was changed.");
  edit.openings = 3, edit.deadline = "";  // empty deadline: unchanged
  a.ok(edit, a.manager);
  CHECK(format_iso_date(j.deadline) == "2026-12-15");
  edit.deadline = "2026-11-01";
  CHECK(a.run(edit, a.bsr).error.code == "invalid_field");  // J2: not in the past
  edit.deadline = "", edit.reserved_days = 4;
  CHECK(a.run(edit, a.bsr).error.message == "A job is reserved for 3, 5 or 7 days (J3).");
  edit.reserved_days = 0, edit.title = "";
  CHECK(a.run(edit, a.bsr).error.code == "missing_field");
  edit.title = "x", edit.openings = 0;
  CHECK(a.run(edit, a.bsr).error.code == "invalid_field");
  a.ok(CloseJob{a.job, "filled"}, a.bsr);
  edit.openings = 1;
  CHECK(a.run(edit, a.bsr).error.message.starts_with("Only an open job order is edited: this one is Closed"));
}

TEST_CASE("P4, R1: a voided service leaves the ESE files, the standards and the targets, and stays in the history") {
  Desk a;
  a.ok(LogService{a.site, "2026-11-19", "Hiring event", "", Program::WioaAdult, "Interviewed 12 candidates"}, a.bsr);
  const RecordId wrong =
      a.ok(LogService{a.site, "2026-11-19", "Business consultation", "", Program::WioaAdult, "Planned a job fair"}, a.bsr);
  const EseFiles before = ese_files({{&a.ws, {}}}, {2026, 2}, 0);
  const auto standards_before = performance(a.ws, *parse_iso_date("2026-11-01"), *parse_iso_date("2026-11-30"), a.now);
  const long long target_before = achieved(a.ws, Measure::Services, {2026, 2}, {}, a.now);
  CHECK(before.services == 2);
  CHECK(target_before == 2);

  CHECK(a.run(VoidService{wrong, ""}, a.bsr).error.code == "missing_field");
  const RecordId bsr2 = a.ok(AddStaff{"Bea Bsr", "", a.provider, Role::BusinessServicesRepresentative, ""});
  CHECK(a.run(VoidService{wrong, "entered twice"}, bsr2).error.message ==
        "Only the person who entered the service, or a Manager of their organisation, voids it (P4).");
  const RecordId other_manager = a.ok(AddStaff{"Yan Manager", "", a.youth_provider, Role::Manager, ""});
  CHECK(a.run(VoidService{wrong, "entered twice"}, other_manager).error.code == "not_allowed");
  a.ok(VoidService{wrong, "entered twice"}, a.manager);
  CHECK(a.run(VoidService{wrong, "again"}, a.bsr).error.message == "This service is already voided.");

  const Service& sv = a.ws.services.at(wrong);
  CHECK(is_voided(sv));
  CHECK(sv.voided_by == a.manager);
  CHECK(sv.void_reason == "entered twice");
  CHECK(a.last_audit(wrong).starts_with("Voided the service of "));
  const EseFiles after = ese_files({{&a.ws, {}}}, {2026, 2}, 0);
  CHECK(after.services == 1);
  CHECK(after.detail.find("Planned a job fair") == std::string::npos);
  CHECK(before.detail.find("Planned a job fair") != std::string::npos);
  CHECK(achieved(a.ws, Measure::Services, {2026, 2}, {}, a.now) == 1);
  const auto standards = performance(a.ws, *parse_iso_date("2026-11-01"), *parse_iso_date("2026-11-30"), a.now);
  const auto idx = std::size_t(Standard::ServicesEntered);
  CHECK(standards.at(a.bsr)[idx].total == standards_before.at(a.bsr)[idx].total - 1);
  // Still in the employer's history, voided, and through a backup.
  const json listed = query(a.ws, "services", {{"employer", a.employer}}, a.bsr, a.now)["result"];
  REQUIRE(listed.size() == 2);
  int voided = 0;
  for (const json& s : listed) voided += !s["voided_at"].is_null();
  CHECK(voided == 1);
  auto back = decode_backup(encode_backup(a.ws, a.now));
  REQUIRE(std::holds_alternative<Workspace>(back));
  const Service& kept = std::get<Workspace>(back).services.at(wrong);
  CHECK(is_voided(kept));
  CHECK(kept.void_reason == "entered twice");
  CHECK(kept.entered_by == a.bsr);
}

TEST_CASE("N5: a case note, contact or comment is never changed: the correction is a new one that refers to it") {
  Desk a;
  const RecordId contact = a.ok(RecordContact{a.client, "", ContactType::Telephone, ContactWith::Participant,
                                              "Talked about the job fair on Tuesday", {}, {}},
                                a.ers);
  const Outcome o = a.run(CorrectNote{contact, "The job fair is on Thursday, not Tuesday."}, a.ers);
  REQUIRE(o.ok);
  const CaseNote& note = a.ws.case_notes.at(o.id);
  CHECK(note.corrects == contact);
  CHECK(note.client == a.client);
  CHECK(note.text.starts_with("Correction to the contact of "));
  CHECK(a.ws.contacts.at(contact).results == "Talked about the job fair on Tuesday");  // unchanged
  CHECK(a.run(CorrectNote{contact, " "}, a.ers).error.code == "missing_field");
  CHECK(a.run(CorrectNote{contact, "x"}, a.trainer).error.code == "not_allowed");
  CHECK(a.run(CorrectNote{"nothing", "x"}, a.ers).error.code == "not_found");
  // A correction of a correction refers to the note it corrects.
  const Outcome again = a.run(CorrectNote{note.id, "Thursday at 10:00."}, a.ers2);
  REQUIRE(again.ok);
  CHECK(a.ws.case_notes.at(again.id).corrects == note.id);
  CHECK(a.ws.case_notes.at(note.id).text.starts_with("Correction to the contact of "));

  const RecordId comment_id = a.ok(AddComment{a.client, "Resume sent to the clinik"}, a.ers);
  CHECK(a.run(CorrectNote{comment_id, "clinic"}, a.ers2).error.message ==
        "Only the person who wrote a comment corrects it.");
  const Outcome fixed = a.run(CorrectNote{comment_id, "Resume sent to the clinic"}, a.ers);
  REQUIRE(fixed.ok);
  const Comment& k = a.ws.comments.at(fixed.id);
  CHECK(k.corrects == comment_id);
  CHECK(k.record == a.client);
  CHECK(a.ws.comments.at(comment_id).text == "Resume sent to the clinik");
  auto back = decode_backup(encode_backup(a.ws, a.now));
  REQUIRE(std::holds_alternative<Workspace>(back));
  CHECK(std::get<Workspace>(back).comments.at(fixed.id).corrects == comment_id);
  CHECK(std::get<Workspace>(back).case_notes.at(o.id).corrects == contact);
}

TEST_CASE("P4: a client's details are corrected with each old value kept in the record's history") {
  Desk a;
  CHECK(a.run(UpdateClient{a.client, "Ana", "Lopez", "1990-04-02", "", ""}, a.ers).error.message ==
        "Nothing was changed.");
  a.ok(UpdateClient{a.client, "Ana", "Lopez", "1990-04-20", "", "559-555-0101"}, a.ers);
  CHECK(a.last_audit(a.client) ==
        "Corrected the details of Ana Lopez: date of birth \"1990-04-02\" -> \"1990-04-20\"; phone \"\" -> "
        "\"559-555-0101\"");
  CHECK(a.run(UpdateClient{a.client, "Ana", "Lopez", "1990-04-20", "", "x"}, a.bsr).error.code == "not_allowed");
}

TEST_CASE("C1: WIOA Youth enrolment warns outside ages 14-24, on every birthday boundary") {
  const auto on = *parse_iso_date("2026-11-20");
  for (int age = 5; age <= 80; ++age)
    for (int day_offset : {-1, 0, 1}) {
      // Born `age` years before `on`, a day before, on, or after the birthday.
      const auto birth = std::chrono::sys_days(std::chrono::year_month_day{on.year() - std::chrono::years(age),
                                                                            on.month(), on.day()}) +
                         std::chrono::days(day_offset);
      const std::chrono::year_month_day b{birth};
      const int real = age_on(b, on);
      CAPTURE(format_iso_date(b));
      const auto warning = youth_age_warning({Program::WioaYouth}, b, on);
      CHECK(warning.has_value() == (real < 14 || real > 24));
      if (warning) CHECK(warning->find("(C1)") != std::string::npos);
      CHECK_FALSE(youth_age_warning({Program::WioaAdult}, b, on));
    }
  Desk a;
  EnrolClient old = a.youth();
  old.date_of_birth = "1950-03-02";
  const Outcome o = a.run(old, a.aca);
  REQUIRE(o.ok);  // saved, with the warning
  CHECK(o.notice == "WIOA Youth serves ages 14 to 24 (C1): this birth date makes the person 76. Check the date of "
                    "birth, or enrol them in WIOA Adult or Dislocated Worker.");
  CHECK(a.last_audit(o.id).ends_with(o.notice));
  const Outcome fixed = a.run(UpdateClient{o.id, "Yuri", "Young", "2005-03-02", "", ""}, a.aca);
  REQUIRE(fixed.ok);
  CHECK(fixed.notice.empty());
  CHECK(a.run(a.youth(), a.aca).notice.empty());
}
