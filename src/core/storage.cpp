#include "storage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "business.hpp"
#include "integrity.hpp"
#include "json_view.hpp"

namespace bw {

int bucket_of(std::string_view id, int count) {
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across builds and platforms
  for (char c : id) h = (h ^ std::uint8_t(c)) * 16777619u;
  return int(h % std::uint32_t(count));
}

int bucket_count_for(std::size_t records) {
  int count = kMinBucketCount;
  while (count < kMaxBucketCount && records > std::size_t(count) * kBucketRecords) count *= 2;
  return count;
}

std::string seal(std::string plain) { return plain; }

std::variant<std::string_view, Error> unseal(std::string_view stored) {
  if (!stored.empty() && (stored[0] == '{' || stored[0] == '[')) return stored;
  return Error{"sealed", "This workspace's data is encrypted and cannot be read by this version."};
}

// [SECTION] Records to JSON
namespace {
// A record's stored form, written as JSON text a field at a time:
// Text{out}("id", c.id)("name", c.name).close(). No tree is built on the way:
// saving a restored board writes millions of records.
class Text {
 public:
  explicit Text(std::string& out) : out_(out) { out_ += '{'; }

  [[gnu::noinline]] Text& operator()(const char* key, std::string_view v);
  [[gnu::noinline]] Text& operator()(const char* key, const std::string& v);
  [[gnu::noinline]] Text& operator()(const char* key, const char* v);
  [[gnu::noinline]] Text& operator()(const char* key, bool v);
  [[gnu::noinline]] Text& operator()(const char* key, int v);
  [[gnu::noinline]] Text& operator()(const char* key, double v);
  [[gnu::noinline]] Text& operator()(const char* key, const std::vector<std::string>& v);
  [[gnu::noinline]] Text& operator()(const char* key, const Revision& r);
  [[gnu::noinline]] Text& null(const char* key);
  [[gnu::noinline]] Text& time(const char* key, LocalSeconds t);
  [[gnu::noinline]] Text& time(const char* key, const std::optional<LocalSeconds>& t);
  [[gnu::noinline]] Text& date(const char* key, std::chrono::year_month_day d);
  [[gnu::noinline]] Text& date(const char* key, const std::optional<std::chrono::year_month_day>& d);

  // An object ('{') or list ('[') inside this one, until its close(); a list's
  // values have no key (nullptr).
  [[gnu::noinline]] Text& open(const char* key, char bracket);
  [[gnu::noinline]] Text& close(char bracket = '}');

 private:
  [[gnu::noinline]] void name(const char* key);

