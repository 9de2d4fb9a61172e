// Jobs (J1-J4): the jobs table by view, and one job's page where its owner
// reposts it after confirming it is still open, or closes it.
#include "../host.hpp"
#include "../widgets.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "client_format.hpp"
#include "printable.hpp"
#include "screens.hpp"

namespace bw::ui {

void draw_jobs_table(const Workspace& ws, const Staff& me, const JobFilter& filter, const char* id) {
  const LocalSeconds now = host::now();
  // Made again only when the workspace changed, the clock's minute turned or another view is asked for.
  struct Cached {
    std::tuple<std::uint64_t, LocalSeconds, JobFilter> key{0, -1, {}};
    std::vector<const Job*> rows;
  };
  auto& [key, rows] = for_this_person<Cached>();
  if (auto now_key = std::tuple{ws.change, now / 60, filter}; now_key != key)
    key = std::move(now_key), rows = jobs_in_view(ws, me, filter, now);  // J3
  if (rows.empty()) {
    muted("No jobs here.");
    return;
  }
  if (!ImGui::BeginTable(id, 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) return;
  ImGui::TableSetupColumn("Job", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Employer, establishment", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn("Applications close", ImGuiTableColumnFlags_WidthFixed, px(150));
  ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthFixed, px(150));
  ImGui::TableHeadersRow();
  for (const Job* j : rows) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(j->id.c_str());
    if (ImGui::Selectable(j->title.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) nav().open_job(j->id);
    ImGui::PopID();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s, %s", ws.employers.at(j->employer).legal_name.c_str(),
                       ws.establishments.at(j->establishment).name.c_str());
    ImGui::TableSetColumnIndex(2);
    const JobStatus st = job_status(*j, now);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(st == JobStatus::Open ? (expiring_soon(*j, now) ? colour::kWarning : colour::kGood)
                       : st == JobStatus::Expired ? colour::kError : colour::kMuted,
                       "%s", job_status_label(st));
    if (st == JobStatus::Open && reserved_now(*j, now))
      ImGui::TextColored(colour::kMuted, "reserved until %s", display_datetime(*reserved_until(*j)).c_str());
    if (!j->subsidised_program.empty()) ImGui::TextColored(colour::kMuted, "%s: WIOA clients only", j->subsidised_program.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableSetColumnIndex(3);
    ImGui::TextUnformatted(display_date(j->deadline).c_str());
    ImGui::TableSetColumnIndex(4);
    ImGui::TextUnformatted(staff_name(ws, j->owner).c_str());
  }
  ImGui::EndTable();
}

namespace {

void draw_job_upkeep(const Workspace& ws, const Staff& me, const Job& j, JobStatus st);

void draw_job(const Workspace& ws, const Staff& me, const Job& j) {
  if (ImGui::Button("< All jobs")) nav().job.clear();
  ImGui::SameLine();
  heading(j.title, false);
  ImGui::SameLine(0, px(16));
  draw_follow_button(ws, me, j.id);
  same_line_if_fits("Print job order");
  if (ImGui::Button("Print job order")) host::show_printable(job_order_html(ws, j, host::now()));
  ImGui::Spacing();
  const LocalSeconds now = host::now();
  const JobStatus st = job_status(j, now);
  if (ImGui::BeginTable("details", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(190));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, px(620));
    detail("Status", job_status_label(st) + (j.closed_at ? ": " + j.close_reason : std::string()));
    detail("Employer", ws.employers.at(j.employer).legal_name + ", " + ws.establishments.at(j.establishment).name);
    detail("Openings", std::to_string(j.openings));
    detail("Owner", staff_name(ws, j.owner) + ", " + organisation_name(ws, j.owner_organisation) +
                        (j.posted_by != j.owner ? " (posted by " + staff_name(ws, j.posted_by) + ")" : ""));
    detail("Job order received", display_date(j.received_on));
    detail("Posted", display_datetime(j.posted_at) + (posted_on_time(ws, j) ? "  (within one business day)" : "  (LATE: after one business day, J1)") +
                         (j.times_posted > 1 ? "  reposted " + std::to_string(j.times_posted - 1) + "x" : ""));
    detail("Applications close", display_date(j.deadline) + " (end of day)");
    detail("Reservation", j.reserved_days ? std::to_string(j.reserved_days) + " days for " + organisation_name(ws, j.owner_organisation) +
                                                ", until " + display_datetime(*reserved_until(j)) + (reserved_now(j, now) ? "" : " (ended)")
                          : !j.subsidised_program.empty() ? j.subsidised_program + ": WIOA clients only, without end"
                                                          : "none: every job seeker sees it");
    detail("Description", j.description.empty() ? "-" : j.description);
    ImGui::EndTable();
  }
  if (ImGui::BeginTabBar(("job_tabs/" + j.id).c_str())) {
    if (begin_tab("Referrals and upkeep")) {
      draw_job_upkeep(ws, me, j, st);
      ImGui::EndTabItem();
    }
    if (begin_tab("Comments")) {
      draw_comments(ws, me, j.id);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

// Referral (M1), and for its owner or their Manager: repost (J2) or close.
void draw_job_upkeep(const Workspace& ws, const Staff& me, const Job& j, JobStatus st) {
  struct Kept {
    RecordId job;
    std::string deadline, reason, error;
  };
  auto& [job, deadline, reason, error] = for_this_person<Kept>();
  if (job != j.id) job = j.id, deadline.clear(), reason.clear(), error.clear();
  if (st == JobStatus::Open) draw_referral(ws, me, j);
  const bool manages = me.id == j.owner || me.role == Role::Administrator ||
                       (me.role == Role::Manager && me.organisation == j.owner_organisation);
  if (!manages || st == JobStatus::Closed) return;
  if (st == JobStatus::Expired) {
    subheading("The application deadline passed: the job left the board (J2)");
    muted("Confirm with the business that the opportunity is still open, then repost it; otherwise close it.");
    text_field("New deadline", deadline, 150, "14 days if empty");
    ImGui::SameLine();
    if (submit_button("Confirmed open: repost")) {
      Outcome o = host::dispatch(RepostJob{j.id, deadline});
      error = o.ok ? "" : o.error.message;
    }
  }
  subheading("Close the job");
  text_field("Why it is closed", reason, 360, "e.g. filled");
  ImGui::SameLine();
  if (ImGui::Button("Close job")) {
    Outcome o = host::dispatch(CloseJob{j.id, reason});
    error = o.ok ? "" : o.error.message;
  }
  error_text(error);
}

}  // namespace

void draw_jobs(const Workspace& ws, const Staff& me) {
  if (const Job* j = ws.find_job(nav().job)) {
    draw_job(ws, me, *j);
    return;
  }
  struct Kept {
    int view = 0;
  };
  int& view = for_this_person<Kept>().view;
  heading("Jobs");
  const char* views[] = {"Open", "Expiring within 2 days", "Expired, to confirm", "Reserved", "Closed", "All"};
  for (int i = 0; i < 6; ++i) {
    if (i) ImGui::SameLine();
    ImGui::RadioButton(views[i], &view, i);
  }
  constexpr JobsView kViews[] = {JobsView::Open,     JobsView::Expiring, JobsView::Expired,
                                 JobsView::Reserved, JobsView::Closed,   JobsView::All};
  draw_jobs_table(ws, me, {kViews[view]}, "jobs");
}

}  // namespace bw::ui
