#include "storage.hpp"

#include <algorithm>

#include "business.hpp"

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
            {"following", s.following}, {"revision", rev_json(s.revision)}};
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
          {"plan_agreed_how", c.plan_agreed_how}, {"portal_pin_hash", c.portal_pin_hash},
          {"revision", rev_json(c.revision)}};
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
  return {{"kind", "issue"}, {"id", i.id}, {"client", i.client}, {"employer", i.employer}, {"concern", i.concern},
          {"source", source_name(i.source)}, {"owner", i.owner}, {"raised_at", format_iso(i.raised_at)},
          {"owner_escalated_to_2", optional_time(i.owner_escalated_to_2)},
          {"owner_escalated_to_3", optional_time(i.owner_escalated_to_3)},
          {"closed_at", optional_time(i.closed_at)},
          {"outcome", i.outcome ? json(outcome_name(*i.outcome)) : json(nullptr)},
          {"revision", rev_json(i.revision)}};
}

json to_json(const CaseNote& n) {
  return {{"kind", "case_note"}, {"id", n.id}, {"client", n.client}, {"at", format_iso(n.at)},
          {"by", n.by}, {"text", n.text}, {"issue", n.issue}, {"letter_to", n.letter_to},
          {"employer", n.employer}};
}

json to_json(const Contact& c) {
  json reviewed = json::array();
  for (auto& [activity, decision] : c.reviewed)
    reviewed.push_back({{"activity", activity}, {"decision", decision_name(decision)}});
  return {{"kind", "contact"}, {"id", c.id}, {"client", c.client}, {"date", format_iso_date(c.date)},
          {"type", contact_type_name(c.type)}, {"with", contact_with_name(c.with)}, {"results", c.results},
          {"documents", c.documents}, {"by", c.by}, {"reviewed", reviewed}, {"revision", rev_json(c.revision)}};
}

json to_json(const Employer& e) {
  json owners = json::array();
  for (auto& o : e.owners) owners.push_back({{"staff", o.staff}, {"since", format_iso(o.since)}});
  json triage = nullptr, refusal = nullptr;
  if (e.triage)
    triage = {{"route", route_name(e.triage->route)}, {"by", e.triage->by}, {"at", format_iso(e.triage->at)},
              {"note", e.triage->note}};
  if (e.refusal)
    refusal = {{"concern", e.refusal->concern}, {"board_consulted", e.refusal->board_consulted},
               {"consulted_on", format_iso_date(e.refusal->consulted_on)}, {"board_outcome", e.refusal->board_outcome},
               {"by", e.refusal->by}, {"at", format_iso(e.refusal->at)}};
  return {{"kind", "employer"}, {"id", e.id}, {"legal_name", e.legal_name}, {"fein", e.fein},
          {"ui_account", e.ui_account}, {"employer_kind", employer_kind_name(e.kind)}, {"owners", owners},
          {"triage", triage}, {"refusal", refusal}, {"revision", rev_json(e.revision)}};
}

json to_json(const Establishment& e) {
  return {{"kind", "establishment"}, {"id", e.id}, {"employer", e.employer}, {"name", e.name},
          {"address", e.address}, {"naics", e.naics}, {"revision", rev_json(e.revision)}};
}

json to_json(const Communication& c) {
  return {{"kind", "communication"}, {"id", c.id}, {"employer", c.employer}, {"date", format_iso_date(c.date)},
          {"channel", channel_name(c.channel)}, {"direction", c.direction == Direction::Inbound ? "inbound" : "outbound"},
          {"reciprocated", c.reciprocated}, {"summary", c.summary}, {"by", c.by}, {"revision", rev_json(c.revision)}};
}

json to_json(const Job& j) {
  return {{"kind", "job"}, {"id", j.id}, {"employer", j.employer}, {"establishment", j.establishment},
          {"title", j.title}, {"description", j.description}, {"openings", j.openings},
          {"received_on", format_iso_date(j.received_on)}, {"posted_at", format_iso(j.posted_at)},
          {"posted_by", j.posted_by}, {"owner", j.owner}, {"owner_organisation", j.owner_organisation},
          {"deadline", format_iso_date(j.deadline)}, {"reserved_days", j.reserved_days},
          {"subsidised_program", j.subsidised_program}, {"times_posted", j.times_posted},
          {"closed_at", optional_time(j.closed_at)}, {"close_reason", j.close_reason},
          {"revision", rev_json(j.revision)}};
}

