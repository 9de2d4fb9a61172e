// Fonts and colours. Sizes are in CSS pixels times the device pixel ratio:
// the canvas is drawn in device pixels so text stays sharp on HiDPI screens.
#pragma once
#include "imgui.h"

namespace bw::ui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
};
const Fonts& fonts();
float scale();  // device pixels per CSS pixel

// Rebuilds the font atlas and the style for a text size, pixel ratio and
// theme; the high-contrast theme is black on white with strong borders.
// Before every_character (the first frames) the fonts hold only Basic Latin
// and Latin-1.
void load_theme(float text_size, float device_pixel_ratio, bool high_contrast, bool every_character);

// The colours screens use; load_theme sets them for the theme.
namespace colour {
inline ImVec4 kAccent, kMuted, kError, kWarning, kGood, kSidebar;
}  // namespace colour

}  // namespace bw::ui
