#include "workspace.hpp"

#include <algorithm>
#include <cstdio>

#include "report.hpp"

namespace bw {

std::size_t utf8_chars(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;  // continuation bytes are not characters
  return n;
}

std::uint64_t next_change() {
  static std::uint64_t last = 0;  // the app is single-threaded (the browser's main thread)
  return ++last;
}

RecordId Workspace::new_id() {
  char seq[24];
  std::snprintf(seq, sizeof seq, "%010llu", static_cast<unsigned long long>(meta.next_sequence++));
  return meta.id_origin + "-" + seq;
}

void Workspace::changed(const std::vector<RecordId>& touched) {
  change = next_change();
  if (std::any_of(touched.begin(), touched.end(), [&](const RecordId& id) {
        return clients.count(id) || contacts.count(id) || activities.count(id);
      }))
    caseload_change = change;
}

const char* Workspace::kind_of(const RecordId& id) const {
  for (const char* kind : kKinds)
    if (holds(kind, id)) return kind;
  return nullptr;
}

bool Workspace::holds(std::string_view kind, const RecordId& id) const {
  if (kind == "organisation") return organisations.count(id);
  if (kind == "staff") return staff.count(id);
  if (kind == "client") return clients.count(id);
  if (kind == "issue") return issues.count(id);
  if (kind == "case_note") return case_notes.count(id);
  if (kind == "contact") return contacts.count(id);
  if (kind == "goal") return goals.count(id);
  if (kind == "activity") return activities.count(id);
  if (kind == "employer") return employers.count(id);
  if (kind == "establishment") return establishments.count(id);
  if (kind == "communication") return communications.count(id);
  if (kind == "job") return jobs.count(id);
  if (kind == "service") return services.count(id);
  if (kind == "notification") return notifications.count(id);
  if (kind == "match") return matches.count(id);
  if (kind == "hire") return hires.count(id);
  if (kind == "comment") return comments.count(id);
  return kind == "audit" && audit.count(id);
}

template <class Map>
static auto find_in(const Map& m, const RecordId& id) -> const typename Map::mapped_type* {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

// Stores `record` in `records`, found once; a new record is also listed once
// under the id `key_of` names, in O(1). Returns the record if it is new.
template <class Record, class KeyOf>
static const Record* store(std::map<RecordId, Record>& records, std::unordered_map<RecordId, std::vector<RecordId>>& index,
                           Record record, KeyOf key_of) {
  auto at = records.lower_bound(record.id);
  if (at != records.end() && at->first == record.id) {
    at->second = std::move(record);
    return nullptr;
  }
  at = records.emplace_hint(at, record.id, std::move(record));  // the key is copied before the record moves
  index[key_of(at->second)].push_back(at->first);
  return &at->second;
}

const Staff* Workspace::find_staff(const RecordId& id) const { return find_in(staff, id); }
const Organisation* Workspace::find_organisation(const RecordId& id) const {
  return find_in(organisations, id);
}
const Client* Workspace::find_client(const RecordId& id) const { return find_in(clients, id); }
const Issue* Workspace::find_issue(const RecordId& id) const { return find_in(issues, id); }

const Activity* Workspace::find_activity(const RecordId& id) const { return find_in(activities, id); }

void Workspace::add_issue(Issue i) {
  store(issues, issues_by_subject, std::move(i), [](const Issue& x) -> const RecordId& { return x.client.empty() ? x.employer : x.client; });
}

void Workspace::add_case_note(CaseNote n) {
  store(case_notes, case_notes_by_client, std::move(n), [](const CaseNote& x) -> const RecordId& { return x.client.empty() ? x.employer : x.client; });
}

std::vector<const CaseNote*> Workspace::case_notes_of(const RecordId& client) const {
  auto out = records_in(case_notes, case_notes_by_client, client);
  // A note written now about an earlier event still sorts by when it was written.
  sort_list(out, [](auto* a, auto* b) { return a->at != b->at ? a->at > b->at : a->id > b->id; });
  return out;
}

void Workspace::add_goal(Goal g) {
  store(goals, goals_by_client, std::move(g), [](const Goal& x) -> const RecordId& { return x.client; });
}
void Workspace::add_activity(Activity a) {
  store(activities, activities_by_client, std::move(a), [](const Activity& x) -> const RecordId& { return x.client; });
}
void Workspace::add_establishment(Establishment e) {
  store(establishments, establishments_by_employer, std::move(e), [](const Establishment& x) -> const RecordId& { return x.employer; });
}
void Workspace::add_communication(Communication c) {
  if (auto* added = store(communications, communications_by_employer, std::move(c),
                          [](const Communication& x) -> const RecordId& { return x.employer; }))
    communications_by_staff[added->by].push_back(added->id);
}
void Workspace::add_employer(Employer e) {
  if (e.triage) employers_untriaged.erase(e.id);
  else employers_untriaged.insert(e.id);
  const RecordId id = e.id;
  employers.insert_or_assign(id, std::move(e));
}
void Workspace::set_triage(const RecordId& employer, Triage t) {
  employers.at(employer).triage = std::move(t);
  employers_untriaged.erase(employer);
}
void Workspace::add_job(Job j) {
  if (auto* added = store(jobs, jobs_by_employer, std::move(j), [](const Job& x) -> const RecordId& { return x.employer; }))
    jobs_by_owner[added->owner].push_back(added->id);
}

namespace {
// A record's key changed: it moves to the new key's list, which stays in id order.
void move_in_index(std::unordered_map<RecordId, std::vector<RecordId>>& index, const RecordId& id,
                   const RecordId& from, const RecordId& to) {
  std::erase(index[from], id);
  auto& list = index[to];
  list.insert(std::upper_bound(list.begin(), list.end(), id), id);
}
}  // namespace

void Workspace::set_job_owner(const RecordId& job, const RecordId& owner) {
  Job& j = jobs.at(job);
  move_in_index(jobs_by_owner, job, j.owner, owner);
  j.owner = owner;
}

void Workspace::add_client(Client c) {
  store(clients, clients_by_primary_contact, std::move(c), [](const Client& x) -> const RecordId& { return x.primary_contact; });
}

void Workspace::set_primary_contact(const RecordId& client, const RecordId& staff) {
  Client& c = clients.at(client);
  move_in_index(clients_by_primary_contact, client, c.primary_contact, staff);
  c.primary_contact = staff;
}

void Workspace::add_service(Service s) {
  if (auto* added = store(services, services_by_employer, std::move(s), [](const Service& x) -> const RecordId& { return x.employer; })) {
    const ProgramQuarter q = program_quarter_of(added->date);
    services_by_quarter[{q.program_year, q.quarter}].push_back(added->id);
    services_by_staff_quarter[{added->staff, q.program_year, q.quarter}].push_back(added->id);
  }
}
void Workspace::add_notification(Notification n) {
  store(notifications, notifications_by_staff, std::move(n), [](const Notification& x) -> const RecordId& { return x.to; });
}
namespace {
bool waits_on_staff(MatchStage s) {
  return s == MatchStage::AwaitingApproval || s == MatchStage::SentBack || s == MatchStage::Interested;
}
}  // namespace

const Match& Workspace::add_match(Match m) {
  const RecordId id = m.id;
  const MatchStage stage = m.stage;
  store(matches, matches_by_client, std::move(m), [](const Match& x) -> const RecordId& { return x.client; });
  set_match_stage(id, stage);
  return matches.at(id);
}

void Workspace::set_match_stage(const RecordId& match, MatchStage stage) {
  Match& m = matches.at(match);
  m.stage = stage;
  for (const RecordId* person : {&m.job_owner, &m.case_manager})
    if (waits_on_staff(stage)) matches_waiting_on[*person].insert(match);
    else if (auto it = matches_waiting_on.find(*person); it != matches_waiting_on.end()) it->second.erase(match);
}

void Workspace::set_match_approvers(const RecordId& match, const RecordId& job_owner, const RecordId& case_manager) {
  Match& m = matches.at(match);
  if (waits_on_staff(m.stage))  // out of the old approvers' lists
    for (const RecordId* person : {&m.job_owner, &m.case_manager}) matches_waiting_on[*person].erase(match);
  m.job_owner = job_owner;
  m.case_manager = case_manager;
  set_match_stage(match, m.stage);
}
void Workspace::add_comment(Comment c) {
  if (auto* added = store(comments, comments_by_record, std::move(c), [](const Comment& x) -> const RecordId& { return x.record; }))
    for (const RecordId& tagged : added->tags) comments_by_tag[tagged].push_back(added->id);
}

const Employer* Workspace::find_employer(const RecordId& id) const { return find_in(employers, id); }
const Establishment* Workspace::find_establishment(const RecordId& id) const { return find_in(establishments, id); }
const Job* Workspace::find_job(const RecordId& id) const { return find_in(jobs, id); }

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

namespace {
// A record as list_by_time lists it: under `key`, at `time`.
struct Listed {
  const RecordId* key;
  std::int64_t time;
  const RecordId* id;
};
// Makes `index` again from `rows` (one a record, in id order), every list in
// order of (time, id). A list needs sorting only where a later id has an
// earlier time (a clock set back, a contact dated before the last one), so no
// record is looked up otherwise. One function for every record kind.
void list_by_time(const std::vector<Listed>& rows, std::unordered_map<RecordId, std::vector<RecordId>>& index) {
  index.clear();
  std::unordered_map<std::vector<RecordId>*, std::int64_t> latest;  // each list's, so far
  std::unordered_map<std::vector<RecordId>*, std::vector<std::pair<std::int64_t, RecordId>>> out_of_order;
  for (const Listed& r : rows) {
    std::vector<RecordId>& list = index[*r.key];
    auto [last, first] = latest.try_emplace(&list, r.time);
    if (!first && r.time < last->second) out_of_order[&list];
    else last->second = r.time;
    list.push_back(*r.id);
  }
  if (out_of_order.empty()) return;
  for (const Listed& r : rows)
    if (auto trail = out_of_order.find(&index[*r.key]); trail != out_of_order.end()) trail->second.emplace_back(r.time, *r.id);
  for (auto& [list, trail] : out_of_order) {
    std::sort(trail.begin(), trail.end());
    for (std::size_t i = 0; i < list->size(); ++i) (*list)[i] = std::move(trail[i].second);
  }
}
}  // namespace

void Workspace::order_indexes() {
  auto sort_lists = [](auto& index) {
    for (auto& [key, ids] : index)
      if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  };
  // Ids grow with time, so id order is the order they were added (W5).
  for (auto* index : {&issues_by_subject, &goals_by_client, &activities_by_client, &case_notes_by_client, &establishments_by_employer,
                      &communications_by_employer, &jobs_by_employer, &services_by_employer, &notifications_by_staff, &jobs_by_owner,
                      &comments_by_record, &comments_by_tag, &communications_by_staff, &matches_by_client,
                      &clients_by_primary_contact})
    sort_lists(*index);
  sort_lists(services_by_quarter);
  sort_lists(services_by_staff_quarter);
  std::vector<Listed> rows;
  rows.reserve(contacts.size());
  for (const auto& [id, k] : contacts)
    rows.push_back({&k.client, std::chrono::sys_days(k.date).time_since_epoch().count(), &id});
  list_by_time(rows, contacts_by_client);
  rows.clear();
  rows.reserve(audit.size());
  for (const auto& [id, e] : audit) rows.push_back({&e.record, e.at, &id});
  list_by_time(rows, audit_by_record);
}

}  // namespace bw
