// The Individual Service Strategy and agreement letters (S1, N5): each command's handler next to the rules it applies,
// and its row in the command table (commands.cpp reads the rows).
#include <algorithm>

#include "command_rows.hpp"
#include "plan.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Plans : Change {
  std::optional<Outcome> check_dates(const std::string& start, const std::string& planned_end, year_month_day& s,
                                     year_month_day& e) const {
    auto a = parse_iso_date(start), b = parse_iso_date(planned_end);
    if (!a) return refuse("invalid_field", "The start must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (!b) return refuse("invalid_field", "The planned end must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*b < *a) return refuse("invalid_field", "The planned end is before the start.");
    s = *a;
    e = *b;
    return std::nullopt;
  }

  // [SECTION] The Individual Service Strategy (S1)
  Outcome operator()(const AddGoal& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    if (!is_active(*client)) return refuse("not_allowed", full_name(*client) + " has exited the program.");
    if (c.text.empty()) return refuse("missing_field", "Write the goal (S1).");
    Goal g{ws.new_id(), c.client, c.text, std::nullopt, {}};
    stamp(g.revision);
    const RecordId id = g.id;
    ws.add_goal(std::move(g));
    Outcome o = done(id, "Added the goal \"" + c.text + "\" for " + full_name(*client));
    add_note(o, c.client, "Goal added to the service strategy: " + c.text + " (S1)");
    return o;
  }

  Outcome operator()(const AchieveGoal& c) {
    auto it = ws.goals.find(c.goal);
    if (it == ws.goals.end()) return refuse("not_found", "No such goal.");
    if (auto r = need_case_staff()) return *r;
    Goal& g = it->second;
    if (g.achieved_on)
      return refuse("not_allowed", "This goal was already achieved on " + display_date(*g.achieved_on) + ".");
    auto on = day_of(c.achieved_on, "The date achieved");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    g.achieved_on = std::get<year_month_day>(on);
    stamp(g.revision);
    Outcome o = done(g.id, "Goal achieved: " + g.text);
    add_note(o, g.client, "Goal achieved on " + display_date(*g.achieved_on) + ": " + g.text + " (S1)");
    return o;
  }

  Outcome operator()(const AddActivity& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    if (!is_active(*client)) return refuse("not_allowed", full_name(*client) + " has exited the program.");
    if (c.name.empty()) return refuse("missing_field", "Name the activity (S1).");
    Activity a;
    if (auto r = check_dates(c.start, c.planned_end, a.start, a.planned_end)) return *r;
    if (!c.goal.empty()) {
      auto g = ws.goals.find(c.goal);
      if (g == ws.goals.end() || g->second.client != c.client)
        return refuse("not_found", "That goal is not this client's.");
    }
    std::string where;
    if (!c.training_provider.empty()) {
      const Organisation* tp = ws.find_organisation(c.training_provider);
      if (!tp || tp->kind != OrganisationKind::TrainingProvider)
        return refuse("not_allowed", "Training is given by an organisation of the kind Training provider (C5).");
      where = " at " + tp->name;
    }
    a.id = ws.new_id();
    a.client = c.client;
    a.goal = c.goal;
    a.name = c.name;
    a.training_provider = c.training_provider;
    stamp(a.revision);
    const RecordId id = a.id;
    const std::string dates = display_date(a.start) + " to " + display_date(a.planned_end);
    ws.add_activity(std::move(a));
    Outcome o = done(id, "Added the activity " + c.name + where + " for " + full_name(*client) + ", " + dates);
    add_note(o, c.client, "Activity added to the service strategy: " + c.name + where + ", planned " + dates + " (S1)");
    return o;
  }

  Outcome operator()(const RescheduleActivity& c) {
    auto it = ws.activities.find(c.activity);
    if (it == ws.activities.end()) return refuse("not_found", "No such activity.");
    if (auto r = need_case_staff()) return *r;
    Activity& a = it->second;
    if (!is_current(a)) return refuse("not_allowed", "The activity " + a.name + " has already ended.");
    auto end = parse_iso_date(c.planned_end);
    if (!end) return refuse("invalid_field", "The planned end must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*end < a.start) return refuse("invalid_field", "The planned end is before the start.");
    if (c.reason.empty()) return refuse("missing_field", "Say why the plan changed (N3).");
    const std::string from = display_date(a.planned_end);
    a.planned_end = *end;
    stamp(a.revision);
    Outcome o = done(a.id, "Moved the planned end of " + a.name + " from " + from + " to " + display_date(*end));
    add_note(o, a.client,
             "Planned end of " + a.name + " moved from " + from + " to " + display_date(*end) + ": " + c.reason);
    return o;
  }

  Outcome operator()(const EndActivity& c) {
    auto it = ws.activities.find(c.activity);
    if (it == ws.activities.end()) return refuse("not_found", "No such activity.");
    if (auto r = need_case_staff()) return *r;
    Activity& a = it->second;
    if (!is_current(a)) return refuse("not_allowed", "The activity " + a.name + " has already ended.");
    auto on = day_of(c.ended_on, "The end date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    const year_month_day day = std::get<year_month_day>(on);
    if (c.how == ActivityEnd::Completed && day < a.start)
      return refuse("invalid_field", a.name + " cannot be completed before it starts.");
    if (c.how == ActivityEnd::Exited && c.reason.empty())
      return refuse("missing_field", "Give the reason for the exit from the activity (C4).");
    Outcome o = done(a.id, std::string(activity_end_label(c.how)) + ": " + a.name);
    end_activity(o, a, c.how, day, c.reason);
    return o;
  }

  Outcome operator()(const RecordPlanAgreement& c) {
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    Client& client = it->second;
    if (goals_of(ws, client.id).empty() && activities_of(ws, client.id).empty())
      return refuse("not_allowed", "Add the goals and activities the customer agrees to first (S1).");
    if (c.how.empty())
      return refuse("missing_field", "Say how the customer agreed, e.g. \"signed the ISS in person\" (S1).");
    auto on = day_of(c.agreed_on, "The agreement date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    client.plan_agreed_on = std::get<year_month_day>(on);
    client.plan_agreed_how = c.how;
    stamp(client.revision);
    Outcome o = done(client.id, full_name(client) + " agreed to the service strategy on " +
                                    display_date(*client.plan_agreed_on) + ": " + c.how);
    add_note(o, client.id,
             "The customer agreed to the service strategy on " + display_date(*client.plan_agreed_on) + " (" + c.how +
                 ") (S1)");
    return o;
  }

  Outcome operator()(const WriteAgreementLetter& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    std::vector<std::string> to;
    for (const std::string& p : c.to)
      if (!p.empty()) to.push_back(p);
    if (to.empty()) return refuse("missing_field", "Name the parties the letter goes to (N5).");
    if (c.agreement.empty()) return refuse("missing_field", "Write what the parties agreed (N5).");
    if (!c.issue.empty()) {
      const Issue* i = ws.find_issue(c.issue);
      if (!i || i->client != c.client) return refuse("not_found", "That issue is not about this client.");
    }
    CaseNote n{ws.new_id(), c.client, ctx.now, ctx.actor, c.agreement, c.issue, to, {}, {}};
    const RecordId id = n.id;
    std::string parties;
    for (const std::string& p : to) parties += (parties.empty() ? "" : ", ") + p;
    ws.add_case_note(std::move(n));
    Outcome o = done(id, "Wrote an agreement letter about " + full_name(*client) + " to " + parties);
    return o;
  }
};

}  // namespace

std::vector<CommandRow> plans_commands() {
  using T = FieldType;
  return {
      row<AddGoal, Plans>({"add_goal",
                           "S1",
                           "Add a goal to a client's Individual Service Strategy (S1). Case staff.",
                           {{"client", T::Id, true, "the client"},
                            {"text", T::Text, true, "the goal, in the customer's words where possible"}}},
                          [](const json& j) {
                            return AddGoal{text(j, "client"), text(j, "text")};
                          }),
      row<AchieveGoal, Plans>(
          {"achieve_goal",
           "S1",
           "Mark a goal achieved (S1). Case staff.",
           {{"goal", T::Id, true, "the goal"}, {"achieved_on", T::Date, false, "YYYY-MM-DD; today when left out"}}},
          [](const json& j) {
            return AchieveGoal{text(j, "goal"), text(j, "achieved_on")};
          }),
      row<AddActivity, Plans>({"add_activity",
                               "C5, S1",
                               "Add an activity to a client's service strategy (S1); training at a training "
                               "provider makes the client its student (C5). Case staff.",
                               {{"client", T::Id, true, "the client"},
                                {"name", T::Text, true, "e.g. \"Certified Nursing Assistant course\""},
                                {"goal", T::Id, false, "the goal it serves"},
                                {"training_provider", T::Id, false, "the training provider, for training"},
                                {"start", T::Date, true, "YYYY-MM-DD"},
                                {"planned_end", T::Date, true, "YYYY-MM-DD, not before the start"}}},
                              [](const json& j) {
                                return AddActivity{text(j, "client"), text(j, "name"),
                                                   text(j, "goal"),   text(j, "training_provider"),
                                                   text(j, "start"),  text(j, "planned_end")};
                              }),
      row<RescheduleActivity, Plans>(
          {"reschedule_activity",
           "N3, S1",
           "Move an activity's planned end (S1, N3). Case staff.",
           {{"activity", T::Id, true, "the activity"},
            {"planned_end", T::Date, true, "YYYY-MM-DD, not before the start"},
            {"reason", T::Text, true, "why the plan changed"}}},
          [](const json& j) {
            return RescheduleActivity{text(j, "activity"), text(j, "planned_end"), text(j, "reason")};
          }),
      row<EndActivity, Plans>({"end_activity",
                               "C4",
                               "End an activity: completed, or the client exits it (C4). Case staff.",
                               {{"activity", T::Id, true, "the activity"},
                                {"how", T::ActivityEnd, true, "completed or exited"},
                                {"ended_on", T::Date, false, "YYYY-MM-DD; today when left out"},
                                {"reason", T::Text, false, "required for exited"}}},
                              [](const json& j) {
                                return EndActivity{text(j, "activity"), *activity_end_from(text(j, "how")),
                                                   text(j, "ended_on"), text(j, "reason")};
                              }),
      row<RecordPlanAgreement, Plans>(
          {"record_plan_agreement",
           "S1",
           "Record when and how the customer agreed to their service strategy (S1). "
           "Case staff.",
           {{"client", T::Id, true, "the client"},
            {"agreed_on", T::Date, false, "YYYY-MM-DD; today when left out"},
            {"how", T::Text, true, "e.g. \"signed the ISS in person\""}}},
          [](const json& j) {
            return RecordPlanAgreement{text(j, "client"), text(j, "agreed_on"), text(j, "how")};
          }),
      row<WriteAgreementLetter, Plans>(
          {"write_agreement_letter",
           "N5",
           "Write the letter that documents an agreement between parties (N5); it is "
           "kept as a case note and can be printed. Case staff.",
           {{"client", T::Id, true, "the client"},
            {"to", T::TextList, true, "the parties, e.g. [\"Aaliyah Garcia\", \"Summit Technical Institute\"]"},
            {"agreement", T::Text, true, "what was agreed"},
            {"issue", T::Id, false, "the issue the agreement settles"}}},
          [](const json& j) {
            return WriteAgreementLetter{text(j, "client"), texts(j, "to"), text(j, "agreement"), text(j, "issue")};
          }),
  };
}

}  // namespace bw
