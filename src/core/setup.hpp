// New workspaces: an empty one for a board, or the demo (W3). Both are made
// through the same commands staff use, so the demo's records and audit trail
// are exactly what real use produces.
#pragma once
#include <string>
#include <variant>

#include "commands.hpp"

namespace bw {

struct NewWorkspace {
  Workspace workspace;
  RecordId administrator;  // the first administrator, to sign in as
};

// `id_origin` must be unique per workspace (W5): the platform draws it at random.
std::variant<NewWorkspace, Error> create_workspace(const std::string& board_name,
                                                   const std::string& administrator_name,
                                                   const std::string& administrator_email,
                                                   const std::string& id_origin, LocalSeconds now);

// M6: the demo's job seeker signs in to the job board with their email and this PIN.
inline constexpr const char* kDemoJobSeekerPin = "2468";

// W3: a small fictional workforce area, dated relative to `now`.
NewWorkspace create_demo_workspace(const std::string& id_origin, LocalSeconds now);

}  // namespace bw
