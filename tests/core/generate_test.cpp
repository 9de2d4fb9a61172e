// The large fictional workspace of `bridgework generate` and the benchmarks:
// the same for a seed, valid through every reader, a board's proportions, and
// every state the screens show.
#include <set>

#include "generate.hpp"
#include "helpers.hpp"
#include "jobs.hpp"
#include "matches.hpp"
#include "plan.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

namespace {
const LocalSeconds kNow = at("2026-11-29T09:00");

// Between lo and hi per `of`, with the figure in the message when it is not.
void per(const char* what, double count, double of, double lo, double hi) {
  const double rate = count / of;
  CHECK_MESSAGE((rate >= lo && rate <= hi), what << ": " << rate << " (" << count << " / " << of << "), wanted " << lo
                                                   << " to " << hi);
}
}  // namespace

TEST_CASE("Generator: the same seed makes the same workspace, another seed another") {
  const Generated a = generate_workspace(150, 7, "gen7", kNow), b = generate_workspace(150, 7, "gen7", kNow);
  const Generated c = generate_workspace(150, 8, "gen7", kNow);
  CHECK_MESSAGE(a.refused == 0, a.first_refusal);
  CHECK_MESSAGE(c.refused == 0, c.first_refusal);
  const std::string text = encode_backup(a.workspace, kNow);
  CHECK(text == encode_backup(b.workspace, kNow));
  CHECK(text != encode_backup(c.workspace, kNow));
}

TEST_CASE("Generator: every record passes the readers, in a board's proportions and every state, dated up to now") {
  const int n = 600;
  const Generated g = generate_workspace(n, 1, "gen1", kNow);
  REQUIRE_MESSAGE(g.refused == 0, g.first_refusal);
  const Workspace& ws = g.workspace;

  // W4: what a backup of it holds opens again, record for record.
  auto back = decode_backup(encode_backup(ws, kNow));
  REQUIRE(std::holds_alternative<Workspace>(back));
  const Workspace& read = std::get<Workspace>(back);
  CHECK(read.clients.size() == ws.clients.size());
  CHECK(read.contacts.size() == ws.contacts.size());
  CHECK(read.services.size() == ws.services.size());
  CHECK(read.matches.size() == ws.matches.size());
  CHECK(read.audit.size() == ws.audit.size());

  // Per 1,000 clients: 400 employers, 600 establishments, 1,800 jobs, 4,500
  // matches, 650 hires, 11,000 contacts, 19,000 services, 1,800 comments.
  CHECK(ws.clients.size() == size_t(n));
  CHECK(ws.employers.size() == size_t(n * 2 / 5));
  per("establishments per employer", double(ws.establishments.size()), double(ws.employers.size()), 1.3, 1.7);
  per("jobs per employer", double(ws.jobs.size()), double(ws.employers.size()), 3.0, 6.0);
  per("matches per job", double(ws.matches.size()), double(ws.jobs.size()), 1.8, 3.2);
  per("hires per match", double(ws.hires.size()), double(ws.matches.size()), 0.1, 0.22);
  per("contacts per client", double(ws.contacts.size()), n, 8, 14);
  per("services per client", double(ws.services.size()), n, 14, 26);
  per("comments per client", double(ws.comments.size()), n, 1.2, 2.4);
  per("issues per client", double(ws.issues.size()), n, 0.05, 0.2);

  // C2: caseloads of the active case staff, about 40 to 150 active clients each.
  std::map<RecordId, int> caseload;
  for (const auto& [id, c] : ws.clients)
    if (is_active(c)) ++caseload[c.primary_contact];
  int case_staff = 0;
  for (const auto& [id, s] : ws.staff)
    if (s.active && (s.role == Role::EmploymentReadinessSpecialist || s.role == Role::AcademicCareerAdvisor)) {
      ++case_staff;
      const int held = caseload[id];
      const std::string name = s.name;
      CHECK_MESSAGE((held >= 25 && held <= 200), name << " holds " << held);
    }
  CHECK(case_staff >= 4);

  // Every state a screen shows.
  std::set<MatchStage> stages;
  for (const auto& [id, m] : ws.matches) stages.insert(m.stage);
  CHECK(stages.size() == kMatchStages.size());
  std::set<JobStatus> statuses;
  for (const auto& [id, j] : ws.jobs) statuses.insert(job_status(j, kNow));
  CHECK(statuses.size() == 3);
  int open = 0, escalated = 0, exited = 0, youth = 0, current = 0, ended = 0, complete = 0, untriaged = 0;
  for (const auto& [id, i] : ws.issues) open += !i.closed_at, escalated += i.owner_escalated_to_2.has_value();
  for (const auto& [id, c] : ws.clients) exited += !is_active(c), youth += is_youth(c);
  for (const auto& [id, a] : ws.activities) current += is_current(a), ended += !is_current(a);
  for (const auto& [id, h] : ws.hires) complete += hire_complete(h);
  for (const auto& [id, e] : ws.employers) untriaged += !e.triage.has_value();
  CHECK(open > 0);
  CHECK(open < int(ws.issues.size()));
  CHECK(escalated > 0);
  per("exited clients", exited, n, 0.1, 0.35);
  per("youth", youth, n, 0.12, 0.28);
  CHECK(current > 0);
  CHECK(ended > 0);
  CHECK(complete > 0);
  CHECK(complete < int(ws.hires.size()));
  CHECK(untriaged > 0);
  CHECK(std::any_of(ws.staff.begin(), ws.staff.end(), [](const auto& s) { return !s.second.active; }));  // P3
  // K2, R2: staff read their inboxes (the last two days wait) and exported each past quarter's report.
  int unread = 0;
  for (const auto& [id, note] : ws.notifications) unread += !note.read;
  CHECK(unread > 0);
  per("unread notifications", unread, double(ws.notifications.size()), 0.0, 0.1);
  CHECK(ws.meta.ese_exports.size() >= 3);

  // Dated relative to now: nothing after it, enrolments within two years.
  const auto today = date_of(kNow);
  for (const auto& [id, c] : ws.clients) {
    CHECK(c.enrolled_on <= today);
    CHECK(std::chrono::sys_days{c.enrolled_on} >= std::chrono::sys_days{today} - std::chrono::days{740});
  }
  for (const auto& [id, k] : ws.contacts) CHECK(k.date <= today);
  for (const auto& [id, s] : ws.services) CHECK(s.date <= today);
  for (const auto& [id, e] : ws.audit) CHECK(e.at <= kNow);
}

