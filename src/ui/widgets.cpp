#include "widgets.hpp"

#include "address.hpp"

#include <map>
#include <utility>

#include "calendar.hpp"
#include "host.hpp"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

namespace bw::ui {

float px(float css) { return css * scale(); }

namespace {
// Enter in a one-line field submits its form: the next submit_button drawn
// in the same window acts as if clicked. A heading ends a form, so Enter in
// a form without one never reaches the next form's.
ImGuiID g_enter_window = 0;
int g_enter_frame = -1;
}  // namespace

void heading(std::string_view text, bool then_space) {
  g_enter_frame = -1;
  ImGui::PushFont(fonts().heading);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
  if (then_space) ImGui::Spacing();
}

void subheading(std::string_view text) {
  g_enter_frame = -1;
  ImGui::Spacing();
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
  ImGui::Separator();
}

void listed(std::string_view text) {
  ImGuiContext& g = *GImGui;
  const std::string label(text);
  const ImGuiID id = ImGui::GetID(label.c_str());
  IMGUI_TEST_ENGINE_ITEM_ADD(g.LastItemData.Rect, id);
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label.c_str(), 0);
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
  listed(message);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void good_text(std::string_view text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kGood);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  listed(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void warning_text(std::string_view text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  listed(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void struck_text(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
  ImGui::PushTextWrapPos(0);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  // One line through each wrapped line of the text.
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float line = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (float y = top.y + line * 0.55f; y < max.y; y += line)
    draw->AddLine(ImVec2{min.x, y}, ImVec2{max.x, y}, ImGui::GetColorU32(colour::kMuted), std::max(1.0f, px(1)));
}

bool confirm_button(const char* label, std::string_view what_happens, const char* yes) {
  ImGui::PushID(label);
  if (ImGui::Button(label)) ImGui::OpenPopup("Are you sure?");
  bool confirmed = false;
  ImGui::SetNextWindowSize(ImVec2{px(480), 0});
  if (ImGui::BeginPopupModal("Are you sure?", nullptr, ImGuiWindowFlags_NoResize)) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(what_happens.data(), what_happens.data() + what_happens.size());
    listed(what_happens);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (primary_button(yes)) confirmed = true, ImGui::CloseCurrentPopup();
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || escape_closes_this_popup()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::PopID();
  return confirmed;
}

bool begin_table(const char* id, int columns, ImGuiTableFlags flags, ImVec2 size) {
  if (size.x == 0) size.x = std::max(ImGui::GetContentRegionAvail().x, px(716));
  return ImGui::BeginTable(id, columns, flags, size);
}

SortWanted sort_wanted(bool& fresh) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || (!specs->SpecsDirty && !fresh)) return {};
  specs->SpecsDirty = false;
  fresh = false;
  return {true, specs->SpecsCount > 0 ? &specs->Specs[0] : nullptr};
}

void headers_row(const char* (*hover)(int column)) {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGuiContext& g = *GImGui;
  for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
    if (!ImGui::TableSetColumnIndex(c)) continue;
    const char* name = ImGui::TableGetColumnName(c);
    ImGui::PushID(c);
    ImGui::TableHeader(name);
    IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, name, g.LastItemData.StatusFlags);
    if (hover && ImGui::IsItemHovered())
      if (const char* tip = hover(c)) ImGui::SetTooltip("%s", tip);
    ImGui::PopID();
  }
}

void rows_shown(std::size_t shown, std::size_t total, const char* noun) {
  const std::string text = (shown == total ? "" : std::to_string(shown) + " of ") + std::to_string(total) + " " + noun;
  ImGui::TextColored(colour::kMuted, "%s", text.c_str());
  listed(text);
}

