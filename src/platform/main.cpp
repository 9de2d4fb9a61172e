// The browser main loop: GLFW (Emscripten's built-in port) and WebGL2 under
// Dear ImGui. Keeps the canvas sharp: its backing store is its CSS size times
// devicePixelRatio, and fonts and sizes are scaled by that ratio.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <string>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/app.hpp"
#include "ui/host.hpp"
#include "ui/theme.hpp"
#include "input.hpp"
#include "ui_probe.hpp"

namespace {
GLFWwindow* g_window = nullptr;
float g_scale = 0;       // devicePixelRatio the fonts were built for
float g_text_size = 0;   // text size (CSS px) the fonts were built for
int g_contrast = -1;     // the theme they were built for: 1 high contrast
bool g_every_character = false;  // after the first frame (bw_fonts_complete)

// The canvas is sized here, not through glfwSetWindowSize: Emscripten 3.1.6's
// GLFW asks for fullscreen (and so pointer lock) when that size equals the
// screen's, and its window size lags a resize. web/library_bridgework.js sets
// the backing store and tells GLFW, which then only follows.
extern "C" void bw_js_no_webgl();       // says the browser cannot show the app, and why
extern "C" void bw_js_fit_canvas(int width, int height);
extern "C" int bw_js_awake();          // input, or a call into the app, in the last moments
extern "C" void bw_js_frame_drawn(double draw_ms, double frame_ms, int vertices, int input_left);  // counts frames, their time and what they drew (window.bridgework.ui)
extern "C" void bw_js_sleep(int ms);   // pauses the frame loop until input, a call, or ms pass

// Resizes the canvas if the window changed; true when it did.
bool fit_canvas() {
  bool changed = false;
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const float dpr = float(emscripten_get_device_pixel_ratio());
  const int w = int(std::lround(css_w * dpr)), h = int(std::lround(css_h * dpr));
  int canvas_w = 0, canvas_h = 0, glfw_w = 0, glfw_h = 0;
  emscripten_get_canvas_element_size("#canvas", &canvas_w, &canvas_h);
  glfwGetWindowSize(g_window, &glfw_w, &glfw_h);
  if (w > 0 && h > 0 && (w != canvas_w || h != canvas_h || w != glfw_w || h != glfw_h)) {
    bw_js_fit_canvas(w, h);
    changed = true;
  }

  const float text_size = bw::host::text_size();
  const int contrast = bw::host::high_contrast() ? 1 : 0;
  if (dpr != g_scale || text_size != g_text_size || contrast != g_contrast) {
    g_scale = dpr;
    g_text_size = text_size;
    g_contrast = contrast;
    bw::ui::load_theme(text_size, dpr, contrast == 1, g_every_character);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    changed = true;
  }
  return changed;
}

// The standard "wheel" event: Emscripten 3.1.6's GLFW listens only for the
// legacy "mousewheel", which Firefox never sends and automation does not either.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  // Ctrl+wheel and a touchpad's pinch zoom the page, as Ctrl +/- do: the
  // browser changes devicePixelRatio and fit_canvas rebuilds fonts and layout.
  if (e->mouse.ctrlKey) return EM_FALSE;
  const double unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheel -= float(e->deltaY / unit);
  io.MouseWheelH -= float(e->deltaX / unit);
  return EM_TRUE;  // the page itself never scrolls
}

// ImGui with the fonts of the atlas that outlives it.
ImFontAtlas g_fonts;
void start_imgui() {
  ImGui::CreateContext(&g_fonts);
  ImGuiIO& io = ImGui::GetIO();
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.IniFilename = nullptr;  // layout is the app's, not a file's
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle page drawing
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  bw::input::install(g_window);
  glfwSetScrollCallback(g_window, nullptr);  // wheel comes from on_wheel, once
  ImGui_ImplOpenGL3_Init("#version 300 es");
  g_scale = 0;  // the theme (style and fonts) is loaded into it by fit_canvas
}

// When someone signs in or out, ImGui starts again: no field being edited,
// open popup, tab, scroll position or table sort is left for the next person.
void fresh_imgui_for_each_person() {
  static std::string person = "-";
  if (bw::host::state().signed_in == person) return;
  const bool first = person == "-";
  person = bw::host::state().signed_in;
  if (first) return;
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  start_imgui();
}

// A frame costs what it draws: with no input, no call into the app and the
// same window, nothing is drawn, except once a minute for the clock (and the
// deadlines and sign-outs that follow it). The canvas keeps the last picture,
// and after a moment of nothing the loop itself sleeps until the next minute.
void frame() {
  static long long drawn_minute = -1;
  static int idle_frames = 0;
  static bool input_left = false;  // keys or text still queued for the next frame
  fresh_imgui_for_each_person();
  const bw::LocalSeconds now = bw::host::now();
  if (!fit_canvas() && now / 60 == drawn_minute && !bw_js_awake() && !input_left) {
    if (++idle_frames >= 30) {
      idle_frames = 0;
      bw_js_sleep(int(60 - now % 60) * 1000);
    }
    return;
  }
  idle_frames = 0;
  drawn_minute = now / 60;
  const double frame_start = emscripten_get_now();
  glfwPollEvents();
  bw::probe::begin_frame(g_scale);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  input_left = bw::input::begin_frame();
  ImGui::NewFrame();
  const double draw_start = emscripten_get_now();
  // The screens' own work, measured apart from rendering. Work they left
  // for the next frame counts as input still to read: that frame is drawn.
  input_left = bw::ui::draw_app() || input_left;
  const double draw_ms = emscripten_get_now() - draw_start;
  bw::probe::end_frame();
  ImGui::Render();
  bw::input::end_frame();
  int fb_w = 0, fb_h = 0;
  glfwGetFramebufferSize(g_window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  bw_js_frame_drawn(draw_ms, emscripten_get_now() - frame_start, ImGui::GetDrawData()->TotalVtxCount, input_left);
}
}  // namespace

// After the first frame (web/page.js, once the symbols font arrived or could
// not): the fonts are made again with every character, the symbols included.
extern "C" EMSCRIPTEN_KEEPALIVE void bw_fonts_complete() {
  g_every_character = true;
  g_scale = 0;
}

int main() {
  if (glfwInit()) {
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws with neither a depth nor a stencil buffer, and the canvas
    // is opaque: without the three, GLFW's defaults, the first frame came
    // 51 ms sooner (docs/development.md).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    g_window = glfwCreateWindow(1280, 800, "Bridgework", nullptr, nullptr);
  }
  if (!g_window) {
    bw_js_no_webgl();
    return 1;
  }
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  start_imgui();
  emscripten_set_wheel_callback("#canvas", nullptr, true, on_wheel);

  emscripten_set_main_loop(frame, 0, 1);
  return 0;
}