  std::string& out_;
  bool first_ = true;
};

// Each field is one call, never inlined: inlined, the records' writers took
// 18 KB more of the wasm (docs/development.md).
Text& Text::operator()(const char* key, std::string_view v) {
  name(key);
  append_json_string(out_, v);
  return *this;
}
Text& Text::operator()(const char* key, const std::string& v) { return (*this)(key, std::string_view(v)); }
Text& Text::operator()(const char* key, const char* v) { return (*this)(key, std::string_view(v)); }
Text& Text::operator()(const char* key, bool v) {
  name(key);
  out_ += v ? "true" : "false";
  return *this;
}
Text& Text::operator()(const char* key, int v) {
  name(key);
  out_ += std::to_string(v);
  return *this;
}
// As nlohmann-json writes a number: the shortest text that reads back as the same value.
Text& Text::operator()(const char* key, double v) {
  name(key);
  out_ += json(v).dump();
  return *this;
}
Text& Text::operator()(const char* key, const std::vector<std::string>& v) {
  open(key, '[');
  for (const std::string& e : v) (*this)(nullptr, e);
  return close(']');
}
Text& Text::operator()(const char* key, const Revision& r) {
  return open(key, '{')("number", r.number)("changed_by", r.changed_by).time("changed_at", r.changed_at).close();
}
Text& Text::null(const char* key) {
  name(key);
  out_ += "null";
  return *this;
}
Text& Text::time(const char* key, LocalSeconds t) { return (*this)(key, format_iso(t)); }
Text& Text::time(const char* key, const std::optional<LocalSeconds>& t) { return t ? time(key, *t) : null(key); }
Text& Text::date(const char* key, std::chrono::year_month_day d) { return (*this)(key, format_iso_date(d)); }
Text& Text::date(const char* key, const std::optional<std::chrono::year_month_day>& d) {
  return d ? date(key, *d) : null(key);
}
Text& Text::open(const char* key, char bracket) {
  name(key);
  out_ += bracket;
  first_ = true;
  return *this;
}
Text& Text::close(char bracket) {
  out_ += bracket;
  first_ = false;
  return *this;
}
void Text::name(const char* key) {
  if (!std::exchange(first_, false)) out_ += ',';
  if (key) out_ += '"', out_ += key, out_ += "\":";
}

void append_stored(std::string& out, const Organisation& o) {
  Text{out}("kind", "organisation")("id", o.id)("name", o.name)("organisation_kind", kind_name(o.kind))
      ("revision", o.revision).close();
}

void append_stored(std::string& out, const Staff& s) {
  Text{out}("kind", "staff")("id", s.id)("name", s.name)("email", s.email)("organisation", s.organisation)
      ("role", role_name(s.role))("active", s.active)("deactivation_reason", s.deactivation_reason)
      ("pin_hash", s.pin_hash)("following", s.following)("revision", s.revision)
      .time("deactivated_at", s.deactivated_at).close();
}

void append_stored(std::string& out, const Client& c) {
  Text t(out);
  t("kind", "client")("id", c.id)("first_name", c.first_name)("last_name", c.last_name)
      .date("date_of_birth", c.date_of_birth)("email", c.email)("phone", c.phone).open("programs", '[');
  for (Program p : c.programs) t(nullptr, program_name(p));
  t.close(']')("provider", c.provider)("primary_contact", c.primary_contact).date("enrolled_on", c.enrolled_on)
      .date("exited_on", c.exited_on)("exit_reason", c.exit_reason).date("plan_agreed_on", c.plan_agreed_on)
      ("plan_agreed_how", c.plan_agreed_how)("portal_pin_hash", c.portal_pin_hash)("revision", c.revision).close();
}

void append_stored(std::string& out, const Goal& g) {
  Text{out}("kind", "goal")("id", g.id)("client", g.client)("text", g.text).date("achieved_on", g.achieved_on)
      ("revision", g.revision).close();
}

void append_stored(std::string& out, const Activity& a) {
  Text t(out);
  t("kind", "activity")("id", a.id)("client", a.client)("goal", a.goal)("name", a.name)
      ("training_provider", a.training_provider).date("start", a.start).date("planned_end", a.planned_end)
      .date("actual_end", a.actual_end);
  a.end ? t("end", activity_end_name(*a.end)) : t.null("end");
  t("end_reason", a.end_reason)("revision", a.revision).close();
}

void append_stored(std::string& out, const Issue& i) {
  Text t(out);
  t("kind", "issue")("id", i.id)("client", i.client)("employer", i.employer)("concern", i.concern)
      ("source", source_name(i.source))("owner", i.owner).time("raised_at", i.raised_at)
      .time("owner_escalated_to_2", i.owner_escalated_to_2).time("owner_escalated_to_3", i.owner_escalated_to_3)
      .time("closed_at", i.closed_at);
  i.outcome ? t("outcome", outcome_name(*i.outcome)) : t.null("outcome");
  t("revision", i.revision).close();
}

void append_stored(std::string& out, const CaseNote& n) {
  Text{out}("kind", "case_note")("id", n.id)("client", n.client).time("at", n.at)("by", n.by)("text", n.text)
      ("issue", n.issue)("letter_to", n.letter_to)("employer", n.employer)("corrects", n.corrects).close();
}

void append_stored(std::string& out, const Contact& c) {
  Text t(out);
  t("kind", "contact")("id", c.id)("client", c.client).date("date", c.date)("type", contact_type_name(c.type))
      ("with", contact_with_name(c.with))("results", c.results)("documents", c.documents)("by", c.by)
      .open("reviewed", '[');
  for (auto& [activity, decision] : c.reviewed)
    t.open(nullptr, '{')("activity", activity)("decision", decision_name(decision)).close();
  t.close(']')("revision", c.revision).close();
}

void append_stored(std::string& out, const Employer& e) {
  Text t(out);
  t("kind", "employer")("id", e.id)("legal_name", e.legal_name)("fein", e.fein)("ui_account", e.ui_account)
      ("employer_kind", employer_kind_name(e.kind)).open("owners", '[');
  for (auto& o : e.owners) t.open(nullptr, '{')("staff", o.staff).time("since", o.since).close();
  t.close(']');
  if (e.triage)
    t.open("triage", '{')("route", route_name(e.triage->route))("by", e.triage->by).time("at", e.triage->at)
        ("note", e.triage->note).close();
  else
    t.null("triage");
  if (e.refusal)
    t.open("refusal", '{')("concern", e.refusal->concern)("board_consulted", e.refusal->board_consulted)
        .date("consulted_on", e.refusal->consulted_on)("board_outcome", e.refusal->board_outcome)
        ("by", e.refusal->by).time("at", e.refusal->at).close();
  else
    t.null("refusal");
  t("revision", e.revision).close();
}

void append_stored(std::string& out, const Establishment& e) {
  Text{out}("kind", "establishment")("id", e.id)("employer", e.employer)("name", e.name)("address", e.address)
      ("naics", e.naics)("revision", e.revision).close();
}

void append_stored(std::string& out, const Communication& c) {
  Text{out}("kind", "communication")("id", c.id)("employer", c.employer).date("date", c.date)
      ("channel", channel_name(c.channel))("direction", c.direction == Direction::Inbound ? "inbound" : "outbound")
      ("reciprocated", c.reciprocated)("summary", c.summary)("by", c.by)("revision", c.revision).close();
}

void append_stored(std::string& out, const Job& j) {
  Text{out}("kind", "job")("id", j.id)("employer", j.employer)("establishment", j.establishment)("title", j.title)
      ("description", j.description)("openings", j.openings).date("received_on", j.received_on)
      .time("posted_at", j.posted_at)("posted_by", j.posted_by)("owner", j.owner)
      ("owner_organisation", j.owner_organisation).date("deadline", j.deadline)("reserved_days", j.reserved_days)
      ("subsidised_program", j.subsidised_program)("times_posted", j.times_posted).time("closed_at", j.closed_at)
      ("close_reason", j.close_reason)("revision", j.revision).close();
}

void append_stored(std::string& out, const Service& s) {
  Text{out}("kind", "service")("id", s.id)("establishment", s.establishment)("employer", s.employer)
      .date("date", s.date)("category", category_name(s.category))("local_type", s.local_type)("staff", s.staff)
      ("program", program_name(s.program))("gained", s.gained).time("entered_at", s.entered_at)
      ("revision", s.revision)("entered_by", s.entered_by).time("voided_at", s.voided_at)("voided_by", s.voided_by)
      ("void_reason", s.void_reason).close();
}

void append_stored(std::string& out, const Match& m) {
  Text{out}("kind", "match")("id", m.id)("client", m.client)("job", m.job)
      ("origin", m.origin == MatchOrigin::SelfSelect ? "self_select" : "partner_referral")
      .open("fit", '{')("skills", m.fit.skills)("readiness", m.fit.readiness)("availability", m.fit.availability)
      ("barriers", m.fit.barriers).close()("referred_by", m.referred_by)("job_owner", m.job_owner)
      ("case_manager", m.case_manager)("stage", match_stage_name(m.stage))
      .time("owner_approved_at", m.owner_approved_at).time("case_manager_approved_at", m.case_manager_approved_at)
      .time("ready_at", m.ready_at).time("owner_acted_at", m.owner_acted_at)("sent_back_reason", m.sent_back_reason)
      .time("interview_granted_at", m.interview_granted_at).time("closed_at", m.closed_at)
      ("close_note", m.close_note)("revision", m.revision).close();
}

void append_stored(std::string& out, const Hire& h) {
  Text t(out);
  t("kind", "hire")("id", h.id)("match", h.match)("client", h.client)("job", h.job)("establishment", h.establishment)
      .date("learned_of", h.learned_of).time("recorded_at", h.recorded_at)("recorded_by", h.recorded_by)
      .date("start_date", h.start_date);
  h.wage_cents ? t("wage_cents", *h.wage_cents) : t.null("wage_cents");
  h.hours_per_week ? t("hours_per_week", *h.hours_per_week) : t.null("hours_per_week");
  t("revision", h.revision).close();
}

void append_stored(std::string& out, const Notification& n) {
  Text{out}("kind", "notification")("id", n.id)("to", n.to).time("at", n.at)("text", n.text)("record", n.record)
      ("read", n.read)("from", n.from).close();
}

void append_stored(std::string& out, const Comment& c) {
  Text{out}("kind", "comment")("id", c.id)("record", c.record)("by", c.by).time("at", c.at)("text", c.text)
      ("tags", c.tags)("links", c.links)("corrects", c.corrects).close();
}

void append_stored(std::string& out, const AuditEntry& a) {
  Text{out}("kind", "audit")("id", a.id).time("at", a.at)("by", a.by)("command", a.command)("record", a.record)
      ("summary", a.summary).close();
}

// The stored form as a tree, for queries.
template <class R>
json tree(const R& r) {
  std::string text;
  append_stored(text, r);
  return parse_json(text);
}
}  // namespace

json to_json(const Organisation& o) { return tree(o); }
json to_json(const Staff& s) { return tree(s); }
json to_json(const Client& c) { return tree(c); }
json to_json(const Goal& g) { return tree(g); }
json to_json(const Activity& a) { return tree(a); }
json to_json(const Issue& i) { return tree(i); }
json to_json(const CaseNote& n) { return tree(n); }
json to_json(const Contact& c) { return tree(c); }
json to_json(const Employer& e) { return tree(e); }
json to_json(const Establishment& e) { return tree(e); }
json to_json(const Communication& c) { return tree(c); }
json to_json(const Job& j) { return tree(j); }
json to_json(const Service& s) { return tree(s); }
json to_json(const Match& m) { return tree(m); }
json to_json(const Hire& h) { return tree(h); }
json to_json(const Notification& n) { return tree(n); }
json to_json(const Comment& c) { return tree(c); }
json to_json(const AuditEntry& a) { return tree(a); }

json to_json(const WorkspaceMeta& m) {
  json programs = json::array(), types = json::array();
  for (auto& p : m.subsidised_programs) programs.push_back(Fields()("name", p.name)
      ("priority_organisation", p.priority_organisation));
  for (auto& t : m.local_service_types) types.push_back(Fields()("name", t.name)
      ("category", category_name(t.category)));
  json targets = json::array();
  for (auto& t : m.targets)
    targets.push_back(Fields()("program_year", t.program_year)("quarter", t.quarter)("measure", t.measure)
        ("organisation", t.organisation)("value", t.value));
  json exports = json::array();
  for (auto& x : m.ese_exports)
    exports.push_back(Fields()("program_year", x.program_year)("quarter", x.quarter)("at", format_iso(x.at))
        ("by", x.by));
  json failures = json::object();
  for (auto& [id, f] : m.sign_in_failures) failures[id] = Fields()("count", f.count)
      ("last_at", format_iso(f.last_at));
  return Fields()("schema_version", m.schema_version)("name", m.name)("demo", m.demo)("id_origin", m.id_origin)
      ("next_sequence", m.next_sequence)("created_at", format_iso(m.created_at))("clock_offset", m.clock_offset)
      ("bucket_count", m.bucket_count)("focus_sectors", m.focus_sectors)("subsidised_programs", programs)
      ("local_service_types", types)("state_establishments", m.state_establishments)("ese_exports", exports)
      ("targets", targets)("kiosk", m.kiosk)("require_pins", m.require_pins)
      ("lock_after_minutes", m.lock_after_minutes)
      ("last_backup_at", m.last_backup_at ? json(format_iso(m.last_backup_at)) : json(nullptr))
      ("sign_in_failures", failures);
}

json to_json(const BusinessCalendar& c) {
  json out = json::array();
  for (auto& [d, name] : c.closures()) out.push_back(Fields()("date", format_iso_date(d))("name", name));
  return out;
}

// [SECTION] Reading stored records: each reader names the field it found wrong
namespace {
// What is wrong with a record, in words: "\"name\" is missing".
struct Damaged : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string quoted(const char* key) { return std::string("\"") + key + "\""; }

// What went wrong, in words, called inside a catch: the readers' own sentences
// as they are, anything else (a parser's "[json.exception...]") as a plain one.
std::string in_words() {
  try {
    throw;
  } catch (const Damaged& e) {
    return e.what();
  } catch (...) {
    return "it is not in the form this version reads";
  }
}

// The helpers below read the meta value as nlohmann's tree, and a record
// (of a bucket or a backup file) as a JsonView, with the same sentences.
// An object's member, or none.
const json* find_member(const json& j, const char* key) {
  if (!j.is_object()) throw Damaged("it is not a JSON object");
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}
std::optional<JsonView> find_member(const JsonView& j, const char* key) {
  if (!j.is_object()) throw Damaged("it is not a JSON object");
  return j.find(key);
}
const json& member(const json& j, const char* key) {
  if (const json* found = find_member(j, key)) return *found;
  throw Damaged(quoted(key) + " is missing");
}
JsonView member(const JsonView& j, const char* key) {
  if (const auto found = find_member(j, key)) return *found;
  throw Damaged(quoted(key) + " is missing");
}
std::string_view chars(const json& v) { return v.get_ref<const std::string&>(); }
std::string_view chars(const JsonView& v) { return v.text(); }

// W4: a stored string longer than any the app writes is refused, so that no
// value grows past what a reader handles.
template <class J>
std::string_view text_in(const J& v, const char* key) {  // read in place, for a value read at once
  if (!v.is_string()) throw Damaged(quoted(key) + " is not text");
  return chars(v);
}
template <class J>
std::string text_of(const J& v, const char* key) {
  const std::string_view s = text_in(v, key);
  if (s.size() > kMaxStoredChars && utf8_chars(s) > kMaxStoredChars)
    throw Damaged(quoted(key) + " is " + std::to_string(utf8_chars(s)) + " characters long, more than the " +
                  std::to_string(kMaxStoredChars) + " a stored text may hold");
  return std::string(s);
}

template <class T, class J>
T value_of(const J& v, const char* key) {
  if constexpr (std::is_same_v<T, std::string>) {
    return text_of(v, key);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.is_boolean()) throw Damaged(quoted(key) + " is not true or false");
    return v.template get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    // Whole numbers only, and only those the field can hold (1.2e22 is neither).
    const bool fits = v.is_number_unsigned()  ? v.template get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<T>::max())
                      : v.is_number_integer() ? v.template get<std::int64_t>() >= std::int64_t(std::numeric_limits<T>::min()) &&
                                                    (v.template get<std::int64_t>() < 0 ||
                                                     std::uint64_t(v.template get<std::int64_t>()) <= std::uint64_t(std::numeric_limits<T>::max()))
                                              : false;
    if (!fits) throw Damaged(quoted(key) + " is not a whole number in range");
    return v.template get<T>();
  } else if constexpr (std::is_same_v<T, double>) {
    if (!v.is_number() || !std::isfinite(v.template get<double>())) throw Damaged(quoted(key) + " is not a number");
    return v.template get<double>();
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    if (!v.is_array()) throw Damaged(quoted(key) + " is not a list");
    std::vector<std::string> out;
    for (const auto& e : v) out.push_back(text_of(e, key));
    return out;
  } else {
    static_assert(std::is_same_v<T, json> && std::is_same_v<J, json>);
    return v;
  }
}

