// Comments, the feed and the inbox (K1, K2): the read models JavaScript asks for by name, with who may ask
// (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "conversation.hpp"
#include "query_rows.hpp"
#include "storage.hpp"

namespace bw {

namespace {

json notification_json(const Workspace& ws, const Notification& n) {
  json j = to_json(n);
  j["record_title"] = record_title(ws, n.record);
  return j;
}

json comment_json(const Workspace& ws, const Comment& c) {
  json j = to_json(c);
  j["by_name"] = author_name(ws, c.by);
  j["record_title"] = record_title(ws, c.record);
  json tags = json::array(), links = json::array();
  for (const RecordId& t : c.tags) tags.push_back(Fields()("staff", t)("name", record_title(ws, t)));
  for (const RecordId& l : c.links) links.push_back(Fields()("record", l)("title", record_title(ws, l)));
  j["tags"] = tags;
  j["links"] = links;
  return j;
}

json comments_answer(const Asker& a, const json& args, std::string_view name) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  json out = json::array();
  if (name == "comments") {
    const std::string record = arg(args, "record");
    if (!commentable_kind(ws, record))
      return failure("not_found", "No such client, employer, job, match, hire or issue.");
    for (const Comment* c : comments_on(ws, record)) out.push_back(comment_json(ws, *c));
  } else if (name == "following") {
    for (const RecordId& t : viewer->following)
      out.push_back(Fields()("target", t)("title", record_title(ws, t))("person", ws.find_staff(t) != nullptr));
  } else {
    FeedFilter filter{std::nullopt, arg(args, "search"), args.is_object() && args.value("oldest_first", false)};
    if (args.is_object() && args.contains("limit")) {
      if (!args["limit"].is_number_integer() || args["limit"].get<int>() < 1)
        return failure("invalid_field", "\"limit\" is a whole number of items, 1 or more.");
      filter.limit = args["limit"].get<std::size_t>();
    }
    if (const std::string k = arg(args, "kind"); !k.empty()) {
      filter.kind = feed_kind_from(k);
      if (!filter.kind)
        return failure("invalid_field", "\"" + k + "\" is not a feed kind (mention, comment or update).");
    }
    for (const FeedItem& f : feed_of(ws, *viewer, filter).items) {
      out.push_back(Fields()("kind", feed_kind_name(f.kind))("at", format_iso(f.at))("by", f.by)
          ("by_name", author_name(ws, f.by))("record", f.record)("record_title", record_title(ws, f.record))
          ("source", f.source)("text", f.text));
    }
  }
  return success(out);
}

json notifications_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  const bool unread_only = args.is_object() && args.value("unread_only", false);
  json out = json::array();
  for (const Notification& n : inbox_of(ws, *viewer, now))
    if (!unread_only || !n.read) out.push_back(notification_json(ws, n));
  return success(out);
}

json ready_email_answer(const Asker& a, const json& args) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  std::vector<Notification> told;
  const bool listed = args.is_object() && args.contains("notifications") && args["notifications"].is_array();
  if (!listed || args["notifications"].empty())
    return failure("missing_field", "Name the notifications to put in the email.");
  const std::vector<Notification> inbox = inbox_of(ws, *viewer, now);
  for (const json& id : args["notifications"]) {
    const std::string wanted = id.is_string() ? id.get<std::string>() : "";
    auto mine = std::find_if(inbox.begin(), inbox.end(), [&](const Notification& n) { return n.id == wanted; });
    auto sent = ws.notifications.find(wanted);  // or one this person's action sent to someone else
    if (mine != inbox.end())
      told.push_back(*mine);
    else if (sent != ws.notifications.end() && can_see_comments(*viewer) && sent->second.from == viewer->id)
      told.push_back(sent->second);
    else
      return failure("not_found", "No such notification of yours, or sent by you.");
  }
  const ReadyEmail e = ready_email(ws, told);
  return success(Fields()("to", e.to)("without_address", e.without_address)("subject", e.subject)("body", e.body)
      ("mailto", e.mailto));
}

}  // namespace

std::vector<QueryRow> conversation_queries() {
  using A = Audience;
  return {
      {"comments",
       Fields()("record", "client, employer, job, match, hire or issue id"),
       "Comments on a record, newest first, with tags and links (K1).",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return comments_answer(a, args, "comments"); }},
      {"feed",
       Fields()("kind", "optional: mention, comment or update")("search", "optional text")
           ("oldest_first", "optional boolean")("limit", "optional number, 200 by default"),
       "The signed-in person's home feed (K1): comments that tag them, comments and updates on what they follow; the "
       "newest (or oldest) `limit` items.",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return comments_answer(a, args, "feed"); }},
      {"following", json::object(), "The records and people the signed-in person follows (K1).", A::CaseStaff,
       [](const Asker& a, const json& args) { return comments_answer(a, args, "following"); }},
      {"notifications",
       Fields()("unread_only", "optional boolean"),
       "The signed-in person's inbox, newest first: notifications, and alerts the clock raised (escalated issues, "
       "expiring and expired jobs) (K2).",
       A::Staff,
       notifications_answer},
      {"ready_email",
       Fields()("notifications", "list of notification ids: yours, or sent by your action"),
       "A ready email for those notifications: to, subject, body and a mailto link (K2).",
       A::Staff,
       ready_email_answer},
  };
}

}  // namespace bw
