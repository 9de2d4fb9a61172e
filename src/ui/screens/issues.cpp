// The managers' view of open issues (E3, E4): every issue the signed-in
// person oversees, those that missed a deadline first, with the time left.
#include "../host.hpp"
#include "../widgets.hpp"
#include "client_format.hpp"
#include "escalation.hpp"
#include "screens.hpp"

namespace bw::ui {

void draw_issues_overview(const Workspace& ws, const Staff& me) {
  heading("Open issues");
  const bool all = me.role == Role::BoardProgramManager || me.role == Role::BoardAssistantDirector ||
                   me.role == Role::Administrator;
  muted(all ? "Every open issue in the workforce area."
            : me.role == Role::Manager ? "Open issues of " + organisation_name(ws, me.organisation) + "'s clients."
                                       : "Open issues you own.");
  const LocalSeconds now = host::now();
  // Made again only when the workspace changed or the clock's minute turned.
  struct Cached {
    std::tuple<std::uint64_t, LocalSeconds> key{0, -1};
    std::vector<std::pair<const Issue*, EscalationState>> issues;
    int at_level[4] = {0, 0, 0, 0}, missed = 0;
    bool fresh = true;
  };
  auto& [key, issues, at_level, missed, fresh] = for_this_person<Cached>();
  if (const auto now_key = std::tuple{ws.change, now / 60}; now_key != key) {
    key = now_key;
    fresh = true;
    issues.clear();
    at_level[1] = at_level[2] = at_level[3] = missed = 0;
    for (const Issue* i : issues_overview(ws, me, now)) {
      const EscalationState st = escalation_of(ws, *i, now);
      at_level[st.level] += 1;
      missed += st.deadlines_missed > 0;
      issues.emplace_back(i, st);
    }
  }
  ImGui::TextColored(colour::kError, "%d missed a deadline", missed);
  for (int level = 3; level >= 1; --level) {
    ImGui::SameLine(0, px(24));
    ImGui::Text("Level %d: %d", level, at_level[level]);
  }
  if (issues.empty()) {
    muted("No open issues.");
    return;
  }
  rows_shown(issues.size(), issues.size(), "open issues");
  if (!begin_table("issues_overview", 6, kListTable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable,
                   ImVec2{0, ImGui::GetContentRegionAvail().y - px(8)}))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthFixed, px(52));
  ImGui::TableSetupColumn("About", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn("Issue", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn("Owner", ImGuiTableColumnFlags_WidthFixed, px(140));
  ImGui::TableSetupColumn("Time left", ImGuiTableColumnFlags_WidthFixed, px(190));
  ImGui::TableSetupColumn("Why at this level", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  headers_row();
  using Row = std::pair<const Issue*, EscalationState>;
  sort_rows(issues, fresh, [&](int column, const Row& a, const Row& b) {
    switch (column) {
      case 1: return issue_subject(ws, *a.first) < issue_subject(ws, *b.first);
      case 2: return a.first->concern < b.first->concern;
      case 3: return staff_name(ws, a.first->owner) < staff_name(ws, b.first->owner);
      case 4: return a.second.deadline.value_or(0) < b.second.deadline.value_or(0);
      case 5: return a.second.deadlines_missed < b.second.deadlines_missed;
      default: return a.second.level < b.second.level;
    }
  });
  for (const auto& [i, st] : issues) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(st.level == 1 ? colour::kAccent : st.level == 2 ? colour::kWarning : colour::kError, "%d", st.level);
    ImGui::TableSetColumnIndex(1);
    if (wrapped_row_link(issue_subject(ws, *i), i->id.c_str())) open_issue_subject(*i);
    ImGui::TableSetColumnIndex(2);
    ImGui::TextWrapped("%s", i->concern.c_str());
    ImGui::TableSetColumnIndex(3);
    ImGui::TextUnformatted(staff_name(ws, i->owner).c_str());
    ImGui::TableSetColumnIndex(4);
    if (st.deadline) {
      ImGui::TextColored(*st.deadline - now < 4 * 3600 ? colour::kWarning : ImGui::GetStyle().Colors[ImGuiCol_Text],
                         "%s left", display_duration(*st.deadline - now).c_str());
      ImGui::TextColored(colour::kMuted, "until %s", display_datetime(*st.deadline).c_str());
    } else {
      ImGui::TextColored(colour::kError, "with the board %s", display_duration(now - st.level_since).c_str());
    }
    ImGui::TableSetColumnIndex(5);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(st.deadlines_missed ? colour::kError : colour::kMuted, "%s", st.reason.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

}  // namespace bw::ui
