// C5: what training-provider staff see: the students in their own training
// (name, training, primary contact), and a way to raise an issue to the
// primary contact. Nothing else of the case record.
#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "client_format.hpp"
#include "escalation.hpp"
#include "plan.hpp"
#include "screens.hpp"

namespace bw::ui {

void draw_students(const Workspace& ws, const Staff& me) {
  struct Kept {
    RecordId raising;
    std::string concern, error, sent;
    bool to_top = false;  // the form was just opened: show it
  };
  auto& [raising, concern, error, sent, to_top] = for_this_person<Kept>();
  heading("My students");
  muted("Students in " + organisation_name(ws, me.organisation) +
        "'s current training. Raise an issue and it goes to the student's primary contact, who must act by the "
        "end of the next business day.");
  // The form and its answer sit above the list, where they are seen (a long list would push them below the fold).
  const bool opened = to_top;
  if (to_top) ImGui::SetScrollY(0), to_top = false;
  good_text(sent);
  if (const Client* c = ws.find_client(raising)) {
    subheading("Raise an issue about " + full_name(*c));
    if (opened) ImGui::SetKeyboardFocusHere();
    text_field("Problem or concern", concern, 560, "e.g. missed two clinical shifts this week");
    if (submit_button("Send to the primary contact")) {
      Outcome o = host::dispatch(RaiseIssue{c->id, concern, IssueSource::TrainingProvider});
      error = o.ok ? "" : o.error.message;
      if (o.ok) {
        const Issue& i = ws.issues.at(o.id);
        sent = (o.notice.empty() ? "" : o.notice + " ") + "Sent to " + staff_name(ws, i.owner) + ", to resolve by " +
               display_datetime(escalation_of(ws, i, host::now()).deadline.value_or(i.raised_at)) + ".";
        raising.clear(), to_top = true;
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) raising.clear(), error.clear();
    error_text(error);
    ImGui::Separator();
  }
  auto students = students_of(ws, me);
  if (students.empty()) {
    muted("No students in current training.");
    return;
  }
  const auto today = date_of(host::now());
  if (!begin_table("students", 4, kListTable)) return;
  ImGui::TableSetupColumn("Student", ImGuiTableColumnFlags_WidthStretch, 1.0f);  // all stretch: a half-screen window shares the width
  ImGui::TableSetupColumn("Training", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn("Primary contact", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, px(150));
  headers_row();
  bool fresh = true;  // a training provider's students: a few dozen, sorted each frame
  sort_rows(students, fresh, [&](int column, const Client* a, const Client* b) {
    if (column == 2) return staff_name(ws, a->primary_contact) < staff_name(ws, b->primary_contact);
    return full_name(*a) < full_name(*b);
  });
  for (const Client* c : students) {
    ImGui::PushID(c->id.c_str());
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(full_name(*c).c_str());
    ImGui::TableSetColumnIndex(1);
    for (const Activity* a : current_activities(ws, c->id)) {
      if (a->training_provider != me.organisation) continue;
      ImGui::TextWrapped("%s", a->name.c_str());
      muted(display_date(a->start) + " - " + display_date(a->planned_end) + ", " +
            activity_status_label(activity_status(*a, today)));
    }
    ImGui::TableSetColumnIndex(2);
    const Staff* pc = ws.find_staff(c->primary_contact);
    ImGui::TextUnformatted(pc ? pc->name.c_str() : "(unknown)");
    if (pc && !pc->active) ImGui::TextColored(colour::kMuted, "has left; issues go to a Manager");
    else if (pc && !pc->email.empty()) ImGui::TextColored(colour::kMuted, "%s", pc->email.c_str());
    ImGui::TableSetColumnIndex(3);
    if (raising != c->id && ImGui::Button("Raise an issue")) raising = c->id, concern.clear(), error.clear(), sent.clear(), to_top = true;
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace bw::ui
