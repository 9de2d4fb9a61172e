# Writes SITE_DIR/sw.js from TEMPLATE (web/sw.js): the list of the site's
# files and a version that is the hash of all of them, so every build that
# changes any file is a new version (W7). Run by the service_worker target.
set(all "")
set(FILES "'./'")
foreach(f index.html page.js storage.js manifest.webmanifest icon.svg bridgework.js bridgework.wasm bridgework.data symbols.ttf)
  file(SHA256 ${SITE_DIR}/${f} hash)
  string(APPEND all "${f} ${hash}\n")
  string(APPEND FILES ", '${f}'")
endforeach()
string(SHA256 VERSION "${all}")
string(SUBSTRING ${VERSION} 0 16 VERSION)
configure_file(${TEMPLATE} ${SITE_DIR}/sw.js @ONLY)