bool no_matches() {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("No matches.");
  ImGui::SameLine();
  return ImGui::Button("Clear the filters");
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

namespace {
void note_enter() {
  const ImGuiContext& g = *GImGui;
  const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
  if (enter && g.ActiveIdPreviousFrame == g.LastItemData.ID && g.ActiveId != g.LastItemData.ID)
    g_enter_window = g.CurrentWindow->ID, g_enter_frame = g.FrameCount;
}
}  // namespace

namespace {
// A field's width: as asked, narrowed (to no less than 140 px) so that the
// field and its label fit the line on a narrow screen.
float field_width(const char* label, float width_css) {
  const float label_width = ImGui::CalcTextSize(label, nullptr, true).x;
  const float room = ImGui::GetContentRegionAvail().x - (label_width > 0 ? label_width + ImGui::GetStyle().ItemInnerSpacing.x : 0);
  return std::min(px(width_css), std::max(px(140), room));
}
}  // namespace

bool text_field(const char* label, std::string& value, float width_css, const char* hint) {
  ImGui::SetNextItemWidth(field_width(label, width_css));
  const bool changed = hint ? ImGui::InputTextWithHint(label, hint, &value) : ImGui::InputText(label, &value);
  note_enter();
  return changed;
}

namespace {
int g_popups_last_frame = 0;  // popups open at the end of the last frame
}

bool escape_closes_this_popup() {
  const ImGuiContext& g = *GImGui;
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && g.BeginPopupStack.Size == g_popups_last_frame;
}

namespace {
bool g_draw_again = false;
}
void draw_again() { g_draw_again = true; }

bool end_widgets_frame() {
  g_popups_last_frame = GImGui->OpenPopupStack.Size;
  return std::exchange(g_draw_again, false);
}

namespace {
void same_line_if(float need) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
}
}  // namespace

void same_line_if_fits(const char* label) {
  same_line_if(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
}

void same_line_if_room(float width_css) { same_line_if(px(width_css)); }

void same_line_if_box_fits(const char* label) {
  same_line_if(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x);
}

bool submit_button(const char* label) {
  const ImGuiContext& g = *GImGui;
  const bool enter = g_enter_frame == g.FrameCount && g_enter_window == g.CurrentWindow->ID;
  if (enter) g_enter_frame = -1;
  return primary_button(label) || enter;
}

namespace {
// T2: a month of days to pick from; weekends muted, holidays and closures
// marked and named below. True when a day was picked.
bool draw_calendar(std::chrono::year_month& shown, std::string& value) {
  using namespace std::chrono;
  const Workspace* ws = host::state().workspace;
  std::map<unsigned, std::string> holidays;  // day of the shown month -> name
  const std::vector<Holiday> year_holidays =
      ws ? ws->calendar.holidays(int(shown.year())) : federal_holidays(int(shown.year()));
  for (const Holiday& h : year_holidays)
    if (h.date.year() == shown.year() && h.date.month() == shown.month()) holidays[unsigned(h.date.day())] = h.name;
  if (ImGui::ArrowButton("##previous month", ImGuiDir_Left)) shown = add_months(shown, -1);
  ImGui::SameLine();
  static const char* const kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"};
  const std::string title = std::string(kMonthNames[unsigned(shown.month()) - 1]) + " " + std::to_string(int(shown.year()));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(title.c_str());
  ImGui::SameLine(px(260) - ImGui::GetFrameHeight());
  if (ImGui::ArrowButton("##next month", ImGuiDir_Right)) shown = add_months(shown, 1);
  const year_month_day today = date_of(host::now());
  const std::optional<year_month_day> chosen = parse_iso_date(value);
  bool picked = false;
  if (ImGui::BeginTable("days", 7, ImGuiTableFlags_SizingFixedSame)) {
    for (const char* d : {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"}) {
      ImGui::TableNextColumn();
      ImGui::TextColored(colour::kMuted, "%s", d);
    }
    const unsigned first = weekday{sys_days{shown / 1}}.c_encoding();
    const unsigned last = unsigned((shown / std::chrono::last).day());
    for (unsigned i = 0; i < first; ++i) ImGui::TableNextColumn();
    for (unsigned d = 1; d <= last; ++d) {
      ImGui::TableNextColumn();
      const year_month_day day_date = shown / day{d};
      const bool holiday = holidays.count(d) > 0;
      const unsigned wd = weekday{sys_days{day_date}}.c_encoding();
      if (holiday) ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
      else if (wd == 0 || wd == 6) ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
      else ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_Text]);
      const std::string label = std::to_string(d) + (day_date == today ? "*" : "") + "##" + std::to_string(d);
      if (ImGui::Selectable(label.c_str(), chosen == day_date, 0, ImVec2{px(30), 0})) {
        value = format_iso_date(day_date);
        picked = true;
      }
      ImGui::PopStyleColor();
      if (holiday && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", holidays[d].c_str());
    }
    ImGui::EndTable();
  }
  ImGui::TextColored(colour::kMuted, "* today");
  for (const auto& [d, name] : holidays) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
    ImGui::Text("%u: %s", d, name.c_str());
    ImGui::PopStyleColor();
  }
  return picked;
}
}  // namespace

