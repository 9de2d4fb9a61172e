// Matches (M1-M5): the matches table, one match's page with the actions its
// approvers may take now, and the hire record to complete.
#include "../host.hpp"
#include "amounts.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "client_format.hpp"
#include "matches.hpp"
#include "screens.hpp"

namespace bw::ui {
namespace {

void draw_fit_fields(MatchFit& fit) {
  text_field("Skills and experience against the job", fit.skills, 620);
  text_field("Job readiness", fit.readiness, 620);
  text_field("Availability", fit.availability, 620);
  text_field("Barriers and how they are addressed", fit.barriers, 620, "or \"none\"");
}

void draw_hire(const Workspace& ws, const Staff& me, const Hire& h, const Match& m) {
  struct Kept {
    RecordId hire;
    std::string start, wage, hours, error;
  };
  auto& [hire, start, wage, hours, error] = for_this_person<Kept>();
  if (hire != h.id) {
    hire = h.id, error.clear();
    start = h.start_date ? format_iso_date(*h.start_date) : "";
    wage = h.wage_cents ? std::to_string(*h.wage_cents / 100) + "." + (*h.wage_cents % 100 < 10 ? "0" : "") + std::to_string(*h.wage_cents % 100) : "";
    hours = h.hours_per_week ? std::to_string(int(*h.hours_per_week)) : "";
  }
  subheading("Hire record");
  muted("Learned of the hire " + display_date(h.learned_of) + "; recorded " + display_datetime(h.recorded_at) +
        (hire_recorded_on_time(ws, h) ? " (within one business day)" : " (LATE: after one business day, M5)"));
  ImGui::TextColored(hire_complete(h) ? colour::kGood : colour::kWarning, "%s",
                     hire_complete(h) ? "Complete" : "Incomplete: start date, hourly wage and hours a week are needed");
  const MatchActor who = actor_of(ws, m, me);
  if (!who.job_owner && !who.case_manager) return;
  date_field("Start date", start, 150);
  ImGui::SameLine();
  text_field("Hourly wage ($)", wage, 100, "18.50");
  ImGui::SameLine();
  text_field("Hours a week", hours, 80, "40");
  if (submit_button("Save hire record")) {
    auto number = [](const std::string& s) -> std::optional<double> {
      if (s.empty()) return std::nullopt;
      const auto v = parse_dollars(s);  // "$21.00", "21", "37.5"
      return v ? v : std::optional(-1.0);  // -1: refused with a message
    };
    Outcome o = host::dispatch(CompleteHire{h.id, start, number(wage), number(hours)});
    error = o.ok ? "" : o.error.message;
  }
  error_text(error);
}

void draw_match(const Workspace& ws, const Staff& me, const Match& m) {
  struct Kept {
    RecordId match;
    std::string note, learned, error;
    MatchFit fit;
  };
  auto& [match, note, learned, error, fit] = for_this_person<Kept>();
  if (match != m.id) match = m.id, note.clear(), learned = format_iso_date(date_of(host::now())), error.clear(), fit = m.fit;
  if (ImGui::Button("< All matches")) nav().match.clear();
  ImGui::SameLine();
  const Client& c = ws.clients.at(m.client);
  const Job& j = ws.jobs.at(m.job);
  heading(full_name(c) + " for " + j.title, false);
  ImGui::SameLine(0, px(16));
  draw_follow_button(ws, me, m.id);
  ImGui::Spacing();
  const LocalSeconds now = host::now();
  if (ImGui::BeginTable("details", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(200));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, px(600));
    detail("Stage", match_stage_label(m.stage));
    detail("Job", j.title + " at " + ws.employers.at(j.employer).legal_name);
    detail("Job owner", staff_name(ws, m.job_owner) + (m.owner_approved_at ? "  (approved " + display_datetime(*m.owner_approved_at) + ")" : ""));
    detail("Case manager", staff_name(ws, m.case_manager) +
                               (m.case_manager_approved_at ? "  (approved " + display_datetime(*m.case_manager_approved_at) + ")" : ""));
    if (m.stage == MatchStage::AwaitingApproval && !m.owner_acted_at)
      detail("Job owner acts by", display_datetime(owner_action_due(ws, m)) + (owner_action_overdue(ws, m, now) ? "  OVERDUE (M3)" : ""));
    const auto trail = records_in(ws.audit, ws.audit_by_record(), m.id);
    const std::string when = trail.empty() ? "" : ", " + display_datetime(trail.front()->at);
    if (m.origin == MatchOrigin::SelfSelect) detail("Origin", "The job seeker marked interest on the job board" + when);
    else detail("Referred", staff_name(ws, m.referred_by) + when);
    detail("Skills and experience", m.fit.skills);
    detail("Readiness", m.fit.readiness);
    detail("Availability", m.fit.availability);
    detail("Barriers", m.fit.barriers);
    if (!m.sent_back_reason.empty() && m.stage == MatchStage::SentBack) detail("Sent back", m.sent_back_reason);
    if (m.interview_granted_at) detail("Interview granted", display_datetime(*m.interview_granted_at));
    if (m.closed_at) detail("Closed", display_datetime(*m.closed_at) + (m.close_note.empty() ? "" : ": " + m.close_note));
    ImGui::EndTable();
  }
  const MatchActor who = actor_of(ws, m, me);
  const bool interest = m.stage == MatchStage::Interested;
  if ((m.stage == MatchStage::SentBack || interest) && who.case_manager) {
    subheading(interest ? "Explain the fit and submit it to the job owner (M1)" : "Edit and resubmit");
    draw_fit_fields(fit);
    if (primary_button(interest ? "Submit match" : "Resubmit match")) {
      Outcome o = host::dispatch(ResubmitMatch{m.id, fit});
      error = o.ok ? "" : o.error.message;
    }
  }
  bool any = false;
  for (MatchAction a : kMatchActions)
    any = any || !match_action_refusal(m, a, who);
  if (any) {
    subheading("Act on the match");
    text_field("Note", note, 480, "required to send back");
    if (!match_action_refusal(m, MatchAction::RecordHired, who)) {
      ImGui::SameLine();
      date_field("Learned of the hire on", learned, 150);
    }
    for (MatchAction a : kMatchActions) {
      if (match_action_refusal(m, a, who)) continue;
      // M4: hired, not hired and withdrawn close the match for good: asked first.
      const std::string about = full_name(ws.clients.at(m.client)) + " for " + ws.jobs.at(m.job).title;
      const char* label = match_action_label(a).data();
      bool go = false;
      switch (a) {
        case MatchAction::RecordHired:
          go = confirm_button(label, about + ": hired. The match closes as Hired, for good, and a hire record is made (M4).",
                              "Record the hire");
          break;
        case MatchAction::RecordNotHired:
          go = confirm_button(label, about + ": not hired. The match closes as Not Hired, for good.", "Record not hired");
          break;
        case MatchAction::Withdraw:
          go = confirm_button(label, about + ": the match is withdrawn and closes for good.", "Withdraw the match");
          break;
        default: go = ImGui::Button(label); break;
      }
      if (go) {
        Outcome o = host::dispatch(ActOnMatch{m.id, a, note, a == MatchAction::RecordHired ? learned : ""});
        error = o.ok ? "" : o.error.message;
        if (o.ok) note.clear();
      }
      ImGui::SameLine();
    }
    ImGui::NewLine();
  } else if (!who.job_owner && !who.case_manager) {
    muted("Only the job owner and the client's case manager act on a match (M2).");
  }
  error_text(error);
  // The hire record this match made (M4), looked up again only when something changed.
  struct Found {
    std::tuple<std::uint64_t, RecordId> key{0, {}};
    const Hire* hire = nullptr;
  };
  auto& [found_key, hire] = for_this_person<Found>();
  if (auto now_key = std::tuple{ws.change, m.id}; now_key != found_key) {
    found_key = std::move(now_key);
    hire = nullptr;
    for (auto& [id, h] : ws.hires)
      if (h.match == m.id) hire = &h;
  }
  if (hire) {
    draw_hire(ws, me, *hire, m);
    if (ImGui::TreeNode(("Comments on the hire record (" + std::to_string(comments_on(ws, hire->id).size()) + ")###hire_comments").c_str())) {
      draw_comments(ws, me, hire->id);
      ImGui::TreePop();
    }
  }
  draw_comments(ws, me, m.id);
}

}  // namespace

