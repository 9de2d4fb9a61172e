// Small pieces every screen uses.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "model.hpp"
#include "theme.hpp"

namespace bw::ui {

float px(float css_pixels);  // CSS pixels to device pixels
// `then_space` false leaves the line open for a button beside the heading.
void heading(std::string_view text, bool then_space = true);
void subheading(std::string_view text);
void muted(std::string_view text);
void error_text(std::string_view message);  // "Error:" and the message, in red
void good_text(std::string_view text);
void warning_text(std::string_view text);  // wrapped, in the warning colour
// Text with a line through it: a record kept but no longer counted (a voided service).
void struck_text(std::string_view text);
// An action that cannot be undone (or not simply): the button opens a small
// dialog saying what will happen (`what_happens`), with `yes` to go ahead and
// Cancel; true in the frame the person pressed `yes`.
bool confirm_button(const char* label, std::string_view what_happens, const char* yes);
bool primary_button(const char* label);
// A one-line field `width_css` wide, narrower where the line has less room
// for it and its label (no narrower than 140).
bool text_field(const char* label, std::string& value, float width_css = 320, const char* hint = nullptr);
// ImGui::SameLine, unless a button labelled `label` would not fit beside
// the last item: then it goes on the next line (a half-screen window).
void same_line_if_fits(const char* label);
// The same for an item `width_css` wide (a field, a list to choose from),
// and for a checkbox or radio button labelled `label`.
void same_line_if_room(float width_css);
void same_line_if_box_fits(const char* label);
// The button that submits a form: also pressed by Enter in one of its
// one-line fields (drawn before it, in the same window).
bool submit_button(const char* label);
// Inside a popup: Escape was pressed and this popup is the innermost one
// (Escape with a list open closes the list, not the dialog under it).
bool escape_closes_this_popup();
// Work a screen left for its next frame (a long list's search, read a part a
// frame so that no frame stalls): that frame is drawn though nothing else
// changed, where an idle page otherwise draws nothing.
void draw_again();
// Once a frame, after everything is drawn; true when draw_again was asked.
bool end_widgets_frame();
// A date typed as MM/DD/YYYY or YYYY-MM-DD, or picked from a calendar that
// marks holidays and closures (T2). `value` holds the stored form (YYYY-MM-DD)
// once the typed text is a date, and the typed text until then, so that the
// command refuses it with its message.
bool date_field(const char* label, std::string& value, float width_css = 150);
// Several lines of text; Enter starts a new line. `width_css` 0: the width left.
bool text_area(const char* label, std::string& value, float width_css, int lines);
// ImGui::BeginCombo that also reports its label to the item hooks (combos do
// not in ImGui 1.86), so window.bridgework.ui finds it like other widgets;
// narrowed as text_field is.
bool begin_combo(const char* label, const std::string& preview, float width_css = 320);
// ImGui::BeginTabBar whose tabs keep their whole names: on a narrow screen
// the bar scrolls (arrows at its end) rather than cut each name short.
bool begin_tab_bar(const std::string& id);
// ImGui::BeginTabItem, reporting its label the same way.
bool begin_tab(const char* label);
// A typed whole number ("412000"), or nullopt for anything else.
std::optional<long long> whole_number(const std::string& text);
// A text just drawn (the last item) is listed by ui.items() under its own
// text, so a test reads what a person reads (docs/automation.md).
void listed(std::string_view text);
// A row's link (ImGui::Selectable spanning the row) whose text wraps within its
// column instead of being cut off; listed under `text` (ui.items()).
bool wrapped_row_link(std::string_view text, const char* id);
// A labelled row in a two-column details view.
void detail(const char* label, std::string_view value);
// Rows of differing heights (wrapped text), drawn only when in view: a row out
// of view takes the height it had when last drawn. `heights` has one entry per
// row, 0 until the row is first drawn; clear it when the rows change.
template <class DrawRow>
void rows_in_view(std::vector<float>& heights, std::size_t count, DrawRow draw_row) {
  heights.resize(count, 0.0f);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  for (std::size_t k = 0; k < count; ++k) {
    if (heights[k] > spacing && !ImGui::IsRectVisible(ImVec2{1.0f, heights[k]})) {
      ImGui::Dummy(ImVec2{0.0f, heights[k] - spacing});
      continue;
    }
    const float top = ImGui::GetCursorPosY();
    draw_row(k);
    heights[k] = ImGui::GetCursorPosY() - top;
  }
}

// [SECTION] Tables: every list sorts by its columns, says how many rows of how
// many it shows, and says so when the filters hide everything.
inline constexpr ImGuiTableFlags kListTable = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                              ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
// ImGui::BeginTable for a screen's lists: as wide as the screen, and never
// narrower than a half-laptop screen's least width, where ImGui would squeeze
// the text columns to a letter a line. A narrower screen scrolls sideways to
// the table (app.cpp) while the text around it wraps at the window's edge.
bool begin_table(const char* id, int columns, ImGuiTableFlags flags, ImVec2 size = {});
// Inside BeginTable, after the headers: whether the rows are to be sorted now
// (the sort changed, or `fresh`: the rows were just made; cleared here), and
// by which column (none clicked: the order they came in).
struct SortWanted {
  bool now = false;
  const ImGuiTableColumnSortSpecs* column = nullptr;
};
SortWanted sort_wanted(bool& fresh);
// Sorts `rows` by the clicked column when sort_wanted says so, with
// `less(column, a, b)`. No column clicked: the rows keep the order they came in.
template <class Row, class Less>
void sort_rows(std::vector<Row>& rows, bool& fresh, Less less) {
  const ImGuiTableColumnSortSpecs* s = sort_wanted(fresh).column;
  if (!s) return;
  const bool up = s->SortDirection != ImGuiSortDirection_Descending;
  const int column = s->ColumnIndex;
  sort_list(rows, [&](const Row& a, const Row& b) { return up ? less(column, a, b) : less(column, b, a); });
}
// sort_rows for long lists: `key(column, row, keys)` appends the row's key to
// `keys` (SortKeys), once per row (a comparison of two made strings would make
// them a million times for 100,000 rows), then rows sort by their keys.
template <class Row, class Key>
void sort_rows_by_key(std::vector<Row>& rows, bool& fresh, Key key) {
  const ImGuiTableColumnSortSpecs* s = sort_wanted(fresh).column;
  if (!s) return;
  SortKeys keys;
  keys.reserve(rows.size());
  for (const Row& r : rows) {
    key(s->ColumnIndex, r, keys);
    keys.end_row();
  }
  std::vector<Row> sorted;
  sorted.reserve(rows.size());
  for (std::uint32_t i : sorted_order(keys, s->SortDirection != ImGuiSortDirection_Descending)) sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
}
// ImGui::TableHeadersRow, with each header listed under its name (ui.items())
// so it can be clicked to sort; `hover(column)` is a tooltip, or nullptr.
void headers_row(const char* (*hover)(int column) = nullptr);
// "12 of 340 employers" ("340 employers" when none is hidden), muted.
void rows_shown(std::size_t shown, std::size_t total, const char* noun);
// When the filters hide every row: "No matches." and a button to clear them
// (true when pressed).
bool no_matches();

}  // namespace bw::ui
