// The inbox (K2): what others told the signed-in person (approval requests,
// hires, joined accounts, new issues, reassigned jobs), newest first.
#include "../host.hpp"
#include "../widgets.hpp"
#include "screens.hpp"

namespace bw::ui {

int unread_count(const Workspace& ws, const RecordId& staff) {
  int n = 0;
  if (auto it = ws.notifications_by_staff.find(staff); it != ws.notifications_by_staff.end())
    for (const RecordId& id : it->second) n += !ws.notifications.at(id).read;
  return n;
}

namespace {
// Opens the page of the record a notification is about.
void open_record(const Workspace& ws, const RecordId& id) {
  if (ws.matches.count(id)) nav().open_match(id);
  else if (ws.find_job(id)) nav().open_job(id);
  else if (ws.find_employer(id)) nav().open_employer(id);
  else if (const Issue* i = ws.find_issue(id)) open_issue_subject(*i);
  else if (ws.find_client(id)) nav().open_client(id);
}
}  // namespace

void draw_inbox(const Workspace& ws, const Staff& me) {
  heading("Inbox");
  const int unread = unread_count(ws, me.id);
  muted(std::to_string(unread) + " unread. Email needs a server, which Bridgework does not have: these are kept here.");
  if (unread > 0 && ImGui::Button("Mark all read")) host::dispatch(MarkRead{});
  auto it = ws.notifications_by_staff.find(me.id);
  if (it == ws.notifications_by_staff.end()) {
    muted("Nothing yet.");
    return;
  }
  for (auto id = it->second.rbegin(); id != it->second.rend(); ++id) {
    const Notification& n = ws.notifications.at(*id);
    ImGui::PushID(n.id.c_str());
    ImGui::Separator();
    ImGui::TextColored(colour::kMuted, "%s", display_datetime(n.at).c_str());
    if (!n.read) {
      ImGui::SameLine();
      ImGui::TextColored(colour::kAccent, "new");
    }
    if (!n.read) ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", n.text.c_str());
    if (!n.read) ImGui::PopFont();
    if (ImGui::SmallButton("Open")) {
      if (!n.read) host::dispatch(MarkRead{n.id});
      open_record(ws, n.record);
    }
    if (!n.read) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Mark read")) host::dispatch(MarkRead{n.id});
    }
    ImGui::PopID();
  }
}

}  // namespace bw::ui
