#include "storage.hpp"

#include <algorithm>

namespace bw {

int bucket_of(std::string_view id) {
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across builds and platforms
  for (char c : id) h = (h ^ std::uint8_t(c)) * 16777619u;
  return int(h % kBucketCount);
}

std::string seal(std::string plain) { return plain; }

std::variant<std::string, Error> unseal(std::string stored) {
  if (!stored.empty() && (stored[0] == '{' || stored[0] == '[')) return stored;
  return Error{"sealed", "This workspace's data is encrypted and cannot be read by this version."};
}

// [SECTION] Records to JSON
namespace {
json rev_json(const Revision& r) {
  return {{"number", r.number}, {"changed_by", r.changed_by}, {"changed_at", format_iso(r.changed_at)}};
}
Revision rev_from(const json& j) {
  auto at = parse_iso(j.at("changed_at").get<std::string>());
  if (!at) throw std::runtime_error("bad revision time");
  return {j.at("number").get<int>(), j.at("changed_by").get<std::string>(), *at};
}
LocalSeconds time_from(const json& j) {
  auto t = parse_iso(j.get<std::string>());
  if (!t) throw std::runtime_error("bad time " + j.dump());
  return *t;
}
std::chrono::year_month_day date_from(const json& j) {
  auto d = parse_iso_date(j.get<std::string>());
  if (!d) throw std::runtime_error("bad date " + j.dump());
  return *d;
}
template <class E, class F>
E enum_from(const json& j, F from) {
  auto v = from(j.get<std::string>());
  if (!v) throw std::runtime_error("unknown name " + j.dump());
  return *v;
}
}  // namespace

json to_json(const Organisation& o) {
  return {{"kind", "organisation"}, {"id", o.id}, {"name", o.name},
          {"organisation_kind", kind_name(o.kind)}, {"revision", rev_json(o.revision)}};
}

json to_json(const Staff& s) {
  json j = {{"kind", "staff"}, {"id", s.id}, {"name", s.name}, {"email", s.email},
            {"organisation", s.organisation}, {"role", role_name(s.role)}, {"active", s.active},
            {"deactivation_reason", s.deactivation_reason}, {"pin_hash", s.pin_hash},
            {"revision", rev_json(s.revision)}};
  j["deactivated_at"] = s.deactivated_at ? json(format_iso(*s.deactivated_at)) : json(nullptr);
  return j;
}

json to_json(const Client& c) {
  json programs = json::array();
  for (Program p : c.programs) programs.push_back(program_name(p));
  return {{"kind", "client"}, {"id", c.id}, {"first_name", c.first_name},
          {"last_name", c.last_name}, {"date_of_birth", format_iso_date(c.date_of_birth)},
          {"email", c.email}, {"phone", c.phone}, {"programs", programs},
          {"provider", c.provider}, {"primary_contact", c.primary_contact},
          {"enrolled_on", format_iso_date(c.enrolled_on)},
          {"exited_on", c.exited_on ? json(format_iso_date(*c.exited_on)) : json(nullptr)},
          {"exit_reason", c.exit_reason},
          {"plan_agreed_on", c.plan_agreed_on ? json(format_iso_date(*c.plan_agreed_on)) : json(nullptr)},
          {"plan_agreed_how", c.plan_agreed_how}, {"revision", rev_json(c.revision)}};
}

namespace {
json optional_date(const std::optional<std::chrono::year_month_day>& d) {
  return d ? json(format_iso_date(*d)) : json(nullptr);
}
std::optional<std::chrono::year_month_day> optional_date_from(const json& j) {
  if (j.is_null()) return std::nullopt;
  return date_from(j);
}
}  // namespace

json to_json(const Goal& g) {
  return {{"kind", "goal"}, {"id", g.id}, {"client", g.client}, {"text", g.text},
          {"achieved_on", optional_date(g.achieved_on)}, {"revision", rev_json(g.revision)}};
}

json to_json(const Activity& a) {
  return {{"kind", "activity"}, {"id", a.id}, {"client", a.client}, {"goal", a.goal}, {"name", a.name},
          {"training_provider", a.training_provider}, {"start", format_iso_date(a.start)},
          {"planned_end", format_iso_date(a.planned_end)}, {"actual_end", optional_date(a.actual_end)},
          {"end", a.end ? json(activity_end_name(*a.end)) : json(nullptr)}, {"end_reason", a.end_reason},
          {"revision", rev_json(a.revision)}};
}

namespace {
json optional_time(const std::optional<LocalSeconds>& t) { return t ? json(format_iso(*t)) : json(nullptr); }
std::optional<LocalSeconds> optional_time_from(const json& j) {
  if (j.is_null()) return std::nullopt;
  return time_from(j);
}
}  // namespace

json to_json(const Issue& i) {
  return {{"kind", "issue"}, {"id", i.id}, {"client", i.client}, {"concern", i.concern},
          {"source", source_name(i.source)}, {"owner", i.owner}, {"raised_at", format_iso(i.raised_at)},
          {"owner_escalated_to_2", optional_time(i.owner_escalated_to_2)},
          {"owner_escalated_to_3", optional_time(i.owner_escalated_to_3)},
          {"closed_at", optional_time(i.closed_at)},
          {"outcome", i.outcome ? json(outcome_name(*i.outcome)) : json(nullptr)},
          {"revision", rev_json(i.revision)}};
}

json to_json(const CaseNote& n) {
  return {{"kind", "case_note"}, {"id", n.id}, {"client", n.client}, {"at", format_iso(n.at)},
          {"by", n.by}, {"text", n.text}, {"issue", n.issue}, {"letter_to", n.letter_to}};
}

json to_json(const Contact& c) {
  json reviewed = json::array();
  for (auto& [activity, decision] : c.reviewed)
    reviewed.push_back({{"activity", activity}, {"decision", decision_name(decision)}});
  return {{"kind", "contact"}, {"id", c.id}, {"client", c.client}, {"date", format_iso_date(c.date)},
          {"type", contact_type_name(c.type)}, {"with", contact_with_name(c.with)}, {"results", c.results},
          {"documents", c.documents}, {"by", c.by}, {"reviewed", reviewed}, {"revision", rev_json(c.revision)}};
}

json to_json(const AuditEntry& a) {
  return {{"kind", "audit"}, {"id", a.id}, {"at", format_iso(a.at)}, {"by", a.by},
          {"command", a.command}, {"record", a.record}, {"summary", a.summary}};
}

json to_json(const WorkspaceMeta& m) {
  return {{"schema_version", m.schema_version}, {"name", m.name}, {"demo", m.demo},
          {"id_origin", m.id_origin}, {"next_sequence", m.next_sequence},
          {"created_at", format_iso(m.created_at)}, {"clock_offset", m.clock_offset},
          {"bucket_count", kBucketCount}};
}

json to_json(const BusinessCalendar& c) {
  json out = json::array();
  for (auto& [d, name] : c.closures()) out.push_back({{"date", format_iso_date(d)}, {"name", name}});
  return out;
}

std::string encode_meta(const Workspace& ws) {
  json j = to_json(ws.meta);
  j["closures"] = to_json(ws.calendar);
  return seal(j.dump());
}

std::variant<Workspace, Error> decode_meta(std::string stored) {
  auto plain = unseal(std::move(stored));
  if (auto* e = std::get_if<Error>(&plain)) return *e;
  json j = json::parse(std::get<std::string>(plain), nullptr, false);
  if (!j.is_object() || !j.contains("schema_version") || !j["schema_version"].is_number_integer())
    return Error{"corrupt", "The stored workspace has no readable schema version."};
  const int version = j["schema_version"].get<int>();
  if (version > kSchemaVersion)
    return Error{"newer_schema", "This workspace was saved by a newer version of Bridgework "
                                 "(data schema " + std::to_string(version) + "; this version reads up to " +
                                 std::to_string(kSchemaVersion) + "). It was left untouched: open it with the newer version."};
  try {
    Workspace ws;
    WorkspaceMeta& m = ws.meta;
    m.schema_version = kSchemaVersion;  // older data is read as it is and written as current
    m.name = j.at("name").get<std::string>();
    m.demo = j.at("demo").get<bool>();
    m.id_origin = j.at("id_origin").get<std::string>();
    m.next_sequence = j.at("next_sequence").get<std::uint64_t>();
    m.created_at = time_from(j.at("created_at"));
    m.clock_offset = j.at("clock_offset").get<LocalSeconds>();
    if (j.at("bucket_count").get<int>() != kBucketCount) throw std::runtime_error("bucket count");
    for (const json& c : j.value("closures", json::array()))
      ws.calendar.add_closure(date_from(c.at("date")), c.at("name").get<std::string>());
    return ws;
  } catch (const std::exception& e) {
    return Error{"corrupt", std::string("The stored workspace settings are damaged (") + e.what() + ")."};
  }
}

std::optional<Error> decode_bucket(Workspace& ws, std::string stored) {
  auto plain = unseal(std::move(stored));
  if (auto* e = std::get_if<Error>(&plain)) return *e;
  json j = json::parse(std::get<std::string>(plain), nullptr, false);
  if (!j.is_array()) return Error{"corrupt", "A stored bucket of records is damaged."};
  try {
    for (const json& r : j) {
      const std::string kind = r.at("kind").get<std::string>();
      const std::string id = r.at("id").get<std::string>();
      if (kind == "organisation") {
        ws.organisations[id] = Organisation{id, r.at("name").get<std::string>(),
                                            enum_from<OrganisationKind>(r.at("organisation_kind"), organisation_kind_from),
                                            rev_from(r.at("revision"))};
      } else if (kind == "staff") {
        Staff s;
        s.id = id;
        s.name = r.at("name").get<std::string>();
        s.email = r.at("email").get<std::string>();
        s.organisation = r.at("organisation").get<std::string>();
        s.role = enum_from<Role>(r.at("role"), role_from);
        s.active = r.at("active").get<bool>();
        s.deactivation_reason = r.at("deactivation_reason").get<std::string>();
        if (!r.at("deactivated_at").is_null()) s.deactivated_at = time_from(r.at("deactivated_at"));
        s.pin_hash = r.at("pin_hash").get<std::string>();
        s.revision = rev_from(r.at("revision"));
        ws.staff[id] = std::move(s);
      } else if (kind == "client") {
        Client c;
        c.id = id;
        c.first_name = r.at("first_name").get<std::string>();
        c.last_name = r.at("last_name").get<std::string>();
        c.date_of_birth = date_from(r.at("date_of_birth"));
        c.email = r.at("email").get<std::string>();
        c.phone = r.at("phone").get<std::string>();
        for (const json& p : r.at("programs")) c.programs.push_back(enum_from<Program>(p, program_from));
        c.provider = r.at("provider").get<std::string>();
        c.primary_contact = r.at("primary_contact").get<std::string>();
        c.enrolled_on = date_from(r.at("enrolled_on"));
        if (!r.at("exited_on").is_null()) c.exited_on = date_from(r.at("exited_on"));
        c.exit_reason = r.at("exit_reason").get<std::string>();
        c.plan_agreed_on = optional_date_from(r.value("plan_agreed_on", json(nullptr)));  // schema 2
        c.plan_agreed_how = r.value("plan_agreed_how", "");
        c.revision = rev_from(r.at("revision"));
        ws.clients[id] = std::move(c);
      } else if (kind == "issue") {
        Issue i;
        i.id = id;
        i.client = r.at("client").get<std::string>();
        i.concern = r.at("concern").get<std::string>();
        i.source = enum_from<IssueSource>(r.at("source"), issue_source_from);
        i.owner = r.at("owner").get<std::string>();
        i.raised_at = time_from(r.at("raised_at"));
        i.owner_escalated_to_2 = optional_time_from(r.at("owner_escalated_to_2"));
        i.owner_escalated_to_3 = optional_time_from(r.at("owner_escalated_to_3"));
        i.closed_at = optional_time_from(r.at("closed_at"));
        if (!r.at("outcome").is_null()) i.outcome = enum_from<IssueOutcome>(r.at("outcome"), issue_outcome_from);
        i.revision = rev_from(r.at("revision"));
        ws.issues[id] = std::move(i);
      } else if (kind == "contact") {
        Contact k{id, r.at("client").get<std::string>(), date_from(r.at("date")),
                  enum_from<ContactType>(r.at("type"), contact_type_from),
                  enum_from<ContactWith>(r.at("with"), contact_with_from),
                  r.at("results").get<std::string>(), r.at("documents").get<std::vector<std::string>>(),
                  r.at("by").get<std::string>(), {}, rev_from(r.at("revision"))};
        for (const json& v : r.value("reviewed", json::array()))  // schema 2
          k.reviewed.emplace_back(v.at("activity").get<std::string>(),
                                  enum_from<ActivityDecision>(v.at("decision"), activity_decision_from));
        ws.add_contact(std::move(k));
      } else if (kind == "case_note") {
        ws.add_case_note(CaseNote{id, r.at("client").get<std::string>(), time_from(r.at("at")),
                                  r.at("by").get<std::string>(), r.at("text").get<std::string>(),
                                  r.at("issue").get<std::string>(), r.value("letter_to", std::vector<std::string>{})});
      } else if (kind == "goal") {
        ws.add_goal(Goal{id, r.at("client").get<std::string>(), r.at("text").get<std::string>(),
                         optional_date_from(r.at("achieved_on")), rev_from(r.at("revision"))});
      } else if (kind == "activity") {
        Activity a;
        a.id = id;
        a.client = r.at("client").get<std::string>();
        a.goal = r.at("goal").get<std::string>();
        a.name = r.at("name").get<std::string>();
        a.training_provider = r.at("training_provider").get<std::string>();
        a.start = date_from(r.at("start"));
        a.planned_end = date_from(r.at("planned_end"));
        a.actual_end = optional_date_from(r.at("actual_end"));
        if (!r.at("end").is_null()) a.end = enum_from<ActivityEnd>(r.at("end"), activity_end_from);
        a.end_reason = r.at("end_reason").get<std::string>();
        a.revision = rev_from(r.at("revision"));
        ws.add_activity(std::move(a));
      } else if (kind == "audit") {
        AuditEntry a{id, time_from(r.at("at")), r.at("by").get<std::string>(),
                     r.at("command").get<std::string>(), r.at("record").get<std::string>(),
                     r.at("summary").get<std::string>()};
        ws.index_audit(a);
        ws.audit[id] = std::move(a);
      } else {
        throw std::runtime_error("unknown record kind \"" + kind + "\"");
      }
    }
  } catch (const std::exception& e) {
    return Error{"corrupt", std::string("A stored record is damaged (") + e.what() + ")."};
  }
  return std::nullopt;
}

// [SECTION] WorkspaceStore
WorkspaceStore::WorkspaceStore(Workspace ws, bool stored)
    : ws_(std::move(ws)), members_(kBucketCount) {
  ws_.sort_audit_index();
  auto add = [&](const RecordId& id) { members_[bucket_of(id)].push_back(id); };
  for (auto& [id, r] : ws_.organisations) add(id);
  for (auto& [id, r] : ws_.staff) add(id);
  for (auto& [id, r] : ws_.clients) add(id);
  for (auto& [id, r] : ws_.issues) add(id);
  for (auto& [id, r] : ws_.case_notes) add(id);
  for (auto& [id, r] : ws_.contacts) add(id);
  for (auto& [id, r] : ws_.goals) add(id);
  for (auto& [id, r] : ws_.activities) add(id);
  for (auto& [id, r] : ws_.audit) add(id);
  if (!stored) {
    for (int b = 0; b < kBucketCount; ++b)
      if (!members_[b].empty()) dirty_.insert(b);
    meta_dirty_ = true;
    change_ = 1;
  }
}

void WorkspaceStore::touch(const RecordId& id) {
  if (id.empty()) return;
  const int b = bucket_of(id);
  auto& m = members_[b];
  if (std::find(m.begin(), m.end(), id) == m.end()) m.push_back(id);
  dirty_.insert(b);
}

Outcome WorkspaceStore::dispatch(const Command& cmd, const Context& ctx) {
  Outcome o = apply(ws_, cmd, ctx);
  if (!o.ok) return o;
  for (const RecordId& id : o.touched) touch(id);
  meta_dirty_ = true;  // the id sequence (and the demo clock) live in meta
  ++change_;
  return o;
}

std::optional<SaveBatch> WorkspaceStore::next_batch() {
  if (in_flight_ || (!meta_dirty_ && dirty_.empty())) return std::nullopt;
  SaveBatch batch;
  batch.up_to_change = change_;
  if (meta_dirty_) batch.meta = encode_meta(ws_);
  for (int b : dirty_) {
    auto ids = members_[b];
    std::sort(ids.begin(), ids.end());
    json records = json::array();
    for (const RecordId& id : ids) {
      if (auto* o = ws_.find_organisation(id)) records.push_back(to_json(*o));
      else if (auto* s = ws_.find_staff(id)) records.push_back(to_json(*s));
      else if (auto* c = ws_.find_client(id)) records.push_back(to_json(*c));
      else if (auto* i = ws_.find_issue(id)) records.push_back(to_json(*i));
      else if (auto n = ws_.case_notes.find(id); n != ws_.case_notes.end()) records.push_back(to_json(n->second));
      else if (auto k = ws_.contacts.find(id); k != ws_.contacts.end()) records.push_back(to_json(k->second));
      else if (auto g = ws_.goals.find(id); g != ws_.goals.end()) records.push_back(to_json(g->second));
      else if (auto a = ws_.activities.find(id); a != ws_.activities.end()) records.push_back(to_json(a->second));
      else if (auto it = ws_.audit.find(id); it != ws_.audit.end()) records.push_back(to_json(it->second));
    }
    batch.buckets.emplace_back(b, seal(records.dump()));
  }
  in_flight_ = InFlight{change_, std::move(dirty_), meta_dirty_};
  dirty_.clear();
  meta_dirty_ = false;
  return batch;
}

void WorkspaceStore::batch_committed() {
  if (!in_flight_) return;
  saved_ = in_flight_->up_to;
  in_flight_.reset();
}

void WorkspaceStore::batch_failed() {
  if (!in_flight_) return;
  dirty_.insert(in_flight_->buckets.begin(), in_flight_->buckets.end());
  meta_dirty_ = meta_dirty_ || in_flight_->meta;
  in_flight_.reset();
}

}  // namespace bw