json to_json(const Service& s) {
  return {{"kind", "service"}, {"id", s.id}, {"establishment", s.establishment}, {"employer", s.employer},
          {"date", format_iso_date(s.date)}, {"category", category_name(s.category)}, {"local_type", s.local_type},
          {"staff", s.staff}, {"program", program_name(s.program)}, {"gained", s.gained},
          {"entered_at", format_iso(s.entered_at)}, {"revision", rev_json(s.revision)}};
}

json to_json(const Match& m) {
  return {{"kind", "match"}, {"id", m.id}, {"client", m.client}, {"job", m.job},
          {"origin", m.origin == MatchOrigin::SelfSelect ? "self_select" : "partner_referral"},
          {"fit", {{"skills", m.fit.skills}, {"readiness", m.fit.readiness}, {"availability", m.fit.availability},
                   {"barriers", m.fit.barriers}}},
          {"referred_by", m.referred_by}, {"job_owner", m.job_owner}, {"case_manager", m.case_manager},
          {"stage", match_stage_name(m.stage)}, {"owner_approved_at", optional_time(m.owner_approved_at)},
          {"case_manager_approved_at", optional_time(m.case_manager_approved_at)}, {"ready_at", format_iso(m.ready_at)},
          {"owner_acted_at", optional_time(m.owner_acted_at)}, {"sent_back_reason", m.sent_back_reason},
          {"interview_granted_at", optional_time(m.interview_granted_at)}, {"closed_at", optional_time(m.closed_at)},
          {"close_note", m.close_note}, {"revision", rev_json(m.revision)}};
}

json to_json(const Hire& h) {
  return {{"kind", "hire"}, {"id", h.id}, {"match", h.match}, {"client", h.client}, {"job", h.job},
          {"establishment", h.establishment}, {"learned_of", format_iso_date(h.learned_of)},
          {"recorded_at", format_iso(h.recorded_at)}, {"recorded_by", h.recorded_by},
          {"start_date", h.start_date ? json(format_iso_date(*h.start_date)) : json(nullptr)},
          {"wage_cents", h.wage_cents ? json(*h.wage_cents) : json(nullptr)},
          {"hours_per_week", h.hours_per_week ? json(*h.hours_per_week) : json(nullptr)},
          {"revision", rev_json(h.revision)}};
}

json to_json(const Notification& n) {
  return {{"kind", "notification"}, {"id", n.id}, {"to", n.to}, {"at", format_iso(n.at)}, {"text", n.text},
          {"record", n.record}, {"read", n.read}, {"from", n.from}};
}

json to_json(const Comment& c) {
  return {{"kind", "comment"}, {"id", c.id}, {"record", c.record}, {"by", c.by}, {"at", format_iso(c.at)},
          {"text", c.text}, {"tags", c.tags}, {"links", c.links}};
}

json to_json(const AuditEntry& a) {
  return {{"kind", "audit"}, {"id", a.id}, {"at", format_iso(a.at)}, {"by", a.by},
          {"command", a.command}, {"record", a.record}, {"summary", a.summary}};
}

