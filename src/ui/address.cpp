#include "address.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "access.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "host.hpp"

namespace bw::ui {
namespace {

constexpr std::array<std::pair<Section, const char*>, 11> kSectionParts{{
    {Section::MyWork, "my-work"},     {Section::Inbox, "inbox"},         {Section::Feed, "feed"},
    {Section::Students, "students"},  {Section::Clients, "clients"},     {Section::Issues, "issues"},
    {Section::Employers, "employers"}, {Section::Jobs, "jobs"},          {Section::Matches, "matches"},
    {Section::Reports, "reports"},    {Section::Settings, "settings"},
}};

std::vector<std::string> parts_of(std::string_view address) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : address) {
    if (c == '/') {
      if (!part.empty()) parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) parts.push_back(part);
  return parts;
}

// The record `nav` has open, if its section has records.
const RecordId* record_of(const Nav& n) {
  switch (n.section) {
    case Section::Clients: return n.client.empty() ? nullptr : &n.client;
    case Section::Employers: return n.employer.empty() ? nullptr : &n.employer;
    case Section::Jobs: return n.job.empty() ? nullptr : &n.job;
    case Section::Matches: return n.match.empty() ? nullptr : &n.match;
    default: return nullptr;
  }
}

bool has_tabs(const Nav& n) {
  return n.section == Section::Reports || n.section == Section::Settings ||
         (record_of(n) && n.section != Section::Matches);
}

// Where the address leads for `me`, or why they cannot go there (C5, J3, M6).
std::optional<Nav> nav_for(std::string_view address, const Workspace& ws, const Staff& me, std::string& why) {
  const std::vector<std::string> parts = parts_of(address);
  Nav n;
  if (parts.empty()) return n;  // "#/": the person's start
  bool known = false;
  for (auto& [section, part] : kSectionParts)
    if (parts[0] == part) n.section = section, known = true;
  if (!known) {
    why = "There is no page \"" + parts[0] + "\" in Bridgework.";
    return std::nullopt;
  }
  if (!offered(n.section, me)) {
    why = "That page is not one your role opens.";
    return std::nullopt;
  }
  std::size_t next = 1;
  if (parts.size() > 1 && (n.section == Section::Clients || n.section == Section::Employers ||
                           n.section == Section::Jobs || n.section == Section::Matches)) {
    const RecordId& id = parts[1];
    const LocalSeconds now = host::now();
    const bool found = n.section == Section::Clients     ? ws.find_client(id) && can_see_clients(me)
                       : n.section == Section::Employers ? ws.find_employer(id) != nullptr
                       : n.section == Section::Jobs      ? ws.find_job(id) && visible_to_staff(*ws.find_job(id), me, now)
                                                         : ws.matches.count(id) > 0;
    if (!found) {
      why = "That record is not in this workspace, or is not one you may see.";
      return std::nullopt;
    }
    if (n.section == Section::Clients) n.client = id;
    if (n.section == Section::Employers) n.employer = id;
    if (n.section == Section::Jobs) n.job = id;
    if (n.section == Section::Matches) n.match = id;
    next = 2;
  }
  if (parts.size() > next && has_tabs(n)) n.want_tab = parts[next];
  return n;
}

}  // namespace

std::string address_part(std::string_view label) {
  std::string part;
  for (unsigned char c : label) {
    if (std::isalnum(c)) part += char(std::tolower(c));
    else if (!part.empty() && part.back() != '-') part += '-';
  }
  while (!part.empty() && part.back() == '-') part.pop_back();
  return part;
}

std::string address_of(const Nav& n) {
  std::string address = "/";
  for (auto& [section, part] : kSectionParts)
    if (section == n.section) address += part;
  if (const RecordId* id = record_of(n)) address += "/" + *id;
  const std::string& tab = n.want_tab.empty() ? n.tab : n.want_tab;
  if (has_tabs(n) && !tab.empty()) address += "/" + tab;
  return address;
}

namespace {
std::optional<std::string> g_waiting_link;  // a link that waits for someone to sign in
std::string g_shown;                        // the address last put in the browser's
}  // namespace

void follow_address(const Workspace* ws, const Staff* me) {
  if (auto r = host::take_address_request()) {
    if (r->from_link) g_waiting_link = r->address;
    else if (me && ws) g_waiting_link = r->address;  // Back and Forward, for the person signed in
  }
  if (!me || !ws || !g_waiting_link) return;
  const std::string address = *g_waiting_link;
  g_waiting_link.reset();
  std::string why;
  if (auto n = nav_for(address, *ws, *me, why)) {
    nav() = *n;
    g_shown = address_of(nav());  // the browser is there already
  } else {
    nav().notice = "The address #" + address + " was not opened: " + why;
  }
}

void show_address(const Staff* me) {
  if (!me) {  // the sign-in page: the last person's place is no longer shown
    if (!g_shown.empty() && !g_waiting_link) host::set_address("/", true);
    g_shown.clear();
    return;
  }
  const std::string address = address_of(nav());
  if (address == g_shown) return;
  // The first tab of a newly opened page completes its address; it is not a step of its own.
  Nav page = nav();
  page.tab.clear(), page.want_tab.clear();
  const bool completes = g_shown == address_of(page);
  host::set_address(address, g_shown.empty() || completes);
  g_shown = address;
}

}  // namespace bw::ui
