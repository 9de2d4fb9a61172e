// How a client's programs and people read on every screen.
#pragma once
#include <string>

#include "workspace.hpp"

namespace bw::ui {

inline std::string programs_text(const Client& c) {
  std::string out;
  for (Program p : c.programs) out += (out.empty() ? "" : " + ") + std::string(program_label(p));
  return out;
}

inline std::string staff_name(const Workspace& ws, const RecordId& id) {
  const Staff* s = ws.find_staff(id);
  return s ? s->name : "(unknown)";
}

inline std::string organisation_name(const Workspace& ws, const RecordId& id) {
  const Organisation* o = ws.find_organisation(id);
  return o ? o->name : "(unknown)";
}

// Whom an issue is about (E1): the client's name, or the employer's.
inline std::string issue_subject(const Workspace& ws, const Issue& i) {
  if (const Client* c = ws.find_client(i.client)) return full_name(*c);
  if (const Employer* e = ws.find_employer(i.employer)) return e->legal_name + " (employer)";
  return "(unknown)";
}

}  // namespace bw::ui
