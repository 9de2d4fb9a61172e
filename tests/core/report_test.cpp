// The quarterly ESE report (R2, R3, T5): program quarters on every day,
// CSV as spreadsheets expect it, each count by a hand-built case, golden
// files byte for byte, consolidation, and the backup file the CLI reads.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "csv.hpp"
#include "helpers.hpp"
#include "queries.hpp"
#include "report.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;
using namespace std::chrono;

TEST_CASE("T5: every day of 2020-2035 is in one program-year quarter, due the 15th after it ends") {
  int days_checked = 0;
  for (sys_days d = sys_days{2020y / January / 1}; d <= sys_days{2035y / December / 31}; d += days{1}) {
    const year_month_day ymd{d};
    const ProgramQuarter pq = program_quarter_of(ymd);
    // The rule written out again: July-September Q1 of the year, ..., April-June Q4 of the year before.
    const int m = int(unsigned(ymd.month())), y = int(ymd.year());
    CHECK(pq.program_year == (m >= 7 ? y : y - 1));
    CHECK(pq.quarter == (m >= 7 ? (m - 7) / 3 + 1 : (m - 1) / 3 + 3));
    CHECK(first_day(pq) <= ymd);
    CHECK(ymd <= last_day(pq));
    CHECK(first_day(pq).day() == day{1});
    CHECK(year_month_day{sys_days{last_day(pq)} + days{1}}.day() == day{1});  // the last day of its month
    const year_month_day due = ese_due(pq);
    CHECK(due.day() == day{15});
    CHECK(sys_days{due} - sys_days{last_day(pq)} == days{15});  // the month after the quarter ends
    CHECK(program_quarter_of(year_month_day{sys_days{first_day(pq)} - days{1}}) == previous(pq));
    ++days_checked;
  }
  CHECK(days_checked == 5844);
  CHECK(quarter_label({2026, 2}) == "PY2026 Q2 (Oct 1 - Dec 31, 2026)");
  CHECK(quarter_label({2026, 3}) == "PY2026 Q3 (Jan 1 - Mar 31, 2027)");
  CHECK(ese_due({2026, 1}) == 2026y / October / 15);  // seed 002: Q1 by October 15
  CHECK(ese_due({2026, 4}) == 2027y / July / 15);
}

TEST_CASE("R2: My Work reminds from two weeks before the due date until the quarter is exported") {
  Area a;
  const Staff& bsr = a.ws.staff.at(a.bsr);
  CHECK(ese_quarter_due_next(2026y / October / 15) == ProgramQuarter{2026, 1});
  CHECK(ese_quarter_due_next(2026y / October / 16) == ProgramQuarter{2026, 2});
  CHECK(ese_quarter_due_next(2027y / January / 1) == ProgramQuarter{2026, 2});
  // The workspace was created Nov 20, 2026: PY2026 Q1 (due Oct 15) was not its to report.
  CHECK(ese_reminders(a.ws, bsr, 2026y / November / 20).empty());
  CHECK(ese_reminders(a.ws, bsr, 2026y / December / 31).empty());  // Q2 due Jan 15: from Jan 1
  REQUIRE(ese_reminders(a.ws, bsr, 2027y / January / 1).size() == 1);
  CHECK(ese_reminders(a.ws, bsr, 2027y / January / 1)[0].quarter == ProgramQuarter{2026, 2});
  CHECK_FALSE(ese_reminders(a.ws, bsr, 2027y / January / 15)[0].overdue);
  // Unexported after its due date: overdue until exported.
  const auto late = ese_reminders(a.ws, bsr, 2027y / January / 16);
  REQUIRE(late.size() == 1);
  CHECK(late[0].overdue);
  CHECK(late[0].quarter == ProgramQuarter{2026, 2});
  CHECK(late[0].due == 2027y / January / 15);
  a.now = at("2027-01-16T09:00");
  a.ok(RecordEseExport{2026, 2}, a.bsr);
  CHECK(ese_reminders(a.ws, bsr, 2027y / January / 16).empty());
  CHECK(ese_reminders(a.ws, bsr, 2027y / March / 31).empty());
  CHECK(ese_reminders(a.ws, bsr, 2027y / April / 1).size() == 1);  // Q3, due Apr 15
  CHECK(ese_reminders(a.ws, a.ws.staff.at(a.ers), 2027y / April / 1).empty());  // case staff do not report
  CHECK(ese_reminders(a.ws, a.ws.staff.at(a.manager), 2027y / January / 16).empty());  // same provider: exported
  CHECK(ese_reminders(a.ws, a.ws.staff.at(a.admin), 2027y / January / 16).size() == 1);  // the board's is its own
}

