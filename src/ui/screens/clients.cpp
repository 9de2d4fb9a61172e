// Clients: a sortable, filterable table of everyone the viewer may see, and
// the enrolment form (C1, C2).
#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

#include "../host.hpp"
#include "../widgets.hpp"
#include "access.hpp"
#include "client_format.hpp"
#include "printable.hpp"
#include "imgui_stdlib.h"
#include "queries.hpp"
#include "screens.hpp"

namespace bw::ui {
namespace {

// The enrolment form's own state (ImGui needs text buffers between frames).
struct EnrolForm {
  std::string first_name, last_name, date_of_birth, email, phone, enrolled_on;
  bool programs[kPrograms.size()] = {};
  RecordId provider, primary_contact;
  std::string error;
  bool asking_to_discard = false;

  // Something a person typed or ticked, which closing the dialog would lose.
  bool typed() const {
    bool any = !first_name.empty() || !last_name.empty() || !date_of_birth.empty() || !email.empty() || !phone.empty();
    for (bool p : programs) any = any || p;
    return any;
  }

  void reset(const Workspace& ws, const Staff& me) {
    *this = EnrolForm{};
    enrolled_on = format_iso_date(date_of(host::now()));
    const Organisation* org = ws.find_organisation(me.organisation);
    if (org && org->kind != OrganisationKind::TrainingProvider) provider = org->id;
  }

