// The app shell: workspace chooser, sign-in, then sidebar + screen + status bar.
#include "app.hpp"

#include "access.hpp"
#include "address.hpp"
#include "host.hpp"
#include "imgui_internal.h"
#include "screens/screens.hpp"
#include "widgets.hpp"

namespace bw::ui {

Nav& nav() {
  static Nav n;
  return n;
}

namespace {
int g_person_epoch = 0;
}
int person_epoch() { return g_person_epoch; }

// C5: training-provider staff have their students and their settings, nothing else.
bool offered(Section s, const Staff& me) {
  if (me.role == Role::TrainingProviderStaff)  // no Feed: they see none of the case staff's comments
    return s == Section::Students || s == Section::Inbox || s == Section::Settings;
  return s != Section::Students;
}

namespace {

constexpr struct { Section section; const char* label; } kSections[] = {
    {Section::MyWork, "My Work"},     {Section::Inbox, "Inbox"},          {Section::Feed, "Feed"},
    {Section::Students, "My students"}, {Section::Clients, "Clients"},
    {Section::Issues, "Open issues"}, {Section::Employers, "Employers"},  {Section::Jobs, "Jobs"},
    {Section::Matches, "Matches"},    {Section::Reports, "Reports"},      {Section::Settings, "Settings"},
};

void draw_sidebar(const Workspace& ws, const Staff& me, float height) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colour::kSidebar);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.93f, 0.95f, 0.97f, 1});
  ImGui::PushStyleColor(ImGuiCol_Header, ImVec4{0.22f, 0.36f, 0.52f, 1});
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImVec4{0.19f, 0.30f, 0.43f, 1});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2{px(12), px(14)});
  ImGui::BeginChild("sidebar", ImVec2{px(230), height}, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted("Bridgework");
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(ws.meta.name.c_str());
  ImGui::PopTextWrapPos();
  if (ws.meta.demo) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{1.0f, 0.80f, 0.35f, 1});
    ImGui::TextUnformatted("DEMO WORKSPACE (fictional)");
    ImGui::PopStyleColor();
  }
  ImGui::Dummy(ImVec2{0, px(10)});
  Nav& n = nav();
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2{0, 0.5f});  // each name in the middle of its row
  for (auto& s : kSections) {
    if (!offered(s.section, me)) continue;
    std::string label = s.label;
    if (s.section == Section::Inbox)  // K2: the unread count; the id stays "inbox"
      if (const int unread = unread_count(ws, me)) label += " (" + std::to_string(unread) + ")";
    label += std::string("###") + s.label;
    if (ImGui::Selectable(label.c_str(), n.section == s.section, 0, ImVec2{0, px(30)})) n.open(s.section);
  }
  ImGui::PopStyleVar();
  ImGui::SetCursorPosY(height - px(96));
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(me.name.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4{0.22f, 0.36f, 0.52f, 1});
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4{0.28f, 0.44f, 0.62f, 1});
  if (ImGui::Button("Sign out")) host::sign_out();
  if (host::state().lock.sealed) {  // W6
    ImGui::SameLine();
    if (ImGui::Button("Lock now")) host::lock_now();
  }
  ImGui::PopStyleColor(2);
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
}

// Whether changes are saved comes first, so it shows at any window width.
void draw_save_state(const Workspace* ws) {
  const host::State& st = host::state();
  if (!st.storage_problem.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
    ImGui::TextUnformatted("Not saved: storage unavailable (see Settings)");
    ImGui::PopStyleColor();
  } else if (!ws) {
    ImGui::TextColored(colour::kMuted, "No workspace open");
  } else if (!st.writer) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
    ImGui::TextUnformatted("Read-only in this tab");
    ImGui::PopStyleColor();
  } else if (st.save == host::SaveState::Saved) {
    good_text("Saved");
  } else if (st.save == host::SaveState::Saving) {
    ImGui::TextUnformatted("Saving...");
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
    ImGui::TextUnformatted("Not saved yet (see the top of the page)");
    ImGui::PopStyleColor();
  }
}

