// One client's page: details, programs, primary contact, and the audit trail.
#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "client_format.hpp"
#include "screens.hpp"

namespace bw::ui {
namespace {

void draw_audit_trail(const Workspace& ws, const RecordId& record) {
  subheading("History (who changed what, when)");
  auto it = ws.audit_by_record.find(record);
  if (it == ws.audit_by_record.end()) return;
  if (ImGui::BeginTable("audit", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) {
    ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, px(230));
    ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, px(180));
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e) {  // newest first
      const AuditEntry& a = ws.audit.at(*e);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(display_datetime(a.at).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(staff_name(ws, a.by).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextWrapped("%s", a.summary.c_str());
    }
    ImGui::EndTable();
  }
}

}  // namespace

// C3: only a Manager of the provider transfers; everyone else is told why not.
void draw_transfer(const Workspace& ws, const Staff& me, const Client& c) {
  static RecordId client, to;
  static std::string reason, error;
  if (client != c.id) client = c.id, to.clear(), reason.clear(), error.clear();
  subheading("Transfer to another primary contact");
  if (auto why = transfer_refusal(me, c)) {
    muted(*why);
    return;
  }
  muted("A last resort, after management review (C3). The reason is kept on the client's record.");
  const auto eligible = eligible_primary_contacts(ws, is_youth(c), c.provider);
  if (begin_combo("New primary contact", to.empty() ? "Choose..." : staff_name(ws, to))) {
    for (const Staff* s : eligible)
      if (s->id != c.primary_contact && ImGui::Selectable(s->name.c_str(), s->id == to)) to = s->id;
    ImGui::EndCombo();
  }
  text_field("Reason for the transfer", reason, 480);
  if (ImGui::Button("Transfer client")) {
    Outcome o = host::dispatch(TransferPrimaryContact{c.id, to, reason});
    error = o.ok ? "" : o.error.message;
    if (o.ok) to.clear(), reason.clear();
  }
  error_text(error);
}

// C4: exit from the program, with its date and reason.
void draw_exit(const Staff& me, const Client& c) {
  static RecordId client;
  static std::string on, reason, error;
  if (client != c.id) client = c.id, on = format_iso_date(date_of(host::now())), reason.clear(), error.clear();
  if (!is_active(c) || !can_exit_client(me, c)) return;
  subheading("Exit from the program");
  text_field("Exit date", on, 160, "YYYY-MM-DD");
  text_field("Reason for the exit", reason, 480, "e.g. entered employment");
  if (ImGui::Button("Exit client")) {
    Outcome o = host::dispatch(ExitClient{c.id, on, reason});
    error = o.ok ? "" : o.error.message;
  }
  error_text(error);
}

void draw_client(const Workspace& ws, const Staff& me, const Client& c) {
  static RecordId editing;
  static std::string first, last, dob, email, phone, error;
  if (ImGui::Button("< All clients")) nav().client.clear();
  ImGui::SameLine();
  heading(full_name(c));

  const auto today = date_of(host::now());
  if (ImGui::BeginTable("details", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(170));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, px(560));
    detail("Status", is_active(c) ? "Active" : "Exited the program on " + display_date(*c.exited_on) + ": " + c.exit_reason);
    detail("Date of birth", display_date(c.date_of_birth) + "  (age " + std::to_string(age_on(c.date_of_birth, today)) +
                                ", " + (is_youth(c) ? "youth" : "adult") + ")");
    detail("Programs", programs_text(c) + (is_dual_enrolled(c) ? "   [dual-enrolled]" : ""));
    detail("Primary contact", staff_name(ws, c.primary_contact) + " (" +
                                  std::string(role_label(primary_contact_role(is_youth(c)))) + ")");
    detail("Enrolling provider", organisation_name(ws, c.provider));
    detail("Enrolled on", display_date(c.enrolled_on));
    detail("Email", c.email.empty() ? "-" : c.email);
    detail("Phone", c.phone.empty() ? "-" : c.phone);
    detail("Record", c.id + "  (revision " + std::to_string(c.revision.number) + ", " +
                         staff_name(ws, c.revision.changed_by) + ", " + display_datetime(c.revision.changed_at) + ")");
    ImGui::EndTable();
  }

  if (can_enrol_clients(me)) {
    if (editing != c.id) {
      if (ImGui::Button("Edit details")) {
        editing = c.id;
        first = c.first_name, last = c.last_name, dob = format_iso_date(c.date_of_birth);
        email = c.email, phone = c.phone, error.clear();
      }
    } else {
      subheading("Edit details");
      text_field("First name", first);
      text_field("Last name", last);
      text_field("Date of birth", dob, 160, "YYYY-MM-DD");
      text_field("Email", email);
      text_field("Phone", phone, 200);
      error_text(error);
      if (primary_button("Save details")) {
        Outcome o = host::dispatch(UpdateClient{c.id, first, last, dob, email, phone});
        if (o.ok) editing.clear(); else error = o.error.message;
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) editing.clear();
    }
  }
  if (is_active(c)) draw_transfer(ws, me, c);
  draw_exit(me, c);
  draw_audit_trail(ws, c.id);
}

}  // namespace bw::ui
