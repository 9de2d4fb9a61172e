// bridgework: the command-line tool. Makes the quarterly ESE files (R2) from
// one or more workspace backup files, with the same code as the browser, so a
// board can consolidate its providers' workspaces into one report.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "generate.hpp"
#include "report.hpp"
#include "setup.hpp"
#include "storage.hpp"

using namespace bw;

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  bridgework ese --year N --quarter Q [--state-establishments N] [--out DIR] BACKUP.json...\n"
    "      writes ESE_PY<N>_Q<Q>_detail.csv, _summary.csv and _rates.csv into DIR (default: here)\n"
    "      from every service in the backups (Settings > Backup in the app). An establishment in\n"
    "      several backups (same FEIN and address) counts once. The state's establishment total is\n"
    "      the option's, else the first backup's that has one.\n"
    "  bridgework demo-backup FILE [--at YYYY-MM-DDTHH:MM]\n"
    "      writes the demo workspace, as of that time (default: now), as a backup file\n"
    "  bridgework generate --clients N [--seed S] [--at YYYY-MM-DDTHH:MM] FILE\n"
    "      writes a large fictional workspace as a backup file: N clients with 18 months of\n"
    "      contacts, plans and issues, and a year of employers, jobs, matches, hires and services\n"
    "      (docs/generate.md). The same seed (default 1) and time make the same file.\n";

int usage(const std::string& why) {
  std::fprintf(stderr, "bridgework: %s\n%s", why.c_str(), kUsage);
  return 2;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return bool(out);
}

LocalSeconds local_now() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[20];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M", &local);
  return *parse_iso(buf);
}

bool whole_number(const std::string& text, long long& out) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 12) return false;
  out = std::stoll(text);
  return true;
}