void draw_status_bar(const Workspace* ws, const Staff* me, const Client* seeker) {
  ImGui::Separator();
  ImGui::SetCursorPosX(px(12));
  ImGui::AlignTextToFramePadding();
  draw_save_state(ws);
  ImGui::SameLine(0, px(28));
  const std::string clock = "Clock: " + display_datetime(host::now());
  std::string who = "Not signed in";
  if (me && ws) {
    const Organisation* org = ws->find_organisation(me->organisation);
    const std::string role(role_label(me->role));
    who = "Signed in: " + me->name + " (" + role + ", " + (org ? org->name : "?") + ")";
    // Half a screen wide, the organisation gives way so that the clock shows.
    if (ImGui::CalcTextSize(who.c_str()).x + px(28) + ImGui::CalcTextSize(clock.c_str()).x > ImGui::GetContentRegionAvail().x)
      who = "Signed in: " + me->name + " (" + role + ")";
  } else if (seeker) {
    who = "Job board: " + full_name(*seeker);
  }
  ImGui::TextUnformatted(who.c_str());
  listed(who);
  ImGui::SameLine(0, px(28));
  ImGui::TextUnformatted(clock.c_str());
  listed("Clock");
  if (ws && ws->meta.clock_offset > 0) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
    ImGui::TextUnformatted("(demo clock moved ahead)");
    ImGui::PopStyleColor();
  }
}

// W1: a write failed (a full disk, say). Every change stays in the tab and is
// written again by itself; the reason and "Retry saving" are in plain view on
// every screen, at any width.
void draw_save_failed_banner() {
  const host::State& st = host::state();
  ImGui::SetCursorPos(ImVec2{px(12), ImGui::GetCursorPosY() + px(6)});
  if (primary_button("Retry saving")) host::retry_save();
  ImGui::SameLine(0, px(12));
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - px(12));
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
  ImGui::TextUnformatted(("Not saved yet: " + st.save_error).c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

// W7: a new build waits in the offline cache until the person reloads into it.
void draw_update_banner() {
  ImGui::SetCursorPos(ImVec2{px(12), ImGui::GetCursorPosY() + px(6)});
  if (primary_button("Reload into the new version")) host::reload_into_update();
  ImGui::SameLine(0, px(12));
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - px(12));
  ImGui::TextUnformatted("A new version of Bridgework is ready. Finish what you are typing first: every saved change is kept.");
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

// W3: told before typing into a workspace the browser may drop, and again in
// each tab until the person says they understood.
void draw_storage_risk_banner() {
  static bool understood = false;
  const std::string risk = storage_risk();
  if (risk.empty() || understood) return;
  ImGui::SetCursorPos(ImVec2{px(12), ImGui::GetCursorPosY() + px(6)});
  if (ImGui::Button("I understand")) understood = true;
  ImGui::SameLine(0, px(12));
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - px(12));
  warning_text(risk);
  ImGui::PopTextWrapPos();
  ImGui::Separator();
}

// W3: an Administrator is reminded when the last backup is over 7 days old
// (or there is none in a workspace over 7 days old): Safari evicts the data of
// sites not visited for 7 days, and a disk can fail.
void draw_backup_reminder(const Workspace& ws, const Staff& me) {
  static LocalSeconds later_until = 0;
  if (ws.meta.demo || !can_manage_people(me) || host::now() < later_until) return;
  const LocalSeconds since = ws.meta.last_backup_at ? ws.meta.last_backup_at : ws.meta.created_at;
  const LocalSeconds days = (host::now() - since) / 86400;
  if (days < 7) return;
  ImGui::AlignTextToFramePadding();
  warning_text(ws.meta.last_backup_at ? "The last backup of this workspace was " + std::to_string(days) + " days ago."
                                      : "This workspace has never been backed up.");
  ImGui::SameLine();
  if (primary_button("Download a backup now")) nav().notice = download_backup(ws, false);
  ImGui::SameLine();
  if (ImGui::Button("Remind me tomorrow")) later_until = host::now() + 86400;
  ImGui::Separator();
}