template <class T, class J>
T field(const J& j, const char* key) { return value_of<T>(member(j, key), key); }

// A field later schemas added: absent in older data, read as `fallback`.
template <class T, class J>
T optional_field(const J& j, const char* key, T fallback) {
  const auto found = find_member(j, key);
  return found ? value_of<T>(*found, key) : fallback;
}
template <class J>
std::string optional_field(const J& j, const char* key, const char* fallback) {
  return optional_field<std::string, J>(j, key, std::string(fallback));
}
// Each value of a list later schemas added; none when it is absent.
template <class J, class F>
void each_of_optional(const J& j, const char* key, F f) {
  if (const auto found = find_member(j, key))
    for (const auto& v : *found) f(v);
}

template <class J>
LocalSeconds time_value(const J& v, const char* key) {
  auto t = parse_iso(text_in(v, key));
  if (!t) throw Damaged(quoted(key) + " is not a time from 1900 to 2100 (" + v.dump().substr(0, 40) + ")");
  return *t;
}
template <class J>
std::chrono::year_month_day date_value(const J& v, const char* key) {
  auto d = parse_iso_date(text_in(v, key));
  if (!d) throw Damaged(quoted(key) + " is not a date from 1900 to 2100 (" + v.dump().substr(0, 40) + ")");
  return *d;
}
template <class J>
LocalSeconds time_from(const J& j, const char* key) { return time_value(member(j, key), key); }
template <class J>
std::chrono::year_month_day date_from(const J& j, const char* key) { return date_value(member(j, key), key); }
template <class J>
std::optional<LocalSeconds> optional_time_from(const J& j, const char* key) {
  const auto& v = member(j, key);
  if (v.is_null()) return std::nullopt;
  return time_value(v, key);
}
template <class J>
std::optional<std::chrono::year_month_day> optional_date_from(const J& j, const char* key) {
  const auto& v = member(j, key);
  if (v.is_null()) return std::nullopt;
  return date_value(v, key);
}
// The sentence for a name no enum of this version has (once, not in each enum's reader).
[[noreturn]] void unknown_name(const char* key, std::string_view name) {
  const std::string shown = "\"" + std::string(name.substr(0, 40)) + "\"";
  throw Damaged(key ? quoted(key) + " is " + shown + ", which this version does not know"
                    : shown + " is not a name this version knows");
}
template <class E, class J, class F>
E enum_from(const J& v, F from) {
  const std::string_view name = text_in(v, "name");
  auto e = from(name);
  if (!e) unknown_name(nullptr, name);
  return *e;
}
template <class E, class J, class F>
E enum_from(const J& j, const char* key, F from) {
  const std::string_view name = text_in(member(j, key), key);
  auto e = from(name);
  if (!e) unknown_name(key, name);
  return *e;
}
template <class J>
Revision rev_from(const J& j, const char* key) {
  const auto& r = member(j, key);
  return {field<int>(r, "number"), field<std::string>(r, "changed_by"), time_from(r, "changed_at")};
}
}  // namespace

