// Settings: organisations and staff (P1-P3, administrators), display, storage
// (W1), and the workspace itself (demo clock T4, demo reset W3).
#include <algorithm>

#include <cctype>
#include <cstdlib>

#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "business.hpp"
#include "client_format.hpp"
#include "imgui_stdlib.h"
#include "screens.hpp"
#include "storage.hpp"

namespace bw::ui {
namespace {

template <class E, size_t N, class Label>
void enum_combo(const char* label, E& value, const std::array<E, N>& all, Label label_of, float width = 320) {
  if (begin_combo(label, std::string(label_of(value)), width)) {
    for (E e : all)
      if (ImGui::Selectable(std::string(label_of(e)).c_str(), e == value)) value = e;
    ImGui::EndCombo();
  }
}

void draw_organisations(const Workspace& ws, const Staff& me) {
  struct Kept {
    std::string name, error;
    OrganisationKind kind = OrganisationKind::OneStopProvider;
  };
  auto& [name, error, kind] = for_this_person<Kept>();
  if (begin_table("organisations", 3, kListTable)) {
    ImGui::TableSetupColumn("Organisation", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Active staff", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, px(110));
    headers_row();
    std::vector<const Organisation*> rows;  // a handful: made and sorted each frame
    for (auto& entry : ws.organisations) rows.push_back(&entry.second);
    bool fresh = true;
    sort_rows(rows, fresh, [](int column, const Organisation* a, const Organisation* b) {
      return column == 1 ? kind_label(a->kind) < kind_label(b->kind) : a->name < b->name;
    });
    for (const Organisation* row : rows) {
      const RecordId& id = row->id;
      const Organisation& o = *row;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(o.name.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(kind_label(o.kind).data());
      ImGui::TableSetColumnIndex(2);
      const auto active = std::count_if(ws.staff.begin(), ws.staff.end(),
                                        [&](auto& kv) { return kv.second.organisation == id && kv.second.active; });
      ImGui::Text("%d", int(active));
    }
    ImGui::EndTable();
  }
  if (!can_manage_people(me)) return;
  subheading("Add an organisation");
  muted("An organisation that is both a provider and a training provider is entered twice, once as each (C5).");
  text_field("Organisation name", name);
  enum_combo("Kind", kind, kOrganisationKinds, kind_label);
  if (submit_button("Add organisation")) {
    Outcome o = host::dispatch(AddOrganisation{name, kind});
    error = o.ok ? "" : o.error.message;
    if (o.ok) name.clear();
  }
  error_text(error);
}

void draw_staff(const Workspace& ws, const Staff& me) {
  struct Kept {
    std::string name, email, pin, error, reason, filter;
    RecordId organisation, selected;
    Role role = Role::EmploymentReadinessSpecialist;
  };
  auto& [name, email, pin, error, reason, filter, organisation, selected, role] = for_this_person<Kept>();
  ImGui::SetNextItemWidth(px(260));
  ImGui::InputTextWithHint("##filter", "Filter by name or role", &filter);
  std::vector<const Staff*> rows;
  for (auto& [id, s] : ws.staff) {
    const std::string hay = s.name + " " + std::string(role_label(s.role));
    if (filter.empty() || hay.find(filter) != std::string::npos) rows.push_back(&s);
  }
  sort_list(rows, [](auto* a, auto* b) {
    return a->active != b->active ? a->active : a->name < b->name;
  });
  rows_shown(rows.size(), ws.staff.size(), "staff");
  if (rows.empty()) {
    if (no_matches()) filter.clear();
  } else if (begin_table("staff", 4, kListTable | ImGuiTableFlags_ScrollY, ImVec2{0, px(300)})) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Organisation", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Licence", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    headers_row();
    bool fresh = true;  // a few dozen people: made and sorted each frame
    sort_rows(rows, fresh, [&](int column, const Staff* a, const Staff* b) {
      switch (column) {
        case 1: return role_label(a->role) < role_label(b->role);
        case 2: return organisation_name(ws, a->organisation) < organisation_name(ws, b->organisation);
        case 3: return a->active > b->active;
        default: return a->name < b->name;
      }
    });
    for (const Staff* s : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(s->id.c_str());
      if (ImGui::Selectable(s->name.c_str(), selected == s->id, ImGuiSelectableFlags_SpanAllColumns)) {
        selected = s->id;
        reason.clear();
        error.clear();
      }
      ImGui::PopID();
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(role_label(s->role).data());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(organisation_name(ws, s->organisation).c_str());
      ImGui::TableSetColumnIndex(3);
      if (s->active) ImGui::TextColored(colour::kGood, "Active");
      else ImGui::TextColored(colour::kError, "Deactivated: %s", s->deactivation_reason.c_str());
    }
    ImGui::EndTable();
  }
  if (!can_manage_people(me)) return;

  if (const Staff* s = ws.find_staff(selected)) {
    subheading(s->name);
    if (s->active) {
      text_field("Reason for deactivation", reason, 320, "e.g. left the agency");
      ImGui::SameLine();
      if (confirm_button("Deactivate", s->name + " can no longer sign in or act, and is never chosen for new work; "
                                       "their clients, jobs and issues wait for a Manager to reassign them (P3).",
                         "Yes, deactivate")) {
        Outcome o = host::dispatch(DeactivateStaff{s->id, reason});
        error = o.ok ? "" : o.error.message;
      }
    } else if (ImGui::Button("Reactivate")) {
      Outcome o = host::dispatch(ReactivateStaff{s->id});
      error = o.ok ? "" : o.error.message;
    }
  }

  subheading("License a staff member");
  text_field("Full name", name);
  text_field("Work email", email);
  if (begin_combo("Organisation", organisation.empty() ? "Choose..." : organisation_name(ws, organisation))) {
    for (auto& [id, o] : ws.organisations)
      if (ImGui::Selectable(o.name.c_str(), id == organisation)) organisation = id;
    ImGui::EndCombo();
  }
  enum_combo("Role", role, kRoles, role_label);
  ImGui::SetNextItemWidth(px(140));
  ImGui::InputText("Sign-in PIN (optional)", &pin, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
  if (submit_button("License staff member")) {
    Outcome o = host::dispatch(AddStaff{name, email, organisation, role, pin});
    error = o.ok ? "" : o.error.message;
    if (o.ok) name.clear(), email.clear(), pin.clear();
  }
  error_text(error);
}

// T2: the closed days of a year, shown; the board's closures edited here.
void draw_holidays(const Workspace& ws, const Staff& me) {
  struct Kept {
    int year = 0;
    std::string date, name, error;
  };
  auto& [year, date, name, error] = for_this_person<Kept>();
  if (year == 0) year = int(date_of(host::now()).year());
  if (ImGui::ArrowButton("##previous_year", ImGuiDir_Left)) --year;
  ImGui::SameLine();
  ImGui::PushFont(fonts().bold);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%d", year);
  ImGui::PopFont();
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next_year", ImGuiDir_Right)) ++year;
  ImGui::SameLine();
  muted("Offices are closed on these days: deadlines in business days skip them (T1-T3).");
  if (begin_table("holidays", 4, kListTable)) {
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, px(170));
    ImGui::TableSetupColumn("Holiday or closure", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Set by", ImGuiTableColumnFlags_WidthFixed, px(150));
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, px(100));
    headers_row();
    std::vector<Holiday> days = ws.calendar.holidays(year);  // a year's: a dozen or so
    bool fresh = true;
    sort_rows(days, fresh, [](int column, const Holiday& a, const Holiday& b) {
      if (column == 1) return a.name < b.name;
      if (column == 2) return a.board_closure < b.board_closure;
      return a.date < b.date;
    });
    for (const Holiday& h : days) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(display_weekday_date(h.date).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(h.name.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(h.board_closure ? "Board closure" : "Federal");
      ImGui::TableSetColumnIndex(3);
      if (h.board_closure && can_manage_people(me)) {
        ImGui::PushID(format_iso_date(h.date).c_str());
        if (ImGui::SmallButton("Remove")) {
          Outcome o = host::dispatch(RemoveClosure{format_iso_date(h.date)});
          error = o.ok ? "" : o.error.message;
        }
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  if (!can_manage_people(me)) return;
  subheading("Add a closure");
  muted("A state holiday, the day after Thanksgiving, a training day: any weekday the offices are closed.");
  date_field("Closure date", date, 160);
  text_field("Closure name", name, 320, "e.g. Day after Thanksgiving");
  if (submit_button("Add closure")) {
    Outcome o = host::dispatch(AddClosure{date, name});
    error = o.ok ? "" : o.error.message;
    if (o.ok) date.clear(), name.clear();
  }
  error_text(error);
}

void draw_display() {
  float size = host::text_size();
  ImGui::SetNextItemWidth(px(320));
  if (ImGui::SliderFloat("Text size", &size, 12, 28, "%.0f px")) host::set_text_size(float(int(size + 0.5f)));
  bool contrast = host::high_contrast();
  if (ImGui::Checkbox("High contrast", &contrast)) host::set_high_contrast(contrast);
  muted("Black on white with every edge drawn. Kept in this browser.");
  muted("Kept in this browser. Keyboard: Tab moves between fields, arrows move in lists, Enter or Space activates, Escape closes a dialog.");
}

void draw_storage() {
  const host::State& st = host::state();
  if (!st.storage_problem.empty()) error_text(st.storage_problem);
  ImGui::PushTextWrapPos(px(820));
  ImGui::TextUnformatted("This workspace is kept in this browser's storage (IndexedDB) on this computer. "
                         "A change shows \"Saved\" in the status bar once the browser has written it.");
  ImGui::Spacing();
  if (!st.persisted.has_value()) {
    ImGui::TextUnformatted("Asking the browser to keep this site's data...");
  } else if (*st.persisted) {
    ImGui::TextColored(colour::kGood, "Persistent storage granted: the browser will not clear this data to free space.");
  } else {
    ImGui::TextColored(colour::kWarning, "Persistent storage not granted.");
    ImGui::TextUnformatted("The browser may clear this site's data when the computer runs low on disk space, or "
                           "after a long time unused. Keep regular backups, or install the site as an app / bookmark "
                           "it, which makes browsers more willing to grant persistent storage.");
  }
  if (st.storage_quota > 0)
    ImGui::Text("This site uses %.1f MB of the %.0f MB the browser allows it.", st.storage_usage / 1e6, st.storage_quota / 1e6);
  if (const std::string risk = storage_risk(); !risk.empty()) warning_text(risk);
  ImGui::Spacing();
  ImGui::TextUnformatted("Only one tab at a time can change a workspace; other tabs show it read-only and follow its saved changes.");
  ImGui::PopTextWrapPos();
}

// W6: the passphrase lock (Administrators).
void draw_passphrase_lock(const Workspace& ws) {
  struct Kept {
    std::string passphrase, repeated, current, error;
    int minutes = -1;
  };
  Kept& k = for_this_person<Kept>();
  const host::State::Lock& lock = host::state().lock;
  subheading("Passphrase lock (W6)");
  // Half the width on a narrow window, so the labels beside the fields show.
  const auto field_width = [] { ImGui::SetNextItemWidth(std::min(px(320), ImGui::GetContentRegionAvail().x * 0.5f)); };
  if (!lock.sealed) {
    ImGui::PushTextWrapPos(px(820));
    ImGui::TextUnformatted("Encrypts everything this browser stores of the workspace (AES-GCM 256). Opening it then "
                           "asks for the passphrase, and it locks itself after a time without use. Without the "
                           "passphrase the data cannot be read by anyone: keep it where your agency keeps its keys.");
    ImGui::PopTextWrapPos();
    field_width();
    ImGui::InputText("Passphrase (12 characters or more)", &k.passphrase, ImGuiInputTextFlags_Password);
    field_width();
    ImGui::InputText("The passphrase again", &k.repeated, ImGuiInputTextFlags_Password);
    if (lock.busy) muted("Encrypting every stored value...");
    else if (primary_button("Lock with this passphrase")) {
      auto e = host::enable_lock(k.passphrase, k.repeated);
      k.error = e ? e->message : "";
      if (!e) k.passphrase.clear(), k.repeated.clear();
    }
  } else {
    good_text("Locked with a passphrase: every stored value is encrypted.");
    // Chromium's storage keeps overwritten values in its files until it compacts
    // them, and a page cannot make it: only clearing the site's data removes them.
    warning_text("Records saved before the lock can stay readable in this browser's own files until the browser tidies "
          "them. To leave none on this computer: download the encrypted backup, clear this site's data in the "
          "browser's settings, then open the backup here with the passphrase.");
    if (ImGui::Button("Lock now")) host::lock_now();
    if (k.minutes < 0) k.minutes = ws.meta.lock_after_minutes;
    ImGui::SetNextItemWidth(px(140));
    ImGui::InputInt("minutes without use before it locks (0: only \"Lock now\")", &k.minutes);
    ImGui::SameLine();
    if (ImGui::Button("Set")) {
      Outcome o = host::dispatch(SetLockAfter{k.minutes});
      k.error = o.ok ? "" : o.error.message;
    }
    field_width();
    ImGui::InputText("Current passphrase", &k.current, ImGuiInputTextFlags_Password);
    field_width();
    ImGui::InputText("New passphrase", &k.passphrase, ImGuiInputTextFlags_Password);
    field_width();
    ImGui::InputText("The new passphrase again", &k.repeated, ImGuiInputTextFlags_Password);
    if (!lock.busy && ImGui::Button("Change the passphrase")) {
      auto e = host::change_passphrase(k.current, k.passphrase, k.repeated);
      k.error = e ? e->message : "";
      k.current.clear(), k.passphrase.clear(), k.repeated.clear();
    }
    if (confirm_button("Download a plain backup",
                       "This backup is not encrypted: anyone who gets the file reads every client's record. "
                       "The download is in the audit.",
                       "Download it unencrypted"))
      k.error = download_backup(ws, true);
  }
  if (!k.error.empty()) error_text(k.error);
  else if (!lock.message.empty()) lock.message_ok ? good_text(lock.message) : error_text(lock.message);
}

// P4, M6: who signs in here and how (Administrators).
void draw_sign_in_rules(const Workspace& ws, const Staff& me) {
  struct Kept {
    std::string error;
  };
  auto& [error] = for_this_person<Kept>();
  subheading("Sign-in");
  bool required = ws.meta.require_pins;
  if (ImGui::Checkbox("Require a PIN for every staff member", &required)) {
    Outcome o = host::dispatch(RequireStaffPins{required});
    error = o.ok ? "" : o.error.message;
  }
  muted("Staff without a PIN then cannot sign in until an Administrator sets one (Settings > Staff). "
        "Wrong PINs are counted: after 3 in a row each try waits longer, and 10 lock the person's sign-in for "
        "15 minutes. Every wrong PIN is in the audit.");
  ImGui::Spacing();
  ImGui::TextUnformatted("Kiosk mode: this computer signs in job seekers only, to the job board.");
  muted("Staff cannot sign in or open another workspace here until an Administrator leaves kiosk mode with their PIN.");
  if (confirm_button("Turn kiosk mode on",
                     "You are signed out, and this computer shows only the job board's sign-in. To sign in as staff "
                     "again, an Administrator chooses \"Leave kiosk mode\" and types their PIN.",
                     "Turn kiosk mode on")) {
    Outcome o = host::dispatch(SetKioskMode{true});
    error = o.ok ? "" : o.error.message;
    if (o.ok) host::sign_out();
  }
  if (me.pin_hash.empty()) warning_text("Set your own PIN first (Staff tab): it is how kiosk mode is left.");
  error_text(error);
}

void draw_workspace(const Workspace& ws, const Staff& me) {
  struct Kept {
    std::string at, error, backup_error, generate_error;
    int generate_clients = host::kMostGeneratedClients;
  };
  Kept& kept = for_this_person<Kept>();
  std::string &at = kept.at, &error = kept.error;  // named references: a lambda below uses them
  if (ImGui::BeginTable("ws", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(170));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, px(560));
    detail("Workspace", ws.meta.name + (ws.meta.demo ? " (demo, fictional)" : ""));
    detail("Created", display_datetime(ws.meta.created_at));
    detail("Records", std::to_string(ws.organisations.size()) + " organisations, " + std::to_string(ws.staff.size()) +
                          " staff, " + std::to_string(ws.clients.size()) + " clients");
    detail("Clock", display_datetime(host::now()));
    ImGui::EndTable();
  }
  const bool admin = can_manage_people(me);
  if (ws.meta.demo && admin) {  // a demo's clock and reset are its Administrator's
    subheading("Demo clock (T4)");
    muted("Move the clock forward to show deadlines lapsing. Everything in the workspace reads this clock.");
    const LocalSeconds now = host::now();
    auto move = [&](LocalSeconds seconds) {
      Outcome o = host::dispatch(SetDemoClock{format_iso(now + seconds)});
      error = o.ok ? "" : o.error.message;
    };
    if (ImGui::Button("+1 hour")) move(3600);
    ImGui::SameLine();
    if (ImGui::Button("+1 day")) move(86400);
    ImGui::SameLine();
    if (ImGui::Button("+1 week")) move(7 * 86400);
    text_field("Set the clock to", at, 200, "YYYY-MM-DDTHH:MM");
    ImGui::SameLine();
    if (submit_button("Set clock")) {
      Outcome o = host::dispatch(SetDemoClock{at});
      error = o.ok ? "" : o.error.message;
    }
    error_text(error);
    subheading("Reset");
    muted("Starts a fresh demo workspace dated from today; this one is discarded, and everyone chooses who they are again.");
    if (confirm_button("Reset the demo", "The changes made in this demo are lost; a fresh one opens at \"Who are you?\".",
                       "Start a fresh demo"))
      host::open_demo();
    subheading("A large board");
    muted("Opens a new fictional workspace beside this demo, with two years of a board's work for as many clients: "
          "about 130 records a client (contacts, services, matches, the audit). It takes a few seconds a thousand "
          "clients. This demo stays in the list of workspaces.");
    static_assert(host::kMostGeneratedClients == 1000, "the largest size offered below");
    for (auto [size, label] : {std::pair{250, "250 clients"}, {500, "500 clients"}, {1000, "1,000 clients"}}) {
      ImGui::RadioButton(label, &kept.generate_clients, size);
      ImGui::SameLine();
    }
    if (confirm_button("Generate a large workspace",
                       "A new workspace of " + std::to_string(kept.generate_clients) +
                           " fictional clients opens at \"Who are you?\". The page is busy while it is made.",
                       "Generate it"))
      if (auto e = host::open_generated(kept.generate_clients)) kept.generate_error = e->message;
    error_text(kept.generate_error);
  }
  if (admin) {  // C5: the whole workspace leaves only with an Administrator, in the audit (P4)
    subheading("Backup");
    muted("The whole workspace in one file, to keep somewhere safe, to open in another browser (\"Restore a backup\" "
          "on the first page), or to hand to the board for its consolidated ESE report (the bridgework tool). "
          "Each download is in the audit.");
    if (ws.meta.last_backup_at)
      muted("Last backup: " + display_datetime(ws.meta.last_backup_at) + ".");
    if (ImGui::Button(host::state().lock.sealed ? "Download an encrypted backup" : "Download a backup"))
      kept.backup_error = download_backup(ws, false);
    error_text(kept.backup_error);
    draw_passphrase_lock(ws);
    draw_sign_in_rules(ws, me);
  }
  subheading("Other workspaces");
  if (ImGui::Button("Choose another workspace")) host::close_workspace();
}

}  // namespace

std::string download_backup(const Workspace& ws, bool plain) {
  const bool encrypted = host::state().lock.sealed && !plain;  // W6: a locked workspace's backup is sealed too
  Outcome o = host::dispatch(RecordBackup{encrypted});
  if (!o.ok) return o.error.message;
  std::string name = encrypted ? "bridgework-locked-backup-" : "bridgework-backup-";
  for (char c : ws.meta.name) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  name += "-" + format_iso_date(date_of(host::now())) + ".json";
  host::download_backup(name, encode_backup(ws, host::now()), plain);
  return "";
}

std::string storage_risk() {
  const host::State& st = host::state();
  auto mb = [](double bytes) { return std::to_string(static_cast<long long>(bytes / 1e6 + 0.5)) + " MB"; };
  if (st.storage_quota > 0 && st.storage_quota < 120e6)
    return "This looks like a private window, or the browser gives this site very little room (" + mb(st.storage_quota) +
           "): what is kept here may be deleted when the window closes. Use a normal window for real work.";
  if (st.storage_quota > 0 && st.storage_usage > 0.8 * st.storage_quota)
    return "This site's storage is nearly full (" + mb(st.storage_usage) + " of " + mb(st.storage_quota) +
           "): the browser may refuse changes or clear the data. Free disk space, and download a backup.";
  if (st.persisted.has_value() && !*st.persisted)
    return "This browser has not agreed to keep this site's data: it may clear it when the disk runs low, and "
           "Safari clears sites not visited for 7 days. Download backups regularly (Settings > Workspace).";
  return "";
}

// B4, J4, R1: focus sectors, subsidised programs and local service types.
void draw_business(const Workspace& ws, const Staff& me) {
  struct Kept {
    std::string error, program, type;
    RecordId org;
    ServiceCategory category = ServiceCategory::EmployerInformation;
  };
  auto& [error, program, type, org, category] = for_this_person<Kept>();
  const bool admin = can_manage_people(me);
  subheading("The state's establishments (R2)");
  muted("The base of the employer penetration rate in the quarterly ESE report: the number of establishments in the "
        "state, from the state's labor market information. Now: " +
        (ws.meta.state_establishments ? std::to_string(ws.meta.state_establishments) : std::string("not entered")) + ".");
  if (admin) {
    struct Kept {
      std::string count;
    };
    auto& [count] = for_this_person<Kept>();
    text_field("Establishments in the state", count, 160, "e.g. 412000");
    ImGui::SameLine();
    if (submit_button("Save total")) {
      const auto n = whole_number(count);
      Outcome o = !n ? Outcome::refuse("invalid_field", "Enter the number of establishments in the state, e.g. 412000.")
                     : host::dispatch(SetStateEstablishments{*n});
      error = o.ok ? "" : o.error.message;
      if (o.ok) count.clear();
    }
  }
  subheading("Focus sectors (B4)");
  muted("Businesses in these sectors are routed to the board's business team; others are served by the center.");
  int n = 0;
  for (const std::string& s : all_sectors()) {
    const auto& focus = ws.meta.focus_sectors;
    bool on = std::find(focus.begin(), focus.end(), s) != focus.end();
    if (n++ % 3) ImGui::SameLine(px(20) + (n - 1) % 3 * px(330));
    ImGui::BeginDisabled(!admin);
    if (ImGui::Checkbox(s.c_str(), &on)) {
      std::vector<std::string> next;
      for (const std::string& x : all_sectors())
        if (x == s ? on : std::find(focus.begin(), focus.end(), x) != focus.end()) next.push_back(x);
      Outcome o = host::dispatch(SetFocusSectors{next});
      error = o.ok ? "" : o.error.message;
    }
    ImGui::EndDisabled();
  }
  subheading("Subsidised programs (J4)");
  muted("A subsidised job is seen only by WIOA clients, and the program's organisation owns it.");
  for (const SubsidisedProgram& p : ws.meta.subsidised_programs) {
    ImGui::PushID(p.name.c_str());
    ImGui::BulletText("%s: jobs owned by %s", p.name.c_str(), organisation_name(ws, p.priority_organisation).c_str());
    if (admin) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) host::dispatch(RemoveSubsidisedProgram{p.name});
    }
    ImGui::PopID();
  }
  if (admin) {
    text_field("Program", program, 260, "e.g. On-the-Job Training");
    ImGui::SameLine();
    if (begin_combo("Owned by", org.empty() ? "Choose..." : organisation_name(ws, org), 280)) {
      for (auto& [id, o] : ws.organisations)
        if (ImGui::Selectable(o.name.c_str(), id == org)) org = id;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (submit_button("Save program")) {
      Outcome o = host::dispatch(SetSubsidisedProgram{program, org});
      error = o.ok ? "" : o.error.message;
      if (o.ok) program.clear();
    }
  }
  subheading("Service types (R1)");
  muted("Each local service type counts in one of the eight federal categories of the quarterly report.");
  for (const LocalServiceType& t : ws.meta.local_service_types) {
    ImGui::PushID(t.name.c_str());
    ImGui::BulletText("%s  ->  %s", t.name.c_str(), category_label(t.category).data());
    if (admin) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) host::dispatch(RemoveLocalServiceType{t.name});
    }
    ImGui::PopID();
  }
  if (admin) {
    text_field("Service type", type, 260);
    ImGui::SameLine();
    if (begin_combo("Federal category", std::string(category_label(category)), 380)) {
      for (ServiceCategory c : kServiceCategories)
        if (ImGui::Selectable(category_label(c).data(), c == category)) category = c;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (submit_button("Save service type")) {
      Outcome o = host::dispatch(SetLocalServiceType{type, category});
      error = o.ok ? "" : o.error.message;
      if (o.ok) type.clear();
    }
  }
  error_text(error);
}

void draw_settings(const Workspace& ws, const Staff& me) {
  heading("Settings");
  if (me.role == Role::TrainingProviderStaff) {  // C5: their own display, nothing of the workspace
    draw_display();
    return;
  }
  if (begin_tab_bar("settings")) {
    if (begin_tab("Organisations")) { draw_organisations(ws, me); ImGui::EndTabItem(); }
    if (begin_tab("Staff")) { draw_staff(ws, me); ImGui::EndTabItem(); }
    if (begin_tab("Holidays")) { draw_holidays(ws, me); ImGui::EndTabItem(); }
    if (begin_tab("Business services")) { draw_business(ws, me); ImGui::EndTabItem(); }
    if (begin_tab("Display")) { draw_display(); ImGui::EndTabItem(); }
    if (begin_tab("Storage")) { draw_storage(); ImGui::EndTabItem(); }
    if (begin_tab("Workspace")) { draw_workspace(ws, me); ImGui::EndTabItem(); }
    ImGui::EndTabBar();
  }
}

}  // namespace bw::ui
