#!/usr/bin/env bash
# Installs what building and testing Bridgework needs, from Debian's packages
# and the npm registry only. Idempotent: returns in seconds when all is present.
# Never changes the system's apt configuration (deb-src entries for the ImGui
# source live in a temporary folder).
set -euo pipefail
cd "$(dirname "$0")"
DEPS=build/deps
IMGUI_DIR=$DEPS/imgui-1.86
log() { printf 'emsdk-setup: %s\n' "$*"; }

# --- Debian packages ------------------------------------------------------
packages=(cmake g++ make python3 chromium nlohmann-json3-dev doctest-dev
          fonts-noto-core fonts-dejavu-core xz-utils dpkg-dev ca-certificates
          fonttools                     # the fonts are cut to the characters the app draws
          libreoffice-calc-nogui   # R3: the CSV files are read back by a spreadsheet
          clang-14 libclang-rt-14-dev   # the readers' fuzzers: libFuzzer, AddressSanitizer, UBSan
          poppler-utils)                # printed documents are read back from their PDF
# An activated emsdk (EMSDK set, emcc on PATH) is used as it is.
if [ -n "${EMSDK:-}" ] && command -v emcc >/dev/null 2>&1; then
  log "using the activated emsdk at $EMSDK"
else
  packages+=(emscripten)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "emsdk-setup: run as root to install: ${missing[*]}" >&2; exit 1; }
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Dear ImGui 1.86 source (Debian's source package) ----------------------
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  log "fetching the Dear ImGui source package"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/parts" "$tmp/lists/partial" "$tmp/src"
  # Copy every binary source entry as a source entry into the temp folder.
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    sed 's/^Types:.*/Types: deb-src/' "$f" > "$tmp/parts/$(basename "$f")"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    grep -E '^deb ' "$f" | sed 's/^deb /deb-src /' > "$tmp/parts/$(basename "$f").list" || true
  done
  aptopts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$tmp/parts"
           -o "Dir::State::Lists=$tmp/lists")
  apt-get "${aptopts[@]}" update -qq 2>/dev/null
  (cd "$tmp/src" && apt-get "${aptopts[@]}" source --download-only imgui 2>/dev/null >/dev/null)
  orig=$(ls "$tmp"/src/imgui_1.86*.orig.tar.* | head -1)
  mkdir -p "$IMGUI_DIR"
  tar -xf "$orig" -C "$IMGUI_DIR" --strip-components=1
  [ -f "$IMGUI_DIR/imgui.cpp" ] || { echo "emsdk-setup: ImGui source not found in $orig" >&2; exit 1; }
fi

# --- Browser-test packages (npm) -------------------------------------------
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  log "installing playwright-core"
  (cd tests/browser && npm install --no-audit --no-fund --silent >/dev/null)
fi
log "ready"
