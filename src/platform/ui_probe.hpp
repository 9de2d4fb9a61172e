#pragma once
namespace bw::probe {
// Call once per frame before ImGui::NewFrame.
void begin_frame(float framebuffer_scale);
}
