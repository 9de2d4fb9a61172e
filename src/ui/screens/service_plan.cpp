// The client's Individual Service Strategy (S1): goals, activities, and the
// customer's agreement; ending or rescheduling activities (C4, N3).
#include <map>

#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "client_format.hpp"
#include "plan.hpp"
#include "screens.hpp"

namespace bw::ui {
namespace {

ImVec4 status_colour(ActivityStatus s) {
  switch (s) {
    case ActivityStatus::Stale: return colour::kError;
    case ActivityStatus::InProgress: return colour::kAccent;
    case ActivityStatus::Completed: return colour::kGood;
    default: return colour::kMuted;
  }
}

// One activity's row of actions: end it (completed or exited) or move its planned end.
void draw_activity_actions(const Activity& a, std::string& error) {
  struct Kept {
    RecordId open;
    std::string date, reason;
    ActivityEnd how = ActivityEnd::Completed;
    bool rescheduling = false;
  };
  auto& [open, date, reason, how, rescheduling] = for_this_person<Kept>();
  if (open != a.id) {
    if (ImGui::SmallButton("End...")) open = a.id, rescheduling = false, date = format_iso_date(date_of(host::now())), reason.clear();
    ImGui::SameLine();
    if (ImGui::SmallButton("Reschedule...")) open = a.id, rescheduling = true, date = format_iso_date(a.planned_end), reason.clear();
    return;
  }
  if (rescheduling) {
    date_field("New planned end", date, 150);
    text_field("Why the plan changed", reason, 320);
    if (submit_button("Save planned end")) {
      Outcome o = host::dispatch(RescheduleActivity{a.id, date, reason});
      error = o.ok ? "" : o.error.message;
      if (o.ok) open.clear();
    }
  } else {
    if (ImGui::RadioButton("Completed", how == ActivityEnd::Completed)) how = ActivityEnd::Completed;
    same_line_if_box_fits("Exited (no longer attends)");
    if (ImGui::RadioButton("Exited (no longer attends)", how == ActivityEnd::Exited)) how = ActivityEnd::Exited;
    date_field("Ended on", date, 150);
    text_field("Reason", reason, 320, how == ActivityEnd::Exited ? "required for an exit (C4)" : "optional");
    // C4: an exit from an activity is asked first; completing one is plain.
    const bool end = how == ActivityEnd::Exited
                         ? confirm_button("End activity",
                                          "The client exits " + a.name + " on " + date +
                                              ": it ends on the service plan and cannot be reopened (C4).",
                                          "Exit the activity")
                         : submit_button("End activity");
    if (end) {
      Outcome o = host::dispatch(EndActivity{a.id, how, date, reason});
      error = o.ok ? "" : o.error.message;
      if (o.ok) open.clear();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) open.clear(), error.clear();
}

}  // namespace

void draw_service_plan(const Workspace& ws, const Staff& me, const Client& c) {
  struct Kept {
    RecordId client;
    std::string goal_text, name, start, planned_end, agreed_on, how, error;
    RecordId goal, provider;
  };
  auto& [client, goal_text, name, start, planned_end, agreed_on, how, error, goal, provider] = for_this_person<Kept>();
  if (client != c.id) {
    client = c.id;
    goal_text.clear(), name.clear(), how.clear(), error.clear(), goal.clear(), provider.clear();
    start = agreed_on = format_iso_date(date_of(host::now()));
    planned_end.clear();
  }
  const auto today = date_of(host::now());
  const bool can_edit = can_enrol_clients(me) && is_active(c);

  // S1: the customer takes part in building the plan.
  const PlanAgreement agreement = plan_agreement(ws, c);
  ImGui::TextColored(agreement == PlanAgreement::Agreed ? colour::kGood
                     : agreement == PlanAgreement::NoPlan ? colour::kMuted : colour::kWarning,
                     "%s", plan_agreement_label(agreement));
  if (c.plan_agreed_on) {
    ImGui::SameLine();
    muted("(last agreed " + display_date(*c.plan_agreed_on) + ": " + c.plan_agreed_how + ")");
  }

  subheading("Goals");
  const auto goals = goals_of(ws, c.id);
  if (goals.empty()) muted("No goals yet.");
  for (const Goal* g : goals) {
    ImGui::PushID(g->id.c_str());
    ImGui::Bullet();
    ImGui::TextWrapped("%s", g->text.c_str());
    if (g->achieved_on) {
      ImGui::SameLine();
      good_text("achieved " + display_date(*g->achieved_on));
    } else if (can_edit) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Mark achieved")) {
        Outcome o = host::dispatch(AchieveGoal{g->id, ""});
        error = o.ok ? "" : o.error.message;
      }
    }
    ImGui::PopID();
  }

