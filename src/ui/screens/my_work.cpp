// My Work: what the signed-in person is responsible for, starting with their
// caseload (C2: the primary contact is fully responsible for the client).
#include <algorithm>
#include <map>
#include <vector>

#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "client_format.hpp"
#include "contacts.hpp"
#include "conversation.hpp"
#include "escalation.hpp"
#include "matches.hpp"
#include "my_work.hpp"
#include "plan.hpp"
#include "report.hpp"
#include "screens.hpp"

namespace bw::ui {

void draw_my_work(const Workspace& ws, const Staff& me) {
  heading("My Work");
  muted(me.name + ", " + std::string(role_label(me.role)) + " at " + organisation_name(ws, me.organisation) + ".");

  const LocalSeconds now = host::now();
  const auto today = date_of(now);
  // Made again only when the workspace changed or the clock's minute turned;
  // its caseload parts only when a client, contact or activity changed or the day turned.
  struct Cached {
    std::tuple<std::uint64_t, LocalSeconds> key{0, -1};
    std::tuple<std::uint64_t, long long> caseload_key{0, 0};
    MyWork work;
  };
  auto& [key, caseload_key, work] = for_this_person<Cached>();
  if (const auto now_key = std::tuple{ws.change, now / 60}; now_key != key) {
    const auto now_caseload = std::tuple{ws.caseload_change, std::chrono::sys_days(today).time_since_epoch().count()};
    work = my_work(ws, me, now, now_caseload == caseload_key ? &work : nullptr);
    key = now_key, caseload_key = now_caseload;
  }
  if (work.nothing_to_do()) {
    ImGui::Spacing();
    good_text("Nothing to do right now.");
    muted("Issues you own, matches to approve, hires to complete, clients to contact and jobs to upkeep appear "
          "here as they come. The Inbox has what others told you.");
    return;
  }

  // N2, N4: this month's contacts for the caseload, overdue first.
  const CaseloadMonth& month = work.month;
  if (!month.rows.empty()) {
    subheading("Monthly contacts, " + display_date(today).substr(0, 3) + " " + std::to_string(int(today.year())));
    ImGui::TextColored(colour::kError, "%d overdue", month.overdue);
    ImGui::SameLine(0, px(18));
    ImGui::TextColored(colour::kWarning, "%d due", month.due);
    ImGui::SameLine(0, px(18));
    ImGui::TextColored(colour::kGood, "%d contacted", month.contacted);
    ImGui::SameLine(0, px(18));
    muted(month.contacts == 0 ? "no contacts yet this month"
                              : std::to_string(month.in_person * 100 / month.contacts) + "% of " +
                                    std::to_string(month.contacts) + " contacts in person (N4)");
    // Those still to contact come first (the rows end with the contacted), in a list of its own
    // height; only the rows in view are drawn.
    const int to_contact = month.overdue + month.due + month.missed;
    if (to_contact > 0 &&
        begin_table("to_contact", 2, ImGuiTableFlags_ScrollY,
                    ImVec2{0, std::min(px(300), ImGui::GetTextLineHeightWithSpacing() * (to_contact + 0.5f))})) {
      ImGui::TableSetupColumn("Standing", ImGuiTableColumnFlags_WidthFixed, px(100));
      ImGui::TableSetupColumn("Client", ImGuiTableColumnFlags_WidthStretch);
      ImGuiListClipper clipper;
      clipper.Begin(to_contact);
      while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
          const auto& row = month.rows[r];
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(0);
          ImGui::TextColored(row.standing == ContactStanding::Overdue ? colour::kError : colour::kWarning, "%s",
                             standing_label(row.standing));
          ImGui::TableSetColumnIndex(1);
          ImGui::PushID(row.client->id.c_str());
          if (ImGui::Selectable(full_name(*row.client).c_str())) nav().open_client(row.client->id);
          ImGui::PopID();
        }
      ImGui::EndTable();
    }
  }

