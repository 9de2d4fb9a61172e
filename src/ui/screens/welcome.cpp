// First start and the workspace chooser: open a kept workspace, open the demo,
// or create an empty workspace for a board.
#include <algorithm>

#include "../host.hpp"
#include "../widgets.hpp"
#include "imgui_stdlib.h"
#include "screens.hpp"

namespace bw::ui {

namespace {
// W4: a workspace that cannot be opened says which one and why, and leaves the
// person every way on: another workspace, a backup, or a copy of its data.
void draw_open_error(const host::State& st) {
  const auto failed = std::find_if(st.workspaces.begin(), st.workspaces.end(),
                                   [&](const host::WorkspaceEntry& w) { return w.id == st.workspace_id; });
  if (failed == st.workspaces.end()) {  // e.g. a backup that was refused
    error_text(st.open_error);
    return;
  }
  error_text("The workspace \"" + failed->name + "\" could not be opened. " + st.open_error);
  muted("Nothing in it was changed. Open another workspace or restore a backup below, or download its stored data "
        "as it is, to keep it or to give it to whoever can repair it.");
  if (ImGui::Button("Download its stored data")) host::export_stored(failed->id);
  ImGui::Spacing();
}

// A large board takes seconds to open or restore: how far it has got, so that
// a wait is not taken for a stop. The page draws between the pieces it reads.
void draw_progress(const char* what, double done, double all) {
  const float part = all > 0 ? float(std::min(1.0, done / all)) : 0.0f;
  const std::string text = std::string(what) + (part < 1 ? ": " + std::to_string(int(part * 100)) + "% read..."
                                                         : ": checking its records...");
  ImGui::TextUnformatted(text.c_str());
  listed(text);
  ImGui::ProgressBar(part, ImVec2(px(360), 0), "");
}
}  // namespace

void draw_welcome() {
  const host::State& st = host::state();
  struct Kept {
    std::string board, admin, email, passphrase, error;
  };
  auto& [board, admin, email, passphrase, error] = for_this_person<Kept>();
  ImGui::SetCursorPos(ImVec2{px(40), px(30)});
  ImGui::BeginGroup();
  heading("Welcome to Bridgework");
  muted("Case management and business services for a workforce board and its providers. "
        "Everything is kept in this browser; nothing is sent to a server.");
  ImGui::Spacing();
  if (!st.storage_problem.empty()) error_text(st.storage_problem);
  if (!st.open_error.empty()) draw_open_error(st);
  if (st.loading || st.backup_size > 0) {
    if (st.backup_size > 0) draw_progress("Restoring the backup", st.backup_read, st.backup_size);
    else if (st.groups_stored > 0 && st.groups_read > 0) draw_progress("Opening the workspace", st.groups_read, st.groups_stored);
    else ImGui::TextUnformatted("Opening the workspace...");
    ImGui::EndGroup();
    return;
  }

  if (!st.workspaces.empty()) {
    subheading("Workspaces in this browser");
    for (const auto& w : st.workspaces) {
      ImGui::PushID(w.id.c_str());
      if (ImGui::Button(("Open " + w.name + (w.demo ? " (demo)" : "")).c_str())) host::open_workspace(w.id);
      ImGui::PopID();
    }
  }

  subheading("Try it with fictional data");
  muted("A small workforce area: a board, two providers, a training provider, fifteen staff, three dozen "
        "clients with their plans and contacts, seven employers with jobs, services and matches, a job seeker "
        "on the job board, comments, and this quarter's targets. The first demo signs you in as its administrator.");
  // W3: one demo per browser; a fresh one replaces it, which is asked first.
  const bool have_demo = std::any_of(st.workspaces.begin(), st.workspaces.end(), [](auto& w) { return w.demo; });
  if (have_demo ? confirm_button("Open the demo workspace",
                                 "A fresh demo replaces the demo workspace already in this browser: the changes made "
                                 "in it are lost, and you then choose who you are. (Restored backups and your board's workspaces are kept.)",
                                 "Replace the demo")
                : primary_button("Open the demo workspace"))
    host::open_demo();

  subheading("Restore a backup");
  muted("A backup file downloaded from Settings > Workspace opens here as a workspace of its own, beside those "
        "already in this browser: it never replaces one.");
  if (ImGui::Button("Restore a backup file")) host::pick_backup();

  subheading("Start your board's workspace");
  text_field("Board name", board, 360, "e.g. Valley Workforce Development Board");
  text_field("Your name (first administrator)", admin, 360);
  text_field("Your work email", email, 360);
  ImGui::SetNextItemWidth(px(360));
  ImGui::InputText("Passphrase (optional, 12 characters or more)", &passphrase, ImGuiInputTextFlags_Password);
  muted("With a passphrase, nothing of the workspace is ever stored unencrypted on this computer (W6).");
  if (submit_button("Create workspace")) {
    auto e = host::create_workspace(board, admin, email, passphrase);
    error = e ? e->message : "";
    if (!e) board = admin = email = passphrase = "";
  }
  error_text(error);
  ImGui::EndGroup();
}

}  // namespace bw::ui
