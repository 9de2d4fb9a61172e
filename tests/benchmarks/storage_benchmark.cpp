// Prints what saving and loading cost at 100,000+ records (W1). Run by
// `./dev bench` (see README). Figures, not assertions.
#include <chrono>
#include <cstdio>
#include <map>
#include <tuple>

#include <fstream>

#include "queries.hpp"
#include "performance.hpp"
#include "report.hpp"
#include "setup.hpp"
#include "storage.hpp"
#include "integrity.hpp"

using namespace bw;
using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
  const int clients = argc > 1 ? std::atoi(argv[1]) : 100000;
  const LocalSeconds now = *parse_iso("2026-11-22T09:00");
  NewWorkspace demo = create_demo_workspace("bench", now);
  Workspace ws = std::move(demo.workspace);
  RecordId ers, provider;
  for (auto& [id, s] : ws.staff)
    if (s.role == Role::EmploymentReadinessSpecialist && s.active) { ers = id; provider = s.organisation; }

  auto t = Clock::now();
  for (int i = 0; i < clients; ++i) {
    EnrolClient c{"Client" + std::to_string(i), "Benchmark", "1985-03-04", "c@example.org",
                  "(559) 555-0100", {Program::WioaAdult}, provider, ers, "2026-01-15"};
    apply(ws, c, Context{ers, now});
  }
  std::printf("apply %d enrol_client:      %.0f ms\n", clients, ms_since(t));
  // R1: as many services to employers, spread over the demo's establishments.
  RecordId bsr;
  for (auto& [id, s] : ws.staff)
    if (s.role == Role::BusinessServicesRepresentative && s.organisation == provider) bsr = id;
  std::vector<RecordId> sites;
  for (auto& [id, e] : ws.establishments)
    if (ws.employers.at(e.employer).kind == EmployerKind::DirectEmployer) sites.push_back(id);
  t = Clock::now();
  for (int i = 0; i < clients; ++i) {
    const std::string day = format_iso_date(std::chrono::sys_days{*parse_iso_date("2026-11-21")} - std::chrono::days{i % 1000});
    apply(ws, LogService{sites[i % sites.size()], day, "Hiring event", bsr, Program::WioaAdult, "Hired 2"}, Context{bsr, now});
  }
  std::printf("apply %d log_service:       %.0f ms\n", clients, ms_since(t));
  const size_t records = ws.clients.size() + ws.services.size() + ws.contacts.size() + ws.case_notes.size() +
                         ws.staff.size() + ws.organisations.size() + ws.audit.size();
  std::printf("records in workspace:            %zu (%d clients, %d services, audit entries)\n", records, clients, clients);

  // K1: a conversation at scale: a comment tagging the BSR on every tenth client, and a
  // Manager who follows the ERS (their feed reads the whole audit trail).
  RecordId manager, some_client;
  for (auto& [id, s] : ws.staff)
    if (s.role == Role::Manager && s.organisation == provider) manager = id;
  const std::string tag = "@" + ws.staff.at(bsr).name + " can you find this client a warehouse job?";
  t = Clock::now();
  int comments = 0;
  for (auto& [id, c] : ws.clients)
    if (c.last_name == "Benchmark" && comments++ % 10 == 0) apply(ws, AddComment{id, tag}, Context{ers, now}), some_client = id;
  std::printf("apply %d add_comment (tagged):  %.0f ms\n", (comments + 9) / 10, ms_since(t));
  apply(ws, Follow{ers}, Context{manager, now});

  // What the screens and window.bridgework ask for, at this size.
  for (auto [name, args, who] : {std::tuple{"caseload_month", json{{"staff", ers}}, ers},
                                 std::tuple{"issues_overview", json::object(), ers},
                                 std::tuple{"employers", json::object(), bsr},
                                 std::tuple{"jobs", json{{"view", "all"}}, bsr},
                                 std::tuple{"services", json{{"from", "2026-10-01"}, {"to", "2026-12-31"}}, bsr},
                                 std::tuple{"notifications", json::object(), bsr},
                                 std::tuple{"feed", json::object(), manager},
                                 std::tuple{"job_board", json{{"client", some_client}}, ers}}) {
    t = Clock::now();
    const json r = query(ws, name, args, who, now);
    std::printf("query %-16s           %.0f ms (%zu rows)\n", name, ms_since(t),
                r["result"].is_array() ? r["result"].size() : r["result"].value("rows", json::array()).size());
  }

  // R2: the quarter's ESE files at this size (the Reports screen and the CLI run the same code).
  t = Clock::now();
  const EseFiles ese = ese_files({{&ws, {}}}, {2026, 2}, 412000);
  std::printf("ESE export PY2026 Q2:            %.0f ms (%lld services in the quarter, %zu KB detail)\n", ms_since(t),
              ese.services, ese.detail.size() / 1024);
  // R4: the quarter's performance standards for everyone (the Reports screen computes them once per change).
  t = Clock::now();
  const auto standards = performance(ws, first_day({2026, 2}), last_day({2026, 2}), now);
  std::printf("performance standards PY2026 Q2: %.0f ms (%zu staff)\n", ms_since(t), standards.size());
  if (argc > 2) {  // a backup for the command-line tool's figure (./dev bench)
    t = Clock::now();
    const std::string backup = encode_backup(ws, now);
    std::ofstream(argv[2], std::ios::binary) << backup;
    std::printf("backup file written:             %.0f ms, %.1f MB\n", ms_since(t), backup.size() / 1048576.0);
  }

  t = Clock::now();
  WorkspaceStore store(std::move(ws), false);
  std::map<int, std::string> db;
  std::string meta;
  size_t bytes = 0;
  auto batch = store.next_batch();
  for (auto& [k, v] : batch->buckets) { bytes += v.size(); db[k] = std::move(v); }
  meta = batch->meta;
  store.batch_committed();
  std::printf("encode whole workspace:          %.0f ms, %zu buckets, %.1f MB\n", ms_since(t),
              db.size(), bytes / 1e6);

  t = Clock::now();
  Workspace loaded = std::get<Workspace>(decode_meta(meta));
  for (auto& [k, v] : db) decode_bucket(loaded, v);
  std::printf("decode whole workspace (load):   %.0f ms, then as the page's load ends:\n", ms_since(t));
  t = Clock::now();
  loaded.place_records_read();  // check_integrity's first step
  std::printf("  records read put in place:     %.0f ms\n", ms_since(t));
  t = Clock::now();
  if (auto e = check_integrity(loaded)) std::printf("  refused: %s\n", e->message.c_str());
  std::printf("  the rest of check_integrity:   %.0f ms\n", ms_since(t));

  t = Clock::now();
  WorkspaceStore reloaded(std::move(loaded), true);
  std::printf("index loaded workspace:          %.0f ms\n", ms_since(t));

  const int changes = 200;
  size_t change_bytes = 0, change_buckets = 0;
  t = Clock::now();
  for (int i = 0; i < changes; ++i) {
    EnrolClient c{"Extra" + std::to_string(i), "Benchmark", "1985-03-04", "", "", {Program::WioaAdult}, provider, ers, ""};
    reloaded.dispatch(c, Context{ers, now});
    auto b = reloaded.next_batch();
    change_buckets += b->buckets.size();
    for (auto& [k, v] : b->buckets) change_bytes += v.size();
    reloaded.batch_committed();
  }
  std::printf("one change -> its save batch:    %.2f ms, %.1f buckets, %.0f KB (mean of %d)\n",
              ms_since(t) / changes, double(change_buckets) / changes,
              change_bytes / 1e3 / changes, changes);
  return 0;
}
