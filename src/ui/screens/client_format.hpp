// How a client's programs and people read on every screen.
#pragma once
#include <string>

#include "conversation.hpp"
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

}  // namespace bw::ui