  subheading("Activities");
  auto activities = activities_of(ws, c.id);  // one client's: small, sorted each frame
  if (activities.empty()) muted("No activities yet.");
  else if (begin_table("activities", 5, kListTable)) {
    ImGui::TableSetupColumn("Activity", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Where", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Start - planned end", ImGuiTableColumnFlags_WidthFixed, px(215));
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, px(200));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, px(190));
    headers_row();
    bool fresh = true;
    const auto on = date_of(host::now());
    sort_rows(activities, fresh, [&](int column, const Activity* a, const Activity* b) {
      switch (column) {
        case 1: return organisation_name(ws, a->training_provider) < organisation_name(ws, b->training_provider);
        case 2: return a->start < b->start;
        case 3: return activity_status(*a, on) < activity_status(*b, on);
        default: return a->name < b->name;
      }
    });
    for (const Activity* a : activities) {
      ImGui::PushID(a->id.c_str());
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", a->name.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", a->training_provider.empty() ? "-" : organisation_name(ws, a->training_provider).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted((display_date(a->start) + " - " + display_date(a->planned_end)).c_str());
      ImGui::TableSetColumnIndex(3);
      const ActivityStatus st = activity_status(*a, today);
      ImGui::TextColored(status_colour(st), "%s", activity_status_label(st));
      if (a->actual_end) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(colour::kMuted, "%s", ("ended " + display_date(*a->actual_end) +
                                                   (a->end_reason.empty() ? "" : ": " + a->end_reason)).c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::TableSetColumnIndex(4);
      if (can_edit && is_current(*a)) draw_activity_actions(*a, error);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  error_text(error);
  if (!can_edit) return;

  subheading("Add to the plan");
  text_field("New goal", goal_text, 480, "in the customer's words where possible");
  ImGui::SameLine();
  if (submit_button("Add goal")) {
    Outcome o = host::dispatch(AddGoal{c.id, goal_text});
    error = o.ok ? "" : o.error.message;
    if (o.ok) goal_text.clear();
  }
  ImGui::Spacing();
  text_field("New activity", name, 480, "e.g. Certified Nursing Assistant course");
  if (begin_combo("For the goal", goal.empty() ? "(none)" : ws.goals.count(goal) ? ws.goals.at(goal).text : "(none)", 480)) {
    if (ImGui::Selectable("(none)", goal.empty())) goal.clear();
    for (const Goal* g : goals)
      if (ImGui::Selectable(g->text.c_str(), g->id == goal)) goal = g->id;
    ImGui::EndCombo();
  }
  if (begin_combo("Training provider", provider.empty() ? "(not training)" : organisation_name(ws, provider), 480)) {
    if (ImGui::Selectable("(not training)", provider.empty())) provider.clear();
    for (auto& [id, o] : ws.organisations)
      if (o.kind == OrganisationKind::TrainingProvider && ImGui::Selectable(o.name.c_str(), id == provider)) provider = id;
    ImGui::EndCombo();
  }
  date_field("Start", start, 150);
  ImGui::SameLine();
  date_field("Planned end", planned_end, 150);
  if (submit_button("Add activity")) {
    Outcome o = host::dispatch(AddActivity{c.id, name, goal, provider, start, planned_end});
    error = o.ok ? "" : o.error.message;
    if (o.ok) name.clear(), planned_end.clear();
  }

  subheading("The customer's agreement");
  muted("Record when and how the customer agreed to the plan as it stands (S1).");
  date_field("Agreed on", agreed_on, 150);
  ImGui::SameLine();
  text_field("How", how, 360, "e.g. signed the ISS in person");
  if (submit_button("Record agreement")) {
    Outcome o = host::dispatch(RecordPlanAgreement{c.id, agreed_on, how});
    error = o.ok ? "" : o.error.message;
    if (o.ok) how.clear();
  }
}

// N3: at a contact, each current activity is confirmed or ended. Nothing is
// preselected: the staff member answers for each one.
void draw_activity_review(const Workspace& ws, const Client& c, std::vector<ActivityReview>& reviews, bool start_over) {
  struct Kept {
    RecordId client;
    std::map<RecordId, std::pair<std::optional<ActivityDecision>, std::string>> decided;
  };
  auto& [client, decided] = for_this_person<Kept>();
  if (client != c.id || start_over) client = c.id, decided.clear();
  const auto current = current_activities(ws, c.id);
  reviews.clear();
  if (current.empty()) return;
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted("Review the current activities (N3): is each still right, and does the plan reflect them?");
  ImGui::PopFont();
  const auto today = date_of(host::now());
  for (const Activity* a : current) {
    auto& [decision, reason] = decided[a->id];
    ImGui::PushID(a->id.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(a->name.c_str());
    ImGui::SameLine();
    const ActivityStatus st = activity_status(*a, today);
    ImGui::TextColored(st == ActivityStatus::Stale ? colour::kError : colour::kMuted, "(%s, planned end %s)",
                       activity_status_label(st), display_date(a->planned_end).c_str());
    ImGui::Indent(px(20));
    for (ActivityDecision d : kActivityDecisions) {
      if (ImGui::RadioButton(decision_label(d).data(), decision == d)) decision = d;
      ImGui::SameLine(0, px(16));
    }
    ImGui::NewLine();
    if (decision == ActivityDecision::Exited) text_field("Why the client no longer attends", reason, 420);
    ImGui::Unindent(px(20));
    ImGui::PopID();
    if (decision) reviews.push_back({a->id, *decision, reason});
  }
}

}  // namespace bw::ui