int ese(const std::vector<std::string>& args) {
  long long year = 0, quarter = 0, state_total = -1;
  std::string out_dir = ".";
  std::vector<std::string> backups;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--year" && has_value) {
      if (!whole_number(args[++i], year)) return usage("--year is a program year, e.g. 2026");
    } else if (a == "--quarter" && has_value) {
      if (!whole_number(args[++i], quarter)) return usage("--quarter is 1, 2, 3 or 4");
    } else if (a == "--state-establishments" && has_value) {
      if (!whole_number(args[++i], state_total) || state_total < 1) return usage("--state-establishments is a whole number, 1 or more");
    } else if (a == "--out" && has_value) {
      out_dir = args[++i];
    } else if (a.rfind("--", 0) == 0) {
      return usage("unknown option " + a);
    } else {
      backups.push_back(a);
    }
  }
  if (year < 2000 || year > 2100) return usage("give --year, the program year (PY N runs July 1 of N to June 30 of N+1)");
  if (quarter < 1 || quarter > 4) return usage("give --quarter, 1 (Jul-Sep) to 4 (Apr-Jun)");
  if (backups.empty()) return usage("give one or more backup files");

  const auto started = std::chrono::steady_clock::now();
  std::vector<Workspace> workspaces;
  workspaces.reserve(backups.size());
  for (const std::string& path : backups) {
    std::string text;
    if (!read_file(path, text)) {
      std::fprintf(stderr, "bridgework: cannot read %s\n", path.c_str());
      return 1;
    }
    auto ws = decode_backup(text);
    if (auto* e = std::get_if<Error>(&ws)) {
      std::fprintf(stderr, "bridgework: %s: %s\n", path.c_str(), e->message.c_str());
      return 1;
    }
    workspaces.push_back(std::get<Workspace>(std::move(ws)));
  }
  const auto loaded = std::chrono::steady_clock::now();
  std::vector<EseSource> sources;
  for (const Workspace& ws : workspaces) {
    sources.push_back({&ws, {}});
    if (state_total < 0 && ws.meta.state_establishments > 0) state_total = ws.meta.state_establishments;
  }
  const ProgramQuarter pq{int(year), int(quarter)};
  const EseFiles files = ese_files(sources, pq, state_total < 0 ? 0 : state_total);
  const auto made = std::chrono::steady_clock::now();
  for (auto [part, text] : {std::pair{"detail", &files.detail}, {"summary", &files.summary}, {"rates", &files.rates}}) {
    const std::string path = out_dir + "/" + ese_file_name(pq, part);
    if (!write_file(path, *text)) {
      std::fprintf(stderr, "bridgework: cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("%s\n", path.c_str());
  }
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("%s: %lld services, %lld establishments served, from %zu backup(s); read %.0f ms, export %.0f ms\n",
              quarter_label(pq).c_str(), files.services, files.counts.served, backups.size(), ms(started, loaded),
              ms(loaded, made));
  return 0;
}

int demo_backup(const std::vector<std::string>& args) {
  if (args.empty()) return usage("give the file to write");
  LocalSeconds at = local_now();
  if (args.size() == 3 && args[1] == "--at") {
    auto t = parse_iso(args[2]);
    if (!t) return usage("--at is YYYY-MM-DDTHH:MM");
    at = *t;
  } else if (args.size() != 1) {
    return usage("demo-backup takes a file and, optionally, --at");
  }
  const NewWorkspace demo = create_demo_workspace("demo00000000", at);
  if (!write_file(args[0], encode_backup(demo.workspace, at))) {
    std::fprintf(stderr, "bridgework: cannot write %s\n", args[0].c_str());
    return 1;
  }
  std::printf("%s\n", args[0].c_str());
  return 0;
}

int generate(const std::vector<std::string>& args) {
  long long clients = 0, seed = 1;
  LocalSeconds at = local_now();
  std::string file;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--clients" && has_value) {
      if (!whole_number(args[++i], clients) || clients < 1 || clients > 1000000) return usage("--clients is 1 to 1000000");
    } else if (a == "--seed" && has_value) {
      if (!whole_number(args[++i], seed)) return usage("--seed is a whole number");
    } else if (a == "--at" && has_value) {
      auto t = parse_iso(args[++i]);
      if (!t) return usage("--at is YYYY-MM-DDTHH:MM");
      at = *t;
    } else if (a.rfind("--", 0) == 0 || !file.empty()) {
      return usage("unknown option " + a);
    } else {
      file = a;
    }
  }
  if (clients == 0) return usage("give --clients, how many clients to make");
  if (file.empty()) return usage("give the file to write");
  const auto started = std::chrono::steady_clock::now();
  const Generated g = generate_workspace(int(clients), std::uint64_t(seed), "gen" + std::to_string(seed % 1000000000), at);
  if (g.refused) {
    std::fprintf(stderr, "bridgework: %d of %d commands were refused, the first: %s\n", g.refused, g.commands,
                 g.first_refusal.c_str());
    return 1;
  }
  if (!write_file(file, encode_backup(g.workspace, at))) {
    std::fprintf(stderr, "bridgework: cannot write %s\n", file.c_str());
    return 1;
  }
  const Workspace& ws = g.workspace;
  std::printf("%s: %zu clients, %zu staff, %zu contacts, %zu employers, %zu establishments, %zu jobs, %zu matches, "
              "%zu hires, %zu services, %zu comments, %zu issues, %zu audit entries; %d commands in %.1f s\n",
              file.c_str(), ws.clients.size(), ws.staff.size(), ws.contacts.size(), ws.employers.size(),
              ws.establishments.size(), ws.jobs.size(), ws.matches.size(), ws.hires.size(), ws.services.size(),
              ws.comments.size(), ws.issues.size(), ws.audit.size(), g.commands,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage("say what to do");
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "ese") return ese(args);
  if (command == "demo-backup") return demo_backup(args);
  if (command == "generate") return generate(args);
  if (command == "--help" || command == "-h") {
    std::printf("%s", kUsage);
    return 0;
  }
  return usage("unknown command " + command);
}
