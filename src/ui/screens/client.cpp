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
  draw_audit_trail(ws, c.id);
}

}  // namespace bw::ui