std::string encode_meta(const Workspace& ws) {
  json j = to_json(ws.meta);
  j["closures"] = to_json(ws.calendar);
  return seal(j.dump());
}

std::variant<Workspace, Error> decode_meta(std::string_view stored) {
  auto plain = unseal(stored);
  if (auto* e = std::get_if<Error>(&plain)) return *e;
  json j = parse_json(std::get<std::string_view>(plain));
  if (!j.is_object() || !j.contains("schema_version") || !j["schema_version"].is_number_integer())
    return Error{"corrupt", "The workspace settings are damaged: they have no readable schema version."};
  const std::int64_t version = j["schema_version"].get<std::int64_t>();
  if (version > kSchemaVersion)
    return Error{"newer_schema", "This workspace was saved by a newer version of Bridgework "
                                 "(data schema " + std::to_string(version) + "; this version reads up to " +
                                 std::to_string(kSchemaVersion) + "). It was left untouched: open it with the newer version."};
  try {
    Workspace ws;
    WorkspaceMeta& m = ws.meta;
    m.schema_version = kSchemaVersion;  // older data is read as it is and written as current
    m.name = field<std::string>(j, "name");
    m.demo = field<bool>(j, "demo");
    m.id_origin = field<std::string>(j, "id_origin");
    m.next_sequence = field<std::uint64_t>(j, "next_sequence");
    m.created_at = time_from(j, "created_at");
    m.clock_offset = field<LocalSeconds>(j, "clock_offset");
    m.bucket_count = field<int>(j, "bucket_count");  // 1024 up to schema 6
    if (m.bucket_count < kMinBucketCount || m.bucket_count > kMaxBucketCount || (m.bucket_count & (m.bucket_count - 1)))
      throw Damaged("\"bucket_count\" is not a power of two from " + std::to_string(kMinBucketCount) + " to " +
                    std::to_string(kMaxBucketCount));
    if (m.id_origin.empty()) throw Damaged("\"id_origin\" is empty");
    // Schema 1 had no business settings: it gets the defaults of a new workspace.
    m.focus_sectors = optional_field(j, "focus_sectors", default_focus_sectors());
    if (!j.contains("local_service_types")) m.local_service_types = default_local_service_types();
    for (const json& p : optional_field(j, "subsidised_programs", json::array()))
      m.subsidised_programs.push_back({field<std::string>(p, "name"), field<std::string>(p, "priority_organisation")});
    for (const json& t : optional_field(j, "local_service_types", json::array()))
      m.local_service_types.push_back({field<std::string>(t, "name"), enum_from<ServiceCategory>(t, "category", category_from)});
    m.state_establishments = optional_field(j, "state_establishments", 0LL);  // schema 4
    for (const json& x : optional_field(j, "ese_exports", json::array()))
      m.ese_exports.push_back({field<int>(x, "program_year"), field<int>(x, "quarter"), time_from(x, "at"),
                               field<std::string>(x, "by")});
    for (const json& t : optional_field(j, "targets", json::array()))
      m.targets.push_back({field<int>(t, "program_year"), field<int>(t, "quarter"), field<std::string>(t, "measure"),
                           field<std::string>(t, "organisation"), field<long long>(t, "value")});
    m.kiosk = optional_field(j, "kiosk", false);  // schema 6
    m.require_pins = optional_field(j, "require_pins", false);
    m.lock_after_minutes = optional_field(j, "lock_after_minutes", 15);
    if (j.contains("last_backup_at") && !j["last_backup_at"].is_null()) m.last_backup_at = time_from(j, "last_backup_at");
    const json failures = optional_field(j, "sign_in_failures", json::object());  // kept: items() refers to it
    for (auto& [id, f] : failures.items()) m.sign_in_failures[id] = {field<int>(f, "count"), time_from(f, "last_at")};
    for (const json& c : optional_field(j, "closures", json::array()))
      ws.calendar.add_closure(date_from(c, "date"), field<std::string>(c, "name"));
    return ws;
  } catch (const std::exception&) {
    return Error{"corrupt", "The workspace settings are damaged: " + in_words() + "."};
  }
}

