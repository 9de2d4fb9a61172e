#include "matches.hpp"

#include <algorithm>
#include <unordered_set>

#include "access.hpp"

namespace bw {

MatchActor actor_of(const Workspace& ws, const Match& m, const Staff& staff) {
  return {acts_for(ws, staff, m.job_owner), acts_for(ws, staff, m.case_manager)};
}

bool is_closed(MatchStage s) {
  return s == MatchStage::Hired || s == MatchStage::NotHired || s == MatchStage::Withdrawn;
}

std::optional<std::string> match_action_refusal(const Match& m, MatchAction action, MatchActor actor) {
  if (!actor.job_owner && !actor.case_manager)
    return "Only the job owner and the client's case manager act on a match (M2).";
  if (is_closed(m.stage)) return "This match is closed: " + std::string(match_stage_label(m.stage)) + ".";
  const bool waiting = m.stage == MatchStage::WaitingToHearResults;
  if (m.stage == MatchStage::Interested && action != MatchAction::Withdraw)
    return "The job seeker marked interest: the case manager explains the fit and submits the match first (M1).";
  switch (action) {
    case MatchAction::Approve:
      if (m.stage == MatchStage::SentBack) return "The match was sent back: the case manager edits and resubmits it first.";
      if (waiting) return "Both approvers have approved already.";
      if ((!actor.job_owner || m.owner_approved_at) && (!actor.case_manager || m.case_manager_approved_at))
        return "You have approved this match already.";
      return std::nullopt;
    case MatchAction::SendBack:
      if (!actor.job_owner) return "Only the job owner sends a match back for edits (M3).";
      if (m.stage != MatchStage::AwaitingApproval) return "Only a match awaiting approval can be sent back.";
      return std::nullopt;
    case MatchAction::RecordInterview:
      if (!waiting) return "An interview is recorded once both have approved (M4).";
      if (m.interview_granted_at) return "The interview is already recorded.";
      return std::nullopt;
    case MatchAction::RecordHired:
    case MatchAction::RecordNotHired:
      if (!waiting) return "The result is recorded once both have approved and the candidate was referred (M4).";
      return std::nullopt;
    case MatchAction::Withdraw:
      return std::nullopt;
  }
  return "Unknown action.";
}

MatchStage stage_after(const Match& m, MatchAction action, MatchActor actor) {
  switch (action) {
    case MatchAction::Approve: {
      const bool owner = m.owner_approved_at || actor.job_owner;
      const bool manager = m.case_manager_approved_at || actor.case_manager;
      return owner && manager ? MatchStage::WaitingToHearResults : MatchStage::AwaitingApproval;
    }
    case MatchAction::SendBack: return MatchStage::SentBack;
    case MatchAction::RecordInterview: return m.stage;
    case MatchAction::RecordHired: return MatchStage::Hired;
    case MatchAction::RecordNotHired: return MatchStage::NotHired;
    case MatchAction::Withdraw: return MatchStage::Withdrawn;
  }
  return m.stage;
}

std::optional<std::string> missing_fit(const MatchFit& fit) {
  if (fit.skills.empty()) return "Explain how the client's skills and experience fit the job's needs (M1).";
  if (fit.readiness.empty()) return "Say how the client is ready for work (M1).";
  if (fit.availability.empty()) return "Say when the client is available (M1).";
  if (fit.barriers.empty()) return "Say which barriers there are and how they are addressed, or \"none\" (M1).";
  return std::nullopt;
}

RecordId case_manager_for(const Workspace& ws, const Client& c) {
  if (!is_dual_enrolled(c)) return c.primary_contact;
  const Staff* chosen = nullptr;
  for (auto& [id, s] : ws.staff) {
    const Organisation* org = ws.find_organisation(s.organisation);
    if (s.active && s.role == Role::CaseManager && org && org->kind == OrganisationKind::Board &&
        (!chosen || s.name < chosen->name))
      chosen = &s;
  }
  return chosen ? chosen->id : c.primary_contact;
}

LocalSeconds owner_action_due(const Workspace& ws, const Match& m) {
  return ws.calendar.within_one_business_day(m.ready_at);
}

bool owner_action_overdue(const Workspace& ws, const Match& m, LocalSeconds now) {
  return m.stage == MatchStage::AwaitingApproval && !m.owner_acted_at && now > owner_action_due(ws, m);
}

std::optional<bool> owner_acted_on_time(const Workspace& ws, const Match& m) {
  if (!m.owner_acted_at) return std::nullopt;
  return *m.owner_acted_at <= owner_action_due(ws, m);
}

bool hire_recorded_on_time(const Workspace& ws, const Hire& h) {
  return h.recorded_at <= ws.calendar.within_one_business_day(start_of(h.learned_of));
}

bool hire_complete(const Hire& h) { return h.start_date && h.wage_cents && h.hours_per_week; }

namespace {
// P3: the person and everyone who has left whose work they stand in for, as
// acts_for decides, asked once per person instead of twice per match.
std::unordered_set<RecordId> acting_for(const Workspace& ws, const Staff& staff) {
  std::unordered_set<RecordId> out;
  if (!staff.active) return out;
  out.insert(staff.id);
  for (auto& [id, s] : ws.staff)
    if (!s.active && acts_for(ws, staff, id)) out.insert(id);
  return out;
}
}  // namespace

std::vector<const Match*> matches_to_act_on(const Workspace& ws, const Staff& staff) {
  std::vector<const Match*> out;
  const auto people = acting_for(ws, staff);
  std::set<RecordId> waiting;  // on any of them, in id order
  for (const RecordId& person : people)
    if (auto it = ws.matches_waiting_on.find(person); it != ws.matches_waiting_on.end())
      waiting.insert(it->second.begin(), it->second.end());
  for (const RecordId& id : waiting) {
    const Match& m = ws.matches.at(id);
    const MatchActor a{people.count(m.job_owner) > 0, people.count(m.case_manager) > 0};
    const bool owner_turn = a.job_owner && m.stage == MatchStage::AwaitingApproval && !m.owner_approved_at;
    const bool manager_turn = a.case_manager && ((m.stage == MatchStage::AwaitingApproval && !m.case_manager_approved_at) ||
                                                 m.stage == MatchStage::SentBack || m.stage == MatchStage::Interested);
    if (owner_turn || manager_turn) out.push_back(&m);
  }
  sort_list(out, [](auto* a, auto* b) { return a->ready_at < b->ready_at; });
  return out;
}

std::vector<const Hire*> hires_to_complete(const Workspace& ws, const Staff& staff) {
  std::vector<const Hire*> out;
  const auto people = acting_for(ws, staff);
  for (auto& [id, h] : ws.hires) {
    if (hire_complete(h)) continue;
    if (auto it = ws.matches.find(h.match); it != ws.matches.end())
      if (people.count(it->second.job_owner) || people.count(it->second.case_manager)) out.push_back(&h);
  }
  return out;
}

const Match* open_match(const Workspace& ws, const RecordId& client, const RecordId& job) {
  for (const Match* m : records_in(ws.matches, ws.matches_by_client, client))
    if (m->job == job && !is_closed(m->stage)) return m;
  return nullptr;
}

std::vector<const Match*> matches_of_client(const Workspace& ws, const RecordId& client) {
  return records_in(ws.matches, ws.matches_by_client, client);
}

}  // namespace bw