bool date_field(const char* label, std::string& value, float width_css) {
  std::string shown = value;
  if (auto d = parse_iso_date(value)) shown = format_us_date(*d);
  ImGui::SetNextItemWidth(px(width_css));
  const std::string id = std::string("##") + label;
  bool changed = ImGui::InputTextWithHint(id.c_str(), "MM/DD/YYYY", &shown);
  note_enter();
  if (changed) {
    const auto d = parse_typed_date(shown);
    value = d ? format_iso_date(*d) : shown;
  }
  static std::chrono::year_month g_shown_month;  // the picker open now shows this month
  ImGui::SameLine(0, px(4));
  const std::string pick = std::string("##Pick ") + label;
  const bool open_picker = ImGui::ArrowButton(pick.c_str(), ImGuiDir_Down);
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, pick.c_str(), g.LastItemData.StatusFlags);  // 1.86 does not
  if (open_picker) {
    const auto d = parse_iso_date(value);
    const auto day = d ? *d : date_of(host::now());
    g_shown_month = day.year() / day.month();
    ImGui::OpenPopup(pick.c_str());
  }
  if (ImGui::BeginPopup(pick.c_str())) {
    if (draw_calendar(g_shown_month, value)) {
      changed = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextUnformatted(label, ImGui::FindRenderedTextEnd(label));
  return changed;
}

bool text_area(const char* label, std::string& value, float width_css, int lines) {
  const float width = width_css > 0 ? px(width_css) : -FLT_MIN;  // 0: the width left on the line
  return ImGui::InputTextMultiline(label, &value, ImVec2{width, ImGui::GetTextLineHeight() * lines + px(10)});
}

std::optional<long long> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(text);
}

bool wrapped_row_link(std::string_view text, const char* id) {
  const std::string label(text);
  const float wrap = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap).y;
  const ImVec2 at = ImGui::GetCursorPos();
  ImGui::PushID(id);
  const bool pressed = ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns, ImVec2{0, height});
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label.c_str(), g.LastItemData.StatusFlags);
  ImGui::PopID();
  ImGui::SetCursorPos(at);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopTextWrapPos();
  return pressed;
}

void detail(const char* label, std::string_view value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::TableSetColumnIndex(1);
  ImGui::PushTextWrapPos(0);  // long values (a job description) wrap within the column
  ImGui::TextUnformatted(value.data(), value.data() + value.size());
  ImGui::PopTextWrapPos();
}

bool begin_combo(const char* label, const std::string& preview, float width_css) {
  ImGui::SetNextItemWidth(field_width(label, width_css));
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

bool begin_tab_bar(const std::string& id) {
  return ImGui::BeginTabBar(id.c_str(), ImGuiTabBarFlags_FittingPolicyScroll);
}

bool begin_tab(const char* label) {
  Nav& n = nav();
  const std::string part = address_part(label);
  const bool wanted = n.want_tab == part;  // an address asked for this tab
  const bool open = ImGui::BeginTabItem(label, nullptr, wanted ? ImGuiTabItemFlags_SetSelected : 0);
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label, g.LastItemData.StatusFlags);
  if (open && (n.want_tab.empty() || wanted)) n.tab = part, n.want_tab.clear();
  return open;
}

}  // namespace bw::ui
