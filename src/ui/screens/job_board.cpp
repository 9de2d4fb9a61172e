// The job board (M6): what a signed-in job seeker sees, on a kiosk or at
// home. Only the jobs on their board and their own matches; no staff screens.
#include "../host.hpp"
#include "../widgets.hpp"
#include "business.hpp"
#include "jobs.hpp"
#include "matches.hpp"
#include "screens.hpp"

namespace bw::ui {
namespace {
// Where a match stands, in the job seeker's words.
const char* seeker_stage(MatchStage s) {
  switch (s) {
    case MatchStage::Interested: return "you said you are interested; your case manager is looking at it";
    case MatchStage::AwaitingApproval: return "your case manager sent it to the job's contact for approval";
    case MatchStage::SentBack: return "your case manager is adding details";
    case MatchStage::WaitingToHearResults: return "sent to the employer; waiting to hear";
    case MatchStage::Hired: return "hired. Congratulations!";
    case MatchStage::NotHired: return "not hired this time";
    case MatchStage::Withdrawn: return "withdrawn";
  }
  return "";
}
}  // namespace

void draw_job_board(const Workspace& ws, const Client& seeker) {
  struct Kept {
    std::string search, message, error;
  };
  auto& [search, message, error] = for_this_person<Kept>();
  const LocalSeconds now = host::now();
  // A kiosk is shared: five minutes without a touch signs the job seeker out.
  constexpr double kIdleSeconds = 300;
  struct Touched {
    double last_touch = ImGui::GetTime();
    RecordId who;
  };
  auto& [last_touch, who] = for_this_person<Touched>();
  const ImGuiIO& io = ImGui::GetIO();
  if (who != seeker.id || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || ImGui::IsAnyMouseDown() ||
      io.InputQueueCharacters.Size > 0 || io.MouseWheel != 0)
    who = seeker.id, last_touch = ImGui::GetTime();
  if (ImGui::GetTime() - last_touch > kIdleSeconds) {
    search.clear(), message.clear(), error.clear();
    host::sign_out();
    return;
  }
  heading("Job board", false);
  ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - px(110));
  if (ImGui::Button("Sign out")) {
    search.clear(), message.clear(), error.clear();
    host::sign_out();
    return;
  }
  ImGui::Spacing();
  ImGui::Text("Welcome, %s.", seeker.first_name.c_str());
  muted("Say which jobs interest you: your case manager adds why you fit and sends it to the employer's contact. "
        "On a shared computer, sign out when you are done (after 5 idle minutes it happens by itself).");
  text_field("##job_search", search, 360, "Search: job title, employer or town");
  const auto jobs = job_board(ws, seeker, now, search);
  ImGui::SameLine();
  muted(std::to_string(jobs.size()) + (jobs.size() == 1 ? " job" : " jobs"));
  if (!message.empty()) good_text(message);
  error_text(error);

  const float mine_height = px(190);
  ImGui::BeginChild("board", ImVec2{0, ImGui::GetContentRegionAvail().y - mine_height});
  if (jobs.empty()) muted(search.empty() ? "No jobs are open for you right now. Check back soon." : "No jobs match your search.");
  const auto matches = matches_of_client(ws, seeker.id);
  for (const Job* j : jobs) {
    ImGui::PushID(j->id.c_str());
    ImGui::Separator();
    const Employer* e = ws.find_employer(j->employer);
    const Establishment* site = ws.find_establishment(j->establishment);
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(j->title.c_str());
    ImGui::PopFont();
    ImGui::TextColored(colour::kMuted, "%s  |  %s  |  applications close %s%s", e ? e->legal_name.c_str() : "",
                       site ? site->address.c_str() : "", display_date(j->deadline).c_str(),
                       j->openings > 1 ? ("  |  " + std::to_string(j->openings) + " openings").c_str() : "");
    if (!j->description.empty()) {
      ImGui::PushTextWrapPos(px(900));
      ImGui::TextUnformatted(j->description.c_str());
      ImGui::PopTextWrapPos();
    }
    const bool interested = std::any_of(matches.begin(), matches.end(),
                                        [&](const Match* m) { return m->job == j->id && !is_closed(m->stage); });
    if (interested) {
      good_text("You said you are interested");
    } else if (primary_button(("I'm interested##" + j->id).c_str())) {
      Outcome o = host::dispatch(MarkInterest{j->id});
      error = o.ok ? "" : o.error.message;
      message = o.ok ? "Thank you. Your case manager will be in touch about " + j->title + "." : "";
    }
    ImGui::PopID();
  }
  ImGui::EndChild();

  subheading("My jobs of interest");
  ImGui::BeginChild("mine", ImVec2{0, 0});
  if (matches.empty()) muted("None yet.");
  for (auto it = matches.rbegin(); it != matches.rend(); ++it) {
    const Match* m = *it;
    const Job* j = ws.find_job(m->job);
    const Employer* e = j ? ws.find_employer(j->employer) : nullptr;
    ImGui::PushID(m->id.c_str());
    ImGui::BulletText("%s at %s: %s", j ? j->title.c_str() : "?", e ? e->legal_name.c_str() : "?", seeker_stage(m->stage));
    if (!is_closed(m->stage) && j) {
      ImGui::SameLine();
      if (confirm_button("No longer interested",
                         "Your interest in " + j->title + " is withdrawn, and your case manager is told. To be "
                         "considered again, say you are interested again while the job is open.",
                         "Withdraw my interest")) {
        Outcome o = host::dispatch(WithdrawInterest{m->id});
        error = o.ok ? "" : o.error.message;
        message = o.ok ? "Withdrawn: " + j->title + "." : "";
      }
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace bw::ui
