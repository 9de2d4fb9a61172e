#include "workspace.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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

// Stores `record` in `records`. Returns the record if it is new (the caller
// lists it), or nullptr when it replaced one of the same id. Ids grow, so a
// new record's place is most often the end, which is looked at first.
template <class Record>
static const Record* store(std::map<RecordId, Record>& records, Record&& record) {
  auto at = records.end();
  if (!records.empty() && !(std::prev(at)->first < record.id)) {
    at = records.lower_bound(record.id);
    if (at != records.end() && at->first == record.id) {
      at->second = std::move(record);
      return nullptr;
    }
  }
  return &records.emplace_hint(at, record.id, std::move(record))->second;  // the key is copied before the record moves
}

const Staff* Workspace::find_staff(const RecordId& id) const { return find_in(staff, id); }
const Organisation* Workspace::find_organisation(const RecordId& id) const {
  return find_in(organisations, id);
}
const Client* Workspace::find_client(const RecordId& id) const { return find_in(clients, id); }
const Issue* Workspace::find_issue(const RecordId& id) const { return find_in(issues, id); }

const Activity* Workspace::find_activity(const RecordId& id) const { return find_in(activities, id); }

void Workspace::list(const Issue& i) { issues_by_subject[i.client.empty() ? i.employer : i.client].push_back(i.id); }
void Workspace::add_issue(Issue&& i) {
  if (auto* added = store(issues, std::move(i))) list(*added);
}

void Workspace::list(const CaseNote& n) { case_notes_by_client[n.client.empty() ? n.employer : n.client].push_back(n.id); }
void Workspace::add_case_note(CaseNote&& n) {
  if (auto* added = store(case_notes, std::move(n))) list(*added);
}

std::vector<const CaseNote*> Workspace::case_notes_of(const RecordId& client) const {
  auto out = records_in(case_notes, case_notes_by_client, client);
  // A note written now about an earlier event still sorts by when it was written.
  sort_list(out, [](auto* a, auto* b) { return a->at != b->at ? a->at > b->at : a->id > b->id; });
  return out;
}