// M1: refer a client to this job, from the job page.
void draw_referral(const Workspace& ws, const Staff& me, const Job& j) {
  struct Kept {
    RecordId job, client;
    std::string search, error;
    MatchFit fit;
  };
  auto& [job, client, search, error, fit] = for_this_person<Kept>();
  if (job != j.id) job = j.id, client.clear(), search.clear(), error.clear(), fit = {};
  if (!can_enrol_clients(me) && !can_serve_employers(me)) return;
  subheading("Refer a client (M1)");
  const LocalSeconds now = host::now();
  const Client* chosen = ws.find_client(client);
  if (begin_combo("Client", chosen ? full_name(*chosen) : "Choose...", 320)) {
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type at once, no click first
    text_field("##client_search", search, 300, "Search");
    const std::string needle = folded(search);
    int shown = 0;
    for (auto& [id, c] : ws.clients) {
      if (shown >= 50) break;
      if (!on_board_for(j, c, now)) continue;  // J3: only those who may see the job
      const std::string name = full_name(c);
      if (!needle.empty() && folded(name).find(needle) == std::string::npos) continue;
      ++shown;
      if (ImGui::Selectable((name + "##" + id).c_str(), id == client)) client = id;
    }
    if (shown == 0) warning_text(needle.empty() ? "No client may see this job (J3)." : "No client by that name may see this job.");
    ImGui::EndCombo();
  }
  draw_fit_fields(fit);
  if (submit_button("Refer to this job")) {
    Outcome o = host::dispatch(ReferMatch{client, j.id, fit});
    error = o.ok ? "" : o.error.message;
    if (o.ok) {
      fit = {}, client.clear();
      nav().open_match(o.id);
    }
  }
  error_text(error);
}

