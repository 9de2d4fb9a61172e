#include "access.hpp"

#include <algorithm>

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

Role primary_contact_role(bool youth) {
  return youth ? Role::AcademicCareerAdvisor : Role::EmploymentReadinessSpecialist;
}

std::vector<const Staff*> eligible_primary_contacts(const Workspace& ws, bool youth,
                                                    const RecordId& provider) {
  std::vector<const Staff*> out;
  const Role wanted = primary_contact_role(youth);
  for (auto& [id, s] : ws.staff)
    if (s.active && s.role == wanted && s.organisation == provider) out.push_back(&s);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
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

}  // namespace bw
