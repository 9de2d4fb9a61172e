// The quarterly Effectiveness in Serving Employers report (R2, R3): program
// years and quarters (T5), and the three CSV files, made from one or more
// workspaces. The browser and the command-line tool both call `ese_files`.
// docs/ese-report.md defines every column and count.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "workspace.hpp"

namespace bw {

// [SECTION] Program years (T5): PY N runs July 1 of N to June 30 of N+1.
struct ProgramQuarter {
  int program_year = 0;  // N
  int quarter = 0;       // 1 Jul-Sep, 2 Oct-Dec, 3 Jan-Mar, 4 Apr-Jun
  bool operator==(const ProgramQuarter&) const = default;
};
ProgramQuarter program_quarter_of(std::chrono::year_month_day day);
std::chrono::year_month_day first_day(ProgramQuarter pq);
std::chrono::year_month_day last_day(ProgramQuarter pq);
ProgramQuarter previous(ProgramQuarter pq);
// R2: due the 15th of the month after the quarter ends.
std::chrono::year_month_day ese_due(ProgramQuarter pq);
std::string quarter_label(ProgramQuarter pq);  // "PY2026 Q2 (Oct 1 - Dec 31, 2026)"

// The quarter whose report is due next on `today`: the one before today's
// until its due date, then today's.
ProgramQuarter ese_quarter_due_next(std::chrono::year_month_day today);

// [SECTION] The export
// Whose services: one workspace, all of it or one organisation's staff's.
struct EseSource {
  const Workspace* workspace = nullptr;
  RecordId organisation;  // empty: every organisation
};

// The counts behind the two rates (R2).
struct EseCounts {
  long long served = 0;             // unique establishments served in the quarter
  long long served_before = 0;      // of those, also served in the three years before it
  long long served_three_years = 0; // unique establishments served in the three years ending with it
  long long state_total = 0;        // entered in Settings; 0 = not entered
};

struct EseCategoryRow {
  ServiceCategory category{};
  long long establishments = 0, services = 0;
};

struct EseFiles {
  std::string detail, summary, rates;  // CSV files (R3)
  EseCounts counts;
  long long services = 0;              // rows of the detail file
  std::vector<EseCategoryRow> by_category;  // the summary's rows, in the federal order
};

// `state_total` is the state's establishment count (0: not entered).
EseFiles ese_files(const std::vector<EseSource>& sources, ProgramQuarter pq, long long state_total);
// "ESE_PY2026_Q2_detail.csv" and so on.
std::string ese_file_name(ProgramQuarter pq, const char* part);

// Who exports, and whose services (R2): business staff, Managers, the
// board's roles and Administrators; the board and Administrators report
// every organisation, anyone else their own organisation.
bool can_export_ese(const Staff& s);
EseSource ese_source_for(const Workspace& ws, const Staff& s);
// Whether someone reporting for the same scope (that organisation, or the
// board and Administrators for all) exported the quarter.
bool ese_exported(const Workspace& ws, ProgramQuarter pq, const EseSource& scope);
// R2: My Work's reminder: the quarter due next from two weeks before its due
// date, and the quarter before if it passed its due date unexported; never a
// quarter due before the workspace was created.
struct EseReminder {
  ProgramQuarter quarter;
  std::chrono::year_month_day due;
  bool overdue = false;
};
std::vector<EseReminder> ese_reminders(const Workspace& ws, const Staff& s, std::chrono::year_month_day today);

}  // namespace bw
