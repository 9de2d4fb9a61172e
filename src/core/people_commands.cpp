// Organisations, staff and the calendar (P1-P4, T2, T4): each command's handler next to the rules it applies, and its
// row in the command table (commands.cpp reads the rows).
#include <algorithm>

#include "access.hpp"
#include "command_rows.hpp"
#include "pin.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct People : Change {
  std::optional<Outcome> check_staff_fields(const std::string& name, Role role, const RecordId& organisation) const {
    if (name.empty()) return refuse("missing_field", "The staff member needs a name.");
    const Organisation* org = ws.find_organisation(organisation);
    if (!org) return refuse("not_found", "Choose the organisation they work for.");
    if (auto why = role_refusal(role, org->kind)) return refuse("not_allowed", *why);
    return std::nullopt;
  }

  Outcome operator()(const AddOrganisation& c) {
    if (auto r = need_people_manager()) return *r;
    if (c.name.empty()) return refuse("missing_field", "The organisation needs a name.");
    for (auto& [id, o] : ws.organisations)
      if (o.name == c.name) return refuse("duplicate", "There is already an organisation \"" + c.name + "\".");
    if (c.kind == OrganisationKind::Board)
      for (auto& [id, o] : ws.organisations)
        if (o.kind == OrganisationKind::Board)
          return refuse("duplicate", "The workspace already has its board, " + o.name + ".");
    Organisation o{ws.new_id(), c.name, c.kind, {}};
    stamp(o.revision);
    const RecordId id = o.id;
    ws.organisations.emplace(id, std::move(o));
    return done(id, "Added " + std::string(kind_label(c.kind)) + " " + c.name);
  }

  Outcome operator()(const RenameOrganisation& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.organisations.find(c.organisation);
    if (it == ws.organisations.end()) return refuse("not_found", "No such organisation.");
    if (c.name.empty()) return refuse("missing_field", "The organisation needs a name.");
    const std::string old = it->second.name;
    it->second.name = c.name;
    stamp(it->second.revision);
    return done(c.organisation, "Renamed " + old + " to " + c.name);
  }

  Outcome operator()(const AddStaff& c) {
    if (auto r = need_people_manager()) return *r;
    if (auto r = check_staff_fields(c.name, c.role, c.organisation)) return *r;
    if (auto why = pin_problem(c.pin)) return refuse("invalid_field", *why);
    if (c.pin.empty() && ws.meta.require_pins)
      return refuse("missing_field", "This workspace requires a PIN for every staff member (P4): give " + c.name + " one.");
    Staff s;
    s.id = ws.new_id();
    s.name = c.name;
    s.email = c.email;
    s.organisation = c.organisation;
    s.role = c.role;
    if (!c.pin.empty()) s.pin_hash = pin_hash(s.id + "@" + format_iso(ctx.now), c.pin);
    stamp(s.revision);
    const RecordId id = s.id;
    ws.staff.emplace(id, std::move(s));
    return done(id, "Licensed " + c.name + " as " + std::string(role_label(c.role)));
  }

  Outcome operator()(const UpdateStaff& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    Staff& s = it->second;
    if (auto r = check_staff_fields(c.name, c.role, s.organisation)) return *r;
    if (c.role != s.role) {
      // C2: a primary contact keeps the role that made them eligible.
      const auto caseload = std::count_if(ws.clients.begin(), ws.clients.end(),
                                          [&](auto& kv) { return kv.second.primary_contact == s.id; });
      if (caseload > 0)
        return refuse("not_allowed", s.name + " is the primary contact of " + std::to_string(caseload) +
                                         " clients: their role stays " + std::string(role_label(s.role)) +
                                         " until those clients are transferred (C2).");
    }
    s.name = c.name;
    s.email = c.email;
    s.role = c.role;
    stamp(s.revision);
    return done(s.id, "Updated " + s.name + " (" + std::string(role_label(s.role)) + ")");
  }

  Outcome operator()(const SetStaffPin& c) {
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    if (c.staff != ctx.actor && !can_manage_people(*actor))
      return refuse("not_allowed", "Only an Administrator can set another person's PIN.");
    if (auto why = pin_problem(c.pin)) return refuse("invalid_field", *why);
    Staff& s = it->second;
    if (c.pin.empty() && ws.meta.require_pins)
      return refuse("not_allowed", "This workspace requires a PIN for every staff member (P4): set a new one instead.");
    if (c.pin.empty() && ws.meta.kiosk && s.role == Role::Administrator && admins_with_pins() == 1)
      return refuse("not_allowed", "This computer is a kiosk, and only " + s.name + "'s PIN leaves kiosk mode: keep it.");
    s.pin_hash = c.pin.empty() ? "" : pin_hash(s.id + "@" + format_iso(ctx.now), c.pin);
    ws.meta.sign_in_failures.erase(s.id);  // a new PIN ends a lock
    stamp(s.revision);
    return done(s.id, c.pin.empty() ? "Removed the PIN of " + s.name : "Set the PIN of " + s.name);
  }

  Outcome operator()(const DeactivateStaff& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    Staff& s = it->second;
    if (!s.active) return refuse("not_allowed", s.name + " is already deactivated.");
    if (s.id == ctx.actor) return refuse("not_allowed", "You cannot deactivate yourself.");
    if (c.reason.empty()) return refuse("missing_field", "Give the reason for deactivation.");
    s.active = false;
    s.deactivation_reason = c.reason;
    s.deactivated_at = ctx.now;
    stamp(s.revision);
    return done(s.id, "Deactivated " + s.name + ": " + c.reason);
  }

  Outcome operator()(const ReactivateStaff& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    Staff& s = it->second;
    if (s.active) return refuse("not_allowed", s.name + " is already active.");
    s.active = true;
    s.deactivation_reason.clear();
    s.deactivated_at.reset();
    stamp(s.revision);
    return done(s.id, "Reactivated " + s.name);
  }

  int admins_with_pins() const {
    return int(std::count_if(ws.staff.begin(), ws.staff.end(), [](auto& kv) {
      return kv.second.active && kv.second.role == Role::Administrator && !kv.second.pin_hash.empty();
    }));
  }

  Outcome operator()(const SetKioskMode& c) {
    if (!can_manage_people(*actor)) return refuse("not_allowed", "Only an Administrator turns kiosk mode on or off.");
    if (c.on == ws.meta.kiosk) return refuse("not_allowed", c.on ? "Kiosk mode is already on." : "Kiosk mode is already off.");
    if (c.on && admins_with_pins() == 0)
      return refuse("not_allowed", "Kiosk mode is left with an Administrator's PIN, and no Administrator has one yet: "
                                   "set yours first (Settings > Staff).");
    ws.meta.kiosk = c.on;
    return done(RecordId{}, c.on ? "Turned kiosk mode on: only the job board signs in on this computer"
                                 : "Turned kiosk mode off");
  }

  Outcome operator()(const RequireStaffPins& c) {
    if (!can_manage_people(*actor)) return refuse("not_allowed", "Only an Administrator decides whether PINs are required.");
    if (c.required && actor->pin_hash.empty())
      return refuse("not_allowed", "Set your own PIN first: once PINs are required, staff without one cannot sign in.");
    ws.meta.require_pins = c.required;
    std::string summary = c.required ? "Required a PIN for every staff member" : "Made staff PINs optional";
    if (c.required) {
      int without = 0;
      for (auto& [id, s] : ws.staff) without += s.active && s.pin_hash.empty();
      if (without) summary += " (" + std::to_string(without) + " without one cannot sign in until an Administrator sets it)";
    }
    return done(RecordId{}, summary);
  }

  Outcome operator()(const RecordBackup& c) {
    if (!can_manage_people(*actor)) return refuse("not_allowed", "Only an Administrator downloads a backup (C5, P4).");
    ws.meta.last_backup_at = ctx.now;
    return done(RecordId{}, c.encrypted ? "Downloaded an encrypted backup of the whole workspace"
                                        : "Downloaded a backup of the whole workspace");
  }

  Outcome operator()(const SetLockAfter& c) {
    if (!can_manage_people(*actor)) return refuse("not_allowed", "Only an Administrator sets when the workspace locks.");
    if (c.minutes < 0 || c.minutes > 24 * 60)
      return refuse("invalid_field", "Give the minutes without use before it locks: 1 to 1440, or 0 for never.");
    const int before = ws.meta.lock_after_minutes;
    ws.meta.lock_after_minutes = c.minutes;
    return done(RecordId{}, c.minutes ? "The passphrase lock closes after " + std::to_string(c.minutes) +
                                            " minutes without use (was " + std::to_string(before) + ")"
                                      : "The passphrase lock closes only on \"Lock now\"");
  }

  Outcome operator()(const SetDemoClock& c) {
    if (!can_manage_people(*actor)) return refuse("not_allowed", "Only an Administrator moves the demo clock (T4).");
    if (!ws.meta.demo) return refuse("not_allowed", "Only a demo workspace's clock can be moved (T4).");
    auto at = c.at.size() > 10 ? parse_iso(c.at) : std::nullopt;  // a date alone would mean midnight
    if (!at)
      return refuse("invalid_field", "The clock needs a date from 1900 to 2100 and a time, YYYY-MM-DDTHH:MM (T4, W4).");
    const LocalSeconds real_now = ctx.now - ws.meta.clock_offset;
    if (*at < real_now) return refuse("invalid_field", "The demo clock cannot go before the real time.");
    ws.meta.clock_offset = *at - real_now;
    return done(RecordId{}, "Moved the demo clock to " + display_datetime(*at));
  }

  Outcome operator()(const AddClosure& c) {
    if (auto r = need_people_manager()) return *r;
    auto d = parse_iso_date(c.date);
    if (!d) return refuse("invalid_field", "The closure needs a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (c.name.empty()) return refuse("missing_field", "Name the closure, e.g. \"Day after Thanksgiving\".");
    if (!ws.calendar.is_business_day(*d)) {
      for (const Holiday& h : ws.calendar.holidays(int(d->year())))
        if (h.date == *d) return refuse("duplicate", display_date(*d) + " is already closed: " + h.name + ".");
      return refuse("not_allowed", display_date(*d) + " is a weekend day.");
    }
    ws.calendar.add_closure(*d, c.name);
    return done(RecordId{}, "Closed the offices on " + display_date(*d) + ": " + c.name);
  }

  Outcome operator()(const RemoveClosure& c) {
    if (auto r = need_people_manager()) return *r;
    auto d = parse_iso_date(c.date);
    if (!d) return refuse("invalid_field", "Give the closure's date, YYYY-MM-DD.");
    auto it = ws.calendar.closures().find(*d);
    if (it == ws.calendar.closures().end())
      return refuse("not_found", "The board added no closure on " + display_date(*d) + ".");
    const std::string name = it->second;
    ws.calendar.remove_closure(*d);
    return done(RecordId{}, "Reopened the offices on " + display_date(*d) + " (was: " + name + ")");
  }
};

}  // namespace