namespace {
std::optional<Error> decode_record(Workspace& ws, const JsonView& r);
}

std::optional<Error> decode_bucket(Workspace& ws, std::string_view stored) {
  auto plain = unseal(stored);
  if (auto* e = std::get_if<Error>(&plain)) return *e;
  // Read as a JsonView, not a tree: a workspace opens by reading every bucket.
  const JsonDocument doc(std::get<std::string_view>(plain));
  if (!doc.ok() || !doc.root().is_array())
    return Error{"corrupt", "A stored group of records is damaged: it is not a JSON list."};
  ws.change = ws.caseload_change = next_change();  // records arrive: what was read from it before is out of date
  for (const JsonView r : doc.root())
    if (auto e = decode_record(ws, r)) return e;
  return std::nullopt;
}

namespace {
// Each reads one stored record of the kinds it knows into `ws` (most kinds
// into `ws.read`), or returns false.
bool read_case_record(Workspace& ws, std::string_view kind, const RecordId& id, const JsonView& r) {
  if (kind == "organisation") {
    ws.organisations[id] = Organisation{id, field<std::string>(r, "name"),
                                        enum_from<OrganisationKind>(r, "organisation_kind", organisation_kind_from),
                                        rev_from(r, "revision")};
  } else if (kind == "staff") {
    Staff s;
    s.id = id;
    s.name = field<std::string>(r, "name");
    s.email = field<std::string>(r, "email");
    s.organisation = field<std::string>(r, "organisation");
    s.role = enum_from<Role>(r, "role", role_from);
    s.active = field<bool>(r, "active");
    s.deactivation_reason = field<std::string>(r, "deactivation_reason");
    if (!member(r, "deactivated_at").is_null()) s.deactivated_at = time_from(r, "deactivated_at");
    s.pin_hash = field<std::string>(r, "pin_hash");
    s.following = optional_field(r, "following", std::vector<std::string>{});  // schema 3
    s.revision = rev_from(r, "revision");
    ws.staff[id] = std::move(s);
  } else if (kind == "client") {
    Client c;
    c.id = id;
    c.first_name = field<std::string>(r, "first_name");
    c.last_name = field<std::string>(r, "last_name");
    c.date_of_birth = date_from(r, "date_of_birth");
    c.email = field<std::string>(r, "email");
    c.phone = field<std::string>(r, "phone");
    for (const auto& p : member(r, "programs")) c.programs.push_back(enum_from<Program>(p, program_from));
    c.provider = field<std::string>(r, "provider");
    c.primary_contact = field<std::string>(r, "primary_contact");
    c.enrolled_on = date_from(r, "enrolled_on");
    if (!member(r, "exited_on").is_null()) c.exited_on = date_from(r, "exited_on");
    c.exit_reason = field<std::string>(r, "exit_reason");
    c.plan_agreed_on = r.contains("plan_agreed_on") ? optional_date_from(r, "plan_agreed_on") : std::nullopt;  // schema 2
    c.plan_agreed_how = optional_field(r, "plan_agreed_how", "");
    c.portal_pin_hash = optional_field(r, "portal_pin_hash", "");  // schema 3
    c.revision = rev_from(r, "revision");
    ws.read.add(std::move(c));
  } else if (kind == "issue") {
    Issue i;
    i.id = id;
    i.client = field<std::string>(r, "client");
    i.employer = optional_field(r, "employer", "");  // schema 2
    i.concern = field<std::string>(r, "concern");
    i.source = enum_from<IssueSource>(r, "source", issue_source_from);
    i.owner = field<std::string>(r, "owner");
    i.raised_at = time_from(r, "raised_at");
    i.owner_escalated_to_2 = optional_time_from(r, "owner_escalated_to_2");
    i.owner_escalated_to_3 = optional_time_from(r, "owner_escalated_to_3");
    i.closed_at = optional_time_from(r, "closed_at");
    if (!member(r, "outcome").is_null()) i.outcome = enum_from<IssueOutcome>(r, "outcome", issue_outcome_from);
    i.revision = rev_from(r, "revision");
    ws.read.add(std::move(i));
  } else if (kind == "contact") {
    Contact k{id, field<std::string>(r, "client"), date_from(r, "date"),
              enum_from<ContactType>(r, "type", contact_type_from),
              enum_from<ContactWith>(r, "with", contact_with_from),
              field<std::string>(r, "results"), field<std::vector<std::string>>(r, "documents"),
              field<std::string>(r, "by"), {}, rev_from(r, "revision")};
    each_of_optional(r, "reviewed", [&](const auto& v) {  // schema 2
      k.reviewed.emplace_back(field<std::string>(v, "activity"),
                              enum_from<ActivityDecision>(v, "decision", activity_decision_from));
    });
    ws.read.add(std::move(k));
  } else if (kind == "case_note") {
    ws.read.add(CaseNote{id, field<std::string>(r, "client"), time_from(r, "at"),
                         field<std::string>(r, "by"), field<std::string>(r, "text"),
                         field<std::string>(r, "issue"), optional_field(r, "letter_to", std::vector<std::string>{}),
                         optional_field(r, "employer", ""), optional_field(r, "corrects", "")});  // schema 5
  } else if (kind == "goal") {
    ws.read.add(Goal{id, field<std::string>(r, "client"), field<std::string>(r, "text"),
                     optional_date_from(r, "achieved_on"), rev_from(r, "revision")});
  } else if (kind == "activity") {
    Activity a;
    a.id = id;
    a.client = field<std::string>(r, "client");
    a.goal = field<std::string>(r, "goal");
    a.name = field<std::string>(r, "name");
    a.training_provider = field<std::string>(r, "training_provider");
    a.start = date_from(r, "start");
    a.planned_end = date_from(r, "planned_end");
    a.actual_end = optional_date_from(r, "actual_end");
    if (!member(r, "end").is_null()) a.end = enum_from<ActivityEnd>(r, "end", activity_end_from);
    a.end_reason = field<std::string>(r, "end_reason");
    a.revision = rev_from(r, "revision");
    ws.read.add(std::move(a));
  } else {
    return false;
  }
  return true;
}

bool read_business_record(Workspace& ws, std::string_view kind, const RecordId& id, const JsonView& r) {
  if (kind == "employer") {
    Employer e;
    e.id = id;
    e.legal_name = field<std::string>(r, "legal_name");
    e.fein = field<std::string>(r, "fein");
    e.ui_account = field<std::string>(r, "ui_account");
    e.kind = enum_from<EmployerKind>(r, "employer_kind", employer_kind_from);
    for (const auto& o : member(r, "owners")) e.owners.push_back({field<std::string>(o, "staff"), time_from(o, "since")});
    if (const auto& t = member(r, "triage"); !t.is_null())
      e.triage = Triage{enum_from<TriageRoute>(t, "route", route_from), field<std::string>(t, "by"),
                        time_from(t, "at"), field<std::string>(t, "note")};
    if (const auto& f = member(r, "refusal"); !f.is_null())
      e.refusal = Refusal{field<std::string>(f, "concern"), field<std::string>(f, "board_consulted"),
                          date_from(f, "consulted_on"), field<std::string>(f, "board_outcome"),
                          field<std::string>(f, "by"), time_from(f, "at")};
    e.revision = rev_from(r, "revision");
    ws.read.add(std::move(e));
  } else if (kind == "establishment") {
    ws.read.add(Establishment{id, field<std::string>(r, "employer"), field<std::string>(r, "name"),
                              field<std::string>(r, "address"), field<std::string>(r, "naics"),
                              rev_from(r, "revision")});
  } else if (kind == "communication") {
    ws.read.add(Communication{id, field<std::string>(r, "employer"), date_from(r, "date"),
                              enum_from<Channel>(r, "channel", channel_from),
                              field<std::string>(r, "direction") == "inbound" ? Direction::Inbound : Direction::Outbound,
                              field<bool>(r, "reciprocated"), field<std::string>(r, "summary"),
                              field<std::string>(r, "by"), rev_from(r, "revision")});
  } else if (kind == "job") {
    Job j;
    j.id = id;
    j.employer = field<std::string>(r, "employer");
    j.establishment = field<std::string>(r, "establishment");
    j.title = field<std::string>(r, "title");
    j.description = field<std::string>(r, "description");
    j.openings = field<int>(r, "openings");
    j.received_on = date_from(r, "received_on");
    j.posted_at = time_from(r, "posted_at");
    j.posted_by = field<std::string>(r, "posted_by");
    j.owner = field<std::string>(r, "owner");
    j.owner_organisation = field<std::string>(r, "owner_organisation");
    j.deadline = date_from(r, "deadline");
    j.reserved_days = field<int>(r, "reserved_days");
    j.subsidised_program = field<std::string>(r, "subsidised_program");
    j.times_posted = field<int>(r, "times_posted");
    j.closed_at = optional_time_from(r, "closed_at");
    j.close_reason = field<std::string>(r, "close_reason");
    j.revision = rev_from(r, "revision");
    ws.read.add(std::move(j));
  } else if (kind == "service") {
    Service v{id, field<std::string>(r, "establishment"), field<std::string>(r, "employer"),
              date_from(r, "date"), enum_from<ServiceCategory>(r, "category", category_from),
              field<std::string>(r, "local_type"), field<std::string>(r, "staff"),
              enum_from<Program>(r, "program", program_from), field<std::string>(r, "gained"),
              time_from(r, "entered_at"), rev_from(r, "revision"),
              optional_field(r, "entered_by", ""),  // schema 5
              r.contains("voided_at") ? optional_time_from(r, "voided_at") : std::nullopt,
              optional_field(r, "voided_by", ""), optional_field(r, "void_reason", "")};
    ws.read.add(std::move(v));
  } else if (kind == "match") {
    Match m;
    m.id = id;
    m.client = field<std::string>(r, "client");
    m.job = field<std::string>(r, "job");
    m.origin = field<std::string>(r, "origin") == "self_select" ? MatchOrigin::SelfSelect : MatchOrigin::PartnerReferral;
    const auto& fit = member(r, "fit");
    m.fit = {field<std::string>(fit, "skills"), field<std::string>(fit, "readiness"),
             field<std::string>(fit, "availability"), field<std::string>(fit, "barriers")};
    m.referred_by = field<std::string>(r, "referred_by");
    m.job_owner = field<std::string>(r, "job_owner");
    m.case_manager = field<std::string>(r, "case_manager");
    m.stage = enum_from<MatchStage>(r, "stage", match_stage_from);
    m.owner_approved_at = optional_time_from(r, "owner_approved_at");
    m.case_manager_approved_at = optional_time_from(r, "case_manager_approved_at");
    m.ready_at = time_from(r, "ready_at");
    m.owner_acted_at = optional_time_from(r, "owner_acted_at");
    m.sent_back_reason = field<std::string>(r, "sent_back_reason");
    m.interview_granted_at = optional_time_from(r, "interview_granted_at");
    m.closed_at = optional_time_from(r, "closed_at");
    m.close_note = field<std::string>(r, "close_note");
    m.revision = rev_from(r, "revision");
    ws.read.add(std::move(m));
  } else if (kind == "hire") {
    Hire h;
    h.id = id;
    h.match = field<std::string>(r, "match");
    h.client = field<std::string>(r, "client");
    h.job = field<std::string>(r, "job");
    h.establishment = field<std::string>(r, "establishment");
    h.learned_of = date_from(r, "learned_of");
    h.recorded_at = time_from(r, "recorded_at");
    if (!member(r, "start_date").is_null()) h.start_date = date_from(r, "start_date");
    if (!member(r, "wage_cents").is_null()) h.wage_cents = field<int>(r, "wage_cents");
    if (!member(r, "hours_per_week").is_null()) h.hours_per_week = field<double>(r, "hours_per_week");
    h.revision = rev_from(r, "revision");
    h.recorded_by = optional_field(r, "recorded_by", "");  // schema 4
    ws.read.add(std::move(h));
  } else if (kind == "notification") {
    ws.read.add(Notification{id, field<std::string>(r, "to"), time_from(r, "at"),
                             field<std::string>(r, "text"), field<std::string>(r, "record"),
                             field<bool>(r, "read"), optional_field(r, "from", "")});
  } else if (kind == "comment") {
    ws.read.add(Comment{id, field<std::string>(r, "record"), field<std::string>(r, "by"), time_from(r, "at"),
                        field<std::string>(r, "text"), field<std::vector<std::string>>(r, "tags"),
                        field<std::vector<std::string>>(r, "links"), optional_field(r, "corrects", "")});  // schema 5
  } else if (kind == "audit") {
    AuditEntry a{id, time_from(r, "at"), field<std::string>(r, "by"),
                 field<std::string>(r, "command"), field<std::string>(r, "record"),
                 field<std::string>(r, "summary")};
    ws.read.add(std::move(a));
  } else {
    return false;
  }
  return true;
}

// Reads one stored record into `ws`, or says what is wrong with it.
std::optional<Error> decode_record(Workspace& ws, const JsonView& r) {
  std::string kind = "record", id;  // of the record being read, for the message
  try {
    kind = text_in(member(r, "kind"), "kind").substr(0, 40);
    id = field<std::string>(r, "id");
    if (id.size() > 80) id.resize(80);
    if (id.empty()) throw Damaged("its id is empty");
    ws.ids_read.push_back(id_hash(id));  // W5: one id, one record (checked by check_integrity)
    if (!read_case_record(ws, kind, id, r) && !read_business_record(ws, kind, id, r)) {
      const std::string unknown = kind;
      kind = "record";
      throw Damaged("its kind \"" + unknown + "\" is not one this version knows");
    }
  } catch (const std::exception&) {
    const std::string named = kind == "record" ? "record" : kind + " record";
    const std::string which = id.empty() ? "A " + named : "The " + named + " " + id;
    return Error{"corrupt", which + " is damaged: " + in_words() + "."};
  }
  return std::nullopt;
}

}  // namespace

