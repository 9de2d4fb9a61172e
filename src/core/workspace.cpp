#include "workspace.hpp"

#include <algorithm>
#include <cstdio>

namespace bw {

RecordId Workspace::new_id() {
  char seq[24];
  std::snprintf(seq, sizeof seq, "%010llu", static_cast<unsigned long long>(meta.next_sequence++));
  return meta.id_origin + "-" + seq;
}

template <class Map>
static auto find_in(const Map& m, const RecordId& id) -> const typename Map::mapped_type* {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

const Staff* Workspace::find_staff(const RecordId& id) const { return find_in(staff, id); }
const Organisation* Workspace::find_organisation(const RecordId& id) const {
  return find_in(organisations, id);
}
const Client* Workspace::find_client(const RecordId& id) const { return find_in(clients, id); }
const Issue* Workspace::find_issue(const RecordId& id) const { return find_in(issues, id); }

void Workspace::index_audit(const AuditEntry& e) { audit_by_record[e.record].push_back(e.id); }

void Workspace::add_contact(Contact c) {
  auto& list = contacts_by_client[c.client];
  const RecordId id = c.id;
  const auto date = c.date;
  contacts.insert_or_assign(id, std::move(c));
  const auto at = std::upper_bound(list.begin(), list.end(), date,
                                   [&](const auto& d, const RecordId& other) { return d < contacts.at(other).date; });
  list.insert(at, id);
}

void Workspace::sort_audit_index() {
  for (auto& [record, ids] : audit_by_record)
    std::sort(ids.begin(), ids.end(), [&](const RecordId& a, const RecordId& b) {
      const auto& ea = audit.at(a);
      const auto& eb = audit.at(b);
      return ea.at != eb.at ? ea.at < eb.at : a < b;
    });
}

}  // namespace bw