TEST_CASE("R3: CSV with BOM, CRLF, RFC 4180 quoting; text never runs as a formula; numbers untouched") {
  for (const char* risky : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"})
    CHECK(neutralised(risky) == "'" + std::string(risky));
  for (const char* safe : {"", "1+1", "Hire 2", "'quoted", "a=b", " =1"}) CHECK(neutralised(safe) == safe);
  const std::string f = csv_file({{std::string("a,b"), std::string("say \"hi\""), std::string("two\nlines"), 42LL, -7LL},
                                  {std::string("=1+1"), std::string("-x"), 0.5, std::string("plain")}});
  CHECK(f == "\xEF\xBB\xBF\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",42,-7\r\n'=1+1,'-x,0.500000,plain\r\n");
  CHECK(csv_file({}) == "\xEF\xBB\xBF");
}

namespace {
// A provider and the board serving two employers over four years.
struct Quarterly : Area {
  RecordId clinic, clinic_site, clinic_annex, mill, mill_site;
  Quarterly() {
    now = at("2027-01-04T09:00");  // PY2026 Q2 is over
    clinic = ok(AddEmployer{"Valley Health Partners", "94-1234567", "", EmployerKind::DirectEmployer, "Clinic",
                            "12 Main St, Clovis, CA 93612", "621111"},
                bsr);
    clinic_site = ws.establishments_by_employer.at(clinic).front();
    clinic_annex = ok(AddEstablishment{clinic, "Annex", "14 Main St, Clovis, CA 93612", "621111"}, bsr);
    mill = ok(AddEmployer{"=cmd|' /C calc'!A0", "27-7654321", "", EmployerKind::DirectEmployer, "Mill, \"North\"",
                          "1 River Rd\nFresno, CA", "321113"},
              bsr);
    mill_site = ws.establishments_by_employer.at(mill).front();
  }
  void serve(const RecordId& site, const char* date, const char* type, const char* when_entered,
             const char* gained = "Filled two openings") {
    const LocalSeconds keep = now;
    now = at(when_entered);
    ok(LogService{site, date, type, {}, Program::WioaAdult, gained}, bsr);
    now = keep;
  }
  EseFiles q2() const { return ese_files({{&ws, {}}}, {2026, 2}, 0); }
};
}  // namespace

TEST_CASE("R2: each count by a hand-built case") {
  Quarterly a;
  // Served twice in the quarter: one establishment, two services.
  a.serve(a.clinic_site, "2026-10-05", "Hiring event", "2026-10-05T15:00");
  a.serve(a.clinic_site, "2026-11-12", "Business consultation", "2026-11-16T09:00");  // entered late (Thu -> Mon)
  // The annex: the last day of the quarter, entered that day at 23:59; served exactly three years before too.
  a.serve(a.clinic_annex, "2026-12-31", "Hiring event", "2026-12-31T23:59");
  a.serve(a.clinic_annex, "2023-10-01", "Hiring event", "2023-10-02T09:00");
  // The mill: served three years and one day before the quarter: not "before", nor in the last three years.
  a.serve(a.mill_site, "2023-09-30", "Hiring event", "2023-10-02T09:00");
  a.serve(a.mill_site, "2026-10-01", "Rapid response session", "2026-10-01T10:00");
  // The day after the quarter and the day before it: outside.
  a.serve(a.clinic_site, "2027-01-01", "Hiring event", "2027-01-04T08:00");
  a.serve(a.clinic_site, "2026-09-30", "Hiring event", "2026-09-30T10:00");

  const EseFiles f = a.q2();
  CHECK(f.services == 4);
  CHECK(f.counts.served == 3);         // clinic, annex, mill
  CHECK(f.counts.served_before == 2);  // the clinic (Sep 30) and the annex (exactly three years before)
  // Three years ending Dec 31, 2026 begin Jan 1, 2024: the 2023 services are out; the clinic,
  // annex and mill were served within them.
  CHECK(f.counts.served_three_years == 3);
  std::map<ServiceCategory, std::pair<long long, long long>> rows;
  for (auto& r : f.by_category) rows[r.category] = {r.establishments, r.services};
  CHECK(rows[ServiceCategory::WorkforceRecruitment] == std::pair{2LL, 2LL});  // clinic and annex
  CHECK(rows[ServiceCategory::EmployerInformation] == std::pair{1LL, 1LL});   // the clinic again
  CHECK(rows[ServiceCategory::RapidResponse] == std::pair{1LL, 1LL});
  CHECK(rows[ServiceCategory::Training] == std::pair{0LL, 0LL});
  CHECK(f.by_category.size() == 8);
  // The summary's total counts the clinic once though it had two categories.
  CHECK(f.summary.find("\r\nTotal,3,4\r\n") != std::string::npos);
  // The detail marks the late entry; 23:59 on the day is within one business day.
  CHECK(f.detail.find("2026-11-12,Employer Information and Support Services,Business consultation,Filled two openings,No\r\n") !=
        std::string::npos);
  CHECK(f.detail.find("2026-12-31,Workforce Recruitment Assistance,Hiring event,Filled two openings,Yes\r\n") != std::string::npos);
  // Injection: the employer name cannot run; quotes and line breaks are quoted.
  CHECK(f.detail.find(",'=cmd|' /C calc'!A0,27-7654321,\"1 River Rd\nFresno, CA\",321113,") != std::string::npos);
  // Rates: blank without the state's total, then computed.
  CHECK(f.rates.find("Employer penetration rate,\r\n") != std::string::npos);
  CHECK(f.rates.find("Repeat business customers rate,0.666667\r\n") != std::string::npos);
  a.ok(SetStateEstablishments{1500});
  const EseFiles g = ese_files({{&a.ws, {}}}, {2026, 2}, a.ws.meta.state_establishments);
  CHECK(g.rates.find("Establishments in the state,1500\r\nRepeat business customers rate,0.666667\r\nEmployer penetration rate,0.002000\r\n") !=
        std::string::npos);
  CHECK(a.run(SetStateEstablishments{0}).error.code == "invalid_field");
  CHECK(a.run(SetStateEstablishments{10}, a.bsr).error.code == "not_allowed");
}

#ifdef BRIDGEWORK_SOURCE_DIR  // the native run reads the golden files from the source tree
TEST_CASE("R2: golden files, byte for byte, for a fixed workspace") {
  Quarterly a;
  a.serve(a.clinic_site, "2026-10-05", "Hiring event", "2026-10-05T15:00");
  a.serve(a.clinic_site, "2026-11-12", "Business consultation", "2026-11-16T09:00", "Wage data for three openings");
  a.serve(a.clinic_annex, "2026-12-31", "Customized training", "2026-12-31T23:59", "-12 hours of training; =on site");
  a.serve(a.mill_site, "2024-02-29", "Hiring event", "2024-03-01T09:00");
  a.serve(a.mill_site, "2026-10-01", "Rapid response session", "2026-10-01T10:00", "Met 40 workers, \"all shifts\"");
  a.ok(SetStateEstablishments{1500});
  const EseFiles f = ese_files({{&a.ws, {}}}, {2026, 2}, a.ws.meta.state_establishments);
  // After a deliberate change of format: BRIDGEWORK_WRITE_GOLDEN=1 writes them anew; review the diff.
  if (std::getenv("BRIDGEWORK_WRITE_GOLDEN"))
    for (auto [name, text] : {std::pair{"ESE_PY2026_Q2_detail.csv", &f.detail}, {"ESE_PY2026_Q2_summary.csv", &f.summary},
                              {"ESE_PY2026_Q2_rates.csv", &f.rates}})
      std::ofstream(std::string(BRIDGEWORK_SOURCE_DIR) + "/tests/core/golden/" + name, std::ios::binary) << *text;
  auto golden = [](const char* name) {
    std::ifstream in(std::string(BRIDGEWORK_SOURCE_DIR) + "/tests/core/golden/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  CHECK(f.detail == golden("ESE_PY2026_Q2_detail.csv"));
  CHECK(f.summary == golden("ESE_PY2026_Q2_summary.csv"));
  CHECK(f.rates == golden("ESE_PY2026_Q2_rates.csv"));
  CHECK(ese_file_name({2026, 2}, "detail") == "ESE_PY2026_Q2_detail.csv");
}
#endif

TEST_CASE("R2: a provider exports its own staff's services; the board every organisation's") {
  Quarterly a;
  const RecordId board_bsr = a.ok(AddStaff{"Bea Board", "", a.board, Role::BusinessServicesRepresentative, ""});
  a.serve(a.clinic_site, "2026-10-05", "Hiring event", "2026-10-05T15:00");
  a.ok(LogService{a.mill_site, "2026-10-06", "Hiring event", {}, Program::WioaAdult, "Filled one opening"}, board_bsr);
  CHECK(ese_files({ese_source_for(a.ws, a.ws.staff.at(a.bsr))}, {2026, 2}, 0).services == 1);
  CHECK(ese_files({ese_source_for(a.ws, a.ws.staff.at(board_bsr))}, {2026, 2}, 0).services == 2);
  CHECK(ese_files({ese_source_for(a.ws, a.ws.staff.at(a.admin))}, {2026, 2}, 0).services == 2);
  CHECK_FALSE(can_export_ese(a.ws.staff.at(a.ers)));
  CHECK_FALSE(can_export_ese(a.ws.staff.at(a.trainer)));
  CHECK(query(a.ws, "ese_report", {{"program_year", 2026}, {"quarter", 2}}, a.ers, a.now)["error"]["code"] == "not_allowed");
  const json r = query(a.ws, "ese_report", json::object(), a.bsr, a.now)["result"];  // the quarter due next (Jan 4)
  CHECK(r["label"] == "PY2026 Q2 (Oct 1 - Dec 31, 2026)");
  CHECK(r["due"] == "2027-01-15");
  CHECK(r["services"] == 1);
  CHECK(r["exports"].empty());
  CHECK(query(a.ws, "ese_report", {{"program_year", 2026}, {"quarter", 5}}, a.bsr, a.now)["error"]["code"] == "invalid_field");
  // R2: after export, the quarter shows when and by whom.
  a.ok(RecordEseExport{2026, 2}, a.bsr);
  const json after = query(a.ws, "ese_report", {{"program_year", 2026}, {"quarter", 2}}, a.bsr, a.now)["result"];
  REQUIRE(after["exports"].size() == 1);
  CHECK(after["exports"][0]["by_name"] == "Ben Bsr");
  CHECK(a.run(RecordEseExport{2026, 2}, a.ers).error.code == "not_allowed");
  CHECK(after["exported"] == true);
  CHECK(ese_exported(a.ws, {2026, 2}, ese_source_for(a.ws, a.ws.staff.at(a.bsr))));
  CHECK_FALSE(ese_exported(a.ws, {2026, 2}, ese_source_for(a.ws, a.ws.staff.at(a.admin))));  // the board's report is its own
  CHECK(a.run(RecordEseExport{2026, 0}, a.bsr).error.code == "invalid_field");
  const json files = query(a.ws, "ese_files", {{"program_year", 2026}, {"quarter", 2}}, a.bsr, a.now)["result"];
  CHECK(files["names"]["rates"] == "ESE_PY2026_Q2_rates.csv");
  CHECK(files["detail"] == ese_files({ese_source_for(a.ws, a.ws.staff.at(a.bsr))}, {2026, 2}, 0).detail);
}

TEST_CASE("R2: consolidating providers' workspaces counts a shared establishment once") {
  Quarterly one, two;
  one.serve(one.clinic_site, "2026-10-05", "Hiring event", "2026-10-05T15:00");
  // The same clinic in another provider's workspace (other record ids), its address typed differently.
  const RecordId again = two.ok(AddEstablishment{two.clinic, "Main clinic", "12 MAIN ST., Clovis, CA  93612", "621111"}, two.bsr);
  CHECK(again != one.clinic_site);
  two.serve(again, "2026-11-05", "Hiring event", "2026-11-05T15:00");
  two.serve(two.mill_site, "2026-11-06", "Hiring event", "2026-11-06T15:00");
  const EseFiles both = ese_files({{&one.ws, {}}, {&two.ws, {}}}, {2026, 2}, 0);
  CHECK(both.services == 3);
  CHECK(both.counts.served == 2);  // the clinic once, and the mill
}

TEST_CASE("backup: a whole workspace in one file, read back identical; anything else refused") {
  NewWorkspace demo = create_demo_workspace("demo", at("2026-11-20T10:00"));
  const std::string text = encode_backup(demo.workspace, at("2026-11-20T11:00"));
  auto back = decode_backup(text);
  REQUIRE(std::holds_alternative<Workspace>(back));
  const Workspace& ws = std::get<Workspace>(back);
  CHECK(encode_backup(ws, at("2026-11-20T11:00")) == text);
  CHECK(ws.services.size() == demo.workspace.services.size());
  CHECK(ws.comments_by_record == demo.workspace.comments_by_record);
  CHECK(std::get<Error>(decode_backup("{}")).code == "not_a_backup");
  CHECK(std::get<Error>(decode_backup("not json")).code == "not_a_backup");
  json newer = json::parse(text);
  newer["version"] = 2;
  CHECK(std::get<Error>(decode_backup(newer.dump())).code == "newer_schema");
  json damaged = json::parse(text);
  damaged["records"][0].erase("name");
  CHECK(std::get<Error>(decode_backup(damaged.dump())).code == "corrupt");
}
