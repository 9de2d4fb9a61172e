// Read models as JSON, for `window.bridgework.query` (and anything else that
// wants records as data). Each obeys the access rules for the viewer.
#pragma once
#include <string_view>

#include "commands.hpp"

namespace bw {

// {"ok": true, "result": ...} or {"ok": false, "error": {"code", "message"}}.
// `viewer` is the signed-in staff member, or empty when nobody is signed in.
json query(const Workspace& ws, std::string_view name, const json& args, const RecordId& viewer);
// The query names with their arguments, for docs and discovery.
json query_catalogue();

// Clients the viewer may list, filtered by a free-text search over name, id,
// email and phone (case-insensitive), for the Clients table and the query.
std::vector<const Client*> visible_clients(const Workspace& ws, const Staff& viewer,
                                           std::string_view search);

}  // namespace bw