void draw_read_only_banner() {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4{1.0f, 0.95f, 0.80f, 1});
  ImGui::BeginChild("read_only", ImVec2{0, px(48)}, true);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Read-only: this workspace is open for changes in another tab. "
                         "You see its saved changes here.");
  ImGui::SameLine();
  if (primary_button("Use here")) host::use_here();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void draw_section(const Workspace& ws, const Staff& me) {
  Nav& n = nav();
  if (!offered(n.section, me)) n.section = me.role == Role::TrainingProviderStaff ? Section::Students : Section::MyWork;
  switch (n.section) {
    case Section::MyWork: draw_my_work(ws, me); break;
    case Section::Students: draw_students(ws, me); break;
    case Section::Inbox: draw_inbox(ws, me); break;
    case Section::Feed: draw_feed(ws, me); break;
    case Section::Issues: draw_issues_overview(ws, me); break;
    case Section::Employers: draw_employers(ws, me); break;
    case Section::Jobs: draw_jobs(ws, me); break;
    case Section::Matches: draw_matches(ws, me); break;
    case Section::Clients:
      if (const Client* c = ws.find_client(n.client)) draw_client(ws, me, *c);
      else draw_clients(ws, me);
      break;
    case Section::Settings: draw_settings(ws, me); break;
    case Section::Reports: draw_reports(ws, me); break;
  }
}

}  // namespace

bool draw_app() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2{0, 0});
  ImGui::Begin("Bridgework", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();

  const host::State& st = host::state();
  const Workspace* ws = st.workspace;
  const Staff* me = ws ? ws->find_staff(st.signed_in) : nullptr;
  const Client* seeker = ws && !me ? ws->find_client(st.signed_in) : nullptr;  // M6
  static RecordId last_signed_in;  // each person starts afresh at their own My Work
  if (st.signed_in != last_signed_in) last_signed_in = st.signed_in, nav() = Nav{}, ++g_person_epoch;
  follow_address(ws, me && me->active ? me : nullptr);
  if (ws && st.save == host::SaveState::Failed) draw_save_failed_banner();
  if (!ws || !ws->meta.demo) draw_storage_risk_banner();  // demo data is fictional
  if (st.update_ready) draw_update_banner();
  const float status_height = ImGui::GetFrameHeightWithSpacing() + px(8);
  const float body_height = ImGui::GetContentRegionAvail().y - status_height;

  if (!ws || (me && !me->active)) {
    ImGui::BeginChild("welcome", ImVec2{0, body_height}, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (st.lock.waiting || st.lock.backup_waiting) draw_locked();
    else if (ws) draw_sign_in(*ws);
    else draw_welcome();
    ImGui::EndChild();
  } else if (seeker) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2{px(28), px(20)});
    ImGui::BeginChild("job_board", ImVec2{0, body_height}, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_job_board(*ws, *seeker);
    ImGui::EndChild();
    ImGui::PopStyleVar();
  } else if (!me) {
    ImGui::BeginChild("sign_in", ImVec2{0, body_height}, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_sign_in(*ws);
    ImGui::EndChild();
  } else {
    draw_sidebar(*ws, *me, body_height);
    ImGui::SameLine(0, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2{px(22), px(16)});
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
    // Sideways, the screen scrolls to what is wider than it: a list table
    // keeps a least width (begin_table), a row of filters its widths.
    ImGui::BeginChild("content", ImVec2{0, body_height}, false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_HorizontalScrollbar);
    // ImGui would wrap text (and stretch rows) to the widest thing on the
    // screen, past the window's edge; they stop at the edge instead.
    ImGuiWindow* content = ImGui::GetCurrentWindow();
    content->WorkRect.Max.x = content->ParentWorkRect.Max.x = content->ContentRegionRect.Max.x;
    ImGui::PopStyleColor();
    if (!st.writer) draw_read_only_banner();
    draw_backup_reminder(*ws, *me);
    draw_told_banner(*ws);
    if (!nav().notice.empty()) {
      if (ImGui::SmallButton("Dismiss")) nav().notice.clear();
      ImGui::SameLine();
      error_text(nav().notice);
    }
    // Tables keep each person's sort while they are signed in, and only theirs.
    ImGui::PushID(person_epoch());
    draw_section(*ws, *me);
    ImGui::PopID();
    // An address's tab that no tab bar drew (a mistyped link) is let go.
    static int wanting = 0;
    if (nav().want_tab.empty()) wanting = 0;
    else if (++wanting > 3) nav().want_tab.clear();
    ImGui::EndChild();
    ImGui::PopStyleVar();
  }
  draw_status_bar(ws, me, seeker);
  show_address(me && me->active ? me : nullptr);
  ImGui::End();
  return end_widgets_frame();
}

}  // namespace bw::ui
