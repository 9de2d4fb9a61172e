// Conversation (K1, K2): comments with @person tags and #record links, the
// home feed, alerts that the clock raises, and ready emails.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "workspace.hpp"

namespace bw {

// [SECTION] Records people talk about
// Whom an issue is about (E1): the client's name, or the employer's.
std::string issue_subject(const Workspace& ws, const Issue& i);
// Who made a change or wrote a comment: a staff member's name, or a job
// seeker's ("Tanya Dominguez (job seeker)", M6).
std::string author_name(const Workspace& ws, const RecordId& by);
// K1: a client, employer, job, match, hire or issue; nullopt for anything else.
std::optional<std::string_view> commentable_kind(const Workspace& ws, const RecordId& id);
// The client, employer, job, match, hire or issue a record belongs to: a
// contact, goal, activity or case note its client's; an establishment,
// communication or service its employer's; those six themselves.
RecordId subject_of(const Workspace& ws, const RecordId& id);
// A record or a person as staff read it, e.g. "Job: Medical assistant (Valley Health)".
std::string record_title(const Workspace& ws, const RecordId& id);

// [SECTION] Comments (K1)
struct Mentions {
  std::vector<RecordId> tags;   // staff named with @Full Name
  std::vector<RecordId> links;  // records named with #id
};
// The people and records a comment names, or why it cannot be read. An "@"
// after a letter or digit (an email address) is not a tag; "#" starts a link
// only when a record id follows.
std::variant<Mentions, std::string> parse_mentions(const Workspace& ws, std::string_view text);
// A comment as people read it: each #id shows the record's title in brackets.
std::string readable_comment(const Workspace& ws, const std::string& text, const std::vector<RecordId>& links);
// The comments on a record, newest first.
std::vector<const Comment*> comments_on(const Workspace& ws, const RecordId& record);
// Who may read and write comments: staff other than training-provider staff
// (C5); job seekers see none.
bool can_see_comments(const Staff& s);

// K1: the home feed: comments that tag the person, and comments and updates
// on the records and by the people they follow.
enum class FeedKind { Mention, Comment, Update };
struct FeedItem {
  FeedKind kind;
  LocalSeconds at = 0;
  RecordId by, record, source;  // source: the comment or audit entry
  std::string text;
};
struct FeedFilter {
  std::optional<FeedKind> kind;
  std::string search;        // in the text, the record's title or the author's name
  bool oldest_first = false;
  std::size_t limit = 200;   // the newest (or oldest) this many
};
struct Feed {
  std::vector<FeedItem> items;
  std::size_t total = 0;     // how many matched before the limit
};
Feed feed_of(const Workspace& ws, const Staff& viewer, const FeedFilter& filter);
// What a feed search reads: the text, the record's title and the author's name.
std::string feed_search_text(const Workspace& ws, const FeedItem& f);
std::string_view feed_kind_name(FeedKind k);  // "mention", "comment", "update"
std::optional<FeedKind> feed_kind_from(std::string_view name);

// [SECTION] Alerts (K2)
// What the clock raises for a person: issues they answer for that escalated
// (E3), and their open jobs that expire within two days or expired (J2). An
// alert's id is fixed by its event and person, so marking it read stores it as
// a read notification and it is not raised again.
std::vector<Notification> alerts_for(const Workspace& ws, const Staff& staff, LocalSeconds now);
// The inbox: stored notifications and unread alerts, newest first.
std::vector<Notification> inbox_of(const Workspace& ws, const Staff& staff, LocalSeconds now);

// [SECTION] Ready email (K2): there is no server to send mail.
struct ReadyEmail {
  std::vector<std::string> to;  // addresses of the people told; those without one are left out
  std::vector<std::string> without_address;  // names of those without an email address
  std::string subject, body;
  std::string mailto;  // a mailto: link with the subject and body
};
ReadyEmail ready_email(const Workspace& ws, const std::vector<Notification>& told);

}  // namespace bw