namespace {
// Calls f(kind, records) for each map of records, kind numbering them in one fixed order.
template <class W, class F>
void each_kind(W& ws, F f) {
  std::uint8_t kind = 0;
  auto one = [&](auto& records) { f(kind++, records); };
  one(ws.organisations), one(ws.staff), one(ws.clients), one(ws.issues), one(ws.case_notes), one(ws.contacts);
  one(ws.goals), one(ws.activities), one(ws.employers), one(ws.establishments), one(ws.communications);
  one(ws.jobs), one(ws.services), one(ws.notifications), one(ws.matches), one(ws.hires), one(ws.comments);
  one(ws.audit);
}

// The map's own key for this id, the record and the map's place in each_kind; a nullptr key if none holds it.
std::tuple<const RecordId*, const void*, std::uint8_t> find_record(const Workspace& ws, const RecordId& id) {
  std::tuple<const RecordId*, const void*, std::uint8_t> out{nullptr, nullptr, 0};
  each_kind(ws, [&](std::uint8_t kind, const auto& records) {
    if (std::get<0>(out)) return;
    if (auto it = records.find(id); it != records.end()) out = {&it->first, &it->second, kind};
  });
  return out;
}

// Appends the stored form of a record of this kind.
void append_record(std::string& out, const Workspace& ws, const void* record, std::uint8_t kind) {
  each_kind(ws, [&](std::uint8_t k, const auto& records) {
    if (k != kind) return;
    if (out.size() > 1) out += ',';
    append_stored(out, *static_cast<const typename std::decay_t<decltype(records)>::mapped_type*>(record));
  });
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
  each_kind(ws, [&](std::uint8_t, const auto& records) {  // grouped by kind, in id order
    for (auto& [id, r] : records) {
      if (!std::exchange(first, false)) out += ',';
      append_stored(out, r);
    }
  });
  return out + "]}";
}

std::variant<Workspace, Error> decode_backup(std::string_view text) {
  if (text.size() > JsonDocument::kMaxText)
    return Error{"too_large", "This backup cannot be restored: it is larger than the 2 GB this version reads in one file. "
                              "Nothing was changed."};
  // Each record is read into the workspace as soon as it is parsed, then
  // forgotten: the whole file's values would take several times its size in
  // memory. Records that come before the settings (a hand-edited file) are
  // kept and read after them. What is wrong is said in the same order as if
  // the whole file were read first.
  std::optional<Workspace> ws;
  std::optional<Error> meta_error, record_error;
  const JsonDocument::Stream stream{
      "records",
      [&](std::string_view key, JsonView value) {
        if (key != "meta" || !value.is_object() || ws || meta_error) return;
        auto made = decode_meta(seal(std::string(value.source())));
        if (auto* e = std::get_if<Error>(&made)) meta_error = *e;
        else ws = std::get<Workspace>(std::move(made));
      },
      [&](JsonView record) {
        if (!ws) return false;
        if (!record_error) record_error = decode_record(*ws, record);
        return true;  // read (or not needed after an error)
      }};
  const JsonDocument doc(text, &stream);
  const JsonView j = doc.root();
  auto refuse = [](std::string code, const std::string& why) {
    return Error{std::move(code), "This backup cannot be restored: " + why + " Nothing was changed."};
  };
  if (!doc.ok()) return refuse("not_a_backup", "it is not JSON (is it the right file, and complete?).");
  if (!j.is_object() || !j.contains("format") || !j.at("format").is_string() || j.at("format").text() != "bridgework-backup")
    return refuse("not_a_backup", "it is not a Bridgework backup (Settings > Workspace > \"Download a backup\" makes one).");
  if (!j.contains("version") || !j.at("version").is_number_integer() || j.at("version").get<std::int64_t>() < 1)
    return refuse("corrupt", "it has no layout version (\"version\": 1), so it is damaged or was edited by hand.");
  if (const auto version = j.at("version").get<std::int64_t>(); version > 1)
    return refuse("newer_schema", "it was made by a newer version of Bridgework (backup layout " +
                                      std::to_string(version) + "). Open it with that version.");
  if (!j.contains("meta") || !j.at("meta").is_object())
    return refuse("corrupt", "its workspace settings (\"meta\") are missing or are not a JSON object.");
  if (!j.contains("records") || !j.at("records").is_array())
    return refuse("corrupt", "its list of records (\"records\") is missing or is not a JSON list.");
  if (meta_error) return refuse(meta_error->code, meta_error->message);
  if (!ws) return refuse("corrupt", "its workspace settings (\"meta\") are missing or are not a JSON object.");
  if (record_error) return refuse(record_error->code, record_error->message);
  for (const JsonView r : j.at("records"))  // those before the settings
    if (auto e = decode_record(*ws, r)) return refuse(e->code, e->message);
  if (auto e = check_integrity(*ws)) return refuse(e->code, e->message);
  ws->order_indexes();
  return std::move(*ws);
}

// [SECTION] WorkspaceStore
WorkspaceStore::WorkspaceStore(Workspace ws, bool stored) : ws_(std::move(ws)) {
  ws_.order_indexes();
  each_kind(ws_, [&](std::uint8_t, const auto& records) { records_ += records.size(); });
  // New or restored: spread for its size. Stored: as the meta says, where the records are.
  if (!stored) ws_.meta.bucket_count = bucket_count_for(records_);
  members_.resize(ws_.meta.bucket_count);
  each_kind(ws_, [&](std::uint8_t kind, const auto& records) {
    for (const auto& [id, r] : records) members_[bucket_of(id, ws_.meta.bucket_count)].push_back({&id, &r, kind});
  });
  if (!stored) {
    for (int b = 0; b < ws_.meta.bucket_count; ++b)
      if (!members_[b].empty()) dirty_.insert(b);
    meta_dirty_ = true;
    change_ = 1;
  }
}

void WorkspaceStore::touch(const RecordId& id) {
  if (id.empty()) return;
  const int b = bucket_of(id, ws_.meta.bucket_count);
  auto& m = members_[b];
  if (std::none_of(m.begin(), m.end(), [&](const Member& r) { return *r.id == id; }))
    if (auto [key, record, kind] = find_record(ws_, id); key) m.push_back({key, record, kind}), ++records_;
  dirty_.insert(b);
}

// Past kBucketRecords a bucket on average, the count doubles (as often as
// needed) and every bucket is written with the meta in one transaction: old
// buckets lose the records that move up, so those are written even if left
// empty, and no record is ever in two places. A stored workspace grows at its
// first change, never by being opened.
void WorkspaceStore::grow_if_needed() {
  const int count = bucket_count_for(records_);
  if (count <= ws_.meta.bucket_count) return;
  const int old = ws_.meta.bucket_count;
  std::vector<std::vector<Member>> spread(count);
  for (auto& bucket : members_)
    for (const Member& r : bucket) spread[bucket_of(*r.id, count)].push_back(r);
  members_ = std::move(spread);
  ws_.meta.bucket_count = count;
  for (int b = 0; b < count; ++b)
    if (b < old || !members_[b].empty()) dirty_.insert(b);
  // A write under way holds buckets of the old count: it still lands whole,
  // and this batch rewrites every one of them after it.
  meta_dirty_ = true;
}

Outcome WorkspaceStore::dispatch(const Command& cmd, const Context& ctx) {
  Outcome o = apply(ws_, cmd, ctx);
  if (!o.ok) return o;
  for (const RecordId& id : o.touched) touch(id);
  grow_if_needed();
  meta_dirty_ = true;  // the id sequence (and the demo clock) live in meta
  ++change_;
  return o;
}

SignInResult WorkspaceStore::sign_in(const std::string& who, const std::string& pin, LocalSeconds now,
                                     SignInPath path) {
  SignInResult r = bw::sign_in(ws_, who, pin, now, path);
  if (r.meta_changed || !r.touched.empty()) {
    for (const RecordId& id : r.touched) touch(id);
    grow_if_needed();
    meta_dirty_ = true;
    ws_.changed(r.touched);
    ++change_;
  }
  return r;
}

std::optional<SaveBatch> WorkspaceStore::next_batch() {
  std::vector<std::pair<int, std::string>> buckets;
  auto batch = next_batch([&](int b, std::string value) { buckets.emplace_back(b, std::move(value)); });
  if (batch) batch->buckets = std::move(buckets);
  return batch;
}

std::optional<SaveBatch> WorkspaceStore::next_batch(const std::function<void(int, std::string)>& put) {
  if (in_flight_ || (!meta_dirty_ && dirty_.empty())) return std::nullopt;
  SaveBatch batch;
  batch.up_to_change = change_;
  if (meta_dirty_) batch.meta = encode_meta(ws_);
  for (int b : dirty_) {
    auto& records = members_[b];
    sort_list(records, [](const Member& x, const Member& y) { return *x.id < *y.id; });
    std::string value = "[";
    for (const Member& r : records) append_record(value, ws_, r.record, r.kind);
    value += ']';
    put(b, seal(std::move(value)));
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
