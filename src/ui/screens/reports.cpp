// Reports: the quarterly Effectiveness in Serving Employers export (R2, R3):
// pick the quarter, check the numbers, export the three CSV files.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

#include "../host.hpp"
#include "../widgets.hpp"
#include "client_format.hpp"
#include "performance.hpp"
#include "report.hpp"
#include "printable.hpp"
#include "screens.hpp"

namespace bw::ui {

namespace {

// A horizontal bar with its number on it; the exact figures are one hover away.
void bar(const char* id, float fraction, const std::string& text, const std::string& tip, ImVec4 colour, float width) {
  // A light fill keeps the number on it readable in every theme.
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4{colour.x, colour.y, colour.z, 0.35f});
  ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2{width, 0}, text.c_str());
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
  (void)id;
}

std::string rate_text(int met, int total) {
  if (total == 0) return "-";
  return std::to_string(met) + " / " + std::to_string(total) + " = " + std::to_string(met * 100 / total) + "%";
}

void draw_ese(const Workspace& ws, const Staff& me) {
  if (!can_export_ese(me)) {
    muted("The quarterly ESE report is made by business staff, Managers, the board and Administrators.");
    return;
  }
  struct Kept {
    std::optional<ProgramQuarter> chosen;
  };
  auto& [chosen] = for_this_person<Kept>();
  const auto today = date_of(host::now());
  if (!chosen) chosen = ese_quarter_due_next(today);
  subheading("Effectiveness in Serving Employers, quarterly (R2)");
  // The quarter due next first, then the eight before it, and the quarter in progress.
  std::vector<ProgramQuarter> quarters{program_quarter_of(today)};
  for (int i = 0; i < 8; ++i) quarters.push_back(previous(quarters.back()));
  if (begin_combo("Quarter", quarter_label(*chosen), 360)) {
    for (const ProgramQuarter& q : quarters)
      if (ImGui::Selectable(quarter_label(q).c_str(), q == *chosen)) chosen = q;
    ImGui::EndCombo();
  }
  const ProgramQuarter pq = *chosen;
  const EseSource source = ese_source_for(ws, me);
  // Made again only when the services, the quarter or the settings change.
  struct Cached {
    std::tuple<RecordId, int, int, std::uint64_t> key;
    EseFiles files;
  };
  auto& [key, files] = for_this_person<Cached>();
  const auto now_key = std::tuple{me.id, pq.program_year, pq.quarter, ws.change};
  if (now_key != key) key = now_key, files = ese_files({source}, pq, ws.meta.state_establishments);

  const auto due = ese_due(pq);
  const bool exported = ese_exported(ws, pq, source);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Due %s", display_date(due).c_str());
  ImGui::SameLine();
  if (exported) good_text("exported");
  else if (today > due) ImGui::TextColored(colour::kError, "OVERDUE: not exported yet");
  else muted("not exported yet");
  for (const EseExport& x : ws.meta.ese_exports)
    if (x.program_year == pq.program_year && x.quarter == pq.quarter)
      muted("Exported " + display_datetime(x.at) + " by " + staff_name(ws, x.by) + ".");
  muted(source.organisation.empty() ? "Services of every organisation (the board's report)."
                                    : "Services delivered by " + organisation_name(ws, source.organisation) + "'s staff.");
  if (primary_button("Export the three CSV files")) {
    host::download(ese_file_name(pq, "detail"), files.detail, "text/csv");
    host::download(ese_file_name(pq, "summary"), files.summary, "text/csv");
    host::download(ese_file_name(pq, "rates"), files.rates, "text/csv");
    host::dispatch(RecordEseExport{pq.program_year, pq.quarter});
  }
  ImGui::SameLine();
  muted("Detail (one row per service), summary (by federal category) and rates. Every column is defined in "
        "docs/ese-report.md.");

  subheading("Summary: " + std::to_string(files.services) + " services");
  if (ImGui::SmallButton("Print summary")) {
    std::vector<std::vector<std::string>> cells;
    for (const EseCategoryRow& r : files.by_category)
      cells.push_back({std::string(category_label(r.category)), std::to_string(r.establishments), std::to_string(r.services)});
    cells.push_back({"Total (each establishment once)", std::to_string(files.counts.served), std::to_string(files.services)});
    host::show_printable(table_html(ws, "Effectiveness in Serving Employers, " + quarter_label(pq), {"Federal category", "Establishments", "Services"},
                                    cells, host::now()));
  }
  if (ImGui::BeginTable("ese_summary", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter, ImVec2{px(760), 0})) {
    ImGui::TableSetupColumn("Federal category", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Establishments", ImGuiTableColumnFlags_WidthFixed, px(130));
    ImGui::TableSetupColumn("Services", ImGuiTableColumnFlags_WidthFixed, px(100));
    headers_row();
    auto row = [](const std::string& name, long long sites, long long services, bool bold) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      if (bold) ImGui::PushFont(fonts().bold);
      ImGui::TextUnformatted(name.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%lld", sites);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%lld", services);
      if (bold) ImGui::PopFont();
    };
    for (const EseCategoryRow& r : files.by_category)
      row(std::string(category_label(r.category)), r.establishments, r.services, false);
    row("Total (each establishment once)", files.counts.served, files.services, true);
    ImGui::EndTable();
  }

  // R4: services by category, for those who would rather look than read.
  long long most = 1;
  for (const EseCategoryRow& r : files.by_category) most = std::max(most, r.services);
  subheading("Services by category");
  for (const EseCategoryRow& r : files.by_category) {
    const std::string label(category_label(r.category));
    bar(label.c_str(), float(r.services) / float(most), std::to_string(r.services),
        label + ": " + std::to_string(r.services) + " services to " + std::to_string(r.establishments) + " establishments",
        colour::kAccent, px(300));
    ImGui::SameLine();
    ImGui::TextUnformatted(label.c_str());
  }

  subheading("Rates");
  const EseCounts& k = files.counts;
  if (ImGui::BeginTable("ese_rates", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(520));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, px(220));
    auto percent = [](long long part, long long whole) {
      if (whole <= 0) return std::string("-");
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4f%%", 100.0 * double(part) / double(whole));
      return std::string(buf);
    };
    detail("Establishments served in the quarter", std::to_string(k.served));
    detail("Of those, also served in the three years before", std::to_string(k.served_before));
    detail("Establishments served in the three years ending with the quarter", std::to_string(k.served_three_years));
    detail("Establishments in the state (Settings)", k.state_total ? std::to_string(k.state_total) : "not entered");
    detail("Repeat business customers rate", percent(k.served_before, k.served));
    detail("Employer penetration rate", percent(k.served, k.state_total));
    ImGui::EndTable();
  }
}

