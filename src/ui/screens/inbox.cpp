// The inbox (K2): what others told the signed-in person (approval requests,
// hires, tags, joined accounts, new issues) and what the clock raised
// (escalated issues, expiring jobs), newest first; each with a ready email.
#include <algorithm>
#include <tuple>

#include "../host.hpp"
#include "../widgets.hpp"
#include "conversation.hpp"
#include "screens.hpp"

namespace bw::ui {

int unread_count(const Workspace& ws, const Staff& staff) {
  // Alerts change with the records and the clock's minute: counted again only then.
  struct Kept {
    std::tuple<std::uint64_t, LocalSeconds> key{0, -1};
    int unread = 0;
  };
  auto& [key, unread] = for_this_person<Kept>();
  const LocalSeconds now = host::now();
  if (const auto now_key = std::tuple{ws.change, now / 60}; now_key != key) {
    key = now_key;
    unread = int(alerts_for(ws, staff, now).size());
    for (const Notification* x : records_in(ws.notifications, ws.notifications_by_staff, staff.id)) unread += !x->read;
  }
  return unread;
}

void open_record(const Workspace& ws, const RecordId& id) {
  if (ws.matches.count(id)) nav().open_match(id);
  else if (auto h = ws.hires.find(id); h != ws.hires.end()) nav().open_match(h->second.match);
  else if (ws.find_job(id)) nav().open_job(id);
  else if (ws.find_employer(id)) nav().open_employer(id);
  else if (const Issue* i = ws.find_issue(id)) open_issue_subject(*i);
  else if (ws.find_client(id)) nav().open_client(id);
}

void draw_told_banner(const Workspace& ws) {
  const host::State& st = host::state();
  std::vector<Notification> told;
  std::string names;
  for (const RecordId& id : st.last_told)
    if (auto it = ws.notifications.find(id); it != ws.notifications.end()) {
      const Staff* s = ws.find_staff(it->second.to);
      const std::string name = s ? s->name : "someone";
      if (names.find(name) == std::string::npos) names += (names.empty() ? "" : ", ") + name;
      told.push_back(it->second);
    }
  struct Kept {
    std::vector<RecordId> dismissed;
  };
  auto& [dismissed] = for_this_person<Kept>();
  if (told.empty() || dismissed == st.last_told) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4{0.90f, 0.95f, 1.0f, 1});
  ImGui::BeginChild("told", ImVec2{0, ImGui::GetFrameHeight() + px(20)}, true, ImGuiWindowFlags_NoScrollbar);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Told in their inbox: %s.", names.c_str());
  ImGui::SameLine();
  if (ImGui::Button("Ready email to them")) host::show_email(told);
  ImGui::SameLine();
  if (ImGui::Button("Dismiss")) dismissed = st.last_told;
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void draw_inbox(const Workspace& ws, const Staff& me) {
  heading("Inbox");
  static constexpr std::size_t kPage = 50;
  struct Cached {
    std::tuple<std::uint64_t, LocalSeconds> key{0, -1};
    std::vector<Notification> inbox;
    std::vector<std::string> headers;  // when, and about what: made with the list
    std::vector<float> heights;        // of each row, as last drawn
    int unread = 0;
    std::size_t shown = kPage;  // the newest; "Show older" adds a page
  };
  Cached& cached = for_this_person<Cached>();  // named references: a lambda below uses them
  auto& key = cached.key;
  auto& inbox = cached.inbox;
  auto& headers = cached.headers;
  auto& heights = cached.heights;
  int& unread = cached.unread;
  std::size_t& shown = cached.shown;
  const LocalSeconds now = host::now();
  if (const auto now_key = std::tuple{ws.change, now / 60}; now_key != key) {
    key = now_key;
    inbox = inbox_of(ws, me, now);
    headers.clear();
    heights.clear();
    for (const Notification& n : inbox)
      headers.push_back(display_datetime(n.at) + "  " + record_title(ws, n.record) + (n.from.empty() ? "  (alert)" : ""));
    unread = int(std::count_if(inbox.begin(), inbox.end(), [](const Notification& n) { return !n.read; }));
  }
  muted(std::to_string(unread) + " unread. Bridgework has no server to send email: \"Email\" makes a ready message "
        "for your own email app.");
  if (unread > 0 && ImGui::Button("Mark all read")) host::dispatch(MarkRead{});
  if (inbox.empty()) {
    muted("Nothing yet.");
    return;
  }
  // A page at a time, so that a long inbox costs no more to draw than a short one.
  rows_in_view(heights, std::min(shown, inbox.size()), [&](std::size_t k) {
    const Notification& n = inbox[k];
    ImGui::PushID(n.id.c_str());
    ImGui::Separator();
    ImGui::TextColored(colour::kMuted, "%s", headers[k].c_str());
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
    ImGui::SameLine();
    if (ImGui::SmallButton("Email")) host::show_email({n});
    if (!n.read) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Mark read")) host::dispatch(MarkRead{n.id});
    }
    ImGui::PopID();
  });
  if (inbox.size() > shown) {
    ImGui::Separator();
    muted("Showing the newest " + std::to_string(shown) + " of " + std::to_string(inbox.size()) + ".");
    ImGui::SameLine();
    if (ImGui::SmallButton("Show older")) shown += kPage;
  }
}

}  // namespace bw::ui
