// The quarterly report and targets (R2-R4): each command's handler next to the rules it applies, and its row in
// the command table (commands.cpp reads the rows).
#include <algorithm>

#include "command_rows.hpp"
#include "performance.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Reports : Change {
  // [SECTION] Reports (R2)
  Outcome operator()(const SetStateEstablishments& c) {
    if (actor->role != Role::Administrator)
      return refuse("not_allowed", "Only an Administrator enters the state's establishment total.");
    if (c.count < 1 || c.count > 100000000)
      return refuse("invalid_field", "Enter the number of establishments in the state, e.g. 1250000.");
    ws.meta.state_establishments = c.count;
    return done(RecordId{}, "Set the state's establishment total to " + std::to_string(c.count));
  }

  Outcome operator()(const RecordEseExport& c) {
    if (!can_export_ese(*actor))
      return refuse("not_allowed", "Business staff, Managers, the board and Administrators export the ESE report.");
    if (c.quarter < 1 || c.quarter > 4 || c.program_year < 2000 || c.program_year > 2100)
      return refuse("invalid_field", "A program year (e.g. 2026) and a quarter from 1 to 4.");
    ws.meta.ese_exports.push_back({c.program_year, c.quarter, ctx.now, actor->id});
    return done(RecordId{}, "Exported the ESE report for " + quarter_label({c.program_year, c.quarter}));
  }

  Outcome operator()(const SetTarget& c) {
    if (!can_set_targets(*actor))
      return refuse("not_allowed",
                    "The board's Program Manager, Assistant Director and Administrators set targets (R4).");
    if (c.quarter < 1 || c.quarter > 4 || c.program_year < 2000 || c.program_year > 2100)
      return refuse("invalid_field", "A program year (e.g. 2026) and a quarter from 1 to 4.");
    const auto measure = measure_from(c.measure);
    if (!measure)
      return refuse(
          "invalid_field",
          "\"" + c.measure + "\" is not a measure: establishments_served, placements, active_accounts or services.");
    if (!c.organisation.empty() && !ws.find_organisation(c.organisation))
      return refuse("not_found", "No such organisation.");
    if (c.value < 0 || c.value > 100000000)
      return refuse("invalid_field", "A target is a whole number, 0 to remove it.");
    auto& targets = ws.meta.targets;
    auto same = [&](const Target& t) {
      return t.program_year == c.program_year && t.quarter == c.quarter && t.measure == c.measure &&
             t.organisation == c.organisation;
    };
    std::erase_if(targets, same);
    if (c.value > 0) targets.push_back({c.program_year, c.quarter, c.measure, c.organisation, c.value});
    const std::string whom =
        c.organisation.empty() ? std::string("the board") : ws.find_organisation(c.organisation)->name;
    return done(
        RecordId{},
        (c.value > 0 ? "Set the target of " + std::to_string(c.value) + " " : std::string("Removed the target of ")) +
            std::string(measure_label(*measure)) + " for " + whom + ", " + quarter_label({c.program_year, c.quarter}));
  }
};

}  // namespace

std::vector<CommandRow> reports_commands() {
  using T = FieldType;
  return {
      row<SetStateEstablishments, Reports>(
          {"set_state_establishments",
           "R2",
           "Enter the state's establishment total, the base of the employer penetration rate (R2). Administrators.",
           {{"count", T::Int, true, "establishments in the state, 1 or more"}}},
          [](const json& j) { return SetStateEstablishments{j["count"].get<long long>()}; }),
      row<RecordEseExport, Reports>(
          {"record_ese_export",
           "R2",
           "Note that a quarter's ESE files were exported, by whom and when (R2). Those who may export.",
           {{"program_year", T::Int, true, "N for PY N (July 1 of N to June 30 of N+1)"},
            {"quarter", T::Int, true, "1 to 4"}}},
          [](const json& j) {
            return RecordEseExport{number(j, "program_year", 0), number(j, "quarter", 0)};
          }),
      row<SetTarget, Reports>(
          {"set_target",
           "R4",
           "Set the board's target for a quarter, for the board or one organisation; 0 removes it (R4). The board's "
           "roles and Administrators.",
           {{"program_year", T::Int, true, "N for PY N"},
            {"quarter", T::Int, true, "1 to 4"},
            {"measure", T::Text, true, "establishments_served, placements, active_accounts or services"},
            {"organisation", T::Id, false, "the organisation; the board as a whole when left out"},
            {"value", T::Int, true, "the target, 0 to remove it"}}},
          [](const json& j) {
            return SetTarget{number(j, "program_year", 0), number(j, "quarter", 0), text(j, "measure"),
                             text(j, "organisation"), j["value"].get<long long>()};
          }),
  };
}

}  // namespace bw
