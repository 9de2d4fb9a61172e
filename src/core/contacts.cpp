#include "contacts.hpp"

#include <algorithm>
#include <tuple>

namespace bw {
using namespace std::chrono;

const char* standing_label(ContactStanding s) {
  switch (s) {
    case ContactStanding::Contacted: return "Contacted";
    case ContactStanding::Due: return "Due";
    case ContactStanding::Overdue: return "OVERDUE";
    case ContactStanding::Missed: return "Missed";
  }
  return "?";
}

namespace {
year_month month_of(year_month_day d) { return d.year() / d.month(); }
}  // namespace

bool contact_required(const Client& c, year_month month) {
  if (month < month_of(c.enrolled_on)) return false;
  return !c.exited_on || month <= month_of(*c.exited_on);
}

namespace {
// Calls f on each of the client's contacts in `month`. Their list is in date
// order and the months asked for are recent: read from its end, it stops at
// the first earlier contact instead of looking each one up.
template <class F>
void contacts_in(const Workspace& ws, const RecordId& client, year_month month, F f) {
  auto it = ws.contacts_by_client.find(client);
  if (it == ws.contacts_by_client.end()) return;
  for (auto id = it->second.rbegin(); id != it->second.rend(); ++id) {
    const Contact& k = ws.contacts.at(*id);
    if (month_of(k.date) < month) return;
    if (month_of(k.date) == month && !f(k)) return;
  }
}
}  // namespace

bool contacted_in(const Workspace& ws, const RecordId& client, year_month month) {
  bool found = false;
  contacts_in(ws, client, month, [&](const Contact&) { return !(found = true); });
  return found;
}

std::optional<ContactStanding> contact_standing(const Workspace& ws, const Client& c, year_month month,
                                                year_month_day today) {
  if (!contact_required(c, month) || month > month_of(today)) return std::nullopt;
  if (contacted_in(ws, c.id, month)) return ContactStanding::Contacted;
  if (month < month_of(today)) return ContactStanding::Missed;
  const year_month last = add_months(month, -1);
  const bool missed_last = contact_required(c, last) && !contacted_in(ws, c.id, last);
  return missed_last ? ContactStanding::Overdue : ContactStanding::Due;
}

CaseloadMonth caseload_month(const Workspace& ws, const RecordId& staff, year_month month, year_month_day today) {
  std::vector<const Client*> clients;  // one person's from the index; the board's all
  if (!staff.empty()) clients = records_in(ws.clients, ws.clients_by_primary_contact, staff);
  else
    for (auto& [id, c] : ws.clients) clients.push_back(&c);
  return caseload_month(ws, clients, month, today);
}

CaseloadMonth caseload_month(const Workspace& ws, const std::vector<const Client*>& clients, year_month month,
                             year_month_day today) {
  CaseloadMonth out;
  for (const Client* client : clients) {
    const Client& c = *client;
    const RecordId& id = c.id;
    auto standing = contact_standing(ws, c, month, today);
    if (!standing) continue;
    out.rows.push_back({&c, *standing});
    switch (*standing) {
      case ContactStanding::Contacted: ++out.contacted; break;
      case ContactStanding::Due: ++out.due; break;
      case ContactStanding::Overdue: ++out.overdue; break;
      case ContactStanding::Missed: ++out.missed; break;
    }
    contacts_in(ws, id, month, [&](const Contact& k) {
      ++out.contacts;
      out.in_person += k.type == ContactType::InPerson;
      return true;
    });
  }
  auto rank = [](ContactStanding s) {
    switch (s) {
      case ContactStanding::Overdue: return 0;
      case ContactStanding::Due: return 1;
      case ContactStanding::Missed: return 2;
      default: return 3;
    }
  };
  std::sort(out.rows.begin(), out.rows.end(), [&](const auto& a, const auto& b) {
    if (rank(a.standing) != rank(b.standing)) return rank(a.standing) < rank(b.standing);
    return std::tie(a.client->last_name, a.client->first_name) < std::tie(b.client->last_name, b.client->first_name);
  });
  return out;
}

}  // namespace bw
