// Writes the demo workspace as the Bridgework of one commit stores it in
// IndexedDB: {"schema": N, "meta": "...", "buckets": {"17": "...", ...}}.
// Built against that commit's src/core by make.sh; the API used here has not
// changed since the first schema.
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "civil_time.hpp"
#include "setup.hpp"
#include "storage.hpp"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const bw::LocalSeconds now = *bw::parse_iso("2026-11-20T10:00");
  bw::NewWorkspace made = bw::create_demo_workspace("5c4e3a2b1d0f", now);
  const int schema = made.workspace.meta.schema_version;
  bw::WorkspaceStore store(std::move(made.workspace), false);
  auto batch = store.next_batch();
  nlohmann::json buckets = nlohmann::json::object();
  for (auto& [bucket, value] : batch->buckets) buckets[std::to_string(bucket)] = value;
  std::ofstream(argv[1]) << nlohmann::json{{"schema", schema}, {"meta", batch->meta}, {"buckets", buckets}}.dump(1) << "\n";
  std::cout << argv[1] << ": schema " << schema << ", " << buckets.size() << " buckets\n";
}
