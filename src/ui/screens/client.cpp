// One client's page, in tabs: details, service plan, contacts, issues, case
// notes and letters, and the audit trail.
#include <algorithm>
#include <cctype>

#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "client_format.hpp"
#include "contacts.hpp"
#include "conversation.hpp"
#include "escalation.hpp"
#include "imgui_stdlib.h"
#include "letters.hpp"
#include "plan.hpp"
#include "printable.hpp"
#include "screens.hpp"

namespace bw::ui {
namespace {

void draw_audit_trail(const Workspace& ws, const RecordId& record) {
  subheading("History (who changed what, when)");
  auto it = ws.audit_by_record().find(record);
  if (it == ws.audit_by_record().end()) return;
  if (begin_table("audit", 3, kListTable)) {
    ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, px(230));
    ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, px(180));
    ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch);
    headers_row();
    std::vector<const AuditEntry*> rows;  // one record's history: small, made each frame
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e) rows.push_back(&ws.audit.at(*e));  // newest first
    bool fresh = true;
    sort_rows(rows, fresh, [&](int column, const AuditEntry* a, const AuditEntry* b) {
      switch (column) {
        case 1: return author_name(ws, a->by) < author_name(ws, b->by);
        case 2: return a->summary < b->summary;
        default: return a->at < b->at;
      }
    });
    for (const AuditEntry* e : rows) {
      const AuditEntry& a = *e;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(display_datetime(a.at).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", author_name(ws, a.by).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextWrapped("%s", a.summary.c_str());
    }
    ImGui::EndTable();
  }
}

}  // namespace

// C3: only a Manager of the provider transfers; everyone else is told why not.
void draw_transfer(const Workspace& ws, const Staff& me, const Client& c) {
  struct Kept {
    RecordId client, to;
    std::string reason, error;
  };
  auto& [client, to, reason, error] = for_this_person<Kept>();
  if (client != c.id) client = c.id, to.clear(), reason.clear(), error.clear();
  subheading("Transfer to another primary contact");
  if (auto why = transfer_refusal(me, c)) {
    muted(*why);
    return;
  }
  muted("A last resort, after management review (C3). The reason is kept on the client's record.");
  const auto eligible = eligible_primary_contacts(ws, is_youth(c), c.provider);
  if (begin_combo("New primary contact", to.empty() ? "Choose..." : staff_name(ws, to))) {
    for (const Staff* s : eligible)
      if (s->id != c.primary_contact && ImGui::Selectable(s->name.c_str(), s->id == to)) to = s->id;
    ImGui::EndCombo();
  }
  text_field("Reason for the transfer", reason, 480);
  if (submit_button("Transfer client")) {
    Outcome o = host::dispatch(TransferPrimaryContact{c.id, to, reason});
    error = o.ok ? "" : o.error.message;
    if (o.ok) to.clear(), reason.clear();
  }
  error_text(error);
}

// C4: exit from the program, with its date and reason.
void draw_exit(const Staff& me, const Client& c) {
  struct Kept {
    RecordId client;
    std::string on, reason, error;
  };
  auto& [client, on, reason, error] = for_this_person<Kept>();
  if (client != c.id) client = c.id, on = format_iso_date(date_of(host::now())), reason.clear(), error.clear();
  if (!is_active(c) || !can_exit_client(me, c)) return;
  subheading("Exit from the program");
  date_field("Exit date", on, 160);
  text_field("Reason for the exit", reason, 480, "e.g. entered employment");
  if (confirm_button("Exit client",
                     full_name(c) + " leaves the program on " + on + (reason.empty() ? "" : " (" + reason + ")") +
                         ": off the caseload, the job board and the monthly contacts (C4). An exit cannot be undone.",
                     "Exit from the program")) {
    Outcome o = host::dispatch(ExitClient{c.id, on, reason});
    error = o.ok ? "" : o.error.message;
  }
  error_text(error);
}

// A deadline as staff read it, with the time left or how late it is.
std::string due_text(LocalSeconds deadline, LocalSeconds now) {
  const std::string span = display_duration(deadline - now);
  return "due " + display_datetime(deadline) + (deadline >= now ? " (in " + span + ")" : " (OVERDUE by " + span + ")");
}

