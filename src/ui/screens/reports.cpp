// Reports: the quarterly Effectiveness in Serving Employers export (R2, R3):
// pick the quarter, check the numbers, export the three CSV files.
#include <algorithm>

#include "../host.hpp"
#include "../widgets.hpp"
#include "client_format.hpp"
#include "report.hpp"
#include "screens.hpp"

namespace bw::ui {

void draw_reports(const Workspace& ws, const Staff& me) {
  heading("Reports");
  if (!can_export_ese(me)) {
    muted("The quarterly ESE report is made by business staff, Managers, the board and Administrators.");
    return;
  }
  static std::optional<ProgramQuarter> chosen;
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
  static std::tuple<RecordId, int, int, std::size_t, std::size_t, long long> key;
  static EseFiles files;
  const auto now_key = std::tuple{me.id, pq.program_year, pq.quarter, ws.services.size(), ws.audit.size(),
                                  ws.meta.state_establishments};
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
  if (ImGui::BeginTable("ese_summary", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter, ImVec2{px(760), 0})) {
    ImGui::TableSetupColumn("Federal category", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Establishments", ImGuiTableColumnFlags_WidthFixed, px(130));
    ImGui::TableSetupColumn("Services", ImGuiTableColumnFlags_WidthFixed, px(100));
    ImGui::TableHeadersRow();
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

}  // namespace bw::ui