void draw_matches(const Workspace& ws, const Staff& me) {
  if (auto it = ws.matches.find(nav().match); it != ws.matches.end()) {
    draw_match(ws, me, it->second);
    return;
  }
  struct Kept {
    int view = 0;
  };
  auto& [view] = for_this_person<Kept>();
  heading("Matches");
  muted("A match is approved by the job owner and the client's case manager. The job owner acts within one business "
        "day (M3). \"Hired\" makes the hire record (M4).");
  const char* views[] = {"Mine to act on", "Mine", "All open", "Closed"};
  for (int i = 0; i < 4; ++i) {
    if (i) same_line_if_box_fits(views[i]);
    ImGui::RadioButton(views[i], &view, i);
  }
  const LocalSeconds now = host::now();
  // Made again only when the workspace changed or another view is chosen.
  struct Cached {
    std::tuple<std::uint64_t, int> key{0, -1};
    std::vector<const Match*> rows;
    bool fresh = true;
  };
  auto& [key, rows, fresh] = for_this_person<Cached>();
  if (const auto now_key = std::tuple{ws.change, view}; now_key != key) {
    key = now_key;
    fresh = true;
    rows.clear();
    if (view == 0) rows = matches_to_act_on(ws, me);
    else
      for (auto& [id, m] : ws.matches) {
        const MatchActor who = actor_of(ws, m, me);
        if ((view == 1 && (who.job_owner || who.case_manager) && !is_closed(m.stage)) || (view == 2 && !is_closed(m.stage)) ||
            (view == 3 && is_closed(m.stage)))
          rows.push_back(&m);
      }
  }
  rows_shown(rows.size(), ws.matches.size(), "matches");
  if (rows.empty()) {
    if (view != 2 && !ws.matches.empty()) {
      if (no_matches()) view = 2;  // every open match
    } else {
      muted("No matches here.");
    }
    return;
  }
  if (!begin_table("matches", 5, kListTable)) return;
  ImGui::TableSetupColumn("Client", ImGuiTableColumnFlags_WidthFixed, px(180));
  ImGui::TableSetupColumn("Job", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Stage", ImGuiTableColumnFlags_WidthFixed, px(200));
  ImGui::TableSetupColumn("Job owner / case manager", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Job owner acts by", ImGuiTableColumnFlags_WidthFixed, px(220));
  headers_row();
  sort_rows(rows, fresh, [&](int column, const Match* a, const Match* b) {
    switch (column) {
      case 1: return ws.jobs.at(a->job).title < ws.jobs.at(b->job).title;
      case 2: return a->stage < b->stage;
      case 3: return staff_name(ws, a->job_owner) < staff_name(ws, b->job_owner);
      case 4: return a->ready_at < b->ready_at;
      default: return full_name(ws.clients.at(a->client)) < full_name(ws.clients.at(b->client));
    }
  });
  for (const Match* m : rows) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(m->id.c_str());
    if (ImGui::Selectable(full_name(ws.clients.at(m->client)).c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
      nav().open_match(m->id);
    ImGui::PopID();
    ImGui::TableSetColumnIndex(1);
    const Job& j = ws.jobs.at(m->job);
    ImGui::TextWrapped("%s at %s", j.title.c_str(), ws.employers.at(j.employer).legal_name.c_str());
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(match_stage_label(m->stage).data());
    ImGui::TableSetColumnIndex(3);
    ImGui::TextWrapped("%s / %s", staff_name(ws, m->job_owner).c_str(), staff_name(ws, m->case_manager).c_str());
    ImGui::TableSetColumnIndex(4);
    if (m->stage == MatchStage::AwaitingApproval && !m->owner_acted_at)
      ImGui::TextColored(owner_action_overdue(ws, *m, now) ? colour::kError : ImGui::GetStyle().Colors[ImGuiCol_Text], "%s%s",
                         display_datetime(owner_action_due(ws, *m)).c_str(), owner_action_overdue(ws, *m, now) ? " (late)" : "");
  }
  ImGui::EndTable();
}

}  // namespace bw::ui
