// Who may do what (P2-P4, C2, C5). The UI and the JavaScript interface both
// ask here; a refusal carries the reason in words.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "workspace.hpp"

namespace bw {

bool is_board_role(Role r);
bool can_manage_people(const Staff& actor);   // organisations and staff
bool can_enrol_clients(const Staff& actor);
bool can_see_clients(const Staff& actor);     // C5: training-provider staff see none here
// M6: an active client with a job board PIN signs in to the job board.
// P4, M6: why a PIN (staff or job seeker) is not usable: 4 to 8 digits; empty is fine (no PIN).
std::optional<std::string> pin_problem(const std::string& pin);
bool has_portal_access(const Client& c);
// M6: the job seeker who signs in with this email address or client id.
const Client* find_job_seeker(const Workspace& ws, std::string_view login);
// C5: the client is in current training (an activity not ended) at
// `training_provider`, and still in the program.
bool is_student_of(const Workspace& ws, const Client& client, const RecordId& training_provider);
// C5: the students of a training provider's staff member, by name; nobody
// else has students.
std::vector<const Client*> students_of(const Workspace& ws, const Staff& viewer);
// E1: case and business staff about any client; training-provider staff
// about their own students (C5).
std::optional<std::string> raise_issue_refusal(const Workspace& ws, const Staff& actor, const Client& client);
// C3: why `actor` may not transfer `client` to another primary contact, or
// nullopt if they may: only a Manager of the client's provider.
std::optional<std::string> transfer_refusal(const Staff& actor, const Client& client);
// C4: the primary contact, a Manager of the provider, or an Administrator.
bool can_exit_client(const Staff& actor, const Client& client);
// P3: active clients whose primary contact is deactivated, for a Manager of
// their provider (or an Administrator) to reassign.
std::vector<const Client*> reassignment_queue(const Workspace& ws, const Staff& viewer);
// The role that must be a client's primary contact (C2).
Role primary_contact_role(bool youth);
// Active staff of `provider` eligible as primary contact (C2, P3), by name.
std::vector<const Staff*> eligible_primary_contacts(const Workspace& ws, bool youth,
                                                    const RecordId& provider);
// P3: who does the work meant for `wanted`. Themselves while active; once they
// have left, the first by name of their organisation's active Managers, else
// of the board's Program Managers, else of the Administrators. `note` says so
// in words (empty when `wanted` is active); `staff` is null only when nobody
// active is left at all.
struct StandIn {
  const Staff* staff = nullptr;
  std::string note;
};
StandIn stand_in(const Workspace& ws, const RecordId& wanted);
// P3: `actor` is `wanted`, or `wanted` has left and `actor` is one of the
// people who take their work (a Manager of their organisation, or the stand-in).
bool acts_for(const Workspace& ws, const Staff& actor, const RecordId& wanted);
// Why `role` cannot be held at an organisation of `kind`, or nullopt if it can.
std::optional<std::string> role_refusal(Role role, OrganisationKind kind);

}  // namespace bw
