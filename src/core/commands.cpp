#include "commands.hpp"

#include <algorithm>
#include <cstdio>

#include "access.hpp"
#include "command_rows.hpp"

namespace bw {

json parse_json(std::string_view text) {
  using Input = nlohmann::detail::iterator_input_adapter<const char*>;
  json j;
  nlohmann::detail::json_sax_dom_parser<json> dom(j, false);
  nlohmann::detail::parser<json, Input> parser(Input(text.data(), text.data() + text.size()), nullptr, false);
  if (!parser.sax_parse(&dom) || dom.is_errored()) return json(json::value_t::discarded);
  return j;
}

Fields& Fields::operator()(const char* key, json&& value) {
  object_.emplace(key, std::move(value));
  return *this;
}
Fields& Fields::operator()(const char* key, const json& value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, std::string_view value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, const std::string& value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, const char* value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, const std::vector<std::string>& value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, std::nullptr_t) { return (*this)(key, json(nullptr)); }
Fields& Fields::operator()(const char* key, bool value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, int value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, long value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, long long value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, unsigned value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, unsigned long value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, unsigned long long value) { return (*this)(key, json(value)); }
Fields& Fields::operator()(const char* key, double value) { return (*this)(key, json(value)); }

// [SECTION] The table: every area's rows, in the order of Command's alternatives
namespace {

struct CommandTable {
  std::vector<CommandRow> rows;     // by Command index
  std::vector<std::string> problems;
};

const CommandTable& table() {
  static const CommandTable t = [] {
    CommandTable t;
    t.rows.resize(std::variant_size_v<Command>);
    using Area = std::vector<CommandRow> (*)();
    for (Area area : {people_commands, clients_commands, plans_commands, issues_commands, employers_commands,
                      jobs_commands, matches_commands, conversation_commands, reports_commands})
      for (CommandRow& r : area()) {
        if (t.rows[r.index].spec.type)
          t.problems.push_back(std::string(r.spec.type) + " has a second row (" + t.rows[r.index].spec.type + ")");
        t.rows[r.index] = std::move(r);
      }
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      if (!t.rows[i].spec.type) t.problems.push_back("command alternative " + std::to_string(i) + " has no row");
    return t;
  }();
  return t;
}

const CommandRow* row_named(const std::string& type) {
  for (const CommandRow& r : table().rows)
    if (r.spec.type && type == r.spec.type) return &r;
  return nullptr;
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::Text: return "string";
    case FieldType::Id: return "record id";
    case FieldType::Date: return "date";
    case FieldType::DateTime: return "date-time";
    case FieldType::OrganisationKind: return "organisation kind";
    case FieldType::Role: return "role";
    case FieldType::Programs: return "program list";
    case FieldType::IssueSource: return "issue source";
    case FieldType::IssueOutcome: return "issue outcome";
    case FieldType::ContactType: return "contact type";
    case FieldType::ContactWith: return "contact party";
    case FieldType::TextList: return "list of strings";
    case FieldType::ActivityEnd: return "activity end";
    case FieldType::ActivityReviews: return "list of activity reviews";
    case FieldType::Bool: return "boolean";
    case FieldType::Int: return "whole number";
    case FieldType::EmployerKind: return "employer kind";
    case FieldType::Channel: return "channel";
    case FieldType::TriageRoute: return "triage route";
    case FieldType::ServiceCategory: return "service category";
    case FieldType::Program: return "program";
    case FieldType::MatchAction: return "match action";
    case FieldType::Number: return "number";
  }
  return "?";
}

constexpr double kMaxWhole = 1e9;

// W4: one text field holds at most kMaxTextChars; an id, a date or the name of
// a kind at most kMaxShortChars (docs/automation.md, "Limits").
std::optional<Error> check_length(const Field& f, const std::string& s) {
  const bool text = f.type == FieldType::Text || f.type == FieldType::TextList || f.type == FieldType::ActivityReviews;
  const std::size_t limit = text ? kMaxTextChars : kMaxShortChars;
  const std::size_t chars = utf8_chars(s);
  if (chars <= limit) return std::nullopt;
  return Error{"too_long", std::string(f.name) + " is " + std::to_string(chars) + " characters long; it can hold at most " +
                               std::to_string(limit) + ". Shorten it, or keep the full text in a document and note where it is."};
}

std::optional<Error> check_list(const Field& f, const json& v) {
  if (v.size() <= kMaxListItems) return std::nullopt;
  return Error{"too_long", std::string(f.name) + " has " + std::to_string(v.size()) + " entries; it can hold at most " +
                               std::to_string(kMaxListItems) + "."};
}

// Checks a command's JSON against its spec: presence, JSON types and sizes.
std::optional<Error> check_fields(const CommandSpec& spec, const json& j) {
  for (auto& item : j.items()) {
    const std::string& key = item.key();
    if (key == "type") continue;
    const bool known = std::any_of(spec.fields.begin(), spec.fields.end(),
                                   [&](const Field& f) { return key == f.name; });
    if (!known)
      return Error{"unknown_field", std::string(spec.type) + " has no field \"" + key + "\"."};
  }
  for (const Field& f : spec.fields) {
    if (!j.contains(f.name) || j[f.name].is_null()) {
      if (f.required) return Error{"missing_field", std::string(f.name) + " is required."};
      continue;
    }
    const json& v = j[f.name];
    if (f.type == FieldType::Programs) {
      bool ok = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) {
        return e.is_string() && program_from(e.get<std::string>());
      });
      if (!ok) return Error{"invalid_field", "programs must be a list of program names."};
      continue;
    }
    if (f.type == FieldType::ActivityReviews) {
      const bool ok = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) {
        return e.is_object() && e.contains("activity") && e["activity"].is_string() && e.contains("decision") &&
               e["decision"].is_string() && activity_decision_from(e["decision"].get<std::string>()) &&
               (!e.contains("reason") || e["reason"].is_string());
      });
      if (!ok)
        return Error{"invalid_field", "activities must be a list of {activity, decision, reason}; decision is "
                                      "continues, completed or exited."};
      if (auto e = check_list(f, v)) return e;
      for (const json& e : v)
        if (auto too_long = check_length(f, e.value("reason", ""))) return too_long;
      continue;
    }
    if (f.type == FieldType::Bool) {
      if (!v.is_boolean()) return Error{"invalid_field", std::string(f.name) + " must be true or false."};
      continue;
    }
    if (f.type == FieldType::Number) {
      if (!v.is_number()) return Error{"invalid_field", std::string(f.name) + " must be a number."};
      continue;
    }
    if (f.type == FieldType::Int) {
      // W4: whole numbers a person could mean; larger ones would not fit the records' fields.
      if (!v.is_number_integer() || v.get<double>() < -kMaxWhole || v.get<double>() > kMaxWhole)
        return Error{"invalid_field", std::string(f.name) + " must be a whole number from -1,000,000,000 to 1,000,000,000."};
      continue;
    }
    if (f.type == FieldType::TextList) {
      const bool ok = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); });
      if (!ok) return Error{"invalid_field", std::string(f.name) + " must be a list of strings."};
      if (auto e = check_list(f, v)) return e;
      for (const json& e : v)
        if (auto too_long = check_length(f, e.get<std::string>())) return too_long;
      continue;
    }
    if (!v.is_string())
      return Error{"invalid_field", std::string(f.name) + " must be a " + type_name(f.type) + "."};
    const std::string s = v.get<std::string>();
    if (auto e = check_length(f, s)) return e;
    if (f.type == FieldType::OrganisationKind && !organisation_kind_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an organisation kind."};
    if (f.type == FieldType::Role && !role_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a role."};
    if (f.type == FieldType::ContactType && !contact_type_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a contact type."};
    if (f.type == FieldType::ContactWith && !contact_with_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a contact party."};
    if (f.type == FieldType::IssueSource && !issue_source_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an issue source."};
    if (f.type == FieldType::IssueOutcome && !issue_outcome_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an issue outcome."};
    if (f.type == FieldType::EmployerKind && !employer_kind_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an employer kind."};
    if (f.type == FieldType::Channel && !channel_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a channel."};
    if (f.type == FieldType::TriageRoute && !route_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a triage route."};
    if (f.type == FieldType::ServiceCategory && !category_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a service category."};
    if (f.type == FieldType::MatchAction && !match_action_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a match action."};
    if (f.type == FieldType::Program && !program_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a program."};
    if (f.type == FieldType::ActivityEnd && !activity_end_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not how an activity ends (completed or exited)."};
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> command_table_problems() { return table().problems; }

std::variant<Command, Error> command_from_json(const json& j) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
    return Error{"invalid_command", "A command is an object with a \"type\"."};
  const std::string type = j["type"].get<std::string>();
  const CommandRow* row = row_named(type);
  if (!row) return Error{"unknown_command", "There is no command \"" + type + "\"."};
  if (auto e = check_fields(row->spec, j)) return *e;
  return row->parse(j);
}

std::string_view command_type(const Command& cmd) { return table().rows[cmd.index()].spec.type; }

json command_catalogue() {
  json out = json::array();
  for (const CommandRow& r : table().rows) {
    const CommandSpec& s = r.spec;
    json fields = json::array();
    for (const Field& f : s.fields)
      fields.push_back(Fields()("name", f.name)("type", type_name(f.type))("required", f.required)
          ("description", f.what));
    out.push_back(Fields()("type", s.type)("description", s.what)("fields", fields));
  }
  return out;
}

// [SECTION] Reading a checked command's JSON
std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::string text(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? trimmed(j[key].get<std::string>()) : "";
}

std::vector<std::string> texts(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (auto& e : j[key]) out.push_back(trimmed(e.get<std::string>()));
  return out;
}

std::vector<Program> programs(const json& j) {
  std::vector<Program> out;
  for (auto& e : j.at("programs"))
    if (auto p = program_from(e.get<std::string>());
        p && std::find(out.begin(), out.end(), *p) == out.end())
      out.push_back(*p);
  return out;
}

bool flag(const json& j, const char* key) { return j.contains(key) && j[key].is_boolean() && j[key].get<bool>(); }

int number(const json& j, const char* key, int otherwise) {
  return j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : otherwise;
}

std::optional<double> decimal(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number() ? std::optional(j[key].get<double>()) : std::nullopt;
}

MatchFit fit_of(const json& j) {
  return {text(j, "skills"), text(j, "readiness"), text(j, "availability"), text(j, "barriers")};
}

// [SECTION] Apply
Outcome apply(Workspace& ws, const Command& cmd, const Context& ctx) {
  const CommandRow& row = table().rows[cmd.index()];
  Outcome o;
  if (const Client* seeker = ws.find_client(ctx.actor)) {  // M6: a job seeker only marks interest
    if (!has_portal_access(*seeker)) return Outcome::refuse("not_allowed", "Your job board access has ended.");
    if (!std::holds_alternative<MarkInterest>(cmd) && !std::holds_alternative<WithdrawInterest>(cmd))
      return Outcome::refuse("not_allowed",
                             "On the job board you can say you are interested in a job, or no longer; staff do the rest (M6).");
    Change k{ws, ctx, nullptr, row.spec.type, seeker};
    o = row.handle(k, cmd);
  } else {
    const Staff* actor = ws.find_staff(ctx.actor);
    if (!actor) return Outcome::refuse("not_signed_in", "Sign in as a staff member first.");
    if (!actor->active)
      return Outcome::refuse("not_allowed", actor->name + " is deactivated and can no longer act (P3).");
    Change k{ws, ctx, actor, row.spec.type};
    o = row.handle(k, cmd);
  }
  if (o.ok) ws.changed(o.touched);
  return o;
}

}  // namespace bw