// A quarter picker shared by the performance and targets tabs.
ProgramQuarter pick_quarter(const char* label) {
  struct Kept {
    std::optional<ProgramQuarter> chosen;
  };
  auto& [chosen] = for_this_person<Kept>();
  const auto today = date_of(host::now());
  if (!chosen) chosen = program_quarter_of(today);
  std::vector<ProgramQuarter> quarters{program_quarter_of(today)};
  for (int i = 0; i < 8; ++i) quarters.push_back(previous(quarters.back()));
  if (begin_combo(label, quarter_label(*chosen), 360)) {
    for (const ProgramQuarter& q : quarters)
      if (ImGui::Selectable(quarter_label(q).c_str(), q == *chosen)) chosen = q;
    ImGui::EndCombo();
  }
  return *chosen;
}

// R4: met / total = rate per standard, per staff member, organisation and the
// board; a cell opens the records that missed and the rate by month.
void draw_performance(const Workspace& ws, const Staff& me) {
  const ProgramQuarter pq = pick_quarter("Quarter##performance");
  const LocalSeconds now = host::now();
  // Rows: the people the viewer may see, their organisations' totals, the board's.
  struct Row { std::string name; RecordId staff, organisation; bool whole_board = false; Tallies t{}; };
  struct Kept {
    std::tuple<int, int, std::uint64_t, LocalSeconds> key{0, 0, 0, -1};
    std::map<RecordId, Tallies> tallies;
    std::array<std::map<RecordId, Tallies>, 3> months;  // the quarter's three months, for the chart
    std::vector<Row> rows;
  };
  // Made again only when the workspace changed, the hour turned or another quarter is chosen.
  auto& [key, tallies, months, rows] = for_this_person<Kept>();
  const auto now_key = std::tuple{pq.program_year, pq.quarter, ws.change, now / 3600};
  if (now_key != key) {
    key = now_key;
    tallies = performance(ws, first_day(pq), last_day(pq), now);
    for (int i = 0; i < 3; ++i) {
      const auto first = add_months(first_day(pq).year() / first_day(pq).month(), i);
      months[i] = performance(ws, first / std::chrono::day{1}, std::chrono::year_month_day{first / std::chrono::last}, now);
    }
    rows.clear();
    for (const auto& [who, t] : tallies)
      if (const Staff* s = ws.find_staff(who); s && sees_performance_of(ws, me, *s)) rows.push_back({s->name, who, s->organisation, false, t});
    const Totals totals = totals_of(ws, tallies);
    sort_list(rows, [&](const Row& a, const Row& b) {
      return std::tie(a.organisation, a.name) < std::tie(b.organisation, b.name);
    });
    for (const auto& [org, t] : totals.by_organisation)
      if (can_set_targets(me) || (me.role == Role::Manager && org == me.organisation))
        rows.push_back({organisation_name(ws, org) + " (all)", {}, org, false, t});
    if (can_set_targets(me)) rows.push_back({"The board (all organisations)", {}, {}, true, totals.board});
  }
  muted("Each cell: met / total = rate. Click a cell for the records that missed and the rate by month.");

  struct Chosen {
    int chosen_row = -1, chosen_standard = -1;
    RecordId chosen_staff, chosen_org;
    bool chosen_board = false;
  };
  Chosen& chosen = for_this_person<Chosen>();  // named references: a lambda below uses them
  int &chosen_row = chosen.chosen_row, &chosen_standard = chosen.chosen_standard;
  RecordId &chosen_staff = chosen.chosen_staff, &chosen_org = chosen.chosen_org;
  bool& chosen_board = chosen.chosen_board;
  if (ImGui::SmallButton("Print table")) {
    std::vector<std::string> heads{"Staff / organisation"};
    for (Standard k : kStandards) heads.emplace_back(standard_label(k));
    std::vector<std::vector<std::string>> cells;
    for (const Row& row : rows) {
      cells.push_back({row.name});
      for (Standard k : kStandards) cells.back().push_back(rate_text(row.t[int(k)].met, row.t[int(k)].total));
    }
    host::show_printable(table_html(ws, "Performance standards, " + quarter_label(pq), heads, cells, host::now()));
  }
  const int columns = 1 + int(kStandards.size());
  // The columns share the width (a 1366 px window fits without scrolling); narrower, the table scrolls sideways.
  const float needed = px(260) + px(100) * float(kStandards.size());
  if (ImGui::BeginTable("standards", columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollX |
                                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                        ImVec2{0, std::min(px(420), px(40) + px(28) * float(rows.size() + 1))},
                        std::max(ImGui::GetContentRegionAvail().x, needed))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Staff / organisation", ImGuiTableColumnFlags_WidthStretch, 2.6f);
    const char* short_names[] = {"Contacts N2", "Issues E3", "Accounts B3", "Jobs J1",
                                 "Matches M3", "Hires M5", "Services R1", "Plans S1"};
    for (const char* n : short_names) ImGui::TableSetupColumn(n, ImGuiTableColumnFlags_WidthStretch, 1.0f);
    // Short headers; the standard's full name on hover.
    headers_row([](int c) { return c > 0 ? standard_label(kStandards[c - 1]).data() : nullptr; });
    for (int r = 0; r < int(rows.size()); ++r) {
      const Row& row = rows[r];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      if (row.staff.empty()) ImGui::PushFont(fonts().bold);
      ImGui::TextUnformatted(row.name.c_str());  // one line a row; a name too long for the column is named on hover
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.name.c_str());
      if (row.staff.empty()) ImGui::PopFont();
      for (Standard k : kStandards) {
        ImGui::TableSetColumnIndex(1 + int(k));
        const Tally& t = row.t[int(k)];
        const bool low = t.total > 0 && t.met * 100 < t.total * 90;
        if (low) ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
        const std::string cell = rate_text(t.met, t.total) + "##" + std::to_string(r) + "_" + std::to_string(int(k));
        if (ImGui::Selectable(cell.c_str(), chosen_row == r && chosen_standard == int(k))) {
          chosen_row = r, chosen_standard = int(k);
          chosen_staff = row.staff, chosen_org = row.organisation, chosen_board = row.whole_board;
        }
        if (low) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s: %d met of %d", row.name.c_str(), standard_label(k).data(), t.met, t.total);
      }
    }
    ImGui::EndTable();
  }
  if (chosen_standard < 0 || chosen_row >= int(rows.size())) return;
  const Standard k = kStandards[chosen_standard];
  // The chosen row: one person, one organisation's total, or the board's (rows exist only for what `me` may see).
  auto keep = [&](const RecordId& who) {
    if (chosen_board) return true;
    if (!chosen_staff.empty()) return who == chosen_staff;
    const Staff* s = ws.find_staff(who);
    return s && s->organisation == chosen_org;
  };
  const std::string whose = chosen_board ? "the board" : chosen_staff.empty() ? organisation_name(ws, chosen_org) : staff_name(ws, chosen_staff);
  subheading(std::string(standard_label(k)) + ": " + whose);
  // The chosen cell's months and misses, added up again only when the cell or the figures change.
  struct Cell {
    std::tuple<int, int, std::uint64_t, LocalSeconds, int, int> key{0, 0, 0, -1, -1, -1};
    std::array<Tally, 3> by_month;
    Tally total;
  };
  auto& [cell_key, by_month, total] = for_this_person<Cell>();
  if (const auto now_cell = std::tuple_cat(key, std::tuple{chosen_row, chosen_standard}); now_cell != cell_key) {
    cell_key = now_cell;
    by_month = {};
    total = {};
    for (int i = 0; i < 3; ++i)
      for (const auto& [who, tt] : months[i])
        if (keep(who)) by_month[i].add(tt[int(k)]);
    for (const auto& [who, t] : tallies)
      if (keep(who)) total.add(t[int(k)]);
  }
  // The rate by month, a bar each.
  for (int i = 0; i < 3; ++i) {
    const Tally& t = by_month[i];
    const auto month = add_months(first_day(pq).year() / first_day(pq).month(), i);
    const std::string name = display_date(month / std::chrono::day{1}).substr(0, 3) + " " + std::to_string(int(month.year()));
    bar(name.c_str(), t.total ? float(t.met) / float(t.total) : 0.0f, t.total ? rate_text(t.met, t.total) : "nothing due",
        name + ": " + std::to_string(t.met) + " met of " + std::to_string(t.total), colour::kGood, px(300));
    ImGui::SameLine();
    ImGui::TextUnformatted(name.c_str());
  }
  if (total.misses.empty()) {
    good_text("Nothing missed.");
    return;
  }
  muted(std::to_string(total.misses.size()) + " missed. Open a record:");
  int shown = 0;
  for (const Miss& m : total.misses) {
    if (++shown > 200) {
      muted("... and " + std::to_string(total.misses.size() - 200) + " more.");
      break;
    }
    ImGui::PushID(shown);
    if (ImGui::SmallButton(record_title(ws, m.record).c_str())) open_record(ws, m.record);
    ImGui::SameLine();
    muted(m.why);
    ImGui::PopID();
  }
}