void Workspace::list(const Goal& g) { goals_by_client[g.client].push_back(g.id); }
void Workspace::add_goal(Goal&& g) {
  if (auto* added = store(goals, std::move(g))) list(*added);
}
void Workspace::list(const Activity& a) { activities_by_client[a.client].push_back(a.id); }
void Workspace::add_activity(Activity&& a) {
  if (auto* added = store(activities, std::move(a))) list(*added);
}
void Workspace::list(const Establishment& e) { establishments_by_employer[e.employer].push_back(e.id); }
void Workspace::add_establishment(Establishment&& e) {
  if (auto* added = store(establishments, std::move(e))) list(*added);
}
void Workspace::list(const Communication& c) {
  communications_by_employer[c.employer].push_back(c.id);
  communications_by_staff[c.by].push_back(c.id);
}
void Workspace::add_communication(Communication&& c) {
  if (auto* added = store(communications, std::move(c))) list(*added);
}
// An employer replaced is listed again: its triage may have changed.
void Workspace::list(const Employer& e) {
  if (e.triage) employers_untriaged.erase(e.id);
  else employers_untriaged.insert(e.id);
}
void Workspace::add_employer(Employer&& e) {
  list(e);
  const RecordId id = e.id;
  employers.insert_or_assign(id, std::move(e));
}
void Workspace::set_triage(const RecordId& employer, Triage t) {
  employers.at(employer).triage = std::move(t);
  employers_untriaged.erase(employer);
}
void Workspace::list(const Job& j) {
  jobs_by_employer[j.employer].push_back(j.id);
  jobs_by_owner[j.owner].push_back(j.id);
}
void Workspace::add_job(Job&& j) {
  if (auto* added = store(jobs, std::move(j))) list(*added);
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

void Workspace::list(const Client& c) { clients_by_primary_contact[c.primary_contact].push_back(c.id); }
void Workspace::add_client(Client&& c) {
  if (auto* added = store(clients, std::move(c))) list(*added);
}

void Workspace::set_primary_contact(const RecordId& client, const RecordId& staff) {
  Client& c = clients.at(client);
  move_in_index(clients_by_primary_contact, client, c.primary_contact, staff);
  c.primary_contact = staff;
}

void Workspace::list(const Service& s) {
  services_by_employer[s.employer].push_back(s.id);
  const ProgramQuarter q = program_quarter_of(s.date);
  services_by_quarter[{q.program_year, q.quarter}].push_back(s.id);
  services_by_staff_quarter[{s.staff, q.program_year, q.quarter}].push_back(s.id);
}
void Workspace::add_service(Service&& s) {
  if (auto* added = store(services, std::move(s))) list(*added);
}
void Workspace::list(const Notification& n) { notifications_by_staff[n.to].push_back(n.id); }
void Workspace::add_notification(Notification&& n) {
  if (auto* added = store(notifications, std::move(n))) list(*added);
}
namespace {
bool waits_on_staff(MatchStage s) {
  return s == MatchStage::AwaitingApproval || s == MatchStage::SentBack || s == MatchStage::Interested;
}
}  // namespace

void Workspace::list(const Match& m) {
  matches_by_client[m.client].push_back(m.id);
  set_match_stage(m.id, m.stage);
}
const Match& Workspace::add_match(Match&& m) {
  const RecordId id = m.id;
  const MatchStage stage = m.stage;
  if (auto* added = store(matches, std::move(m))) list(*added);
  else set_match_stage(id, stage);
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
void Workspace::list(const Comment& c) {
  comments_by_record[c.record].push_back(c.id);
  for (const RecordId& tagged : c.tags) comments_by_tag[tagged].push_back(c.id);
}
void Workspace::add_comment(Comment&& c) {
  if (auto* added = store(comments, std::move(c))) list(*added);
}

const Employer* Workspace::find_employer(const RecordId& id) const { return find_in(employers, id); }
const Establishment* Workspace::find_establishment(const RecordId& id) const { return find_in(establishments, id); }
const Job* Workspace::find_job(const RecordId& id) const { return find_in(jobs, id); }

void Workspace::index_audit(const AuditEntry& e) {
  if (audit_listed_) audit_lists_[e.record].push_back(e.id);
}

void Workspace::add_contact(Contact&& c) {
  auto& list = contacts_by_client[c.client];
  const RecordId id = c.id;
  const auto date = c.date;
  contacts.insert_or_assign(id, std::move(c));
  const auto at = std::upper_bound(list.begin(), list.end(), date,
                                   [&](const auto& d, const RecordId& other) { return d < contacts.at(other).date; });
  list.insert(at, id);
}

namespace {
// A record read (or a list's key), by where its id sorts: 16 bytes of the id
// as two numbers that order as the ids do (byte by byte, a shorter id first),
// so that most comparisons read no text. The bytes are those after what every
// id sorted begins with (the workspace's origin, the sequence's leading zeros).
struct IdOrder {
  std::uint64_t first, second;
  const RecordId* id;
  std::uint32_t at;  // in what was read
};
int compare_order(const void* left, const void* right) {
  const auto& a = *static_cast<const IdOrder*>(left);
  const auto& b = *static_cast<const IdOrder*>(right);
  if (a.first != b.first) return a.first < b.first ? -1 : 1;
  if (a.second != b.second) return a.second < b.second ? -1 : 1;
  if (const int c = a.id->compare(*b.id)) return c;
  return a.at < b.at ? -1 : a.at > b.at;  // an id read twice (W5): the later replaces the earlier
}
// Sorts by (first, second), keeping the order of equal ones: a radix sort,
// a byte at a time from the last, passing over bytes every id has alike.
void sort_by_numbers(std::vector<IdOrder>& order) {
  std::vector<IdOrder> spare(order.size());
  for (int byte = 15; byte >= 0; --byte) {
    auto digit = [byte](const IdOrder& o) {
      return unsigned(((byte < 8 ? o.first : o.second) >> (8 * (7 - byte % 8))) & 0xFF);
    };
    std::size_t start[257] = {};
    for (const IdOrder& o : order) ++start[digit(o) + 1];
    if (start[digit(order[0]) + 1] == order.size()) continue;
    for (int d = 0; d < 256; ++d) start[d + 1] += start[d];
    for (const IdOrder& o : order) spare[start[digit(o)]++] = o;
    order.swap(spare);
  }
}

// `order` in id order, and equal ids in the order read. One function for
// every kind: a sort made for each kind would add kilobytes to the download.
std::vector<IdOrder> in_id_order(std::vector<IdOrder> order) {
  if (order.empty()) return order;
  const RecordId& first = *order[0].id;
  std::size_t common = first.size();
  for (const IdOrder& o : order) {
    common = std::min(common, o.id->size());
    std::size_t i = 0;
    while (i < common && (*o.id)[i] == first[i]) ++i;
    common = i;
  }
  for (IdOrder& o : order) {
    unsigned char bytes[16] = {};
    std::memcpy(bytes, o.id->data() + common, std::min<std::size_t>(o.id->size() - common, sizeof bytes));
    for (int i = 0; i < 8; ++i) o.first = o.first << 8 | bytes[i];
    for (int i = 8; i < 16; ++i) o.second = o.second << 8 | bytes[i];
  }
  sort_by_numbers(order);
  // Ids alike in those 16 bytes (longer ones) are put in order by their text.
  for (std::size_t from = 0, to; from < order.size(); from = to) {
    for (to = from + 1; to < order.size() && order[to].first == order[from].first && order[to].second == order[from].second;) ++to;
    bool alike = true;  // the same id (a list's key, many times): already in the order read
    for (std::size_t k = from + 1; k < to && alike; ++k) alike = *order[k].id == *order[from].id;
    if (!alike) std::qsort(&order[from], to - from, sizeof(IdOrder), compare_order);
  }
  return order;
}

// A record as list_by_time lists it: under `key`, at `time`.
struct Listed {
  const RecordId* key;
  std::int64_t time;
  const RecordId* id;
};
// Makes `index` again from `rows` (one a record, in id order), every list in
// order of (time, id). The rows are put in order of their key (then id) once,
// so each list is made whole, with one lookup; it needs sorting only where a
// later id has an earlier time (a clock set back, a contact dated before the
// last one). One function for every record kind.
void list_by_time(const std::vector<Listed>& rows, std::unordered_map<RecordId, std::vector<RecordId>>& index) {
  index.clear();
  std::vector<IdOrder> by_key;
  by_key.reserve(rows.size());
  for (std::uint32_t i = 0; i < rows.size(); ++i) by_key.push_back({0, 0, rows[i].key, i});
  by_key = in_id_order(std::move(by_key));
  std::vector<std::uint32_t> lists;  // where each key's rows begin
  for (std::uint32_t k = 0; k < by_key.size(); ++k)
    if (k == 0 || by_key[k].first != by_key[k - 1].first || by_key[k].second != by_key[k - 1].second ||
        *by_key[k].id != *by_key[k - 1].id)
      lists.push_back(k);
  lists.push_back(std::uint32_t(by_key.size()));
  index.reserve(lists.size());  // grown as it filled, its table was made again at each doubling
  std::vector<std::pair<std::int64_t, RecordId>> trail;
  for (std::size_t l = 0; l + 1 < lists.size(); ++l) {
    const std::size_t from = lists[l], to = lists[l + 1];
    std::vector<RecordId>& list = index[*by_key[from].id];
    list.reserve(to - from);
    bool in_order = true;
    for (std::size_t k = from; k < to; ++k) {
      if (k > from && rows[by_key[k].at].time < rows[by_key[k - 1].at].time) in_order = false;
      list.push_back(*rows[by_key[k].at].id);
    }
    if (in_order) continue;
    trail.clear();
    for (std::size_t k = from; k < to; ++k) trail.emplace_back(rows[by_key[k].at].time, *rows[by_key[k].at].id);
    std::sort(trail.begin(), trail.end());
    for (std::size_t k = 0; k < trail.size(); ++k) list[k] = std::move(trail[k].second);
  }
}
}  // namespace

template <class Record>
void Workspace::place(std::deque<Record>& came, std::map<RecordId, Record>& records) {
  std::vector<IdOrder> order;
  order.reserve(came.size());
  for (std::uint32_t i = 0; i < came.size(); ++i) order.push_back({0, 0, &came[i].id, i});
  for (const IdOrder& o : in_id_order(std::move(order)))
    if (const Record* added = store(records, std::move(came[o.at]))) list(*added);
}

void Workspace::place_records_read() {
  RecordsRead::Kinds* kinds = read.kinds();
  if (!kinds) return;
  auto& [clients_read, issues_read, case_notes_read, contacts_read, goals_read, activities_read, employers_read,
         establishments_read, communications_read, jobs_read, services_read, notifications_read, matches_read,
         hires_read, comments_read, audit_read] = *kinds;
  place(clients_read, clients), place(issues_read, issues), place(case_notes_read, case_notes);
  place(contacts_read, contacts);
  place(goals_read, goals), place(activities_read, activities), place(employers_read, employers);
  place(establishments_read, establishments), place(communications_read, communications), place(jobs_read, jobs);
  place(services_read, services), place(notifications_read, notifications), place(matches_read, matches);
  place(hires_read, hires), place(comments_read, comments), place(audit_read, audit);
  read.clear();  // their memory back
}

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
  audit_lists_.clear();  // listed again when first read
  audit_listed_ = false;
}

const std::unordered_map<RecordId, std::vector<RecordId>>& Workspace::audit_by_record() const {
  if (!audit_listed_) {
    std::vector<Listed> rows;
    rows.reserve(audit.size());
    for (const auto& [id, e] : audit) rows.push_back({&e.record, e.at, &id});
    list_by_time(rows, audit_lists_);
    audit_listed_ = true;
  }
  return audit_lists_;
}

}  // namespace bw
