// One function per screen; each reads the workspace and emits commands
// through bw::host. Navigation state is shared through `Nav`.
#pragma once
#include <functional>
#include <string>

#include <vector>

#include "commands.hpp"
#include "model.hpp"
#include "workspace.hpp"

namespace bw::ui {

enum class Section { MyWork, Inbox, Feed, Students, Clients, Issues, Employers, Jobs, Matches, Reports, Settings };

struct Nav {
  Section section = Section::MyWork;
  RecordId client;    // a client page is open when set
  RecordId employer;  // an employer page
  RecordId job;       // a job page
  RecordId match;     // a match page
  void open_client(const RecordId& id) { section = Section::Clients; client = id; }
  void open_employer(const RecordId& id) { section = Section::Employers; employer = id; }
  void open_job(const RecordId& id) { section = Section::Jobs; job = id; }
  void open_match(const RecordId& id) { section = Section::Matches; match = id; }
};
Nav& nav();
// Opens the client or employer page an issue is about.
inline void open_issue_subject(const Issue& i) {
  if (!i.client.empty()) nav().open_client(i.client);
  else nav().open_employer(i.employer);
}

void draw_welcome();
void draw_sign_in(const Workspace& ws);
void draw_my_work(const Workspace& ws, const Staff& me);
void draw_clients(const Workspace& ws, const Staff& me);
void draw_client(const Workspace& ws, const Staff& me, const Client& client);
void draw_service_plan(const Workspace& ws, const Staff& me, const Client& client);
// N3: the review of current activities in the contact form; `reviews` gets
// what was decided. `start_over` forgets earlier answers.
void draw_activity_review(const Workspace& ws, const Client& client, std::vector<ActivityReview>& reviews,
                          bool start_over);
void draw_issues_overview(const Workspace& ws, const Staff& me);
void draw_employers(const Workspace& ws, const Staff& me);
void draw_jobs(const Workspace& ws, const Staff& me);
void draw_matches(const Workspace& ws, const Staff& me);
void draw_inbox(const Workspace& ws, const Staff& me);
int unread_count(const Workspace& ws, const Staff& staff);  // K2: shown in the sidebar
// K2: "Told in their inbox: ..." with a ready email, after a change notified others.
void draw_told_banner(const Workspace& ws);
// Opens the page of a record (a hire opens its match).
void open_record(const Workspace& ws, const RecordId& id);
// K1: a record's comments, newest first, with the box to add one (@ and #
// complete names and records); and the Follow / Unfollow button.
void draw_comments(const Workspace& ws, const Staff& me, const RecordId& record);
void draw_follow_button(const Workspace& ws, const Staff& me, const RecordId& target);
void draw_feed(const Workspace& ws, const Staff& me);
// M6: the job seeker's whole view: their job board and their matches.
void draw_job_board(const Workspace& ws, const Client& seeker);
void draw_referral(const Workspace& ws, const Staff& me, const Job& job);  // M1, on the job page
// The jobs `me` may see (J3) that `keep` accepts; a row opens the job.
void draw_jobs_table(const Workspace& ws, const Staff& me, const std::function<bool(const Job&)>& keep, const char* id);
void draw_students(const Workspace& ws, const Staff& me);
void draw_settings(const Workspace& ws, const Staff& me);
void draw_reports(const Workspace& ws, const Staff& me);

}  // namespace bw::ui
