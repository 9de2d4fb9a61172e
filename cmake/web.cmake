# The browser app: core + Dear ImGui UI + platform layer, linked to a
# self-contained static folder build/web/site (page, .js, .wasm, .data).
set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/build/deps/imgui-1.86)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui source missing: run ./emsdk-setup.sh")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp)
# Built for size, two fifths less code (docs/development.md, "The wasm's size and speed").
# The core stays at -O3: at -Oz a workspace opens 15-70% slower.
target_compile_options(imgui PRIVATE -sUSE_GLFW=3 -Oz)
# Its save and restore of the GL state around each frame read from src/platform/gl_state.cpp, not the GPU.
set_source_files_properties(${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp PROPERTIES
  COMPILE_DEFINITIONS "glGetIntegerv=bw_gl_get_integerv;glIsEnabled=bw_gl_is_enabled")
# The item hooks let the page report where each labelled widget is drawn, so
# browser tests can click real coordinates (src/platform/ui_probe.cpp).
# 32-bit characters: an emoji or other character beyond U+FFFF typed into a field is kept as it is.
target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_USE_WCHAR32)

# The screens are built for size, as the core's commands and queries are
# (CMakeLists.txt).
file(GLOB SCREEN_SOURCES CONFIGURE_DEPENDS src/ui/screens/*.cpp)
set_source_files_properties(${SCREEN_SOURCES} PROPERTIES COMPILE_OPTIONS -Os)

file(GLOB UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
list(APPEND UI_SOURCES ${SCREEN_SOURCES})
file(GLOB PLATFORM_SOURCES CONFIGURE_DEPENDS src/platform/*.cpp)
add_executable(bridgework ${UI_SOURCES} ${PLATFORM_SOURCES})
target_include_directories(bridgework PRIVATE src)
target_link_libraries(bridgework PRIVATE bridgework_core imgui)
target_compile_options(bridgework PRIVATE -sUSE_GLFW=3 -Wall)

set(SITE_DIR ${CMAKE_BINARY_DIR}/site)
set_target_properties(bridgework PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${SITE_DIR} SUFFIX ".js")
# The fonts, cut to the characters the app draws (the glyph ranges in
# src/ui/theme.cpp, read from there) and without the hinting and layout tables
# ImGui does not use: a third of their size, drawn the same.
find_program(PYFTSUBSET pyftsubset REQUIRED)
file(READ ${CMAKE_SOURCE_DIR}/src/ui/theme.cpp THEME_SOURCE)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/theme.cpp)
function(glyph_ranges name out)
  string(REGEX MATCH "${name}\\[\\] = {([^}]*)}" found "${THEME_SOURCE}")
  string(REGEX MATCHALL "0x[0-9A-Fa-f]+" bounds "${CMAKE_MATCH_1}")
  set(unicodes "")
  while(bounds)
    list(POP_FRONT bounds first last)
    string(SUBSTRING ${first} 2 -1 first)
    string(SUBSTRING ${last} 2 -1 last)
    list(APPEND unicodes "U+${first}-${last}")
  endwhile()
  if(NOT unicodes)
    message(FATAL_ERROR "no ${name} in src/ui/theme.cpp")
  endif()
  list(JOIN unicodes "," unicodes)
  set(${out} ${unicodes} PARENT_SCOPE)
endfunction()
glyph_ranges(kRanges TEXT_UNICODES)
glyph_ranges(kSymbolRanges SYMBOL_UNICODES)
set(FONT_DIR ${CMAKE_BINARY_DIR}/fonts)
# fontTools' own Python (pyftsubset's), which may not be the first python3 on the PATH.
file(STRINGS ${PYFTSUBSET} PYFTSUBSET_SHEBANG LIMIT_COUNT 1)
string(REGEX REPLACE "^#! *([^ ]+).*" "\\1" FONTTOOLS_PYTHON "${PYFTSUBSET_SHEBANG}")
# cut_font(source unicodes output [PLACEHOLDER]): with PLACEHOLDER, the font
# keeps U+FFFD and gives its glyph the code U+0080 too (cmake/placeholder_glyph.py).
function(cut_font source unicodes output)
  set(placeholder "")
  if(ARGN STREQUAL "PLACEHOLDER")
    string(APPEND unicodes ",U+FFFD")
    set(placeholder COMMAND ${FONTTOOLS_PYTHON} ${CMAKE_SOURCE_DIR}/cmake/placeholder_glyph.py ${output})
  endif()
  add_custom_command(OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${FONT_DIR}
    COMMAND ${PYFTSUBSET} ${source} --unicodes=${unicodes} --no-hinting --layout-features= --name-IDs=*
            --drop-tables+=GSUB,GPOS,GDEF,kern,FFTM --output-file=${output}
    ${placeholder}
    DEPENDS ${source} ${CMAKE_SOURCE_DIR}/src/ui/theme.cpp ${CMAKE_SOURCE_DIR}/cmake/placeholder_glyph.py VERBATIM)
endfunction()
set(FONT_FILE ${FONT_DIR}/ui.ttf)
set(FONT_BOLD_FILE ${FONT_DIR}/ui-bold.ttf)
cut_font(/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ${TEXT_UNICODES} ${FONT_FILE} PLACEHOLDER)
cut_font(/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf ${TEXT_UNICODES} ${FONT_BOLD_FILE} PLACEHOLDER)
add_custom_target(fonts DEPENDS ${FONT_FILE} ${FONT_BOLD_FILE})
add_dependencies(bridgework fonts)
# GLFW on WebGL 2, for the app and the bare page alike. WebGL extensions are
# not all switched on when the context is made: ImGui needs none, and
# switching on the browser's thirty took 60-90 ms of a first frame of about
# 530 ms (headless Chromium, 2026-12-03).
set(WEBGL_LINK_OPTIONS -sUSE_GLFW=3 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0)
target_link_options(bridgework PRIVATE
  # The link's own pass (Binaryen) for size, over code compiled as above: 78 KB
  # less. Left to itself it would inline only the smallest functions, and a
  # frame of a long list took a tenth longer, typing into its search a third:
  # functions up to 6 instructions are inlined everywhere (docs/development.md).
  -Os -sBINARYEN_EXTRA_PASSES=--always-inline-max-function-size=6
  ${WEBGL_LINK_OPTIONS}
  # A large board needs more than the 2 GB memory grows to by default. Addresses
  # past 2 GB reach JavaScript as negative numbers: web/page.js and
  # web/library_bridgework.js read the pointers they use as unsigned (WebGL 2
  # takes its offsets as unsigned itself; tests/browser/page.mjs draws and saves
  # past 2 GB).
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,lengthBytesUTF8
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  "SHELL:--js-library ${CMAKE_SOURCE_DIR}/web/library_bridgework.js"
  "SHELL:--preload-file ${FONT_FILE}@/fonts/ui.ttf"
  "SHELL:--preload-file ${FONT_BOLD_FILE}@/fonts/ui-bold.ttf")
set_property(TARGET bridgework APPEND PROPERTY LINK_DEPENDS
  ${CMAKE_SOURCE_DIR}/web/library_bridgework.js ${FONT_FILE} ${FONT_BOLD_FILE})

# The page shell and its scripts sit beside the build output.
set(SITE_FILES web/index.html web/page.js web/storage.js web/manifest.webmanifest
    assets/icon.svg)
list(TRANSFORM SITE_FILES PREPEND ${CMAKE_SOURCE_DIR}/)
# Arrows, symbols and dingbats, fetched after the first frame (src/ui/theme.cpp).
cut_font(/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ${SYMBOL_UNICODES} ${FONT_DIR}/symbols.ttf)
add_custom_target(site_files ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory ${SITE_DIR}
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${SITE_FILES} ${SITE_DIR}/
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${FONT_DIR}/symbols.ttf ${SITE_DIR}/symbols.ttf
  DEPENDS ${FONT_DIR}/symbols.ttf
  VERBATIM)

# W7: the service worker, versioned by the hash of every file above.
add_custom_target(service_worker ALL
  COMMAND ${CMAKE_COMMAND} -DSITE_DIR=${SITE_DIR} -DTEMPLATE=${CMAKE_SOURCE_DIR}/web/sw.js
          -P ${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake
  VERBATIM)
add_dependencies(service_worker bridgework site_files)

# The floor of the page's figures (tests/browser/bench.mjs): a bare ImGui page
# built by the same toolchain, with the app's ImGui (and so its GL state
# without round trips), beside the site and never part of it.
add_executable(bare_page tests/benchmarks/bare_page/bare_page.cpp src/platform/gl_state.cpp)
target_link_libraries(bare_page PRIVATE imgui)
target_compile_options(bare_page PRIVATE -sUSE_GLFW=3)
target_link_options(bare_page PRIVATE ${WEBGL_LINK_OPTIONS})
set_target_properties(bare_page PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bare_page SUFFIX ".js")
add_custom_command(TARGET bare_page POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_SOURCE_DIR}/tests/benchmarks/bare_page/index.html
          ${CMAKE_BINARY_DIR}/bare_page/index.html VERBATIM)

# The core tests compiled by em++ as well: the app runs on Emscripten's libc++,
# whose calendar code differs from the native one (ctest runs it under node).
file(GLOB CORE_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/core/*.cpp)
add_executable(core_tests_wasm ${CORE_TESTS})
target_link_libraries(core_tests_wasm PRIVATE bridgework_core doctest_headers)
# Eight files at a time, as natively (tests/CMakeLists.txt).
set_target_properties(core_tests_wasm PROPERTIES SUFFIX ".js" UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
set_source_files_properties(${CMAKE_SOURCE_DIR}/tests/core/main.cpp PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
target_link_options(core_tests_wasm PRIVATE -sWASM_ASYNC_COMPILATION=0 -sALLOW_MEMORY_GROWTH=1)
