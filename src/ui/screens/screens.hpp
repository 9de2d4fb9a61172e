// One function per screen; each reads the workspace and emits commands
// through bw::host. Navigation state is shared through `Nav`.
#pragma once
#include <functional>
#include <string>

#include <vector>

#include "commands.hpp"
#include "jobs.hpp"
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
  std::string tab;       // the tab shown, as in the address ("service-plan")
  std::string want_tab;  // a tab an address asked for, until it is shown
  std::string notice;    // why an address was not opened
  void open_client(const RecordId& id) { open(Section::Clients), client = id; }
  void open_employer(const RecordId& id) { open(Section::Employers), employer = id; }
  void open_job(const RecordId& id) { open(Section::Jobs), job = id; }
  void open_match(const RecordId& id) { open(Section::Matches), match = id; }
  // A screen from the sidebar, on its first tab.
  void open(Section s) { *this = Nav{}, section = s; }
};
Nav& nav();
// C5: the sections a staff member's role opens (training-provider staff: their
// students, inbox and settings).
bool offered(Section s, const Staff& me);

// Changes whenever someone signs in or out (src/ui/app.cpp).
int person_epoch();
// A screen's state that belongs to the person signed in (searches, filters,
// selections, drafts, choices, and what is cached for them): made afresh for
// each person, so the next one never inherits it. One T per screen function.
template <class T> T& for_this_person() {
  static T kept;
  static int epoch = person_epoch();
  if (epoch != person_epoch()) kept = T{}, epoch = person_epoch();
  return kept;
}
// Opens the client or employer page an issue is about, on its Issues tab.
inline void open_issue_subject(const Issue& i) {
  if (!i.client.empty()) nav().open_client(i.client);
  else nav().open_employer(i.employer);
  nav().want_tab = "issues";
}

// N5: "Correct" under a case note, contact or comment; the correction is a new
// note (or comment) that refers to it.
void draw_correction(const RecordId& note);

void draw_welcome();
// W3: why this browser may drop the data kept here, in words; "" when it keeps it.
std::string storage_risk();
// P4, C5: an Administrator's backup of the whole workspace, noted in the audit first;
// sealed like the workspace when it is passphrase-locked, unless `plain` (W6).
// Returns why not, or "".
std::string download_backup(const Workspace& ws, bool plain);
// W6: a locked workspace (or a picked locked backup) asks for its passphrase.
void draw_locked();
void draw_sign_in(const Workspace& ws);
void draw_my_work(const Workspace& ws, const Staff& me);
void draw_clients(const Workspace& ws, const Staff& me);
// The Clients screen's rows as `me` sees them now (filters, sort), to print.
std::string printable_clients(const Workspace& ws, const Staff& me);
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
// J2, J3: the jobs in `filter`, sortable; true when the person asked to clear the filters.
bool draw_jobs_table(const Workspace& ws, const Staff& me, const JobFilter& filter, const char* id);
void draw_students(const Workspace& ws, const Staff& me);
void draw_settings(const Workspace& ws, const Staff& me);
void draw_reports(const Workspace& ws, const Staff& me);

}  // namespace bw::ui
