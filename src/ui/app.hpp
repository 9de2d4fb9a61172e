// The whole interface, drawn once a frame from the host's state.
#pragma once
#include <string>

namespace bw::ui {
// True when a screen has work left for the next frame (draw_again).
bool draw_app();
// The printable document (HTML) of the screen shown now, for Ctrl+P.
std::string printable_now();
}
