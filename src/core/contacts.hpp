// The monthly contact rule (SPEC N2, N4).
//
// Each active participant is contacted at least once every calendar month.
// For a month, a client is:
//   Contacted  - at least one contact dated in that month;
//   Due        - the current month, no contact yet, and last month was met;
//   Overdue    - the current month, no contact yet, and last month was missed too;
//   Missed     - a past month that ended with no contact.
// A client counts for a month from the month of enrolment to the month of exit.
#pragma once
#include <chrono>
#include <optional>
#include <vector>

#include "workspace.hpp"

namespace bw {

enum class ContactStanding { Contacted, Due, Overdue, Missed };
const char* standing_label(ContactStanding s);

// Whether the client must be contacted in `month` (enrolled and not exited).
bool contact_required(const Client& c, std::chrono::year_month month);
bool contacted_in(const Workspace& ws, const RecordId& client, std::chrono::year_month month);
// The client's standing for `month`, seen on `today`; nullopt when no contact was required.
std::optional<ContactStanding> contact_standing(const Workspace& ws, const Client& c, std::chrono::year_month month,
                                                std::chrono::year_month_day today);

struct CaseloadMonth {
  struct Row { const Client* client; ContactStanding standing; };
  std::vector<Row> rows;  // overdue first, then due, missed, contacted; by name within each
  int contacted = 0, due = 0, overdue = 0, missed = 0;
  int contacts = 0, in_person = 0;  // N4: contacts made in the month, and how many in person
};

// N4: the month of the clients whose primary contact is `staff` (all clients when empty).
CaseloadMonth caseload_month(const Workspace& ws, const RecordId& staff, std::chrono::year_month month,
                             std::chrono::year_month_day today);
// The same for these clients (a caseload already read: My Work).
CaseloadMonth caseload_month(const Workspace& ws, const std::vector<const Client*>& clients,
                             std::chrono::year_month month, std::chrono::year_month_day today);

}  // namespace bw
