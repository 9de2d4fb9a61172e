// Printable documents: every record of the demo prints with what its screen
// shows, and no text typed by a person becomes markup.
#include <doctest/doctest.h>

#include "business.hpp"
#include "helpers.hpp"
#include "letters.hpp"
#include "printable.hpp"
#include "setup.hpp"

using namespace bw;
using bw::test::at;

namespace {
bool has(const std::string& html, std::string_view text) { return html.find(html_escape(text)) != std::string::npos; }
}  // namespace

TEST_CASE("a client's file holds the details, the plan, the contacts and the open issues with their case notes") {
  const LocalSeconds now = at("2026-11-20T10:00");
  const Workspace ws = create_demo_workspace("0a0b0c0d0e0f", now).workspace;
  int with_plan = 0, with_contacts = 0, with_issues = 0;
  for (auto& [id, c] : ws.clients) {
    const std::string html = client_file_html(ws, c, now);
    REQUIRE(has(html, "Client file: " + full_name(c)));
    REQUIRE(has(html, display_date(c.date_of_birth)));
    for (const Goal* g : records_in(ws.goals, ws.goals_by_client, id)) {
      REQUIRE(has(html, g->text));
      ++with_plan;
    }
    for (const Activity* a : records_in(ws.activities, ws.activities_by_client, id)) REQUIRE(has(html, a->name));
    for (const Contact* k : records_in(ws.contacts, ws.contacts_by_client, id)) {
      REQUIRE(has(html, k->results));
      ++with_contacts;
    }
    for (auto& [iid, i] : ws.issues) {
      if (i.client != id) continue;
      CHECK(has(html, i.concern) == !i.closed_at);  // open issues only
      if (i.closed_at) continue;
      ++with_issues;
      for (auto& [nid, n] : ws.case_notes)
        if (n.issue == iid) REQUIRE(has(html, n.text));
    }
  }
  CHECK(with_plan > 0);
  CHECK(with_contacts > 0);
  CHECK(with_issues > 0);
}

TEST_CASE("job orders, employers and issues print what their pages show") {
  const LocalSeconds now = at("2026-11-20T10:00");
  const Workspace ws = create_demo_workspace("0a0b0c0d0e0f", now).workspace;
  for (auto& [id, j] : ws.jobs) {
    const std::string html = job_order_html(ws, j, now);
    REQUIRE(has(html, "Job order: " + j.title));
    REQUIRE(has(html, j.description));
    REQUIRE(has(html, ws.employers.at(j.employer).legal_name));
  }
  for (auto& [id, em] : ws.employers) {
    const std::string html = employer_html(ws, em, now);
    for (const Establishment* s : establishments_of(ws, id)) REQUIRE(has(html, s->name));
    for (const Communication* c : communications_of(ws, id)) REQUIRE(has(html, c->summary));
    for (const Service* s : services_of(ws, id)) REQUIRE(has(html, s->gained));
  }
  for (auto& [id, i] : ws.issues) REQUIRE(has(issue_html(ws, i, now), i.concern));
  std::vector<const Client*> all;
  for (auto& [id, c] : ws.clients) all.push_back(&c);
  const std::string list = caseload_html(ws, all, "Caseload", now);
  for (const Client* c : all) REQUIRE(has(list, c->last_name + ", " + c->first_name));
}

TEST_CASE("text people typed is printed as text, never as markup") {
  const LocalSeconds now = at("2026-11-20T10:00");
  Workspace ws = create_demo_workspace("0a0b0c0d0e0f", now).workspace;
  Client& c = ws.clients.begin()->second;
  c.first_name = "<img src=x onerror=alert(1)>";
  c.last_name = "O’Brien & \"Sons\"";
  const std::string html = client_file_html(ws, c, now);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("O’Brien &amp; &quot;Sons&quot;") != std::string::npos);
  const std::string table = table_html(ws, "<b>", {"<th>"}, {{"<td>"}}, now);
  CHECK(table.find("<b>") == std::string::npos);
  CHECK(table.find("<td>&lt;td&gt;</td>") != std::string::npos);
}