json to_json(const WorkspaceMeta& m) {
  json programs = json::array(), types = json::array();
  for (auto& p : m.subsidised_programs) programs.push_back({{"name", p.name}, {"priority_organisation", p.priority_organisation}});
  for (auto& t : m.local_service_types) types.push_back({{"name", t.name}, {"category", category_name(t.category)}});
  json targets = json::array();
  for (auto& t : m.targets)
    targets.push_back({{"program_year", t.program_year}, {"quarter", t.quarter}, {"measure", t.measure},
                       {"organisation", t.organisation}, {"value", t.value}});
  json exports = json::array();
  for (auto& x : m.ese_exports)
    exports.push_back({{"program_year", x.program_year}, {"quarter", x.quarter}, {"at", format_iso(x.at)}, {"by", x.by}});
  return {{"schema_version", m.schema_version}, {"name", m.name}, {"demo", m.demo},
          {"id_origin", m.id_origin}, {"next_sequence", m.next_sequence},
          {"created_at", format_iso(m.created_at)}, {"clock_offset", m.clock_offset},
          {"bucket_count", kBucketCount}, {"focus_sectors", m.focus_sectors},
          {"subsidised_programs", programs}, {"local_service_types", types},
          {"state_establishments", m.state_establishments}, {"ese_exports", exports}, {"targets", targets}};
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
    // Schema 1 had no business settings: it gets the defaults of a new workspace.
    m.focus_sectors = j.value("focus_sectors", default_focus_sectors());
    if (!j.contains("local_service_types")) m.local_service_types = default_local_service_types();
    for (const json& p : j.value("subsidised_programs", json::array()))
      m.subsidised_programs.push_back({p.at("name").get<std::string>(), p.at("priority_organisation").get<std::string>()});
    for (const json& t : j.value("local_service_types", json::array()))
      m.local_service_types.push_back({t.at("name").get<std::string>(), enum_from<ServiceCategory>(t.at("category"), category_from)});
    m.state_establishments = j.value("state_establishments", 0LL);  // schema 4
    for (const json& x : j.value("ese_exports", json::array()))
      m.ese_exports.push_back({x.at("program_year").get<int>(), x.at("quarter").get<int>(), time_from(x.at("at")),
                               x.at("by").get<std::string>()});
    for (const json& t : j.value("targets", json::array()))
      m.targets.push_back({t.at("program_year").get<int>(), t.at("quarter").get<int>(), t.at("measure").get<std::string>(),
                           t.at("organisation").get<std::string>(), t.at("value").get<long long>()});
    for (const json& c : j.value("closures", json::array()))
      ws.calendar.add_closure(date_from(c.at("date")), c.at("name").get<std::string>());
    return ws;
  } catch (const std::exception& e) {
    return Error{"corrupt", std::string("The stored workspace settings are damaged (") + e.what() + ")."};
  }
}

namespace {
std::optional<Error> decode_records(Workspace& ws, const json& j);
}

std::optional<Error> decode_bucket(Workspace& ws, std::string stored) {
  auto plain = unseal(std::move(stored));
  if (auto* e = std::get_if<Error>(&plain)) return *e;
  json j = json::parse(std::get<std::string>(plain), nullptr, false);
  if (!j.is_array()) return Error{"corrupt", "A stored bucket of records is damaged."};
  return decode_records(ws, j);
}

