#include "printable.hpp"

#include "business.hpp"
#include "escalation.hpp"
#include "jobs.hpp"
#include "letters.hpp"

namespace bw {
namespace {

std::string e(std::string_view text) { return html_escape(text); }

std::string who(const Workspace& ws, const RecordId& id) {
  if (const Staff* s = ws.find_staff(id)) return s->name;
  if (const Client* c = ws.find_client(id)) return full_name(*c) + " (job seeker)";
  return id.empty() ? "" : "(unknown)";
}

std::string organisation(const Workspace& ws, const RecordId& id) {
  const Organisation* o = ws.find_organisation(id);
  return o ? o->name : "";
}

std::string date(const std::optional<std::chrono::year_month_day>& d) { return d ? display_date(*d) : "-"; }

// The document's frame: the board, a title, the date printed, then `body`.
std::string document(const Workspace& ws, const std::string& title, const std::string& body, LocalSeconds now) {
  return "<article class=\"printable\">\n<header><strong>" + e(ws.meta.name) + "</strong><h1>" + e(title) +
         "</h1></header>\n" + body + "<footer>Printed " + e(display_datetime(now)) +
         " from Bridgework. Confidential: keep with the file.</footer>\n</article>\n";
}

struct Table {
  std::string html;
  explicit Table(const std::vector<std::string>& heads) {
    html = "<table><thead><tr>";
    for (auto& h : heads) html += "<th>" + e(h) + "</th>";
    html += "</tr></thead><tbody>\n";
  }
  void row(const std::vector<std::string>& cells) {
    html += "<tr>";
    for (auto& c : cells) html += "<td>" + e(c) + "</td>";
    html += "</tr>\n";
  }
  std::string done(std::string_view empty) {
    if (html.find("<td>") == std::string::npos) return "<p class=\"none\">" + e(empty) + "</p>\n";
    return html + "</tbody></table>\n";
  }
};

std::string details(std::initializer_list<std::pair<std::string_view, std::string>> rows) {
  std::string html = "<dl>";
  for (auto& [k, v] : rows) html += "<dt>" + e(k) + "</dt><dd>" + e(v.empty() ? "-" : v) + "</dd>";
  return html + "</dl>\n";
}

std::string h2(std::string_view text) { return "<h2>" + e(text) + "</h2>\n"; }

std::string programs(const Client& c) {
  std::string out;
  for (Program p : c.programs) out += (out.empty() ? "" : " + ") + std::string(program_label(p));
  return out;
}

std::string case_notes_of_issue(const Workspace& ws, const Issue& i) {
  Table t({"When", "By", "Note"});
  for (const CaseNote* n : records_in(ws.case_notes, ws.case_notes_by_client, i.client))
    if (n->issue == i.id) t.row({display_datetime(n->at), who(ws, n->by), n->text});
  if (i.client.empty())
    for (auto& [id, n] : ws.case_notes)
      if (n.issue == i.id) t.row({display_datetime(n.at), who(ws, n.by), n.text});
  return t.done("No case notes yet.");
}

std::string issue_details(const Workspace& ws, const Issue& i) {
  std::string about;
  if (const Client* c = ws.find_client(i.client)) about = full_name(*c);
  else if (const Employer* em = ws.find_employer(i.employer)) about = em->legal_name + " (employer)";
  return details({{"About", about},
                  {"Concern", i.concern},
                  {"Brought by", std::string(source_label(i.source))},
                  {"Owner", who(ws, i.owner)},
                  {"Raised", display_datetime(i.raised_at)},
                  {"Status", i.closed_at ? "Closed " + display_datetime(*i.closed_at) +
                                               (i.outcome ? ": " + std::string(outcome_label(*i.outcome)) : "")
                                         : "Open"}});
}

}  // namespace

std::string client_file_html(const Workspace& ws, const Client& c, LocalSeconds now) {
  std::string body = details({{"Name", full_name(c)},
                              {"Date of birth", display_date(c.date_of_birth)},
                              {"Email", c.email},
                              {"Phone", c.phone},
                              {"Programs", programs(c)},
                              {"Enrolling provider", organisation(ws, c.provider)},
                              {"Primary contact", who(ws, c.primary_contact)},
                              {"Enrolled", display_date(c.enrolled_on)},
                              {"Exited", c.exited_on ? display_date(*c.exited_on) + ": " + c.exit_reason : ""},
                              {"Client id", c.id}});
  body += h2("Service plan (Individual Service Strategy)");
  body += "<p>" + e(c.plan_agreed_on ? "Agreed with the customer on " + display_date(*c.plan_agreed_on) +
                                           (c.plan_agreed_how.empty() ? "" : " (" + c.plan_agreed_how + ")") + "."
                                     : "Not yet agreed with the customer.") + "</p>\n";
  Table goals({"Goal", "Achieved"});
  for (const Goal* g : records_in(ws.goals, ws.goals_by_client, c.id)) goals.row({g->text, date(g->achieved_on)});
  body += goals.done("No goals yet.");
  Table activities({"Activity", "For the goal", "Start", "Planned end", "Ended"});
  for (const Activity* a : records_in(ws.activities, ws.activities_by_client, c.id)) {
    const auto g = ws.goals.find(a->goal);
    activities.row({a->name + (a->training_provider.empty() ? "" : " at " + organisation(ws, a->training_provider)),
                    g == ws.goals.end() ? "" : g->second.text, display_date(a->start), display_date(a->planned_end),
                    a->actual_end ? display_date(*a->actual_end) + (a->end ? " (" + std::string(activity_end_label(*a->end)) + ")" : "") : "-"});
  }
  body += activities.done("No activities yet.");
  body += h2("Contacts");
  Table contacts({"Date", "Type", "With", "By", "Results", "Documents"});
  for (const Contact* k : records_in(ws.contacts, ws.contacts_by_client, c.id)) {
    std::string docs;
    for (auto& d : k->documents) docs += (docs.empty() ? "" : ", ") + d;
    contacts.row({display_date(k->date), std::string(contact_type_label(k->type)), std::string(contact_with_label(k->with)),
                  who(ws, k->by), k->results, docs});
  }
  body += contacts.done("No contacts recorded.");
  body += h2("Open issues");
  bool any = false;
  for (const Issue* about : issues_about(ws, c.id)) {
    const Issue& i = *about;
    if (i.closed_at) continue;
    any = true;
    body += "<section class=\"issue\">" + issue_details(ws, i) + case_notes_of_issue(ws, i) + "</section>\n";
  }
  if (!any) body += "<p class=\"none\">No open issues.</p>\n";
  return document(ws, "Client file: " + full_name(c), body, now);
}

std::string caseload_html(const Workspace& ws, const std::vector<const Client*>& clients, const std::string& title,
                          LocalSeconds now) {
  Table t({"Name", "Date of birth", "Programs", "Provider", "Primary contact", "Enrolled", "Phone", "Email"});
  for (const Client* c : clients)
    t.row({c->last_name + ", " + c->first_name, display_date(c->date_of_birth), programs(*c), organisation(ws, c->provider),
           who(ws, c->primary_contact), display_date(c->enrolled_on), c->phone, c->email});
  return document(ws, title, "<p>" + std::to_string(clients.size()) + " clients.</p>\n" + t.done("No clients."), now);
}

std::string job_order_html(const Workspace& ws, const Job& j, LocalSeconds now) {
  const Employer* em = ws.find_employer(j.employer);
  const auto est = ws.establishments.find(j.establishment);
  std::string body = details({{"Employer", em ? em->legal_name : ""},
                              {"Establishment", est == ws.establishments.end() ? "" : est->second.name + ", " + est->second.address},
                              {"Openings", std::to_string(j.openings)},
                              {"Status", job_status_label(job_status(j, now))},
                              {"Job order received", display_date(j.received_on)},
                              {"Posted", display_datetime(j.posted_at) + " by " + who(ws, j.posted_by)},
                              {"Applications close", display_date(j.deadline)},
                              {"Job owner", who(ws, j.owner) + " (" + organisation(ws, j.owner_organisation) + ")"},
                              {"Reserved", j.reserved_days ? std::to_string(j.reserved_days) + " days for the owner's organisation"
                                           : !j.subsidised_program.empty() ? j.subsidised_program + ": WIOA clients only"
                                                                           : "no"},
                              {"Job id", j.id}});
  body += h2("Description");
  body += "<p class=\"text\">" + e(j.description.empty() ? "-" : j.description) + "</p>\n";
  return document(ws, "Job order: " + j.title, body, now);
}

std::string employer_html(const Workspace& ws, const Employer& em, LocalSeconds now) {
  std::string owners;
  for (auto& o : em.owners) owners += (owners.empty() ? "" : ", ") + who(ws, o.staff);
  std::string body = details({{"Legal name", em.legal_name},
                              {"FEIN", em.fein},
                              {"UI account", em.ui_account},
                              {"Kind", std::string(employer_kind_label(em.kind))},
                              {"Account owners", owners},
                              {"Refusal of service", em.refusal ? "Refused since " + display_datetime(em.refusal->at) : "none"}});
  body += h2("Establishments");
  Table est({"Name", "Address", "NAICS"});
  for (const Establishment* s : establishments_of(ws, em.id)) est.row({s->name, s->address, s->naics});
  body += est.done("No establishments.");
  body += h2("Communications");
  Table com({"Date", "Channel", "Direction", "Answered", "By", "Summary"});
  for (const Communication* c : communications_of(ws, em.id))
    com.row({display_date(c->date), std::string(channel_label(c->channel)), c->direction == Direction::Outbound ? "We reached out" : "They reached us",
             c->reciprocated ? "yes" : "no", who(ws, c->by), c->summary});
  body += com.done("No communications.");
  body += h2("Job orders");
  Table jobs({"Title", "Openings", "Status", "Applications close", "Job owner"});
  for (const Job* j : records_in(ws.jobs, ws.jobs_by_employer, em.id))
    jobs.row({j->title, std::to_string(j->openings), job_status_label(job_status(*j, now)), display_date(j->deadline), who(ws, j->owner)});
  body += jobs.done("No job orders.");
  body += h2("Services");
  Table svc({"Date", "Establishment", "Service", "Program", "By", "Gained"});
  for (const Service* s : services_of(ws, em.id)) {
    const auto est_it = ws.establishments.find(s->establishment);
    svc.row({display_date(s->date), est_it == ws.establishments.end() ? "" : est_it->second.name,
             s->local_type + " (" + std::string(category_label(s->category)) + ")", std::string(program_label(s->program)),
             who(ws, s->staff), s->gained});
  }
  body += svc.done("No services logged.");
  return document(ws, "Employer: " + em.legal_name, body, now);
}

std::string issue_html(const Workspace& ws, const Issue& i, LocalSeconds now) {
  return document(ws, "Issue " + i.id, issue_details(ws, i) + h2("Case notes") + case_notes_of_issue(ws, i), now);
}

std::string table_html(const Workspace& ws, const std::string& title, const std::vector<std::string>& heads,
                       const std::vector<std::vector<std::string>>& rows, LocalSeconds now) {
  Table t{heads};
  for (auto& r : rows) t.row(r);
  return document(ws, title, t.done("Nothing to show."), now);
}

}  // namespace bw
