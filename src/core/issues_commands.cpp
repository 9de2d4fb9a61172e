// Issues and their escalation (E1-E5): each command's handler next to the rules it applies, and its row in
// the command table (commands.cpp reads the rows).
#include <algorithm>

#include "access.hpp"
#include "business.hpp"
#include "command_rows.hpp"
#include "escalation.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Issues : Change {
  Outcome operator()(const RaiseIssue& c) {
    if (c.client.empty() == c.employer.empty())
      return refuse("missing_field", "Say whom the issue is about: a client or an employer (E1).");
    Issue i;
    std::string about;
    StandIn handed;
    if (!c.client.empty()) {
      const Client* client = ws.find_client(c.client);
      if (!client) return refuse("not_found", "No such client.");
      if (!is_active(*client)) return refuse("not_allowed", full_name(*client) + " has exited the program.");
      if (auto why = raise_issue_refusal(ws, *actor, *client)) return refuse("not_allowed", *why);
      if (actor->role == Role::TrainingProviderStaff && c.source != IssueSource::TrainingProvider)
        return refuse("not_allowed", "Training-provider staff raise issues as the training provider (E1, C5).");
      handed = stand_in(ws, client->primary_contact);  // E2, P3
      about = full_name(*client);
    } else {
      const Employer* employer = ws.find_employer(c.employer);
      if (!employer) return refuse("not_found", "No such employer.");
      if (!can_serve_employers(*actor))
        return refuse("not_allowed", "Business staff raise issues about employers (E1).");
      if (employer->owners.empty())
        return refuse("not_allowed", employer->legal_name +
                                         " has no account owner to own the issue (E2): a BSR joins "
                                         "the account first.");
      // E2: the BAS: the one raising it if they own the account, else its first active owner (P3).
      RecordId bas = employer->owners.front().staff;
      for (const AccountOwner& owner : employer->owners)
        if (ws.staff.at(owner.staff).active) {
          bas = owner.staff;
          break;
        }
      handed = stand_in(ws, is_owner(*employer, actor->id) ? actor->id : bas);
      about = employer->legal_name;
    }
    if (c.concern.empty()) return refuse("missing_field", "Describe the problem, concern or complaint (E1).");
    if (!handed.staff) return refuse("not_allowed", handed.note);
    i.owner = handed.staff->id;
    i.id = ws.new_id();
    i.client = c.client;
    i.employer = c.employer;
    i.concern = c.concern;
    i.source = c.source;
    i.raised_at = ctx.now;
    stamp(i.revision);
    const std::string owner = ws.staff.at(i.owner).name;
    const RecordId id = i.id;
    ws.add_issue(std::move(i));
    const Issue& issue = ws.issues.at(id);
    const std::string due = display_datetime(ws.calendar.within_one_business_day(ctx.now));
    Outcome o = done_with_case_note(issue, "Raised an issue about " + about + ": " + c.concern,
                                    "Issue raised (" + std::string(source_label(c.source)) + "): " + c.concern +
                                        ". Owner " + owner + ", to resolve by " + due + " (E3)." +
                                        (handed.note.empty() ? "" : " " + handed.note));
    o.notice = handed.note;
    // E2: the owner hears at once when someone else raised it.
    notify(o, issue.owner, "New issue about " + about + ", yours to resolve by " + due + ": " + c.concern, issue.id);
    return o;
  }

  Outcome operator()(const EscalateIssue& c) {
    auto it = ws.issues.find(c.issue);
    if (it == ws.issues.end()) return refuse("not_found", "No such issue.");
    Issue& i = it->second;
    if (!is_open(i)) return refuse("not_allowed", "This issue is already closed.");
    if (!acts_for(ws, *actor, i.owner)) return refuse("not_allowed", "Only the issue's owner escalates it early (E4).");
    const int level = escalation_of(ws, i, ctx.now).level;
    if (level >= 3) return refuse("not_allowed", "The issue is already with the board (level 3).");
    (level == 1 ? i.owner_escalated_to_2 : i.owner_escalated_to_3) = ctx.now;
    stamp(i.revision);
    const EscalationState now_at = escalation_of(ws, i, ctx.now);
    return done_with_case_note(i, "Escalated the issue to level " + std::to_string(now_at.level),
                               "Issue escalated early to level " + std::to_string(now_at.level) +
                                   " by its owner (E4)." +
                                   (now_at.deadline ? " Due " + display_datetime(*now_at.deadline) + "." : ""));
  }

  Outcome operator()(const CloseIssue& c) {
    auto it = ws.issues.find(c.issue);
    if (it == ws.issues.end()) return refuse("not_found", "No such issue.");
    Issue& i = it->second;
    if (auto why = close_refusal(ws, *actor, i, ctx.now)) return refuse("not_allowed", *why);
    if (c.note.empty()) return refuse("missing_field", "Write what was done and agreed (N5).");
    Client* client = i.client.empty() ? nullptr : &ws.clients.at(i.client);
    if (!client && (c.outcome == IssueOutcome::ExitFromProgram || c.outcome == IssueOutcome::ExitFromActivity))
      return refuse("invalid_field", "An employer issue ends resolved or with a corrective action plan (E5).");
    const bool exits = client && c.outcome == IssueOutcome::ExitFromProgram && is_active(*client);
    if (exits && !can_exit_client(*actor, *client))
      return refuse("not_allowed",
                    "Only the primary contact, a Manager of the provider or an Administrator can exit a client (C4).");
    const EscalationState state = escalation_of(ws, i, ctx.now);
    i.closed_at = ctx.now;
    i.outcome = c.outcome;
    stamp(i.revision);
    Outcome o = done_with_case_note(
        i, "Closed the issue at level " + std::to_string(state.level) + ": " + std::string(outcome_label(c.outcome)),
        "Issue closed at level " + std::to_string(state.level) + ": " + std::string(outcome_label(c.outcome)) + ". " +
            c.note);
    if (exits) {  // E5: the outcome is the exit itself (C4)
      client->exited_on = date_of(ctx.now);
      client->exit_reason = c.note;
      stamp(client->revision);
      o.touched.push_back(client->id);
    }
    return o;
  }
};

}  // namespace

