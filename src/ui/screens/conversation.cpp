// Conversation (K1): comments on a record with @person and #record
// completion, the Follow button, and the home feed.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "../host.hpp"
#include "../widgets.hpp"
#include "conversation.hpp"
#include "imgui_stdlib.h"
#include "screens.hpp"

namespace bw::ui {
namespace {

struct Suggestion {
  std::string label, insert;
};

// What "@pri" or "#ana" under the cursor could be: people by name, records by title.
std::vector<Suggestion> suggestions(const Workspace& ws, char sign, const std::string& typed) {
  std::vector<Suggestion> out;
  const std::string needle = folded(typed);
  if (sign == '@') {
    for (auto& [id, s] : ws.staff)
      if (s.active && folded(s.name).find(needle) != std::string::npos) out.push_back({s.name, "@" + s.name + " "});
  } else if (needle.size() >= 2) {
    auto consider = [&](const RecordId& id, const std::string& words) {
      if (out.size() < 8 && folded(words).find(needle) != std::string::npos) out.push_back({record_title(ws, id), "#" + id + " "});
    };
    for (auto& [id, j] : ws.jobs) consider(id, j.title);
    for (auto& [id, e] : ws.employers) consider(id, e.legal_name);
    for (auto& [id, c] : ws.clients) consider(id, c.first_name + " " + c.last_name);
  }
  if (out.size() > 8) out.resize(8);
  return out;
}

struct Draft {
  std::string text, error;
  int cursor = 0;
};

int remember_cursor(ImGuiInputTextCallbackData* data) {
  static_cast<Draft*>(data->UserData)->cursor = data->CursorPos;
  return 0;
}

}  // namespace

void draw_follow_button(const Workspace& ws, const Staff& me, const RecordId& target) {
  if (!can_see_comments(me) || target == me.id) return;
  const bool following = std::find(me.following.begin(), me.following.end(), target) != me.following.end();
  ImGui::PushID(target.c_str());
  if (following ? ImGui::Button("Unfollow") : ImGui::Button("Follow")) {
    if (following) host::dispatch(Unfollow{target});
    else host::dispatch(Follow{target});
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", following ? "Stop seeing its comments and updates in your Feed"
                                      : "See its comments and updates in your Feed (K1)");
  ImGui::PopID();
  (void)ws;
}

void draw_comments(const Workspace& ws, const Staff& me, const RecordId& record) {
  if (!can_see_comments(me)) return;
  struct Kept {
    std::map<RecordId, Draft> drafts;  // a page may show several records' comments
  };
  auto& [drafts] = for_this_person<Kept>();
  Draft& draft = drafts[record];
  ImGui::PushID(("comments" + record).c_str());
  subheading("Comments");
  muted("Type @ and a name to tag a colleague (they are notified), # and a name or title to link a record.");
  ImGui::InputTextMultiline("##comment", &draft.text, ImVec2{px(620), ImGui::GetTextLineHeight() * 3 + px(10)},
                            ImGuiInputTextFlags_CallbackAlways, remember_cursor, &draft);
  // The @ or # word being typed just before the cursor.
  const int cursor = std::min<int>(draft.cursor, int(draft.text.size()));
  int sign_at = -1;
  for (int i = cursor - 1; i >= 0 && cursor - i <= 40 && draft.text[i] != '\n'; --i)
    if ((draft.text[i] == '@' || draft.text[i] == '#') && (i == 0 || !std::isalnum(static_cast<unsigned char>(draft.text[i - 1])))) {
      sign_at = i;
      break;
    }
  if (sign_at >= 0) {
    const std::string typed = draft.text.substr(sign_at + 1, cursor - sign_at - 1);
    const auto options = suggestions(ws, draft.text[sign_at], typed);
    const bool complete = std::any_of(options.begin(), options.end(), [&](const Suggestion& o) {
      return draft.text.compare(sign_at, o.insert.size() - 1, o.insert, 0, o.insert.size() - 1) == 0 &&
             int(o.insert.size()) - 1 <= cursor - sign_at;
    });
    if (!options.empty() && !complete) {
      ImGui::TextColored(colour::kMuted, "Complete with:");
      for (const Suggestion& o : options) {
        // Wrap to a new line rather than run off the window.
        const float width = ImGui::CalcTextSize(o.label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
        if (ImGui::SmallButton(o.label.c_str())) {
          draft.text.replace(sign_at, cursor - sign_at, o.insert);
          draft.cursor = sign_at + int(o.insert.size());
        }
      }
    }
  }
  if (primary_button("Add comment")) {
    Outcome o = host::dispatch(AddComment{record, draft.text});
    draft.error = o.ok ? "" : o.error.message;
    if (o.ok) draft.text.clear(), draft.cursor = 0;
  }
  error_text(draft.error);
  const auto list = comments_on(ws, record);
  if (list.empty()) muted("No comments yet.");
  for (const Comment* c : list) {
    ImGui::PushID(c->id.c_str());
    ImGui::Separator();
    ImGui::TextColored(colour::kMuted, "%s, %s%s", author_name(ws, c->by).c_str(), display_datetime(c->at).c_str(),
                       c->corrects.empty() ? "" : "  (a correction)");
    ImGui::PushTextWrapPos(px(780));
    ImGui::TextUnformatted(readable_comment(ws, c->text, c->links).c_str());
    ImGui::PopTextWrapPos();
    if (c->by == me.id) draw_correction(c->id);
    for (const RecordId& l : c->links) {
      if (ImGui::SmallButton(("Open " + record_title(ws, l) + "##" + l).c_str())) open_record(ws, l);
      ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopID();
  }
  ImGui::PopID();
}

void draw_correction(const RecordId& note) {
  struct Kept {
    RecordId open;
    std::string text, error;
  };
  auto& [open, text, error] = for_this_person<Kept>();
  if (open != note) {
    if (ImGui::SmallButton("Correct")) open = note, text.clear(), error.clear();
    return;
  }
  muted("Notes are never changed (N5): the correction is a new note that refers to this one.");
  text_field("Correction", text, 480, "what was wrong, and what is right");
  ImGui::SameLine();
  if (submit_button("Save correction")) {
    Outcome o = host::dispatch(CorrectNote{note, text});
    error = o.ok ? "" : o.error.message;
    if (o.ok) open.clear();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) open.clear(), error.clear();
  error_text(error);
}

void draw_feed(const Workspace& ws, const Staff& me) {
  heading("Feed");
  muted("Comments that tag you, and comments and updates on the records and people you follow (K1).");
  struct Kept {
    int kind = 0;  // 0 all, then mentions, comments, updates
    bool oldest_first = false;
    std::string search;
  };
  auto& [kind, oldest_first, search] = for_this_person<Kept>();
  const char* kinds[] = {"All", "Mentions of me", "Comments", "Updates"};
  for (int i = 0; i < 4; ++i) {
    if (i) same_line_if_box_fits(kinds[i]);
    ImGui::RadioButton(kinds[i], &kind, i);
  }
  same_line_if_room(240);
  text_field("##feed_search", search, 240, "Search the feed");
  same_line_if_box_fits("Oldest first");
  ImGui::Checkbox("Oldest first", &oldest_first);

  // Computed again only when something changed: following people means reading the audit trail.
  // A search then reads the kept items' texts (SearchIndex; the first search of a
  // long feed a part each frame, while the items shown stay), and what it found is
  // made ready to show a page at a time: who, on what, and the text with its links in words.
  struct Shown {
    FeedKind kind;
    std::string by, at, title, text;
    RecordId record, source;
  };
  static constexpr std::size_t kPage = 50;
  const std::size_t limit = FeedFilter{}.limit;  // shown, as the feed query gives them
  struct Cached {
    std::tuple<std::uint64_t, int, bool> key{0, 0, false};
    std::vector<FeedItem> all;  // of this kind, newest (or oldest) first
    SearchIndex index;
    std::optional<std::string> searched;  // what `found` answers
    std::size_t total = 0;
    std::vector<std::uint32_t> found;  // of `all`: the first `limit` the search found
    std::vector<Shown> items;  // the first of `found`, made ready to show as far as shown
    std::vector<float> heights;  // of each item, as last drawn
    std::size_t shown = kPage;  // a page at a time, so that a long feed costs no more to draw than a short one
  };
  Cached& cached = for_this_person<Cached>();  // named references: a lambda below uses them
  auto& items = cached.items;
  auto& heights = cached.heights;
  std::size_t &total = cached.total, &shown = cached.shown;
  if (auto now_key = std::tuple{ws.change, kind, oldest_first}; now_key != cached.key) {
    cached.key = now_key;
    FeedFilter filter{std::nullopt, "", oldest_first, std::numeric_limits<std::size_t>::max()};
    if (kind > 0) filter.kind = FeedKind(kind - 1);
    cached.all = feed_of(ws, me, filter).items;
    cached.index.reset(cached.all.size());
    cached.searched.reset();
    cached.found.clear();  // they point into the items just replaced; those shown stay until the search answers
  }
  const auto* found = cached.searched == search ? nullptr
                      : cached.index.find(search, [&](std::size_t i) { return feed_search_text(ws, cached.all[i]); }, 8.0);
  if (cached.searched != search && !found) draw_again();
  if (found) {
    cached.searched = search;
    total = found->size();
    cached.found.assign(found->begin(), found->begin() + std::min(total, limit));
    items.clear();
    heights.clear();
  }
  while (items.size() < std::min(shown, cached.found.size())) {
    const FeedItem& f = cached.all[cached.found[items.size()]];
    const auto c = ws.comments.find(f.source);
    items.push_back({f.kind, author_name(ws, f.by), display_datetime(f.at), record_title(ws, f.record),
                     c != ws.comments.end() ? readable_comment(ws, c->second.text, c->second.links) : f.text, f.record,
                     f.source});
  }

  const float side = px(300);
  // Beside the list of who is followed; on a narrow screen that list is to be scrolled to.
  ImGui::BeginChild("feed_items", ImVec2{std::max(ImGui::GetContentRegionAvail().x - side - px(16), px(420)), 0});
  if (cached.searched != search)
    muted("Searching " + std::to_string(cached.all.size()) + " items... " + std::to_string(int(cached.index.made() * 100)) + "%");
  else if (!search.empty())
    rows_shown(total, cached.all.size(), "items");
  if (cached.searched == search && total > cached.found.size())
    muted("The " + std::string(oldest_first ? "oldest " : "newest ") + std::to_string(cached.found.size()) + " of " +
          std::to_string(total) + ". Search or filter to find others.");
  if (items.empty() && cached.searched == search) muted(me.following.empty() ? "Nothing yet. Follow a client, employer, job or colleague to see their updates here."
                                                : "Nothing matches.");
  rows_in_view(heights, std::min(shown, items.size()), [&](std::size_t k) {
    const Shown& f = items[k];
    ImGui::PushID(f.source.c_str());
    ImGui::Separator();
    const ImVec4 badge = f.kind == FeedKind::Mention ? colour::kAccent : colour::kMuted;
    ImGui::TextColored(badge, "%s", f.kind == FeedKind::Mention ? "Mentions you" : f.kind == FeedKind::Comment ? "Comment" : "Update");
    ImGui::SameLine();
    ImGui::TextColored(colour::kMuted, "%s, %s on", f.by.c_str(), f.at.c_str());
    same_line_if_fits(f.title.c_str());
    if (ImGui::SmallButton(f.title.c_str())) open_record(ws, f.record);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(f.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  });
  if (cached.found.size() > shown) {
    ImGui::Separator();
    muted("Showing " + std::to_string(shown) + " of these " + std::to_string(cached.found.size()) + ".");
    ImGui::SameLine();
    if (ImGui::SmallButton("Show more")) shown += kPage;
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("following", ImVec2{side, 0});
  subheading("Following");
  if (me.following.empty()) muted("Nobody and nothing yet. Use Follow on a record's page.");
  const std::vector<RecordId> following = me.following;  // a click below changes the list
  for (const RecordId& t : following) {
    ImGui::PushID(t.c_str());
    if (ImGui::SmallButton("Unfollow")) host::dispatch(Unfollow{t});
    ImGui::SameLine();
    ImGui::TextWrapped("%s", record_title(ws, t).c_str());
    ImGui::PopID();
  }
  ImGui::Spacing();
  muted("Follow a colleague:");
  if (begin_combo("##follow_colleague", "Choose...", 280)) {
    for (auto& [id, s] : ws.staff)
      if (s.active && id != me.id && std::find(me.following.begin(), me.following.end(), id) == me.following.end() &&
          ImGui::Selectable((s.name + "##" + id).c_str()))
        host::dispatch(Follow{id});
    ImGui::EndCombo();
  }
  ImGui::EndChild();
}

}  // namespace bw::ui
