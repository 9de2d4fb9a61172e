#include "access.hpp"

#include <algorithm>
#include <tuple>

#include "plan.hpp"

namespace bw {

bool is_board_role(Role r) {
  return r == Role::BoardProgramManager || r == Role::BoardAssistantDirector;
}

bool can_manage_people(const Staff& a) { return a.active && a.role == Role::Administrator; }

bool can_enrol_clients(const Staff& a) {
  if (!a.active) return false;
  switch (a.role) {
    case Role::EmploymentReadinessSpecialist:
    case Role::AcademicCareerAdvisor:
    case Role::CaseManager:
    case Role::CareerAgent:
    case Role::Hybrid:
    case Role::Manager:
    case Role::Administrator:
      return true;
    default:
      return false;
  }
}

bool can_see_clients(const Staff& a) { return a.active && a.role != Role::TrainingProviderStaff; }

bool is_student_of(const Workspace& ws, const Client& client, const RecordId& training_provider) {
  if (!is_active(client) || training_provider.empty()) return false;
  for (const Activity* a : current_activities(ws, client.id))
    if (a->training_provider == training_provider) return true;
  return false;
}

std::vector<const Client*> students_of(const Workspace& ws, const Staff& viewer) {
  std::vector<const Client*> out;
  if (!viewer.active || viewer.role != Role::TrainingProviderStaff) return out;
  for (auto& [id, a] : ws.activities) {
    if (a.training_provider != viewer.organisation || !is_current(a)) continue;
    const Client* c = ws.find_client(a.client);
    if (c && is_active(*c) && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) {
    return std::tie(a->last_name, a->first_name, a->id) < std::tie(b->last_name, b->first_name, b->id);
  });
  return out;
}

std::optional<std::string> raise_issue_refusal(const Workspace& ws, const Staff& actor, const Client& client) {
  if (actor.role == Role::TrainingProviderStaff && !is_student_of(ws, client, actor.organisation))
    return "Training-provider staff raise issues only about students in their own training (C5).";
  return std::nullopt;
}

std::optional<std::string> transfer_refusal(const Staff& actor, const Client& client) {
  if (!actor.active || actor.role != Role::Manager)
    return "Only a Manager can transfer a client to another primary contact, as a last resort after "
           "management review (C3). Movement through services never transfers the client.";
  if (actor.organisation != client.provider)
    return "Only a Manager of the client's provider can transfer the client (C3).";
  return std::nullopt;
}

bool can_exit_client(const Staff& actor, const Client& client) {
  if (!actor.active) return false;
  return actor.id == client.primary_contact || actor.role == Role::Administrator ||
         (actor.role == Role::Manager && actor.organisation == client.provider);
}

std::vector<const Client*> reassignment_queue(const Workspace& ws, const Staff& viewer) {
  std::vector<const Client*> out;
  const bool admin = viewer.active && viewer.role == Role::Administrator;
  const bool manager = viewer.active && viewer.role == Role::Manager;
  if (!admin && !manager) return out;
  // Through each staff member's list: a board has far fewer staff than clients.
  for (auto& [contact, ids] : ws.clients_by_primary_contact) {
    if (const Staff* pc = ws.find_staff(contact); pc && pc->active) continue;
    for (const RecordId& id : ids)
      if (const Client& c = ws.clients.at(id); is_active(c) && !(manager && c.provider != viewer.organisation))
        out.push_back(&c);
  }
  sort_list(out, [](const Client* a, const Client* b) { return a->id < b->id; });
  return out;
}

namespace {
const Staff* first_active(const Workspace& ws, Role role, const RecordId& organisation) {
  const Staff* chosen = nullptr;
  for (auto& [id, s] : ws.staff) {
    if (!s.active || s.role != role) continue;
    if (!organisation.empty() && s.organisation != organisation) continue;
    if (!chosen || s.name < chosen->name) chosen = &s;
  }
  return chosen;
}
}  // namespace

StandIn stand_in(const Workspace& ws, const RecordId& wanted) {
  const Staff* person = ws.find_staff(wanted);
  if (!person) return {};
  if (person->active) return {person, {}};
  const Staff* by = first_active(ws, Role::Manager, person->organisation);
  if (!by) by = first_active(ws, Role::BoardProgramManager, {});
  if (!by) by = first_active(ws, Role::Administrator, {});
  if (!by) return {nullptr, person->name + " has left and nobody active is left to take their work (P3)."};
  const Organisation* org = ws.find_organisation(by->organisation);
  return {by, person->name + " has left; it goes to " + by->name + " (" + std::string(role_label(by->role)) +
                  (org ? ", " + org->name : "") + ") until reassigned (P3)."};
}

bool acts_for(const Workspace& ws, const Staff& actor, const RecordId& wanted) {
  if (!actor.active) return false;
  if (actor.id == wanted) return true;
  const Staff* person = ws.find_staff(wanted);
  if (!person || person->active) return false;
  if (actor.role == Role::Manager && actor.organisation == person->organisation) return true;
  const StandIn by = stand_in(ws, wanted);
  return by.staff == &actor;
}

Role primary_contact_role(bool youth) {
  return youth ? Role::AcademicCareerAdvisor : Role::EmploymentReadinessSpecialist;
}

std::vector<const Staff*> eligible_primary_contacts(const Workspace& ws, bool youth,
                                                    const RecordId& provider) {
  std::vector<const Staff*> out;
  const Role wanted = primary_contact_role(youth);
  for (auto& [id, s] : ws.staff)
    if (s.active && s.role == wanted && s.organisation == provider) out.push_back(&s);
  sort_list(out, [](auto* a, auto* b) { return a->name < b->name; });
  return out;
}

std::optional<std::string> role_refusal(Role role, OrganisationKind kind) {
  const bool board = kind == OrganisationKind::Board;
  const bool training = kind == OrganisationKind::TrainingProvider;
  if (role == Role::Administrator) return std::nullopt;
  if (is_board_role(role) && !board)
    return std::string(role_label(role)) + " is a role of the board's own staff.";
  if (role == Role::TrainingProviderStaff && !training)
    return "Training Provider staff belong to a training provider.";
  if (training && role != Role::TrainingProviderStaff)
    return "A training provider's staff hold the Training Provider staff role (C5: an "
           "organisation that is also a provider is entered twice).";
  return std::nullopt;
}

std::optional<std::string> pin_problem(const std::string& pin) {
  if (pin.empty()) return std::nullopt;
  const bool digits = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || pin.size() < 4 || pin.size() > 8) return "A PIN is 4 to 8 digits.";
  return std::nullopt;
}

bool has_portal_access(const Client& c) { return is_active(c) && !c.portal_pin_hash.empty(); }

const Client* find_job_seeker(const Workspace& ws, std::string_view login) {
  if (login.empty()) return nullptr;
  if (const Client* c = ws.find_client(RecordId(login))) return c;
  for (auto& [id, c] : ws.clients)
    if (!c.email.empty() && same_ignoring_case(c.email, login) && has_portal_access(c)) return &c;
  return nullptr;
}

}  // namespace bw
