// The command table: each area declares its commands in one place (a row:
// name, rule, description, fields, how it parses from JSON, its handler) and
// commands.cpp reads every area's rows for the catalogue, the JSON parser and
// `apply`. Adding a command = its struct (commands.hpp), its row and its
// handler in its area's file.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "change.hpp"

namespace bw {

enum class FieldType { Text, Id, Date, DateTime, OrganisationKind, Role, Programs, IssueSource, IssueOutcome,
                       ContactType, ContactWith, TextList, ActivityEnd, ActivityReviews, Bool, Int, EmployerKind,
                       Channel, TriageRoute, ServiceCategory, Program, MatchAction, Number };

struct Field {
  const char* name;
  FieldType type;
  bool required;
  const char* what;
};

struct CommandSpec {
  const char* type;  // as in JSON and in audit entries: never renamed
  const char* rule;  // the SPEC rules it applies, e.g. "J1, J2"; "" when none is cited
  const char* what;
  std::vector<Field> fields;
};

struct CommandRow {
  CommandSpec spec;
  std::size_t index;  // its alternative in Command
  // Plain functions rather than std::function: each std::function of the table
  // compiled to about 1 KB of its own.
  Command (*parse)(const json&);  // from JSON already checked against `spec`
  Outcome (*handle)(Change&, const Command&);
};

template <class T, std::size_t I = 0>
constexpr std::size_t alternative_of() {
  if constexpr (std::is_same_v<std::variant_alternative_t<I, Command>, T>) return I;
  else return alternative_of<T, I + 1>();
}

// `Area` derives from Change and has an `operator()(const T&)`; `Parse` is a
// lambda that captures nothing.
template <class T, class Area, class Parse>
CommandRow row(CommandSpec spec, Parse) {
  return {std::move(spec), alternative_of<T>(), [](const json& j) -> Command { return Parse{}(j); },
          [](Change& k, const Command& c) { return Area{k}(std::get<T>(c)); }};
}

// [SECTION] Reading a checked command's JSON
std::string trimmed(std::string s);
std::string text(const json& j, const char* key);            // trimmed; "" when absent
std::vector<std::string> texts(const json& j, const char* key);
std::vector<Program> programs(const json& j);                 // without repeats
bool flag(const json& j, const char* key);
int number(const json& j, const char* key, int otherwise);
std::optional<double> decimal(const json& j, const char* key);
MatchFit fit_of(const json& j);

// [SECTION] The areas' tables, registered in commands.cpp
std::vector<CommandRow> people_commands();
std::vector<CommandRow> clients_commands();
std::vector<CommandRow> plans_commands();
std::vector<CommandRow> issues_commands();
std::vector<CommandRow> employers_commands();
std::vector<CommandRow> jobs_commands();
std::vector<CommandRow> matches_commands();
std::vector<CommandRow> conversation_commands();
std::vector<CommandRow> reports_commands();

// Every Command alternative has exactly one row: what is wrong, else empty.
std::vector<std::string> command_table_problems();

}  // namespace bw
