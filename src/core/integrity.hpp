// What every reader checks once a whole workspace is read (a backup, or all
// the buckets of a stored workspace), before anyone works in it (W4, W5).
#pragma once
#include <optional>

#include "commands.hpp"

namespace bw {

// First puts the records read in place (Workspace::place_records_read). Then
// refuses, naming the record's kind and id, an id read twice (of the hashes
// the readers kept in ws.ids_read, which it empties) and a reference to a
// record that is not there (a staff member's organisation, a service's
// establishment, a match's client and job, ...). Moves the id sequence past
// every id of this workspace's origin, so a new record never takes an id
// already held.
std::optional<Error> check_integrity(Workspace& ws);

}  // namespace bw