namespace {
std::optional<Error> decode_records(Workspace& ws, const json& j) {
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
        s.following = r.value("following", std::vector<std::string>{});  // schema 3
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
        c.portal_pin_hash = r.value("portal_pin_hash", "");  // schema 3
        c.revision = rev_from(r.at("revision"));
        ws.clients[id] = std::move(c);
      } else if (kind == "issue") {
        Issue i;
        i.id = id;
        i.client = r.at("client").get<std::string>();
        i.employer = r.value("employer", "");  // schema 2
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
                                  r.at("issue").get<std::string>(), r.value("letter_to", std::vector<std::string>{}),
                                  r.value("employer", "")});
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
      } else if (kind == "employer") {
        Employer e;
        e.id = id;
        e.legal_name = r.at("legal_name").get<std::string>();
        e.fein = r.at("fein").get<std::string>();
        e.ui_account = r.at("ui_account").get<std::string>();
        e.kind = enum_from<EmployerKind>(r.at("employer_kind"), employer_kind_from);
        for (const json& o : r.at("owners")) e.owners.push_back({o.at("staff").get<std::string>(), time_from(o.at("since"))});
        if (const json& t = r.at("triage"); !t.is_null())
          e.triage = Triage{enum_from<TriageRoute>(t.at("route"), route_from), t.at("by").get<std::string>(),
                            time_from(t.at("at")), t.at("note").get<std::string>()};
        if (const json& f = r.at("refusal"); !f.is_null())
          e.refusal = Refusal{f.at("concern").get<std::string>(), f.at("board_consulted").get<std::string>(),
                              date_from(f.at("consulted_on")), f.at("board_outcome").get<std::string>(),
                              f.at("by").get<std::string>(), time_from(f.at("at"))};
        e.revision = rev_from(r.at("revision"));
        ws.employers[id] = std::move(e);
      } else if (kind == "establishment") {
        ws.add_establishment(Establishment{id, r.at("employer").get<std::string>(), r.at("name").get<std::string>(),
                                           r.at("address").get<std::string>(), r.at("naics").get<std::string>(),
                                           rev_from(r.at("revision"))});
      } else if (kind == "communication") {
        ws.add_communication(Communication{id, r.at("employer").get<std::string>(), date_from(r.at("date")),
                                           enum_from<Channel>(r.at("channel"), channel_from),
                                           r.at("direction").get<std::string>() == "inbound" ? Direction::Inbound : Direction::Outbound,
                                           r.at("reciprocated").get<bool>(), r.at("summary").get<std::string>(),
                                           r.at("by").get<std::string>(), rev_from(r.at("revision"))});
      } else if (kind == "job") {
        Job j;
        j.id = id;
        j.employer = r.at("employer").get<std::string>();
        j.establishment = r.at("establishment").get<std::string>();
        j.title = r.at("title").get<std::string>();
        j.description = r.at("description").get<std::string>();
        j.openings = r.at("openings").get<int>();
        j.received_on = date_from(r.at("received_on"));
        j.posted_at = time_from(r.at("posted_at"));
        j.posted_by = r.at("posted_by").get<std::string>();
        j.owner = r.at("owner").get<std::string>();
        j.owner_organisation = r.at("owner_organisation").get<std::string>();
        j.deadline = date_from(r.at("deadline"));
        j.reserved_days = r.at("reserved_days").get<int>();
        j.subsidised_program = r.at("subsidised_program").get<std::string>();
        j.times_posted = r.at("times_posted").get<int>();
        j.closed_at = optional_time_from(r.at("closed_at"));
        j.close_reason = r.at("close_reason").get<std::string>();
        j.revision = rev_from(r.at("revision"));
        ws.add_job(std::move(j));
      } else if (kind == "service") {
        ws.add_service(Service{id, r.at("establishment").get<std::string>(), r.at("employer").get<std::string>(),
                               date_from(r.at("date")), enum_from<ServiceCategory>(r.at("category"), category_from),
                               r.at("local_type").get<std::string>(), r.at("staff").get<std::string>(),
                               enum_from<Program>(r.at("program"), program_from), r.at("gained").get<std::string>(),
                               time_from(r.at("entered_at")), rev_from(r.at("revision"))});
      } else if (kind == "match") {
        Match m;
        m.id = id;
        m.client = r.at("client").get<std::string>();
        m.job = r.at("job").get<std::string>();
        m.origin = r.at("origin").get<std::string>() == "self_select" ? MatchOrigin::SelfSelect : MatchOrigin::PartnerReferral;
        const json& fit = r.at("fit");
        m.fit = {fit.at("skills").get<std::string>(), fit.at("readiness").get<std::string>(),
                 fit.at("availability").get<std::string>(), fit.at("barriers").get<std::string>()};
        m.referred_by = r.at("referred_by").get<std::string>();
        m.job_owner = r.at("job_owner").get<std::string>();
        m.case_manager = r.at("case_manager").get<std::string>();
        m.stage = enum_from<MatchStage>(r.at("stage"), match_stage_from);
        m.owner_approved_at = optional_time_from(r.at("owner_approved_at"));
        m.case_manager_approved_at = optional_time_from(r.at("case_manager_approved_at"));
        m.ready_at = time_from(r.at("ready_at"));
        m.owner_acted_at = optional_time_from(r.at("owner_acted_at"));
        m.sent_back_reason = r.at("sent_back_reason").get<std::string>();
        m.interview_granted_at = optional_time_from(r.at("interview_granted_at"));
        m.closed_at = optional_time_from(r.at("closed_at"));
        m.close_note = r.at("close_note").get<std::string>();
        m.revision = rev_from(r.at("revision"));
        ws.matches[id] = std::move(m);
      } else if (kind == "hire") {
        Hire h;
        h.id = id;
        h.match = r.at("match").get<std::string>();
        h.client = r.at("client").get<std::string>();
        h.job = r.at("job").get<std::string>();
        h.establishment = r.at("establishment").get<std::string>();
        h.learned_of = date_from(r.at("learned_of"));
        h.recorded_at = time_from(r.at("recorded_at"));
        if (!r.at("start_date").is_null()) h.start_date = date_from(r.at("start_date"));
        if (!r.at("wage_cents").is_null()) h.wage_cents = r.at("wage_cents").get<int>();
        if (!r.at("hours_per_week").is_null()) h.hours_per_week = r.at("hours_per_week").get<double>();
        h.revision = rev_from(r.at("revision"));
        h.recorded_by = r.value("recorded_by", "");  // schema 4
        ws.hires[id] = std::move(h);
      } else if (kind == "notification") {
        ws.add_notification(Notification{id, r.at("to").get<std::string>(), time_from(r.at("at")),
                                         r.at("text").get<std::string>(), r.at("record").get<std::string>(),
                                         r.at("read").get<bool>(), r.value("from", "")});
      } else if (kind == "comment") {
        ws.add_comment(Comment{id, r.at("record").get<std::string>(), r.at("by").get<std::string>(), time_from(r.at("at")),
                               r.at("text").get<std::string>(), r.at("tags").get<std::vector<std::string>>(),
                               r.at("links").get<std::vector<std::string>>()});
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
}  // namespace

