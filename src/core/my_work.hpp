// My Work: everything the signed-in person answers for, as one read model
// (C2, N2, N4, E3, S1, R2, K1, M3, M4, J2, B3, R1, B4, P3). The screen keeps
// it until the workspace changes or the clock's minute turns.
#pragma once
#include <optional>
#include <utility>
#include <vector>

#include "contacts.hpp"
#include "escalation.hpp"
#include "report.hpp"
#include "workspace.hpp"

namespace bw {

struct MyWork {
  bool carries_caseload = false;         // C2: ERSs and ACAs; others only if they hold clients
  std::vector<const Client*> caseload;   // active clients they are the primary contact of, by name
  CaseloadMonth month;                   // N2, N4: this month's contacts
  std::vector<std::pair<const Issue*, EscalationState>> issues;  // E3: most urgent first
  std::vector<const Activity*> stale;    // S1
  std::vector<EseReminder> ese;          // R2
  int mentions = 0;                      // K1: comments tagging them in the last 7 days
  std::vector<const Match*> matches;     // M3
  std::vector<const Hire*> hires;        // M4: to complete
  std::vector<const Job*> expired, expiring;  // J2: jobs they own
  std::vector<const Employer*> accounts_to_enter;  // B3
  struct Services {
    ProgramQuarter quarter;
    int count = 0, on_time = 0;
  };
  std::optional<Services> services;      // R1: business staff's services this quarter
  std::vector<const Employer*> triage;   // B4
  struct Reassign {
    const Client* client;
    int open_issues;                     // E2: they follow the client
  };
  std::vector<Reassign> reassign;        // P3: clients whose primary contact left
  std::vector<const Job*> jobs_to_reassign;  // P3
  // Nothing to act on and no caseload: the screen says so rather than stay blank.
  bool nothing_to_do() const {
    return !carries_caseload && caseload.empty() && month.rows.empty() && issues.empty() && stale.empty() &&
           ese.empty() && mentions == 0 && matches.empty() && hires.empty() && expired.empty() && expiring.empty() &&
           accounts_to_enter.empty() && !services && triage.empty() && reassign.empty() && jobs_to_reassign.empty();
  }
};

// `earlier`: this person's My Work made on the same day with the same
// Workspace::caseload_change. Its caseload, month and stale activities are
// kept as they are rather than read again.
MyWork my_work(const Workspace& ws, const Staff& me, LocalSeconds now, const MyWork* earlier = nullptr);

}  // namespace bw
