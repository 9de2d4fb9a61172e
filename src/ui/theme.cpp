#include "theme.hpp"

#include <cstdio>

namespace bw::ui {
namespace {
Fonts g_fonts;
float g_scale = 1;
}  // namespace

const Fonts& fonts() { return g_fonts; }
float scale() { return g_scale; }

void load_theme(float text_size, float dpr, bool high_contrast, bool every_character) {
  g_scale = dpr;
  struct Palette { ImVec4 accent, muted, error, warning, good, sidebar; };
  static const Palette kPlain{{0.12f, 0.31f, 0.47f, 1}, {0.36f, 0.40f, 0.45f, 1}, {0.70f, 0.11f, 0.11f, 1},
                                  {0.60f, 0.38f, 0.00f, 1}, {0.09f, 0.45f, 0.22f, 1}, {0.12f, 0.20f, 0.29f, 1}};
  static const Palette kHighContrast{{0.00f, 0.20f, 0.55f, 1}, {0.12f, 0.12f, 0.12f, 1}, {0.62f, 0.00f, 0.00f, 1},
                                         {0.45f, 0.22f, 0.00f, 1}, {0.00f, 0.36f, 0.10f, 1}, {0.00f, 0.00f, 0.00f, 1}};
  const Palette& p = high_contrast ? kHighContrast : kPlain;
  colour::kAccent = p.accent, colour::kMuted = p.muted, colour::kError = p.error;
  colour::kWarning = p.warning, colour::kGood = p.good, colour::kSidebar = p.sidebar;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // The text staff type and paste: names in Latin scripts with every accent
  // (Latin-1, Extended-A and -B, Vietnamese), Greek and Cyrillic, the
  // punctuation of email and word processors (’ “ ” – — …), currency and
  // letterlike signs (€ № ™).
  static const ImWchar kRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x052F, 0x1E00, 0x1EFF,
                                    0x2000, 0x206F, 0x20A0, 0x20BF, 0x2100, 0x214F, 0};
  // The first frame needs only Basic Latin and Latin-1: drawing every range
  // above costs about 100 ms, which would delay it by a quarter.
  static const ImWchar kFirstFrameRanges[] = {0x0020, 0x00FF, 0};
  // What ImGui draws for anything else (an emoji, say) is the U+FFFD glyph,
  // a visible placeholder, never a "?" a person could type. The build gives
  // it the code U+0080 too (cmake/placeholder_glyph.py): asked for as U+FFFD,
  // each font's lookup tables would run to 65,534 entries, and making the
  // first frame's fonts took twice as long (80 against 39 ms).
  constexpr ImWchar kPlaceholder = 0x0080;
  ImFontConfig config;
  config.OversampleH = 2;
  config.GlyphRanges = every_character ? kRanges : kFirstFrameRanges;
  // Arrows, math signs, boxes, shapes, symbols and dingbats (→ ≤ ☐ ✓ ★) come
  // from a second font the page fetches after the first frame (web/page.js),
  // merged into each size once it is there.
  static const ImWchar kSymbolRanges[] = {0x2190, 0x23FF, 0x2500, 0x27BF, 0};
  ImFontConfig merge = config;
  merge.MergeMode = true;
  merge.GlyphRanges = kSymbolRanges;
  std::FILE* symbols = every_character ? std::fopen("/fonts/symbols.ttf", "rb") : nullptr;
  if (symbols) std::fclose(symbols);
  // The two text fonts are preloaded into the virtual file system (cmake/web.cmake).
  auto add = [&](const char* file, float size) {
    ImFont* font = io.Fonts->AddFontFromFileTTF(file, size * dpr, &config);
    if (font) font->FallbackChar = kPlaceholder;  // kept by the build (ImFont::BuildLookupTable)
    if (font && symbols) io.Fonts->AddFontFromFileTTF("/fonts/symbols.ttf", size * dpr, &merge);
    return font;
  };
  g_fonts.regular = add("/fonts/ui.ttf", text_size);
  g_fonts.bold = add("/fonts/ui-bold.ttf", text_size);
  g_fonts.heading = add("/fonts/ui-bold.ttf", text_size * 1.45f);
  if (!g_fonts.regular) g_fonts.regular = g_fonts.bold = g_fonts.heading = io.Fonts->AddFontDefault();
  io.FontDefault = g_fonts.regular;

  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = {16, 14};
  style.FramePadding = {9, 6};
  style.ItemSpacing = {10, 8};
  style.ItemInnerSpacing = {8, 6};
  style.CellPadding = {8, 5};
  style.ScrollbarSize = 16;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.WindowRounding = 6;
  style.PopupRounding = 6;
  style.FrameBorderSize = 1;
  style.WindowBorderSize = 0;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = {0.965f, 0.973f, 0.98f, 1};
  c[ImGuiCol_ChildBg] = {1, 1, 1, 1};
  c[ImGuiCol_PopupBg] = {1, 1, 1, 1};
  c[ImGuiCol_Text] = {0.10f, 0.14f, 0.19f, 1};
  c[ImGuiCol_TextDisabled] = colour::kMuted;
  c[ImGuiCol_Border] = {0.78f, 0.81f, 0.85f, 1};
  c[ImGuiCol_FrameBg] = {1, 1, 1, 1};
  c[ImGuiCol_FrameBgHovered] = {0.93f, 0.96f, 1, 1};
  c[ImGuiCol_Button] = {0.90f, 0.93f, 0.96f, 1};
  c[ImGuiCol_ButtonHovered] = {0.80f, 0.87f, 0.95f, 1};
  c[ImGuiCol_ButtonActive] = {0.70f, 0.80f, 0.92f, 1};
  c[ImGuiCol_Header] = {0.85f, 0.90f, 0.97f, 1};
  c[ImGuiCol_HeaderHovered] = {0.78f, 0.86f, 0.96f, 1};
  c[ImGuiCol_HeaderActive] = {0.70f, 0.80f, 0.94f, 1};
  c[ImGuiCol_TableHeaderBg] = {0.91f, 0.93f, 0.96f, 1};
  c[ImGuiCol_TableRowBgAlt] = {0.97f, 0.98f, 0.99f, 1};
  c[ImGuiCol_CheckMark] = c[ImGuiCol_PlotHistogram] = colour::kAccent;
  c[ImGuiCol_NavHighlight] = {0.15f, 0.45f, 0.85f, 1};
  c[ImGuiCol_ModalWindowDimBg] = {0.1f, 0.14f, 0.2f, 0.45f};
  if (high_contrast) {  // black on white, every edge drawn
    const ImVec4 black{0, 0, 0, 1}, white{1, 1, 1, 1};
    c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = c[ImGuiCol_PopupBg] = c[ImGuiCol_FrameBg] = white;
    c[ImGuiCol_Text] = black;
    c[ImGuiCol_Border] = black;
    c[ImGuiCol_Button] = white;
    c[ImGuiCol_ButtonHovered] = c[ImGuiCol_FrameBgHovered] = {1.0f, 0.93f, 0.55f, 1};
    c[ImGuiCol_ButtonActive] = c[ImGuiCol_HeaderActive] = {1.0f, 0.85f, 0.30f, 1};
    c[ImGuiCol_Header] = {0.80f, 0.87f, 1.0f, 1};
    c[ImGuiCol_HeaderHovered] = {1.0f, 0.93f, 0.55f, 1};
    c[ImGuiCol_TableHeaderBg] = {0.85f, 0.85f, 0.85f, 1};
    c[ImGuiCol_TableRowBgAlt] = white;
    c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = black;
    c[ImGuiCol_Separator] = black;
    c[ImGuiCol_Tab] = white;
    c[ImGuiCol_TabActive] = {0.80f, 0.87f, 1.0f, 1};
    c[ImGuiCol_TabHovered] = {1.0f, 0.93f, 0.55f, 1};
    style.FrameBorderSize = 2;
    style.ChildBorderSize = 1;
  }
  style.ScaleAllSizes(dpr);
  ImGui::GetStyle() = style;
}

}  // namespace bw::ui
