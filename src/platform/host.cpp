// The browser side of bw::host: holds the open workspace, moves its save
// batches to IndexedDB (web/storage.js, through web/library_bridgework.js),
// and exposes the same core path to JavaScript (window.bridgework, see
// docs/automation.md). The only place that includes <emscripten.h> besides main.
#include "ui/app.hpp"
#include "ui/host.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <memory>
#include <utility>

#include "access.hpp"
#include "conversation.hpp"
#include "generate.hpp"
#include "integrity.hpp"
#include "queries.hpp"
#include "setup.hpp"
#include "sign_in.hpp"
#include "storage.hpp"

// [SECTION] Functions of web/library_bridgework.js
extern "C" {
double bw_js_now_local();
char* bw_js_random_origin();
void bw_js_write_begin(const char* workspace);
void bw_js_write_put(int bucket, const char* value);
void bw_js_write_commit(const char* meta);
void bw_js_open_workspace(const char* workspace);
void bw_js_register_workspace(const char* workspace, const char* name, int demo);
void bw_js_close_workspace();
void bw_js_use_here();
void bw_js_reload_into_update();
void bw_js_unlock(const char* passphrase);
void bw_js_lock_now();
void bw_js_enable_lock(const char* passphrase);
void bw_js_change_passphrase(const char* passphrase, const char* next);
void bw_js_set_lock_after(int minutes);
void bw_js_download_backup(const char* name, const char* text, int length, int plain);
void bw_js_answer_piece(const char* text, int length);
void bw_js_open_locked_backup(const char* passphrase);
void bw_js_lock_from_start(const char* passphrase);
void bw_js_saved(double change);
void bw_js_save_failed(const char* reason);
void bw_js_announce(const char* message);
void bw_js_set_address(const char* address, int replace);
void bw_js_show_printable(const char* html);
void bw_js_show_email(const char* email_json);
void bw_js_download(const char* name, const char* bytes, int length, const char* mime);
void bw_js_pick_backup();
void bw_js_export_stored(const char* workspace);
char* bw_js_get_item(int session, const char* key);
void bw_js_set_item(int session, const char* key, const char* value);
}

