// One function per screen; each reads the workspace and emits commands
// through bw::host. Navigation state is shared through `Nav`.
#pragma once
#include <string>

#include <vector>

#include "commands.hpp"
#include "model.hpp"
#include "workspace.hpp"

namespace bw::ui {

enum class Section { MyWork, Students, Clients, Issues, Employers, Jobs, Matches, Reports, Settings };

struct Nav {
  Section section = Section::MyWork;
  RecordId client;  // a client page is open when set
  void open_client(const RecordId& id) { section = Section::Clients; client = id; }
};
Nav& nav();

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
void draw_students(const Workspace& ws, const Staff& me);
void draw_settings(const Workspace& ws, const Staff& me);
void draw_not_yet_built(Section section);

}  // namespace bw::ui
