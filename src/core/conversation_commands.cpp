// Comments, following and the inbox (K1, K2): each command's handler next to the rules it applies, and its row in
// the command table (commands.cpp reads the rows).
#include <algorithm>

#include "command_rows.hpp"
#include "conversation.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Conversation : Change {
  // [SECTION] Conversation (K1)
  Outcome operator()(const AddComment& c) {
    if (!can_see_comments(*actor))
      return refuse("not_allowed", "Training-provider staff do not see or write the case staff's comments (C5).");
    if (!commentable_kind(ws, c.record))
      return refuse("not_found", "Comments go on a client, employer, job, match, hire or issue.");
    if (trimmed(c.text).empty()) return refuse("missing_field", "Write the comment.");
    auto parsed = parse_mentions(ws, c.text);
    if (auto* why = std::get_if<std::string>(&parsed)) return refuse("invalid_field", *why);
    Mentions& named = std::get<Mentions>(parsed);
    Comment k{ws.new_id(), c.record, actor->id, ctx.now, c.text, std::move(named.tags), std::move(named.links), {}};
    const std::string title = record_title(ws, c.record);
    Outcome o = done_about(c.record, "Commented on " + title);
    o.id = k.id;
    o.touched.push_back(k.id);
    const std::string said = readable_comment(ws, c.text, k.links);
    for (const RecordId& tagged : k.tags)
      notify(o, tagged, actor->name + " mentioned you on " + title + ": " + said, c.record);
    ws.add_comment(std::move(k));
    return o;
  }

  // Following is the person's own preference: it leaves no audit entry.
  Outcome operator()(const Follow& c) {
    if (!can_see_comments(*actor)) return refuse("not_allowed", "Training-provider staff have no feed (C5).");
    if (!commentable_kind(ws, c.target) && !ws.find_staff(c.target))
      return refuse("not_found", "Follow a client, employer, job, match, hire, issue or staff member.");
    if (c.target == actor->id) return refuse("invalid_field", "Your own updates are already yours.");
    Staff& me = ws.staff.at(actor->id);
    if (std::find(me.following.begin(), me.following.end(), c.target) != me.following.end())
      return refuse("duplicate", "You already follow " + record_title(ws, c.target) + ".");
    me.following.push_back(c.target);
    stamp(me.revision);
    return Outcome{true, c.target, {}, {}, {me.id}};
  }

  Outcome operator()(const Unfollow& c) {
    Staff& me = ws.staff.at(actor->id);
    auto it = std::find(me.following.begin(), me.following.end(), c.target);
    if (it == me.following.end()) return refuse("not_found", "You do not follow that.");
    me.following.erase(it);
    stamp(me.revision);
    return Outcome{true, c.target, {}, {}, {me.id}};
  }

  Outcome operator()(const MarkRead& c) {
    Outcome o{true, c.notification, {}, {}, {}};
    // K2: an alert the clock raised is stored once read, so it is not raised again.
    std::vector<Notification> alerts = alerts_for(ws, *actor, ctx.now);
    if (!c.notification.empty()) {
      auto it = ws.notifications.find(c.notification);
      const bool alert = std::any_of(alerts.begin(), alerts.end(), [&](auto& a) { return a.id == c.notification; });
      if (!alert && (it == ws.notifications.end() || it->second.to != actor->id))
        return refuse("not_found", "No such notification of yours.");
    }
    for (Notification& a : alerts)
      if (c.notification.empty() || a.id == c.notification) {
        a.read = true;
        o.touched.push_back(a.id);
        ws.add_notification(std::move(a));
      }
    if (auto it = ws.notifications_by_staff.find(actor->id); it != ws.notifications_by_staff.end())
      for (const RecordId& id : it->second) {
        Notification& n = ws.notifications.at(id);
        if (!n.read && (c.notification.empty() || id == c.notification)) {
          n.read = true;
          o.touched.push_back(id);
        }
      }
    return o;  // reading leaves no audit entry: it changes nothing of the case
  }
};

}  // namespace

std::vector<CommandRow> conversation_commands() {
  using T = FieldType;
  return {
      row<AddComment, Conversation>(
          {"add_comment",
           "K1",
           "Comment on a client, employer, job, match, hire or issue (K1). @Full Name tags a person, who is "
           "notified; #id links a record. Staff other than training-provider staff.",
           {{"record", T::Id, true, "the record commented on"}, {"text", T::Text, true, "the comment"}}},
          [](const json& j) {
            return AddComment{text(j, "record"), text(j, "text")};
          }),
      row<Follow, Conversation>(
          {"follow",
           "K1",
           "Follow a record or a person: their comments and updates reach your feed (K1).",
           {{"target", T::Id, true, "a client, employer, job, match, hire, issue or staff member"}}},
          [](const json& j) { return Follow{text(j, "target")}; }),
      row<Unfollow, Conversation>(
          {"unfollow", "K1", "Stop following a record or a person (K1).", {{"target", T::Id, true, "what you follow"}}},
          [](const json& j) { return Unfollow{text(j, "target")}; }),
      row<MarkRead, Conversation>({"mark_read",
                                   "",
                                   "Mark a notification read, or all of yours.",
                                   {{"notification", T::Id, false, "the notification; all of yours when left out"}}},
                                  [](const json& j) { return MarkRead{text(j, "notification")}; }),
  };
}

}  // namespace bw
