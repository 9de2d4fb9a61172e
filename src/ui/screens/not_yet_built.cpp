// Sections whose records are not in the workspace yet say what they will hold.
#include "../widgets.hpp"
#include "screens.hpp"

namespace bw::ui {

void draw_not_yet_built(Section section) {
  struct Text { Section section; const char* title; const char* holds; };
  static constexpr Text kTexts[] = {
      {Section::Reports, "Reports",
       "The quarterly Effectiveness in Serving Employers export (CSV), performance standards per "
       "staff member and organisation, and progress toward the board's targets."},
  };
  for (const Text& t : kTexts) {
    if (t.section != section) continue;
    heading(t.title);
    muted("This section is not in Bridgework yet. It will hold:");
    ImGui::Spacing();
    ImGui::PushTextWrapPos(px(760));
    ImGui::TextUnformatted(t.holds);
    ImGui::PopTextWrapPos();
  }
}

}  // namespace bw::ui
