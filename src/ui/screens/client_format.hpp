// How a client's programs and people read on every screen.
#pragma once
#include <string>

#include "conversation.hpp"
#include "workspace.hpp"

namespace bw::ui {

// "WIOA Adult + WIOA Dislocated Worker", appended to `out`.
inline void append_programs(std::string& out, const Client& c) {
  for (std::size_t i = 0; i < c.programs.size(); ++i) {
    if (i) out += " + ";
    out += program_label(c.programs[i]);
  }
}

inline std::string programs_text(const Client& c) {
  std::string out;
  append_programs(out, c);
  return out;
}

// Who did something: a staff member, or a job seeker on the job board (M6).
inline std::string staff_name(const Workspace& ws, const RecordId& id) {
  if (const Staff* s = ws.find_staff(id)) return s->name;
  if (const Client* c = ws.find_client(id)) return full_name(*c) + " (job seeker)";
  return "(unknown)";
}

inline std::string organisation_name(const Workspace& ws, const RecordId& id) {
  const Organisation* o = ws.find_organisation(id);
  return o ? o->name : "(unknown)";
}

}  // namespace bw::ui