// R4: the board's targets for a quarter and the progress toward them.
void draw_targets(const Workspace& ws, const Staff& me) {
  const ProgramQuarter pq = pick_quarter("Quarter##targets");
  const LocalSeconds now = host::now();
  // What was achieved, counted again only when the workspace changed, the minute turned or another quarter is chosen.
  struct Achieved {
    std::tuple<int, int, std::uint64_t, LocalSeconds> key{0, 0, 0, -1};
    std::vector<std::pair<const Target*, long long>> targets;
  };
  auto& [key, targets] = for_this_person<Achieved>();
  if (const auto now_key = std::tuple{pq.program_year, pq.quarter, ws.change, now / 60}; now_key != key) {
    key = now_key;
    targets.clear();
    for (const Target& t : ws.meta.targets) {
      if (t.program_year != pq.program_year || t.quarter != pq.quarter) continue;
      if (!can_set_targets(me) && !t.organisation.empty() && t.organisation != me.organisation) continue;
      targets.emplace_back(&t, achieved(ws, *measure_from(t.measure), pq, t.organisation, now));
    }
  }
  bool any = false;
  for (const auto& [target, got] : targets) {
    const Target& t = *target;
    any = true;
    const Measure m = *measure_from(t.measure);
    const std::string whose = t.organisation.empty() ? "the board" : organisation_name(ws, t.organisation);
    const std::string text = std::to_string(got) + " of " + std::to_string(t.value);
    bar(t.measure.c_str(), float(got) / float(std::max(1LL, t.value)), text,
        std::string(measure_label(m)) + ", " + whose + ": " + text + " (" + std::to_string(got * 100 / std::max(1LL, t.value)) + "%)",
        got >= t.value ? colour::kGood : colour::kAccent, px(300));
    ImGui::SameLine();
    ImGui::Text("%s, %s", measure_label(m).data(), whose.c_str());
  }
  if (!any) muted("No targets for this quarter yet.");
  if (!can_set_targets(me)) return;
  subheading("Set a target");
  struct Kept {
    int measure = 0;
    RecordId organisation;
    std::string value, error;
  };
  auto& [measure, organisation, value, error] = for_this_person<Kept>();
  if (begin_combo("Measure", std::string(measure_label(kMeasures[measure])), 300)) {
    for (int i = 0; i < int(kMeasures.size()); ++i)
      if (ImGui::Selectable(measure_label(kMeasures[i]).data(), i == measure)) measure = i;
    ImGui::EndCombo();
  }
  if (begin_combo("For", organisation.empty() ? std::string("The board (all organisations)") : organisation_name(ws, organisation), 300)) {
    if (ImGui::Selectable("The board (all organisations)", organisation.empty())) organisation.clear();
    for (auto& [id, o] : ws.organisations)
      if (ImGui::Selectable((o.name + "##" + id).c_str(), id == organisation)) organisation = id;
    ImGui::EndCombo();
  }
  text_field("Target", value, 120, "e.g. 40");
  if (submit_button("Set target")) {
    const auto n = whole_number(value);
    Outcome o = !n ? Outcome::refuse("invalid_field", "The target is a whole number, 0 to remove it.")
                   : host::dispatch(SetTarget{pq.program_year, pq.quarter, std::string(measure_name(kMeasures[measure])),
                                              organisation, *n});
    error = o.ok ? "" : o.error.message;
    if (o.ok) value.clear();
  }
  error_text(error);
}

}  // namespace

void draw_reports(const Workspace& ws, const Staff& me) {
  heading("Reports");
  if (begin_tab_bar("report_tabs")) {
    if (begin_tab("ESE export")) { draw_ese(ws, me); ImGui::EndTabItem(); }
    if (begin_tab("Performance standards")) { draw_performance(ws, me); ImGui::EndTabItem(); }
    if (begin_tab("Targets")) { draw_targets(ws, me); ImGui::EndTabItem(); }
    ImGui::EndTabBar();
  }
}

}  // namespace bw::ui
