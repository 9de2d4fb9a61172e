// Read models as JSON, for `window.bridgework.query` (and anything else that
// wants records as data). Each obeys the access rules for the viewer.
#pragma once
#include <functional>
#include <optional>
#include <string_view>

#include "commands.hpp"

namespace bw {

// {"ok": true, "result": ...} or {"ok": false, "error": {"code", "message"}}.
// `viewer` is the signed-in staff member, or empty when nobody is signed in.
// `now` is the workspace clock (T4): issue levels and deadlines depend on it.
json query(const Workspace& ws, std::string_view name, const json& args, const RecordId& viewer,
           LocalSeconds now);
// The same answer as JSON text, written as it is made: what the page is
// handed. With `piece`, a long list's text is handed to it about
// `piece_size` bytes at a time, each ending with a whole row: the answer is
// then the pieces and what is returned, in order, and the heap never holds
// the whole text either.
using AnswerPiece = std::function<void(std::string_view)>;
std::string query_text(const Workspace& ws, std::string_view name, const json& args, const RecordId& viewer,
                       LocalSeconds now, const AnswerPiece& piece = {}, std::size_t piece_size = 1 << 20);
// The query names with their arguments, for docs and discovery.
json query_catalogue();

// What the Clients table and the "clients" query filter by; empty = any.
struct ClientFilter {
  std::string search;           // name, id, email or phone, case-insensitive
  std::optional<Program> program;
  RecordId primary_contact;
  bool active_only = false;     // leave out clients who exited the program (C4)
  bool operator==(const ClientFilter&) const = default;
};

// What a client search reads: the name, id, email and phone.
std::string client_search_text(const Client& c);
// Clients the viewer may list (C5) that match the filter.
std::vector<const Client*> visible_clients(const Workspace& ws, const Staff& viewer,
                                           const ClientFilter& filter);

}  // namespace bw
