// libFuzzer target for every reader of outside data (W4): a stored meta
// value, a stored bucket, a backup file and a command's JSON, chosen by
// BRIDGEWORK_FUZZ_READER (meta, bucket, backup or command). Built once with
// AddressSanitizer and UBSan; a reader must answer with a Workspace or an
// Error, never crash, hang or misread.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../core/json_tree.hpp"
#include "integrity.hpp"
#include "storage.hpp"

using namespace bw;

namespace {
void fuzz_meta(const std::string& text) {
  auto ws = decode_meta(text);
  if (auto* w = std::get_if<Workspace>(&ws)) (void)encode_meta(*w);
}

// decode_bucket, then the checks a whole workspace gets.
void fuzz_bucket(const std::string& text) {
  // A bucket is read as a JsonView: it must read every text as nlohmann's parser does.
  const json tree = json::parse(text, nullptr, false);
  const JsonDocument doc(text);
  if (doc.ok() == tree.is_discarded()) __builtin_trap();
  if (doc.ok() && bw::test::nesting_depth(text) < 200 && bw::test::tree_of(doc.root()) != tree) __builtin_trap();
  Workspace ws;
  ws.meta.id_origin = "f";
  if (!decode_bucket(ws, text) && !check_integrity(ws)) {
    WorkspaceStore store(std::move(ws), false);
    while (auto batch = store.next_batch()) store.batch_committed();
  }
}

// decode_backup, and what a restored workspace is put through.
void fuzz_backup(const std::string& text) {
  auto ws = decode_backup(text);
  // Read as a stream of JsonViews: refused as not JSON exactly when nlohmann's parser refuses it.
  const auto* refused = std::get_if<Error>(&ws);
  if ((refused && refused->message.find("it is not JSON") != std::string::npos) !=
      json::parse(text, nullptr, false).is_discarded())
    __builtin_trap();
  if (auto* w = std::get_if<Workspace>(&ws)) {
    const std::string again = encode_backup(*w, 0);
    if (!std::holds_alternative<Workspace>(decode_backup(again))) __builtin_trap();  // what is accepted round-trips
  }
}

void fuzz_command(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_discarded()) {
    auto cmd = command_from_json(j);
    if (auto* c = std::get_if<Command>(&cmd)) (void)command_type(*c);
  }
}

void (*reader)(const std::string&) = nullptr;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* name = std::getenv("BRIDGEWORK_FUZZ_READER");
  const std::string chosen = name ? name : "";
  if (chosen == "meta") reader = fuzz_meta;
  if (chosen == "bucket") reader = fuzz_bucket;
  if (chosen == "backup") reader = fuzz_backup;
  if (chosen == "command") reader = fuzz_command;
  if (!reader) {
    std::fprintf(stderr, "Set BRIDGEWORK_FUZZ_READER to meta, bucket, backup or command.\n");
    std::exit(2);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  reader(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
