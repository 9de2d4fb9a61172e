#include "integrity.hpp"

#include <algorithm>
#include <cstdlib>

namespace bw {
namespace {

// Thrown with the sentence that names the record and what it lacks.
struct Broken {
  std::string message;
};

// The kinds a reference may name, each as whether the workspace holds one
// of that id: a load checks millions of references, and naming the kind
// as text cost a comparison of names for each.
using Holds = bool (*)(const Workspace&, const RecordId&);
namespace kind {
constexpr Holds organisation = [](const Workspace& ws, const RecordId& id) { return ws.organisations.count(id) > 0; };
constexpr Holds staff = [](const Workspace& ws, const RecordId& id) { return ws.staff.count(id) > 0; };
constexpr Holds client = [](const Workspace& ws, const RecordId& id) { return ws.clients.count(id) > 0; };
constexpr Holds goal = [](const Workspace& ws, const RecordId& id) { return ws.goals.count(id) > 0; };
constexpr Holds issue = [](const Workspace& ws, const RecordId& id) { return ws.issues.count(id) > 0; };
constexpr Holds employer = [](const Workspace& ws, const RecordId& id) { return ws.employers.count(id) > 0; };
constexpr Holds establishment = [](const Workspace& ws, const RecordId& id) { return ws.establishments.count(id) > 0; };
constexpr Holds job = [](const Workspace& ws, const RecordId& id) { return ws.jobs.count(id) > 0; };
constexpr Holds match = [](const Workspace& ws, const RecordId& id) { return ws.matches.count(id) > 0; };
constexpr Holds hire = [](const Workspace& ws, const RecordId& id) { return ws.hires.count(id) > 0; };
}  // namespace kind

class Checker {
 public:
  explicit Checker(const Workspace& ws) : ws_(ws) {}

  // `field` of record `id` (a `kind`) names a record of one of `kinds`; empty is allowed unless required.
  void ref(const char* kind, const RecordId& id, const char* field, const RecordId& target,
           std::initializer_list<Holds> kinds, bool required = true) const {
    if (target.empty()) {
      if (required) throw Broken{"The " + std::string(kind) + " record " + id + " has no " + field + "."};
      return;
    }
    for (Holds holds : kinds)
      if (holds(ws_, target)) return;
    const char* found = ws_.kind_of(target);
    throw Broken{"The " + std::string(kind) + " record " + id + " names the " + field + " " + target +
                 (found ? ", which is a " + std::string(found) + " record." : ", which is not in this workspace.")};
  }