  // E3: the issues this person answers for, most urgent first.
  if (const auto& issues = work.issues; !issues.empty()) {
    subheading("Issues to resolve (" + std::to_string(issues.size()) + ")");
    if (begin_table("my_issues", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter)) {
      ImGui::TableSetupColumn("About", ImGuiTableColumnFlags_WidthStretch, 0.6f);
      ImGui::TableSetupColumn("Issue", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthFixed, px(70));
      ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, px(300));
      headers_row();
      for (const auto& [i, st] : issues) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        if (wrapped_row_link(issue_subject(ws, *i), i->id.c_str())) open_issue_subject(*i);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", i->concern.c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextColored(st.level == 1 ? colour::kAccent : colour::kWarning, "%d", st.level);
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(st.deadline ? display_datetime(*st.deadline).c_str() : "with the board");
      }
      ImGui::EndTable();
    }
  }

  // S1: activities past their planned end with nothing recorded.
  if (const auto& stale = work.stale; !stale.empty()) {
    subheading("Stale activities (" + std::to_string(stale.size()) + ")");
    muted("The planned end has passed and no end is recorded: end them or move the planned end.");
    for (const Activity* a : stale) {
      const std::string line = full_name(ws.clients.at(a->client)) + ": " + a->name + " (planned end " +
                               display_date(a->planned_end) + ")";
      if (wrapped_row_link(line, a->id.c_str())) nav().open_client(a->client);
    }
  }

  // R2: the quarterly ESE report, from two weeks before it is due until it is exported.
  for (const EseReminder& r : work.ese) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(r.overdue ? colour::kError : colour::kWarning, "ESE report for %s %s %s: not exported yet",
                       quarter_label(r.quarter).c_str(), r.overdue ? "was due" : "is due", display_date(r.due).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(("Open Reports##" + quarter_label(r.quarter)).c_str())) nav().section = Section::Reports;
  }

  // K2: what others told this person, and what the clock raised, waits in the Inbox.
  if (const int unread = unread_count(ws, me)) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(colour::kAccent, "%d unread in your Inbox", unread);
    ImGui::SameLine();
    if (ImGui::SmallButton("Open inbox")) nav().section = Section::Inbox;
  }
  // K1: comments that tag this person are in their Feed.
  if (const int mentions = work.mentions) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(colour::kAccent, "%d mention%s of you in the last 7 days", mentions, mentions == 1 ? "" : "s");
    ImGui::SameLine();
    if (ImGui::SmallButton("Open feed")) nav().section = Section::Feed;
  }

  // M3, M4: matches waiting for this person, and hire records to complete.
  if (const auto& matches = work.matches; !matches.empty()) {
    subheading("Matches to act on (" + std::to_string(matches.size()) + ")");
    for (const Match* m : matches) {
      const bool late = owner_action_overdue(ws, *m, now) && m->job_owner == me.id;
      const std::string line = full_name(ws.clients.at(m->client)) + " for " + ws.jobs.at(m->job).title + ": " +
                               std::string(match_stage_label(m->stage)) +
                               (m->job_owner == me.id && m->stage == MatchStage::AwaitingApproval
                                    ? ", act by " + display_datetime(owner_action_due(ws, *m)) + (late ? " (LATE)" : "")
                                    : "");
      if (late) ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
      if (wrapped_row_link(line, m->id.c_str())) nav().open_match(m->id);
      if (late) ImGui::PopStyleColor();
    }
  }
  if (const auto& hires = work.hires; !hires.empty()) {
    subheading("Hire records to complete (" + std::to_string(hires.size()) + ")");
    muted("Start date, hourly wage and hours a week (M4).");
    for (const Hire* h : hires) {
      if (wrapped_row_link(full_name(ws.clients.at(h->client)) + " at " + ws.jobs.at(h->job).title, h->id.c_str()))
        nav().open_match(h->match);
    }
  }

  // J2: my jobs expiring soon, and those that left the board to confirm.
  {
    auto list = [&](const std::vector<const Job*>& jobs, const char* title, const char* why) {
      if (jobs.empty()) return;
      subheading(std::string(title) + " (" + std::to_string(jobs.size()) + ")");
      muted(why);
      for (const Job* j : jobs) {
        if (wrapped_row_link(j->title + " at " + ws.employers.at(j->employer).legal_name + ", closes " +
                                 display_date(j->deadline),
                             j->id.c_str()))
          nav().open_job(j->id);
      }
    };
    list(work.expired, "Expired jobs to confirm", "The application deadline passed: confirm with the business and repost, or close (J2).");
    list(work.expiring, "Jobs expiring soon", "Applications close within two days.");
  }

  // B3: accounts where this person built a relationship but is not yet an owner.
  if (const auto& accounts = work.accounts_to_enter; !accounts.empty()) {
    subheading("Accounts to enter (" + std::to_string(accounts.size()) + ")");
    muted("You logged a reply from these businesses: join the account within one business day (B3).");
    for (const Employer* e : accounts) {
      if (wrapped_row_link(e->legal_name, e->id.c_str())) nav().open_employer(e->id);
    }
  }

  // R1: this person's services this quarter, ready for the quarterly report.
  if (const auto& services = work.services) {
    subheading("My services this quarter (" + display_date(first_day(services->quarter)) + " - " +
               display_date(last_day(services->quarter)) + ")");
    ImGui::Text("%d services to employers; %d entered within one business day", services->count, services->on_time);
  }

  // B4: businesses not yet routed, for business staff.
  {
    if (const auto& queue = work.triage; !queue.empty()) {
      subheading("Triage queue (" + std::to_string(queue.size()) + ")");
      muted("Focus-sector businesses go to the board's business team, others to the center (B4).");
      ImGuiListClipper clipper;  // every employer of the board not yet routed: only the rows in view are drawn
      clipper.Begin(int(queue.size()));
      while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
          const Employer* e = queue[row];
          ImGui::PushID(e->id.c_str());
          if (ImGui::Selectable((e->legal_name + ": to " + std::string(route_label(suggested_route(ws, e->id)))).c_str()))
            nav().open_employer(e->id);
          ImGui::PopID();
        }
    }
  }

  // P3: clients whose primary contact left wait here for a Manager.
  if (const auto& queue = work.reassign; !queue.empty()) {
    subheading("Reassignment queue (" + std::to_string(queue.size()) + " clients)");
    muted("Their primary contact is deactivated. Open each client and transfer them to an active colleague.");
    ImGuiListClipper clipper;  // a departed colleague's whole caseload: only the rows in view are drawn
    clipper.Begin(int(queue.size()));
    while (clipper.Step())
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const auto& [c, issues] = queue[row];  // E2: open issues follow the client to the new primary contact
        ImGui::PushID(c->id.c_str());
        if (ImGui::Selectable((full_name(*c) + "  (was " + staff_name(ws, c->primary_contact) + ")" +
                               (issues ? "; " + std::to_string(issues) + " open issue" + (issues > 1 ? "s" : "") + " follow" : ""))
                                  .c_str()))
          nav().open_client(c->id);
        ImGui::PopID();
      }
  }

  // P3: jobs whose owner left, for a Manager to give to a colleague.
  if (const auto& jobs = work.jobs_to_reassign; !jobs.empty()) {
    struct Kept {
      std::map<RecordId, RecordId> chosen;
      std::string error;
    };
    auto& [chosen, error] = for_this_person<Kept>();
    subheading("Jobs to reassign (" + std::to_string(jobs.size()) + ")");
    muted("Their owner is deactivated. Give each to an active colleague (P3).");
    for (const Job* j : jobs) {
      ImGui::PushID(j->id.c_str());
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted((j->title + " at " + ws.employers.at(j->employer).legal_name + " (was " +
                              staff_name(ws, j->owner) + ")").c_str());
      ImGui::SameLine();
      RecordId& to = chosen[j->id];
      if (begin_combo("New owner", to.empty() ? "Choose..." : staff_name(ws, to), 220)) {
        for (auto& [id, s] : ws.staff)
          if (s.active && s.organisation == j->owner_organisation && (is_business_role(s.role) || s.role == Role::Manager) &&
              ImGui::Selectable(s.name.c_str(), id == to))
            to = id;
        ImGui::EndCombo();
      }
      ImGui::SameLine();
      if (ImGui::Button("Reassign job")) {
        Outcome o = host::dispatch(ReassignJob{j->id, to});
        error = o.ok ? "" : o.error.message;
      }
      ImGui::PopID();
    }
    error_text(error);
  }

  // C2: only ERSs and ACAs carry a caseload; others see theirs only if they have one.
  if (!work.carries_caseload) return;
  // The caseload in the order the person chose: copied and sorted only when it changed or the sort did.
  struct Sorted {
    std::tuple<std::uint64_t, long long> key{0, 0};  // the caseload_key `rows` were copied at
    std::vector<const Client*> rows;
    bool fresh = true;
  };
  auto& [sorted_key, caseload, fresh] = for_this_person<Sorted>();
  if (sorted_key != caseload_key) sorted_key = caseload_key, caseload = work.caseload, fresh = true;
  subheading("My caseload (" + std::to_string(caseload.size()) + " clients)");
  if (caseload.empty()) {
    muted("No clients have you as their primary contact yet.");
  } else if (begin_table("caseload", 3, kListTable | ImGuiTableFlags_ScrollY,
                         // The room left on the screen, but never under ten rows: below a busy
                         // My Work the screen scrolls to it rather than squeeze it shut.
                         ImVec2{0, std::min(std::max(ImGui::GetContentRegionAvail().y - px(90), px(340)),
                                            px(34) * (caseload.size() + 1.5f))})) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Client", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Programs", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Enrolled", ImGuiTableColumnFlags_WidthFixed, px(130));
    headers_row();
    sort_rows_by_key(caseload, fresh, [](int column, const Client* c, SortKeys& keys) {
      switch (column) {
        case 1: append_programs(keys.text(), *c); break;
        case 2: keys.append(c->enrolled_on); break;
        default: keys.text() += c->first_name, keys.text() += ' ', keys.text() += c->last_name;  // full_name
      }
    });
    ImGuiListClipper clipper;  // a caseload can be thousands long: only the rows in view are drawn
    clipper.Begin(int(caseload.size()));
    while (clipper.Step())
      for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
        const Client* c = caseload[row];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(c->id.c_str());
        if (ImGui::Selectable(full_name(*c).c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) nav().open_client(c->id);
        ImGui::PopID();
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted((programs_text(*c) + (is_dual_enrolled(*c) ? "  [dual]" : "")).c_str());
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(display_date(c->enrolled_on).c_str());
      }
    ImGui::EndTable();
  }
}

}  // namespace bw::ui
