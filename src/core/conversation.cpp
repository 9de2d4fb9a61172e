#include "conversation.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "business.hpp"
#include "jobs.hpp"
#include "escalation.hpp"

namespace bw {

using namespace std::chrono;

namespace {
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool id_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

// Ids are the workspace origin, a dash and ten digits (W5).
bool looks_like_id(std::string_view token) {
  const auto dash = token.rfind('-');
  return dash != std::string_view::npos && token.size() - dash - 1 == 10 &&
         std::all_of(token.begin() + dash + 1, token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

template <class Map>
const typename Map::mapped_type* find(const Map& m, const RecordId& id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}
}  // namespace

// [SECTION] Records people talk about
std::string author_name(const Workspace& ws, const RecordId& by) {
  if (const Staff* s = ws.find_staff(by)) return s->name;
  if (const Client* c = ws.find_client(by)) return full_name(*c) + " (job seeker)";
  return "someone no longer in the workspace";
}

std::string issue_subject(const Workspace& ws, const Issue& i) {
  if (const Client* c = ws.find_client(i.client)) return full_name(*c);
  if (const Employer* e = ws.find_employer(i.employer)) return e->legal_name + " (employer)";
  return "(unknown)";
}

std::optional<std::string_view> commentable_kind(const Workspace& ws, const RecordId& id) {
  if (id.empty()) return std::nullopt;
  if (ws.clients.count(id)) return "client";
  if (ws.employers.count(id)) return "employer";
  if (ws.jobs.count(id)) return "job";
  if (ws.matches.count(id)) return "match";
  if (ws.hires.count(id)) return "hire";
  if (ws.issues.count(id)) return "issue";
  return std::nullopt;
}

RecordId subject_of(const Workspace& ws, const RecordId& id) {
  if (auto* c = find(ws.contacts, id)) return c->client;
  if (auto* g = find(ws.goals, id)) return g->client;
  if (auto* a = find(ws.activities, id)) return a->client;
  if (auto* n = find(ws.case_notes, id)) return n->client.empty() ? n->employer : n->client;
  if (auto* e = find(ws.establishments, id)) return e->employer;
  if (auto* c = find(ws.communications, id)) return c->employer;
  if (auto* s = find(ws.services, id)) return s->employer;
  return id;
}

std::string record_title(const Workspace& ws, const RecordId& id) {
  auto employer_name = [&](const RecordId& e) {
    const Employer* x = ws.find_employer(e);
    return x ? x->legal_name : std::string("(unknown)");
  };
  auto client_name = [&](const RecordId& c) {
    const Client* x = ws.find_client(c);
    return x ? full_name(*x) : std::string("(unknown)");
  };
  auto job_title = [&](const RecordId& j) {
    const Job* x = ws.find_job(j);
    return x ? x->title : std::string("(unknown job)");
  };
  if (const Client* c = ws.find_client(id)) return "Client: " + full_name(*c);
  if (const Employer* e = ws.find_employer(id)) return "Employer: " + e->legal_name;
  if (const Job* j = ws.find_job(id)) return "Job: " + j->title + " (" + employer_name(j->employer) + ")";
  if (const Match* m = find(ws.matches, id)) return "Match: " + client_name(m->client) + " for " + job_title(m->job);
  if (const Hire* h = find(ws.hires, id)) {
    const Job* j = ws.find_job(h->job);
    return "Hire: " + client_name(h->client) + " at " + (j ? employer_name(j->employer) : std::string("(unknown)"));
  }
  if (const Issue* i = ws.find_issue(id)) return "Issue about " + issue_subject(ws, *i);
  if (const Staff* s = ws.find_staff(id)) return s->name;
  return "(a record no longer here)";
}

// [SECTION] Comments (K1)
std::variant<Mentions, std::string> parse_mentions(const Workspace& ws, std::string_view text) {
  Mentions out;
  auto add = [](std::vector<RecordId>& list, const RecordId& id) {
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts = i == 0 || !word_char(text[i - 1]);
    if (text[i] == '@' && starts) {
      const Staff* best = nullptr;  // the longest name that fits: "@Ana Lopez" over "@Ana"
      for (auto& [id, s] : ws.staff) {
        const std::size_t end = i + 1 + s.name.size();
        if (!s.active || end > text.size() || !same_ignoring_case(text.substr(i + 1, s.name.size()), s.name)) continue;
        if (end < text.size() && word_char(text[end])) continue;
        if (!best || s.name.size() > best->name.size()) best = &s;
      }
      if (!best) {
        std::size_t end = i + 1;
        while (end < text.size() && word_char(text[end])) ++end;
        return "Nobody called \"" + std::string(text.substr(i, end - i)) +
               "\" works here. Tag a person by their full name, e.g. @" +
               (ws.staff.empty() ? std::string("Priya Raman") : ws.staff.begin()->second.name) + ".";
      }
      add(out.tags, best->id);
      i += best->name.size();
    } else if (text[i] == '#' && starts) {
      std::size_t end = i + 1;
      while (end < text.size() && id_char(text[end])) ++end;
      const std::string token(text.substr(i + 1, end - i - 1));
      if (commentable_kind(ws, token)) add(out.links, token);
      else if (looks_like_id(token)) return "#" + token + " is not a client, employer, job, match, hire or issue here.";
      i = end - 1;
    }
  }
  return out;
}

std::string readable_comment(const Workspace& ws, const std::string& text, const std::vector<RecordId>& links) {
  std::string out = text;
  for (const RecordId& id : links)
    for (std::size_t at = out.find("#" + id); at != std::string::npos; at = out.find("#" + id, at + 1))
      out.replace(at + 1, id.size(), "[" + record_title(ws, id) + "]");
  return out;
}

std::vector<const Comment*> comments_on(const Workspace& ws, const RecordId& record) {
  auto out = records_in(ws.comments, ws.comments_by_record, record);
  std::reverse(out.begin(), out.end());
  return out;
}

bool can_see_comments(const Staff& s) { return s.active && s.role != Role::TrainingProviderStaff; }

std::string_view feed_kind_name(FeedKind k) {
  switch (k) {
    case FeedKind::Mention: return "mention";
    case FeedKind::Comment: return "comment";
    case FeedKind::Update: return "update";
  }
  return "?";
}

std::optional<FeedKind> feed_kind_from(std::string_view name) {
  for (FeedKind k : {FeedKind::Mention, FeedKind::Comment, FeedKind::Update})
    if (feed_kind_name(k) == name) return k;
  return std::nullopt;
}

std::string feed_search_text(const Workspace& ws, const FeedItem& f) {
  const Staff* by = ws.find_staff(f.by);
  return f.text + " " + record_title(ws, f.record) + " " + (by ? by->name : "");
}

Feed feed_of(const Workspace& ws, const Staff& viewer, const FeedFilter& filter) {
  std::vector<FeedItem> items;
  if (!can_see_comments(viewer)) return {};
  std::set<RecordId> seen;  // a comment appears once, as a mention if it names the viewer
  std::set<RecordId> records, people;
  for (const RecordId& t : viewer.following) (ws.find_staff(t) ? people : records).insert(t);
  auto add_comment = [&](const Comment& c) {
    if (!seen.insert(c.id).second) return;
    const bool mention = std::find(c.tags.begin(), c.tags.end(), viewer.id) != c.tags.end();
    items.push_back({mention ? FeedKind::Mention : FeedKind::Comment, c.at, c.by, c.record, c.id, c.text});
  };
  for (auto& [id, c] : ws.comments)
    if (std::find(c.tags.begin(), c.tags.end(), viewer.id) != c.tags.end() || records.count(c.record) || people.count(c.by))
      add_comment(c);
  auto add_update = [&](const AuditEntry& a) {
    if (a.by == viewer.id || a.command == "add_comment" || !seen.insert(a.id).second) return;
    items.push_back({FeedKind::Update, a.at, a.by, subject_of(ws, a.record), a.id, a.summary});
  };
  for (const RecordId& r : records) {
    // A followed client's contacts, plan and notes, or an employer's sites,
    // communications and services, are updates on it too.
    std::vector<RecordId> parts{r};
    auto add_parts = [&](const auto& index) {
      if (auto it = index.find(r); it != index.end()) parts.insert(parts.end(), it->second.begin(), it->second.end());
    };
    add_parts(ws.contacts_by_client), add_parts(ws.goals_by_client), add_parts(ws.activities_by_client);
    add_parts(ws.case_notes_by_client), add_parts(ws.establishments_by_employer);
    add_parts(ws.communications_by_employer), add_parts(ws.services_by_employer);
    for (const RecordId& part : parts)
      for (const AuditEntry* a : records_in(ws.audit, ws.audit_by_record(), part)) add_update(*a);
  }
  if (!people.empty())
    for (auto& [id, a] : ws.audit)
      if (people.count(a.by)) add_update(a);

  const std::string needle = folded(filter.search);
  std::erase_if(items, [&](const FeedItem& f) {
    if (filter.kind && f.kind != *filter.kind) return true;
    if (needle.empty()) return false;
    return folded(feed_search_text(ws, f)).find(needle) == std::string::npos;
  });
  // Ties keep the order found; the source id (which grows with time) breaks them the same way each time.
  auto before = [&](const FeedItem& a, const FeedItem& b) {
    if (a.at != b.at) return filter.oldest_first ? a.at < b.at : a.at > b.at;
    return filter.oldest_first ? a.source < b.source : a.source > b.source;
  };
  Feed out{{}, items.size()};
  const std::size_t keep = std::min(filter.limit, items.size());
  std::partial_sort(items.begin(), items.begin() + keep, items.end(), before);
  items.resize(keep);
  out.items = std::move(items);
  return out;
}

// [SECTION] Alerts (K2)
std::vector<Notification> alerts_for(const Workspace& ws, const Staff& staff, LocalSeconds now) {
  std::vector<Notification> out;
  // Each person's alert is their own record: "<record>:<event>:<person>".
  auto raise = [&](const std::string& event, LocalSeconds at, std::string text, const RecordId& record) {
    RecordId id = record + ":" + event + ":" + staff.id;
    if (!ws.notifications.count(id)) out.push_back({std::move(id), staff.id, at, std::move(text), record, false, {}});
  };
  for (const Issue* i : issues_to_act_on(ws, staff, now)) {
    const EscalationState st = escalation_of(ws, *i, now);
    if (st.level < 2) continue;
    raise("level" + std::to_string(st.level), st.level_since,
          "The issue about " + issue_subject(ws, *i) + " is at level " + std::to_string(st.level) + ": " + st.reason,
          i->id);
  }
  for (const Job* job : records_in(ws.jobs, ws.jobs_by_owner, staff.id)) {  // in id order, as the jobs are
    const Job& j = *job;
    const RecordId& id = j.id;
    const std::string round = std::to_string(j.times_posted);  // each posting expires anew
    if (job_status(j, now) == JobStatus::Expired)
      raise("expired" + round, start_of(year_month_day{sys_days{j.deadline} + days{1}}),
            j.title + " expired after " + display_date(j.deadline) +
                ": confirm with the employer and repost it, or close it (J2).",
            id);
    else if (expiring_soon(j, now))
      raise("expiring" + round, std::max(j.posted_at, start_of(year_month_day{sys_days{j.deadline} - days{2}})),
            j.title + " closes at the end of " + display_date(j.deadline) +
                ": repost it if the employer still needs people (J2).",
            id);
  }
  return out;
}

std::vector<Notification> inbox_of(const Workspace& ws, const Staff& staff, LocalSeconds now) {
  std::vector<Notification> out;
  auto stored = records_in(ws.notifications, ws.notifications_by_staff, staff.id);
  for (auto it = stored.rbegin(); it != stored.rend(); ++it) out.push_back(**it);
  for (Notification& a : alerts_for(ws, staff, now)) out.push_back(std::move(a));
  sort_list(out, [](const Notification& a, const Notification& b) { return a.at > b.at; });
  return out;
}

// [SECTION] Ready email (K2)
namespace {
std::string percent_encoded(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '@') out += char(c);
    else if (c == '\n') out += "%0D%0A";  // mail wants CRLF line ends
    else out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}
}  // namespace

ReadyEmail ready_email(const Workspace& ws, const std::vector<Notification>& told) {
  ReadyEmail e;
  std::vector<const Staff*> people;
  for (const Notification& n : told)
    if (const Staff* s = ws.find_staff(n.to); s && std::find(people.begin(), people.end(), s) == people.end())
      people.push_back(s);
  for (const Staff* s : people) (s->email.empty() ? e.without_address : e.to).push_back(s->email.empty() ? s->name : s->email);
  e.subject = told.size() == 1 ? "Bridgework: " + record_title(ws, told.front().record)
                               : "Bridgework: " + std::to_string(told.size()) + " updates";
  e.body = people.size() == 1 ? "Hello " + people.front()->name + ",\n\n" : "Hello,\n\n";
  for (const Notification& n : told) {
    const Staff* s = ws.find_staff(n.to);
    e.body += (people.size() > 1 && s ? s->name + ": " : std::string()) + n.text + "\n(" + record_title(ws, n.record) +
              ", " + display_datetime(n.at) + ")\n\n";
  }
  e.body += "Open Bridgework (" + ws.meta.name + ") to act on it; your inbox there has the same message.\n";
  std::string to;
  for (const std::string& a : e.to) to += (to.empty() ? "" : ",") + percent_encoded(a);
  e.mailto = "mailto:" + to + "?subject=" + percent_encoded(e.subject) + "&body=" + percent_encoded(e.body);
  return e;
}

}  // namespace bw
