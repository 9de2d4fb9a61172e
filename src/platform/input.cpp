// Keys, text and the clipboard between the browser and ImGui 1.86.
//
// ImGui 1.86 reads key state once a frame and applies a frame's characters
// before its keys, so a quick press (down and up between two frames) would be
// lost and "ab, Backspace, c" typed within one frame would come out wrong.
// Keys, text and mouse buttons therefore wait in one queue, and each frame
// takes them in order for as long as that order survives ImGui's reading of
// them. The buttons are in it because a click moves the focus: typed on and
// then clicked into the next field between two frames, the text still goes
// where it was typed.
//
// Text does not come from key presses: it comes from a hidden text element
// (web/page.js) that holds the focus while a text field is being edited, so
// composed (IME), dictated, picked and inserted text arrives as the browser
// delivers it. The clipboard is the system's, through copy/cut/paste events.
#include "input.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <deque>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"

extern "C" void bw_js_text_wanted(int wanted, int x, int y);  // focus (or release) the text element

namespace {
struct Event {
  enum Kind { kKey, kText, kButton } kind = kText;
  int key = 0;  // a GLFW key or mouse button
  int scancode = 0, action = 0, mods = 0;
  std::string text;
};
std::deque<Event> g_queue;
GLFWwindow* g_window = nullptr;
int g_wanted = -1;  // what the page was last told
// The mouse buttons as ImGui has been given them: down, and pressed since the last frame.
bool g_down[ImGuiMouseButton_COUNT] = {}, g_pressed[ImGuiMouseButton_COUNT] = {};

// Typed before the text element has the focus (the moment after a click on a
// field): the key's character, from GLFW. The page keeps the element's own
// key presses from GLFW, so nothing arrives twice.
void on_char(GLFWwindow*, unsigned int c) {
  ImWchar w[2] = {ImWchar(c), 0};
  char utf8[8] = {};
  ImTextStrToUtf8(utf8, sizeof utf8, w, w + 1);
  g_queue.push_back({Event::kText, 0, 0, 0, 0, utf8});
}

void on_key(GLFWwindow*, int key, int scancode, int action, int mods) {
  if (action == GLFW_REPEAT) return;  // ImGui repeats held keys itself
  g_queue.push_back({Event::kKey, key, scancode, action, mods, {}});
}

void on_mouse_button(GLFWwindow*, int button, int action, int mods) {
  if (button >= 0 && button < ImGuiMouseButton_COUNT) g_queue.push_back({Event::kButton, button, 0, action, mods, {}});
}

// A key ImGui acts on when it goes down (editing and navigation keys, and the
// Ctrl shortcuts), as opposed to letter keys whose text arrives separately.
bool acts(int key, int mods) {
  switch (key) {
    case GLFW_KEY_TAB: case GLFW_KEY_LEFT: case GLFW_KEY_RIGHT: case GLFW_KEY_UP: case GLFW_KEY_DOWN:
    case GLFW_KEY_PAGE_UP: case GLFW_KEY_PAGE_DOWN: case GLFW_KEY_HOME: case GLFW_KEY_END:
    case GLFW_KEY_INSERT: case GLFW_KEY_DELETE: case GLFW_KEY_BACKSPACE: case GLFW_KEY_ENTER:
    case GLFW_KEY_ESCAPE: case GLFW_KEY_KP_ENTER:
      return true;
    default:
      return (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0 && key >= GLFW_KEY_A && key <= GLFW_KEY_Z;
  }
}

bool modifier(int key) {
  return (key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_LEFT_SUPER) ||
         (key >= GLFW_KEY_RIGHT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER);
}

// The system clipboard is written by the page's copy and cut events
// (bw_input_selection) and read by its paste event (bw_input_paste), which
// comes just before ImGui sees the Ctrl+V that caused it.
std::string g_pasted;
const char* clipboard_text(void*) { return g_pasted.c_str(); }
void set_clipboard_text(void*, const char*) {}
}  // namespace

namespace bw::input {
void install(GLFWwindow* window) {
  g_window = window;
  glfwSetKeyCallback(window, on_key);   // keys wait in the queue for ImGui's callback
  glfwSetCharCallback(window, on_char);
  glfwSetMouseButtonCallback(window, on_mouse_button);  // buttons too, in order with them
  for (bool& b : g_pressed) b = false;
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = clipboard_text;
  io.SetClipboardTextFn = set_clipboard_text;
}

bool begin_frame() {
  std::vector<int> changed;  // keys that went up or down this frame
  bool text = false, acted = false;
  while (!g_queue.empty()) {
    const Event& e = g_queue.front();
    if (e.kind == Event::kButton) {
      if (text || !changed.empty()) break;  // what was typed lands before the click moves the focus
      g_down[e.key] = e.action == GLFW_PRESS;
      g_pressed[e.key] = g_pressed[e.key] || g_down[e.key];
      g_queue.pop_front();
      break;  // and what comes after it, once the click has moved the focus
    }
    if (e.kind == Event::kText) {
      if (acted) break;  // a key acted this frame: its text comes after it
      ImGui::GetIO().AddInputCharactersUTF8(e.text.c_str());
      text = true;
    } else {
      // ImGui reads the state of acting keys and modifiers once a frame: each
      // press or release of one needs a frame that sees it. A letter's state
      // means nothing (its text is what counts), so letters never wait.
      const bool read = acts(e.key, e.mods) || modifier(e.key);
      bool seen = false;
      for (int k : changed) seen = seen || k == e.key;
      if (read && seen) break;  // down and up again: the press needs a frame of its own
      const bool acting = e.action == GLFW_PRESS && acts(e.key, e.mods);
      if (acting && text) break;  // the text before it lands first
      const ImGuiContext& g = *GImGui;
      if (e.key == GLFW_KEY_ESCAPE && e.action == GLFW_PRESS && g.ActiveId && g.ActiveId == g.InputTextState.ID)
        ImGui::ClearActiveID();  // Escape leaves the field and keeps its text (ImGui would undo the typing)
      else
        ImGui_ImplGlfw_KeyCallback(g_window, e.key, e.scancode, e.action, e.mods);
      if (read) changed.push_back(e.key);
      acted = acted || acting;
    }
    g_queue.pop_front();
  }
  // The backend has read the buttons as they are now; ImGui gets them as far as the queue has come.
  ImGuiIO& io = ImGui::GetIO();
  for (int b = 0; b < ImGuiMouseButton_COUNT; ++b) {
    io.MouseDown[b] = g_pressed[b] || g_down[b];
    g_pressed[b] = false;
  }
  return !g_queue.empty();
}

void end_frame() {
  const ImGuiContext& g = *GImGui;
  // A field being edited in this frame (io.WantTextInput says so a frame later).
  const int wanted = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID ? 1 : 0;
  const int x = wanted ? int(g.PlatformImePos.x) : -1, y = wanted ? int(g.PlatformImePos.y) : -1;
  // Told every frame a field is edited: a click on the canvas takes the focus away.
  if (wanted || wanted != g_wanted) bw_js_text_wanted(wanted, x, y);
  g_wanted = wanted;
}
}  // namespace bw::input

extern "C" {
// Text the browser delivered (typed, composed, dictated, pasted), in order with keys.
EMSCRIPTEN_KEEPALIVE void bw_input_text(const char* text) {
  if (text && *text) g_queue.push_back({Event::kText, 0, 0, 0, 0, text});
}

// The paste event's text. Pasted with Ctrl+V, it is what ImGui's own Ctrl+V
// inserts (typed characters are ignored while Ctrl is down); pasted otherwise
// (a menu, Cmd+V), it arrives as text.
EMSCRIPTEN_KEEPALIVE void bw_input_paste(const char* text, int by_ctrl_v) {
  if (by_ctrl_v) g_pasted = text;
  else bw_input_text(text);
}

// For the copy and cut events: the selected text of the field being edited
// (all of it when nothing is selected, as ImGui's Ctrl+C copies), or "" when
// no field is being edited or it hides its text.
EMSCRIPTEN_KEEPALIVE const char* bw_input_selection() {
  static std::string out;
  out.clear();
  const ImGuiContext& g = *GImGui;
  const ImGuiInputTextState& s = g.InputTextState;
  if (g.ActiveId == 0 || g.ActiveId != s.ID || (s.Flags & ImGuiInputTextFlags_Password)) return "";
  int begin = 0, end = s.CurLenW;
  if (s.HasSelection()) {
    begin = ImMin(s.Stb.select_start, s.Stb.select_end);
    end = ImMax(s.Stb.select_start, s.Stb.select_end);
  }
  if (begin >= end) return "";
  out.resize(size_t(end - begin) * 4 + 1);
  const int n = ImTextStrToUtf8(out.data(), int(out.size()), s.TextW.Data + begin, s.TextW.Data + end);
  out.resize(size_t(n));
  return out.c_str();
}
}
