// P4: everyone picks who they are, behind a PIN where one is set.
#include <algorithm>
#include <vector>

#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "imgui_stdlib.h"
#include "setup.hpp"
#include "screens.hpp"

namespace bw::ui {

namespace {
// M6: job seekers never see the staff list's screens: they sign in with their
// email (or client id) and the PIN their case manager gave them.
void draw_job_seeker_sign_in(const Workspace& ws) {
  struct Kept {
    std::string login, pin, error;
  };
  auto& [login, pin, error] = for_this_person<Kept>();
  ImGui::Spacing();
  ImGui::Separator();
  subheading("Looking for a job? Sign in to the job board");
  ImGui::AlignTextToFramePadding();
  text_field("Email or client number", login, 300);
  same_line_if_room(230);  // the PIN field and its label
  ImGui::SetNextItemWidth(px(120));
  const bool enter = ImGui::InputText("Job board PIN", &pin, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  same_line_if_fits("Sign in to the job board");
  if (primary_button("Sign in to the job board") || enter) {
    if (auto e = host::sign_in(login, pin)) error = e->message;
    else login.clear(), error.clear();
    pin.clear();
  }
  error_text(error);
  if (ws.meta.demo)  // trainers need the demo job seeker's sign-in
    for (auto& [id, c] : ws.clients)
      if (has_portal_access(c) && !c.email.empty()) {
        muted("Demo job seeker: " + c.email + ", PIN " + kDemoJobSeekerPin + ".");
        break;
      }
}
// M6: a kiosk signs in job seekers only; an Administrator's PIN leaves it.
void draw_kiosk(const Workspace& ws) {
  struct Kept {
    RecordId admin;
    std::string pin, error;
    bool leaving = false;
  };
  auto& [admin, pin, error, leaving] = for_this_person<Kept>();
  heading("Job board");
  muted(ws.meta.name + ": job seekers sign in here with the PIN their case manager gave them.");
  draw_job_seeker_sign_in(ws);
  ImGui::Dummy(ImVec2{0, px(40)});
  ImGui::Separator();
  if (!leaving) {
    if (ImGui::Button("Leave kiosk mode (Administrators)")) leaving = true, error.clear();
    return;
  }
  std::vector<std::pair<RecordId, std::string>> admins;
  for (auto& [id, s] : ws.staff)
    if (s.active && s.role == Role::Administrator && !s.pin_hash.empty()) admins.emplace_back(id, s.name);
  if (admin.empty() && !admins.empty()) admin = admins.front().first;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Administrator");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(px(260));
  const Staff* chosen = ws.find_staff(admin);
  if (ImGui::BeginCombo("##admin", chosen ? chosen->name.c_str() : "")) {
    for (auto& [id, name] : admins)
      if (ImGui::Selectable(name.c_str(), id == admin)) admin = id;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(px(140));
  const bool enter = ImGui::InputText("Administrator's PIN", &pin, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (primary_button("Leave kiosk mode") || enter) {
    if (auto e = host::leave_kiosk(admin, pin)) error = e->message;
    else leaving = false, error.clear();
    pin.clear();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) leaving = false, pin.clear(), error.clear();
  error_text(error);
}
}  // namespace

void draw_locked() {
  struct Kept {
    std::string passphrase;
  };
  auto& [passphrase] = for_this_person<Kept>();
  const host::State& st = host::state();
  const bool backup = st.lock.backup_waiting && !st.lock.waiting;
  std::string name = st.workspace_id;
  for (auto& w : st.workspaces)
    if (w.id == st.workspace_id) name = w.name;
  heading(backup ? "This backup is encrypted" : "This workspace is locked");
  muted(backup ? "It was downloaded from a workspace locked with a passphrase: type that passphrase to restore it."
               : name + " is locked with a passphrase (W6): its data stays encrypted until it is typed.");
  ImGui::Spacing();
  ImGui::SetNextItemWidth(px(360));
  const bool enter = ImGui::InputText("Passphrase", &passphrase, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (st.lock.busy) {
    ImGui::TextUnformatted("Unlocking...");
  } else if (primary_button(backup ? "Open the backup" : "Unlock") || enter) {
    if (backup) host::open_locked_backup(passphrase);
    else host::unlock(passphrase);
    passphrase.clear();
  }
  if (!st.lock.message.empty() && !st.lock.message_ok) error_text(st.lock.message);
  ImGui::Spacing();
  if (ImGui::Button("Choose another workspace")) host::close_workspace();
}

void draw_sign_in(const Workspace& ws) {
  if (ws.meta.kiosk) {
    draw_kiosk(ws);
    return;
  }
  struct Kept {
    RecordId chosen;
    std::string pin, error;
  };
  auto& [chosen, pin, error] = for_this_person<Kept>();
  heading("Who are you?");
  muted(ws.meta.name + ": choose your name to sign in. Every change you make is recorded with your name.");
  ImGui::Spacing();

  std::vector<const Staff*> people;
  for (auto& [id, s] : ws.staff)
    if (s.active) people.push_back(&s);
  sort_list(people, [&](auto* a, auto* b) {
    if (a->organisation != b->organisation) return ws.organisations.at(a->organisation).name < ws.organisations.at(b->organisation).name;
    return a->name < b->name;
  });

  const float list_height = std::max(px(200), ImGui::GetContentRegionAvail().y - px(260));
  if (ImGui::BeginTable("people", 3, kListTable | ImGuiTableFlags_ScrollY,
                        ImVec2{std::min(px(880), ImGui::GetContentRegionAvail().x), list_height})) {  // its scroll bar in view at any width
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Organisation", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    headers_row();
    bool fresh = true;  // the staff: a few dozen, sorted each frame
    sort_rows(people, fresh, [&](int column, const Staff* a, const Staff* b) {
      if (column == 1) return role_label(a->role) < role_label(b->role);
      if (column == 2) return ws.organisations.at(a->organisation).name < ws.organisations.at(b->organisation).name;
      return a->name < b->name;
    });
    for (const Staff* s : people) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      if (ImGui::Selectable(s->name.c_str(), chosen == s->id, ImGuiSelectableFlags_SpanAllColumns)) {
        chosen = s->id;
        pin.clear();
        error.clear();
        if (s->pin_hash.empty()) {
          if (auto e = host::sign_in(s->id, "")) error = e->message;
          else chosen.clear();
        }
      }
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(role_label(s->role).data());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(ws.organisations.at(s->organisation).name.c_str());
    }
    ImGui::EndTable();
  }
  if (const Staff* s = ws.find_staff(chosen); s && !s->pin_hash.empty()) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("PIN for %s", s->name.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(px(140));
    const bool enter = ImGui::InputText("PIN", &pin, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (primary_button("Sign in") || enter) {
      if (auto e = host::sign_in(s->id, pin)) error = e->message;
      else chosen.clear();
      pin.clear();
    }
  }
  error_text(error);
  draw_job_seeker_sign_in(ws);
  ImGui::Spacing();
  if (ImGui::Button("Choose another workspace")) host::close_workspace();
}

}  // namespace bw::ui
