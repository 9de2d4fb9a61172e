// What the UI asks of the platform it runs on: the open workspace, who is
// signed in, whether changes are saved, and the actions that are not workspace
// commands (opening workspaces, signing in). Implemented once, in
// src/platform/host.cpp; the UI reads state and emits commands through here.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace bw::host {

enum class SaveState { Saved, Saving, Failed };

struct WorkspaceEntry {  // one workspace kept in this browser
  std::string id, name;
  bool demo = false;
};

struct State {
  const Workspace* workspace = nullptr;  // null until one is open
  std::string workspace_id;
  RecordId signed_in;                    // a staff member, a job seeker (M6), or empty = nobody
  std::vector<RecordId> last_told;       // K2: notifications the last change sent to others
  SaveState save = SaveState::Saved;
  std::string save_error;                // why the last save failed, in words
  bool writer = true;                    // false: another tab holds the workspace (W1)
  bool loading = false;
  int groups_read = 0, groups_stored = 0;  // while loading: stored groups of records (buckets) read, of all
  double backup_read = 0, backup_size = 0;  // while a backup is restored: its bytes read, of all (0: none)
  std::string open_error;                // why the workspace could not be opened
  std::string storage_problem;           // IndexedDB missing or refused, in words
  std::optional<bool> persisted;         // navigator.storage.persist() answer
  double storage_usage = 0, storage_quota = 0;  // navigator.storage.estimate(), bytes; 0 = not known
  bool update_ready = false;             // W7: a new build is installed and waits
  struct Lock {                          // W6: the passphrase lock
    bool waiting = false;         // the workspace named by workspace_id waits for its passphrase
    bool sealed = false;          // the open workspace's stored values are encrypted
    bool busy = false;            // unlocking, sealing or rewrapping: saving waits
    bool backup_waiting = false;  // a picked backup is encrypted and waits for its passphrase
    std::string message;          // the last outcome, in words
    bool message_ok = false;
  } lock;
  std::vector<WorkspaceEntry> workspaces;
};

const State& state();
LocalSeconds now();  // T4: the one clock (demo offset included)

Outcome dispatch(const Command& cmd);
// A staff member's id, or a job seeker's email address or client id (M6).
// Refused for staff in kiosk mode and from a job seeker's session; PINs are throttled.
std::optional<Error> sign_in(const std::string& who, const std::string& pin);
// M6: an Administrator's PIN turns kiosk mode off and signs them in.
std::optional<Error> leave_kiosk(const std::string& administrator, const std::string& pin);
void sign_out();
// W6: with a passphrase (12 characters or more) nothing of it is ever stored unencrypted.
std::optional<Error> create_workspace(const std::string& board, const std::string& admin,
                                      const std::string& email, const std::string& passphrase = "");
// W3: a fresh demo workspace (replaces an earlier demo, then signs nobody in).
// This and the other ways to another workspace are refused in kiosk mode.
std::optional<Error> open_demo();
void open_workspace(const std::string& id);
// A backup file (storage.md) opened as a new workspace in this browser.
std::optional<Error> open_backup(std::string_view text);
// A large fictional workspace (generate.hpp) opened beside the demo, nobody signed in.
inline constexpr int kMostGeneratedClients = 1000;
std::optional<Error> open_generated(int clients);
void pick_backup();  // asks for the file, then opens it (errors in open_error)
// Hands a file to the browser to save (R2 exports, backups).
void download(const std::string& name, const std::string& bytes, const char* mime);
void close_workspace(); // back to the workspace chooser
void use_here();        // take over writing from another tab
void reload_into_update();  // W7: once every change is saved, the page reloads into the new build
// W6: the passphrase lock (web/storage.js seals every stored value).
std::optional<Error> enable_lock(const std::string& passphrase, const std::string& repeated);
void unlock(const std::string& passphrase);
void lock_now();
std::optional<Error> change_passphrase(const std::string& current, const std::string& next, const std::string& repeated);
void open_locked_backup(const std::string& passphrase);
// A backup file: sealed with the workspace's lock when it has one, unless `plain`.
void download_backup(const std::string& name, const std::string& text, bool plain);
void retry_save();      // after "Save failed", try the write again
// A workspace that cannot be opened: its stored values, as they are, in a file
// to keep or to hand to whoever repairs it (storage.md, "Stored values file").
void export_stored(const std::string& id);

// A document to print or save as PDF (HTML made by the core: an N5 letter,
// a client's file, a job order ...), shown over the app.
void show_printable(const std::string& html);
// K2: a ready email about these notifications over the app, to open in the
// person's email app or copy: there is no server to send it.
void show_email(const std::vector<Notification>& told);

// A message the screen shows a person (an error in a form): passed on to
// assistive technology and to window.bridgework.state().message.
void announce(std::string_view message);

// Addresses (src/ui/address.hpp). One the browser asks to go to: from a link
// or a reload (`from_link`), or from Back and Forward.
struct AddressRequest {
  std::string address;
  bool from_link = false;
};
std::optional<AddressRequest> take_address_request();
// Puts the app's address in the browser's: a new history entry, or in place of the current one.
void set_address(const std::string& address, bool replace);

// Display preferences kept per browser.
float text_size();
void set_text_size(float points);
bool high_contrast();
void set_high_contrast(bool on);

}  // namespace bw::host