 private:
  const Workspace& ws_;
};

void check_references(const Workspace& ws) {
  const Checker c(ws);
  constexpr bool optional = false;
  for (auto& [id, s] : ws.staff) c.ref("staff", id, "organisation", s.organisation, {kind::organisation});
  for (auto& [id, x] : ws.clients) {
    c.ref("client", id, "provider", x.provider, {kind::organisation});
    c.ref("client", id, "primary contact", x.primary_contact, {kind::staff}, optional);
  }
  for (auto& [id, g] : ws.goals) c.ref("goal", id, "client", g.client, {kind::client});
  for (auto& [id, a] : ws.activities) {
    c.ref("activity", id, "client", a.client, {kind::client});
    c.ref("activity", id, "goal", a.goal, {kind::goal}, optional);
    c.ref("activity", id, "training provider", a.training_provider, {kind::organisation}, optional);
  }
  for (auto& [id, i] : ws.issues) {
    if (i.client.empty() == i.employer.empty())
      throw Broken{"The issue record " + id + " must be about one client or one employer (E1)."};
    c.ref("issue", id, "client", i.client, {kind::client}, optional);
    c.ref("issue", id, "employer", i.employer, {kind::employer}, optional);
    c.ref("issue", id, "owner", i.owner, {kind::staff}, optional);
  }
  for (auto& [id, k] : ws.contacts) {
    c.ref("contact", id, "client", k.client, {kind::client});
    c.ref("contact", id, "staff member", k.by, {kind::staff}, optional);
  }
  for (auto& [id, n] : ws.case_notes) {
    if (n.client.empty() == n.employer.empty())
      throw Broken{"The case_note record " + id + " must be on one client's or one employer's file (N5)."};
    c.ref("case_note", id, "client", n.client, {kind::client}, optional);
    c.ref("case_note", id, "employer", n.employer, {kind::employer}, optional);
    c.ref("case_note", id, "issue", n.issue, {kind::issue}, optional);
  }
  for (auto& [id, e] : ws.employers)
    for (auto& o : e.owners) c.ref("employer", id, "owner", o.staff, {kind::staff});
  for (auto& [id, e] : ws.establishments) c.ref("establishment", id, "employer", e.employer, {kind::employer});
  for (auto& [id, m] : ws.communications) c.ref("communication", id, "employer", m.employer, {kind::employer});
  for (auto& [id, j] : ws.jobs) {
    c.ref("job", id, "employer", j.employer, {kind::employer});
    c.ref("job", id, "establishment", j.establishment, {kind::establishment});
    c.ref("job", id, "owner", j.owner, {kind::staff}, optional);
    c.ref("job", id, "owner organisation", j.owner_organisation, {kind::organisation}, optional);
  }
  for (auto& [id, s] : ws.services) {
    c.ref("service", id, "establishment", s.establishment, {kind::establishment});
    c.ref("service", id, "employer", s.employer, {kind::employer});
    c.ref("service", id, "staff member", s.staff, {kind::staff});
    if (ws.establishments.at(s.establishment).employer != s.employer)
      throw Broken{"The service record " + id + " names the employer " + s.employer + ", but its establishment " +
                   s.establishment + " belongs to " + ws.establishments.at(s.establishment).employer + "."};
  }
  for (auto& [id, m] : ws.matches) {
    c.ref("match", id, "client", m.client, {kind::client});
    c.ref("match", id, "job", m.job, {kind::job});
    c.ref("match", id, "job owner", m.job_owner, {kind::staff}, optional);
    c.ref("match", id, "case manager", m.case_manager, {kind::staff}, optional);
    c.ref("match", id, "referrer", m.referred_by, {kind::staff}, optional);
  }
  for (auto& [id, h] : ws.hires) {
    c.ref("hire", id, "match", h.match, {kind::match});
    c.ref("hire", id, "client", h.client, {kind::client});
    c.ref("hire", id, "job", h.job, {kind::job});
    c.ref("hire", id, "establishment", h.establishment, {kind::establishment}, optional);
  }
  for (auto& [id, n] : ws.notifications) c.ref("notification", id, "recipient", n.to, {kind::staff, kind::client});
  for (auto& [id, k] : ws.comments) {
    c.ref("comment", id, "record", k.record, {kind::client, kind::employer, kind::job, kind::match, kind::hire, kind::issue});
    c.ref("comment", id, "author", k.by, {kind::staff, kind::client});
  }
  for (auto& p : ws.meta.subsidised_programs)
    if (!ws.organisations.count(p.priority_organisation))
      throw Broken{"The subsidised program \"" + p.name + "\" names the organisation " + p.priority_organisation +
                   ", which is not in this workspace."};
  for (auto& t : ws.meta.targets)
    if (!t.organisation.empty() && !ws.organisations.count(t.organisation))
      throw Broken{"A target names the organisation " + t.organisation + ", which is not in this workspace."};
}

// The sequence of an id "<origin>-<10 digits>" of this workspace, or 0.
std::uint64_t sequence_of(const RecordId& id, const std::string& origin) {
  if (id.size() != origin.size() + 11 || id.compare(0, origin.size(), origin) != 0 || id[origin.size()] != '-') return 0;
  std::uint64_t n = 0;
  for (std::size_t i = origin.size() + 1; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return 0;
    n = n * 10 + std::uint64_t(id[i] - '0');
  }
  return n;
}

// W5: one id, one record. Of two records read with one id, the later
// replaced the earlier of its kind, or both are there under two kinds.
// `read`: the hashes of the ids read, sorted; `repeated`: the ids the records
// hold whose hash was read more than once (rare: that, or two ids alike in 64 bits).
std::optional<Error> one_id_one_record(const Workspace& ws, const std::vector<std::uint64_t>& read,
                                       const std::vector<const RecordId*>& repeated) {
  auto damaged = [](const RecordId& id, const std::string& kind, const std::string& other) {
    const char* article = other == kind ? "another " : std::string("aeiou").find(other[0]) != std::string::npos ? "an " : "a ";
    return Error{"corrupt", "The " + kind + " record " + id + " is damaged: its id is also the id of " + article + other + " record."};
  };
  for (const RecordId* id : repeated) {
    std::vector<const char*> kinds;  // that hold it
    for (const char* kind : Workspace::kKinds)
      if (ws.holds(kind, *id)) kinds.push_back(kind);
    if (kinds.size() > 1) return damaged(*id, kinds[1], kinds[0]);
    // Read more often than records hold its hash: a record of this kind read twice, one kept.
    const std::uint64_t hash = id_hash(*id);
    const auto [from, to] = std::equal_range(read.begin(), read.end(), hash);
    const auto held = std::count_if(repeated.begin(), repeated.end(), [&](const RecordId* r) { return id_hash(*r) == hash; });
    if (to - from > held) return damaged(*id, kinds[0], kinds[0]);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> check_integrity(Workspace& ws) {
  ws.place_records_read();
  std::vector<std::uint64_t> read;
  read.swap(ws.ids_read);  // all read: its memory goes back once checked
  std::sort(read.begin(), read.end());
  const bool twice = std::adjacent_find(read.begin(), read.end()) != read.end();
  std::vector<const RecordId*> repeated;
  ws.for_each_id([&](const RecordId& id) {
    // W5: a restored or damaged meta may lag behind its records; new ids start past all of them.
    const std::uint64_t n = sequence_of(id, ws.meta.id_origin);
    if (n >= ws.meta.next_sequence) ws.meta.next_sequence = n + 1;
    if (!twice) return;
    const auto [from, to] = std::equal_range(read.begin(), read.end(), id_hash(id));
    if (to - from > 1) repeated.push_back(&id);
  });
  if (auto e = one_id_one_record(ws, read, repeated)) return e;
  try {
    check_references(ws);
  } catch (const Broken& b) {
    return Error{"broken_reference", b.message};
  }
  return std::nullopt;
}

}  // namespace bw