TEST_CASE("M2, M3: the matches waiting on each person, from the index, are those a look at every match finds") {
  const Generated g = generate_workspace(300, 3, "gen3", kNow);
  REQUIRE_MESSAGE(g.refused == 0, g.first_refusal);
  auto every_match = [](const Workspace& ws, const Staff& s) {  // the rule itself (M2, M3), over all matches
    std::vector<const Match*> out;
    for (auto& [id, m] : ws.matches) {
      const MatchActor a = actor_of(ws, m, s);
      if ((a.job_owner && m.stage == MatchStage::AwaitingApproval && !m.owner_approved_at) ||
          (a.case_manager && ((m.stage == MatchStage::AwaitingApproval && !m.case_manager_approved_at) ||
                              m.stage == MatchStage::SentBack || m.stage == MatchStage::Interested)))
        out.push_back(&m);
    }
    std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->ready_at < b->ready_at; });
    return out;
  };
  auto agree = [&](const Workspace& ws) {
    std::size_t waiting = 0;
    for (auto& entry : ws.staff) {
      const Staff& s = entry.second;
      CAPTURE(s.name);
      const auto found = matches_to_act_on(ws, s);
      CHECK(found == every_match(ws, s));
      waiting += found.size();
    }
    CHECK(waiting > 20);
  };
  agree(g.workspace);
  auto back = decode_backup(encode_backup(g.workspace, kNow));
  REQUIRE(std::holds_alternative<Workspace>(back));
  agree(std::get<Workspace>(back));
}
