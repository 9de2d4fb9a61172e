#include "widgets.hpp"

#include "host.hpp"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

namespace bw::ui {

float px(float css) { return css * scale(); }

void heading(std::string_view text, bool then_space) {
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
  if (then_space) ImGui::Spacing();
}

void subheading(std::string_view text) {
  ImGui::Spacing();
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
  ImGui::Separator();
}

void muted(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void error_text(std::string_view message) {
  if (message.empty()) return;
  host::announce(message);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
  ImGui::PushTextWrapPos(0);
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted("Error:");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextUnformatted(message.data(), message.data() + message.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void good_text(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kGood);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopStyleColor();
}

bool primary_button(const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Button, colour::kAccent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4{0.17f, 0.40f, 0.60f, 1});
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4{0.09f, 0.25f, 0.40f, 1});
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{1, 1, 1, 1});
  const bool pressed = ImGui::Button(label);
  ImGui::PopStyleColor(4);
  return pressed;
}

bool text_field(const char* label, std::string& value, float width_css, const char* hint) {
  ImGui::SetNextItemWidth(px(width_css));
  return hint ? ImGui::InputTextWithHint(label, hint, &value) : ImGui::InputText(label, &value);
}

bool text_area(const char* label, std::string& value, float width_css, int lines) {
  return ImGui::InputTextMultiline(label, &value, ImVec2{px(width_css), ImGui::GetTextLineHeight() * lines + px(10)});
}

std::optional<long long> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(text);
}

void detail(const char* label, std::string_view value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(value.data(), value.data() + value.size());
}

bool begin_combo(const char* label, const std::string& preview, float width_css) {
  ImGui::SetNextItemWidth(px(width_css));
  ImGuiContext& g = *GImGui;
  ImGuiWindow* parent = g.CurrentWindow;
  const ImGuiID id = parent->GetID(label);
  const bool open = ImGui::BeginCombo(label, preview.c_str());
  ImGuiWindow* current = g.CurrentWindow;
  g.CurrentWindow = parent;  // the combo box belongs to the parent, not its popup
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, g.LastItemData.StatusFlags);
  g.CurrentWindow = current;
  return open;
}

bool begin_tab(const char* label) {
  const bool open = ImGui::BeginTabItem(label);
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label, g.LastItemData.StatusFlags);
  return open;
}

}  // namespace bw::ui