// E1-E5: the client's issues, raised, escalated and closed here.
void draw_issues(const Workspace& ws, const Staff& me, const Client& c) {
  struct Kept {
    RecordId client;
    std::string concern, note, error;
    IssueSource source = IssueSource::Client;
    IssueOutcome outcome = IssueOutcome::Resolved;
  };
  auto& [client, concern, note, error, source, outcome] = for_this_person<Kept>();
  if (client != c.id) client = c.id, concern.clear(), note.clear(), error.clear();
  const LocalSeconds now = host::now();
  subheading("Issues");
  for (const Issue* about : issues_about(ws, c.id)) {
    const Issue& i = *about;
    const RecordId& id = i.id;
    ImGui::PushID(id.c_str());
    const EscalationState st = escalation_of(ws, i, now);
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", i.concern.c_str());
    if (ImGui::SmallButton("Print issue")) host::show_printable(issue_html(ws, i, now));
    ImGui::PopFont();
    if (is_open(i)) {
      ImGui::TextColored(st.level == 1 ? colour::kAccent : colour::kWarning, "Level %d (%s)", st.level,
                         st.level == 1 ? "owner" : st.level == 2 ? "provider's managers" : "board");
      ImGui::SameLine();
      ImGui::TextUnformatted(st.deadline ? due_text(*st.deadline, now).c_str() : "with the board's Program Manager and Assistant Director");
      std::string brought(source_label(i.source));
      brought[0] = char(std::tolower(static_cast<unsigned char>(brought[0])));
      muted(st.reason + "  Owner: " + staff_name(ws, i.owner) + ". Raised " + display_datetime(i.raised_at) +
            ", brought by " + brought + ".");
      if (acts_for(ws, me, i.owner) && st.level < 3 && ImGui::Button("Escalate now")) {
        Outcome o = host::dispatch(EscalateIssue{i.id});
        error = o.ok ? "" : o.error.message;
      }
      if (!close_refusal(ws, me, i, now)) {
        if (begin_combo("Outcome", std::string(outcome_label(outcome)), 300)) {
          for (IssueOutcome o : kIssueOutcomes)
            if (ImGui::Selectable(outcome_label(o).data(), o == outcome)) outcome = o;
          ImGui::EndCombo();
        }
        text_field("What was done and agreed", note, 480);
        // E5: closing with an exit takes the client out of the program: asked first.
        const bool program = outcome == IssueOutcome::ExitFromProgram;
        const bool exits = program || outcome == IssueOutcome::ExitFromActivity;
        const std::string what = program ? "It also exits " + full_name(c) + " from the program (C4)."
                                         : "It records that " + full_name(c) + " leaves an activity; end the "
                                                                               "activity on the service plan (C4).";
        const bool close = exits ? confirm_button("Close issue", "The issue closes with \"" +
                                                                     std::string(outcome_label(outcome)) + "\". " + what,
                                                  "Close the issue")
                                 : ImGui::Button("Close issue");
        if (close) {
          Outcome o = host::dispatch(CloseIssue{i.id, outcome, note});
          error = o.ok ? "" : o.error.message;
          if (o.ok) note.clear();
        }
      }
    } else {
      muted("Closed " + display_datetime(*i.closed_at) + " at level " + std::to_string(st.level) + ": " +
            std::string(outcome_label(*i.outcome)) + ".");
    }
    const std::string comments = "Comments (" + std::to_string(comments_on(ws, i.id).size()) + ")###comments";
    if (ImGui::TreeNode(comments.c_str())) {
      draw_comments(ws, me, i.id);
      ImGui::TreePop();
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  if (is_active(c)) {
    text_field("Problem, concern or complaint", concern, 480);
    if (begin_combo("Brought by", std::string(source_label(source)), 300)) {
      for (IssueSource s : kIssueSources)
        if (ImGui::Selectable(source_label(s).data(), s == source)) source = s;
      ImGui::EndCombo();
    }
    if (submit_button("Raise issue")) {
      Outcome o = host::dispatch(RaiseIssue{c.id, concern, source});
      error = o.ok ? "" : o.error.message;
      if (o.ok) concern.clear();
    }
  }
  error_text(error);
}

// N1-N2: contacts, this month's standing, and the form to record one.
void draw_contacts(const Workspace& ws, const Staff& me, const Client& c) {
  struct Kept {
    RecordId client;
    std::string date, results, documents, error;
    ContactType type = ContactType::InPerson;
    ContactWith with = ContactWith::Participant;
  };
  auto& [client, date, results, documents, error, type, with] = for_this_person<Kept>();
  if (client != c.id) client = c.id, date = format_iso_date(date_of(host::now())), results.clear(), documents.clear(), error.clear();
  const auto today = date_of(host::now());
  subheading("Contacts");
  if (auto standing = contact_standing(ws, c, today.year() / today.month(), today)) {
    const ImVec4 colour = *standing == ContactStanding::Contacted ? colour::kGood
                          : *standing == ContactStanding::Overdue ? colour::kError : colour::kWarning;
    ImGui::TextColored(colour, "This month: %s", standing_label(*standing));
    ImGui::SameLine();
    muted("(N2: at least one contact every calendar month; in person when possible)");
  }
  if (can_enrol_clients(me) && is_active(c)) {
    date_field("Contact date", date, 160);
    ImGui::SameLine();
    if (begin_combo("Type", std::string(contact_type_label(type)), 160)) {
      for (ContactType t : kContactTypes)
        if (ImGui::Selectable(contact_type_label(t).data(), t == type)) type = t;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (begin_combo("With", std::string(contact_with_label(with)), 160)) {
      for (ContactWith w : kContactWith)
        if (ImGui::Selectable(contact_with_label(w).data(), w == with)) with = w;
      ImGui::EndCombo();
    }
    text_field("Results", results, 640);
    text_field("Supporting documents", documents, 640, "comma-separated, e.g. grades, attendance sheet");
    struct Kept {
      std::vector<ActivityReview> reviews;
      bool start_over = false;
    };
    auto& [reviews, start_over] = for_this_person<Kept>();
    draw_activity_review(ws, c, reviews, start_over);
    start_over = false;
    if (submit_button("Record contact")) {
      std::vector<std::string> docs;
      for (size_t start = 0; start <= documents.size();) {
        const size_t comma = std::min(documents.find(',', start), documents.size());
        docs.push_back(documents.substr(start, comma - start));
        start = comma + 1;
      }
      Outcome o = host::dispatch(RecordContact{c.id, date, type, with, results, docs, reviews});
      error = o.ok ? "" : o.error.message;
      if (o.ok) results.clear(), documents.clear(), start_over = true;
    }
    error_text(error);
  }
  auto it = ws.contacts_by_client.find(c.id);
  if (it == ws.contacts_by_client.end()) return;
  if (begin_table("contacts", 4, kListTable)) {
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, px(150));
    ImGui::TableSetupColumn("How, with whom", ImGuiTableColumnFlags_WidthFixed, px(200));
    ImGui::TableSetupColumn("Results and documents", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("By", ImGuiTableColumnFlags_WidthFixed, px(150));
    headers_row();
    std::vector<const Contact*> rows;  // one client's contacts: made each frame, newest first
    for (auto id = it->second.rbegin(); id != it->second.rend(); ++id) rows.push_back(&ws.contacts.at(*id));
    bool fresh = true;
    sort_rows(rows, fresh, [&](int column, const Contact* a, const Contact* b) {
      switch (column) {
        case 1: return std::pair{a->type, a->with} < std::pair{b->type, b->with};
        case 2: return a->results < b->results;
        case 3: return staff_name(ws, a->by) < staff_name(ws, b->by);
        default: return a->date < b->date;
      }
    });
    for (const Contact* row : rows) {
      const Contact& k = *row;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(display_weekday_date(k.date).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%s, %s", contact_type_label(k.type).data(), contact_with_label(k.with).data());
      ImGui::TableSetColumnIndex(2);
      std::string text = k.results;
      for (size_t i = 0; i < k.documents.size(); ++i) text += (i ? ", " : "  [documents: ") + k.documents[i];
      if (!k.documents.empty()) text += "]";
      ImGui::TextWrapped("%s", text.c_str());
      ImGui::PushID(k.id.c_str());
      if (can_enrol_clients(me)) draw_correction(k.id);
      ImGui::PopID();
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(staff_name(ws, k.by).c_str());
    }
    ImGui::EndTable();
  }
}

// N5: everything on the client's file, newest first, and agreement letters.
void draw_case_notes(const Workspace& ws, const Staff& me, const Client& c) {
  struct Kept {
    RecordId client;
    std::string to, agreement, error;
    RecordId issue;
  };
  auto& [client, to, agreement, error, issue] = for_this_person<Kept>();
  if (client != c.id) client = c.id, to.clear(), agreement.clear(), error.clear(), issue.clear();
  if (can_enrol_clients(me)) {
    subheading("Write an agreement letter");
    muted("Where no email documents what the parties agreed, send them a letter (N5). It is kept here as a case note.");
    text_area("To (one party per line)", to, 480, 3);
    text_area("What was agreed", agreement, 640, 5);
    std::string issue_label = "(none)";
    if (const Issue* i = ws.find_issue(issue)) issue_label = i->concern;
    if (begin_combo("Settles the issue", issue_label, 480)) {
      if (ImGui::Selectable("(none)", issue.empty())) issue.clear();
      for (const Issue* i : issues_about(ws, c.id))
        if (ImGui::Selectable(i->concern.c_str(), i->id == issue)) issue = i->id;
      ImGui::EndCombo();
    }
    if (submit_button("Write letter")) {
      std::vector<std::string> parties;
      for (size_t start = 0; start <= to.size();) {
        const size_t end = std::min(to.find('\n', start), to.size());
        parties.push_back(to.substr(start, end - start));
        start = end + 1;
      }
      Outcome o = host::dispatch(WriteAgreementLetter{c.id, parties, agreement, issue});
      error = o.ok ? "" : o.error.message;
      if (o.ok) {
        to.clear(), agreement.clear(), issue.clear();
        host::show_printable(agreement_letter_html(ws, ws.case_notes.at(o.id)));
      }
    }
    error_text(error);
  }
  subheading("Case notes");
  const auto notes = ws.case_notes_of(c.id);
  if (notes.empty()) muted("No case notes yet.");
  for (const CaseNote* n : notes) {
    ImGui::PushID(n->id.c_str());
    ImGui::TextColored(colour::kMuted, "%s, %s", display_datetime(n->at).c_str(), staff_name(ws, n->by).c_str());
    if (!n->letter_to.empty()) {
      std::string parties;
      for (const std::string& p : n->letter_to) parties += (parties.empty() ? "" : "; ") + p;
      ImGui::PushFont(fonts().bold);
      ImGui::TextWrapped("Agreement letter to %s", parties.c_str());
      ImGui::PopFont();
      ImGui::SameLine();
      if (ImGui::SmallButton("Open letter to print")) host::show_printable(agreement_letter_html(ws, *n));
    }
    ImGui::TextWrapped("%s", n->text.c_str());
    if (can_enrol_clients(me)) draw_correction(n->id);
    ImGui::Spacing();
    ImGui::PopID();
  }
}

// M6: the PIN the client signs in to the job board with.
void draw_portal_access(const Staff& me, const Client& c) {
  struct Kept {
    RecordId client;
    std::string pin, error;
  };
  auto& [client, pin, error] = for_this_person<Kept>();
  if (client != c.id) client = c.id, pin.clear(), error.clear();
  if (!can_enrol_clients(me) || (!is_active(c) && c.portal_pin_hash.empty())) return;
  subheading("Job board access");
  const bool has = !c.portal_pin_hash.empty();
  muted(has ? full_name(c) + " signs in to the job board with " + (c.email.empty() ? "client number " + c.id : c.email) +
                  " and their PIN, to see open jobs and say which interest them (M6)."
            : "Give " + c.first_name + " a PIN to see the job board on a kiosk or at home and say which jobs interest them (M6).");
  if (is_active(c)) {
    ImGui::SetNextItemWidth(px(140));
    ImGui::InputTextWithHint("Job board PIN", "4-8 digits", &pin, ImGuiInputTextFlags_Password);
    ImGui::SameLine();
    if (ImGui::Button(has ? "Change PIN" : "Give job board access")) {
      Outcome o = pin.empty() ? Outcome::refuse("missing_field", "Choose a PIN of 4 to 8 digits to give the client.")
                              : host::dispatch(SetPortalAccess{c.id, pin});
      error = o.ok ? "" : o.error.message;
      if (o.ok) pin.clear();
    }
  }
  if (has) {
    if (is_active(c)) ImGui::SameLine();
    if (ImGui::Button("End job board access")) {
      Outcome o = host::dispatch(SetPortalAccess{c.id, ""});
      error = o.ok ? "" : o.error.message;
    }
  }
  error_text(error);
}

// Details, correcting them, transfer (C3) and exit (C4).
void draw_overview(const Workspace& ws, const Staff& me, const Client& c) {
  struct Kept {
    RecordId editing;
    std::string first, last, dob, email, phone, error, saved;
  };
  auto& [editing, first, last, dob, email, phone, error, saved] = for_this_person<Kept>();

  const auto today = date_of(host::now());
  if (ImGui::BeginTable("details", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(170));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, px(560));
    detail("Status", is_active(c) ? "Active" : "Exited the program on " + display_date(*c.exited_on) + ": " + c.exit_reason);
    detail("Date of birth", display_date(c.date_of_birth) + "  (age " + std::to_string(age_on(c.date_of_birth, today)) +
                                ", " + (is_youth(c) ? "youth" : "adult") + ")");
    detail("Programs", programs_text(c) + (is_dual_enrolled(c) ? "   [dual-enrolled]" : ""));
    detail("Primary contact", staff_name(ws, c.primary_contact) + " (" +
                                  std::string(role_label(primary_contact_role(is_youth(c)))) + ")");
    detail("Enrolling provider", organisation_name(ws, c.provider));
    detail("Enrolled on", display_date(c.enrolled_on));
    detail("Service plan", plan_agreement_label(plan_agreement(ws, c)));
    detail("Job board", c.portal_pin_hash.empty() ? "No access" : is_active(c) ? "Access given (M6)" : "Access ended with the exit");
    detail("Email", c.email.empty() ? "-" : c.email);
    detail("Phone", c.phone.empty() ? "-" : c.phone);
    detail("Record", c.id + "  (revision " + std::to_string(c.revision.number) + ", " +
                         staff_name(ws, c.revision.changed_by) + ", " + display_datetime(c.revision.changed_at) + ")");
    ImGui::EndTable();
  }

  if (can_enrol_clients(me)) {
    if (editing != c.id) {
      good_text(saved);
      if (ImGui::Button("Correct details")) {
        editing = c.id;
        first = c.first_name, last = c.last_name, dob = format_iso_date(c.date_of_birth);
        email = c.email, phone = c.phone, error.clear(), saved.clear();
      }
    } else {
      subheading("Correct details");
      muted("The values as they were stay in the History tab (P4).");
      text_field("First name", first);
      text_field("Last name", last);
      date_field("Date of birth", dob, 160);
      if (const auto born = parse_iso_date(dob))
        if (const auto warning = youth_age_warning(c.programs, *born, today)) warning_text(*warning);
      text_field("Email", email);
      text_field("Phone", phone, 200);
      error_text(error);
      if (submit_button("Save details")) {
        Outcome o = host::dispatch(UpdateClient{c.id, first, last, dob, email, phone});
        if (o.ok) editing.clear(), saved = "Saved; the old values are in the History tab. " + o.notice;
        else error = o.error.message;
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) editing.clear();
    }
  }
  if (is_active(c)) draw_transfer(ws, me, c);
  draw_portal_access(me, c);
  draw_exit(me, c);
}

void draw_client(const Workspace& ws, const Staff& me, const Client& c) {
  if (ImGui::Button("< All clients")) nav().client.clear();
  ImGui::SameLine();
  heading(full_name(c), false);
  ImGui::SameLine(0, px(16));
  draw_follow_button(ws, me, c.id);
  same_line_if_fits("Print file");
  if (ImGui::Button("Print file")) host::show_printable(client_file_html(ws, c, host::now()));
  ImGui::Spacing();
  if (begin_tab_bar("client_tabs/" + c.id)) {
    if (begin_tab("Overview")) { draw_overview(ws, me, c); ImGui::EndTabItem(); }
    if (begin_tab("Service plan")) { draw_service_plan(ws, me, c); ImGui::EndTabItem(); }
    if (begin_tab("Contacts")) { draw_contacts(ws, me, c); ImGui::EndTabItem(); }
    if (begin_tab("Issues")) { draw_issues(ws, me, c); ImGui::EndTabItem(); }
    if (begin_tab("Case notes")) { draw_case_notes(ws, me, c); ImGui::EndTabItem(); }
    if (begin_tab("Comments")) { draw_comments(ws, me, c.id); ImGui::EndTabItem(); }
    if (begin_tab("History")) { draw_audit_trail(ws, c.id); ImGui::EndTabItem(); }
    ImGui::EndTabBar();
  }
}

}  // namespace bw::ui
