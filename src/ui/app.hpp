// The whole interface, drawn once a frame from the host's state.
#pragma once
namespace bw::ui {
void draw_app();
}