  EnrolClient command() const {
    EnrolClient c{first_name, last_name, date_of_birth, email, phone, {}, provider, primary_contact, enrolled_on};
    for (size_t i = 0; i < kPrograms.size(); ++i)
      if (programs[i]) c.programs.push_back(kPrograms[i]);
    return c;
  }
};

void draw_enrol_form(const Workspace& ws, EnrolForm& f) {
  const bool youth = is_youth(f.command().programs);
  text_field("First name", f.first_name);
  text_field("Last name", f.last_name);
  date_field("Date of birth", f.date_of_birth, 160);
  text_field("Email", f.email);
  text_field("Phone", f.phone, 200);
  ImGui::Spacing();
  ImGui::TextUnformatted("Programs (C1)");
  for (size_t i = 0; i < kPrograms.size(); ++i) {
    same_line_if_box_fits(program_label(kPrograms[i]).data());
    ImGui::Checkbox(program_label(kPrograms[i]).data(), &f.programs[i]);
  }
  if (begin_combo("Enrolling provider", f.provider.empty() ? "Choose..." : organisation_name(ws, f.provider))) {
    for (auto& [id, o] : ws.organisations) {
      if (o.kind == OrganisationKind::TrainingProvider) continue;
      if (ImGui::Selectable(o.name.c_str(), id == f.provider)) { f.provider = id; f.primary_contact.clear(); }
    }
    ImGui::EndCombo();
  }
  // C2: only the eligible staff are offered.
  const auto eligible = eligible_primary_contacts(ws, youth, f.provider);
  if (std::none_of(eligible.begin(), eligible.end(), [&](auto* s) { return s->id == f.primary_contact; }))
    f.primary_contact = eligible.size() == 1 ? eligible[0]->id : "";
  const std::string wanted(role_label(primary_contact_role(youth)));
  if (begin_combo("Primary contact", f.primary_contact.empty() ? "Choose..." : staff_name(ws, f.primary_contact))) {
    for (const Staff* s : eligible)
      if (ImGui::Selectable(s->name.c_str(), s->id == f.primary_contact)) f.primary_contact = s->id;
    ImGui::EndCombo();
  }
  // Messages on their own lines, wrapped: a dialog has a fixed width.
  if (!f.provider.empty() && eligible.empty())
    warning_text("No active " + wanted + " at this provider: a " + std::string(youth ? "youth" : "adult") +
                 "'s primary contact is an " + wanted + " (C2).");
  else
    muted("The primary contact is an " + wanted + " (" + (youth ? "youth" : "adult") + ").");
  date_field("Enrolled on", f.enrolled_on, 160);
  const auto born = parse_iso_date(f.date_of_birth);
  const auto on = f.enrolled_on.empty() ? std::optional(date_of(host::now())) : parse_iso_date(f.enrolled_on);
  if (born && on)
    if (const auto warning = youth_age_warning(f.command().programs, *born, *on)) warning_text(*warning);
}

// The table's rows are made in three steps, each again only when what it reads
// changed: the clients the filters (but the search) let through, in id order;
// their order by the clicked column; the search, read from texts kept for it.
// So typing a search or clicking a header does not read the whole board again.
struct ClientTable {
  const Workspace* ws = nullptr;
  std::uint64_t change = 0;  // Workspace::change `listed` was made at
  ClientFilter filter{.active_only = true}, applied;  // `applied`: what `listed` answers, but the search
  std::vector<const Client*> listed;
  std::uint64_t listed_clients = 0;  // Workspace::caseload_change `listed`'s texts were read at
  std::vector<std::uint32_t> order;  // of `listed`, by the clicked column
  SearchIndex index;  // over `listed`
  std::optional<std::string> searched;  // what `rows` answers
  std::vector<const Client*> rows;  // shown
  bool sort_dirty = true;
};

// `order` (of `rows`) by the clicked column; `order` as it came when none is.
void sort_rows(const Workspace& ws, const std::vector<const Client*>& rows, std::vector<std::uint32_t>& order,
               const ImGuiTableColumnSortSpecs* column) {
  if (!column) {
    std::iota(order.begin(), order.end(), 0u);
    return;
  }
  const ImGuiTableColumnSortSpecs& s = *column;
  SortKeys keys;
  keys.reserve(rows.size());
  for (const Client* c : rows) {
    std::string& key = keys.text();
    switch (s.ColumnIndex) {
      case 1: keys.append(c->date_of_birth); break;
      case 2: append_programs(key, *c); break;
      case 3:
        if (const Organisation* o = ws.find_organisation(c->provider)) key += o->name;
        else key += organisation_name(ws, c->provider);
        break;
      case 4:
        if (const Staff* st = ws.find_staff(c->primary_contact)) key += st->name;
        else key += staff_name(ws, c->primary_contact);
        break;
      case 5: keys.append(c->enrolled_on); break;
      default: key += c->last_name, key += ", ", key += c->first_name;
    }
    keys.end_row();
  }
  // Age sorts opposite to birth date, so that "ascending age" reads right.
  order = sorted_order(keys, (s.SortDirection == ImGuiSortDirection_Ascending) != (s.ColumnIndex == 1));
}

// The rows shown: `listed` in `order`, those the search finds. A first search
// of a long list reads its clients' texts a part each frame (about 8 ms of
// work), until then the rows stay as they were and this asks for the next frame.
void search_rows(ClientTable& table) {
  const auto* found =
      table.index.find(table.filter.search, [&](std::size_t i) { return client_search_text(*table.listed[i]); }, 8.0);
  if (!found) {
    table.searched.reset();
    draw_again();
    return;
  }
  std::vector<char> hit(table.listed.size(), 0);
  for (std::uint32_t i : *found) hit[i] = 1;
  table.rows.clear();
  table.rows.reserve(found->size());
  for (std::uint32_t i : table.order)
    if (hit[i]) table.rows.push_back(table.listed[i]);
  table.searched = table.filter.search;
}

struct ClientsScreen {
  ClientTable table;
  EnrolForm form;
};

}  // namespace

std::string printable_clients(const Workspace& ws, const Staff& me) {
  const ClientTable& table = for_this_person<ClientsScreen>().table;
  const std::string title = table.filter.search.empty() && !table.filter.program && table.filter.primary_contact.empty()
                                ? "Clients"
                                : "Clients (filtered)";
  (void)me;  // the rows are those the screen shows `me` (C5)
  return caseload_html(ws, table.ws == &ws ? table.rows : std::vector<const Client*>{}, title, host::now());
}

void draw_clients(const Workspace& ws, const Staff& me) {
  auto& [table, form] = for_this_person<ClientsScreen>();
  heading("Clients");
  if (!can_see_clients(me)) {
    muted("Training-provider staff see only their own students, from the case-management screens (C5).");
    return;
  }
  ImGui::SetNextItemWidth(px(300));
  ImGui::InputTextWithHint("##search", "Search name, id, email or phone", &table.filter.search);
  same_line_if_room(230);
  if (begin_combo("##program", table.filter.program ? std::string(program_label(*table.filter.program)) : "All programs", 230)) {
    if (ImGui::Selectable("All programs", !table.filter.program)) table.filter.program.reset();
    for (Program p : kPrograms)
      if (ImGui::Selectable(program_label(p).data(), table.filter.program == p)) table.filter.program = p;
    ImGui::EndCombo();
  }
  same_line_if_room(230);
  if (begin_combo("##contact", table.filter.primary_contact.empty() ? "Any primary contact" : staff_name(ws, table.filter.primary_contact), 230)) {
    if (ImGui::Selectable("Any primary contact", table.filter.primary_contact.empty())) table.filter.primary_contact.clear();
    for (auto& [id, s] : ws.staff)
      if (s.role == Role::EmploymentReadinessSpecialist || s.role == Role::AcademicCareerAdvisor)
        if (ImGui::Selectable((s.name + (s.active ? "" : " (deactivated)")).c_str(), table.filter.primary_contact == id))
          table.filter.primary_contact = id;
    ImGui::EndCombo();
  }
  same_line_if_box_fits("Active only");
  ImGui::Checkbox("Active only", &table.filter.active_only);
  if (can_enrol_clients(me)) {
    same_line_if_fits("Enrol client");
    if (primary_button("Enrol client")) {
      form.reset(ws, me);
      ImGui::OpenPopup("Enrol a client");
    }
  }
  ClientFilter unsearched = table.filter;
  unsearched.search.clear();
  if (table.ws != &ws || table.change != ws.change || !(table.applied == unsearched)) {
    table.ws = &ws;
    table.change = ws.change;
    table.applied = std::move(unsearched);
    std::vector<const Client*> listed = visible_clients(ws, me, table.applied);
    // The texts a search read stay while the same clients are listed and none was written.
    if (listed != table.listed || table.listed_clients != ws.caseload_change) table.index.reset(listed.size());
    table.listed = std::move(listed);
    table.listed_clients = ws.caseload_change;
    table.order.resize(table.listed.size());
    std::iota(table.order.begin(), table.order.end(), 0u);  // until the table sorts them, below
    table.rows.clear();  // they may be gone with the workspace they were in
    table.searched.reset();
    table.sort_dirty = true;
  }
  if (table.searched != table.filter.search) search_rows(table);
  ImGui::AlignTextToFramePadding();
  if (table.searched == table.filter.search)
    ImGui::TextColored(colour::kMuted, "%zu of %zu clients", table.rows.size(), ws.clients.size());
  else
    ImGui::TextColored(colour::kMuted, "Searching %zu clients... %d%%", table.listed.size(), int(table.index.made() * 100));
  ImGui::SameLine();
  if (ImGui::SmallButton("Print list")) host::show_printable(printable_clients(ws, me));

  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (begin_table("clients", 6, flags, ImVec2{0, ImGui::GetContentRegionAvail().y})) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Age", ImGuiTableColumnFlags_WidthFixed, px(60));
    ImGui::TableSetupColumn("Programs", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Provider", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Primary contact", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Enrolled", ImGuiTableColumnFlags_WidthFixed, px(120));
    headers_row();
    if (const SortWanted sort = sort_wanted(table.sort_dirty); sort.now) {
      sort_rows(ws, table.listed, table.order, sort.column);
      table.searched.reset();
      search_rows(table);
    }
    const auto today = date_of(host::now());
    ImGuiListClipper clipper;
    clipper.Begin(int(table.rows.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const Client& c = *table.rows[i];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(c.id.c_str());
        if (ImGui::Selectable((c.last_name + ", " + c.first_name + (is_active(c) ? "" : "  (exited)")).c_str(), false,
                              ImGuiSelectableFlags_SpanAllColumns))
          nav().open_client(c.id);
        ImGui::PopID();
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("%d", age_on(c.date_of_birth, today));
        ImGui::TableSetColumnIndex(2);
        if (is_dual_enrolled(c)) {
          ImGui::TextColored(colour::kAccent, "[dual]");
          ImGui::SameLine();
        }
        ImGui::TextUnformatted(programs_text(c).c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(organisation_name(ws, c.provider).c_str());
        ImGui::TableSetColumnIndex(4);
        ImGui::TextUnformatted(staff_name(ws, c.primary_contact).c_str());
        ImGui::TableSetColumnIndex(5);
        ImGui::TextUnformatted(display_date(c.enrolled_on).c_str());
      }
    }
    ImGui::EndTable();
  }

  // As wide as the form, or the window where it is narrower (half a laptop screen).
  ImGui::SetNextWindowSize(ImVec2{std::min(px(760), ImGui::GetMainViewport()->Size.x - px(16)), 0});
  if (ImGui::BeginPopupModal("Enrol a client", nullptr, ImGuiWindowFlags_NoResize)) {
    draw_enrol_form(ws, form);
    ImGui::Spacing();
    error_text(form.error);
    ImGui::Separator();
    if (submit_button("Enrol")) {
      Outcome o = host::dispatch(form.command());
      if (o.ok) {
        ImGui::CloseCurrentPopup();
        nav().open_client(o.id);
      } else {
        form.error = o.error.message;
      }
    }
    ImGui::SameLine();
    const bool escape = escape_closes_this_popup();
    if (form.asking_to_discard) {
      ImGui::TextColored(colour::kWarning, "Discard what you typed?");
      ImGui::SameLine();
      if (ImGui::Button("Discard")) form.asking_to_discard = false, ImGui::CloseCurrentPopup();
      ImGui::SameLine();
      if (ImGui::Button("Keep editing") || escape) form.asking_to_discard = false;
    } else if (ImGui::Button("Cancel") || escape) {
      if (form.typed()) form.asking_to_discard = true;
      else ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace bw::ui