namespace bw::host {
namespace {

State g_state;
// W1: after "Use here" in another tab this tab takes no more changes, but goes
// on writing what it already took until nothing is left; then it hands over.
bool g_handing_over = false;
std::string g_announced;  // the last message shown to the person
std::optional<AddressRequest> g_address_request;  // from the browser, for the next frame
std::unique_ptr<WorkspaceStore> g_store;
std::unique_ptr<Workspace> g_loading;  // buckets arrive here before the store is made

std::string take(char* s) {  // strings from JS are malloc'd
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

std::string signed_in_key() { return "bridgework.signed_in." + g_state.workspace_id; }

void set_store(std::unique_ptr<WorkspaceStore> store) {
  g_store = std::move(store);
  g_state.workspace = g_store ? &g_store->workspace() : nullptr;
  g_state.save = SaveState::Saved;
  g_state.save_error.clear();
  // P4: a tab stays signed in across reloads only as someone who signs in
  // without a PIN: the tab's storage can be edited, so it proves nothing more.
  g_state.signed_in = take(bw_js_get_item(1, signed_in_key().c_str()));
  const Staff* s = g_state.workspace ? g_state.workspace->find_staff(g_state.signed_in) : nullptr;
  if (!(s && s->active && s->pin_hash.empty() && !g_state.workspace->meta.kiosk && !g_state.workspace->meta.require_pins))
    g_state.signed_in.clear();
  g_state.last_told.clear();
  if (g_state.workspace) bw_js_set_lock_after(g_state.workspace->meta.lock_after_minutes);
}

// W1: one IndexedDB transaction at a time; changes made meanwhile go in the
// next one (group commit). "Saved" is shown only after it completed.
void pump_save() {
  if (!g_store || g_state.workspace_id.empty() || !(g_state.writer || g_handing_over) || g_store->writing() ||
      g_state.lock.busy)  // W6: every value is being sealed (or rewrapped): the next write waits
    return;
  bool begun = false;
  auto batch = g_store->next_batch([&](int bucket, const std::string& value) {
    if (!std::exchange(begun, true)) bw_js_write_begin(g_state.workspace_id.c_str());
    bw_js_write_put(bucket, value.c_str());
  });
  if (!batch) return;
  g_state.save = SaveState::Saving;
  if (!begun) bw_js_write_begin(g_state.workspace_id.c_str());
  bw_js_write_commit(batch->meta.c_str());
}

// `replaces_demo`: W3, a fresh demo takes the place of the demo kept in this
// browser. A restored backup never replaces anything, even a demo's backup.
void start_new(NewWorkspace made, const std::string& id, bool replaces_demo, std::string_view demo_suffix = " (restored)") {
  g_state.workspace_id = id;
  g_state.open_error.clear();
  g_state.loading = false;
  g_state.writer = true;
  g_handing_over = false;
  g_state.lock = {};
  const std::string name = made.workspace.meta.name + std::string(made.workspace.meta.demo && !replaces_demo ? demo_suffix : "");
  bw_js_register_workspace(id.c_str(), name.c_str(), replaces_demo);
  set_store(std::make_unique<WorkspaceStore>(std::move(made.workspace), false));
  g_state.signed_in = made.administrator;
  bw_js_set_item(1, signed_in_key().c_str(), made.administrator.c_str());
  pump_save();
}


// M6: in kiosk mode this tab stays on the job board's workspace.
std::optional<Error> kiosk_refusal() {
  if (g_state.workspace && g_state.workspace->meta.kiosk)
    return Error{"kiosk", "This computer is a job board kiosk: it stays on this workspace. "
                          "An Administrator can leave kiosk mode with their PIN."};
  return std::nullopt;
}

std::optional<Error> sign_in_as(const std::string& who, const std::string& pin, SignInPath path) {
  if (!g_store || g_state.loading) return Error{"no_workspace", "Open a workspace first."};
  const Workspace& ws = *g_state.workspace;
  if (ws.find_client(g_state.signed_in) && ws.find_staff(who))
    return Error{"not_allowed", "A job seeker's session cannot sign in as staff."};
  const Staff* staff = ws.find_staff(who);
  const bool checks_pin = path == SignInPath::LeaveKiosk || !staff || !staff->pin_hash.empty();
  // Wrong PINs are counted in the workspace (P4): only the tab that saves it may check one.
  if (checks_pin && !g_state.writer)
    return Error{"read_only", "This workspace is open for changes in another tab. Choose \"Use here\" to sign in "
                              "with a PIN in this one."};
  const SignInResult r = g_store->sign_in(who, pin, now(), path);
  pump_save();
  if (r.error) return r.error;
  g_state.signed_in = r.signed_in;
  g_state.last_told.clear();
  bw_js_set_item(1, signed_in_key().c_str(), r.signed_in.c_str());
  return std::nullopt;
}

}  // namespace

const State& state() { return g_state; }

LocalSeconds now() {
  const auto real = static_cast<LocalSeconds>(std::floor(bw_js_now_local()));
  return real + (g_state.workspace ? g_state.workspace->meta.clock_offset : 0);
}

Outcome dispatch(const Command& cmd) {
  if (!g_store || g_state.workspace_id.empty() || g_state.loading)
    return Outcome::refuse("no_workspace", "Open a workspace first.");
  if (!g_state.writer)
    return Outcome::refuse("read_only", "This workspace is open for changes in another tab. "
                                        "Choose \"Use here\" to make changes in this one.");
  Outcome o = g_store->dispatch(cmd, Context{g_state.signed_in, now()});
  if (o.ok) {
    // K2: whom this change told, so the screen can offer them a ready email.
    g_state.last_told.clear();
    for (const RecordId& id : o.touched)
      if (auto it = g_state.workspace->notifications.find(id);
          it != g_state.workspace->notifications.end() && it->second.from == g_state.signed_in)
        g_state.last_told.push_back(id);
    pump_save();
    bw_js_set_lock_after(g_state.workspace->meta.lock_after_minutes);
  }
  return o;
}

std::optional<Error> sign_in(const std::string& who, const std::string& pin) {
  return sign_in_as(who, pin, SignInPath::Normal);
}

std::optional<Error> leave_kiosk(const std::string& administrator, const std::string& pin) {
  return sign_in_as(administrator, pin, SignInPath::LeaveKiosk);
}

void sign_out() {
  g_state.signed_in.clear();
  g_state.last_told.clear();
  bw_js_set_item(1, signed_in_key().c_str(), "");
}

std::optional<Error> create_workspace(const std::string& board, const std::string& admin,
                                      const std::string& email, const std::string& passphrase) {
  if (auto e = kiosk_refusal()) return e;
  if (!passphrase.empty() && passphrase.size() < 12)
    return Error{"invalid_field", "A passphrase has at least 12 characters: a few words are easy to remember."};
  if (!passphrase.empty()) bw_js_lock_from_start(passphrase.c_str());  // the next workspace registered is sealed from its first write
  const std::string origin = take(bw_js_random_origin());
  auto made = bw::create_workspace(board, admin, email, origin, now());
  if (auto* e = std::get_if<Error>(&made)) return *e;
  start_new(std::get<NewWorkspace>(std::move(made)), origin, false);
  return std::nullopt;
}

std::optional<Error> open_demo() {
  if (auto e = kiosk_refusal()) return e;
  const bool first = std::none_of(g_state.workspaces.begin(), g_state.workspaces.end(), [](auto& w) { return w.demo; });
  const std::string origin = take(bw_js_random_origin());
  g_state.workspace = nullptr;  // the clock offset of an earlier demo no longer applies
  NewWorkspace made = create_demo_workspace(origin, now());
  // A reset is the Administrator's (Settings), and signs nobody in: whoever
  // replaces a demo chooses who they are, like everyone else (P4).
  if (!first) made.administrator.clear();
  start_new(std::move(made), origin, true);
  return std::nullopt;
}

std::optional<Error> open_backup(std::string_view text) {
  if (auto e = kiosk_refusal()) return e;
  auto back = decode_backup(text);
  if (auto* e = std::get_if<Error>(&back)) return *e;
  // A new workspace in this browser (its own storage), with the backup's records and ids.
  const std::string id = take(bw_js_random_origin());
  g_state.workspace = nullptr;
  start_new(NewWorkspace{std::get<Workspace>(std::move(back)), {}}, id, false);  // nobody signed in yet
  return std::nullopt;
}

std::optional<Error> open_generated(int clients) {
  if (auto e = kiosk_refusal()) return e;
  if (clients < 100 || clients > kMostGeneratedClients)
    return Error{"invalid_field", "Choose from 100 to " + std::to_string(kMostGeneratedClients) +
                                      " clients: larger boards are made with the bridgework tool (docs/generate.md)."};
  const std::string origin = take(bw_js_random_origin());
  g_state.workspace = nullptr;
  Generated made = generate_workspace(clients, 1, origin, now());
  if (made.refused) return Error{"refused", "The generated workspace could not be made: " + made.first_refusal};
  // Beside the browser's demo, not instead of it; nobody signed in (P4).
  start_new(NewWorkspace{std::move(made.workspace), {}}, origin, false, " (generated)");
  return std::nullopt;
}

void pick_backup() { bw_js_pick_backup(); }

void download(const std::string& name, const std::string& bytes, const char* mime) {
  bw_js_download(name.c_str(), bytes.data(), int(bytes.size()), mime);
}

void open_workspace(const std::string& id) {
  if (kiosk_refusal() && id != g_state.workspace_id) return;
  set_store(nullptr);
  g_handing_over = false;
  g_state.lock = {};
  g_state.workspace_id = id;
  g_state.loading = true;
  g_state.groups_read = g_state.groups_stored = 0;
  g_state.open_error.clear();
  bw_js_open_workspace(id.c_str());
}

void close_workspace() {
  if (kiosk_refusal()) return;
  set_store(nullptr);
  g_state.lock = {};
  g_state.workspace_id.clear();
  g_state.signed_in.clear();
  bw_js_close_workspace();
}

void use_here() { bw_js_use_here(); }

void reload_into_update() { bw_js_reload_into_update(); }

std::optional<Error> enable_lock(const std::string& passphrase, const std::string& repeated) {
  const Staff* me = g_state.workspace ? g_state.workspace->find_staff(g_state.signed_in) : nullptr;
  if (!me || !can_manage_people(*me)) return Error{"not_allowed", "Only an Administrator locks a workspace with a passphrase."};
  if (g_state.lock.sealed) return Error{"not_allowed", "This workspace is already locked with a passphrase."};
  if (!g_state.writer) return Error{"read_only", "Choose \"Use here\" first: another tab is saving this workspace."};
  if (passphrase.size() < 12) return Error{"invalid_field", "A passphrase has at least 12 characters: a few words are easy to remember."};
  if (passphrase != repeated) return Error{"invalid_field", "The two passphrases differ. Type the same one twice."};
  g_state.lock.busy = true;
  g_state.lock.message.clear();
  bw_js_enable_lock(passphrase.c_str());
  return std::nullopt;
}

void unlock(const std::string& passphrase) {
  if (!g_state.lock.waiting || g_state.lock.busy) return;
  g_state.lock.busy = true;
  g_state.lock.message.clear();
  bw_js_unlock(passphrase.c_str());
}

void lock_now() { bw_js_lock_now(); }

std::optional<Error> change_passphrase(const std::string& current, const std::string& next, const std::string& repeated) {
  const Staff* me = g_state.workspace ? g_state.workspace->find_staff(g_state.signed_in) : nullptr;
  if (!me || !can_manage_people(*me)) return Error{"not_allowed", "Only an Administrator changes the passphrase."};
  if (next.size() < 12) return Error{"invalid_field", "A passphrase has at least 12 characters."};
  if (next != repeated) return Error{"invalid_field", "The two new passphrases differ. Type the same one twice."};
  g_state.lock.busy = true;
  g_state.lock.message.clear();
  bw_js_change_passphrase(current.c_str(), next.c_str());
  return std::nullopt;
}

void open_locked_backup(const std::string& passphrase) {
  g_state.lock.message.clear();
  bw_js_open_locked_backup(passphrase.c_str());
}

void download_backup(const std::string& name, const std::string& text, bool plain) {
  bw_js_download_backup(name.c_str(), text.data(), static_cast<int>(text.size()), plain ? 1 : 0);
}

void export_stored(const std::string& id) { bw_js_export_stored(id.c_str()); }

void retry_save() {
  if (g_state.save == SaveState::Failed) pump_save();
}

void show_printable(const std::string& html) { bw_js_show_printable(html.c_str()); }

void show_email(const std::vector<Notification>& told) {
  if (!g_state.workspace || told.empty()) return;
  const ReadyEmail e = ready_email(*g_state.workspace, told);
  const json j = Fields()("to", e.to)("without_address", e.without_address)("subject", e.subject)("body", e.body)
      ("mailto", e.mailto);
  bw_js_show_email(j.dump().c_str());
}

std::optional<AddressRequest> take_address_request() {
  auto r = std::move(g_address_request);
  g_address_request.reset();
  return r;
}

void set_address(const std::string& address, bool replace) { bw_js_set_address(address.c_str(), replace); }

void announce(std::string_view message) {
  if (message == g_announced) return;
  g_announced = message;
  bw_js_announce(g_announced.c_str());
}

static float g_text_size = 0;  // read from the browser once, then kept here

float text_size() {
  if (g_text_size == 0) {
    const float size = std::strtof(take(bw_js_get_item(0, "bridgework.text_size")).c_str(), nullptr);
    g_text_size = size >= 12 && size <= 28 ? size : 17.0f;
  }
  return g_text_size;
}

static int g_high_contrast = -1;  // -1: not read from the browser yet

bool high_contrast() {
  if (g_high_contrast < 0) g_high_contrast = take(bw_js_get_item(0, "bridgework.high_contrast")) == "1";
  return g_high_contrast == 1;
}

void set_high_contrast(bool on) {
  g_high_contrast = on;
  bw_js_set_item(0, "bridgework.high_contrast", on ? "1" : "0");
}

void set_text_size(float points) {
  g_text_size = points;
  bw_js_set_item(0, "bridgework.text_size", std::to_string(points).c_str());
}

}  // namespace bw::host

// [SECTION] Called by web/page.js
using namespace bw;
using bw::host::g_state;
using bw::host::g_store;

namespace {
std::string g_reply;  // the last answer handed to JavaScript (copied at once)
const char* reply_text(std::string text) {
  g_reply = std::move(text);  // the last answer's memory goes with it, however long
  return g_reply.c_str();
}
const char* reply(const json& j) { return reply_text(j.dump()); }
// The workspace being opened is refused: nothing is open, the first page says why.
void load_failed(const std::string& why) {
  g_state.loading = false;
  g_state.open_error = why;
  bw::host::g_loading.reset();
}

// W4: a command or query arrives whole; past this size it is refused, not read.
std::optional<Error> too_large(const char* text, const char* what) {
  const std::size_t bytes = std::strlen(text);
  if (bytes <= bw::kMaxRequestBytes) return std::nullopt;
  return Error{"too_long", std::string("This ") + what + " is " + std::to_string(bytes) + " bytes of JSON; at most " +
                               std::to_string(bw::kMaxRequestBytes) + " are taken. Shorten its texts (each field's limit is in "
                               "docs/automation.md)."};
}
json error_json(const Error& e) {
  return Fields()("ok", false)("error", Fields()("code", e.code)("message", e.message));
}
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void bw_storage_problem(const char* message) {
  g_state.storage_problem = message;
}

// At start, the browser said it had deleted this site's stored data, found
// damaged (IndexedDB's dataLoss "total"): the first page says so, and how to go on.
EMSCRIPTEN_KEEPALIVE void bw_storage_lost(const char* why) {
  g_state.open_error = std::string("This browser found the data it kept for Bridgework damaged, and deleted it (") +
                       why + "). Restore your latest backup file below to carry on.";
}

EMSCRIPTEN_KEEPALIVE void bw_set_persisted(int persisted) { g_state.persisted = persisted != 0; }

EMSCRIPTEN_KEEPALIVE void bw_set_update_ready(int ready) { g_state.update_ready = ready != 0; }

// W6: the workspace being opened is locked: the first page asks for its passphrase.
EMSCRIPTEN_KEEPALIVE void bw_needs_passphrase(const char* id) {
  if (id != g_state.workspace_id) return;
  g_state.loading = false;
  g_state.lock.waiting = true;
  g_state.lock.busy = false;
}

// Unlocking, sealing or rewrapping is over: `ok`, whether the values are now sealed, and what to say.
EMSCRIPTEN_KEEPALIVE void bw_lock_changed(int ok, int sealed, const char* message) {
  g_state.lock.busy = false;
  g_state.lock.sealed = sealed != 0;
  g_state.lock.message = message;
  g_state.lock.message_ok = ok != 0;
  if (ok && g_store) g_state.lock.waiting = false;
  bw::host::pump_save();
}

EMSCRIPTEN_KEEPALIVE void bw_set_sealed(int sealed) {
  g_state.lock.sealed = sealed != 0;
  g_state.lock.waiting = false;
}

// "Lock now" or the inactivity limit: every change was saved; the key is gone.
EMSCRIPTEN_KEEPALIVE void bw_locked(const char* id) {
  if (id != g_state.workspace_id) return;
  bw::host::sign_out();
  bw::host::set_store(nullptr);
  g_state.lock = {};
  g_state.lock.waiting = true;
}

EMSCRIPTEN_KEEPALIVE void bw_unlock_failed(const char* message) {
  g_state.lock.busy = false;
  g_state.lock.message = message;
  g_state.lock.message_ok = false;
}

// M6: a job seeker who walked away from a kiosk is signed out after 5 minutes
// without input, so the next person does not find their session. 1 when it did.
EMSCRIPTEN_KEEPALIVE int bw_kiosk_idle(double seconds) {
  const Workspace* ws = g_state.workspace;
  if (!ws || !ws->meta.kiosk || !ws->find_client(g_state.signed_in) || seconds < 300) return 0;
  bw::host::sign_out();
  return 1;
}

EMSCRIPTEN_KEEPALIVE void bw_backup_needs_passphrase() {
  g_state.lock.backup_waiting = true;
  g_state.lock.message.clear();
}

EMSCRIPTEN_KEEPALIVE void bw_set_storage_estimate(double usage, double quota) {
  g_state.storage_usage = usage;
  g_state.storage_quota = quota;
}

EMSCRIPTEN_KEEPALIVE void bw_set_directory(const char* list) {
  json j = parse_json(list);
  g_state.workspaces.clear();
  if (!j.is_array()) return;
  for (auto& w : j)
    g_state.workspaces.push_back({w.value("id", ""), w.value("name", ""), w.value("demo", false)});
}

// Loading: meta first, then every bucket, then end. Each names the workspace
// it reads: a load of a workspace that is no longer the one being opened is
// ignored, so JavaScript and C++ never disagree on which one is open.
EMSCRIPTEN_KEEPALIVE int bw_load_begin(const char* id, const char* meta, int buckets) {
  if (id != g_state.workspace_id) return 0;
  auto m = decode_meta(meta);
  if (auto* e = std::get_if<Error>(&m)) {
    load_failed(e->message);
    return 0;
  }
  bw::host::g_loading = std::make_unique<Workspace>(std::get<Workspace>(std::move(m)));
  g_state.groups_read = 0;
  g_state.groups_stored = buckets;
  return 1;
}

EMSCRIPTEN_KEEPALIVE int bw_load_bucket(const char* id, const char* value) {
  if (!bw::host::g_loading || id != g_state.workspace_id) return 0;
  if (auto e = decode_bucket(*bw::host::g_loading, value)) {
    load_failed(e->message);
    return 0;
  }
  ++g_state.groups_read;
  return 1;
}

EMSCRIPTEN_KEEPALIVE void bw_load_end(const char* id, int writer) {
  if (!bw::host::g_loading || id != g_state.workspace_id) return;
  if (auto e = check_integrity(*bw::host::g_loading)) {
    load_failed(e->message);
    return;
  }
  g_state.writer = writer != 0;
  g_state.loading = false;
  bw::host::set_store(std::make_unique<WorkspaceStore>(std::move(*bw::host::g_loading), true));
  bw::host::g_loading.reset();
}

EMSCRIPTEN_KEEPALIVE void bw_load_failed(const char* id, const char* message) {
  if (id == g_state.workspace_id) load_failed(message);
}

// W1 hand-over, asked by another tab's "Use here": take no more changes, write
// what is left (bw_idle says when), then bw_handed_over once the lock is released.
EMSCRIPTEN_KEEPALIVE void bw_hand_over() {
  g_state.writer = false;
  bw::host::g_handing_over = true;
  bw::host::pump_save();
}

EMSCRIPTEN_KEEPALIVE void bw_handed_over() { bw::host::g_handing_over = false; }

EMSCRIPTEN_KEEPALIVE void bw_write_done(int ok, const char* reason) {
  if (!g_store) return;
  if (ok) {
    g_store->batch_committed();
    g_state.save = g_store->has_unsaved() ? bw::host::SaveState::Saving : bw::host::SaveState::Saved;
    g_state.save_error.clear();
    bw_js_saved(double(g_store->saved_change()));
    bw::host::pump_save();
  } else {
    g_store->batch_failed();
    g_state.save = bw::host::SaveState::Failed;
    g_state.save_error = reason;
    bw_js_save_failed(reason);
  }
}

// Starts writing whatever is unsaved (page hidden, or before a hand-over).
EMSCRIPTEN_KEEPALIVE void bw_flush() { bw::host::pump_save(); }

// Nothing unsaved and no write under way.
EMSCRIPTEN_KEEPALIVE int bw_idle() { return !g_store || (!g_store->writing() && !g_store->has_unsaved()); }

// Bytes of the wasm heap in use (handed out by malloc and not freed), for ui.heapInUse().
// mallinfo's fields are ints: read as unsigned, they count up to the 4 GB the heap may reach.
EMSCRIPTEN_KEEPALIVE double bw_heap_in_use() { return static_cast<double>(static_cast<unsigned>(mallinfo().uordblks)); }


// [SECTION] window.bridgework
EMSCRIPTEN_KEEPALIVE const char* bw_api_dispatch(const char* text) {
  if (auto e = too_large(text, "command")) return reply(error_json(*e));
  json j = parse_json(text);
  if (j.is_discarded()) return reply(error_json({"invalid_command", "The command is not valid JSON."}));
  auto parsed = command_from_json(j);
  if (auto* e = std::get_if<Error>(&parsed)) return reply(error_json(*e));
  Outcome o = bw::host::dispatch(std::get<Command>(parsed));
  if (!o.ok) return reply(error_json(o.error));
  return reply(Fields()("ok", true)("id", o.id)("change", g_store->last_change()));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_query(const char* name, const char* args_text) {
  if (!g_state.workspace) return reply(error_json({"no_workspace", "Open a workspace first."}));
  if (auto e = too_large(args_text, "query")) return reply(error_json(*e));
  if (auto e = too_large(name, "query name")) return reply(error_json(*e));
  json args = parse_json(args_text);
  if (args.is_discarded()) args = json::object();
  // A long list goes to the page in pieces as it is written (query_text).
  static const AnswerPiece piece = [](std::string_view s) { bw_js_answer_piece(s.data(), int(s.size())); };
  return reply_text(query_text(*g_state.workspace, name, args, g_state.signed_in, bw::host::now(), piece));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_catalogue() {
  return reply(Fields()("commands", command_catalogue())("queries", query_catalogue()));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_sign_in(const char* staff, const char* pin) {
  if (auto e = bw::host::sign_in(staff, pin)) return reply(error_json(*e));
  return reply(Fields()("ok", true)("id", g_state.signed_in));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_leave_kiosk(const char* administrator, const char* pin) {
  if (auto e = bw::host::leave_kiosk(administrator, pin)) return reply(error_json(*e));
  return reply(Fields()("ok", true)("id", g_state.signed_in));
}

EMSCRIPTEN_KEEPALIVE void bw_api_sign_out() { bw::host::sign_out(); }

EMSCRIPTEN_KEEPALIVE void bw_api_lock(const char* passphrase) {
  if (auto e = bw::host::enable_lock(passphrase, passphrase)) g_state.lock.message = e->message, g_state.lock.message_ok = false;
}

EMSCRIPTEN_KEEPALIVE void bw_api_unlock(const char* passphrase) { bw::host::unlock(passphrase); }

EMSCRIPTEN_KEEPALIVE const char* bw_printable_now() {
  g_reply = bw::ui::printable_now();
  return g_reply.c_str();
}

// The browser's address changed: a link or reload (from_link), or Back and Forward.
EMSCRIPTEN_KEEPALIVE void bw_go(const char* address, int from_link) {
  bw::host::g_address_request = bw::host::AddressRequest{address, from_link != 0};
}

EMSCRIPTEN_KEEPALIVE void bw_api_open_workspace(const char* id) { bw::host::open_workspace(id); }

EMSCRIPTEN_KEEPALIVE const char* bw_api_open_demo() {
  if (auto e = bw::host::open_demo()) return reply(error_json(*e));
  return reply(Fields()("ok", true)("id", g_state.workspace_id)("change", g_store->last_change()));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_open_generated(int clients) {
  if (auto e = bw::host::open_generated(clients)) return reply(error_json(*e));
  return reply(Fields()("ok", true)("id", g_state.workspace_id)("change", g_store->last_change()));
}

// How far the page has read a backup being restored (bytes); 0 of 0 once it is over.
EMSCRIPTEN_KEEPALIVE void bw_backup_progress(double read, double size) {
  g_state.backup_read = read;
  g_state.backup_size = size;
}

// A backup file refused before it reached the core (larger than memory, unreadable): said as a refused backup is.
EMSCRIPTEN_KEEPALIVE void bw_backup_refused(const char* message) { g_state.open_error = message; }

EMSCRIPTEN_KEEPALIVE const char* bw_api_open_backup(const char* text) {
  if (auto e = bw::host::open_backup(text)) {
    g_state.open_error = e->message;
    return reply(error_json(*e));
  }
  return reply(Fields()("ok", true)("id", g_state.workspace_id)("change", g_store->last_change()));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_create_workspace(const char* board, const char* admin, const char* email,
                                                         const char* passphrase) {
  if (auto e = bw::host::create_workspace(board, admin, email, passphrase)) return reply(error_json(*e));
  return reply(Fields()("ok", true)("id", g_state.workspace_id)("change", g_store->last_change()));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_state() {
  const char* save = g_state.save == bw::host::SaveState::Saved ? "saved"
                     : g_state.save == bw::host::SaveState::Saving ? "saving" : "failed";
  json saving = Fields()("state", save)("error", g_state.save_error)("change", g_store ? g_store->last_change() : 0)
      ("saved_change", g_store ? g_store->saved_change() : 0);
  json lock = Fields()("waiting", g_state.lock.waiting)("sealed", g_state.lock.sealed)("busy", g_state.lock.busy)
      ("message", g_state.lock.message);
  return reply(Fields()("workspace", g_state.workspace_id.empty() ? json(nullptr) : json(g_state.workspace_id))
      ("loading", g_state.loading)("writer", g_state.writer)
      ("signed_in", g_state.signed_in.empty() ? json(nullptr) : json(g_state.signed_in))("save", saving)
      ("open_error", g_state.open_error)("message", bw::host::g_announced)("storage_problem", g_state.storage_problem)
      ("update_ready", g_state.update_ready)("lock", lock)
      ("persisted", g_state.persisted ? json(*g_state.persisted) : json(nullptr))
      ("storage", Fields()("usage", g_state.storage_usage)("quota", g_state.storage_quota)));
}

EMSCRIPTEN_KEEPALIVE const char* bw_api_clock() {
  const LocalSeconds t = bw::host::now();
  return reply(Fields()("now", format_iso(t))("demo", g_state.workspace && g_state.workspace->meta.demo)
      ("offset_seconds", g_state.workspace ? g_state.workspace->meta.clock_offset : 0));
}

}  // extern "C"
