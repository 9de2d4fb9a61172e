#pragma once
namespace bw::probe {
// Call once per frame before ImGui::NewFrame.
void begin_frame(float framebuffer_scale);
// Call once the screens are drawn: ui.items() then lists this frame, the last drawn.
void end_frame();
}
