// Matches, hires and the job board (M1-M6): each command's handler next to the rules it applies, and its row in
// the command table (commands.cpp reads the rows).
#include <algorithm>

#include "access.hpp"
#include "pin.hpp"
#include "business.hpp"
#include "command_rows.hpp"
#include "jobs.hpp"
#include "matches.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Matches : Change {
  // M2, P3: the job owner and the client's case manager, or whoever takes the work of one who left.
  std::optional<Outcome> take_approvers(Match& m, const Job& job, const Client& client) const {
    const StandIn owner = stand_in(ws, job.owner), manager = stand_in(ws, case_manager_for(ws, client));
    if (!owner.staff) return refuse("not_allowed", owner.note);
    if (!manager.staff) return refuse("not_allowed", manager.note);
    m.job_owner = owner.staff->id;
    m.case_manager = manager.staff->id;
    return std::nullopt;
  }

  // [SECTION] Matches and hires (M1-M5)
  Outcome operator()(const ReferMatch& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    const Job* job = ws.find_job(c.job);
    if (!job || !visible_to_staff(*job, *actor, ctx.now)) return refuse("not_found", "No such job.");
    if (!can_enrol_clients(*actor) && !can_serve_employers(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not refer clients to jobs.");
    if (!on_board_for(*job, *client, ctx.now))
      return refuse("not_allowed", job->title + " is not on " + full_name(*client) +
                                       "'s job board: it is closed, expired, reserved for another organisation, or "
                                       "subsidised for WIOA clients (J2, J3).");
    if (auto why = missing_fit(c.fit)) return refuse("missing_field", *why);
    if (open_match(ws, c.client, c.job))
      return refuse("duplicate", full_name(*client) + " already has an open match for " + job->title + ".");
    Match m;
    m.id = ws.new_id();
    m.client = c.client;
    m.job = c.job;
    m.fit = c.fit;
    m.referred_by = actor->id;
    if (auto why = take_approvers(m, *job, *client)) return *why;
    m.ready_at = ctx.now;
    stamp(m.revision);
    const Match& match = ws.add_match(std::move(m));
    Outcome o = done(match.id, "Referred " + full_name(*client) + " to " + job->title);
    const std::string what = full_name(*client) + " was referred to " + job->title + ": approve or send back";
    notify(o, match.job_owner, what + " by " + display_datetime(owner_action_due(ws, match)) + " (M3).", match.id);
    notify(o, match.case_manager, what + " (M2).", match.id);
    return o;
  }

  Outcome operator()(const ResubmitMatch& c) {
    auto it = ws.matches.find(c.match);
    if (it == ws.matches.end()) return refuse("not_found", "No such match.");
    Match& m = it->second;
    if (!actor_of(ws, m, *actor).case_manager)
      return refuse("not_allowed", "The client's case manager edits and resubmits the match (M3).");
    const bool interest = m.stage == MatchStage::Interested;
    if (m.stage != MatchStage::SentBack && !interest)
      return refuse("not_allowed", "Only a match sent back for edits, or a job seeker's interest, is submitted here.");
    if (auto why = missing_fit(c.fit)) return refuse("missing_field", *why);
    m.fit = c.fit;
    ws.set_match_stage(m.id, MatchStage::AwaitingApproval);
    m.owner_approved_at.reset();
    m.case_manager_approved_at = ctx.now;  // resubmitting is the case manager's approval
    m.ready_at = ctx.now;
    m.owner_acted_at.reset();
    stamp(m.revision);
    const std::string about = full_name(ws.clients.at(m.client)) + " for " + ws.jobs.at(m.job).title;
    Outcome o = done(m.id, interest ? "Explained the fit and submitted the job seeker's interest"
                                    : "Resubmitted the match after edits");
    notify(o, m.job_owner,
           about +
               (interest ? ": the case manager explained the fit and submitted the match"
                         : ": the match was edited and resubmitted") +
               ". Approve or send back by " + display_datetime(owner_action_due(ws, m)) + " (M3).",
           m.id);
    return o;
  }

  Outcome operator()(const ActOnMatch& c) {
    auto it = ws.matches.find(c.match);
    if (it == ws.matches.end()) return refuse("not_found", "No such match.");
    Match& m = it->second;
    const MatchActor who = actor_of(ws, m, *actor);
    if (auto why = match_action_refusal(m, c.action, who)) return refuse("not_allowed", *why);
    if (c.action == MatchAction::SendBack && c.note.empty())
      return refuse("missing_field", "Say what the case manager should change (M3).");
    std::optional<year_month_day> learned;
    if (c.action == MatchAction::RecordHired) {
      auto d = day_of(c.learned_of, "The date you learned of the hire");
      if (auto* r = std::get_if<Outcome>(&d)) return *r;
      learned = std::get<year_month_day>(d);
    }
    const MatchStage next = stage_after(m, c.action, who);
    if (who.job_owner && !m.owner_acted_at && (c.action == MatchAction::Approve || c.action == MatchAction::SendBack))
      m.owner_acted_at = ctx.now;  // M3
    switch (c.action) {
      case MatchAction::Approve:
        if (who.job_owner && !m.owner_approved_at) m.owner_approved_at = ctx.now;
        if (who.case_manager && !m.case_manager_approved_at) m.case_manager_approved_at = ctx.now;
        break;
      case MatchAction::SendBack:
        m.sent_back_reason = c.note;
        m.owner_approved_at.reset(), m.case_manager_approved_at.reset();
        break;
      case MatchAction::RecordInterview: m.interview_granted_at = ctx.now; break;
      default: m.closed_at = ctx.now, m.close_note = c.note; break;
    }
    ws.set_match_stage(m.id, next);
    stamp(m.revision);
    const Client& client = ws.clients.at(m.client);
    const Job& job = ws.jobs.at(m.job);
    Outcome o =
        done(m.id, std::string(match_action_label(c.action)) + ": " + full_name(client) + " for " + job.title +
                       (c.note.empty() ? "" : " (" + c.note + ")") + "; now " + std::string(match_stage_label(next)));
    const std::string about = full_name(client) + " for " + job.title + ": ";
    std::string told = about + std::string(match_action_label(c.action)) + " by " + actor->name +
                       (c.note.empty() ? "" : ": " + c.note) + ".";
    if (next == MatchStage::WaitingToHearResults && c.action == MatchAction::Approve)
      told = about + "both approved; Waiting to Hear Results (M3).";
    if (c.action == MatchAction::RecordHired) {  // M4: the hire record, made here
      Hire h{ws.new_id(), m.id, m.client, m.job, job.establishment, *learned, ctx.now, {}, {}, {}, {}, {}};
      h.recorded_by = actor->id;
      stamp(h.revision);
      o.touched.push_back(h.id);
      told = about + "hired. Complete the hire record: start date, wage, hours (M4).";
      ws.hires.emplace(h.id, std::move(h));
    }
    // M4: a hire is a task for both approvers, the one who recorded it too.
    const bool hired = c.action == MatchAction::RecordHired;
    for (const RecordId& to : {m.job_owner, m.case_manager}) notify(o, to, told, m.id, hired);
    return o;
  }

  Outcome operator()(const CompleteHire& c) {
    auto it = ws.hires.find(c.hire);
    if (it == ws.hires.end()) return refuse("not_found", "No such hire record.");
    Hire& h = it->second;
    const Match& m = ws.matches.at(h.match);
    const MatchActor who = actor_of(ws, m, *actor);
    if (!who.job_owner && !who.case_manager)
      return refuse("not_allowed", "The job owner or the case manager completes the hire record (M4).");
    // Everything is checked before anything changes.
    const auto start = c.start_date.empty() ? std::nullopt : parse_iso_date(c.start_date);
    if (!c.start_date.empty() && !start)
      return refuse("invalid_field", "The start date must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (c.hourly_wage && (*c.hourly_wage <= 0 || *c.hourly_wage > 1000))
      return refuse("invalid_field", "The hourly wage is in dollars, e.g. 18.50.");
    if (c.hours_per_week && (*c.hours_per_week <= 0 || *c.hours_per_week > 80))
      return refuse("invalid_field", "Hours a week are between 1 and 80.");
    if (start) h.start_date = *start;
    if (c.hourly_wage) h.wage_cents = int(*c.hourly_wage * 100 + 0.5);
    if (c.hours_per_week) h.hours_per_week = *c.hours_per_week;
    stamp(h.revision);
    return done(h.id, std::string(hire_complete(h) ? "Completed" : "Updated") + " the hire record of " +
                          full_name(ws.clients.at(h.client)));
  }

  // [SECTION] The job board (M6)
  Outcome operator()(const SetPortalAccess& c) {
    if (auto r = need_case_staff()) return *r;
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    Client& client = it->second;
    if (!c.pin.empty() && !is_active(client))
      return refuse("not_allowed", full_name(client) + " has exited the program (C4): no job board access.");
    if (c.pin.empty() && client.portal_pin_hash.empty())
      return refuse("not_allowed", full_name(client) + " has no job board access to end.");
    if (c.pin.empty()) {
      client.portal_pin_hash.clear();
    } else {
      if (auto why = pin_problem(c.pin)) return refuse("invalid_field", *why);
      client.portal_pin_hash = pin_hash(client.id + "@" + format_iso(ctx.now), c.pin);
      ws.meta.sign_in_failures.erase(client.id);  // a new PIN ends a lock
    }
    stamp(client.revision);
    return done(client.id,
                (c.pin.empty() ? "Ended the job board access of " : "Gave job board access to ") + full_name(client));
  }

  Outcome operator()(const MarkInterest& c) {
    if (!seeker)
      return refuse("not_allowed", "Job seekers mark interest on their job board; staff refer a client instead (M1).");
    const Job* job = ws.find_job(c.job);
    if (!job || !on_board_for(*job, *seeker, ctx.now)) return refuse("not_found", "That job is not on your job board.");
    if (open_match(ws, seeker->id, c.job))
      return refuse("duplicate", "You already said you are interested in " + job->title + ".");
    Match m;
    m.id = ws.new_id();
    m.client = seeker->id;
    m.job = c.job;
    m.origin = MatchOrigin::SelfSelect;
    m.stage = MatchStage::Interested;
    if (auto why = take_approvers(m, *job, *seeker)) return *why;
    m.ready_at = ctx.now;
    stamp(m.revision);
    const Match& match = ws.add_match(std::move(m));
    Outcome o = done(match.id, full_name(*seeker) + " marked interest in " + job->title + " on the job board");
    const std::string who = full_name(*seeker) + " is interested in " + job->title + " (job board)";
    notify(o, match.case_manager, who + ": explain the fit and submit the match (M1).", match.id);
    notify(o, match.job_owner, who + ". Their case manager explains the fit and submits it to you (M1).", match.id);
    return o;
  }

  Outcome operator()(const WithdrawInterest& c) {
    if (!seeker) return refuse("not_allowed", "The job seeker withdraws their interest; staff withdraw a match (M4).");
    auto it = ws.matches.find(c.match);
    if (it == ws.matches.end() || it->second.client != seeker->id) return refuse("not_found", "That is not one of your jobs.");
    Match& m = it->second;
    if (is_closed(m.stage)) return refuse("not_allowed", "This is already closed: " + std::string(match_stage_label(m.stage)) + ".");
    ws.set_match_stage(m.id, MatchStage::Withdrawn);
    m.closed_at = ctx.now;
    m.close_note = "withdrawn by the job seeker on the job board";
    stamp(m.revision);
    const std::string title = ws.jobs.at(m.job).title;
    Outcome o = done(m.id, full_name(*seeker) + " is no longer interested in " + title + " (job board); the match is withdrawn");
    const std::string told = full_name(*seeker) + " is no longer interested in " + title + ": the match is withdrawn (M6).";
    notify(o, m.case_manager, told, m.id);
    notify(o, m.job_owner, told, m.id);
    return o;
  }
};

}  // namespace

std::vector<CommandRow> matches_commands() {
  using T = FieldType;
  return {
      row<ReferMatch, Matches>(
          {"refer_match",
           "M1, M2",
           "Refer a client to a job: a match record that explains the fit (M1). Case and business staff; "
           "the job owner and the client's case manager approve it (M2).",
           {{"client", T::Id, true, "the client"},
            {"job", T::Id, true, "an open job on the client's job board"},
            {"skills", T::Text, true, "skills and experience against the job's needs"},
            {"readiness", T::Text, true, "job readiness"},
            {"availability", T::Text, true, "when and how much the client can work"},
            {"barriers", T::Text, true, "barriers and how they are addressed, or \"none\""}}},
          [](const json& j) {
            return ReferMatch{text(j, "client"), text(j, "job"), fit_of(j)};
          }),
      row<ResubmitMatch, Matches>({"resubmit_match",
                                   "M3",
                                   "Edit a match sent back by the job owner and resubmit it (M3). The case manager.",
                                   {{"match", T::Id, true, "the match"},
                                    {"skills", T::Text, true, "skills and experience against the job's needs"},
                                    {"readiness", T::Text, true, "job readiness"},
                                    {"availability", T::Text, true, "availability"},
                                    {"barriers", T::Text, true, "barriers and how they are addressed"}}},
                                  [](const json& j) {
                                    return ResubmitMatch{text(j, "match"), fit_of(j)};
                                  }),
      row<ActOnMatch, Matches>(
          {"act_on_match",
           "M3, M4",
           "Approve, send back, record an interview, a hire or no hire, or withdraw (M3, M4). The job "
           "owner or the case manager; \"hired\" creates the hire record.",
           {{"match", T::Id, true, "the match"},
            {"action", T::MatchAction, true,
             "approve, send_back, record_interview, record_hired, record_not_hired or withdraw"},
            {"note", T::Text, false, "required for send_back: what to change"},
            {"learned_of", T::Date, false, "record_hired: when you learned of the hire; today when left out"}}},
          [](const json& j) {
            return ActOnMatch{text(j, "match"), *match_action_from(text(j, "action")), text(j, "note"),
                              text(j, "learned_of")};
          }),
      row<CompleteHire, Matches>(
          {"complete_hire",
           "M4",
           "Complete a hire record: start date, hourly wage, hours a week (M4). Either approver.",
           {{"hire", T::Id, true, "the hire record"},
            {"start_date", T::Date, false, "YYYY-MM-DD"},
            {"hourly_wage", T::Number, false, "dollars an hour, e.g. 18.5"},
            {"hours_per_week", T::Number, false, "e.g. 40"}}},
          [](const json& j) {
            return CompleteHire{text(j, "hire"), text(j, "start_date"), decimal(j, "hourly_wage"),
                                decimal(j, "hours_per_week")};
          }),
      row<SetPortalAccess, Matches>(
          {"set_portal_access",
           "M6",
           "Give a client job board access with a PIN, or end it with an empty PIN (M6). Case staff.",
           {{"client", T::Id, true, "the client"},
            {"pin", T::Text, false, "4 to 8 digits the job seeker signs in with; empty or left out ends access"}}},
          [](const json& j) {
            return SetPortalAccess{text(j, "client"), text(j, "pin")};
          }),
      row<MarkInterest, Matches>(
          {"mark_interest",
           "M1, M6",
           "The signed-in job seeker says they are interested in a job on their job board: a self-select "
           "match that their case manager explains and submits (M1, M6). Job seekers only.",
           {{"job", T::Id, true, "a job on the job seeker's board"}}},
          [](const json& j) { return MarkInterest{text(j, "job")}; }),
      row<WithdrawInterest, Matches>(
          {"withdraw_interest",
           "M6",
           "The signed-in job seeker is no longer interested in a job: their open match for it is withdrawn and the "
           "job owner and case manager are told (M6). Job seekers only, their own matches.",
           {{"match", T::Id, true, "one of the job seeker's open matches"}}},
          [](const json& j) { return WithdrawInterest{text(j, "match")}; }),
  };
}

}  // namespace bw
