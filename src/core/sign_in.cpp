#include "sign_in.hpp"

#include "access.hpp"
#include "civil_time.hpp"
#include "pin.hpp"

namespace bw {
namespace {

std::string in_time(LocalSeconds seconds) {
  if (seconds < 60) return std::to_string(seconds) + (seconds == 1 ? " second" : " seconds");
  const LocalSeconds minutes = (seconds + 59) / 60;
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

void audit(Workspace& ws, SignInResult& r, LocalSeconds now, const RecordId& by, const RecordId& about,
           std::string summary) {
  AuditEntry e{ws.new_id(), now, by, "sign_in", about, std::move(summary)};
  ws.index_audit(e);
  r.touched.push_back(e.id);
  ws.audit.emplace(e.id, std::move(e));
  r.meta_changed = true;  // the id sequence
}

}  // namespace

LocalSeconds sign_in_wait(int failures) {
  if (failures < kFreeTries) return 0;
  if (failures >= kLockAfter) return kLockSeconds;
  return LocalSeconds{1} << (failures - kFreeTries);
}

SignInResult sign_in(Workspace& ws, const std::string& who, const std::string& pin, LocalSeconds now, SignInPath path) {
  SignInResult r;
  auto refuse = [&](std::string code, std::string message) {
    r.error = Error{std::move(code), std::move(message)};
    return r;
  };
  Staff* staff = ws.staff.contains(who) ? &ws.staff.at(who) : nullptr;
  Client* seeker = nullptr;
  if (!staff) {
    if (const Client* c = find_job_seeker(ws, who)) seeker = &ws.clients.at(c->id);
  }
  if (path == SignInPath::LeaveKiosk) {
    if (!staff || staff->role != Role::Administrator || !staff->active || staff->pin_hash.empty())
      return refuse("not_allowed", "Only an active Administrator with a PIN can leave kiosk mode.");
  } else if (staff && ws.meta.kiosk) {
    return refuse("kiosk", "This computer is a job board kiosk: staff cannot sign in here. "
                           "An Administrator can leave kiosk mode with their PIN.");
  }
  if (!staff && !seeker) return refuse("not_found", "Nobody with job board access signs in as \"" + who + "\".");
  if (staff && !staff->active) return refuse("not_allowed", staff->name + " is deactivated and cannot sign in (P3).");
  if (seeker && !has_portal_access(*seeker))
    return refuse("not_allowed", "There is no job board access for this person. Ask your case manager.");
  const RecordId id = staff ? staff->id : seeker->id;
  const std::string name = staff ? staff->name : full_name(*seeker);
  const std::string for_whom = staff ? " for " + name : "";  // an email typed at the job board names nobody back
  std::string& stored = staff ? staff->pin_hash : seeker->portal_pin_hash;
  if (stored.empty()) {  // staff only: a job seeker always has a PIN
    if (ws.meta.require_pins)
      return refuse("pin_required", "This workspace requires a PIN for every staff member: "
                                    "ask an Administrator to set yours.");
    r.signed_in = id;
    return r;
  }

  auto failures = ws.meta.sign_in_failures.find(id);
  if (failures != ws.meta.sign_in_failures.end()) {
    const LocalSeconds ready_at = failures->second.last_at + sign_in_wait(failures->second.count);
    if (now < ready_at)
      return refuse("throttled", "Too many wrong PINs" + for_whom + ". Try again in " + in_time(ready_at - now) +
                                     (failures->second.count >= kLockAfter ? " (an Administrator can set a new PIN)." : "."));
  }
  if (!pin_matches(stored, id, pin)) {
    SignInFailures& f = ws.meta.sign_in_failures[id];
    f.count += 1;
    f.last_at = now;
    const LocalSeconds wait = sign_in_wait(f.count);
    std::string summary = "A wrong PIN for " + name + " (" + std::to_string(f.count) + " in a row)";
    if (f.count == kLockAfter) summary += ": sign-in locked for " + in_time(kLockSeconds);
    audit(ws, r, now, {}, id, summary);
    std::string message = "That PIN is not right" + for_whom + ".";
    if (f.count >= kLockAfter)
      message += " After " + std::to_string(f.count) + " wrong PINs in a row, sign-in is locked for " + in_time(wait) +
                 "; an Administrator can set a new PIN.";
    else if (wait > 0)
      message += " Wait " + in_time(wait) + " before the next try.";
    r.error = Error{"wrong_pin", message};
    return r;
  }

  if (failures != ws.meta.sign_in_failures.end()) {
    audit(ws, r, now, id, id, name + " signed in after " + std::to_string(failures->second.count) + " wrong PINs");
    ws.meta.sign_in_failures.erase(failures);
  }
  if (!pin_hash_is_current(stored)) {  // typed just now, so it can be stored in the slow form
    stored = pin_hash(id + "@" + format_iso(now), pin);
    r.touched.push_back(id);
    audit(ws, r, now, id, id, "Stored the PIN of " + name + " in the current form (PBKDF2)");
  }
  if (path == SignInPath::LeaveKiosk) {
    ws.meta.kiosk = false;
    audit(ws, r, now, id, id, name + " left kiosk mode");
  }
  r.signed_in = id;
  return r;
}

}  // namespace bw
