// Employers (B1-B5): the accounts table, and one employer's page with its
// establishments, communications log, owners, jobs, services and issues.
#include <algorithm>

#include "../host.hpp"
#include "../widgets.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "client_format.hpp"
#include "printable.hpp"
#include "escalation.hpp"
#include "screens.hpp"

namespace bw::ui {
namespace {

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

void draw_enter_employer(const Staff& me) {
  struct Kept {
    bool open = false;
    std::string name, fein, ui, site, address, naics, error;
    EmployerKind kind = EmployerKind::DirectEmployer;
  };
  auto& [open, name, fein, ui, site, address, naics, error, kind] = for_this_person<Kept>();
  if (!can_serve_employers(me)) return;
  if (!open) {
    if (ImGui::Button("Enter employer")) open = true, error.clear();
    return;
  }
  subheading("Enter an employer");
  text_field("Legal name", name, 420);
  text_field("FEIN", fein, 160, "12-3456789");
  ImGui::SameLine();
  text_field("State UI account", ui, 160, "optional");
  if (begin_combo("Kind", std::string(employer_kind_label(kind)), 240)) {
    for (EmployerKind k : kEmployerKinds)
      if (ImGui::Selectable(employer_kind_label(k).data(), k == kind)) kind = k;
    ImGui::EndCombo();
  }
  muted("Its first establishment: one location with one main activity (B1).");
  text_field("Establishment", site, 300, "e.g. Fresno plant");
  text_field("Address", address, 480, "street, city, state, ZIP");
  text_field("NAICS code", naics, 120, "6 digits");
  if (!naics.empty()) {
    ImGui::SameLine();
    if (auto why = naics_problem(naics)) ImGui::TextColored(colour::kMuted, "%s", why->c_str());
    else ImGui::TextColored(colour::kGood, "%s", join(sectors_of(naics)).c_str());
  }
  if (submit_button("Save employer")) {
    Outcome o = host::dispatch(AddEmployer{name, fein, ui, kind, site, address, naics});
    error = o.ok ? "" : o.error.message;
    if (o.ok) {
      open = false;
      name.clear(), fein.clear(), ui.clear(), site.clear(), address.clear(), naics.clear();
      nav().open_employer(o.id);
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) open = false, error.clear();
  error_text(error);
}

void draw_establishments(const Workspace& ws, const Staff& me, const Employer& e) {
  struct Kept {
    RecordId employer;
    std::string name, address, naics, error;
  };
  auto& [employer, name, address, naics, error] = for_this_person<Kept>();
  if (employer != e.id) employer = e.id, name.clear(), address.clear(), naics.clear(), error.clear();
  for (const Establishment* site : establishments_of(ws, e.id)) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(site->name.c_str());
    ImGui::PopFont();
    muted(site->address + "   NAICS " + site->naics + " (" + join(sectors_of(site->naics)) + ")");
  }
  if (!can_serve_employers(me)) return;
  subheading("Add an establishment");
  text_field("Establishment name", name, 300);
  text_field("Establishment address", address, 480);
  text_field("Establishment NAICS", naics, 120, "6 digits");
  if (submit_button("Add establishment")) {
    Outcome o = host::dispatch(AddEstablishment{e.id, name, address, naics});
    error = o.ok ? "" : o.error.message;
    if (o.ok) name.clear(), address.clear(), naics.clear();
  }
  error_text(error);
}

void draw_communications(const Workspace& ws, const Staff& me, const Employer& e) {
  struct Kept {
    RecordId employer;
    std::string date, summary, error, notice;
    Channel channel = Channel::Telephone;
    int who = 0;  // 0 we reached out, no answer; 1 we reached out and they answered; 2 they reached us
  };
  auto& [employer, date, summary, error, notice, channel, who] = for_this_person<Kept>();
  if (employer != e.id) employer = e.id, date = format_iso_date(date_of(host::now())), summary.clear(), error.clear(), notice.clear();
  if (can_serve_employers(me)) {
    date_field("Date", date, 150);
    ImGui::SameLine();
    if (begin_combo("Channel", std::string(channel_label(channel)), 200)) {
      for (Channel c : kChannels)
        if (ImGui::Selectable(channel_label(c).data(), c == channel)) channel = c;
      ImGui::EndCombo();
    }
    ImGui::RadioButton("We reached out, no answer yet", &who, 0);
    same_line_if_box_fits("We reached out and they answered");
    ImGui::RadioButton("We reached out and they answered", &who, 1);
    same_line_if_box_fits("They reached us");
    ImGui::RadioButton("They reached us", &who, 2);
    text_field("What was said", summary, 560);
    if (submit_button("Log communication")) {
      Outcome o = host::dispatch(LogCommunication{e.id, date, channel, who == 2, who == 1, summary});
      error = o.ok ? "" : o.error.message;
      notice = o.ok ? o.notice : "";
      if (o.ok) summary.clear();
    }
    error_text(error);
    if (!notice.empty()) ImGui::TextColored(colour::kWarning, "%s", notice.c_str());
  }
  auto log = communications_of(ws, e.id);  // one employer's log: small, made each frame
  if (log.empty()) return;
  std::reverse(log.begin(), log.end());  // newest first
  if (begin_table("log", 4, kListTable)) {
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, px(140));
    ImGui::TableSetupColumn("How", ImGuiTableColumnFlags_WidthFixed, px(260));
    ImGui::TableSetupColumn("What was said", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("By", ImGuiTableColumnFlags_WidthFixed, px(150));
    headers_row();
    bool fresh = true;
    sort_rows(log, fresh, [&](int column, const Communication* a, const Communication* b) {
      switch (column) {
        case 1: return is_reciprocal(*a) > is_reciprocal(*b);
        case 2: return a->summary < b->summary;
        case 3: return staff_name(ws, a->by) < staff_name(ws, b->by);
        default: return a->date < b->date;
      }
    });
    for (const Communication* c : log) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(display_date(c->date).c_str());
      ImGui::TableSetColumnIndex(1);
      const char* how = c->direction == Direction::Inbound ? "from the business" : c->reciprocated ? "answered" : "no answer (cold)";
      ImGui::TextColored(is_reciprocal(*c) ? colour::kGood : colour::kMuted, "%s, %s", channel_label(c->channel).data(), how);
      ImGui::TableSetColumnIndex(2);
      ImGui::TextWrapped("%s", c->summary.c_str());
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(staff_name(ws, c->by).c_str());
    }
    ImGui::EndTable();
  }
}

void draw_employer_jobs(const Workspace& ws, const Staff& me, const Employer& e) {
  struct Kept {
    RecordId employer;
    std::string title, description, received, deadline, openings = "1", error, notice;
    RecordId site;
    int reserved = 0;
    std::string program;
  };
  auto& [employer, title, description, received, deadline, openings, error, notice, site, reserved, program] = for_this_person<Kept>();
  if (employer != e.id) {
    employer = e.id, title.clear(), description.clear(), deadline.clear(), error.clear(), notice.clear(), program.clear();
    received = format_iso_date(date_of(host::now()));
    const auto sites = establishments_of(ws, e.id);
    site = sites.empty() ? RecordId{} : sites.front()->id;
  }
  draw_jobs_table(ws, me, {JobsView::All, e.id}, "employer_jobs");
  if (!can_serve_employers(me)) return;
  subheading("Post a job order");
  const Establishment* chosen = ws.find_establishment(site);
  if (begin_combo("At", chosen ? chosen->name : "Choose...", 300)) {
    for (const Establishment* s : establishments_of(ws, e.id))
      if (ImGui::Selectable(s->name.c_str(), s->id == site)) site = s->id;
    ImGui::EndCombo();
  }
  text_field("Job title", title, 420);
  text_field("Description", description, 560, "duties, hours, pay");
  text_field("Openings", openings, 80);
  ImGui::SameLine();
  date_field("Job order received", received, 150);
  ImGui::SameLine();
  text_field("Application deadline", deadline, 150, "14 days if empty");
  ImGui::TextUnformatted("Reserve for my organisation (J3):");
  for (int days : {0, 3, 5, 7}) {
    const std::string label = days == 0 ? "No" : std::to_string(days) + " days";
    same_line_if_box_fits(label.c_str());
    if (ImGui::RadioButton(label.c_str(), reserved == days)) reserved = days;
  }
  if (begin_combo("Subsidised program", program.empty() ? "(none)" : program, 300)) {
    if (ImGui::Selectable("(none)", program.empty())) program.clear();
    for (const SubsidisedProgram& p : ws.meta.subsidised_programs)
      if (ImGui::Selectable(p.name.c_str(), p.name == program)) program = p.name;
    ImGui::EndCombo();
  }
  if (!program.empty()) {
    ImGui::SameLine();
    muted("only WIOA clients see it (J3)");
  }
  if (submit_button("Post job")) {
    const int count = std::atoi(openings.c_str());
    Outcome o = host::dispatch(PostJob{site, title, description, count, received, deadline, reserved, program});
    error = o.ok ? "" : o.error.message;
    notice = o.ok ? o.notice : "";
    if (o.ok) title.clear(), description.clear(), deadline.clear();
  }
  error_text(error);
  if (!notice.empty()) ImGui::TextColored(colour::kWarning, "%s", notice.c_str());
}

void draw_services(const Workspace& ws, const Staff& me, const Employer& e) {
  struct Kept {
    RecordId employer, site;
    std::string date, type, gained, error, notice;
    Program program = Program::WioaAdult;
    bool real_service = false;  // R1: confirmed though it reads like paperwork
    RecordId voiding;           // the service whose void reason is being typed
    std::string void_reason, void_error, void_done;
    std::vector<const Service*> rows;
    std::uint64_t change = 0;
    bool fresh = true;
  };
  auto& [employer, site, date, type, gained, error, notice, program, real_service, voiding, void_reason, void_error,
         void_done, rows, change, fresh] = for_this_person<Kept>();
  if (employer != e.id) {
    employer = e.id, gained.clear(), error.clear(), notice.clear(), voiding.clear(), change = 0;
    date = format_iso_date(date_of(host::now()));
    const auto sites = establishments_of(ws, e.id);
    site = sites.empty() ? RecordId{} : sites.front()->id;
  }
  if (can_serve_employers(me)) {
    const Establishment* chosen = ws.find_establishment(site);
    if (begin_combo("Establishment served", chosen ? chosen->name : "Choose...", 300)) {
      for (const Establishment* s : establishments_of(ws, e.id))
        if (ImGui::Selectable(s->name.c_str(), s->id == site)) site = s->id;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    date_field("Service date", date, 150);
    if (begin_combo("Service type", type.empty() ? "Choose..." : type, 300)) {
      for (const LocalServiceType& t : ws.meta.local_service_types)
        if (ImGui::Selectable(t.name.c_str(), t.name == type)) type = t.name;
      ImGui::EndCombo();
    }
    if (const LocalServiceType* t = local_service_type(ws, type)) {
      ImGui::SameLine();
      muted(std::string("counts as: ") + std::string(category_label(t->category)));
    }
    if (begin_combo("Program", std::string(program_label(program)), 300)) {
      for (Program p : kPrograms)
        if (ImGui::Selectable(program_label(p).data(), p == program)) program = p;
      ImGui::EndCombo();
    }
    text_field("What the employer gained", gained, 560);
    // R1: said while typing, and saving anyway needs the person to confirm it is a real service.
    const auto warning = paperwork_warning(gained);
    if (warning) {
      warning_text(*warning);
      ImGui::Checkbox("It is a real service: the employer gained more than paperwork", &real_service);
    }
    if (submit_button("Log service")) {
      Outcome o = host::dispatch(LogService{site, date, type, {}, program, gained, warning && real_service});
      error = o.ok ? "" : o.error.message;
      notice = o.ok ? "Logged." : "";
      if (o.ok) gained.clear(), real_service = false;
    }
    error_text(error);
    good_text(notice);
  }
  if (change != ws.change) rows = services_of(ws, e.id), change = ws.change, fresh = true;
  if (rows.empty()) {
    muted("No services logged yet.");
    return;
  }
  rows_shown(rows.size(), rows.size(), "services");
  if (begin_table("services", 6, kListTable)) {
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, px(120));
    ImGui::TableSetupColumn("Establishment", ImGuiTableColumnFlags_WidthFixed, px(170));
    ImGui::TableSetupColumn("Service (federal category)", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("What the employer gained", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("By", ImGuiTableColumnFlags_WidthFixed, px(140));
    ImGui::TableSetupColumn("##void", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, px(70));
    headers_row();
    sort_rows(rows, fresh, [&](int column, const Service* a, const Service* b) {
      switch (column) {
        case 1: return ws.establishments.at(a->establishment).name < ws.establishments.at(b->establishment).name;
        case 2: return a->local_type < b->local_type;
        case 3: return a->gained < b->gained;
        case 4: return staff_name(ws, a->staff) < staff_name(ws, b->staff);
        default: return a->date < b->date;
      }
    });
    for (const Service* s : rows) {
      ImGui::PushID(s->id.c_str());
      const bool voided = is_voided(*s);
      auto cell = [&](std::string_view text) { voided ? struck_text(text) : ImGui::TextWrapped("%s", std::string(text).c_str()); };
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      cell(display_date(s->date));
      if (!voided && !entered_on_time(ws, *s)) ImGui::TextColored(colour::kWarning, "entered late");
      ImGui::TableSetColumnIndex(1);
      cell(ws.establishments.at(s->establishment).name);
      ImGui::TableSetColumnIndex(2);
      cell(s->local_type);
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(colour::kMuted, "%s", category_label(s->category).data());
      ImGui::PopTextWrapPos();
      ImGui::TableSetColumnIndex(3);
      cell(s->gained);
      if (voided)
        warning_text("Voided " + display_date(date_of(*s->voided_at)) + " by " + staff_name(ws, s->voided_by) + ": " +
                     s->void_reason + ". Not counted (ESE, standards).");
      ImGui::TableSetColumnIndex(4);
      cell(staff_name(ws, s->staff));
      ImGui::TableSetColumnIndex(5);
      if (!voided && may_void_service(ws, me, *s) && voiding != s->id && ImGui::SmallButton("Void"))
        voiding = s->id, void_reason.clear(), void_error.clear(), void_done.clear();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  // P4: voiding asks why, and what it does, before it happens.
  if (const auto it = ws.services.find(voiding); it != ws.services.end() && !is_voided(it->second)) {
    const Service& s = it->second;
    subheading("Void the service of " + display_date(s.date) + " (" + s.local_type + ")");
    muted("A voided service stays in the history, struck through, and no longer counts in the ESE files or the "
          "performance standards.");
    text_field("Why it is voided", void_reason, 420, "e.g. entered twice; paperwork, not a service");
    ImGui::SameLine();
    if (confirm_button("Void service", "The service of " + display_date(s.date) + " (" + s.local_type + ": " + s.gained +
                                           ") is voided" + (void_reason.empty() ? "" : " (" + void_reason + ")") +
                                           ". It leaves the ESE files and the standards for good.",
                       "Void it")) {
      Outcome o = host::dispatch(VoidService{s.id, void_reason});
      void_error = o.ok ? "" : o.error.message;
      if (o.ok) voiding.clear(), void_done = "Voided; it stays in the history, struck through.";
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel##void")) voiding.clear(), void_error.clear();
    error_text(void_error);
  }
  good_text(void_done);
}

void draw_employer_issues(const Workspace& ws, const Staff& me, const Employer& e) {
  struct Kept {
    RecordId employer;
    std::string concern, error;
    IssueSource source = IssueSource::Employer;
  };
  auto& [employer, concern, error, source] = for_this_person<Kept>();
  if (employer != e.id) employer = e.id, concern.clear(), error.clear();
  const LocalSeconds now = host::now();
  bool any = false;
  for (const Issue* about : issues_about(ws, e.id)) {
    const Issue& i = *about;
    const RecordId& id = i.id;
    any = true;
    const EscalationState st = escalation_of(ws, i, now);
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", i.concern.c_str());
    ImGui::PopFont();
    if (is_open(i))
      muted("Level " + std::to_string(st.level) + ", owner " + staff_name(ws, i.owner) + ". " + st.reason +
            (st.deadline ? " Due " + display_datetime(*st.deadline) + "." : ""));
    else
      muted("Closed " + display_datetime(*i.closed_at) + ": " + std::string(outcome_label(*i.outcome)) + ".");
    ImGui::PushID(id.c_str());
    if (ImGui::TreeNode(("Comments (" + std::to_string(comments_on(ws, id).size()) + ")###comments").c_str())) {
      draw_comments(ws, me, id);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (!any) muted("No issues.");
  if (!can_serve_employers(me)) return;
  subheading("Raise an issue about this employer");
  text_field("Problem or complaint", concern, 480);
  if (begin_combo("Brought by", std::string(source_label(source)), 300)) {
    for (IssueSource s : kIssueSources)
      if (ImGui::Selectable(source_label(s).data(), s == source)) source = s;
    ImGui::EndCombo();
  }
  if (submit_button("Raise issue")) {
    Outcome o = host::dispatch(RaiseIssue{{}, concern, source, e.id});
    error = o.ok ? "" : o.error.message;
    if (o.ok) concern.clear();
  }
  error_text(error);
  ImGui::Spacing();
  for (const CaseNote* n : ws.case_notes_of(e.id)) {
    ImGui::TextColored(colour::kMuted, "%s, %s", display_datetime(n->at).c_str(), staff_name(ws, n->by).c_str());
    ImGui::TextWrapped("%s", n->text.c_str());
  }
}

void draw_refusal(const Staff& me, const Employer& e) {
  struct Kept {
    RecordId employer;
    std::string concern, consulted, on, outcome, note, error;
  };
  auto& [employer, concern, consulted, on, outcome, note, error] = for_this_person<Kept>();
  if (employer != e.id) employer = e.id, concern.clear(), consulted.clear(), on.clear(), outcome.clear(), note.clear(), error.clear();
  if (e.refusal) {
    ImGui::TextColored(colour::kError, "Staff-assisted service refused since %s", display_date(date_of(e.refusal->at)).c_str());
    muted("Concern: " + e.refusal->concern + ". Board consulted: " + e.refusal->board_consulted + " on " +
          display_date(e.refusal->consulted_on) + ": " + e.refusal->board_outcome);
    if (!can_serve_employers(me)) return;
    text_field("Why service resumes", note, 480);
    if (ImGui::Button("Resume service")) {
      Outcome o = host::dispatch(RestoreService{e.id, note});
      error = o.ok ? "" : o.error.message;
    }
    error_text(error);
    return;
  }
  if (!can_serve_employers(me)) return;
  muted("Service may be refused when safety protocols are not followed, there is a history of complaints, or taxes "
        "and fees are not current. Write the concern down and consult the board first (B5).");
  text_field("Concern", concern, 560);
  text_field("Board staff consulted", consulted, 300);
  ImGui::SameLine();
  date_field("Consulted on", on, 150);
  text_field("What the board said", outcome, 560);
  if (ImGui::Button("Refuse service")) {
    Outcome o = host::dispatch(RefuseService{e.id, concern, consulted, on, outcome});
    error = o.ok ? "" : o.error.message;
  }
  error_text(error);
}

void draw_employer(const Workspace& ws, const Staff& me, const Employer& e) {
  struct Kept {
    std::string error, route_note;
  };
  auto& [error, route_note] = for_this_person<Kept>();
  if (ImGui::Button("< All employers")) nav().employer.clear();
  ImGui::SameLine();
  heading(e.legal_name, false);
  ImGui::SameLine(0, px(16));
  draw_follow_button(ws, me, e.id);
  same_line_if_fits("Print");
  if (ImGui::Button("Print")) host::show_printable(employer_html(ws, e, host::now()));
  ImGui::Spacing();
  const auto today = date_of(host::now());
  const AccountStanding standing = account_standing(ws, e, today);
  if (ImGui::BeginTable("details", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, px(170));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, px(600));
    detail("Account", standing.reason);
    detail("FEIN", e.fein + (e.ui_account.empty() ? "" : "   State UI account " + e.ui_account));
    detail("Kind", employer_kind_label(e.kind));
    detail("Sectors", join(employer_sectors(ws, e.id)) + (in_focus(ws, e.id) ? "   [focus sector]" : ""));
    std::vector<std::string> owners;
    for (const AccountOwner& o : e.owners) {
      auto on_time = entered_on_time(ws, e, o);
      owners.push_back(staff_name(ws, o.staff) + " (since " + display_date(date_of(o.since)) +
                       (on_time ? (*on_time ? ", on time" : ", entered late") : "") + ")");
    }
    detail("Owners", owners.empty() ? "none yet" : join(owners, "; "));
    detail("Triage", e.triage ? std::string(route_label(e.triage->route)) + " (" + staff_name(ws, e.triage->by) + ", " +
                                    display_date(date_of(e.triage->at)) + ")" + (e.triage->note.empty() ? "" : ": " + e.triage->note)
                              : "not yet triaged; the focus-sector rule says " +
                                    std::string(route_label(suggested_route(ws, e.id))));
    ImGui::EndTable();
  }
  if (is_business_role(me.role) && !is_owner(e, me.id) && ImGui::Button("Join this account")) {
    Outcome o = host::dispatch(JoinAccount{e.id});
    error = o.ok ? "" : o.error.message;
  }
  if (!e.triage && can_serve_employers(me)) {  // B4
    text_field("Triage note", route_note, 260, "why, if not the rule");
    for (TriageRoute r : kTriageRoutes) {
      ImGui::SameLine();
      if (ImGui::Button(("Route to " + std::string(route_label(r))).c_str())) {
        Outcome o = host::dispatch(TriageEmployer{e.id, r, route_note});
        error = o.ok ? "" : o.error.message;
      }
    }
  }
  error_text(error);
  if (begin_tab_bar("employer_tabs/" + e.id)) {
    if (begin_tab("Establishments")) { draw_establishments(ws, me, e); ImGui::EndTabItem(); }
    if (begin_tab("Communications")) { draw_communications(ws, me, e); ImGui::EndTabItem(); }
    if (begin_tab("Job orders")) { draw_employer_jobs(ws, me, e); ImGui::EndTabItem(); }
    if (begin_tab("Services")) { draw_services(ws, me, e); ImGui::EndTabItem(); }
    if (begin_tab("Issues")) { draw_employer_issues(ws, me, e); ImGui::EndTabItem(); }
    if (begin_tab("Refusal of service")) { draw_refusal(me, e); ImGui::EndTabItem(); }
    if (begin_tab("Comments")) { draw_comments(ws, me, e.id); ImGui::EndTabItem(); }
    ImGui::EndTabBar();
  }
}

}  // namespace

void draw_employers(const Workspace& ws, const Staff& me) {
  if (const Employer* e = ws.find_employer(nav().employer)) {
    draw_employer(ws, me, *e);
    return;
  }
  struct Kept {
    EmployerFilter filter;
    std::tuple<std::uint64_t, LocalSeconds, EmployerFilter> key{0, -1, {}};
    std::vector<EmployerRow> rows;  // made again only when the workspace, the day or the filter changed
    bool fresh = true;
  };
  auto& [filter, key, rows, fresh] = for_this_person<Kept>();
  auto& [search, sector, owner, active_only] = filter;
  heading("Employers");
  text_field("##employer_search", search, 260, "Search name or FEIN");
  same_line_if_room(240);
  if (begin_combo("##sector", sector.empty() ? "Any sector" : sector, 240)) {
    if (ImGui::Selectable("Any sector", sector.empty())) sector.clear();
    for (const std::string& s : all_sectors())
      if (ImGui::Selectable(s.c_str(), s == sector)) sector = s;
    ImGui::EndCombo();
  }
  same_line_if_room(200);
  if (begin_combo("##owner", owner.empty() ? "Any owner" : staff_name(ws, owner), 200)) {
    if (ImGui::Selectable("Any owner", owner.empty())) owner.clear();
    for (auto& [id, s] : ws.staff)
      if (is_business_role(s.role) && ImGui::Selectable(s.name.c_str(), id == owner)) owner = id;
    ImGui::EndCombo();
  }
  same_line_if_box_fits("Active accounts only");
  ImGui::Checkbox("Active accounts only", &active_only);
  // Its own line: the layout is the same for a role without the button.
  draw_enter_employer(me);
  const LocalSeconds now = host::now();
  if (auto now_key = std::tuple{ws.change, now / 60, filter}; now_key != key)
    key = std::move(now_key), rows = employer_rows(ws, filter, now), fresh = true;
  rows_shown(rows.size(), ws.employers.size(), "employers");
  if (rows.empty() && !(filter == EmployerFilter{})) {
    if (no_matches()) filter = EmployerFilter{};
    return;
  }
  if (!begin_table("employers", 5, kListTable | ImGuiTableFlags_ScrollY,
                   ImVec2{0, ImGui::GetContentRegionAvail().y - px(8)}))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Employer", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Sectors", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Account", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("Owners", ImGuiTableColumnFlags_WidthFixed, px(170));
  ImGui::TableSetupColumn("Open jobs", ImGuiTableColumnFlags_WidthFixed, px(90));
  headers_row();
  sort_rows(rows, fresh, [&](int column, const EmployerRow& a, const EmployerRow& b) {
    switch (column) {
      case 1: return join(a.sectors) < join(b.sectors);
      case 2: return a.standing.active != b.standing.active ? a.standing.active : a.standing.reason < b.standing.reason;
      case 3: {
        auto first = [&](const EmployerRow& r) { return r.employer->owners.empty() ? std::string{} : staff_name(ws, r.employer->owners.front().staff); };
        return first(a) < first(b);
      }
      case 4: return a.open_jobs < b.open_jobs;
      default: return a.employer->legal_name < b.employer->legal_name;
    }
  });
  for (const EmployerRow& row : rows) {
    const Employer& e = *row.employer;
    const RecordId& id = e.id;
    const auto& sectors = row.sectors;
    const AccountStanding& st = row.standing;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(id.c_str());
    if (ImGui::Selectable(e.legal_name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) nav().open_employer(id);
    ImGui::PopID();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s", join(sectors).c_str());
    ImGui::TableSetColumnIndex(2);
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(st.active ? colour::kGood : colour::kMuted, "%s", st.reason.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableSetColumnIndex(3);
    std::vector<std::string> names;
    for (const AccountOwner& o : e.owners) names.push_back(staff_name(ws, o.staff));
    ImGui::TextWrapped("%s", join(names).c_str());
    ImGui::TableSetColumnIndex(4);
    ImGui::Text("%d", row.open_jobs);
  }
  ImGui::EndTable();
}

}  // namespace bw::ui
