// A large, entirely fictional workspace for trying Bridgework at a board's
// scale and for the benchmarks: every record kind and state in plausible
// proportions, dated relative to `now`, the same for the same seed on every
// platform. Built by applying the same commands staff dispatch, at the times
// they would, so every record passes the rules and the audit trail is real.
#pragma once
#include <cstdint>
#include <string>

#include "setup.hpp"

namespace bw {

struct Generated {
  Workspace workspace;
  RecordId administrator;
  int commands = 0;             // applied
  int refused = 0;              // a refusal is a bug in the generator
  std::string first_refusal;    // "<command>: <message>"
};

// Per 1,000 clients: about 17 case staff (caseloads of 40 to 150), 400
// employers with 600 establishments, 1,800 jobs, 4,500 matches, 650 hires,
// 11,000 contacts, 19,000 services, 1,800 comments, 100 issues. Enrolments
// span the last 2 years; the business records the last 12 months.
Generated generate_workspace(int clients, std::uint64_t seed, const std::string& id_origin, LocalSeconds now);

}  // namespace bw
