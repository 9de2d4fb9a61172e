// The floor of the page's figures (tests/browser/bench.mjs): a bare Dear ImGui
// + GLFW + WebGL2 page built by the same toolchain and the same ImGui as the
// app, drawing one window with a short table. It counts its frames and their
// main-thread time and the vertices they draw as the app does (window.bare;
// the app's are ui.frameTime() and ui.vertices()).
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

// The app's ImGui calls these to report where widgets are (src/platform/ui_probe.cpp);
// ImGui calls them only while a probe is on, so here they are never called.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace {
GLFWwindow* g_window = nullptr;

void frame() {
  const double start = emscripten_get_now();
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("Bare page", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::TextUnformatted("A bare Dear ImGui page");
  if (ImGui::BeginTable("rows", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
    for (int i = 0; i < 30; ++i) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("Row %d", i);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted("a name");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted("2026-11-30");
    }
    ImGui::EndTable();
  }
  ImGui::End();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(g_window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.1f, 0.1f, 0.1f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  EM_ASM({ if (++window.bare.frames === 1) performance.mark('first-frame'); window.bare.frameTime += $0; window.bare.vertices += $1; }, emscripten_get_now() - start,
         ImGui::GetDrawData()->TotalVtxCount);
}
}  // namespace

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  g_window = glfwCreateWindow(1280, 800, "Bare page", nullptr, nullptr);
  if (!g_window) return 1;
  glfwMakeContextCurrent(g_window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(frame, 0, 1);
  return 0;
}