std::vector<CommandRow> issues_commands() {
  using T = FieldType;
  return {
      row<RaiseIssue, Issues>(
          {"raise_issue",
           "E1, E2, E3, P3",
           "Raise a problem, concern or complaint about a client or an employer (E1). Its owner is "
           "the client's primary contact, or for an employer the account's BAS (E2), who has until 17:00 "
           "of the next business day (E3). For someone who has left, their stand-in, named in the notice (P3).",
           {{"client", T::Id, false, "the client (or give employer)"},
            {"employer", T::Id, false, "the employer (or give client)"},
            {"concern", T::Text, true, "the problem, in words"},
            {"source", T::IssueSource, true, "who brought it"}}},
          [](const json& j) {
            return RaiseIssue{text(j, "client"), text(j, "concern"), *issue_source_from(text(j, "source")),
                              text(j, "employer")};
          }),
      row<EscalateIssue, Issues>({"escalate_issue",
                                  "E4",
                                  "Escalate an open issue to the next level before its deadline (E4). Its owner.",
                                  {{"issue", T::Id, true, "the issue"}}},
                                 [](const json& j) { return EscalateIssue{text(j, "issue")}; }),
      row<CloseIssue, Issues>(
          {"close_issue",
           "E5",
           "Close an issue with its outcome (E5). The owner, a Manager of the client's "
           "provider, or at level 3 the board's Program Manager and Assistant Director.",
           {{"issue", T::Id, true, "the issue"},
            {"outcome", T::IssueOutcome, true, "how it ended"},
            {"note", T::Text, true, "what was done and agreed"}}},
          [](const json& j) {
            return CloseIssue{text(j, "issue"), *issue_outcome_from(text(j, "outcome")), text(j, "note")};
          }),
  };
}

}  // namespace bw