namespace {
// The stored form of whichever record has this id.
std::optional<json> record_json(const Workspace& ws, const RecordId& id) {
  std::optional<json> out;
  auto look = [&](const auto& records) {
    if (out) return;
    if (auto it = records.find(id); it != records.end()) out = to_json(it->second);
  };
  look(ws.organisations), look(ws.staff), look(ws.clients), look(ws.issues), look(ws.case_notes);
  look(ws.contacts), look(ws.goals), look(ws.activities), look(ws.employers), look(ws.establishments);
  look(ws.communications), look(ws.jobs), look(ws.services), look(ws.notifications), look(ws.matches);
  look(ws.hires), look(ws.comments), look(ws.audit);
  return out;
}
}  // namespace

// [SECTION] Backup file
std::string encode_backup(const Workspace& ws, LocalSeconds exported_at) {
  json meta = to_json(ws.meta);
  meta["closures"] = to_json(ws.calendar);
  // Written record by record: one JSON tree of the whole workspace would cost several times the memory.
  std::string out = json{{"format", "bridgework-backup"}, {"version", 1}, {"exported_at", format_iso(exported_at)},
                         {"meta", meta}}
                        .dump();
  out.pop_back();  // the closing brace: the records follow
  out += ",\"records\":[";
  bool first = true;
  auto add = [&](const auto& map) {
    for (auto& [id, r] : map) {
      if (!first) out += ',';
      first = false;
      out += to_json(r).dump();
    }
  };
  add(ws.organisations), add(ws.staff), add(ws.clients), add(ws.issues), add(ws.case_notes), add(ws.contacts);
  add(ws.goals), add(ws.activities), add(ws.employers), add(ws.establishments), add(ws.communications);
  add(ws.jobs), add(ws.services), add(ws.notifications), add(ws.matches), add(ws.hires), add(ws.comments);
  add(ws.audit);
  return out + "]}";
}

std::variant<Workspace, Error> decode_backup(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("format", "") != "bridgework-backup" || !j.contains("meta") || !j.contains("records") ||
      !j["records"].is_array())
    return Error{"not_a_backup", "This file is not a Bridgework backup."};
  if (!j["version"].is_number_integer() || j["version"].get<int>() > 1)
    return Error{"newer_schema", "This backup was made by a newer version of Bridgework. It was left untouched."};
  auto made = decode_meta(seal(j["meta"].dump()));
  if (auto* e = std::get_if<Error>(&made)) return *e;
  Workspace ws = std::get<Workspace>(std::move(made));
  if (auto e = decode_records(ws, j["records"])) return *e;
  ws.sort_audit_index();
  return ws;
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
  for (auto& [id, r] : ws_.employers) add(id);
  for (auto& [id, r] : ws_.establishments) add(id);
  for (auto& [id, r] : ws_.communications) add(id);
  for (auto& [id, r] : ws_.jobs) add(id);
  for (auto& [id, r] : ws_.services) add(id);
  for (auto& [id, r] : ws_.notifications) add(id);
  for (auto& [id, r] : ws_.matches) add(id);
  for (auto& [id, r] : ws_.hires) add(id);
  for (auto& [id, r] : ws_.comments) add(id);
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
    for (const RecordId& id : ids)
      if (auto r = record_json(ws_, id)) records.push_back(std::move(*r));
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
