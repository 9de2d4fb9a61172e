// Writes the fuzzers' seed corpora from real data: the demo workspace as a
// backup, its stored meta and buckets, and one command of every type with
// each field filled by the kind of value it takes.
// Usage: make_seeds <folder>   (makes meta/, bucket/, backup/, command/ in it)
#include <filesystem>
#include <fstream>

#include "setup.hpp"
#include "storage.hpp"

using namespace bw;
namespace fs = std::filesystem;

namespace {
void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

json sample(const std::string& type) {
  if (type == "date") return "2026-11-20";
  if (type == "date-time") return "2026-11-20T10:00";
  if (type == "whole number") return 3;
  if (type == "number") return 18.5;
  if (type == "boolean") return true;
  if (type == "list of strings") return json::array({"grades", "schedule"});
  if (type == "program list") return json::array({"wioa_adult"});
  if (type == "list of activity reviews") return json::array({{{"activity", "f-0000000001"}, {"decision", "continues"}}});
  if (type == "role") return "ers";
  if (type == "program") return "wioa_adult";
  return "f-0000000001";
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const fs::path out = argv[1];
  const LocalSeconds now = 1'795'000'000;
  NewWorkspace demo = create_demo_workspace("f", now);
  write(out / "backup" / "demo.json", encode_backup(demo.workspace, now));
  WorkspaceStore store(demo.workspace, false);
  auto batch = store.next_batch();
  write(out / "meta" / "demo.json", batch->meta);
  int n = 0;
  for (auto& [bucket, value] : batch->buckets)
    if (n++ % 16 == 0) write(out / "bucket" / (std::to_string(bucket) + ".json"), value);
  for (const json& spec : command_catalogue()) {
    json cmd = {{"type", spec["type"]}};
    for (const json& f : spec["fields"]) cmd[f["name"].get<std::string>()] = sample(f["type"].get<std::string>());
    write(out / "command" / (spec["type"].get<std::string>() + ".json"), cmd.dump());
  }
  return 0;
}
