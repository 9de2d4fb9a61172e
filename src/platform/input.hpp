// Keys, text and the clipboard between the browser and ImGui.
#pragma once
struct GLFWwindow;
namespace bw::input {
// After ImGui_ImplGlfw_InitForOpenGL: keys and mouse buttons go through a
// queue, text comes from the page's text element (web/page.js), the
// clipboard from its events.
void install(GLFWwindow* window);
// After ImGui_ImplGlfw_NewFrame, before ImGui::NewFrame: hands ImGui this
// frame's share of the queue. True when some is left for the next frame.
bool begin_frame();
// After ImGui::Render: tells the page whether a text field wants text, and where.
void end_frame();
}  // namespace bw::input
