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
void load_theme(float text_size, float device_pixel_ratio, bool high_contrast);

// The colours screens use; load_theme sets them for the theme.
namespace colour {
inline ImVec4 kAccent{0.12f, 0.31f, 0.47f, 1};
inline ImVec4 kMuted{0.36f, 0.40f, 0.45f, 1};
inline ImVec4 kError{0.70f, 0.11f, 0.11f, 1};
inline ImVec4 kWarning{0.60f, 0.38f, 0.00f, 1};
inline ImVec4 kGood{0.09f, 0.45f, 0.22f, 1};
inline ImVec4 kSidebar{0.12f, 0.20f, 0.29f, 1};
}  // namespace colour

}  // namespace bw::ui
