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

bool draw_jobs_table(const Workspace& ws, const Staff& me, const JobFilter& filter, const char* id) {
  const LocalSeconds now = host::now();
  // Made again only when the workspace changed, the clock's minute turned or another view is asked for.
  struct Cached {
    std::tuple<std::uint64_t, LocalSeconds, JobFilter> key{0, -1, {}};
    std::vector<const Job*> rows;
    std::size_t total = 0;  // in the same place, whatever the view
    bool fresh = true;
  };
  auto& [key, rows, total, fresh] = for_this_person<Cached>();
  if (auto now_key = std::tuple{ws.change, now / 60, filter}; now_key != key) {
    key = std::move(now_key), rows = jobs_in_view(ws, me, filter, now), fresh = true;  // J3
    JobFilter all = filter;
    all.view = JobsView::All;
    total = filter.view == JobsView::All ? rows.size() : jobs_in_view(ws, me, all, now).size();
  }
  if (total == 0) {
    muted("No jobs yet.");
    return false;
  }
  rows_shown(rows.size(), total, "jobs");
  if (rows.empty()) return no_matches();
  if (!begin_table(id, 5, kListTable)) return false;
  ImGui::TableSetupColumn("Job", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Employer, establishment", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn("Applications close", ImGuiTableColumnFlags_WidthFixed, px(150));
  ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthFixed, px(150));
  headers_row();
  sort_rows(rows, fresh, [&](int column, const Job* a, const Job* b) {
    switch (column) {
      case 1: return ws.employers.at(a->employer).legal_name < ws.employers.at(b->employer).legal_name;
      case 2: return job_status(*a, now) < job_status(*b, now);
      case 3: return a->deadline < b->deadline;
      case 4: return staff_name(ws, a->owner) < staff_name(ws, b->owner);
      default: return a->title < b->title;
    }
  });
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
  return false;
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
  if (ImGui::BeginTable("details", 2, ImGuiTableFlags_SizingFixedFit, ImVec2{std::min(ImGui::GetContentRegionAvail().x, px(900)), 0})) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(190));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
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
  if (begin_tab_bar("job_tabs/" + j.id)) {
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

// P4: the owner (or their Manager) corrects an open job order; audited with what changed.
void draw_job_edit(const Job& j) {
  struct Kept {
    RecordId job;
    bool editing = false;
    std::string title, description, openings, deadline, error, saved;
    int reserved_days = 0;
  };
  auto& [job, editing, title, description, openings, deadline, error, saved, reserved_days] = for_this_person<Kept>();
  if (job != j.id) job = j.id, editing = false, saved.clear();
  if (!editing) {
    good_text(saved);
    if (ImGui::Button("Edit the job order")) {
      editing = true, error.clear(), saved.clear();
      title = j.title, description = j.description, openings = std::to_string(j.openings);
      deadline = format_iso_date(j.deadline), reserved_days = j.reserved_days;
    }
    return;
  }
  subheading("Edit the job order");
  text_field("Job title", title, 420);
  ImGui::TextUnformatted("Description");
  text_area("##description", description, 0, 6);
  text_field("Openings", openings, 80);
  ImGui::SameLine();
  date_field("Applications close", deadline, 150);
  ImGui::SameLine();
  const char* reservations[] = {"No reservation", "Reserved 3 days", "Reserved 5 days", "Reserved 7 days"};
  const int days[] = {0, 3, 5, 7};
  int at = 0;
  for (int k = 0; k < 4; ++k) at = days[k] == reserved_days ? k : at;
  if (begin_combo("Reservation (J3)", reservations[at], 180)) {
    for (int k = 0; k < 4; ++k)
      if (ImGui::Selectable(reservations[k], k == at)) reserved_days = days[k];
    ImGui::EndCombo();
  }
  if (primary_button("Save the job order")) {
    const auto count = whole_number(openings);
    Outcome o = host::dispatch(EditJob{j.id, title, description, count ? int(std::min(*count, 100000LL)) : 0, deadline,
                                       reserved_days});
    error = o.ok ? "" : o.error.message;
    if (o.ok) editing = false, saved = "Saved; the change is in the job's history.";
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) editing = false;
  error_text(error);
}

// Referral (M1), and for its owner or their Manager: edit, repost (J2) or close.
void draw_job_upkeep(const Workspace& ws, const Staff& me, const Job& j, JobStatus st) {
  struct Kept {
    RecordId job;
    std::string deadline, reason, error;
  };
  auto& [job, deadline, reason, error] = for_this_person<Kept>();
  if (job != j.id) job = j.id, deadline.clear(), reason.clear(), error.clear();
  const bool manages = me.id == j.owner || me.role == Role::Administrator ||
                       (me.role == Role::Manager && me.organisation == j.owner_organisation);
  if (manages && st == JobStatus::Open) draw_job_edit(j);
  if (st == JobStatus::Open) draw_referral(ws, me, j);
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
  if (confirm_button("Close job",
                     j.title + " closes" + (reason.empty() ? "" : " (" + reason + ")") +
                         ": it leaves the job board for good, and no one can be referred to it.",
                     "Close the job")) {
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
    if (i) same_line_if_box_fits(views[i]);
    ImGui::RadioButton(views[i], &view, i);
  }
  constexpr JobsView kViews[] = {JobsView::Open,     JobsView::Expiring, JobsView::Expired,
                                 JobsView::Reserved, JobsView::Closed,   JobsView::All};
  if (draw_jobs_table(ws, me, {kViews[view]}, "jobs")) view = 5;  // "Clear the filters": all jobs
}

}  // namespace bw::ui
