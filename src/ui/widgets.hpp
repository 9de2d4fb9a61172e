// Small pieces every screen uses.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "imgui.h"
#include "theme.hpp"

namespace bw::ui {

float px(float css_pixels);  // CSS pixels to device pixels
// `then_space` false leaves the line open for a button beside the heading.
void heading(std::string_view text, bool then_space = true);
void subheading(std::string_view text);
void muted(std::string_view text);
void error_text(std::string_view message);  // "Error:" and the message, in red
void good_text(std::string_view text);
bool primary_button(const char* label);
bool text_field(const char* label, std::string& value, float width_css = 320, const char* hint = nullptr);
// Several lines of text; Enter starts a new line.
bool text_area(const char* label, std::string& value, float width_css, int lines);
// ImGui::BeginCombo that also reports its label to the item hooks (combos do
// not in ImGui 1.86), so window.bridgework.ui finds it like other widgets.
bool begin_combo(const char* label, const std::string& preview, float width_css = 320);
// ImGui::BeginTabItem, reporting its label the same way.
bool begin_tab(const char* label);
// A typed whole number ("412000"), or nullopt for anything else.
std::optional<long long> whole_number(const std::string& text);
// A labelled row in a two-column details view.
void detail(const char* label, std::string_view value);

}  // namespace bw::ui
