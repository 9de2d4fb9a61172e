// P4, M6: who may sign in here, with which PIN, and how often a PIN may be
// guessed. The one path for staff, job seekers and leaving kiosk mode.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"

namespace bw {

inline constexpr int kFreeTries = 3;    // wrong PINs before any wait
inline constexpr int kLockAfter = 10;   // wrong PINs in a row that lock the person's sign-in
inline constexpr LocalSeconds kLockSeconds = 15 * 60;

// Seconds to wait after `failures` wrong PINs in a row: none for the first
// three, then 1, 2, 4 ... 64, then 15 minutes per try once locked.
LocalSeconds sign_in_wait(int failures);

enum class SignInPath { Normal, LeaveKiosk };

struct SignInResult {
  std::optional<Error> error;      // refused; nobody signed in
  RecordId signed_in;              // the staff member or job seeker, when not refused
  std::vector<RecordId> touched;   // written: audit entries, a PIN stored anew
  bool meta_changed = false;       // failures counted or cleared, kiosk mode left
};

// Checks the PIN (throttled, audited), stores an old-form PIN in the current
// form, and leaves kiosk mode on that path. A refusal before the PIN is
// checked changes nothing.
SignInResult sign_in(Workspace& ws, const std::string& who, const std::string& pin, LocalSeconds now,
                     SignInPath path = SignInPath::Normal);

}  // namespace bw
