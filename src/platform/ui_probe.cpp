// Where each labelled ImGui widget was drawn in the last frame, for
// window.bridgework.ui (docs/automation.md): browser tests read a widget's
// position here, then click it with real mouse events. Uses ImGui's item hooks
// (IMGUI_ENABLE_TEST_ENGINE); nothing else of a test engine is involved.
#include <emscripten.h>

#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui_probe.hpp"

namespace {
struct Item { std::string label; ImRect rect; bool visible; const ImGuiWindow* root; };
std::unordered_map<ImGuiID, ImRect> g_rects;       // this frame
std::vector<Item> g_items, g_last_items;            // this frame, last frame
float g_scale = 1;  // framebuffer pixels per CSS pixel
std::string g_reply;
}  // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  g_rects[id] = bb;
  (void)ctx;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  auto it = g_rects.find(id);
  if (!label || it == g_rects.end()) return;
  std::string text = label;
  // "Label##id" is reported as "Label"; a widget with no visible label ("##id") as "id".
  if (auto hidden = text.find("##"); hidden != std::string::npos)
    text = hidden == 0 ? text.substr(2) : text.substr(0, hidden);
  if (text.empty()) return;
  const ImGuiWindow* window = ctx->CurrentWindow;
  // Clickable: on screen with its vertical middle (a widget cut off at the
  // bottom is scrolled to first). Table rows span columns, so x only overlaps.
  const ImRect& r = it->second;
  const float middle = (r.Min.y + r.Max.y) / 2;
  const bool visible = window && !window->Hidden && window->ClipRect.Overlaps(r) &&
                       middle >= window->ClipRect.Min.y && middle <= window->ClipRect.Max.y;
  g_items.push_back({text, it->second, visible, window ? window->RootWindow : nullptr});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace bw::probe {
void begin_frame(float framebuffer_scale) {
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  g_items.clear();
  g_rects.clear();
  g_scale = framebuffer_scale;
}

void end_frame() { g_last_items.swap(g_items); }
}  // namespace bw::probe

extern "C" EMSCRIPTEN_KEEPALIVE const char* bw_api_ui_items() {
  nlohmann::json out = nlohmann::json::array();
  // While a dialog (a modal popup) is open, only it and the lists it opened can
  // be clicked: the page behind it is not listed.
  const ImGuiWindow* modal = ImGui::GetCurrentContext() ? ImGui::GetTopMostPopupModal() : nullptr;
  for (const Item& i : g_last_items) {
    if (!i.visible) continue;
    if (modal && i.root != modal && !(i.root && (i.root->Flags & ImGuiWindowFlags_Popup) && !(i.root->Flags & ImGuiWindowFlags_Modal)))
      continue;
    out.push_back({{"label", i.label},
                   {"x", i.rect.Min.x / g_scale}, {"y", i.rect.Min.y / g_scale},
                   {"w", i.rect.GetWidth() / g_scale}, {"h", i.rect.GetHeight() / g_scale}});
  }
  g_reply = out.dump();
  return g_reply.c_str();
}

// The characters of `text` that the app's font has no glyph for (drawn as the
// U+FFFD placeholder), as UTF-8 strings: how a test sees what a person sees.
extern "C" EMSCRIPTEN_KEEPALIVE const char* bw_api_ui_missing_glyphs(const char* text) {
  nlohmann::json out = nlohmann::json::array();
  const ImFont* font = ImGui::GetIO().FontDefault ? ImGui::GetIO().FontDefault : ImGui::GetFont();
  for (const char* s = text; *s;) {
    const char* start = s;
    unsigned int c = 0;
    s += ImTextCharFromUtf8(&c, s, nullptr);
    if (font->FindGlyph(ImWchar(c)) == font->FallbackGlyph) out.push_back(std::string(start, s));
  }
  g_reply = out.dump();
  return g_reply.c_str();
}