std::vector<CommandRow> people_commands() {
  using T = FieldType;
  return {
      row<AddOrganisation, People>({"add_organisation",
                                    "P1",
                                    "Add an organisation of the workforce area (P1). Administrators.",
                                    {{"name", T::Text, true, "the organisation's name"},
                                     {"kind", T::OrganisationKind, true, "what the organisation is"}}},
                                   [](const json& j) {
                                     return AddOrganisation{text(j, "name"), *organisation_kind_from(text(j, "kind"))};
                                   }),
      row<RenameOrganisation, People>(
          {"rename_organisation",
           "",
           "Rename an organisation. Administrators.",
           {{"organisation", T::Id, true, "the organisation"}, {"name", T::Text, true, "the new name"}}},
          [](const json& j) {
            return RenameOrganisation{text(j, "organisation"), text(j, "name")};
          }),
      row<AddStaff, People>({"add_staff",
                             "P2",
                             "License a staff member (P2). Administrators.",
                             {{"name", T::Text, true, "full name"},
                              {"email", T::Text, false, "work email"},
                              {"organisation", T::Id, true, "the organisation they work for"},
                              {"role", T::Role, true, "their role"},
                              {"pin", T::Text, false, "optional sign-in PIN, 4 to 8 digits (P4)"}}},
                            [](const json& j) {
                              return AddStaff{text(j, "name"), text(j, "email"), text(j, "organisation"),
                                              *role_from(text(j, "role")), text(j, "pin")};
                            }),
      row<UpdateStaff, People>(
          {"update_staff",
           "",
           "Change a staff member's name, email or role. Administrators.",
           {{"staff", T::Id, true, "the staff member"},
            {"name", T::Text, true, "full name"},
            {"email", T::Text, false, "work email"},
            {"role", T::Role, true, "their role"}}},
          [](const json& j) {
            return UpdateStaff{text(j, "staff"), text(j, "name"), text(j, "email"), *role_from(text(j, "role"))};
          }),
      row<SetStaffPin, People>({"set_staff_pin",
                                "",
                                "Set or remove a staff member's sign-in PIN. Administrators, or "
                                "the staff member for themselves.",
                                {{"staff", T::Id, true, "the staff member"},
                                 {"pin", T::Text, false, "4 to 8 digits; empty removes the PIN"}}},
                               [](const json& j) {
                                 return SetStaffPin{text(j, "staff"), text(j, "pin")};
                               }),
      row<DeactivateStaff, People>(
          {"deactivate_staff",
           "P3",
           "Deactivate a staff member on separation (P3). Administrators.",
           {{"staff", T::Id, true, "the staff member"}, {"reason", T::Text, true, "why, e.g. \"left the agency\""}}},
          [](const json& j) {
            return DeactivateStaff{text(j, "staff"), text(j, "reason")};
          }),
      row<ReactivateStaff, People>({"reactivate_staff",
                                    "",
                                    "License a deactivated staff member again. Administrators.",
                                    {{"staff", T::Id, true, "the staff member"}}},
                                   [](const json& j) { return ReactivateStaff{text(j, "staff")}; }),
      row<SetDemoClock, People>({"set_demo_clock",
                                 "T4",
                                 "Move the demo workspace's clock forward (T4). Demo workspaces only.",
                                 {{"at", T::DateTime, true, "YYYY-MM-DDTHH:MM local time, not before the real time"}}},
                                [](const json& j) { return SetDemoClock{text(j, "at")}; }),
      row<SetLockAfter, People>({"set_lock_after",
                                 "W6",
                                 "How long a passphrase-locked workspace stays open without use (W6). Administrators.",
                                 {{"minutes", T::Int, true, "1 to 1440; 0 locks only on \"Lock now\""}}},
                                [](const json& j) { return SetLockAfter{number(j, "minutes", -1)}; }),
      row<SetKioskMode, People>({"set_kiosk_mode",
                                 "M6",
                                 "Turn kiosk mode on or off (M6): on this computer only the job board signs in, and an "
                                 "Administrator's PIN leaves it. Administrators; on needs an Administrator with a PIN.",
                                 {{"on", T::Bool, true, "true turns it on"}}},
                                [](const json& j) { return SetKioskMode{flag(j, "on")}; }),
      row<RequireStaffPins, People>({"require_staff_pins",
                                     "P4",
                                     "Require a PIN for every staff member, or make PINs optional again (P4). "
                                     "Administrators who have a PIN.",
                                     {{"required", T::Bool, true, "true requires them"}}},
                                    [](const json& j) { return RequireStaffPins{flag(j, "required")}; }),
      row<RecordBackup, People>({"record_backup",
                                 "P4",
                                 "Note in the audit that a backup of the whole workspace was downloaded (P4); the "
                                 "page does it before the download. Administrators.",
                                 {{"encrypted", T::Bool, false, "true when the file is encrypted (a locked workspace, W6)"}}},
                                [](const json& j) { return RecordBackup{flag(j, "encrypted")}; }),
      row<AddClosure, People>(
          {"add_closure",
           "T2",
           "Close the offices on a day: it is no business day (T2). Administrators.",
           {{"date", T::Date, true, "YYYY-MM-DD"}, {"name", T::Text, true, "e.g. \"Day after Thanksgiving\""}}},
          [](const json& j) {
            return AddClosure{text(j, "date"), text(j, "name")};
          }),
      row<RemoveClosure, People>({"remove_closure",
                                  "T2",
                                  "Remove a closure the board added (T2). Administrators.",
                                  {{"date", T::Date, true, "YYYY-MM-DD"}}},
                                 [](const json& j) { return RemoveClosure{text(j, "date")}; }),
  };
}

}  // namespace bw
